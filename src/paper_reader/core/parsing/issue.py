"""Issues of several pages: gather, and connect 下转/上接 continuations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Issue, Page
from ..problems import Problem, told


def unfiled(issue: Issue, where: str) -> Problem | None:
    """Why an issue cannot be filed in a library (no paper or no date), or None.
    Import and parse both refuse such an issue, in these words."""
    if issue.paper and issue.date:
        return None
    return told("unfiled", files=where)


def assemble(pages: Iterable[Page], replaced: list[tuple[Page, Page]] | None = None) -> Issue:
    """Gather the pages of one issue: paper and date from masthead or running headers.

    Two pages with one number: the later is kept, but a page from its PDF is kept over one
    from text (it has the page image); ``replaced`` gets (dropped, kept).
    """
    pages = list(pages)
    front = next((p for p in pages if p.masthead), None)
    paper = next((p.paper for p in ([front] if front else []) + pages if p.paper), None)
    date = next((p.date for p in ([front] if front else []) + pages if p.date), None)
    masthead = dict(front.masthead) if front else {}
    issue = Issue(
        paper=paper,
        date=date,
        serial=masthead.get("serial"),
        page_count=masthead.get("page_count"),
        masthead=masthead,
    )
    by_number: dict[int, Page] = {}
    for p in pages:
        had = by_number.get(p.number)
        if had is not None and had.pdf is not None and p.pdf is None:
            if replaced is not None:
                replaced.append((p, had))
            continue
        if replaced is not None and had is not None:
            replaced.append((had, p))
        by_number[p.number] = p  # a later part of the same number replaces an earlier one
    issue.pages = sorted(by_number.values(), key=lambda p: p.number)
    resolve_links(issue)
    return issue


def group_issues(pages: Iterable[Page],
                 replaced: list[tuple[Page, Page]] | None = None) -> list[Issue]:
    """Pages that arrive together may belong to several issues: group by paper and date."""
    groups: dict[tuple[str | None, str | None], list[Page]] = {}
    pending: list[Page] = []
    for p in pages:
        if p.paper or p.date:
            groups.setdefault((p.paper, p.date), []).append(p)
        else:
            pending.append(p)
    if pending:
        if len(groups) == 1:
            next(iter(groups.values())).extend(pending)
        else:
            groups.setdefault((None, None), []).extend(pending)
    issues = []
    for (paper, date), members in groups.items():
        issue = assemble(members, replaced)
        issue.paper = issue.paper or paper
        issue.date = issue.date or date
        issues.append(issue)
    return issues


def _similar(a: str, b: str) -> float:
    """How much of the shorter title the longer one contains, by characters in order."""
    a, b = re.sub(r"\W", "", a), re.sub(r"\W", "", b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    matched = sum(1 for ch in set(short) if ch in long_)
    return matched / len(set(short))


def resolve_links(issue: Issue) -> None:
    """Connect each 下转第N版 to the article on page N that says 上接 this page.

    Titles decide where they can (a continuation's title may be shortened); otherwise the
    k-th article going to page N meets the k-th article on page N coming from this page.
    """
    for page in issue.pages:
        for art in page.articles:
            if art.continues_to:
                art.continues_to.article = None
            if art.continued_from:
                art.continued_from.article = None
    for page in issue.pages:
        sources = [(i, a) for i, a in enumerate(page.articles) if a.continues_to]
        for target_number in sorted({a.continues_to.page for _, a in sources}):  # type: ignore[union-attr]
            target = issue.page(target_number)
            if target is None:
                continue
            outgoing = [(i, a) for i, a in sources if a.continues_to.page == target_number]  # type: ignore[union-attr]
            incoming = [(j, b) for j, b in enumerate(target.articles)
                        if b.continued_from and b.continued_from.page == page.number]
            pairs: dict[int, int] = {}
            for i, a in outgoing:
                best = max(((_similar(a.title, b.title), j) for j, b in incoming
                            if j not in pairs.values() and b.title), default=(0.0, -1))
                if best[0] >= 0.6:
                    pairs[i] = best[1]
            rest_in = [j for j, _ in incoming if j not in pairs.values()]
            for i, _ in outgoing:
                if i not in pairs and rest_in:
                    pairs[i] = rest_in.pop(0)
            for i, j in pairs.items():
                page.articles[i].continues_to.article = j  # type: ignore[union-attr]
                target.articles[j].continued_from.article = i  # type: ignore[union-attr]
