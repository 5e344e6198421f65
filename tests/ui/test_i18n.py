"""The English translation: complete, in step with the source, and loaded by the language setting.

Tests that install translators remove them again, so every other test sees the Chinese window.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QToolButton

from paper_reader.app import ReaderApp, build
from paper_reader.ui.shell import startup
from paper_reader.ui.shell.session import Session, saved_language, settings_file
from paper_reader.ui.shell.startup import install_translations

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "paper-reader_en.ts"
QM = TS.with_suffix(".qm")
# What the Makefile's update-translations target hands lupdate.
PACKAGE = ROOT / "src" / "paper_reader"
SOURCES = [*sorted((PACKAGE / "ui").rglob("*.py")), *sorted((PACKAGE / "kiosk").rglob("*.py")),
           PACKAGE / "app.py"]
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w+\}")  # %1 for .replace, %n for plurals, {name} for .format
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ENDONYMS = {"中文(&C)"}  # the language menu names each language in itself


def qt_tool(name: str) -> str:
    """A PySide6 command-line tool from the environment running the tests."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed next to {sys.executable} (pip install PySide6-Essentials)")
    return found


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def keys(ts: Path) -> set[tuple[str, str, str, bool]]:
    return {(context, m.findtext("source") or "", m.findtext("comment") or "", m.get("numerus") == "yes")
            for context, m in messages(ts)}


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


# -- the .ts file ------------------------------------------------------------------------
def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    problems: list[str] = []
    count = 0
    for context, message in messages(TS):
        count += 1
        source = message.findtext("source") or ""
        where = f"{context}: {source!r}"
        state = message.find("translation").get("type")  # type: ignore[union-attr]
        forms = translations(message)
        if state is not None:
            problems.append(f"{where} is {state}")
        if message.get("numerus") == "yes" and len(forms) != 2:  # English: one, other
            problems.append(f"{where} has {len(forms)} plural forms")
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            if missing := set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(form)):
                problems.append(f"{where} -> {form!r} lacks {sorted(missing)}")
            if CJK.search(form):
                problems.append(f"{where} -> {form!r} is not English")
            if "&" in source.replace("&&", "") and len(re.findall(r"&\w", form.replace("&&", ""))) != 1:
                problems.append(f"{where} -> {form!r} needs one & accelerator")
    assert count > 100
    assert not problems, "\n".join(problems)


def test_contexts_are_the_names_looked_up_at_run_time() -> None:
    """lupdate turns some calls into contexts like "window.window" or "QCoreApplication.self"
    (window.tr, or self.tr after a X.translate in the same function): those never match."""
    contexts = {context for context, _ in messages(TS)}
    assert all(c.isidentifier() for c in contexts), sorted(contexts)
    assert {"MainWindow", "Printing", "Startup", "About"} <= contexts


