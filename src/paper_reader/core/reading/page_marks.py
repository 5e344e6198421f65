"""What the page image marks on a page PDF, found in its text layer: the boxes of the
continuation markers ((下转第二版), (上接第一版)) and of the characters a search matched.

No Qt here. The characters come from ``pdf_document`` (read in the page image's worker thread,
under PDFium's lock); their text is cleaned as the importer cleans it (radical code points
mapped back), character for character, so that every character keeps its box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..parsing.patterns import NUM, norm, page_number

if TYPE_CHECKING:
    from ..sources.pdf_document import PdfChar, PdfPage

Box = tuple[float, float, float, float]  # left, top, right, bottom in points, from the top-left

MAX_TERMS = 16  # a query's words marked on the page
MAX_TERM_CHARS = 64
MAX_HITS = 2000  # boxes drawn for one page, however common the word

# A marker anywhere on a line: the parser's (下转…)/(上接…) forms, full-width brackets folded.
_MARKER = re.compile(rf"\(\s*(下转|下轉|转至|轉至|转|轉|上接|接|承)\s*(?:第\s*)?({NUM})\s*版?\s*\)")
_FROM = {"上接", "接", "承"}


class Mark(NamedTuple):
    """A continuation marker as printed: ``to`` (下转) or ``from`` (上接), the page it names."""

    kind: str
    page: int
    box: Box


class Line(NamedTuple):
    text: str  # cleaned, one character per box
    boxes: list[Box]


def lines_of(page: PdfPage) -> list[Line]:
    """The page's characters as lines, in the order the PDF gives them: a new line where
    the baseline moves by half a character or the text runs back to the left."""
    from ..sources.radicals import clean_text

    out: list[Line] = []
    chars: list[PdfChar] = []

    def flush() -> None:
        if chars:
            text = clean_text("".join(c.char for c in chars)).text
            out.append(Line(text, [(c.left, c.top, c.right, c.bottom) for c in chars]))
            chars.clear()

    for ch in page.chars:
        if chars:
            last = chars[-1]
            if abs(ch.baseline - last.baseline) > max(last.size, 1.0) / 2 or ch.left < last.left - 1:
                flush()
        chars.append(ch)
    flush()
    return out


def union(boxes: Iterable[Box]) -> Box:
    bs = list(boxes)
    return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))


def continuation_marks(lines: Sequence[Line]) -> list[Mark]:
    """Every (下转第X版) and (上接第X版) on the page with the box around it."""
    found: list[Mark] = []
    for line in lines:
        text = norm(line.text)  # same length: full-width marks to ASCII one for one
        for m in _MARKER.finditer(text):
            number = page_number(m.group(2))
            if number is None:
                continue
            kind = "from" if m.group(1) in _FROM else "to"
            found.append(Mark(kind, number, union(line.boxes[m.start():m.end()])))
    return found


def _folded(text: str) -> str:
    """The line as search folds it (simplified, lower case), character for character."""
    from .script import fold

    whole = fold(text)
    if len(whole) == len(text):
        return whole
    return "".join(f if len(f := fold(ch)) == 1 else ch.lower() for ch in text)


def search_boxes(lines: Sequence[Line], terms: Sequence[str]) -> list[Box]:
    """The boxes of every match of ``terms`` on the page, one box per match and line, in
    whichever script a term was typed: both sides are folded to simplified script, so a
    traditional query marks simplified glyphs and the other way round."""
    from .script import fold

    wanted = sorted({fold(t[:MAX_TERM_CHARS]) for t in terms[:MAX_TERMS] if t and not t.isspace()},
                    key=len, reverse=True)
    wanted = [t for t in wanted if t]
    found: list[Box] = []
    if not wanted:
        return found
    for line in lines:
        text = _folded(line.text)
        for term in wanted:
            start = text.find(term)
            while start >= 0:
                found.append(union(line.boxes[start:start + len(term)]))
                if len(found) >= MAX_HITS:
                    return found
                start = text.find(term, start + len(term))
    return found
