"""Every value read from a library file, checked once on its way into the model.

A library file may have been written by anything (an older version, another program, a
crafted file): SQLite gives back whatever a column holds, a BLOB for a title, text for a
page number, a negative continuation page. Each reader of the model trusts its types and
ranges, and Qt crashes on some of them, so nothing leaves the library unchecked: a value
out of shape makes the read fail with one DamagedLibraryError line naming what it was.
"""

from __future__ import annotations

import json

from ..limits import MAX_PAGE
from ..model import Article, Link, Page, PagePdf, Region, region
from ..problems import told
from .file import DamagedLibraryError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from typing import Any

    from .file import PathName

MAX_ID = 2**63 - 1
# No text field, and no count of things on a page, can be larger than the page file it
# came from (decoding.MAX_PAGE_BYTES).
MAX_TEXT = 5 * 1024 * 1024
MAX_POSITION = MAX_TEXT  # an article's place on its page
MAX_NAME = 1000  # an article's kind, a masthead fact's name
# A page's geometry: PDF's own limit on a page's side is 14,400 points (200 inches), and
# no article of a newspaper page is cut into more than a few dozen rectangles.
MAX_PAGE_POINTS = 14_400.0
MAX_REGIONS = 200
# A stored page PDF: as large, and as many pages, as an import takes (sources.pdf_document,
# not imported here: it loads PDFium, which a read of the library never needs).
MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PDF_PAGES = 500
HEX_DIGITS = frozenset("0123456789abcdef")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class Rows:
    """Checks for one library file: its path goes into every message."""

    def __init__(self, path: PathName) -> None:
        self.path = path

    def damaged(self, what: str) -> DamagedLibraryError:
        return DamagedLibraryError(told("damaged", file=self.path, reason=what))

    def integer(self, value: object, what: str, low: int = 1, high: int = MAX_ID,
                optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if type(value) is not int or not low <= value <= high:
            raise self.damaged(f"{what} is {_shown(value)}, not a number from {low} to {high}")
        return value

    def page(self, value: object, what: str, optional: bool = False) -> Any:
        return self.integer(value, what, 1, MAX_PAGE, optional)

    def text(self, value: object, what: str, limit: int = MAX_TEXT, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.damaged(f"{what} is {_shown(value)}, not a text")
        if len(value) > limit:
            raise self.damaged(f"{what} is {len(value)} characters long (at most {limit})")
        return value

    def date(self, value: object, what: str) -> str:
        """An ISO date, YYYY-MM-DD, that is a day of the calendar."""
        text = self.text(value, what, 10)
        ok = (len(text) == 10 and text[4] == "-" and text[7] == "-"
              and (text[:4] + text[5:7] + text[8:]).isascii()
              and (text[:4] + text[5:7] + text[8:]).isdigit())
        if ok:
            year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            ok = 1 <= month <= 12 and 1 <= day <= (_DAYS[month - 1] - (month == 2 and not leap))
        if not ok:
            raise self.damaged(f"{what} is {_shown(value)}, not a date (YYYY-MM-DD)")
        return text

    def texts(self, value: object, what: str) -> list[str]:
        """A JSON list of texts, as every list column is written."""
        items = self._json(value, what)
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise self.damaged(f"{what} is not a list of texts")
        if sum(len(x) for x in items) > MAX_TEXT:
            raise self.damaged(f"{what} is longer than any page")
        return items

    def masthead(self, value: object, what: str) -> dict[str, Any]:
        """The masthead's facts: names to a text, a whole number or a list of texts.
        (JSON keeps a number short enough to print: json.loads refuses 4,300 digits.)"""
        facts = self._json(value, what)
        if not isinstance(facts, dict):
            raise self.damaged(f"{what} is not a set of masthead facts")
        for key, fact in facts.items():
            self.text(key, f"a name in {what}", MAX_NAME)
            shape = (fact is None or type(fact) is int or isinstance(fact, str)
                     or (isinstance(fact, list) and all(isinstance(x, str) for x in fact)))
            if not shape:
                raise self.damaged(f"{what} {key[:40]!r} is {_shown(fact)}")
        return facts  # type: ignore[no-any-return]

    def texts_or_numbers(self, value: object, what: str) -> list[Any]:
        """A JSON list made by SQLite (json_group_array): its items as stored, to check."""
        items = self._json(value, what)
        if not isinstance(items, list):
            raise self.damaged(f"{what} are not a list")
        return items

    def digest(self, value: object, what: str) -> str:
        """A SHA-256 as stored: 64 lower-case hexadecimal digits."""
        if not (isinstance(value, str) and len(value) == 64 and set(value) <= HEX_DIGITS):
            raise self.damaged(f"{what} is {_shown(value)}, not a SHA-256 digest")
        return value

    def size(self, width: object, height: object, what: str) -> tuple[float, float] | None:
        """A page's width and height in points; None (both empty) for a page from text."""
        if width is None and height is None:
            return None
        for value in (width, height):
            if type(value) not in (int, float) or not 0 < value <= MAX_PAGE_POINTS:  # type: ignore[operator]
                raise self.damaged(f"{what} is {_shown(value)}, not a size from 0 to "
                                   f"{MAX_PAGE_POINTS:g} points")
        return float(width), float(height)  # type: ignore[arg-type]

    def regions(self, value: object, what: str) -> list[Region]:
        """A JSON list of at most MAX_REGIONS [left, top, right, bottom], each a region."""
        items = self._json(value, what)
        if not isinstance(items, list):
            raise self.damaged(f"{what} are not a list")
        if len(items) > MAX_REGIONS:
            raise self.damaged(f"{what} are {len(items):,} rectangles (at most {MAX_REGIONS})")
        found: list[Region] = []
        for item in items:
            # region() takes what float() takes; a stored coordinate is a JSON number only.
            if not (isinstance(item, list) and all(type(v) in (int, float) for v in item)):
                raise self.damaged(f"{what} hold {_shown(item)}, not four numbers")
            try:
                found.append(region(item))
            except ValueError:
                raise self.damaged(f"{what} hold {_shown(item)}, not a rectangle on a page") from None
        return found

    def page_row(self, r: Any) -> Page:
        """A row of ``pages`` (id, number, label, section, header, unplaced, width, height,
        pdf_digest, pdf_index)."""
        page = Page(number=self.page(r["number"], "a page number"),
                    label=self.text(r["label"], "a page's label"),
                    section=self.text(r["section"], "a page's section", optional=True),
                    header=self.texts(r["header"], "a page's running header"),
                    unplaced=self.texts(r["unplaced"], "a page's unplaced lines"))
        page.id = self.integer(r["id"], "a page's row")
        what = f"page {page.number}"
        page.size = self.size(r["width"], r["height"], f"the size of {what}")
        digest, index = r["pdf_digest"], r["pdf_index"]
        if digest is not None or index is not None:
            page.pdf = PagePdf(self.digest(digest, f"the PDF of {what}"),
                               self.integer(index, f"the place of {what} in its PDF", 0,
                                            MAX_PDF_PAGES - 1))
            if page.size is None:  # every PDF page has a size: one is lost
                raise self.damaged(f"{what} has a PDF but no size")
        return page

    def article_row(self, r: Any) -> Article:
        """A row of ``articles``, by column name."""
        n = self.integer(r["id"], "an article's row")
        what = f"article {n}"
        self.integer(r["position"], f"the place of {what}", 0, MAX_POSITION)
        to_page = self.page(r["continues_to_page"], f"the page {what} continues on", True)
        from_page = self.page(r["continued_from_page"], f"the page {what} continues from", True)
        art = Article(
            title=self.text(r["title"], f"the title of {what}"),
            kicker=self.text(r["kicker"], f"the kicker of {what}", optional=True),
            subtitle=self.text(r["subtitle"], f"the subtitle of {what}", optional=True),
            column=self.text(r["column_label"], f"the column of {what}", optional=True),
            byline=self.text(r["byline"], f"the byline of {what}", optional=True),
            authors=self.texts(r["authors"], f"the authors of {what}"),
            kind=self.text(r["kind"], f"the kind of {what}", MAX_NAME),
            paragraphs=self.texts(r["paragraphs"], f"the text of {what}"),
            captions=self.texts(r["captions"], f"the captions of {what}"),
            signature=self.texts(r["signature"], f"the signature of {what}"),
            continues_to=Link(to_page) if to_page is not None else None,
            continued_from=Link(from_page) if from_page is not None else None,
            regions=self.regions(r["regions"], f"the regions of {what}"))
        art.id = n
        return art

    def _json(self, value: object, what: str) -> Any:
        text = self.text(value, what)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: [[[[…]]]] nested past the stack
            raise self.damaged(f"{what} is not readable") from None


def _shown(value: object) -> str:
    """A stored value in a message: its kind, and a short printable piece of it."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"a blob of {len(value)} bytes"
    if value is None:
        return "empty"
    text = repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 30 else text[:29] + "…"
