"""The window's start-up rules, kept by a test rather than only by the benchmark.

The first paint is benchmarked against a bare Qt window (benchmarks/), and stays near it only
while the path to it loads nothing it does not need. Here the window is started for real, in
a subprocess, both as a reader starts it (single-instance lock, crash handler, library watch)
and with --screenshot; at its first paint the probe notes what is in memory, what the
window's own code imported on the way, and whether the cyclic collector is on. (That the
first frame builds neither PySide's Qt namespace nor QStyle is checked beside the window:
tests/ui/test_window.py.)
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Not imported on the way to the first paint, each with why. A name covers its submodules.
NOT_BEFORE_FIRST_PAINT = {
    # Standard library
    "dataclasses": "the model and the window's parts are written out (core.model.Record): "
                   "the module, and each class's generated methods compiled as it is made",
    "argparse": "app.gui_arguments reads plain --name value pairs itself: argparse's parser "
                "costs about 10 ms (PySide's signature loader imports the module; the window "
                "must not use it)",
    "importlib.metadata": "the version (About, --version) is paper_reader._version's: package "
                          "metadata is a scan of site-packages",
    "hashlib": "cache keys and socket names are zlib checksums: hashlib loads OpenSSL, 2 ms",
    "html": "article_html.escape is a str.translate",
    # Packages the window uses later
    "opencc": "script conversion loads a shared library and dictionaries: on first use",
    "qdarktheme": "the theme's stylesheet and palette come from the cache (ui/shell/theme), "
                  "rendering them costs about a tenth of a second",
    # Qt modules
    "PySide6.QtNetwork": "the single-instance server listens after the first paint: "
                         "QtNetwork costs some 15 ms to load",
    "PySide6.QtPrintSupport": "printing and PDF export load it when asked",
    # The application's own parts that no first frame shows
    "paper_reader.cli": "the commands: __main__ keeps the window's start apart from them",
    "paper_reader.kiosk": "a reader's start never builds the kiosk",
    "paper_reader.core.importer": "importing pages: on the first run (the sample) or when asked",
    "paper_reader.core.parsing.parser": "reading a page's text: only when pages are imported",
    "paper_reader.core.library.search": "searching: on the first search",
    "paper_reader.ui.tools.search_panel": "the search panel is made on first use",
    "paper_reader.ui.tools.printing": "printing: on the print or PDF action",
    "paper_reader.ui.tools.archive_dialog": "the archive (calendar) dialog: when opened",
    "paper_reader.ui.system.crash_dialog": "the crash report dialog: on the first report",
}

# A start on pages from text (an archive of extracted text) loads nothing of PDFs either.
NOT_BEFORE_A_TEXT_FIRST_PAINT = {
    "pypdfium2": "PDFium: only for a page that has a PDF",
    "paper_reader.core.sources.pdf_document": "reading page PDFs: only for a page that has one",
    "paper_reader.core.reading.clipping": "clipping: only for an article on a page image",
    "paper_reader.ui.views.page_image": "the page image view: made for the first page with a PDF",
    "paper_reader.ui.reading.image_presenter": "the page image's presenter: made with the view",
    "paper_reader.ui.reading.page_render": "the page image's render thread: only for a page image",
}

# A start on a page with a PDF draws the page image, so PDFium is on its way; what it may load
# besides the list above, and why.
ALLOWED_BEFORE_AN_IMAGE_FIRST_PAINT = {
    "hashlib": "the stored PDF's SHA-256 is checked before it is drawn (library.read.page_pdf)",
}

# What the first paint does need: the probe saw the real window, not some early exit.
AT_FIRST_PAINT = {
    "paper_reader.core.model": "the issue, pages and articles shown",
    "paper_reader.core.library": "the library the issue is read from",
    "paper_reader.ui.shell.main_window": "the window",
    "paper_reader.ui.reading.reader": "the reading state",
    "paper_reader.ui.views.article_view": "the article view",
    "paper_reader.ui.views.page_overview": "the page overview",
}

PROBE = r"""
import builtins, gc, os, sys

# What the application's own modules import, including lazy imports that ran: a module that
# PySide loads anyway is still the application's to avoid asking for.
asked = set()
_import = builtins.__import__


