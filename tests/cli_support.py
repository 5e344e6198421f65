"""What the command-line tests share: running ``main`` as a shell would, and a library of
the sample issue."""

from __future__ import annotations

from pathlib import Path

from paper_reader.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Exit code, stdout and stderr of one command."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def sample_library(folder: Path, sample_dir: Path, capsys) -> str:  # type: ignore[no-untyped-def]
    """A library at ``folder``/lib.sqlite3 holding the sample issue; what the import said is dropped."""
    path = str(folder / "lib.sqlite3")
    assert main(["import", str(sample_dir), "--db", path]) == 0
    capsys.readouterr()
    return path
