"""An article's frame on the page: its headline block over body columns, a photo with its
caption at the head of some columns, and the regions the article covers."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from pagesetter import (
    BODY_LEADING,
    CAPTION_LEADING,
    Drawn,
    Faces,
    Line,
    Placed,
    Rect,
    atoms_of,
    break_lines,
    line_box,
    marker_box,
)

PAD = 8.0  # inside a boxed frame
COLUMN_GAP = 10.5  # at least, between the columns of a frame
HEAD_GAP = 8.0  # between the headline block and the body


@dataclass
class Photo:
    first: int  # the frame's text columns it spans: first .. last
    last: int
    height: float | None = None  # default: three quarters of its width


@dataclass
class FrameSpec:
    article: int  # index on the page, in the text parser's order
    columns: int
    level: str = "minor"  # lead, major, minor, notice
    photo: Photo | None = None
    boxed: bool = False
    air: float = 0.0  # spare height given to the headline block, above and below it


@dataclass
class Story:
    """An article's text as the page prints it (full-width punctuation)."""

    title: str
    kicker: str | None
    subtitle: str | None
    column: str | None
    byline: str | None  # a line of its own under the headline
    paragraphs: list[list[tuple[str, str]]]  # (text, face) segments
    captions: list[str]
    signature: list[str]
    markers: tuple[str, ...]  # as printed: (上接第一版), (下转第二版)


@dataclass
class Laid:
    drawn: Drawn
    height: float


def _title_lines(faces: Faces, face: str, text: str, measure: float) -> list[Line]:
    """One line if it fits; else broken at its spaces; else a smaller size; else wrapped."""
    def one(t: str, size: float | None = None) -> Line:
        return Line(atoms_of(faces, [(t, face)], size), measure, "center", last=True, size=size,
                    leading=faces.size(face, size) * 1.3)

    if faces.width(face, text) <= measure:
        return [one(text)]
    parts = text.split()
    if len(parts) > 1 and all(faces.width(face, p) <= measure for p in parts):
        return [one(p) for p in parts]
    base = faces.size(face)
    for step in range(1, 8):
        size = base * (1 - 0.05 * step)
        if faces.width(face, text, size) <= measure:
            return [one(text, size)]
    lines = break_lines(atoms_of(faces, [(text, face)]), measure, align="center",
                        leading=base * 1.3)
    for line in lines:
        line.last = True
    return lines


def _headline(faces: Faces, story: Story, spec: FrameSpec, x0: float, x1: float, top: float,
              drawn: Drawn) -> float:
    """Banner, kicker, title, subtitle and byline, centred over the frame; returns the bottom."""
    measure = x1 - x0
    y = top
    if story.column:
        if spec.level == "lead":
            height = 24.0
            drawn.boxes.append((Rect(x0, y, x1, y + height), "band"))
            line = Line(atoms_of(faces, [(story.column, "banner_band")]), measure, "center", last=True)
        else:
            height = 17.0
            width = faces.width("banner_tag", story.column) + 14
            drawn.boxes.append((Rect(x0, y, x0 + width, y + height), "tag"))
            line = Line(atoms_of(faces, [(story.column, "banner_tag")]), width, "center", last=True)
        base = y + (height + faces.ascent(line.atoms[0].face) - faces.descent(line.atoms[0].face)) / 2
        drawn.lines.append(Placed(line, x0, base))
        y += height + 7
    title_face = {"lead": "title_lead", "major": "title_major", "notice": "title_notice"}.get(
        spec.level, "title_minor")
    y += spec.air * 0.4
    blocks: list[list[Line]] = []
    if story.kicker:
        blocks.append(_title_lines(faces, "kicker", story.kicker, measure))
    blocks.append(_title_lines(faces, title_face, story.title, measure))
    if story.subtitle:
        blocks.append(_title_lines(faces, "subtitle", story.subtitle, measure))
    if story.byline:
        blocks.append(_title_lines(faces, "byline", story.byline, measure))
    for k, block in enumerate(blocks):
        if k:
            y += 3
        for line in block:
            face = line.atoms[0].face
            base = y + faces.ascent(face, line.size) + (line.leading - faces.size(face, line.size) * 1.3) / 2
            drawn.lines.append(Placed(line, x0, base))
            y += line.leading
    return y + spec.air * 0.6


