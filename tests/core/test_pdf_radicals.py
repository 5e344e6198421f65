"""Text cleaning for page PDFs: radical code points back to ideographs, nothing else folded."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from paper_reader.core.sources import radicals_table
from paper_reader.core.sources.pdf_document import open_pdf
from paper_reader.core.sources.radicals import (
    SIMPLIFIED_OVERRIDES,
    clean_text,
    is_radical,
    table,
    unify_char,
)
from tests.core.test_pdf_samples import SANS, needs_fonts

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "packaging" / "unicode" / "make_radicals_table.py"


def test_the_table_agrees_with_every_compatibility_decomposition() -> None:
    checked = 0
    for code in [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]:
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded != chr(code):
            checked += 1
            assert radicals_table.EQUIVALENT_IDEOGRAPH[code] == ord(folded), hex(code)
    assert checked == 216  # all 214 Kangxi radicals, ⺟ and ⻳
    assert len(radicals_table.EQUIVALENT_IDEOGRAPH) == 328
    assert all(is_radical(c) for c in radicals_table.EQUIVALENT_IDEOGRAPH)
    assert radicals_table.UNICODE_VERSION == "17.0.0"


@pytest.mark.parametrize("radical, simplified, traditional", [
    ("⽇", "日", "日"), ("⻝", "食", "食"), ("⼾", "户", "戶"), ("⺕", "彐", "𫜹"),
    ("⻓", "长", "长"), ("⻔", "门", "门"), ("⻋", "车", "车"), ("⻅", "见", "见"),
    ("⾨", "門", "門"), ("⼈", "人", "人"), ("⺠", "民", "民"), ("⻰", "龙", "龙"),
])
def test_radicals_read_as_the_ideograph_the_page_shows(radical: str, simplified: str,
                                                       traditional: str) -> None:
    assert unify_char(radical) == simplified
    assert unify_char(radical, simplified=False) == traditional


def test_the_overrides_are_radicals_to_unified_ideographs() -> None:
    for code, target in SIMPLIFIED_OVERRIDES.items():
        assert is_radical(code) and code in radicals_table.EQUIVALENT_IDEOGRAPH
        assert unicodedata.name(chr(target)).startswith("CJK UNIFIED IDEOGRAPH")
        assert radicals_table.EQUIVALENT_IDEOGRAPH[code] != target
    assert table()[0x2F3E] == 0x6237 and table(simplified=False)[0x2F3E] == 0x6236


def test_cleaning_keeps_everything_but_the_radicals() -> None:
    kept = ("本报讯(记者 王茵)7月3日上午,“双升”。!?:;、《人民日报》"
            "２０２４ＡＢＣ ,.:;() A-1 ﬁ ㈠ ① \ufa19 \u3000 ｶ 丶")  # \ufa19: a compatibility 神
    assert unicodedata.normalize("NFKC", kept) != kept  # what NFKC would have changed
    cleaned = clean_text(kept)
    assert cleaned.text == kept and cleaned.radicals == 0 and cleaned.private_use == 0
    mixed = clean_text("今⽇⼾外⻝品,“⻓⻔”。")
    assert mixed.text == "今日户外食品,“长门”。" and mixed.radicals == 5
    assert len(mixed.text) == len("今⽇⼾外⻝品,“⻓⻔”。")  # one for one: every box stays


def test_private_use_characters_are_kept_and_counted() -> None:
    text = "第\ue000版\U000f0001\U00100002\uf8ff"
    cleaned = clean_text(text)
    assert cleaned.text == text and cleaned.private_use == 4


def test_unassigned_radical_code_points_are_left_alone() -> None:
    for code in (0x2E80, 0x2E9A, 0x2EF4, 0x2FD6, 0x2FDF):  # no ideograph to map to
        assert clean_text(chr(code)).text == chr(code) and clean_text(chr(code)).radicals == 0


QT_SCRIPT = """
import sys
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageSize, QPainter, QPdfWriter
app = QGuiApplication(sys.argv)
QFontDatabase.addApplicationFont(sys.argv[2])
writer = QPdfWriter(sys.argv[1])
writer.setPageSize(QPageSize(QSizeF(210, 297), QPageSize.Unit.Millimeter))
writer.setResolution(72)
writer.setPageMargins(QMarginsF(0, 0, 0, 0))
painter = QPainter(writer)
font = QFont("Noto Sans CJK SC")
font.setPixelSize(12)
painter.setFont(font)
painter.drawText(50, 100, sys.argv[3])
painter.end()
"""
QT_TEXT = "今日户外食品安全长门车见月人一工,“引号”。"


@needs_fonts
def test_a_pdf_written_by_qt_reads_back_as_set(tmp_path: Path) -> None:
    path = tmp_path / "qt.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", QT_SCRIPT, str(path), str(SANS), QT_TEXT],
                   check=True, env=env, timeout=120)
    with open_pdf(path) as doc:
        raw = "".join(c.char for c in doc.read_page(1).chars)
    assert len(raw) == len(QT_TEXT)
    assert sum(is_radical(ord(c)) for c in raw) >= 8  # Qt's writer put radicals in the text layer
    cleaned = clean_text(raw)
    assert cleaned.text == QT_TEXT and cleaned.radicals >= 8


def test_the_generator_refuses_data_that_contradicts_the_decompositions(tmp_path: Path) -> None:
    header = "# EquivalentUnifiedIdeograph-99.0.0.txt\n# Date: 2099-01-01\n"
    good = tmp_path / "good.txt"
    good.write_text(header + "2F00 ; 4E00 # KANGXI RADICAL ONE\n2E8C..2E8D ; 5C0F\n"
                    + "".join(f"{c:04X} ; {ord(unicodedata.normalize('NFKC', chr(c))):04X}\n"
                              for c in range(0x2F01, 0x2FD6)) + "2E9F ; 6BCD\n2EF3 ; 9F9F\n",
                    encoding="utf-8")
    out = tmp_path / "table.py"
    subprocess.run([sys.executable, str(GENERATOR), str(good), str(out)], check=True,
                   capture_output=True)
    namespace: dict[str, object] = {}
    exec(out.read_text(encoding="utf-8"), namespace)  # noqa: S102 - the file just written
    assert namespace["UNICODE_VERSION"] == "99.0.0"
    assert namespace["EQUIVALENT_IDEOGRAPH"][0x2E8D] == 0x5C0F  # type: ignore[index]
    bad = tmp_path / "bad.txt"
    bad.write_text(good.read_text(encoding="utf-8").replace("2F00 ; 4E00", "2F00 ; 4E8C"),
                   encoding="utf-8")
    failed = subprocess.run([sys.executable, str(GENERATOR), str(bad), str(tmp_path / "x.py")],
                            capture_output=True, text=True)
    assert failed.returncode != 0 and "U+2F00" in failed.stderr
    assert not (tmp_path / "x.py").exists()
