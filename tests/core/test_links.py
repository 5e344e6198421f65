"""The window's own links, ``page:N/M`` and ``article:M``: written and read back in one place,
strictly (no Qt here)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paper_reader.core.limits import MAX_PAGE
from paper_reader.core.model import Link
from paper_reader.core.reading.links import (
    ARTICLE_DIGITS,
    PageLink,
    article_href,
    href,
    parse,
    parse_article,
)

LAST_ARTICLE = 10**ARTICLE_DIGITS - 1


def test_the_written_form() -> None:
    assert href(Link(3)) == "page:3"
    assert href(Link(2, 0)) == "page:2/0"
    assert href(Link(MAX_PAGE, LAST_ARTICLE)) == f"page:{MAX_PAGE}/{LAST_ARTICLE}"
    assert article_href(0) == "article:0" and article_href(12) == "article:12"


def test_read_back() -> None:
    assert parse("page:3") == PageLink(3, None)
    assert parse("page:2/0") == PageLink(2, 0)
    assert parse("page:999/9999999") == PageLink(999, 9_999_999)
    assert parse_article("article:7") == 7


@given(st.integers(1, MAX_PAGE), st.one_of(st.none(), st.integers(0, LAST_ARTICLE)))
def test_every_link_in_bounds_reads_back_as_written(page: int, article: int | None) -> None:
    assert parse(href(Link(page, article))) == PageLink(page, article)


@given(st.integers(0, LAST_ARTICLE))
def test_every_article_index_reads_back_as_written(index: int) -> None:
    assert parse_article(article_href(index)) == index


HOSTILE = [
    "", "page", "page:", "page:/", "page:/0", "Page:1", "PAGE:1", " page:1", "page :1",
    "page:0", "page:1000", "page:01", "page:001", "page:-1", "page:+1", "page:1.0", "page:1e2",
    "page: 1", "page:1 ", "page:1\n", "page:1\r\n", "page:1\x00", "page:1\t",
    "page:１", "page:²", "page:٣", "page:一", "page:0x1",
    "page:1/", "page:1//0", "page:1/0/", "page:1/0/0", "page:1/01", "page:1/-1", "page:1/+0",
    "page:1/ 0", "page:1/0 ", "page:1/０", f"page:1/{LAST_ARTICLE + 1}", "page:1/a",
    "page:1?x=1", "page:1#frag", "page:1/0#x", "page:1;x", "page:1%2F0", "page://1",
    "page:" + "9" * 100_000, "page:1/" + "0" * 100_000, "page:1/" + "1" * 100_000,
    "page:" + "1" * 4300,  # past int()'s digit limit: must not reach int() at all
    "article:1", "javascript:alert(1)", "http://example.com/page:1", "file:///page:1",
    "mailto:page:1", "page:1<script>",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:24]))
def test_anything_else_is_not_a_continuation(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize("text", [
    "", "article:", "article:-1", "article:01", "article:+1", "article: 1", "article:1 ",
    "article:1\n", "article:１", "article:²", "article:1/0", "article:1.5", "Article:1",
    f"article:{LAST_ARTICLE + 1}", "article:" + "9" * 100_000, "page:1", "article:1#x",
], ids=lambda t: repr(t[:24]))
def test_anything_else_is_not_an_article_of_the_page(text: str) -> None:
    assert parse_article(text) is None


@given(st.text(max_size=40))
def test_any_text_reads_as_a_bounded_link_or_none(text: str) -> None:
    link = parse(text)
    assert link is None or (1 <= link.page <= MAX_PAGE and href(Link(*link)) == text)
    index = parse_article(text)
    assert index is None or article_href(index) == text


@pytest.mark.parametrize("link", [Link(0), Link(MAX_PAGE + 1), Link(-3), Link(1, -1),
                                  Link(1, LAST_ARTICLE + 1)], ids=repr)
def test_a_link_past_the_bounds_is_not_written(link: Link) -> None:
    """The parser and the library bound pages and places: such a Link is a bug upstream,
    said at once rather than written as a link nothing reads back."""
    with pytest.raises(ValueError):
        href(link)


def test_an_article_index_past_the_bounds_is_not_written() -> None:
    for index in (-1, LAST_ARTICLE + 1):
        with pytest.raises(ValueError):
            article_href(index)


def test_the_reading_core_needs_no_qt() -> None:
    """Following continuations and reading links are plain Python: importing them (and what
    they import) loads no part of PySide."""
    probe = ("import sys\n"
             "import paper_reader.core.reading.continuation, paper_reader.core.reading.links\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
