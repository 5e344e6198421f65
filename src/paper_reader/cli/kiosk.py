"""The kiosk's commands: set-pin, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from .output import CliError, say


def cmd_set_pin(args: argparse.Namespace) -> int:
    """Ask for the administrator PIN twice and store its salted hash in the kiosk file."""
    import getpass
    import os

    from ..kiosk.config import system_path, writable, write_pin
    from ..kiosk.pin import hash_pin, pin_problem

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
    say(f"The administrator PIN is set in {path} (mode {st.st_mode & 0o777:04o}: readable by {readers}).")
    if hasattr(os, "geteuid") and st.st_uid == 0 and (st.st_gid == 0 or not st.st_mode & 0o040):
        say("note: only root can read it now, so a kiosk running as another user cannot; give "
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


def cmd_check(args: argparse.Namespace) -> int:
    """Read the kiosk configuration as the kiosk would and print what it says."""
    import os

    from ..kiosk.config import KioskConfigError, load_config

    try:
        config = load_config(args.config)
    except KioskConfigError as exc:
        raise CliError(str(exc)) from None
    files = ", ".join(map(str, config.files)) or "none (all defaults)"
    say(f"files: {files}")
    for f in config.files:  # the PIN's hash, readable by anyone, can be guessed at offline
        if os.name == "posix" and "admin_pin" in f.read_text(encoding="utf-8-sig") \
                and f.stat().st_mode & 0o004:
            say(f"warning: {f} is readable by every user, and so is the PIN's hash; "
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
        say(f"{key}: {value}")
    return 0
