"""Shared fixtures: every test runs with settings, data and logs under its own tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("long", max_examples=20000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
# The publisher's real page lives beside the checkout, not in it (see README).
CORPUS = Path(os.environ.get("PAPER_READER_CORPUS") or ROOT.parent / "shared" / "corpus")
REAL_PAGE = CORPUS / "liaoyuan-2020-07-06-p1.txt"
SAMPLE = ROOT / "resources" / "sample" / "songhe-2024-03-15"
SAMPLE_PDF = SAMPLE / "pdf"  # the same pages as the publisher's PDFs, with layout.json
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's library or settings."""
    home = tmp_path / "home"
    monkeypatch.setenv("PAPER_READER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    return home


@pytest.fixture
def real_page() -> Path:
    if not REAL_PAGE.exists():
        where = f"the publisher's reference page is not at {REAL_PAGE}"
        if os.environ.get("CI"):  # CI has it beside the checkout: its absence is a failure there
            pytest.fail(where)
        pytest.skip(f"{where} (set PAPER_READER_CORPUS)")
    return REAL_PAGE


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def sample_library(tmp_path: Path, sample_dir: Path) -> Path:
    """A library holding the sample issue, imported from its text."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    path = tmp_path / "sample.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [sample_dir]).errors
    return path
