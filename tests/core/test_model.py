"""The model's records compare and print by their fields, as dataclasses would."""

from __future__ import annotations

import pytest

from paper_reader.core.model import Article, Issue, Link, Page


def test_records_compare_by_their_fields_not_their_rows() -> None:
    a = Article(title="标题", paragraphs=["一段"], continues_to=Link(2), lines=[3, 4], id=7)
    b = Article(title="标题", paragraphs=["一段"], continues_to=Link(2), lines=[9], id=8)
    assert a == b  # row ids and source lines are not the article
    assert a != Article(title="标题", paragraphs=["另一段"], continues_to=Link(2))
    assert Link(2, 0) != Link(2) and Link(2, 0) == Link(2, 0)
    assert Page(1, "第一版", header_lines=[1]) != Page(1, "第一版", header_lines=[2])  # compared, not shown
    assert Issue("报", "2024-03-15", pages=[Page(1, "第一版")], id=1) == Issue("报", "2024-03-15",
                                                                                pages=[Page(1, "第一版")])
    assert Article() != Link(1) and (Article() == "x") is False
    with pytest.raises(TypeError):
        hash(Article())  # mutable: no hash, as with a dataclass


def test_defaults_are_not_shared_and_repr_shows_the_fields() -> None:
    one, two = Article(), Article()
    one.paragraphs.append("x")
    assert two.paragraphs == [] and Page(1, "").articles is not Page(1, "").articles
    assert repr(Link(2, 1)) == "Link(page=2, article=1)"
    text = repr(Page(1, "第一版", header_lines=[5], id=3))
    assert text.startswith("Page(number=1, label='第一版'")
    assert "header_lines" not in text and "id=" not in text
