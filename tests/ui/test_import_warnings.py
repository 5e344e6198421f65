"""The window's import summary tells pages whose dates disagree, as the CLI does."""

from __future__ import annotations

from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.ui.tools.importing import Importer


def test_the_summary_names_a_page_whose_dates_disagree(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    folder = tmp_path / "songhe-2024-03-14"  # the folder's name says another day
    folder.mkdir()
    (folder / "page2.txt").write_bytes((sample_dir / "page2.txt").read_bytes())
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [folder])
    text = Importer(tmp_path / "lib.sqlite3").summary(report, False)
    assert "新增 1 版" in text and "日期有出入" in text
    assert "2024-03-14" in text and "已归入 2024-03-15" in text
