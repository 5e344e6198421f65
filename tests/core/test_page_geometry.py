"""A page's geometry in the model: its size and its articles' regions, and what they leave as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from paper_reader.core.importer import parse_path
from paper_reader.core.library.store import page_digest
from paper_reader.core.model import Article, region


def test_a_text_page_keeps_the_digest_it_had_before_pages_had_geometry(sample_dir: Path) -> None:
    issue = parse_path(sample_dir)
    page = issue.pages[0]
    printed = page.to_dict()
    del printed["size"]
    for art in printed["articles"]:
        del art["regions"]
        for key in ("continues_to", "continued_from"):
            if art[key]:
                art[key] = art[key]["page"]
    data = {"page": printed, "header": page.header,
            "masthead": issue.masthead if page.masthead else None}
    old = hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()
    assert page_digest(page, issue) == old


def test_a_page_with_geometry_has_another_digest(sample_dir: Path) -> None:
    issue = parse_path(sample_dir)
    page = issue.pages[0]
    before = page_digest(page, issue)
    page.size = (842.0, 1191.0)
    assert page_digest(page, issue) != before


def test_regions_round_trip_through_json() -> None:
    art = Article(title="标题", regions=[(1.0, 2.0, 3.0, 4.0)])
    back = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert back == art and back.regions == [(1.0, 2.0, 3.0, 4.0)]


@pytest.mark.parametrize("bad", [[1, 2, 3], [3, 2, 1, 4], [1, 4, 3, 2], ["a", 1, 2, 3],
                                 [0, 0, float("inf"), 1], [0, 0, float("nan"), 1], "1234", None])
def test_a_region_that_is_not_a_box_on_a_page_is_refused(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        region(bad)
