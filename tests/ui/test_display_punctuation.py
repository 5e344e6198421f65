"""全角标点: half-width marks among Chinese are shown full-width in every view of the text,
by default and as remembered; what is stored and searched stays as printed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build
from paper_reader.core.reading.history import Location
from paper_reader.ui.shell.session import Session
from paper_reader.ui.views.models import BYLINE_ROLE, DISPLAY_ROLE

PRINTED = "3月14日,市长周明远"
SHOWN = "3月14日，市长周明远"


def open_article(app: ReaderApp, page: int, row: int | None) -> None:
    app.reader.open(Location(app.reader.issue.id, page, row))
    QApplication.processEvents()


def list_texts(app: ReaderApp) -> str:
    model = app.window.article_model
    return "\n".join(f"{model.index(i).data(DISPLAY_ROLE)} {model.index(i).data(BYLINE_ROLE)}"
                     for i in range(model.rowCount()))


def every_view(app: ReaderApp) -> dict[str, str]:
    """The lead article of the front page as each view shows it, and as printed."""
    w = app.window
    open_article(app, 1, None)
    overview = w.overview.toPlainText()
    open_article(app, 1, 0)
    parts = app.tools.printing.parts()
    return {"article": w.article_view.plain_text(), "list": list_texts(app), "overview": overview,
            "print": parts[3]}


def test_full_width_in_every_view_by_default(reader_app: ReaderApp) -> None:
    assert reader_app.window.actions.full_width.isChecked()
    views = every_view(reader_app)
    for name in ("article", "overview", "print"):
        assert SHOWN in views[name] and PRINTED not in views[name], name
    assert "本报讯（记者 林晓雯）" in views["article"]
    assert "“河水清了，白鹭也回来了！”" in views["list"]


def test_stored_and_searched_text_stay_as_printed(reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 0)
    article = reader_app.reader.article()
    assert any(PRINTED in p for p in article.paragraphs)
    hits = reader_app.library.search(PRINTED)
    assert [h.title for h in hits] == [article.title]


def test_the_option_off_shows_the_marks_as_printed_and_is_remembered(
        qtbot, reader_app: ReaderApp, library_path) -> None:
    reader_app.window.actions.full_width.trigger()
    assert not reader_app.window.actions.full_width.isChecked()
    views = every_view(reader_app)
    for name in ("article", "overview", "print"):
        assert PRINTED in views[name] and SHOWN not in views[name], name
    assert "“河水清了,白鹭也回来了!”" in views["list"]
    assert Session().flag("view/full_width_punctuation", True) is False
    reader_app.window.close()
    reader_app.library.close()
    again = build(library_path)
    qtbot.addWidget(again.window)
    try:
        assert again.presenter.look.full_width is False
        assert not again.window.actions.full_width.isChecked()
    finally:
        again.library.close()


def test_full_width_follows_the_script(reader_app: ReaderApp) -> None:
    reader_app.window.actions.scripts["traditional"].trigger()
    views = every_view(reader_app)
    assert "3月14日，市長周明遠" in views["article"]
