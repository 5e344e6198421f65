"""The issue a start opens: the latest date in the papers shown, the first paper by name on
that date, or a paper's own latest."""

from __future__ import annotations

from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library

from .test_library_scope import pages


def _latest(lib: Library, paper: str | None = None) -> tuple[str, str] | None:
    found = lib.latest_issue(paper)
    if found is None:
        return None
    info = lib.issue_info(found)
    return info.paper, info.date


def test_the_latest_date_then_the_first_paper_by_name(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    folders = (pages(SAMPLE, tmp_path / "p", "乙城日报", ("15", "17"))
               + pages(SAMPLE, tmp_path / "p", "甲城日报", ("16", "17"))
               + pages(SAMPLE, tmp_path / "p", "丙城日报", ("16",)))
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert lib.latest_issue() is None  # an empty library has none
        import_paths(lib, folders)
        first = min(["乙城日报", "甲城日报"])  # SQLite's order of names: by code point
        assert _latest(lib) == (first, "2024-03-17")
        assert _latest(lib, "丙城日报") == ("丙城日报", "2024-03-16")
        assert _latest(lib, "乙城日报") == ("乙城日报", "2024-03-17")
        assert _latest(lib, "人民日报") is None
    with Library(tmp_path / "lib.sqlite3", readonly=True, papers=("丙城日报", "甲城日报")) as shown:
        assert _latest(shown) == ("甲城日报", "2024-03-17")
        assert _latest(shown, "乙城日报") is None  # not shown: as if absent
    with Library(tmp_path / "lib.sqlite3", readonly=True, papers=("丙城日报",)) as shown:
        assert _latest(shown) == ("丙城日报", "2024-03-16")
