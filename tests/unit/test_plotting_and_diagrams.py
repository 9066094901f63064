"""Themed, translated figures (neuralnlp.plotting) and schematic diagrams (neuralnlp.diagrams)."""

import math
import re

import pytest

from neuralnlp.diagrams import Diagram, Shape
from neuralnlp.plotting import THEMES, save_themed


def draw_labelled(language):
    d = Diagram(4, 2)
    a = d.node(1, 1, {"zh": "输入", "en": "input"}[language], role="input")
    b = d.box(3, 1, 1, 0.6, "f", role="output", emphasis=True)
    d.arrow(a, b)
    return d.figure


def test_save_themed_writes_each_language_in_each_palette(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = save_themed(draw_labelled, "fig", languages=("zh", "en"))
    assert names == ["fig-zh-light.svg", "fig-zh-dark.svg", "fig-en-light.svg", "fig-en-dark.svg"]
    zh_dark = (tmp_path / "fig-zh-dark.svg").read_text()
    # Text stays text (the browser draws it), in the palette's ink.
    assert re.search(rf"<text[^>]*fill: {THEMES['dark']['fg']}[^>]*>输入</text>", zh_dark)
    assert ">input</text>" in (tmp_path / "fig-en-light.svg").read_text()
    assert THEMES["dark"]["emphasis"] in zh_dark and THEMES["light"]["emphasis"] not in zh_dark


def test_save_themed_without_languages_keeps_the_old_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert save_themed(lambda: draw_labelled("en"), "plot") == ["plot-light.svg", "plot-dark.svg"]


def test_an_unknown_language_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=r"languages: expected a subset of \('zh', 'en'\), got \('fr',\)"):
        save_themed(draw_labelled, "fig", languages=("fr",))


def test_anchors_lie_on_the_outline_towards_the_target():
    box = Shape(0, 0, 2, 1)  # 4 wide, 2 high
    assert box.anchor((10, 0)) == (2, 0)
    assert box.anchor((0, -5)) == (0, -1)
    assert box.anchor((4, 4)) == (1, 1)  # the top edge is reached first on the diagonal
    circle = Shape(1, 1, 0.5, 0.5, round=True)
    x, y = circle.anchor((4, 5))  # direction (3, 4) / 5
    assert (x, y) == pytest.approx((1.3, 1.4)) and math.hypot(x - 1, y - 1) == pytest.approx(0.5)
    assert box.anchor((0, 0)) == (0, 0)


def test_bad_sizes_and_roles_are_refused():
    with pytest.raises(ValueError, match="^width: expected a number > 0, got 0$"):
        Diagram(0, 2)
    with pytest.raises(ValueError, match="^scale: expected a finite number > 0, got nan$"):
        Diagram(1, 2, scale=float("nan"))
    d = Diagram(2, 2)
    with pytest.raises(ValueError, match=r"role: expected one of \[.*'hidden'.*\], got 'secret'"):
        d.box(1, 1, 1, 1, role="secret")
