"""Page PDFs imported from the window: dropped or chosen in the file dialog, a summary in
the window's language of what the library did with them (a page image gained, a PDF kept, the
text cleaning), a long PDF counted page by page and cancelled between its pages, and a bad
PDF named in one line with nothing of it stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from paper_reader.app import ReaderApp
from paper_reader.core.library import Library

from ..conftest import SAMPLE, SAMPLE_PDF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
ISSUE_PDF = FIXTURES / "issue-songhe-2024-03-15.pdf"


def drop(qtbot, app: ReaderApp, paths: list[Path]) -> str:  # noqa: ANN001
    """Drop ``paths`` on the window as a file manager does; the summary shown after."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(app.window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(app.importer.finished, timeout=60000):
        QApplication.sendEvent(app.window, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                                      Qt.MouseButton.NoButton,
                                                      Qt.KeyboardModifier.NoModifier))
    return app.window.info_bar.label.text()


def stored(path: Path) -> list[tuple[int, str | None]]:
    """Each stored page: its number and its PDF's digest."""
    with Library(path, readonly=True) as lib:
        return [(p.number, p.pdf.digest if p.pdf else None)
                for info in lib.issues() for p in lib.load_issue(info.id).pages]


def test_dropped_pdfs_replace_the_text_pages_and_the_summary_says_so_in_chinese(
        qtbot, reader_app: ReaderApp, library_path: Path) -> None:
    app = reader_app
    assert all(digest is None for _n, digest in stored(library_path))  # the sample's text pages
    # The front page as a writer left it with digits that have no Unicode value, to be counted.
    front = FIXTURES / "unmapped-digits.pdf"
    text = drop(qtbot, app, [front, *sorted(SAMPLE_PDF.glob("page[234].pdf"))])
    lines = text.splitlines()
    assert lines[0] == "导入完成：新增 0 版，更新 4 版，未变 0 版。"
    assert "松河日报 2024-03-15 第1、2、3、4版：换成了从 PDF 导入的版面，现在有版面图。" in lines
    radicals = next(line for line in lines if "部首码位" in line)
    assert radicals.endswith("个部首码位已读作它们所代表的汉字（4 版）。")
    unmapped = next(line for line in lines if "没有 Unicode 值" in line)
    assert "unmapped-digits.pdf 第一版" in unmapped and "page2.pdf" not in unmapped
    assert "日期有出入" not in text and "radical" not in text and "replaced" not in text  # all Chinese
    assert all(digest is not None for _n, digest in stored(library_path))
    w = app.window  # the window reads the new pages on their image
    assert app.reader.page().pdf is not None
    w.show_overview_tab()
    qtbot.waitUntil(lambda: w.tabs.currentWidget() is w.page_image and w.page_image.settled(), timeout=10000)

    again = drop(qtbot, app, [SAMPLE])  # the text again: the PDFs stay
    assert again.splitlines()[0] == "导入完成：新增 0 版，更新 0 版，未变 4 版。"
    assert "松河日报 2024-03-15 第1、2、3、4版：保留从 PDF 导入的版面，这次导入的文字没有新内容。" in again
    assert all(digest is not None for _n, digest in stored(library_path))


def test_text_and_pdfs_side_by_side_take_the_pdfs_and_say_so(qtbot, reader_app: ReaderApp,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "songhe"
    folder.mkdir()
    for name in ("page1.txt", "page1.pdf"):
        source = SAMPLE_PDF / name if name.endswith(".pdf") else SAMPLE / name
        (folder / name).write_bytes(source.read_bytes())
    text = drop(qtbot, reader_app, [folder])
    assert "page1.txt 第一版：这份文字不必导入，这一版取自它的 PDF" in text and "page1.pdf）。" in text
    assert "the text was not needed" not in text


def test_the_file_dialog_takes_pdfs(qtbot, reader_app: ReaderApp, library_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.ui.shell.wiring import page_file_filter

    assert "*.pdf" in page_file_filter().split(";;")[0]
    asked: list[str] = []

    def get_open_file_names(_parent, _caption, _folder, filter_):  # type: ignore[no-untyped-def]
        asked.append(filter_)
        return [str(ISSUE_PDF)], filter_.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    with qtbot.waitSignal(reader_app.importer.finished, timeout=60000):
        reader_app.window.actions.import_files.trigger()
    assert asked == [page_file_filter()]
    digests = {digest for _n, digest in stored(library_path)}
    assert len(digests) == 1 and None not in digests  # the issue's one file, kept once
    assert reader_app.window.info_bar.label.text().startswith("导入完成：新增 0 版，更新 4 版")


def test_a_long_pdf_is_counted_page_by_page(qtbot, reader_app: ReaderApp) -> None:
    importer = reader_app.importer
    read: list[tuple[str, int, int]] = []
    assert importer.start([str(ISSUE_PDF)])
    importer.dialog.setMinimumDuration(0)
    importer.thread.pages.connect(lambda *args: read.append(args))
    labels: list[str] = []
    importer.thread.pages.connect(lambda *_a: labels.append(importer.dialog.labelText()))
    with qtbot.waitSignal(importer.finished, timeout=60000):
        pass
    assert [r[1:] for r in read] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert labels[-1] == f"正在读取 {ISSUE_PDF.name}：第 4 / 4 页…"


def test_cancel_between_a_pdf_s_pages_keeps_nothing(qtbot, reader_app: ReaderApp, library_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.core.sources import pdf

    before = stored(library_path)
    importer = reader_app.importer
    read = pdf.read_pdf_page
    pages: list[int] = []

    def read_then_cancel(pdf_page, number):  # type: ignore[no-untyped-def]
        page = read(pdf_page, number)
        pages.append(number)
        importer.cancel()  # the reader presses 取消 while the first page is read
        return page

    monkeypatch.setattr(pdf, "read_pdf_page", read_then_cancel)
    with qtbot.waitSignal(importer.finished, timeout=60000) as done:
        assert importer.start([str(ISSUE_PDF)])
    assert done.args[1] is True and pages == [1]  # the next page was not read
    assert reader_app.window.info_bar.label.text() == "导入已取消，书库保持原样。"
    assert stored(library_path) == before


@pytest.mark.parametrize("name", ["truncated.pdf", "encrypted.pdf", "image-only.pdf", "not-a-pdf.pdf"])
def test_a_bad_pdf_is_one_line_and_nothing_is_stored(qtbot, reader_app: ReaderApp, library_path: Path,
                                                    name: str) -> None:
    before = stored(library_path)
    text = drop(qtbot, reader_app, [FIXTURES / name])
    lines = text.splitlines()
    assert lines[0] == "导入完成：新增 0 版，更新 0 版，未变 0 版。"
    assert lines[1] == "以下文件未能导入："
    assert len(lines) == 3 and lines[2].startswith(str(FIXTURES / name) + "：")  # said in Chinese
    assert stored(library_path) == before
