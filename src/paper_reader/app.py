"""Start the reader window: library, fonts, theme, the window and its wiring."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
from dataclasses import dataclass
from pathlib import Path

GUI_OPTIONS = {"--db", "--open", "--paper", "--screenshot", "--size", "--theme"}


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The window's options. Plain ``--name value`` pairs are read directly: loading
    argparse costs the window's start-up about 10 ms; anything else goes to argparse."""
    args = list(argv)
    if len(args) % 2 == 0 and all(args[i] in GUI_OPTIONS for i in range(0, len(args), 2)):
        values = {args[i][2:]: args[i + 1] for i in range(0, len(args), 2)}
        if values.get("theme", "light") in ("light", "dark"):
            return argparse_free(values)
    return _argparse_arguments(args)


def argparse_free(values: dict[str, str]) -> argparse.Namespace:
    from types import SimpleNamespace

    names = ("db", "open", "paper", "screenshot", "size", "theme")
    return SimpleNamespace(**{n: values.get(n) for n in names})  # type: ignore[return-value]


def _argparse_arguments(argv: list[str]) -> argparse.Namespace:
    import argparse

    p = argparse.ArgumentParser(prog="paper-reader", description="Open the newspaper reader window.")
    p.add_argument("--db", metavar="PATH", help="library file (default: the user's library)")
    p.add_argument("--open", metavar="DATE[/PAGE[/ARTICLE]]", help="open this issue, page and article")
    p.add_argument("--paper", help="with --open: which paper, when several have that date")
    p.add_argument("--screenshot", metavar="OUT.png", help="save the first complete window and exit")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800")
    p.add_argument("--theme", choices=["light", "dark"], help="colour theme for this run")
    from .cli import VersionAction

    p.add_argument("--version", action=VersionAction)
    return p.parse_args(list(argv))


@dataclass
class ReaderApp:
    """The parts of a running reader window, as tests and the entry point use them."""

    window: object
    reader: object
    presenter: object
    importer: object
    library: object
    settings: object
    tools: object


def build(library_path: Path, theme: str | None = None, open_spec: str | None = None,
          paper: str | None = None) -> ReaderApp:
    """Create the window on a library (a QApplication must exist)."""
    from .core.library import Library
    from .ui.importing import Importer
    from .ui.look import Look
    from .ui.main_window import MainWindow
    from .ui.presenter import Presenter
    from .ui.reader import Reader
    from .ui.session import Session
    from .ui.startup import apply_fonts, apply_theme, first_run_import, initial_location
    from .ui.tools import ReadingTools
    from .ui.wiring import wire, wire_tools

    session = Session()
    library = Library(library_path)
    first_run_import(library)
    window = MainWindow()
    fonts = apply_fonts(window, session)
    look = Look(text_font=fonts.text, text_font_tc=fonts.text_tc)
    session.restore_look(look)
    reader = Reader(library, window)
    presenter = Presenter(window, reader, look)
    importer = Importer(library_path, window)
    wire(window, reader, presenter, importer)
    # A --theme given for one run is not remembered; the menu's choice is.
    tools = ReadingTools(window, reader, presenter, session)
    wire_tools(window, tools)
    # A --theme given for one run is not remembered; the menu's choice is.
    if theme:
        tools.theme_mode = theme
    apply_theme(window, presenter, session, tools.effective_theme(), remember=False)
    tools.sync_checks()
    session.restore_window(window)
    loc = initial_location(library, session, open_spec, paper)
    if loc is not None:
        reader.open(loc)
    else:
        presenter.update_actions()
        from PySide6.QtCore import QCoreApplication

        window.info_bar.show_message(QCoreApplication.translate(
            "MainWindow", "书库是空的：用“文件 → 导入”或把版面文本拖到窗口里。"))
    window.closing.connect(lambda: session.save(window, reader, look))
    # What start-up made lives as long as the window: keep the collector from walking it
    # again and again, which showed up as 30-40 ms stalls in page turns.
    gc.freeze()
    return ReaderApp(window, reader, presenter, importer, library, session, tools)


def run_gui(argv: Sequence[str]) -> int:
    args = gui_arguments(argv)
    from PySide6.QtWidgets import QApplication

    from .core.paths import default_library
    from .ui.startup import check_library, install_translations, take_screenshot

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("paper-reader")
    app.setOrganizationName("paper-reader")
    app.setDesktopFileName("io.github.paperreader.PaperReader")
    install_translations(app)
    path = Path(args.db) if args.db else default_library()
    if not check_library(path, interactive=not args.screenshot):
        return 1
    parts = build(path, args.theme, args.open, args.paper)
    window = parts.window
    if args.size:
        w, _, h = args.size.lower().partition("x")
        window.resize(int(w), int(h))  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    if args.screenshot:
        code = take_screenshot(app, window, Path(args.screenshot))
        parts.settings.save_converted(parts.presenter.look)  # a cache, not reading state
        return code
    return app.exec()
