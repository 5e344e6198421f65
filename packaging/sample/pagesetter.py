"""The sample issue's typesetter: faces, line breaking and drawing of text frames.

Everything is measured in PDF points, origin at the top-left corner of the page. The PDF
writer runs at 720 dpi (ten device units a point), where Qt's font metrics are exact rather
than rounded to whole pixels. Every line of a column is drawn as its own text runs, so the
text layer has the lines as set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen

DPI = 720
UNIT = DPI / 72  # device units a point

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
INK = QColor(26, 26, 26)
RED = QColor(190, 22, 34)
RULE = QColor(120, 120, 120)

# name: (family, size in points, bold, colour)
FACES: dict[str, tuple[str, float, bool, QColor]] = {
    "body": (SERIF, 10.5, False, INK),
    "lead": (SANS, 10.5, True, INK),  # 本报讯, the continuation markers
    "byline": (SANS, 9.4, False, INK),
    "caption": (SANS, 8.8, False, INK),
    "kicker": (SANS, 12.5, False, INK),
    "subtitle": (SANS, 12.0, False, INK),
    "title_lead": (SERIF, 30.0, True, INK),
    "title_major": (SANS, 21.0, True, INK),
    "title_minor": (SANS, 16.0, True, INK),
    "title_notice": (SERIF, 16.0, True, INK),
    "banner_band": (SANS, 14.0, True, RED),
    "banner_tag": (SANS, 10.5, True, QColor("white")),
    "masthead": (SERIF, 58.0, True, RED),
    "pinyin": (SANS, 11.0, False, RED),
    "info_date": (SANS, 12.5, True, INK),
    "info": (SANS, 8.6, False, INK),
    "header_paper": (SERIF, 16.0, True, RED),
    "header_date": (SANS, 9.0, False, INK),
    "header_label": (SANS, 12.0, True, QColor("white")),
    "header_section": (SERIF, 20.0, True, RED),
    "header_editor": (SANS, 8.6, False, INK),
}
BODY_LEADING = 16.5  # line pitch of the body, in points
CAPTION_LEADING = 12.6

# Marks that may not open a line, and marks that may not close one (Chinese line breaking).
NO_START = set("，。、；：？！）》」』”’…%·—℃,.;:?!)")
NO_END = set("（《「『“‘(")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@/:%+#~<>×-]*")


class Faces:
    """QFonts by face name, with their metrics on the PDF device, in points."""

    def __init__(self, device) -> None:
        self.device = device
        self._fonts: dict[tuple[str, float | None], QFont] = {}
        self._metrics: dict[tuple[str, float | None], QFontMetricsF] = {}

    def font(self, name: str, size: float | None = None) -> QFont:
        key = (name, size)
        if key not in self._fonts:
            family, default, bold, _ = FACES[name]
            font = QFont(family)
            font.setPointSizeF(size or default)
            font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            font.setKerning(False)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # In a Latin run (K9, CN99-0123) the Noto CJK faces' 'locl' swaps the digits for
            # glyphs outside the font's cmap, and Qt's writer maps a glyph back to its
            # character by the cmap alone: those digits would have no Unicode value in the
            # text layer. The cmap's own digits are the ones the faces draw everywhere else.
            font.setFeature(QFont.Tag("locl"), 0)
            self._fonts[key] = font
            self._metrics[key] = QFontMetricsF(font, self.device)
        return self._fonts[key]

    def metrics(self, name: str, size: float | None = None) -> QFontMetricsF:
        self.font(name, size)
        return self._metrics[(name, size)]

    def width(self, name: str, text: str, size: float | None = None) -> float:
        return self.metrics(name, size).horizontalAdvance(text) / UNIT

    def ascent(self, name: str, size: float | None = None) -> float:
        return self.metrics(name, size).ascent() / UNIT

    def descent(self, name: str, size: float | None = None) -> float:
        return self.metrics(name, size).descent() / UNIT

    def size(self, name: str, size: float | None = None) -> float:
        return size or FACES[name][1]


@dataclass
class Atom:
    """The smallest piece a line may not be broken inside: a character, a word, a marker."""

    text: str
    face: str
    width: float
    marker: bool = False

    @property
    def space(self) -> bool:
        return self.text.isspace()


@dataclass
class Line:
    atoms: list[Atom]
    width: float  # the measure the line is set to
    align: str = "justify"  # justify, left, right, center
    indent: float = 0.0
    last: bool = False  # a paragraph's last line: set tight, not justified
    size: float | None = None  # face size override (headlines shrunk to fit)
    leading: float = BODY_LEADING

    @property
    def natural(self) -> float:
        return sum(a.width for a in self.atoms)


@dataclass
class Placed:
    """A line at its place: left edge of its measure, baseline."""

    line: Line
    x: float
    baseline: float
    box: tuple[float, float, float, float] = (0, 0, 0, 0)


def atoms_of(faces: Faces, segments: list[tuple[str, str]], size: float | None = None,
             markers: tuple[str, ...] = ()) -> list[Atom]:
    """Cut (text, face) segments into atoms; a segment whose text is in ``markers`` stays whole."""
    out: list[Atom] = []
    for text, face in segments:
        if text in markers:
            out.append(Atom(text, face, faces.width(face, text, size), marker=True))
            continue
        i = 0
        while i < len(text):
            m = WORD.match(text, i)
            piece = m.group() if m else text[i]
            out.append(Atom(piece, face, faces.width(face, piece, size)))
            i += len(piece)
    return out


def _cut(atom: Atom, room: float) -> str:
    """The longest head of a word that fits in ``room``: cut after a mark of an address or a
    number (@ . - / _) in its second half where there is one, else between characters."""
    fits = min(int(room / (atom.width / len(atom.text))), len(atom.text) - 1)
    head = atom.text[:fits]
    for k in range(len(head) - 1, len(head) // 2, -1):
        if head[k] in "@.-/_":
            return head[:k + 1]
    return head


def break_lines(atoms: list[Atom], measure: float, indent: float = 0.0, align: str = "justify",
                size: float | None = None, leading: float = BODY_LEADING) -> list[Line]:
    """Greedy Chinese line breaking: a closing mark may hang into the margin by squeezing
    the line, an opening mark is carried to the next line, a word is never split unless it
    is wider than the measure."""
    lines: list[Line] = []
    start = 0
    first = True
    while start < len(atoms):
        while start < len(atoms) and atoms[start].space:
            start += 1
        if start >= len(atoms):
            break
        room = measure - (indent if first else 0.0)
        end, used = start, 0.0
        while end < len(atoms) and used + atoms[end].width <= room + 0.01:
            used += atoms[end].width
            end += 1
        if end < len(atoms):
            nxt = atoms[end]
            loose = room - used > 0.35 * room and len(nxt.text) > 4 and not nxt.marker
            if end == start or loose:  # a long word (a number, an address): cut it to fill the line
                head = _cut(nxt, room - used)
                if head:
                    ratio = nxt.width / len(nxt.text)
                    tail = nxt.text[len(head):]
                    atoms[end:end + 1] = [Atom(head, nxt.face, ratio * len(head)),
                                          Atom(tail, nxt.face, ratio * len(tail))]
                    end += 1
            elif nxt.text[0] in NO_START and not nxt.marker:
                squeeze = used + nxt.width - room
                if squeeze <= 0.65 * nxt.width or end - start < 2:
                    end += 1  # set tighter and keep the mark on this line
                else:  # carry the character before the marks down with them
                    end -= 1
                    while end - start > 1 and atoms[end].text[0] in NO_START:
                        end -= 1
            while end - start > 1 and atoms[end - 1].text[-1] in NO_END:
                end -= 1
        last = end >= len(atoms)
        if end == len(atoms) - 1 and atoms[end].marker:
            last = True  # the 下转 marker goes down alone: the line before it is set tight
        lines.append(Line(atoms[start:end], measure, align, indent if first else 0.0, last, size,
                          leading))
        first = False
        start = end
    return lines


def draw_line(painter: QPainter, faces: Faces, placed: Placed) -> None:
    """Draw a line as runs of one face; a justified line spreads its slack between its
    characters and words (never inside a word: 12315 stays together)."""
    line = placed.line
    atoms = list(line.atoms)
    while atoms and atoms[-1].space:
        atoms.pop()
    if not atoms:
        return
    room = line.width - line.indent
    marker_tail = atoms[-1].marker and line.last
    body = atoms[:-1] if marker_tail else atoms
    natural = sum(a.width for a in body)
    spacing = 0.0
    x = placed.x + line.indent
    if line.align == "justify" and not line.last and len(body) > 1:
        spacing = (room - natural) / (len(body) - 1)
    elif line.align == "right":
        x += room - natural
    elif line.align == "center":
        x += (room - natural) / 2
    runs: list[tuple[str, str, float, bool]] = []  # face, text, x, letter-spaced
    for atom in body:
        single = len(atom.text) == 1
        if runs and runs[-1][0] == atom.face and runs[-1][3] and single:
            runs[-1] = (atom.face, runs[-1][1] + atom.text, runs[-1][2], True)
        else:
            runs.append((atom.face, atom.text, x, single))
        x += atom.width + spacing
    if marker_tail:  # the 下转 marker stands at the end of the measure
        tail = atoms[-1]
        runs.append((tail.face, tail.text, placed.x + line.width - tail.width, False))
    for face, text, rx, spaced in runs:
        font = QFont(faces.font(face, line.size))
        if spacing and spaced and len(text) > 1:
            # In points: Qt scales absolute letter spacing to the device itself.
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
        painter.setFont(font)
        painter.setPen(FACES[face][3])
        painter.drawText(QPointF(rx * UNIT, placed.baseline * UNIT), text)


def marker_box(faces: Faces, placed: Placed) -> tuple[float, float, float, float] | None:
    """Where a line's continuation marker is drawn (mirrors draw_line), or None."""
    line = placed.line
    atoms = [a for a in line.atoms if not a.space]
    for k, atom in enumerate(atoms):
        if not atom.marker:
            continue
        if k == len(atoms) - 1 and line.last:  # at the end of the measure (下转)
            left = placed.x + line.width - atom.width
        else:  # at the start of its line (上接)
            left = placed.x + line.indent + sum(a.width for a in atoms[:k])
        top = placed.baseline - faces.ascent(atom.face, line.size)
        return (left, top, left + atom.width, placed.baseline + faces.descent(atom.face, line.size))
    return None


