"""A second start of the reader on the same library hands its request to the running one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paper_reader.core.paths import default_library
from paper_reader.ui.system.single_instance import (
    InstanceGuard,
    Knock,
    answer_knock,
    claim,
    library_of,
    parse_knock,
    server_name,
)

from .conftest import row
from .killer import ENV

SECOND = """
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from paper_reader.ui.system.single_instance import claim
guard = claim(sys.argv[1:])
sys.exit(0 if guard is None else 3)
"""


def second_start(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SECOND, *argv], env={**ENV, **os.environ,
                            "PYTHONPATH": ENV["PYTHONPATH"]}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture
def guard(qapp, tmp_path: Path):
    g = claim(["--db", str(tmp_path / "library.sqlite3")])
    assert g is not None and g.listening
    yield g
    g.close()


def test_second_start_knocks_and_exits(qtbot, guard: InstanceGuard, tmp_path: Path) -> None:
    r = row("Concurrency", "a second start of the reader",
            "`claim(argv)` in a second process on the same library, with --open; then on "
            "another library; then after the first was killed with SIGKILL")
    db = str(tmp_path / "library.sqlite3")
    with qtbot.waitSignal(guard.knocked, timeout=10000) as blocker:
        proc = second_start("--db", db, "--open", "2024-03-15/2/2", "--paper", "松河日报")
        while proc.poll() is None:
            qtbot.wait(20)
    assert proc.returncode == 0, proc.stderr.read()  # claim() gave None: exit, the first one answers
    knock: Knock = blocker.args[0]
    assert knock.open == "2024-03-15/2/2" and knock.paper == "松河日报"
    r.add("the running one was asked; the second exited")

    other = second_start("--db", str(tmp_path / "other.sqlite3"))
    assert other.wait(30) == 3  # another library: a window of its own
    r.add("another library: a window of its own")


def test_a_killed_reader_does_not_block_the_next(qapp, tmp_path: Path) -> None:
    db = str(tmp_path / "library.sqlite3")
    holder = subprocess.Popen([sys.executable, "-c", SECOND.replace(
        "sys.exit(0 if guard is None else 3)", "print('held', flush=True); import time; time.sleep(60)"),
        "--db", db], env=ENV, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    start = time.monotonic()
    g = claim(["--db", db])
    try:
        assert g is not None and g.listening and time.monotonic() - start < 1.0
    finally:
        g.close()
    row("Concurrency", "a second start of the reader", "").add(
        "after kill -9 of the first: takes over at once")


def test_screenshot_runs_never_take_part(qapp, guard: InstanceGuard, tmp_path: Path) -> None:
    g = claim(["--db", str(tmp_path / "library.sqlite3"), "--screenshot", "x.png"])
    assert g is not None and not g.listening


def test_names_are_per_user_and_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = server_name(library_of(["--db", str(tmp_path / "a.sqlite3")]))
    b = server_name(library_of([f"--db={tmp_path / 'b.sqlite3'}"]))
    assert a != b and len(a) < 60
    monkeypatch.chdir(tmp_path)
    assert server_name(library_of(["--db", "a.sqlite3"])) == a  # relative and absolute agree
    monkeypatch.setattr("getpass.getuser", lambda: "someone-else")
    assert server_name(library_of(["--db", str(tmp_path / "a.sqlite3")])) != a


@pytest.mark.parametrize("line", [b"", b"not json", b"[1,2]", b'{"argv": 5}', b"\xff\xfe",
                                  b'{"argv": ["x"], "open": {"a": 1}}', b"{" * 10000])
def test_bad_knocks_are_ignored(line: bytes) -> None:
    knock = parse_knock(line)
    assert knock is None or isinstance(knock, Knock)


def test_answer_opens_the_asked_page(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from paper_reader.app import build

    parts = build(default_library())  # a first run: the sample issue
    qtbot.addWidget(parts.window)
    try:
        parts.window.showMinimized()
        assert answer_knock(Knock(open="2024-03-15/3/1"), parts.window, parts.reader)
        assert parts.reader.location.page == 3 and parts.reader.location.article == 0
        assert not parts.window.windowState() & Qt.WindowState.WindowMinimized
        for spec in ("1999-01-01", "junk", "2024-03-15/²/x", "2024-03-15/" + "9" * 5000, ""):
            answer_knock(Knock(open=spec), parts.window, parts.reader)  # no exception
        row("Concurrency", "a second start of the reader", "").add("--open of the second start opened")
    finally:
        parts.library.close()


def test_a_second_start_waits_for_a_first_that_listens_after_its_first_paint(
        qtbot, tmp_path: Path) -> None:
    """The window takes the lock at once and listens only once it is up (QtNetwork is slow
    to load); a second start in between waits for it instead of opening a window too."""
    db = str(tmp_path / "library.sqlite3")
    first = claim(["--db", db], listen=False)
    assert first is not None and not first.listening
    try:
        with qtbot.waitSignal(first.knocked, timeout=10000) as blocker:
            proc = second_start("--db", db, "--open", "2024-03-15/1/1")
            qtbot.wait(400)  # the first is still painting its window
            assert proc.poll() is None  # the second is waiting, not opening its own
            first.listen()
            assert first.listening
            while proc.poll() is None:
                qtbot.wait(20)
        assert proc.returncode == 0, proc.stderr.read()
        assert blocker.args[0].open == "2024-03-15/1/1"
    finally:
        first.close()
    row("Concurrency", "a second start of the reader", "").add(
        "while the first was still starting: waited, then handed over")
