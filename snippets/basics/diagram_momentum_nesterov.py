"""Momentum and Nesterov momentum, one step each, drawn to scale on the ill-conditioned quadratic.

The arrows are computed, not sketched: the gradient of f = (x² + 20y²)/2 at θ (momentum) and at the
look-ahead point θ + μv (Nesterov), with the same previous step v. The look-ahead gradient already
points back towards the valley floor, so Nesterov's step overshoots less.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.training import ill_conditioned_quadratic

LR, MU = 0.05, 0.9
THETA = torch.tensor([-3.0, 0.5], dtype=torch.float64)
PREVIOUS_STEP = torch.tensor([0.5, -0.6], dtype=torch.float64)


def gradient(point):
    point = point.clone().requires_grad_(True)
    ill_conditioned_quadratic(point).backward()
    return point.grad


heavy_ball = MU * PREVIOUS_STEP - LR * gradient(THETA)
look_ahead = THETA + MU * PREVIOUS_STEP
nesterov = MU * PREVIOUS_STEP - LR * gradient(look_ahead)
assert heavy_ball[1] < nesterov[1] < 0  # both go down; Nesterov less far past the valley floor

WORDS = {"zh": {"momentum": "动量", "nesterov": "Nesterov 动量", "floor": "谷底 y = 0", "step": "这一步",
                "look": "先走到这里，再算梯度"},
         "en": {"momentum": "momentum", "nesterov": "Nesterov momentum", "floor": "valley floor y = 0", "step": "the step",
                "look": "look ahead, then take the gradient"}}
SCALE, WIDTH, HEIGHT = 4.0, 14.0, 6.4


def draw(language):
    words = WORDS[language]
    d = Diagram(WIDTH, HEIGHT, scale=0.55)

    def at(point, left):  # world (x, y) -> diagram units, in the left or right panel
        return (1.2 + (point[0] + 3.2) * SCALE + (0 if left else WIDTH / 2), 3.0 + point[1] * SCALE)

    for left, title, step, gradient_from in ((True, words["momentum"], heavy_ball, THETA),
                                             (False, words["nesterov"], nesterov, look_ahead)):
        x0 = 0.0 if left else WIDTH / 2
        d.text(x0 + WIDTH / 4, HEIGHT - 0.35, title, fontsize=12)
        floor_start, floor_end = at((-3.35, 0.0), left), at((-1.8, 0.0), left)
        d.line([floor_start, floor_end], dashed=True)
        d.text(floor_start[0], floor_start[1] - 0.3, words["floor"], fontsize=9, ha="left")
        start = d.node(*at(THETA, left), "θ", radius=0.28, role="state", fontsize=10)
        momentum_end = at(THETA + MU * PREVIOUS_STEP, left)
        d.arrow(start, momentum_end, "μv", dashed=True, text_offset=(0.45, 0.3) if left else (-0.45, -0.2))
        if not left:
            d.node(*momentum_end, radius=0.07, role="gate")
            d.text(momentum_end[0] + 0.1, momentum_end[1] - 0.55, words["look"], fontsize=9, ha="left")
        gradient_end = at(THETA + MU * PREVIOUS_STEP - LR * gradient(gradient_from), left)
        d.arrow(momentum_end, gradient_end)
        d.text(gradient_end[0] + 0.25, gradient_end[1] + (0.0 if left else 0.3), "−η∇f", fontsize=10, ha="left")
        end = at(THETA + step, left)
        d.arrow(start, end, emphasis=True)
        if left:  # below the valley floor, left of the arrow
            d.text(start.x + 0.75 * (end[0] - start.x) - 0.3, start.y + 0.75 * (end[1] - start.y), words["step"],
                   fontsize=10, ha="right", emphasis=True)
        else:  # above the arrow
            d.text((start.x + end[0]) / 2 + 0.35, (start.y + end[1]) / 2 + 0.3, words["step"], fontsize=10, ha="left",
                   emphasis=True)
    return d.figure


save_themed(draw, "optimizers-momentum-nesterov", languages=("zh", "en"))
