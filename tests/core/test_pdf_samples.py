"""Page PDFs whose layout is known, typeset here for the PDF tests, and checks of the typesetting.

A second producer besides Qt's writer: fpdf2, with the Noto CJK fonts embedded (subset).
``newspaper_page`` sets a front page of four articles: a heading (kicker, headline across
three columns, subtitle, byline) over a body in three columns with a photo (a grey box) and its
caption in the third, a one-column article beside it; below them an article across three
columns and a signed notice beside it. It returns every line it set, in the order a reader
reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

NOTO = Path("/usr/share/fonts/opentype/noto")
SANS, SANS_BOLD, SERIF = (NOTO / "NotoSansCJK-Regular.ttc", NOTO / "NotoSansCJK-Bold.ttc",
                          NOTO / "NotoSerifCJK-Regular.ttc")
SC = 2  # the simplified Chinese face in each collection

needs_fonts = pytest.mark.skipif(not all(p.exists() for p in (SANS, SANS_BOLD, SERIF)),
                                 reason="the Noto CJK fonts are not installed")


@dataclass
class SetLine:
    text: str
    x: float
    baseline: float
    size: float
    kind: str  # as the layout should class it
    article: int  # 0 for the page's running header
    column: int = -1  # for body text: which of the page's columns it was poured into


@dataclass
class SetPage:
    path: Path
    width: float
    height: float
    lines: list[SetLine] = field(default_factory=list)  # in reading order
    paragraphs: dict[int, list[str]] = field(default_factory=dict)  # body paragraphs per article
    titles: dict[int, str] = field(default_factory=dict)
    photo: tuple[float, float, float, float] = (0, 0, 0, 0)
    column_lefts: list[float] = field(default_factory=list)


def new_pdf(width: float = 842, height: float = 1191):  # noqa: ANN201 - fpdf.FPDF
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font("sans", "", str(SANS), collection_font_number=SC)
    pdf.add_font("sans", "B", str(SANS_BOLD), collection_font_number=SC)
    pdf.add_font("serif", "", str(SERIF), collection_font_number=SC)
    return pdf


class Setter:
    """Lines set on one fpdf2 page, recorded as they are set."""

    def __init__(self, pdf, page: SetPage) -> None:  # noqa: ANN001
        self.pdf = pdf
        self.page = page

    def line(self, text: str, x: float, baseline: float, font: str, size: float, kind: str,
             article: int, bold: bool = False, centre_in: tuple[float, float] | None = None) -> None:
        self.pdf.set_font(font, "B" if bold else "", size)
        if centre_in is not None:
            x = centre_in[0] + (centre_in[1] - centre_in[0] - self.pdf.get_string_width(text)) / 2
        self.pdf.text(x, baseline, text)
        self.page.lines.append(SetLine(text, x, baseline, size, kind, article))

    def break_lines(self, text: str, width: float, font: str, size: float,
                    indent: float) -> list[tuple[str, float]]:
        """A paragraph cut into lines of ``width``: (text, left indent) each."""
        self.pdf.set_font(font, "", size)
        out: list[tuple[str, float]] = []
        line, room = "", width - indent
        for ch in text:
            if self.pdf.get_string_width(line + ch) > room and line:
                out.append((line, width - room))
                line, room = "", width
            line += ch
        out.append((line, width - room))
        return out

    def flow(self, paragraphs: list[str], columns: list[tuple[float, float, float, float]],
             font: str, size: float, leading: float, kind: str, article: int) -> None:
        """Paragraphs poured into columns (left, right, top baseline, bottom limit) in turn."""
        col = 0
        y = columns[0][2]
        for para in paragraphs:
            for text, indent in self.break_lines(para, columns[col][1] - columns[col][0],
                                                 font, size, 2 * size):
                if y > columns[col][3]:
                    col += 1
                    if col == len(columns):
                        raise AssertionError("the text does not fit the columns")
                    y = columns[col][2]
                self.line(text, columns[col][0] + indent, y, font, size, kind, article)
                self.page.lines[-1].column = self.page.column_lefts.index(columns[col][0])
                y += leading
        self.page.paragraphs.setdefault(article, []).extend(paragraphs)


ARTICLE_1 = [
    "本报讯 3月14日上午,松河市春季农业生产动员会在市农业科技中心召开。会议要求各县区抓住"
    "有利天气,把春耕备耕的各项工作落到田间地头,确保今年粮食播种面积稳定在三万亩以上。",
    "会议指出,去年全市粮食总产量再创新高,农业科技贡献率达到百分之六十二。今年要继续推广"
    "保护性耕作和测土配方施肥,在东岭、西河两个乡镇新建高标准农田四千亩,让更多农户用上"
    "新型播种机和植保无人机。",
    "连日来,松河市农技人员深入各村,走进合作社和种植大户家中,面对面讲解良种选择、"
    "病虫害防治和农机操作要领。市农业农村局还组织了十二支服务队,分片包村开展技术指导,"
    "帮助农户解决生产中遇到的实际困难。",
    "在东岭镇前进村,种植大户赵春来正忙着检修拖拉机。他说,今年打算再流转二百亩土地,"
    "全部种上优质水稻,镇里的农技员已经来过三次,种子和化肥也都提前备好了。",
    "市农业农村局负责人介绍,全市已储备各类种子一千八百吨、化肥两万三千吨,能够满足春播"
    "需要。下一步,将加强农资市场监管,严厉打击制售假冒伪劣农资行为,保障农民用上放心种、"
    "放心肥。(下转第二版)",
]
ARTICLE_2 = [
    "本报讯 经过四个月的改造,老街菜市场日前重新开门迎客。改造后的市场新增摊位六十个,"
    "设立了农户自产自销区,地面、排水和照明全部更新。",
    "市场管理方表示,今后将每天公示主要蔬菜价格,并设立食品安全快检室,市民可以免费检测"
    "所买的蔬菜水果。不少老顾客说,市场干净亮堂了,买菜也更放心了。",
]
ARTICLE_3 = [
    "本报讯 记者从市图书馆获悉,该馆新建的少儿阅览区本周六起对外开放。阅览区面积八百平方米,"
    "藏书三万余册,设有绘本馆、亲子阅读角和科普体验区。",
    "为方便家长带孩子阅读,少儿阅览区周末延长开放至晚上八点,并将每月举办两场故事会和"
    "一场科普讲座。市民持读者证即可借阅,未办证的读者可在服务台现场办理,全程不收取费用。",
    "图书馆负责人说,近年来少年儿童读者人数逐年增加,去年借阅量达到四十一万册次。"
    "新阅览区开放后,馆内每天可多接待读者五百人次,希望更多孩子走进图书馆,爱上阅读。",
    "据了解,市图书馆今年还将在十个社区建设自助借还书点,实现通借通还,让市民在家门口就能"
    "借到书、读好书。",
]

NOTICE = ["本人不慎遗失松河市东岭镇前进村土地承包经营权证一本,编号SH2024031501,特此声明作废。"]
SIGNATURE = ["赵春来", "2024年3月15日"]


def newspaper_page(path: Path) -> SetPage:
    width, height = 842.0, 1191.0
    pdf = new_pdf(width, height)
    pdf.add_page()
    page = SetPage(path, width, height)
    s = Setter(pdf, page)
    margin, gutter, body, leading = 40.0, 14.0, 9.0, 13.5
    col_w = (width - 2 * margin - 3 * gutter) / 4
    cols = [(margin + k * (col_w + gutter), margin + k * (col_w + gutter) + col_w) for k in range(4)]
    page.column_lefts = [c[0] for c in cols]
    span3 = (cols[0][0], cols[2][1])

    s.line("松河日报 2024年3月15日 星期五 第1版", margin, 30, "sans", 7.5, "small", 0)
    s.line("为春耕备足种子化肥 为丰收打好基础", 0, 74, "sans", 13, "kicker", 1, centre_in=span3)
    s.line("松河三万亩良田开犁春播", 0, 110, "sans", 28, "headline", 1, bold=True, centre_in=span3)
    s.line("——全市春季农业生产动员会召开", 0, 136, "sans", 13, "subtitle", 1, centre_in=span3)
    s.line("本报记者 林晓", cols[0][0], 162, "sans", 9, "body", 1)
    page.titles[1] = "松河三万亩良田开犁春播"

    # article 1: its body in three columns; the third holds the photo and its caption
    photo_top, photo_bottom = 176.0, 300.0
    page.photo = (cols[2][0], photo_top, cols[2][1], photo_bottom)
    pdf.set_fill_color(185)
    pdf.rect(cols[2][0], photo_top, col_w, photo_bottom - photo_top, style="F")
    top, limit = 188.0, 520.0
    caption = "3月14日,农技人员在东岭镇前进村指导春耕。图为新型播种机下地作业。本报记者 周明 摄"
    cap_y = photo_bottom + 12
    caption_set = []
    for text, _ in s.break_lines(caption, col_w, "sans", 8, 0):
        s.line(text, cols[2][0], cap_y, "sans", 8, "caption", 1)
        caption_set.append(page.lines.pop())
        cap_y += 11.5
    s.flow(ARTICLE_1, [(cols[0][0], cols[0][1], top, 300), (cols[1][0], cols[1][1], top, 300),
                       (cols[2][0], cols[2][1], cap_y + 10, limit)], "serif", body, leading, "body", 1)
    col3 = next(k for k, ln in enumerate(page.lines) if ln.article == 1 and ln.x >= cols[2][0])
    page.lines[col3:col3] = caption_set  # read at the top of the third column

    # article 2: one column beside it
    s.line("老街菜市场改造完成", 0, 80, "sans", 16, "headline", 2, bold=True, centre_in=cols[3])
    page.titles[2] = "老街菜市场改造完成"
    s.flow(ARTICLE_2, [(cols[3][0], cols[3][1], 108, limit)], "serif", body, leading, "body", 2)

    # article 3: across three columns below; beside it, a notice signed at its foot
    s.line("市图书馆少儿阅览区周六开放", 0, 566, "sans", 20, "headline", 3, bold=True, centre_in=span3)
    page.titles[3] = "市图书馆少儿阅览区周六开放"
    s.flow(ARTICLE_3, [(c[0], c[1], 596, 677) for c in cols[:3]], "serif", body, leading, "body", 3)
    s.line("遗失声明", 0, 566, "sans", 13, "headline", 4, bold=True, centre_in=cols[3])
    page.titles[4] = "遗失声明"
    s.flow(NOTICE, [(cols[3][0], cols[3][1], 596, 677)], "serif", body, leading, "body", 4)
    y = page.lines[-1].baseline + leading
    for text in SIGNATURE:
        pdf.set_font("serif", "", body)
        s.line(text, cols[3][1] - pdf.get_string_width(text), y, "serif", body, "body", 4)
        y += leading
    pdf.output(str(path))
    return page


@pytest.fixture(scope="session")
def front_page(tmp_path_factory: pytest.TempPathFactory) -> SetPage:
    if not all(p.exists() for p in (SANS, SANS_BOLD, SERIF)):
        pytest.skip("the Noto CJK fonts are not installed")
    return newspaper_page(tmp_path_factory.mktemp("pdf") / "front.pdf")


@needs_fonts
def test_the_front_page_sets_every_article_in_its_columns(front_page: SetPage) -> None:
    assert front_page.path.read_bytes().startswith(b"%PDF-")
    assert {ln.article for ln in front_page.lines} == {0, 1, 2, 3, 4}
    columns = {a: {ln.column for ln in front_page.lines if ln.article == a and ln.column >= 0}
               for a in (1, 2, 3, 4)}
    assert columns == {1: {0, 1, 2}, 2: {3}, 3: {0, 1, 2}, 4: {3}}


SIDE_A = ["本报讯 东岭镇今年新修乡村公路十二公里,连通了五个村子。村民们说,路修好了,"
          "山里的果子运得出去,城里的客人也走得进来。", "镇里还在路边种了两千棵树,"
          "明年春天就能看到一条绿色的长廊。"]
SIDE_B = ["本报讯 西河水库除险加固工程日前通过验收。工程历时一年半,加固大坝八百米,"
          "新建泄洪闸一座。", "水库管理处表示,今年汛期将实行二十四小时值守,确保下游群众安全。"]


def side_by_side_page(path: Path) -> SetPage:
    """Two articles side by side, each across two columns, their headlines and columns level
    with each other: the left one is read whole before the right one."""
    width, height = 595.0, 420.0
    pdf = new_pdf(width, height)
    pdf.add_page()
    page = SetPage(path, width, height)
    s = Setter(pdf, page)
    margin, gutter = 30.0, 12.0
    col_w = (width - 2 * margin - 3 * gutter) / 4
    cols = [(margin + k * (col_w + gutter), margin + k * (col_w + gutter) + col_w) for k in range(4)]
    page.column_lefts = [c[0] for c in cols]
    for article, (title, text, first) in enumerate(
            (("东岭乡村公路通车", SIDE_A, 0), ("西河水库加固完工", SIDE_B, 2)), start=1):
        s.line(title, 0, 60, "sans", 18, "headline", article, bold=True,
               centre_in=(cols[first][0], cols[first + 1][1]))
        page.titles[article] = title
        s.flow(text, [(c[0], c[1], 90, 150) for c in cols[first:first + 2]], "serif", 9, 13,
               "body", article)
    pdf.output(str(path))
    return page


@pytest.fixture(scope="session")
def side_by_side(tmp_path_factory: pytest.TempPathFactory) -> SetPage:
    if not all(p.exists() for p in (SANS, SANS_BOLD, SERIF)):
        pytest.skip("the Noto CJK fonts are not installed")
    return side_by_side_page(tmp_path_factory.mktemp("pdf") / "side.pdf")


@needs_fonts
def test_the_side_by_side_page_sets_both_articles_across_two_columns(side_by_side: SetPage) -> None:
    columns = {a: {ln.column for ln in side_by_side.lines if ln.article == a and ln.column >= 0}
               for a in (1, 2)}
    assert all(len(c) == 2 for c in columns.values()), columns
