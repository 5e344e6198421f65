"""The kiosk's window: the idle countdown overlay, sizes for fingers, and search and the
archive as a kiosk shows them. ``kiosk.mode.KioskMode`` applies these to a window built
from the kiosk's profile (kiosk.profile), which has no menus or import to begin with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .touch import TouchArticleDelegate, TouchNavigator

if TYPE_CHECKING:
    from ..ui.shell.main_window import MainWindow
    from ..ui.tools.archive_dialog import ArchiveDialog
    from ..ui.tools.search_panel import SearchPanel

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


def lock_down(window: MainWindow) -> None:
    """Frameless, and no context menus: nothing that leads out of the reader."""
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


def fit_for_touch(window: MainWindow) -> list[TouchNavigator]:
    """Fingertip sizes (beside the profile's style sheet, KIOSK_QSS); touch on the views
    (swipe and pinch on the page and the article)."""
    w = window
    w.page_strip.setGridSize(QSize(124, 72))
    w.page_strip.setMinimumWidth(132)
    w.article_list.setItemDelegate(TouchArticleDelegate(w.article_list))
    # The page image (made for the first page with a PDF): fingers pan and pinch it, markers
    # a fingertip big.
    if w.has_page_image():
        w.page_image.enable_touch(44)
    else:
        w.pageImageMade.connect(lambda image: image.enable_touch(44))
    touch = [TouchNavigator(w.overview), TouchNavigator(w.article_view.browser),
             TouchNavigator(w.article_list, swipe=False), TouchNavigator(w.page_strip, swipe=False)]
    screen = w.screen()
    width = screen.geometry().width() if screen is not None else 1280
    w.splitter.setSizes([132, max(240, width * 28 // 100), width])  # the page gets the rest
    return touch


def fit_search(dock: QDockWidget, panel: SearchPanel) -> TouchNavigator:
    """The search dock: fixed in place, a big close button, touch on its results (the
    navigator returned)."""
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
    layout = panel.layout()
    assert layout is not None
    layout.replaceWidget(panel.query, box)
    line.addWidget(panel.query, 1)
    line.addWidget(clear)
    results = panel.results
    results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return TouchNavigator(results, swipe=False)


def fit_archive(archive: ArchiveDialog) -> None:
    """The archive as a kiosk dialog: finger-sized, a big close button, closed by a choice."""
    archive.resize(720, 600)  # made, not yet shown: no size of its own to keep
    close = QPushButton(translate("Kiosk", "关闭"), archive)
    close.setObjectName("kioskClose")
    close.setAutoDefault(False)  # Enter opens the date chosen (ArchiveDialog.keyPressEvent)
    close.clicked.connect(archive.reject)
    layout = archive.layout()
    assert layout is not None
    layout.addWidget(close)
    # Queued: the reader opens the issue first (the window's connection), then the dialog goes.
    archive.issueChosen.connect(lambda _issue: archive.accept(), Qt.ConnectionType.QueuedConnection)
