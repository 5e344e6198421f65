"""Page text: a page as pdftotext writes it, one file a page or a whole issue split by form feeds."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..model import Origin, Page
from .decoding import looks_binary, read_page_file
from .names import page_from_name


class TextSource:
    kind = "page text"
    suffixes = (".txt", ".text", "")

    def recognises(self, head: bytes) -> bool:
        boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        return head.startswith(boms) or not looks_binary(head)

    def read(self, path: Path) -> list[Page]:
        return pages_of_text(read_page_file(path), path)

    def __repr__(self) -> str:
        return "TextSource()"


def pages_of_text(text: str, name: str | Path = "") -> list[Page]:
    """One page per form-feed-separated part (as pdftotext writes a whole issue).

    Given the file's name, a single page takes its number from the name when it does not
    print one, and every page has its origin: the file, and which part of it the page is.
    """
    # Loaded on the first read, not with the registry: the window asks the registry what a
    # drop holds, and the command line its help, without parsing anything.
    from ..parsing.parser import parse_page

    parts = list(enumerate(text.split("\f")))
    if len(parts) > 1:
        parts = [(k, p) for k, p in parts if p.strip()]
    hint = page_from_name(name) if len(parts) == 1 else None
    pages = []
    for n, (k, part) in enumerate(parts):
        page = parse_page(part, number=hint or n + 1)
        if name:
            page.origin = Origin(Path(name), k)
        pages.append(page)
    return pages