def test_the_ts_file_has_every_text_of_the_source(tmp_path: Path) -> None:
    """A new tr() text needs `make update-translations` and an English translation."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", *map(str, SOURCES), "-source-language", "zh_CN",
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    assert keys(fresh) == keys(TS)


# -- loading it ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def qm_file() -> Path:
    """The compiled translation `make translations` builds; built here when missing or stale."""
    if not QM.is_file() or QM.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)],
                       check=True, capture_output=True, timeout=120)
    return QM


@pytest.fixture
def install(qapp: QApplication, qm_file: Path) -> Iterator[Callable[[str], list[QTranslator]]]:
    """Save a language choice, then install translations as start-up does; undone afterwards."""
    installed: list[QTranslator] = []

    def run(language: str) -> list[QTranslator]:
        Session().set_language(language)
        made = install_translations(qapp)
        installed.extend(made)
        return made

    yield run
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def english_app(qtbot, install: Callable[[str], list[QTranslator]],
                library_path: Path) -> Iterator[ReaderApp]:
    assert install("en")
    parts = build(library_path)
    qtbot.addWidget(parts.window)
    yield parts
    parts.library.close()


def menu_texts(menu: QMenuBar | QMenu) -> Iterator[str]:
    for action in menu.actions():
        if not action.isSeparator():
            yield action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def accelerator_clashes(menu: QMenuBar | QMenu) -> list[str]:
    """Entries of one menu that share an &-letter, in this menu and its submenus."""
    seen: dict[str, str] = {}
    clashes = []
    for action in menu.actions():
        letters = re.findall(r"&(\w)", action.text().replace("&&", ""))
        if letters and letters[0].lower() in seen:
            clashes.append(f"{seen[letters[0].lower()]} / {action.text()}")
        elif letters:
            seen[letters[0].lower()] = action.text()
        if action.menu() is not None:
            clashes += accelerator_clashes(action.menu())
    return clashes


def test_english_window(english_app: ReaderApp) -> None:
    w = english_app.window
    assert accelerator_clashes(w.menuBar()) == []
    assert w.menuBar().actions()[0].text() == "&File"
    assert w.actions.import_files.text() == "Import &Files…"
    assert w.actions.languages["en"].text() == "&English"
    texts = list(menu_texts(w.menuBar()))
    assert "&Language" in texts and "Follow &System" in texts
    assert [t for t in texts if CJK.search(t) and t not in ENDONYMS] == []
    assert w.windowTitle().endswith("— Newspaper Reader")
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["Page", "Article"]
    assert w.page_strip.accessibleName() == "Page list"
    assert w.info_bar.findChild(QToolButton).accessibleName() == "Close message"
    assert w.page_model.index(0).data(Qt.ItemDataRole.ToolTipRole) == "7 articles"  # a plural form
    panel = english_app.tools.search.panel()
    assert panel.query.placeholderText() == "Search all newspapers (simplified or traditional)"
    assert english_app.tools.citations.copy() == ""  # nothing open: the reader is told in English
    assert w.info_bar.label.text() == "Open an article first."


def test_choosing_a_language_is_saved_and_takes_effect_at_restart(english_app: ReaderApp) -> None:
    a = english_app.window.actions
    assert a.languages["en"].isChecked()
    a.languages["zh"].trigger()
    assert saved_language() == "zh"
    assert a.languages["zh"].isChecked() and not a.languages["en"].isChecked()
    assert "takes effect when paper-reader is restarted" in english_app.window.info_bar.label.text()


def test_chinese_installs_only_qts_chinese(install: Callable[[str], list[QTranslator]]) -> None:
    """Our texts are Chinese already; Qt's own (buttons, dialogs) need Qt's translation."""
    made = install("zh")
    assert [Path(t.filePath()).stem for t in made] == ["qtbase_zh_CN"]
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_chinese_window_says_so_in_chinese(reader_app: ReaderApp) -> None:
    a = reader_app.window.actions
    assert a.languages["system"].isChecked()
    assert reader_app.window.menuBar().actions()[0].text() == "文件(&F)"
    a.languages["en"].trigger()
    assert saved_language() == "en"
    assert "重新启动 paper-reader 后生效" in reader_app.window.info_bar.label.text()


def test_language_setting_defaults_to_the_system() -> None:
    assert saved_language() == "system"  # no settings file yet
    settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "klingon")
    settings.sync()
    assert saved_language() == "system"


def test_without_compiled_translations_nothing_is_read(qapp: QApplication, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The check that costs nothing comes first: a checkout without .qm files starts as before."""
    (tmp_path / "i18n").mkdir()
    shutil.copy(TS, tmp_path / "i18n")
    monkeypatch.setattr(startup, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(startup, "saved_language", lambda: pytest.fail("settings were read"))
    made = install_translations(qapp)  # the window can only speak Chinese: Qt's Chinese only
    try:
        assert [Path(t.filePath()).stem for t in made] == ["qtbase_zh_CN"]
    finally:
        for translator in made:
            QCoreApplication.removeTranslator(translator)
