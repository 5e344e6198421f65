"""`paper-reader search QUERY` starts lean: what it loads is listed here, and its plain
arguments are read without argparse exactly as argparse reads them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paper_reader.cli import main
from paper_reader.cli.parser import build_parser
from paper_reader.cli.quick_search import search_arguments

# The project's modules a search may load; any other is a cost every search pays.
MAY_LOAD = {
    "paper_reader", "paper_reader._version", "paper_reader.__main__", "paper_reader.cli",
    "paper_reader.cli.quick_search", "paper_reader.cli.commands", "paper_reader.cli.output",
    "paper_reader.core", "paper_reader.core.limits", "paper_reader.core.model",
    "paper_reader.core.terminal", "paper_reader.core.reading", "paper_reader.core.reading.script",
    "paper_reader.core.reading.t2s_changes", "paper_reader.core.library",
    "paper_reader.core.library.connection", "paper_reader.core.library.file",
    "paper_reader.core.library.readonly", "paper_reader.core.library.schema",
    "paper_reader.core.library.schema_rows", "paper_reader.core.library.indexed",
    "paper_reader.core.library.read", "paper_reader.core.library.records",
    "paper_reader.core.library.rows", "paper_reader.core.library.search",
    "paper_reader.core.problems",  # what the library's errors say, by kind: no imports of its own
}
# Never loaded by a search, each with why.
NEVER = {
    "argparse": "the plain arguments are read by cli.quick_search (argparse and its parser "
                "of every command cost more than the search)",
    "gettext": "argparse's messages look up catalogues",
    "dataclasses": "compiles each class's methods as it is made",
    "threading": "the library's count of open files takes _thread's lock",
    "hashlib": "loads OpenSSL",
    "logging": "only an immutable open logs",
    "platformdirs": "--db names the library",
    "PySide6": "no Qt on the command line",
    "typing": "records are collections.namedtuple, TYPE_CHECKING a plain False: typing "
              "alone cost a search 5 ms",
    "pathlib": "the library's path is read with os functions (pathlib, with fnmatch behind "
               "it, 4 ms)",
    "urllib": "the read-only file: URI is percent-encoded by readonly.file_uri itself",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "library.sqlite3"
    from tests.conftest import SAMPLE

    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    return db


def _loaded(*argv: str) -> tuple[str, set[str]]:
    probe = ("import sys, io, contextlib; from paper_reader.__main__ import main\n"
             "out = io.StringIO()\n"
             "with contextlib.redirect_stdout(out): code = main(sys.argv[1:])\n"
             "print(out.getvalue()); print(' '.join(sorted(sys.modules))); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    said, _, modules = done.stdout.rstrip("\n").rpartition("\n")
    return said, set(modules.split())


@pytest.mark.parametrize("query", ["图书馆", "Reader 图书馆"])
def test_a_search_loads_only_what_it_needs(library: Path, query: str) -> None:
    said, loaded = _loaded("search", query, "--db", str(library), "--limit", "3")
    assert "hit(s)" in said
    ours = {m for m in loaded if m == "paper_reader" or m.startswith("paper_reader.")}
    assert ours <= MAY_LOAD, sorted(ours - MAY_LOAD)
    assert "paper_reader.core.library.search" in ours  # the probe saw a real search
    for name, why in NEVER.items():
        assert not any(m == name or m.startswith(name + ".") for m in loaded), f"{name}: {why}"
    assert "opencc" not in loaded, "a query in simplified script needs no conversion"


def test_a_traditional_query_loads_opencc_and_finds_the_same(library: Path) -> None:
    simplified, _ = _loaded("search", "图书馆", "--db", str(library), "--json")
    traditional, loaded = _loaded("search", "圖書館", "--db", str(library), "--json")
    assert "opencc" in loaded
    assert traditional == simplified and '"title"' in simplified


def _as_a_program(*argv: str) -> subprocess.CompletedProcess[str]:
    """``paper-reader ARGV`` as a script runs it (``main()`` reading sys.argv)."""
    return subprocess.run([sys.executable, "-m", "paper_reader", *argv], capture_output=True,
                          text=True, timeout=60)


def test_a_search_as_a_program_ends_with_all_it_found_written(library: Path) -> None:
    """A search ends its process as soon as it has printed (leave_now): what it printed is
    all there, to a pipe as to a file, with its exit status."""
    whole = _as_a_program("search", "图书馆", "--db", str(library))
    assert whole.returncode == 0 and whole.stderr == ""
    in_process, _ = _loaded("search", "图书馆", "--db", str(library))
    assert whole.stdout.rstrip("\n") == in_process.rstrip("\n") and whole.stdout.endswith("hit(s)\n")
    as_json = _as_a_program("search", "图书馆", "--db", str(library), "--json")
    assert json.loads(as_json.stdout)[0]["title"]
    missing = _as_a_program("search", "图书馆", "--db", str(library.parent / "none.sqlite3"))
    assert missing.returncode == 1 and "no library here yet" in missing.stderr


def test_a_search_into_a_closed_pipe_ends_quietly(library: Path) -> None:
    """The reader of its output gone before it writes (``| head`` done): no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "paper_reader", "search", "书", "--db",
                             str(library)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the only reading end: every write of the search fails
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err and "Exception" not in err


