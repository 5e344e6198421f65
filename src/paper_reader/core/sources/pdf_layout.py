"""The geometry of a page PDF: lines, text frames, their kinds and the reading order.

From a page's characters (pdf_document.PdfPage) come its lines and text frames (pdf_lines).
Each frame is classed by its size against the page's body type and by its place: headline,
with the kicker set above it and the subtitle after it; body; a photo's caption under it;
small print. The frames are put in the newspaper's reading order (pdf_order).

page_text gives the result in the shape the text parser takes: a line per paragraph, a blank
line between text frames. The parser decides how the articles are made up; the geometry
decides the order, the frames and the sizes, and keeps every line's box for the page image.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..parsing.patterns import NAME, ROLE, SOURCE, norm
from .pdf_document import Box, PdfChar, PdfPage
from .pdf_lines import LayoutLine, bbox, build_frames, build_lines, is_wide, mode, overlap
from .pdf_order import reading_order
from .radicals import clean_text

KINDS = ("headline", "kicker", "subtitle", "column", "body", "caption", "small")
HEADING_KINDS = ("headline", "kicker", "subtitle")

DISPLAY = 1.12  # a frame this much larger than the body type is a heading's
SMALL = 0.88  # and this much smaller, small print

__all__ = ["KINDS", "Frame", "LayoutLine", "PageLayout", "PageText", "body_size", "layout_page",
           "page_text"]


@dataclass
class Frame:
    box: Box
    kind: str
    lines: list[int]  # indexes into PageLayout.lines, top to bottom
    unit: int  # the article area it is read with (areas numbered in reading order)


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    body_size: float
    lines: list[LayoutLine]  # in reading order
    frames: list[Frame]  # in reading order
    figures: list[Box]  # photos and grey boxes
    radicals: int = 0  # radical code points read as the ideographs they stand for
    private_use: int = 0  # characters without a Unicode meaning, kept
    unmapped: int = 0  # characters whose font gave no Unicode value

    def text_lines(self) -> list[str]:
        """Every line as printed, a blank line between frames."""
        out: list[str] = []
        for k, frame in enumerate(self.frames):
            if k:
                out.append("")
            out.extend(self.lines[i].text for i in frame.lines)
        return out


def body_size(chars: list[PdfChar]) -> float:
    """The size most of the page's characters are set in."""
    ink = [round(c.size * 4) / 4 for c in chars if not c.char.isspace()]
    return mode(ink) if ink else 10.0


def layout_page(page: PdfPage, simplified: bool = True) -> PageLayout:
    """Lines, frames, kinds and reading order of one page. ``simplified``: the page is in
    simplified script (how radicals are read, see radicals.py)."""
    body = body_size(page.chars)
    lines = build_lines(page.chars, simplified)
    stacks = build_frames(lines)
    boxes = [bbox([lines[i].box for i in s]) for s in stacks]
    figures = _pictures(page)
    kinds, headings = classify(stacks, boxes, lines, body, figures, _body_face(lines, body))
    _tags_over_headings(stacks, boxes, lines, kinds, headings)
    out_lines: list[LayoutLine] = []
    frames: list[Frame] = []
    for n, (k, unit) in enumerate(reading_order(boxes, headings, max(1.0, 0.2 * body), figures)):
        idx = []
        for i in stacks[k]:
            ln = lines[i]
            ln.kind, ln.frame = kinds[k], n
            idx.append(len(out_lines))
            out_lines.append(ln)
        frames.append(Frame(boxes[k], kinds[k], idx, unit))
    counts = clean_text("".join(c.char for c in page.chars), simplified)
    return PageLayout(page.number, page.width, page.height, body, out_lines, frames, figures,
                      counts.radicals, counts.private_use, page.unmapped)


def _body_face(lines: list[LayoutLine], body: float) -> str:
    faces = [ln.font for ln in lines if abs(ln.size - body) <= 0.05 * body for _ in ln.text]
    return mode(faces) if faces else ""


def _pictures(page: PdfPage) -> list[Box]:
    """Photos and their grey stand-ins: not the page's background, and no text set inside
    (a tinted box behind a notice is not a photo)."""
    centres = sorted(((c.top + c.bottom) / 2, (c.left + c.right) / 2) for c in page.chars)
    ys = [y for y, _ in centres]
    out = []
    for box in page.figures:
        if box[2] - box[0] > 0.9 * page.width and box[3] - box[1] > 0.9 * page.height:
            continue
        lo, hi = bisect.bisect_right(ys, box[1]), bisect.bisect_left(ys, box[3])
        if sum(1 for _, x in centres[lo:hi] if box[0] < x < box[2]) < 3:
            out.append(box)
    return out


