"""Generate a many-year archive of a 4-page daily from the bundled sample issue.

Every issue is the sample issue with its dates moved: the masthead and running headers
carry the issue's own date and weekday, the serial (总第N期) counts up one per day, and
every date mentioned in the text moves by the same number of days, so "3月14日" (the day
before the sample issue) becomes the day before each issue. The first date mentioned in
the body of each page is written as the issue's own full date (e.g. 2014年1月1日), so
every page of every issue holds a sentence that names its day and search results differ
from issue to issue. The lunar-date line of the masthead is left as printed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "resources" / "sample" / "songhe-2024-03-15"
SAMPLE_DATE = dt.date(2024, 3, 15)
SAMPLE_SERIAL = 9127
FIRST_DATE = dt.date(2014, 1, 1)
PAPER_SLUG = "songhe"

WEEKDAYS = "一二三四五六日"
FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(\s*[(（]?\s*)(星期[一二三四五六日天])?")
SHORT_DATE = re.compile(r"(?<![年\d])(\d{1,2})月(\d{1,2})日")
YEAR = re.compile(r"(\d{4})年(?!\d{1,2}月)")
SERIAL = re.compile(r"总第(\d+)期")
BODY_MIN_CHARS = 40  # masthead and header lines are shorter; body paragraphs are longer


def sample_pages() -> list[tuple[str, str]]:
    """(file name, text) of the sample issue's pages, in page order."""
    files = sorted(SAMPLE_DIR.glob("page*.txt"))
    if not files:
        raise FileNotFoundError(f"{SAMPLE_DIR}: the sample issue's page files are missing")
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def weekday(day: dt.date) -> str:
    return "星期" + WEEKDAYS[day.weekday()]


def serial_for(day: dt.date) -> int:
    """The serial the sample's numbering gives this day (one issue a day)."""
    return SAMPLE_SERIAL + (day - SAMPLE_DATE).days


def rewrite_page(text: str, day: dt.date) -> str:
    """The sample page as it would read in the issue of ``day``."""
    shift = day - SAMPLE_DATE

    def full(m: re.Match[str]) -> str:
        moved = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + shift
        out = cn_date(moved) + m.group(4)
        if m.group(5):
            out += weekday(moved)
        return out

    def short(m: re.Match[str]) -> str:
        moved = dt.date(SAMPLE_DATE.year, int(m.group(1)), int(m.group(2))) + shift
        return f"{moved.month}月{moved.day}日"

    def year(m: re.Match[str]) -> str:
        return f"{int(m.group(1)) + day.year - SAMPLE_DATE.year}年"

    def serial(m: re.Match[str]) -> str:
        return f"总第{int(m.group(1)) + (day - SAMPLE_DATE).days}期"

    lines = text.split("\n")
    dated_body = False
    for i, line in enumerate(lines):
        is_body = len(line.strip()) > BODY_MIN_CHARS
        if is_body and not dated_body and (m := SHORT_DATE.search(line)):
            # The first body date of the page becomes the issue's own full date.
            line = line[: m.start()] + "\0" + line[m.end():]
            dated_body = True
        line = FULL_DATE.sub(full, line)
        line = SHORT_DATE.sub(short, line)
        line = YEAR.sub(year, line)
        line = SERIAL.sub(serial, line)
        lines[i] = line.replace("\0", cn_date(day))
    return "\n".join(lines)


def issue_dates(count: int, first: dt.date = FIRST_DATE) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range(count)]


def write_archive(root: Path, count: int, first: dt.date = FIRST_DATE) -> list[Path]:
    """Write ``count`` daily issues under ``root``, one folder of page files per issue."""
    pages = sample_pages()
    root.mkdir(parents=True, exist_ok=True)
    folders = []
    for day in issue_dates(count, first):
        folder = root / f"{PAPER_SLUG}-{day.isoformat()}"
        folder.mkdir(exist_ok=True)
        for name, text in pages:
            (folder / name).write_text(rewrite_page(text, day), encoding="utf-8")
        folders.append(folder)
    return folders


def archive_bytes(folders: list[Path]) -> int:
    return sum(f.stat().st_size for folder in folders for f in folder.iterdir())
