"""Entry point: ``paper-reader`` and ``python -m paper_reader``.

Commands go to the command line module; anything else opens the window. The two are kept
apart so that the window's start-up loads nothing it does not need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

COMMANDS = {"parse", "import", "export", "export-page", "search", "list", "library", "remove"}


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

        return cli_main(args)
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
