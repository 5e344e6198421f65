"""References for an article: GB/T 7714-2015 and the plain form, on the sample issue."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Article, Issue, Page
from paper_reader.core.reading.citation import gbt7714, plain_citation


@pytest.fixture(scope="module")
def issue() -> Issue:
    from ..conftest import SAMPLE

    return parse_path(SAMPLE)


def find(issue: Issue, title: str) -> tuple[Page, Article]:
    """The first article so titled: a continued article's opening part comes first."""
    for page in issue.pages:
        for article in page.articles:
            if article.title == title:
                return page, article
    raise LookupError(title)


def test_one_author(issue: Issue) -> None:
    page, article = find(issue, "我市3个村入选省级美丽乡村示范村")
    assert article.authors == ["周向阳"]
    assert gbt7714(issue, page, article) == (
        "周向阳. 我市3个村入选省级美丽乡村示范村[N]. 松河日报, 2024-03-15(1).")


def test_kicker_is_left_out(issue: Issue) -> None:
    page, article = find(issue, "早谋划早部署早落实 夯实全年粮食丰收基础")
    assert article.kicker and len(article.authors) == 1
    assert gbt7714(issue, page, article) == (
        "林晓雯. 早谋划早部署早落实 夯实全年粮食丰收基础[N]. 松河日报, 2024-03-15(1).")


def test_two_authors_and_subtitle_left_out(issue: Issue) -> None:
    page, article = find(issue, "“河水清了,白鹭也回来了!”")
    assert article.subtitle and len(article.authors) == 2
    assert gbt7714(issue, page, article) == (
        "韩思远, 唐悦. “河水清了,白鹭也回来了!”[N]. 松河日报, 2024-03-15(1).")


def test_two_authors_inner_page(issue: Issue) -> None:
    page, article = find(issue, "市第二十三届中小学生春季田径运动会开幕")
    assert gbt7714(issue, page, article) == (
        "宋立, 何雨桐. 市第二十三届中小学生春季田径运动会开幕[N]. 松河日报, 2024-03-15(2).")


def test_more_than_three_authors_end_with_deng(issue: Issue) -> None:
    page = issue.page(3)
    assert page is not None
    article = Article(title="社区食堂的饭菜为啥这么香?", authors=["白露", "陆子健", "蒋一帆", "程亮"])
    assert gbt7714(issue, page, article) == (
        "白露, 陆子健, 蒋一帆, 等. 社区食堂的饭菜为啥这么香?[N]. 松河日报, 2024-03-15(3).")


def test_three_authors_are_all_listed(issue: Issue) -> None:
    page = issue.page(1)
    assert page is not None
    article = Article(title="标题", authors=["甲", "乙", "丙"])
    assert gbt7714(issue, page, article) == "甲, 乙, 丙. 标题[N]. 松河日报, 2024-03-15(1)."


def test_no_author_starts_with_the_title(issue: Issue) -> None:
    page, notice = find(issue, "停水通知")
    assert notice.kind == "notice" and not notice.authors
    assert gbt7714(issue, page, notice) == "停水通知[N]. 松河日报, 2024-03-15(3)."
    page, weather = find(issue, "周末我市有小雨 气温小幅回落")
    assert not weather.authors
    assert gbt7714(issue, page, weather) == "周末我市有小雨 气温小幅回落[N]. 松河日报, 2024-03-15(1)."


def test_untitled(issue: Issue) -> None:
    page = issue.page(1)
    assert page is not None
    assert gbt7714(issue, page, Article()) == "（无题）[N]. 松河日报, 2024-03-15(1)."
    assert plain_citation(issue, page, Article(title="  ")) == "松河日报 2024年3月15日 第一版：（无题）"


def test_plain_front_page(issue: Issue) -> None:
    page, article = find(issue, "市图书馆新馆今日起向市民开放")
    assert page.section is None
    assert plain_citation(issue, page, article) == (
        "松河日报 2024年3月15日 第一版：市图书馆新馆今日起向市民开放")


def test_plain_with_section(issue: Issue) -> None:
    page, article = find(issue, "停水通知")
    assert plain_citation(issue, page, article) == "松河日报 2024年3月15日 第三版 民生：停水通知"


def test_plain_date_has_no_zero_padding() -> None:
    issue = Issue(paper="辽源日报", date="2020-07-06")
    page = Page(number=1, label="第一版")
    article = Article(title="市委常委会召开2020年第十一次常委会议", authors=["王茵"])
    assert plain_citation(issue, page, article) == (
        "辽源日报 2020年7月6日 第一版：市委常委会召开2020年第十一次常委会议")
    assert gbt7714(issue, page, article) == (
        "王茵. 市委常委会召开2020年第十一次常委会议[N]. 辽源日报, 2020-07-06(1).")


def test_convert_to_traditional(issue: Issue) -> None:
    s2t = opencc.OpenCC("s2t").convert
    page, article = find(issue, "市图书馆新馆今日起向市民开放")
    assert gbt7714(issue, page, article, convert=s2t) == (
        "許嘉寧, 鄭文濤. 市圖書館新館今日起向市民開放[N]. 松河日報, 2024-03-15(1).")
    page, notice = find(issue, "停水通知")
    assert plain_citation(issue, page, notice, convert=s2t) == "松河日報 2024年3月15日 第三版 民生：停水通知"
    four = Article(title="标题", authors=["甲", "乙", "丙", "丁"])
    assert gbt7714(issue, page, four, convert=s2t) == "甲, 乙, 丙, 等. 標題[N]. 松河日報, 2024-03-15(3)."


def test_the_publishers_page(real_page: Path) -> None:
    """The example in the brief, from the real page beside the checkout."""
    issue = parse_path(real_page)
    page = issue.pages[0]
    article = next(a for a in page.articles if a.title == "市委常委会召开2020年第十一次常委会议")
    assert gbt7714(issue, page, article) == (
        "王茵. 市委常委会召开2020年第十一次常委会议[N]. 辽源日报, 2020-07-06(1).")
    assert plain_citation(issue, page, article) == (
        "辽源日报 2020年7月6日 第一版：市委常委会召开2020年第十一次常委会议")
