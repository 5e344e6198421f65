"""The kiosk's configuration: one INI file system-wide, optionally another given with
``--config`` whose keys win. No Qt here.

Every key lives in the ``[kiosk]`` section; ``packaging/kiosk/kiosk.ini`` is the commented
example. A bad value stops the kiosk with a message naming the file, the key and what it
takes: a kiosk that guessed would show patrons something its administrator did not set up.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pin import PinFormatError, parse_hash

SECTION = "kiosk"
SCRIPTS = ("original", "simplified", "traditional", "taiwan", "hongkong")
THEMES = ("light", "dark")
IDLE_RANGE = (10.0, 86_400.0)  # seconds
COUNTDOWN_RANGE = (5.0, 300.0)
TEXT_SIZE_RANGE = (8.0, 48.0)  # points
BOOLEANS = {"1": True, "yes": True, "true": True, "on": True,
            "0": False, "no": False, "false": False, "off": False, "": False}


def system_path() -> Path:
    """The system-wide kiosk file: /etc/paper-reader/kiosk.ini (on Windows, under ProgramData).
    ``app.KIOSK_SYSTEM_FILE`` repeats the POSIX path so that a normal start need not import this."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "paper-reader" / "kiosk.ini"
    return Path("/etc/paper-reader/kiosk.ini")


class KioskConfigError(Exception):
    """A configuration that cannot be used; the message names file, key and the fix."""


@dataclass(frozen=True)
class KioskConfig:
    library: Path | None = None  # None: the user's default library
    papers: tuple[str, ...] = ()  # shown papers; empty: all
    idle_timeout: float = 180.0  # seconds without input before the countdown
    countdown: float = 20.0  # seconds the countdown runs before the reset
    script: str = "original"
    theme: str = "light"
    text_size: float = 14.0
    printing: bool = False
    printer: str = ""  # empty: the system's default printer
    admin_pin: str = ""  # pbkdf2_sha256$... ; empty: no exit from the kiosk
    files: tuple[Path, ...] = field(default=(), compare=False)  # where it was read from


KEYS = ("library", "papers", "idle_timeout", "countdown", "script", "theme", "text_size",
        "printing", "printer", "admin_pin")


def load_config(path: str | Path | None = None, system: Path | None = None) -> KioskConfig:
    """The system file (if there is one), then ``path`` (which must exist) over it."""
    system = system_path() if system is None else system
    files: list[Path] = [system] if system.is_file() else []
    if path is not None:
        given = Path(path).expanduser()
        if not given.is_file():
            raise KioskConfigError(f"{given}: no such kiosk configuration file")
        if not files or given.resolve() != files[0].resolve():
            files.append(given)
    values: dict[str, tuple[str, Path]] = {}
    for f in files:
        values.update({key: (value, f) for key, value in read_file(f).items()})
    return from_values(values, tuple(files))


def read_file(path: Path) -> dict[str, str]:
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=True)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KioskConfigError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise KioskConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        message = " ".join(str(exc).split())
        raise KioskConfigError(f"{path}: not a valid INI file: {message}") from None
    others = [s for s in parser.sections() if s != SECTION]
    if others:
        raise KioskConfigError(f"{path}: unknown section [{others[0]}]; every key goes under [{SECTION}]")
    if not parser.has_section(SECTION):
        return {}
    out = dict(parser.items(SECTION))
    for key in out:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise KioskConfigError(f"{path}: unknown key {key!r} in [{SECTION}]{hint}; "
                                   f"known keys: {', '.join(KEYS)}")
    return out


def _number(key: str, raw: str, where: Path, bounds: tuple[float, float], unit: str) -> float:
    low, high = bounds
    try:
        value = float(raw.strip().removesuffix("s").strip()) if unit == "seconds" else float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # also NaN
        raise KioskConfigError(f"{where}: [{SECTION}] {key} = {raw!r}: expected {unit}, "
                               f"a number from {low:g} to {high:g}")
    return value


