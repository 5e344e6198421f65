"""The bundled sample issue: golden parser output, formats, scripts and continuations."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import opencc
import pytest

from paper_reader.core.importer import parse_path
from paper_reader.core.parsing.issue import assemble
from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.sources.decoding import read_page_file
from paper_reader.core.sources.text import pages_of_text

from ..conftest import GOLDEN
from .test_invariants import assert_lines_conserved

GOLDEN_FILE = GOLDEN / "songhe-2024-03-15.json"


def test_golden(sample_dir: Path) -> None:
    data = parse_path(sample_dir).to_dict()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    assert data == json.loads(GOLDEN_FILE.read_text())


def test_structure_is_all_there(sample_dir: Path) -> None:
    issue = parse_path(sample_dir)
    assert (issue.paper, issue.date, issue.serial, issue.page_count) == ("松河日报", "2024-03-15", 9127, 4)
    assert [p.number for p in issue.pages] == [1, 2, 3, 4]
    assert [p.section for p in issue.pages] == [None, "综合", "民生", "文化"]
    arts = [a for p in issue.pages for a in p.articles]
    assert len(arts) >= 20
    assert sum(1 for a in arts if a.kicker) >= 4
    assert sum(1 for a in arts if a.subtitle) >= 2
    assert sum(1 for a in arts if a.column) >= 4
    assert sum(1 for a in arts if a.captions) >= 4
    assert sum(1 for a in arts if a.signature) >= 2
    assert all(not p.unplaced for p in issue.pages)


def test_every_link_resolves_both_ways(sample_dir: Path) -> None:
    issue = parse_path(sample_dir)
    pairs = 0
    for page in issue.pages:
        for k, art in enumerate(page.articles):
            if art.continues_to:
                target = issue.page(art.continues_to.page).articles[art.continues_to.article]
                assert target.continued_from.page == page.number
                assert target.continued_from.article == k
                pairs += 1
    assert pairs == 5


def test_each_page_conserves_its_lines(sample_dir: Path) -> None:
    for f in sorted(sample_dir.glob("*.txt")):
        text = read_page_file(f)
        assert_lines_conserved(text, parse_page(text))


def _joined(sample_dir: Path) -> str:
    return "\f".join(read_page_file(f) for f in sorted(sample_dir.glob("page*.txt")))


def test_form_feed_file_is_one_issue(sample_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "whole-issue.txt"
    f.write_text(_joined(sample_dir), encoding="utf-8")
    assert parse_path(f).to_dict() == parse_path(sample_dir).to_dict()


def test_gb18030_crlf_gives_the_same_issue(sample_dir: Path, tmp_path: Path) -> None:
    for f in sample_dir.glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_text().replace("\n", "\r\n").encode("gb18030"))
    assert parse_path(tmp_path).to_dict() == parse_path(sample_dir).to_dict()


def test_traditional_script_gives_the_same_structure(sample_dir: Path, tmp_path: Path) -> None:
    s2t = opencc.OpenCC("s2t")
    for f in sample_dir.glob("*.txt"):
        (tmp_path / f.name).write_text(s2t.convert(f.read_text()), encoding="utf-8")
    trad, simp = parse_path(tmp_path), parse_path(sample_dir)
    assert "本報訊" in (tmp_path / "page1.txt").read_text()
    assert "下轉" in (tmp_path / "page1.txt").read_text()
    assert trad.paper == "松河日報" and trad.date == simp.date
    for tp, sp in zip(trad.pages, simp.pages, strict=True):
        assert [s2t.convert(a.title) for a in sp.articles] == [a.title for a in tp.articles]
        assert [a.continues_to for a in tp.articles] == [a.continues_to for a in sp.articles]
        assert [a.continued_from for a in tp.articles] == [a.continued_from for a in sp.articles]
        assert [len(a.authors) for a in tp.articles] == [len(a.authors) for a in sp.articles]
        assert [a.kind for a in tp.articles] == [a.kind for a in sp.articles]


def test_full_width_punctuation_is_matched_too(sample_dir: Path) -> None:
    text = read_page_file(sample_dir / "page1.txt")
    wide = text.translate(str.maketrans(",:()", "，：（）"))
    a, b = parse_page(text), parse_page(wide)
    assert [x.byline.translate(str.maketrans(",:()", "，：（）")) if x.byline else None
            for x in a.articles] == [x.byline for x in b.articles]
    assert [x.continues_to for x in a.articles] == [x.continues_to for x in b.articles]


def test_lone_inner_page_keeps_a_page_reference(sample_dir: Path) -> None:
    page = parse_page(read_page_file(sample_dir / "page3.txt"))
    assert (page.number, page.label, page.section) == (3, "第三版", "民生")
    assert page.paper == "松河日报" and page.date == "2024-03-15"
    issue = assemble([page])
    first = issue.pages[0].articles[0]
    assert first.continued_from.page == 1 and first.continued_from.article is None


def test_arabic_page_numbers_and_shortened_titles(sample_dir: Path) -> None:
    issue = parse_path(sample_dir)
    to_three = [a for a in issue.pages[0].articles if a.continues_to and a.continues_to.page == 3]
    assert len(to_three) == 1 and to_three[0].continues_to.article == 0


def test_fallback_by_order_when_titles_do_not_help(sample_dir: Path, tmp_path: Path) -> None:
    for f in sample_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    p2 = tmp_path / "page2.txt"
    lines = p2.read_text().split("\n")
    # Blank out the titles of page 2's continued articles' title lines: replace with 续文.
    issue = parse_path(sample_dir)
    continued = [a.title for a in issue.pages[1].articles if a.continued_from]
    lines = ["续文" if line in continued else line for line in lines]
    p2.write_text("\n".join(lines))
    again = parse_path(tmp_path)
    src = [a.continues_to.article for a in again.pages[0].articles
           if a.continues_to and a.continues_to.page == 2]
    assert src == [0, 1, 4]


def test_pages_numbered_by_file_name_when_text_does_not_say() -> None:
    body = "市里召开会议\n\n本报讯 会议召开。\n"
    assert pages_of_text(body, "2024-03-15-p7.txt")[0].number == 7


@pytest.mark.parametrize("marker,page", [("(下转第3版)", 3), ("（下轉第十二版）", 12), ("(转A3)", 3),
                                          ("(下转2版)", 2)])
def test_continuation_marker_forms(marker: str, page: int) -> None:
    text = f"标题在此\n\n本报讯 正文说到一半{marker}\n"
    art = parse_page(text).articles[0]
    assert art.continues_to.page == page and art.paragraphs == ["正文说到一半"]
