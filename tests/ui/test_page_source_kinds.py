"""A new kind of page file is one source class and its registration: defined here, registered
here, and taken by the command line's import, the window's file dialog and a drop, with no
other module touched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from paper_reader.app import ReaderApp
from paper_reader.cli import main
from paper_reader.core import sources
from paper_reader.core.library import Library
from paper_reader.core.model import Article, Origin, Page, page_label
from paper_reader.core.sources.decoding import PageFileError
from paper_reader.ui.shell.wiring import page_file_filter


class JsonPageSource:
    """A page as JSON: {"paper", "date", "number", "articles": [{"title", "paragraphs"}]}."""

    kind = "page JSON"
    suffixes = (".page.json",)

    def recognises(self, head: bytes) -> bool:
        return head.lstrip().startswith(b'{"page":')

    def read(self, path: Path) -> list[Page]:
        try:
            d = json.loads(path.read_text("utf-8"))["page"]
        except (OSError, ValueError, KeyError) as exc:
            raise PageFileError(f"{path}: not a page in JSON ({exc})") from None
        page = Page(number=d["number"], label=page_label(d["number"]), paper=d["paper"],
                    date=d["date"], articles=[Article.from_dict(a) for a in d["articles"]])
        page.origin = Origin(path, 0)
        return [page]


@pytest.fixture
def json_pages() -> Iterator[JsonPageSource]:
    source = sources.register(JsonPageSource())
    yield source
    sources.unregister(source)
    assert sources.kinds_text() == ".txt, .pdf"


def page_file(folder: Path, date: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / f"front-{date}.page.json"
    f.write_text(json.dumps({"page": {"paper": "潮声晚报", "date": date, "number": 1, "articles": [
        {"title": title, "paragraphs": ["本报讯 这一版是用 JSON 写的。"]}]}}, ensure_ascii=False),
        "utf-8")
    return f


def titles(library: Path, date: str) -> list[str]:
    with Library(library, readonly=True) as lib:
        [info] = lib.issues("潮声晚报", date)
        return [a.title for p in lib.load_issue(info.id).pages for a in p.articles]


def test_the_command_line_imports_and_names_a_new_kind(json_pages: JsonPageSource, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite3"
    folder = tmp_path / "issue"
    page_file(folder, "2024-05-01", "五一特刊")
    assert main(["import", str(folder), "--db", str(db)]) == 0
    assert "潮声晚报 2024-05-01 第1版: imported" in capsys.readouterr().out
    assert titles(db, "2024-05-01") == ["五一特刊"]
    # Named on its own, a misnamed one is known by its content.
    misnamed = page_file(tmp_path / "other", "2024-05-02", "改名了").rename(tmp_path / "front.dat")
    assert main(["import", str(misnamed), "--db", str(db)]) == 0
    assert titles(db, "2024-05-02") == ["改名了"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(empty), "--db", str(db)]) == 1
    assert "the folder holds no page files (.txt, .pdf, .page.json)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "page files (.txt, .pdf, .page.json) or folders of them" in capsys.readouterr().out


def test_the_file_dialog_offers_a_new_kind(json_pages: JsonPageSource, qtbot, reader_app: ReaderApp,
                                           tmp_path: Path, library_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert page_file_filter() == "版面文件 (*.txt *.text *.pdf *.page.json);;所有文件 (*)"
    chosen = page_file(tmp_path / "chosen", "2024-05-03", "从对话框来")
    asked: list[str] = []

    def get_open_file_names(parent, caption, folder, filter_):  # type: ignore[no-untyped-def]
        asked.append(filter_)
        return [str(chosen)], filter_.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    with qtbot.waitSignal(reader_app.importer.finished, timeout=20000):
        reader_app.window.actions.import_files.trigger()
    assert asked == [page_file_filter()]
    assert reader_app.reader.issue.date == "2024-05-03"
    assert titles(library_path, "2024-05-03") == ["从对话框来"]


def _drag(window, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if enter.isAccepted():
        drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, drop)
    return enter.isAccepted()


def test_a_drop_takes_a_new_kind_only_once_registered(qtbot, reader_app: ReaderApp, tmp_path: Path,
                                                     library_path: Path) -> None:
    dropped = page_file(tmp_path / "dropped", "2024-05-04", "拖进来的")
    assert not _drag(reader_app.window, [dropped])  # no source takes it yet: refused
    assert not _drag(reader_app.window, [tmp_path / "scan.png"])
    source = sources.register(JsonPageSource())
    try:
        with qtbot.waitSignal(reader_app.importer.finished, timeout=20000):
            assert _drag(reader_app.window, [dropped])
    finally:
        sources.unregister(source)
    assert reader_app.reader.issue.date == "2024-05-04"
    assert titles(library_path, "2024-05-04") == ["拖进来的"]
