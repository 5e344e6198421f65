"""Rules of the source that no behaviour shows: the kiosk's code is typed without
exceptions, and no module reaches into another's private attributes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "paper_reader"


def test_no_type_ignore_in_the_kiosk() -> None:
    found = [f"{path.relative_to(SRC)}:{n}: {line.strip()}"
             for path in sorted((SRC / "kiosk").glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"#\s*type:\s*ignore", line)]
    assert found == []


def defined(tree: ast.AST) -> set[str]:
    """The private names a module defines: ``self._x = …`` (or cls.), functions, classes,
    module-level names."""
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            own.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            own.add(node.target.id)  # a class's declared attribute
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
    return {name for name in own if name.startswith("_") and not name.startswith("__")}


def reaches(tree: ast.AST) -> list[tuple[int, str]]:
    """``x._name`` (read or written) and ``getattr(x, "_name")`` where x is not self, cls
    or super()."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            name, value = node.attr, node.value
            if isinstance(value, ast.Name) and value.id in ("self", "cls"):
                continue
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super":
                continue
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) >= 2 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            name = node.args[1].value
        else:
            continue
        if name.startswith("_") and not name.startswith("__"):
            found.append((node.lineno, name))
    return found


def across_modules(sources: dict[str, str]) -> list[str]:
    """Reaches for a private name that another module defines and this one does not."""
    trees = {name: ast.parse(text) for name, text in sources.items()}
    owners: dict[str, set[str]] = {}
    for name, tree in trees.items():
        for attr in defined(tree):
            owners.setdefault(attr, set()).add(name)
    found = []
    for name, tree in trees.items():
        for line, attr in reaches(tree):
            if name not in owners.get(attr, {name}):
                found.append(f"{name}:{line}: .{attr} (of {', '.join(sorted(owners[attr]))})")
    return found


def test_the_private_reach_check() -> None:
    presenter = "class P:\n    def __init__(self):\n        self._neighbours = None\n"
    assert across_modules({"presenter": presenter, "watch": "def f(p):\n    p._neighbours = None\n"}) \
        == ["watch:2: ._neighbours (of presenter)"]
    assert across_modules({"presenter": presenter, "watch": "def f(t):\n    getattr(t, '_neighbours')\n"}) \
        == ["watch:2: ._neighbours (of presenter)"]
    mine = "class A:\n    def f(self, other):\n        return self._x, other._x, super()._y()\n" \
           "    def g(self):\n        self._x = 1\n"
    assert across_modules({"presenter": presenter, "a": mine}) == []


def test_no_module_reaches_into_another_modules_private_attributes() -> None:
    sources = {str(path.relative_to(SRC)): path.read_text(encoding="utf-8")
               for path in sorted(SRC.rglob("*.py"))}
    assert across_modules(sources) == []
