"""An article as HTML for QTextBrowser, typeset for Chinese reading.

Paragraphs get a two-character first-line indent and a line height near 1.7; captions
are set apart from the text; a notice's signature is right-aligned. Continuation markers
are links: ``page:N/M`` (article M on page N) or ``page:N`` while that page is missing (see
core.reading.links).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...core.model import Article, Issue, Page, page_label
from ...core.reading.continuation import Join, WholeArticle, join_parts
from ...core.reading.links import href as link_href


class Palette(NamedTuple):
    """The paper's colours in the article view and the page overview."""

    text: str = "#1d1d1f"
    muted: str = "#5f6368"
    link: str = "#0b57d0"
    accent: str = "#9c1c1c"
    caption_bg: str = "#f3f1ec"
    rule: str = "#d9d4c7"
    highlight: str = "#ffe58a"


LIGHT = Palette()
DARK = Palette(text="#e6e3dc", muted="#a8a49b", link="#8ab4f8", accent="#f28b82",
               caption_bg="#2b2a27", rule="#4a463f", highlight="#8a6d00")


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """html.escape without importing the html package at start-up."""
    return text.translate(_ESCAPES)


# Qt lays out a run with no break opportunity in time that grows with the square of its
# length (a 100,000-letter word took tens of seconds). For display only, a run of letters,
# digits or signs longer than this gets a zero-width space every BREAK_EVERY characters:
# the text may wrap there, and looks the same otherwise. Stored and searched text keep none.
LONG_RUN = 64  # about a line of Latin letters at the reading measure
BREAK_EVERY = 16
BREAK = "\u200b"
# No break opportunity inside: anything but white space and the CJK scripts and punctuation.
_NO_BREAK_RUN = re.compile(
    r"[^\s\u200b\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    r"\U00020000-\U0003ffff]" + f"{{{LONG_RUN + 1},}}")


def _broken(m: re.Match[str]) -> str:
    run = m.group()
    return BREAK.join([run[i:i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY)])


def breakable(text: str) -> str:
    """``text`` with break opportunities in its long unbroken runs, for laying it out."""
    return _NO_BREAK_RUN.sub(_broken, text) if len(text) > LONG_RUN else text


# Laying out text costs time in proportion to it, and a page may hold 5 MB in one article:
# the view and the print show this much of an article's text (paragraphs and captions), ten
# times the longest real article, and say how much is left out.
SHOWN_CHARS = 100_000


def shown_parts(parts: list[tuple[Page, Article]]) -> tuple[list[tuple[Page, Article]], int]:
    """The parts of an article as far as SHOWN_CHARS of their text go (the last one cut),
    and the number of characters left out."""
    left, shown, omitted = SHOWN_CHARS, [], 0
    for page, part in parts:
        size = sum(map(len, part.paragraphs)) + sum(map(len, part.captions))
        if size <= left:
            shown.append((page, part))
            left -= size
            continue
        omitted += size
        if left <= 0:
            continue
        from copy import copy

        cut = copy(part)  # the article itself stays whole: this is for display
        cut.paragraphs, left = _cut(part.paragraphs, left)
        cut.captions, left = _cut(part.captions, left)
        omitted -= sum(map(len, cut.paragraphs)) + sum(map(len, cut.captions))
        shown.append((page, cut))
    return shown, omitted


def _cut(texts: list[str], left: int) -> tuple[list[str], int]:
    kept = []
    for text in texts:
        if left <= 0:
            break
        kept.append(text[:left])
        left -= len(kept[-1])
    return kept, left


def _p(text: str) -> str:
    return escape(breakable(text))


def dateline(issue: Issue, page: Page) -> str:
    y, m, d = (int(x) for x in (issue.date or "0-0-0").split("-"))
    parts = [issue.paper or "", f"{y}年{m}月{d}日", page.label + (f" {page.section}" if page.section else "")]
    return " · ".join(p for p in parts if p)


