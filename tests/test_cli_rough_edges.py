"""The command line's edges: bad dates are usage errors, names not in the library are said,
parse and import agree, long lists of problems are summarised, each message names its file
once, and a symbolic link loop is called one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from paper_reader.core.importer import ImportReport, import_paths
from paper_reader.core.library import Library
from paper_reader.core.problems import told

from .cli_support import run, sample_library


@pytest.fixture
def db(tmp_path: Path, sample_dir: Path, capsys) -> str:
    return sample_library(tmp_path, sample_dir, capsys)


@pytest.mark.parametrize("argv", [
    ["export", "--json", "--date", "2024-13-45"],
    ["export", "--json", "--date", "2024-02-30"],
    ["export", "--json", "--date", "15.03.2024"],
    ["search", "馆", "--from", "2024-00-01"],
    ["search", "馆", "--to", "yesterday"],
    ["search", "馆", "--limit", "0"],
    ["search", "馆", "--limit", "-5"],
    ["remove", "--paper", "松河日报", "--date", "2024-3-15", "--yes"],
    ["remove", "--paper", "松河日报", "--date", "2024-03-15", "--page", "0", "--yes"],
])
def test_a_bad_date_or_number_is_a_usage_error(capsys, db: str, argv: list[str]) -> None:
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 2 and out == "" and "error:" in err and "Traceback" not in err


def test_from_after_to_is_a_usage_error(capsys, db: str) -> None:
    code, _, err = run(capsys, "search", "馆", "--from", "2024-03-16", "--to", "2024-03-15", "--db", db)
    assert code == 2 and "is after" in err


def test_a_paper_or_date_not_in_the_library_is_said(capsys, db: str) -> None:
    code, out, err = run(capsys, "search", "馆", "--paper", "人民日报", "--db", db)
    assert code == 1 and out == "" and "no paper named 人民日报" in err and "松河日报" in err
    code, out, err = run(capsys, "export", "--json", "--paper", "人民日报", "--db", db)
    assert code == 1 and out == "" and "no paper named 人民日报" in err
    code, out, err = run(capsys, "export", "--json", "--date", "2024-03-16", "--db", db)
    assert code == 1 and out == "" and "no issue dated 2024-03-16" in err
    # Known names that match nothing are an ordinary answer.
    code, out, _ = run(capsys, "search", "没有这个词语", "--paper", "松河日报", "--db", db)
    assert code == 0 and "0 hit(s)" in out


def test_export_requires_json(capsys, db: str) -> None:
    code, out, err = run(capsys, "export", "--db", db)
    assert code == 2 and out == "" and "--json" in err
    code, out, _ = run(capsys, "export", "--json", "--db", db)
    assert code == 0 and json.loads(out)[0]["paper"] == "松河日报"


def test_parse_refuses_what_import_refuses_in_the_same_words(capsys, tmp_path: Path) -> None:
    english = tmp_path / "letter.txt"
    english.write_text("Dear reader,\n\nThis is a plain letter in English.\nIt has no masthead.\n")
    code, out, parse_err = run(capsys, "parse", str(english))
    assert code == 1 and out == ""
    code, _, json_err = run(capsys, "parse", str(english), "--json")
    assert code == 1 and json_err == parse_err
    code, _, import_err = run(capsys, "import", str(english), "--db", str(tmp_path / "l.sqlite3"))
    assert code == 1
    message = parse_err.removeprefix("paper-reader: ").strip()
    assert "says neither its paper nor its date" in message
    assert f"error: {message}" in import_err.splitlines()


def test_ten_thousand_bad_files_are_summarised(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for k in range(10_000):
        (folder / f"page{k:05d}.txt").write_bytes(b"\x00binary")
    code, out, err = run(capsys, "import", str(folder), "--db", str(tmp_path / "l.sqlite3"))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 11
    assert all(line.startswith("error: ") and "binary" in line for line in lines[:10])
    assert lines[10] == "… and 9,990 more files that could not be imported"
    assert "10000 failed" in out


def test_the_window_reports_the_same_messages(qtbot, tmp_path: Path) -> None:
    from paper_reader.ui.tools.importing import Importer

    report = ImportReport()
    for k in range(30):
        report.refuse(told("binary", file=f"/x/page{k}.txt"))
    text = Importer(tmp_path / "l.sqlite3").summary(report, False)
    shown, more = report.first_problems()
    lines = text.splitlines()
    # The same ten, each on a line of its own naming its file, said in the window's language.
    assert more == 20 and len(shown) == 10
    for problem in shown:
        assert [line for line in lines if line.startswith(problem.value("file") + "：")], problem
    assert "/x/page10.txt" not in text and "20" in lines[-1] and "binary" not in text


def test_a_library_refusal_is_never_hidden_among_file_errors() -> None:
    report = ImportReport()
    for k in range(20):
        report.refuse(f"f{k}.txt: is empty")
    report.refuse_all("lib: the disk is full")
    shown, more = report.first_errors()
    assert shown[-1] == "lib: the disk is full" and len(shown) == 11 and more == 10


def test_each_message_names_its_file_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (6 * 1024 * 1024))
    with Library(tmp_path / "l.sqlite3") as lib:
        report = import_paths(lib, [fifo, big])
    assert len(report.errors) == 2
    for err, name in zip(report.errors, ("pipe.txt", "big.txt"), strict=True):
        assert err.count(name) == 1 and err.count("cannot be read") <= 1, err
    assert "not a regular file" in report.errors[0] and "too large" in report.errors[1]


def test_a_symlink_loop_is_called_one(capsys, tmp_path: Path, sample_dir: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, "import", str(a), str(dangling), "--db", str(tmp_path / "l.sqlite3"))
    assert code == 1 and "no such file" not in err
    assert f"{a}: cannot be read (a symbolic link loop)" in err
    target = tmp_path / "nowhere.txt"
    assert f"{dangling}: cannot be read (a symbolic link to {target}, which does not exist)" in err
    code, _, err = run(capsys, "parse", str(a))
    assert code == 1 and "symbolic link loop" in err
    # In a folder, a looping .txt is named, not skipped without a word.
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "page1.txt").write_bytes((sample_dir / "page1.txt").read_bytes())
    (folder / "page2.txt").symlink_to(folder / "page2.txt")
    code, out, err = run(capsys, "import", str(folder), "--db", str(tmp_path / "l.sqlite3"))
    assert code == 1 and "第1版: imported" in out
    assert f"{folder / 'page2.txt'}: cannot be read (a symbolic link loop)" in err
