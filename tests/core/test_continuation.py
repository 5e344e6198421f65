"""A continued article's parts joined into one (no Qt here)."""

from __future__ import annotations

import pytest

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Article, Issue, Link, Page
from paper_reader.core.reading.continuation import Join, join_parts

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def issue() -> Issue:
    return parse_path(SAMPLE)


def part(page: int, *paragraphs: str, **fields) -> tuple[Page, Article]:  # type: ignore[no-untyped-def]
    return Page(page, f"第{'一二三四'[page - 1]}版"), Article(paragraphs=list(paragraphs), **fields)


def test_a_mid_sentence_join_runs_on_in_one_paragraph(issue: Issue) -> None:
    """The sample's 评论员 article stops at 看一看, and goes on 真正把… on page 2."""
    p1, p2 = issue.page(1), issue.page(2)
    opening, rest = p1.articles[6], p2.articles[4]
    assert opening.paragraphs[-1].endswith("听一听、看一看,")
    assert rest.paragraphs[0].startswith("真正把群众的急难愁盼摸清楚")
    whole = join_parts([(p1, opening), (p2, rest)])
    assert len(whole.paragraphs) == len(opening.paragraphs) + len(rest.paragraphs) - 1
    at = len(opening.paragraphs) - 1
    joined = whole.paragraphs[at]
    assert joined == opening.paragraphs[-1] + rest.paragraphs[0]
    assert whole.joins == [Join(at, len(opening.paragraphs[-1]), 2, "第二版")]
    assert whole.joins[0].inline
    assert joined[: whole.joins[0].offset].endswith("看一看,")
    assert joined[whole.joins[0].offset:].startswith("真正把")
    assert whole.paragraphs[at + 1:] == rest.paragraphs[1:]


def test_every_join_of_the_sample_is_mid_sentence(issue: Issue) -> None:
    for page in issue.pages:
        for art in page.articles:
            link = art.continues_to
            if link is None or link.article is None:
                continue
            nxt = issue.page(link.page)
            whole = join_parts([(page, art), (nxt, nxt.articles[link.article])])
            assert [j.inline for j in whole.joins] == [True], art.title


def test_the_first_part_heads_the_whole(issue: Issue) -> None:
    p1, p2 = issue.page(1), issue.page(2)
    opening, rest = p1.articles[0], p2.articles[0]
    assert rest.kicker is None and rest.byline is None  # the page-2 part has neither
    whole = join_parts([(p1, opening), (p2, rest)])
    assert whole.page is p1 and whole.article is opening
    assert whole.article.kicker == "周明远在调研春耕备耕工作时强调"
    assert whole.article.byline == "本报讯(记者 林晓雯)"
    # The opening part's photo caption stays after its first paragraph.
    assert whole.captions == [(0, opening.captions[0])]


@pytest.mark.parametrize("end", ["。", "！", "？", "…", "。”", "！」", "?", "!", ":", "：", ";"])
def test_a_sentence_end_keeps_the_paragraphs_apart(end: str) -> None:
    whole = join_parts([part(1, "头一段。", f"这一段说完了{end}"), part(2, "下一段开头。", "再一段。")])
    assert whole.paragraphs == ["头一段。", f"这一段说完了{end}", "下一段开头。", "再一段。"]
    assert whole.joins == [Join(2, 0, 2, "第二版")] and not whole.joins[0].inline


@pytest.mark.parametrize("end", ["，", ",", "、", "的", "“还要", "3", "(记者"])
def test_no_closing_punctuation_runs_on(end: str) -> None:
    whole = join_parts([part(1, f"谁家遇到事{end}"), part(2, "大家都愿意找他商量。", "另起一段。")])
    assert whole.paragraphs == [f"谁家遇到事{end}大家都愿意找他商量。", "另起一段。"]
    assert whole.joins == [Join(0, len(f"谁家遇到事{end}"), 2, "第二版")]


def test_three_parts_and_their_captions_and_links() -> None:
    a = part(1, "开头一段,", captions=["图为一"], continued_from=Link(9))
    b = part(2, "接着说完。", "第二版的一段", captions=["图为二"])
    c = part(3, "在第三版说完。", captions=["图为三"], signature=["某某单位", "2024年3月15日"],
             continues_to=Link(4))
    whole = join_parts([a, b, c])
    assert whole.paragraphs == ["开头一段,接着说完。", "第二版的一段在第三版说完。"]
    assert whole.joins == [Join(0, 5, 2, "第二版"), Join(1, 6, 3, "第三版")]
    assert whole.captions == [(0, "图为一"), (0, "图为二"), (1, "图为三")]
    assert whole.signature == ["某某单位", "2024年3月15日"]
    assert whole.continued_from == Link(9) and whole.continues_to == Link(4)


def test_a_part_without_text() -> None:
    whole = join_parts([part(1, "说到一半,"), part(2), part(3, "说完了。")])
    assert whole.paragraphs == ["说到一半,", "说完了。"]
    assert whole.joins == [Join(1, 0, 2, "第二版"), Join(1, 0, 3, "第三版")]
    whole = join_parts([part(1, "说完了。"), part(2)])
    assert whole.paragraphs == ["说完了。"] and whole.joins == [Join(1, 0, 2, "第二版")]


def test_one_part_is_the_article_itself_and_none_is_refused() -> None:
    only = part(1, "一段。", "两段。")
    whole = join_parts([only])
    assert whole.paragraphs == ["一段。", "两段。"] and whole.joins == []
    assert whole.paragraphs is not only[1].paragraphs  # the model is never changed
    with pytest.raises(ValueError):
        join_parts([])
