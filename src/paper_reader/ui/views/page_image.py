"""The page as printed (版面图): the page PDF drawn at the view's size and pixel ratio, every
article a hotspot, the continuation markers links, search hits marked.

The image is drawn in tiles by the page image's thread (ui.reading.page_render) at the scale
the zoom needs; until a tile is there, what was drawn before (the previous zoom's tiles, the
page strip's thumbnail) is shown scaled in its place. Nothing of it is stored but that cache.
Pointer, keys and touch are in ``page_image_input``; this file is geometry and painting.
Built before the window's first paint: no Qt namespace here (colours as QColor, pens by
width), see models.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from .page_image_colors import fill, page_colors
from .page_image_input import PageImageInput

if TYPE_CHECKING:
    from ...core.model import Page
    from ..reading.page_render import RenderService

Box = tuple[float, float, float, float]

MARGIN = 12  # px of the view's background around the page
# Device pixels a side. Each tile is a pass over the whole page's content in PDFium, so few
# and large: a page at fit width in a reader's window is one or two tiles.
TILE = 1024
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.15, 8.0  # logical px per PDF point
FIT_WIDTH, FIT_PAGE = "width", "page"
THUMB_WIDTH = 80  # the page strip's thumbnails, logical px


class Spot(NamedTuple):
    """A link on the image: a continuation marker, with where it goes."""

    box: Box
    href: str
    kind: str  # "to" or "from"


def scale_key(scale: float) -> float:
    """Scales a little apart draw the same tiles: no new drawing for a rounding difference."""
    return round(scale, 3)


class PageImageView(PageImageInput, QAbstractScrollArea):
    articleActivated = Signal(int)
    linkActivated = Signal(str)
    zoomChanged = Signal()
    drawn = Signal()  # the page on screen is sharp: every visible tile drawn at its scale

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # A viewport made here, in Python: PySide's first wrapping of one Qt made resolves
        # some sixty widget classes and their enums (5 ms of a start on the page image).
        self.setViewport(QWidget(self))
        self.setAccessibleName(self.tr("版面图"))
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOn")  # by name: see main_window
        self.setProperty("focusPolicy", "StrongFocus")
        self.service: RenderService | None = None
        self.page: Page | None = None
        self.digest = ""
        self.index = 0
        self.data: bytes | None = None
        self.zoom = 1.0
        self.mode: str | None = FIT_WIDTH
        self.hover: int | None = None
        self.focus_row: int | None = None
        self.outlined: set[int] = set()
        self.target: int | None = None  # the part a continuation led to
        self.spots: list[Spot] = []
        self.hits: list[Box] = []
        self.message = ""  # why the page cannot be drawn
        self.dim = False
        self.colors = page_colors(False)
        self.min_target = 0  # px: markers are at least this big to a finger (kiosk)
        self.convert: Callable[[str], str] = str  # titles in the display script
        self._shown_scale = 0.0  # the scale whose tiles were last all on screen
        self._before_scale = 0.0  # the one before: its tiles stand in while new ones come
        self.generation = 0
        self.init_input()

    # -- what is shown -----------------------------------------------------------------
    def set_page(self, page: Page, data: bytes | None, generation: int, zoom: float | None = None,
                 mode: str | None = FIT_WIDTH, scroll: tuple[int, int] = (0, 0)) -> None:
        """Show ``page`` (one with a PDF); ``zoom``/``mode``/``scroll``: as it was left."""
        assert page.pdf is not None
        self.page, self.data, self.generation = page, data, generation
        self.digest, self.index = page.pdf.digest, page.pdf.index
        self.hover = self.focus_row = self.target = None
        self.spots, self.hits = [], []
        self.message = "" if data is not None else self.tr("这一版的 PDF 不在书库中，无法显示版面图。")
        self._shown_scale = self._before_scale = 0.0
        self.mode = mode
        if mode is None and zoom is not None:
            self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._fit()
        self._update_bars()
        self.horizontalScrollBar().setValue(scroll[0])
        self.verticalScrollBar().setValue(scroll[1])
        self.viewport().update()
        self.ask_visible()

    def ask_visible(self) -> None:
        """Ask for the tiles on screen now, not at the paint: the thread draws them while the
        window lays itself out and paints (on a start, the page is put in the window hidden,
        so it asks again as it is shown at its size)."""
        if self.data is None or self.page is None or not self.isVisible():
            return
        w, h = self.page_size()
        scale = self.device_scale()
        visible = self.to_view((0.0, 0.0, w, h)).intersected(QRectF(self.viewport().rect()))
        cache = self.service.cache if self.service else None
        self.ask_tiles(scale, [t for t in self._tiles(scale, visible)
                               if cache is None or cache.peek(self.tile_key(scale, t[0], t[1])) is None])

    def settled(self) -> bool:
        """Every tile on screen is drawn sharp (or the page cannot be drawn)."""
        return self.page is None or bool(self.message) or self._shown_scale == self.device_scale()

    def clear(self) -> None:
        self.page, self.data = None, None
        self.spots, self.hits, self.outlined = [], [], set()
        self.viewport().update()

    def show_failure(self, digest: str, message: str) -> None:
        if digest == self.digest and self.page is not None:
            self.message = self.tr("这一版的 PDF 已损坏，无法显示版面图：%1").replace("%1", message[:200])
            self.viewport().update()
            self.drawn.emit()  # as drawn as it will be

    def set_outlined(self, rows: set[int], target: int | None = None) -> None:
        self.outlined, self.target = rows, target
        self.viewport().update()

    def set_spots(self, spots: list[Spot]) -> None:
        self.spots = spots
        self.viewport().update()

    def set_hits(self, boxes: list[Box]) -> None:
        self.hits = boxes
        self.viewport().update()

    def set_dark(self, dark: bool, dim: bool) -> None:
        self.colors, self.dim = page_colors(dark), dim
        self.viewport().update()

    def state(self) -> tuple[float, str | None, int, int]:
        """Zoom, fit mode and scroll position, for the history."""
        return self.zoom, self.mode, self.horizontalScrollBar().value(), self.verticalScrollBar().value()

    # -- geometry ----------------------------------------------------------------------
    def page_size(self) -> tuple[float, float]:
        size = self.page.size if self.page is not None else None
        return size if size else (595.0, 842.0)

    def _fit(self) -> None:
        w, h = self.page_size()
        vp = self.maximumViewportSize()  # without the vertical bar, which is always there
        vw, vh = max(50, vp.width() - 2 * MARGIN), max(50, vp.height() - 2 * MARGIN)
        if self.mode == FIT_WIDTH:
            self.zoom = vw / w
        elif self.mode == FIT_PAGE:
            self.zoom = min(vw / w, vh / h)
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom))

    def _update_bars(self) -> None:
        w, h = self.page_size()
        vp = self.viewport().size()
        cw, ch = math.ceil(w * self.zoom) + 2 * MARGIN, math.ceil(h * self.zoom) + 2 * MARGIN
        for bar, content, view in ((self.horizontalScrollBar(), cw, vp.width()),
                                   (self.verticalScrollBar(), ch, vp.height())):
            bar.setRange(0, max(0, content - view))
            bar.setPageStep(view)
            bar.setSingleStep(max(20, view // 10))

    def origin(self) -> QPointF:
        """Where the page's top-left corner is in the viewport."""
        w, _h = self.page_size()
        vw = self.viewport().width()
        width = w * self.zoom
        x = (vw - width) / 2 if width + 2 * MARGIN <= vw else MARGIN - self.horizontalScrollBar().value()
        return QPointF(x, MARGIN - self.verticalScrollBar().value())

    def to_view(self, box: Box) -> QRectF:
        o, z = self.origin(), self.zoom
        return QRectF(o.x() + box[0] * z, o.y() + box[1] * z, (box[2] - box[0]) * z, (box[3] - box[1]) * z)

    def to_page(self, pos: QPointF) -> tuple[float, float]:
        o = self.origin()
        return (pos.x() - o.x()) / self.zoom, (pos.y() - o.y()) / self.zoom

    def article_at(self, pos: QPointF) -> int | None:
        if self.page is None:
            return None
        x, y = self.to_page(pos)
        for row, article in enumerate(self.page.articles):
            if any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in article.regions):
                return row
        return None

    def spot_at(self, pos: QPointF) -> Spot | None:
        for spot in self.spots:
            rect = self.to_view(spot.box)
            grow_x = max(0.0, (self.min_target - rect.width()) / 2)
            grow_y = max(0.0, (self.min_target - rect.height()) / 2)
            if rect.adjusted(-grow_x, -grow_y, grow_x, grow_y).contains(pos):
                return spot
        return None

    def set_zoom(self, zoom: float, anchor: QPointF | None = None, mode: str | None = None) -> None:
        """Zoom to ``zoom`` (or a fit ``mode``) keeping the page's point under ``anchor``."""
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        px, py = self.to_page(anchor)
        old = self.zoom
        self.mode = mode
        if mode is None:
            self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._fit()
        if self.zoom == old and mode is None:
            return
        self._before_scale = self._shown_scale or self._before_scale
        self._update_bars()
        # Put the page's point back under the anchor.
        self.horizontalScrollBar().setValue(round(MARGIN + px * self.zoom - anchor.x()))
        self.verticalScrollBar().setValue(round(MARGIN + py * self.zoom - anchor.y()))
        self.viewport().update()
        self.zoomChanged.emit()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self.set_zoom(self.zoom, mode=FIT_WIDTH)

    def fit_page(self) -> None:
        self.set_zoom(self.zoom, mode=FIT_PAGE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.mode is not None:
            self._fit()
        self._update_bars()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ask_visible()  # put in the window at its size: drawn while the window paints

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def ensure_visible(self, box: Box) -> None:
        rect = self.to_view(box)
        vp = self.viewport().rect()
        v = self.verticalScrollBar()
        if rect.top() < 0 or rect.top() > vp.height() - 40:
            v.setValue(v.value() + round(rect.top()) - MARGIN * 3)

    # -- painting ----------------------------------------------------------------------
    def device_scale(self) -> float:
        return scale_key(self.zoom * self.devicePixelRatioF())

    def tile_key(self, scale: float, col: int, row: int) -> tuple[object, ...]:
        return ("tile", self.digest, self.index, scale, col, row)

    def _tiles(self, scale: float, visible: QRectF) -> list[tuple[int, int, Box]]:
        """The tiles at ``scale`` that cover the visible part of the page."""
        w, h = self.page_size()
        o, step = self.origin(), TILE / scale  # points a tile covers
        left, top = (visible.left() - o.x()) / self.zoom, (visible.top() - o.y()) / self.zoom
        right, bottom = (visible.right() - o.x()) / self.zoom, (visible.bottom() - o.y()) / self.zoom
        out = []
        for row in range(max(0, int(top // step)), min(math.ceil(h / step), int(bottom // step) + 1)):
            for col in range(max(0, int(left // step)), min(math.ceil(w / step), int(right // step) + 1)):
                out.append((col, row, (col * step, row * step, min(w, (col + 1) * step),
                                       min(h, (row + 1) * step))))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        c = self.colors
        fill(p, QRectF(self.viewport().rect()), c.background)
        if self.page is None:
            return
        w, h = self.page_size()
        page_rect = self.to_view((0.0, 0.0, w, h))
        fill(p, page_rect, c.paper)
        if self.message:
            p.setPen(c.text if not self.dim else QColor("#333333"))
            p.drawText(page_rect.adjusted(24, 24, -24, -24), 0x0084 | 0x1000, self.message)  # center, wrap
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        visible = page_rect.intersected(QRectF(self.viewport().rect()))
        thumb = self.service.cache.peek(("thumb", self.digest, self.index, THUMB_WIDTH)) \
            if self.service else None
        if thumb is not None:
            p.drawImage(page_rect, thumb)
        scale = self.device_scale()
        wanted = self._tiles(scale, visible)
        missing = []
        cache = self.service.cache if self.service else None
        if cache is not None and self._before_scale and self._before_scale != scale:
            for col, row, box in self._tiles(self._before_scale, visible):
                image = cache.peek(self.tile_key(self._before_scale, col, row))
                if image is not None:
                    p.drawImage(self.to_view(box), image)
        for col, row, box in wanted:
            image = cache.get(self.tile_key(scale, col, row)) if cache is not None else None
            if image is None:
                missing.append((col, row, box))
            else:
                p.drawImage(self.to_view(box), image)
        if not missing and self._shown_scale != scale:
            self._shown_scale = scale
            self.drawn.emit()
        self.ask_tiles(scale, missing)
        if self.dim:
            fill(p, page_rect, QColor(0, 0, 0, 96))
        self._paint_marks(p)

    def ask_tiles(self, scale: float, tiles: list[tuple[int, int, Box]]) -> None:
        if self.service is None or self.data is None:
            return
        from ..reading.page_render import Job

        for col, row, box in tiles:
            self.service.ask(Job("tile", self.tile_key(scale, col, row), self.digest, self.index,
                                 self.data, "page", self.generation, scale, box))

    def _paint_marks(self, p: QPainter) -> None:
        page, c = self.page, self.colors
        assert page is not None
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for box in self.hits:
            fill(p, self.to_view(box), c.hit)

        def outline(row: int, color: QColor, width: float, fill: QColor | None = None) -> None:
            if not 0 <= row < len(page.articles):
                return
            pen = QPen(color)
            pen.setWidthF(width)
            p.setPen(pen)
            for r in page.articles[row].regions:
                rect = self.to_view(r).adjusted(-2, -2, 2, 2)  # around the text, not across it
                if fill is not None:
                    p.fillRect(rect, fill)
                p.drawRect(rect)

        for row in sorted(self.outlined):
            outline(row, c.outline, 2.0)
        if self.target is not None:
            outline(self.target, c.target, 3.0)
        if self.hover is not None:
            outline(self.hover, c.outline, 1.5, c.hover)
        if self.focus_row is not None and self.hasFocus():
            pen = QPen(c.outline)
            pen.setWidthF(2.0)
            pen.setDashPattern([4.0, 3.0])
            p.setPen(pen)
            for r in page.articles[self.focus_row].regions if self.focus_row < len(page.articles) else []:
                p.drawRect(self.to_view(r).adjusted(-3, -3, 3, 3))
        for spot in self.spots:  # a link's underline, drawn as a fill (see fill) on every page
            rect = self.to_view(spot.box)
            fill(p, QRectF(rect.left(), rect.bottom() - 0.75, rect.width(), 1.5), c.outline)
