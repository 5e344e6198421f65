"""The data model, in the newspaper's own terms: issue, page (版), article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Link:
    """A continuation: the page an article goes on to (下转) or comes from (上接).

    ``article`` is the index of the linked article on that page, or None while that
    page is not in hand.
    """

    page: int
    article: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "article": self.article}


@dataclass
class Article:
    title: str = ""
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    kind: str = "news"
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    continues_to: Link | None = None
    continued_from: Link | None = None
    # Source line numbers (1-based) that ended up in this article; for tests and tools.
    lines: list[int] = field(default_factory=list, repr=False, compare=False)
    # Continuation markers as printed, taken out of the text.
    markers: list[str] = field(default_factory=list, repr=False, compare=False)
    id: int | None = field(default=None, repr=False, compare=False)  # library row, once stored

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
        )


@dataclass
class Page:
    number: int
    label: str
    section: str | None = None
    articles: list[Article] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    # Running header (inner pages) or masthead (front page) facts found on this page.
    paper: str | None = None
    date: str | None = None  # ISO
    masthead: dict[str, Any] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    header_lines: list[int] = field(default_factory=list, repr=False)
    unplaced_lines: list[int] = field(default_factory=list, repr=False)
    id: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "label": self.label,
            "section": self.section,
            "unplaced": list(self.unplaced),
            "articles": [a.to_dict() for a in self.articles],
        }


@dataclass
class Issue:
    paper: str | None
    date: str | None  # ISO yyyy-mm-dd
    serial: int | None = None
    page_count: int | None = None
    masthead: dict[str, Any] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    id: int | None = field(default=None, repr=False, compare=False)

    def page(self, number: int) -> Page | None:
        for p in self.pages:
            if p.number == number:
                return p
        return None

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
    """Parse 一 … 九十九 (and Arabic or full-width digits) into an int."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text:
        return None
    if text.isdigit():
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
