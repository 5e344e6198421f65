"""Entry point: ``paper-reader`` and ``python -m paper_reader``.

Commands go to the command line module; anything else opens the window. The two are kept
apart so that the window's start-up loads nothing it does not need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from typing import NoReturn

COMMANDS = {"parse", "import", "export", "export-page", "search", "list", "library", "remove"}
# Commands that only read: once they return, their library is closed and all that is left to
# do is print what they wrote.
READING = {"search", "list"}


def leave_now(code: int) -> NoReturn:
    """End a reading command at once, its output written: the interpreter's tear-down of the
    modules it loaded (some 10 ms, a quarter of a search from a script) has nothing to finish
    for it. The program's own ends only (a caller of ``main`` with arguments, a test, keeps
    its process)."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): nothing more can be said
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # nothing else to load: a packager's or a script's check
        from . import version_string

        print(version_string())
        return 0
    words = {a for a in args if not a.startswith("-")}
    # `kiosk set-pin` is a command; `--kiosk` and `--config kiosk.ini` open the window.
    if words & COMMANDS or args[:1] == ["kiosk"] or {"-h", "--help", "--version"} & set(args):
        from .cli import main as cli_main

        code = cli_main(args)
        if argv is None and args[:1] != ["kiosk"] and words & READING and not words & (COMMANDS - READING):
            leave_now(code)
        return code
    import gc

    # The window's start-up makes tens of thousands of objects and hardly any garbage: the
    # cyclic collector ran some fifty times (4 ms) before the first paint. The window turns
    # it back on once it is up (app.collect_after_start).
    gc.disable()
    # The Qt-free core before PySide: PySide's import hook reads the source of every module
    # imported after it (to look for `from __feature__ import`), 40 µs a module.
    from .app import run_gui
    from .core import library  # noqa: F401

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
