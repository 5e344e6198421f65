"""Damaged libraries, on purpose: the command line and the window say so plainly, change
nothing by reading, and the window offers to set the file aside (renamed, never deleted).

Each case copies a good library (the sample issue and ten generated ones, checkpointed into
one file) and damages it one way, chosen by a seeded random generator: not SQLite at all,
cut short at any byte, one page overwritten with garbage or zeros, random bytes flipped
anywhere, the 100-byte header scribbled on, page 1 garbled, written by a newer version,
another program's SQLite file. Then ``list``, ``export``, two searches and an ``import``
run against it in-process, and the window's start-up check (plus, for some cases, the
window itself).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.importer import import_paths
from paper_reader.core.library import DamagedLibraryError, Library, LibraryError
from paper_reader.core.library.schema import SCHEMA_VERSION

from .conftest import examples, row

KINDS = ["not sqlite", "truncated", "garbage page", "zeroed page", "flipped bytes", "header",
         "page 1", "newer version", "other sqlite"]
HOW = {
    "not sqlite": "a text file, random bytes, a PNG, or just the SQLite magic string",
    "truncated": "the file cut at a random byte (within the 100-byte header or anywhere after)",
    "garbage page": "one random page (not page 1) overwritten with random bytes",
    "zeroed page": "one random page (not page 1) overwritten with zeros",
    "flipped bytes": "1, 8, 64 or 512 random bits flipped anywhere after the header",
    "header": "1-6 random bytes of the database header (bytes 16-99) replaced",
    "page 1": "64 random bytes of page 1 (the schema) replaced",
    "newer version": "PRAGMA user_version raised above this version's",
    "other sqlite": "another program's SQLite file (no paper-reader tables)",
}
THEN = ("; then list, export, 2 searches and import from the command line, and the window's "
        "start-up check (the window itself for every third of the first 120 cases)")


@pytest.fixture(scope="module")
def good_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import datetime as dt

    from benchmarks.archive import write_archive

    from tests.conftest import SAMPLE

    root = tmp_path_factory.mktemp("good")
    folders = write_archive(root / "archive", 10, dt.date(2012, 5, 1))
    path = root / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [SAMPLE, *folders]).errors
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.db.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to damage
    return path


def damage(good: Path, target: Path, kind: str, rng: random.Random) -> str:
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    if kind == "not sqlite":
        data = bytearray(rng.choice([b"plain text, not a library\n" * 40, rng.randbytes(rng.randint(1, 9000)),
                                     b"\x89PNG\r\n\x1a\n" + rng.randbytes(500), b"SQLite format 3"]))
        what = "not an SQLite file"
    elif kind == "truncated":
        cut = rng.choice([rng.randint(1, 99), rng.randint(100, len(data) - 1)])
        data = data[:cut]
        what = f"cut at byte {cut} of {len(good.read_bytes())}"
    elif kind in ("garbage page", "zeroed page"):
        n = rng.randint(2, pages)
        start = (n - 1) * page_size
        fill = rng.randbytes(page_size) if kind == "garbage page" else bytes(page_size)
        data[start:start + page_size] = fill
        what = f"page {n} of {pages}"
    elif kind == "flipped bytes":
        count = rng.choice([1, 8, 64, 512])
        for _ in range(count):
            at = rng.randrange(100, len(data))
            data[at] ^= 1 << rng.randrange(8)
        what = f"{count} bits flipped"
    elif kind == "header":
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(16, 100)] = rng.randrange(256)
        what = "header bytes 16-99 scribbled on"
    elif kind == "page 1":
        start = 100 + rng.randrange(page_size - 200)
        data[start:start + 64] = rng.randbytes(64)
        what = "64 bytes of page 1 (the schema) garbled"
    else:
        target.write_bytes(data)
        if kind == "newer version":
            con = sqlite3.connect(target)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + rng.randint(1, 50)}")
            con.close()
            return "user_version above this version's"
        target.unlink()
        con = sqlite3.connect(target)
        con.execute("CREATE TABLE notes(x)")
        con.execute("INSERT INTO notes VALUES ('another program')")
        con.commit()
        con.close()
        return "another program's SQLite file"
    target.write_bytes(bytes(data))
    return what


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_case(capsys, path: Path, rng: random.Random) -> str:
    """The command line on one damaged file; returns the outcome, raises on a failure."""
    from tests.conftest import SAMPLE

    before = digest(path)
    refused = found = 0
    for argv in (["list"], ["export", "--json"], ["search", "图书馆"], ["search", "馆", "--json"]):
        code, _, err = cli(capsys, *argv, "--db", str(path))
        assert "Traceback" not in err, err
        assert code in (0, 1), (argv, code, err)
        if code == 1:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("paper-reader: "), err
            refused += "damaged" in err or "not a paper-reader library" in err or "cut short" in err \
                or "newer paper-reader" in err
            found += 1
        assert digest(path) == before, f"{argv} changed the damaged file"
    code, out, err = cli(capsys, "import", str(SAMPLE), "--db", str(path))
    assert "Traceback" not in err and code in (0, 1), err
    for line in err.strip().splitlines():
        assert line.startswith(("paper-reader: ", "error: ")), err
    if found == 4:
        return "refused by every command, plainly"
    if found:
        return "opened; damage met on reading, said plainly"
    return "damage in nothing read: commands work"


def window_case(path: Path, interactive_choice: str | None = None) -> str:
    """The window's start-up check, then (if it passes) the window itself."""
    from paper_reader.app import build
    from paper_reader.ui.shell.startup import check_library

    if not check_library(path, interactive=False):
        return "window: start-up check refused it, plainly"
    try:
        parts = build(path)
    except LibraryError as exc:  # damage the start-up probe did not reach
        return f"window: {type(exc).__name__} while building"
    try:
        parts.reader.turn(1)
        parts.window.close()
    finally:
        parts.library.close()
    return "window: opened"


