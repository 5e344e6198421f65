"""Turn the extracted text of one printed page into a Page of Articles.

A line is a paragraph and a blank line is a gap between text frames. A paragraph that
stops mid-sentence at a gap was cut at a column edge and goes on after the gap, even when
a photo caption was set between its halves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Link, Page, page_label
from ..problems import told
from .masthead import read_top
from .patterns import (
    BYLINE_LINE,
    BYLINE_PREFIX,
    CAPTION_CREDIT,
    COMMENTARY,
    CONTINUED_FROM,
    CONTINUES_TO,
    DATE_LINE,
    FEATURE,
    KICKER_END,
    NOTICE_TITLE,
    SUBTITLE,
    TAGS,
    authors_of,
    has_caption_mark,
    is_open,
    norm,
    page_number,
    trailing_byline,
)

Line = tuple[int, str]  # (1-based line number, text stripped of surrounding space)


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines; a blank line is a gap between text frames."""
    blocks: list[list[Line]] = []
    run: list[Line] = []
    for n, s in lines:
        if s:
            run.append((n, s))
        elif run:
            blocks.append(run)
            run = []
    if run:
        blocks.append(run)
    return blocks


# Cheap tests first, each true whenever its pattern could match (a regex call costs more):
def is_subtitle(t: str) -> bool:
    """SUBTITLE: a line opening with a dash (——, --, —)."""
    return t.lstrip().startswith(("—", "--")) and bool(SUBTITLE.match(t))


def byline_prefix(t: str) -> re.Match[str] | None:
    """BYLINE_PREFIX's match: 本报讯, 新华社北京3月14日电 open with a news source's name."""
    if not t.startswith(("本报", "本報", "新华社", "新華社", "中新社", "人民网")):
        return None
    return BYLINE_PREFIX.match(t)


def continued_from(t: str) -> re.Match[str] | None:
    """CONTINUED_FROM's match: (上接第一版) opens with a bracket."""
    return CONTINUED_FROM.match(t) if t.lstrip().startswith("(") else None


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")


def is_caption(text: str) -> bool:
    """A photo caption by its shape: 图为 opening a clause, or a photographer's credit."""
    t = norm(text).strip()
    if ("图" in t or "圖" in t) and has_caption_mark(t):
        return True
    if len(t) <= 6 or not ("摄" in t[-4:] or "攝" in t[-4:]):
        return False
    tail = t[-40:]
    credit = CAPTION_CREDIT.search(tail)
    if credit is None:
        return False
    if credit.group("verb") in ("摄影", "攝影"):
        # 本报记者 张三 摄影 alone is a photo story's byline: a credit only after a caption's words
        before = t[: len(t) - len(tail) + credit.start()].rstrip()
        return bool(before) and before[-1] in "。!?”)"
    return True


def is_byline_line(text: str) -> bool:
    t = norm(text).strip()
    return len(t) <= 40 and "。" not in t and bool(BYLINE_LINE.match(t))


def heading_like(text: str) -> bool:
    t = norm(text).strip()
    if not t or len(t) > 72 or "。" in t or t[-1] in ",、;:" or t.startswith("("):
        return False
    if is_subtitle(t) or ("年" in t and DATE_LINE.match(t)) or byline_prefix(t):
        return False
    # Body sentences cut at a column edge look like headlines but for their commas.
    outside = QUOTED.sub("", t) if ("“" in t or '"' in t or "《" in t) else t
    commas = outside.count(",") + outside.count("、")
    if commas >= 2 or (commas and len(t) > 30):
        return False
    return not is_byline_line(t) and not is_caption(t)


@dataclass
class _Heading:
    kind: str  # head, subtitle, byline
    lines: list[Line]


@dataclass
class _State:
    articles: list[Article] = field(default_factory=list)
    current: Article | None = None
    open: bool = False
    pending: list[_Heading] = field(default_factory=list)
    pending_captions: list[Line] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)


# What the page's geometry says a line is, where it is known (a page read from its PDF):
# the kind of the text frame the line was set in (see sources/pdf_layout.KINDS).
HEADING_HINTS = ("headline", "kicker", "subtitle")


