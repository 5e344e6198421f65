"""An import's pages gathered into issues while the files are read, and handed on to be
stored as soon as the walk has moved on from them.

The pages of one issue may come from several files and folders, in any order. They are
held until more than ``MAX_OPEN_PAGES`` pages, or pages read from more than
``MAX_OPEN_BYTES`` of files, are in hand; then the issues whose pages came least recently
are handed on, whole as far as they came. What an import holds is so bounded whatever the
number of files. A page of an issue handed on already comes later as a further page of it
(the library then works out the issue's continuations again from what it holds).

Of each page handed on, one line is kept (its file, label, whether it is from a PDF, its
place in the results), so that a later page of the same number is decided and reported as
if the whole issue had been in hand (``parsing.issue.assemble``): the later page is kept,
but a page from its PDF is kept over one from text; and the report lists the results, the
duplicates, the issues that cannot be filed and those refused in the order the whole
import in one go gave them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .library import PageResult
from .library.records import GAINED_IMAGE_KIND, NOTES
from .model import Issue, Page
from .parsing.issue import assemble

# Pages held at most before the issues least recently added to are stored: a parsed page
# of text is some 20 KB in memory, a page's PDF its file's size.
MAX_OPEN_PAGES = 400
MAX_OPEN_BYTES = 32 * 2**20

Key = tuple[str | None, str | None]  # paper, date: group_issues's groups
NEITHER: Key = (None, None)  # pages that say neither, when they cannot join the one issue
LAST = 1 << 62  # where NEITHER's messages come (group_issues puts that group last)


class Seen(NamedTuple):
    """What is kept of a page once its issue is handed on."""

    file: str
    label: str
    pdf: bool
    result: int = -1  # its place in ``Gathering.results``; -1 when not stored


class Dropped(NamedTuple):
    """One of two pages of one number in one issue: ``earlier`` was not kept."""

    order: tuple[int, int]  # (the issue's place, the later page's arrival)
    earlier: Seen
    later: Seen


def _file_of(page: Page) -> str:
    return str(page.origin) if page.origin is not None else "?"


class _Held:
    """An issue's pages in hand: by number, with the file each came from and its share of
    that file's bytes; the first masthead seen (assemble takes the first front page)."""

    __slots__ = ("front", "pages")

    def __init__(self) -> None:
        self.pages: dict[int, tuple[Page, str, float]] = {}
        self.front: dict[str, Any] | None = None


class _Handed:
    """An issue of which pages were handed on: a line for each, and why it was refused."""

    __slots__ = ("pages", "refused", "stored")

    def __init__(self) -> None:
        self.pages: dict[int, Seen] = {}
        self.refused: str | None = None
        self.stored = False  # some of it is in the library


