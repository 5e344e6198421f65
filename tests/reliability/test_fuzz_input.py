"""Bad input, on purpose: mutated real pages through the decoder, the parser and the importer.

Nothing may escape but PageFileError (a file refused, with a message naming it), and no
line of what was read may be lost: the parser places every non-blank line once and keeps
every character (``assert_lines_conserved``), and the importer stores each page exactly as
parsed, or says why not.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.parsing.issue import group_issues
from paper_reader.core.sources.decoding import MAX_PAGE_BYTES, PageFileError, decode_bytes, read_page_file
from paper_reader.core.sources.text import pages_of_text
from paper_reader.core.sources.walk import read_pages
from tests.core.test_invariants import assert_lines_conserved

from .conftest import examples, row
from .mutations import SEEDS, mutated_bytes, mutated_text

SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def check_pages(text: str) -> list:
    """pages_of_text, and every part's lines conserved (parts as pages_of_text splits them)."""
    pages = pages_of_text(text, "page.txt")
    parts = text.split("\f")
    if len(parts) > 1:
        parts = [p for p in parts if p.strip()]
    assert len(parts) == len(pages)
    for part, page in zip(parts, pages, strict=True):
        assert_lines_conserved(part, page)
    return pages


@settings(max_examples=examples(1.0), deadline=None, suppress_health_check=SLOW_OK)
@given(mutated_text())
def test_mutated_text_parses_without_losing_a_line(case: tuple[str, str]) -> None:
    name, text = case
    r = row("Bad input", "parser: mutated real pages (text)",
            "hypothesis: the real page or a sample page with lines dropped, cut, split, doubled, "
            "joined, blocks shuffled, control/invisible characters injected, lines made up to "
            "200,000 characters long, form feeds inserted; every line must be placed once")
    try:
        check_pages(text)
    except BaseException as exc:
        r.fail(f"{name}: {type(exc).__name__}: {exc}"[:300])
        raise
    r.add("parsed, every line kept")


@settings(max_examples=examples(1.0), deadline=None, suppress_health_check=SLOW_OK)
@given(mutated_bytes())
def test_mutated_bytes_decode_or_are_refused_with_a_message(case: tuple[str, bytes]) -> None:
    name, data = case
    r = row("Bad input", "decoder + parser: mutated page files (bytes)",
            "hypothesis: the mutated text written in mixed encodings line by line (UTF-8, "
            "GB18030, GBK, UTF-16, Big5, Latin-1, Shift-JIS), with BOMs, CR/CRLF line ends, "
            "cut at any byte, garbage bytes inserted")
    try:
        text = decode_bytes(data, "page9.txt")
    except PageFileError as exc:
        if "page9.txt" not in str(exc):
            r.fail(f"message does not name the file: {exc}")
            raise AssertionError(str(exc)) from None
        r.add("refused with a message")
        return
    except BaseException as exc:
        r.fail(f"{name}: {type(exc).__name__}: {exc}"[:300])
        raise
    try:
        check_pages(text)
    except BaseException as exc:
        r.fail(f"{name}: {type(exc).__name__}: {exc}"[:300])
        raise
    r.add("decoded and parsed, every line kept")


@settings(max_examples=examples(1.0), deadline=None, suppress_health_check=SLOW_OK)
@given(st.text(max_size=2000) | st.binary(max_size=2000).map(lambda b: b.decode("latin-1")))
def test_arbitrary_text_is_parsed(text: str) -> None:
    r = row("Bad input", "parser: arbitrary text",
            "hypothesis: any Unicode text (and any bytes read as Latin-1), up to 2,000 characters")
    try:
        check_pages(text.replace("\r", "\n"))
    except BaseException as exc:
        r.fail(f"{type(exc).__name__}: {exc}"[:300])
        raise
    r.add("parsed, every line kept")


# -- the importer ---------------------------------------------------------------------------
DOCUMENTED = ("no such file", "cannot be read", "too large", "binary file", "neither UTF-8",
              "declares", "is empty", "says neither its paper nor its date",
              "two pages of one issue are both", "holds no page files")


def import_and_check(files: list[Path], lib_path: Path) -> str:
    """Import; every page stored exactly as parsed, or an error line that says why not."""
    with Library(lib_path) as lib:
        report = import_paths(lib, files)
        for err in report.errors:
            assert err and any(words in err for words in DOCUMENTED), err
        assert lib.integrity_check() == "ok"
        # What the importer should have stored: the readable files' pages, grouped as it does.
        pages = []
        for f in files:
            try:
                pages += read_pages(f)
            except PageFileError as exc:
                assert str(exc) in report.errors
        for issue in group_issues(pages):
            if not issue.paper or not issue.date:
                assert any("says neither" in e for e in report.errors)
                continue
            issue_id = lib.find_issue(issue.paper, issue.date)
            assert issue_id is not None, (issue.paper, issue.date)
            assert lib.load_issue(issue_id).to_dict() == issue.to_dict()
    if not report.errors:
        return "imported whole"
    if report.results:
        return "imported, with a message for what was not"
    return "nothing importable, said so"