def watching(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__") or ""
    if importer.split(".")[0] == "paper_reader":
        full = name
        if level:
            base = (globals.get("__package__") or "").rsplit(".", level - 1)[0]
            full = f"{base}.{name}" if name else base
        asked.add(full)
        asked.update(f"{full}.{item}" for item in fromlist or ())
    return _import(name, globals, locals, fromlist, level)


builtins.__import__ = watching
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets  # noqa: E401
qt_alone = set(sys.modules)  # what a bare Qt window has too

# Whose source PySide's import hook read once the window's package had told it its answers.
scanned = []
import shibokensupport.feature as feature
_uses = feature._mod_uses_pyside


def reading(module):
    if "paper_reader.ui.shell" in sys.modules:
        scanned.append(module.__name__)
    return _uses(module)


feature._mod_uses_pyside = reading

from paper_reader.__main__ import main
import paper_reader.ui.shell.startup as startup


def first_paint(app, window, *_):
    def done():
        found = {"gc": gc.isenabled(), "modules": sorted(sys.modules), "asked": sorted(asked),
                 "qt_alone": sorted(qt_alone), "scanned": scanned, "faces": faces(window),
                 "types": made_types()}
        print(repr(found), flush=True)
        os._exit(0)
    watcher = startup._FirstPaint()
    watcher._complete = done
    window.installEventFilter(watcher)
    kept.append(watcher)  # a reader's start runs its event loop after this returns
    if sys.argv[1] == "--screenshot":
        app.exec()


def made_types():
    # PySide makes a class (and every enum in it) when it is first named: which were made.
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets  # noqa: E401
    return sorted(name for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
                  for name, value in vars(module).items() if isinstance(value, type))


def faces(window):
    # Which faces draw Chinese in the window's list and menus, and the face chosen for it.
    from PySide6.QtGui import QTextLayout
    from paper_reader.ui.shell.fonts import choose_fonts

    def drawn_with(font):
        layout = QTextLayout("本报讯 文件", font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})

    return {"chosen": choose_fonts().ui, "article list": drawn_with(window.article_list.font()),
            "menu bar": drawn_with(window.menuBar().font())}


kept = []
startup.take_screenshot = first_paint  # --screenshot
startup.report_first_paint = first_paint  # a reader's start (PAPER_READER_REPORT_PAINT=quit)
main(sys.argv[1:])
"""

STARTS = ("screenshot", "reader", "reader on text")


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """What each kind of start had at its first paint (after a first run that imported the
    sample issue and cached the theme: that run is not the one to judge)."""
    tmp = tmp_path_factory.mktemp("start-up")
    home = tmp / "home"  # all of it here (the suite's isolated_home is per test, set after this)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(home),
               XDG_CONFIG_HOME=str(home / "xdg-config"), XDG_DATA_HOME=str(home / "xdg-data"),
               PAPER_READER_REPORT_PAINT="quit", XDG_RUNTIME_DIR=str(tmp))
    db = ["--db", str(home / "data" / "library.sqlite3")]  # the default: the sample's PDFs
    text = tmp / "text.sqlite3"  # the sample's text pages
    args = {"screenshot": ["--screenshot", str(tmp / "x.png"), *db],
            "reader": [*db, "--size", "1280x800"],
            "reader on text": ["--db", str(text), "--size", "1280x800"]}
    subprocess.run([sys.executable, "-c", PROBE, *args["screenshot"]], env=env,
                   capture_output=True, timeout=120)  # the first run
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    from ..conftest import SAMPLE

    with Library(text) as lib:
        assert not import_paths(lib, [SAMPLE]).errors
    found = {}
    for start in STARTS:
        done = subprocess.run([sys.executable, "-c", PROBE, *args[start]], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and done.stdout.strip(), (start, done.stderr[-2000:])
        found[start] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return found


def covers(name: str, modules: list[str]) -> list[str]:
    return [m for m in modules if m == name or m.startswith(name + ".")]


@pytest.mark.parametrize("start", STARTS)
def rules(start: str) -> dict[str, str]:
    """The list for a kind of start: a page image's may load PDFium and what checks its PDF."""
    if start == "reader on text":
        return {**NOT_BEFORE_FIRST_PAINT, **NOT_BEFORE_A_TEXT_FIRST_PAINT}
    return {k: v for k, v in NOT_BEFORE_FIRST_PAINT.items() if k not in ALLOWED_BEFORE_AN_IMAGE_FIRST_PAINT}


def test_the_starts_are_what_they_say(first_paint) -> None:
    """The sample's first run opens on its front page's image; the text library on text."""
    assert "paper_reader.ui.reading.page_render" in first_paint["reader"]["modules"]
    assert "pypdfium2" in first_paint["screenshot"]["modules"]
    assert "paper_reader.ui.views.page_overview" in first_paint["reader on text"]["modules"]


@pytest.mark.parametrize("start", STARTS)
def test_nothing_on_the_list_is_loaded_before_the_first_paint(first_paint, start: str) -> None:
    seen = first_paint[start]
    qt_alone = set(seen["qt_alone"])
    loaded = [f"{name} ({', '.join(covers(name, seen['modules']))}): {why}"
              for name, why in rules(start).items()
              if name not in qt_alone and covers(name, seen["modules"])]
    assert loaded == [], "\n".join(loaded)


