"""The top of a page: the front page's masthead, or an inner page's running header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..limits import MAX_NUMERAL_CHARS, MAX_PAGE_COUNT, MAX_SERIAL, bounded, iso_date
from ..model import chinese_number
from .patterns import NUM, norm, page_number

DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*((?:星期|週|周)[一二三四五六日天])?"
)
SOLAR_TERMS = (
    "立春 雨水 惊蛰 驚蟄 春分 清明 谷雨 穀雨 立夏 小满 小滿 芒种 芒種 夏至 小暑 大暑 立秋 处暑 處暑 "
    "白露 秋分 寒露 霜降 立冬 小雪 大雪 冬至 小寒 大寒"
).split()
LUNAR = re.compile(
    r"^(?:农历|農曆)?\s*([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\s*\S*?[月][^\s今]*)"
    r"(?:\s*(?:今日|今天)?\s*(" + "|".join(SOLAR_TERMS) + r"))?\s*$"
)
SERIAL = re.compile(r"(?:总第|總第)\s*(\d+)\s*期")
PAGE_COUNT = re.compile(r"(?:今日|本期|共)\s*([0-9]+|[〇一二两三四五六七八九十百]+)\s*(?:版|個版|个版)")
CN = re.compile(r"(?:国内统一刊号|國內統一刊號|统一刊号|統一刊號)?\s*:?\s*"
                r"(CN\s*\d{2}\s*-\s*\d{4}(?:/[A-Z])?)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HOTLINE = re.compile(r"(?:新闻热线|新聞熱線|热线|熱線|电话|電話|热线电话)\s*:?\s*([0-9][0-9\-—– ]{5,})")
WEBSITE = re.compile(r"<?((?:https?://|www\.)[^\s<>]+)>?")
PINYIN = re.compile(r"^[A-Z]{2,}(?: [A-Z]{2,}){1,5}$")
PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|日報|晚报|晚報|都市报|都市報|时报|時報|报|報)$")
PUBLISHER = re.compile(r"(\S{2,12}?(?:日报|日報|晚报|晚報|报|報))社\s*出版")
SPONSOR = re.compile(r"\S*(?:主管|主办|主辦)\S*")
PAGE_LABEL = re.compile(rf"^第?\s*({NUM})\s*版\s*(\S.*)?$")
WEEKDAY = re.compile(r"\(?(?:星期|週|周)[一二三四五六日天]\)?")
SECTION = re.compile(r"-|[\u4e00-\u9fff·][\u4e00-\u9fff· ]{0,11}")  # 综合, 要闻·时政 ("-": none)
EDITORS = re.compile(r"(?:责任编辑|責任編輯|责编|責編|美编|美編|编辑|編輯|校对|校對|版式|组版|組版)\s*:")

# A line that settles the question "is this the top of a page?", each pattern with a word it
# cannot match without (see _field).
STRONG = ((SERIAL, "期"), (PAGE_COUNT, "版"), (CN, "CN"), (PINYIN, ""), (PAGE_LABEL, "版"),
          (EDITORS, ":"))


@dataclass
class PageTop:
    """What the top of a page said, and which lines it took."""

    masthead: dict[str, Any] = field(default_factory=dict)
    paper: str | None = None
    date: str | None = None
    number: int | None = None
    label: str | None = None
    section: str | None = None
    front: bool = False
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    other_dates: list[str] = field(default_factory=list)  # the header's dates after the first
    running: bool = False  # a running header's line: paper name or page label beside a date


def _field(text: str, top: PageTop) -> bool:
    """Record what one line says; False when it is not a masthead or header line.

    Each pattern is tried only on a line that holds a word it cannot match without (a
    search costs far more than ``in``): the answers are the patterns' own."""
    t = norm(text).strip()
    m = top.masthead
    hit = False
    if "A" <= t[:1] <= "Z" and PINYIN.match(t):
        m["pinyin"] = t
        top.front = True
        return True
    if t.endswith(("报", "報")) and PAPER_NAME.match(t):
        top.paper = top.paper or t
        return True
    dated = "年" in t
    if dated and (d := DATE.search(t)) and len(t) <= 40 and (beside := _beside_date(t, d)) is not None:
        y, mo, da, wd = d.groups()
        iso = iso_date(y, mo, da)
        if iso is None:  # 2024年13月45日 is no day to file a page under
            m["date_text"] = d.group(0)
        elif top.date is None:  # the header's first date is the page's
            top.date = m["date"] = iso
            if wd:
                m["weekday"] = wd
        elif iso != top.date:  # a second one is told in the import report, never chosen
            top.other_dates.append(iso)
        top.running = top.running or any(kind in ("paper", "label") for kind, _ in beside)
        for kind, value in beside:
            if kind == "paper":
                top.paper = top.paper or value.group(0)
            elif kind == "label":
                _label(value, top)
            elif kind == "lunar":
                m["lunar_date"] = value.group(1)
                if value.group(2):
                    m["solar_term"] = value.group(2)
            else:
                _number(m, kind, value, MAX_SERIAL if kind == "serial" else MAX_PAGE_COUNT)
                top.front = True
        return True
    if dated and (lun := LUNAR.match(t)):
        m["lunar_date"] = lun.group(1)
        if lun.group(2):
            m["solar_term"] = lun.group(2)
        return True
    if "期" in t and (s := SERIAL.search(t)):
        _number(m, "serial", s, MAX_SERIAL)
        top.front = hit = True
    if "版" in t and (pc := PAGE_COUNT.search(t)):
        _number(m, "page_count", pc, MAX_PAGE_COUNT)
        top.front = hit = True
    if "CN" in t and (cn := CN.search(t)):
        m["cn"] = re.sub(r"\s", "", cn.group(1))
        top.front = hit = True
    if "@" in t and (e := EMAIL.search(t)):
        m["email"] = e.group(0)
        hit = True
    if ("热线" in t or "熱線" in t or "电话" in t or "電話" in t) and (h := HOTLINE.search(t)):
        m["hotline"] = h.group(1).strip()
        hit = True
    if ("http" in t or "www." in t) and (w := WEBSITE.search(t)) and "@" not in w.group(1):
        m["website"] = w.group(1)
        name = t[: w.start()].strip()
        if name:
            m["website_name"] = text.strip()[: len(name)]
        hit = True
    if "出版" in t and (p := PUBLISHER.search(t)):
        m["publisher"] = text.strip()[p.start(): p.end()].strip()
        top.paper = top.paper or p.group(1)
        hit = True
    if ("主管" in t or "主办" in t or "主辦" in t) and (sp := SPONSOR.search(t)) and len(t) <= 40:
        m["sponsor"] = sp.group(0)
        hit = True
    if hit:
        return True
    if "版" in t and (lab := PAGE_LABEL.match(t)):
        _label(lab, top)
        return True
    if ":" in t and EDITORS.search(t):
        m.setdefault("editors", []).append(text.strip())
        return True
    return False


