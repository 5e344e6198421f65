"""The reader's choices of how the paper looks: script, display punctuation, text size,
theme (light, dark, or the desktop's), and the interface language.

Each choice is remembered in the session and put on the ``Look``, which announces the
change; what follows (the views shown again, the search results converted) subscribes to
that in ``ui.shell.wiring``. Here only the menu's checks follow.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from ..shell.look import Look
from ..shell.main_window import MainWindow
from ..shell.session import Session

THEME_MODES = ("light", "dark", "system")


class LookChoices:
    def __init__(self, window: MainWindow, look: Look, session: Session) -> None:
        self.window, self.look, self.session = window, look, session
        self.theme_mode = session.theme_mode()  # light, dark or system

    def set_script(self, script: str) -> None:
        self.look.set_script(script)
        self.session.save_look(self.look)

    def set_full_width(self, on: bool) -> None:
        """Display punctuation (see core.typography); stored text and search are untouched."""
        self.look.set_full_width(on)
        self.session.save_look(self.look)

    def step_size(self, step: int) -> None:
        self.look.step_size(step)
        self.session.save_look(self.look)

    def set_theme_mode(self, mode: str, remember: bool = True) -> None:
        """light, dark, or system (follows the desktop's colour scheme as it changes).
        ``remember``: kept for the next start (a --theme for one run, or a kiosk's, is not)."""
        self.theme_mode = mode if mode in THEME_MODES else "light"
        if remember:
            self.session.set_value("view/theme", self.theme_mode)
        self.look.set_theme(self.effective_theme())
        self.sync_checks()  # the mode may change while the theme shown stays the same

    def effective_theme(self) -> str:
        if self.theme_mode != "system":
            return self.theme_mode
        scheme = QGuiApplication.styleHints().colorScheme()
        return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light"

    def system_scheme_changed(self, _scheme: object) -> None:
        if self.theme_mode == "system":
            self.look.set_theme(self.effective_theme())

    def set_language(self, language: str) -> None:
        """Remembered for the next start: the window's texts are made once, when it is built."""
        if language != self.session.language():
            self.session.set_language(language)
            self.window.info_bar.show_message(QCoreApplication.translate(
                "MainWindow", "界面语言已更改，重新启动 paper-reader 后生效。"))
        self.sync_checks()

    def sync_checks(self, _changed: object = None) -> None:
        """The menu's checks as the look and the choices are (on Look.changed too)."""
        a = self.window.actions
        for name, action in a.scripts.items():
            action.setChecked(name == self.look.script)
        if a.full_width is not None:
            a.full_width.setChecked(self.look.full_width)
        for choice, mode in ((a.theme_light, "light"), (a.theme_dark, "dark"), (a.theme_system, "system")):
            if choice is not None:
                choice.setChecked(self.theme_mode == mode)
        language = self.session.language()
        for name, action in a.languages.items():
            action.setChecked(name == language)
