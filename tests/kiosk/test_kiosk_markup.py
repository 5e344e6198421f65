"""The kiosk shows markup from its library as text: the window, the article list's tooltips,
the PIN dialog and the idle countdown take none of it for rich text, and read no file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp

from ..ui.markup import IMG, PAPER, FifoWatch, interpret, interpreted_anywhere, markup_library
from ..ui.test_markup_safety import hover


@pytest.fixture
def fifo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FifoWatch]:
    monkeypatch.chdir(tmp_path)
    watch = FifoWatch(tmp_path)
    yield watch
    watch.close()


def test_kiosk_shows_library_markup_as_text(qtbot, make_kiosk: Callable[..., ReaderApp], tmp_path: Path,
                                            sample_dir: Path, fifo: FifoWatch) -> None:
    folder = tmp_path / f"{IMG}<b>kiosk"
    folder.mkdir()
    app = make_kiosk(markup_library(folder / "library.sqlite3", sample_dir, fifo.path))
    w, reader = app.window, app.reader
    assert reader.issue is not None and reader.issue.paper == PAPER
    found: list[str] = []
    for page in reader.issue.pages:
        reader.go_page(page.number)
        for row, article in enumerate(page.articles):
            reader.select_article(row)
            tip = hover(w.article_list, row)
            assert interpret(tip)[0].startswith(app.presenter.look.convert(article.paragraphs[0])[:100])
        w.grab()
        found += interpreted_anywhere([w])
    assert PAPER in w.issue_label.text()
    dialog = app.kiosk.open_pin_dialog()
    dialog.grab()
    found += interpreted_anywhere(QApplication.topLevelWidgets())
    dialog.hide()
    app.kiosk.start_countdown()
    w.grab()
    found += interpreted_anywhere(QApplication.topLevelWidgets())
    app.kiosk.keep_reading()
    assert found == []
    assert fifo.reads() == 0
