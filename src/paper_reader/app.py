"""Start the reader window: library, fonts, theme, the window and its wiring."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .ui.shell.parts import WindowParts

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from .core.library import Library
    from .kiosk.mode import KioskMode
    from .ui.shell.profile import Profile

GUI_OPTIONS = {"--db", "--open", "--paper", "--screenshot", "--size", "--theme", "--config"}
# The system-wide kiosk configuration; its presence makes every start a kiosk. The same path
# as kiosk.config.system_path(), repeated so that a normal start does not import that.
KIOSK_SYSTEM_FILE = (
    os.path.join(os.environ.get("PROGRAMDATA", r"C:\ProgramData"), "paper-reader", "kiosk.ini")
    if sys.platform == "win32" else "/etc/paper-reader/kiosk.ini")


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace:
    """The window's options. Plain ``--name value`` pairs are read directly: loading
    argparse costs the window's start-up about 10 ms; anything else goes to argparse."""
    args = list(argv)
    if len(args) % 2 == 0 and all(args[i] in GUI_OPTIONS for i in range(0, len(args), 2)):
        values = {args[i][2:]: args[i + 1] for i in range(0, len(args), 2)}
        if values.get("theme", "light") in ("light", "dark"):
            return argparse_free(values)
    return _argparse_arguments(args)


def argparse_free(values: dict[str, str]) -> SimpleNamespace:
    from types import SimpleNamespace

    names = ("db", "open", "paper", "screenshot", "size", "theme", "config")
    return SimpleNamespace(kiosk=False, **{n: values.get(n) for n in names})


def _argparse_arguments(argv: list[str]) -> argparse.Namespace:
    import argparse

    p = argparse.ArgumentParser(prog="paper-reader", description="Open the newspaper reader window.")
    p.add_argument("--db", metavar="PATH", help="library file (default: the user's library)")
    p.add_argument("--open", metavar="DATE[/PAGE[/ARTICLE]]",
                   help="open this issue, page and article (both counted from 1)")
    p.add_argument("--paper", help="with --open: which paper, when several have that date")
    p.add_argument("--screenshot", metavar="OUT.png", help="save the first complete window and exit")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800")
    p.add_argument("--theme", choices=["light", "dark"], help="colour theme for this run")
    p.add_argument("--kiosk", action="store_true",
                   help=f"kiosk mode for reading rooms (also when {KIOSK_SYSTEM_FILE} exists)")
    p.add_argument("--config", metavar="PATH",
                   help="kiosk configuration file, over the system-wide one (implies --kiosk)")
    from .cli import VersionAction

    p.add_argument("--version", action=VersionAction)
    return p.parse_args(list(argv))


class ReaderApp(WindowParts):
    """The parts of a running reader window (ui.shell.parts), and a kiosk's lock-down."""

    kiosk: KioskMode | None = None  # in kiosk mode


