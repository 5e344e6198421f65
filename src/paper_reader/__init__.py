"""paper-reader: a desktop reader for digitized daily newspapers."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Reading package metadata scans site-packages: only pay for it when asked.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("paper-reader")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(name)


def version_string() -> str:
    return f"paper-reader {__getattr__('__version__')}"