def test_damaged_libraries(qtbot, capsys, good_library: Path, tmp_path: Path) -> None:
    cases = examples(0.15, least=len(KINDS))
    rng = random.Random(20240315 + cases)
    for n in range(cases):
        kind = KINDS[n % len(KINDS)]
        r = row("Damaged library", f"damaged library: {kind}", HOW[kind] + THEN)
        path = tmp_path / f"case{n}" / "library.sqlite3"
        path.parent.mkdir()
        what = damage(good_library, path, kind, rng)
        try:
            outcome = run_case(capsys, path, rng)
            r.add(outcome)
            if n % 3 == 0 and n < 120:  # windows are slow to build: at most 40 of them
                copy = path.parent / "window.sqlite3"
                shutil.copyfile(path, copy)
                w = window_case(copy)
                capsys.readouterr()
                row("Damaged library", "damaged library: the window",
                    "the window's start-up check, and the window built on what passes it").add(w)
                assert "while building" not in w, f"{what}: {w}"
        except BaseException as exc:
            r.fail(f"{what}: {type(exc).__name__}: {exc}"[:300])
            raise


def test_window_offers_to_set_a_damaged_library_aside(qtbot, tmp_path: Path, good_library: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from paper_reader.app import build
    from paper_reader.ui.shell.startup import check_library

    r = row("Damaged library", "the window's offer to set a damaged library aside",
            "garbage library file; the start-up dialog's 改名保存并新建 (set aside) or 退出 (quit)")
    from paper_reader.core.paths import default_library

    path = default_library()  # set aside, the default library starts again with the sample
    path.parent.mkdir(parents=True, exist_ok=True)
    for choice in ("退出", "改名保存并新建"):
        path.write_bytes(b"garbage " * 1000)
        shown: list[str] = []

        def exec_(box: QMessageBox, choice: str = choice, shown: list[str] = shown) -> int:
            shown.append(box.text())
            box.clickedButton = lambda: next(b for b in box.buttons() if b.text() == choice)  # type: ignore[method-assign]
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        went_on = check_library(path, interactive=True)
        assert shown and "这不是 paper-reader 的书库" in shown[0]  # the window says it in Chinese
        if choice == "退出":
            assert not went_on and path.read_bytes() == b"garbage " * 1000
            r.add("quit: file untouched")
            path.unlink()
            continue
        kept = list(path.parent.glob("library.sqlite3.damaged-*"))
        assert went_on and not path.exists() and len(kept) == 1
        assert kept[0].read_bytes() == b"garbage " * 1000  # renamed, never deleted
        parts = build(path)  # a new library, with the sample issue of a first run
        qtbot.addWidget(parts.window)
        assert parts.reader.issue is not None
        parts.library.close()
        r.add("set aside: renamed intact, a new library opened")


def test_newer_library_is_refused_by_window_and_cli(capsys, tmp_path: Path, good_library: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from paper_reader.ui.shell.startup import check_library

    r = row("Damaged library", "library from a newer paper-reader",
            "user_version raised above this version's; window (interactive) and command line")
    path = tmp_path / "library.sqlite3"
    damage(good_library, path, "newer version", random.Random(1))
    before = digest(path)
    said: list[str] = []

    def exec_(box: QMessageBox) -> int:
        if any(b.text() == "改名保存并新建" for b in box.buttons()):
            pytest.fail("no set-aside offer for a newer library")
        said.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert not check_library(path, interactive=True)
    assert said and "更新版本的 paper-reader" in said[0] and "请更新 paper-reader" in said[0]
    for argv in (["list"], ["import", str(good_library.parent)]):
        code, _, err = cli(capsys, *argv, "--db", str(path))
        assert code == 1 and "newer paper-reader" in err and "Traceback" not in err
    assert digest(path) == before
    r.add("refused by window and command line, file untouched, no set-aside offered")
    with pytest.raises(DamagedLibraryError):  # and a damaged one is never taken for newer
        path.write_bytes(b"x" * 5000)
        Library(path)
