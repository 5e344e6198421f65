"""The publisher's reference page. Its text stays out of this repository: expectations are
written as source line numbers and the golden file holds digests, not words."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.sources.decoding import read_page_file

from ..conftest import GOLDEN

GOLDEN_FILE = GOLDEN / "liaoyuan-2020-07-06-p1.digest.json"


def _digest(value: object) -> object:
    if isinstance(value, str):
        return f"{hashlib.sha256(value.encode()).hexdigest()[:12]}:{len(value)}"
    if isinstance(value, list):
        return [_digest(v) for v in value]
    if isinstance(value, dict):
        return {k: _digest(v) for k, v in value.items()}
    return value


@pytest.fixture
def parsed(real_page: Path):
    text = read_page_file(real_page)
    lines = text.split("\n")
    return parse_page(text), (lambda n: lines[n - 1].strip())


def test_golden_digest(parsed) -> None:
    page, _ = parsed
    data = _digest({"masthead": page.masthead, **page.to_dict()})
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    assert data == json.loads(GOLDEN_FILE.read_text())


def test_masthead(parsed) -> None:
    page, _ = parsed
    m = page.masthead
    assert page.number == 1 and page.label == "第一版"
    assert page.paper == "辽源日报" and page.date == "2020-07-06"
    assert (m["serial"], m["page_count"], m["cn"]) == (8064, 4, "CN22-0010")
    assert m["weekday"] == "星期一" and m["solar_term"] == "小暑"
    assert m["lunar_date"].endswith("五月十六")
    assert m["pinyin"] == "LIAO YUAN RI BAO"
    assert m["email"].endswith("@126.com") and m["hotline"].startswith("0437-")
    assert m["website"].startswith("http://") and m["other"] == ["吉D微视"]
    assert page.header_lines == [5, 7, 9, 10, 12, 14, 16, 18, 20]


def test_eight_articles_in_order(parsed) -> None:
    page, line = parsed
    titles = [a.title for a in page.articles]
    assert titles[0] == line(22)
    assert titles[2:] == [line(63), line(91), line(107), line(117), line(128), line(147)]
    assert page.unplaced == []


def test_banner_kicker_and_caption_between_sentence_halves(parsed) -> None:
    page, line = parsed
    art = page.articles[1]
    assert art.column == line(40)
    assert line(43) == f"{art.kicker} {art.title}"
    assert art.captions == [line(55)]
    assert line(51) + line(57) + line(59) + line(61) == art.paragraphs[-1]


def test_column_cuts_are_rejoined(parsed) -> None:
    page, line = parsed
    first = page.articles[0]
    assert first.paragraphs[1] == line(26) + line(28)
    assert first.byline == "本报讯(记者 王茵)" and first.authors == ["王茵"]
    assert first.paragraphs[0] == line(24)[len("本报讯(记者 王茵)"):]


def test_feature_with_subtitle_byline_and_tag(parsed) -> None:
    page, line = parsed
    art = page.articles[2]
    assert (art.subtitle, art.byline, art.column) == (line(65), line(67), line(89))
    assert art.kind == "feature" and art.authors == ["王茵"]
    assert art.paragraphs[0] == line(69)


def test_notices_end_with_issuer_and_date(parsed) -> None:
    page, line = parsed
    assert page.articles[3].signature == [line(104), line(105)]
    assert page.articles[4].signature == [line(114), line(115)]
    assert {page.articles[3].kind, page.articles[4].kind} == {"notice"}
    assert page.articles[3].paragraphs[-1] == line(103)


def test_trailing_byline(parsed) -> None:
    page, line = parsed
    art = page.articles[5]
    assert art.authors == ["李文罡"] and art.byline.endswith("(李文罡)")
    assert not art.paragraphs[-1].endswith(")")
    assert art.paragraphs[0].endswith(line(121)[:-1] if False else "参加党课学习。")


def test_continuations_to_page_two(parsed) -> None:
    page, line = parsed
    seventh, eighth = page.articles[6], page.articles[7]
    assert seventh.byline == line(132) and seventh.subtitle == line(130)
    assert eighth.byline == line(149) and eighth.kind == "commentary" and eighth.authors == []
    for art in (seventh, eighth):
        assert art.continues_to is not None and art.continues_to.page == 2
        assert "下转" not in art.text
    assert eighth.paragraphs[-1] == line(152) + line(154) + line(156).replace("(下转第二版)", "")


def test_every_line_lands_in_exactly_one_place(parsed, real_page) -> None:
    page, _ = parsed
    from .test_invariants import assert_lines_conserved

    assert_lines_conserved(read_page_file(real_page), page)