def build(library_path: Path, theme: str | None = None, open_spec: str | None = None,
          paper: str | None = None, profile: Profile | None = None,
          open_when_shown: bool = False, library: Library | None = None) -> ReaderApp:
    """Create the window on a library, as ``profile`` allows (a QApplication must exist).

    ``profile``: what the window may do; by default the reader's own window
    (``ui.shell.profile.reader_profile``). A kiosk's (``kiosk.profile.kiosk_profile``)
    opens the library read-only within its papers, never imports, reads and writes no
    settings file, and is locked down (``kiosk.mode.KioskMode``); show it with
    ``parts.kiosk.show()``.

    ``library``: the library at ``library_path``, already open.
    ``open_when_shown`` puts the first page up as the window is first shown, when its views
    have their real size, instead of now: laid out at the placeholder size of a view that
    was never shown, the page would be laid out twice before the first paint.
    """
    from .ui.reading.library_handle import LibraryHandle
    from .ui.reading.presenter import Presenter
    from .ui.reading.reader import Reader
    from .ui.shell import startup
    from .ui.shell.look import Look
    from .ui.shell.main_window import MainWindow
    from .ui.shell.profile import reader_profile
    from .ui.shell.session import Session
    from .ui.shell.wiring import open_when_shown as open_on_show
    from .ui.shell.wiring import wire
    from .ui.tools.toolbox import Tools

    profile = profile or reader_profile()
    session = Session(readonly=not profile.remembers)
    if library is None:
        library = profile.library.open(library_path)
    if profile.imports:
        startup.first_run_import(library, session)
    readonly = library.readonly and profile.library.writes  # on read-only media: read, never import
    if readonly:
        profile = profile.reading_only()
    fonts = startup.apply_fonts(session)
    window = MainWindow(profile)
    startup.warn_missing_fonts(window, session, fonts)
    look = Look(text_font=fonts.text, text_font_tc=fonts.text_tc)
    session.restore_look(look)
    handle = LibraryHandle(library, window)
    reader = Reader(handle, window)
    presenter = Presenter(window, reader, look)
    importer = None
    if profile.imports and not readonly:
        from .ui.tools.importing import Importer

        importer = Importer(library_path, window)
    follower = None
    if profile.library.writes:  # this window, or another program, may write its library
        from .ui.system.library_watch import LibraryFollower

        follower = LibraryFollower(reader)
    tools = Tools(window, reader, look, session, profile)
    parts = ReaderApp(profile, window, reader, presenter, importer, handle, session, tools, follower)
    wire(parts)
    if readonly:
        startup.readonly_note(window)
    if profile.removal and importer is not None and follower is not None:
        from .ui.tools.removal import Remover

        parts.remover = Remover(window, reader, follower, importer)
    # A --theme given for one run is not remembered; the menu's choice is.
    tools.look.set_theme_mode(theme or profile.theme or tools.look.theme_mode, remember=False)
    tools.citations.sync_check()
    if profile.kiosk is not None:
        # A kiosk's look and place are its start state, put up by KioskMode: the one
        # function for the start and every reset (kiosk.reset.start_state).
        from .kiosk.mode import KioskMode, wire_kiosk

        parts.kiosk = KioskMode(parts, profile.kiosk)
        wire_kiosk(parts.kiosk)
    else:
        session.restore_window(window)
        loc = startup.initial_location(library, session, open_spec, paper)
        if loc is not None and open_when_shown:
            open_on_show(window, reader, loc)
        elif loc is not None:
            reader.open(loc)
        elif readonly:
            presenter.update_actions()  # the read-only note stays up
        else:
            presenter.update_actions()
            from PySide6.QtCore import QCoreApplication

            window.info_bar.show_message(QCoreApplication.translate(
                "MainWindow", "书库是空的：用“文件 → 导入”或把版面文本拖到窗口里。"))
    # What start-up made lives as long as the window: keep the collector from walking it
    # again and again, which showed up as 30-40 ms stalls in page turns.
    gc.freeze()
    return parts


SETTLE_MS = 200  # after the first paint, before a reader's first click


def collect_after_start(*steps: Callable[[], object]) -> None:
    """Once the window is up: the cyclic collector back on (``__main__`` turned it off),
    with what start-up made frozen (it lives as long as the window), then ``steps``, work
    the first frame does not need."""
    from PySide6.QtCore import QTimer

    def settle() -> None:
        gc.freeze()
        gc.enable()
        for step in steps:
            step()

    QTimer.singleShot(SETTLE_MS, settle)


