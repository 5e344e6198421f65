"""Generate a many-year archive of a 4-page daily whose vocabulary grows like news.

``archive.py`` repeats the sample issue with its dates moved: a few thousand distinct
trigrams however many years it spans. A real archive keeps meeting new people, places and
figures. Here every issue keeps the sample issue's layout (masthead, running headers,
headlines, bylines, captions, the gaps between text frames and the 下转/上接 markers
between pages), and within it:

- the full sentences inside each body paragraph are drawn afresh from all the sample's
  sentences (a paragraph's first sentence and its open end stay, so a paragraph cut at a
  column edge still goes on after the gap, and a continuation still says where it goes);
  a notice keeps its own words;
- every person, place and firm the sample names gets a new name each issue, made from the
  3,755 common characters of GB 2312's first level; the paper's own reporters and editors
  come from a staff of its own and the city's leaders change every few years;
- the figures in body text take new digits of the same length (never a date, a time or a
  page reference);
- the dates move to the issue's day as ``archive.rewrite_page`` moves them.

A paper (``PAPERS``) gives the masthead's name, pinyin, CN number, e-mail, web site,
hotline and serial, and the city the news is from, so several papers can share one
library. Everything is drawn from a random generator seeded by the paper, the seed and the
day: the same arguments write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from paper_reader.core.parsing.parser import is_caption, parse_page

from .archive import SAMPLE_DATE, rewrite_page, sample_pages


@dataclass(frozen=True)
class Paper:
    slug: str  # folder names: {slug}-YYYY-MM-DD
    name: str
    city: str  # replaces 松河 wherever the sample names its city
    pinyin: str
    cn: str
    email: str
    site: str
    hotline: str
    serial: int  # 总第N期 on SAMPLE_DATE (the sample issue's day)
    first: dt.date  # the first issue


PAPERS: dict[str, Paper] = {p.slug: p for p in (
    Paper("songhe", "松河日报", "松河", "SONG HE RI BAO", "CN99-0123", "shrb_news@example.cn",
          "www.songhe.example.cn", "0999-1234567", 9127, dt.date(2014, 1, 1)),
    Paper("qingchuan", "青川日报", "青川", "QING CHUAN RI BAO", "CN98-0456", "qcrb_news@example.cn",
          "www.qingchuan.example.cn", "0998-2345678", 15410, dt.date(2004, 1, 1)),
    Paper("linjiang", "临江日报", "临江", "LIN JIANG RI BAO", "CN97-0789", "ljrb_news@example.cn",
          "www.linjiang.example.cn", "0997-3456789", 21876, dt.date(1994, 1, 1)),
)}

# The sample's people, by who they are. Staff: the paper's reporters, photographers and
# editors, drawn from the paper's own staff. Leaders: the city's, kept for five years.
STAFF = ("林晓雯 范景行 许嘉宁 韩思远 唐悦 程亮 苏静怡 高鹏 宋立 邵嘉琪 顾闻舟 冯雅 季晨 蒋一帆 "
         "白露 陆子健 钱澄 罗小溪 谢朝阳 鲁一鸣 周向阳").split()
LEADERS = "周明远 陈秋岚 韦振东 刘启明".split()
PEOPLE = ("郑文涛 骆清 方桂英 孟思琪 谭文静 何雨桐 沈可欣 柳娟 葛海涛 邵长林 吕凤兰 孔雪梅 魏振宇 "
          "汪文彬 黄若溪 孟佳琪 葛秀珍 龚小满 邹文澜 胡德顺").split()
# Places and firms: the stem is renamed, what follows it (镇, 街道, 新能源…) stays.
PLACES = {"石桥": "镇", "柳湾": "乡", "杏林": "村", "芦花": "村", "云台": "村", "西岭": "区",
          "东城": "区", "文汇": "路", "青苇": "河", "南湖": "段|街道", "禾丰": "农机", "恒远": "新能源",
          "青石": "巷", "光明": "小区", "青柳": "社区", "人民": "路|广场", "建设": "街", "福源": "斋",
          "周记": "酱园", "纺织": "厂"}
# 何阿姨, 徐大爷: a new surname each issue.
ELDERS = {"何": "阿姨", "徐": "大爷"}
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
            "顾毛郝龚邵万钱严覃武戴莫孔向汤")
# Never in a made name: characters the parser reads as a caption, byline, date or page
# marker, and those of the benchmark's words that must stay in no article.
NOT_IN_NAMES = set("摄攝图圖报報讯訊版期记者转接星年月日鲸箭航量")


def common_characters() -> list[str]:
    """GB 2312's first level: the 3,755 characters of everyday text, in pinyin order."""
    chars = []
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:  # the row's end: 0xD7FA… are unassigned
                pass
    return chars


