"""The writer's shape: links stored as the issue resolved them (worked out again from the
rows only when the rows hold pages the import did not bring), the searched text built by
one function for the writer and for search, and a library package without import cycles."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import Library, SearchQuery
from paper_reader.core.library.indexed import body_text, indexed_text
from paper_reader.core.library.search import search_terms, snippet
from paper_reader.core.library.store import LibraryWriter

SRC = Path(__file__).resolve().parents[2] / "src" / "paper_reader"


def links(lib: Library) -> list[tuple[int, int, int, int]]:
    """Every continuation as (page, place) to (page, place)."""
    return sorted(lib.db.execute(
        "SELECT fp.number, fa.position, tp.number, ta.position FROM continuations c "
        "JOIN articles fa ON fa.id = c.from_article JOIN pages fp ON fp.id = fa.page_id "
        "JOIN articles ta ON ta.id = c.to_article JOIN pages tp ON tp.id = ta.page_id").fetchall())


@pytest.fixture
def relinked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The issues whose links were worked out again from the rows."""
    calls: list[int] = []
    real = LibraryWriter._relink

    def spy(self: LibraryWriter, issue_id: int) -> None:
        calls.append(issue_id)
        real(self, issue_id)

    monkeypatch.setattr(LibraryWriter, "_relink", spy)
    return calls


def test_a_whole_issue_keeps_the_links_it_resolved(tmp_path: Path, sample_dir: Path,
                                                   relinked: list[int]) -> None:
    parsed = parse_path(sample_dir)
    with Library(tmp_path / "lib.sqlite3") as lib:
        import_paths(lib, [sample_dir])
        assert relinked == []  # resolved once, when the pages were assembled
        stored = links(lib)
        assert stored  # the sample issue has continuations
        loaded = lib.load_issue(lib.latest_issue())
        assert [(a.continues_to, a.continued_from) for p in loaded.pages for a in p.articles] == \
               [(a.continues_to, a.continued_from) for p in parsed.pages for a in p.articles]
        with lib.transaction():  # what the rows alone would give: the same
            lib.writer._relink(loaded.id)  # type: ignore[arg-type]
        assert links(lib) == stored


def test_pages_added_later_are_linked_from_the_rows(tmp_path: Path, sample_dir: Path,
                                                    relinked: list[int]) -> None:
    with Library(tmp_path / "whole.sqlite3") as whole:
        import_paths(whole, [sample_dir])
        relinked.clear()
        want = links(whole)
    first, second = tmp_path / "1-2", tmp_path / "3-4"
    for folder, numbers in ((first, (1, 2)), (second, (3, 4))):
        folder.mkdir()
        for n in numbers:
            shutil.copy(sample_dir / f"page{n}.txt", folder)
    with Library(tmp_path / "parts.sqlite3") as lib:
        import_paths(lib, [first])
        assert relinked == []
        import_paths(lib, [second])  # pages 1 and 2 are stored, not in hand
        assert relinked == [lib.latest_issue()]
        assert links(lib) == want
        import_paths(lib, [sample_dir])  # all four again: nothing changed, nothing relinked
        assert relinked == [lib.latest_issue()] and links(lib) == want
        lib.remove("松河日报", "2024-03-15", 3)  # a removal works them out from what is left
        assert len(relinked) == 2
        assert links(lib) == [link for link in want if 3 not in (link[0], link[2])]


def test_the_searched_text_is_built_once(tmp_path: Path, sample_dir: Path) -> None:
    """What the writer stores is indexed_text of each article, and search cuts its snippets
    from body_text at the places the stored, folded copy matched."""
    with Library(tmp_path / "lib.sqlite3") as lib:
        import_paths(lib, [sample_dir])
        issue = lib.load_issue(lib.latest_issue())
        articles = {art.id: art for page in issue.pages for art in page.articles}
        for art in articles.values():
            row = lib.db.execute("SELECT title, byline, body FROM article_text WHERE article_id = ?",
                                 (art.id,)).fetchone()
            assert row == indexed_text(art)
        for query in (SearchQuery("图书馆"), SearchQuery("馆 春耕")):
            hits = lib.search(query)
            assert hits
            for hit in hits:
                art = articles[hit.article_id]
                plain = body_text(art.column, art.kicker, art.subtitle, art.paragraphs,
                                  art.captions, art.signature)
                assert hit.snippet == snippet(plain, indexed_text(art)[2], search_terms(query))


def imports_of(path: Path, package: str) -> set[str]:
    """The modules of paper_reader that the module at ``path`` (in ``package``) imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("paper_reader"))
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1]) if node.level else ""
            module = ".".join(x for x in (base, node.module) if x)
            if not module.startswith("paper_reader"):
                continue
            found.add(module)
            for alias in node.names:  # ``from . import read``: the module itself
                where = SRC.parent.joinpath(*f"{module}.{alias.name}".split("."))
                if where.with_suffix(".py").exists() or where.is_dir():
                    found.add(f"{module}.{alias.name}")
    return found


def test_the_library_package_has_no_import_cycle_and_knows_no_kiosk() -> None:
    modules: dict[str, set[str]] = {}
    for path in [*(SRC / "core" / "library").glob("*.py"), SRC / "kiosk" / "library.py"]:
        name = "paper_reader." + ".".join(path.relative_to(SRC).with_suffix("").parts)
        name = name.removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        modules[name] = imports_of(path, package)
    library = {m: deps for m, deps in modules.items() if m.startswith("paper_reader.core.library")}
    for module, deps in library.items():
        assert not {d for d in deps if d.startswith(("paper_reader.kiosk", "paper_reader.ui"))}, module
    for module in modules:  # depth-first: a path back to itself is a cycle
        seen, stack = set(), [(module, [module])]
        while stack:
            here, trail = stack.pop()
            for dep in modules.get(here, set()):
                assert dep != module, " -> ".join([*trail, dep])
                if dep not in seen:
                    seen.add(dep)
                    stack.append((dep, [*trail, dep]))
