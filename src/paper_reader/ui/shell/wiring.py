"""The one place where the window's parts are connected: its signals and actions to the
Reader, the Presenter, the Importer and the tools; the look's and the library's
announcements to whoever shows what they change. (A kiosk adds its own in
``kiosk.window.wire_kiosk``, called from the same place, ``app.build``.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent

from ...core.reading.history import Location
from ..reading.reader import Reader
from ..tools.importing import Importer
from .look import THEME
from .main_window import MainWindow
from .parts import WindowParts
from .profile import PRINT_DIALOG, PRINT_PRINTER

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ...core.importer import ImportReport
    from ..system.library_watch import LibraryFollower, LibraryWatch
    from ..system.single_instance import InstanceGuard
    from ..tools.archive_dialog import ArchiveDialog
    from ..tools.search_panel import SearchPanel
    from ..views.page_image import PageImageView


WATCH_AFTER_MS = 250  # after the window is shown: the back and forward buttons are watched


class MouseNavigation(QObject):
    """The mouse's back and forward buttons over the window's views.

    Watching the few viewports that take clicks, not the whole application: a Python filter
    on every event of the app cost milliseconds on each page turn.
    """

    PRESS = QEvent.Type.MouseButtonPress

    def __init__(self, window: MainWindow, reader: Reader) -> None:
        super().__init__(window)
        self.reader = reader
        self.window = window
        self._watching = False
        # Well after the first paint: PySide's first wrapping of a viewport resolves some
        # sixty widget classes and fifty enums (5 ms, see ArticleDelegate._width); 50 ms
        # after the window was shown still fell before the first frame on a slow machine.
        # No one presses back in the first quarter second.
        window.shown.connect(lambda: QTimer.singleShot(WATCH_AFTER_MS, self.watch))

    def watch(self) -> None:
        w = self.window
        if self._watching:
            return
        self._watching = True
        for widget in (w, w.page_strip.viewport(), w.article_list.viewport(), w.overview.viewport(),
                       w.article_view.browser.viewport()):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.PRESS and isinstance(event, QMouseEvent):
            if event.button() == QtCore.Qt.MouseButton.BackButton:
                self.reader.back()
                return True
            if event.button() == QtCore.Qt.MouseButton.ForwardButton:
                self.reader.forward()
                return True
        return False


def about_text(library_path: object) -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    from ... import version_string
    from ..views.article_html import escape

    try:
        from importlib.metadata import version

        opencc_version = version("opencc")
    except Exception:  # a bundle without metadata still runs
        opencc_version = "?"
    blurb = QCoreApplication.translate("About", "数字化日报阅读器")
    library = QCoreApplication.translate("About", "书库")
    return (f"<h3>{version_string()}</h3>"
            f"<p>{blurb}</p>"
            f"<p>{library}: {escape(str(library_path))}<br>"
            f"Qt {qVersion()} · PySide6 {PySide6.__version__} · OpenCC {opencc_version}</p>")


def show_about(window: MainWindow, library_path: object) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("MainWindow", "关于 paper-reader")
    box = QMessageBox(QMessageBox.Icon.Information, title, about_text(library_path),
                      QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(QtCore.Qt.TextFormat.RichText)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, not a nested event loop
    return box


def wire(parts: WindowParts) -> None:
    """Everything the window connects, once, as it is built."""
    _wire_reading(parts)
    wire_look(parts)
    wire_tools(parts)
    if parts.importer is not None:
        _wire_import(parts.window, parts.reader, parts.importer)
    if parts.follower is not None:
        _wire_follower(parts)
    window, reader, session = parts.window, parts.reader, parts.settings
    window.closing.connect(lambda: session.save(window, reader, parts.look))
    if parts.profile.library.writes:
        window.closing.connect(lambda: checkpoint_quietly(parts))
    MouseNavigation(window, reader)


def _wire_reading(parts: WindowParts) -> None:
    """The views and the navigation actions to the Reader; the Reader to the Presenter."""
    window, reader, presenter = parts.window, parts.reader, parts.presenter
    a = window.actions
    parts.handle.replaced.connect(reader.forget_issue)
    reader.issueChanged.connect(presenter.show_issue)
    reader.pageChanged.connect(presenter.show_page)
    reader.view_now = presenter.view_now
    reader.locationChanged.connect(presenter.show_location)
    reader.historyChanged.connect(presenter.update_actions)
    reader.linkMissing.connect(presenter.link_missing)
    window.shown.connect(presenter.start_idle_work)

    window.page_strip.clicked.connect(
        lambda index: reader.go_page(window.page_model.page_at(index.row())[0]))
    window.page_strip.selectionModel().currentChanged.connect(
        lambda index, _old: index.isValid() and reader.go_page(window.page_model.page_at(index.row())[0]))
    window.article_list.articleActivated.connect(reader.select_article)
    window.overview.articleActivated.connect(reader.select_article)
    chosen = window.article_list.selectionModel()
    # The row a reader chose, not the current row the list takes as it gets the focus (a
    # kiosk's start and reset give it the focus): that one is no choice to outline.
    chosen.currentChanged.connect(
        lambda index, _old: presenter.list_row(
            index.row() if index.isValid() and chosen.isSelected(index) else None))
    window.article_view.linkActivated.connect(reader.follow)
    window.tabs.currentChanged.connect(lambda _i: presenter.update_actions())
    window.tabs.currentChanged.connect(
        lambda i: i == 0 and presenter.show_overview())

    def page_image_made(image: PageImageView) -> None:
        """The page image, made for the first page with a PDF: its requests and actions."""
        image.articleActivated.connect(reader.select_article)
        image.linkActivated.connect(presenter.follow_on_page)
        a.zoom_in.triggered.connect(image.zoom_in)
        a.zoom_out.triggered.connect(image.zoom_out)
        a.fit_width.triggered.connect(image.fit_width)
        a.fit_page.triggered.connect(image.fit_page)
        if window.isVisible():
            QTimer.singleShot(1000, image.grab_gestures)

    window.pageImageMade.connect(page_image_made)
    # Touch on the page image names Qt's enums: well after the first paint, however slow.
    window.shown.connect(lambda: window.has_page_image()
                         and QTimer.singleShot(1000, window.page_image.grab_gestures))

    a.back.triggered.connect(reader.back)
    a.forward.triggered.connect(reader.forward)
    a.prev_page.triggered.connect(lambda: reader.turn(-1))
    a.next_page.triggered.connect(lambda: reader.turn(1))
    a.prev_issue.triggered.connect(lambda: reader.turn_issue(-1))
    a.next_issue.triggered.connect(lambda: reader.turn_issue(1))
    a.show_overview.triggered.connect(window.show_overview_tab)
    a.show_article.triggered.connect(window.show_article_tab)

    def whole(checked: bool) -> None:
        reader.whole_article = checked
        presenter.refresh()

    a.whole_article.toggled.connect(whole)
    if a.quit is not None:
        a.quit.triggered.connect(window.close)
    if a.about is not None:
        a.about.triggered.connect(lambda: show_about(window, reader.library.path))


def wire_look(parts: WindowParts) -> None:
    """What follows a change of the look, in this order: the application's colours, the
    views shown anew, the search results converted, the marks in the article, the checks."""
    from .startup import style_application

    look, tools = parts.look, parts.tools

    def restyle(changed: frozenset[str]) -> None:
        if THEME in changed:
            style_application(look.theme)

    look.changed.connect(restyle)
    look.changed.connect(parts.presenter.refresh)
    look.changed.connect(tools.search.look_changed)
    look.changed.connect(lambda _changed: tools.search.highlight())
    look.changed.connect(tools.look.sync_checks)
    dim = parts.window.actions.dim_image
    if dim is not None:
        dim.setChecked(look.dim_image)

        def dim_image(on: bool) -> None:
            look.set_dim_image(on)
            parts.settings.save_look(look)

        dim.toggled.connect(dim_image)


def page_file_filter() -> str:
    """The import dialog's filter: the kinds of page file the sources take, then any file."""
    from ...core.sources import patterns  # on first use: not on the way to the first paint

    return QCoreApplication.translate("MainWindow", "版面文件 (%1);;所有文件 (*)").replace(
        "%1", " ".join(patterns()))


