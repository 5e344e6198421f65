"""Entry point: ``paper-reader`` and ``python -m paper_reader``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
