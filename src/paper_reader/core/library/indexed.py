"""The text an article is searched by: one definition for the writer, which stores it
folded in ``article_text``, and for search, which cuts snippets from it unfolded.

The two must agree character for character: a snippet is cut from the original text at
the places the folded copy matched. (The character index adds
``title || ' ' || byline || ' ' || body`` in SQL: in ``index_writing`` and in the schema's
trigger.)
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import add

from ..model import Article
from ..reading.script import fold


def body_text(column: str | None, kicker: str | None, subtitle: str | None,
              paragraphs: Iterable[str], captions: Iterable[str], signature: Iterable[str]) -> str:
    """An article's searched text besides its title and byline, as printed."""
    return "\n".join([*(x for x in (column, kicker, subtitle) if x),
                      *paragraphs, *captions, *signature])


def indexed_text(article: Article) -> tuple[str, str, str]:
    """(title, byline, body) as ``article_text`` holds them: folded for search."""
    body = body_text(article.column, article.kicker, article.subtitle,
                     article.paragraphs, article.captions, article.signature)
    return fold(article.title), fold(article.byline or ""), fold(body)


def spaced(text: str | None) -> str:
    """Every character its own token, for the one-character index (an SQL function)."""
    return " ".join(text) if text else ""


def chars_and_pairs(text: str | None) -> str:
    """Every character and every two neighbouring characters a token, for the character
    index of format 3 (an SQL function): a term of one or two characters is then one token.
    A pair across punctuation or a space is cut there by the tokenizer (unicode61), which
    leaves a character already among the tokens."""
    if not text:
        return ""
    return " ".join(text) + " " + " ".join(map(add, text, text[1:]))
