"""Every text a user can type: arbitrary strings in every command-line argument, the search
box (both modes), import paths from the window, and --open; nothing may crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import examples, row

NASTY = st.sampled_from([
    '"', "'", "AND", "OR NOT", "NEAR(a b)", "*", "^馆", "title:馆", "a' OR 1=1 --", "'; DROP TABLE pages; --",
    "\x00", "\x01\x02", "\u202e", "\ufeff", "%s%n", "{0}", "\\", "../../etc/passwd", "-", "--db", "--help",
    "图" * 10_000, "圖書館", "馆", "(", ")", "\n", "\r\n\t", "\ud800", "🗞", "",
])
LONG = st.builds(lambda s, n: (s * n)[:10_000], st.text(min_size=1, max_size=20), st.integers(500, 10_000))
TEXT = NASTY | st.text(max_size=60) | LONG  # LONG: up to 10,000 characters of any text
HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from tests.conftest import SAMPLE

    path = tmp_path_factory.mktemp("cli") / "library.sqlite3"
    with Library(path) as lib:
        import_paths(lib, [SAMPLE])
    return path


def as_argv(text: str) -> str:
    """The string as a program gets it from the OS: no NUL, bytes that are not UTF-8 as
    surrogate escapes (\\udc80-\\udcff), as Python decodes sys.argv."""
    data = text.encode("utf-8", "surrogatepass").replace(b"\0", b"")
    return data.decode("utf-8", "surrogateescape")


def safe_name(text: str) -> str:
    """A fuzzed library name that stays inside the test's folder (one name, under 255 bytes:
    longer ones are test_too_long_db_name_is_one_line)."""
    name = "lib-" + "".join("_" if ch in "/\\" else ch for ch in as_argv(text)).replace("..", "__")
    while len(name.encode("utf-8", "surrogateescape")) > 200:
        name = name[:-1]
    return name


@settings(max_examples=examples(0.5), deadline=None, suppress_health_check=HEALTH)
@given(command=st.sampled_from(["search", "search-json", "search-filters", "parse", "import", "export",
                                "list", "db"]), text=TEXT)
@example(command="search", text="图" * 10_000)
@example(command="search-filters", text="9" * 5_000)
def test_command_line_takes_any_text(capsys, sample_db: Path, tmp_path: Path, monkeypatch, command: str,
                                     text: str) -> None:
    from paper_reader.__main__ import main

    r = row("Bad input", "command line: any text in any argument",
            "hypothesis: search queries (plain, --json, with --paper/--from/--to/--limit), parse "
            "and import paths, export --date/--paper, --db names; FTS and SQL syntax, control "
            "characters, lone surrogates, 10,000-character strings")
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    # As a terminal has them: stderr never fails on an odd character, stdout is strict UTF-8.
    err_buffer, out_buffer = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_buffer, "utf-8", "backslashreplace"))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_buffer, "utf-8", "strict"))
    text = as_argv(text)
    db = str(sample_db)
    argv = {
        "search": ["search", text, "--db", db],
        "search-json": ["search", text, "--json", "--db", db],
        "search-filters": ["search", "馆", "--paper", text, "--from", text, "--to", text, "--limit",
                           text, "--db", db],
        "parse": ["parse", text, "--json"],
        "import": ["import", text, "--db", str(tmp_path / "import.sqlite3")],
        "export": ["export", "--date", text, "--paper", text, "--db", db],
        "list": ["list", "--db", str(tmp_path / safe_name(text))],
        "db": ["import", str(tmp_path / "none.txt"), "--db", str(tmp_path / safe_name(text))],
    }[command]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help 0
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException as exc:
        r.fail(f"{command} {text[:40]!r}: {type(exc).__name__}: {exc}"[:300])
        raise
    sys.stderr.flush()
    err = err_buffer.getvalue().decode("utf-8", "replace")
    monkeypatch.undo()
    if "Traceback" in err or code not in (0, 1, 2):
        r.fail(f"{command} {text[:40]!r}: exit {code}: {err[-200:]}")
        raise AssertionError(err)
    r.add({0: "done (exit 0)", 1: "refused with a message (exit 1)", 2: "usage error (exit 2)"}[code])


def test_window_text_fields_take_any_text(qtbot, tmp_path: Path) -> None:
    from paper_reader.app import build
    from paper_reader.core.paths import default_library
    from paper_reader.core.reading.history import Location
    from paper_reader.ui.shell.session import Session
    from paper_reader.ui.shell.startup import initial_location
    from paper_reader.ui.tools.search_panel import MAX_QUERY

    parts = build(default_library())  # a first run: the sample issue
    qtbot.addWidget(parts.window)
    panel = parts.tools.search.panel()
    parts.reader.open(Location(parts.reader.issue.id, 1, 0))
    search = row("Bad input", "window: search box, any text",
                 "hypothesis: typed into the search box, searched in the library and, with "
                 "只在本文中查找, in the open article")
    imports = row("Bad input", "window: import paths, any text",
                  "hypothesis: given to the window's importer as dropped/chosen paths")
    opens = row("Bad input", "window: --open and --paper, any text",
                "hypothesis: the start-up location DATE/PAGE/ARTICLE and paper")

    @settings(max_examples=examples(0.3), deadline=None, suppress_health_check=HEALTH)
    @given(text=TEXT, in_article=st.booleans())
    def type_into_search(text: str, in_article: bool) -> None:
        try:
            panel.in_article.setChecked(in_article)
            if in_article:
                panel.query.setText(text)
                panel.run()
                parts.tools.search.step_hit(1)
            else:
                panel.query.setText(text)
                if panel.query.text()[:MAX_QUERY].strip():
                    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
                        panel.run()
                else:  # nothing to search for: the results are cleared, no search runs
                    panel.run()
                    assert panel.model.rowCount() == 0
                if panel.model.hits:
                    panel._activate(panel.model.index(0))
        except BaseException as exc:
            search.fail(f"{text[:40]!r}: {type(exc).__name__}: {exc}"[:300])
            raise
        search.add("searched, no crash")

    @settings(max_examples=examples(0.1), deadline=None, suppress_health_check=HEALTH)
    @given(text=TEXT)
    def import_path(text: str) -> None:
        try:
            with qtbot.waitSignal(parts.importer.finished, timeout=30000) as blocker:
                assert parts.importer.start([text])
            report, _ = blocker.args
            assert report.errors or report.results
            assert not parts.window.info_bar.isHidden() and parts.window.info_bar.label.text()
        except BaseException as exc:
            imports.fail(f"{text[:40]!r}: {type(exc).__name__}: {exc}"[:300])
            raise
        imports.add("reported in the window, no crash")

    @settings(max_examples=examples(0.3), deadline=None, suppress_health_check=HEALTH)
    @given(spec=TEXT | st.builds(lambda a, b, c: f"{a}/{b}/{c}", TEXT, TEXT, TEXT), paper=TEXT | st.none())
    def open_spec(spec: str, paper: str | None) -> None:
        try:
            loc = initial_location(parts.library, Session(), spec, paper)
            if loc is not None:
                parts.reader.open(loc)
        except BaseException as exc:
            opens.fail(f"{spec[:40]!r}: {type(exc).__name__}: {exc}"[:300])
            raise
        opens.add("opened something sensible, no crash")

    try:
        type_into_search()
        import_path()
        open_spec()
    finally:
        panel.wait()
        parts.library.close()


def test_too_long_db_name_is_one_line(capsys, tmp_path: Path) -> None:
    from paper_reader.__main__ import main

    code = main(["list", "--db", str(tmp_path / ("x" * 300))])
    _, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err


def test_kiosk_pin_field_takes_any_text(qtbot) -> None:
    """The kiosk's administrator PIN field (ui/kiosk_pin.py): typed text of any kind is a
    wrong PIN, never a crash; the right PIN still unlocks after all of it."""
    from paper_reader.kiosk import pin as pin_module
    from paper_reader.kiosk import pin_dialog as kiosk_pin

    r = row("Bad input", "kiosk: administrator PIN field, any text",
            "hypothesis: typed into the PIN field and submitted (the wrong-guess lockout off, "
            "PBKDF2 at its minimum 200,000 iterations)")
    gate = pin_module.PinGate(pin_module.hash_pin("2468", iterations=pin_module.MIN_ITERATIONS),
                              free=10**9)
    dialog = kiosk_pin.PinDialog(gate)
    qtbot.addWidget(dialog)

    @settings(max_examples=examples(0.05, least=8), deadline=None, suppress_health_check=HEALTH)
    @given(text=TEXT)
    def type_pin(text: str) -> None:
        try:
            dialog.pin.setText(text)
            dialog.submit()
            assert not dialog.unlocked or text == "2468"
            assert dialog.pin.text() == ""
        except BaseException as exc:
            r.fail(f"{text[:40]!r}: {type(exc).__name__}: {exc}"[:300])
            raise
        r.add("refused as a wrong PIN, no crash")

    type_pin()
    dialog.pin.setText("2468")
    dialog.submit()
    assert dialog.unlocked
