"""What is wrong with an input or the library, as the window says it: in Chinese by kind, with
the file named; in English the command line's own line; a value never read as a text of its own."""

from __future__ import annotations

import os
import re
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from paper_reader.core.importer import ImportReport, import_paths
from paper_reader.core.library import Library, LibraryError
from paper_reader.core.library.file import library_error
from paper_reader.core.problems import ENGLISH, Problem, told
from paper_reader.ui.problem_text import known_kinds, problem_text
from paper_reader.ui.tools.importing import Importer

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "fixtures" / "pdf"
TS = ROOT / "resources" / "i18n" / "paper-reader_en.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
PAGE_DOUBTS = {"two_dates", "name_date"}
NAMING_NO_FILE = PAGE_DOUBTS | {"no_paper", "no_issue", "no_page"}  # said on their own


def names(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def sample(kind: str) -> Problem:
    """The kind with a value for each name its English line has (a page number for {where})."""
    values = {name: f"<{name}>" for name in names(ENGLISH[kind])}
    if "where" in values:
        values.update(where="page 3", page="3")
    return told(kind, **values)


def test_every_kind_has_a_text_in_the_window_naming_only_its_values() -> None:
    assert known_kinds() == set(ENGLISH)
    for kind in ENGLISH:
        problem = sample(kind)
        text = problem_text(problem)
        # A text naming a value the line does not give falls back to the English line.
        assert CJK.search(text) and not re.search(r"\{\w+\}", text), (kind, text)
        lead = next((name for name in ("file", "files") if name in names(ENGLISH[kind])), None)
        if kind in NAMING_NO_FILE:  # a doubt is said after its page's file (Importer.summary)
            assert lead is None
            continue
        assert lead is not None and text.startswith(f"<{lead}>："), (kind, text)


def test_a_page_of_a_pdf_is_named_in_chinese() -> None:
    assert "第 3 页已损坏" in problem_text(told("pdf_page_damaged", file="a.pdf", where="page 3", page="3"))
    assert "这一页已损坏" in problem_text(told("pdf_page_damaged", file="a.pdf", where="the page", page=""))


def test_values_are_data_not_templates_and_stay_on_one_line() -> None:
    odd = "报{reason}\n{0}%1 <b>.txt"
    text = problem_text(told("binary", file=odd))
    assert text.startswith("报{reason} {0}%1 <b>.txt：") and "\n" not in text
    long = "长" * 5000
    assert len(problem_text(told("empty", file=long))) <= 600
    assert len(told("empty", file=long).line) < 1100


def test_a_screen_that_names_the_file_can_leave_it_out() -> None:
    problem = told("not_ours", file="/k/l.sqlite3")
    assert problem_text(problem, file_named=False) == "这不是 paper-reader 的书库（已损坏，或是别的文件）"
    assert problem_text("no file here", file_named=False) == "no file here"


def test_a_line_of_no_kind_is_shown_as_it_is() -> None:
    assert problem_text("x.txt: something else") == "x.txt: something else"
    assert problem_text(ValueError("plain\nerror")) == "plain error"
    assert problem_text(Problem("line", "a kind of a newer core")) == "line"


def test_an_error_carries_its_problem_and_its_english_message() -> None:
    error = library_error("/l.sqlite3", _sqlite_error("database or disk is full", 13))
    assert isinstance(error, LibraryError) and error.problem.kind == "disk_full"
    assert str(error) == "/l.sqlite3: the disk is full; nothing was changed"
    assert problem_text(error) == "/l.sqlite3：磁盘已满，书库没有任何改动"


def _sqlite_error(message: str, code: int) -> Exception:
    import sqlite3

    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


# -- from real inputs ---------------------------------------------------------------------
def bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01PK" * 100)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "bad-gbk.txt").write_bytes("头版".encode("gb18030") + b"\xff\xff\xff")
    (folder / "bad-bom.txt").write_bytes(b"\xef\xbb\xbf" + b"\xff\xfe abc")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "no-pages").mkdir()
    paths = {p.name: p for p in folder.iterdir()}
    for name in ("encrypted.pdf", "truncated.pdf", "not-a-pdf.pdf", "image-only.pdf"):
        paths[name] = PDFS / name
    paths["missing.txt"] = folder / "missing.txt"
    return paths


@pytest.fixture
def bad(tmp_path: Path) -> dict[str, Path]:
    return bad_inputs(tmp_path / "in")


def test_each_bad_input_is_told_by_kind_in_chinese_with_its_file(bad: dict[str, Path],
                                                                 tmp_path: Path) -> None:
    with Library(tmp_path / "l.sqlite3") as lib:
        report = import_paths(lib, [bad[name] for name in sorted(bad)])
    assert len(report.problems) == len(bad), report.errors
    assert all(p.kind in ENGLISH for p in report.problems), [p for p in report.problems if not p.kind]
    assert len({p.kind for p in report.problems}) >= 11
    for problem in report.problems:
        text = problem_text(problem)
        assert CJK.search(text.split("：", 1)[1]), text
        assert text.startswith(problem.value("file") + "："), text
    summary = Importer(tmp_path / "l.sqlite3").summary(report, False)
    shown = summary.splitlines()
    assert shown[1] == "以下文件未能导入：" and not any("cannot be read" in line for line in shown)
    assert sum(1 for line in shown if any(line.startswith(str(p) + "：") for p in bad.values())) == 10


def test_a_refused_import_says_so_in_chinese(tmp_path: Path) -> None:
    report = ImportReport()
    report.refuse(told("binary", file="a.txt"))
    report.refuse_all(library_error("/lib.sqlite3", _sqlite_error("attempt to write a readonly database", 8)))
    text = Importer(tmp_path / "l.sqlite3").summary(report, False)
    assert text == ("导入失败，书库保持原样：\n/lib.sqlite3：书库无法写入（文件或它所在的文件夹是只读的），"
                    "没有任何改动")


# -- the English window -------------------------------------------------------------------
@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    qm = TS.with_suffix(".qm")
    if not qm.is_file() or qm.stat().st_mtime < TS.stat().st_mtime:
        from tests.ui.test_i18n import qt_tool

        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)],
                       check=True, capture_output=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_english_window_says_the_command_lines_line(english: None, bad: dict[str, Path],
                                                        tmp_path: Path) -> None:
    for kind in ENGLISH:
        problem = sample(kind)
        assert problem_text(problem) == problem.line, kind
    problem = told("pdf_no_text", file="a.pdf", where="the page", page="")
    assert problem_text(problem) == problem.line
    with Library(tmp_path / "l.sqlite3") as lib:
        report = import_paths(lib, list(bad.values()))
    assert [problem_text(p) for p in report.problems] == list(report.errors)
    problem = told("not_ours", file="/k/l.sqlite3")
    assert problem_text(problem, file_named=False) == problem.line.removeprefix("/k/l.sqlite3: ")