NAME_CHARS = [c for c in common_characters() if c not in NOT_IN_NAMES]
# Characters given names favour; three names in ten take one of these.
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力林斌宇浩凯鹏飞云帆晨曦"
         "思嘉欣怡悦雨婷雪梅兰凤琳佳琪晓雯振东海峰志国庆春秋岚远航立新德顺文彬若溪子健一鸣朝阳"
         "向阳小满清澄溪闻舟雅宁涵睿泽轩博宏毅昊然诗琦颖慧婉蓉倩璐瑶茜晶莉燕荣淑珍秀兰永福寿康")
GIVEN_CHARS = [c for c in dict.fromkeys(GIVEN) if c not in NOT_IN_NAMES]

# A sentence: up to its end, with the closing quotes or brackets that follow it.
SENTENCE = re.compile(r"[^。!?!?]*[。!?!?]+[”’」』)]*")
# A figure: digits (with decimals) that are not part of a date, a time, a serial, a phone
# number or a page reference.
FIGURE = re.compile(r"(?<![\d.第:·\-A-Za-z])(\d+)(?:\.(\d+))?(?![\d年月日号时点期版届:·\-])")
BODY_MIN_CHARS = 40


def _balanced(text: str) -> bool:
    return (text.count("“") == text.count("”") and text.count("(") == text.count(")")
            and text.count("《") == text.count("》"))


def sentences_of(line: str) -> tuple[list[str], str]:
    """A paragraph's sentences, each with its quotes closed, and the open rest after them."""
    found: list[str] = []
    pending = ""
    end = 0
    for m in SENTENCE.finditer(line):
        pending += m.group(0)
        end = m.end()
        if _balanced(pending):
            found.append(pending)
            pending = ""
    rest = pending + line[end:]
    return found, rest


@dataclass
class Body:
    """A body paragraph: its first sentence and its open end stay, the middle is drawn."""

    lead: str
    middle: int
    rest: str


@dataclass
class Template:
    pages: list[tuple[str, list[str | Body]]]  # (file name, lines) in page order
    pool: list[str] = field(default_factory=list)  # every middle sentence of the sample


def is_body(line: str) -> bool:
    s = line.strip()
    return len(s) > BODY_MIN_CHARS and "。" in s and not is_caption(s)


def for_paper(text: str, paper: Paper) -> str:
    """The sample's text as the given paper prints it."""
    base = PAPERS["songhe"]
    for old, new in ((base.pinyin, paper.pinyin), (base.cn, paper.cn), (base.email, paper.email),
                     (base.site, paper.site), (base.hotline, paper.hotline),
                     (f"总第{base.serial}期", f"总第{paper.serial}期"), (base.city, paper.city)):
        text = text.replace(old, new)
    return text


def template(paper: Paper) -> Template:
    tpl = Template(pages=[])
    for name, text in sample_pages():
        text = for_paper(text, paper)
        # A notice (停水通知, 征集启事) is printed as its issuer wrote it: its lines stay.
        notices = {n for a in parse_page(text).articles if a.kind == "notice" for n in a.lines}
        lines: list[str | Body] = []
        for number, line in enumerate(text.split("\n"), start=1):
            if number in notices or not is_body(line):
                lines.append(line)
                continue
            found, rest = sentences_of(line)
            if not found:
                lines.append(line)
                continue
            lines.append(Body(found[0], len(found) - 1, rest))
            tpl.pool += found[1:]
        tpl.pages.append((name, lines))
    return tpl


def _name_pattern() -> re.Pattern[str]:
    names = sorted(STAFF + LEADERS + PEOPLE, key=len, reverse=True)
    places = [f"{stem}(?=(?:{after}))" for stem, after in {**PLACES, **ELDERS}.items()]
    return re.compile("|".join(names + places))


NAMES = _name_pattern()
# What a sentence moved into another story names afresh: its people and places.
OTHERS = re.compile("|".join(sorted(PEOPLE, key=len, reverse=True))
                    + "|" + "|".join(f"{stem}(?=(?:{after}))" for stem, after in PLACES.items()))


