"""Full-text search over the library, whatever the script of query and text.

Text is indexed in a folded form (simplified script, lower case). Terms of three or more
characters go through the trigram FTS index, shorter ones through the character index
(trigrams cannot find them). A rare term is looked up in the indexes and its few rows
read newest first until enough hold it; a common one walks the date index newest first
and stops once enough hits are in hand. A reader's query is always searched as text: it
never reaches FTS syntax.

The indexes of format 3 hold no positions: a term of one token (three characters in the
trigram index, one or two in the character index) is found exactly, a longer one as the
rows holding all of its tokens, of which those without the term itself are passed over.
Older files (read as they are) keep positions and are asked for phrases.
"""

from __future__ import annotations

import sqlite3

from ..reading.script import fold
from .indexed import body_text
from .records import EVERY_PAPER, Scope, SearchHit, SearchQuery
from .rows import Rows

SNIPPET_CHARS = 36


def fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


_HIT = ("SELECT t.title, t.byline, t.body, i.id, p.name, a.position, a.title, a.column_label, "
        "a.kicker, a.subtitle, a.paragraphs, a.captions, a.signature FROM article_text t "
        "LEFT JOIN articles a ON a.id = t.article_id LEFT JOIN pages g ON g.id = a.page_id "
        "LEFT JOIN issues i ON i.id = g.issue_id LEFT JOIN papers p ON p.id = i.paper_id "
        "WHERE t.article_id = ?")

SELECTIVE = 3000  # fewer index matches than this: sort them; more: walk the dates newest first


def search_terms(query: SearchQuery) -> list[str]:
    """The query's words as the index holds text: folded, at most 16."""
    return [t for t in fold(query.text.replace("\x00", " ")).split() if t][:16]


def run_search(db: sqlite3.Connection, query: SearchQuery, limit: int, check: Rows,
               scope: Scope = EVERY_PAPER, version: int = 3) -> list[SearchHit]:
    """The hits in ``scope``, newest first; every stored value checked by ``check``.
    ``version``: the file's format (how its indexes are asked)."""
    terms = search_terms(query)
    if not terms:
        return []
    in_scope, scope_args = scope.where("t.paper_id")
    where: list[str] = [in_scope]
    args: list[object] = list(scope_args)
    if query.paper:
        where.append("t.paper_id = (SELECT id FROM papers WHERE name = ?)")
        args.append(query.paper)
    if query.date_from:
        where.append("t.date >= ?")
        args.append(query.date_from)
    if query.date_to:
        where.append("t.date <= ?")
        args.append(query.date_to)
    cur = db.cursor()  # plain tuples: a hundred hits are read field by field
    cur.row_factory = None
    candidates, cand_args = _index_candidates(terms, version)
    selective = False
    if candidates:
        matches = cur.execute(f"SELECT count(*) AS n FROM ({candidates} LIMIT {SELECTIVE})",
                              cand_args).fetchone()[0]
        selective = matches < SELECTIVE
    limit = max(1, min(int(limit), 1_000_000))  # SQLite's integers end at 2**63
    if selective:
        # Few matches: sort them by date without reading their text, then read them in
        # that order until `limit` hold every term (an index match may not: a long term's
        # tokens apart, a pair across punctuation).
        where.insert(0, f"t.article_id IN ({candidates})")
        args = cand_args + args
        fetch = SELECTIVE
    else:
        # A common word: newest first along the date index, testing each row's text and
        # stopping at `limit` hits.
        for t in terms:
            where.append("(instr(t.title, ?) OR instr(t.body, ?) OR instr(t.byline, ?))")
            args += [t, t, t]
        fetch = limit
    sql = ("SELECT t.article_id, t.date, t.page FROM article_text t "
           f"WHERE {' AND '.join(where) or '1'} ORDER BY t.date DESC, t.page, t.article_id LIMIT ?")
    args.append(fetch)
    hits: list[SearchHit] = []
    found_rows = db.cursor()  # read as the hits are made: the loop asks `cur` for each row's text
    found_rows.row_factory = None
    for found in found_rows.execute(sql, args):
        if len(hits) >= limit:
            break
        article_id = check.integer(found[0], "an article's row")
        what = f"the search text of article {article_id}"
        date = check.date(found[1], f"the date in {what}")
        page = check.page(found[2], f"the page in {what}")
        # Its text and what a hit shows of it, in one statement (an article's row missing
        # from a text that is indexed: the file is damaged).
        row = cur.execute(_HIT, (article_id,)).fetchone()
        if row is None:  # index and table disagree
            raise check.damaged(f"{what} unreadable")
        folded_title = check.text(row[0], what)
        folded_byline = check.text(row[1], what)
        folded_body = check.text(row[2], what)
        if not all(t in folded_title or t in folded_body or t in folded_byline for t in terms):
            continue
        issue_id, paper, position, title, column, kicker, subtitle = row[3:10]
        if issue_id is None:  # indexed text of an article that is not there
            raise check.damaged(f"{what} without its article")
        what = f"article {article_id}"
        column, kicker, subtitle = (check.text(value, f"the {name} of {what}", optional=True)
                                    for name, value in (("column_label", column), ("kicker", kicker),
                                                        ("subtitle", subtitle)))
        body = body_text(column, kicker, subtitle, check.texts(row[10], f"the text of {what}"),
                         check.texts(row[11], f"the captions of {what}"),
                         check.texts(row[12], f"the signature of {what}"))
        hits.append(SearchHit(
            article_id, check.integer(issue_id, f"the issue of {what}"),
            check.text(paper, "a paper's name"), date, page,
            check.integer(position, f"the place of {what}", 0),
            check.text(title, f"the title of {what}"), snippet(body, folded_body, terms)))
    return hits


