"""Patterns of the printed page, matched on a half-width-normalised copy of each line.

``norm`` maps full-width punctuation to half-width one character for one character, so a
match position in the normalised text is the same position in the text as published.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..limits import page_in_range
from ..model import chinese_number

_FULL = "，：（）；！？　０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
_HALF = ",:();!? 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NORM = str.maketrans(_FULL, _HALF)
_HAS_FULL = re.compile(f"[{_FULL}]")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    # str.translate is slow on CJK text; most lines need no change at all.
    return text.translate(_NORM) if _HAS_FULL.search(text) else text


NUM = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|[A-Z][0-9]{1,2})"

# (下转第二版) (下轉第3版) (转A3) at the end of a paragraph or on a line of its own.
CONTINUES_TO = re.compile(rf"\(\s*(?:下转|下轉|转|轉|转至|轉至)\s*(?:第\s*)?({NUM})\s*版?\s*\)\s*$")
# (上接第一版) at the start of a paragraph.
CONTINUED_FROM = re.compile(rf"^\s*\(\s*(?:上接|接|承)\s*(?:第\s*)?({NUM})\s*版?\s*\)\s*")

BYLINE_PREFIX = re.compile(
    r"^(?:本报讯|本報訊|本报消息|本報消息|(?:新华社|新華社|中新社|人民网)[^,()]{0,16}?(?:电|電|讯|訊))"
    r"(?:\s*\([^()]{1,40}\))?\s*"
)
ROLE = (r"(?:特约|特約|见习|見習|实习|實習|首席)?"
        r"(?:记者|記者|通讯员|通訊員|评论员|評論員|实习生|實習生|摄影|攝影)")
SOURCE = r"(?:本报|本報|新华社|新華社|中新社|《[^》]{1,15}》)"
NAME = r"[\u4e00-\u9fff·]{2,5}"
BYLINE_LINE = re.compile(
    rf"^{SOURCE}?{ROLE}(?:{NAME})?(?:\s+(?:{ROLE}\s*)?{NAME})*\s*$|^{SOURCE}{ROLE}\s*$"
)
TRAILING_BYLINE = re.compile(
    rf"(?<=[。!?”」』…])\s*\(((?:{ROLE}\s*)?{NAME}(?:[\s、]+(?:{ROLE}\s*)?{NAME}){{0,3}})\)\s*$"
)
# A caption is known by its shape, never by 图为 alone (试图为, 意图为, 地图为 are words):
# the photographer's credit at its end (… 摄, 记者 X 摄, 本报记者 X 摄影) ...
_CREDITED = (rf"(?:{SOURCE}?{ROLE}\s*{NAME}(?:\s+{NAME})*\s*"  # 本报记者 范景行 摄, 记者李响摄
             rf"|(?<=[\s(])(?:{NAME}\s+)*{NAME}\s*"  # … 张三 摄, (张三 李四摄)
             rf"|(?:{NAME}\s+)*{NAME}\s+)")  # …现场。张三 摄
CAPTION_CREDIT = re.compile(rf"{_CREDITED}(?P<verb>摄影|攝影|摄|攝)\s*\)?\s*$")
# ... or 图为 / 图: opening a clause: at the line's start, after a sentence or a space.
CAPTION_MARK = re.compile(r"(?:^|(?<=[。;!?…\s)])|(?<=[。!?][”」』]))\s*"
                          r"(?:\(\s*)?(?:图为|圖為|图片为|圖片為|(?:图|圖)\s*:)")


# CAPTION_MARK and TRAILING_BYLINE searched a whole line trying their lookbehinds at every
# character (10-20 µs a line of 图书馆). Each is tried instead only where it can start: right
# before a mark's word, or at the last bracket (a byline in brackets holds none).
_MARK_WORD = re.compile(r"图为|圖為|图片为|圖片為|(?:图|圖)\s*:")


def has_caption_mark(t: str) -> bool:
    """Whether CAPTION_MARK matches anywhere in ``t`` (a normalised line)."""
    for word in _MARK_WORD.finditer(t):
        k = word.start()
        if k and t[k - 1] == "(":  # (图为 …): the mark's optional bracket is part of it
            k -= 1
        if CAPTION_MARK.match(t, k):
            return True
    return False


def trailing_byline(t: str) -> re.Match[str] | None:
    """TRAILING_BYLINE's match in ``t`` (a normalised paragraph), the same as a search."""
    k = t.rfind("(")
    if k < 0:
        return None
    while k and t[k - 1].isspace():
        k -= 1
    return TRAILING_BYLINE.search(t, k)


