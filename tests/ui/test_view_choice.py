"""版面/文章 are one choice of two: an exclusive group, drawn in the menu as radio items
(round, a dot), not as the check boxes of on/off entries such as 连续阅读全文."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu

from paper_reader.app import ReaderApp


def indicator(menu: QMenu, index: int) -> QImage:
    """The left end of a menu entry, where its indicator is drawn."""
    rect = menu.actionGeometry(menu.actions()[index])
    return menu.grab(rect.adjusted(0, 0, -(rect.width() - rect.height() - 8), 0)).toImage()


def view_menu(app: ReaderApp) -> QMenu:
    return next(a.menu() for a in app.window.menuBar().actions() if a.text().startswith("查看"))


def test_page_and_article_are_one_exclusive_choice(reader_app: ReaderApp) -> None:
    a = reader_app.window.actions
    group = a.show_overview.actionGroup()
    assert group is not None and group is a.show_article.actionGroup() and group.isExclusive()
    a.show_overview.trigger()
    assert a.show_overview.isChecked() and not a.show_article.isChecked()
    a.whole_article.setChecked(True)  # an on/off entry, for comparison


def test_choices_look_unlike_check_boxes(qtbot, reader_app: ReaderApp) -> None:
    for theme in ("light", "dark"):
        reader_app.tools.look.set_theme_mode(theme)
        a = reader_app.window.actions
        a.show_overview.trigger()
        a.whole_article.setChecked(True)
        menu = view_menu(reader_app)
        menu.popup(reader_app.window.mapToGlobal(QPoint(10, 10)))
        QApplication.processEvents()
        actions = menu.actions()
        choice = indicator(menu, actions.index(a.show_overview))
        toggle = indicator(menu, actions.index(a.whole_article))
        menu.hide()
        assert choice.size() == toggle.size()
        assert choice != toggle, theme  # same state, checked: a radio dot is not a check mark
