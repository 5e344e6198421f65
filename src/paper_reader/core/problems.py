"""What is wrong with an input or with the library, as a kind and the values it names.

The command line prints the English line made here; the window says the same in its own
language from the kind and the values (ui.tools.problem_text), so a kind's English here and
its text there name the same values (tests/ui/test_problem_text.py holds them in step).
"""

from __future__ import annotations

VALUE_CHARS = 1000  # of any one value: a file name or an error's text is data, and bounded

ENGLISH: dict[str, str] = {
    # a page file's text
    "too_large": "{file}: {size} MB is too large for a newspaper page (limit {limit} MB)",
    "binary": "{file}: this is a binary file, not the text of a page",
    "undecodable": "{file}: the text is neither UTF-8 nor GB18030/GBK (undecodable byte at "
                   "offset {offset})",
    "bad_declared": "{file}: the file declares {encoding} but byte {offset} is not valid",
    "empty": "{file}: the file is empty",
    # any path
    "missing": "{file}: no such file or folder",
    "unreadable": "{file}: cannot be read ({reason})",
    "denied": "{file}: cannot be read ({reason})",
    "link_loop": "{file}: cannot be read (a symbolic link loop)",
    "dangling_link": "{file}: cannot be read (a symbolic link to {target}, which does not exist)",
    "dangling": "{file}: cannot be read (a symbolic link to a file that does not exist)",
    "not_regular": "{file}: cannot be read (not a regular file)",
    "no_page_files": "{file}: the folder holds no page files ({kinds})",
    # a page PDF; {where} is "page N" or "the page" (the page's number, or "", in {page})
    "pdf_too_large": "{file}: {size} is too large for a page PDF (limit {limit})",
    "not_pdf": "{file}: this is not a PDF file (it does not begin with %PDF-)",
    "pdf_truncated": "{file}: the PDF is truncated (it does not end with %%EOF)",
    "pdf_encrypted": "{file}: the PDF is encrypted: it needs a password to open",
    "pdf_security": "{file}: the PDF is encrypted with a security scheme that cannot be opened",
    "pdf_damaged": "{file}: the PDF is damaged and cannot be read",
    "pdf_unreadable": "{file}: the PDF cannot be read ({reason})",
    "pdf_no_pages": "{file}: the PDF has no pages",
    "pdf_too_many_pages": "{file}: the PDF has {pages} pages, more than an issue can have "
                          "(limit {limit})",
    "pdf_page_damaged": "{file}: {where} is damaged and cannot be read",
    "pdf_text_damaged": "{file}: {where} is damaged: its text cannot be read",
    "pdf_no_text": "{file}: {where} has no text to read (it is a scanned image, without a "
                   "text layer)",
    "pdf_too_many_chars": "{file}: {where} has {count} characters, more than a newspaper page "
                          "can hold (limit {limit})",
    # an issue
    "cannot_parse": "{file}: cannot be parsed ({error})",
    "duplicate_page": "{files}: two pages of one issue are both {label}; only the later one "
                      "(from {later}) was kept",
    "unfiled": "{files}: says neither its paper nor its date (no masthead or running header); "
               "give it together with its issue's front page",
    "not_stored": "{files}: cannot be stored ({reason}); the other files were imported",
    # a doubt about a page that was imported (said after its file and page)
    "two_dates": "its header gives two dates, {date} and {other}; filed under {date}",
    "name_date": "its header says {date}, the name {name} says {named}; filed under {date}",
    # the library
    "busy": "{file}: the library is busy (another paper-reader is writing to it); try again",
    "disk_full": "{file}: the disk is full; nothing was changed",
    "readonly": "{file}: the library cannot be written (the file or its folder is read-only); "
                "nothing was changed",
    "cannot_open": "{file}: the library cannot be opened ({reason}); check that its folder "
                   "exists and may be written",
    "io_error": "{file}: the library could not be read or written ({reason}); nothing was changed",
    "no_memory": "{file}: out of memory; nothing was changed",
    "damaged": "{file}: the library file is damaged ({reason})",
    "open_failed": "{file}: the library cannot be opened ({reason})",
    # {thing}: "folder", "pipe", "socket", "device" or "other"; {what} its English words
    "not_a_library_file": "{file}: this is {what}, not a library file; give the path of a "
                          "library file",
    "not_regular_library": "{file}: this is not a regular file, not a library file",
    "not_ours": "{file}: this is not a paper-reader library (damaged or another kind of file)",
    "not_ours_sqlite": "{file}: this SQLite file is not a paper-reader library",
    "cut_short": "{file}: the library file is cut short ({size} of {total} bytes); it was "
                 "damaged, perhaps by an interrupted copy",
    "no_library": "{file}: no library here (a library opened read-only is never created)",
    "empty_library": "{file}: this file holds no library yet (it is empty)",
    "newer": "{file}: this library was written by a newer paper-reader (format {version}, "
             "this version reads up to {supported}); update paper-reader to open it",
    "foreign": "{file}: not opened: the library's structure is not the one paper-reader made "
               "({difference}); another program changed it, so it is left as it is",
    "uncheckpointed": "{file}: this copy is incomplete: the library's latest contents are in its "
                      "-wal file, which was not copied or cannot be read here; copy it with "
                      "`paper-reader library publish DEST` on the staff machine (or open it "
                      "there once in paper-reader and copy it again)",
    "open_readonly": "{file}: the library is open read-only",
    "rename_failed": "{file}: could not be renamed ({reason}); move it away by hand",
    # what a removal names that the library does not hold (said on its own)
    "no_paper": "no paper named {paper} in the library",
    "no_issue": "{paper} has no issue dated {date} in the library",
    "no_page": "{paper} {date} has no page {page} in the library",
}
LINE_LIMITS = {"cannot_parse": 300, "not_stored": 300}  # as the lines were always cut


