"""Continuation markers and search hits found in a page PDF's text layer (core, no Qt)."""

from __future__ import annotations

import json

import pytest

from paper_reader.core.reading.page_marks import Line, continuation_marks, lines_of, search_boxes
from paper_reader.core.sources.pdf_document import open_pdf

from ..conftest import SAMPLE_PDF

LAYOUT = {p["number"]: p for p in json.loads((SAMPLE_PDF / "layout.json").read_text("utf-8"))["pages"]}


def page_lines(number: int) -> list[Line]:
    with open_pdf(SAMPLE_PDF / f"page{number}.pdf") as pdf:
        return lines_of(pdf.read_page(1))


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_every_marker_of_the_sample_is_found_where_it_was_set(number: int) -> None:
    found = continuation_marks(page_lines(number))
    known = LAYOUT[number]["markers"]
    assert len(found) == len(known)
    for mark, spec in zip(found, known, strict=True):
        assert mark.kind == ("to" if "下转" in spec["text"] else "from")
        assert all(abs(a - b) < 1.0 for a, b in zip(mark.box, spec["rect"], strict=True)), (mark, spec)
    pages = {m.page for m in found}
    assert pages <= {1, 2, 3, 4}


def test_a_query_in_either_script_marks_the_same_glyphs() -> None:
    lines = page_lines(1)
    simplified = search_boxes(lines, ["图书馆"])
    assert len(simplified) >= 3
    assert search_boxes(lines, ["圖書館"]) == simplified
    assert search_boxes(lines, ["  ", ""]) == []


def test_radicals_in_the_text_layer_are_matched_as_their_ideographs() -> None:
    box = (0.0, 0.0, 10.0, 10.0)
    line = Line("", [])
    raw = "今⽇⾷堂"  # Kangxi radicals for 日 and 食, as some writers put them
    from paper_reader.core.sources.radicals import clean_text

    line = Line(clean_text(raw).text, [box] * len(raw))
    assert search_boxes([line], ["今日"]) == [box]
    marks = continuation_marks([Line("（下转第二版）", [(float(i), 0.0, i + 1.0, 5.0) for i in range(7)])])
    assert [(m.kind, m.page, m.box) for m in marks] == [("to", 2, (0.0, 0.0, 7.0, 5.0))]


def test_hits_are_bounded() -> None:
    line = Line("的" * 5000, [(0.0, 0.0, 1.0, 1.0)] * 5000)
    assert len(search_boxes([line], ["的"])) == 2000
