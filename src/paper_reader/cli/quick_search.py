"""``paper-reader search QUERY``, read without argparse.

The search is the command scripts run again and again, and most of its time was the start:
argparse and the building of every command's parser (with gettext looking for catalogues)
cost more than the search itself. The plain forms of its arguments are read here; any other
form (an abbreviated option, ``--``, ``-h``, a value argparse would refuse) is left to the
full parser (``parser``), which reads it, or says what is wrong with it, exactly as before.
Whatever this module accepts, argparse reads the same way (tests/test_cli_quick_search.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

# The search's options that take a value, and where argparse puts them.
_VALUES = {"--db": "db", "--paper": "paper", "--from": "date_from", "--to": "date_to",
           "--limit": "limit"}


class Arguments:
    """What argparse's Namespace holds for a search: the same names, the same defaults."""

    def __init__(self) -> None:
        self.db: str | None = None
        self.command = "search"
        self.query: str | None = None
        self.json = False
        self.limit = 20
        self.paper: str | None = None
        self.date_from: str | None = None
        self.date_to: str | None = None
        self.version = None  # the --version option's place (it is never a search's)

    @property
    def func(self):  # type: ignore[no-untyped-def]
        from .commands import cmd_search

        return cmd_search


def positive(text: str) -> int | None:
    """A number from 1 to 999999, or None."""
    if not text.isdecimal() or len(text) > 6 or int(text) < 1:
        return None
    return int(text)


def iso_date(text: str) -> str | None:
    """``text`` when it is a YYYY-MM-DD date that exists (any decimal digits, as ``\\d``
    takes them), else None."""
    parts = text[:4], text[5:7], text[8:]
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not all(p.isdecimal() for p in parts):
        return None
    try:
        datetime.date(*(int(p) for p in parts))
    except ValueError:
        return None
    return text


def _value(name: str, text: str) -> object:
    """An option's value as argparse's type would give it; None: argparse must say why not."""
    if name == "limit":
        return positive(text)
    if name in ("date_from", "date_to"):
        return iso_date(text)
    return text


def search_arguments(argv: Sequence[str]) -> Arguments | None:
    """The search's arguments, when ``argv`` is a search in the plain forms: ``--db PATH``
    before the command, then the query and ``--db``, ``--paper``, ``--from``, ``--to``,
    ``--limit`` (as ``--name VALUE`` or ``--name=VALUE``) and ``--json`` in any order.
    None for anything else: argparse reads it."""
    args = Arguments()
    words = list(argv)
    at = 0
    seen_command = False
    while at < len(words):
        word = words[at]
        at += 1
        if not word.startswith("-") or word == "-":
            if word == "-":
                return None  # argparse's reading of a lone dash is its own
            if not seen_command:
                if word != "search":
                    return None
                seen_command = True
            elif args.query is None:
                args.query = word
            else:
                return None  # a second query word: argparse says it is not understood
            continue
        name, equals, text = word.partition("=")
        if name == "--json" and not equals and seen_command:
            args.json = True
            continue
        dest = _VALUES.get(name)
        if dest is None or (not seen_command and dest != "db"):
            return None  # -h, --version, an abbreviation, an option of another command
        if not equals:
            if at == len(words) or words[at].startswith("-"):
                return None  # argparse says the value is missing
            text = words[at]
            at += 1
        value = _value(dest, text)
        if value is None:
            return None
        setattr(args, dest, value)  # given twice: the last one counts, as in argparse
    if not seen_command or args.query is None:
        return None
    return args
