"""A continued article read as one: its parts (下转 … 上接) found across the issue's pages and
joined in reading order.

A part that stops mid-sentence (its last paragraph ends without closing punctuation, cut
where the page ran out) runs on into the next part's first paragraph: one paragraph, with
the place of the join kept so that a view can mark it inside. A part that ends a sentence
is followed by the next part's paragraphs as they stand.

The whole article is always headed by its first part: kicker, title, subtitle, byline and
page are the opening part's, whichever part the reader opened it from.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Article, Issue, Link, Page, page_label


class Join(NamedTuple):
    """Where the next part begins in the joined paragraphs."""

    paragraph: int  # index in WholeArticle.paragraphs (== len(paragraphs) after the last one)
    offset: int  # characters into that paragraph; 0 when the part starts a paragraph of its own
    page: int  # the number of the page the part is printed on
    label: str  # that page's label as printed, e.g. 第二版

    @property
    def inline(self) -> bool:
        """Mid-sentence: one paragraph runs on across the join."""
        return self.offset > 0


class WholeArticle(NamedTuple):
    page: Page  # the first part's page and article: the header of the whole
    article: Article
    paragraphs: list[str]
    joins: list[Join]  # one for each part after the first, in order
    captions: list[tuple[int, str]]  # (the paragraph a caption follows, the caption)
    signature: list[str]
    continued_from: Link | None  # the first part's 上接, to a page not in hand
    continues_to: Link | None  # the last part's 下转, likewise


def linked_part(issue: Issue, link: Link | None) -> tuple[Page, Article] | None:
    """The page and article a continuation link points to, or None: no link, its page not
    in the issue, or the article on that page not known (or not there)."""
    if link is None or link.article is None:
        return None
    page = issue.page(link.page)
    if page is None or not 0 <= link.article < len(page.articles):
        return None
    return page, page.articles[link.article]


def parts_of(issue: Issue, page: Page, row: int) -> list[tuple[Page, Article]]:
    """All parts of article ``row`` of ``page`` in reading order, following 上接 back to the
    opening part and 下转 on to the last: [] when the page has no such article.

    The walk stops where a link leads nowhere in hand (a page not imported, an article not
    found) or back to a part already taken (links that run in a circle), so it ends after
    at most one step per article in the issue.
    """
    if not 0 <= row < len(page.articles):
        return []
    start = (page, page.articles[row])
    parts = [start]
    seen = {(page.number, row)}  # by place, not by object: ``page`` may be a copy of the issue's
    for backwards in (True, False):
        article = start[1]
        while True:
            link = article.continued_from if backwards else article.continues_to
            if link is None:
                break
            part = linked_part(issue, link)
            if part is None or (link.page, link.article) in seen:
                break
            seen.add((link.page, link.article))
            if backwards:
                parts.insert(0, part)
            else:
                parts.append(part)
            article = part[1]
    return parts


def join_parts(parts: list[tuple[Page, Article]]) -> WholeArticle:
    """Join the parts of one article, given in reading order (at least one)."""
    if not parts:
        raise ValueError("an article has at least one part")
    # The parser's own rule for a sentence cut at a column edge; imported here, not at the
    # top: the patterns compile for about 14 ms and the window's first paint needs none.
    from ..parsing.patterns import is_open

    paragraphs: list[str] = []
    joins: list[Join] = []
    captions: list[tuple[int, str]] = []
    signature: list[str] = []
    for k, (page, part) in enumerate(parts):
        texts = list(part.paragraphs)
        start = len(paragraphs)
        if k:
            runs_on = bool(texts) and bool(paragraphs) and bool(parts[k - 1][1].paragraphs) \
                and not parts[k - 1][1].signature and is_open(paragraphs[-1])
            if runs_on:
                start = len(paragraphs) - 1
                joins.append(Join(start, len(paragraphs[-1]), page.number, _label(page)))
                paragraphs[-1] += texts.pop(0)
            else:
                joins.append(Join(start, 0, page.number, _label(page)))
        paragraphs += texts
        # A part's captions stand after its first paragraph, as in the part on its own.
        captions += [(start, c) for c in part.captions]
        signature += part.signature
    first_page, first = parts[0]
    return WholeArticle(first_page, first, paragraphs, joins, captions, signature,
                        first.continued_from, parts[-1][1].continues_to)


def _label(page: Page) -> str:
    return page.label or page_label(page.number)
