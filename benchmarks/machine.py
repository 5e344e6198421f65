"""Facts about the machine and software a benchmark ran on."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import subprocess
import sys
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1048576:.1f} GiB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "src"],
                               cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head} (src/ has uncommitted changes)" if dirty else head


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews timings."""
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def facts() -> list[tuple[str, str]]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return [
        ("Date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", _cpu_model()),
        ("Cores", f"{os.cpu_count()} ({usable} usable by this process)"),
        ("Memory", _memory()),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {sys.version.split()[0]}"),
        ("SQLite", sqlite3.sqlite_version),
        ("OpenCC (Python package)", _version("opencc")),
        ("paper-reader", f"{_version('paper-reader')}, commit {_git()}"),
        ("Load average at start (1 / 5 / 15 min)", load_average()),
    ]
