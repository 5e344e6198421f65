"""连续阅读全文: the parts of a continued article read, printed and saved as one."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from paper_reader.app import ReaderApp
from paper_reader.core.model import Article, Issue, Link, Page
from paper_reader.core.reading.history import Location
from paper_reader.ui.views.article_html import article_html

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="needs poppler's pdftotext (poppler-utils)")


def flat(text: str) -> str:
    """Without whitespace (lines wrap anywhere) and with punctuation in one width."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", text))


def whole_on(qtbot, app: ReaderApp, page: int, row: int) -> None:
    app.reader.open(Location(app.reader.issue.id, page, row))
    qtbot.keyClick(app.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert app.reader.whole_article


def blocks(app: ReaderApp) -> list[str]:
    doc = app.window.article_view.browser.document()
    out, block = [], doc.begin()
    while block.isValid():
        out.append(flat(block.text()))
        block = block.next()
    return out


@pytest.mark.parametrize("opened", [(1, 6), (2, 4)])
def test_a_mid_sentence_join_stays_one_paragraph(qtbot, reader_app: ReaderApp,
                                                 opened: tuple[int, int]) -> None:
    """听一听、看一看, (下转第二版) … (上接第一版)真正把群众的急难愁盼摸清楚: one sentence."""
    whole_on(qtbot, reader_app, *opened)
    paragraph = [b for b in blocks(reader_app) if "真正把群众" in b]
    assert len(paragraph) == 1
    assert "听一听、看一看,〔下接第二版〕真正把群众的急难愁盼摸清楚、解决好。" in paragraph[0]
    text = reader_app.window.article_view.plain_text()
    assert "—— 第二版 ——" not in text and "下转第二版" not in text and "上接第一版" not in text
    # The join is set apart from the text, not as text of the same colour and size.
    html = reader_app.window.article_view.html()
    assert re.search(r"<span style=\"[^\"]*color:#[0-9a-f]{6}[^\"]*\">〔下接第二版〕</span>", html)


def test_opened_from_its_second_part_it_is_headed_by_the_first(qtbot, reader_app: ReaderApp) -> None:
    whole_on(qtbot, reader_app, 2, 0)
    assert reader_app.reader.location.page == 2  # the reader stays where they are
    found = blocks(reader_app)
    assert found[0] == flat("松河日报 · 2024年3月15日 · 第一版")
    assert flat("周明远在调研春耕备耕工作时强调") in found
    assert flat("本报讯(记者 林晓雯)") in found
    assert found.index(flat("本报讯(记者 林晓雯)")) < next(
        i for i, b in enumerate(found) if "3月14日,市长周明远深入" in b)
    # and reads on to the page-2 part, in the same paragraph across the join
    assert any("8.5万亩,〔下接第二版〕各地要倒排工期" in b for b in found)
    # Off again: the page-2 part alone, as printed there.
    qtbot.keyClick(reader_app.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    found = blocks(reader_app)
    assert found[0] == flat("松河日报 · 2024年3月15日 · 第二版 综合")
    assert flat("本报讯(记者 林晓雯)") not in found


def test_page_text_in_the_join_is_plain_text(qapp) -> None:
    label = "<img src='/dev/zero'><b>x</b>"
    issue = Issue("松河日报", "2024-03-15")
    one, two = Page(1, "第一版"), Page(2, label)
    first = Article("题", paragraphs=["说到一半,"], continues_to=Link(2, 0))
    rest = Article("题", paragraphs=["说完了。"], continued_from=Link(1, 0))
    three = Page(3, label + "&amp;")
    last = Article("题", paragraphs=["另起一段。"])
    html = article_html(issue, one, first, joined=[(one, first), (two, rest), (three, last)])
    assert "<img" not in html and "<b>x" not in html
    doc = QTextDocument()
    doc.setHtml(html)
    text = doc.toPlainText()
    assert f"〔下接{label}〕" in text and f"—— {label}&amp; ——" in text


@needs_pdftotext
def test_pdf_of_the_whole_article(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    """Opened from its page-2 part: the PDF holds both parts, joined as in the view, and the
    footer cites the article as the citation does, by its first part."""
    whole_on(qtbot, reader_app, 2, 0)
    out = reader_app.tools.printing.export_pdf(str(tmp_path / "whole.pdf"))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    body = flat(text)
    issue = reader_app.reader.issue
    first, rest = issue.page(1).articles[0], issue.page(2).articles[0]
    for paragraph in (*first.paragraphs, *rest.paragraphs[1:]):
        assert flat(paragraph) in body, paragraph[:20]
    assert "8.5万亩,〔下接第二版〕各地要倒排工期" in body
    assert "周明远在调研春耕备耕工作时强调" in body and flat("本报讯(记者 林晓雯)") in body
    assert "下转第二版" not in body and "上接第一版" not in body
    pages = text.split("\f")[:-1]
    citation = reader_app.tools.citations.copy()
    assert citation.endswith("(1).")
    for number, page in enumerate(pages, 1):
        assert flat(f"松河日报 · 2024年3月15日 · 第一版 · {citation}") in flat(page)
        assert re.search(rf"第\s*{number}\s*/\s*{len(pages)}\s*页", page)


@needs_pdftotext
def test_print_of_the_whole_article_and_of_one_part(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    """What the print dialog and the kiosk's printer are given (print_parts), printed to a file."""
    from PySide6.QtPrintSupport import QPrinter

    from paper_reader.ui.tools import printing

    def printed(name: str) -> str:
        parts = reader_app.tools.printing.parts()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        printing.print_article(printer, *parts, convert=reader_app.presenter.look.convert)
        return subprocess.run(["pdftotext", str(tmp_path / name), "-"], capture_output=True,
                              text=True, check=True).stdout

    whole_on(qtbot, reader_app, 1, 5)  # “春风行动”招聘会: 期间, | 全市将陆续举办…
    whole = flat(printed("whole.pdf"))
    assert "今年“春风行动”期间,〔下接第二版〕全市将陆续举办线上线下招聘活动46场" in whole
    assert "培训合格后由基地推荐就业" in whole  # the end of the page-2 part
    qtbot.keyClick(reader_app.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    one = flat(printed("one.pdf"))
    assert "期间,(下转第二版)" in one and "全市将陆续举办" not in one
