"""Geometry of page PDFs: lines, frames, kinds and reading order, on pages whose layout is known."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.sources.pdf_document import PdfChar, PdfPage, open_pdf
from paper_reader.core.sources.pdf_layout import KINDS, PageLayout, layout_page, page_text
from paper_reader.core.sources.pdf_lines import is_wide
from paper_reader.core.sources.pdf_order import xy_order
from tests.core.test_pdf_radicals import QT_SCRIPT, QT_TEXT
from tests.core.test_pdf_samples import (
    SANS,
    SIGNATURE,
    SetPage,
    needs_fonts,
    newspaper_page,
    side_by_side_page,
)


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> SetPage:
    return newspaper_page(tmp_path_factory.mktemp("pdf") / "front.pdf")


@pytest.fixture(scope="module")
def side(tmp_path_factory: pytest.TempPathFactory) -> SetPage:
    return side_by_side_page(tmp_path_factory.mktemp("pdf") / "side.pdf")


def laid_out(page: SetPage) -> PageLayout:
    with open_pdf(page.path) as doc:
        return layout_page(doc.read_page(1))


@needs_fonts
def test_every_line_comes_out_whole_in_reading_order(front: SetPage) -> None:
    layout = laid_out(front)
    assert [ln.text for ln in layout.lines] == [ln.text for ln in front.lines]
    for got, want in zip(layout.lines, front.lines, strict=True):
        assert got.box[0] == pytest.approx(want.x, abs=1) and got.size == pytest.approx(want.size)
        assert got.box[1] < want.baseline < got.box[3]


@needs_fonts
def test_lines_are_classed_by_size_and_place(front: SetPage) -> None:
    layout = laid_out(front)
    assert layout.body_size == 9
    assert [ln.kind for ln in layout.lines] == [ln.kind for ln in front.lines]
    headlines = [ln.text for ln in layout.lines if ln.kind == "headline"]
    assert headlines == [front.titles[k] for k in (1, 2, 3, 4)]
    assert {ln.kind for ln in layout.lines} <= set(KINDS)
    assert layout.figures == [pytest.approx(front.photo, abs=0.5)]


@needs_fonts
def test_frames_hold_one_article_each_and_articles_one_area(front: SetPage) -> None:
    layout = laid_out(front)
    articles = [ln.article for ln in front.lines]
    area_of: dict[int, set[int]] = {}
    for frame in layout.frames:
        assert len({articles[i] for i in frame.lines}) == 1, [layout.lines[i].text for i in frame.lines]
        area_of.setdefault(articles[frame.lines[0]], set()).add(frame.unit)
    assert all(len(units) == 1 for units in area_of.values()), area_of
    assert len({u for units in area_of.values() for u in units}) == len(area_of)
    # article 1's body: one frame a column, the caption a frame of its own above the third
    body = [f for f in layout.frames if f.kind == "body" and articles[f.lines[0]] == 1]
    assert len(body) == 4  # the byline, then three columns
    assert [f.kind for f in layout.frames].count("caption") == 1
    assert "" in layout.text_lines() and layout.text_lines().count("") == len(layout.frames) - 1


@needs_fonts
def test_each_character_keeps_its_box(front: SetPage) -> None:
    layout = laid_out(front)
    for ln in layout.lines:
        assert len(ln.char_boxes) == len(ln.text)
        for b in ln.char_boxes:
            assert ln.box[0] - 0.01 <= b[0] <= b[2] <= ln.box[2] + 0.01
    byline = next(ln for ln in layout.lines if ln.text == "本报记者 林晓")
    space = byline.char_boxes[4]
    assert space[0] == pytest.approx(byline.char_boxes[3][2]) and space[2] > space[0]


@needs_fonts
def test_the_page_parser_finds_the_articles_in_the_text(front: SetPage) -> None:
    text = page_text(laid_out(front))
    page = parse_page(text.text)
    assert page.header == ["松河日报 2024年3月15日 星期五 第1版"]
    assert [a.title for a in page.articles] == [front.titles[k] for k in (1, 2, 3, 4)]
    first = page.articles[0]
    assert first.kicker == "为春耕备足种子化肥 为丰收打好基础"
    assert first.subtitle == "——全市春季农业生产动员会召开"
    assert first.byline is not None and first.byline.startswith("本报记者 林晓")
    assert first.captions == ["3月14日,农技人员在东岭镇前进村指导春耕。图为新型播种机下地作业。"
                              "本报记者 周明 摄"]
    assert first.continues_to is not None and first.continues_to.page == 2
    for k, article in enumerate(page.articles, start=1):
        set_paragraphs = [p.removeprefix("本报讯 ").replace("(下转第二版)", "")
                          for p in front.paragraphs[k]]
        assert article.paragraphs == set_paragraphs, k
    assert page.articles[3].signature == SIGNATURE and page.articles[3].kind == "notice"
    assert not page.unplaced
    # every text line names the layout lines it was made of, blank lines none
    rows = text.text.split("\n")[:-1]
    assert len(rows) == len(text.sources)
    assert all((row == "") == (not src) for row, src in zip(rows, text.sources, strict=True))
    assert sorted(i for src in text.sources for i in src) == list(range(len(laid_out(front).lines)))


@needs_fonts
def test_articles_side_by_side_are_read_one_after_the_other(side: SetPage) -> None:
    layout = laid_out(side)
    assert [ln.text for ln in layout.lines] == [ln.text for ln in side.lines]
    page = parse_page(page_text(layout).text)
    assert [a.title for a in page.articles] == [side.titles[1], side.titles[2]]
    assert [len(a.paragraphs) for a in page.articles] == [2, 2]


@needs_fonts
def test_a_qt_pdf_is_laid_out_with_its_radicals_read_as_ideographs(tmp_path: Path) -> None:
    path = tmp_path / "qt.pdf"
    subprocess.run([sys.executable, "-c", QT_SCRIPT, str(path), str(SANS), QT_TEXT], check=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    with open_pdf(path) as doc:
        layout = layout_page(doc.read_page(1))
    assert [ln.text for ln in layout.lines] == [QT_TEXT]
    assert layout.radicals >= 8 and layout.private_use == 0


# -- on characters placed by hand ------------------------------------------------------------

def chars(text: str, x: float, baseline: float, size: float = 9.0, font: str = "Song",
          weight: int = 400) -> list[PdfChar]:
    out = []
    for ch in text:
        w = size if is_wide(ch) else 0.5 * size
        out.append(PdfChar(ch, x, baseline - 0.88 * size, x + w, baseline + 0.12 * size, baseline,
                           size, weight, font))
        x += w
    return out


def page_of(*runs: list[PdfChar], width: float = 400, height: float = 600) -> PdfPage:
    return PdfPage(1, width, height, [c for run in runs for c in run])


def column(lines: list[str], x: float, top: float, leading: float = 13.5) -> list[PdfChar]:
    return [c for k, text in enumerate(lines) for c in chars(text, x, top + k * leading)]


def test_a_wide_space_inside_a_column_does_not_split_the_line() -> None:
    left = column(["一二三四五六七八九十一二", "本报记者" + "", "一二三四五六七八九十一二"], 20, 100)
    gap = chars("王茵", 20 + 4 * 9 + 3 * 9, 113.5)  # three ems after 本报记者
    layout = layout_page(page_of(left, gap))
    assert [ln.text for ln in layout.lines] == ["一二三四五六七八九十一二", "本报记者 王茵",
                                                 "一二三四五六七八九十一二"]


def test_lines_level_with_each_other_in_two_columns_stay_apart() -> None:
    a = column(["甲一二三四五六七八", "甲一二三四五六七八", "甲一二三"], 20, 100)
    b = column(["乙一二三四五六七八", "乙一二三四五六七八", "乙一二三四五六七八"], 20 + 9 * 9 + 12, 100)
    layout = layout_page(page_of(a, b))
    assert layout.text_lines() == ["甲一二三四五六七八", "甲一二三四五六七八", "甲一二三", "",
                                   "乙一二三四五六七八", "乙一二三四五六七八", "乙一二三四五六七八"]


def test_latin_words_are_spaced_and_joined_with_a_space() -> None:
    words = chars("LIAO", 20, 100) + chars("YUAN", 20 + 4 * 4.5 + 4, 100)
    layout = layout_page(page_of(words))
    assert [ln.text for ln in layout.lines] == ["LIAO YUAN"]


def test_radicals_on_the_page_are_read_as_ideographs_and_counted() -> None:
    layout = layout_page(page_of(chars("今⽇⼾外\ue000", 20, 100)))
    assert layout.lines[0].text == "今日户外\ue000"
    assert layout.radicals == 2 and layout.private_use == 1


def test_the_newspaper_rule_on_boxes() -> None:
    # a headline over three columns, its columns, and a column of another article beside them
    head, c1, c2, c3, beside = ((0, 0, 300, 30), (0, 40, 95, 300), (100, 40, 195, 250),
                                (200, 40, 300, 280), (310, 0, 400, 300))
    assert xy_order([c2, beside, c1, head, c3]) == [3, 2, 0, 4, 1]
    # rows first between articles: the band above is read before the band below
    top_left, top_right, bottom = (0, 0, 190, 100), (200, 0, 400, 60), (0, 120, 300, 200)
    assert xy_order([bottom, top_right, top_left], columns_first=False) == [2, 1, 0]


def test_a_page_without_characters_lays_out_empty() -> None:
    layout = layout_page(PdfPage(1, 400, 600, [], figures=[(10, 10, 200, 200)]))
    assert layout.lines == [] and layout.frames == [] and layout.text_lines() == []
    assert page_text(layout).text == "" and layout.figures == [(10, 10, 200, 200)]
