"""paper-reader: a desktop reader for digitized daily newspapers."""

from __future__ import annotations

from ._version import __version__

__all__ = ["__version__", "version_string"]


def version_string() -> str:
    return f"paper-reader {__version__}"
