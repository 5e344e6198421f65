"""A clipping (剪报): what of which pages is cut out for an article, and where each cut goes.

Each part of the article (the open part, or every part when it is read whole) is cut from its
page as the page printed it: its regions keep their places relative to one another, inside the
part's bounding box, and what lies between them (a neighbour's column, a rule) is left white.
An article's regions cover its headline, columns and captions, not its photos: a photo on the
page (a figure the PDF draws) is cut with the article when it stands inside the part's box,
overlaps no other article and is nearest to this one.
Parts are stacked in reading order, each under a thin rule and its page's label, so that a
continuation reads on below its opening part. The plan is in pixels at print resolution; the
window draws it (ui.tools.clipping) and sets the citation under it.

Work is bounded: a clipping above MAX_CLIP_PIXELS is drawn at a lower resolution, and one that
would need less than MIN_DPI to fit is refused.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from ..model import Article, Page, Region, page_label

DPI = 300  # print resolution
MIN_DPI = 150  # below this a cut of small type is no longer legible: refused instead
POINTS_PER_INCH = 72
MAX_CLIP_PIXELS = 60_000_000  # about 240 MB as an image; a long article over three pages is ~40
MAX_REGIONS = 500  # of one clipping; a broadsheet article has a few dozen at most

# In points, turned into pixels at the clipping's resolution.
MARGIN_PT = 18.0  # white around the cut, a quarter of an inch
MIN_WIDTH_PT = 240.0  # room for the citation under a narrow notice
LABEL_PT = 9.0  # the page label's size above a part
LABEL_BAND_PT = 16.0  # the label's line
PART_GAP_PT = 14.0  # between one part's foot and the next part's rule
RULE_GAP_PT = 4.0  # between the rule and the label under it
RULE_PT = 0.75


class ClippingError(ValueError):
    """A clipping that cannot be made; the message says why, in English (the window says it
    in the reader's language from the kind and the numbers)."""


class TooLarge(ClippingError):
    def __init__(self, pixels: int, limit: int) -> None:
        super().__init__(f"the clipping would be {pixels:,} pixels at {MIN_DPI} dpi, "
                         f"more than the limit of {limit:,}")
        self.pixels, self.limit = pixels, limit


class TooManyRegions(ClippingError):
    def __init__(self, count: int) -> None:
        super().__init__(f"the article has {count:,} regions, more than a clipping takes "
                         f"(limit {MAX_REGIONS})")
        self.count = count


class NothingToCut(ClippingError):
    def __init__(self) -> None:
        super().__init__("the article has no regions on a page image")


PixelRect = tuple[int, int, int, int]  # left, top, right, bottom in the clipping's pixels


class Cut(NamedTuple):
    """One part of the article: a box cut from a page, and where its regions go."""

    page: Page
    article: Article
    box: Region  # the part's bounding box on its page, in points
    regions: list[Region]  # the part's regions on the page, in points, clipped to the page
    origin: tuple[int, int]  # where the box's top-left corner goes in the clipping, pixels
    size: tuple[int, int]  # the box in pixels
    rects: list[PixelRect]  # each region's pixels in the clipping (inside origin + size)
    label: str  # the page's label, 第二版 综合
    label_rect: PixelRect | None  # where the label is set; None for a clipping of one opening part
    rule_y: int | None  # the rule above the label, between parts; None above the first


class ClippingPlan(NamedTuple):
    cuts: list[Cut]
    width: int  # the clipping's pixels, margins included; the citation goes below ``height``
    height: int
    dpi: int  # DPI, or less when the clipping had to be drawn smaller to stay in bounds
    margin: int  # white on each side, pixels
    label_px: int  # the labels' type size, pixels
    rule_px: int
    left_out: list[str]  # labels of parts that could not be cut (no page image)

    @property
    def scale(self) -> float:
        """Pixels per PDF point."""
        return self.dpi / POINTS_PER_INCH

    @property
    def pixels(self) -> int:
        return self.width * self.height


def can_cut(page: Page, article: Article) -> bool:
    """Whether a part can be cut from its page: the page has a PDF and a size, and the
    article has a region on it."""
    return page.pdf is not None and page.size is not None and bool(_on_page(page, article))


def part_label(page: Page) -> str:
    """第二版 综合: the page's label as printed, and its section when it has one."""
    label = page.label or page_label(page.number)
    return f"{label} {page.section}" if page.section else label


def _on_page(page: Page, article: Article) -> list[Region]:
    """The article's regions clipped to the page; those wholly off it dropped."""
    if page.size is None:
        return []
    width, height = page.size
    kept = []
    for left, top, right, bottom in article.regions:
        left, top, right, bottom = max(left, 0.0), max(top, 0.0), min(right, width), min(bottom, height)
        if right > left and bottom > top:
            kept.append((left, top, right, bottom))
    return kept


def _gap(a: Region, b: Region) -> float:
    """The distance between two boxes (0 when they touch or overlap)."""
    dx = max(b[0] - a[2], a[0] - b[2], 0.0)
    dy = max(b[1] - a[3], a[1] - b[3], 0.0)
    return math.hypot(dx, dy)


def _overlap(a: Region, b: Region) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def photos_of(page: Page, article: Article, figures: list[Region]) -> list[Region]:
    """The figures on ``page`` that belong to ``article``: inside its box, clear of every other
    article's regions (a point of overlap allowed for rounding), nearer to it than to any other."""
    ours = _on_page(page, article)
    if not ours:
        return []
    box = _box(ours)
    others = [r for a in page.articles if a is not article for r in a.regions]
    found = []
    for figure in figures:
        left, top, right, bottom = figure
        inside = box[0] - 1 <= left and box[1] - 1 <= top and right <= box[2] + 1 and bottom <= box[3] + 1
        if not inside or any(r[0] <= left and r[1] <= top and right <= r[2] and bottom <= r[3] for r in ours):
            continue  # outside the part, or already cut with a region
        area = (right - left) * (bottom - top)
        if any(_overlap(figure, r) > 0.01 * area for r in others):
            continue
        near = min(_gap(figure, r) for r in ours)
        if all(_gap(figure, r) > near for r in others):
            found.append(figure)
    return found


def _box(regions: list[Region]) -> Region:
    return (min(r[0] for r in regions), min(r[1] for r in regions),
            max(r[2] for r in regions), max(r[3] for r in regions))


def plan_clipping(parts: list[tuple[Page, Article]], *,
                  figures: Mapping[int, list[Region]] | None = None, dpi: int = DPI,
                  limit: int | None = None) -> ClippingPlan:
    """The clipping of ``parts`` (in reading order), with the photos among ``figures`` (by
    page number: the boxes the page's PDF draws). Parts that cannot be cut (a page
    without its PDF) are left out and named in ``left_out``. Raises NothingToCut when no
    part can be cut, TooLarge when even MIN_DPI would exceed ``limit`` pixels (by default
    MAX_CLIP_PIXELS), and
    TooManyRegions above MAX_REGIONS."""
    cut: list[tuple[Page, Article, list[Region]]] = []
    left_out: list[str] = []
    for page, article in parts:
        regions = _on_page(page, article) if page.pdf is not None else []
        if regions:
            if figures and figures.get(page.number):
                regions += photos_of(page, article, figures[page.number])
            cut.append((page, article, regions))
        else:
            left_out.append(part_label(page))
    if not cut:
        raise NothingToCut()
    count = sum(len(r) for _, _, r in cut)
    if count > MAX_REGIONS:
        raise TooManyRegions(count)
    # Labels whenever the clipping is not simply the opening part: the citation names the
    # opening part's page, so any other page must say which it is.
    limit = MAX_CLIP_PIXELS if limit is None else limit
    labelled = len(cut) > 1 or cut[0][1].continued_from is not None
    plan = _lay_out(cut, dpi, labelled, left_out)
    if plan.pixels > limit:
        # Area goes with the square of the resolution: the largest dpi that fits, if legible.
        smaller = int(dpi * math.sqrt(limit / plan.pixels))
        while smaller >= MIN_DPI:
            plan = _lay_out(cut, smaller, labelled, left_out)
            if plan.pixels <= limit:
                break
            smaller -= 1  # rounding of each box to whole pixels can need one step more
        else:
            raise TooLarge(_lay_out(cut, MIN_DPI, labelled, left_out).pixels, limit)
    return plan


def _lay_out(cut: list[tuple[Page, Article, list[Region]]], dpi: int, labelled: bool,
             left_out: list[str]) -> ClippingPlan:
    scale = dpi / POINTS_PER_INCH

    def px(points: float) -> int:
        return round(points * scale)

    margin = px(MARGIN_PT)
    boxes = [_box(regions) for _, _, regions in cut]
    sizes = [(max(1, px(b[2] - b[0])), max(1, px(b[3] - b[1]))) for b in boxes]
    inner = max(px(MIN_WIDTH_PT), *(w for w, _ in sizes))
    cuts: list[Cut] = []
    y = margin
    for n, ((page, article, regions), box, size) in enumerate(zip(cut, boxes, sizes, strict=True)):
        rule_y = label_rect = None
        if labelled:
            if n:
                y += px(PART_GAP_PT)
                rule_y = y
                y += px(RULE_GAP_PT)
            label_rect = (margin, y, margin + inner, y + px(LABEL_BAND_PT))
            y = label_rect[3]
        x0, y0 = margin, y
        rects = []
        for left, top, right, bottom in regions:
            # Outwards to whole pixels, so that a line's edge is never shaved off.
            rects.append((x0 + math.floor((left - box[0]) * scale), y0 + math.floor((top - box[1]) * scale),
                          x0 + min(size[0], math.ceil((right - box[0]) * scale)),
                          y0 + min(size[1], math.ceil((bottom - box[1]) * scale))))
        cuts.append(Cut(page, article, box, regions, (x0, y0), size, rects, part_label(page),
                        label_rect, rule_y))
        y += size[1]
    return ClippingPlan(cuts, inner + 2 * margin, y + margin, dpi, margin, max(1, px(LABEL_PT)),
                        max(1, px(RULE_PT)), list(left_out))
