"""Issues of several pages: split, gather, and connect 下转/上接 continuations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..limits import iso_date, page_in_range
from ..model import Issue, Page
from ..sources.decoding import PageFileError, not_there, read_page_file, why_unreadable
from .parser import FILENAME_PAGE, parse_page

FILENAME_DATE = re.compile(r"(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})")
PAGE_SUFFIXES = {".txt", ".text", ""}


def pages_of_text(text: str, name: str = "") -> list[Page]:
    """One page per form-feed-separated part (as pdftotext writes a whole issue)."""
    parts = [p for p in text.split("\f")]
    if len(parts) > 1:
        parts = [p for p in parts if p.strip()]
    hint = _page_from_name(name) if len(parts) == 1 else None
    pages = []
    for k, part in enumerate(parts):
        pages.append(parse_page(part, number=hint or k + 1))
    return pages


def _page_from_name(name: str) -> int | None:
    m = FILENAME_PAGE.search(Path(name).stem) if name else None
    return page_in_range(int(m.group(1))) if m else None


def page_files(path: Path) -> list[Path]:
    """A folder's page files in page order; a file is itself.

    A .txt that is not a file (a symbolic link that loops or leads nowhere, a pipe) is
    listed too, so that reading it says what it is instead of skipping it unsaid.
    """
    if not path.is_dir():
        return [path]
    files = [p for p in path.iterdir() if not p.name.startswith(".")
             and p.suffix.lower() in PAGE_SUFFIXES
             and (p.is_file() or (p.suffix != "" and not p.is_dir()))]

    def key(p: Path) -> tuple[int, str]:
        n = _page_from_name(p.name)
        return (n if n is not None else 10_000, p.name)

    return sorted(files, key=key)


def source_files(path: str | Path) -> list[Path]:
    """The page files a path given to parse or import stands for. Raises PageFileError."""
    try:
        path = Path(path)
        missing = not_there(path)
        if missing is not None:
            raise missing
        files = page_files(path)
    except PageFileError:
        raise
    except (OSError, ValueError, TypeError) as exc:  # a name too long, an unlistable folder
        known = path if isinstance(path, Path) else None
        raise PageFileError(f"{path}: cannot be read ({why_unreadable(exc, known)})") from None
    if not files:
        raise PageFileError(f"{path}: the folder holds no page files (.txt)")
    return files


def unfiled(issue: Issue, where: str) -> str | None:
    """Why an issue cannot be filed in a library (no paper or no date), or None.
    Import and parse both refuse such an issue, in these words."""
    if issue.paper and issue.date:
        return None
    return (f"{where}: says neither its paper nor its date (no masthead or running header); "
            "give it together with its issue's front page")


def read_pages(path: str | Path) -> list[tuple[Path, list[Page]]]:
    """Parse a file or folder into pages, per source file. Raises PageFileError."""
    out = []
    for f in source_files(path):
        pages = pages_of_text(read_page_file(f), f.name)
        _fill_from_name(pages, f)
        out.append((f, pages))
    return out


def _fill_from_name(pages: list[Page], f: Path) -> None:
    """The date in the file's (or its folder's) name, for pages that do not say theirs.

    A page that does say its date keeps it; if the name disagrees, the page says so.
    """
    for part in (f.name, f.parent.name):
        if (m := FILENAME_DATE.search(part)) and (iso := iso_date(*m.groups())):
            break
    else:
        return
    dated = any(p.date for p in pages)
    for p in pages:
        if not dated:
            p.date = iso
        elif p.date and p.date != iso:
            p.warnings.append(f"its header says {p.date}, the name {part} says {iso}; "
                              f"filed under {p.date}")


def assemble(pages: Iterable[Page], replaced: list[tuple[Page, Page]] | None = None) -> Issue:
    """Gather the pages of one issue: paper and date from masthead or running headers.

    Two pages with one number: the later is kept; ``replaced`` gets (earlier, later).
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
        if replaced is not None and p.number in by_number:
            replaced.append((by_number[p.number], p))
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


def parse_path(path: str | Path) -> Issue:
    """Parse a file or folder into one issue, without storing it."""
    pages = [p for _, ps in read_pages(path) for p in ps]
    issues = group_issues(pages)
    if len(issues) == 1:
        return issues[0]
    # Several issues in one input: keep the largest, which is what `parse` shows.
    return max(issues, key=lambda i: len(i.pages))
