"""Bad-input cases for the modules outside the chapters: ``neuralnlp.plotting`` and ``neuralnlp.diagrams``."""

from __future__ import annotations

import math
import os
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bad_input_harness import Case, kind_case, number_case, valid_case  # noqa: E402
from neuralnlp import diagrams, plotting  # noqa: E402

CASES: list[Case] = []


def _figure(*_):
    fig, ax = plt.subplots(figsize=(1, 1))
    ax.plot([0, 1], [0, 1])
    return fig


def _axes(*_):
    return _figure().axes[0]


def _save(draw, stem="fig", languages=None):
    """save_themed in an empty temporary directory (it writes into the working directory)."""
    def run():
        here, before = os.getcwd(), set(plt.get_fignums())
        with tempfile.TemporaryDirectory() as tmp:
            os.chdir(tmp)
            try:
                names = plotting.save_themed(draw, stem, languages)
                return names, set(plt.get_fignums()) - before  # the files, and the figures left open
            finally:
                os.chdir(here)
                for number in set(plt.get_fignums()) - before:
                    plt.close(number)
    return run, (), {}


CASES += [
    kind_case("plotting.save_themed", "draw", [None, "draw", _figure()], lambda d: _save(d),
              expected="a function returning a matplotlib Figure"),
    kind_case("plotting.save_themed", "draw", [lambda *_: None, _axes, lambda *_: "fig"], lambda d: _save(d),
              got=lambda d: type(d()).__name__, expected="a function returning a matplotlib Figure", note="returns"),
    kind_case("plotting.save_themed", "stem", [None, 3, ["a"]], lambda s: _save(_figure, s), expected="a non-empty str"),
    Case("plotting.save_themed", "kind", "stem", st.just(""), lambda s: _save(_figure, s), error=ValueError,
         expected="a non-empty str", got="str ''", note="empty"),
    kind_case("plotting.save_themed", "languages", ["zh", b"en", 3], lambda l: _save(_figure, "fig", l),
              expected="a sequence of languages"),
    Case("plotting.save_themed", "kind", "languages", st.sampled_from([("fr",), ("zh", "EN"), (None,)]),
         lambda l: _save(_figure, "fig", l), error=ValueError, expected="a subset of ('zh', 'en')",
         got=lambda l: repr(tuple(l)), note="unknown"),
    valid_case("plotting.save_themed", "languages", [("zh",), ["en", "zh"], ()], lambda l: _save(_figure, "fig", l),
               check=lambda result, l: len(result[0]) == 2 * max(len(l), 1) and not result[1]),
]

SHAPE = diagrams.Shape
CASES += [
    number_case("diagrams.Shape", "x", lambda v: (SHAPE, (v, 0, 1, 1), {}), kind="number"),
    number_case("diagrams.Shape", "half_width", lambda v: (SHAPE, (0, 0, v, 1), {}), minimum=0),
    kind_case("diagrams.Shape", "round", ["yes", 1, None], lambda v: (SHAPE, (0, 0, 1, 1, v), {}), expected="True or False"),
    kind_case("diagrams.Shape.anchor", "towards", [None, "ab", (1, 2, 3), 5], lambda t: (SHAPE(0, 0, 1, 1).anchor, (t,), {}),
              expected="a Shape or a point (x, y)"),
    number_case("diagrams.Shape.anchor", "towards[1]", lambda v: (SHAPE(0, 0, 1, 1).anchor, ((1.0, v),), {})),
]


def _diagram_call(method, *args, **kwargs):
    def run():
        d = diagrams.Diagram(4, 2)
        try:
            return getattr(d, method)(*args, **kwargs)
        finally:
            plt.close(d.figure)
    return run, (), {}


def _diagram(*args, **kwargs):
    def run():
        d = diagrams.Diagram(*args, **kwargs)
        plt.close(d.figure)
        return d
    return run, (), {}


CASES += [
    number_case("diagrams.Diagram", "width", lambda v: _diagram(v, 2), minimum=0, min_open=True),
    number_case("diagrams.Diagram", "scale", lambda v: _diagram(4, 2, v), minimum=0, min_open=True),
    number_case("diagrams.Diagram.box", "x", lambda v: _diagram_call("box", v, 1, 1, 1)),
    number_case("diagrams.Diagram.box", "width", lambda v: _diagram_call("box", 1, 1, v, 1), minimum=0, min_open=True),
    Case("diagrams.Diagram.box", "kind", "role", st.sampled_from(["secret", "Hidden", None]),
         lambda r: _diagram_call("box", 1, 1, 1, 1, role=r), error=ValueError, expected="one of [",
         got=lambda r: repr(r) if isinstance(r, str) else "NoneType", note="role"),
    kind_case("diagrams.Diagram.box", "text", [3, None, ["a"]], lambda t: _diagram_call("box", 1, 1, 1, 1, t),
              expected="a str"),
    number_case("diagrams.Diagram.node", "radius", lambda v: _diagram_call("node", 1, 1, radius=v), minimum=0,
                min_open=True),
    kind_case("diagrams.Diagram.node", "emphasis", ["yes", 1], lambda e: _diagram_call("node", 1, 1, emphasis=e),
              expected="True or False"),
    kind_case("diagrams.Diagram.arrow", "start", [None, "ab", (1,)], lambda s: _diagram_call("arrow", s, (1, 1)),
              expected="a Shape or a point (x, y)"),
    number_case("diagrams.Diagram.arrow", "end[0]", lambda v: _diagram_call("arrow", (0, 0), (v, 1))),
    number_case("diagrams.Diagram.arrow", "curve", lambda v: _diagram_call("arrow", (0, 0), (1, 1), curve=v)),
    kind_case("diagrams.Diagram.line", "points", [None, 3, "ab"], lambda p: _diagram_call("line", p),
              expected="a sequence of at least 2 points"),
    Case("diagrams.Diagram.line", "empty", "points", st.sampled_from([[], [(0, 0)]]), lambda p: _diagram_call("line", p),
         error=ValueError, expected="at least 2 points", got=lambda p: str(len(p))),
    number_case("diagrams.Diagram.line", "points[1][0]", lambda v: _diagram_call("line", [(0, 0), (v, 1)])),
    number_case("diagrams.Diagram.text", "y", lambda v: _diagram_call("text", 1, v, "a")),
    kind_case("diagrams.Diagram.text", "text", [None, 3, b"a"], lambda t: _diagram_call("text", 1, 1, t), expected="a str"),
    number_case("diagrams.Diagram.text", "fontsize", lambda v: _diagram_call("text", 1, 1, "a", fontsize=v), minimum=0,
                min_open=True),
    valid_case("diagrams.Diagram.text", "x", [0, 1.5, math.pi], lambda v: _diagram_call("text", v, 1, "a")),
]