def _beside_date(t: str, d: re.Match[str]) -> list[tuple[str, re.Match[str]]] | None:
    """What stands beside a date on a header line: the paper's name, the weekday, the lunar
    date, the page label and section, the masthead's counts. None for anything else: then
    the date is in a sentence (将于2021年6月23日(星), not in a header."""
    tokens = (t[: d.start()] + " " + t[d.end():]).split()
    out: list[tuple[str, re.Match[str]]] = []
    for k, token in enumerate(tokens):
        tail = " ".join(tokens[k:])
        if found := PAPER_NAME.fullmatch(token):
            out.append(("paper", found))
        elif WEEKDAY.fullmatch(token):
            continue
        elif (found := PAGE_LABEL.match(tail)) and SECTION.fullmatch(found.group(2) or "-"):
            out.append(("label", found))
            break
        elif found := LUNAR.match(tail):
            out.append(("lunar", found))
            break
        elif found := SERIAL.fullmatch(token):
            out.append(("serial", found))
        elif found := PAGE_COUNT.fullmatch(token):
            out.append(("page_count", found))
        else:
            return None
    return out


def _number(m: dict[str, Any], key: str, match: re.Match[str], limit: int) -> None:
    """A count past ``limit`` is kept as printed (``key_text``), never used as a number."""
    digits = match.group(1)
    value = chinese_number(digits) if len(digits) <= MAX_NUMERAL_CHARS else None
    if (value := bounded(value, limit)) is not None:
        m[key] = value
    else:
        m[f"{key}_text"] = match.group(0)


