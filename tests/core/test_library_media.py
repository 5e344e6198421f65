"""What ``--db`` may name: only a regular file (a named pipe hung list, search and export
for ever); and a library on read-only media is read by the command line and the window,
not only by the kiosk."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library, LibraryError

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = (["list"], ["export", "--json"], ["search", "图书馆"], ["import", "PAGES"],
            ["library", "publish", "DEST"])

# Runs in a child process: a hang is a timeout there, not a hung test run.
PROBE = r"""
import contextlib, io, json, os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3]) if sys.argv[3] != "-" else None
from paper_reader.__main__ import main
path, pages = sys.argv[1], sys.argv[2]
out = {}
for argv in json.loads(sys.argv[4]):
    argv = [pages if a == "PAGES" else os.path.join(os.environ["PAPER_READER_HOME"], "copy.sqlite3")
            if a == "DEST" else a for a in argv]
    said, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(err):
        code = main([*argv, "--db", path])
    out[argv[0]] = [code, said.getvalue()[:2000], err.getvalue()]
if sys.argv[5] == "window":
    from PySide6.QtWidgets import QApplication
    app = QApplication(["paper-reader"])
    from paper_reader.app import build
    from paper_reader.ui.shell.startup import open_library
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        lib = open_library(Path(path), interactive=False)
    if lib is None:
        out["window"] = err.getvalue()
    else:
        parts = build(Path(path), library=lib)
        out["window"] = [lib.readonly, parts.importer is None,
                         parts.window.actions.import_files.isEnabled(),
                         parts.window.info_bar.isVisibleTo(parts.window),
                         parts.window.info_bar.label.text(), parts.reader.issue is not None]
print(json.dumps(out))
"""


def probe(path: Path, home: Path, commands=COMMANDS, window: bool = False, code: str = "-",
          prefix: tuple[str, ...] = (), python: str = sys.executable,
          pages: Path = ROOT / "resources" / "sample" / "songhe-2024-03-15") -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "HOME": str(home), "PAPER_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(home / "xdg"), "XDG_DATA_HOME": str(home / "xdg"),
           "XDG_RUNTIME_DIR": str(home)}
    done = subprocess.run([*prefix, python, "-c", PROBE, str(path), str(pages), code, json.dumps(commands),
                           "window" if window else "-"],
                          capture_output=True, text=True, timeout=120, env=env, cwd=home)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.mark.parametrize("kind", ["named pipe", "folder", "device", "named pipe as its -wal"])
def test_only_a_regular_file_is_opened(tmp_path: Path, home: Path, sample_dir: Path, kind: str) -> None:
    path = tmp_path / "library.sqlite3"
    if kind == "named pipe":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        with Library(path) as lib:
            assert not import_paths(lib, [sample_dir]).errors
        os.mkfifo(path.with_name(path.name + "-wal"))
    said = probe(path, home, window=True)
    for argv in COMMANDS:
        code, _, err = said[argv[0]]
        assert code == 1 and len(err.strip().splitlines()) == 1, (argv, err)
        assert "not a library file" in err and "Traceback" not in err, err
    assert "not a library file" in said["window"]
    if kind == "named pipe":
        assert stat.S_ISFIFO(os.stat(path).st_mode)
    with pytest.raises(LibraryError, match="not a library file"):
        Library(path, readonly=True)


def library_in(folder: Path, sample_dir: Path) -> Path:
    path = folder / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [sample_dir]).errors
    return path


def assert_read_only_use(said: dict, path: Path, before: bytes) -> None:  # type: ignore[type-arg]
    assert said["list"][0] == 0 and "松河日报: 1 issue(s)" in said["list"][1], said["list"]
    assert said["export"][0] == 0 and '"松河日报"' in said["export"][1], said["export"]
    assert said["search"][0] == 0 and "hit(s)" in said["search"][1], said["search"]
    assert said["library"][0] == 0, said["library"]  # publish reads a read-only library too
    code, _, err = said["import"]
    assert code == 1 and "cannot be written" in err and len(err.strip().splitlines()) == 1, err
    readonly, no_importer, import_enabled, note_shown, note, issue_open = said["window"]
    assert readonly and no_importer and not import_enabled and issue_open
    assert note_shown and "只能阅读" in note and "不能导入" in note
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to become an unprivileged user")
def test_a_read_only_folder_as_an_unprivileged_user(sample_dir: Path) -> None:
    """chmod 555 on the folder, 444 on the file: no -wal or -shm can be made beside it."""
    top = Path(tempfile.mkdtemp(prefix="library-ro-"))
    try:
        folder = top / "shared"
        folder.mkdir()
        path = library_in(folder, sample_dir)
        before = path.read_bytes()
        home = top / "home"
        home.mkdir()
        # The package and OpenCC where the other user can read them, whatever the checkout's
        # permissions; the window also needs PySide6 (below).
        import opencc

        for package in (ROOT / "src" / "paper_reader", Path(opencc.__file__).parent):
            shutil.copytree(package, top / "code" / package.name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        for place in (top, home, *home.rglob("*"), top / "code", *(top / "code").rglob("*")):
            os.chmod(place, 0o777 if place in (home, top) else 0o755 if place.is_dir() else 0o644)
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        os.chmod(top, 0o755)
        pages = top / "pages"
        shutil.copytree(sample_dir, pages, ignore=shutil.ignore_patterns("pdf"))
        for place in (pages, *pages.rglob("*")):
            os.chmod(place, 0o755 if place.is_dir() else 0o644)
        drop = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
        python, prefix = sys.executable, drop
        pyside = subprocess.run([*drop, python, "-c", "import PySide6.QtWidgets"],
                                capture_output=True, timeout=60).returncode == 0
        if not pyside:
            # A checkout in a private folder (a CI clone in a mktemp folder): its venv is out of
            # the user's reach. Bind the venv where the user can reach it, in a mount namespace
            # of the test's own, so the same interpreter and PySide6 run as that user.
            venv = top / "venv"
            venv.mkdir(mode=0o755)
            inner = " ".join(shlex.quote(a) for a in (*drop, str(venv / "bin" / "python")))
            mount = f"mount --bind {shlex.quote(sys.prefix)} {shlex.quote(str(venv))} && exec {inner} \"$@\""
            # sh -c SCRIPT $0 ARGS…: "sh" stands in $0, the probe's own arguments follow.
            prefix, python = ("unshare", "-m", "sh", "-c", mount), "sh"
        said = probe(path, home, window=True, code=str(top / "code"), prefix=prefix, python=python,
                     pages=pages)
        assert_read_only_use(said, path, before)
        assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite3"]
    finally:
        os.chmod(top / "shared", 0o755)
        shutil.rmtree(top)


def _can_bind_read_only() -> bool:
    if not shutil.which("unshare") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    where = tempfile.mkdtemp(prefix="library-bind-")
    try:
        return subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind -o ro {where} {where}"],
                              capture_output=True, timeout=30).returncode == 0
    finally:
        os.rmdir(where)


@pytest.mark.skipif(not _can_bind_read_only(), reason="needs root and a private read-only bind mount")
def test_a_read_only_mount(tmp_path: Path, home: Path, sample_dir: Path) -> None:
    """Read-only media as such: even root cannot write there (EROFS)."""
    folder = tmp_path / "cd"
    folder.mkdir()
    path = library_in(folder, sample_dir)
    before = path.read_bytes()
    mount = ("unshare", "-m", "sh", "-c", f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"', "-")
    said = probe(path, home, window=True, prefix=mount)
    assert_read_only_use(said, path, before)
    assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite3"]
