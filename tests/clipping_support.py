"""The sample issue as if imported from its page PDFs, for the clipping tests: its text pages
parsed, each page given its size and PDF, each article its regions, from the sample's
layout.json (whose articles are in the text parser's order)."""

from __future__ import annotations

import hashlib
import json

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Issue, Page, PagePdf, region

from .conftest import SAMPLE, SAMPLE_PDF


def _words(text: str) -> str:
    """A title without its punctuation (the parser sets half-width commas where the PDF has 、，)."""
    return "".join(ch for ch in text if ch.isalnum())


def sample_layout() -> dict:
    return json.loads((SAMPLE_PDF / "layout.json").read_text(encoding="utf-8"))


def give_pdf(page: Page, laid: dict) -> None:
    """``page`` as imported from its PDF: size, the PDF's bytes, the articles' regions."""
    data = (SAMPLE_PDF / laid["file"]).read_bytes()
    page.size = tuple(laid["size"])
    page.pdf = PagePdf(hashlib.sha256(data).hexdigest(), 0, data)
    assert len(page.articles) == len(laid["articles"])
    for article, placed in zip(page.articles, laid["articles"], strict=True):
        assert _words(article.title) == _words(placed["title"]), (article.title, placed["title"])
        article.regions = [region(r) for r in placed["regions"]]


def sample_with_pdfs(numbers: tuple[int, ...] = (1, 2, 3, 4)) -> Issue:
    """The sample issue with the pages ``numbers`` given their PDFs; the others stay text."""
    issue = parse_path(SAMPLE)
    by_number = {p["number"]: p for p in sample_layout()["pages"]}
    for page in issue.pages:
        if page.number in numbers:
            give_pdf(page, by_number[page.number])
    return issue
