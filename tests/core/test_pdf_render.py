"""Drawing a page PDF into pixels: the whole page, a part of it, and the bounds on the work."""

from __future__ import annotations

import pytest

from paper_reader.core.sources.pdf_document import open_pdf
from paper_reader.core.sources.pdf_render import render

from ..conftest import SAMPLE_PDF as SAMPLE


def _pixel(bitmap, x: int, y: int) -> tuple[int, int, int]:  # noqa: ANN001
    i = y * bitmap.stride + 4 * x
    b, g, r = bitmap.pixels[i:i + 3]
    return r, g, b


def test_a_whole_page_is_drawn_at_the_scale_asked() -> None:
    with open_pdf(SAMPLE / "page1.pdf") as pdf:
        width, height = pdf.page_size(1)
        bitmap = render(pdf, 1, 0.5)
    assert (bitmap.width, bitmap.height) == (round(width * 0.5), round(height * 0.5))
    assert len(bitmap.pixels) == bitmap.stride * bitmap.height
    assert _pixel(bitmap, 2, 2) == (255, 255, 255)  # the paper's margin
    dark = sum(1 for i in range(0, len(bitmap.pixels), 4) if bitmap.pixels[i] < 128)
    assert dark > 1000  # the type is drawn


def test_a_part_of_the_page_is_drawn_alone() -> None:
    with open_pdf(SAMPLE / "page1.pdf") as pdf:
        whole = render(pdf, 1, 1.0)
        part = render(pdf, 1, 1.0, (100.0, 200.0, 300.0, 260.0))
    assert (part.width, part.height) == (200, 60)
    # The part's pixels are the whole page's at the same place.
    same = sum(_pixel(part, x, y) == _pixel(whole, 100 + x, 200 + y)
               for x in range(0, 200, 7) for y in range(0, 60, 7))
    assert same >= 0.95 * len(range(0, 200, 7)) * len(range(0, 60, 7))


@pytest.mark.parametrize("scale, part", [(0, None), (-1, None), (1.0, (10.0, 10.0, 10.0, 20.0)),
                                         (1.0, (900.0, 0.0, 1000.0, 10.0)), (100.0, None)])
def test_an_empty_or_huge_drawing_is_refused(scale: float, part) -> None:  # noqa: ANN001
    with open_pdf(SAMPLE / "page1.pdf") as pdf, pytest.raises(ValueError):
        render(pdf, 1, scale, part)
