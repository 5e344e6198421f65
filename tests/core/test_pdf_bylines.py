"""Bylines and photo credits on page PDFs: where a line breaks inside one, and where a byline
stands in its own frame over a column. Small fpdf2 pages whose lines are set here one by one,
so that every break is where the test says."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_reader.core.importer import ImportReport, collect_pages
from paper_reader.core.model import Page

from .test_pdf_import import assert_lines_in_their_own_regions
from .test_pdf_samples import needs_fonts, new_pdf

WIDTH, HEIGHT = 420.0, 595.0
MARGIN, GUTTER, EM, PITCH = 40.0, 12.0, 10.5, 16.5
COL_W = 10 * EM
COLS = [MARGIN + k * (COL_W + GUTTER) for k in range(3)]
HEADER = "松河日报 2024年3月15日 星期五 第2版"

Run = tuple[str, str, bool]  # text, font, bold


def set_runs(pdf, x: float, baseline: float, runs: list[Run], size: float = EM) -> None:  # noqa: ANN001
    """One line of runs set one after the other, each in its own face."""
    for text, font, bold in runs:
        pdf.set_font(font, "B" if bold else "", size)
        pdf.text(x, baseline, text)
        x += pdf.get_string_width(text)


def body(pdf, x: float, top: float, lines: list[list[Run]], indent_first: bool = True) -> float:  # noqa: ANN001
    y = top
    for k, runs in enumerate(lines):
        set_runs(pdf, x + (2 * EM if k == 0 and indent_first else 0), y, runs)
        y += PITCH
    return y


def headline(pdf, text: str, baseline: float, left: float, right: float) -> None:  # noqa: ANN001
    pdf.set_font("sans", "B", 18)
    pdf.text(left + (right - left - pdf.get_string_width(text)) / 2, baseline, text)


def photo(pdf, left: float, top: float, bottom: float, caption: list[str]) -> None:  # noqa: ANN001
    pdf.set_fill_color(185)
    pdf.rect(left, top, COL_W, bottom - top, style="F")
    y = bottom + 11
    for text in caption:
        set_runs(pdf, left, y, [(text, "sans", False)], 8.75)
        y += 12.6


def serif(text: str) -> Run:
    return (text, "serif", False)


def lead(text: str) -> Run:
    return (text, "sans", True)


def read(path: Path) -> Page:
    [page] = collect_pages([path], ImportReport())
    return page


def broken_bylines_page(path: Path) -> None:
    """Two articles, each with its byline broken over two lines and a captioned photo: the
    first broken at the byline's space (宋立 / 通讯员), its credit opening the caption's last
    line; the second broken inside a name (谢朝 / 阳), its credit after 本报记者 / 谢朝阳."""
    pdf = new_pdf(WIDTH, HEIGHT)
    pdf.add_page()
    set_runs(pdf, MARGIN, 30, [(HEADER, "sans", False)], 7.5)
    headline(pdf, "东岭乡村公路通车", 70, COLS[0], COLS[1] + COL_W)
    body(pdf, COLS[0], 100, [
        [lead("本报讯（记者 宋立")],
        [lead("通讯员 何雨桐）"), serif("今年春")],
        [serif("天，东岭镇新修乡村公")],
        [serif("路十二公里，连通了五")],
        [serif("个村子。")],
    ])
    photo(pdf, COLS[1], 88, 160, ["3月14日，车辆驶上东岭", "镇新修的乡村公路。", "本报记者 范景行 摄"])
    headline(pdf, "西河水库加固完工", 260, COLS[0], COLS[1] + COL_W)
    body(pdf, COLS[0], 290, [
        [lead("本报讯（记者 谢朝")],
        [lead("阳 通讯员 龚小满）"), serif("西")],
        [serif("河水库除险加固工程日")],
        [serif("前通过验收。")],
    ])
    photo(pdf, COLS[1], 278, 350, ["3月13日，西河水库新建", "的泄洪闸。 本报记者", "谢朝阳 摄"])
    pdf.output(str(path))


@needs_fonts
def test_a_line_break_at_a_bylines_space_keeps_the_space(tmp_path: Path) -> None:
    """A Chinese line break stands for no space; one between a name and a role word (宋立 /
    通讯员), or a role word and a name (本报记者 / 谢朝阳), stands for the byline's space, and
    one before a caption's credit for the space that sets it apart."""
    broken_bylines_page(tmp_path / "bylines.pdf")
    page = read(tmp_path / "bylines.pdf")
    first, second = page.articles
    assert first.byline == "本报讯（记者 宋立 通讯员 何雨桐）"
    assert first.authors == ["宋立", "何雨桐"]
    assert first.paragraphs == ["今年春天，东岭镇新修乡村公路十二公里，连通了五个村子。"]
    assert first.captions == ["3月14日，车辆驶上东岭镇新修的乡村公路。 本报记者 范景行 摄"]
    assert second.byline == "本报讯（记者 谢朝阳 通讯员 龚小满）"
    assert second.authors == ["谢朝阳", "龚小满"]
    assert second.captions == ["3月13日，西河水库新建的泄洪闸。 本报记者 谢朝阳 摄"]
    assert_lines_in_their_own_regions(tmp_path / "bylines.pdf", page)