def _label(match: re.Match[str], top: PageTop) -> None:
    top.number = page_number(match.group(1))
    token = match.group(1)
    top.label = f"{token}版" if token[:1].isascii() and token[:1].isalpha() else None
    if match.group(2):
        top.section = match.group(2).strip()


def read_top(lines: list[tuple[int, str]], window: int = 14) -> PageTop:
    """Take the masthead or running header off the first non-blank lines.

    The region runs to the last line within ``window`` that is a masthead or header
    field, as long as no body text (a sentence) stands before it. Unrecognised short
    lines inside a front page's masthead block (a QR code's label, say) are kept under
    ``other``; an inner page's running header ends at the first such line. The page's date
    is the first date of a header-shaped line in the region (see ``_beside_date``); any
    other date there is listed in ``other_dates``, for the import report.
    """
    top = PageTop()
    candidates = list(islice(((n, s) for n, s in lines if s.strip()), window))
    last = -1
    fields: list[bool] = []
    front = False
    running: list[bool] = []
    dated: list[bool] = []  # a header's date line (a date in a sentence is not one)
    for i, (_, s) in enumerate(candidates):
        t = norm(s).strip()
        if "。" in t or len(t) > 60:
            break
        probe = PageTop()
        fields.append(_field(s, probe) or _section_after_label(candidates, i))
        front = front or probe.front
        running.append(probe.running)
        dated.append(probe.date is not None or "date_text" in probe.masthead)
        if fields[-1]:
            last = i
        elif i - last > 3:
            break
    if last < 0:
        return PageTop()
    first = fields.index(True)
    if not front and False in fields[first: last + 1]:
        # A running header is the page's first lines, all of a piece: what comes after a
        # line that is no header's (a headline) is the text's, dates and all. A front page's
        # masthead block may hold such lines (a QR code's label).
        last = fields.index(False, first) - 1
    region = candidates[: last + 1]
    strong = any(any(word in t and p.search(t) for p, word in STRONG)
                 for t in (norm(s) for _, s in region))
    if not (strong or any(running[: last + 1]) or (any(dated[: last + 1]) and len(region) >= 2)):
        return PageTop()
    for i, (n, s) in enumerate(region):
        top.lines.append(n)
        top.texts.append(s.strip())
        if _section_after_label(region, i) and top.section is None:
            top.section = s.strip()
        elif not _field(s, top):
            top.masthead.setdefault("other", []).append(s.strip())
    if top.paper:
        top.masthead["paper"] = top.paper
    if top.front and top.number is None:
        top.number = 1
    return top


def _section_after_label(lines: list[tuple[int, str]], i: int) -> bool:
    """Whether line i is a section's name set on its own beside the page label before it
    (第二版, then 综合 in larger type: a page PDF's header gives them as two lines)."""
    if i == 0:
        return False
    above = norm(lines[i - 1][1]).strip()
    if "版" not in above:  # no page label above (see _field)
        return False
    t = norm(lines[i][1]).strip()
    label = PAGE_LABEL.match(above)
    return bool(label and not label.group(2) and len(t) <= 6 and t != "-"
                and SECTION.fullmatch(t) and not PAPER_NAME.match(t))
