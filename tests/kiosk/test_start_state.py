"""The first patron of the day sees what every later one sees: the kiosk right after its
start is in the same state as after an idle reset (look, place, fonts, what is shown)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStatusBar

from paper_reader.app import ReaderApp
from paper_reader.core.library import Library


def font_of(widget) -> tuple[tuple[str, ...], float]:  # type: ignore[no-untyped-def]
    font = widget.font()
    return tuple(font.families()), font.pointSizeF()


def state(app: ReaderApp) -> dict[str, object]:
    """Everything a patron walking up could tell apart."""
    w, look, reader = app.window, app.presenter.look, app.reader
    browser, overview = w.article_view.browser, w.overview
    qapp = QApplication.instance()
    return {
        "script": look.script, "text size": look.text_size, "face": look.face,
        "palette": look.palette, "theme": app.tools.look.theme_mode,
        "window colour": qapp.palette().color(qapp.palette().ColorRole.Window).name(),
        "style sheet": hashlib.sha1(qapp.styleSheet().encode()).hexdigest(),
        "place": (reader.issue.id if reader.issue else None, reader.location),
        "whole article": reader.whole_article,
        "history": (reader.history.can_go_back(), reader.history.can_go_forward()),
        "article font": font_of(browser),
        "article document font": browser.document().defaultFont().toString(),
        "overview font": font_of(overview),
        "overview document font": overview.document().defaultFont().toString(),
        "scrolled": (browser.verticalScrollBar().value(), overview.verticalScrollBar().value()),
        "overview text": overview.toPlainText()[:2000],
        "checked script": [name for name, a in w.actions.scripts.items() if a.isChecked()],
        "tab": w.tabs.currentIndex(),
        "splitter": w.splitter.sizes(),
        "info bar": (w.info_bar.isVisible(), w.info_bar.label.text() if w.info_bar.isVisible() else ""),
        "status bar": [bar.isVisible() for bar in w.findChildren(QStatusBar)],
        "list rows": w.article_list.model().rowCount(),
        "focus": type(QApplication.focusWidget()).__name__ if QApplication.focusWidget() else None,
    }


def settled(qtbot, app: ReaderApp) -> tuple[dict[str, object], object]:  # noqa: ANN001
    """The state and the pixels once the window has done what it does on idle time (warming
    documents, drawing in the background): the same twice in a row, however busy the machine."""
    last = (state(app), app.window.grab().toImage())
    for _ in range(100):
        qtbot.wait(50)
        now = (state(app), app.window.grab().toImage())
        if now == last:
            return now
        last = now
    raise AssertionError("the window never settled")


@pytest.mark.parametrize("changes", [
    {"text_size": 24.0},
    {"text_size": 10.0, "script": "traditional", "theme": "dark"},
    {},
])
def test_the_start_is_the_state_after_a_reset(qtbot, make_kiosk, changes) -> None:
    app = make_kiosk(**changes)
    start, first_look = settled(qtbot, app)
    assert start["text size"] == changes.get("text_size", 14.0)
    # The configured size is what the article and the page overview are set in.
    assert start["article font"][1] == start["text size"]
    assert start["overview font"][1] == pytest.approx(start["text size"] * 0.85)
    assert start["face"] and start["article font"][0][0] == start["face"]
    # A patron changes things; the reset puts them back.
    a = app.window.actions
    a.scripts["simplified"].trigger()
    a.bigger.trigger()
    qtbot.mouseClick(app.window.navigation_bar.widgetForAction(a.next_page), Qt.MouseButton.LeftButton)
    app.kiosk.reset()
    after, look = settled(qtbot, app)
    assert after == start
    assert look == first_look  # the very same pixels


def test_an_empty_library_says_so_at_start_and_after_a_reset(qtbot, make_kiosk, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    Library(path).close()
    app = make_kiosk(path)
    start = state(app)
    assert start["info bar"] == (True, "书库里还没有报纸。")
    app.kiosk.reset()
    assert state(app) == start
