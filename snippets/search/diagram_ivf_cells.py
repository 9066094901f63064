"""IVF cells drawn by our k-means: a query, the cells nprobe = 1 and 2 scan, and a neighbour missed across a border.

2-D points are lifted to (x, y, 2) before they go into the index, so their cosine cells cut the plane
along straight lines (the border of two cells is a plane through the origin): what the figure shows
is exactly what ``IVFIndex`` computes. The query is the first of a seeded random stream whose true
nearest neighbour lies outside the cell nprobe = 1 scans but inside the second cell: nothing is placed by hand.
"""

import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.plotting import save_themed, theme_colours
from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.kmeans import nearest_centroid

HEIGHT = 2.0
rng = np.random.default_rng(0)
points = np.vstack([rng.normal(centre, 0.28, size=(40, 2)) for centre in ([-0.9, -0.6], [0.8, 0.7], [0.7, -0.8],
                                                                          [-0.6, 0.8])] + [rng.uniform(-1.4, 1.4, (80, 2))])


def lift(xy):
    return np.c_[xy, np.full(len(xy), HEIGHT)]


index = IVFIndex(3, 6, seed=0)
index.train(lift(points))
index.add(lift(points))
unit = lift(points) / np.linalg.norm(lift(points), axis=1, keepdims=True)
cell_of = np.empty(len(points), dtype=np.int64)
for cell, (ids, _) in enumerate(index.lists):
    cell_of[ids] = cell

for query in rng.uniform(-1.2, 1.2, (500, 2)):
    q = lift(query[None])[0] / np.linalg.norm(lift(query[None])[0])
    nearest = int(np.argmax(unit @ q))
    index.nprobe = 2
    first, second = index.probe(lift(query[None]))[0]
    if cell_of[nearest] == second:
        break

grid = np.linspace(-1.6, 1.6, 400)
gx, gy = np.meshgrid(grid, grid)
cells = nearest_centroid(lift(np.c_[gx.ravel(), gy.ravel()]), index.centroids)[0].reshape(gx.shape)
centroids = index.centroids[:, :2] / index.centroids[:, 2:] * HEIGHT  # back onto the plane z = 2

LABELS = {"zh": {"first": "nprobe = 1 扫描的单元", "second": "nprobe = 2 再加的单元", "points": "存储的向量",
                 "centroids": "质心", "query": "查询", "missed": "真正的最近邻（nprobe = 1 时漏掉）"},
          "en": {"first": "cell scanned at nprobe = 1", "second": "cell added at nprobe = 2", "points": "stored vectors",
                 "centroids": "centroids", "query": "query", "missed": "true nearest neighbour (missed at nprobe = 1)"}}


def draw(language):
    c, words = theme_colours(), LABELS[language]
    fig, ax = plt.subplots(figsize=(6.4, 6.4))
    for cell, colour, label in ((first, c["cycle"][0], words["first"]), (second, c["cycle"][2], words["second"])):
        ax.contourf(gx, gy, (cells == cell).astype(float), levels=[0.5, 1.5], colors=[colour], alpha=0.25)
        ax.fill([], [], facecolor=colour, edgecolor="none", alpha=0.25, label=label)  # no outline: only the legend swatch
    ax.contour(gx, gy, cells, levels=np.arange(index.nlist) + 0.5, colors=[c["fg"]], linewidths=0.8)
    ax.scatter(*points.T, s=9, color=c["fg"], alpha=0.6, label=words["points"])
    ax.scatter(*centroids.T, s=90, marker="X", color=c["cycle"][3], label=words["centroids"])
    ax.scatter(*points[nearest], s=160, facecolors="none", edgecolors=c["cycle"][1], linewidths=2, label=words["missed"])
    ax.scatter(*query, s=200, marker="*", color=c["emphasis"], label=words["query"], zorder=5)
    ax.annotate("", xy=points[nearest], xytext=query, arrowprops={"arrowstyle": "->", "color": c["emphasis"]})
    ax.set(xlim=(-1.6, 1.6), ylim=(-1.6, 1.6), aspect="equal", xticks=[], yticks=[])
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2, fontsize=9)
    return fig


save_themed(draw, "ivf-cells", languages=("zh", "en"))
