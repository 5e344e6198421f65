"""Puts the Reader's state on screen. Views get data from here; they never fetch it.

Documents for the pages and articles a reader is likely to open next are prepared on idle
time, so that a page turn or an article open is a swap of ready documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextDocument

from ...core.model import Issue, Page
from ...core.reading.history import IMAGE_FIT_PAGE, IMAGE_FIT_WIDTH, IMAGE_ZOOMED, Location, View
from ..shell.look import Look
from ..shell.main_window import MainWindow
from ..views.article_html import article_html
from .doc_cache import DocumentCache
from .reader import Reader

if TYPE_CHECKING:
    from .image_presenter import ImagePresenter

ARTICLE_MARGIN = 18
IDLE_MS = 40  # lets the frame that shows the change be painted before idle work starts
SEARCH_HOLD_MS = 2000  # the longest a running search holds the idle work


def has_image(page: Page | None) -> bool:
    """Whether a page is read on its image: it came from a PDF (asked of the page alone)."""
    return page is not None and page.pdf is not None and page.size is not None


class Presenter:
    def __init__(self, window: MainWindow, reader: Reader, look: Look) -> None:
        self.window = window
        self.reader = reader
        self.look = look
        self.cache = DocumentCache(window)
        self._overview_of: tuple[object, ...] | None = None
        self._list_of: tuple[int | None, int] | None = None
        self._neighbours: tuple[int, bool, bool] | None = None
        # The overview scroll to put back once that page's overview goes up (it goes up on
        # idle time, or when its tab is chosen): (page key, pixels).
        self._overview_scroll: tuple[tuple[object, ...], int] | None = None
        # The page image, for a page that has a PDF: how to put it back when returning to a
        # place, whether a marker on it was followed (then the page stays up, the part
        # reached outlined), and the row chosen in the article list.
        self._image: ImagePresenter | None = None  # made for the first page that has a PDF
        self.terms: list[str] = []  # the search's, for a page image made later
        self._idle_waits = False  # idle work waits for the page image to be sharp
        self._idle_deadline = QTimer(window)  # but not for ever (the window's: dies with it)
        self._idle_deadline.setSingleShot(True)
        self._idle_deadline.timeout.connect(self._image_drawn)
        # A search the reader waits for holds idle work too: each step holds the interpreter
        # for milliseconds, which the search's thread would wait behind (at most 2 s).
        self._searching = False
        self._search_deadline = QTimer(window)
        self._search_deadline.setSingleShot(True)
        self._search_deadline.setInterval(SEARCH_HOLD_MS)
        self._search_deadline.timeout.connect(self.search_done)
        self._image_back: View | None = None
        self._stay_on_page = False
        self._target: int | None = None
        self._list_row: int | None = None
        self._idle: list[Callable[[], None]] = []
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._idle_step)

    # -- documents -------------------------------------------------------------------
    @property
    def image(self) -> ImagePresenter:
        """The page image's presenter (and the view, its thread, PDFium), made for the first
        page that has a PDF: a start on pages from text loads none of it."""
        if self._image is None:
            from .image_presenter import ImagePresenter

            self._image = ImagePresenter(self.window, self.reader, self.look)
            self._image.view.drawn.connect(self._image_drawn)
            if self.terms:
                self._image.mark_terms(self.terms)
        return self._image

    def stop_page_image(self) -> None:
        """End the page image's thread, if it was ever started."""
        if self._image is not None:
            self._image.render.stop()

    def _page_key(self, number: int) -> tuple[object, ...]:
        issue = self.reader.issue
        # The face the view has now, too: a document keeps the face it was made in.
        return ("page", issue.id if issue else None, number, self.look.version,
                self.window.overview.font().key())

    def _page_doc(self, number: int) -> QTextDocument:
        issue = self.reader.issue
        page = issue.page(number) if issue else None
        ov = self.window.overview
        ov.palette_colors = self.look.palette
        return self.cache.build(self._page_key(number),
                                lambda: ov.page_html(issue, number, page, self.look.convert),
                                ov.font(), ov.text_width(), 4)

    def _article_key(self, page: Page, row: int) -> tuple[object, ...]:
        issue = self.reader.issue
        return ("article", issue.id if issue else None, page.number, row, self.reader.whole_article,
                self.look.version, self.window.article_view.browser.font().key())

    def _article_doc(self, page: Page, row: int) -> QTextDocument:
        issue, r, view = self.reader.issue, self.reader, self.window.article_view
        assert issue is not None

        def html() -> str:
            joined = r.parts_of(page, row) if r.whole_article else None
            return article_html(issue, page, page.articles[row], self.look.palette, self.look.face,
                                joined=joined if joined and len(joined) > 1 else None,
                                convert=self.look.convert, em_px=view.em_px())

        return self.cache.build(self._article_key(page, row), html, view.browser.font(),
                                view.text_width(), ARTICLE_MARGIN)

    # -- showing ---------------------------------------------------------------------
    def apply_fonts(self) -> None:
        """Text face and size of the article view and the page overview."""
        w, look = self.window, self.look
        w.article_view.set_text_font(look.face, look.text_size)
        font = w.overview.font()
        if look.face:
            font.setFamilies([look.face])
        font.setPointSizeF(look.text_size * 0.85)
        w.overview.setFont(font)
        w.article_list.set_text_scale(look.list_scale)

    def show_issue(self, issue: Issue | None, reloaded: bool = True) -> None:
        """``reloaded``: the issue was read from the library (on Reader.issueChanged); False
        when the same one is only shown anew in another look, whose documents may be kept."""
        w = self.window
        w.page_model.convert = self.look.convert
        w.article_model.convert = self.look.convert
        w.page_model.set_issue(issue)
        if self._image is not None:
            self._image.forget_thumbnails()
        if reloaded:
            self.cache.clear()  # a reloaded issue may say something new under the same id
        self._overview_of = self._list_of = self._neighbours = None
        app_name = QCoreApplication.translate("MainWindow", "报纸阅读器")
        if issue is None:
            if self._image is not None:
                w.page_image.clear()
                self._image.hidden()
            w.set_page_view(w.overview)
            w.issue_label.setText("")
            w.setWindowTitle(app_name)
            w.article_model.set_page(None)  # nothing left open (all removed): empty views,
            self._idle = []  # and no documents to prepare for pages that are gone
            for view in (w.overview, w.article_view.browser):
                blank = QTextDocument(view)  # in the look's face and size, like any page
                blank.setDefaultFont(view.document().defaultFont())
                blank.setDocumentMargin(view.document().documentMargin())
                view.setDocument(blank)
            return
        y, m, d = (int(x) for x in (issue.date or "0-0-0").split("-"))
        label = f"{issue.paper}  {y}年{m}月{d}日"
        if issue.serial:
            serial = QCoreApplication.translate("MainWindow", "总第%1期").replace("%1", str(issue.serial))
            label += f"  {serial}"
        w.issue_label.setText(self.look.convert(label))  # the format too: 總第…期 in traditional
        w.setWindowTitle(f"{self.look.convert(issue.paper or '')} {issue.date} — {app_name}")

    def show_page(self, number: int) -> None:
        """Mark the open page in the page strip: the one place that does (on
        Reader.pageChanged, and after the strip's rows were made again)."""
        w = self.window
        row = w.page_model.row_of(number)
        if row >= 0 and w.page_strip.currentIndex().row() != row:
            # Not under a signal blocker: the view must hear of the change to repaint the old
            # and the new row and to scroll to the new one. Its currentChanged asks the Reader
            # for this page, where the Reader already is: nothing more happens.
            w.page_strip.setCurrentIndex(w.page_model.index(row, 0))

    def show_location(self, loc: Location) -> None:
        w, r = self.window, self.reader
        issue, page = r.issue, r.page()
        list_key = (issue.id if issue else None, loc.page)
        if self._list_of != list_key:
            w.article_model.set_page(page)
            self._list_of = list_key
        w.article_list.select_row(loc.article)
        row = loc.article
        showing_article = r.article() is not None and page is not None and row is not None
        back_to = r.returning_to  # back or forward: the place as it was left
        self._overview_scroll = (self._page_key(loc.page), back_to.overview_scroll) if back_to else None
        self._image_back = back_to
        stay, self._stay_on_page = self._stay_on_page, False
        self._target = loc.article if stay else None
        self._list_row = loc.article
        if showing_article and (stay or (back_to is not None and back_to.on_page)) \
                and has_image(page):
            showing_article = False  # a marker on the image was followed, or back to the image
        if showing_article:
            # The overview sits behind its tab: it is brought up to date on idle time, or
            # at once if the reader switches to it first (see show_overview).
            assert page is not None and row is not None
            doc = self._article_doc(page, row)
            w.article_view.show_document(doc)
            if back_to:
                w.article_view.browser.verticalScrollBar().setValue(back_to.article_scroll)
            self.cache.showing("article", doc)
            w.show_article_tab()
        else:
            self.show_overview()
            w.show_overview_tab()
        self.update_actions()
        self._plan_idle_work(loc, page)

    def show_overview(self) -> None:
        """Put the current page's image up, or its overview for a page from text, if it is
        not already."""
        loc = self.reader.location
        if loc is None:
            return
        page = self.reader.page()
        if page is not None and has_image(page):
            rows = {r for r in (loc.article, self._list_row) if r is not None}
            self.image.show(page, self._image_back, rows, self._target)
            self._image_back = None
            return
        self.window.set_page_view(self.window.overview)
        if self._image is not None:
            self._image.hidden()
        page_key = self._page_key(loc.page)
        if self._overview_of != page_key:
            doc = self._page_doc(loc.page)
            self.window.overview.show_document(doc, self.reader.page())
            self.cache.showing("overview", doc)
            self._overview_of = page_key
        if self._overview_scroll is not None and self._overview_scroll[0] == page_key:
            self.window.overview.verticalScrollBar().setValue(self._overview_scroll[1])
            self._overview_scroll = None

    def view_now(self) -> View:
        """How the open place is being read, for the history (Reader.view_now)."""
        w, loc = self.window, self.reader.location
        showing_page = loc is not None and self._overview_of == self._page_key(loc.page)
        article = w.article_view.browser.verticalScrollBar().value() if self.reader.article() else 0
        overview = w.overview.verticalScrollBar().value() if showing_page else 0
        if self._image is not None and w.page_view() is w.page_image and self._image.shown is not None:
            from ..views.page_image import FIT_PAGE, FIT_WIDTH

            zoom, mode, x, y = w.page_image.state()
            fit = {FIT_WIDTH: IMAGE_FIT_WIDTH, FIT_PAGE: IMAGE_FIT_PAGE}.get(mode or "", IMAGE_ZOOMED)
            return View(article, overview, max(1, round(zoom * 1000)), fit, x, y,
                        int(w.tabs.currentIndex() == 0))
        return View(article, overview)

    def follow_on_page(self, href: str) -> None:
        """A continuation marker on the page image: where its text link goes, the page image
        staying up with the part reached outlined."""
        self._stay_on_page = True
        if not self.reader.follow(href):
            self._stay_on_page = False

    def list_row(self, row: int | None) -> None:
        """The row chosen in the article list is outlined on the page image too."""
        self._list_row = row
        loc = self.reader.location
        rows = {r for r in (loc.article if loc else None, row) if r is not None}
        if self._image is not None:
            self._image.outline(rows)

    def mark_terms(self, terms: list[str]) -> None:
        # Kept by the presenter too when no page image was made yet: a page with a PDF shown
        # later is marked with them (ImagePresenter asks for them as it is made).
        self.terms = terms
        if self._image is not None:
            self._image.mark_terms(terms)

    def refresh(self, _changed: object = None) -> None:
        """Show everything again: after the look changed (on Look.changed, whose new
        version makes every document anew), or 连续阅读全文 was turned on or off."""
        self.apply_fonts()
        self.show_issue(self.reader.issue, reloaded=False)
        if self.reader.location is not None:
            self.show_page(self.reader.location.page)  # the strip's rows were made again
            self.show_location(self.reader.location)

    def update_actions(self) -> None:
        a, r = self.window.actions, self.reader
        a.back.setEnabled(r.history.can_go_back())
        a.forward.setEnabled(r.history.can_go_forward())
        numbers = r.page_numbers()
        loc = r.location
        a.prev_page.setEnabled(bool(loc and numbers and loc.page > numbers[0]))
        a.next_page.setEnabled(bool(loc and numbers and loc.page < numbers[-1]))
        if loc is not None and (self._neighbours is None or self._neighbours[0] != loc.issue_id):
            self._neighbours = (loc.issue_id, r.library.neighbour_issue(loc.issue_id, -1) is not None,
                                r.library.neighbour_issue(loc.issue_id, 1) is not None)
        a.prev_issue.setEnabled(bool(loc and self._neighbours and self._neighbours[1]))
        a.next_issue.setEnabled(bool(loc and self._neighbours and self._neighbours[2]))
        a.show_article.setEnabled(r.article() is not None)
        current = self.window.tabs.currentWidget()
        a.show_article.setChecked(current is self.window.article_view)
        a.show_overview.setChecked(self.window.tabs.currentIndex() == 0)
        self.window.actions_for_image(self.window.has_page_image() and current is self.window.page_image)

    def issues_changed(self, _present: object = None) -> None:
        """Issues came or went (LibraryFollower): the open issue's neighbours are asked anew."""
        self._neighbours = None
        self.update_actions()

    def link_missing(self, number: int) -> None:
        self.window.article_view.show_notice(self.reader.missing_text(number))

    # -- idle work -------------------------------------------------------------------
    def _plan_idle_work(self, loc: Location, page: Page | None) -> None:
        """Next and previous pages, then every article of this page, one per idle step."""
        steps: list[Callable[[], None]] = [self.show_overview]
        issue = self.reader.issue
        if issue is not None and any(has_image(p) for p in issue.pages):
            steps.append(lambda: self.image.plan_thumbnails(self.reader.issue))
        numbers = self.reader.page_numbers()
        height = self.window.overview.text_height()
        for number in (loc.page + 1, loc.page - 1):
            if number in numbers:
                steps.append(lambda n=number: self.cache.warm(self._page_doc(n), height))
        if page is not None:
            order = list(range(len(page.articles)))
            open_row = loc.article
            if open_row is not None:  # the neighbours of the open article first
                order.sort(key=lambda k: abs(k - open_row))
            steps += [lambda k=k: self.cache.warm(self._article_doc(page, k), height)
                      for k in order if k != loc.article]
        self._idle = steps
        if self.window.isVisible():
            self.start_idle_work()
        # else the window's first show starts it (start_idle_work): idle work before the
        # window's first paint would only delay that paint.

    def search_started(self) -> None:
        """A search the reader waits for is running: no idle step until it is shown."""
        self._searching = True
        self._timer.stop()
        self._search_deadline.start()

    def search_done(self, _count: object = None) -> None:
        if self._searching:
            self._searching = False
            self._search_deadline.stop()
            self.start_idle_work()

    def start_idle_work(self) -> None:
        if not self._idle or self._timer.isActive() or self._searching:
            return
        w = self.window
        if self._image is not None and w.page_view() is w.page_image and w.page_image.isVisible() \
                and not w.page_image.settled():
            # A page image still being drawn: its tiles are put up first (an idle step can
            # hold the window for tens of milliseconds), then the idle work; at the latest
            # after a second, should the image never come.
            self._idle_waits = True
            self._idle_deadline.start(1000)
            return
        self._timer.start(IDLE_MS)

    def _image_drawn(self) -> None:
        if self._idle_waits:
            self._idle_waits = False
            self._idle_deadline.stop()
            if self._idle and not self._timer.isActive() and not self._searching:
                self._timer.start(IDLE_MS)

    def _idle_step(self) -> None:
        if self._idle:
            self._idle.pop(0)()
        if self._idle and not self._searching:
            self._timer.start(0)
