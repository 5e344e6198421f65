"""What a page file's name says: its page (p2, page-02, 版3) and its date (2024-03-15).

For any kind of page file: the name orders a folder's files, numbers a page that does not
say its number, and dates pages that do not say their date.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..limits import iso_date, page_in_range
from ..model import Page
from ..problems import told

FILENAME_PAGE = re.compile(r"(?:^|[^a-z])(?:p|page|pg|版)[-_ ]?0*(\d{1,2})(?!\d)", re.I)
FILENAME_DATE = re.compile(r"(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})")


def page_from_name(name: str | Path) -> int | None:
    m = FILENAME_PAGE.search(Path(name).stem) if name else None
    return page_in_range(int(m.group(1))) if m else None


def fill_dates_from_name(pages: list[Page], f: Path) -> None:
    """The date in the file's (or its folder's) name, for pages that do not say theirs.

    A page that does say its date keeps it; if the name disagrees, the page says so.
    """
    for part in (f.name, f.parent.name):
        if (m := FILENAME_DATE.search(part)) and (iso := iso_date(*m.groups())):
            break
    else:
        return
    dated = any(p.date for p in pages)
    for p in pages:
        if not dated:
            p.date = iso
        elif p.date and p.date != iso:
            p.warnings.append(told("name_date", date=p.date, name=part, named=iso))
