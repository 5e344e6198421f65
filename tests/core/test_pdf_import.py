"""Page PDFs read as pages: the sample issue's PDFs give the articles its text pages give, each
article with regions on the page that hold its lines and no other article's."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from paper_reader.core.importer import ImportReport, collect_pages, import_paths, parse_path
from paper_reader.core.library import Library
from paper_reader.core.model import Issue, Page
from paper_reader.core.sources.pdf_document import open_pdf
from paper_reader.core.sources.pdf_layout import layout_page, page_text

from ..conftest import GOLDEN, SAMPLE, SAMPLE_PDF
from .test_pdf_samples import SetPage, needs_fonts, newspaper_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
LAYOUT = json.loads((SAMPLE_PDF / "layout.json").read_text(encoding="utf-8"))
TEXT_GOLDEN = json.loads((GOLDEN / "songhe-2024-03-15.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf_issue() -> Issue:
    """The sample's four page PDFs, parsed once for this module."""
    return parse_path(SAMPLE_PDF)


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> SetPage:
    return newspaper_page(tmp_path_factory.mktemp("pdf") / "front.pdf")


def golden(name: str, data: Any) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert data == json.loads(path.read_text(encoding="utf-8"))


def test_golden_sample_pdfs(pdf_issue: Issue) -> None:
    golden("pdf-songhe-2024-03-15.json", pdf_issue.to_dict())


@pytest.mark.parametrize("name", ["fpdf2-page", "qt-radicals"])
def test_golden_fixture_pdfs(name: str) -> None:
    golden(f"pdf-{name}.json", parse_path(FIXTURES / f"{name}.pdf").to_dict())


# -- the PDF gives what the text gives -------------------------------------------------------

# The text pages have half-width punctuation where the page prints full-width marks.
_HALF = str.maketrans("，：（）；！？　", ",:();!? ")
# A space between an ideograph and a Latin letter or digit: the text has some (本报讯 3月), the
# PDF cannot tell them from the spacing a typesetter sets there of its own (2024年 in a justified
# line): both are compared without them.
_CJK_LATIN_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=[\x21-\x7e])|(?<=[\x21-\x7e]) (?=[^\x00-\x7f])")


def fold(value: Any) -> Any:
    if isinstance(value, str):
        return _CJK_LATIN_SPACE.sub("", value.translate(_HALF))
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, dict):
        return {k: fold(v) for k, v in value.items()}
    return value


def _link(link: dict[str, Any] | None, pages: list[dict[str, Any]]) -> tuple[int, str | None] | None:
    """A continuation by its page and the title it leads to (the articles' order may differ)."""
    if link is None:
        return None
    target = next((p for p in pages if p["number"] == link["page"]), None)
    if target is None or link["article"] is None:
        return (link["page"], None)
    return (link["page"], fold(target["articles"][link["article"]]["title"]))


FIELDS = ("title", "kicker", "subtitle", "column", "byline", "authors", "kind", "paragraphs",
          "captions", "signature")

# The PDF's reading differs from the text page's only where fold() says: the printed page's
# full-width marks, and the spacing between ideographs and Latin text that a typesetter sets
# of its own. Every field of every article is otherwise the same.


def test_the_pdfs_give_the_articles_of_the_text_pages(pdf_issue: Issue) -> None:
    got = pdf_issue.to_dict()
    for key in ("paper", "date", "serial", "page_count"):
        assert got[key] == TEXT_GOLDEN[key]
    assert fold(got["masthead"]) == fold(TEXT_GOLDEN["masthead"])
    assert [p["number"] for p in got["pages"]] == [1, 2, 3, 4]
    differences = {}
    for text_page, pdf_page in zip(TEXT_GOLDEN["pages"], got["pages"], strict=True):
        n = text_page["number"]
        assert (pdf_page["label"], pdf_page["section"], pdf_page["unplaced"]) == \
            (text_page["label"], text_page["section"], text_page["unplaced"])
        # The PDF's articles come in the page's reading order (bands across the page, top to
        # bottom); the text page's in the order its text was written: matched by title.
        by_title = {fold(a["title"]): a for a in pdf_page["articles"]}
        assert sorted(by_title) == sorted(fold(a["title"]) for a in text_page["articles"]), n
        for want in text_page["articles"]:
            title = fold(want["title"])
            have = by_title[title]
            wrong = {f for f in FIELDS if fold(have[f]) != fold(want[f])}
            for f in ("continues_to", "continued_from"):
                if _link(have[f], got["pages"]) != _link(want[f], TEXT_GOLDEN["pages"]):
                    wrong.add(f)
            if wrong:
                differences[(n, title)] = wrong
    assert differences == {}


def test_an_issue_pdf_gives_its_pages_in_order(pdf_issue: Issue) -> None:
    issue = parse_path(FIXTURES / "issue-songhe-2024-03-15.pdf")
    assert [p.number for p in issue.pages] == [1, 2, 3, 4]
    assert [p.pdf.index for p in issue.pages] == [0, 1, 2, 3]
    assert len({p.pdf.digest for p in issue.pages}) == 1
    assert issue.pages[0].pdf.data is issue.pages[3].pdf.data  # the file's bytes, shared
    assert [[a.title for a in p.articles] for p in issue.pages] == \
        [[a.title for a in p.articles] for p in pdf_issue.pages]