def _body_lines(faces: Faces, story: Story, measure: float) -> list[Line]:
    em = faces.size("body")
    lines: list[Line] = []
    for segments in story.paragraphs:
        lines += break_lines(atoms_of(faces, segments, markers=story.markers), measure, indent=2 * em)
    for sig in story.signature:
        # Flush right inside the measure: a signature wider than its column is set a size
        # smaller, never out into the gutter beside the next column's lines.
        size = None
        while faces.width("body", sig, size) > measure + 0.01:
            size = (size or faces.size("body")) - 0.25
        lines.append(Line(atoms_of(faces, [(sig, "body")], size), measure, "right", last=True,
                          size=size))
    return lines


def lay_out(faces: Faces, story: Story, spec: FrameSpec, x0: float, x1: float, top: float,
            height: float | None = None) -> Laid:
    """Set the article into the frame; ``height`` None takes the least height that holds it."""
    drawn = Drawn()
    outer = Rect(x0, top, x1, top)
    if spec.boxed:
        x0, x1, top = x0 + PAD, x1 - PAD, top + PAD
    head_bottom = _headline(faces, story, spec, x0, x1, top, drawn)
    if not spec.boxed:
        drawn.regions.append(Rect(x0, top, x1, head_bottom))
    width = x1 - x0
    em = faces.size("body")
    k = spec.columns
    if k == 1:
        col_w, gap = width, 0.0
    else:
        col_w = math.floor((width - (k - 1) * COLUMN_GAP) / k / em) * em
        gap = (width - k * col_w) / (k - 1)
    col_x = [x0 + j * (col_w + gap) for j in range(k)]
    body_top = head_bottom + HEAD_GAP
    lines = _body_lines(faces, story, col_w)

    # The photo stands at the head of its columns, its caption under it.
    obstacle = [0.0] * k
    caption_lines: list[Line] = []
    photo = None
    if spec.photo:
        p = spec.photo
        px0, px1 = col_x[p.first], col_x[p.last] + col_w
        ph = p.height or (px1 - px0) * 0.72
        photo = Rect(px0, body_top, px1, body_top + ph)
        for cap in story.captions:
            caption_lines += break_lines(atoms_of(faces, [(cap, "caption")]), px1 - px0,
                                         leading=CAPTION_LEADING)
        need = ph + 5 + len(caption_lines) * CAPTION_LEADING + 9
        for j in range(p.first, p.last + 1):
            obstacle[j] = need
    elif story.captions:
        raise ValueError(f"{story.title}: captions without a photo in the plan")

    def capacity(body_h: float) -> list[int]:
        return [max(0, int((body_h - obstacle[j] + 0.01) // BODY_LEADING)) for j in range(k)]

    pad_bottom = PAD if spec.boxed else 0.0
    body_h = max(obstacle)
    while sum(capacity(body_h)) < len(lines):
        body_h += BODY_LEADING
    body_h = max(body_h, max(obstacle) - 9)
    natural = (body_top - outer.top) + body_h + pad_bottom
    if height is not None and natural > height + 0.01 and not os.environ.get("TYPESET_LENIENT"):
        raise ValueError(f"{story.title}: needs {natural:.1f} pt, has {height:.1f}")
    caps = capacity(body_h)
    asc, desc = faces.ascent("body"), faces.descent("body")
    i = 0
    for j in range(k):
        start_y = body_top + obstacle[j]
        column: list[Placed] = []
        for _ in range(caps[j]):
            if i >= len(lines):
                break
            base = start_y + len(column) * BODY_LEADING + asc + (BODY_LEADING - asc - desc) / 2
            column.append(Placed(lines[i], col_x[j], base))
            i += 1
        for placed in column:
            placed.box = line_box(faces, placed.line, placed.x, placed.baseline)
            box = marker_box(faces, placed)
            if box:
                atom = next(a for a in placed.line.atoms if a.marker)
                drawn.markers.append((atom.text, Rect(*box)))
        drawn.lines += column
        if column and not spec.boxed:
            drawn.regions.append(Rect(col_x[j], column[0].box[1], col_x[j] + col_w, column[-1].box[3]))
    assert i == len(lines)
    if photo:
        drawn.photos.append(photo)
        y = photo.bottom + 5
        first = y
        for line in caption_lines:
            base = y + faces.ascent("caption")
            placed = Placed(line, photo.left, base)
            placed.box = line_box(faces, line, photo.left, base)
            drawn.lines.append(placed)
            y += CAPTION_LEADING
        if caption_lines and not spec.boxed:
            drawn.regions.append(Rect(photo.left, first, photo.right, drawn.lines[-1].box[3]))
    total = natural if height is None else height
    outer.bottom = outer.top + total
    if spec.boxed:
        drawn.boxes.append((outer, "box"))
        drawn.regions.append(Rect(outer.left, outer.top, outer.right, outer.bottom))
    return Laid(drawn, total)
