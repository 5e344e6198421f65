from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from paper_reader.core.issue import parse_path
from paper_reader.ui.models import MISSING_ROLE, ArticleListModel, PageListModel


def test_page_model_passes_the_model_tester(qtbot, sample_dir) -> None:
    model = PageListModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    issue = parse_path(sample_dir / "page1.txt")  # masthead says 4 pages; only one is here
    model.set_issue(issue)
    assert model.rowCount() == 4
    assert [model.index(r).data(MISSING_ROLE) for r in range(4)] == [False, True, True, True]
    assert "未收录" in model.index(1).data()
    model.set_issue(None)
    assert model.rowCount() == 0


def test_article_model_passes_the_model_tester(qtbot, sample_dir) -> None:
    model = ArticleListModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    issue = parse_path(sample_dir)
    model.set_page(issue.pages[0])
    assert model.rowCount() == len(issue.pages[0].articles)
    assert model.index(0).data() == issue.pages[0].articles[0].title
    model.set_page(issue.pages[1])
    model.refresh()
    model.set_page(None)
    assert model.rowCount() == 0


def test_painting_the_article_list_keeps_none_alive(qtbot, sample_dir) -> None:
    """PySide6 6.12.0 dropped a reference to None on every empty QVariant, which killed the
    interpreter after some minutes of reading; pyproject excludes it, and this guards that."""
    import sys

    from paper_reader.ui.article_list import ArticleListView

    model = ArticleListModel()
    model.set_page(parse_path(sample_dir).pages[0])
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(320, 600)
    view.show()
    before = sys.getrefcount(None)
    for _ in range(50):
        view.viewport().grab()
    assert sys.getrefcount(None) >= before - 20
