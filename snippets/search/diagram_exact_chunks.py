"""Figure: chunked exact search. One chunk of stored rows at a time: a matrix product, top k, a merge."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {"stored": "存储的单位向量", "queries": "查询", "scores": "内存里只有这 q × c 个分数",
           "topk": "每个查询取前 k 个", "merge": "与当前的前 k 个合并", "next": "下一块"},
    "en": {"stored": "stored unit vectors", "queries": "queries", "scores": "only these q × c scores in memory",
           "topk": "top k per query", "merge": "merged into the running top k", "next": "next chunk"},
}


def draw(language):
    w = WORDS[language]
    d = Diagram(14.5, 5.6, scale=0.55)
    chunks = [d.box(1.7, y, 2.2, 0.8, rf"$\hat X_{i}$  (c × d)", role="input" if i == 2 else "plain",
                    emphasis=i == 2, fontsize=10) for i, y in ((1, 4.0), (2, 3.0), (3, 2.0))]
    d.text(1.7, 1.25, r"$\vdots$")
    d.text(1.7, 0.55, w["stored"] + "  (N × d)", fontsize=10)
    queries = d.box(5.4, 4.6, 2.2, 0.8, r"$\hat Q$  (q × d)", role="input", fontsize=10)
    d.text(5.4, 5.25, w["queries"], fontsize=10)
    product = d.box(5.4, 3.0, 2.6, 0.9, r"$S_c = \hat Q \hat X_c^\top$", role="hidden", fontsize=11)
    d.text(5.4, 2.2, w["scores"], fontsize=9)
    top = d.box(9.0, 3.0, 2.2, 0.9, "torch.topk", role="gate", fontsize=10)
    d.text(9.0, 2.2, w["topk"], fontsize=9)
    merged = d.box(12.6, 3.0, 2.4, 0.9, r"$q \times k$", role="output", fontsize=11)
    d.text(12.6, 2.2, w["merge"], fontsize=9)
    d.arrow(chunks[1], product, emphasis=True)
    d.arrow(queries, product)
    d.arrow(product, top, r"$q \times c$")
    d.arrow(top, merged, r"$q \times k$")
    d.arrow((12.6, 3.45), (6.2, 3.45), w["next"], curve=0.35, dashed=True, text_offset=(0.0, 1.15))
    return d.figure


save_themed(draw, "exact-chunks", languages=("zh", "en"))
