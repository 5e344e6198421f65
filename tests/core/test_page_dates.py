"""A page's date comes from its header's place and shape, never from a date in the text near
the top; dates that disagree (header, masthead, file name) are told in the import report."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.sources.decoding import read_page_file

# A body sentence cut at a column edge, with a full date and half a weekday in it.
CUT = ["本报讯 全市中小学生田径运动会将于2021年6月23日(星", "期日)在市体育中心开幕,共有三千余名运动员参赛。"]


def _lines(sample_dir: Path, name: str) -> list[str]:
    return (sample_dir / name).read_text(encoding="utf-8").split("\n")


def _with_body_date_on_top(lines: list[str], header: list[str], cut: list[str] = CUT) -> str:
    """The page's text after its header, a new article's headline and the cut sentence first."""
    body = lines[lines.index(""):]
    return "\n".join([*header, "", "市运动会后天开幕", "", cut[0], "", cut[1], *body])


def _body_lines_kept(page, cut: list[str]) -> None:  # type: ignore[no-untyped-def]
    art = next(a for a in page.articles if a.title == "市运动会后天开幕")
    assert cut[0].removeprefix("本报讯 ") + cut[1] in art.paragraphs
    assert not any("2021年6月23日" in h for h in page.header)


@pytest.mark.parametrize("header", [
    ["松河日报 2021年6月25日 星期五", "第二版 综合", "责任编辑:苏静怡 美编:高鹏"],
    ["松河日报", "2021年6月25日 星期五", "第二版 综合", "责任编辑:苏静怡 美编:高鹏"],
    ["松河日报 2021年6月25日 星期五 第二版 综合"],
])
def test_a_date_in_a_sentence_near_the_top_is_not_the_pages(sample_dir: Path, header: list[str]) -> None:
    page = parse_page(_with_body_date_on_top(_lines(sample_dir, "page2.txt"), header))
    assert (page.date, page.number, page.paper, page.section) == ("2021-06-25", 2, "松河日报", "综合")
    assert page.warnings == []
    _body_lines_kept(page, CUT)


def test_a_bare_date_line_below_a_headline_is_the_texts(sample_dir: Path) -> None:
    # Cut at both ends, the text's date looks like a header's date line: its place says no.
    cut = ["2021年6月23日", "下午,全市中小学生田径运动会在市体育中心开幕。"]
    text = _with_body_date_on_top(_lines(sample_dir, "page2.txt"),
                                  ["松河日报", "2021年6月25日 星期五", "第二版 综合"], cut)
    page = parse_page(text)
    assert page.date == "2021-06-25" and page.warnings == []
    assert "2021年6月23日" not in page.header


def test_the_front_page_masthead_keeps_its_date(real_page: Path) -> None:
    lines = read_page_file(real_page).split("\n")
    assert lines[21] == "市委常委会召开2020年第十一次常委会议"  # line 22, the first headline
    cut = ["本报讯 全市防汛工作会议将于2020年7月3日(星", "期五)召开,部署汛期各项工作。"]
    text = "\n".join([*lines[:22], "", cut[0], "", cut[1], *lines[22:]])
    page = parse_page(text)
    assert page.date == "2020-07-06" and page.masthead["weekday"] == "星期一"
    assert page.warnings == [] and page.articles[0].title == lines[21]
    assert page.articles[0].paragraphs[0] == cut[0].removeprefix("本报讯 ") + cut[1]


def test_two_header_dates_are_told_not_chosen_silently(real_page: Path) -> None:
    lines = read_page_file(real_page).split("\n")
    assert lines[8] == "2020年7月6日 星期一"
    lines.insert(10, "2020年7月5日 星期日")  # in the masthead block, beside the first
    page = parse_page("\n".join(lines))
    assert page.date == "2020-07-06"
    assert [w.line for w in page.warnings] == ["its header gives two dates, 2020-07-06 and "
                                               "2020-07-05; filed under 2020-07-06"]
    assert page.warnings[0].kind == "two_dates"


def test_header_lines_of_several_fields() -> None:
    page = parse_page("2024年3月15日 星期五 农历甲辰年二月初六\n松河日报\n总第9127期 今日4版\n\n"
                      "标题\n\n正文。")
    assert page.date == "2024-03-15" and page.masthead["lunar_date"] == "甲辰年二月初六"
    page = parse_page("松河日报 2024年3月15日 星期五 总第9127期 今日4版\n\n标题\n\n正文。")
    assert (page.date, page.masthead["serial"], page.masthead["page_count"]) == ("2024-03-15", 9127, 4)


def _issue(sample_dir: Path, folder: Path, date: str, suffix: str = "") -> None:
    folder.mkdir()
    y, m, d = (int(x) for x in date.split("-"))
    for n in range(1, 5):
        text = (sample_dir / f"page{n}.txt").read_text(encoding="utf-8")
        text = text.replace("2024年3月15日", f"{y}年{m}月{d}日").replace("星期五", "")
        (folder / f"songhe-p{n}{suffix}.txt").write_text(text, encoding="utf-8")


def test_recombined_issues_with_a_body_date_lose_no_page(tmp_path: Path, sample_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _issue(sample_dir, tmp_path / "a", "2021-06-23")
    _issue(sample_dir, tmp_path / "b", "2021-06-25")
    page2 = tmp_path / "b" / "songhe-p2.txt"
    page2.write_text(_with_body_date_on_top(
        page2.read_text(encoding="utf-8").split("\n"),
        ["松河日报 2021年6月25日 星期五", "第二版 综合"]), encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    code = main(["import", str(tmp_path / "a"), str(tmp_path / "b"), "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 0 and "8 imported" in out and "error" not in err
    with Library(db) as lib:
        assert sorted((i.date, i.pages) for i in lib.issues()) == [
            ("2021-06-23", [1, 2, 3, 4]), ("2021-06-25", [1, 2, 3, 4])]
        [hit] = lib.search("三千余名运动员")
        assert (hit.date, hit.page, hit.title) == ("2021-06-25", 2, "市运动会后天开幕")


def test_a_file_name_that_disagrees_is_told(tmp_path: Path, sample_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "songhe-2024-03-15"
    folder.mkdir()
    for n in (1, 3):
        (folder / f"page{n}.txt").write_bytes((sample_dir / f"page{n}.txt").read_bytes())
    (folder / "songhe-2024-03-14-p2.txt").write_bytes((sample_dir / "page2.txt").read_bytes())
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [folder])
    assert not report.errors and report.count("imported") == 3
    assert report.warnings == [
        f"{folder / 'songhe-2024-03-14-p2.txt'} 第二版: its header says 2024-03-15, the name "
        "songhe-2024-03-14-p2.txt says 2024-03-14; filed under 2024-03-15"]
    code = main(["import", str(folder), "--db", str(tmp_path / "other.sqlite3")])
    err = capsys.readouterr().err
    assert code == 0 and err.count("warning: ") == 1 and "says 2024-03-14" in err