def _choice(key: str, raw: str, where: Path, choices: tuple[str, ...]) -> str:
    value = raw.strip().lower()
    if value not in choices:
        raise KioskConfigError(f"{where}: [{SECTION}] {key} = {raw!r}: expected one of "
                               f"{', '.join(choices)}")
    return value


def from_values(values: dict[str, tuple[str, Path]], files: tuple[Path, ...] = ()) -> KioskConfig:
    """Check and convert raw ``key -> (text, file it came from)``; missing keys take defaults."""
    out: dict[str, Any] = {}  # checked above, key by key, for KioskConfig's fields
    for key, (raw, where) in values.items():
        raw = raw.strip()
        if key == "library":
            if raw:
                p = Path(raw).expanduser()
                out[key] = p if p.is_absolute() else (where.parent / p)
        elif key == "papers":
            out[key] = tuple(dict.fromkeys(n.strip() for n in re.split(r"[,，、;\n]", raw) if n.strip()))
        elif key == "idle_timeout":
            out[key] = _number(key, raw, where, IDLE_RANGE, "seconds")
        elif key == "countdown":
            out[key] = _number(key, raw, where, COUNTDOWN_RANGE, "seconds")
        elif key == "text_size":
            out[key] = _number(key, raw, where, TEXT_SIZE_RANGE, "points")
        elif key == "script":
            out[key] = _choice(key, raw, where, SCRIPTS)
        elif key == "theme":
            out[key] = _choice(key, raw, where, THEMES)
        elif key == "printing":
            if raw.lower() not in BOOLEANS:
                raise KioskConfigError(f"{where}: [{SECTION}] printing = {raw!r}: expected yes or no")
            out[key] = BOOLEANS[raw.lower()]
        elif key == "printer":
            out[key] = raw
        elif key == "admin_pin":
            if raw:
                try:
                    parse_hash(raw)
                except PinFormatError as exc:
                    raise KioskConfigError(f"{where}: [{SECTION}] admin_pin: {exc}") from None
            out[key] = raw
    return KioskConfig(**out, files=files)


# -- writing the PIN ---------------------------------------------------------------------------
_HEADER = re.compile(r"^\s*\[([^\]]*)\]\s*$")
_PIN_LINE = re.compile(r"^\s*admin_pin\s*[=:]")


def with_pin(text: str, stored: str) -> str:
    """``text`` (an INI file) with ``admin_pin`` set in [kiosk]; comments and order kept."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    new = f"admin_pin = {stored}\n"
    header = None
    section = None
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if m:
            section = m.group(1).strip()
            if section == SECTION and header is None:
                header = i
            continue
        if section == SECTION and _PIN_LINE.match(line):
            lines[i] = new
            return "".join(lines)
    if header is not None:
        lines.insert(header + 1, new)
    else:
        if lines and lines[-1].strip():
            lines.append("\n")
        lines += [f"[{SECTION}]\n", new]
    return "".join(lines)


def write_pin(path: Path, stored: str, group: int | None = None) -> os.stat_result:
    """Set ``admin_pin`` in ``path`` (made if missing), in one rename (see core.safe_file), so
    that a kiosk never reads half a file; never through a symbolic link. The hash is readable
    only by the file's owner and, when it had one or ``group`` is given, its group (0640):
    the kiosk's user reads the system file through its group. Returns the new file's stat.
    OSError when it cannot be written; the file is then as it was."""
    from ..core.safe_file import read_text, refuse_link, write_atomic

    old = refuse_link(path)
    data = with_pin(read_text(path) or "", stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o600 if old is None else (old.st_mode & 0o640) | 0o600  # others never; group reads
    ours = os.getegid() if hasattr(os, "getegid") else None  # no groups on Windows
    gid = old.st_gid if old is not None and ours is not None and old.st_gid != ours else None  # kept
    if group is not None:
        mode, gid = mode | 0o040, group
    write_atomic(path, data.encode("utf-8"), mode, gid)
    return path.stat()


def writable(path: Path) -> bool:
    """Whether ``path`` could be written (or made), checked before asking for a PIN."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return os.access(parent, os.W_OK)
