from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paper_reader.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json(capsys, sample_dir: Path) -> None:
    code, out, _ = run(capsys, "parse", str(sample_dir), "--json")
    data = json.loads(out)
    assert code == 0 and data["paper"] == "松河日报" and len(data["pages"]) == 4
    art = data["pages"][0]["articles"][0]
    assert set(art) == {"title", "kicker", "subtitle", "column", "byline", "authors", "kind",
                        "paragraphs", "captions", "signature", "continues_to", "continued_from",
                        "regions"}
    assert art["continues_to"] == {"page": 2, "article": 0}
    # Pages read from text have no image: no size, no regions (the JSON contract).
    assert data["pages"][0]["size"] is None and art["regions"] == []


def test_import_list_search_export(capsys, sample_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    code, out, _ = run(capsys, "import", str(sample_dir), "--db", db)
    assert code == 0 and "4 imported" in out and "第1版: imported" in out
    code, out, _ = run(capsys, "import", str(sample_dir), "--db", db)
    assert "4 unchanged" in out
    code, out, _ = run(capsys, "list", "--db", db)
    assert "松河日报: 1 issue(s)" in out and "pages 1,2,3,4/4" in out
    code, out, _ = run(capsys, "search", "圖書館", "--db", db, "--json")
    hits = json.loads(out)
    assert code == 0 and hits and hits[0]["paper"] == "松河日报" and "page" in hits[0]
    code, out, _ = run(capsys, "search", "馆", "--db", db)
    assert "[馆]" in out
    code, out, _ = run(capsys, "export", "--db", db, "--date", "2024-03-15", "--json")
    assert json.loads(out)[0]["pages"][3]["number"] == 4


def test_bad_file_exit_1_good_ones_imported(capsys, sample_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run(capsys, "import", str(bad), str(sample_dir / "page1.txt"),
                         "--db", str(tmp_path / "l.sqlite3"))
    assert code == 1 and "photo.txt" in err and "binary" in err and "1 imported" in out
    assert "Traceback" not in err


def test_damaged_library_is_one_line(capsys, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    db.write_text("not a database")
    code, _, err = run(capsys, "list", "--db", str(db))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not a paper-reader library" in err


def test_missing_library_for_reading(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "search", "x", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and "no library" in err


def test_usage_error_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2


def test_module_entry_point_runs(sample_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "paper_reader", "parse", str(sample_dir / "page3.txt"),
                           "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pages"][0]["section"] == "民生"