def _wire_import(window: MainWindow, reader: Reader, importer: Importer) -> None:
    a = window.actions

    def choose_files() -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            window, QCoreApplication.translate("MainWindow", "导入版面文件"), "", page_file_filter())
        importer.start(files)

    def choose_folder() -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            window, QCoreApplication.translate("MainWindow", "导入一期报纸的文件夹"))
        if folder:
            importer.start([folder])

    assert a.import_files is not None and a.import_folder is not None  # a window that imports
    a.import_files.triggered.connect(choose_files)
    a.import_folder.triggered.connect(choose_folder)
    window.filesDropped.connect(importer.start)

    def imported(report: ImportReport, cancelled: bool) -> None:
        window.info_bar.show_message(importer.summary(report, cancelled))
        if cancelled or not report.results:
            return
        paper, date = report.results[-1].paper, report.results[-1].date
        issue_id = reader.library.find_issue(paper, date)
        if issue_id is None:
            return
        first = min(r.number for r in report.results if (r.paper, r.date) == (paper, date))
        if reader.location and reader.location.issue_id == issue_id:
            reader.reload()  # the stored issue changed: read it again
        reader.open_issue(issue_id, first, None)

    importer.finished.connect(imported)


def wire_tools(parts: WindowParts) -> None:
    """The reading tools' menu entries, and the desktop's colour scheme."""
    from PySide6.QtGui import QGuiApplication

    window, reader, tools = parts.window, parts.reader, parts.tools
    a, choices, search = window.actions, tools.look, tools.search
    for name, action in a.scripts.items():
        action.triggered.connect(lambda _c=False, n=name: choices.set_script(n))
    a.bigger.triggered.connect(lambda: choices.step_size(1))
    a.smaller.triggered.connect(lambda: choices.step_size(-1))
    a.normal_size.triggered.connect(lambda: choices.step_size(0))
    if a.full_width is not None:
        a.full_width.triggered.connect(choices.set_full_width)
    for choice, mode in ((a.theme_light, "light"), (a.theme_dark, "dark"), (a.theme_system, "system")):
        if choice is not None:
            choice.triggered.connect(lambda _c=False, m=mode: choices.set_theme_mode(m))
    for code, action in a.languages.items():
        action.triggered.connect(lambda _c=False, c=code: choices.set_language(c))
    QGuiApplication.styleHints().colorSchemeChanged.connect(choices.system_scheme_changed)

    a.find.triggered.connect(lambda: search.show(False))
    a.find_in_article.triggered.connect(lambda: search.show(True))
    a.next_hit.triggered.connect(lambda: search.step_hit(1))
    a.prev_hit.triggered.connect(lambda: search.step_hit(-1))
    search.made.connect(lambda panel: _wire_search_panel(panel, parts))
    # Highlights follow the article view: a newly shown article gets the current terms; the
    # page image marks them too.
    reader.locationChanged.connect(lambda _loc: search.highlight())
    reader.locationChanged.connect(lambda _loc: parts.presenter.mark_terms(search.terms))
    a.whole_article.toggled.connect(lambda _on: search.highlight())

    citations, printing = tools.citations, tools.printing
    if a.copy_citation is not None:
        a.copy_citation.triggered.connect(lambda: citations.copy(False))
    if a.copy_plain_citation is not None:
        a.copy_plain_citation.triggered.connect(lambda: citations.copy(True))
    if a.cite_display_script is not None:
        a.cite_display_script.triggered.connect(citations.set_display_script)
    if a.print_article is not None:
        target = parts.profile.print_target
        if target == PRINT_DIALOG:
            a.print_article.triggered.connect(printing.print_with_dialog)
        elif target == PRINT_PRINTER:
            a.print_article.triggered.connect(printing.print_to_printer)
    if a.export_pdf is not None:
        a.export_pdf.triggered.connect(lambda: printing.export_pdf())
    if a.clip is not None:
        clippings = tools.clippings
        a.clip.triggered.connect(clippings.clip)
        # On only for an article on a page image: follows what is open.
        reader.issueChanged.connect(lambda _issue: clippings.sync())
        reader.locationChanged.connect(lambda _loc: clippings.sync())
        clippings.sync()
    a.archive.triggered.connect(tools.archive.show)
    tools.archive.made.connect(lambda dialog: _wire_archive_dialog(dialog, reader))


