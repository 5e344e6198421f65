"""What the commands print: every line escaped for the terminal, JSON exact, a progress bar."""

from __future__ import annotations

import sys

from ..core.library import SearchHit
from ..core.terminal import for_terminal, json_for_terminal

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a search's start)
if TYPE_CHECKING:
    from typing import TextIO

SHOWN_LINES = 10  # of a long list of problems; the rest are counted


class CliError(Exception):
    """A one-line message for the terminal; exit code 1."""


class UsageError(CliError):
    """A command given in a way it cannot be done (exit code 2, as argparse's own)."""


def say(text: object = "", err: bool = False, marks: tuple[str, str] | None = None) -> None:
    """Every line the commands print goes through here: what it quotes from pages, the
    library or file names is shown with its control characters escaped. ``marks``: the
    search's hit markers become these (terminal colours of our own)."""
    keep = SearchHit.MARK_START + SearchHit.MARK_END if marks else ""
    line = for_terminal(text, keep)
    if marks:
        line = line.replace(SearchHit.MARK_START, marks[0]).replace(SearchHit.MARK_END, marks[1])
    stream = sys.stderr if err else sys.stdout
    stream.write(line + "\n")


def print_json(data: object) -> None:
    sys.stdout.write(json_for_terminal(data) + "\n")


class Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO) -> None:
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
