r"""Schematic diagrams drawn by code: boxes, nodes, arrows and labels on a grid of units.

A lecture's figures (a neuron, an unrolled RNN, a GRU cell, a Huffman tree) are drawn here rather
than pasted in as images, so that a figure is regenerated with the site and can be drawn from the
very object the library builds. Draw inside a function passed to
``neuralnlp.plotting.save_themed``, which calls it once per palette and language::

    def draw(language):
        d = Diagram(6, 2)
        x = d.node(1, 1, "x")
        y = d.box(4, 1, 2, 1, "f(Wx + b)", role="hidden")
        d.arrow(x, y)
        return d.figure

    save_themed(draw, "neuron", languages=("zh", "en"))

Two limits of matplotlib's text worth knowing: its ``$…$`` mathematics cannot draw Chinese (a label
that mixes the two shows boxes), so put Chinese words and formulas in separate ``text`` calls; and
write a prime as the character ′ rather than ``\prime``.

Coordinates are in units (1 unit = ``scale`` inches), origin at the bottom left. Every shape
returns a ``Shape`` whose ``anchor(towards)`` gives the point on its outline facing another
point, so arrows start and end at outlines, not centres. Strokes and text use the palette's ink;
fills use translucent colours by ``role``; ``emphasis=True`` strokes in the palette's emphasis colour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib import patches

from neuralnlp._checks import brief, check_bool, check_choice, check_real
from neuralnlp.plotting import theme_colours

# Fill colour of each role: an index into the palette's colour cycle (None: no fill).
ROLES = {"plain": None, "input": 0, "hidden": 2, "output": 1, "gate": 3, "state": 4}
FILL_ALPHA = 0.22


@dataclass(frozen=True)
class Shape:
    """A drawn box or node: its centre and how far its outline reaches from it."""

    x: float
    y: float
    half_width: float
    half_height: float
    round: bool = False

    def __post_init__(self):
        check_real(self.x, "x")
        check_real(self.y, "y")
        check_real(self.half_width, "half_width", 0)
        check_real(self.half_height, "half_height", 0)
        check_bool(self.round, "round")

    def anchor(self, towards: tuple[float, float]) -> tuple[float, float]:
        """The point of the outline on the straight line from the centre towards ``towards``."""
        towards = _point(towards, "towards")
        dx, dy = towards[0] - self.x, towards[1] - self.y
        if dx == dy == 0:
            return self.x, self.y
        if self.round:
            t = self.half_width / math.hypot(dx, dy)
        else:
            t = min(self.half_width / abs(dx) if dx else math.inf, self.half_height / abs(dy) if dy else math.inf)
        return self.x + t * dx, self.y + t * dy

    @property
    def centre(self) -> tuple[float, float]:
        """The centre (x, y)."""
        return self.x, self.y


def _point(p, name: str = "point") -> tuple[float, float]:
    """A Shape's centre, or a pair (x, y) of finite numbers."""
    if isinstance(p, Shape):
        return p.centre
    if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
        raise TypeError(f"{name}: expected a Shape or a point (x, y), got {brief(p)}")
    return check_real(p[0], f"{name}[0]"), check_real(p[1], f"{name}[1]")