class Problem:
    """One thing wrong: its English line, and its kind (a key of ENGLISH, or "" for a line
    that has none) with the values the line names. (A plain class: the command line's
    search imports this module, and typing costs its start a few milliseconds.)"""

    __slots__ = ("line", "kind", "values")

    def __init__(self, line: str, kind: str = "", values: tuple[tuple[str, str], ...] = ()) -> None:
        self.line, self.kind, self.values = line, kind, values

    def value(self, name: str) -> str:
        return dict(self.values).get(name, "")

    def _key(self) -> tuple[object, ...]:
        return (self.line, self.kind, self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.line!r}, {self.kind!r}, {self.values!r})"


def told(kind: str, **values: object) -> Problem:
    """The problem of ``kind`` naming ``values`` (each made a string, bounded)."""
    shown = {name: _bounded(str(value)) for name, value in values.items()}
    line = ENGLISH[kind].format_map(shown)
    return Problem(line[:LINE_LIMITS[kind]] if kind in LINE_LIMITS else line, kind,
                   tuple(shown.items()))


def problem_of(error: BaseException | str) -> Problem:
    """The problem an error carries (see ``Explained``), or its message as a line of no kind."""
    if isinstance(error, str):
        return Problem(error)
    found = getattr(error, "problem", None)
    return found if isinstance(found, Problem) else Problem(str(error))


def where_of(page: int | None, pages: int) -> tuple[str, str]:
    """A PDF page's ``where`` and ``page`` values: "page N" in a file of several pages."""
    return (f"page {page}", str(page)) if page is not None and pages > 1 else ("the page", "")


class Explained:
    """Mixed into an error that may carry a Problem: made from one, its message is the
    problem's line; made from a string, it has a problem of no kind."""

    problem: Problem

    def __init__(self, message: Problem | str = "") -> None:
        self.problem = message if isinstance(message, Problem) else Problem(message)
        super().__init__(self.problem.line)  # type: ignore[call-arg]


def _bounded(text: str) -> str:
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"