def classify(stacks: list[list[int]], boxes: list[Box], lines: list[LayoutLine], body: float,
             figures: list[Box], body_face: str) -> tuple[list[str], dict[int, list[int]]]:
    """The kind of each frame, and the headings: each headline frame with the frames of
    its heading (kicker, headline, subtitle), top to bottom."""
    sizes = [lines[s[0]].size for s in stacks]
    kinds = []
    for k, size in enumerate(sizes):
        first = lines[stacks[k][0]]
        if size >= DISPLAY * body:
            kinds.append("display")
        elif _under_picture(boxes[k], size, figures) and (
                first.font != body_face or abs(size - body) > 0.05 * body or first.bold):
            kinds.append("caption")  # set under a photo, in another face or size than the body
        else:
            kinds.append("small" if size < SMALL * body else "body")
    # Display frames set one on the other are one heading: the largest is the headline,
    # what stands above it the kicker, what follows it the subtitle.
    display = sorted((k for k in range(len(stacks)) if kinds[k] == "display"), key=lambda k: boxes[k][1])
    groups: list[list[int]] = []
    for k in display:
        for g in groups:
            last = boxes[g[-1]]
            gap = boxes[k][1] - last[3]
            narrow = min(boxes[k][2] - boxes[k][0], last[2] - last[0])
            if -0.2 * sizes[k] <= gap <= 1.5 * min(sizes[k], sizes[g[-1]]) \
                    and overlap(boxes[k], last) >= 0.3 * narrow:
                g.append(k)
                break
        else:
            groups.append([k])
    headings: dict[int, list[int]] = {}
    for g in groups:
        head = max(g, key=lambda k: (sizes[k], lines[stacks[k][0]].bold, -boxes[k][1]))
        for k in g:
            kinds[k] = "headline" if k == head else (
                "kicker" if boxes[k][1] < boxes[head][1] else "subtitle")
        headings[head] = sorted(g, key=lambda k: boxes[k][1])
    return kinds, headings


def _tags_over_headings(stacks: list[list[int]], boxes: list[Box], lines: list[LayoutLine],
                        kinds: list[str], headings: dict[int, list[int]]) -> None:
    """A column's tag (新闻特写, 短评) set on a line of its own just above a headline is read
    with that heading, first, as its kind "column"."""
    taken = {k for members in headings.values() for k in members}
    for k, stack in enumerate(stacks):
        ln = lines[stack[0]]
        word = ln.text.replace(" ", "")
        if k in taken or len(stack) != 1 or kinds[k] not in ("body", "small") \
                or len(word) > 8 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        for members in headings.values():
            top = min(members, key=lambda m: boxes[m][1])
            gap = boxes[top][1] - boxes[k][3]
            width = boxes[top][2] - boxes[top][0]
            # over the headline, or at the head of the columns a centred headline spans
            if 0 <= gap <= 3 * ln.size and boxes[top][0] - width <= boxes[k][0] <= boxes[top][2]:
                members.append(k)
                taken.add(k)
                kinds[k] = "column"
                break


def _under_picture(box: Box, size: float, figures: list[Box]) -> bool:
    width = box[2] - box[0]
    return any(overlap(box, f) >= 0.5 * width and 0 <= box[1] - f[3] <= 1.5 * size for f in figures)


# -- the text the page parser takes ---------------------------------------------------------

@dataclass
class PageText:
    """A page's text as the text parser reads it: a line per paragraph, a blank line between
    text frames (none between a kicker and its headline: the parser reads them as one
    heading). ``sources[n]`` lists the layout lines that text line n (0-based) joins."""

    text: str
    sources: list[list[int]]
    # Text lines (0-based) that open a column but go on with the paragraph before it.
    continued: set[int] = field(default_factory=set)


def _joined(texts: list[str], caption: bool = False) -> str:
    out = ""
    for k, t in enumerate(texts):
        if out and t and (_latin_break(out[-1], t[0]) or _byline_break(out, t)
                          or (caption and _credit_break(out, "".join(texts[k:])))):
            out += " "
        out += t
    return out


def _latin_break(left: str, right: str) -> bool:
    """A line of Latin words broken at a space (not inside a cut number or address)."""
    return not (_wide(left) or _wide(right)) \
        and not (left in _CUT_AFTER or (left.isdigit() and right.isdigit()))


