"""Text OpenCC cannot encode (lone surrogates, as an undecodable command-line argument
leaves them) is converted and searched as unreadable characters, never an exception."""

from __future__ import annotations

from pathlib import Path

from paper_reader.cli import main
from paper_reader.core.reading.script import ScriptConverter, fold


def test_fold_and_display_take_lone_surrogates() -> None:
    assert fold("\ud800圖書館") == "\ufffd图书馆"
    assert fold("\udced\udca0\udc80") == "\ufffd" * 3
    assert ScriptConverter().convert("图书馆\udcff", "traditional") == "圖書館\ufffd"


def test_search_for_an_undecodable_argument(tmp_path: Path, sample_dir: Path, capsys) -> None:
    db = str(tmp_path / "library.sqlite3")
    assert main(["import", str(sample_dir), "--db", db]) == 0
    capsys.readouterr()
    for argv in (["search", "\ud800", "--db", db], ["search", "\udced\udca0\udc80", "--json", "--db", db]):
        assert main(argv) == 0, argv
    assert "Traceback" not in capsys.readouterr().err
