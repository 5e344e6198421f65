from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from paper_reader.core.importer import parse_path
from paper_reader.ui.views.models import MISSING_ROLE, ArticleListModel, PageListModel


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

    from paper_reader.ui.views.article_list import ArticleListView

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


def test_role_numbers_are_qts() -> None:
    """The models name Qt's roles by number (see models.py); they must be Qt's numbers."""
    from PySide6.QtCore import Qt

    from paper_reader.ui.views import models

    role = Qt.ItemDataRole
    assert (models.DISPLAY_ROLE, models.TOOLTIP_ROLE, models.TEXT_ALIGNMENT_ROLE, models.FOREGROUND_ROLE,
            models.ACCESSIBLE_TEXT_ROLE, models.USER_ROLE) == (
        role.DisplayRole.value, role.ToolTipRole.value, role.TextAlignmentRole.value,
        role.ForegroundRole.value, role.AccessibleTextRole.value, role.UserRole.value)
    assert models.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value


def test_article_list_elides_a_long_byline(qtbot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from paper_reader.ui.views.article_list import ELLIPSIS, elided

    fm = QFontMetrics(QFont())
    assert elided(fm, "本报记者", 500) == "本报记者"
    long = "本报记者 " + "王茵 " * 60
    cut = elided(fm, long, 200)
    assert cut.endswith(ELLIPSIS) and long.startswith(cut[:-1])
    assert fm.horizontalAdvance(cut) <= 200 < fm.horizontalAdvance(cut[:-1] + long[len(cut) - 1] + ELLIPSIS)
    assert elided(fm, long, 1) == ELLIPSIS


def test_toolbar_icons_take_the_text_colour_and_grey_out(qtbot) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QPalette
    from PySide6.QtWidgets import QApplication

    from paper_reader.ui.shell.icons import SHAPES, shape_icon

    palette = QApplication.palette()
    for shape in SHAPES:
        icon = shape_icon(shape)
        image = icon.pixmap(QSize(32, 32)).toImage()
        pixels = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        inked = [c for c in pixels if c.alpha() == 255]
        assert len(inked) > 40, shape  # a shape, not an empty or garbage square
        assert image.pixelColor(0, 0).alpha() == 0, shape  # transparent around it
        assert {c.name() for c in inked} == {palette.color(QPalette.ColorRole.WindowText).name()}, shape
        disabled = icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage().pixelColor(16, 8)
        if disabled.alpha() == 255:
            assert disabled.name() == palette.color(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.WindowText).name()
