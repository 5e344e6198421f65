"""The sample issue's page PDFs and their layout ground truth, and the PDF fixtures.

layout.json is what the page importer is measured against: every article's regions on the
page, its continuation markers, its photos. These tests hold it to the PDFs as printed: each
article's title and opening text lie in its own regions and in no other article's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from itertools import combinations
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ..conftest import GOLDEN, SAMPLE, SAMPLE_PDF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
LAYOUT = json.loads((SAMPLE_PDF / "layout.json").read_text(encoding="utf-8"))
GOLDEN_ISSUE = json.loads((GOLDEN / "songhe-2024-03-15.json").read_text(encoding="utf-8"))
PAGES = [p["number"] for p in LAYOUT["pages"]]

# The parser's text has half-width marks where the page prints full-width ones.
_FOLD = str.maketrans("，：（）；！？　", ",:();!? ")


def is_radical(ch: str) -> bool:
    """Kangxi radicals and CJK radicals supplement: what Qt's writer puts in the text layer
    in place of many ideographs (⽇ for 日)."""
    return "\u2e80" <= ch <= "\u2fdf"


def is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def stands_for(ch: str, wanted: str) -> bool:
    """Whether a radical in the text layer may be the ideograph wanted: a Kangxi radical by
    its compatibility mapping (⽇ 日), 户 for ⼾ (the simplified form; the mapping gives 戶),
    any ideograph for a radical of the supplement, which has none (⻔ for 门)."""
    if not is_radical(ch) or not is_ideograph(wanted):
        return False
    mapped = unicodedata.normalize("NFKC", ch)
    return mapped == wanted or mapped == ch or (ch, wanted) == ("\u2f3e", "户")


def page_chars(page: pdfium.PdfPage) -> list[tuple[str, tuple[float, float]]]:
    """Each character of the text layer but white space, with its box's centre, in points
    from the page's top-left corner."""
    height = page.get_height()
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if not ch or ch.isspace():
            continue
        left, bottom, right, top = text.get_charbox(i)
        centre = ((left + right) / 2, height - (top + bottom) / 2)
        # Qt's writer sets ―― as one two-em dash glyph, read back as U+2E3A.
        for c in "——" if ch == "\u2e3a" else ch.translate(_FOLD):
            out.append((c, centre))
    return out


def occurrences(chars: list[tuple[str, tuple[float, float]]], wanted: str) -> list[list[tuple]]:
    """Where ``wanted`` runs in the text layer, radicals read as the ideographs they may stand
    for; a run more than half of whose characters are radicals does not count."""
    wanted = "".join(wanted.translate(_FOLD).split())
    found = []
    for start in range(len(chars) - len(wanted) + 1):
        run = chars[start:start + len(wanted)]
        if all(c == w or stands_for(c, w) for (c, _), w in zip(run, wanted, strict=True)) and \
                sum(c != w for (c, _), w in zip(run, wanted, strict=True)) * 2 <= len(wanted):
            found.append([pos for _, pos in run])
    return found


def page_chars_of_text(text: str) -> list[tuple[str, tuple[float, float]]]:
    return [(c.translate(_FOLD), (0.0, 0.0)) for c in text if not c.isspace()]


def inside(point: tuple[float, float], rect: list[float]) -> bool:
    x, y = point
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.01 and min(a[3], b[3]) - max(a[1], b[1]) > 0.01


def layout_page(number: int) -> dict:
    return next(p for p in LAYOUT["pages"] if p["number"] == number)


def golden_page(number: int) -> dict:
    return next(p for p in GOLDEN_ISSUE["pages"] if p["number"] == number)


@pytest.fixture(scope="module")
def documents():
    docs = {n: pdfium.PdfDocument(str(SAMPLE_PDF / layout_page(n)["file"])) for n in PAGES}
    yield docs
    for doc in docs.values():
        doc.close()


def test_every_page_has_its_pdf_and_the_layouts_page_size(documents) -> None:
    assert PAGES == [1, 2, 3, 4]
    for n in PAGES:
        doc = documents[n]
        assert len(doc) == 1
        width, height = doc[0].get_size()
        assert [round(width, 2), round(height, 2)] == layout_page(n)["size"]


