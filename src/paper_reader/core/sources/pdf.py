"""Page PDFs: the publisher's page, one page a file or a whole issue in one, read into the same
articles as a page of text, each article with its regions on the page image.

The geometry (pdf_layout) finds the lines, the text frames, their kinds and the reading order;
the text parser makes up the articles from that text, told each line's frame kind; the regions
come back from the parser's line numbers through the layout to the frames on the page.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from ..model import Article, Origin, Page, PagePdf, Region
from ..problems import Problem, told
from .decoding import not_there, unreadable
from .names import page_from_name

# The kinds of cleaning a page's text took (Page.cleaned): characters of the private use area
# kept, radical code points read as their ideographs, glyphs without a Unicode value.
PRIVATE_USE, RADICALS, UNMAPPED = "private_use", "radicals", "unmapped"

# Told, for a file of many pages, how far the reading has come: (file, pages read, pages).
Progress = Callable[[Path, int, int], None]
_PROGRESS: ContextVar[Progress | None] = ContextVar("pdf_progress", default=None)


@contextmanager
def reading_progress(callback: Progress) -> Iterator[None]:
    """Report each page read of a PDF while the block runs (the command line's counter)."""
    token = _PROGRESS.set(callback)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


class PdfSource:
    kind = "page PDF"
    suffixes = (".pdf",)

    def recognises(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, path: Path) -> list[Page]:
        from .pdf_document import MAX_PDF_BYTES, PdfFileError, open_pdf_bytes

        name = str(path)
        data = _file_bytes(path, MAX_PDF_BYTES, PdfFileError)
        import hashlib  # only an import needs it: kept off the window's start-up

        digest = hashlib.sha256(data).hexdigest()
        progress = _PROGRESS.get()
        pages: list[Page] = []
        with open_pdf_bytes(data, name) as doc:
            count = doc.page_count
            hint = page_from_name(path) if count == 1 else None
            for index in range(count):
                page = read_pdf_page(doc.read_page(index + 1), hint or index + 1)
                page.pdf = PagePdf(digest, index, data)
                page.origin = Origin(path, index)
                pages.append(page)
                if progress is not None:
                    progress(path, index + 1, count)
        if not pages:
            raise PdfFileError(told("pdf_no_pages", file=name))
        return pages

    def __repr__(self) -> str:
        return "PdfSource()"


def _file_bytes(path: Path, limit: int, error: type[Exception]) -> bytes:
    """The whole file, refused before reading when it is not a regular file or too large."""
    missing = not_there(path)
    if missing is not None:
        raise error(missing.problem)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise error(told("not_regular", file=path))
        if st.st_size > limit:
            raise error(told("pdf_too_large", file=path, size=f"{st.st_size / 1048576:.1f} MB",
                             limit=f"{limit // 1048576} MB"))
        return path.read_bytes()
    except error:
        raise
    except (OSError, ValueError) as exc:
        raise error(unreadable(path, exc, path)) from None


def read_pdf_page(pdf_page: object, number: int) -> Page:
    """One PDF page (pdf_document.PdfPage) laid out and parsed; ``number`` where the page does
    not print its own."""
    from ..parsing.parser import parse_page
    from .pdf_layout import layout_page, page_text

    layout = layout_page(pdf_page)  # type: ignore[arg-type]
    text = page_text(layout)
    hints = {n + 1: "continued" if n in text.continued
             else layout.frames[layout.lines[src[0]].frame].kind
             for n, src in enumerate(text.sources) if src}
    page = parse_page(text.text, number=number, hints=hints)
    page.size = (round(layout.width, 2), round(layout.height, 2))
    for article in page.articles:
        article.regions = []
    place_articles(page.articles, layout, text.sources)
    # What the cleaning did, for the import report (each line names the file and the page).
    for kind, n, noun, what in (
            (PRIVATE_USE, layout.private_use, "private-use character", "kept as printed"),
            (RADICALS, layout.radicals, "radical code point", "read as the ideographs they stand for"),
            (UNMAPPED, layout.unmapped, "character",
             "without a Unicode value in the PDF's fonts, which may read wrongly")):
        if n:
            warning = f"{_count(n, noun)} {what}"
            page.warnings.append(Problem(warning))  # told by kind in page.cleaned
            page.cleaned.append((kind, n, warning))
    return page


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


# -- regions ---------------------------------------------------------------------------------

def place_articles(articles: list[Article], layout: object, sources: list[list[int]]) -> None:
    """Each article's regions: one rectangle for its heading (across the columns it heads),
    one for each piece of a body column and each caption; none holds another article's line."""
    from .pdf_layout import HEADING_KINDS, PageLayout

    assert isinstance(layout, PageLayout)
    owner: dict[int, int] = {}  # layout line -> article
    for a, article in enumerate(articles):
        for n in article.lines:
            for i in sources[n - 1] if 0 < n <= len(sources) else ():
                owner.setdefault(i, a)
    centres = [(ln.box, [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
                         for b, ch in zip(ln.char_boxes, ln.text, strict=False) if ch != " "])
               for ln in layout.lines]
    for a, article in enumerate(articles):
        mine = sorted(i for i, o in owner.items() if o == a)
        parts: dict[int, list[int]] = {}
        for i in mine:
            parts.setdefault(layout.lines[i].frame, []).append(i)
        heading = [f for f in parts if layout.frames[f].kind in HEADING_KINDS]
        body = [f for f in parts if f not in heading]
        # Each piece: the rectangles it may take, widest first; the last is its lines' own box.
        pieces: list[tuple[Region, ...]] = []
        others = [centres[i] for i in range(len(layout.lines)) if owner.get(i, -1) != a]
        if heading:
            own = _box([layout.lines[i].box for f in heading for i in parts[f]])
            under = [_box([layout.lines[i].box for i in parts[f]]) for f in body]
            under = [b for b in under if b[1] >= own[1]]
            wide = (min([own[0], *(b[0] for b in under)]), own[1],
                    max([own[2], *(b[2] for b in under)]), own[3])
            pad = 0.3 * max(layout.lines[i].size for f in heading for i in parts[f])
            block = _heading_block(layout, parts, heading, body, wide, pad)
            other_boxes = [layout.lines[i].box for i in range(len(layout.lines))
                           if owner.get(i, -1) != a]
            if block is not None and not _touches_any(block, other_boxes, 0.3 * layout.body_size):
                pieces.append((block,))
            else:
                pieces.append((_grow(wide, 0, pad), wide, own))
        for f in sorted(body, key=lambda f: parts[f][0]):
            for run in _runs(parts[f]):
                box = _box([layout.lines[i].box for i in run])
                pieces.append((_grow(box, 0.2 * layout.body_size, 0.2 * layout.body_size), box))
        regions: list[Region] = []
        for candidates in pieces:
            own = candidates[-1]
            if any(_contains(r, own) for r in regions):
                continue  # a byline or a column's tag inside the heading's block
            for candidate in candidates:
                if not _holds_any(candidate, others):
                    regions.append(candidate)
                    break
            else:  # another article's line inside even the tight box: line by line
                regions.extend(_box([layout.lines[i].box]) for f in parts for i in parts[f]
                               if _inside(_centre(layout.lines[i].box), own))
        article.regions = [r for r in dict.fromkeys(regions) if r[0] < r[2] and r[1] < r[3]]


def _heading_block(layout: object, parts: dict[int, list[int]], heading: list[int],
                   body: list[int], wide: Region, pad: float) -> Region | None:
    """The heading's block as the page sets it: from the column's tag over the headline to
    the byline under it, across the columns it heads, down to the top of those columns. None
    where the article has no columns under its heading."""
    frames = layout.frames  # type: ignore[attr-defined]
    lines = layout.lines  # type: ignore[attr-defined]

    def box(f: int) -> Region:
        return _box([lines[i].box for i in parts[f]])

    columns = [f for f in body if len(parts[f]) > 1 and box(f)[1] >= wide[3]
               and frames[f].kind != "caption"]
    if not columns:
        return None
    columns_top = min(box(f)[1] for f in columns)
    for photo in layout.figures:  # type: ignore[attr-defined]  # a photo at the columns' head
        if photo[0] < wide[2] and photo[2] > wide[0] and wide[3] <= photo[1] < columns_top:
            columns_top = photo[1]
    inside = [f for f in body if f not in columns and len(parts[f]) == 1
              and frames[f].kind in ("column", "body", "small") and box(f)[3] <= columns_top
              and box(f)[0] >= wide[0] - 1 and box(f)[2] <= wide[2] + 1
              and (frames[f].kind == "column" or box(f)[1] >= wide[1])]
    top = min([wide[1], *(box(f)[1] for f in inside)])
    bottom = max([wide[3], *(box(f)[3] for f in inside)])
    edge = 0.2 * layout.body_size  # type: ignore[attr-defined]
    return _grow((wide[0], top, wide[2], max(bottom + pad, columns_top - 2 * edge) - pad), 0, pad)


def _touches_any(region: Region, boxes: list[tuple[float, float, float, float]],
                 margin: float) -> bool:
    """Whether the region comes within ``margin`` of any of these line boxes."""
    return any(b[0] - margin < region[2] and b[2] + margin > region[0]
               and b[1] - margin < region[3] and b[3] + margin > region[1] for b in boxes)


def _contains(outer: Region, inner: Region) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] \
        and inner[3] <= outer[3]


def _holds_any(region: Region, lines: list[tuple[tuple[float, float, float, float],
                                                 list[tuple[float, float]]]]) -> bool:
    """Whether any character (its centre) of these lines lies in the region."""
    for box, points in lines:
        if box[0] <= region[2] and box[2] >= region[0] and box[1] <= region[3] \
                and box[3] >= region[1] and any(_inside(c, region) for c in points):
            return True
    return False


def _grow(box: Region, dx: float, dy: float) -> Region:
    """A region a little larger than the ink: a click at a line's edge is on its article."""
    return (round(box[0] - dx, 2), round(box[1] - dy, 2), round(box[2] + dx, 2),
            round(box[3] + dy, 2))


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive layout lines: an article's part of a frame, cut where another's lines stand."""
    out: list[list[int]] = []
    for i in indexes:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _box(boxes: list[tuple[float, float, float, float]]) -> Region:
    return (round(min(b[0] for b in boxes), 2), round(min(b[1] for b in boxes), 2),
            round(max(b[2] for b in boxes), 2), round(max(b[3] for b in boxes), 2))


def _centre(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _inside(point: tuple[float, float], box: Region) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]
