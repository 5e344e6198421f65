"""The page images drawn so far, kept within a budget of bytes: the oldest used goes first.

Tiles of the page image at the scales they were drawn at, and the page strip's thumbnails,
all in one budget, so that turning through a hundred pages keeps memory flat.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtGui import QImage

IMAGE_BUDGET = 150 * 1024 * 1024


class RenderCache:
    def __init__(self, budget: int = IMAGE_BUDGET) -> None:
        self.budget = budget
        self.used = 0
        self._images: OrderedDict[Hashable, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._images)

    def get(self, key: Hashable) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def peek(self, key: Hashable) -> QImage | None:
        """As get, without counting as a use (the fallback layers look, they do not keep)."""
        return self._images.get(key)

    def put(self, key: Hashable, image: QImage) -> None:
        old = self._images.pop(key, None)
        if old is not None:
            self.used -= old.sizeInBytes()
        size = image.sizeInBytes()
        if size > self.budget:
            return
        self._images[key] = image
        self.used += size
        while self.used > self.budget and self._images:
            _key, dropped = self._images.popitem(last=False)
            self.used -= dropped.sizeInBytes()

    def keys(self) -> list[Hashable]:
        return list(self._images)

    def clear(self) -> None:
        self._images.clear()
        self.used = 0