def article_html(issue: Issue, page: Page, article: Article, pal: Palette = LIGHT,
                 font_family: str | None = None, joined: list[tuple[Page, Article]] | None = None,
                 convert=lambda s: s, em_px: int = 16) -> str:  # type: ignore[no-untyped-def]
    """The whole article view. ``joined`` gives all parts of a continued article in order.

    Qt's rich text takes text-indent and a fixed line-height only in pixels, so both are
    worked out from the size of one character (``em_px``).
    """
    # A face's name is the font's own: kept to characters that cannot leave the CSS string.
    face = "".join(ch for ch in font_family or "" if ch not in "'\"\\<>;{}")
    family = f"font-family: '{face}';" if face else ""
    indent, leading = 2 * em_px, round(1.7 * em_px)

    def px(ems: float) -> str:  # Qt's rich text ignores em lengths
        return f"{round(ems * em_px)}px"

    css = f"""
    body {{ color: {pal.text}; {family} }}
    p.dateline {{ color: {pal.muted}; font-size: {px(0.85)}; margin-bottom: {px(1.2)}; }}
    p.column {{ color: {pal.accent}; font-weight: 600; margin-bottom: {px(0.3)}; }}
    p.kicker {{ color: {pal.muted}; font-size: {px(1.05)}; margin: 0; text-align: center; }}
    h1 {{ font-size: {px(1.55)}; font-weight: 700; margin-top: {px(0.15)}; margin-bottom: {px(0.2)};
          text-align: center; line-height: {round(1.55 * 1.3 * em_px)}px; }}
    p.subtitle {{ font-size: {px(1.1)}; margin-bottom: {px(0.4)}; text-align: center; }}
    p.byline {{ color: {pal.muted}; margin-top: {px(0.6)}; margin-bottom: {px(1.0)}; text-align: center; }}
    p.body {{ text-indent: {indent}px; line-height: {leading}px; margin-bottom: {px(0.55)};
              text-align: justify; }}
    table.caption {{ margin-top: {px(0.6)}; margin-bottom: {px(0.9)}; }}
    p.caption {{ color: {pal.muted}; font-size: {px(0.9)}; line-height: {round(1.5 * em_px)}px; margin: 0; }}
    p.signature {{ text-align: right; line-height: {leading}px; margin: 0; }}
    p.join {{ color: {pal.muted}; text-align: center; font-size: {px(0.85)}; margin-top: {px(1)};
              margin-bottom: {px(1)}; }}
    span.join {{ color: {pal.muted}; font-size: {px(0.8)}; }}
    a {{ color: {pal.link}; text-decoration: none; }}
    """
    # Shown up to SHOWN_CHARS (the rest is counted, not laid out), then joined.
    parts, omitted = shown_parts(joined if joined and len(joined) > 1 else [(page, article)])
    whole = join_parts(parts) if len(parts) > 1 else None
    if whole is not None:  # headed by the first part, whichever part was opened
        page, article = whole.page, whole.article
    else:
        page, article = parts[0]
    out = [f"<html><head><style>{css}</style></head><body>",
           f"<p class='dateline'>{_p(convert(dateline(issue, page)))}</p>"]
    a = article
    if a.column:
        out.append(f"<p class='column'>【{_p(convert(a.column))}】</p>")
    if a.kicker:
        out.append(f"<p class='kicker'>{_p(convert(a.kicker))}</p>")
    out.append(f"<h1>{_title(convert(a.title or '（无题）'))}</h1>")
    if a.subtitle:
        out.append(f"<p class='subtitle'>{_p(convert(a.subtitle))}</p>")
    if a.byline:
        out.append(f"<p class='byline'>{_p(convert(a.byline))}</p>")
    if whole is None:
        out.extend(_body(article, pal, convert, first=True, last=True))
    else:
        out.extend(_whole_body(whole, pal, convert))
    if omitted:
        from PySide6.QtCore import QCoreApplication

        note = QCoreApplication.translate("ArticleHtml", "……文章过长，以下 %1 字未显示。")
        out.append(f"<p class='join'>{_p(note.replace('%1', str(omitted)))}</p>")
    out.append("</body></html>")
    return "".join(out)


def _title(title: str) -> str:
    """Two-part headlines (halves split by a space) are set on two lines, as in print."""
    halves = title.split(" ")
    if len(title) > 16 and 1 < len(halves) <= 3 and all(len(h) >= 4 for h in halves):
        return "<br>".join(_p(h) for h in halves)
    return _p(title)


