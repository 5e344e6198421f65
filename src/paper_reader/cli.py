"""The command line: parse, import, export, search, list. No Qt is loaded here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import version_string
from .core.decoding import PageFileError
from .core.library import Library, LibraryError, SearchHit


class CliError(Exception):
    """A one-line message for the terminal; exit code 1."""


def _open(db: str | None, readonly: bool = False) -> Library:
    from .core.paths import default_library

    path = Path(db) if db else default_library()
    try:
        if readonly and not path.exists():
            raise CliError(f"{path}: no library here yet (import some pages first)")
        return Library(path, readonly=readonly)
    except OSError as exc:  # a name the file system refuses (too long, …)
        raise CliError(f"{str(path)[:120]}: cannot be used as a library ({exc.strerror or exc})") from None


def cmd_parse(args: argparse.Namespace) -> int:
    from .core.issue import parse_path

    issue = parse_path(args.path)
    data = issue.to_dict()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{issue.paper or '?'} {issue.date or '?'}")
        for page in issue.pages:
            print(f"  {page.label} {page.section or ''}  {len(page.articles)} 篇")
            for art in page.articles:
                print(f"    {art.title}")
            for line in page.unplaced:
                print(f"    [未归类] {line}")
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
        print(f"{r.paper} {r.date} 第{r.number}版: {r.status}")
    for source, number, lines in report.unplaced:
        for line in lines:
            print(f"{source} 第{number}版: unplaced line: {line}", file=sys.stderr)
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"{report.count('imported')} imported, {report.count('replaced')} replaced, "
          f"{report.count('unchanged')} unchanged, {len(report.errors)} failed")
    return 1 if report.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        issues = lib.export(args.paper, args.date)
    json.dump([i.to_dict() for i in issues], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        hits = lib.search(args.query, limit=args.limit, paper=args.paper,
                          date_from=args.date_from, date_to=args.date_to)
    if args.json:
        out = [{"paper": h.paper, "date": h.date, "page": h.page, "article": h.position,
                "title": h.title,
                "snippet": h.snippet.replace(SearchHit.MARK_START, "").replace(SearchHit.MARK_END, "")}
               for h in hits]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    tty = sys.stdout.isatty()
    start, end = ("\x1b[1;33m", "\x1b[0m") if tty else ("[", "]")
    for h in hits:
        snippet = h.snippet.replace(SearchHit.MARK_START, start).replace(SearchHit.MARK_END, end)
        print(f"{h.paper} {h.date} 第{h.page}版  {h.title}\n    {snippet}")
    print(f"{len(hits)} hit(s)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args.db, readonly=True) as lib:
        for paper in lib.papers():
            print(f"{paper.name}: {paper.issue_count} issue(s), {paper.first_date} – {paper.last_date}")
            for info in lib.issues(paper.name):
                pages = ",".join(str(n) for n in info.pages)
                total = f"/{info.page_count}" if info.page_count else ""
                print(f"  {info.date}  pages {pages}{total}")
    return 0


def cmd_kiosk_set_pin(args: argparse.Namespace) -> int:
    """Ask for the administrator PIN twice and store its salted hash in the kiosk file."""
    import getpass
    import os

    from .core.kiosk_config import system_path, writable, write_pin
    from .core.pin import hash_pin, pin_problem

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
    print(f"The administrator PIN is set in {path} (mode {st.st_mode & 0o777:04o}: readable by {readers}).")
    if hasattr(os, "geteuid") and st.st_uid == 0 and (st.st_gid == 0 or not st.st_mode & 0o040):
        print("note: only root can read it now, so a kiosk running as another user cannot; give "
              "that user's group: paper-reader kiosk set-pin --group GROUP (e.g. --group reader)",
              file=sys.stderr)
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

    from .core.kiosk_config import KioskConfigError, load_config

    try:
        config = load_config(args.config)
    except KioskConfigError as exc:
        raise CliError(str(exc)) from None
    files = ", ".join(map(str, config.files)) or "none (all defaults)"
    print(f"files: {files}")
    for f in config.files:  # the PIN's hash, readable by anyone, can be guessed at offline
        if os.name == "posix" and "admin_pin" in f.read_text(encoding="utf-8-sig") \
                and f.stat().st_mode & 0o004:
            print(f"warning: {f} is readable by every user, and so is the PIN's hash; "
                  "paper-reader kiosk set-pin --group GROUP writes it again readable by the "
                  "kiosk user's group only", file=sys.stderr)
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
        print(f"{key}: {value}")
    return 0


class VersionAction(argparse.Action):
    """--version, reading the installed version only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(version_string())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="library file (default: the user's library)")
    parser = argparse.ArgumentParser(
        prog="paper-reader", parents=[common],
        description="Read digitized daily newspapers. Without a command, opens the reader window "
                    "(window options: --open DATE[/PAGE[/ARTICLE]] --paper NAME --screenshot OUT.png "
                    "--size WxH --theme light|dark; reading-room kiosk: --kiosk [--config PATH]).")
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("parse", parents=[common], help="parse a page file or folder, store nothing")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print the issue as JSON")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("import", parents=[common], help="import page files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="print stored issues as JSON")
    p.add_argument("--paper")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", default=True, help="JSON output (the default)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--paper")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("list", parents=[common], help="list papers, issues and pages")
    p.set_defaults(func=cmd_list)

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
    except (CliError, PageFileError, LibraryError) as exc:
        print(f"paper-reader: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("paper-reader: interrupted; nothing of the unfinished import was kept", file=sys.stderr)
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
