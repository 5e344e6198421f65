"""Properties of the parser: it never raises on text and never loses a line."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from paper_reader.core.model import Page
from paper_reader.core.parsing.parser import parse_page


def _chars(s: str) -> Counter[str]:
    return Counter(ch for ch in s if not ch.isspace())


def assert_lines_conserved(text: str, page: Page) -> None:
    """Each non-blank line ends in one place; no character is lost or invented."""
    nonblank = {i + 1 for i, s in enumerate(text.split("\n")) if s.strip()}
    placed = list(page.header_lines) + list(page.unplaced_lines)
    for art in page.articles:
        placed += art.lines
    assert sorted(placed) == sorted(nonblank), "a line was dropped or placed twice"
    out = Counter[str]()
    out += _chars("".join(page.header)) + _chars("".join(page.unplaced))
    for art in page.articles:
        for value in (art.title, art.kicker, art.subtitle, art.column, art.byline,
                      *art.paragraphs, *art.captions, *art.signature, *art.markers):
            out += _chars(value or "")
    assert out == _chars(text)


NEWSY = st.sampled_from([
    "", "", "", " ", "本报讯(记者 王茵)7月3日上午,会议召开。", "本報訊(記者 王茵)會議。", "本报记者 王茵",
    "——副题侧记", "新闻特写", "把各领", "域基层党组织建设。", "图为市民在读书。本报记者 张三 摄",
    "(下转第二版)", "正文到此。(下转第3版)", "(上接第一版)接着说。", "特此公告。", "某某委员会",
    "2020年6月11日", "市委常委会召开会议", "扎实工作。(李文罡)", "总第8064期 今日4版",
    "第二版 综合", "责任编辑:张三", "辽源日报", "2020年7月6日 星期一", "“问句?”", "(",
    ")", "《吉林日报》评论员", "——", "图为", "摄",
])


@given(st.lists(NEWSY, max_size=40))
def test_newsy_lines_never_raise_or_lose(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert_lines_conserved(text, parse_page(text))


@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_or_loses(text: str) -> None:
    text = text.replace("\r", "\n").replace("\f", "\n")
    assert_lines_conserved(text, parse_page(text))
