"""The window's links, clicked: what the article view and the overview write, the reader reads
back (core.reading.links), and anything else leads nowhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from paper_reader.app import ReaderApp
from paper_reader.core.reading.history import Location
from paper_reader.core.reading.links import parse, parse_article


def anchors(doc: QTextDocument) -> list[str]:
    found, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isAnchor() and (not found or found[-1] != f.anchorHref()):
                found.append(f.anchorHref())
            it += 1
        block = block.next()
    return found


def open_article(app: ReaderApp, page: int, row: int) -> None:
    app.reader.open(Location(app.reader.issue.id, page, row))
    app.window.show_article_tab()


def place(app: ReaderApp) -> tuple[int, int | None]:
    loc = app.reader.location
    return loc.page, loc.article


def click(app: ReaderApp, href: str) -> None:
    app.window.article_view.browser.anchorClicked.emit(QUrl(href))


def test_a_continuation_is_followed_both_ways(reader_app: ReaderApp) -> None:
    """The 评论员 article: 下转第二版 on page 1 leads to its part on page 2, 上接第一版 back."""
    open_article(reader_app, 1, 6)
    written = anchors(reader_app.window.article_view.browser.document())
    assert written == ["page:2/4"] and parse(written[0]) is not None
    click(reader_app, written[0])
    assert place(reader_app) == (2, 4)
    written = anchors(reader_app.window.article_view.browser.document())
    assert written == ["page:1/6"]
    click(reader_app, written[0])
    assert place(reader_app) == (1, 6)


def test_a_link_to_a_page_not_in_the_library_says_so(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 6)
    notice = reader_app.window.article_view.notice
    click(reader_app, "page:9")
    assert place(reader_app) == (1, 6)
    qtbot.waitUntil(notice.isVisible)
    assert "第九版未收录" in notice.text()


@pytest.mark.parametrize("href", ["page:2/4 ", "page:02/4", "page:２/4", "page:1000", "page:2/4#x",
                                  "javascript:alert(1)", "article:3", "page:2/4/1", "page:"])
def test_anything_else_clicked_in_the_article_goes_nowhere(reader_app: ReaderApp, href: str) -> None:
    open_article(reader_app, 1, 6)
    moved: list[object] = []
    reader_app.reader.locationChanged.connect(moved.append)
    reader_app.reader.linkMissing.connect(moved.append)
    click(reader_app, href)
    assert place(reader_app) == (1, 6) and moved == []
    assert not reader_app.window.article_view.notice.isVisible()


def test_the_overview_links_each_article_of_the_page(reader_app: ReaderApp) -> None:
    reader_app.reader.go_page(2)
    reader_app.window.show_overview_tab()
    reader_app.presenter.show_overview()
    overview = reader_app.window.overview
    written = anchors(overview.document())
    count = len(reader_app.reader.page().articles)
    # Each title is a link, and so is a 下转 note under its block.
    assert sorted({parse_article(h) for h in written}) == list(range(count))
    overview.anchorClicked.emit(QUrl(written[-1]))
    assert place(reader_app) == (2, parse_article(written[-1]))
    for hostile in ("article:-1", "article:01", "article:x", "page:2/0", "article:"):
        overview.anchorClicked.emit(QUrl(hostile))
        assert place(reader_app) == (2, parse_article(written[-1])), hostile
