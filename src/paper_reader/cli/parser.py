"""The command line's argument parser (argparse): every command's arguments, help and usage
messages. ``paper-reader search`` in its plain forms does not come here (``quick_search``).
"""

from __future__ import annotations

import argparse

from .. import version_string
from ..core.sources import kinds_text
from ..core.terminal import for_terminal
from .commands import cmd_export, cmd_import, cmd_library_publish, cmd_list, cmd_parse, cmd_remove, cmd_search
from .kiosk import cmd_check, cmd_set_pin
from .pages import cmd_export_page
from .quick_search import iso_date, positive


class _Parser(argparse.ArgumentParser):
    """argparse, with the arguments it quotes in its messages escaped like everything else."""

    def _print_message(self, message: str, file=None) -> None:  # type: ignore[no-untyped-def]
        super()._print_message(for_terminal(message, keep="\n") if message else message, file)


def _date(text: str) -> str:
    """A YYYY-MM-DD date that exists (2024-13-45 is a usage error, not an empty answer)."""
    if iso_date(text) is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")
    return text


def _positive(text: str) -> int:
    number = positive(text)
    if number is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to 999999")
    return number


def _page_place(text: str) -> tuple[str, int]:
    """DATE/PAGE (2024-03-15/1): an issue's date and its page's number, counted from 1."""
    date, slash, page = text.partition("/")
    if not slash:
        raise argparse.ArgumentTypeError(f"{text!r} is not DATE/PAGE (as 2024-03-15/1)")
    return _date(date), _positive(page)


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
    kinds = kinds_text()  # the kinds of page file the sources take: ".txt"

    p = sub.add_parser("parse", parents=[common],
                       help=f"parse a page file ({kinds}) or folder, store nothing")
    p.add_argument("path", help=f"a page file ({kinds}) or a folder of them")
    p.add_argument("--json", action="store_true", help="print the issue as JSON")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("import", parents=[common], help=f"import page files ({kinds}) or folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help=f"page files ({kinds}) or folders of them")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="print stored issues as JSON (--json)")
    p.add_argument("--paper")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_date)
    # Required, not implied: JSON is the only form export has, and saying so keeps room
    # for another one without changing what `export --json` means.
    p.add_argument("--json", action="store_true", required=True, help="JSON output (required)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("export-page", parents=[common],
                       help="write a page's PDF, as imported, to a file (--out FILE.pdf)")
    p.add_argument("page", metavar="DATE/PAGE", type=_page_place,
                   help="the issue's date and the page's number (2024-03-15/1)")
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF file to write")
    p.add_argument("--paper", help="the paper (when several have an issue that day)")
    p.add_argument("--whole-file", action="store_true",
                   help="a page of an issue's PDF: write the whole file it came in")
    p.set_defaults(func=cmd_export_page)

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

    library_parser = sub.add_parser("library", help="the library file: publish")
    library_sub = library_parser.add_subparsers(dest="library_command", required=True)
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

    kiosk_parser = sub.add_parser("kiosk", help="reading-room kiosk: set-pin, check")
    kiosk_sub = kiosk_parser.add_subparsers(dest="kiosk_command", required=True)
    p = kiosk_sub.add_parser("set-pin", help="set the administrator PIN (asked twice, stored hashed)")
    p.add_argument("--config", metavar="PATH",
                   help="kiosk configuration file (default: the system-wide one)")
    p.add_argument("--group", metavar="GROUP",
                   help="the kiosk user's group, which may read the file (mode 0640); others never can")
    p.set_defaults(func=cmd_set_pin)
    p = kiosk_sub.add_parser("check", help="read the kiosk configuration and print it")
    p.add_argument("--config", metavar="PATH", help="kiosk configuration file over the system-wide one")
    p.set_defaults(func=cmd_check)
    return parser
