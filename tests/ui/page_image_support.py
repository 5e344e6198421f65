"""The sample issue as pages with their PDFs: the text pages parsed as the library has them,
each given its page PDF (bytes and SHA-256), its size and every article's regions from the
sample's layout.json (articles in the text parser's order).

``with_pdfs(parts)`` makes the window's library hand its issues out that way, so the window
shows the page image for them exactly as for pages imported from their PDFs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from paper_reader.core.model import Issue, Page, PagePdf
from paper_reader.core.parsing.patterns import norm

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = ROOT / "resources" / "sample" / "songhe-2024-03-15" / "pdf"


def layout() -> dict[int, dict[str, Any]]:
    data = json.loads((SAMPLE_PDF / "layout.json").read_text(encoding="utf-8"))
    return {p["number"]: p for p in data["pages"]}


def give_pdf(page: Page, data: bytes | None = None) -> Page:
    """``page`` with its sample PDF (or ``data`` in its place), size and regions."""
    spec = layout()[page.number]
    raw = data if data is not None else (SAMPLE_PDF / spec["file"]).read_bytes()
    page.size = (float(spec["size"][0]), float(spec["size"][1]))
    page.pdf = PagePdf(hashlib.sha256(raw).hexdigest(), 0, raw)
    for article, known in zip(page.articles, spec["articles"], strict=False):
        assert norm(article.title) == norm(known["title"]), (article.title, known["title"])
        article.regions = [tuple(r) for r in known["regions"]]
    return page


def give_pdfs(issue: Issue, damaged: set[int] | None = None) -> Issue:
    for page in issue.pages:
        if page.number in layout():
            bad = None
            if damaged and page.number in damaged:
                good = (SAMPLE_PDF / layout()[page.number]["file"]).read_bytes()
                bad = good[:200] + b"\0" * 4000 + b"\n%%EOF\n"  # a PDF's head, garbage, an end
            give_pdf(page, bad)
    return issue


def with_pdfs(parts: Any, damaged: set[int] | None = None) -> Any:
    """The window's library, from now on, loads its issues with their PDFs; the open issue
    is read again."""
    library = parts.reader.library
    load = library.load_issue

    def load_issue(issue_id: int) -> Issue:
        return give_pdfs(load(issue_id), damaged)

    library.load_issue = load_issue
    if parts.reader.location is not None:
        parts.reader.reload()
    return parts


def mark(number: int, index: int) -> dict[str, Any]:
    return layout()[number]["markers"][index]