def test_each_page_has_its_size_and_its_pdf(pdf_issue: Issue) -> None:
    import hashlib

    for page in pdf_issue.pages:
        data = (SAMPLE_PDF / f"page{page.number}.pdf").read_bytes()
        assert page.size == (842.0, 1191.0)
        assert page.pdf.digest == hashlib.sha256(data).hexdigest() and page.pdf.index == 0
        assert page.pdf.data == data
        assert page.origin.file == SAMPLE_PDF / f"page{page.number}.pdf"
        assert page.to_dict()["size"] == [842.0, 1191.0]
        assert all(a.regions for a in page.articles)


def test_a_page_takes_its_number_from_its_header_not_its_place(tmp_path: Path) -> None:
    """page3.pdf renamed to page1.pdf still is 第三版: its running header says so."""
    (tmp_path / "p1.pdf").write_bytes((SAMPLE_PDF / "page3.pdf").read_bytes())
    [page] = collect_pages([tmp_path / "p1.pdf"], ImportReport())
    assert (page.number, page.label, page.section) == (3, "第三版", "民生")


# -- regions ---------------------------------------------------------------------------------

def _inside(point: tuple[float, float], regions: list[tuple[float, float, float, float]]) -> bool:
    return any(r[0] <= point[0] <= r[2] and r[1] <= point[1] <= r[3] for r in regions)


def _article_points(page: Page, sources: list[list[int]], lines: list[Any]) -> list[list[tuple]]:
    """Every character's centre of every article's lines, per article."""
    out = []
    for article in page.articles:
        points = []
        for n in article.lines:
            for i in sources[n - 1]:
                ln = lines[i]
                points += [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
                           for b, ch in zip(ln.char_boxes, ln.text, strict=True) if ch != " "]
        out.append(points)
    return out


def assert_lines_in_their_own_regions(path: Path, page: Page, index: int = 0) -> None:
    with open_pdf(path) as doc:
        layout = layout_page(doc.read_page(index + 1))
    text = page_text(layout)
    points = _article_points(page, text.sources, layout.lines)
    for k, article in enumerate(page.articles):
        assert points[k], article.title
        for point in points[k]:
            assert _inside(point, article.regions), (article.title, point)
        for j, other in enumerate(page.articles):
            if j != k:
                assert not any(_inside(p, other.regions) for p in points[k]), \
                    (article.title, "in", other.title)


def test_every_line_of_a_sample_page_is_in_its_own_regions_only(pdf_issue: Issue) -> None:
    for page in pdf_issue.pages:
        assert_lines_in_their_own_regions(SAMPLE_PDF / f"page{page.number}.pdf", page)


@needs_fonts
def test_every_line_of_the_set_page_is_in_its_own_regions_only(front: SetPage) -> None:
    [page] = collect_pages([front.path], ImportReport())
    assert [a.title for a in page.articles] == [front.titles[k] for k in (1, 2, 3, 4)]
    assert_lines_in_their_own_regions(front.path, page)
    assert page.size == (front.width, front.height)


def _page_chars(path: Path) -> list[tuple[float, float]]:
    with open_pdf(path) as doc:
        return [((c.left + c.right) / 2, (c.top + c.bottom) / 2) for c in doc.read_page(1).chars
                if not c.char.isspace()]


def test_the_regions_match_the_layout_of_the_sample(pdf_issue: Issue) -> None:
    """Each ground-truth region's characters lie in its article's regions (at least 90% of
    them: the ground truth's rectangles are the boxes the typesetter filled, a little larger
    than the ink, so their area is no measure of a region drawn round the ink)."""
    for truth in LAYOUT["pages"]:
        page = pdf_issue.page(truth["number"])
        chars = _page_chars(SAMPLE_PDF / truth["file"])
        by_title = {fold(a.title).replace(" ", ""): a for a in page.articles}
        for want in truth["articles"]:
            article = by_title[fold(want["title"]).replace(" ", "")]
            for region in want["regions"]:
                held = [c for c in chars if _inside(c, [region])]
                covered = sum(_inside(c, article.regions) for c in held)
                assert covered >= 0.9 * len(held), (truth["number"], want["title"], region)


def _covered(region: list[float], regions: list[tuple[float, float, float, float]],
             step: float = 3.0) -> float:
    """The share of a rectangle's area that the regions cover, sampled on a grid."""
    left, top, right, bottom = region
    points = [(left + step * (i + 0.5), top + step * (j + 0.5))
              for i in range(max(1, int((right - left) / step)))
              for j in range(max(1, int((bottom - top) / step)))]
    return sum(_inside(p, regions) for p in points) / len(points)


