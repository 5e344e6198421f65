"""How an import writes the search indexes and what cache it writes them with.

The indexes are written once per import, from the rows it added (``index_new``), and the
import runs with a larger page cache (``import_cache``); both bounded whatever its size.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

IMPORT_CACHE_KIB = 64 * 1024
SQLITE_DEFAULT_CACHE = -2000  # KiB, as PRAGMA cache_size gives it
INDEXES = ("article_fts", "article_chars")
FTS5_AUTOMERGE, FTS5_CRISIS_MERGE = 4, 16  # FTS5's own defaults
# Segments of one level that are merged at once even while merging is off: FTS5 refuses
# a 2,000th segment, and a library's index holds a few dozen before an import.
BULK_CRISIS_MERGE = 1000


def _merging(db: sqlite3.Connection, automerge: int, crisismerge: int) -> None:
    """How both indexes merge their segments (FTS5 keeps it in the file, within the
    transaction: a failed import leaves the defaults as they were)."""
    for table in INDEXES:
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (automerge,))
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('crisismerge', ?)", (crisismerge,))


@contextmanager
def import_cache(db: sqlite3.Connection) -> Iterator[None]:
    """A larger page cache while an import writes (SQLite's default is 2 MiB): the search
    indexes' merges read back what the import wrote, and each read past the cache looks
    the page up in a -wal file as large as the import. Bounded, whatever the import;
    a cache set otherwise on this connection (a test's, to spill) is left as it is."""
    previous = db.execute("PRAGMA cache_size").fetchone()[0]
    if previous != SQLITE_DEFAULT_CACHE:
        yield
        return
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        try:
            db.execute(f"PRAGMA cache_size = {int(previous)}")
        except sqlite3.Error:
            pass  # the import's own error is the one to tell


def index_new(db: sqlite3.Connection, last_id: int) -> None:
    """Index the rows this import added (new rows get ids above every older one).

    FTS5 keeps its index as segments merged four at a time as they come, which costs
    more per row the larger the index grows. An import that brings at least as many
    articles as the library held (a new library's first, an archive at once) merges
    nothing while it writes and makes the index one segment at the end: every row is
    then written twice, whatever the size. A smaller import keeps FTS5's own merging,
    which costs in proportion to what it brings, not to the library."""
    added = db.execute("SELECT count(*) FROM article_text WHERE article_id > ?",
                       (last_id,)).fetchone()[0]
    whole = added > 0 and added >= last_id
    if whole:
        _merging(db, automerge=0, crisismerge=BULK_CRISIS_MERGE)
    db.execute(
        "INSERT INTO article_fts(rowid, title, byline, body) "
        "SELECT article_id, title, byline, body FROM article_text WHERE article_id > ?", (last_id,))
    db.execute(
        "INSERT INTO article_chars(rowid, chars) SELECT article_id, "
        "chars_and_pairs(title || ' ' || byline || ' ' || body) FROM article_text WHERE article_id > ?",
        (last_id,))
    if whole:
        for table in INDEXES:
            db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        _merging(db, automerge=FTS5_AUTOMERGE, crisismerge=FTS5_CRISIS_MERGE)
