"""The command line: parse, import, export, export-page, search, list, remove, library,
kiosk. No Qt is loaded here.

This module is the entry point; the argument parser is in ``parser`` (argparse, loaded
only when needed: a plain ``search`` is read by ``quick_search``), the commands in
``commands`` (the library's), ``pages`` (a page's PDF) and ``kiosk`` (the kiosk's); what
they print goes through ``output``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..core.library import LibraryError
from .output import CliError, UsageError, say


def run_command(args) -> int:  # type: ignore[no-untyped-def]  # argparse's Namespace, or quick_search's
    try:
        return int(args.func(args))
    except UsageError as exc:
        say(f"paper-reader {args.command}: {exc}", err=True)
        return 2
    except (CliError, LibraryError) as exc:
        say(f"paper-reader: {exc}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        say("paper-reader: interrupted; nothing of the unfinished import or removal was kept", err=True)
        return 1
    except Exception as exc:
        # Only the commands that read page files raise it, and they have loaded the sources.
        from ..core.sources.decoding import PageFileError

        if not isinstance(exc, PageFileError):
            raise
        say(f"paper-reader: {exc}", err=True)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """The commands; without one, argparse prints usage (the window starts from __main__)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # Arguments may carry bytes that are not UTF-8 (surrogate escapes): echo them, never die.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    from .quick_search import search_arguments

    args = search_arguments(argv)
    if args is None:
        from .parser import build_parser

        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_usage(sys.stderr)
            return 2
    return run_command(args)


def __getattr__(name: str) -> object:
    if name == "VersionAction":  # the window's own argument parser takes --version from here
        from .parser import VersionAction

        return VersionAction
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
