"""Import page files into the library: parse everything first, then store in one go.

Also ``parse_path``, what ``paper-reader parse`` shows: the same reading, stored nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .library import ImportCancelled, Library, LibraryError, PageResult
from .model import Issue, Page
from .parsing.issue import group_issues, unfiled
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
    errors: list[str] = field(default_factory=list)  # one readable line per bad input
    unplaced: list[tuple[str, int, list[str]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported, but in doubt (dates disagree)
    notes: list[PageNote] = field(default_factory=list)  # warnings of a known kind, by kind
    # Set when the library refused the import as a whole (disk full, read-only, busy):
    # nothing of it was stored. Also one of ``errors``.
    library_error: str | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def first_errors(self, limit: int = 10) -> tuple[list[str], int]:
        """The first ``limit`` messages and how many more there are: a folder of 10,000 bad
        files is not 10,000 lines. A refusal of the whole import is always among them."""
        each = [e for e in self.errors if e != self.library_error]
        shown = each[:limit] + ([self.library_error] if self.library_error else [])
        return shown, max(0, len(each) - limit)

    @property
    def issues(self) -> list[tuple[str, str]]:
        return sorted({(r.paper, r.date) for r in self.results})


def collect_pages(paths: Iterable[str | Path], report: ImportReport,
                  progress: Callable[[int, int], None] | None = None) -> list[Page]:
    """Parse all inputs; a bad one is reported and skipped, the rest go on."""
    files: list[PageFile] = []
    for p in paths:
        try:
            files.extend(page_files(p))
        except PageFileError as exc:
            report.errors.append(str(exc))
    pages: list[Page] = []
    for k, f in enumerate(files):
        try:
            parsed = read_file(f)
            pages.extend(parsed)
            for page in parsed:
                if page.unplaced:
                    report.unplaced.append((str(f.path), page.number, page.unplaced))
                report.warnings += [f"{f.path} {page.label}: {w}" for w in page.warnings]
                report.notes += [PageNote(str(f.path), page.label, kind, count,
                                          f"{f.path} {page.label}: {w}") for kind, count, w in page.cleaned]
        except PageFileError as exc:
            report.errors.append(str(exc))
        except ImportCancelled:  # the reader cancelled between a PDF's pages: not a bad file
            raise
        except Exception as exc:  # one file the parser cannot take fails alone, in one line
            report.errors.append(f"{f.path}: cannot be parsed ({type(exc).__name__}: {exc})"[:300])
        if progress:
            progress(k + 1, len(files))
    return pages


def _file_of(page: Page) -> str:
    return str(page.origin) if page.origin is not None else "?"


def import_paths(library: Library, paths: Iterable[str | Path],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    report = ImportReport()
    pages = collect_pages(paths, report, progress)
    issues = []
    replaced: list[tuple[Page, Page]] = []
    grouped = group_issues(pages, replaced)
    for earlier, later in replaced:  # never drop a page without a word
        a, b = _file_of(earlier), _file_of(later)
        if later.pdf is not None and earlier.pdf is None:
            # The same page as text and as its PDF: the PDF's has the page image too.
            report.warnings.append(f"{a} {earlier.label}: the text was not needed; the page "
                                   f"was taken from its PDF, {b}")
            report.notes.append(PageNote(a, earlier.label, TEXT_NOT_NEEDED, 0, report.warnings[-1], b))
            continue
        where = a if a == b else f"{a} and {b}"
        report.errors.append(
            f"{where}: two pages of one issue are both {earlier.label}; only the later one "
            f"(from {b}) was kept")
    for issue in grouped:
        files = sorted({_file_of(p) for p in issue.pages})
        where = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        why = unfiled(issue, where)
        if why:
            report.errors.append(why)
            continue
        issues.append(issue)
    if issues:
        refused: list[tuple[Issue, str]] = []
        try:
            report.results = library.import_issues(issues, cancelled=cancelled, refused=refused)
            for issue, reason in refused:
                where = sorted({_file_of(p) for p in issue.pages})
                report.errors.append(f"{', '.join(where)}: cannot be stored ({reason}); "
                                     "the other files were imported"[:300])
        except LibraryError as exc:
            report.errors.append(str(exc))
            report.library_error = str(exc)
    return report


def parse_path(path: str | Path) -> Issue:
    """Parse a file or folder into one issue, without storing it. Raises PageFileError."""
    issues = group_issues(read_pages(path))
    if len(issues) == 1:
        return issues[0]
    # Several issues in one input: keep the largest, which is what `parse` shows.
    return max(issues, key=lambda i: len(i.pages))
