"""paper-reader: a desktop reader for digitized daily newspapers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("paper-reader")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
