"""What the library hands out (issues, papers, search hits, import results) and what it is
asked with (a search query, the papers a reader may see).

Named tuples, not dataclasses: a dataclass compiles its generated methods when the class is
made, and this module is on the window's start-up. ``collections.namedtuple`` rather than
``typing.NamedTuple``: importing typing alone cost a search from the command line some
5 ms. Each class names its fields' types in annotations (postponed: strings, never compiled).
"""

from __future__ import annotations

import json
from collections import namedtuple


class IssueInfo(namedtuple("IssueInfo", "id paper date serial page_count pages")):
    __slots__ = ()
    id: int
    paper: str
    date: str
    serial: int | None
    page_count: int | None
    pages: list[int]


class PaperInfo(namedtuple("PaperInfo", "id name issue_count first_date last_date")):
    __slots__ = ()
    id: int
    name: str
    issue_count: int
    first_date: str
    last_date: str


class SearchHit(namedtuple("SearchHit", "article_id issue_id paper date page position title snippet")):
    __slots__ = ()
    article_id: int
    issue_id: int
    paper: str
    date: str
    page: int
    position: int
    title: str
    snippet: str  # hits wrapped in the markers below
    MARK_START = "\x02"  # not fields: plain class attributes
    MARK_END = "\x03"


class PageResult(namedtuple("PageResult", "paper date number status note kind", defaults=("", ""))):
    __slots__ = ()
    paper: str
    date: str
    number: int
    status: str  # imported, replaced, unchanged
    note: str  # what else the reader should know: a page image gained, or kept
    kind: str  # which note it is (NOTES), for a report in another language

    def line(self) -> str:
        """The result as the import report says it, on the command line and in the window."""
        said = f"{self.paper} {self.date} 第{self.number}版: {self.status}"
        return f"{said} ({self.note})" if self.note else said


# What PageResult.note says when a page's PDF and its text meet (see store: the PDF wins).
GAINED_IMAGE = "now with its page image, from its PDF"
KEPT_PDF = "kept the page as imported from its PDF; the text adds nothing"
# Their kinds: what a window's summary tells apart and words in its own language.
GAINED_IMAGE_KIND = "gained_image"
KEPT_PDF_KIND = "kept_pdf"
NOTES = {GAINED_IMAGE_KIND: GAINED_IMAGE, KEPT_PDF_KIND: KEPT_PDF}


class Removal(namedtuple("Removal", "paper date page issues pages articles")):
    """What a removal takes (or took): a paper (date None), an issue (page None) or a page."""

    __slots__ = ()
    paper: str
    date: str | None
    page: int | None
    issues: int
    pages: int
    articles: int


class SearchQuery(namedtuple("SearchQuery", "text paper date_from date_to in_article",
                             defaults=(None, None, None, False))):
    """What a reader searches for: words in either script, and where to look.

    ``date_from`` and ``date_to`` are ISO dates, both included. ``in_article`` asks for the
    words in the article open in the reader rather than in the library: the window finds
    those itself, and ``Library.search`` never looks at it.
    """

    __slots__ = ()
    text: str
    paper: str | None
    date_from: str | None
    date_to: str | None
    in_article: bool

    def terms(self) -> list[str]:
        """The words as typed, to mark in what is shown."""
        return self.text.split()


class Scope(namedtuple("Scope", "papers", defaults=((),))):
    """The papers a library shows (a kiosk's list); empty: every paper.

    Every read puts ``where`` into its SQL, so nothing of another paper is ever read, let
    alone filtered out afterwards.
    """

    __slots__ = ()
    papers: tuple[str, ...]

    def where(self, paper_id: str) -> tuple[str, tuple[str, ...]]:
        """SQL true when the column or expression ``paper_id`` names a paper in scope, and
        its arguments. The names go in as one JSON list: a configuration may name more
        papers than SQLite takes arguments."""
        if not self.papers:
            return "1", ()
        return (f"{paper_id} IN (SELECT id FROM papers WHERE name IN "
                "(SELECT value FROM json_each(?)))"), (json.dumps(self.papers),)


EVERY_PAPER = Scope()
