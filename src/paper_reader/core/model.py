"""The data model, in the newspaper's own terms: issue, page (版), article."""

from __future__ import annotations

from .limits import MAX_NUMERAL_CHARS, MAX_PAGE_COUNT

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, ClassVar

    from .problems import Problem


class Record:
    """Equality and repr over the fields a class names, as a dataclass would give them.

    The model's classes are written out rather than dataclasses: a dataclass compiles its
    generated methods when the class is made, and this module is on the window's start-up
    (with the dataclasses module itself, about 3 ms). ``FIELDS`` are shown and compared,
    ``HIDDEN`` only compared; anything else (row ids, source line numbers) is neither.
    """

    FIELDS: ClassVar[tuple[str, ...]] = ()
    HIDDEN: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in (*self.FIELDS, *self.HIDDEN))

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.FIELDS)
        return f"{type(self).__name__}({shown})"


class Link(Record):
    """A continuation: the page an article goes on to (下转) or comes from (上接).

    ``article`` is the index of the linked article on that page, or None while that
    page is not in hand.
    """

    FIELDS = ("page", "article")

    def __init__(self, page: int, article: int | None = None) -> None:
        self.page = page
        self.article = article

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "article": self.article}


class Article(Record):
    FIELDS = ("title", "kicker", "subtitle", "column", "byline", "authors", "kind", "paragraphs",
              "captions", "signature", "continues_to", "continued_from", "regions")

    def __init__(self, title: str = "", kicker: str | None = None, subtitle: str | None = None,
                 column: str | None = None, byline: str | None = None,
                 authors: list[str] | None = None, kind: str = "news",
                 paragraphs: list[str] | None = None, captions: list[str] | None = None,
                 signature: list[str] | None = None, continues_to: Link | None = None,
                 continued_from: Link | None = None, lines: list[int] | None = None,
                 markers: list[str] | None = None, regions: list[Region] | None = None,
                 id: int | None = None) -> None:  # noqa: A002
        self.title = title
        self.kicker = kicker
        self.subtitle = subtitle
        self.column = column
        self.byline = byline
        self.authors: list[str] = [] if authors is None else authors
        self.kind = kind
        self.paragraphs: list[str] = [] if paragraphs is None else paragraphs
        self.captions: list[str] = [] if captions is None else captions
        self.signature: list[str] = [] if signature is None else signature
        self.continues_to = continues_to
        self.continued_from = continued_from
        # Source line numbers (1-based) that ended up in this article; for tests and tools.
        self.lines: list[int] = [] if lines is None else lines
        # Continuation markers as printed, taken out of the text.
        self.markers: list[str] = [] if markers is None else markers
        # Where the article stands on its page's image (headline, body columns, captions), in
        # PDF points from the page's top-left corner; none for a page imported from text.
        self.regions: list[Region] = [] if regions is None else regions
        self.id = id  # library row, once stored

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        # Written out rather than dataclasses.asdict, whose deep copies dominated imports.
        return {
            "title": self.title, "kicker": self.kicker, "subtitle": self.subtitle,
            "column": self.column, "byline": self.byline, "authors": list(self.authors),
            "kind": self.kind, "paragraphs": list(self.paragraphs), "captions": list(self.captions),
            "signature": list(self.signature),
            "continues_to": self.continues_to.to_dict() if self.continues_to else None,
            "continued_from": self.continued_from.to_dict() if self.continued_from else None,
            "regions": [list(r) for r in self.regions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        def link(v: dict[str, Any] | None) -> Link | None:
            return Link(v["page"], v.get("article")) if v else None

        return cls(
            title=d.get("title") or "",
            kicker=d.get("kicker"),
            subtitle=d.get("subtitle"),
            column=d.get("column"),
            byline=d.get("byline"),
            authors=list(d.get("authors") or []),
            kind=d.get("kind") or "news",
            paragraphs=list(d.get("paragraphs") or []),
            captions=list(d.get("captions") or []),
            signature=list(d.get("signature") or []),
            continues_to=link(d.get("continues_to")),
            continued_from=link(d.get("continued_from")),
            regions=[region(r) for r in d.get("regions") or []],
        )


Region = tuple[float, float, float, float]  # left, top, right, bottom in PDF points


def region(value: Any) -> Region:
    """A region from JSON: four finite numbers, left < right and top < bottom."""
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        raise ValueError(f"a region is four numbers, not {value!r:.80}")
    left, top, right, bottom = (float(v) for v in value)
    if not all(abs(v) < 1e6 for v in (left, top, right, bottom)) or left >= right or top >= bottom:
        raise ValueError(f"not a region on a page: {value!r:.80}")
    return (left, top, right, bottom)


class PagePdf(Record):
    """The publisher's PDF a page was imported from: the file's SHA-256 and the page's place
    in it. ``data`` is the file's bytes while it is being imported; a page read from the
    library has only the digest, and the library gives the bytes on demand."""

    FIELDS = ("digest", "index")

    def __init__(self, digest: str, index: int = 0, data: bytes | None = None) -> None:
        self.digest = digest
        self.index = index
        self.data = data


class Origin(Record):
    """Where a page was read from: its file, and its place in that file (0 for a file of one
    page; the k-th part of a text split by form feeds, the k-th page of a PDF).

    It says where the page came from, not what the page says: a page's origin takes no part
    in the page's equality, its JSON or its stored digest, and a page read from the library
    has none.
    """

    FIELDS = ("file", "index")

    def __init__(self, file: Path, index: int = 0) -> None:
        self.file = file
        self.index = index

    def __str__(self) -> str:
        return str(self.file)


class Page(Record):
    FIELDS = ("number", "label", "section", "articles", "unplaced", "paper", "date", "masthead",
              "header", "size")
    HIDDEN = ("header_lines", "unplaced_lines")

    def __init__(self, number: int, label: str, section: str | None = None,
                 articles: list[Article] | None = None, unplaced: list[str] | None = None,
                 paper: str | None = None, date: str | None = None,
                 masthead: dict[str, Any] | None = None, header: list[str] | None = None,
                 header_lines: list[int] | None = None, unplaced_lines: list[int] | None = None,
                 id: int | None = None, origin: Origin | None = None,
                 size: tuple[float, float] | None = None, pdf: PagePdf | None = None) -> None:  # noqa: A002
        self.number = number
        self.label = label
        self.section = section
        self.articles: list[Article] = [] if articles is None else articles
        self.unplaced: list[str] = [] if unplaced is None else unplaced
        # Running header (inner pages) or masthead (front page) facts found on this page.
        self.paper = paper
        self.date = date  # ISO
        self.masthead: dict[str, Any] = {} if masthead is None else masthead
        self.header: list[str] = [] if header is None else header
        self.header_lines: list[int] = [] if header_lines is None else header_lines
        self.unplaced_lines: list[int] = [] if unplaced_lines is None else unplaced_lines
        # Doubts about the page for the import report (dates that disagree, a PDF's cleaning),
        # each a core.problems.Problem; not stored.
        self.warnings: list[Problem] = []
        # What cleaning a PDF's text layer took, for a report in any language: (kind, how many
        # characters, the warning of ``warnings`` that says it); see sources.pdf. Not stored.
        self.cleaned: list[tuple[str, int, str]] = []
        self.id = id
        self.origin = origin  # the file it was read from; None once stored
        # Width and height in PDF points of a page imported from its PDF; None from text.
        self.size = size
        self.pdf = pdf  # the page's PDF, when it has one

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "label": self.label,
            "section": self.section,
            "size": list(self.size) if self.size is not None else None,
            "unplaced": list(self.unplaced),
            "articles": [a.to_dict() for a in self.articles],
        }


class Issue(Record):
    FIELDS = ("paper", "date", "serial", "page_count", "masthead", "pages")

    def __init__(self, paper: str | None, date: str | None, serial: int | None = None,
                 page_count: int | None = None, masthead: dict[str, Any] | None = None,
                 pages: list[Page] | None = None, id: int | None = None) -> None:  # noqa: A002
        self.paper = paper
        self.date = date  # ISO yyyy-mm-dd
        self.serial = serial
        self.page_count = page_count
        self.masthead: dict[str, Any] = {} if masthead is None else masthead
        self.pages: list[Page] = [] if pages is None else pages
        self.id = id

    def page(self, number: int) -> Page | None:
        for p in self.pages:
            if p.number == number:
                return p
        return None

    def page_numbers(self) -> list[int]:
        """1 … the masthead's page count or the last page in hand, whichever is more.

        Bounded here too (a library row may say 今日1000000000000版): no list of that size.
        """
        have = [p.number for p in self.pages]
        count = min(max([self.page_count or 0, *have]), MAX_PAGE_COUNT)
        return sorted({*range(1, count + 1), *have})

    def to_dict(self) -> dict[str, Any]:
        return {
            "paper": self.paper,
            "date": self.date,
            "serial": self.serial,
            "page_count": self.page_count,
            "masthead": dict(self.masthead),
            "pages": [p.to_dict() for p in sorted(self.pages, key=lambda p: p.number)],
        }


CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """Parse 一 … 九十九 (and Arabic or full-width digits) into an int.

    None for a run longer than any real count (callers bound the value, see limits).
    """
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None
    if text.isdecimal():  # not isdigit: int("²") fails
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def page_label(number: int) -> str:
    """第一版, 第二版 … as printed on Chinese papers."""
    digits = "〇一二三四五六七八九"
    if number < 10:
        cn = digits[number]
    elif number < 20:
        cn = "十" + (digits[number % 10] if number % 10 else "")
    elif number < 100:
        cn = digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    else:
        cn = str(number)
    return f"第{cn}版"
