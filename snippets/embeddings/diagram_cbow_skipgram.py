"""Figure: the CBOW and skip-gram networks on the window of the word2vec page's example sentence.

The window comes from the library (context_windows), so the figure shows what the code makes.
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.embeddings.word2vec import context_windows
from neuralnlp.plotting import save_themed

sentence = "never too late to learn".split()
window, target_position = 2, 2
target, contexts = list(context_windows(sentence, window))[target_position]

# Words and maths go on separate lines: mathtext cannot draw Chinese.
WORDS = {
    "zh": {"window": f"窗口：中心词左右各 {window} 个词，window={window}", "target": "中心词", "context": "上下文词",
           "cbow": "连续词袋模型 CBOW：用上下文词预测中心词",
           "skipgram": "跳字模型 skip-gram：用中心词分别预测每个上下文词",
           "lookup": "查输入向量", "mean": "取平均", "copy": "直接使用", "scores": "与每个输出向量做点积",
           "predict": "预测"},
    "en": {"window": f"window: {window} words on each side of the target (window={window})", "target": "target word",
           "context": "context word", "cbow": "CBOW (continuous bag of words): the context words predict the target",
           "skipgram": "skip-gram: the target predicts each context word in turn",
           "lookup": "look up input vectors", "mean": "average", "copy": "use as is",
           "scores": "dot product with every output vector", "predict": "predict"},
}
BOX_W, BOX_H = 1.7, 0.55


def stack(d, x, y_mid, words, role, gap=0.72):
    """A column of word boxes centred on y_mid."""
    top = y_mid + gap * (len(words) - 1) / 2
    return [d.box(x, top - k * gap, BOX_W, BOX_H, w, role=role, fontsize=10) for k, w in enumerate(words)]


def network(d, y, words, cbow):
    """One row: inputs -> hidden vector h -> softmax over V words -> what is predicted."""
    x_in, x_h, x_out, x_pred = 1.4, 5.0, 9.0, 12.6
    inputs = stack(d, x_in, y, contexts if cbow else [target], "input")
    h = d.box(x_h, y, 2.6, 1.25, role="hidden")
    d.text(x_h, y + 0.3, words["mean"] if cbow else words["copy"], fontsize=10)
    d.text(x_h, y - 0.25, r"$\mathbf{h} = \frac{1}{C}\sum_j \mathbf{v}_{c_j}$" if cbow else r"$\mathbf{h} = \mathbf{v}_{w_t}$",
           fontsize=11)
    scores = d.box(x_out, y, 3.2, 1.25, role="output")
    d.text(x_out, y + 0.3, "softmax", fontsize=10)
    d.text(x_out, y - 0.25, r"$p(w) \propto \exp(\mathbf{u}_w^\top \mathbf{h})$", fontsize=11)
    predicted = stack(d, x_pred, y, [target] if cbow else contexts, "output")
    for box in inputs:
        d.arrow(box, h)
    d.text((x_in + x_h) / 2 - 0.35, y + 1.55 if cbow else y + 0.85, words["lookup"], fontsize=9)
    d.text((x_in + x_h) / 2 - 0.35, (y + 1.2 if cbow else y + 0.5), r"$\mathbf{v}$", fontsize=11)
    d.arrow(h, scores)
    d.text((x_h + x_out) / 2 + 0.2, y + 1.45, words["scores"], fontsize=9)
    d.text((x_h + x_out) / 2 + 0.2, y + 1.0, r"$\mathbf{u}_w,\; w = 1, \dots, V$", fontsize=10)
    for box in predicted:
        d.arrow(scores, box, emphasis=True)
    d.text((x_out + x_pred) / 2 + 0.3, y + 1.55 if not cbow else y + 0.85, words["predict"], fontsize=9)


def draw(language):
    words = WORDS[language]
    d = Diagram(14.0, 12.2, scale=0.5)
    # The sentence, with the window around the target.
    xs = [2.2 + 2.4 * k for k in range(len(sentence))]
    for x, w in zip(xs, sentence):
        is_target = w == target
        d.box(x, 11.2, 1.9, 0.6, w, role="plain", emphasis=is_target, fontsize=10)
        d.text(x, 10.6, words["target"] if is_target else (words["context"] if w in contexts else ""), fontsize=9,
               emphasis=is_target)
    d.line([(xs[0] - 1.0, 10.2), (xs[0] - 1.0, 10.05), (xs[-1] + 1.0, 10.05), (xs[-1] + 1.0, 10.2)])
    d.text((xs[0] + xs[-1]) / 2, 9.75, words["window"], fontsize=9)
    # The two models on that window.
    d.text(0.5, 9.0, words["cbow"], fontsize=11, ha="left")
    network(d, 6.7, words, cbow=True)
    d.text(0.5, 4.45, words["skipgram"], fontsize=11, ha="left")
    network(d, 2.1, words, cbow=False)
    return d.figure


save_themed(draw, "embeddings-cbow-skipgram", languages=("zh", "en"))
