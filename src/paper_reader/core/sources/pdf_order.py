"""Reading order of a page's text frames: the newspaper's.

Each heading (a headline with its kicker and subtitle) heads an article's area: the frames
under it, across the columns it spans. Areas are read top to bottom and left to right;
within an area its heading first, then its columns left to right, each top to bottom.
Both orders come from cutting along white space. Inside an area, columns first: a cut
between columns is taken wherever one runs from the top of a region to its bottom, a cut
between rows only where none does. Between areas, rows first: a band of articles across the
page is read before the band below it, whatever its columns.
"""

from __future__ import annotations

from .pdf_document import Box
from .pdf_lines import bbox, overlap


def xy_order(boxes: list[Box], idx: list[int] | None = None, min_gap: float = 1.0,
             columns_first: bool = True) -> list[int]:
    """Indexes of ``boxes`` in reading order, by recursive cuts along white space."""
    idx = list(range(len(boxes))) if idx is None else idx
    if len(idx) <= 1:
        return list(idx)
    for axis in ((0, 1) if columns_first else (1, 0)):  # 0: side by side; 1: one above the other
        groups = _cut(boxes, idx, axis, min_gap)
        if len(groups) > 1:
            return [i for g in groups for i in xy_order(boxes, g, min_gap, columns_first)]
    return sorted(idx, key=lambda i: (boxes[i][1], boxes[i][0]))


def _cut(boxes: list[Box], idx: list[int], axis: int, min_gap: float) -> list[list[int]]:
    lo, hi = axis, axis + 2
    groups: list[list[int]] = []
    end = float("-inf")
    for i in sorted(idx, key=lambda i: boxes[i][lo]):
        if groups and boxes[i][lo] < end + min_gap:
            groups[-1].append(i)
            end = max(end, boxes[i][hi])
        else:
            groups.append([i])
            end = boxes[i][hi]
    return groups


def article_units(boxes: list[Box], headings: dict[int, list[int]],
                  figures: list[Box] | None = None) -> list[int]:
    """The area each frame is read with: a heading's (named by its headline frame), for a
    frame under it; a frame under no heading is an area of its own (numbered past the
    frames). ``headings`` maps each headline frame to its heading's frames; ``figures``
    (photos) bound a heading's area as frames do."""
    unit = [-1] * len(boxes)
    for head, members in headings.items():
        for k in members:
            unit[k] = head
    areas = _heading_areas(boxes, headings, figures or [])
    for k, box in enumerate(boxes):
        if unit[k] != -1:
            continue
        width = box[2] - box[0]
        best, best_bottom = -1, float("-inf")
        for head, area in areas.items():  # the nearest heading above whose columns it is in
            if area[3] <= box[1] + 1 and overlap(area, box) >= 0.3 * width and area[3] > best_bottom:
                best, best_bottom = head, area[3]
        unit[k] = best if best != -1 else len(boxes) + k
    return unit


def _heading_areas(boxes: list[Box], headings: dict[int, list[int]],
                   figures: list[Box]) -> dict[int, Box]:
    """Each heading's box widened over the columns it heads: out to halfway to the nearest
    frame or photo level with it, or without end where there is none."""
    areas: dict[int, Box] = {}
    for head, members in headings.items():
        left, top, right, bottom = bbox([boxes[k] for k in members])
        lo, hi = float("-inf"), float("inf")
        for k, b in enumerate(boxes + figures):
            if k in members or b[3] <= top or b[1] >= bottom:
                continue
            if b[2] <= left:
                lo = max(lo, (b[2] + left) / 2)
            elif b[0] >= right:
                hi = min(hi, (b[0] + right) / 2)
        areas[head] = (lo, top, hi, bottom)
    return areas


def reading_order(boxes: list[Box], headings: dict[int, list[int]],
                  min_gap: float, figures: list[Box] | None = None) -> list[tuple[int, int]]:
    """All frames in reading order (see the module's note), each with its area's number,
    the areas numbered as they are read."""
    units = article_units(boxes, headings, figures)
    members: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        members.setdefault(u, []).append(k)
    keys = list(members)
    areas = [bbox([boxes[k] for k in members[u]]) for u in keys]
    out: list[tuple[int, int]] = []
    for number, n in enumerate(xy_order(areas, min_gap=min_gap, columns_first=False)):
        u = keys[n]
        head = sorted(headings.get(u, []), key=lambda k: boxes[k][1])
        rest = [k for k in members[u] if k not in head]
        out.extend((k, number) for k in head)
        # What stands between the heading and the columns, above all of them (a byline
        # centred under the title), is read before the columns.
        lead = [k for k in rest if all(boxes[k][3] <= boxes[j][1] + min_gap for j in rest if j != k)]
        if len(lead) == len(rest):
            lead = []
        lead.sort(key=lambda k: (boxes[k][1], boxes[k][0]))
        out.extend((k, number) for k in lead)
        rest = [k for k in rest if k not in lead]
        out.extend((rest[j], number) for j in xy_order([boxes[k] for k in rest], min_gap=min_gap))
    return out
