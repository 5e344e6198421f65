"""The sample issue as the PDF page source gives it: the text parser's pages with each page's
size and PDF, and each article's regions from the sample's layout.json (whose articles are
in the parser's order). For the library's tests, which need no PDF reading of their own."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Issue, PagePdf
from tests.conftest import ROOT, SAMPLE, SAMPLE_PDF

# The sample's four pages in one file (pages 0..3), as a publisher sends a whole issue.
ISSUE_PDF = ROOT / "tests" / "fixtures" / "pdf" / "issue-songhe-2024-03-15.pdf"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_pdf_file(number: int) -> Path:
    return SAMPLE_PDF / f"page{number}.pdf"


def pdf_issue(whole: bool = False) -> Issue:
    """The sample issue with its PDFs: one file a page, or (``whole``) the issue's one file,
    the same bytes object for all four pages, as the source shares it."""
    issue = parse_path(SAMPLE)
    layout = json.loads((SAMPLE_PDF / "layout.json").read_text(encoding="utf-8"))
    laid = {p["number"]: p for p in layout["pages"]}
    data = ISSUE_PDF.read_bytes() if whole else b""
    for page in issue.pages:
        spot = laid[page.number]
        if not whole:
            data = (SAMPLE_PDF / spot["file"]).read_bytes()
        page.size = (float(spot["size"][0]), float(spot["size"][1]))
        page.pdf = PagePdf(digest(data), page.number - 1 if whole else 0, data)
        assert len(page.articles) == len(spot["articles"])
        for art, where in zip(page.articles, spot["articles"], strict=True):
            # the same article (the layout keeps the title's full-width punctuation)
            assert unicodedata.normalize("NFKC", art.title) == unicodedata.normalize(
                "NFKC", where["title"])
            art.regions = [tuple(r) for r in where["regions"]]
    return issue
