"""The guarantee: the build fails, naming the culprit, whenever a snippet breaks.

Each test breaks one thing in a temporary copy of the project, runs the same strict build as
`make build`, and checks that it fails and says what broke. The untouched copy building fine
(the `built_copy` fixture) is the control.
"""

from __future__ import annotations

import re
from pathlib import Path

from project_copies import build

SNIPPET_INCLUDE = re.compile(r'--8<-- "(snippets/[^"]+\.py)"')


def a_snippet_and_its_page(project: Path) -> tuple[Path, Path]:
    for page in sorted((project / "docs").rglob("*.md")):
        m = SNIPPET_INCLUDE.search(page.read_text(encoding="utf-8"))
        if m:
            return project / m.group(1), page
    raise AssertionError("no page includes a snippet")


def assert_fails_naming(result, *needles: str) -> None:
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build succeeded although it should have failed:\n{log[-3000:]}"
    for needle in needles:
        assert needle in log, f"the build failed but its log does not mention {needle!r}:\n{log[-3000:]}"


def test_a_snippet_that_raises_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    snippet.write_text(snippet.read_text() + '\nraise RuntimeError("deliberately broken")\n')
    assert_fails_naming(build(project_copy), str(snippet.relative_to(project_copy)), "RuntimeError: deliberately broken")


def test_a_snippet_that_hangs_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    snippet.write_text(snippet.read_text() + "\nimport time\ntime.sleep(600)\n")
    assert_fails_naming(build(project_copy, SNIPPET_TIMEOUT="5"), str(snippet.relative_to(project_copy)), "timed out")


def test_a_snippet_whose_output_changed_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    snippet.write_text(snippet.read_text() + '\nprint("a line the page does not show")\n')
    assert_fails_naming(
        build(project_copy), str(snippet.relative_to(project_copy)), "+a line the page does not show"
    )


def test_an_edited_expected_output_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    out = snippet.with_suffix(".out")
    out.write_text("typed by hand\n" + out.read_text())
    assert_fails_naming(build(project_copy), str(snippet.relative_to(project_copy)), "-typed by hand")


def test_a_missing_expected_output_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    snippet.with_suffix(".out").unlink()
    assert_fails_naming(build(project_copy), str(snippet.relative_to(project_copy)), "no expected output file")


def test_a_missing_included_file_fails_the_build(project_copy):
    snippet, _ = a_snippet_and_its_page(project_copy)
    snippet.unlink()
    snippet.with_suffix(".out").unlink()
    assert_fails_naming(build(project_copy), str(snippet.relative_to(project_copy)))


def test_a_missing_section_fails_the_build(project_copy):
    _, page = a_snippet_and_its_page(project_copy)
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n```{.python notest}\n--8<-- "src/neuralnlp/basics/activations.py:no-such-section"\n```\n',
        encoding="utf-8",
    )
    assert_fails_naming(build(project_copy), "no-such-section")


def test_a_change_in_src_that_breaks_a_snippet_fails_the_build(project_copy):
    module = project_copy / "src" / "neuralnlp" / "basics" / "activations.py"
    # Redefine a function the snippets use, as a careless edit of the library would.
    module.write_text(module.read_text() + '\n\ndef sigmoid(x):\n    raise ValueError("sigmoid broken in src")\n')
    assert_fails_naming(build(project_copy), "snippets/", "ValueError: sigmoid broken in src")


def test_a_change_in_src_that_changes_an_output_fails_the_build(project_copy):
    module = project_copy / "src" / "neuralnlp" / "basics" / "activations.py"
    # A subtle numerical change: sigmoid off by 1e-3 must still be caught through the snippets' printed numbers.
    module.write_text(
        module.read_text() + "\n\n_exact_sigmoid = sigmoid\n\ndef sigmoid(x):\n    return _exact_sigmoid(x) + 1e-3\n"
    )
    assert_fails_naming(build(project_copy), "prints something other than what its page shows")
