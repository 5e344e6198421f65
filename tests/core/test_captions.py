"""Photo captions are known by their shape, not by 图为 anywhere in a line; and no line of a
page is lost to search, wherever the parser placed it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.model import Page
from paper_reader.core.parsing.parser import is_caption, parse_page
from paper_reader.core.sources.decoding import read_page_file

from .test_invariants import NEWSY, assert_lines_conserved

WORDS_WITH_TUWEI = ["试图为", "企图为", "意图为", "力图为", "地图为", "构图为", "蓝图为"]


@pytest.mark.parametrize("word", WORDS_WITH_TUWEI)
def test_a_one_paragraph_article_with_tuwei_is_an_article(word: str) -> None:
    body = f"本报讯(记者 王茵)市里{word}群众办实事,出台了十项措施。"
    page = parse_page(f"市里出台十项惠民措施\n\n{body}\n")
    assert page.unplaced == []
    [art] = page.articles
    assert art.title == "市里出台十项惠民措施" and art.captions == []
    assert art.paragraphs == [body[len("本报讯(记者 王茵)"):]]


@pytest.mark.parametrize("word", WORDS_WITH_TUWEI)
def test_a_paragraph_with_tuwei_between_paragraphs_stays_text(word: str) -> None:
    text = (f"市里出台十项惠民措施\n\n本报讯 第一段说完了。\n\n他说,这是{word}群众办实事。\n\n"
            "第三段也说完了。\n")
    [art] = parse_page(text).articles
    assert art.captions == [] and len(art.paragraphs) == 3


@pytest.mark.parametrize("caption", [
    "图为市民在新馆阅览区读书。",
    "3月14日,市长到乡里调研。图为市长察看农机检修情况。 本报记者 范景行 摄",
    "7月3日,市委书记调研。图为书记在袜业园调研。",
    "工人们在车间里忙碌。 记者 张三 摄",
    "开幕式现场。本报记者 张三 摄影",
    "图:市民在公园晨练",
    "(图为会议现场)",
    "新华社记者李响摄",
    "市民在公园晨练。(张三 李四 摄)",
])
def test_caption_shapes(caption: str) -> None:
    assert is_caption(caption)
    text = f"市里出台十项惠民措施\n\n本报讯 第一段说完了。\n\n{caption}\n\n第二段也说完了。\n"
    [art] = parse_page(text).articles
    assert art.captions == [caption] and art.paragraphs == ["第一段说完了。", "第二段也说完了。"]


@pytest.mark.parametrize("line", [
    "他试图为大家解决难题。", "这张地图为我们指明了路。", "本报记者 张三 摄影", "比赛现场请勿拍摄",
    "春日航拍摄", "他们正在进行拍摄", "试图为",
])
def test_not_captions(line: str) -> None:
    assert not is_caption(line)


def test_a_caption_between_halves_of_a_sentence_and_a_continuation_there(real_page: Path) -> None:
    lines = read_page_file(real_page).split("\n")
    page = parse_page("\n".join(lines))
    art = page.articles[1]
    assert art.captions == [lines[54].strip()]  # line 55, set between lines 51 and 57
    # At the same place a line that merely holds 试图为 is the sentence's second half.
    lines[54] = "中的企业试图为产品升级寻找出路。"
    art = parse_page("\n".join(lines)).articles[1]
    assert art.captions == []
    assert lines[50].strip() + lines[54] in art.paragraphs


def test_a_title_with_only_a_caption_is_a_photo_article() -> None:
    text = "本报讯 一篇文章说完了。\n\n春到青石巷\n\n图为游客在青石巷游览。 本报记者 谢朝阳 摄\n"
    page = parse_page(text)
    assert page.unplaced == []
    assert [(a.title, a.captions) for a in page.articles][-1] == (
        "春到青石巷", ["图为游客在青石巷游览。 本报记者 谢朝阳 摄"])


RUN = re.compile(r"[\w]+")  # what a reader would type to find a line: its words, numbers


def searchable_fields(page: Page) -> list[str]:
    """The fields the library indexes for search (library_store._store_page), and the
    continuation marks (下转第二版), which are shown as links rather than searched."""
    out: list[str] = []
    for a in page.articles:
        out += [x for x in (a.title, a.kicker, a.subtitle, a.column, a.byline) if x]
        out += [*a.paragraphs, *a.captions, *a.signature, *a.markers]
    return out


def assert_every_line_findable(text: str, page: Page) -> None:
    assert page.unplaced == [], "a line was left out of every article"
    header = set(page.header_lines)
    fields = searchable_fields(page)
    for n, line in enumerate(text.split("\n"), 1):
        if n in header or not line.strip():
            continue
        for run in RUN.findall(line):
            assert any(run in f for f in fields), f"line {n}: {run!r} is in no searchable field"


CAPTIONISH = st.sampled_from([
    "他试图为大家解决难题。", "图为市民在读书。", "3月14日,调研。图为市长察看。 本报记者 范景行 摄",
    "本报记者 张三 摄影", "开幕式现场。本报记者 张三 摄影", "春到青石巷", "中的企业试图为产品升级寻找",
    "(图为会议现场)", "意图为", "本报讯 他企图为自己开脱。",
])


@given(st.lists(st.one_of(NEWSY, CAPTIONISH), max_size=40))
def test_every_line_of_a_page_is_findable(lines: list[str]) -> None:
    text = "\n".join(lines)
    page = parse_page(text)
    assert_lines_conserved(text, page)
    assert_every_line_findable(text, page)


def test_every_line_of_the_real_page_is_findable(real_page: Path) -> None:
    text = read_page_file(real_page)
    assert_every_line_findable(text, parse_page(text))


def test_tuwei_article_and_photo_article_are_found_by_search(tmp_path: Path, sample_dir: Path) -> None:
    page = (sample_dir / "page2.txt").read_text(encoding="utf-8").rstrip("\n")
    page += ("\n\n社区开展义诊活动\n\n本报讯 社区医生试图为每位老人建立健康档案。\n\n"
             "春到青石巷\n\n图为游客在青石巷游览。 本报记者 谢朝阳 摄\n")
    (tmp_path / "page2.txt").write_text(page, encoding="utf-8")
    with Library(tmp_path / "lib.sqlite3") as lib:
        report = import_paths(lib, [sample_dir / "page1.txt", tmp_path / "page2.txt"])
        assert not report.errors and not report.unplaced
        for query, title in (("试图为每位老人", "社区开展义诊活动"), ("青石巷游览", "春到青石巷")):
            assert [h.title for h in lib.search(query)] == [title]
