"""The pipeline as a flow: raw reviews to a saved, reloaded and evaluated classifier; which split feeds which step."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {"steps": ["原始评论\nsnownlp", "去重、去掉\n双标签文本", "分层划分\n训练/验证/测试", "词元化\njieba 或字",
                     "词表\n只用训练集", "Dataset\n填充 + 长度", "模型\n词元 → 类别", "训练\nAdamW、早停",
                     "检查点\n保存、重新加载", "评估\n只用一次测试集"],
           "train": "只看训练集", "validation": "验证集：选轮数", "test": "测试集：最后一次"},
    "en": {"steps": ["raw reviews\nsnownlp", "deduplicate,\ndrop both-label", "stratified split\ntrain/val/test",
                     "tokenise\njieba or chars", "vocabulary\ntraining only", "Dataset\npadding + lengths",
                     "model\ntokens → class", "train\nAdamW, early stop", "checkpoint\nsave, reload",
                     "evaluate\ntest split once"],
           "train": "training split only", "validation": "validation: picks the epoch", "test": "test: used once, at the end"},
}
W, H = 2.3, 1.05  # box size


def draw(language):
    w = WORDS[language]
    d = Diagram(14.6, 5.4, scale=0.62)
    top, bottom = 3.9, 1.6
    xs = [1.5 + i * 2.9 for i in range(5)]
    boxes = [d.box(x, top, W, H, w["steps"][i], role="input" if i < 3 else "hidden", fontsize=9)
             for i, x in enumerate(xs)]
    boxes += [d.box(x, bottom, W, H, w["steps"][5 + i], role="hidden" if i < 2 else "output", fontsize=9)
              for i, x in enumerate(reversed(xs))]
    for a, b in zip(boxes, boxes[1:]):
        d.arrow(a, b)
    # Which split feeds which step: training everywhere it is fitted, validation for stopping, test once.
    d.text(xs[4], top + 0.85, w["train"], fontsize=8)
    d.text(xs[2], bottom - 0.9, w["validation"], fontsize=8)
    d.text(xs[0], bottom - 0.9, w["test"], fontsize=8, emphasis=True)
    return d.figure


save_themed(draw, "pipeline-flow", languages=("zh", "en"))
