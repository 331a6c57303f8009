"""The headless core never imports Textual (only reader.tui does)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CORE = ["reader.model", "reader.ingest", "reader.pipeline", "reader.export", "reader.actors",
        "reader.positions", "reader.links", "reader.nlp", "reader.cli", "reader.__main__"]


def test_core_does_not_import_textual():
    code = (f"import sys\nfor m in {CORE!r}:\n    __import__(m)\n"
            "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
