"""Full-width punctuation among Chinese, for display only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paper_reader.core.reading.typography import FULL_WIDTH, full_width_punctuation, is_chinese

CHANGED = [
    ("记者,王某", "记者，王某"),
    ("什么?!真的", "什么？！真的"),
    ("问:你好;答:好", "问：你好；答：好"),
    ("(记者 王茵)", "（记者 王茵）"),
    ("将于2021年6月23日(星期三)举行", "将于2021年6月23日（星期三）举行"),
    ("GDP(国内生产总值)", "GDP（国内生产总值）"),
    ("中国(China)", "中国（China）"),
    ("“好”,他说", "“好”，他说"),
    ("(1)坚持", "（1）坚持"),
    ("这是(未闭合", "这是（未闭合"),
    ("未开)", "未开）"),
    ("见http://www.example.cn/a?b=1,谢谢", "见http://www.example.cn/a?b=1，谢谢"),
    ("来信请寄a.b@example.cn,谢谢", "来信请寄a.b@example.cn，谢谢"),
    ("（记者）,", "（记者），"),
]
KEPT = [
    "Hello, world! (really?)",
    "3,500元",
    "10:30开会",
    "比分3:2",
    "iPhone(Apple)",
    "Python,Java",
    "http://www.example.cn/a?b=1,2;c=(3)",
    "",
]


@pytest.mark.parametrize(("printed", "shown"), CHANGED)
def test_marks_among_chinese_are_shown_full_width(printed: str, shown: str) -> None:
    assert full_width_punctuation(printed) == shown


@pytest.mark.parametrize("text", KEPT)
def test_latin_numbers_and_addresses_keep_their_marks(text: str) -> None:
    assert full_width_punctuation(text) == text


def test_an_address_among_chinese_keeps_its_marks() -> None:
    shown = full_width_punctuation("详见www.songhe.example.cn/x?a=1,2(全文),谢谢")
    assert shown == "详见www.songhe.example.cn/x?a=1,2（全文），谢谢"


def test_is_chinese() -> None:
    assert all(map(is_chinese, "中文。，（𠀀"))
    assert not any(map(is_chinese, "a1,( é"))
    assert not is_chinese("") and not is_chinese("中文")


def test_is_chinese_is_the_character_class_at_every_code_point() -> None:
    """The ranges compared by code point are exactly these (the class it replaced)."""
    import re

    chinese = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\uf900-\ufaff"
                         "\U00020000-\U000323af]")
    wrong = [hex(c) for c in range(0x110000) if is_chinese(chr(c)) != bool(chinese.match(chr(c)))]
    assert wrong == []


def test_a_long_latin_run_is_linear() -> None:
    """Bounded work: the address patterns must not rescan a 100,000-letter word."""
    text = "a" * 200_000 + "@" + "b" * 1000 + "://" + "中,"
    assert full_width_punctuation(text).endswith("中，")


@settings(max_examples=500)
@given(st.lists(st.sampled_from([*"中文ab1 ,?:;!()“”.@/w", "://", "www."])).map("".join))
def test_one_character_for_one_and_only_marks_change(text: str) -> None:
    shown = full_width_punctuation(text)
    assert len(shown) == len(text)
    for before, after in zip(text, shown, strict=True):
        assert after == before or FULL_WIDTH.get(before) == after
    assert full_width_punctuation(shown) == shown  # shown twice: the same


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_text_without_chinese_is_left_alone(text: str) -> None:
    assert full_width_punctuation(text) == text