@settings(max_examples=examples(0.3), deadline=None, suppress_health_check=SLOW_OK)
@given(st.lists(mutated_bytes(), min_size=1, max_size=4))
def test_importer_stores_what_it_parses_or_says_why(cases: list[tuple[str, bytes]]) -> None:
    r = row("Bad input", "importer: folders of mutated page files",
            "hypothesis: 1-4 mutated page files (as above) imported together into a new library; "
            "every page must be stored exactly as parsed, or named in a message")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "songhe-2024-03-15"
        folder.mkdir()
        files = []
        for k, (_, data) in enumerate(cases):
            f = folder / f"page{k + 1}.txt"
            f.write_bytes(data)
            files.append(f)
        try:
            outcome = import_and_check([folder], Path(tmp) / "lib.sqlite3")
        except BaseException as exc:
            r.fail(f"{type(exc).__name__}: {exc}"[:300])
            raise
    r.add(outcome)


def test_whole_sample_issue_shuffled_into_one_file(tmp_path: Path) -> None:
    """The sample issue as one form-feed file, pages in every order: the same issue."""
    import itertools

    r = row("Bad input", "importer: the sample issue as one file, pages in any order",
            "all 24 orders of the 4 sample pages joined by form feeds, each imported into a new "
            "library and compared with the issue imported from its folder")
    pages = [SEEDS[f"sample/page{k}.txt"] for k in range(1, 5)]
    with Library(tmp_path / "ref.sqlite3") as ref:
        from tests.conftest import SAMPLE

        import_paths(ref, [SAMPLE])
        want = ref.load_issue(ref.issues()[0].id).to_dict()
    for n, order in enumerate(itertools.permutations(pages)):
        f = tmp_path / f"songhe-2024-03-15-{n}.txt"
        f.write_text("\f".join(order), encoding="utf-8")
        with Library(tmp_path / f"l{n}.sqlite3") as lib:
            report = import_paths(lib, [f])
            got = lib.load_issue(lib.issues()[0].id).to_dict()
        if report.errors or got != want:
            r.fail(f"order {n}: {report.errors or 'stored issue differs'}")
            raise AssertionError(report.errors)
        r.add("same issue as from the folder")


# -- big files ------------------------------------------------------------------------------
def _big(kind: str, size: int) -> bytes:
    line = {
        "lines": "本报讯(记者 王茵)7月3日上午,市委常委会召开会议,研究部署有关工作。\n",
        "one line": "很长的一行没有换行也没有句号",
        "headings": "市委常委会召开会议\n\n",
        "parens": "(",
        "markers": "(下转第二版)\n(上接第一版)\n",
    }[kind]
    unit = line.encode()
    return unit * (size // len(unit) + 1)  # cut to size by the caller: whole lines only


@pytest.mark.parametrize("kind", ["lines", "one line", "parens",  # the slower two: long runs only
                                  pytest.param("headings", marks=pytest.mark.long),
                                  pytest.param("markers", marks=pytest.mark.long)])
def test_files_over_5_mb_are_refused_and_just_under_are_read(tmp_path: Path, kind: str) -> None:
    r = row("Bad input", "page files of 5 MB and more, and just under",
            "generated files of 5.2 MB and 4.9 MB: ordinary lines, one line without a break, "
            "headline-like blocks, a single '(' repeated, continuation markers repeated")
    over = tmp_path / "over.txt"
    over.write_bytes(_big(kind, MAX_PAGE_BYTES + 200_000))
    with pytest.raises(PageFileError, match="too large"):
        read_page_file(over)
    r.add("5.2 MB: refused with a message")
    under = tmp_path / "under.txt"
    unit = len(_big(kind, 0))
    under.write_bytes(_big(kind, 0) * ((MAX_PAGE_BYTES - 100_000) // unit))  # whole characters
    start = time.monotonic()
    try:
        text = read_page_file(under)
        check_pages(text)
    except BaseException as exc:
        r.fail(f"{kind}: 4.9 MB: {type(exc).__name__}: {exc}"[:300])
        raise
    elapsed = time.monotonic() - start
    if elapsed > 60:
        r.fail(f"{kind}: 4.9 MB took {elapsed:.0f} s to parse")
        raise AssertionError(elapsed)
    r.add("4.9 MB: parsed, every line kept")


def test_a_huge_file_in_a_folder_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    r = row("Bad input", "importer: a 6 MB file among good pages",
            "the sample issue's folder plus a 6 MB page file")
    folder = tmp_path / "songhe-2024-03-15"
    folder.mkdir()
    for f in SAMPLE.glob("*.txt"):
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "page5.txt").write_bytes(_big("lines", 6_000_000))
    with Library(tmp_path / "l.sqlite3") as lib:
        report = import_paths(lib, [folder])
    assert report.count("imported") == 4
    assert len(report.errors) == 1 and "page5.txt" in report.errors[0] and "too large" in report.errors[0]
    r.add("4 pages imported, the big one named")


def test_unreadable_paths_are_reported_not_raised(tmp_path: Path) -> None:
    r = row("Bad input", "importer: impossible paths",
            "a 10,000-character name, a name with a NUL, a missing file, a folder without pages, "
            "a FIFO, /dev/null, a library path as input")
    lib_path = tmp_path / "l.sqlite3"
    empty = tmp_path / "empty"
    empty.mkdir()
    fifo = tmp_path / "fifo.txt"
    import os

    paths: list[str] = ["x" * 10_000, "a\x00b.txt", str(tmp_path / "missing.txt"), str(empty),
                        "/dev/null", str(lib_path), "", "\udcff.txt"]
    if hasattr(os, "mkfifo"):  # reading one would wait for a writer for ever
        os.mkfifo(fifo)
        paths.append(str(fifo))
    with Library(lib_path) as lib:
        for p in paths:
            report = import_paths(lib, [p])
            assert report.errors and not report.results, (p, report.errors)
            r.add("reported, nothing imported")
    assert sqlite3.connect(lib_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
