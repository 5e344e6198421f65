"""Bounds on numbers that come from outside: page text, file names, library rows.

A number past its bound is not used as a number (a masthead keeps it as printed text):
one page claiming 今日1000000000000版 must not make anything build a list of that size,
and no stored number may overflow SQLite's 64-bit integers. Every reader of such numbers
(the parser, the importer, validation of rows read back) checks against these.
"""

from __future__ import annotations

MAX_PAGE = 999  # 第N版, A3, 下转第N版: the thickest dailies run to a few hundred pages
MAX_PAGE_COUNT = 999  # 今日N版
MAX_SERIAL = 10_000_000  # 总第N期: a daily since 1872 is near 50,000
MIN_YEAR, MAX_YEAR = 1800, 2199  # a page's date
MAX_NUMERAL_CHARS = 12  # longer digit or Chinese-numeral runs are not read at all


def bounded(value: int | None, limit: int, low: int = 1) -> int | None:
    """``value`` when ``low <= value <= limit``, else None."""
    if value is None or not low <= value <= limit:
        return None
    return value


def page_in_range(value: int | None) -> int | None:
    return bounded(value, MAX_PAGE)


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """yyyy-mm-dd for a real calendar day within the years a paper can bear, else None."""
    import datetime  # not at module level: the window's start-up imports this module

    try:
        y, m, d = int(year), int(month), int(day)
        if not MIN_YEAR <= y <= MAX_YEAR:
            return None
        return datetime.date(y, m, d).isoformat()
    except (ValueError, TypeError, OverflowError):
        return None
