"""Markup in a page, a library file, a file name or an error message is shown as text: no
widget takes it for rich text, and no ``<img src>`` in it makes the window read a file.

The ``<img src>`` of every field names a FIFO watched from another process, which notices
any open of it for reading (and then lets the reader go on, so that a failure is not a hang).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolTip

from paper_reader.app import ReaderApp, build
from paper_reader.core.library import DamagedLibraryError, Library
from paper_reader.core.model import Issue
from paper_reader.ui.problem_text import problem_text
from paper_reader.ui.tools.search_panel import snippet_marks

from .markup import (
    IMG,
    LUNAR,
    PAPER,
    PINYIN,
    FifoWatch,
    document_markup,
    interpret,
    interpreted_anywhere,
    markup_library,
    shown_text,
)


@pytest.fixture
def fifo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FifoWatch]:
    monkeypatch.chdir(tmp_path)  # relative <img src> in file names resolve to the FIFO
    watch = FifoWatch(tmp_path)
    yield watch
    watch.close()


@pytest.fixture
def markup_folder(tmp_path: Path) -> Path:
    """The library's folder has markup in its name too (no closing tags: a name has no slash);
    it is in messages and the about box."""
    folder = tmp_path / f"{IMG}&amp;<b>书库"
    folder.mkdir()
    return folder


@pytest.fixture
def markup_app(qtbot, markup_folder: Path, sample_dir: Path, fifo: FifoWatch) -> Iterator[ReaderApp]:
    parts = build(markup_library(markup_folder / "library.sqlite3", sample_dir, fifo.path))
    qtbot.addWidget(parts.window)
    # Shown exactly as stored: full-width punctuation on display has tests of its own, and
    # would turn the ';' of '&amp;' beside a Chinese character into '；'.
    parts.tools.look.set_full_width(False)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts
    if parts.tools.search.built is not None:
        parts.tools.search.built.wait()
    parts.library.close()


def marked_fields(issue: Issue) -> dict[str, str]:
    """Every kind of field, each from an article that has markup in it."""
    p1, p3 = issue.page(1), issue.page(3)
    assert p1 is not None and p3 is not None
    lead = p1.articles[0]
    fields = {"paper": issue.paper or "", "pinyin": issue.masthead["pinyin"],
              "lunar date": issue.masthead["lunar_date"], "page label": p1.label,
              "section": p3.section or "", "header line": p3.header[-1], "column": lead.column or "",
              "kicker": lead.kicker or "", "title": lead.title, "byline": lead.byline or "",
              "paragraph": lead.paragraphs[0], "caption": lead.captions[0],
              "subtitle": next(a.subtitle for a in p1.articles if a.subtitle) or "",
              "signature": next(a.signature[0] for a in p3.articles if a.signature),
              "masthead line": next(h for h in p1.header if "网" in h)}
    for name, value in fields.items():  # else the test would prove nothing
        assert "<" in value or "&amp;" in value, (name, value)
    return fields


def hover(view, row: int) -> str:  # type: ignore[no-untyped-def]
    """The tooltip a reader gets resting the mouse on a row: Qt's own path, QHelpEvent."""
    QToolTip.hideText()
    centre = view.visualRect(view.model().index(row, 0)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    QApplication.processEvents()
    return QToolTip.text()


def test_page_markup_is_shown_as_text_in_every_widget(qtbot, markup_app: ReaderApp, fifo: FifoWatch,
                                                      markup_folder: Path, tmp_path: Path) -> None:
    w, reader, tools = markup_app.window, markup_app.reader, markup_app.tools
    issue = reader.issue
    assert issue is not None and issue.paper == PAPER
    fields = marked_fields(issue)
    found: list[str] = []

    # Window title and the toolbar's issue label: the paper's name as stored.
    assert PAPER in w.windowTitle()
    assert interpret(w.issue_label.text(), w.issue_label.textFormat()) == (
        f"{PAPER}  2024年3月15日  总第9127期", [])

    # The page overview: masthead facts and every block.
    reader.go_page(1)
    w.show_overview_tab()
    qtbot.wait(50)
    overview = shown_text(w.overview.document())
    for value in (PAPER, PINYIN, LUNAR, fields["column"], fields["kicker"], fields["subtitle"]):
        assert value in overview
    assert document_markup(w.overview.document()) == []

    # Every article of every page, and the article list's tooltips on the way.
    for page in issue.pages:
        reader.go_page(page.number)
        for row, article in enumerate(page.articles):
            reader.select_article(row)
            QApplication.processEvents()
            doc = w.article_view.browser.document()
            text = shown_text(doc)
            assert document_markup(doc) == [], article.title
            for value in (article.title, article.kicker, article.subtitle, article.column, article.byline,
                          *article.paragraphs, *article.captions, *article.signature):
                if value:
                    assert value.replace(" ", "") in text.replace(" ", ""), value
            assert page.label in text and (page.section or "") in text and PAPER in text
            tip = hover(w.article_list, row)
            expected = article.paragraphs[0][:120] + ("…" if len(article.paragraphs[0]) > 120 else "")
            assert interpret(tip) == (expected, []), tip
        w.grab()  # paints the list, the strip and the article
        found += interpreted_anywhere([w])

    # Search results: snippets of the text around the markup.
    panel = tools.search.panel()
    tools.search.show()
    panel.query.setText("周明远深入")
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.run()
    hits = [h for h in panel.model.hits if h.title == fields["title"]]
    assert hits and "</a>" in hits[0].snippet
    # Painted as plain text, the hits marked by formats laid on it: no markup is made of it.
    shown, marks = snippet_marks(hits[0].snippet)
    assert shown == hits[0].snippet.replace(hits[0].MARK_START, "").replace(hits[0].MARK_END, "")
    assert "</a>" in shown and marks and all(shown[a:a + n] in "周明远深入" for a, n in marks)
    panel.results.viewport().grab()

    # The status bar's citation; an export to a folder named with markup; an import of files
    # and folders named with markup; the about box with the library's path.
    assert PAPER in tools.citations.copy()
    assert PAPER in w.statusBar().currentMessage()
    target = tmp_path / f"no {IMG} <b>folder" / "x.pdf"
    assert tools.printing.export_pdf(str(target)) is None
    assert interpret(w.info_bar.label.text(), w.info_bar.label.textFormat())[0] == w.info_bar.label.text()
    assert str(target.parent) in w.info_bar.label.text()
    found += interpreted_anywhere([w])
    bad_file = tmp_path / f"{IMG}&amp;.txt"
    bad_file.write_bytes(b"\x00\xff binary")
    empty = tmp_path / "<b>空"
    empty.mkdir()
    with qtbot.waitSignal(markup_app.importer.finished, timeout=20000):
        markup_app.importer.start([str(bad_file), str(empty)])
    summary = w.info_bar.label.text()
    assert str(bad_file) in summary and str(empty) in summary
    assert interpret(summary, w.info_bar.label.textFormat()) == (summary, [])
    from paper_reader.ui.shell.wiring import show_about

    about = show_about(w, reader.library.path)
    assert str(markup_folder) in interpret(about.text(), about.textFormat())[0]
    about.grab()
    found += interpreted_anywhere(QApplication.topLevelWidgets())
    about.close()

    assert found == []
    assert fifo.reads() == 0


def test_library_and_print_errors_are_shown_as_text(qtbot, markup_folder: Path, fifo: FifoWatch,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.ui.shell.startup import check_library
    from paper_reader.ui.system.crash_dialog import CrashDialog

    # SQLite's own words about a schema whose object is named with markup.
    path = markup_folder / "library.sqlite3"
    Library(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA writable_schema=ON")
    con.execute("INSERT INTO sqlite_master VALUES('table', ?, 't', 0, 'CREATE TABLE <b>')",
                (f"{IMG}<b>x</b>&amp;",))
    con.commit()
    con.close()
    with pytest.raises(DamagedLibraryError) as damaged:
        Library(path)
    assert IMG in str(damaged.value)

    boxes: list[QMessageBox] = []
    found: list[str] = []

    def exec_(box: QMessageBox) -> int:  # what the reader would see, then 退出
        box.show()
        box.grab()
        boxes.append(box)
        found.extend(interpreted_anywhere([box]))
        box.hide()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert not check_library(path, interactive=True)
    assert not check_library(markup_folder, interactive=True)  # a folder: cannot be read
    assert [b.text() for b in boxes] == [problem_text(damaged.value),
                                         f"{markup_folder}：这是文件夹，不是书库文件；请给出书库文件的路径"]

    # The apology for the same damage found later, and its set-aside message with the new name.
    dialog = CrashDialog(None, "details", markup_folder / f"{IMG}.log", problem_text(damaged.value), path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab()
    assert dialog.message.text().startswith(problem_text(damaged.value))
    found += interpreted_anywhere([dialog])
    dialog.set_aside()
    assert str(markup_folder) in dialog.message.text()
    dialog.grab()
    found += interpreted_anywhere([dialog])

    # A failed print: the message is the error's own text.
    from paper_reader.core.model import Article, Page
    from paper_reader.ui.tools import printing

    def failing(*_a: object, **_k: object) -> None:
        raise OSError(f"{IMG} <b>printer</b> &amp; gone")

    monkeypatch.setattr(printing, "print_article", failing)
    before = set(printing._open_dialogs)
    printing.print_dialog(None, Issue("p", "2024-03-15"), Page(1, "第一版"), Article("t"), "", "")
    (asked,) = set(printing._open_dialogs) - before
    asked.done(QDialog.DialogCode.Accepted)
    (failed,) = [d for d in printing._open_dialogs if isinstance(d, QMessageBox)]
    assert failed.text() == f"{IMG} <b>printer</b> &amp; gone"
    failed.grab()
    found += interpreted_anywhere([failed])
    failed.done(0)

    assert found == []
    assert fifo.reads() == 0


def test_a_tooltip_shows_its_text_literally(qapp) -> None:
    from paper_reader.ui.views.plain import TOOLTIP_CHARS, tooltip

    for text in ("<b>x</b>", "&amp;", "a\n<img src='x'>", "plain 文字", "&lt;b&gt;", "x" * 500):
        shown, acted = interpret(tooltip(text))
        cut = text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "…"
        assert (shown.replace("\u2028", "\n"), acted) == (cut, []), text
        assert GuiQt.mightBeRichText(tooltip(text))  # taken as (escaped) rich text, never guessed


def test_a_face_name_stays_inside_the_article_css(qapp) -> None:
    from paper_reader.core.model import Article, Page
    from paper_reader.ui.views.article_html import article_html

    from .markup import Probe

    face = "Noto'; background-image: url('probe.fifo'); x: 'x"
    html = article_html(Issue("松河日报", "2024-03-15"), Page(1, "第一版"), Article("题", paragraphs=["文"]),
                        font_family=face)
    doc = Probe()
    doc.setHtml(html)
    doc.size()
    assert doc.loads == [] and document_markup(doc) == []
    assert shown_text(doc).split() == ["松河日报", "·", "2024年3月15日", "·", "第一版", "题", "文"]
