"""Puts the page image up for a page that has a PDF: the page, its continuation markers as
links, the search's hits, the outlined articles, and the page strip's thumbnails.

Everything PDFium does for it is asked of the render thread (page_render) and comes back
by signal; what comes back for a page no longer on screen is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.model import Issue, Link, Page
from ...core.reading import links
from ...core.reading.history import IMAGE_FIT_PAGE, IMAGE_FIT_WIDTH
from ..views.page_image import FIT_PAGE, FIT_WIDTH, THUMB_WIDTH, Spot
from .page_render import Job, RenderService

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from ...core.reading.history import View
    from ...core.reading.page_marks import Mark
    from ..shell.look import Look
    from ..shell.main_window import MainWindow
    from .reader import Reader


class ImagePresenter:
    def __init__(self, window: MainWindow, reader: Reader, look: Look) -> None:
        self.window, self.reader, self.look = window, reader, look
        self.render = RenderService(window)
        self.view = window.page_image
        self.view.service = self.render
        self.shown: tuple[object, ...] | None = None  # (issue, page, digest) on the view
        self.terms: tuple[str, ...] = ()
        self._marks: dict[tuple[str, int], list[Mark]] = {}
        self._thumbs: list[tuple[Page, float]] = []  # the pages still to draw small, and at what scale
        self._thumb_issue: object = None
        self._after_drawn: tuple[object, ...] | None = None  # the page whose marks wait
        self.view.drawn.connect(self._drawn)
        self.render.imageReady.connect(self._image_ready)
        self.render.marksReady.connect(self._marks_ready)
        self.render.hitsReady.connect(self._hits_ready)
        # Thumbnails wait while the page on screen has work in the thread; each answer for
        # it may be the last.
        self.render.marksReady.connect(lambda *_: self.next_thumbnail())
        self.render.hitsReady.connect(lambda *_: self.next_thumbnail())
        self.render.failed.connect(self.view.show_failure)
        self.render.failed.connect(lambda _digest, _why: self.next_thumbnail())  # the rest still come
        window.closing.connect(self.render.stop)

    def data(self, page: Page | None) -> bytes | None:
        """The page's PDF; None when the library cannot give it (the view then says so)."""
        if page is None or page.pdf is None or page.size is None:
            return None
        from ...core.library.file import LibraryError

        try:
            return self.render.data_for(page, self.reader.library)
        except LibraryError:  # a damaged or vanished library: the view says the PDF is missing
            return None

    @staticmethod
    def has_image(page: Page | None) -> bool:
        """Whether the page is read on its image: it came from a PDF. Asked on every page
        shown, so it reads nothing from the library."""
        return page is not None and page.pdf is not None and page.size is not None

    def key(self, page: Page) -> tuple[object, ...]:
        issue = self.reader.issue
        assert page.pdf is not None
        return (issue.id if issue else None, page.number, page.pdf.digest, page.pdf.index)

    def show(self, page: Page, back_to: View | None, rows: set[int], target: int | None) -> None:
        """The page image of ``page`` on the view, as it was left when returning to it."""
        assert page.pdf is not None
        v = self.view
        v.convert = self.look.convert
        v.set_dark(self.look.theme == "dark", self.look.dim_image)
        key = self.key(page)
        if key != self.shown or (back_to is not None and back_to.image_zoom):
            generation = self.render.next_generation("page")
            if back_to is not None and back_to.image_zoom:
                mode = {IMAGE_FIT_WIDTH: FIT_WIDTH, IMAGE_FIT_PAGE: FIT_PAGE}.get(back_to.image_mode)
                v.set_page(page, self.data(page), generation, back_to.image_zoom / 1000, mode,
                           (back_to.image_x, back_to.image_y))
            else:
                mode = v.mode if key != self.shown and v.mode is not None else FIT_WIDTH
                v.set_page(page, self.data(page), generation, v.zoom, mode)
            self.shown = key
            # The markers and the search's hits read the page's whole text layer: asked once
            # its image is sharp, so that the tiles are drawn first (see _drawn).
            self._after_drawn = key
        v.set_outlined(rows, target)
        if target is not None and 0 <= target < len(page.articles) and page.articles[target].regions:
            v.ensure_visible(page.articles[target].regions[0])
        self.window.set_page_view(v)

    def _drawn(self) -> None:
        page = self.reader.page()
        if self._after_drawn is None or page is None or page.pdf is None \
                or self.key(page) != self._after_drawn:
            return
        self._after_drawn = None
        self._ask_marks(page)
        self._ask_hits(page)
        self.next_thumbnail()

    def hidden(self) -> None:
        self.shown = None
        self.window.actions_for_image(False)

    def outline(self, rows: set[int], target: int | None = None) -> None:
        self.view.set_outlined(rows, target if target is not None else self.view.target)

    # -- marks and hits ----------------------------------------------------------------
    def _job(self, kind: str, key: object, page: Page, channel: str = "page", **extra: object) -> Job | None:
        data = self.data(page)
        if data is None or page.pdf is None:
            return None
        return Job(kind, key, page.pdf.digest, page.pdf.index, data, channel,
                   self.render.wanted.get(channel, 0), **extra)  # type: ignore[arg-type]

    def _ask_marks(self, page: Page) -> None:
        assert page.pdf is not None
        where = (page.pdf.digest, page.pdf.index)
        if where in self._marks:
            self._marks_ready(where, self._marks[where])
            return
        job = self._job("marks", where, page)
        if job is not None:
            self.render.ask(job)

    def _marks_ready(self, where: tuple[str, int], marks: list[Mark]) -> None:
        self._marks[where] = marks
        if len(self._marks) > 64:
            self._marks.pop(next(iter(self._marks)))
        page = self.reader.page()
        if page is None or page.pdf is None or (page.pdf.digest, page.pdf.index) != where:
            return
        self.view.set_spots([Spot(m.box, self._href(page, m), m.kind) for m in marks])

    @staticmethod
    def _href(page: Page, mark: Mark) -> str:
        """Where a marker goes: where the text link of its article goes (the article found
        by the marker's place in its regions), else to the page it names."""
        x, y = (mark.box[0] + mark.box[2]) / 2, (mark.box[1] + mark.box[3]) / 2
        for article in page.articles:
            if any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in article.regions):
                link = article.continues_to if mark.kind == "to" else article.continued_from
                if link is not None and link.page == mark.page:
                    return links.href(link)
        return links.href(Link(mark.page))

    def mark_terms(self, terms: list[str]) -> None:
        self.terms = tuple(t for t in terms if t)
        page = self.reader.page()
        if self.shown is not None and page is not None and page.pdf is not None:
            self._ask_hits(page)

    def _ask_hits(self, page: Page) -> None:
        if not self.terms:
            self.view.set_hits([])
            return
        assert page.pdf is not None
        job = self._job("search", (page.pdf.digest, page.pdf.index, self.terms), page, terms=self.terms)
        if job is not None:
            self.render.ask(job)

    def _hits_ready(self, key: tuple[str, int, tuple[str, ...]], boxes: list[tuple[float, ...]]) -> None:
        page = self.reader.page()
        if page is None or page.pdf is None or key != (page.pdf.digest, page.pdf.index, self.terms):
            return
        self.view.set_hits(boxes)  # type: ignore[arg-type]

    # -- images ------------------------------------------------------------------------
    def _image_ready(self, key: tuple[object, ...]) -> None:
        if key[0] == "tile" and key[1:3] == (self.view.digest, self.view.index):
            self.view.viewport().update()
            self.next_thumbnail()
        elif key[0] == "thumb":
            self._thumb_ready(key)

    def forget_thumbnails(self) -> None:
        self._thumb_issue, self._thumbs = None, []

    def plan_thumbnails(self, issue: Issue | None) -> None:
        """The strip's thumbnails of the issue, one at a time on idle time (next_thumbnail)."""
        if issue is None or issue.id == self._thumb_issue:
            return  # (show_issue forgets the issue: the strip's rows were made again)
        self._thumb_issue = issue.id
        self.render.next_generation("thumbs")
        dpr = self.window.devicePixelRatioF()
        self._thumbs = []
        for page in sorted(issue.pages, key=lambda p: p.number):
            if page.pdf is not None and page.size is not None:  # its PDF read when it is asked
                self._thumbs.append((page, round(THUMB_WIDTH * dpr / page.size[0], 4)))
        self.next_thumbnail()

    def next_thumbnail(self) -> None:
        """Ask for the next thumbnail, unless the page on screen is still being drawn."""
        while self._thumbs and not self.render.busy("page"):
            page, scale = self._thumbs.pop(0)
            assert page.pdf is not None
            digest, index, number = page.pdf.digest, page.pdf.index, page.number
            key = ("thumb", digest, index, THUMB_WIDTH)
            have = self.render.cache.get(key)
            if have is not None:
                self._set_thumbnail(number, have)
                continue
            data = self.data(page)
            if data is None:
                continue
            self.render.ask(Job("thumb", key, digest, index, data, "thumbs",
                                self.render.wanted.get("thumbs", 0), scale))
            return

    def _thumb_ready(self, key: tuple[object, ...]) -> None:
        image = self.render.cache.peek(key)
        issue = self.reader.issue
        if image is not None and issue is not None:
            for page in issue.pages:
                if page.pdf is not None and (page.pdf.digest, page.pdf.index) == key[1:3]:
                    image.setDevicePixelRatio(self.window.devicePixelRatioF())
                    self._set_thumbnail(page.number, image)
        self.view.viewport().update()  # the page on screen may stand in its thumbnail
        self.next_thumbnail()

    def _set_thumbnail(self, number: int, image: QImage) -> None:
        self.window.page_model.set_thumbnail(number, image)
        # The strip in icon mode repaints a changed row but does not lay the rows out again:
        # a row measured before its image came keeps its old height, the rows under it stand
        # too low or overlap. (A few dozen rows, once per thumbnail, on idle time.)
        self.window.page_strip.doItemsLayout()
