"""The front page's masthead (报头) and the inner pages' running header (眉头)."""

from __future__ import annotations

from pagesetter import RED, Atom, Drawn, Faces, Line, Placed, Rect, atoms_of, paint, rule
from plans import MARGIN_TOP, MARGIN_X, PAGE_W
from PySide6.QtGui import QPainter

from paper_reader.core.reading.typography import full_width_punctuation


def _line(faces: Faces, text: str, face: str, width: float | None = None,
          align: str = "left") -> Line:
    """One line of a face; given a width wider than the text, its letters spread to fill it."""
    atoms = atoms_of(faces, [(full_width_punctuation(text), face)])
    natural = sum(a.width for a in atoms)
    if width and width > natural:  # spread letter by letter, words too (S O N G)
        atoms = [Atom(ch, face, faces.width(face, ch)) for ch in text]
        return Line(atoms, width, "justify")
    return Line(atoms, width or natural, align, last=True)


def masthead(painter: QPainter, faces: Faces, lines: list[str]) -> tuple[list[float], float]:
    """The paper's name large on the left, its pinyin under it; the date, lunar date, serial,
    registration and contacts in a block on the right. Returns the masthead's rectangle and
    the top of the page's first row."""
    name, pinyin, *info = lines
    drawn = Drawn()
    top = MARGIN_TOP
    drawn.lines.append(Placed(_line(faces, name, "masthead", 300.0), MARGIN_X + 6,
                              top + faces.ascent("masthead") - 4))
    drawn.lines.append(Placed(_line(faces, pinyin, "pinyin", 292.0), MARGIN_X + 10, top + 96))
    x = 470.0
    right = PAGE_W - MARGIN_X
    y = top + 4
    for k, text in enumerate(info):
        face = "info_date" if k == 0 else "info"
        y += faces.ascent(face)
        drawn.lines.append(Placed(_line(faces, text, face), x, y))
        y += faces.descent(face) + (5 if k == 0 else 1.6)
        if y > top + 114:
            raise ValueError("masthead: the information block is too tall")
    paint(painter, faces, drawn)
    rule(painter, x - 16, top + 2, x - 16, top + 112, 0.8, RED)
    bottom = top + 120
    rule(painter, MARGIN_X, bottom, right, bottom, 2.6, RED)
    rule(painter, MARGIN_X, bottom + 3.4, right, bottom + 3.4, 0.6, RED)
    return Rect(MARGIN_X, top, right, bottom - 4).rounded(), bottom + 12


def running_header(painter: QPainter, faces: Faces, number: int,
                   lines: list[str]) -> tuple[list[float], float]:
    """Paper and date in the middle; the page's label and section on the outer edge (left on
    even pages, right on odd ones), the editors on the inner edge."""
    paper, date, label_line, *editors = lines
    label, _, section = label_line.partition(" ")
    drawn = Drawn()
    top = MARGIN_TOP
    right = PAGE_W - MARGIN_X
    mid = PAGE_W / 2
    paper_line = _line(faces, paper, "header_paper", 92.0)
    drawn.lines.append(Placed(paper_line, mid - 46, top + faces.ascent("header_paper")))
    date_line = _line(faces, date, "header_date")
    drawn.lines.append(Placed(date_line, mid - date_line.width / 2, top + 34))
    label_line_ = _line(faces, label, "header_label")
    section_line = _line(faces, section, "header_section")
    box_w = label_line_.width + 16
    block_w = box_w + 8 + section_line.width
    left = MARGIN_X if number % 2 == 0 else right - block_w
    drawn.boxes.append((Rect(left, top + 4, left + box_w, top + 28), "tag"))
    drawn.lines.append(Placed(label_line_, left + 8, top + 20.5))
    drawn.lines.append(Placed(section_line, left + box_w + 8, top + 23.5))
    ed_x = right if number % 2 == 0 else MARGIN_X
    for k, text in enumerate(editors):
        ed = _line(faces, text, "header_editor")
        x = ed_x - ed.width if number % 2 == 0 else ed_x
        drawn.lines.append(Placed(ed, x, top + 24 + 12 * k))
    paint(painter, faces, drawn)
    bottom = top + 42
    rule(painter, MARGIN_X, bottom, right, bottom, 1.6, RED)
    rule(painter, MARGIN_X, bottom + 3, right, bottom + 3, 0.5, RED)
    return Rect(MARGIN_X, top, right, bottom - 3).rounded(), bottom + 14