def test_layout_has_the_parsers_articles_in_its_order() -> None:
    for n in PAGES:
        titles = [a["title"].translate(_FOLD) for a in layout_page(n)["articles"]]
        assert titles == [a["title"] for a in golden_page(n)["articles"]]
        assert all(a["regions"] for a in layout_page(n)["articles"])


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_each_articles_text_lies_in_its_own_regions_only(documents, number: int) -> None:
    chars = page_chars(documents[number][0])
    articles = layout_page(number)["articles"]
    for k, (parsed, laid) in enumerate(zip(golden_page(number)["articles"], articles, strict=True)):
        others = [r for j, a in enumerate(articles) if j != k for r in a["regions"]]
        for what in (parsed["title"], parsed["paragraphs"][0][:12]):
            runs = occurrences(chars, what)
            assert runs, f"page {number}: {what!r} is not in the text layer"
            for run in runs:
                for point in run:
                    assert any(inside(point, r) for r in laid["regions"]), (number, what, point)
                    assert not any(inside(point, r) for r in others), (number, what, point)


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_every_character_is_in_the_header_or_in_one_article(documents, number: int) -> None:
    page = layout_page(number)
    for ch, point in page_chars(documents[number][0]):
        holders = [k for k, a in enumerate(page["articles"]) if any(inside(point, r) for r in a["regions"])]
        assert len(holders) + inside(point, page["header"]) == 1, (number, ch, point, holders)


def test_regions_of_different_articles_do_not_overlap() -> None:
    for n in PAGES:
        page = layout_page(n)
        width, height = page["size"]
        for a, b in combinations(range(len(page["articles"])), 2):
            for ra in page["articles"][a]["regions"]:
                assert 0 <= ra[0] < ra[2] <= width and 0 <= ra[1] < ra[3] <= height
                for rb in page["articles"][b]["regions"]:
                    assert not overlap(ra, rb), (n, a, b, ra, rb)
        for region in (r for a in page["articles"] for r in a["regions"]):
            assert not overlap(region, page["header"]), (n, region)


_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@/:%+#~<>-]*[A-Za-z0-9]|[A-Za-z0-9]")


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_every_character_reads_back_as_typeset(documents, number: int) -> None:
    """Each character of the text layer has the Unicode value of a character of the text page
    (a radical may stand for its ideograph), and every Latin word and number of the page is
    in the text layer whole: none read back as its glyph's number (K9 as KȊ, CN99-0123 as
    CN&&-()*+)."""
    raw = (SAMPLE / f"page{number}.txt").read_text(encoding="utf-8").translate(_FOLD)
    printed = [ch for ch, _ in page_chars(documents[number][0])]
    strays = {ch for ch in printed if ch not in raw and not is_radical(ch)}
    assert not strays, (number, strays)
    layer = "".join(printed)
    for word in _LATIN_WORD.findall(raw):
        assert word in layer, (number, word)


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_signatures_stay_inside_their_column(documents, number: int) -> None:
    """A signature set flush right stays inside its column's measure: a gutter between it and
    any character to its left on its baseline, never run out towards the column beside it
    (征集启事's 松河市文化广电和旅游局 is wider than its column)."""
    page = documents[number][0]
    height = page.get_height()
    text = page.get_textpage()
    boxes = []  # left, right, top, bottom (the font's box, not the ink's) but white space
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch and not ch.isspace():
            left, bottom, right, top = text.get_charbox(i, loose=True)
            boxes.append((left, right, height - top, height - bottom))
    chars = page_chars(documents[number][0])
    for signature in (s for a in golden_page(number)["articles"] for s in a["signature"]):
        # where it is set on a line of its own (the body may name the signer too)
        runs = [r for r in occurrences(chars, signature) if max(y for _, y in r) - min(y for _, y in r) < 3]
        assert runs, (number, signature)
        for (x, y), *_ in runs:
            first = next(b for b in boxes if b[0] <= x <= b[1] and b[2] <= y <= b[3])
            start, row = first[0], (first[2] + first[3]) / 2
            before = [b[1] for b in boxes if b[2] <= row <= b[3] and b[0] < start - 1]
            assert not before or start - max(before) >= 10.0, (number, signature, start - max(before))


