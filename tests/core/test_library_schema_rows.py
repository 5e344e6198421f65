"""The schema check's written-out answer for the current format (core.library.schema_rows).

Opening a library compares its sqlite_master with what this version's migrations make;
making that in memory (every table and both FTS5 indexes) was the larger part of opening a
library in a fresh process. The rows of the current format are written out instead, and the
check runs the migrations only for a file that differs from them. This test makes the rows
again and fails when a migration changed without them. To write them anew:
``.venv/bin/python -m tests.core.test_library_schema_rows``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paper_reader.core.library import ForeignLibraryError, Library
from paper_reader.core.library.schema import SCHEMA_VERSION, expected_schema

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "src" / "paper_reader" / "core" / "library" / "schema_rows.py"


def _pieces(sql: str, width: int = 80) -> list[str]:
    """The statement cut at its line ends, and long lines at spaces, to write on lines."""
    pieces: list[str] = []
    for line in sql.splitlines(keepends=True):
        while len(line) > width and " " in line[:width]:
            cut = line.rindex(" ", 0, width) + 1
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return pieces


def module_text() -> str:
    rows = ""
    for kind, name, table, sql in sorted(expected_schema(SCHEMA_VERSION), key=lambda r: (r[0], r[1])):
        rows += f"    ({kind!r}, {name!r}, {table!r},\n"
        shown = [repr(p) for p in _pieces(sql)] if sql is not None else ["None"]
        rows += "".join(f"     {p}\n" for p in shown[:-1]) + f"     {shown[-1]}),\n"
    return (
        '"""What sqlite_master holds in a library file of the current format, row for row, as\n'
        "this version's migrations make it (written out by tests/core/test_library_schema_rows.py,\n"
        "which checks it): a file that holds exactly these is checked without making the schema\n"
        'in memory (see connection)."""\n\n'
        f"VERSION = {SCHEMA_VERSION}\n\n"
        "ROWS = frozenset({\n" + rows + "})\n")


def test_the_rows_are_what_the_migrations_make() -> None:
    assert MODULE.read_text(encoding="utf-8") == module_text(), (
        "the schema changed: write core/library/schema_rows.py anew "
        "(.venv/bin/python -m tests.core.test_library_schema_rows)")


def test_a_library_of_the_current_format_opens_without_making_the_schema(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    from paper_reader.core.library import connection

    made: list[int] = []
    monkeypatch.setattr(connection, "schema_difference",
                        lambda found, version: made.append(version))  # type: ignore[func-returns-value]
    for readonly in (True, False):
        Library(path, readonly=readonly).close()
    assert made == []


@pytest.mark.parametrize("readonly", [True, False])
def test_a_file_that_differs_is_still_checked_in_full(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute("CREATE INDEX extra ON papers(pinyin)")
    db.commit()
    db.close()
    with pytest.raises(ForeignLibraryError, match="an extra index 'extra'"):
        Library(path, readonly=readonly)


def test_statistics_tables_are_still_let_through(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute("ANALYZE")
    db.commit()
    db.close()
    Library(path, readonly=True).close()


if __name__ == "__main__":
    MODULE.write_text(module_text(), encoding="utf-8")
    print(f"wrote {MODULE}")