# A Chinese line break stands for no space, but a byline's parts (记者 宋立 通讯员 何雨桐) are
# set apart by spaces, and a typesetter breaks the line at one of them where it can: a
# break between a role word and a whole name, or between a name and a role word, is one.
# A break inside a name (谢朝 / 阳) or a role word (本报 / 记者) is none.
_TOKEN_BEFORE = re.compile(r"(?:^|(?<=[\s(（]))([^\s(（)）]{2,12})$")
_TOKEN_AFTER = re.compile(r"^([^\s(（)）]{2,12})(?=[\s)）]|$)")
_ROLE_TOKEN = re.compile(f"{SOURCE}?{ROLE}")
_NAME_TOKEN = re.compile(NAME)
# A photo's credit set after its caption, a space between them: 。 本报记者 范景行 摄
_CREDIT = re.compile(rf"{SOURCE}?{ROLE}\s*{NAME}(?:\s+{NAME})*\s*(?:摄影|攝影|摄|攝)\s*$")


def _byline_break(before: str, after: str) -> bool:
    left, right = _TOKEN_BEFORE.search(before), _TOKEN_AFTER.match(after)
    if left is None or right is None:
        return False
    a, b = left.group(1), right.group(1)
    if _ROLE_TOKEN.fullmatch(a + b):  # one role word cut in two: 本报 / 记者
        return False
    return bool((_ROLE_TOKEN.fullmatch(a) and _NAME_TOKEN.fullmatch(b)
                 and not _ROLE_TOKEN.fullmatch(b))
                or (_NAME_TOKEN.fullmatch(a) and not _ROLE_TOKEN.fullmatch(a)
                    and _ROLE_TOKEN.fullmatch(b)))


def _credit_break(before: str, rest: str) -> bool:
    """A caption broken where its credit begins, after the caption's last sentence."""
    return before[-1] in "。！？!?”" and bool(_CREDIT.match(norm(rest)))


def _wide(ch: str) -> bool:
    return is_wide(ch) or ch in "“”‘’"  # quotes too are set on a full em in CJK text


# A number or an address too long for the measure is cut after one of these, or between digits.
_CUT_AFTER = set("-./@_:")


def page_text(layout: PageLayout) -> PageText:
    """The parser's text of a laid-out page."""
    rows: list[str] = []
    sources: list[list[int]] = []
    continued: set[int] = set()
    prev_kind = ""
    for k, frame in enumerate(layout.frames):
        if k and not (prev_kind == "kicker" and frame.kind == "headline"):
            rows.append("")
            sources.append([])
        prev_kind = frame.kind
        if frame.kind in HEADING_KINDS or frame.kind == "caption":  # a title set over two
            groups = [list(frame.lines)]  # lines is one title; a caption one paragraph
        else:
            groups = paragraphs(layout, frame.lines)
        if frame.kind == "body" and groups and _continues(layout, frame.lines):
            continued.add(len(rows))
        for para in groups:
            texts = [layout.lines[i].text for i in para]
            # A heading breaks between its phrases: 早谋划早部署早落实 / 夯实全年粮食丰收基础
            rows.append(" ".join(texts) if frame.kind in HEADING_KINDS
                        else _joined(texts, frame.kind == "caption"))
            sources.append(para)
    return PageText("".join(row + "\n" for row in rows), sources, continued)


def _continues(layout: PageLayout, frame_lines: list[int]) -> bool:
    """Whether a column's first line goes on with the paragraph before it: not indented, in
    a column whose paragraphs are (so that an indent would show)."""
    lines = [layout.lines[i] for i in frame_lines]
    if len(lines) < 2:
        return False
    left = min(ln.box[0] for ln in lines)
    indented = [ln.box[0] > left + 0.8 * ln.size for ln in lines]
    return not indented[0] and any(indented[1:])


def paragraphs(layout: PageLayout, frame_lines: list[int]) -> list[list[int]]:
    """A frame's lines grouped into paragraphs: a paragraph starts on an indented line or
    after a line that stops short of the frame's right edge."""
    lines = [layout.lines[i] for i in frame_lines]
    left = min(ln.box[0] for ln in lines)
    right = max(ln.box[2] for ln in lines)
    full = sum(ln.box[2] >= right - 1.2 * ln.size for ln in lines)
    if len(lines) > 2 and full * 2 < len(lines) and all(ln.kind == "small" for ln in lines):
        # Ragged lines (a masthead's small print, a list): each line is one of its own.
        return [[i] for i in frame_lines]
    out: list[list[int]] = []
    for j, i in enumerate(frame_lines):
        em = lines[j].size
        if j == 0 or lines[j].box[0] > left + 0.8 * em or lines[j - 1].box[2] < right - 1.2 * em:
            out.append([i])
        else:
            out[-1].append(i)
    return out
