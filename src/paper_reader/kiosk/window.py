"""The kiosk's window: its toolbar and sizes for fingers, the idle countdown overlay, search
and printing as a kiosk does them. ``kiosk.mode.KioskMode`` applies these to a built window."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .touch import KIOSK_QSS, TouchArticleDelegate, TouchNavigator

if TYPE_CHECKING:
    from ..app import ReaderApp
    from .mode import KioskMode

log = logging.getLogger("paper_reader.kiosk")
translate = QCoreApplication.translate


class IdleOverlay(QWidget):
    """Dims the window and counts down, with a big button to keep reading."""

    keepReading = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskIdleOverlay")
        panel = QFrame(self)
        panel.setObjectName("kioskIdlePanel")
        panel.setStyleSheet("QFrame#kioskIdlePanel { background: palette(window); border-radius: 18px; }")
        title = QLabel(translate("Kiosk", "还在阅读吗？"), panel)
        self.seconds = QLabel(panel)
        self.button = QPushButton(translate("Kiosk", "继续阅读"), panel)
        self.button.setObjectName("kioskKeepReading")  # sized in KIOSK_QSS
        self.button.clicked.connect(self.keepReading)
        for label, scale in ((title, 2.0), (self.seconds, 1.4)):
            font = QFont(label.font())
            font.setPointSizeF(max(font.pointSizeF(), 10.0) * scale)
            label.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(24)
        inner.addWidget(title)
        inner.addWidget(self.seconds)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.seconds.setText(translate("Kiosk", "%1 秒后回到最新一期的头版。").replace("%1", str(seconds)))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))


def lock_down(kiosk: KioskMode) -> None:
    """No menus, no way out; the toolbar a reader's: pages, issues, archive, search, script, size."""
    w, a = kiosk.window, kiosk.window.actions
    w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    w.setAcceptDrops(False)
    w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    w.menuBar().clear()
    w.menuBar().hide()
    dead = [a.import_files, a.import_folder, a.quit, a.export_pdf, a.about, a.copy_citation,
            a.copy_plain_citation, a.theme_light, a.theme_dark, a.theme_system, *a.languages.values()]
    if not kiosk.config.printing:
        dead.append(a.print_article)
    for action in dead:
        action.setShortcuts([])
        action.setEnabled(False)
        action.setVisible(False)
    bar = w.navigation_bar
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    bar.setIconSize(QSize(28, 28))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    bar.removeAction(a.import_files)
    for action, text in ((a.back, translate("Kiosk", "后退")), (a.forward, translate("Kiosk", "前进")),
                         (a.prev_issue, translate("Kiosk", "上一期")),
                         (a.prev_page, translate("Kiosk", "上一版")),
                         (a.next_page, translate("Kiosk", "下一版")),
                         (a.next_issue, translate("Kiosk", "下一期"))):
        action.setIconText(text)
    label_action = next(x for x in bar.actions() if bar.widgetForAction(x) is w.issue_label)
    before = bar.actions()[bar.actions().index(label_action) - 1]  # the separator
    a.archive.setIconText(translate("Kiosk", "往期"))
    bar.insertAction(a.find, a.archive)
    bar.insertSeparator(before)
    scripts = QToolButton(bar)
    scripts.setObjectName("kioskScripts")
    scripts.setText(translate("Kiosk", "文字"))
    scripts.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(scripts)
    for action in w.findChildren(QAction):  # menus for fingers: no Ctrl+Shift+1 beside an item
        action.setShortcutVisibleInContextMenu(False)
    for action in a.scripts.values():  # nor a keyboard letter: 简体, not 简体(J)
        action.setText(without_mnemonic(action.text()))
    menu.addActions(list(a.scripts.values()))
    scripts.setMenu(menu)
    bar.insertWidget(before, scripts)
    a.smaller.setIconText("A−")
    a.bigger.setIconText("A+")
    bar.insertActions(before, [a.smaller, a.bigger])
    if kiosk.config.printing:
        a.print_article.setIconText(translate("Kiosk", "打印"))
        a.print_article.triggered.disconnect()
        a.print_article.triggered.connect(kiosk.print_article)
        bar.insertAction(before, a.print_article)
    # Keys for what has no button; the menus that carried them are gone.
    w.addActions([a.show_overview, a.show_article, a.whole_article, a.find_in_article, a.next_hit,
                  a.prev_hit, a.normal_size, *a.scripts.values()])
    a.find.triggered.connect(lambda: fit_search(kiosk))  # after wiring's: the dock exists by then
    a.find_in_article.triggered.connect(lambda: fit_search(kiosk))
    a.archive.triggered.connect(lambda: fit_archive(kiosk.parts))


