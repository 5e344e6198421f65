"""Benchmarks of paper-reader's core: parsing, importing a many-year archive, searching.

Run with ``make bench`` or ``python -m benchmarks.run --help``.
"""
