"""The plan of a clipping (剪报): which boxes of which pages, where each region goes at 300
dpi, the parts of a continued article stacked with their page labels, and the bounds."""

from __future__ import annotations

import math

import pytest

from paper_reader.core.model import Article, Page, PagePdf
from paper_reader.core.reading.clipping import (
    DPI,
    MAX_REGIONS,
    MIN_DPI,
    NothingToCut,
    TooLarge,
    TooManyRegions,
    can_cut,
    photos_of,
    plan_clipping,
)
from paper_reader.core.reading.continuation import parts_of

from ..clipping_support import sample_layout, sample_with_pdfs

SCALE = DPI / 72
PHOTO = (300.25, 308.25, 541.75, 428.25)  # the front page's photo, in layout.json


def inside(inner: tuple, outer: tuple) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def test_a_one_part_article_is_its_regions_at_300_dpi_in_their_places() -> None:
    issue = sample_with_pdfs()
    page = issue.page(1)
    notice = page.articles[2]  # “河水清了…”: no continuation
    assert notice.continues_to is None and notice.continued_from is None
    plan = plan_clipping([(page, notice)])
    assert plan.dpi == DPI and len(plan.cuts) == 1 and plan.left_out == []
    cut = plan.cuts[0]
    left, top = min(r[0] for r in notice.regions), min(r[1] for r in notice.regions)
    right, bottom = max(r[2] for r in notice.regions), max(r[3] for r in notice.regions)
    assert cut.box == (left, top, right, bottom)
    assert cut.size == (round((right - left) * SCALE), round((bottom - top) * SCALE))
    assert cut.label_rect is None and cut.rule_y is None  # the citation names its page
    x0, y0 = cut.origin
    assert x0 == y0 == plan.margin and plan.width == cut.size[0] + 2 * plan.margin
    assert plan.height == cut.size[1] + 2 * plan.margin
    # Each region keeps its place relative to the others, to the pixel, never shaved.
    for (rl, rt, rr, rb), (pl, pt, pr, pb) in zip(notice.regions, cut.rects, strict=True):
        assert pl == x0 + math.floor((rl - left) * SCALE) and pt == y0 + math.floor((rt - top) * SCALE)
        assert abs(pr - (x0 + (rr - left) * SCALE)) <= 1 and abs(pb - (y0 + (rb - top) * SCALE)) <= 1
        assert inside((pl, pt, pr, pb), (x0, y0, x0 + cut.size[0], y0 + cut.size[1]))


def test_a_continued_article_is_joined_only_when_read_whole() -> None:
    issue = sample_with_pdfs()
    front = issue.page(1)
    lead = front.articles[0]
    alone = plan_clipping([(front, lead)])  # 连续阅读 off: the open part only
    assert [c.page.number for c in alone.cuts] == [1] and alone.cuts[0].label_rect is None

    whole = plan_clipping(parts_of(issue, front, 0))  # 连续阅读 on
    first, second = whole.cuts
    assert (first.page.number, second.page.number) == (1, 2)
    assert (first.label, second.label) == ("第一版", "第二版 综合")
    assert first.rule_y is None and second.rule_y is not None
    # Stacked in reading order: label, then the part; the rule and the next label below it.
    assert first.label_rect[3] <= first.origin[1]
    assert first.origin[1] + first.size[1] < second.rule_y < second.label_rect[1]
    assert second.label_rect[3] <= second.origin[1]
    assert whole.height == second.origin[1] + second.size[1] + whole.margin
    assert whole.width == max(first.size[0], second.size[0]) + 2 * whole.margin
    assert second.regions == issue.page(2).articles[0].regions
    # Opened from its second part, the whole is the same.
    assert [c.page.number for c in plan_clipping(parts_of(issue, issue.page(2), 0)).cuts] == [1, 2]


def test_a_continuation_clipped_alone_says_its_page() -> None:
    issue = sample_with_pdfs()
    page2 = issue.page(2)
    plan = plan_clipping([(page2, page2.articles[0])])
    assert plan.cuts[0].label == "第二版 综合" and plan.cuts[0].label_rect is not None