def without_mnemonic(text: str) -> str:
    """A menu text without its keyboard letter: 简体(&J) → 简体, &Simplified → Simplified."""
    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def fit_for_touch(parts: ReaderApp) -> list[TouchNavigator]:
    """Fingertip sizes; touch on the views (swipe and pinch on the page and the article)."""
    w, tools = parts.window, parts.tools
    w.setStyleSheet(KIOSK_QSS)
    w.page_strip.setGridSize(QSize(124, 72))
    w.page_strip.setMinimumWidth(132)
    w.article_list.setItemDelegate(TouchArticleDelegate(w.article_list))
    touch = [TouchNavigator(w.overview), TouchNavigator(w.article_view.browser),
             TouchNavigator(w.article_list, swipe=False), TouchNavigator(w.page_strip, swipe=False)]
    for nav in touch[:2]:
        nav.swiped.connect(parts.reader.turn)  # type: ignore[attr-defined]
        nav.pinched.connect(tools.step_size)  # type: ignore[attr-defined]
    width = w.screen().geometry().width() if w.screen() is not None else 1280
    w.splitter.setSizes([132, max(240, width * 28 // 100), width])  # the page gets the rest
    return touch


def fit_search(kiosk: KioskMode) -> None:
    """The search dock, once made: fixed in place, a big close button, touch on its results."""
    dock = kiosk.window.findChild(QDockWidget, "searchDock")
    if dock is None or dock.property("kiosk"):
        return
    dock.setProperty("kiosk", True)
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)  # no floating window
    title = QWidget(dock)
    title.setObjectName("kioskSearchTitle")
    row = QHBoxLayout(title)
    row.setContentsMargins(8, 4, 4, 4)
    row.addWidget(QLabel(translate("Kiosk", "搜索"), title), 1)
    close = QToolButton(title)
    close.setObjectName("kioskClose")
    close.setText(translate("Kiosk", "关闭搜索"))
    close.clicked.connect(dock.hide)
    row.addWidget(close)
    dock.setTitleBarWidget(title)
    panel = dock.widget()
    # The line edit's own clear button, sized for a finger by the style sheet, stuck out past
    # its box and the screen's edge: a button of the kiosk's size beside the box instead.
    panel.query.setClearButtonEnabled(False)
    clear = QToolButton(panel)
    clear.setObjectName("kioskClearQuery")
    clear.setText(translate("Kiosk", "清除"))
    clear.setAccessibleName(translate("Kiosk", "清除搜索词"))
    clear.setEnabled(bool(panel.query.text()))
    clear.clicked.connect(panel.query.clear)
    clear.clicked.connect(panel.query.setFocus)
    panel.query.textChanged.connect(lambda text: clear.setEnabled(bool(text)))
    box = QWidget(panel)
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    panel.layout().replaceWidget(panel.query, box)
    line.addWidget(panel.query, 1)
    line.addWidget(clear)
    results = panel.results
    results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    kiosk.touch.append(TouchNavigator(results, swipe=False))


def fit_archive(parts: ReaderApp) -> None:
    """The archive as a kiosk dialog: finger-sized, a big close button, closed by a choice."""
    archive = parts.tools.archive  # type: ignore[attr-defined]
    if archive is None:
        return
    if archive.width() < 640:
        archive.resize(720, 600)
    if archive.property("kiosk"):
        return
    archive.setProperty("kiosk", True)
    close = QPushButton(translate("Kiosk", "关闭"), archive)
    close.setObjectName("kioskClose")
    close.setAutoDefault(False)  # Enter opens the date chosen (ArchiveDialog.keyPressEvent)
    close.clicked.connect(archive.reject)
    archive.layout().addWidget(close)
    close.show()  # added to a dialog already up
    # Queued: the reader opens the issue first (the tools' connection), then the dialog goes.
    archive.issueChosen.connect(lambda _issue: archive.accept(), Qt.ConnectionType.QueuedConnection)


def native_printer(name: str):  # type: ignore[no-untyped-def]
    """A QPrinter on the system's printer ``name`` (empty: the default printer), never a
    file; None when there is no such printer (Qt would quietly fall back to PDF)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName("")
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or printer.outputFileName():
        return None
    return printer


def print_direct(app: ReaderApp, printer_name: str) -> None:
    """The open article straight to the printer: no dialog, never to a file."""
    w, look = app.window, app.presenter.look  # type: ignore[attr-defined]
    parts = app.tools.print_parts()  # type: ignore[attr-defined]
    if parts is None:
        return
    printer = native_printer(printer_name)
    if printer is None:
        log.warning("printer %r not available", printer_name or "(default)")
        w.info_bar.show_message(translate("Kiosk", "打印机现在不可用，请联系工作人员。"))
        return
    from ..ui.tools import printing

    printer.setDocName(look.convert(parts[2].title or ""))
    try:
        printing.print_article(printer, *parts, convert=look.convert)
    except OSError as exc:
        w.info_bar.show_message(str(exc))
        return
    w.statusBar().showMessage(translate("Kiosk", "已送往打印机。"), 5000)


# -- search: the panel's worker thread opens the library as the kiosk does -----------------
def search_opener(papers: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """For ReadingTools.search_opener: the search thread gets a read-only library of the
    papers shown, opened again when the sync replaced it."""
    from ..ui.tools.search_panel import LibraryOpener

    return LibraryOpener(papers, reopen_replaced=True)
