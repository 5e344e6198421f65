"""The command line: parse, import, export, search, list, remove. No Qt is loaded here."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from . import version_string
from .core.library import Library, LibraryError, Removal, SearchHit, SearchQuery
from .core.sources.decoding import PageFileError
from .core.terminal import for_terminal, json_for_terminal

SHOWN_LINES = 10  # of a long list of problems; the rest are counted


class CliError(Exception):
    """A one-line message for the terminal; exit code 1."""


class UsageError(CliError):
    """A command given in a way it cannot be done (exit code 2, as argparse's own)."""


def _say(text: object = "", err: bool = False, marks: tuple[str, str] | None = None) -> None:
    """Every line the commands print goes through here: what it quotes from pages, the
    library or file names is shown with its control characters escaped. ``marks``: the
    search's hit markers become these (terminal colours of our own)."""
    keep = SearchHit.MARK_START + SearchHit.MARK_END if marks else ""
    line = for_terminal(text, keep)
    if marks:
        line = line.replace(SearchHit.MARK_START, marks[0]).replace(SearchHit.MARK_END, marks[1])
    stream = sys.stderr if err else sys.stdout
    stream.write(line + "\n")


def _print_json(data: object) -> None:
    sys.stdout.write(json_for_terminal(data) + "\n")


class _Parser(argparse.ArgumentParser):
    """argparse, with the arguments it quotes in its messages escaped like everything else."""

    def _print_message(self, message: str, file=None) -> None:  # type: ignore[no-untyped-def]
        super()._print_message(for_terminal(message, keep="\n") if message else message, file)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(text: str) -> str:
    """A YYYY-MM-DD date that exists (2024-13-45 is a usage error, not an empty answer)."""
    import datetime

    m = _ISO_DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError
        datetime.date(*(int(x) for x in m.groups()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return text


def _positive(text: str) -> int:
    if not text.isdecimal() or len(text) > 6 or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to 999999")
    return int(text)


def _check_paper(lib: Library, paper: str | None) -> None:
    """A paper named on the command line must be in the library: say so, never an empty answer."""
    if paper is None:
        return
    names = [p.name for p in lib.papers()]
    if paper not in names:
        have = ", ".join(names[:SHOWN_LINES]) + (", …" if len(names) > SHOWN_LINES else "")
        raise CliError(f"no paper named {paper} in the library (it holds: {have or 'nothing yet'})")


def _open(db: str | None, readonly: bool = False, must_exist: bool = False) -> Library:
    from .core.paths import default_library

    path = Path(db) if db else default_library()
    try:
        if (readonly or must_exist) and not path.exists():
            raise CliError(f"{path}: no library here yet (import some pages first)")
        return Library(path, readonly=readonly)
    except OSError as exc:  # a name the file system refuses (too long, …)
        raise CliError(f"{str(path)[:120]}: cannot be used as a library ({exc.strerror or exc})") from None


def cmd_parse(args: argparse.Namespace) -> int:
    from .core.parsing.issue import parse_path, unfiled

    issue = parse_path(args.path)
    why = unfiled(issue, str(Path(args.path)))
    if why:  # what import would refuse, parse refuses too, in the same words
        raise CliError(why)
    if args.json:
        _print_json(issue.to_dict())
    else:
        _say(f"{issue.paper or '?'} {issue.date or '?'}")
        for page in issue.pages:
            _say(f"  {page.label} {page.section or ''}  {len(page.articles)} 篇")
            for art in page.articles:
                _say(f"    {art.title}")
            for line in page.unplaced:
                _say(f"    [未归类] {line}")
    return 0


class _Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.stream = stream
        self.live = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.live or total < 20:
            return
        width = 30
        filled = width * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def cmd_import(args: argparse.Namespace) -> int:
    from .core.importer import import_paths

    with _open(args.db) as lib:
        report = import_paths(lib, args.paths, progress=_Progress(sys.stderr))
    for r in report.results:
        _say(f"{r.paper} {r.date} 第{r.number}版: {r.status}")
    unplaced = [(source, number, line) for source, number, lines in report.unplaced for line in lines]
    for source, number, line in unplaced[:SHOWN_LINES]:
        _say(f"{source} 第{number}版: unplaced line: {line}", err=True)
    if len(unplaced) > SHOWN_LINES:
        _say(f"… and {len(unplaced) - SHOWN_LINES:,} more unplaced lines (paper-reader parse "
             "shows them all)", err=True)
    for warning in report.warnings[:SHOWN_LINES]:
        _say(f"warning: {warning}", err=True)
    if len(report.warnings) > SHOWN_LINES:
        _say(f"… and {len(report.warnings) - SHOWN_LINES:,} more warnings", err=True)
    shown, more = report.first_errors()
    for err in shown:
        _say(f"error: {err}", err=True)
    if more:
        _say(f"… and {more:,} more files that could not be imported", err=True)
    _say(f"{report.count('imported')} imported, {report.count('replaced')} replaced, "
         f"{report.count('unchanged')} unchanged, {len(report.errors)} failed")
    return 1 if report.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        _check_paper(lib, args.paper)
        issues = lib.export(args.paper, args.date)
    if not issues and args.date:
        raise CliError(f"{args.paper or 'the library'} has no issue dated {args.date}")
    _print_json([i.to_dict() for i in issues])
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
        _print_json(out)
        return 0
    tty = sys.stdout.isatty()
    marks = ("\x1b[1;33m", "\x1b[0m") if tty else ("[", "]")
    for h in hits:
        _say(f"{h.paper} {h.date} 第{h.page}版  {h.title}")
        _say(f"    {h.snippet}", marks=marks)
    _say(f"{len(hits)} hit(s)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        for paper in lib.papers():
            _say(f"{paper.name}: {paper.issue_count} issue(s), {paper.first_date} – {paper.last_date}")
            for info in lib.issues(paper.name):
                pages = ",".join(str(n) for n in info.pages)
                total = f"/{info.page_count}" if info.page_count else ""
                _say(f"  {info.date}  pages {pages}{total}")
    return 0


def _what(r: Removal) -> str:
    """What a removal takes: 松河日报 2024-03-15 第二版 (6 article(s))."""
    from .core.model import page_label

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
                _say("nothing was removed", err=True)
                return 1
        done = lib.remove(args.paper, args.date, args.page)
    _say(f"removed {_what(done)}")
    return 0


def cmd_library_publish(args: argparse.Namespace) -> int:
    """A whole copy of the library, for kiosks: checkpointed, one file, written atomically."""
    from .core.library.publish import publish

    with _open(args.db, readonly=True) as lib:
        dest = publish(lib, Path(args.dest))
    _say(f"published {lib.path} to {dest}")
    return 0


def cmd_kiosk_set_pin(args: argparse.Namespace) -> int:
    """Ask for the administrator PIN twice and store its salted hash in the kiosk file."""
    import getpass
    import os

    from .kiosk.config import system_path, writable, write_pin
    from .kiosk.pin import hash_pin, pin_problem

    path = Path(args.config).expanduser() if args.config else system_path()
    if path.is_symlink():
        raise CliError(f"{path}: is a symbolic link; give the real file (a link is never written "
                       "through); nothing was written")
    gid = _group_id(args.group) if args.group else None
    if not writable(path):
        raise CliError(f"{path}: cannot be written here (permission denied); run this as an "
                       "administrator (e.g. sudo paper-reader kiosk set-pin) or give --config PATH")
    try:
        first = getpass.getpass("New administrator PIN (6 or more digits): ")
        second = getpass.getpass("The same PIN again: ")
    except EOFError:
        raise CliError("no PIN given; nothing was written") from None
    if first != second:
        raise CliError("the two PINs differ; nothing was written")
    problem = pin_problem(first)
    if problem:
        raise CliError(f"{problem}; nothing was written")
    try:
        st = write_pin(path, hash_pin(first), gid)
    except OSError as exc:
        raise CliError(f"{path}: cannot be written ({exc.strerror or exc}); nothing was changed") from None
    readers = "its owner and its group" if st.st_mode & 0o040 else "its owner only"
    _say(f"The administrator PIN is set in {path} (mode {st.st_mode & 0o777:04o}: readable by {readers}).")
    if hasattr(os, "geteuid") and st.st_uid == 0 and (st.st_gid == 0 or not st.st_mode & 0o040):
        _say("note: only root can read it now, so a kiosk running as another user cannot; give "
             "that user's group: paper-reader kiosk set-pin --group GROUP (e.g. --group reader)", err=True)
    return 0


def _group_id(name: str) -> int:
    try:
        import grp
    except ImportError:
        raise CliError("--group is for POSIX systems (on Windows, set the file's access rights)") from None
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        raise CliError(f"no group named {name!r} on this machine; nothing was written") from None


def cmd_kiosk_check(args: argparse.Namespace) -> int:
    """Read the kiosk configuration as the kiosk would and print what it says."""
    import os

    from .kiosk.config import KioskConfigError, load_config

    try:
        config = load_config(args.config)
    except KioskConfigError as exc:
        raise CliError(str(exc)) from None
    files = ", ".join(map(str, config.files)) or "none (all defaults)"
    _say(f"files: {files}")
    for f in config.files:  # the PIN's hash, readable by anyone, can be guessed at offline
        if os.name == "posix" and "admin_pin" in f.read_text(encoding="utf-8-sig") \
                and f.stat().st_mode & 0o004:
            _say(f"warning: {f} is readable by every user, and so is the PIN's hash; "
                 "paper-reader kiosk set-pin --group GROUP writes it again readable by the "
                 "kiosk user's group only", err=True)
    for key, value in vars(config).items():
        if key == "files":
            continue
        if key == "admin_pin":
            value = "set" if value else "NOT SET: the kiosk cannot be left (paper-reader kiosk set-pin)"
        elif key == "papers":
            value = ", ".join(value) or "all"
        elif key == "library":
            value = value or "the user's default library"
        elif key == "printer":
            value = value or "the system's default printer"
        _say(f"{key}: {value}")
    return 0


class VersionAction(argparse.Action):
    """--version, reading the installed version only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(version_string())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    db_help = "library file (default: the user's library)"
    # --db before or after the command: the command's own copy is only set when given, so it
    # never hides one given before the command (which would then write to the default library).
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(
        prog="paper-reader",
        description="Read digitized daily newspapers. Without a command, opens the reader window "
                    "(window options: --open DATE[/PAGE[/ARTICLE]] (page and article counted "
                    "from 1) --paper NAME --screenshot OUT.png --size WxH --theme light|dark; "
                    "reading-room kiosk: --kiosk [--config PATH]).")
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("parse", parents=[common], help="parse a page file or folder, store nothing")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print the issue as JSON")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("import", parents=[common], help="import page files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="print stored issues as JSON (--json)")
    p.add_argument("--paper")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_date)
    # Required, not implied: JSON is the only form export has, and saying so keeps room
    # for another one without changing what `export --json` means.
    p.add_argument("--json", action="store_true", required=True, help="JSON output (required)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--paper")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_date)
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_date)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("list", parents=[common], help="list papers, issues and pages")
    p.set_defaults(func=cmd_list)

    library = sub.add_parser("library", help="the library file: publish")
    library_sub = library.add_subparsers(dest="library_command", required=True)
    p = library_sub.add_parser("publish", parents=[common],
                               help="write a whole, self-contained copy of the library to DEST "
                                    "(for copying to kiosks)")
    p.add_argument("dest", metavar="DEST")
    p.set_defaults(func=cmd_library_publish)
    p = sub.add_parser("remove", parents=[common],
                       help="remove a paper, an issue (--date) or a page (--date --page)")
    p.add_argument("--paper", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_date)
    p.add_argument("--page", metavar="N", type=_positive)
    p.add_argument("--yes", action="store_true",
                   help="do not ask (needed when stdin is not a terminal)")
    p.set_defaults(func=cmd_remove)

    kiosk = sub.add_parser("kiosk", help="reading-room kiosk: set-pin, check")
    kiosk_sub = kiosk.add_subparsers(dest="kiosk_command", required=True)
    p = kiosk_sub.add_parser("set-pin", help="set the administrator PIN (asked twice, stored hashed)")
    p.add_argument("--config", metavar="PATH",
                   help="kiosk configuration file (default: the system-wide one)")
    p.add_argument("--group", metavar="GROUP",
                   help="the kiosk user's group, which may read the file (mode 0640); others never can")
    p.set_defaults(func=cmd_kiosk_set_pin)
    p = kiosk_sub.add_parser("check", help="read the kiosk configuration and print it")
    p.add_argument("--config", metavar="PATH", help="kiosk configuration file over the system-wide one")
    p.set_defaults(func=cmd_kiosk_check)
    return parser


def run_command(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except UsageError as exc:
        _say(f"paper-reader {args.command}: {exc}", err=True)
        return 2
    except (CliError, PageFileError, LibraryError) as exc:
        _say(f"paper-reader: {exc}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say("paper-reader: interrupted; nothing of the unfinished import or removal was kept", err=True)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """The commands; without one, argparse prints usage (the window starts from __main__)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # Arguments may carry bytes that are not UTF-8 (surrogate escapes): echo them, never die.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    build_parser().print_usage(sys.stderr)
    return 2
