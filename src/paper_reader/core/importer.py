"""Import page files into the library: read file by file, each issue stored as soon as the
files have moved on from it, all in one transaction (see ``gathering``).

Also ``parse_path``, what ``paper-reader parse`` shows: the same reading, stored nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from .gathering import LAST, Gathering
from .library import ImportCancelled, Library, LibraryError, PageResult
from .model import Issue, Page
from .parsing.issue import group_issues, unfiled
from .problems import Problem, problem_of, told
from .sources.decoding import PageFileError
from .sources.walk import PageFile, page_files, read_file, read_pages

TEXT_NOT_NEEDED = "text_not_needed"  # a page came as text and as its PDF: the PDF's was taken


class PageNote(NamedTuple):
    """One of ``ImportReport.warnings`` by kind, for a report in another language: a PDF
    page's text cleaning (``kind`` one of sources.pdf's, ``count`` how many characters), or
    TEXT_NOT_NEEDED (``other``: the PDF taken)."""

    file: str
    label: str
    kind: str
    count: int
    line: str  # the warning it is, as ``warnings`` has it
    other: str = ""


@dataclass
class ImportReport:
    results: list[PageResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # one per bad input (see refuse)
    unplaced: list[tuple[str, int, list[str]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported, but in doubt (dates disagree)
    notes: list[PageNote] = field(default_factory=list)  # warnings of a known kind, by kind
    # Each of ``warnings`` as (file, page label, what the page's doubt is), for another language.
    doubts: list[tuple[str, str, Problem]] = field(default_factory=list)
    # Set when the library refused the import as a whole (disk full, read-only, busy):
    # nothing of it was stored. Also one of ``errors``.
    library_error: str | None = None

    @property
    def errors(self) -> tuple[str, ...]:
        """One readable line per bad input, in English (the command line's)."""
        return tuple(p.line for p in self.problems)

    def refuse(self, what: Problem | BaseException | str) -> str:
        """Add one bad input: a problem, an error carrying one, or a line; its line."""
        problem = what if isinstance(what, Problem) else problem_of(what)
        self.problems.append(problem)
        return problem.line

    def refuse_all(self, error: BaseException | str) -> None:
        """The library refused the import as a whole: nothing of it was stored."""
        self.library_error = self.refuse(error)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def first_errors(self, limit: int = 10) -> tuple[list[str], int]:
        """The first ``limit`` messages and how many more there are: a folder of 10,000 bad
        files is not 10,000 lines. A refusal of the whole import is always among them."""
        shown, more = self.first_problems(limit)
        return [p.line for p in shown], more

    def first_problems(self, limit: int = 10) -> tuple[list[Problem], int]:
        """As first_errors, the problems themselves."""
        each = [p for p in self.problems if p.line != self.library_error]
        refusal = [p for p in self.problems if p.line == self.library_error][-1:]
        return each[:limit] + refusal, max(0, len(each) - limit)

    @property
    def issues(self) -> list[tuple[str, str]]:
        return sorted({(r.paper, r.date) for r in self.results})


def _listed(paths: Iterable[str | Path], report: ImportReport) -> list[PageFile]:
    """The page files the paths stand for; a path that stands for none is reported."""
    files: list[PageFile] = []
    for p in paths:
        try:
            files.extend(page_files(p))
        except PageFileError as exc:
            report.refuse(exc)
    return files


def _read(f: PageFile, report: ImportReport) -> list[Page]:
    """One file's pages, what they say of themselves into ``report``; a bad file is
    reported and gives none."""
    try:
        parsed = read_file(f)
    except PageFileError as exc:
        report.refuse(exc)
        return []
    except ImportCancelled:  # the reader cancelled between a PDF's pages: not a bad file
        raise
    except Exception as exc:  # one file the parser cannot take fails alone, in one line
        report.refuse(told("cannot_parse", file=f.path, error=f"{type(exc).__name__}: {exc}"))
        return []
    for page in parsed:
        if page.unplaced:
            report.unplaced.append((str(f.path), page.number, page.unplaced))
        report.warnings += [f"{f.path} {page.label}: {w.line}" for w in page.warnings]
        report.doubts += [(str(f.path), page.label, w) for w in page.warnings]
        report.notes += [PageNote(str(f.path), page.label, kind, count,
                                  f"{f.path} {page.label}: {w}") for kind, count, w in page.cleaned]
    return parsed


def collect_pages(paths: Iterable[str | Path], report: ImportReport,
                  progress: Callable[[int, int], None] | None = None) -> list[Page]:
    """Parse all inputs; a bad one is reported and skipped, the rest go on. (Every page at
    once: what the benchmark's profile of the parser reads; the import itself streams.)"""
    files = _listed(paths, report)
    pages: list[Page] = []
    for k, f in enumerate(files):
        pages += _read(f, report)
        if progress:
            progress(k + 1, len(files))
    return pages


def _size(f: PageFile) -> int:
    try:
        return f.path.stat().st_size
    except (OSError, ValueError):
        return 0


def _gathered(files: list[PageFile], report: ImportReport, gathering: Gathering,
              progress: Callable[[int, int], None] | None) -> Iterator[Issue]:
    """Read the files one by one, and yield each issue as soon as it is to be stored."""
    for k, f in enumerate(files):
        pages = _read(f, report)
        gathering.add(pages, _size(f) if pages else 0)
        del pages  # what is held is the gathering's alone
        yield from gathering.ready()
        if progress:
            progress(k + 1, len(files))
    yield from gathering.finish()


def _then(head: list[Issue], rest: Iterator[Issue]) -> Iterator[Issue]:
    """``head``'s issues, then ``rest``'s: none of them kept here once handed on."""
    while head:
        yield head.pop(0)
    yield from rest


def import_paths(library: Library, paths: Iterable[str | Path],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Read the files and store their issues, in one transaction: each issue is stored
    once the files have moved on from it (``gathering``), so an import of any size holds
    only a bounded number of pages. The transaction begins with the first issue to store
    (an import of nothing storable never writes); a failure or a cancel rolls it all back.
    """
    report = ImportReport()
    gathering = Gathering()
    files = _listed(paths, report)
    flow = _gathered(files, report, gathering, progress)
    head = list(islice(flow, 1))
    refusal: LibraryError | None = None
    if head:
        try:
            library.import_issues(_then(head, flow), cancelled=cancelled, stored=gathering.stored)
        except LibraryError as exc:
            refusal = exc
            for _ in flow:  # the rest of the files are read, to report what is wrong with them
                pass
    _tell(gathering, report, refusal is not None)
    if refusal is not None:  # after every other message, as it always was
        report.refuse_all(refusal)
    return report


def _tell(gathering: Gathering, report: ImportReport, library_failed: bool) -> None:
    """What the pages made, into ``report``: the duplicates, the issues that cannot be
    filed, those refused, and the results, in the order an import of every page at once
    gave them."""
    for _, earlier, later in sorted(gathering.dropped, key=lambda d: d.order):
        a, b = earlier.file, later.file
        if later.pdf and not earlier.pdf:
            # The same page as text and as its PDF: the PDF's has the page image too.
            report.warnings.append(f"{a} {earlier.label}: the text was not needed; the page "
                                   f"was taken from its PDF, {b}")
            report.notes.append(PageNote(a, earlier.label, TEXT_NOT_NEEDED, 0, report.warnings[-1], b))
            continue
        report.refuse(told("duplicate_page", files=a if a == b else f"{a} and {b}",
                           label=earlier.label, later=b))
    for key in sorted(gathering.handed, key=lambda k: gathering.order.get(k, LAST)):
        if key[0] is None or key[1] is None:
            files = gathering.kept_files(key)
            where = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            report.refuse(unfiled(Issue(*key), where))  # type: ignore[arg-type]
    if library_failed:  # nothing was stored, and nothing refused one by one
        return
    refused = [(gathering.order[key], gathering.kept_files(key), handed.refused)
               for key, handed in gathering.handed.items() if handed.refused is not None]
    for _, files, reason in sorted(refused + gathering.late_refused, key=lambda r: r[0]):
        report.refuse(told("not_stored", files=", ".join(files), reason=reason))
    report.results = gathering.results_in_order()


def parse_path(path: str | Path) -> Issue:
    """Parse a file or folder into one issue, without storing it. Raises PageFileError."""
    issues = group_issues(read_pages(path))
    if len(issues) == 1:
        return issues[0]
    # Several issues in one input: keep the largest, which is what `parse` shows.
    return max(issues, key=lambda i: len(i.pages))
