"""test_gru.py and test_lstm.py share ``stacked_reference`` (our stacked layer against torch's, packed
sequences included) and import it by name; pytest-markdown-docs imports every ``.py`` file here too,
so this directory must be importable from the start."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