def line_box(faces: Faces, line: Line, x: float, baseline: float) -> tuple[float, float, float, float]:
    asc = max((faces.ascent(a.face, line.size) for a in line.atoms), default=0.0)
    desc = max((faces.descent(a.face, line.size) for a in line.atoms), default=0.0)
    return (x, baseline - asc, x + line.width, baseline + desc)


@dataclass
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    def q(self) -> QRectF:
        return QRectF(self.left * UNIT, self.top * UNIT, (self.right - self.left) * UNIT,
                      (self.bottom - self.top) * UNIT)

    def rounded(self) -> list[float]:
        return [round(v, 2) for v in (self.left, self.top, self.right, self.bottom)]


@dataclass
class Drawn:
    """What a frame put on the page: lines, photos, rules, boxes, and its regions."""

    lines: list[Placed] = field(default_factory=list)
    photos: list[Rect] = field(default_factory=list)
    regions: list[Rect] = field(default_factory=list)
    markers: list[tuple[str, Rect]] = field(default_factory=list)
    boxes: list[tuple[Rect, str]] = field(default_factory=list)  # rect, style


def photo_image(seed: int) -> QImage:
    """A grey stand-in for a news photo: sky, a far bank, people or things in front."""
    w, h = 240, 180
    img = QImage(w, h, QImage.Format.Format_Grayscale8)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, 0, h)
    sky.setColorAt(0, QColor(222, 222, 222))
    sky.setColorAt(1, QColor(150, 150, 150))
    p.fillRect(0, 0, w, h, sky)
    horizon = 70 + (seed * 23) % 40
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(170, 170, 170))
    p.drawEllipse(QRectF(-60 + seed * 17 % 50, horizon - 30, 260, 80))
    p.setBrush(QColor(125, 125, 125))
    p.drawRect(QRectF(0, horizon + 20, w, h))
    for k in range(7):  # figures: a head over a body
        x = (seed * 37 + k * 53) % (w - 20)
        tall = 40 + (seed + k * 7) % 30
        base = h - 10 - (k * 13 + seed) % 30
        shade = QColor(60 + (k * 19) % 50, 60 + (k * 19) % 50, 60 + (k * 19) % 50)
        p.setBrush(shade)
        p.drawRoundedRect(QRectF(x, base - tall, 18, tall), 6, 6)
        p.drawEllipse(QRectF(x + 3, base - tall - 13, 12, 13))
    p.end()
    return img


def paint(painter: QPainter, faces: Faces, drawn: Drawn, seed: int = 0) -> None:
    for rect, style in drawn.boxes:
        if style == "box":
            painter.setPen(QPen(INK, 0.8 * UNIT))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.q())
        elif style == "tag":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RED)
            painter.drawRect(rect.q())
        elif style == "band":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(250, 232, 228))
            painter.drawRect(rect.q())
            painter.setPen(QPen(RED, 1.6 * UNIT))
            painter.drawLine(QPointF(rect.left * UNIT, rect.bottom * UNIT),
                             QPointF(rect.right * UNIT, rect.bottom * UNIT))
    for k, photo in enumerate(drawn.photos):
        painter.drawImage(photo.q(), photo_image(seed + k))
        painter.setPen(QPen(QColor(90, 90, 90), 0.4 * UNIT))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(photo.q())
    for placed in drawn.lines:
        draw_line(painter, faces, placed)


def rule(painter: QPainter, x0: float, y0: float, x1: float, y1: float, width: float = 0.5,
         color: QColor = RULE) -> None:
    painter.setPen(QPen(color, width * UNIT))
    painter.drawLine(QPointF(x0 * UNIT, y0 * UNIT), QPointF(x1 * UNIT, y1 * UNIT))
