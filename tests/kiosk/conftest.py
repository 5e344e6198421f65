"""Kiosk fixtures: a library with two issues of the sample paper (the newer one with a web
address in an article), a PIN, and a built, locked-down, full-screen kiosk window."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from paper_reader.app import ReaderApp, build
from paper_reader.core.library import Library
from paper_reader.kiosk.config import KioskConfig
from paper_reader.kiosk.pin import MIN_ITERATIONS, hash_pin
from paper_reader.kiosk.profile import kiosk_profile

PIN = "2468"
PIN_HASH = hash_pin(PIN, iterations=MIN_ITERATIONS)  # the fewest allowed: tests check many PINs
WEB = "http://www.songhe.example.cn/chungeng"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A nested event loop in a test would hang the run: make any attempt fail loudly."""
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a modal dialog was run with exec() during a test")

    for cls in (QDialog, QMessageBox):
        monkeypatch.setattr(cls, "exec", refuse)
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)


def make_library(path: Path, sample_dir: Path, tmp: Path, papers: tuple[str, ...] = ("松河日报",)) -> Path:
    """The sample issue (2024-03-15), and a day later one whose lead article names a web
    address; with more papers, the same two issues under each further name."""
    from paper_reader.core.importer import import_paths

    folders = [sample_dir]
    for n, paper in enumerate(papers):
        for day in (("16",) if n == 0 else ("15", "16")):
            folder = tmp / f"{paper}-{day}"
            folder.mkdir(parents=True, exist_ok=True)
            for page in sample_dir.glob("*.txt"):
                text = page.read_text(encoding="utf-8").replace("2024年3月15日", f"2024年3月{day}日")
                text = text.replace("扎实做好春耕生产各项准备", f"扎实做好春耕生产各项准备(详见 {WEB} )")
                text = text.replace("松河日报", paper)
                (folder / page.name).write_text(text, encoding="utf-8")
            folders.append(folder)
    with Library(path) as lib:
        report = import_paths(lib, folders)
        assert not report.errors, report.errors
    return path


@pytest.fixture
def kiosk_library(tmp_path: Path, sample_dir: Path) -> Path:
    return make_library(tmp_path / "shared" / "library.sqlite3", sample_dir, tmp_path / "pages")


@pytest.fixture
def config() -> KioskConfig:
    return KioskConfig(idle_timeout=600, countdown=20, admin_pin=PIN_HASH, text_size=14.0)


@pytest.fixture
def make_kiosk(qtbot, kiosk_library: Path, config: KioskConfig) -> Iterator[Callable[..., ReaderApp]]:
    """``make_kiosk(**config changes)``: a kiosk window, shown full screen."""
    made: list[ReaderApp] = []

    def make(path: Path | None = None, **changes: object) -> ReaderApp:
        cfg = dataclasses.replace(config, **changes)
        parts = build(path or kiosk_library, profile=kiosk_profile(cfg))
        qtbot.addWidget(parts.window, before_close_func=lambda _w: parts.kiosk.release())
        parts.kiosk.show()
        qtbot.waitExposed(parts.window)
        made.append(parts)
        return parts

    yield make
    for parts in made:
        parts.kiosk.release()
        panel = parts.tools.search.built
        if panel is not None:
            panel.wait()
        parts.library.close()


@pytest.fixture
def kiosk(make_kiosk: Callable[..., ReaderApp]) -> ReaderApp:
    return make_kiosk()
