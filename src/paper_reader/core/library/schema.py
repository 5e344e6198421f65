"""The library's schema and its forward migrations, one list of statements per version."""

from __future__ import annotations

APPLICATION_ID = 0x50525244  # "PRRD": marks a file as a paper-reader library
SCHEMA_VERSION = 3

MIGRATIONS: list[list[str]] = [
    # 0 -> 1
    [
        """CREATE TABLE papers(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            pinyin TEXT)""",
        """CREATE TABLE issues(
            id INTEGER PRIMARY KEY,
            paper_id INTEGER NOT NULL REFERENCES papers(id),
            date TEXT NOT NULL,
            serial INTEGER,
            page_count INTEGER,
            masthead TEXT NOT NULL DEFAULT '{}',
            UNIQUE(paper_id, date))""",
        """CREATE TABLE pages(
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            number INTEGER NOT NULL,
            label TEXT NOT NULL,
            section TEXT,
            header TEXT NOT NULL DEFAULT '[]',
            unplaced TEXT NOT NULL DEFAULT '[]',
            source_hash TEXT NOT NULL,
            imported_at TEXT,
            UNIQUE(issue_id, number))""",
        """CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            page_id INTEGER NOT NULL REFERENCES pages(id),
            position INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            kicker TEXT,
            subtitle TEXT,
            column_label TEXT,
            byline TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            kind TEXT NOT NULL DEFAULT 'news',
            paragraphs TEXT NOT NULL DEFAULT '[]',
            captions TEXT NOT NULL DEFAULT '[]',
            signature TEXT NOT NULL DEFAULT '[]',
            continues_to_page INTEGER,
            continued_from_page INTEGER,
            UNIQUE(page_id, position))""",
        """CREATE TABLE continuations(
            from_article INTEGER PRIMARY KEY REFERENCES articles(id),
            to_article INTEGER NOT NULL REFERENCES articles(id))""",
        # Simplified, lower-cased copies for search; short queries scan this table.
        """CREATE TABLE article_text(
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            paper_id INTEGER NOT NULL,
            date TEXT NOT NULL,
            page INTEGER NOT NULL,
            title TEXT NOT NULL,
            byline TEXT NOT NULL,
            body TEXT NOT NULL)""",
        "CREATE INDEX article_text_date ON article_text(date DESC, page, article_id)",
        """CREATE VIRTUAL TABLE article_fts USING fts5(
            title, byline, body, content='article_text', content_rowid='article_id',
            tokenize='trigram')""",
        # One character per token: finds 1- and 2-character terms (and any phrase) without
        # scanning the text. Contentless: the tokens are made from article_text on insert.
        "CREATE VIRTUAL TABLE article_chars USING fts5(chars, content='', tokenize='unicode61')",
        # Both indexes are filled in bulk at the end of each import (far faster than a row
        # trigger); deletions follow the rows here.
        """CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, byline, body)
            VALUES ('delete', old.article_id, old.title, old.byline, old.body);
            INSERT INTO article_chars(article_chars, rowid, chars)
            VALUES ('delete', old.article_id, spaced(old.title || ' ' || old.byline || ' ' || old.body));
        END""",
        "CREATE INDEX issues_date ON issues(date)",
        "CREATE INDEX articles_page ON articles(page_id, position)",
        "CREATE INDEX continuations_to ON continuations(to_article)",
    ],
    # 1 -> 2: pages imported from their PDF. The PDF itself is kept in the file, byte for
    # byte, once per file (its SHA-256): an import stays one transaction, a published copy
    # stays one file, and a kiosk reads it read-only with nothing beside it. A page from
    # text has no size and no PDF (NULL); an article's regions are a JSON list of
    # [left, top, right, bottom] in PDF points.
    [
        """CREATE TABLE page_pdfs(
            digest TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL)""",
        "ALTER TABLE pages ADD COLUMN width REAL",
        "ALTER TABLE pages ADD COLUMN height REAL",
        "ALTER TABLE pages ADD COLUMN pdf_digest TEXT REFERENCES page_pdfs(digest)",
        "ALTER TABLE pages ADD COLUMN pdf_index INTEGER",
        "ALTER TABLE articles ADD COLUMN regions TEXT NOT NULL DEFAULT '[]'",
        # Which pages still use a PDF, when pages are replaced or removed; whole, not partial:
        # SQLite checks the foreign key of a deleted PDF only with an index of every row.
        "CREATE INDEX pages_pdf ON pages(pdf_digest)",
    ],
    # 2 -> 3: both search indexes keep which rows hold a token, not where (detail=none):
    # a third of their size. The character index holds pairs of characters too, so a term
    # of one or two characters is one token; a longer term is looked up as all of its
    # trigrams and the rows found are checked against their text (search.run_search). The
    # indexes are made anew from article_text, in the migration's one transaction.
    [
        "DROP TRIGGER article_text_ad",
        "DROP TABLE article_fts",
        "DROP TABLE article_chars",
        """CREATE VIRTUAL TABLE article_fts USING fts5(
            title, byline, body, content='article_text', content_rowid='article_id',
            tokenize='trigram', detail=none)""",
        "CREATE VIRTUAL TABLE article_chars USING fts5(chars, content='', tokenize='unicode61', "
        "detail=none)",
        "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
        "INSERT INTO article_chars(rowid, chars) SELECT article_id, "
        "chars_and_pairs(title || ' ' || byline || ' ' || body) FROM article_text",
        "INSERT INTO article_fts(article_fts) VALUES ('optimize')",
        "INSERT INTO article_chars(article_chars) VALUES ('optimize')",
        """CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, byline, body)
            VALUES ('delete', old.article_id, old.title, old.byline, old.body);
            INSERT INTO article_chars(article_chars, rowid, chars)
            VALUES ('delete', old.article_id,
                    chars_and_pairs(old.title || ' ' || old.byline || ' ' || old.body));
        END""",
    ],
]