def test_markers_and_photos_are_where_the_layout_says(documents) -> None:
    seen = 0
    for n in PAGES:
        page = layout_page(n)
        text = documents[n][0].get_textpage()
        height = page["size"][1]
        for marker in page["markers"]:
            left, top, right, bottom = marker["rect"]
            printed = text.get_text_bounded(left - 0.5, height - bottom - 0.5, right + 0.5,
                                            height - top + 0.5)
            assert len(occurrences(page_chars_of_text(printed), marker["text"])) == 1, (n, marker)
            regions = page["articles"][marker["article"]]["regions"]
            assert any(r[0] <= left and r[1] <= top and right <= r[2] and bottom <= r[3]
                       for r in regions)
            seen += 1
        for photo in page["photos"]:
            rect = photo["rect"]
            for k, article in enumerate(page["articles"]):
                for region in article["regions"]:
                    assert not overlap(rect, region), (n, k, photo)
    links = sum(1 for p in GOLDEN_ISSUE["pages"] for a in p["articles"]
                for link in (a["continues_to"], a["continued_from"]) if link)
    assert seen == links == 10
    assert sum(len(p["photos"]) for p in LAYOUT["pages"]) == sum(
        len(a["captions"]) for p in GOLDEN_ISSUE["pages"] for a in p["articles"]) == 5


# ------------------------------------------------------------------ fixtures --


def test_qt_fixture_has_radicals_in_its_text_layer() -> None:
    doc = pdfium.PdfDocument(str(FIXTURES / "qt-radicals.pdf"))
    assert doc.get_metadata_dict()["Producer"].startswith("Qt")
    text = doc[0].get_textpage().get_text_range()
    assert {"\u2f47", "\u2ed4", "\u2ee5", "\u2f3e"} <= set(text)  # ⽇ ⻔ ⻥ ⼾ for 日 门 鱼 户
    assert occurrences(page_chars(doc[0]), "周日早市开门 鱼肉蔬果供应足")


def test_other_producers_fixture_has_the_same_item_without_radicals() -> None:
    doc = pdfium.PdfDocument(str(FIXTURES / "fpdf2-page.pdf"))
    assert doc.get_metadata_dict()["Producer"].startswith("fpdf2")
    text = doc[0].get_textpage().get_text_range()
    assert "周日早市开门 鱼肉蔬果供应足" in text
    assert not any(is_radical(ch) for ch in text)


def test_image_only_fixture_is_a_page_image_without_text() -> None:
    doc = pdfium.PdfDocument(str(FIXTURES / "image-only.pdf"))
    assert len(doc) == 1
    page = doc[0]
    assert page.get_textpage().count_chars() == 0
    kinds = [obj.type for obj in page.get_objects()]
    assert kinds == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]


def test_encrypted_fixture_asks_for_a_password() -> None:
    with pytest.raises(pdfium.PdfiumError) as err:
        pdfium.PdfDocument(str(FIXTURES / "encrypted.pdf"))
    assert err.value.err_code == pdfium.raw.FPDF_ERR_PASSWORD
    assert len(pdfium.PdfDocument(str(FIXTURES / "encrypted.pdf"), password="songhe")) == 1


@pytest.mark.parametrize("name", ["truncated.pdf", "not-a-pdf.pdf"])
def test_damaged_fixtures_do_not_open(name: str) -> None:
    with pytest.raises(pdfium.PdfiumError) as err:
        pdfium.PdfDocument(str(FIXTURES / name))
    assert err.value.err_code == pdfium.raw.FPDF_ERR_FORMAT


def test_truncated_fixture_is_the_first_half_of_a_good_file() -> None:
    good = (FIXTURES / "fpdf2-page.pdf").read_bytes()
    assert (FIXTURES / "truncated.pdf").read_bytes() == good[: len(good) // 2]
    assert not (FIXTURES / "not-a-pdf.pdf").read_bytes().startswith(b"%PDF")


def test_issue_fixture_has_the_four_pages_in_order() -> None:
    doc = pdfium.PdfDocument(str(FIXTURES / "issue-songhe-2024-03-15.pdf"))
    assert len(doc) == 4
    for k, n in enumerate(PAGES):
        assert [round(v, 2) for v in doc[k].get_size()] == layout_page(n)["size"]
        chars = page_chars(doc[k])
        for article in golden_page(n)["articles"]:
            assert occurrences(chars, article["title"]), (n, article["title"])


def test_fixtures_stay_small() -> None:
    for path in FIXTURES.glob("*.pdf"):
        assert path.stat().st_size < 1_000_000, path.name



def test_unmapped_fixture_has_characters_without_unicode_values() -> None:
    from paper_reader.core.sources.pdf_document import open_pdf

    with open_pdf(FIXTURES / "unmapped-digits.pdf") as pdf:
        assert pdf.read_page(1).unmapped > 0
