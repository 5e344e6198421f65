"""What the library hands out (issues, papers, search hits, import results) and what it is
asked with (a search query, the papers a reader may see).

Named tuples, not dataclasses: a dataclass compiles its generated methods when the class is
made, and this module is on the window's start-up. Their annotations are real types, not
postponed (no ``from __future__ import annotations``): NamedTuple compiles each field's
annotation given as a string, forty compilations that cost more than all the rest of a
search's own modules.
"""

import json
from typing import NamedTuple


class IssueInfo(NamedTuple):
    id: int
    paper: str
    date: str
    serial: int | None
    page_count: int | None
    pages: list[int]


class PaperInfo(NamedTuple):
    id: int
    name: str
    issue_count: int
    first_date: str
    last_date: str


class SearchHit(NamedTuple):
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


class PageResult(NamedTuple):
    paper: str
    date: str
    number: int
    status: str  # imported, replaced, unchanged
    note: str = ""  # what else the reader should know: a page image gained, or kept
    kind: str = ""  # which note it is (NOTES), for a report in another language

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


class Removal(NamedTuple):
    """What a removal takes (or took): a paper (date None), an issue (page None) or a page."""

    paper: str
    date: str | None
    page: int | None
    issues: int
    pages: int
    articles: int


class SearchQuery(NamedTuple):
    """What a reader searches for: words in either script, and where to look.

    ``date_from`` and ``date_to`` are ISO dates, both included. ``in_article`` asks for the
    words in the article open in the reader rather than in the library: the window finds
    those itself, and ``Library.search`` never looks at it.
    """

    text: str
    paper: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    in_article: bool = False

    def terms(self) -> list[str]:
        """The words as typed, to mark in what is shown."""
        return self.text.split()


class Scope(NamedTuple):
    """The papers a library shows (a kiosk's list); empty: every paper.

    Every read puts ``where`` into its SQL, so nothing of another paper is ever read, let
    alone filtered out afterwards.
    """

    papers: tuple[str, ...] = ()

    def where(self, paper_id: str) -> tuple[str, tuple[str, ...]]:
        """SQL true when the column or expression ``paper_id`` names a paper in scope, and
        its arguments. The names go in as one JSON list: a configuration may name more
        papers than SQLite takes arguments."""
        if not self.papers:
            return "1", ()
        return (f"{paper_id} IN (SELECT id FROM papers WHERE name IN "
                "(SELECT value FROM json_each(?)))"), (json.dumps(self.papers),)


EVERY_PAPER = Scope()
