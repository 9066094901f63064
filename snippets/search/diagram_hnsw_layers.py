"""An HNSW graph drawn from a built index: one panel per layer, top layer first, with the route of one query.

The points live on a small cap of the unit sphere, (x, y, 1) / ‖·‖ with |x|, |y| <= 0.35, and are drawn
by their (x, y): on such a cap the cosine orders neighbours almost as the distance in the drawing does.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection

from neuralnlp.plotting import save_themed, theme_colours
from neuralnlp.search.hnsw import HNSWIndex

rng = np.random.default_rng(3)
xy = rng.uniform(-0.35, 0.35, size=(120, 2))
index = HNSWIndex(3, M=3, ef_construction=12, ef_search=4, seed=2)
index.add(np.column_stack([xy, np.ones(len(xy))]))
query_xy = np.array([0.27, -0.26])
route, ids = index.search_trace(np.array([*query_xy, 1.0]), 3)
layers = len(index.layers)
assert layers == 4 and route[0][1][0] == index.entry_point  # the figure needs a few layers to show the idea

WORDS = {
    "zh": {"layer": "第 {} 层", "nodes": "{} 个节点", "entry": "入口点", "query": "查询", "found": "结果"},
    "en": {"layer": "layer {}", "nodes": "{} nodes", "entry": "entry point", "query": "query", "found": "results"},
}


def draw(language):
    w, c = WORDS[language], theme_colours()
    fig, axes = plt.subplots(2, 2, figsize=(7.4, 7.9))
    for ax, (layer, expanded) in zip(axes.flat, route):
        links = index.layers[layer]
        ax.scatter(*xy.T, s=6, color=c["grid"], zorder=1)  # every point, for orientation
        edges = [xy[[node, n]] for node, neighbours in links.items() for n in neighbours]
        ax.add_collection(LineCollection(edges, colors=c["grid"], linewidths=0.8, zorder=2))
        members = np.array(sorted(links))
        ax.scatter(*xy[members].T, s=22, color=c["cycle"][0], zorder=3)
        path = xy[expanded]  # the nodes expanded on this layer, in order
        ax.plot(*path.T, color=c["emphasis"], lw=2.0, zorder=4)
        ax.scatter(*path.T, s=40, color=c["emphasis"], zorder=5)
        ax.scatter(*query_xy, marker="*", s=180, color=c["cycle"][1], zorder=6, label=w["query"])
        if layer == route[0][0]:
            ax.scatter(*xy[index.entry_point], s=140, facecolors="none", edgecolors=c["fg"], lw=1.5, zorder=6,
                       label=w["entry"])
        if layer == 0:
            ax.scatter(*xy[ids].T, s=140, marker="s", facecolors="none", edgecolors=c["cycle"][2], lw=1.5,
                       zorder=6, label=w["found"])
        ax.set_title(w["layer"].format(layer) + " · " + w["nodes"].format(len(links)), fontsize=11)
        ax.set_xlim(-0.4, 0.4)
        ax.set_ylim(-0.4, 0.4)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
    handles = {}
    for ax in axes.flat:
        handles.update(zip(*ax.get_legend_handles_labels()[::-1]))
    fig.legend(handles.values(), handles.keys(), loc="lower center", ncol=3, fontsize=10)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


save_themed(draw, "diagram_hnsw_layers", languages=("zh", "en"))