assert len(MIGRATIONS) == SCHEMA_VERSION


# What sqlite_master holds in a file of each version, made once per process from the
# statements above (FTS5's shadow tables and SQLite's automatic indexes included).
_EXPECTED: dict[int, frozenset[tuple[str, str, str, str | None]]] = {}
# Tables SQLite makes by itself (ANALYZE, PRAGMA optimize): never a trigger, view or code.
_SQLITE_OWN = {("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
               ("table", "sqlite_stat4", "sqlite_stat4",
                "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)")}


def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, tbl_name, sql) of every schema object a file of ``version`` holds."""
    if version not in _EXPECTED:
        import sqlite3

        from .indexed import chars_and_pairs

        db = sqlite3.connect(":memory:")
        db.create_function("chars_and_pairs", 1, chars_and_pairs, deterministic=True)  # format 3
        try:
            for step in MIGRATIONS[:version]:
                for statement in step:
                    db.execute(statement)
            _EXPECTED[version] = frozenset(
                db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
        finally:
            db.close()
    return _EXPECTED[version]


def schema_difference(found: list[tuple[str, str, str, str | None]], version: int) -> str | None:
    """None when ``found`` (rows of sqlite_master) is exactly what this version makes;
    else the first difference, said briefly (names are cut short: they come from the file)."""
    expected = expected_schema(version)
    ours = {(kind, name): rest for kind, name, *rest in expected}
    for row in sorted(set(found) - expected - _SQLITE_OWN, key=lambda r: (str(r[0]), str(r[1]))):
        kind, name = str(row[0]), str(row[1])
        shown = "".join(ch if ch.isprintable() else "?" for ch in name[:40])
        what = kind if kind in ("table", "index", "trigger", "view") else "object"
        if (kind, name) in ours:
            return f"its {what} {shown!r} is not the one paper-reader made"
        return f"an extra {what} {shown!r}"
    for kind, name, *_ in sorted(expected - set(found)):
        return f"its {kind} {name!r} is missing"
    return None
