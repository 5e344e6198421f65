"""PyInstaller entry script for the Paper Reader bundle."""

from paper_reader.__main__ import main

raise SystemExit(main())
