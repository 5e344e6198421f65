"""The parser's shortcuts for two patterns answer exactly as a full search would: they try a
pattern only where it can start, and must never find or miss what the search does."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from paper_reader.core.parsing.patterns import (
    CAPTION_MARK,
    TRAILING_BYLINE,
    has_caption_mark,
    trailing_byline,
)

# The characters both patterns turn on, with a few plain ones between them.
_PIECES = ["图", "圖", "为", "為", "片", ":", " ", "\u3000", "\t", "(", ")", "。", ";", "!", "?",
           "…", "”", "」", "』", "、", "记者", "本报", "摄影", "王茵", "李文罡", "·", "市", "a", "1"]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@given(TEXT)
@settings(max_examples=3000)
@example("图为")
@example(" (图为")
@example("他说。 ( 图 :")
@example("地图为")
@example("”图为")
@example("。”图为")
def test_has_caption_mark_is_a_search(t: str) -> None:
    assert has_caption_mark(t) == bool(CAPTION_MARK.search(t))


@given(TEXT)
@settings(max_examples=3000)
@example("说完了。(李文罡)")
@example("说完了。 (记者 王茵、李文罡)  ")
@example("说完了(李文罡)")
@example("说完了。(李文罡)(王茵)")
@example("(")
def test_trailing_byline_is_a_search(t: str) -> None:
    found, expected = trailing_byline(t), TRAILING_BYLINE.search(t)
    assert (found and found.span()) == (expected and expected.span())
