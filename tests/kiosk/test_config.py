"""The kiosk's configuration file, its PIN and `paper-reader kiosk set-pin`: no Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.kiosk import config as kiosk_config
from paper_reader.kiosk.config import KEYS, KioskConfig, KioskConfigError, load_config, with_pin
from paper_reader.kiosk.pin import (
    PinFormatError,
    PinGate,
    hash_pin,
    parse_hash,
    verify_pin,
)

from .conftest import PIN, PIN_HASH, FakeClock

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "packaging" / "kiosk" / "kiosk.ini"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- loading ----------------------------------------------------------------------------------
def test_defaults_without_any_file(tmp_path: Path) -> None:
    config = load_config(None, system=tmp_path / "none.ini")
    assert config == KioskConfig()
    assert (config.idle_timeout, config.countdown) == (180, 20)
    assert (config.script, config.theme) == ("original", "light")
    assert config.papers == () and config.library is None and not config.printing and config.admin_pin == ""
    assert config.files == ()


def test_system_file_then_config_over_it(tmp_path: Path) -> None:
    system = write(tmp_path / "system.ini", "[kiosk]\nidle_timeout = 300\ntheme = dark\n"
                   "papers = 松河日报，辽源日报 , 松河日报\nlibrary = lib/library.sqlite3\n")
    mine = write(tmp_path / "mine.ini", "[kiosk]\ntheme = light\nscript = hongkong\ntext_size = 18\n"
                 "printing = yes\nprinter = Reading Room\n")
    config = load_config(mine, system=system)
    assert config.idle_timeout == 300 and config.theme == "light" and config.script == "hongkong"
    assert config.papers == ("松河日报", "辽源日报")
    assert config.library == tmp_path / "lib" / "library.sqlite3"  # relative to its file
    assert config.text_size == 18 and config.printing and config.printer == "Reading Room"
    assert config.files == (system, mine)
    assert load_config(None, system=system).theme == "dark"


def test_the_example_file_documents_every_key_and_loads(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in KEYS:
        assert f"\n{key} =" in text, key
    config = load_config(EXAMPLE, system=tmp_path / "none.ini")
    assert config.library == Path("/srv/paper-reader/library.sqlite3")
    assert config.idle_timeout == 180 and not config.printing and config.admin_pin == ""


@pytest.mark.parametrize(("text", "words"), [
    ("[kiosk]\nidle_timeout = soon\n", ["idle_timeout", "'soon'", "seconds", "10 to 86400"]),
    ("[kiosk]\nidle_timeout = 2\n", ["idle_timeout", "10 to 86400"]),
    ("[kiosk]\ncountdown = nan\n", ["countdown", "5 to 300"]),
    ("[kiosk]\ntheme = blue\n", ["theme", "'blue'", "light, dark"]),
    ("[kiosk]\nscript = 繁体\n", ["script", "original, simplified, traditional, taiwan, hongkong"]),
    ("[kiosk]\ntext_size = 200\n", ["text_size", "points", "8 to 48"]),
    ("[kiosk]\nprinting = maybe\n", ["printing", "yes or no"]),
    ("[kiosk]\nidle_timout = 60\n", ["unknown key 'idle_timout'", "did you mean idle_timeout"]),
    ("[reader]\ntheme = dark\n", ["unknown section [reader]", "[kiosk]"]),
    ("[kiosk]\nadmin_pin = 1234\n", ["admin_pin", "set-pin"]),
    ("[kiosk]\nadmin_pin = pbkdf2_sha256$1000$00$00\n", ["admin_pin", "too few"]),
    ("theme = dark\n", ["not a valid INI file"]),
])
def test_bad_values_say_file_key_and_what_it_takes(tmp_path: Path, text: str, words: list[str]) -> None:
    path = write(tmp_path / "kiosk.ini", text)
    with pytest.raises(KioskConfigError) as info:
        load_config(path, system=tmp_path / "none.ini")
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message, message


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KioskConfigError, match="no such kiosk configuration file"):
        load_config(tmp_path / "missing.ini", system=tmp_path / "none.ini")


def test_the_app_knows_the_system_path_without_importing_the_loader() -> None:
    from paper_reader import app

    assert Path(app.KIOSK_SYSTEM_FILE) == kiosk_config.system_path()


# -- the PIN ------------------------------------------------------------------------------------
def test_pin_hash_form_and_check() -> None:
    stored = hash_pin("0815")
    scheme, iterations, salt, digest = stored.split("$")
    assert scheme == "pbkdf2_sha256" and int(iterations) >= 200_000
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert "0815" not in stored and stored != hash_pin("0815")  # salted
    assert verify_pin("0815", stored) and not verify_pin("0816", stored) and not verify_pin("", stored)
    assert not verify_pin("0815", "0815")
    with pytest.raises(PinFormatError):
        parse_hash("pbkdf2_sha256$abc$00$00")


def test_wrong_pins_are_rate_limited_doubling() -> None:
    clock = FakeClock()
    gate = PinGate(PIN_HASH, clock=clock)
    assert not gate.attempt("1").ok and not gate.attempt("2").ok and gate.wait() == 0
    third = gate.attempt("3")
    assert not third.ok and third.wait == 30
    refused = gate.attempt(PIN)  # even the right PIN waits
    assert not refused.ok and not refused.checked and refused.wait == pytest.approx(30)
    clock.advance(29)
    assert not gate.attempt(PIN).ok
    clock.advance(1)
    assert gate.wait() == 0
    assert gate.attempt("4").wait == 60  # the next wrong one doubles the wait
    clock.advance(60)
    assert gate.attempt("5").wait == 120
    clock.advance(120)
    assert gate.attempt(PIN).ok and gate.failures == 0
    assert not gate.attempt("6").ok and gate.wait() == 0  # a right PIN starts the count afresh


# -- writing it: `paper-reader kiosk set-pin` ---------------------------------------------------------
def feed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    replies = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))


def test_set_pin_writes_a_hash_that_verifies(monkeypatch, capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "kiosk.ini", "# reading room 2\n[kiosk]\n# wait longer\nidle_timeout = 240\n")
    feed(monkeypatch, "975310", "975310")
    assert main(["kiosk", "set-pin", "--config", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "975310" not in text and "# reading room 2" in text and "# wait longer" in text
    config = load_config(path, system=tmp_path / "none.ini")
    assert config.idle_timeout == 240 and verify_pin("975310", config.admin_pin)
    feed(monkeypatch, "135799", "135799")  # again: replaced, not added
    assert main(["kiosk", "set-pin", "--config", str(path)]) == 0
    assert path.read_text(encoding="utf-8").count("admin_pin") == 1
    assert verify_pin("135799", load_config(path, system=tmp_path / "none.ini").admin_pin)


def test_set_pin_defaults_to_the_system_file(monkeypatch, tmp_path: Path) -> None:
    system = tmp_path / "etc" / "paper-reader" / "kiosk.ini"
    monkeypatch.setattr(kiosk_config, "system_path", lambda: system)
    feed(monkeypatch, "246813", "246813")
    assert main(["kiosk", "set-pin"]) == 0
    assert verify_pin("246813", load_config(None, system=system).admin_pin)


@pytest.mark.parametrize(("answers", "words"), [
    (("246813", "246819"), "differ"),
    (("12", "12"), "at least 6 digits"),
    (("24681", "24681"), "at least 6 digits"),  # five digits are too few
    (("abcdefgh", "abcdefgh"), "digits 0-9 only"),  # the keypad could never type it
    (("２４６８１３", "２４６８１３"), "digits 0-9 only"),
])
def test_set_pin_refuses_and_writes_nothing(monkeypatch, capsys, tmp_path: Path, answers, words) -> None:
    path = tmp_path / "kiosk.ini"
    feed(monkeypatch, *answers)
    assert main(["kiosk", "set-pin", "--config", str(path)]) == 1
    assert words in capsys.readouterr().err and not path.exists()


def test_set_pin_where_it_may_not_write(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr(kiosk_config, "writable", lambda _path: False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("asked for a PIN it cannot store"))
    assert main(["kiosk", "set-pin", "--config", str(tmp_path / "kiosk.ini")]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "sudo paper-reader kiosk set-pin" in err


def test_with_pin_keeps_the_file_around_it() -> None:
    assert with_pin("", "H") == "[kiosk]\nadmin_pin = H\n"
    assert with_pin("[kiosk]\ntheme = dark", "H") == "[kiosk]\nadmin_pin = H\ntheme = dark\n"
    assert with_pin("[kiosk]\n# admin_pin = old\nadmin_pin=old\n", "H") == \
        "[kiosk]\n# admin_pin = old\nadmin_pin = H\n"


def test_kiosk_check_prints_the_configuration(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "kiosk.ini", f"[kiosk]\npapers = 松河日报\nadmin_pin = {PIN_HASH}\n")
    assert main(["kiosk", "check", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "papers: 松河日报" in out and "admin_pin: set" in out and PIN_HASH not in out
    write(path, "[kiosk]\ntheme = blue\n")
    assert main(["kiosk", "check", "--config", str(path)]) == 1
    assert "theme" in capsys.readouterr().err
