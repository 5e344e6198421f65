"""A long run of Latin letters with no break in it: shown with break opportunities (Qt's
layout of an unbroken run grows with the square of its length), and an article's text is
shown up to a bound; what is stored and searched stays exactly as printed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from paper_reader.app import ReaderApp, build
from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.ui.views.article_html import BREAK, LONG_RUN, SHOWN_CHARS

LEAD = "本报讯(记者 林晓雯)3月14日,"
# 10,500 letters with no break opportunity in them: three-letter numerals counting up, so
# that any stretch of it is found once.
RUN = "".join(chr(97 + n // 676) + chr(97 + n // 26 % 26) + chr(97 + n % 26) for n in range(3500))
LETTERS = re.compile("[a-z]+")


def long_run_app(qtbot, tmp_path: Path, sample_dir: Path, run: str) -> ReaderApp:
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in sample_dir.glob("*.txt"):
        text = page.read_text(encoding="utf-8")
        if page.name == "page1.txt":
            text = text.replace(LEAD, LEAD + run, 1)
        (pages / page.name).write_text(text, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [pages]).errors
    parts = build(path)
    qtbot.addWidget(parts.window)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    parts.reader.go_page(1)
    parts.reader.select_article(0)
    return parts


def longest_run(text: str) -> int:
    return max((len(m) for m in LETTERS.findall(text)), default=0)


@pytest.fixture
def app(qtbot, tmp_path: Path, sample_dir: Path):  # type: ignore[no-untyped-def]
    parts = long_run_app(qtbot, tmp_path, sample_dir, RUN)
    yield parts
    if parts.tools.search.built is not None:
        parts.tools.search.built.wait()
    parts.library.close()


def test_long_runs_are_shown_with_break_opportunities(app: ReaderApp) -> None:
    w = app.window
    lead = app.reader.article()
    assert lead is not None and RUN in lead.paragraphs[0]
    shown = w.article_view.browser.document().toPlainText()
    assert BREAK in shown and longest_run(shown) <= LONG_RUN
    assert shown.replace(BREAK, "").count(RUN) == 1  # the same letters, all of them
    # The page overview and the printed article lay out the same text.
    w.show_overview_tab()
    app.presenter.show_overview()
    overview = w.overview.document().toPlainText()
    assert RUN[:60] in overview.replace(BREAK, "") and longest_run(overview) <= LONG_RUN
    html = app.tools.printing.parts()[3]
    printed = QTextDocument()
    printed.setHtml(html)
    assert longest_run(printed.toPlainText()) <= LONG_RUN
    assert printed.toPlainText().replace(BREAK, "").count(RUN) == 1


def test_stored_and_searched_text_keep_no_breaks(app: ReaderApp, tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "library.sqlite3")
    stored = "".join(row[0] for row in con.execute("SELECT paragraphs || body FROM articles "
                                                   "JOIN article_text ON article_id = articles.id"))
    con.close()
    assert RUN in stored and BREAK not in stored
    across = RUN[LONG_RUN - 5:LONG_RUN + 40]  # spans where the display has break opportunities
    hits = app.library.search(across)
    assert [h.title for h in hits] == [app.reader.article().title]  # type: ignore[union-attr]
    assert BREAK not in hits[0].snippet
    # Found in the article view too, and marked over the breaks.
    assert app.tools.search.highlight([across]) == 1
    (mark,) = app.window.article_view.browser.extraSelections()
    assert mark.cursor.selectedText().replace(BREAK, "") == across
    # Copying gives the text as printed.
    browser = app.window.article_view.browser
    browser.selectAll()
    copied = browser.createMimeDataFromSelection().text()
    assert RUN in copied and BREAK not in copied


def test_an_article_is_shown_up_to_a_bound(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    run = "x" * (SHOWN_CHARS * 3)  # as a page may hold, within the importer's 5 MB
    app = long_run_app(qtbot, tmp_path, sample_dir, run)
    try:
        lead = app.reader.article()
        assert lead is not None and run in lead.paragraphs[0]  # the article is whole
        doc = app.window.article_view.browser.document()
        assert doc.characterCount() < SHOWN_CHARS * 1.2
        shown = doc.toPlainText()
        left_out = sum(map(len, lead.paragraphs)) + sum(map(len, lead.captions)) - SHOWN_CHARS
        assert f"以下 {left_out} 字未显示" in shown
        assert app.library.search("xxxxxxxx")  # and searched in full
    finally:
        app.library.close()
