"""The bad-input suite's helper modules import each other by name; pytest-markdown-docs imports every
``.py`` file here too (for docstring examples), so this directory must be importable from the start."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
