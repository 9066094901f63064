"""Many-to-one over a padded batch: read the state at each text's own last token, never at the padding."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {"tokens": ["很", "好", "用", "<pad>", "<pad>"], "read": "读这里：t = L", "not": "不读：填充之后的状态",
           "forward": "正向", "backward": "反向", "classes": "正面 / 负面"},
    "en": {"tokens": ["很", "好", "用", "<pad>", "<pad>"], "read": "read here: t = L", "not": "never: a state after padding",
           "forward": "forward", "backward": "backward", "classes": "positive / negative"},
}
GAP = 1.7


def draw(language):
    w = WORDS[language]
    d = Diagram(14.4, 6.4, scale=0.6)
    x0, y_in, y_fwd, y_bwd = 2.2, 0.8, 2.6, 4.2
    fwd, bwd = [], []
    for i, token in enumerate(w["tokens"]):
        x = x0 + i * GAP
        pad = token == "<pad>"
        d.text(x, y_in, token, fontsize=10 if not pad else 8)
        f = d.box(x, y_fwd, 1.0, 0.6, role="plain" if pad else "hidden")
        d.arrow((x, y_in + 0.3), f, dashed=pad)
        if fwd:
            d.arrow(fwd[-1], f, dashed=pad)
        fwd.append(f)
        if not pad:
            b = d.box(x, y_bwd, 1.0, 0.6, role="state")
            bwd.append(b)
    for later, earlier in zip(bwd[::-1], bwd[::-1][1:]):
        d.arrow(later, earlier)  # the backward direction starts at the last real token
    d.text(0.75, y_fwd, w["forward"], fontsize=9)
    d.text(0.75, y_bwd, w["backward"], fontsize=9)  # it reads each text reversed within its own length
    out = d.node(x0 + 2 * GAP, 5.75, "", radius=0.32, role="output")
    d.text(x0 + 2 * GAP + 0.55, 5.75, w["classes"], fontsize=9, ha="left")
    d.arrow(fwd[2], out, emphasis=True, curve=-0.25)
    d.text(x0 + 2 * GAP + 0.65, y_fwd + 0.8, w["read"], fontsize=9, ha="left", emphasis=True)
    d.arrow(bwd[0], out, curve=-0.2)
    d.text(x0 + 4 * GAP + 0.65, y_fwd, w["not"], fontsize=8, ha="left")
    return d.figure


save_themed(draw, "many-to-one", languages=("zh", "en"))
