"""A program that ends while the page image's thread is inside PDFium ends cleanly.

pypdfium2 tears PDFium down in its exit handler; the render thread must be stopped before that
(page_render._ends_first), or the thread's PDFium call crashes the ending process. Before the
fix about half of these runs ended by SIGSEGV.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import sys
from PySide6.QtWidgets import QApplication
from paper_reader.app import build

app = QApplication(["paper-reader"])
parts = build(__import__("pathlib").Path(sys.argv[1]))
parts.window.resize(1280, 800)
parts.window.show()
reader = parts.reader
for _ in range(3):  # page images, text layers, thumbnails asked for; none awaited
    for number in reader.page_numbers():
        reader.go_page(number)
        app.processEvents()
sys.exit(0)  # a normal exit: the interpreter's exit handlers run
"""


def test_exiting_while_pages_are_drawn_does_not_crash(tmp_path: Path) -> None:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    from ..conftest import SAMPLE_PDF

    library = tmp_path / "pdf.sqlite3"
    with Library(library) as lib:
        assert not import_paths(lib, [SAMPLE_PDF]).errors
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(tmp_path / "home"),
               XDG_RUNTIME_DIR=str(tmp_path))
    for _ in range(4):
        done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", PROBE, str(library)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
