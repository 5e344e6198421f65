"""The page strip lists a bounded number of pages, whatever count an issue carries."""

from __future__ import annotations

from paper_reader.core.limits import MAX_PAGE_COUNT
from paper_reader.core.model import Issue, Page
from paper_reader.ui.views.models import PageListModel


def test_a_huge_page_count_gives_a_bounded_page_list(qtbot) -> None:
    # As a library row could give it: 今日1000000000000版 stored by another program.
    issue = Issue("松河日报", "2024-03-15", page_count=10**12, pages=[Page(1, "第一版")])
    model = PageListModel()
    model.set_issue(issue)
    assert model.rowCount() == MAX_PAGE_COUNT
    assert model.page_at(0) == (1, issue.pages[0])