def test_the_regions_cover_the_layouts_area(pdf_issue: Issue) -> None:
    """By area, too, an article's regions are where the typesetter put it: each headline block
    whole, from the column's tag over it to the byline under it and down to its columns (a
    boxed article's box, whose lines are all the PDF tells of it, aside), and all of the
    ground truth's area but its padding."""
    held = total = 0.0
    for truth in LAYOUT["pages"]:
        page = pdf_issue.page(truth["number"])
        by_title = {fold(a.title).replace(" ", ""): a for a in page.articles}
        for want in truth["articles"]:
            article = by_title[fold(want["title"]).replace(" ", "")]
            for k, region in enumerate(want["regions"]):
                share = _covered(region, article.regions)
                area = (region[2] - region[0]) * (region[3] - region[1])
                held, total = held + share * area, total + area
                if k == 0 and len(want["regions"]) > 1:  # a headline block
                    assert share >= 0.8, (truth["number"], want["title"], region, share)
    assert held / total >= 0.95


# -- the import report -----------------------------------------------------------------------

def test_the_cleaning_is_told_in_the_import_report(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [SAMPLE_PDF / "page1.pdf", SAMPLE_PDF / "page2.pdf",
                                    FIXTURES / "qt-radicals.pdf"])
    assert any(w.startswith(f"{SAMPLE_PDF / 'page2.pdf'} 第二版: ") and
               "radical code points read as the ideographs they stand for" in w
               for w in report.warnings)


def test_private_use_characters_are_kept_and_counted() -> None:
    from paper_reader.core.sources.pdf import read_pdf_page
    from paper_reader.core.sources.pdf_document import PdfChar, PdfPage

    def line(text: str, y: float) -> list[PdfChar]:
        return [PdfChar(ch, 40 + 10 * k, y - 9, 50 + 10 * k, y + 1, y, 10, 400, "Song")
                for k, ch in enumerate(text)]

    chars = line("松河日报 2024年3月15日 第2版", 30) + line("本报讯 今天\ue001\ue002天气晴。", 80)
    page = read_pdf_page(PdfPage(1, 400, 300, chars), 2)
    assert page.articles[0].paragraphs == ["今天\ue001\ue002天气晴。"]
    assert "2 private-use characters kept as printed" in [w.line for w in page.warnings]


def test_text_and_pdf_of_one_page_in_one_import_keep_the_pdf(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [SAMPLE / "page1.txt", SAMPLE / "page2.txt",
                                    SAMPLE_PDF / "page2.pdf"])
        assert not report.errors
        assert sorted(r.number for r in report.results) == [1, 2]
    told = [w for w in report.warnings if "the text was not needed" in w]
    assert told == [f"{SAMPLE / 'page2.txt'} 第二版: the text was not needed; the page was "
                    f"taken from its PDF, {SAMPLE_PDF / 'page2.pdf'}"]
    pages = collect_pages([SAMPLE_PDF / "page2.pdf", SAMPLE / "page2.txt"], ImportReport())
    from paper_reader.core.parsing.issue import assemble

    kept = assemble(pages).pages
    assert len(kept) == 1 and kept[0].pdf is not None  # whichever comes first


def test_the_two_producers_give_the_same_articles() -> None:
    """fpdf2 (its indents as U+3000) and Qt's writer (radicals, its own spacing): one reading."""
    def articles(name: str) -> list[dict[str, Any]]:
        [page] = parse_path(FIXTURES / f"{name}.pdf").pages
        return [{k: v for k, v in a.to_dict().items() if k != "regions"} for a in page.articles]

    assert articles("fpdf2-page") == articles("qt-radicals")
    assert articles("qt-radicals")[0]["paragraphs"][0].startswith("3月17日")


def _set(text: str, x: float, y: float, size: float, weight: int = 400, font: str = "Song") -> list:
    from paper_reader.core.sources.pdf_document import PdfChar

    out = []
    for ch in text:
        out.append(PdfChar(ch, x, y - 0.88 * size, x + size, y + 0.12 * size, y, size, weight, font))
        x += size
    return out


def test_the_geometry_tells_the_parser_a_subtitle_and_a_wide_dash() -> None:
    """A subtitle set in its own size under the headline is one, with or without its dash;
    the two-em dash Qt's writer puts in the text layer (U+2E3A) reads as ——."""
    from paper_reader.core.sources.pdf import read_pdf_page
    from paper_reader.core.sources.pdf_document import PdfPage


    body = "本报讯 今年春天，东岭镇新修乡村公路十二公里，连通了五个村子。"

    def page(subtitle: str) -> Page:
        chars = _set("松河日报 2024年3月15日 第2版", 40, 30, 9)
        chars += _set("东岭乡村公路通车", 40, 80, 24, 700, "Hei")
        chars += _set(subtitle, 40, 110, 14, font="Kai")
        for k in range(4):
            chars += _set(body[k * 10:(k + 1) * 10], 40, 140 + 14 * k, 9)
        return read_pdf_page(PdfPage(1, 400, 300, chars), 2)

    plain = page("五个村子连成一片").articles[0]
    assert (plain.title, plain.subtitle) == ("东岭乡村公路通车", "五个村子连成一片")
    dashed = page("\u2e3a五个村子连成一片").articles[0]
    assert (dashed.title, dashed.subtitle) == ("东岭乡村公路通车", "——五个村子连成一片")
    assert dashed.paragraphs == [body.removeprefix("本报讯 ")]
