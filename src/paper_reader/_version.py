"""The version, in one place: pyproject.toml reads it from here (setuptools' dynamic version),
and the program without a look at package metadata (importlib.metadata scans site-packages:
about 20 ms of a `paper-reader --version`)."""

__version__ = "0.1.0"
