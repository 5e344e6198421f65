"""Following 上接 and 下转 across an issue's pages to the parts of one article (no Qt here)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Article, Issue, Link, Page
from paper_reader.core.reading.continuation import linked_part, parts_of

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def sample() -> Issue:
    return parse_path(SAMPLE)


def issue_of(*pages: list[Article]) -> Issue:
    """Pages 1, 2, … holding these articles."""
    return Issue("松河日报", "2024-03-15",
                 pages=[Page(n, f"第{n}版", articles=arts) for n, arts in enumerate(pages, 1)])


def places(parts: list[tuple[Page, Article]]) -> list[tuple[int, int]]:
    """(page number, index) of each part, by identity: articles may be equal in value."""
    return [(page.number, next(i for i, a in enumerate(page.articles) if a is art))
            for page, art in parts]


def same(a: tuple[Page, Article] | None, b: tuple[Page, Article]) -> bool:
    return a is not None and a[0] is b[0] and a[1] is b[1]


@pytest.mark.parametrize("opened", [(1, 6), (2, 4)])
def test_the_sample_article_is_found_whole_from_either_part(sample: Issue,
                                                            opened: tuple[int, int]) -> None:
    """The 评论员 article: page 1's seventh, continued as page 2's fifth."""
    page, row = sample.page(opened[0]), opened[1]
    parts = parts_of(sample, page, row)
    assert places(parts) == [(1, 6), (2, 4)]
    assert parts[0][0] is sample.page(1) and parts[1][1] is sample.page(2).articles[4]


def test_an_article_without_links_is_its_only_part(sample: Issue) -> None:
    page = sample.page(1)
    lone = next(i for i, a in enumerate(page.articles) if not a.continues_to and not a.continued_from)
    assert parts_of(sample, page, lone) == [(page, page.articles[lone])]


def test_a_chain_over_three_pages_in_reading_order_from_its_middle() -> None:
    first = Article("开头", continues_to=Link(3, 1))
    middle = Article(continued_from=Link(1, 0), continues_to=Link(2, 0))
    last = Article(continued_from=Link(3, 1))
    issue = issue_of([first], [last], [Article("别的"), middle])
    assert places(parts_of(issue, issue.page(3), 1)) == [(1, 0), (3, 1), (2, 0)]
    assert places(parts_of(issue, issue.page(2), 0)) == [(1, 0), (3, 1), (2, 0)]


@pytest.mark.parametrize("row", [-1, 1, 10**9])
def test_no_such_article_has_no_parts(row: int) -> None:
    issue = issue_of([Article("一")])
    assert parts_of(issue, issue.page(1), row) == []


def test_links_in_a_circle_give_each_part_once() -> None:
    """1 → 2 → 3 → 1 by 下转 and the same circle by 上接: a damaged library, not a hang."""
    a = Article("甲", continues_to=Link(2, 0), continued_from=Link(3, 0))
    b = Article("乙", continues_to=Link(3, 0), continued_from=Link(1, 0))
    c = Article("丙", continues_to=Link(1, 0), continued_from=Link(2, 0))
    issue = issue_of([a], [b], [c])
    # Back by 上接 round the circle until the next step would be the opened one again; the
    # 下转 from it then leads to a part already taken.
    assert places(parts_of(issue, issue.page(1), 0)) == [(2, 0), (3, 0), (1, 0)]
    assert places(parts_of(issue, issue.page(2), 0)) == [(3, 0), (1, 0), (2, 0)]
    assert places(parts_of(issue, issue.page(3), 0)) == [(1, 0), (2, 0), (3, 0)]


def test_an_article_linked_to_itself_is_one_part() -> None:
    issue = issue_of([Article("自", continues_to=Link(1, 0), continued_from=Link(1, 0))])
    assert places(parts_of(issue, issue.page(1), 0)) == [(1, 0)]


def test_the_walk_stops_at_a_page_not_in_the_issue() -> None:
    """下转第五版, and page 5 was never imported: the parts in hand, no error."""
    issue = issue_of([Article("一", continues_to=Link(5, 0), continued_from=Link(7, 2))])
    assert places(parts_of(issue, issue.page(1), 0)) == [(1, 0)]


def test_the_walk_stops_where_the_article_on_the_linked_page_is_not_known() -> None:
    issue = issue_of([Article("一", continues_to=Link(2))], [Article("二", continued_from=Link(1))])
    assert places(parts_of(issue, issue.page(1), 0)) == [(1, 0)]
    assert places(parts_of(issue, issue.page(2), 0)) == [(2, 0)]


@pytest.mark.parametrize("index", [1, 5, -1, 10**12])
def test_a_link_to_an_article_the_page_does_not_have_ends_the_walk(index: int) -> None:
    """An index past the page's articles (a library written by something else) is not an
    IndexError in the middle of opening an article."""
    issue = issue_of([Article("一", continues_to=Link(2, index))], [Article("二")])
    assert places(parts_of(issue, issue.page(1), 0)) == [(1, 0)]


def test_a_part_on_a_page_not_in_the_issue_is_found_by_its_place() -> None:
    """The opened page is a copy of the issue's (not one of its pages): its article is the
    first part, and a link back to the same place is not taken as a new part."""
    one = Article("一", continues_to=Link(2, 0))
    two = Article("二", continued_from=Link(1, 0), continues_to=Link(1, 0))
    issue = issue_of([one], [two])
    copy = Page(1, "第1版", articles=[Article("一", continues_to=Link(2, 0))])
    parts = parts_of(issue, copy, 0)
    assert [p for p, _ in parts] == [copy, issue.page(2)]
    assert parts[0][1] is copy.articles[0] and parts[1][1] is two


def test_a_page_outside_the_issue_with_links_into_it() -> None:
    """A page the issue does not hold at all (page 9) still reads on into the issue."""
    issue = issue_of([Article("续", continued_from=Link(9, 0))])
    outside = Page(9, "第九版", articles=[Article("起", continues_to=Link(1, 0))])
    assert [(p.number, a.title) for p, a in parts_of(issue, outside, 0)] == [(9, "起"), (1, "续")]


def test_linked_part() -> None:
    issue = issue_of([Article("一")], [Article("二"), Article("三")])
    assert same(linked_part(issue, Link(2, 1)), (issue.page(2), issue.page(2).articles[1]))
    for link in (None, Link(2), Link(2, 2), Link(2, -1), Link(3, 0), Link(0, 0)):
        assert linked_part(issue, link) is None, link


# Any issue of up to four pages of up to three articles, its links pointing anywhere
# (missing pages, unknown or absent articles, circles): the walk ends, takes each place once,
# starts from the opened article and follows the links as they are.
links = st.one_of(st.none(), st.builds(Link, st.integers(0, 5), st.one_of(st.none(), st.integers(-1, 3))))
articles = st.builds(lambda to, back: Article("文", continues_to=to, continued_from=back), links, links)
issues = st.lists(st.lists(articles, max_size=3), min_size=1, max_size=4)


@given(issues, st.integers(1, 4), st.integers(0, 2))
def test_any_links_give_a_chain_that_ends_and_follows_them(pages: list[list[Article]], number: int,
                                                            row: int) -> None:
    issue = issue_of(*pages)
    page = issue.page(number)
    if page is None or row >= len(page.articles):
        assert page is None or parts_of(issue, page, row) == []
        return
    parts = parts_of(issue, page, row)
    found = places(parts)
    assert len(set(found)) == len(found)
    start = found.index((number, row))
    for k, ((_, earlier), (_, later)) in enumerate(zip(parts, parts[1:], strict=False)):
        if k < start:  # before the opened part: each found from the next by its 上接
            assert same(linked_part(issue, later.continued_from), parts[k])
        else:  # after it: each found from the one before by its 下转
            assert same(linked_part(issue, earlier.continues_to), parts[k + 1])
    # and it stops only where the next link leads nowhere new
    for link in (parts[0][1].continued_from, parts[-1][1].continues_to):
        nxt = linked_part(issue, link)
        assert nxt is None or places([nxt])[0] in found
