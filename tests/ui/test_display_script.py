"""Traditional script reaches every text made of page data, and the formats around it
(总第…期, 第…页, paper names in the archive and search); a citation keeps the printed
script unless the reader chooses the display script."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp
from paper_reader.core.reading.history import Location
from paper_reader.ui.tools.printing import page_numbers
from paper_reader.ui.views.models import DISPLAY_ROLE


@pytest.fixture
def traditional(reader_app: ReaderApp) -> ReaderApp:
    reader_app.window.actions.scripts["traditional"].trigger()
    reader_app.reader.open(Location(reader_app.reader.issue.id, 1, 0))
    QApplication.processEvents()
    return reader_app


def test_toolbar_title_and_page_strip(traditional: ReaderApp) -> None:
    w = traditional.window
    assert "松河日報" in w.issue_label.text() and "總第9127期" in w.issue_label.text()
    assert "总" not in w.issue_label.text()
    assert w.windowTitle().startswith("松河日報")
    assert w.page_model.index(1).data(DISPLAY_ROLE) == "第二版\n綜合"


def test_print_footer_page_numbers(traditional: ReaderApp) -> None:
    convert = traditional.presenter.look.convert
    assert page_numbers(1, 3, convert) == "第 1 / 3 頁"
    assert page_numbers(1, 3) == "第 1 / 3 页"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_footer_in_the_display_script(traditional: ReaderApp, tmp_path: Path) -> None:
    out = traditional.tools.printing.export_pdf(str(tmp_path / "article.pdf"))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "第1/" in flat and "頁" in flat and "页" not in flat.replace("[N].松河日报", "")
    assert "松河日報·2024年3月15日" in flat  # the footer's paper, converted
    assert "[N].松河日报,2024-03-15(1)." in flat  # the reference, as printed


def test_archive_and_search_show_converted_paper_names(qtbot, traditional: ReaderApp) -> None:
    dialog = traditional.tools.archive.show()
    qtbot.addWidget(dialog)
    assert dialog.paper.currentText() == "松河日報" and dialog.paper.currentData() == "松河日报"
    assert dialog.has_issue(QDate(2024, 3, 15))
    traditional.reader.open(Location(traditional.reader.issue.id, 3, None))
    with qtbot.waitSignal(dialog.issueChosen):
        dialog.calendar.setSelectedDate(QDate(2024, 3, 15))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    dialog.close()
    panel = traditional.tools.search.panel()
    names = [(panel.paper.itemText(i), panel.paper.itemData(i)) for i in range(1, panel.paper.count())]
    assert names == [("松河日報", "松河日报")]
    traditional.window.actions.scripts["original"].trigger()
    assert panel.paper.itemText(1) == "松河日报"


def test_citations_keep_the_printed_script_by_default(traditional: ReaderApp) -> None:
    a = traditional.window.actions
    assert not a.cite_display_script.isChecked()
    text = traditional.tools.citations.copy()
    assert "松河日报, 2024-03-15(1)." in text and "報" not in text
    assert "，" not in text  # GB/T 7714's own punctuation, and no display punctuation
    assert "松河日报" in traditional.tools.citations.copy(plain=True)
    assert "松河日报, 2024-03-15(1)." in traditional.tools.printing.parts()[4]
    a.cite_display_script.trigger()
    assert a.cite_display_script.isChecked()
    text = traditional.tools.citations.copy()
    assert "松河日報, 2024-03-15(1)." in text and "，" not in text
    assert QApplication.clipboard().text() == text
    assert "松河日報" in traditional.tools.citations.copy(plain=True)


def test_switching_back_finds_the_documents_made_for_that_script(reader_app: ReaderApp, qtbot) -> None:
    """The documents are kept under the look they were made for: back to simplified, the
    page's and the article's documents are the ones shown before (a swap, not a parse and a
    layout again), and the traditional ones come back as made."""
    app, w = reader_app, reader_app.window

    def settled() -> None:
        # With an article open the page tab is out of sight: its document is put up by the
        # idle work, which may not have run by the end of one processEvents.
        QApplication.processEvents()
        qtbot.waitUntil(lambda: not app.presenter._idle, timeout=5000)

    app.reader.open(Location(app.reader.issue.id, 1, 0))
    settled()
    simplified = (w.overview.document(), w.article_view.browser.document())
    app.tools.look.set_script("traditional")
    settled()
    traditional = (w.overview.document(), w.article_view.browser.document())
    assert "圖書館" in traditional[0].toPlainText() and traditional[0] is not simplified[0]
    app.tools.look.set_script("original")
    settled()
    assert (w.overview.document(), w.article_view.browser.document()) == simplified
    assert "图书馆" in w.overview.document().toPlainText()
    app.tools.look.set_script("traditional")
    settled()
    assert (w.overview.document(), w.article_view.browser.document()) == traditional
