"""The Qt reader window. Everything that imports PySide6 lives under this package."""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (installs PySide's import hook: see below)


def _tell_pyside_what_it_would_find() -> None:
    """PySide's import hook reads the whole source of every module imported after it, once,
    to see whether it may use PySide's ``__feature__`` switches (snake_case, true_property),
    which paper-reader never does: some hundred files (typing.py among them) and 10–30 ms
    of the window's start-up. Its answer is cached by module name, so give it beforehand:
    ours use PySide with no feature (0), the standard library's do not use PySide (-1)."""
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):  # another PySide: it reads them, as before
        return
    stdlib = sys.stdlib_module_names
    for name in list(sys.modules):
        if name.partition(".")[0] in stdlib:
            known.setdefault(name, -1)
    for name in stdlib:
        known.setdefault(name, -1)
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = os.path.dirname(package)
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        prefix = os.path.relpath(folder, root).replace(os.sep, ".")
        known.setdefault(prefix, 0)
        for file in files:
            if file.endswith(".py") and file != "__init__.py":
                known.setdefault(f"{prefix}.{file[:-3]}", 0)


_tell_pyside_what_it_would_find()
