"""``paper-reader export-page DATE/PAGE --out FILE.pdf``: a page's PDF, given back as it was
imported (the page alone when it came in a PDF of the whole issue, unless --whole-file)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .commands import _check_paper, _open
from .output import CliError, say


def cmd_export_page(args: argparse.Namespace) -> int:
    from ..core.library.pdfs import page_file, pdf_of
    from ..core.safe_file import write_atomic

    date, number = args.page
    with _open(args.db, readonly=True) as lib:
        _check_paper(lib, args.paper)
        issue_id = lib.find_issue(args.paper, date)
        if issue_id is None:
            raise CliError(f"{args.paper or 'the library'} has no issue dated {date}")
        issue = lib.load_issue(issue_id)
        page = issue.page(number)
        where = f"{issue.paper} {date} 第{number}版"
        if page is None:
            raise CliError(f"{where} is not in the library (it holds pages "
                           f"{', '.join(str(p.number) for p in issue.pages)})")
        if page.pdf is None:
            raise CliError(f"{where} was imported from text: it has no PDF to export")
        data = pdf_of(page, lib)
        if data is None:
            raise CliError(f"{lib.path}: the library file is damaged (the PDF of {where} is "
                           "missing)")
    if args.whole_file:
        out, note = data, "the whole file it was imported from"
    else:
        try:
            out, count = page_file(data, page.pdf.index, where)
        except ValueError as exc:  # a stored page past its file's end: the row was changed
            raise CliError(f"{lib.path}: the library file is damaged ({exc})") from None
        note = ("the file it was imported from" if count == 1 else
                f"page {page.pdf.index + 1} of the {count}-page PDF it was imported from")
    target = Path(args.out)
    try:
        write_atomic(target, out, mode=0o644)
    except OSError as exc:
        raise CliError(f"{target}: cannot be written ({exc.strerror or exc}); nothing was "
                       "written") from None
    say(f"wrote {where} to {target} ({note}, {len(out):,} bytes)")
    return 0