DATE_LINE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
SUBTITLE = re.compile(r"^\s*(?:——|--|—)")

SENTENCE_END = set("。!?…;.")
CLOSERS = set("”’」』)】》\"'")

TAGS = {
    "新闻特写", "新聞特寫", "特写", "特寫", "记者手记", "記者手記", "编后", "編後", "编后语", "編後語",
    "短评", "短評", "述评", "述評", "图片新闻", "圖片新聞", "新闻链接", "新聞鏈接", "链接", "鏈接",
    "背景链接", "延伸阅读", "延伸閱讀", "现场直击", "現場直擊", "侧记", "側記", "新闻观察", "新聞觀察",
}
KICKER_END = re.compile(r"(?:强调|強調|指出|表示|要求|提出|寄语|寄語|时说|時說|称|稱|介绍|介紹|透露)$")

ROLE_WORDS = re.compile(rf"^{SOURCE}?{ROLE}")
COMMENTARY = re.compile(r"评论员|評論員|社论|社論|短评|短評|时评|時評|述评|述評|评论|評論|编后|編後")
FEATURE = re.compile(r"特写|特寫|手记|手記|侧记|側記|纪实|紀實|走笔|走筆|探访|探訪")
NOTICE_TITLE = re.compile(
    r"(?:公告|通告|通知|通报|通報|启事|啟事|公示|声明|聲明|倡议书|倡議書|告知书|告知書)$"
)


def page_number(token: str) -> int | None:
    """第二版 → 2, 3 → 3, A3 → 3; None past the bounds of a page number."""
    token = norm(token).strip()
    if token[:1].isalpha() and token[:1].isascii():
        token = token[1:]
    return page_in_range(chinese_number(token))


# What authors_of takes off a byline, compiled once (re's cache lookup per call cost more
# than the matching).
_NEWS_LEAD = re.compile(r"^(?:本报讯|本報訊|本报消息|本報消息)")
_CREDIT_END = re.compile(r"(?:摄|攝)\s*$")
_NAME_SEPARATORS = re.compile(r"[\s、,/]+")
_SOURCE_LEAD = re.compile(rf"^{SOURCE}")
_ROLE_LEAD = re.compile(rf"^{ROLE}")
_NAME_ONLY = re.compile(NAME)
_ROLE_ONLY = re.compile(ROLE)


# The words SOURCE and ROLE can open with: a token that opens with none is not tried.
_SOURCE_STARTS = ("本报", "本報", "新华社", "新華社", "中新社", "《")
_ROLE_STARTS = ("特约", "特約", "见习", "見習", "实习", "實習", "首席", "记者", "記者", "通讯员", "通訊員",
                "评论员", "評論員", "摄影", "攝影")


def authors_of(text: str) -> list[str]:
    """Names only, from a byline as printed: roles, sources and credits taken off.

    Each pattern is tried only where it can match (a byline has a few short tokens, and a
    regex call costs more than the tests)."""
    text = norm(text)
    if text.startswith(("本报", "本報")):
        text = _NEWS_LEAD.sub("", text)
    text = text.replace("(", " ").replace(")", " ")
    if "摄" in text or "攝" in text:
        text = _CREDIT_END.sub("", text)
    names: list[str] = []
    for token in _NAME_SEPARATORS.split(text):
        if token.startswith(_SOURCE_STARTS):
            token = _SOURCE_LEAD.sub("", token)
        if token.startswith(_ROLE_STARTS):
            token = _ROLE_LEAD.sub("", token)
        if 2 <= len(token) <= 5 and _NAME_ONLY.fullmatch(token) and not _ROLE_ONLY.fullmatch(token):
            names.append(token)
    return names


def is_open(paragraph: str) -> bool:
    """True when a paragraph stops mid-sentence, as at a column edge."""
    text = norm(paragraph).rstrip()
    if not text:
        return False
    last = text[-1]
    if last in SENTENCE_END or last in ":":
        return False
    if last in CLOSERS:
        before = text[-2:-1]
        if before in SENTENCE_END or before in CLOSERS:
            return False
        if last == ")" and (text.startswith("(") or trailing_byline(text)):
            return False
        return True
    if "年" in text and DATE_LINE.match(text):
        return False
    return True
