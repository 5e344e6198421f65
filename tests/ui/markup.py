"""A page whose every field carries markup, and the means to prove that no widget takes it
for rich text: a FIFO that notices being opened for reading, and a look at what a label or
tooltip shows."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in QtGui
from PySide6.QtGui import QTextCharFormat, QTextDocument, QTextFormat
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextEdit, QWidget

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.reading.links import parse, parse_article
from paper_reader.ui.views.article_html import BREAK

FIFO = "probe.fifo"  # in the test's working folder: relative names in file names reach it too
IMG = f'<img src="{FIFO}">'


def page_substitutions(fifo: Path) -> dict[str, list[tuple[str, str]]]:
    img = f'<img src="{fifo}">'
    return {
        "page1.txt": [
            ("奋力谱写松河高质量发展新篇章", "奋力谱写<b>松河</b>&amp;高质量发展新篇章"),  # column
            ("周明远在调研春耕备耕工作时强调 早谋划早部署早落实",  # kicker, title
             "周明远在<i>调研</i>春耕备耕工作时强调 早谋划<b>早部署</b>早落实"),
            ("本报讯(记者 林晓雯)3月14日",  # byline, the first paragraph (the list's tooltip)
             f"本报讯(记者 林<b>晓</b>雯){img}&amp;<a href='page:3'>三</a>3月14日"),
            ("图为周明远(左二)", f"图为周明远{img}<b>(左二)</b>"),  # caption
            ("——青苇河春季清河志愿行动侧记", "——青苇河<b>春季</b>&amp;清河志愿行动侧记"),  # subtitle
            ("新闻特写", "新闻<b>特写</b>"),
            ("松河新闻网 <http", "松河<b>新闻</b>网 <http"),  # a masthead line
        ],
        "page3.txt": [
            ("松河市供水有限公司", "松河市<b>供水</b>有限公司"),  # signature
            ("第3版 民生", "第3版 民<b>生</b>"),  # section, in the running header
            ("责任编辑:冯雅", "责任编辑:冯<b>雅</b>"),  # a header line
            ("社区食堂的饭菜为啥这么香?", f"社区食堂的{img}饭菜为啥这么香?"),  # title
        ],
    }


# What the parser will not take from a page (a paper's name must look like one), a library
# file may still hold: these are written into the library after the import.
PAPER = f"松河<b>日</b>{IMG}报&amp;"
PINYIN = "SONG <i>HE</i> RI BAO"
LUNAR = "甲辰年<b>二月</b>初六"
LABEL = f"第一版<b>L</b>{IMG}"


def write_pages(folder: Path, sample: Path, fifo: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subs = page_substitutions(fifo)
    for page in sorted(sample.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        for old, new in subs.get(page.name, []):
            assert old in text, old
            text = text.replace(old, new)
        (folder / page.name).write_text(text, encoding="utf-8")
    return folder


def markup_library(path: Path, sample: Path, fifo: Path) -> Path:
    """A library of the sample issue with markup in every field a reader sees."""
    pages = write_pages(path.parent / "pages", sample, fifo)
    with Library(path) as lib:
        report = import_paths(lib, [pages])
        assert not report.errors, report.errors
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE papers SET name = ?, pinyin = ?", (PAPER, PINYIN))
        masthead = json.loads(con.execute("SELECT masthead FROM issues").fetchone()[0])
        masthead.update(pinyin=PINYIN, lunar_date=LUNAR, paper=PAPER)
        con.execute("UPDATE issues SET masthead = ?", (json.dumps(masthead, ensure_ascii=False),))
        con.execute("UPDATE pages SET label = ? WHERE number = 1", (LABEL,))
    con.close()
    return path


WATCHER = r"""
import os, sys, time
fifo, stop = sys.argv[1], sys.argv[2]
end = time.monotonic() + 600
while not os.path.exists(stop) and time.monotonic() < end:
    try:  # succeeds only while someone has the FIFO open for reading
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        time.sleep(0.002)
        continue
    print("opened for reading", flush=True)
    try:
        os.write(fd, b"GIF89a")  # and let the reader go on: a test must fail, not hang
    except OSError:
        pass
    os.close(fd)
    time.sleep(0.02)
