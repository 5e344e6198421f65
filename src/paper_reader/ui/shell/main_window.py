"""The main window's layout: page strip, article list, and the page or article on the right.

It only arranges widgets; ``wiring.py`` connects them to the Reader. Like everything the
window builds before its first paint, it does not name PySide's Qt namespace (see
``models.py``): enum-valued properties are set by name through the property system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..views.article_list import ArticleListView
from ..views.article_view import ArticleView
from ..views.models import ArticleListModel, PageListModel
from ..views.page_overview import PageOverview
from ..views.plain import plain_label
from .actions import Actions, create_actions
from .profile import Profile

if TYPE_CHECKING:
    from ..views.page_image import PageImageView


class InfoBar(QFrame):
    """A message across the top of the window that never blocks: import results, font notes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = plain_label(QLabel(self))  # file names and error messages
        self.label.setWordWrap(True)
        self.label.setProperty("textInteractionFlags", "TextSelectableByMouse")
        close = QToolButton(self)
        close.setText("×")
        close.setAccessibleName(self.tr("关闭提示"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        side = QVBoxLayout()  # keeps the button at the top of a message of several lines
        side.addWidget(close)
        side.addStretch(1)
        layout.addLayout(side)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class MainWindow(QMainWindow):
    filesDropped = Signal(list)
    closing = Signal()
    shown = Signal()
    pageImageMade = Signal(object)  # the page image view, made the first time it is needed

    def __init__(self, profile: Profile, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("报纸阅读器"))
        self.setAcceptDrops(profile.imports)  # page files dropped on the window are imported
        if profile.style_sheet:
            self.setStyleSheet(profile.style_sheet)
        self.actions: Actions
        self.navigation_bar: QToolBar
        self.actions, self.navigation_bar = create_actions(self, profile)
        self.issue_label = plain_label(QLabel(self))  # the paper's name as stored
        self.issue_label.setObjectName("issueLabel")
        self.issue_label.setContentsMargins(12, 0, 12, 0)
        self.navigation_bar.addSeparator()
        self.navigation_bar.addWidget(self.issue_label)

        self.page_model = PageListModel(self)
        self.page_model.thumbnailsShown = self.use_thumbnails
        self.page_strip = QListView(self)
        self.page_strip.setObjectName("pageStrip")
        self.page_strip.setModel(self.page_model)
        self.page_strip.setAccessibleName(self.tr("版面列表"))
        self.page_strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.page_strip.setSpacing(2)
        self.page_strip.setGridSize(QSize(96, 58))
        self.page_strip.setUniformItemSizes(True)
        self.page_strip.setMinimumWidth(100)

        self.article_model = ArticleListModel(self)
        self.article_list = ArticleListView(self)
        self.article_list.setObjectName("articleList")
        self.article_list.setModel(self.article_model)
        self.article_list.setAccessibleName(self.tr("文章列表"))
        self.article_list.setMinimumWidth(220)

        self.overview = PageOverview(self)
        # The page tab shows the page image for a page that has a PDF, else the overview
        # (set_page_view): one of the two is in the tab, the other out of sight.
        self._page_image: PageImageView | None = None  # made for the first page with a PDF
        self.article_view = ArticleView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("版面"))
        self.tabs.addTab(self.article_view, self.tr("文章"))

        # parent by keyword: a positional one makes PySide try the (orientation, parent) overload,
        # which builds the Qt namespace. Side by side is the default orientation.
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.page_strip)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([110, 320, 850])
        self.splitter.setChildrenCollapsible(False)

        self.info_bar = InfoBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.info_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1280, 800)

    def show_article_tab(self) -> None:
        self.tabs.setCurrentWidget(self.article_view)

    def show_overview_tab(self) -> None:
        """The page tab, whichever view it holds."""
        self.tabs.setCurrentIndex(0)

    @property
    def page_image(self) -> PageImageView:
        """The page image view, made on first use (pageImageMade tells whoever wires it): a
        start on pages from text loads none of it."""
        if self._page_image is None:
            from ..views.page_image import PageImageView

            self._page_image = view = PageImageView(self)
            view.hide()
            self.pageImageMade.emit(view)
        return self._page_image

    def has_page_image(self) -> bool:
        return self._page_image is not None

    def page_view(self) -> QWidget:
        return self.tabs.widget(0)

    def set_page_view(self, view: QWidget) -> None:
        """Put ``view`` (the overview or the page image) in the page tab, the tab shown
        staying as it was."""
        if self.tabs.widget(0) is view:
            return
        current = self.tabs.currentIndex()
        old = self.tabs.widget(0)
        with QSignalBlocker(self.tabs):
            self.tabs.removeTab(0)
            self.tabs.insertTab(0, view, self.tr("版面"))
            self.tabs.setCurrentIndex(current)
        old.hide()

    def actions_for_image(self, on: bool) -> None:
        """The zoom actions, and the zoom keys with them, while the page image is up."""
        from .actions import keys_for_image

        keys_for_image(self.actions, on)

    def use_thumbnails(self) -> None:
        """The strip as small page images with their names under them (on the first one)."""
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QListView

        strip = self.page_strip
        strip.setViewMode(QListView.ViewMode.IconMode)
        strip.setFlow(QListView.Flow.TopToBottom)
        strip.setWrapping(False)
        strip.setMovement(QListView.Movement.Static)
        strip.setResizeMode(QListView.ResizeMode.Adjust)
        strip.setIconSize(QSize(80, 114))
        strip.setGridSize(QSize(96, 160))
        strip.setWordWrap(True)
        strip.setUniformItemSizes(False)  # the size of the first row, measured without its image
        strip.doItemsLayout()

    # -- drag and drop: page files and folders -------------------------------------
    # Taken when it holds a folder or a file of a kind the page sources take (by name: nothing
    # is read while dragging); then every local path goes to the importer, which says what is
    # wrong with any other, as it does for files chosen in the dialog.
    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[str]:
        from ...core.sources import accepts  # on first use: not on the way to the first paint

        data = event.mimeData()
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        return paths if any(accepts(p) for p in paths) else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)
        else:
            event.ignore()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
