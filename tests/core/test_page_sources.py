"""The page sources: one registry of accepted kinds, a folder walked once, a page's origin on the page."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from paper_reader.cli import main
from paper_reader.core import sources
from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import Library
from paper_reader.core.model import Origin
from paper_reader.core.sources.decoding import PageFileError
from paper_reader.core.sources.pdf import PdfSource
from paper_reader.core.sources.text import TextSource, pages_of_text
from paper_reader.core.sources.walk import page_files, read_pages


def test_text_and_pdf_are_the_kinds_registered_and_name_themselves() -> None:
    text, pdf = sources.registered()
    assert isinstance(text, TextSource) and sources.default_source() is text
    assert isinstance(pdf, PdfSource)
    assert sources.kinds_text() == ".txt, .pdf"
    assert sources.patterns() == ["*.txt", "*.text", "*.pdf"]


@pytest.mark.parametrize(("name", "taken"), [
    ("page1.txt", True), ("PAGE1.TXT", True), ("p2.text", True), ("page3", True),
    ("page1.pdf", True), ("scan.png", False), ("notes.md", False)])
def test_a_name_says_its_kind(tmp_path: Path, name: str, taken: bool) -> None:
    assert (sources.source_by_name(tmp_path / name) is not None) is taken
    assert sources.accepts(tmp_path / name) is taken  # nothing there: by name alone
    assert sources.accepts(tmp_path)  # a folder always


def test_each_page_knows_its_file_and_its_place_in_it(tmp_path: Path, sample_dir: Path) -> None:
    one = read_pages(sample_dir / "page2.txt")
    assert [(p.origin.file, p.origin.index) for p in one] == [(sample_dir / "page2.txt", 0)]
    # A whole issue in one file, a blank part between: the index is the part's place in the file.
    texts = [(sample_dir / f"page{n}.txt").read_text("utf-8") for n in (1, 2, 3)]
    whole = tmp_path / "issue.txt"
    whole.write_text(f"{texts[0]}\f\n\f{texts[1]}\f{texts[2]}", "utf-8")
    pages = read_pages(whole)
    assert [(p.number, p.origin.file, p.origin.index) for p in pages] == [
        (1, whole, 0), (2, whole, 2), (3, whole, 3)]
    assert str(pages[0].origin) == str(whole)
    folder = read_pages(sample_dir)
    assert [(p.number, p.origin.file.name) for p in folder] == [
        (n, f"page{n}.txt") for n in (1, 2, 3, 4)]


def test_an_origin_is_no_part_of_the_page(tmp_path: Path, sample_dir: Path) -> None:
    """Not compared, not in the JSON, not in what the library keeps of a page."""
    here, there = pages_of_text((sample_dir / "page2.txt").read_text("utf-8"), "a/page2.txt"), \
        pages_of_text((sample_dir / "page2.txt").read_text("utf-8"), "b/page2.txt")
    assert here[0].origin == Origin(Path("a/page2.txt"), 0) != there[0].origin
    assert here == there and here[0].to_dict() == there[0].to_dict()
    assert "origin" not in json.dumps(parse_path(sample_dir).to_dict())
    moved = tmp_path / "elsewhere"
    shutil.copytree(sample_dir, moved)
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert {r.status for r in import_paths(lib, [sample_dir]).results} == {"imported"}
        again = import_paths(lib, [moved])  # the same pages from another place: unchanged
        assert {r.status for r in again.results} == {"unchanged"} and not again.errors
        assert all(p.origin is None for p in lib.load_issue(lib.issues()[0].id).pages)


def test_a_folder_is_walked_once(tmp_path: Path, sample_dir: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    walks: list[Path] = []
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        walks.append(self)
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    parse_path(sample_dir)
    assert walks == [sample_dir]
    walks.clear()
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert len(import_paths(lib, [sample_dir]).results) == 4
    assert walks == [sample_dir]


def test_a_named_file_is_read_by_what_its_name_or_its_content_says(tmp_path: Path,
                                                                 sample_dir: Path) -> None:
    page = tmp_path / "page2.md"  # no kind by name; its content is text
    page.write_bytes((sample_dir / "page2.txt").read_bytes())
    [f] = page_files(page)
    assert isinstance(f.source, TextSource)
    assert read_pages(page)[0].number == 2
    scan = tmp_path / "scan.png"  # nothing takes it: the default source says what it is
    scan.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(PageFileError, match=r"scan\.png: this is a binary file, not the text of a page"):
        read_pages(scan)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_never_waited_on_to_learn_its_kind(tmp_path: Path) -> None:
    pipe = tmp_path / "incoming.dat"
    os.mkfifo(pipe)
    with pytest.raises(PageFileError, match=r"incoming\.dat: cannot be read \(not a regular file\)"):
        read_pages(pipe)


def test_the_kinds_named_in_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not a page", "utf-8")
    assert main(["import", str(empty), "--db", str(tmp_path / "lib.sqlite3")]) == 1
    assert f"error: {empty}: the folder holds no page files (.txt, .pdf)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "page files (.txt, .pdf) or folders of them" in capsys.readouterr().out
