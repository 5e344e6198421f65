"""Numbers taken from page text are bounded (core/limits.py): past a bound a number is kept
as printed and never used, and one file that cannot be parsed or stored fails alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core import importer as importer_module
from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import Library
from paper_reader.core.limits import MAX_PAGE_COUNT, iso_date
from paper_reader.core.model import Issue, Page, chinese_number
from paper_reader.core.parsing.issue import assemble
from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.parsing.patterns import page_number
from paper_reader.core.sources.text import pages_of_text


def _front(sample_dir: Path, old: str, new: str) -> str:
    text = (sample_dir / "page1.txt").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize("count", ["1000000000000", "9" * 40, "九十" * 20, "九百九十九十", "0"])
def test_a_page_count_past_the_bound_is_text_not_a_count(sample_dir: Path, count: str) -> None:
    page = parse_page(_front(sample_dir, "今日4版", f"今日{count}版"))
    assert "page_count" not in page.masthead
    assert page.masthead["page_count_text"] == f"今日{count}版"
    issue = assemble([page])
    assert issue.page_count is None and issue.page_numbers() == [1]


def test_a_serial_past_the_bound_is_text_not_a_number(sample_dir: Path) -> None:
    serial = "99999999999999999999"  # past 2**63: SQLite cannot hold it
    page = parse_page(_front(sample_dir, "总第9127期", f"总第{serial}期"))
    assert "serial" not in page.masthead and page.masthead["serial_text"] == f"总第{serial}期"
    assert assemble([page]).serial is None
    # within bounds nothing changes
    page = parse_page((sample_dir / "page1.txt").read_text(encoding="utf-8"))
    assert (page.masthead["serial"], page.masthead["page_count"]) == (9127, 4)


@pytest.mark.parametrize("date", ["2024年13月15日", "2024年2月30日", "0999年3月15日", "9999年3月15日"])
def test_a_date_that_is_no_day_is_not_the_pages_date(sample_dir: Path, date: str) -> None:
    page = parse_page(_front(sample_dir, "2024年3月15日", date))
    assert page.date is None and "date" not in page.masthead
    assert page.masthead["date_text"].startswith(date)


def test_page_numbers_of_markers_and_labels_are_bounded() -> None:
    assert [page_number(t) for t in ("二", "3", "A3", "999")] == [2, 3, 3, 999]
    assert [page_number(t) for t in ("0", "〇", "A0", "")] == [None] * 4
    text = "第〇版 要闻\n\n标题在此\n\n正文一句,没有说完(下转第0版)\n\n(上接第〇版)另一篇的正文。"
    page = parse_page(text, number=5)
    assert page.number == 5
    assert all(a.continues_to is None and a.continued_from is None for a in page.articles)


def test_numerals_of_any_length_are_not_read() -> None:
    assert chinese_number("九十九") == 99 and chinese_number("４") == 4
    assert chinese_number("1" * 5000) is None  # int() would refuse it (and take its time)
    assert chinese_number("十" * 5000) is None
    assert chinese_number("²") is None  # isdigit, but not a number int() takes


def test_file_names_give_bounded_pages_and_real_dates(tmp_path: Path, sample_dir: Path) -> None:
    body = "标题\n\n本报讯 一句正文。\n"
    assert pages_of_text(body, "songhe-p00.txt")[0].number == 1  # p00 is no page; the part's place
    folder = tmp_path / "2024-02-30"
    folder.mkdir()
    (folder / "songhe-2024-02-31-p2.txt").write_text(body, encoding="utf-8")
    assert parse_path(folder).date is None
    assert iso_date(2024, 2, 29) == "2024-02-29" and iso_date("2023", "2", "29") is None


def test_the_window_never_lists_a_huge_page_count() -> None:
    issue = Issue("松河日报", "2024-03-15", page_count=10**12,
                  pages=[Page(number=n, label="") for n in (1, 3)])
    assert issue.page_numbers() == list(range(1, MAX_PAGE_COUNT + 1))
    assert Issue("松河日报", "2024-03-15", pages=[Page(1, ""), Page(3, "")]).page_numbers() == [1, 2, 3]


def test_a_cli_batch_with_huge_numbers_imports_every_file(tmp_path: Path, sample_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    huge = "99999999999999999999"
    (batch / "a-page1.txt").write_text(_front(sample_dir, "总第9127期", f"总第{huge}期"), "utf-8")
    (batch / "b-page1.txt").write_text(
        _front(sample_dir, "今日4版", f"今日{huge}版").replace("3月15日", "3月16日"), "utf-8")
    (batch / "c-page1.txt").write_text(
        _front(sample_dir, "3月15日", "3月17日"), "utf-8")
    db = tmp_path / "lib.sqlite3"
    code = main(["import", str(batch), "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 0 and "3 imported" in out
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT date, serial, page_count FROM issues ORDER BY date").fetchall()
    assert rows == [("2024-03-15", None, 4), ("2024-03-16", 9127, None), ("2024-03-17", 9127, 4)]


def test_a_file_the_parser_cannot_take_fails_alone(tmp_path: Path, sample_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = importer_module.read_file

    def flaky(file):  # type: ignore[no-untyped-def]
        if file.path.name == "page3.txt":
            raise RecursionError("maximum recursion depth exceeded")  # a parser bug, say
        return real(file)

    monkeypatch.setattr(importer_module, "read_file", flaky)
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [sample_dir])
        assert [r.number for r in report.results] == [1, 2, 4]
        assert len(report.errors) == 1 and report.errors[0].startswith(str(sample_dir / "page3.txt"))
        assert "\n" not in report.errors[0]


def test_an_issue_that_cannot_be_stored_is_refused_alone(tmp_path: Path, sample_dir: Path) -> None:
    good = parse_path(sample_dir)
    bad = parse_path(sample_dir)
    bad.date, bad.serial = "2024-03-16", 2**70  # built by hand: the parser never gives this
    refused: list[tuple[Issue, str]] = []
    with Library(tmp_path / "lib.sqlite3") as lib:
        results = lib.import_issues([bad, good], refused=refused)
        assert {r.date for r in results} == {"2024-03-15"} and len(results) == 4
        assert [(i.date, "serial" in why) for i, why in refused] == [("2024-03-16", True)]
        assert [i.date for i in lib.issues()] == ["2024-03-15"]
        with pytest.raises(ValueError):  # without ``refused`` nothing is stored quietly
            lib.import_issues([bad])