class Namer:
    """New names for one paper: its staff, its leaders by term, everyone else each issue."""

    STAFF_SIZE = 40  # reporters and editors of each name length on the paper at a time
    HIRED_A_YEAR = 8  # as many leave

    def __init__(self, paper: Paper, seed: int) -> None:
        self.paper = paper
        self.seed = seed
        self._members: dict[tuple[int, int], str] = {}

    def member(self, length: int, number: int) -> str:
        """The paper's staff member ``number`` (in order of hiring) among names of ``length``."""
        key = (length, number)
        if key not in self._members:
            rng = random.Random(f"{self.seed}/{self.paper.slug}/staff/{length}/{number}")
            self._members[key] = self.person(rng, length)
        return self._members[key]

    def staff(self, year: int, length: int) -> list[str]:
        first = (year - 1900) * self.HIRED_A_YEAR
        return [self.member(length, k) for k in range(first, first + self.STAFF_SIZE)]

    @staticmethod
    def person(rng: random.Random, length: int) -> str:
        given = "".join(rng.choice(GIVEN_CHARS if rng.random() < 0.3 else NAME_CHARS)
                        for _ in range(length - 1))
        return rng.choice(SURNAMES) + given

    def for_issue(self, day: dt.date, rng: random.Random) -> dict[str, str]:
        term = random.Random(f"{self.seed}/{self.paper.slug}/term/{day.year // 5}")
        names = {old: self.person(term, len(old)) for old in LEADERS}
        # a byline's name of two characters stays two, so lines keep their printed shape
        on_duty = {n: rng.sample(self.staff(day.year, n), self.STAFF_SIZE) for n in (2, 3)}
        for old in STAFF:
            names[old] = on_duty[len(old)].pop()
        for old in PEOPLE:
            names[old] = self.person(rng, len(old))
        for stem in PLACES:  # 石桥镇 may become a town of three characters: 青石岭镇
            names[stem] = "".join(rng.choice(NAME_CHARS) for _ in range(rng.choice((2, 3))))
        for surname in ELDERS:
            names[surname] = rng.choice(SURNAMES)
        return names


def _figures(text: str, rng: random.Random) -> str:
    def new(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2)
        if whole == "0":
            return m.group(0)
        digits = max(1, len(whole) + rng.choice((-1, 0, 0, 1)))  # 86 may become 7 or 143
        out = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))
        if frac is not None:
            out += "." + "".join(str(rng.randint(0, 9)) for _ in frac)
        return out

    return FIGURE.sub(new, text)


class Vocabulary:
    """Distinct characters and trigrams of the text written, line by line."""

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.trigrams: set[str] = set()
        self.bytes = 0

    def add(self, text: str) -> None:
        self.bytes += len(text.encode("utf-8"))
        self.chars.update(text)
        tri = self.trigrams
        for line in text.split("\n"):
            tri.update([line[i:i + 3] for i in range(len(line) - 2)])

    def summary(self) -> dict[str, int]:
        self.chars.discard("\n")
        return {"chars": len(self.chars), "trigrams": len(self.trigrams), "bytes": self.bytes}


def issue_pages(tpl: Template, namer: Namer, day: dt.date) -> list[tuple[str, str]]:
    """(file name, text) of each page of the paper's issue of ``day``."""
    rng = random.Random(f"{namer.seed}/{namer.paper.slug}/{day.isoformat()}")
    names = namer.for_issue(day, rng)
    rename = NAMES.sub

    def renamed(m: re.Match[str]) -> str:
        return names[m.group(0)]

    pool = tpl.pool
    person = namer.person

    def someone(m: re.Match[str]) -> str:
        old = m.group(0)
        if old in PLACES:
            return "".join(rng.choice(NAME_CHARS) for _ in range(rng.choice((2, 3))))
        return person(rng, len(old))

    def drawn() -> str:
        # A sentence moved into another story is about other people and places.
        sentence = rng.choice(pool)
        return OTHERS.sub(someone, sentence) if OTHERS.search(sentence) else sentence

    out = []
    for file_name, lines in tpl.pages:
        text_lines = []
        for line in lines:
            if isinstance(line, Body):
                line = _figures(line.lead + "".join(drawn() for _ in range(line.middle)) + line.rest, rng)
            text_lines.append(line)
        text = rename(renamed, "\n".join(text_lines))
        out.append((file_name, rewrite_page(text, day)))
    return out


def write_paper(root: Path, paper: Paper | str, count: int, seed: int = 0,
                vocabulary: Vocabulary | None = None, first: dt.date | None = None) -> list[Path]:
    """Write ``count`` daily issues of ``paper`` under ``root``, one folder of page files each."""
    paper = PAPERS[paper] if isinstance(paper, str) else paper
    tpl = template(paper)
    namer = Namer(paper, seed)
    root.mkdir(parents=True, exist_ok=True)
    start = first or paper.first
    folders = []
    for k in range(count):
        day = start + dt.timedelta(days=k)
        folder = root / f"{paper.slug}-{day.isoformat()}"
        folder.mkdir(exist_ok=True)
        for name, text in issue_pages(tpl, namer, day):
            (folder / name).write_bytes(text.encode("utf-8"))
            if vocabulary is not None:
                vocabulary.add(text)
        folders.append(folder)
    return folders


__all__ = ["PAPERS", "Paper", "Vocabulary", "write_paper", "issue_pages", "template", "Namer",
           "SAMPLE_DATE"]
