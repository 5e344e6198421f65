"""Folding for search without OpenCC where OpenCC would change nothing.

Until OpenCC is loaded, ``fold`` does not load it for a short text that holds none of the
characters its t2s conversion can change (core.reading.t2s_changes): the result must be
OpenCC's, character for character, on every text. The table is made from the installed
OpenCC's own dictionaries; this test makes it again and fails when they have changed. To write it anew:
``.venv/bin/python -m tests.core.test_script_fold``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import opencc
import pytest

from paper_reader.core.reading import t2s_changes
from paper_reader.core.reading.script import SHORT_TEXT, _unchanged_by_t2s, converter, fold

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "src" / "paper_reader" / "core" / "reading" / "t2s_changes.py"
OPENCC = Path(opencc.__file__).parent / "clib"


def _dictionary(name: str, work: Path) -> dict[str, str]:
    """An OpenCC dictionary file (.ocd2), key to first value, read with OpenCC's own tool."""
    out = work / (name + ".txt")
    subprocess.run([str(OPENCC / "bin" / "opencc_dict"), "-i", str(OPENCC / "share" / "opencc" / name),
                    "-o", str(out), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
    entries = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line:
            key, values = line.split("\t")
            entries[key] = values.split(" ")[0]
    return entries


def _dictionaries(config: dict) -> list[str]:  # type: ignore[type-arg]
    """The .ocd2 files a configuration uses, in every step."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                found.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk([config.get("normalization", []), config.get("conversion_chain", []),
          config.get("segmentation", {})])
    return found


def changed_characters() -> str:
    """Characters whose presence may make t2s change a text: every key of a character
    dictionary whose value differs, and for each phrase that converts to something else one
    character that differs (a text without it cannot hold the phrase)."""
    config = json.loads((OPENCC / "share" / "opencc" / "t2s.json").read_text(encoding="utf-8"))
    changed: set[str] = set()
    phrases: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as work:
        for name in dict.fromkeys(_dictionaries(config)):
            for key, value in _dictionary(name, Path(work)).items():
                if value == key:
                    continue
                if len(key) == 1:
                    changed.add(key)
                else:
                    phrases[key] = value
    for key, value in phrases.items():
        if changed.intersection(key):
            continue
        differs = [k for k, v in zip(key, value, strict=False) if k != v]
        changed.update(differs[:1] if len(key) == len(value) and differs else key)
    return "".join(sorted(changed))


def module_text(chars: str) -> str:
    lines = [chars[i:i + 60] for i in range(0, len(chars), 60)]
    body = "\n".join(f'    "{line}"' for line in lines)
    return (
        '"""The characters whose presence may make OpenCC\'s t2s conversion change a text\n'
        "(made from its dictionaries by tests/core/test_script_fold.py, which checks them).\n"
        "A text without any of them is its own simplified form: ``fold`` does not load OpenCC\n"
        'for it."""\n\n'
        "CHANGED = (\n" + body + "\n)\n")


def test_the_table_is_made_from_the_installed_dictionaries() -> None:
    assert MODULE.read_text(encoding="utf-8") == module_text(changed_characters()), (
        "OpenCC's t2s dictionaries changed: write the table anew "
        "(.venv/bin/python -m tests.core.test_script_fold)")


def test_text_without_those_characters_is_unchanged_by_opencc() -> None:
    table = set(t2s_changes.CHANGED)
    others = "".join(chr(c) for c in range(1, 0x110000)
                     if not 0xD800 <= c < 0xE000 and chr(c) not in table)
    assert converter("t2s").convert(others) == others


@pytest.mark.parametrize("text", [
    "图书馆", "圖書館", "Paper READER", "松河日报 2024年3月15日", "反覆思量", "沈思", "沈阳",
    "坏人", "一坏土", "\ud800图书馆", "ＡＢＣ", "", " ", "乾隆", "乾净",
    "\uf900\uf901",  # compatibility ideographs: OpenCC normalizes them
])
def test_fold_is_opencc_then_lower_case(text: str) -> None:
    clean = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    converted = converter("t2s").convert(clean)
    assert fold(text) == (converted.lower() if text else text)
    if _unchanged_by_t2s(text):  # what fold takes without OpenCC, OpenCC leaves as it is
        assert converted == text


def test_what_is_taken_without_opencc_is_what_opencc_gives(sample_dir: Path, real_page: Path) -> None:
    taken = 0
    for page in [*sorted(sample_dir.glob("page*.txt")), real_page]:
        for line in page.read_text(encoding="utf-8").splitlines():
            for piece in (line[i:i + SHORT_TEXT] for i in range(0, len(line), 7)):
                if _unchanged_by_t2s(piece):
                    taken += 1
                    assert converter("t2s").convert(piece) == piece, piece
                assert fold(piece) == converter("t2s").convert(piece).lower(), piece
    assert taken > 1000  # most of the pages' simplified text


def test_a_simplified_query_loads_no_opencc() -> None:
    probe = ("import sys; from paper_reader.core.reading.script import fold; "
             "assert fold('图书馆 Reader') == '图书馆 reader'; print('opencc' in sys.modules); "
             "assert fold('圖書館') == '图书馆'; print('opencc' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


if __name__ == "__main__":
    MODULE.write_text(module_text(changed_characters()), encoding="utf-8")
    print(f"wrote {MODULE}")