class PageParser:
    def __init__(self, blocks: list[list[Line]], hints: dict[int, str] | None = None) -> None:
        self.blocks = blocks
        self.hints = hints or {}
        self.s = _State()

    def _hint(self, block: list[Line]) -> str | None:
        return self.hints.get(block[0][0])

    # -- block classification -------------------------------------------------------
    def _is_heading_block(self, i: int) -> bool:
        block = self.blocks[i]
        if len(block) > 3:
            return False
        if self._hint(block) in HEADING_HINTS:  # set in display type: a heading, commas or not
            return True
        return all(heading_like(s) for _, s in block)

    def _starts_article(self, i: int, depth: int = 0) -> bool:
        """Strong evidence that block i opens a new article (used when a cut is open)."""
        if not self._is_heading_block(i) or i + 1 >= len(self.blocks) or depth > 2:
            return False
        nxt = norm(self.blocks[i + 1][0][1])
        if is_subtitle(nxt) or is_byline_line(nxt) or byline_prefix(nxt):
            return True
        if continued_from(nxt):
            return True
        return self._starts_article(i + 1, depth + 1)

    def _followed_by_text(self, i: int) -> bool:
        return i + 1 < len(self.blocks)

    # -- the walk ---------------------------------------------------------------------
    def run(self) -> tuple[list[Article], list[Line]]:
        s = self.s
        for i, block in enumerate(self.blocks):
            first = block[0][1]
            single = len(block) == 1
            hint = self._hint(block)
            if single and (is_caption(first) or hint == "caption") \
                    and (s.current is not None or s.pending):
                if s.pending or s.current is None:
                    s.pending_captions.append(block[0])
                else:
                    self._caption(s.current, block[0])
                continue
            if hint == "column" and not s.pending:  # a column's tag set over its headline
                s.pending.append(_Heading("head", block))
                continue
            if s.current is not None and (s.open or hint == "continued") and not s.pending \
                    and not self._starts_article(i):
                self._join(block)
                continue
            t = norm(first).strip()
            if single and t in TAGS and s.current is not None and not s.pending:
                if s.current.column is None:
                    s.current.column = first
                    s.current.lines.append(block[0][0])
                    continue
            if s.pending and any(h.kind == "head" for h in s.pending) \
                    and (is_subtitle(t) or hint == "subtitle"):
                s.pending.append(_Heading("subtitle", block))
                continue
            if all(is_byline_line(x) for _, x in block) and (s.pending or s.current is None
                                                             or not s.current.paragraphs):
                s.pending.append(_Heading("byline", block))
                continue
            if self._is_heading_block(i) and self._followed_by_text(i):
                s.pending.append(_Heading("head", block))
                continue
            self._body(block)
        if s.pending or s.pending_captions:
            # A headline, byline or caption with no text after it (a photo with its title,
            # say) is an article of its own: shown and searchable, never left unplaced.
            self._start_article()
        self._finish()
        return s.articles, s.unplaced

    def _start_article(self) -> None:
        s = self.s
        self._finish()
        art = Article()
        heads = [h for h in s.pending if h.kind == "head"]
        if heads:
            title_block = heads[-1].lines
            art.title = title_block[-1][1]
            if len(title_block) > 1:
                art.kicker = " ".join(x for _, x in title_block[:-1])
            else:
                parts = art.title.split(" ", 1)
                if len(parts) == 2 and len(parts[0]) >= 6 and KICKER_END.search(parts[0]):
                    art.kicker, art.title = parts[0], parts[1].strip()
            banners = [x for h in heads[:-1] for _, x in h.lines]
            if banners:
                art.column = " ".join(banners)
        subtitles = [x for h in s.pending if h.kind == "subtitle" for _, x in h.lines]
        if subtitles:
            art.subtitle = " ".join(subtitles)
        bylines = [x for h in s.pending if h.kind == "byline" for _, x in h.lines]
        if bylines:
            art.byline = " ".join(bylines)
            art.authors = [a for b in bylines for a in authors_of(b)]
        art.lines = [n for h in s.pending for n, _ in h.lines]
        s.pending = []
        s.current = art
        s.open = False
        for ln in s.pending_captions:
            self._caption(art, ln)
        s.pending_captions = []

    def _caption(self, art: Article, line: Line) -> None:
        art.captions.append(line[1])
        art.lines.append(line[0])

    def _body(self, block: list[Line]) -> None:
        s = self.s
        if s.pending or s.current is None:
            self._start_article()
        assert s.current is not None
        for n, text in block:
            s.current.lines.append(n)
            self._paragraph(s.current, text, new=True)

    def _join(self, block: list[Line]) -> None:
        s = self.s
        assert s.current is not None
        for k, (n, text) in enumerate(block):
            s.current.lines.append(n)
            self._paragraph(s.current, text, new=k > 0)

    def _paragraph(self, art: Article, text: str, new: bool) -> None:
        s = self.s
        t = norm(text)
        if new or not art.paragraphs:
            if m := continued_from(t):
                number = page_number(m.group(1))
                if number is not None:
                    art.continued_from = Link(number)
                art.markers.append(text[: m.end()].strip())
                text, t = text[m.end():], t[m.end():]
            if not art.paragraphs and (m := byline_prefix(t)) \
                    and (m.end() < len(t) or "(" in t):  # 本报讯(记者 程亮) on a line of its own
                printed = text[: m.end()].strip()
                art.byline = f"{art.byline} {printed}" if art.byline else printed
                art.authors += authors_of(printed)
                text, t = text[m.end():], t[m.end():]
        if t.rstrip().endswith(")") and ("转" in t[-16:] or "轉" in t[-16:]) \
                and (m := CONTINUES_TO.search(t[-16:])):
            m_start = len(t) - min(16, len(t)) + m.start()
            number = page_number(m.group(1))
            if number is not None:
                art.continues_to = Link(number)
            art.markers.append(text[m_start:].strip())
            text, t = text[:m_start].rstrip(), t[:m_start].rstrip()
            closed = True
        else:
            closed = False
        if t.endswith(")") and (m := trailing_byline(t)):
            printed = text[m.start():].strip()
            art.byline = f"{art.byline} {printed}" if art.byline else printed
            art.authors += [a for a in authors_of(m.group(1)) if a not in art.authors]
            text = text[: m.start()].rstrip()
            closed = True
        if text:
            if new or not art.paragraphs:
                art.paragraphs.append(text)
            else:
                art.paragraphs[-1] += text
        s.open = not closed and bool(art.paragraphs) and is_open(art.paragraphs[-1])

    def _finish(self) -> None:
        s = self.s
        art = s.current
        if art is None:
            return
        _take_signature(art)
        art.kind = _kind(art)
        s.articles.append(art)
        s.current = None
        s.open = False


