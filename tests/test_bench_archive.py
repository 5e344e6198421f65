"""The benchmark's generated archive of news: deterministic, growing vocabulary, real pages.

The benchmark's rows are only as telling as its archive: pages the parser reads as the
sample issue (mastheads, headlines, bylines, 下转/上接 between pages), a vocabulary that
keeps growing with the years as a real archive's does, and the same bytes on every run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from benchmarks import news_archive as na
from benchmarks.archive import sample_pages, write_archive

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.parsing.issue import assemble
from paper_reader.core.parsing.parser import parse_page

ABSENT = ("鲸", "火箭", "航天员", "量子计算")  # the benchmark's words in no article


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.txt"))}


def shape(pages: list[tuple[str, str]]) -> list[tuple[object, ...]]:
    """What the parser makes of an issue, apart from the words themselves."""
    issue = assemble([parse_page(text) for _, text in pages])
    return [(p.number, p.label, p.section, [
        (a.kind, bool(a.title), bool(a.kicker), bool(a.subtitle), bool(a.byline), len(a.authors),
         len(a.captions), len(a.paragraphs) > 0,
         a.continues_to and (a.continues_to.page, a.continues_to.article),
         a.continued_from and (a.continued_from.page, a.continued_from.article))
        for a in p.articles]) for p in issue.pages]


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_news(tmp_path: Path) -> None:
    na.write_paper(tmp_path / "a", "songhe", 3)
    na.write_paper(tmp_path / "b", "songhe", 3)
    na.write_paper(tmp_path / "c", "songhe", 3, seed=1)
    a, b, c = tree(tmp_path / "a"), tree(tmp_path / "b"), tree(tmp_path / "c")
    assert len(a) == 12 and a == b
    assert a.keys() == c.keys() and all(a[k] != c[k] for k in a)


def test_an_issue_does_not_depend_on_the_issues_written_before_it(tmp_path: Path) -> None:
    """Each issue is drawn from its own day: any stretch of the archive can be remade alone."""
    na.write_paper(tmp_path / "all", "qingchuan", 5)
    na.write_paper(tmp_path / "late", "qingchuan", 2, first=dt.date(2004, 1, 4))
    everything, late = tree(tmp_path / "all"), tree(tmp_path / "late")
    assert late and all(everything[k] == v for k, v in late.items())


def test_vocabulary_keeps_growing_where_the_repeated_archive_stops(tmp_path: Path) -> None:
    news, repeated = na.Vocabulary(), na.Vocabulary()
    na.write_paper(tmp_path / "news", "songhe", 10, vocabulary=news)
    at_ten = news.summary()
    na.write_paper(tmp_path / "news", "songhe", 10, vocabulary=news, first=dt.date(2014, 1, 11))
    at_twenty = news.summary()
    for folder in write_archive(tmp_path / "repeated", 20):
        for page in sorted(folder.iterdir()):
            repeated.add(page.read_text(encoding="utf-8"))
    sample = na.Vocabulary()
    for _, text in sample_pages():
        sample.add(text)
    base = sample.summary()

    # Issues 11 to 20 bring hundreds of new trigrams each (new people, places, figures) ...
    assert at_twenty["trigrams"] - at_ten["trigrams"] > 10 * 150
    # ... where the sample repeated with its dates moved brings next to none.
    assert repeated.summary()["trigrams"] < base["trigrams"] + 20 * 30
    assert at_twenty["trigrams"] > 2 * repeated.summary()["trigrams"]
    # Names drawn from the common characters: the archive's characters far beyond the sample's.
    assert at_twenty["chars"] > base["chars"] + 1000


@pytest.mark.parametrize("slug", sorted(na.PAPERS))
def test_every_page_parses_into_the_sample_issues_articles(slug: str) -> None:
    paper = na.PAPERS[slug]
    expected = shape(sample_pages())
    tpl, namer = na.template(paper), na.Namer(paper, 0)
    for k in (0, 1, 59, 366, 2000, 3649):  # across the ten years
        day = paper.first + dt.timedelta(days=k)
        pages = na.issue_pages(tpl, namer, day)
        issue = assemble([parse_page(text) for _, text in pages])
        assert (issue.paper, issue.date, issue.masthead.get("cn")) == (paper.name, day.isoformat(), paper.cn)
        assert issue.serial == paper.serial + (day - na.SAMPLE_DATE).days
        assert shape(pages) == expected, day
        links = [a.continues_to.article for p in issue.pages for a in p.articles if a.continues_to]
        assert len(links) == 5 and None not in links  # every 下转 finds its 上接
        text = "".join(t for _, t in pages)
        assert not any(word in text for word in ABSENT)
        assert "松河" not in text or slug == "songhe"


def test_three_papers_import_into_one_library(tmp_path: Path) -> None:
    folders = []
    for slug in sorted(na.PAPERS):
        folders += na.write_paper(tmp_path / slug, slug, 2)
    with Library(tmp_path / "library.sqlite3") as lib:
        result = import_paths(lib, folders)
        assert not result.errors and result.count("imported") == 24
        papers = {row[0] for row in lib.db.execute("SELECT name FROM papers")}
        assert papers == {p.name for p in na.PAPERS.values()}
        assert lib.db.execute("SELECT count(*) FROM issues").fetchone()[0] == 6
        assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 6 * 25
        assert lib.search("图书馆", limit=50) and not lib.search("量子计算", limit=50)


def test_a_paragraph_keeps_its_quotes_closed_and_its_open_end() -> None:
    found, rest = na.sentences_of("他说:“好。很好。”大家笑了。(下转第二版)要继续")
    assert found == ["他说:“好。很好。”", "大家笑了。"]
    assert rest == "(下转第二版)要继续"
