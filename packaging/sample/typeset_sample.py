"""Typeset the bundled sample issue's four pages as the publisher's page PDFs.

    python packaging/sample/typeset_sample.py [--issue-pdf FILE]

reads resources/sample/songhe-2024-03-15/page{1..4}.txt through the text parser, sets each
page in a broadsheet layout of its own (plans.py) and writes pdf/page1.pdf … pdf/page4.pdf
beside them, with layout.json: the page size and, for every article in the parser's order, the
regions it covers (headline, body columns, captions), its continuation markers and photos,
in PDF points from the page's top-left corner. ``--issue-pdf`` writes the four pages into
one file as well. The output is the same on every run: fixed document id, dates and
metadata.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

os.environ["TZ"] = "UTC"  # the writer's own date stamp, replaced below, keeps one length
time.tzset()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_HASH_SEED"] = "0"  # the font subsets come out in one order on every run

from PySide6.QtCore import QByteArray, QMarginsF, QSizeF, QUuid  # noqa: E402
from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frames import FrameSpec, Story, lay_out  # noqa: E402
from mastheads import masthead, running_header  # noqa: E402
from pagesetter import DPI, Faces, paint, rule  # noqa: E402
from plans import GUTTER, MARGIN_BOTTOM, MARGIN_X, PAGE_H, PAGE_W, PLANS, grid_x  # noqa: E402

from paper_reader.core.reading.typography import full_width_punctuation  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "songhe-2024-03-15"
FRAME_GAP = 17.0  # between frames one above the other, a rule in the middle
ROW_GAP = 17.0
MAX_AIR = 36.0  # the most spare height a headline block takes
ISSUE_DATE = "2024-03-15T08:00:00+08:00"
LENIENT = bool(os.environ.get("TYPESET_LENIENT"))  # while designing: draw overfull rows anyway
MARKER = re.compile(r"\(\s*(下转|上接)[^()]{1,8}\)")


def parse_issue(folder: Path) -> dict:
    """The text parser's reading of the pages, through the command line's JSON contract."""
    out = subprocess.run([sys.executable, "-m", "paper_reader", "parse", str(folder), "--json"],
                         check=True, capture_output=True, text=True, encoding="utf-8").stdout
    return json.loads(out)


def header_lines(raw: str, page: dict) -> list[str]:
    """The masthead's or running header's lines: those before the first article begins."""
    first = page["articles"][0]
    opening = first["column"] or first["kicker"] or first["title"]
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    return lines[:lines.index(opening)]


def stories_of(page: dict, raw: str) -> list[Story]:
    """What each article prints: the parser's fields, the markers it took out of the text put
    back where they stood, and the half-width marks of the text set full-width."""
    fw = full_width_punctuation
    found = {"上接": [], "下转": []}
    for m in MARKER.finditer(raw):
        found[m.group(1)].append(m.group())
    out: list[Story] = []
    for art in page["articles"]:
        first = found["上接"].pop(0) if art["continued_from"] else None
        last = found["下转"].pop(0) if art["continues_to"] else None
        byline, lead, trailing = art["byline"], None, None
        if byline and byline.startswith("本报讯"):
            if byline[3:4] == "(":  # 本报讯(记者 林晓雯) opens the first paragraph
                lead, byline = byline, None
            else:  # 本报讯 … (周向阳): the name closes the last one
                lead, trailing, byline = "本报讯", byline[3:].strip() or None, None
        paragraphs: list[list[tuple[str, str]]] = []
        for k, text in enumerate(art["paragraphs"]):
            segments = [(text, "body")]
            if k == 0 and (lead or first):
                segments.insert(0, (lead or first, "lead"))
            if k == len(art["paragraphs"]) - 1:
                if trailing:
                    segments.append((trailing, "body"))
                if last:
                    segments.append((last, "lead"))
            joined = fw("".join(t for t, _ in segments))
            cut, at = [], 0
            for t, face in segments:  # one character for one: cut back where it was joined
                cut.append((joined[at:at + len(t)], face))
                at += len(t)
            paragraphs.append(cut)
        markers = tuple(fw(m) for m in (first, last) if m)
        out.append(Story(fw(art["title"]), art["kicker"] and fw(art["kicker"]),
                         art["subtitle"] and fw(art["subtitle"]), art["column"],
                         byline and fw(byline), paragraphs, [fw(c) for c in art["captions"]],
                         [fw(s) for s in art["signature"]], markers))
    return out


def _grow_photo(faces: Faces, stories: list[Story], specs: list[FrameSpec], heights: list[float],
                x0: float, x1: float, slack: float) -> float:
    """A stack with room to spare gives it to its first photo, as far as the photo's columns
    let it grow in whole lines; returns the room still spare."""
    for k, spec in enumerate(specs):
        if not spec.photo:
            continue
        laid = lay_out(faces, stories[spec.article], spec, x0, x1, 0)
        photo = laid.drawn.photos[0]
        base = photo.bottom - photo.top
        most = min(slack, (photo.right - photo.left) * 0.8 - base)  # a landscape photo
        for grow in range(int(most), 0, -1):
            trial = replace(spec, photo=replace(spec.photo, height=base + grow))
            height = lay_out(faces, stories[spec.article], trial, x0, x1, 0).height
            if height - heights[k] <= slack:
                specs[k] = trial
                slack -= height - heights[k]
                heights[k] = height
                return slack
    return slack


def set_page(painter: QPainter, faces: Faces, number: int, page: dict, raw: str,
             header_lines: list[str], report: list[str]) -> dict:
    """Draw one page; returns its entry in layout.json."""
    stories = stories_of(page, raw)
    if number == 1:
        header, y = masthead(painter, faces, header_lines)
    else:
        header, y = running_header(painter, faces, number, header_lines)
    articles = [{"title": s.title, "regions": []} for s in stories]
    markers: list[dict] = []
    photos: list[dict] = []
    placed: set[int] = set()
    rows = PLANS[number]
    bottom = PAGE_H - MARGIN_BOTTOM
    for r, row in enumerate(rows):
        measured = []
        for first_col, last_col, specs in row:
            x0, x1 = grid_x(first_col, last_col)
            heights = [lay_out(faces, stories[s.article], s, x0, x1, 0).height for s in specs]
            measured.append([x0, x1, list(specs), heights])
        totals = [sum(h) + FRAME_GAP * (len(h) - 1) for *_, h in measured]
        row_h = bottom - y if r == len(rows) - 1 else max(totals)
        for stack, total in zip(measured, totals, strict=True):
            x0, x1, specs, heights = stack
            slack = row_h - total
            if slack > 1:
                slack = _grow_photo(faces, stories, specs, heights, x0, x1, slack)
            report.append(f"page {number} row {r} x {x0:.0f}-{x1:.0f}: spare {slack:.1f} pt")
            if slack < -0.01:
                report.append(f"page {number}: row {r} over by {-slack:.1f} pt")
                if not LENIENT:
                    raise ValueError(report[-1])
            air = max(0.0, min(slack / len(specs), MAX_AIR))
            for k, spec in enumerate(specs):
                specs[k] = replace(spec, air=air)
                heights[k] += air
            slack -= air * len(specs)
            gap = FRAME_GAP
            if specs[-1].boxed:
                heights[-1] += slack
            elif len(specs) > 1:
                gap += slack / (len(specs) - 1)
            top = y
            for k, (spec, height) in enumerate(zip(specs, heights, strict=True)):
                if k:
                    rule(painter, x0, top - gap / 2, x1, top - gap / 2)
                laid = lay_out(faces, stories[spec.article], spec, x0, x1, top,
                               height if spec.boxed else None)
                paint(painter, faces, laid.drawn, seed=number * 3 + len(photos))
                entry = articles[spec.article]
                entry["regions"] += [rect.rounded() for rect in laid.drawn.regions]
                markers += [{"article": spec.article, "text": text, "rect": rect.rounded()}
                            for text, rect in laid.drawn.markers]
                photos += [{"article": spec.article, "rect": rect.rounded()}
                           for rect in laid.drawn.photos]
                placed.add(spec.article)
                top += height + gap
        for stack in measured[:-1]:
            rule(painter, stack[1] + GUTTER / 2, y, stack[1] + GUTTER / 2, y + row_h)
        y += row_h
        if r < len(rows) - 1:
            rule(painter, MARGIN_X, y + ROW_GAP / 2, PAGE_W - MARGIN_X, y + ROW_GAP / 2, 0.8)
            y += ROW_GAP
    missing = set(range(len(stories))) - placed
    if missing:
        raise ValueError(f"page {number}: articles {sorted(missing)} have no frame")
    return {"number": number, "size": [PAGE_W, PAGE_H], "header": header,
            "articles": articles, "markers": markers, "photos": photos}


def new_writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QSizeF(PAGE_W, PAGE_H), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setAuthor("松河日报社")
    fixed_metadata(writer, path, title, "paper-reader sample typesetter")
    return writer


def fixed_metadata(writer: QPdfWriter, path: Path, title: str, creator: str) -> None:
    """Title and creator, and a document id and XMP packet that are the same on every run."""
    writer.setTitle(title)
    writer.setCreator(creator)
    doc_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{path.parent.name}/{path.name}")
    writer.setDocumentId(QUuid(str(doc_id)))
    xmp = (f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
           '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
           'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
           'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">'
           f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
           f'<xmp:CreateDate>{ISSUE_DATE}</xmp:CreateDate><xmp:ModifyDate>{ISSUE_DATE}</xmp:ModifyDate>'
           f'<xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID></rdf:Description></rdf:RDF>'
           '</x:xmpmeta><?xpacket end="w"?>')
    writer.setDocumentXmpMetadata(QByteArray(xmp.encode("utf-8")))


def fix_dates(path: Path) -> None:
    """The writer stamps the time of writing; put the issue's date in its place, at the same
    length so that the cross-reference offsets stay right."""
    data = path.read_bytes()
    fixed = re.sub(rb"\((D:\d{14}Z)\)", lambda m: b"(D:20240315000000Z)", data)
    path.write_bytes(fixed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--issue-pdf", type=Path, help="also write the four pages into this one file")
    ap.add_argument("--verbose", action="store_true", help="print each frame column's slack")
    args = ap.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    issue = parse_issue(args.sample)
    pages = {p["number"]: p for p in issue["pages"]}
    raws = {n: (args.sample / f"page{n}.txt").read_text(encoding="utf-8") for n in pages}
    headers = {n: header_lines(raws[n], pages[n]) for n in pages}
    report: list[str] = []
    layout = {"issue": "songhe-2024-03-15", "units": "PDF points, origin at the page's top-left",
              "pages": []}

    def draw(painter: QPainter, faces: Faces, n: int) -> dict:
        return set_page(painter, faces, n, pages[n], raws[n], headers[n], report)

    for n in sorted(pages):
        path = args.sample / "pdf" / f"page{n}.pdf"
        writer = new_writer(path, f"松河日报 2024年3月15日 {pages[n]['label']}")
        painter = QPainter(writer)
        try:
            entry = draw(painter, Faces(writer), n)
        finally:
            painter.end()
        fix_dates(path)
        layout["pages"].append({"file": path.name, **entry})
    if args.issue_pdf:
        writer = new_writer(args.issue_pdf, "松河日报 2024年3月15日")
        painter = QPainter(writer)
        faces = Faces(writer)
        try:
            for k, n in enumerate(sorted(pages)):
                if k:
                    writer.newPage()
                draw(painter, faces, n)
        finally:
            painter.end()
        fix_dates(args.issue_pdf)
    (args.sample / "pdf" / "layout.json").write_text(json.dumps(layout, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    if args.verbose:
        print("\n".join(report))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