MAX_TRIGRAMS = 32  # of one term: enough to be selective; the rows found are checked anyway


def trigrams(term: str) -> list[str]:
    """The term's trigrams, or for a long one MAX_TRIGRAMS of them from end to end: a query
    of thousands of characters does not become an index lookup of thousands of tokens."""
    count = len(term) - 2
    starts = range(count) if count <= MAX_TRIGRAMS else \
        sorted({round(k * (count - 1) / (MAX_TRIGRAMS - 1)) for k in range(MAX_TRIGRAMS)})
    return [term[i:i + 3] for i in starts]


def _index_candidates(terms: list[str], version: int = 3) -> tuple[str, list[object]]:
    """Rows that may hold every term, from the trigram and character indexes."""
    parts: list[str] = []
    args: list[object] = []
    long_terms = [t for t in terms if len(t) >= 3]
    if long_terms:
        parts.append("SELECT rowid FROM article_fts WHERE article_fts MATCH ?")
        if version >= 3:  # trigrams of each term, at most MAX_TRIGRAMS spread over it
            tokens = dict.fromkeys(x for t in long_terms for x in trigrams(t))
            args.append(" AND ".join(fts_phrase(x) for x in tokens))
        else:
            args.append(" AND ".join(fts_phrase(t) for t in long_terms))
    short_terms = [t for t in terms if len(t) < 3 and any(ch.isalnum() for ch in t)]
    if short_terms:
        parts.append("SELECT rowid FROM article_chars WHERE article_chars MATCH ?")
        if version >= 3:  # the term as one token; one with punctuation as its characters
            pieces = dict.fromkeys(x for t in short_terms
                                   for x in ([t] if t.isalnum() else [ch for ch in t if ch.isalnum()]))
            args.append(" AND ".join(fts_phrase(x) for x in pieces))
        else:
            args.append(" AND ".join(fts_phrase(" ".join(ch for ch in t if ch.isalnum()))
                                     for t in short_terms))
    if any(len(t) < 3 and not any(ch.isalnum() for ch in t) for t in terms):
        return "", []  # punctuation alone is in no index: scan
    return " INTERSECT ".join(parts), args


def find_spans(folded: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where each term occurs in a folded text, in order, overlaps merged."""
    spans = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def snippet(original: str, folded: str, terms: list[str]) -> str:
    """A short piece of the article around the first hit, hits marked with \\x02…\\x03."""
    text = original if len(original) == len(folded) else folded
    spans = find_spans(folded, terms)
    if not spans:
        return text[: SNIPPET_CHARS * 2].replace("\n", " ")
    first = spans[0][0]
    start = max(0, first - SNIPPET_CHARS // 2)
    end = min(len(text), start + SNIPPET_CHARS * 2)
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(text[pos:a])
        out.append(SearchHit.MARK_START + text[a:b] + SearchHit.MARK_END)
        pos = b
    out.append(text[pos:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix
