"""Where the user's library, settings and logs live.

``PAPER_READER_HOME`` puts all of them under one folder (tests and portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "paper-reader"


def _home() -> Path | None:
    value = os.environ.get("PAPER_READER_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    if home := _home():
        return home / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    if home := _home():
        return home / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    if home := _home():
        return home / "log"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP, appauthor=False))


def state_dir() -> Path:
    """What the app keeps between runs that is neither settings nor data (the kiosk's PIN lockout)."""
    if home := _home():
        return home / "state"
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP, appauthor=False))


def cache_dir() -> Path:
    if home := _home():
        return home / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def default_library() -> Path:
    return data_dir() / "library.sqlite3"


def resources_dir() -> Path:
    """The app's bundled resources: inside the installed package, or the source tree's."""
    packaged = Path(__file__).resolve().parents[1] / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "resources"


def sample_issue_dir() -> Path:
    """The sample issue's page text (the parser's tests read it)."""
    return resources_dir() / "sample" / "songhe-2024-03-15"


def sample_pdf_dir() -> Path:
    """The sample issue's page PDFs, as its publisher would deliver them, and their layout.json.
    A folder of its own: a folder is imported without its subfolders, so the text pages and
    the PDFs of the same pages are never taken in one import by accident."""
    return sample_issue_dir() / "pdf"
