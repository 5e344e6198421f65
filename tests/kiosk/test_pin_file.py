"""The kiosk's PIN file and lockout on disk: written whole, never through a symbolic link,
readable by its owner (and group) only; the lockout survives a restart. The other small
files the app writes (script and theme caches, PDF export) go through the same helper."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from paper_reader.cli import main
from paper_reader.core import safe_file
from paper_reader.kiosk.config import load_config
from paper_reader.kiosk.pin import MIN_ITERATIONS, PinGate, hash_pin, lockout_file, verify_pin

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes are POSIX")


def feed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    replies = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))


def victim(tmp_path: Path) -> Path:
    """A file elsewhere that a planted link points at: it must keep its text and mode."""
    other = tmp_path / "elsewhere"
    other.mkdir()
    path = other / "precious.txt"
    path.write_text("keep me\n", encoding="utf-8")
    path.chmod(0o644)
    return path


def unchanged(path: Path) -> bool:
    return path.read_text(encoding="utf-8") == "keep me\n" and stat.S_IMODE(path.stat().st_mode) == 0o644


@posix_only
def test_set_pin_never_follows_a_link_at_a_temporary_name(monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    config = folder / "kiosk.ini"
    config.write_text("[kiosk]\ntheme = dark\n", encoding="utf-8")
    config.chmod(0o644)
    target = victim(tmp_path)
    (folder / ".kiosk.ini.tmp").symlink_to(target)  # where the old code wrote, O_TRUNC and chmod
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin", "--config", str(config)]) == 0
    assert unchanged(target)
    assert not config.is_symlink() and config.is_file()
    assert verify_pin("246813", load_config(config, system=tmp_path / "none.ini").admin_pin)
    assert "theme = dark" in config.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == [".kiosk.ini.tmp", "kiosk.ini"]  # no leftovers


@posix_only
def test_set_pin_refuses_a_config_that_is_a_link(monkeypatch, capsys, tmp_path: Path) -> None:
    target = victim(tmp_path)
    config = tmp_path / "kiosk.ini"
    config.symlink_to(target)
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin", "--config", str(config)]) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert unchanged(target) and config.is_symlink()
    with pytest.raises(OSError, match="symbolic link"):  # the writer itself refuses too
        safe_file.write_atomic(config, b"x")
    assert unchanged(target)


@posix_only
def test_the_hash_is_readable_by_owner_and_group_only(monkeypatch, capsys, tmp_path: Path) -> None:
    fresh = tmp_path / "new.ini"
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin", "--config", str(fresh)]) == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    copied = tmp_path / "kiosk.ini"  # as `cp kiosk.ini /etc/paper-reader/` leaves it
    copied.write_text("[kiosk]\n", encoding="utf-8")
    copied.chmod(0o644)
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin", "--config", str(copied)]) == 0
    assert stat.S_IMODE(copied.stat().st_mode) == 0o640  # no longer for every user
    import grp

    others = [g for g in (grp.getgrall() if os.geteuid() == 0 else []) if g.gr_gid != os.getegid()]
    others += [grp.getgrgid(g) for g in os.getgroups() if g != os.getegid()]
    if others:  # the kiosk user's group may read it, nobody else
        group = others[0]
        feed(monkeypatch, "246813", "246813")
        assert main(["kiosk", "set-pin", "--config", str(fresh), "--group", group.gr_name]) == 0
        st = fresh.stat()
        assert stat.S_IMODE(st.st_mode) == 0o640 and st.st_gid == group.gr_gid
        feed(monkeypatch, "135799", "135799")  # set again: the group is kept
        assert main(["kiosk", "set-pin", "--config", str(fresh)]) == 0
        st = fresh.stat()
        assert stat.S_IMODE(st.st_mode) == 0o640 and st.st_gid == group.gr_gid
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin", "--config", str(fresh), "--group", "no-such-group-here"]) == 1
    assert "no group named" in capsys.readouterr().err


@posix_only
def test_the_temporary_file_is_new_private_and_flushed(monkeypatch, tmp_path: Path) -> None:
    opened: list[tuple[str, int, int]] = []
    synced: list[int] = []
    real_open, real_fsync = os.open, os.fsync

    def record_open(path, flags, mode=0o777, *a, **k):  # type: ignore[no-untyped-def]
        opened.append((str(path), flags, mode))
        return real_open(path, flags, mode, *a, **k)

    def record_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "open", record_open)
    monkeypatch.setattr(os, "fsync", record_fsync)
    path = tmp_path / "kiosk.ini"
    safe_file.write_atomic(path, b"[kiosk]\n", 0o640)
    tmp_path_, flags, mode = next(o for o in opened if o[0].endswith(".tmp"))
    assert flags & os.O_EXCL and flags & os.O_CREAT and flags & os.O_NOFOLLOW and not flags & os.O_TRUNC
    assert mode == 0o600 and Path(tmp_path_).parent == tmp_path
    assert any(o[0] == str(tmp_path) and o[1] & os.O_DIRECTORY for o in opened)  # the folder, after
    assert len(synced) == 2  # the file's data, then the folder's rename
    assert path.read_bytes() == b"[kiosk]\n" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.ini"
    path.write_bytes(b"old")

    def full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError, match="No space"):
        safe_file.write_atomic(path, b"new")
    monkeypatch.undo()
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["kiosk.ini"]


@posix_only
def test_caches_and_pdf_temporaries_never_follow_a_planted_link(tmp_path: Path) -> None:
    """The same kind of write elsewhere: the script cache and the theme cache wrote a fixed
    ``.tmp`` name beside their file, and the PDF export its ``.NAME.part``."""
    from paper_reader.core.reading.script import ScriptConverter

    target = victim(tmp_path)
    cache = tmp_path / "cache" / "converted.json"
    cache.parent.mkdir()
    cache.with_suffix(".tmp").symlink_to(target)
    converter = ScriptConverter()
    converter.convert("图书馆", "traditional")
    converter.save(cache)
    assert unchanged(target) and "圖書館" in cache.read_text(encoding="utf-8")
    cache.unlink()
    cache.symlink_to(target)  # the cache itself a link: not written through
    converter.save(cache)
    assert unchanged(target)
    part = safe_file.fresh_file(tmp_path / "article.pdf", ".part")
    assert part.is_file() and not part.is_symlink() and part.name.startswith(".article.pdf.")
    assert part != safe_file.fresh_file(tmp_path / "article.pdf", ".part")  # unguessable, new each time


def test_theme_cache_is_written_safely(qapp, tmp_path: Path) -> None:
    from paper_reader.core.paths import cache_dir
    from paper_reader.ui.shell import theme

    folder = cache_dir()
    folder.mkdir(parents=True)
    target = victim(tmp_path)
    name = f"theme-{theme.FORMAT}-{theme._package_key()}-light"
    if os.name == "posix":
        (folder / f"{name}.tmp").symlink_to(target)
    theme.theme_assets("light")
    assert unchanged(target)
    assert json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))["qss"]


# -- the lockout -------------------------------------------------------------------------------
class Clocks:
    """A monotonic clock that starts again at a restart, and the time of day that goes on."""

    def __init__(self) -> None:
        self.mono, self.day = 50.0, 1_700_000_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.day += seconds

    def restart(self) -> None:
        self.mono = 3.0  # a new process, or a reboot


def gate(stored: str, clocks: Clocks, state: Path) -> PinGate:
    return PinGate(stored, clock=lambda: clocks.mono, state=state, wall=lambda: clocks.day)


def test_the_lockout_survives_a_restart(tmp_path: Path) -> None:
    stored = hash_pin("246813", iterations=MIN_ITERATIONS)
    clocks, state = Clocks(), lockout_file()
    first = gate(stored, clocks, state)
    for _ in range(3):
        assert not first.attempt("000000").ok
    assert first.wait() == 30
    clocks.advance(5)
    clocks.restart()
    again = gate(stored, clocks, state)  # the kiosk started afresh
    assert again.failures == 3 and again.wait() == pytest.approx(25)
    refused = again.attempt("246813")
    assert not refused.ok and not refused.checked  # still locked: not even the right PIN
    clocks.advance(25)
    assert not again.attempt("111111").ok and again.wait() == 60  # the count went on: doubled
    clocks.advance(60)
    clocks.restart()
    third = gate(stored, clocks, state)
    assert third.attempt("246813").ok and third.failures == 0
    assert gate(stored, clocks, state).failures == 0  # the right PIN cleared the file too
    if os.name == "posix":
        assert stat.S_IMODE(state.stat().st_mode) == 0o600


def test_a_clock_set_back_or_a_damaged_lockout_file_never_locks_for_ever(tmp_path: Path) -> None:
    stored = hash_pin("246813", iterations=MIN_ITERATIONS)
    clocks, state = Clocks(), tmp_path / "state" / "kiosk-pin.json"
    state.parent.mkdir()
    state.write_text(json.dumps({"failures": 99, "locked_until": clocks.day + 10**9}), encoding="utf-8")
    assert gate(stored, clocks, state).wait() <= 3600  # at most the longest wait
    state.write_text("{not json", encoding="utf-8")
    damaged = gate(stored, clocks, state)
    assert damaged.wait() == 0 and damaged.attempt("246813").ok  # the right PIN still works
    state.write_text("{not json", encoding="utf-8")
    damaged = gate(stored, clocks, state)
    assert not damaged.attempt("000000").ok and damaged.wait() > 0  # but no free guesses left


@posix_only
def test_the_lockout_file_is_not_written_through_a_link(tmp_path: Path) -> None:
    stored = hash_pin("246813", iterations=MIN_ITERATIONS)
    target = victim(tmp_path)
    state = tmp_path / "state" / "kiosk-pin.json"
    state.parent.mkdir()
    state.symlink_to(target)
    g = gate(stored, Clocks(), state)
    assert not g.attempt("000000").ok
    assert unchanged(target)


@posix_only
def test_kiosk_check_warns_of_a_pin_hash_every_user_can_read(capsys, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.ini"
    config.write_text(f"[kiosk]\nadmin_pin = {hash_pin('246813', iterations=MIN_ITERATIONS)}\n",
                      encoding="utf-8")
    config.chmod(0o644)
    assert main(["kiosk", "check", "--config", str(config)]) == 0
    assert "readable by every user" in capsys.readouterr().err
    config.chmod(0o640)
    assert main(["kiosk", "check", "--config", str(config)]) == 0
    assert "readable by every user" not in capsys.readouterr().err