"""


class FifoWatch:
    """A FIFO at ``folder/probe.fifo``, watched from another process (a reader blocked in
    open() may hold the interpreter's lock): ``reads()`` says how often it was opened."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FIFO
        self.stop = folder / "probe.stop"
        os.mkfifo(self.path)
        self.process = subprocess.Popen([sys.executable, "-c", WATCHER, str(self.path), str(self.stop)],
                                        stdout=subprocess.PIPE, text=True)

    def reads(self) -> int:
        QApplication.processEvents()
        time.sleep(0.1)  # a reader that just opened it is seen by the next poll
        self.stop.touch()
        out, _ = self.process.communicate(timeout=30)
        return out.count("opened for reading")

    def close(self) -> None:
        if self.process.poll() is None:
            self.stop.touch()
            self.process.wait(timeout=30)


class Probe(QTextDocument):
    """A document that records the resources its content asks for instead of loading them."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.loads.append(name.toString())
        return None


def interpret(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> tuple[str, list[str]]:
    """What a label (or, with AutoText, a tooltip) shows of ``text``, as plain text, and any
    markup it acted on: resources asked for, images, links, character formats."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text, []
    doc = Probe()
    doc.setHtml(text)
    doc.size()  # the layout: images are asked for here
    acted = [f"resource {u}" for u in doc.loads]
    plain = QTextCharFormat()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isImageFormat() or f.objectType() != QTextFormat.ObjectTypes.NoObject:
                acted.append(f"image {f.toImageFormat().name()}")
            if f.isAnchor():
                acted.append(f"link {f.anchorHref()}")
            if f.fontWeight() > plain.fontWeight() or f.fontItalic() or f.fontUnderline():
                acted.append(f"format on {it.fragment().text()!r}")
            it += 1
        block = block.next()
    return doc.toPlainText(), acted


TIP_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)


def interpreted_anywhere(widgets: list[QWidget]) -> list[str]:
    """Every label, tooltip, status tip and What's This text of these widgets and their
    children, and of every row of their item views, that Qt would take as markup; and any
    rich-text view holding an image or a link of another kind than the reader's own."""
    found: list[str] = []
    seen: set[int] = set()
    for top in widgets:
        for w in [top, *top.findChildren(QWidget)]:
            if id(w) in seen:
                continue
            seen.add(id(w))
            name = f"{type(w).__name__}#{w.objectName()}"
            if isinstance(w, QLabel):
                _, acted = interpret(w.text(), w.textFormat())
                if w.textFormat() == Qt.TextFormat.RichText:  # made as rich text on purpose
                    acted = [a for a in acted if not a.startswith("format on")]
                found += [f"{name} label {w.text()!r}: {a}" for a in acted]
            for what, text in (("tooltip", w.toolTip()), ("status tip", w.statusTip()),
                               ("what's this", w.whatsThis())):
                found += [f"{name} {what} {text!r}: {a}" for a in interpret(text)[1]]
            if isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                for row in range(min(model.rowCount(), 500)):
                    index = model.index(row, 0)
                    for role in TIP_ROLES:
                        text = index.data(role)
                        if isinstance(text, str):
                            found += [f"{name} row {row} {role.name} {text!r}: {a}"
                                      for a in interpret(text)[1]]
            if isinstance(w, QTextEdit):
                found += [f"{name}: {a}" for a in document_markup(w.document())]
    return found


def document_markup(doc: QTextDocument) -> list[str]:
    """Images, and links other than the reader's own page:/article: ones (as core.reading.links
    reads them back), in a document."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isImageFormat():
                found.append(f"image {f.toImageFormat().name()}")
            href = f.anchorHref()
            if f.isAnchor() and parse(href) is None and parse_article(href) is None:
                found.append(f"link {f.anchorHref()}")
            it += 1
        block = block.next()
    return found


def shown_text(doc: QTextDocument) -> str:
    """A document's text with its line breaks (a two-line headline's <br>) as spaces, and
    without the break opportunities put into long runs for display."""
    return doc.toPlainText().replace("\u2028", " ").replace("\n", " ").replace(BREAK, "")