class Diagram:
    """A blank figure of ``width`` × ``height`` units for boxes, nodes, arrows and text.

    Args:
        width: width in units (positive).
        height: height in units (positive).
        scale: inches per unit.

    Raises:
        TypeError: a size, coordinate or text of the wrong type.
        ValueError: a size that is not positive (or NaN, inf), or an unknown role.
    """

    def __init__(self, width: float, height: float, scale: float = 0.8):
        for name, size in (("width", width), ("height", height), ("scale", scale)):
            check_real(size, name, 0, min_open=True)
        self.colours = theme_colours()
        self.figure, self.ax = plt.subplots(figsize=(width * scale, height * scale))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.set_aspect("equal")
        self.ax.axis("off")
        self.figure.subplots_adjust(0, 0, 1, 1)

    def _fill(self, role: str):
        index = ROLES[check_choice(role, sorted(ROLES), "role")]
        return "none" if index is None else self.colours["cycle"][index]

    def _stroke(self, emphasis: bool) -> str:
        return self.colours["emphasis"] if emphasis else self.colours["fg"]

    def _outlined(self, make, role: str, emphasis: bool) -> None:
        """Add ``make(**style)`` twice: a translucent fill by ``role``, then an opaque outline."""
        fill = self._fill(role)
        if fill != "none":
            self.ax.add_patch(make(facecolor=fill, alpha=FILL_ALPHA, edgecolor="none"))
        self.ax.add_patch(make(facecolor="none", edgecolor=self._stroke(emphasis), linewidth=2.2 if emphasis else 1.2))

    def box(self, x: float, y: float, width: float, height: float, text: str = "", *, role: str = "plain",
            emphasis: bool = False, fontsize: float = 11, rounded: bool = True) -> Shape:
        """A box centred at (x, y) with ``text`` in it."""
        _check_place(x, y, text, emphasis, width=width, height=height, fontsize=fontsize)
        style = "round,pad=0,rounding_size=0.12" if rounded else "square,pad=0"
        corner = (x - width / 2, y - height / 2)
        self._outlined(lambda **kw: patches.FancyBboxPatch(corner, width, height, boxstyle=style, **kw), role, emphasis)
        if text:
            self.text(x, y, text, fontsize=fontsize)
        return Shape(x, y, width / 2, height / 2)

    def node(self, x: float, y: float, text: str = "", *, radius: float = 0.35, role: str = "plain",
             emphasis: bool = False, fontsize: float = 11) -> Shape:
        """A circle centred at (x, y) with ``text`` in it."""
        _check_place(x, y, text, emphasis, radius=radius, fontsize=fontsize)
        self._outlined(lambda **kw: patches.Circle((x, y), radius, **kw), role, emphasis)
        if text:
            self.text(x, y, text, fontsize=fontsize)
        return Shape(x, y, radius, radius, round=True)

    def arrow(self, start, end, text: str = "", *, emphasis: bool = False, curve: float = 0.0,
              dashed: bool = False, head: bool = True, text_offset: tuple[float, float] = (0.0, 0.18),
              fontsize: float = 10) -> None:
        """An arrow from ``start`` to ``end`` (shapes or points), from outline to outline.

        ``curve`` bends it (the arc's rad, positive to the left); ``text`` sits at its middle, moved
        by ``text_offset``.
        """
        a, b = _point(start, "start"), _point(end, "end")
        _check_place(0.0, 0.0, text, emphasis, fontsize=fontsize)
        check_real(curve, "curve")
        _point(text_offset, "text_offset")
        if isinstance(start, Shape):
            a = start.anchor(b)
        if isinstance(end, Shape):
            b = end.anchor(a)
        colour = self._stroke(emphasis)
        self.ax.add_patch(patches.FancyArrowPatch(
            a, b, arrowstyle="-|>" if head else "-", mutation_scale=12, color=colour,
            linewidth=2.2 if emphasis else 1.1, linestyle="--" if dashed else "-",
            connectionstyle=f"arc3,rad={curve}", shrinkA=0, shrinkB=0))
        if text:
            self.text((a[0] + b[0]) / 2 + text_offset[0], (a[1] + b[1]) / 2 + text_offset[1], text, fontsize=fontsize)

    def line(self, points, *, emphasis: bool = False, dashed: bool = False) -> None:
        """A polyline through ``points`` (no arrow head)."""
        if isinstance(points, (str, bytes)) or not hasattr(points, "__iter__"):
            raise TypeError(f"points: expected a sequence of at least 2 points, got {brief(points)}")
        points = [_point(p, f"points[{i}]") for i, p in enumerate(points)]
        if len(points) < 2:
            raise ValueError(f"points: expected at least 2 points, got {len(points)}")
        check_bool(emphasis, "emphasis")
        xs, ys = zip(*points)
        self.ax.plot(xs, ys, color=self._stroke(emphasis), linewidth=2.2 if emphasis else 1.1,
                     linestyle="--" if dashed else "-")

    def text(self, x: float, y: float, text: str, *, fontsize: float = 11, ha: str = "center",
             va: str = "center", emphasis: bool = False, **kwargs) -> None:
        """Text centred at (x, y); ``$…$`` is rendered as mathematics."""
        _check_place(x, y, text, emphasis, fontsize=fontsize)
        self.ax.text(x, y, text, fontsize=fontsize, ha=ha, va=va,
                     color=self._stroke(emphasis), **kwargs)


def _check_place(x, y, text, emphasis, **sizes) -> None:
    """Finite coordinates, a str text, a bool emphasis and positive sizes."""
    check_real(x, "x")
    check_real(y, "y")
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {brief(text)}")
    check_bool(emphasis, "emphasis")
    for name, size in sizes.items():
        check_real(size, name, 0, min_open=True)