@pytest.mark.parametrize("start", STARTS)
def test_the_window_asks_for_nothing_on_the_list(first_paint, start: str) -> None:
    """Also for what PySide loads anyway (argparse): using it costs the start-up all the same,
    and PySide may stop loading it."""
    seen = first_paint[start]
    asked = [f"{name} ({', '.join(covers(name, seen['asked']))}): {why}"
             for name, why in rules(start).items() if covers(name, seen["asked"])]
    assert asked == [], "\n".join(asked)


@pytest.mark.parametrize("start", STARTS)
def test_what_the_first_paint_needs_is_there(first_paint, start: str) -> None:
    seen = first_paint[start]
    missing = [f"{name}: {why}" for name, why in AT_FIRST_PAINT.items() if name not in seen["modules"]]
    assert missing == [], "\n".join(missing)
    # the watch on imports worked: it saw the window's own imports
    assert "paper_reader.ui.shell.main_window" in seen["asked"]


@pytest.mark.parametrize("start", STARTS)
def test_the_collector_is_off_until_the_window_is_up(first_paint, start: str) -> None:
    """__main__ turns the cyclic collector off; app.collect_after_start turns it back on once
    the window is up (tests/ui/test_window.py::test_collector_is_back_on_once_the_window_is_up),
    not before the first paint."""
    assert first_paint[start]["gc"] is False


@pytest.mark.parametrize("start", STARTS)
def test_the_first_frame_draws_chinese_with_the_chosen_face(first_paint, start: str) -> None:
    """Set before any widget is made: a widget the style sheet polished kept the face it was
    made with, and Qt's fallback for it drew Chinese with the Japanese Noto CJK."""
    faces = first_paint[start]["faces"]
    assert faces["chosen"], "no Chinese face found: install fonts-noto-cjk"
    assert faces["article list"] == [faces["chosen"]]
    assert faces["menu bar"] == [faces["chosen"]]


# Qt classes no first frame uses, each with what makes it (PySide builds a class, with all its
# enums, the first time Python names it: 0.2-1 ms each).
NOT_MADE_BEFORE_FIRST_PAINT = {
    "QMessageBox": "a removal's question: ui.tools.removal names it when asking",
    "QThread": "the import's worker: ui.tools.import_thread, loaded by the first import",
    "QProgressDialog": "the import's progress: made by the first import",
    "QMimeData": "copying from the article: made when text is copied",
    "QUrl": "a link clicked: the views name it only in annotations",
    "QDir": "the lock file's folder comes from XDG_RUNTIME_DIR where there is one",
    "QMdiArea": "one of the sixty classes PySide resolves when it first wraps a viewport: "
                "the mouse's back and forward buttons are watched after the first frame",
}

# What a start on a page image makes besides.
MADE_FOR_AN_IMAGE_FIRST_PAINT = {"QThread": "the page image's render thread (ui.reading.page_render)"}


@pytest.mark.parametrize("start", STARTS)
def test_the_first_frame_makes_no_qt_class_it_does_not_show(first_paint, start: str) -> None:
    made = set(first_paint[start]["types"])
    assert "QMainWindow" in made  # the probe saw the window's classes
    for name, why in NOT_MADE_BEFORE_FIRST_PAINT.items():
        if name in MADE_FOR_AN_IMAGE_FIRST_PAINT and start != "reader on text":
            continue
        assert name not in made, f"{name}: {why}"


@pytest.mark.parametrize("start", STARTS)
def test_pyside_reads_none_of_the_windows_sources(first_paint, start: str) -> None:
    """PySide's import hook reads the whole source of each module imported after it, to look
    for ``from __feature__ import`` (10-30 ms of the start over a hundred files); paper_reader.ui
    tells it the answer for its own modules and the standard library's beforehand."""
    read = [name for name in first_paint[start]["scanned"]
            if name.split(".")[0] == "paper_reader" or name in sys.stdlib_module_names]
    assert read == []


def test_the_list_names_real_modules() -> None:
    """A misspelt entry would hold vacuously: every name is a module that can be found."""
    import importlib.util

    root = Path(__file__).resolve().parents[2] / "src"
    for name in [*NOT_BEFORE_FIRST_PAINT, *NOT_BEFORE_A_TEXT_FIRST_PAINT,
                 *ALLOWED_BEFORE_AN_IMAGE_FIRST_PAINT, *AT_FIRST_PAINT]:
        if name.startswith("paper_reader"):
            path = root.joinpath(*name.split("."))
            assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name
        else:
            assert importlib.util.find_spec(name) is not None, name
