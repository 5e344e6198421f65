"""References to an article: GB/T 7714-2015 for papers and theses, and a plain form.

GB/T 7714 sets references with Western punctuation (``. ``, ``, ``, ``[N]``) even in
Chinese text, so these strings mix half-width punctuation with Chinese words on purpose.
Only the words are passed through ``convert`` (the reader's script); dates, page numbers
and punctuation stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Article, Issue, Page, page_label

MAX_AUTHORS = 3  # GB/T 7714-2015 §8.1.2: list three, then 等 ("et al.")
UNTITLED = "（无题）"


def identity(text: str) -> str:
    return text


def _paper(issue: Issue, page: Page) -> str:
    # The page's running header is the fallback when the masthead was not recognized.
    return (issue.paper or page.paper or "").strip()


def _date(issue: Issue, page: Page) -> tuple[int, int, int] | None:
    iso = issue.date or page.date
    if not iso:
        return None
    try:
        y, m, d = (int(x) for x in iso.split("-"))
    except ValueError:
        return None
    return y, m, d


def _title(article: Article) -> str:
    # ``title`` is already the main title: kicker and subtitle are kept apart by the parser.
    return article.title.strip() or UNTITLED


def _authors(article: Article, convert: Callable[[str], str]) -> str:
    names = [convert(n.strip()) for n in article.authors if n.strip()]
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[:MAX_AUTHORS]) + ", " + convert("等")
    return ", ".join(names)


def gbt7714(issue: Issue, page: Page, article: Article, *,
            convert: Callable[[str], str] = identity) -> str:
    """``王茵. 市委常委会召开2020年第十一次常委会议[N]. 辽源日报, 2020-07-06(1).``

    Without authors the reference starts with the title, as the standard has it.
    """
    head = f"{convert(_title(article))}[N]"
    authors = _authors(article, convert)
    if authors:
        head = f"{authors}. {head}"
    date = _date(issue, page)
    where = convert(_paper(issue, page))
    if date:
        iso = f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}"
        where = f"{where}, {iso}" if where else iso
    where += f"({page.number})"
    return f"{head}. {where}."


def chinese_date(issue: Issue, page: Page) -> str:
    """``2020年7月6日``, without zero padding, as papers print it; "" when unknown."""
    date = _date(issue, page)
    return f"{date[0]}年{date[1]}月{date[2]}日" if date else ""


def plain_citation(issue: Issue, page: Page, article: Article, *,
                   convert: Callable[[str], str] = identity) -> str:
    """``辽源日报 2020年7月6日 第一版：标题`` (``第二版 综合：`` when the page has a section)."""
    label = page.label or page_label(page.number)
    if page.section:
        label = f"{label} {page.section}"
    parts = [convert(_paper(issue, page)), chinese_date(issue, page), convert(label)]
    return " ".join(p for p in parts if p) + "：" + convert(_title(article))
