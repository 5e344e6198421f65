"""A library whose file name is not UTF-8 (Python holds it with surrogate escapes) is
opened, read-only too, by its own bytes."""

from __future__ import annotations

import os
from pathlib import Path

from paper_reader.cli import main
from paper_reader.core.library import Library
from paper_reader.core.library.readonly import file_uri


def test_a_library_named_in_bytes_that_are_not_utf8(tmp_path: Path, sample_dir: Path, capsys) -> None:
    name = os.fsdecode(b"lib-\xff\xfe.sqlite3")  # '\udcff\udcfe' in the str
    db = tmp_path / name
    assert main(["import", str(sample_dir), "--db", str(db)]) == 0
    assert "%FF%FE" in file_uri(db)
    with Library(db, readonly=True) as lib:
        assert [p.name for p in lib.papers()] == ["松河日报"]
    capsys.readouterr()
    for argv in (["list"], ["search", "图书馆"], ["export", "--json"]):
        assert main([*argv, "--db", str(db)]) == 0, argv
    assert "Traceback" not in capsys.readouterr().err