class Gathering:
    """The pages of one import, gathered into issues: ``add`` each file's pages, store the
    issues ``ready`` yields, then those ``finish`` yields; ``stored`` takes each issue's
    results. What it found is then read off it (``importer``)."""

    def __init__(self) -> None:
        self.max_pages, self.max_bytes = MAX_OPEN_PAGES, MAX_OPEN_BYTES
        self.order: dict[Key, int] = {}  # each issue's place, by its first page
        self.held: dict[Key, _Held] = {}  # least recently added to first
        self.handed: dict[Key, _Handed] = {}
        self.pending: list[tuple[Page, str, float]] = []  # say neither paper nor date
        self.dropped: list[Dropped] = []
        self.results: list[PageResult | None] = []  # None: replaced by a later page
        self.late_refused: list[tuple[int, list[str], str]] = []
        self.held_pages = 0
        self.held_bytes = 0.0
        self.most_held = 0  # the most pages in hand at once
        self._arrivals = 0
        self._handing: tuple[Key, dict[int, Seen], Issue] | None = None

    # -- reading ---------------------------------------------------------------------
    def add(self, pages: list[Page], size: int) -> None:
        """The pages read from one file of ``size`` bytes."""
        share = size / len(pages) if pages else 0.0
        for page in pages:
            file = _file_of(page)
            if page.paper or page.date:
                self._add((page.paper, page.date), page, file, share)
            elif len(self.order) <= 1:  # it may yet join the one issue of the import
                self.pending.append((page, file, share))
                self._count(1, share)
            else:
                self._decide(NEITHER, page, file)
        self.most_held = max(self.most_held, self.held_pages)

    def ready(self) -> Iterator[Issue]:
        """The issues to store now, to bring what is held back within bounds."""
        while self.held and (self.held_pages > self.max_pages or self.held_bytes > self.max_bytes):
            issue = self._hand_on(next(iter(self.held)))
            if issue is not None:
                yield issue

    def finish(self) -> Iterator[Issue]:
        """Every issue still in hand, once every file is read."""
        if len(self.order) == 1 and self.pending:  # they join the import's one issue
            key = next(iter(self.order))
            for page, file, share in self.pending:
                self._count(-1, share)
                self._add(key, page, file, share)
            self.pending = []
        self._pending_unfiled()
        while self.held:
            issue = self._hand_on(next(iter(self.held)))
            if issue is not None:
                yield issue

    def _count(self, pages: int, share: float) -> None:
        self.held_pages += pages
        self.held_bytes += share * pages

    def _add(self, key: Key, page: Page, file: str, share: float) -> None:
        if key not in self.order:
            self.order[key] = len(self.order)
            if len(self.order) == 2:  # pages saying neither can no longer join one issue
                self._pending_unfiled()
        if key[0] is None or key[1] is None:  # never filed: only its lines are kept
            self._decide(key, page, file)
            return
        held = self.held.pop(key, None) or _Held()
        self.held[key] = held  # now the most recently added to
        if held.front is None and page.masthead:
            held.front = page.masthead
        had = held.pages.get(page.number)
        if not self._keeps(key, page, file, _seen(*had[:2]) if had else None):
            return
        if had is not None:
            self._count(-1, had[2])
        held.pages[page.number] = (page, file, share)
        self._count(1, share)

    def _decide(self, key: Key, page: Page, file: str) -> None:
        """A page of an issue that cannot be filed: only whether it is kept matters."""
        if self._keeps(key, page, file, None):
            self.handed.setdefault(key, _Handed()).pages[page.number] = _seen(page, file)

    def _keeps(self, key: Key, page: Page, file: str, had: Seen | None) -> bool:
        """Whether ``page`` is kept over the one of its number that came before (in hand,
        ``had``, or handed on); the one not kept is told (see assemble)."""
        if had is None and key in self.handed:
            had = self.handed[key].pages.get(page.number)
        if had is None:
            return True
        self._arrivals += 1
        order = (self.order.get(key, LAST), self._arrivals)
        mine = _seen(page, file)
        if had.pdf and not mine.pdf:
            self.dropped.append(Dropped(order, mine, had))
            return False
        self.dropped.append(Dropped(order, had, mine))
        return True

    def _pending_unfiled(self) -> None:
        for page, file, share in self.pending:
            self._count(-1, share)
            self._decide(NEITHER, page, file)
        self.pending = []

    # -- storing ---------------------------------------------------------------------
    def _hand_on(self, key: Key) -> Issue | None:
        """The issue of ``key`` as far as it is in hand, to be stored; None when there is
        nothing to store (its pages were all dropped, or the issue was refused)."""
        held = self.held.pop(key)
        if not held.pages:
            return None
        handed = self.handed.setdefault(key, _Handed())
        replaced: dict[int, Seen] = {}
        for number, (page, file, share) in held.pages.items():
            self._count(-1, share)
            if number in handed.pages:
                replaced[number] = handed.pages[number]
            handed.pages[number] = _seen(page, file)
        if handed.refused is not None:  # the rest of a refused issue is refused with it
            return None
        issue = assemble(page for page, _, _ in held.pages.values())
        issue.paper, issue.date = key
        if held.front is not None:  # the first front page that came, as assemble takes it
            issue.masthead = dict(held.front)
            issue.serial = issue.masthead.get("serial")
            issue.page_count = issue.masthead.get("page_count")
        self._handing = (key, replaced, issue)
        return issue

    def stored(self, issue: Issue, results: list[PageResult], refused: str | None) -> None:
        """What the library made of the issue handed on last (see Library.import_issues)."""
        if self._handing is None or self._handing[2] is not issue:
            raise ValueError("the results of an issue this gathering did not hand on")
        key, replaced, _ = self._handing
        self._handing = None
        handed = self.handed[key]
        if refused is not None:
            if not handed.stored:  # the issue as a whole: its message is made at the end
                handed.refused = refused
                return
            # Pages of an issue stored before: these alone are refused.
            files = sorted({handed.pages[p.number].file for p in issue.pages})
            self.late_refused.append((self.order[key], files, refused))
            for page in issue.pages:
                if page.number in replaced:
                    handed.pages[page.number] = replaced[page.number]
                else:
                    del handed.pages[page.number]
            return
        handed.stored = True
        for result in results:
            seen = handed.pages[result.number]
            before = replaced.get(result.number)
            if before is not None and before.result >= 0:
                earlier = self.results[before.result]
                assert earlier is not None
                result = _against_library(earlier, before.pdf, result, seen.pdf)
                self.results[before.result] = None
            handed.pages[result.number] = seen._replace(result=len(self.results))
            self.results.append(result)

    def kept_files(self, key: Key) -> list[str]:
        """The files of the pages of ``key``'s issue that were kept, in order."""
        return sorted({seen.file for seen in self.handed[key].pages.values()})

    def results_in_order(self) -> list[PageResult]:
        """The pages' results as one import of every page at once gave them: issue by
        issue, in the order their first pages came, each in page order."""
        return sorted((r for r in self.results if r is not None),
                      key=lambda r: (self.order[(r.paper, r.date)], r.number))


def _seen(page: Page, file: str) -> Seen:
    return Seen(file, page.label, page.pdf is not None)


def _against_library(earlier: PageResult, earlier_pdf: bool, later: PageResult,
                     later_pdf: bool) -> PageResult:
    """The result of ``later``, stored over ``earlier`` of the same import, as the library
    before the import would give it (as if ``earlier`` had never come)."""
    if earlier.status == "imported":  # the library had no such page
        return later._replace(status="imported", note="", kind="")
    if earlier.status == "unchanged":  # the library's page is still there: compared with it
        return later
    # ``earlier`` replaced the library's page: from text if ``earlier`` gained the page
    # image, or was text itself (a page from text never replaces one from its PDF).
    from_text = earlier.kind == GAINED_IMAGE_KIND or not earlier_pdf
    kind = GAINED_IMAGE_KIND if later_pdf and from_text else ""
    return later._replace(status="replaced", note=NOTES.get(kind, ""), kind=kind)
