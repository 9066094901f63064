"""The API reference covers the whole package, and every public name has a docstring."""

import re
from pathlib import Path
import importlib
import inspect
import pkgutil

import pytest

import neuralnlp
from pages import DOCS

# nn.Module hooks that only change how a module prints; the reference leaves them out too (mkdocs.yml filters)
NOT_DOCUMENTED = {"extra_repr"}
REFERENCE = [DOCS / "reference.md", DOCS / "reference.en.md"]


def modules():
    found = []
    for info in pkgutil.walk_packages(neuralnlp.__path__, "neuralnlp."):
        if not any(part.startswith("_") for part in info.name.split(".")) and not info.ispkg:
            found.append(info.name)
    return sorted(found)


def public_names(module):
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue  # private, or imported from elsewhere
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield name, obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and attr not in NOT_DOCUMENTED and (inspect.isfunction(member) or isinstance(member, (classmethod, staticmethod, property))):
                        yield f"{name}.{attr}", member


@pytest.mark.parametrize("page", REFERENCE, ids=lambda p: p.name)
def test_the_reference_documents_every_module(page):
    documented = {line.split()[1] for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("::: ")}
    assert documented == set(modules())


@pytest.mark.parametrize("name", modules())
def test_every_public_name_has_a_docstring(name):
    module = importlib.import_module(name)
    assert inspect.getdoc(module), f"{name} has no module docstring"
    # __doc__, not inspect.getdoc: an undocumented forward() must not borrow nn.Module.forward's docstring
    missing = [n for n, obj in public_names(module) if not (getattr(obj, "__func__", obj).__doc__ or "").strip()]
    assert not missing, f"{name}: no docstring for {', '.join(missing)}"


def test_display_maths_in_a_docstring_list_item_is_indented_four_spaces():
    # Python-Markdown continues a list item only at four spaces; a `$$` block indented by one to three spaces is
    # left as raw text on the API reference page (it happened to three pipeline modules).
    src = Path(__file__).resolve().parents[2] / "src" / "neuralnlp"
    bad = [f"{path.relative_to(src)}:{n}" for path in sorted(src.rglob("*.py"))
           for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if re.match(r"^ {1,3}\$\$", line)]
    assert not bad, bad
