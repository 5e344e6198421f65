"""Hypothesis strategies that damage real newspaper text the ways files get damaged.

The seeds are the publisher's real page (../shared/corpus/liaoyuan-2020-07-06-p1.txt, when
it is beside the checkout) and the four pages of the bundled sample issue. A mutation is a
list of steps applied in order to the seed's lines or bytes: lines cut short, dropped,
split or doubled; blank-line blocks shuffled; control and invisible characters injected;
a line made very long; form feeds inserted; lines re-encoded so that one file mixes
encodings; the bytes cut at any offset.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("PAPER_READER_CORPUS") or ROOT.parent / "shared" / "corpus")
REAL_PAGE = CORPUS / "liaoyuan-2020-07-06-p1.txt"
SAMPLE = ROOT / "resources" / "sample" / "songhe-2024-03-15"


def seeds() -> dict[str, str]:
    found = {f"sample/{f.name}": f.read_text(encoding="utf-8") for f in sorted(SAMPLE.glob("page*.txt"))}
    if REAL_PAGE.exists():
        found["real/" + REAL_PAGE.name] = REAL_PAGE.read_text(encoding="utf-8")
    return found


SEEDS = seeds()
SEED_NAMES = sorted(SEEDS)

# Control characters, invisible and odd characters that turn up in extracted text.
INJECTED = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x0e", "\x1a", "\x1b", "\x1f", "\x7f",
            "\x85", "\u00a0", "\u200b", "\u200e", "\u2028", "\u2029", "\u3000", "\ufeff", "\ufffd",
            "\r", "\r\n", "\t", "\U0001f4f0", "\U00020000", "\ud800", "(", ")", "“", "”",
            "(下转第二版)", "(上接第一版)", "第二版", "本报讯", "——", "摄", "2020年6月11日"]

ENCODINGS = ["utf-8", "gb18030", "gbk", "utf-16-le", "utf-16-be", "big5", "latin-1", "shift_jis"]


def _encode(line: str, encoding: str) -> bytes:
    return line.encode(encoding, errors="replace")


@st.composite
def line_steps(draw: st.DrawFn) -> list[tuple]:
    """Steps that work on the text as lines."""
    kinds = st.sampled_from(["drop", "cut", "split", "double", "inject", "shuffle", "long",
                             "formfeed", "blank", "join", "strip_blank"])
    steps = []
    for kind in draw(st.lists(kinds, min_size=1, max_size=8)):
        where = draw(st.floats(0, 1, allow_nan=False))
        if kind == "inject":
            steps.append((kind, where, draw(st.sampled_from(INJECTED) | st.text(max_size=3)),
                          draw(st.integers(1, 20))))
        elif kind == "long":
            steps.append((kind, where, draw(st.sampled_from([200, 2_000, 20_000, 200_000]))))
        elif kind == "shuffle":
            steps.append((kind, draw(st.randoms(use_true_random=False))))
        else:
            steps.append((kind, where, draw(st.floats(0, 1, allow_nan=False))))
    return steps


def apply_line_steps(text: str, steps: list[tuple]) -> str:
    lines = text.split("\n")
    for step in steps:
        kind = step[0]
        if not lines:
            lines = [""]
        if kind == "shuffle":
            blocks = "\n".join(lines).split("\n\n")
            step[1].shuffle(blocks)
            lines = "\n\n".join(blocks).split("\n")
            continue
        i = min(int(step[1] * len(lines)), len(lines) - 1)
        line = lines[i]
        if kind == "drop":
            del lines[i]
        elif kind == "cut":
            lines[i] = line[: int(step[2] * len(line))]
        elif kind == "split":
            k = int(step[2] * len(line))
            lines[i: i + 1] = [line[:k], line[k:]]
        elif kind == "double":
            lines.insert(i, line)
        elif kind == "inject":
            _, _, what, times = step
            for n in range(times):
                j = min(int(((step[1] * 7919 + n * 0.618) % 1) * len(lines)), len(lines) - 1)
                s = lines[j]
                k = (len(s) * (n + 1)) // (times + 1)
                lines[j] = s[:k] + what + s[k:]
        elif kind == "long":
            target = step[2]
            lines[i] = (line or "很长的一行") * max(1, target // max(1, len(line or "很长的一行")))
        elif kind == "formfeed":
            lines.insert(i, "\f")
        elif kind == "blank":
            lines.insert(i, "")
        elif kind == "join":
            if i + 1 < len(lines):
                lines[i: i + 2] = [lines[i] + lines[i + 1]]
        elif kind == "strip_blank":
            lines = [s for s in lines if s.strip()] if step[2] < 0.3 else lines
    return "\n".join(lines)


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str]:
    """(seed name, text) after line mutations."""
    name = draw(st.sampled_from(SEED_NAMES))
    return name, apply_line_steps(SEEDS[name], draw(line_steps()))


@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """(seed name, file bytes): line mutations, then an encoding per line or for the whole,
    BOMs, line ends, and cuts at byte level."""
    name, text = draw(mutated_text())
    lines = text.split("\n")
    mode = draw(st.sampled_from(["one", "one", "mixed", "bom", "crlf", "cut", "garbage"]))
    eol = "\n"
    if mode == "mixed":
        encodings = draw(st.lists(st.sampled_from(ENCODINGS), min_size=len(lines), max_size=len(lines)))
        data = b"\n".join(_encode(s, e) for s, e in zip(lines, encodings, strict=True))
    else:
        encoding = draw(st.sampled_from(ENCODINGS[:3])) if mode != "bom" else "utf-8"
        if mode == "crlf":
            eol = draw(st.sampled_from(["\r\n", "\r"]))
        data = _encode(eol.join(lines), encoding)
        if mode == "bom":
            data = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                         codecs.BOM_UTF8 * 2])) + data
    if mode == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    if mode == "garbage":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    return name, data