def _body(a: Article, pal: Palette, convert, first: bool, last: bool) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    paras = list(a.paragraphs) or [""]
    if first and a.continued_from:
        label = page_label(a.continued_from.page).replace("第", "上接第", 1)
        link = f"<a href='{link_href(a.continued_from)}'>({_p(convert(label))})</a>"
        paras_html = [link + _p(convert(paras[0]))] + [_p(convert(x)) for x in paras[1:]]
    else:
        paras_html = [_p(convert(x)) for x in paras]
    if last and a.continues_to:
        label = page_label(a.continues_to.page).replace("第", "下转第", 1)
        paras_html[-1] += f"<a href='{link_href(a.continues_to)}'>({_p(convert(label))})</a>"
    # Captions stand after the paragraph they interrupted; near the top is closest to print.
    # A one-cell table: the only way to pad a shaded block in Qt's rich text.
    captions = [f"<table class='caption' width='100%' cellpadding='{8}' cellspacing='0' "
                f"bgcolor='{pal.caption_bg}'><tr><td><p class='caption'>{_p(convert(c))}</p>"
                "</td></tr></table>" for c in a.captions]
    for i, para in enumerate(paras_html):
        if para:
            out.append(f"<p class='body'>{para}</p>")
        if i == 0:
            out.extend(captions)
    for line in a.signature:
        out.append(f"<p class='signature'>{_p(convert(line))}</p>")
    return out


def _caption(text: str, pal: Palette, convert) -> str:  # type: ignore[no-untyped-def]
    # A one-cell table: the only way to pad a shaded block in Qt's rich text.
    return (f"<table class='caption' width='100%' cellpadding='{8}' cellspacing='0' "
            f"bgcolor='{pal.caption_bg}'><tr><td><p class='caption'>{_p(convert(text))}</p>"
            "</td></tr></table>")


def _run_on(text: str, joins: list[Join], convert) -> str:  # type: ignore[no-untyped-def]
    """A paragraph that runs on across one or more joins, each marked where it falls."""
    shown = convert(text)
    if len(shown) != len(text):  # a conversion that changed lengths: convert piece by piece
        shown = None
    out, at = [], 0
    for join in joins:
        piece = text[at:join.offset]
        out.append(_p(shown[at:join.offset] if shown is not None else convert(piece)))
        out.append(f"<span class='join'>〔{_p(convert('下接' + join.label))}〕</span>")
        at = join.offset
    out.append(_p(shown[at:] if shown is not None else convert(text[at:])))
    return "".join(out)


def _whole_body(whole: WholeArticle, pal: Palette, convert) -> list[str]:  # type: ignore[no-untyped-def]
    """The paragraphs of all parts as one (see core.continuation): a mid-sentence join is
    marked inside its paragraph, one between paragraphs by a line of its own."""
    paras = whole.paragraphs
    out = []
    for i in range(len(paras) + 1):
        out += [f"<p class='join'>—— {_p(convert(j.label))} ——</p>"
                for j in whole.joins if j.paragraph == i and not j.inline]
        if i == len(paras):
            break
        html = _run_on(paras[i], [j for j in whole.joins if j.paragraph == i and j.inline], convert)
        if i == 0 and whole.continued_from:
            label = page_label(whole.continued_from.page).replace("第", "上接第", 1)
            html = f"<a href='{link_href(whole.continued_from)}'>({_p(convert(label))})</a>" + html
        if i == len(paras) - 1 and whole.continues_to:
            label = page_label(whole.continues_to.page).replace("第", "下转第", 1)
            html += f"<a href='{link_href(whole.continues_to)}'>({_p(convert(label))})</a>"
        if html:
            out.append(f"<p class='body'>{html}</p>")
        out += [_caption(c, pal, convert) for at, c in whole.captions if at == i]
    out += [_caption(c, pal, convert) for at, c in whole.captions if at >= len(paras)]
    for line in whole.signature:
        out.append(f"<p class='signature'>{_p(convert(line))}</p>")
    return out
