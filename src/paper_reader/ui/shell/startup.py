"""Start-up steps of the window: library checks, first run, fonts, theme, screenshots."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ...core.library import DamagedLibraryError, Library, LibraryError, library_writable, set_aside
from ...core.paths import resources_dir, sample_issue_dir, sample_pdf_dir
from ...core.reading.history import Location
from .fonts import FontChoice, choose_fonts, ui_font
from .main_window import MainWindow
from .session import Session, saved_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QTranslator

APP_NAME = "paper-reader"  # translations are paper-reader_<language>.qm


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load the interface language before any window exists; returns what was installed.

    Chinese is our source language, so Chinese needs none of ours, but Qt's own texts (the
    buttons, file, print and calendar dialogs) are English until Qt's Chinese is loaded.
    ``language`` is "system", "zh" or "en"; by default the ui/language setting. "system"
    loads our translation for the desktop's language, English when there is none, and none
    for a Chinese or C locale. Qt's translation follows the language the window speaks, and
    English (Qt's own) needs none. Without any .qm of ours (a checkout where ``make
    translations`` has not run) the window can only speak Chinese: no settings are read.
    One QTranslator.load of Qt's file is well under a millisecond.
    """
    folder = resources_dir() / "i18n"
    try:
        ours_exist = any(name.endswith(".qm") for name in os.listdir(folder))
    except OSError:  # no i18n folder
        ours_exist = False
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    chinese = QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript,
                      QLocale.Country.China)
    choice = (language or saved_language()) if ours_exist else "zh"
    installed: list[QTranslator] = []

    def install(name: str, where: str, locales: list[QLocale]) -> QTranslator | None:
        translator = QTranslator(app)  # owned by the app: it must live as long as the app
        if any(translator.load(each, name, "_", where) for each in locales):
            app.installTranslator(translator)
            installed.append(translator)
            return translator
        translator.deleteLater()
        return None

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if choice == "system":
        locale = QLocale.system()
        if locale.language() in (QLocale.Language.Chinese, QLocale.Language.C):
            # A Chinese desktop's own variant (zh_TW gets Qt's traditional texts).
            choice, chinese = "zh", locale if locale.language() == QLocale.Language.Chinese else chinese
    else:
        locale = QLocale(choice)
    if choice == "zh":
        install("qtbase", qt_folder, [chinese, QLocale(QLocale.Language.Chinese)])
        return installed
    # A desktop language without a translation of its own gets English.
    ours = [locale, QLocale(QLocale.Language.English)] if choice == "system" else [locale]
    speaks = install(APP_NAME, str(folder), ours)
    spoken = QLocale(speaks.language()) if speaks is not None else chinese
    if spoken.language() != QLocale.Language.English:
        install("qtbase", qt_folder, [spoken])
    return installed


def check_library(path: Path, interactive: bool) -> bool:
    """Open-test the library and make the reads a start makes first; a damaged library may
    be set aside (renamed, never deleted). False: the window should not open."""
    checked = _checked(path, interactive)
    if isinstance(checked, Library):
        checked.close()
        return True
    return checked


def open_library(path: Path, interactive: bool) -> Library | None:
    """check_library, keeping the library open for the window (opening it twice costs a
    start a millisecond or two). None: the window should not open."""
    checked = _checked(path, interactive)
    if isinstance(checked, Library):
        return checked
    return Library(path) if checked else None  # set aside: a new library in its place


def _checked(path: Path, interactive: bool) -> Library | bool:
    """The library, open and probed; else True when a damaged one was set aside (a start
    may go on with a new one), False when the window should not open."""
    try:
        # A library on read-only media (a CD, a read-only mount) is opened to be read.
        library = Library(path, readonly=not library_writable(path))
        try:
            probe(library)
        except BaseException:
            library.close()
            raise
        return library
    except LibraryError as exc:
        return library_failed(path, exc, interactive)


def probe(library: Library) -> None:
    """What the window reads before it shows: damage there would otherwise stop the start.
    (Damage elsewhere in the file surfaces when it is read, through ui.crash.)"""
    if library.is_empty():
        return
    latest = library.latest_issue()
    if latest is not None:
        library.load_issue(latest)