def run_gui(argv: Sequence[str]) -> int:
    args = gui_arguments(argv)
    from PySide6.QtWidgets import QApplication

    from .core.paths import default_library
    from .ui.shell.startup import install_translations, open_library, take_screenshot

    found = QApplication.instance()
    app = found if isinstance(found, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("paper-reader")
    app.setOrganizationName("paper-reader")
    app.setDesktopFileName("io.github.paperreader.PaperReader")
    if args.kiosk or args.config or os.path.exists(KIOSK_SYSTEM_FILE):
        return run_kiosk(app, args)
    install_translations(app)
    path = Path(args.db) if args.db else default_library()
    guard = None
    if not args.screenshot:
        from .ui.system.single_instance import claim

        # A second start on the same library brings the running window forward instead.
        guard = claim(list(argv), listen=False)  # listens once the window is up
        if guard is None:
            return 0
    library = open_library(path, interactive=not args.screenshot)
    if library is None:
        return 1
    parts = build(path, args.theme, args.open, args.paper, open_when_shown=True, library=library)
    window = parts.window
    if args.size:
        w, _, h = args.size.lower().partition("x")
        window.resize(int(w), int(h))
    window.show()
    if args.screenshot:
        collect_after_start()
        code = take_screenshot(app, window, Path(args.screenshot))
        # No event loop ran, so no aboutToQuit: the page image's PDFium thread (if a page
        # image was made) is ended here, before PDFium's own exit handler unloads the library.
        parts.presenter.stop_page_image()
        parts.settings.save_converted(parts.look)  # a cache, not reading state
        parts.library.close()
        return code
    from .ui.shell.wiring import follow_library, wire_instance
    from .ui.system.crash import install_crash_handler
    from .ui.system.library_watch import LibraryWatch

    install_crash_handler(window, path)
    assert guard is not None
    wire_instance(guard, parts)
    collect_after_start(guard.listen)  # later starts on this library knock here
    # Imports from a terminal or another window show up without a restart.
    watch = LibraryWatch(parts.handle, parent=window)
    follow_library(watch, parts)
    watch.start()
    if os.environ.get("PAPER_READER_REPORT_PAINT") == "quit":
        from .ui.shell.startup import report_first_paint

        report_first_paint(app, window)
    try:
        return app.exec()
    finally:
        guard.close()
        parts.library.close()  # checkpoints the -wal into the file


def run_kiosk(app: QApplication, args: argparse.Namespace | SimpleNamespace) -> int:
    """The window as a reading-room kiosk: configuration, log, read-only library, lock-down."""
    from .core.library import LibraryError
    from .core.paths import default_library
    from .kiosk.config import KioskConfigError, load_config
    from .kiosk.mode import setup_logging
    from .kiosk.profile import kiosk_profile
    from .ui.shell.startup import install_translations, take_screenshot

    try:
        config = load_config(args.config)
    except KioskConfigError as exc:
        print(f"paper-reader: kiosk configuration: {exc}", file=sys.stderr)
        return 1
    if args.theme:  # for this run, at the start and after every reset alike
        import dataclasses

        config = dataclasses.replace(config, theme=args.theme)
    log_file = setup_logging()
    import logging

    log = logging.getLogger("paper_reader.kiosk")
    install_translations(app, "system")  # the patrons' language is the machine's, not a setting
    path = Path(args.db) if args.db else config.library or default_library()
    from PySide6.QtWidgets import QWidget

    from .kiosk.unavailable import LibraryUnavailable, apply_look, check_library

    profile = kiosk_profile(config)

    def start() -> ReaderApp:
        parts = build(path, args.theme, args.open, args.paper, profile)
        log.info("kiosk started on %s (configuration: %s; log: %s)", path,
                 ", ".join(map(str, config.files)) or "defaults", log_file)
        assert parts.kiosk is not None
        parts.kiosk.install_excepthook()
        parts.kiosk.show()
        return parts

    shown: QWidget
    started: ReaderApp | None = None
    try:
        check_library(path, config.papers)
        started = start()
        shown = started.window
    except LibraryError as exc:
        # Not an exit: under the unit's Restart=always that loops on a black screen. The
        # message stays up, and the reader comes up once the library can be read.
        log.error("cannot open the library: %s", exc)
        print(f"paper-reader: {exc}", file=sys.stderr)
        apply_look(app, config)
        screen = LibraryUnavailable(path, config, exc, start)
        screen.show_full_screen()
        shown = screen
    collect_after_start()
    if args.screenshot:
        code = take_screenshot(app, shown, Path(args.screenshot))
        if started is not None:  # as run_gui: the PDFium thread ends before PDFium does
            started.presenter.stop_page_image()
        return code
    return app.exec()
