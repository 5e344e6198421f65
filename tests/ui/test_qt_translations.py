"""Qt's own texts (standard buttons, file, print and calendar dialogs) speak the window's
language: Chinese with the Chinese window, Qt's English with the English one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from paper_reader.ui.shell.session import Session
from paper_reader.ui.shell.startup import install_translations

ROOT = Path(__file__).resolve().parents[2]
# What the bundle's spec leaves out (Qt's translations among it) is in this file beside it.
SPEC = ROOT / "packaging" / "pyinstaller" / "bundle_contents.py"


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[QTranslator]]:
    made: list[QTranslator] = []
    yield made
    for translator in made:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def cancel_button_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.findChild(QPushButton)
    text = button.text()
    box.deleteLater()
    return text


@pytest.mark.parametrize("language", ["zh", "system"])  # the tests' locale is C: the Chinese window
def test_the_chinese_window_gets_qts_chinese(qapp, installed, language: str) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    Session().set_language(language)
    installed += install_translations(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Open") == "打开"
    assert "取消" in cancel_button_text()


def test_the_english_window_gets_no_qt_translation(qapp, installed) -> None:
    Session().set_language("en")
    installed += install_translations(qapp)
    assert [Path(t.filePath()).stem for t in installed] == ["paper-reader_en"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_desktop_without_our_language_gets_english_throughout(qapp, installed, monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    installed += install_translations(qapp, "system")
    assert [Path(t.filePath()).stem for t in installed] == ["paper-reader_en"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_qts_translations_are_where_qt_looks(qapp) -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_bundle_keeps_qts_chinese() -> None:
    """The one-folder bundle drops Qt's other languages; Chinese, both scripts, stays."""
    text = SPEC.read_text(encoding="utf-8")
    keep = text.split("KEEP_QT_TRANSLATIONS = ", 1)[1].split("\n", 1)[0]
    for name in ("qtbase_zh_CN", "qtbase_zh_TW"):
        assert f'"{name}"' in keep
