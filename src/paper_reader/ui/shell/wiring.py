"""The one place where the window's signals meet the Reader, the Presenter and the Importer."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent

from ..reading.presenter import Presenter
from ..reading.reader import Reader
from ..tools.importing import Importer
from .main_window import MainWindow


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
        # After the first paint: PySide's first wrapping of a viewport costs the start-up
        # 5 ms (see ArticleDelegate._width), and no one presses back in the first 50 ms.
        window.shown.connect(lambda: QTimer.singleShot(50, self.watch))

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


def show_about(window: MainWindow, library_path: object):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("MainWindow", "关于 paper-reader")
    box = QMessageBox(QMessageBox.Icon.Information, title, about_text(library_path),
                      QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(QtCore.Qt.TextFormat.RichText)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, not a nested event loop
    return box


def wire(window: MainWindow, reader: Reader, presenter: Presenter, importer: Importer | None) -> None:
    """``importer`` None: a window that never imports (kiosk mode): no file dialogs, no drops."""
    a = window.actions
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
    window.article_view.linkActivated.connect(reader.follow)
    window.tabs.currentChanged.connect(lambda _i: presenter.update_actions())
    window.tabs.currentChanged.connect(
        lambda _i: window.tabs.currentWidget() is window.overview and presenter.show_overview())

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
    a.quit.triggered.connect(window.close)
    a.about.triggered.connect(lambda: show_about(window, reader.library.path))
    if importer is not None:
        _wire_import(window, reader, importer)
    else:  # a window that never writes its library (the kiosk) offers no removal either
        for action in (a.remove_page, a.remove_issue, a.remove_paper):
            action.setEnabled(False)
            action.setVisible(False)
    MouseNavigation(window, reader)


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

    a.import_files.triggered.connect(choose_files)
    a.import_folder.triggered.connect(choose_folder)
    window.filesDropped.connect(importer.start)

    def imported(report, cancelled: bool) -> None:  # type: ignore[no-untyped-def]
        window.info_bar.show_message(importer.summary(report, cancelled))
        if cancelled or not report.results:
            return
        paper, date = report.results[-1].paper, report.results[-1].date
        issue_id = reader.library.find_issue(paper, date)
        if issue_id is None:
            return
        first = min(r.number for r in report.results if (r.paper, r.date) == (paper, date))
        if reader.location and reader.location.issue_id == issue_id:
            reader.issue = None  # the stored issue changed: read it again
        reader.open_issue(issue_id, first, None)

    importer.finished.connect(imported)


def wire_tools(window: MainWindow, tools) -> None:  # type: ignore[no-untyped-def]
    """The reading tools' menu entries, and the desktop's colour scheme."""
    from PySide6.QtGui import QGuiApplication

    a = window.actions
    for name, action in a.scripts.items():
        action.triggered.connect(lambda _c=False, n=name: tools.set_script(n))
    a.full_width.triggered.connect(tools.set_full_width)
    a.cite_display_script.triggered.connect(tools.set_cite_display_script)
    a.bigger.triggered.connect(lambda: tools.step_size(1))
    a.smaller.triggered.connect(lambda: tools.step_size(-1))
    a.normal_size.triggered.connect(lambda: tools.step_size(0))
    a.theme_light.triggered.connect(lambda: tools.set_theme_mode("light"))
    a.theme_dark.triggered.connect(lambda: tools.set_theme_mode("dark"))
    a.theme_system.triggered.connect(lambda: tools.set_theme_mode("system"))
    QGuiApplication.styleHints().colorSchemeChanged.connect(tools.system_scheme_changed)
    a.find.triggered.connect(lambda: tools.show_search(False))
    a.find_in_article.triggered.connect(lambda: tools.show_search(True))
    a.next_hit.triggered.connect(lambda: tools.step_hit(1))
    a.prev_hit.triggered.connect(lambda: tools.step_hit(-1))
    a.copy_citation.triggered.connect(lambda: tools.copy_citation(False))
    a.copy_plain_citation.triggered.connect(lambda: tools.copy_citation(True))
    a.print_article.triggered.connect(tools.print_article)
    a.export_pdf.triggered.connect(lambda: tools.export_pdf())
    a.archive.triggered.connect(tools.show_archive)
    for code, action in a.languages.items():
        action.triggered.connect(lambda _c=False, c=code: tools.set_language(c))
    # Highlights follow the article view: a newly shown article gets the current terms.
    tools.reader.locationChanged.connect(lambda _loc: tools.highlight())
    a.whole_article.toggled.connect(lambda _on: tools.highlight())


def wire_removal(window: MainWindow, tools, importer: Importer):  # type: ignore[no-untyped-def]
    """删除此版/删除本期/删除此报 for a window that writes its library (never the kiosk)."""
    from ..system.library_watch import LibraryFollower
    from ..tools.removal import Remover

    follower = LibraryFollower(tools.reader, tools.presenter, tools)
    return Remover(window, tools.reader, follower, importer)