def _argparse(argv: list[str]) -> dict[str, object] | None:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:
        return None
    return {k: v for k, v in vars(args).items() if k != "func"}


def _quick(argv: list[str]) -> dict[str, object] | None:
    args = search_arguments(argv)
    return None if args is None else {k: v for k, v in vars(args).items()}


@pytest.mark.parametrize("argv", [
    ["search", "图书馆"],
    ["--db", "a.sqlite3", "search", "图书馆"],
    ["--db=a.sqlite3", "search", "q", "--db", "b.sqlite3"],
    ["search", "--json", "q", "--limit", "5", "--paper", "松河日报", "--from", "2024-01-01",
     "--to=2024-12-31"],
    ["search", "q", "--limit", "٣"],  # argparse's int() takes any decimal digits
    ["search", "", "--paper="],
    ["search", "q", "--limit", "1", "--limit", "7"],
    ["search", "q", "--from", "２０２４-０３-１５"],
])
def test_the_plain_forms_read_as_argparse_reads_them(argv: list[str]) -> None:
    assert _quick(argv) is not None
    assert _quick(argv) == _argparse(argv)


@pytest.mark.parametrize("argv", [
    ["search"], ["search", "a", "b"], ["search", "q", "--lim", "3"], ["search", "q", "-h"],
    ["search", "q", "--limit", "0"], ["search", "q", "--limit", "x"], ["search", "q", "--json=1"],
    ["search", "q", "--from", "2024-02-30"], ["search", "q", "--paper"], ["search", "q", "--paper", "-x"],
    ["search", "--", "-q"], ["search", "-"], ["--version"], ["list"], ["--paper", "p", "search", "q"],
    ["search", "q", "--version"], ["search", "-5"],
])
def test_any_other_form_is_left_to_argparse(argv: list[str]) -> None:
    assert search_arguments(argv) is None


WORDS = st.sampled_from(["search", "q", "图书馆", "", "-", "--", "-h", "--json", "--json=1",
                         "--db", "--db=x", "--paper", "--paper=p", "--pap", "--limit", "--limit=3",
                         "3", "0", "-5", "--from", "--to", "2024-03-15", "2024-02-30",
                         "--from=2024-01-01", "--version", "list", "a b", "-x y"])


@given(st.lists(WORDS, max_size=8))
def test_whatever_the_quick_reading_takes_argparse_reads_the_same(argv: list[str]) -> None:
    quick = _quick(argv)
    if quick is not None:
        assert quick == _argparse(argv)
