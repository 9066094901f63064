"""The package's layout: one subpackage per chapter, names a reader uses importable from the top,
and nothing imported before it is used (the build's snippet cache depends on that)."""

import importlib
import subprocess
import sys

import pytest

import neuralnlp

CHAPTER_EXPORTS = [(chapter, name) for chapter in neuralnlp.CHAPTERS
                   for name in importlib.import_module(f"neuralnlp.{chapter}").EXPORTS]


def fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout


def test_importing_the_package_imports_no_module_and_not_torch():
    loaded = fresh_python(
        "import sys, neuralnlp, neuralnlp.basics, neuralnlp.recurrent, neuralnlp.embeddings, neuralnlp.embeddings.word2vec,"
        " neuralnlp.training, neuralnlp.transformer, neuralnlp.pipeline\n"
        "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('neuralnlp.')))")
    assert eval(loaded) == ["neuralnlp._lazy", "neuralnlp.basics", "neuralnlp.embeddings",
                            "neuralnlp.embeddings.word2vec", "neuralnlp.pipeline", "neuralnlp.recurrent",
                            "neuralnlp.training", "neuralnlp.transformer"]


def test_a_name_imports_only_its_own_modules():
    loaded = eval(fresh_python(
        "import sys\nfrom neuralnlp.recurrent import GRU\n"
        "print(sorted(m for m in sys.modules if m.startswith('neuralnlp.')))"))
    assert "neuralnlp.recurrent.gru" in loaded
    assert not [m for m in loaded if m.startswith(("neuralnlp.basics.", "neuralnlp.embeddings."))], loaded
    assert "neuralnlp.recurrent.language_model" not in loaded


@pytest.mark.parametrize("chapter, name", CHAPTER_EXPORTS, ids=[f"{c}.{n}" for c, n in CHAPTER_EXPORTS])
def test_every_export_resolves_from_its_chapter_and_from_the_top(chapter, name):
    value = getattr(importlib.import_module(f"neuralnlp.{chapter}"), name)
    assert getattr(neuralnlp, name) is value
    assert value.__module__.startswith(f"neuralnlp.{chapter}.")


def test_top_level_names_are_unique_across_chapters():
    names = [name for _, name in CHAPTER_EXPORTS]
    assert len(names) == len(set(names))


def test_unknown_names_raise_attribute_error_naming_them():
    with pytest.raises(AttributeError, match="module 'neuralnlp' has no attribute 'NoSuchLayer'"):
        neuralnlp.NoSuchLayer
    with pytest.raises(AttributeError, match="module 'neuralnlp.recurrent' has no attribute 'LSTMx'"):
        importlib.import_module("neuralnlp.recurrent").LSTMx
    assert "GRU" in dir(neuralnlp) and "GRU" in neuralnlp.recurrent.__all__
