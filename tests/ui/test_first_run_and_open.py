"""The fictional sample goes into the default library on its first run only; --open counts
pages and articles from 1."""

from __future__ import annotations

from pathlib import Path

from paper_reader.app import build
from paper_reader.core.library import Library
from paper_reader.core.paths import default_library
from paper_reader.core.reading.history import Location
from paper_reader.ui.shell.session import Session
from paper_reader.ui.shell.startup import initial_location, open_spec


def test_a_library_named_with_db_gets_no_sample(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    parts = build(path)
    qtbot.addWidget(parts.window)
    try:
        assert parts.library.is_empty() and parts.reader.issue is None
    finally:
        parts.library.close()
    Library(path).close()
    assert not default_library().exists()  # and the default library was not touched either


def test_the_default_library_gets_it_once(qtbot) -> None:
    parts = build(default_library())
    qtbot.addWidget(parts.window)
    assert [p.name for p in parts.library.papers()] == ["松河日报"]
    parts.library.remove("松河日报")  # the reader removed it: it does not come back
    parts.window.close()
    parts.library.close()
    again = build(default_library())
    qtbot.addWidget(again.window)
    try:
        assert again.library.is_empty() and again.reader.issue is None
    finally:
        again.library.close()


def test_open_counts_pages_and_articles_from_one() -> None:
    assert open_spec("2024-03-15/2/1") == ("2024-03-15", 2, 0)
    assert open_spec("2024-03-15/3/4") == ("2024-03-15", 3, 3)
    assert open_spec("2024-03-15/1/0") == ("2024-03-15", 1, None)  # there is no article 0
    assert open_spec("2024-03-15/0") == ("2024-03-15", 1, None)
    assert open_spec("2024-03-15") == ("2024-03-15", 1, None)
    assert open_spec("2024-03-15/²/x") == ("2024-03-15", 1, None)


def test_open_shows_the_article_people_mean(reader_app) -> None:
    library, window = reader_app.library, reader_app.window
    loc = initial_location(library, Session(), "2024-03-15/3/2", None)
    assert loc == Location(library.find_issue(None, "2024-03-15"), 3, 1)
    reader_app.reader.open(loc)
    second = reader_app.reader.issue.page(3).articles[1]
    assert window.article_list.currentIndex().row() == 1
    assert second.title in window.article_view.plain_text()
