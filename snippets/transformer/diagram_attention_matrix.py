"""Figure: attention weights as an L × S matrix, each row a query's weights over the keys, without a mask,
with a padding mask and with a causal mask. The weights are computed by attention_weights on a toy example."""

import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle

from neuralnlp.plotting import save_themed, theme_colours
from neuralnlp.transformer.attention import attention_weights

torch.manual_seed(3)
q, k = torch.randn(5, 4), torch.randn(5, 4)
padding = torch.tensor([True, True, True, False, False])  # the last two positions are padding
cases = [(attention_weights(q, k), None),
         (attention_weights(q, k, attn_mask=padding), padding.expand(5, 5)),
         (attention_weights(q, k, is_causal=True), torch.ones(5, 5, dtype=torch.bool).tril())]
for weights, _ in cases:
    assert torch.allclose(weights.sum(-1), torch.ones(5))  # every row is a distribution over the keys

WORDS = {"zh": {"titles": ["无掩码", "填充掩码（后两个位置是填充）", "因果掩码"], "key": "键 j", "query": "查询 i"},
         "en": {"titles": ["no mask", "padding mask (last two are padding)", "causal mask"], "key": "key j",
                "query": "query i"}}


def draw(language):
    w, colours = WORDS[language], theme_colours()
    fig, axes = plt.subplots(1, 3, figsize=(13, 4.6))
    for ax, (weights, allowed), title in zip(axes, cases, w["titles"]):
        for i in range(5):
            for j in range(5):
                masked = allowed is not None and not allowed[i, j]
                # the deeper the colour, the larger the weight; a masked cell stays empty
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=colours["cycle"][0],
                                       alpha=0.0 if masked else 0.7 * weights[i, j].item(), edgecolor="none"))
                ax.text(j, i, "×" if masked else f"{weights[i, j]:.2f}", ha="center", va="center", fontsize=10)
        # the cells' borders, as faint lines (the axes' frame keeps the page's ink)
        ax.hlines([k - 0.5 for k in range(6)], -0.5, 4.5, colors=colours["grid"], linewidth=0.8)
        ax.vlines([k - 0.5 for k in range(6)], -0.5, 4.5, colors=colours["grid"], linewidth=0.8)
        ax.set_xlim(-0.5, 4.5)
        ax.set_ylim(4.5, -0.5)  # query 0 on top, as in a matrix
        ax.set_aspect("equal")
        ax.set_xticks(range(5))
        ax.set_yticks(range(5))
        ax.set_xlabel(w["key"])
        ax.set_ylabel(w["query"])
        ax.set_title(title, fontsize=11)
        ax.grid(False)
    fig.tight_layout()
    return fig


save_themed(draw, "transformer-attention-matrix", languages=("zh", "en"))
