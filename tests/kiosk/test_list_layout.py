"""The kiosk's article list after a patron enlarged the text, and after the reset."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from paper_reader.core.reading.history import Location
from tests.ui.test_article_list_layout import assert_laid_out, title_size


def test_rows_after_pinch_and_reset(kiosk) -> None:
    view = kiosk.window.article_list
    kiosk.reader.open(Location(kiosk.reader.location.issue_id, 1, 0))
    QApplication.processEvents()
    assert_laid_out(view)
    start_size = title_size(view)
    for _ in range(3):
        kiosk.tools.look.step_size(1)  # what a pinch does
        QApplication.processEvents()
        assert_laid_out(view)
    assert title_size(view) > start_size
    kiosk.kiosk.reset()
    kiosk.reader.open(Location(kiosk.reader.location.issue_id, 1, 0))
    QApplication.processEvents()
    assert_laid_out(view)
    assert title_size(view) == start_size