def _wire_search_panel(panel: SearchPanel, parts: WindowParts) -> None:
    search = parts.tools.search
    panel.hitActivated.connect(search.open_hit)
    panel.findInArticle.connect(search.find_in_article)
    # A new search's terms replace the old ones in the open article, marks and all.
    panel.resultsShown.connect(lambda _count: search.highlight(panel.terms()))
    panel.resultsShown.connect(lambda _count: parts.presenter.mark_terms(search.terms))
    panel.findInArticle.connect(lambda _text: parts.presenter.mark_terms(search.terms))
    panel.searchStarted.connect(parts.presenter.search_started)
    panel.resultsShown.connect(parts.presenter.search_done)
    parts.handle.replaced.connect(lambda _library: search.refresh_papers())


def _wire_archive_dialog(dialog: ArchiveDialog, reader: Reader) -> None:
    dialog.issueChosen.connect(lambda issue_id: reader.open(Location(issue_id, 1, None)))


def _wire_follower(parts: WindowParts) -> None:
    """The window's LibraryFollower: the open issue's stamp, and who follows a change of
    the list of issues."""
    follower, tools = parts.follower, parts.tools
    assert follower is not None
    parts.reader.issueChanged.connect(follower.remember)
    follower.remember(parts.reader.issue)
    follower.issues_changed += [parts.presenter.issues_changed, tools.search.library_changed,
                                lambda _present: tools.archive.library_changed()]


def follow_library(watch: LibraryWatch, parts: WindowParts) -> LibraryFollower:
    """Another program's writes, noticed by ``watch``, followed by the window."""
    follower = parts.follower
    assert follower is not None, "a window that follows its library has a LibraryFollower"
    watch.changed.connect(follower.refresh)
    return follower


def open_when_shown(window: MainWindow, reader: Reader, first: Location) -> None:
    """Put ``first`` up as the window is first shown (not at later shows, from minimized)."""
    def open_first_page() -> None:
        window.shown.disconnect(open_first_page)
        reader.open(first)

    window.shown.connect(open_first_page)


def wire_instance(guard: InstanceGuard, parts: WindowParts) -> None:
    """A later start on the same library knocks here: this window opens what it asked for."""
    from ..system.single_instance import answer_knock

    window, reader = parts.window, parts.reader
    guard.knocked.connect(lambda knock: answer_knock(knock, window, reader))


def checkpoint_quietly(parts: WindowParts) -> None:
    """The file alone is then the whole library, whoever copies it once the window closed;
    busy (another program importing): its own close checkpoints."""
    from ...core.library import LibraryError

    try:
        parts.library.checkpoint()
    except LibraryError:
        pass
