import codecs

import pytest

from paper_reader.core.sources.decoding import MAX_PAGE_BYTES, PageFileError, decode_bytes, read_page_file

TEXT = "本报讯(记者 王茵)7月3日上午,市委书记主持会议。\n\n(下转第二版)\n"


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
])
def test_detects_encodings(encoded: bytes) -> None:
    assert decode_bytes(encoded) == TEXT


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_ends_become_lf(eol: str) -> None:
    assert decode_bytes(TEXT.replace("\n", eol).encode("gb18030")) == TEXT


def test_half_width_punctuation_is_kept_as_published() -> None:
    assert "," in decode_bytes(TEXT.encode()) and "(" in decode_bytes(TEXT.encode())


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"  \n\n \r\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(256)) * 4, "binary"),
    ("正文".encode("utf-16-le") + b"\xff\xfe", "neither"),
])
def test_refuses_bad_input_with_a_message_naming_the_file(data: bytes, words: str) -> None:
    with pytest.raises(PageFileError) as err:
        decode_bytes(data, "page7.txt")
    assert "page7.txt" in str(err.value) and words in str(err.value)


def test_refuses_huge_file(tmp_path) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(("正文。\n" * (MAX_PAGE_BYTES // 9 + 10)).encode())
    with pytest.raises(PageFileError, match="too large"):
        read_page_file(big)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(PageFileError, match="cannot be read"):
        read_page_file(tmp_path / "nope.txt")
