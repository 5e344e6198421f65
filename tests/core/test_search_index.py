"""Search through indexes that hold no positions (format 3): every hit the text holds is
found, nothing else is, and a rare term's rows that only hold its pieces never crowd out
the real hits. Checked against a plain reading of the stored text, for terms of every
length drawn from the sample issue, and against a file of format 2 read as it is."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from paper_reader.core.library import Library, SearchQuery
from paper_reader.core.library.indexed import spaced
from paper_reader.core.library.schema import MIGRATIONS
from paper_reader.core.library.search import MAX_TRIGRAMS, search_terms, trigrams
from paper_reader.core.model import Article, Issue, Page

PAPER = "松河日报"


def stored_text(path: Path) -> list[tuple[str, int, int, str, str, str]]:
    """(date, page, article id, title, byline, body) of every article, as search orders them."""
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT date, page, article_id, title, byline, body FROM article_text "
                          "ORDER BY date DESC, page, article_id").fetchall()
    finally:
        db.close()


def expected_ids(rows: list[tuple[str, int, int, str, str, str]], query: str, limit: int) -> list[int]:
    terms = search_terms(SearchQuery(query))
    found = [r[2] for r in rows if terms and all(t in r[3] or t in r[4] or t in r[5] for t in terms)]
    return found[:limit]


def drawn_terms(rows: list[tuple[str, int, int, str, str, str]], count: int) -> list[str]:
    """Pieces of the stored text of 1 to 7 characters (punctuation and all), and pieces of
    two places glued together: mostly in no article, though each half is in one."""
    rng = random.Random(14)
    texts = [r[5] for r in rows if len(r[5]) > 20]
    terms: list[str] = []
    for _ in range(count):
        text = rng.choice(texts)
        length = rng.randint(1, 7)
        start = rng.randrange(len(text) - length)
        terms.append(text[start:start + length])
        if rng.random() < 0.4:
            other = rng.choice(texts)
            at = rng.randrange(len(other) - 3)
            terms.append(terms[-1][:3] + other[at:at + rng.randint(1, 3)])
    return [t for t in terms if t.strip()]


def test_every_term_finds_exactly_the_articles_that_hold_it(sample_library: Path) -> None:
    rows = stored_text(sample_library)
    terms = drawn_terms(rows, 300)
    with Library(sample_library, readonly=True) as lib:
        assert lib.connection.version == 3
        longest = max((r[5] for r in rows), key=len)
        for term in terms + ["图书 馆", "馆，", "，", "2024", "a", "本报讯", longest[:200], longest[5:45]]:
            for limit in (1, 3, 1000):
                got = [h.article_id for h in lib.search(term, limit=limit)]
                assert got == expected_ids(rows, term, limit), (term, limit)


def test_rows_holding_only_a_terms_pieces_never_crowd_out_its_hits(tmp_path: Path) -> None:
    """Newer articles holding every trigram (and every character pair) of the term, but
    never the term itself, come first in date order: the one article that holds it is still
    the hit, however small the limit."""
    path = tmp_path / "library.sqlite3"

    def issue(date: str, paragraphs: list[str]) -> Issue:
        articles = [Article(title=f"第{k}篇", paragraphs=[p]) for k, p in enumerate(paragraphs, 1)]
        return Issue(PAPER, date, pages=[Page(1, "第一版", articles=articles)])

    decoys = ["市图书馆，书馆长说", "图书馆里书馆长", "馆长 图书到了", "剪纸，纸艺剪，艺剪纸"]
    with Library(path) as lib:
        lib.import_issues([issue("2024-03-01", ["新任图书馆长到岗", "纸艺剪纸"])])
        lib.import_issues([issue(f"2024-03-{day:02d}", decoys) for day in range(2, 12)])
        for query, title in (("图书馆长", "第1篇"), ("长到", "第1篇"), ("纸艺剪纸", "第2篇")):
            for limit in (1, 2, 50):
                hits = lib.search(query, limit=limit)
                assert [(h.date, h.title) for h in hits] == [("2024-03-01", title)], (query, limit)
        assert len(lib.search("图书馆", limit=100)) == 21


def as_format_2(path: Path) -> None:
    """The library as format 2 wrote it: the same rows, its indexes with positions."""
    made_then = [s for s in MIGRATIONS[0] if s.startswith(("CREATE VIRTUAL", "CREATE TRIGGER"))]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.create_function("spaced", 1, spaced, deterministic=True)
        db.execute("BEGIN")
        db.execute("DROP TRIGGER article_text_ad")
        db.execute("DROP TABLE article_fts")
        db.execute("DROP TABLE article_chars")
        for statement in made_then:
            db.execute(statement)
        db.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO article_chars(rowid, chars) SELECT article_id, "
                   "spaced(title || ' ' || byline || ' ' || body) FROM article_text")
        db.execute("PRAGMA user_version = 2")
        db.execute("COMMIT")
    finally:
        db.close()


def test_a_format_2_file_is_searched_as_it_is_and_then_migrated(tmp_path: Path,
                                                                sample_library: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(sample_library, old)
    as_format_2(old)
    rows = stored_text(old)
    terms = drawn_terms(rows, 80) + ["馆", "剪纸", "图书馆", "全民阅读", "馆，"]
    with Library(old, readonly=True) as lib:
        assert lib.connection.version == 2
        before = {t: [h.article_id for h in lib.search(t, limit=50)] for t in terms}
    assert before == {t: expected_ids(rows, t, 50) for t in terms}
    with Library(old) as lib:  # migrated: its indexes made anew, without positions
        assert lib.connection.version == 3
        assert {t: [h.article_id for h in lib.search(t, limit=50)] for t in terms} == before
        db = lib.db
        assert "detail=none" in db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'article_chars'").fetchone()[0]
        db.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        db.execute("INSERT INTO article_chars(article_chars, rank) VALUES ('integrity-check', 1)")


def test_a_long_term_is_looked_up_by_a_bounded_number_of_trigrams() -> None:
    term = "".join(chr(0x4E00 + k) for k in range(10_000))
    picked = trigrams(term)
    assert len(picked) == MAX_TRIGRAMS and picked[0] == term[:3] and picked[-1] == term[-3:]
    assert trigrams("图书馆长") == ["图书馆", "书馆长"]
