"""The commands that read and write the library: parse, import, export, search, list, remove,
library publish."""

from __future__ import annotations

import os
import sys

from ..core.library import Library, Removal, SearchHit, SearchQuery
from ..core.terminal import for_terminal
from .output import SHOWN_LINES, CliError, Progress, UsageError, print_json, say

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:  # argparse itself is loaded only when the command line needs its parser
    import argparse
    from pathlib import Path
    from typing import TextIO


def _check_paper(lib: Library, paper: str | None) -> None:
    """A paper named on the command line must be in the library: say so, never an empty answer."""
    if paper is None:
        return
    names = [p.name for p in lib.papers()]
    if paper not in names:
        have = ", ".join(names[:SHOWN_LINES]) + (", …" if len(names) > SHOWN_LINES else "")
        raise CliError(f"no paper named {paper} in the library (it holds: {have or 'nothing yet'})")


def _open(db: str | None, readonly: bool = False, must_exist: bool = False) -> Library:
    if db:
        path: str | Path = db  # read with os functions: a search's start loads no pathlib
    else:
        from ..core.paths import default_library

        path = default_library()
    try:
        if (readonly or must_exist) and not os.path.exists(path):
            raise CliError(f"{path}: no library here yet (import some pages first)")
        return Library(path, readonly=readonly)
    except OSError as exc:  # a name the file system refuses (too long, …)
        raise CliError(f"{str(path)[:120]}: cannot be used as a library ({exc.strerror or exc})") from None


class PdfPages:
    """How far the reading of a long PDF has come, on stderr: a counter on a terminal, else a
    line every ``every`` pages. Short files (``quiet`` pages or fewer) say nothing."""

    def __init__(self, stream: TextIO, quiet: int = 20, every: int = 50) -> None:
        self.stream, self.quiet, self.every = stream, quiet, every
        self.live = stream.isatty()

    def __call__(self, path: Path, done: int, total: int) -> None:
        if total <= self.quiet:
            return
        text = for_terminal(f"{path}: page {done} of {total} read")
        if self.live:
            self.stream.write(f"\r{text}" + ("\n" if done == total else ""))
        elif done % self.every == 0 or done == total:
            self.stream.write(text + "\n")
        self.stream.flush()


def cmd_parse(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..core.importer import parse_path
    from ..core.parsing.issue import unfiled
    from ..core.sources.pdf import reading_progress

    with reading_progress(PdfPages(sys.stderr)):
        issue = parse_path(args.path)
    why = unfiled(issue, str(Path(args.path)))
    if why:  # what import would refuse, parse refuses too, in the same words
        raise CliError(why.line)
    if args.json:
        print_json(issue.to_dict())
    else:
        say(f"{issue.paper or '?'} {issue.date or '?'}")
        for page in issue.pages:
            say(f"  {page.label} {page.section or ''}  {len(page.articles)} 篇")
            for art in page.articles:
                say(f"    {art.title}")
            for line in page.unplaced:
                say(f"    [未归类] {line}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.importer import import_paths
    from ..core.sources.pdf import reading_progress

    with _open(args.db) as lib, reading_progress(PdfPages(sys.stderr)):
        report = import_paths(lib, args.paths, progress=Progress(sys.stderr))
    for r in report.results:
        say(r.line())
    unplaced = [(source, number, line) for source, number, lines in report.unplaced for line in lines]
    for source, number, line in unplaced[:SHOWN_LINES]:
        say(f"{source} 第{number}版: unplaced line: {line}", err=True)
    if len(unplaced) > SHOWN_LINES:
        say(f"… and {len(unplaced) - SHOWN_LINES:,} more unplaced lines (paper-reader parse "
             "shows them all)", err=True)
    for warning in report.warnings[:SHOWN_LINES]:
        say(f"warning: {warning}", err=True)
    if len(report.warnings) > SHOWN_LINES:
        say(f"… and {len(report.warnings) - SHOWN_LINES:,} more warnings", err=True)
    shown, more = report.first_errors()
    for err in shown:
        say(f"error: {err}", err=True)
    if more:
        say(f"… and {more:,} more files that could not be imported", err=True)
    say(f"{report.count('imported')} imported, {report.count('replaced')} replaced, "
         f"{report.count('unchanged')} unchanged, {len(report.errors)} failed")
    return 1 if report.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        _check_paper(lib, args.paper)
        issues = lib.export(args.paper, args.date)
    if not issues and args.date:
        raise CliError(f"{args.paper or 'the library'} has no issue dated {args.date}")
    print_json([i.to_dict() for i in issues])
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError(f"--from {args.date_from} is after --to {args.date_to}")
    with _open(args.db, readonly=True) as lib:
        _check_paper(lib, args.paper)
        hits = lib.search(SearchQuery(args.query, args.paper, args.date_from, args.date_to),
                          limit=args.limit)
    if args.json:
        out = [{"paper": h.paper, "date": h.date, "page": h.page, "article": h.position,
                "title": h.title,
                "snippet": h.snippet.replace(SearchHit.MARK_START, "").replace(SearchHit.MARK_END, "")}
               for h in hits]
        print_json(out)
        return 0
    tty = sys.stdout.isatty()
    marks = ("\x1b[1;33m", "\x1b[0m") if tty else ("[", "]")
    for h in hits:
        say(f"{h.paper} {h.date} 第{h.page}版  {h.title}")
        say(f"    {h.snippet}", marks=marks)
    say(f"{len(hits)} hit(s)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        for paper in lib.papers():
            say(f"{paper.name}: {paper.issue_count} issue(s), {paper.first_date} – {paper.last_date}")
            for info in lib.issues(paper.name):
                pages = ",".join(str(n) for n in info.pages)
                total = f"/{info.page_count}" if info.page_count else ""
                say(f"  {info.date}  pages {pages}{total}")
    return 0


def _what(r: Removal) -> str:
    """What a removal takes: 松河日报 2024-03-15 第二版 (6 article(s))."""
    from ..core.model import page_label

    where = " ".join(x for x in (r.paper, r.date, page_label(r.page) if r.page else None) if x)
    counts = [f"{r.issues} issue(s)"] if r.date is None else []
    if r.page is None:
        counts.append(f"{r.pages} page(s)")
    counts.append(f"{r.articles} article(s)")
    return f"{where} ({', '.join(counts)})"


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove a paper, an issue or a page, after asking (on a terminal) unless --yes."""
    if args.page is not None and args.date is None:
        raise UsageError("--page needs --date: which issue's page")
    with _open(args.db, must_exist=True) as lib:
        _check_paper(lib, args.paper)
        plan = lib.removal(args.paper, args.date, args.page)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(f"not removing {for_terminal(_what(plan))} without a confirmation; "
                                 "give --yes to remove without asking")
            sys.stderr.write(for_terminal(f"Remove {_what(plan)} from {lib.path}? "
                                          "This cannot be undone. [y/N] "))
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                say("nothing was removed", err=True)
                return 1
        done = lib.remove(args.paper, args.date, args.page)
    say(f"removed {_what(done)}")
    return 0


def cmd_library_publish(args: argparse.Namespace) -> int:
    """A whole copy of the library, for kiosks: checkpointed, one file, written atomically."""
    from pathlib import Path

    from ..core.library.publish import publish

    with _open(args.db, readonly=True) as lib:
        dest = publish(lib, Path(args.dest))
    say(f"published {lib.path} to {dest}")
    return 0
