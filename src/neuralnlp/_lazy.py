"""Packages that import their modules on first use (PEP 562).

``import neuralnlp`` must stay cheap: it imports neither torch nor any chapter module until a name
is asked for. That keeps start-up fast, and it lets the build record exactly which modules a
snippet uses (``hooks/snippet_runner.py``), so editing one module re-runs only the snippets that
import it.
"""

from __future__ import annotations

import importlib
from typing import Callable


def lazy_exports(package_globals: dict, exports: dict[str, str]) -> tuple[Callable, Callable, list[str]]:
    """Return ``__getattr__``, ``__dir__`` and ``__all__`` for a package.

    ``exports`` maps each public name to the module, relative to the package, that defines it,
    e.g. ``{"GRU": ".gru"}``. A name is imported the first time it is read, then kept in the
    package's globals, so ``__getattr__`` runs once per name.
    """
    package = package_globals["__name__"]

    def __getattr__(name: str):
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name], package), name)
        package_globals[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(package_globals) | set(exports))

    return __getattr__, __dir__, sorted(exports)
