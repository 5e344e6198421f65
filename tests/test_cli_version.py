"""`paper-reader --version`: the installed version, and nothing loaded to say it."""

from __future__ import annotations

import subprocess
import sys


def test_the_version_is_the_installed_packages() -> None:
    from importlib.metadata import version

    import paper_reader

    assert paper_reader.__version__ == version("paper-reader")
    assert paper_reader.version_string() == f"paper-reader {version('paper-reader')}"


def test_version_loads_neither_the_commands_nor_package_metadata() -> None:
    probe = ("import sys; from paper_reader.__main__ import main; code = main(['--version']); "
             "print(sorted(m for m in sys.modules if m.startswith(('paper_reader.cli', "
             "'importlib.metadata', 'argparse', 'paper_reader.core')))); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    said, loaded = done.stdout.splitlines()
    assert said.startswith("paper-reader ") and loaded == "[]"
