"""The links inside the window's own markup, written and read back in one place.

``page:N`` or ``page:N/M`` is a continuation (下转/上接): article M of page N, or page N alone
while the article there is not known. ``article:M`` is article M of the open page, in the
page overview. The article view and the overview write them; the reader reads them back when
one is clicked. Reading is strict: exactly what is written here, within bounds (a page number
1 … MAX_PAGE, an article index of at most ARTICLE_DIGITS digits, no sign, no leading zero, no
space); anything else is not a link. Plain string checks rather than a regular expression: this
module is on the window's start-up.
"""

from __future__ import annotations

from typing import NamedTuple

from ..limits import MAX_PAGE
from ..model import Link

PAGE = "page:"
ARTICLE = "article:"
# An article's index on its page: a 5 MB page cannot hold ten million articles (each takes a
# line of its own), and the library keeps an article's place below that too.
ARTICLE_DIGITS = 7


class PageLink(NamedTuple):
    """Where a continuation link points: a page, and the article on it when known."""

    page: int
    article: int | None = None


def href(link: Link) -> str:
    """``page:N/M``, or ``page:N`` while the article is not known."""
    if _number(str(link.page), 1, MAX_PAGE) is None or (
            link.article is not None and _article(str(link.article)) is None):
        raise ValueError(f"a link past the bounds: {link!r}")  # the parser and the library bound both
    return f"{PAGE}{link.page}" if link.article is None else f"{PAGE}{link.page}/{link.article}"


def parse(text: str) -> PageLink | None:
    """The continuation ``text`` names, or None when it is not one written by ``href``."""
    if not text.startswith(PAGE) or len(text) > len(PAGE) + 3 + 1 + ARTICLE_DIGITS:
        return None
    page_part, slash, article_part = text[len(PAGE):].partition("/")
    page = _number(page_part, 1, MAX_PAGE)
    if page is None:
        return None
    if not slash:
        return PageLink(page)
    article = _article(article_part)
    return None if article is None else PageLink(page, article)


def article_href(index: int) -> str:
    """``article:M``: article M of the page shown in the overview."""
    if _article(str(index)) is None:
        raise ValueError(f"not an article's index: {index!r}")
    return f"{ARTICLE}{index}"


def parse_article(text: str) -> int | None:
    """The article index ``text`` names, or None when it is not one written by ``article_href``."""
    if not text.startswith(ARTICLE) or len(text) > len(ARTICLE) + ARTICLE_DIGITS:
        return None
    return _article(text[len(ARTICLE):])


def _article(text: str) -> int | None:
    return _number(text, 0, 10 ** ARTICLE_DIGITS - 1)


def _number(text: str, low: int, high: int) -> int | None:
    """``text`` as a number when it is written in ASCII digits with no leading zero and lies
    within ``low`` … ``high``; else None. (str.isdigit alone takes ² and full-width digits.)"""
    if not text or len(text) > len(str(high)) or not (text.isascii() and text.isdigit()):
        return None
    if len(text) > 1 and text[0] == "0":
        return None
    value = int(text)
    return value if low <= value <= high else None