def _take_signature(art: Article) -> None:
    """A notice ends with its issuer and a date, each on a line of its own."""
    paras = art.paragraphs
    if len(paras) < 2 or "年" not in paras[-1] or not DATE_LINE.match(norm(paras[-1])):
        return
    sig = [paras.pop()]
    while paras and len(sig) < 3:
        t = norm(paras[-1]).strip()
        if len(t) > 30 or t[-1:] in "。!?,;:" or t.startswith("特此") or len(paras) == 1:
            break
        sig.insert(0, paras.pop())
    art.signature = sig


def _kind(art: Article) -> str:
    if art.signature or NOTICE_TITLE.search(norm(art.title)):
        return "notice"
    labels = " ".join(x for x in (art.byline, art.column) if x)
    if COMMENTARY.search(labels):
        return "commentary"
    if FEATURE.search(" ".join(x for x in (art.column, art.subtitle) if x)):
        return "feature"
    return "news"


def parse_page(text: str, number: int | None = None, hints: dict[int, str] | None = None) -> Page:
    """Parse the text of one page. ``number`` is used when the page does not say. ``hints``:
    the kind of frame (headline, kicker, subtitle, caption, body, small) each line (1-based)
    was set in, where the page's geometry knows it."""
    lines = [(i + 1, s.strip()) for i, s in enumerate(text.split("\n"))]
    top = read_top(lines)
    taken = set(top.lines)
    rest = [(n, s) if n not in taken else (n, "") for n, s in lines]
    articles, unplaced = PageParser(blocks_of(rest), hints).run()
    num = top.number or number or 1
    page = Page(
        number=num,
        label=top.label or page_label(num),
        section=top.section,
        articles=articles,
        unplaced=[s for _, s in sorted(unplaced)],
        paper=top.paper,
        date=top.date,
        masthead=top.masthead if top.front else {},
        header=top.texts,
    )
    page.header_lines = top.lines
    for other in dict.fromkeys(top.other_dates):
        page.warnings.append(told("two_dates", date=top.date, other=other))
    page.unplaced_lines = [n for n, _ in sorted(unplaced)]
    return page