def library_failed(path: Path, exc: LibraryError, interactive: bool) -> bool:
    """Say plainly why the library cannot be used. A damaged one is offered to be set aside;
    True when it was, and a start may go on with a new library in its place."""
    from PySide6.QtWidgets import QMessageBox

    from ..problem_text import problem_text
    from ..views.plain import message_box, show_error  # the message names the file and SQLite's words

    if isinstance(exc, DamagedLibraryError):
        if not interactive:
            print(f"paper-reader: {exc}", file=sys.stderr)
            return False
        box = message_box(QMessageBox.Icon.Warning, QApplication.translate("Startup", "书库文件已损坏"),
                          problem_text(exc), informative=QApplication.translate(
                              "Startup", "可以把它改名保存在原处（不会删除），然后新建一个空书库。"))
        aside = box.addButton(QApplication.translate("Startup", "改名保存并新建"),
                              QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QApplication.translate("Startup", "退出"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not aside:
            return False
        try:
            moved = set_aside(path)
        except LibraryError as failed:
            print(f"paper-reader: {failed}", file=sys.stderr)
            show_error(None, QApplication.translate("Startup", "无法打开书库"), problem_text(failed))
            return False
        print(f"paper-reader: the damaged library was kept as {moved}", file=sys.stderr)
        return True
    print(f"paper-reader: {exc}", file=sys.stderr)
    if interactive:
        show_error(None, QApplication.translate("Startup", "无法打开书库"), problem_text(exc))
    return False


SAMPLE_DONE = "library/sample_imported"  # the default library had its sample once


def first_run_import(library: Library, session: Session | None = None) -> None:
    """The user's default library, empty at its first run, gets the bundled sample issue,
    so a first run has a paper to read. Never a library named with --db (the sample is
    fictional: it has no place in a real archive), and never twice: a reader who removed
    it keeps an empty library."""
    from ...core.paths import default_library

    if Path(library.path).resolve() != default_library().resolve():
        return
    if session is not None and session.value(SAMPLE_DONE):
        return
    if library.readonly or not library.is_empty():
        return
    from ...core.importer import import_paths

    # The publisher's page PDFs, so a first run opens on the front page's image; the text
    # pages where a build left the PDFs out.
    sample = next((d for d in (sample_pdf_dir(), sample_issue_dir()) if d.is_dir()), None)
    if sample is not None:
        import_paths(library, [sample])
        if session is not None:
            session.set_value(SAMPLE_DONE, True)


def readonly_note(window: MainWindow) -> None:
    """A library that can only be read: import is off, and the window says why."""
    for action in (window.actions.import_files, window.actions.import_folder):
        if action is not None:
            action.setEnabled(False)
    window.setAcceptDrops(False)
    window.info_bar.show_message(QApplication.translate(
        "MainWindow", "这个书库只能阅读：它的文件或所在的文件夹不可写入（例如在光盘或只读的磁盘上），"
                      "所以不能导入。"))


def apply_fonts(session: Session) -> FontChoice:
    """The application's Chinese UI face, before any widget is made: a widget polished by
    the style sheet keeps the font it was made with, so a face set later never reached the
    article list or the menus (they fell back to the Japanese variant of Noto CJK)."""
    choice = choose_fonts()
    app = QApplication.instance()
    if choice.has_chinese and isinstance(app, QApplication):
        app.setFont(ui_font(choice, app.font().pointSizeF() or 10.5))
    return choice


def warn_missing_fonts(window: MainWindow, session: Session, choice: FontChoice) -> None:
    if choice.has_chinese or session.value("fonts/warned"):
        return
    window.info_bar.show_message(QApplication.translate(
        "MainWindow",
        "没有找到中文字体，汉字可能显示为方框。请安装 Noto CJK 字体（Debian/Ubuntu：fonts-noto-cjk）。"))
    session.set_value("fonts/warned", True)


# The theme draws every checkable menu entry as a check box; a choice of one (版面/文章,
# script, theme, language) gets a round indicator with a dot, as radio items do.
_RADIO_QSS = """
    QMenu::indicator:exclusive {{ border-radius: 9px; }}
    QMenu::indicator:exclusive:checked {{ image: none; background: qradialgradient(cx: 0.5, cy: 0.5,
        radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {dot}, stop: 0.38 {dot}, stop: 0.42 {ring},
        stop: 1 {ring}); }}
"""
SHEET_QSS = {
    "light": """
        QFrame#infoBar, QLabel#linkNotice { background: #fff4ce; color: #3d3000; border: 1px solid #e5c453; }
    """ + _RADIO_QSS.format(dot="#1a73e8", ring="rgba(0, 0, 0, 0.098)"),
    "dark": """
        QFrame#infoBar, QLabel#linkNotice { background: #3d3414; color: #f5e6b0; border: 1px solid #7a6520; }
    """ + _RADIO_QSS.format(dot="#8ab4f7", ring="rgba(255, 255, 255, 0.098)"),
}


def style_application(theme: str | None) -> None:
    """The application's colours and style sheet for the look's theme (on Look.changed)."""
    from . import theme as themes

    name = theme if theme in SHEET_QSS else "light"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    themes.apply(app, name, SHEET_QSS[name])


def open_spec(spec: str) -> tuple[str, int, int | None]:
    """--open DATE[/PAGE[/ARTICLE]] as (date, page, article index): the page and the article
    are counted from 1, the way people count (2024-03-15/2/1 is page 2's first article);
    the index is from 0, as in the library and the JSON. Anything unreadable: page 1, no
    article."""
    date, _, rest = spec.partition("/")
    page_s, _, article_s = rest.partition("/")
    # isdecimal, not isdigit: int("²") fails; and no 5,000-digit page numbers
    page = int(page_s) if page_s.isdecimal() and len(page_s) < 6 else 0
    article = int(article_s) if article_s.isdecimal() and len(article_s) < 6 else 0
    return date, page if page >= 1 else 1, article - 1 if article >= 1 else None


def initial_location(library: Library, session: Session, spec: str | None,
                     paper: str | None) -> Location | None:
    """--open DATE[/PAGE[/ARTICLE]], else where the reader left off, else today's front page."""
    if spec:
        date, page, article = open_spec(spec)
        issue_id = library.find_issue(paper, date)
        if issue_id is not None:
            return Location(issue_id, page, article)
        from ...core.terminal import for_terminal

        print(for_terminal(f"paper-reader: no issue dated {date} in the library"), file=sys.stderr)
    last = session.last_location()
    if last is not None:
        paper_name, date, page, article = last
        issue_id = library.find_issue(paper_name, date)
        if issue_id is not None:
            info = library.issue_info(issue_id)
            if info and (page in info.pages or (info.page_count and page <= info.page_count)):
                return Location(issue_id, page, article)
    latest = library.latest_issue()
    return Location(latest, 1, None) if latest is not None else None


class _FirstPaint(QObject):
    """Notes (and with ``then``, reports) when the window's first paint is complete."""

    def __init__(self, then: Callable[[float], None] | None = None) -> None:
        super().__init__()
        self.painted = False
        self.at = 0.0
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            # The window paints first, its children right after in the same pass: the
            # paint is complete when control is back in the event loop.
            from PySide6.QtCore import QTimer

            self.painted = True
            QTimer.singleShot(0, self._complete)
        return False

    def _complete(self) -> None:
        self.at = time.monotonic()
        if self.then is not None:
            self.then(self.at)


def report_first_paint(app: QApplication, window: MainWindow, timeout: float = 10.0) -> None:
    """For the start-up benchmark (PAPER_READER_REPORT_PAINT=quit): a reader's own start,
    single-instance lock and all, that prints when its first frame was complete and quits.
    On the page image, the start is complete with the frame that shows the page sharp (a
    ``first-paint-page-image`` line follows); the window's first frame shows what stands in
    for the page while the render thread draws it."""
    reported: list[bool] = []

    def report(at: float, page_image: str = "") -> None:
        if reported:
            return
        reported.append(True)
        print(f"first-paint-monotonic {at:.6f}", flush=True)
        if page_image:
            print(page_image, flush=True)
        app.quit()

    def done(at: float) -> None:
        has_image = getattr(window, "has_page_image", None)
        image = window.page_image if has_image is not None and has_image() else None
        if image is None or window.page_view() is not image or not image.isVisible() \
                or image.page is None or image.message:
            report(at)
            return

        def painted(when: float) -> None:
            if image.message:  # the page cannot be drawn: the window's frame is the start
                report(at)
            elif image.settled():
                report(when, f"first-paint-page-image sharp window-first-paint {at:.6f}")
            else:
                sharp.painted = False  # some tiles still to come: the next frame
        sharp = _FirstPaint(painted)
        sharp.setParent(window)
        image.viewport().installEventFilter(sharp)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(round(timeout * 1000), lambda: report(at))  # never sharp: no page-image line
        if image.settled():
            painted(at)

    watcher = _FirstPaint(done)
    watcher.setParent(window)  # lives as long as the window: its event loop runs later
    window.installEventFilter(watcher)


def take_screenshot(app: QApplication, window: QWidget, out: Path, timeout: float = 10.0) -> int:
    """Wait for the first complete paint of the window, save it, and report."""
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    deadline = time.monotonic() + timeout
    while not watcher.at and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    # A page image's tiles come from its thread after the first paint: wait for them too.
    has_image = getattr(window, "has_page_image", None)  # the window, not the unavailable screen
    image = window.page_image if has_image is not None and has_image() else None
    while image is not None and image.isVisible() and not image.settled() \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    if os.environ.get("PAPER_READER_REPORT_PAINT"):  # for the start-up benchmark
        print(f"first-paint-monotonic {watcher.at:.6f}", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"paper-reader: could not write {out}", file=sys.stderr)
        return 1
    print(f"paper-reader: saved {out}")
    return 0
