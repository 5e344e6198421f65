"""Saving an article as PDF: the text must come back out of the file, footer included."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import opencc
import pytest

from paper_reader.core.importer import parse_path
from paper_reader.core.model import Article, Issue, Page
from paper_reader.core.reading.citation import gbt7714
from paper_reader.ui.tools.printing import PRINT_EM_PX, export_pdf, print_font
from paper_reader.ui.views.article_html import LIGHT, article_html

from ..conftest import SAMPLE

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


@pytest.fixture(scope="module")
def issue() -> Issue:
    return parse_path(SAMPLE)


@pytest.fixture
def first(issue: Issue) -> tuple[Page, Article]:
    return issue.pages[0], issue.pages[0].articles[0]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def squeeze(text: str) -> str:
    """Without whitespace: lines wrap anywhere in Chinese, and titles are set on two lines."""
    return re.sub(r"\s+", "", text)


def export(issue: Issue, page: Page, article: Article, target: Path, **kw) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    convert = kw.get("convert", lambda s: s)
    html = article_html(issue, page, article, pal=LIGHT, em_px=PRINT_EM_PX, convert=convert)
    citation = gbt7714(issue, page, article, convert=convert)
    return export_pdf(target, issue, page, article, html, citation, **kw), citation


def test_the_print_font_is_chinese(qtbot) -> None:
    families = print_font().families()
    if not families:
        pytest.skip("no CJK face installed")
    assert "CJK" in families[0] or "Han" in families[0] or families[0] in ("SimSun", "Songti SC")


def test_pdf_holds_title_body_and_footer(qtbot, issue: Issue, first: tuple[Page, Article],
                                         tmp_path: Path) -> None:
    page, article = first
    target = tmp_path / "article.pdf"
    out, citation = export(issue, page, article, target)
    assert out == target and target.read_bytes().startswith(b"%PDF")
    assert list(tmp_path.iterdir()) == [target]  # the temporary file is gone
    text = pdf_text(target)
    flat = squeeze(text)
    assert squeeze(article.title) in flat  # 早谋划早部署早落实 夯实全年粮食丰收基础
    assert "周明远指出,一年之计在于春。" in flat
    assert squeeze(citation) in flat
    assert squeeze("松河日报 · 2024年3月15日 · 第一版 · " + citation) in flat
    assert re.search(r"第\s*1\s*/\s*1\s*页", text)
    # Qt's own ToUnicode map would name Kangxi radicals (⽇ for 日, ⻝ for 食).
    assert not re.search("[\u2e80-\u2fdf]", text)
    assert "日报" in text and "粮食" in text


def test_long_article_is_numbered_page_by_page(qtbot, issue: Issue, first: tuple[Page, Article],
                                               tmp_path: Path) -> None:
    page, article = first
    long = copy.copy(article)
    long.paragraphs = article.paragraphs * 10
    target = tmp_path / "long.pdf"
    export(issue, page, long, target)
    text = pdf_text(target)
    pages = text.count("\f")  # pdftotext ends every page with a form feed
    assert pages >= 3
    # pdftotext drops the spaces of "第 1 / 3 页" between CJK and digits, so allow for both.
    for n in range(1, pages + 1):
        assert re.search(rf"第\s*{n}\s*/\s*{pages}\s*页", text.split("\f")[n - 1]), n
    assert squeeze(text).count(squeeze(gbt7714(issue, page, long))) == pages  # a footer on each


def test_traditional_script(qtbot, issue: Issue, first: tuple[Page, Article], tmp_path: Path) -> None:
    page, article = first
    s2t = opencc.OpenCC("s2t").convert
    target = tmp_path / "trad.pdf"
    _, citation = export(issue, page, article, target, convert=s2t)
    flat = squeeze(pdf_text(target))
    assert "夯實全年糧食豐收基礎" in flat
    assert squeeze("松河日報 · 2024年3月15日 · 第一版 · " + citation) in flat
    assert "松河日报" not in flat


def test_replaces_an_existing_file(qtbot, issue: Issue, first: tuple[Page, Article],
                                   tmp_path: Path) -> None:
    target = tmp_path / "article.pdf"
    target.write_bytes(b"old")
    export(issue, *first, target)
    assert target.read_bytes().startswith(b"%PDF")


def test_missing_folder_is_an_error(qtbot, issue: Issue, first: tuple[Page, Article],
                                    tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "article.pdf"
    with pytest.raises(OSError) as caught:
        export(issue, *first, target)
    assert str(target) in str(caught.value)
    assert caught.value.filename == str(target)
    assert not target.parent.exists()


def test_folder_as_target_is_an_error(qtbot, issue: Issue, first: tuple[Page, Article],
                                      tmp_path: Path) -> None:
    with pytest.raises(OSError, match=re.escape(str(tmp_path))):
        export(issue, *first, tmp_path)