PARAGRAPH = [
    "近日，省政府公布", "第六批省级非物质文化", "遗产代表性项目名录，", "松河剪纸名列其中。今",
    "年六十八岁的传承人葛", "秀珍从艺五十余年，创", "作了作品三百余幅。",
]


def byline_over_a_column_page(path: Path) -> None:
    """A headline across two columns, its byline set smaller under it over the second column,
    as close to that column's first line as a line of the column is to the next: the first
    column's paragraph runs on into the second."""
    pdf = new_pdf(WIDTH, HEIGHT)
    pdf.add_page()
    set_runs(pdf, MARGIN, 30, [(HEADER, "sans", False)], 7.5)
    headline(pdf, "松河剪纸入选省级非遗名录", 70, COLS[0], COLS[1] + COL_W)
    set_runs(pdf, COLS[1] + 4, 92, [("《松江晚报》记者 孟佳琪", "sans", False)], 9.5)
    body(pdf, COLS[0], 112, [[serif(t)] for t in PARAGRAPH[:4]])
    body(pdf, COLS[1], 112, [[serif(t)] for t in PARAGRAPH[4:]], indent_first=False)
    pdf.output(str(path))


@needs_fonts
def test_a_byline_over_a_column_is_read_in_its_place(tmp_path: Path) -> None:
    """The byline is a frame of its own, read under the headline as the article's byline, not
    into the column under it in the middle of the paragraph."""
    byline_over_a_column_page(tmp_path / "byline.pdf")
    page = read(tmp_path / "byline.pdf")
    [article] = page.articles
    assert article.byline == "《松江晚报》记者 孟佳琪"
    assert article.authors == ["孟佳琪"]
    assert article.paragraphs == ["".join(PARAGRAPH)]
    assert_lines_in_their_own_regions(tmp_path / "byline.pdf", page)


@pytest.mark.parametrize("before, after, spaced", [
    ("本报讯（记者 宋立", "通讯员 何雨桐）", True),
    ("本报讯（记者", "宋立）今天", True),
    ("陶器。 本报记者", "谢朝阳 摄", True),
    ("本报讯（记者 谢朝", "阳 通讯员", False),  # inside a name
    ("图为现场。 本报", "记者 范景行 摄", False),  # inside a role word
    ("他告诉记者", "今年春天", False),  # a sentence
])
def test_which_line_breaks_stand_for_a_space(before: str, after: str, spaced: bool) -> None:
    from paper_reader.core.sources.pdf_layout import _joined

    assert _joined([before, after]) == before + (" " if spaced else "") + after
