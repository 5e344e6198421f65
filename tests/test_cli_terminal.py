"""Text from pages, library files and file names reaches the terminal escaped: no escape
sequence in a title retitles the terminal, no bidi override turns a line around. JSON stays
exact as data."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.terminal import for_terminal, json_for_terminal

HOSTILE = "\x1b]0;pwned\x07新馆\u202e今日\x9b31m起\x7f\u2066"
TITLE = "市图书馆" + HOSTILE + "向市民开放"
# What a terminal would obey: C0 but the newline, DEL, C1, and the bidi controls.
OBEYED = {chr(c) for c in (*range(0x0A), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0),
                           *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(*texts: str) -> None:
    for text in texts:
        raw = sorted({f"U+{ord(ch):04X}" for ch in text if ch in OBEYED})
        assert not raw, f"printed raw: {raw}"


@pytest.fixture
def hostile_page(tmp_path: Path, sample_dir: Path) -> Path:
    text = (sample_dir / "page3.txt").read_text(encoding="utf-8")
    text = text.replace("市图书馆新馆今日起向市民开放", TITLE, 1)
    text = text.replace("为方便视障读者", "为方便\x1b[2J视障读者", 1)
    page = tmp_path / "page3.txt"
    page.write_text(text, encoding="utf-8")
    return page


@pytest.fixture
def hostile_library(tmp_path: Path, sample_dir: Path, hostile_page: Path, capsys) -> str:
    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", str(sample_dir / "page1.txt"), str(hostile_page), "--db", db]) == 0
    capsys.readouterr()
    # A crafted library file: the paper's name itself carries an escape sequence.
    with sqlite3.connect(db) as con:
        con.execute("UPDATE papers SET name = name || ?", ("\x1b]2;title\x07\u202e",))
    return db


def test_every_control_and_bidi_character_is_shown_as_an_escape() -> None:
    assert for_terminal("a\x1bb") == "a\\x1bb"
    assert for_terminal("\x00\t\n\r\x7f\x85\x9b") == "\\x00\\x09\\x0a\\x0d\\x7f\\x85\\x9b"
    assert for_terminal("\u202a\u202e\u2066\u2069") == "\\u202a\\u202e\\u2066\\u2069"
    assert for_terminal("松河日报 第二版 «Ünïcode» ½") == "松河日报 第二版 «Ünïcode» ½"
    assert for_terminal("one\ntwo\x1b", keep="\n") == "one\ntwo\\x1b"
    assert_inert(for_terminal("".join(OBEYED)))


def test_json_escapes_them_yet_stays_exact() -> None:
    data = {"title": TITLE, "all": "".join(sorted(OBEYED))}
    text = json_for_terminal(data)
    assert_inert(text)
    assert json.loads(text) == data


def test_parse_prints_titles_and_lines_escaped(capsys, hostile_page: Path) -> None:
    code, out, err = run(capsys, "parse", str(hostile_page))
    assert code == 0 and "\\x1b]0;pwned\\x07" in out and "\\u202e" in out and "\\x9b31m" in out
    assert_inert(out, err)


def test_parse_json_is_exact_and_inert(capsys, hostile_page: Path) -> None:
    code, out, _ = run(capsys, "parse", str(hostile_page), "--json")
    assert code == 0
    assert_inert(out)
    assert json.loads(out)["pages"][0]["articles"][0]["title"] == TITLE


def test_import_and_its_messages_are_escaped(capsys, tmp_path: Path, hostile_page: Path) -> None:
    code, out, err = run(capsys, "import", str(hostile_page), "--db", str(tmp_path / "l.sqlite3"))
    assert code == 0 and "imported" in out
    assert_inert(out, err)
    missing = tmp_path / "evil\x1b]0;x\x07\u202e.txt"
    bad = tmp_path / "bin\x1b[31m.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "import", str(missing), str(bad), "--db", str(tmp_path / "l.sqlite3"))
    assert code == 1 and "evil\\x1b]0;x\\x07\\u202e.txt: no such file" in err
    assert "bin\\x1b[31m.txt: this is a binary file" in err
    assert_inert(out, err)


def test_list_search_and_export_of_a_crafted_library(capsys, hostile_library: str) -> None:
    code, out, err = run(capsys, "list", "--db", hostile_library)
    assert code == 0 and "\\x1b]2;title\\x07\\u202e: 1 issue(s)" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "search", "视障", "--db", hostile_library)
    assert code == 0 and "2 hit(s)" in out and "\\x1b[2J" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "search", "市民开放", "--db", hostile_library)
    assert code == 0 and "\\x1b]0;pwned\\x07" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "search", "市民开放", "--db", hostile_library, "--json")
    assert_inert(out, err)
    assert next(h for h in json.loads(out) if h["page"] == 3)["title"] == TITLE
    code, out, err = run(capsys, "export", "--db", hostile_library, "--json")
    assert_inert(out, err)
    exported = json.loads(out)[0]
    assert exported["paper"] == "松河日报\x1b]2;title\x07\u202e"
    assert exported["pages"][1]["articles"][0]["title"] == TITLE


def test_search_on_a_terminal_colours_hits_but_escapes_the_text(
        capsys, monkeypatch: pytest.MonkeyPatch, hostile_library: str) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "search", "视障", "--db", hostile_library)
    assert code == 0 and "\x1b[1;33m视障\x1b[0m" in out and "\\x1b[2J" in out
    # The only escape sequences are the two colours of each of the two hits.
    assert out.count("\x1b") == 4 and out.count("\x1b[1;33m") == 2 and "\x1b[2J" not in out


def test_errors_quoting_arguments_are_escaped(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--json", "--date", "\x1b]0;x\x07"])
    assert exc.value.code == 2
    _, err = capsys.readouterr()
    assert "not a date" in err
    assert_inert(err)
    db = tmp_path / "lib\x1b[2J.sqlite3"
    db.write_text("not a database")
    code, _, err = run(capsys, "list", "--db", str(db))
    assert code == 1 and "lib\\x1b[2J.sqlite3" in err
    assert_inert(err)
    code, _, err = run(capsys, "search", "x", "--paper", "\u202e报日河松", "--db", str(tmp_path / "none"))
    assert code == 1
    assert_inert(err)
