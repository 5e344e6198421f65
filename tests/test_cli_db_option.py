"""``--db`` names the library wherever it stands: before the command or after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_reader.cli import main
from paper_reader.core.library import Library
from paper_reader.core.paths import default_library


@pytest.mark.parametrize("before", [True, False])
def test_db_before_or_after_the_command(tmp_path: Path, sample_dir: Path, capsys, before: bool) -> None:
    db = tmp_path / "mine.sqlite3"
    given = ["--db", str(db)]
    argv = [*given, "import", str(sample_dir)] if before else ["import", str(sample_dir), *given]
    assert main(argv) == 0
    with Library(db, readonly=True) as lib:
        assert [p.name for p in lib.papers()] == ["松河日报"]
    assert not default_library().exists()  # nothing went to the user's own library
    capsys.readouterr()
    assert main(["--db", str(db), "list"]) == 0
    assert "松河日报" in capsys.readouterr().out