def test_a_part_on_a_page_without_its_pdf_is_left_out_and_named() -> None:
    issue = sample_with_pdfs(numbers=(1,))  # page 2 came as text
    plan = plan_clipping(parts_of(issue, issue.page(1), 0))
    assert [c.page.number for c in plan.cuts] == [1] and plan.left_out == ["第二版 综合"]
    with pytest.raises(NothingToCut):
        plan_clipping([(issue.page(2), issue.page(2).articles[0])])


def test_only_an_article_with_regions_on_a_page_with_a_pdf_can_be_cut() -> None:
    issue = sample_with_pdfs(numbers=(1,))
    front, text_page = issue.page(1), issue.page(3)
    assert can_cut(front, front.articles[0])
    assert not can_cut(text_page, text_page.articles[0])  # a page from text: no size, no PDF
    unplaced = Article("无位置")
    assert not can_cut(front, unplaced)
    off_page = Article("版外", regions=[(900.0, 10.0, 950.0, 40.0)])  # beyond the page's width
    assert not can_cut(front, off_page)
    pdf_no_regions = Page(9, "第九版", size=(842.0, 1191.0), pdf=PagePdf("0" * 64))
    assert not can_cut(pdf_no_regions, Article("x"))


def test_regions_are_clipped_to_the_page() -> None:
    page = Page(1, "第一版", size=(400.0, 600.0), pdf=PagePdf("0" * 64),
                articles=[Article("出界", regions=[(-20.0, 10.0, 120.0, 700.0)])])
    cut = plan_clipping([(page, page.articles[0])]).cuts[0]
    assert cut.box == (0.0, 10.0, 120.0, 600.0)


def test_the_photo_of_the_article_is_cut_with_it_and_no_one_else_s() -> None:
    issue = sample_with_pdfs()
    front = issue.page(1)
    figures = [PHOTO, (48.25, 172.0, 541.75, 196.0)]  # the photo, and the kicker's band (in a region)
    assert photos_of(front, front.articles[0], figures) == [PHOTO]
    for other in front.articles[1:]:
        assert photos_of(front, other, figures) == []
    plan = plan_clipping([(front, front.articles[0])], figures={1: figures})
    cut = plan.cuts[0]
    assert PHOTO in cut.regions and len(cut.rects) == len(front.articles[0].regions) + 1
    # A figure overlapping another article's columns is never taken.
    neighbour = front.articles[4].regions[1]
    assert photos_of(front, front.articles[0], [neighbour]) == []


def test_a_clipping_above_the_limit_is_drawn_smaller_or_refused() -> None:
    issue = sample_with_pdfs()
    parts = parts_of(issue, issue.page(1), 0)
    full = plan_clipping(parts)
    smaller = plan_clipping(parts, limit=full.pixels // 2)
    assert MIN_DPI <= smaller.dpi < DPI and smaller.pixels <= full.pixels // 2
    assert smaller.dpi >= int(DPI / math.sqrt(2)) - 2  # as large as fits, near enough
    with pytest.raises(TooLarge) as refused:
        plan_clipping(parts, limit=full.pixels // 10)  # would need about 95 dpi
    assert refused.value.limit == full.pixels // 10 and refused.value.pixels > refused.value.limit
    assert "pixels" in str(refused.value)


def test_an_article_in_too_many_pieces_is_refused() -> None:
    pieces = [(1.0, float(n), 2.0, n + 1.0) for n in range(MAX_REGIONS + 1)]
    page = Page(1, "第一版", size=(842.0, 1191.0), pdf=PagePdf("0" * 64),
                articles=[Article("碎", regions=pieces)])
    with pytest.raises(TooManyRegions):
        plan_clipping([(page, page.articles[0])])


def test_the_layout_file_and_the_parser_agree_on_every_article() -> None:
    """The fixtures these tests stand on: every sample article has its regions."""
    issue = sample_with_pdfs()
    assert [len(p["articles"]) for p in sample_layout()["pages"]] == [len(p.articles) for p in issue.pages]
    assert all(can_cut(p, a) for p in issue.pages for a in p.articles)
