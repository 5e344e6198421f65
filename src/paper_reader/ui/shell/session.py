"""What the reader's window remembers between runs, in QSettings under the config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ...core.paths import config_dir
from ..reading.reader import Reader
from .look import DEFAULT_SIZE, Look
from .main_window import MainWindow

LANGUAGES = ("system", "zh", "en")  # ui/language: follow the desktop, Chinese, English


def settings_file() -> Path:
    return config_dir() / "paper-reader.ini"


def _language(value: object) -> str:
    return str(value) if value in LANGUAGES else "system"


def saved_language() -> str:
    """The ui/language setting, read before there is a window (nor a Session, which creates
    the config folder): a missing file or an unknown value means "system"."""
    path = settings_file()
    if not path.is_file():
        return "system"
    return _language(QSettings(str(path), QSettings.Format.IniFormat).value("ui/language", "system"))


class MemorySettings:
    """What a read-only Session keeps instead of a settings file: nothing read, nothing
    written, forgotten with the window (a kiosk's patrons leave nothing behind)."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (QSettings' name)
        self._values[key] = value

    def sync(self) -> None:
        pass


class Session:
    def __init__(self, readonly: bool = False) -> None:
        """``readonly``: the settings file is neither read nor written (kiosk mode)."""
        self.readonly = readonly
        self.settings: QSettings | MemorySettings
        if readonly:
            self.settings = MemorySettings()
            return
        path = settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str, default: object = None) -> object:
        return self.settings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self.settings.setValue(key, value)

    def flag(self, key: str, default: bool) -> bool:
        """A yes/no setting: QSettings gives back "true"/"false" from an ini file."""
        value = self.settings.value(key, default)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        return bool(value)

    def theme_mode(self) -> str:
        mode = str(self.settings.value("view/theme", "light"))
        return mode if mode in ("light", "dark", "system") else "light"

    def language(self) -> str:
        return _language(self.settings.value("ui/language", "system"))

    def set_language(self, language: str) -> None:
        """Takes effect at the next start (see ``startup.install_translations``)."""
        self.settings.setValue("ui/language", _language(language))
        self.settings.sync()

    def restore_look(self, look: Look) -> None:
        """Script and text size as the reader left them (converters still load lazily)."""
        try:
            size = float(str(self.settings.value("view/text_size", DEFAULT_SIZE)))
        except (TypeError, ValueError):
            size = DEFAULT_SIZE
        look.change(script=str(self.settings.value("view/script", "original")),
                    text_size=size if 6 <= size <= 48 else DEFAULT_SIZE,
                    full_width=self.flag("view/full_width_punctuation", True),
                    dim_image=self.flag("view/dim_page_image", False))
        if look.script != "original":
            look.converter.load(self.script_cache_path())

    def save_converted(self, look: Look) -> None:
        if look.script != "original" and not self.readonly:
            look.converter.save(self.script_cache_path())

    def script_cache_path(self) -> Path:
        from ...core.paths import cache_dir

        return cache_dir() / "converted.json"

    def save_look(self, look: Look) -> None:
        self.settings.setValue("view/script", look.script)
        self.settings.setValue("view/text_size", look.text_size)
        self.settings.setValue("view/full_width_punctuation", look.full_width)
        self.settings.setValue("view/dim_page_image", look.dim_image)

    def restore_window(self, window: MainWindow) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            window.splitter.restoreState(splitter)

    def last_location(self) -> tuple[str, str, int, int | None] | None:
        s = self.settings
        paper, date = s.value("reading/paper"), s.value("reading/date")
        if not paper or not date:
            return None
        try:
            page = int(str(s.value("reading/page", 1)))
            article = s.value("reading/article")
            return str(paper), str(date), page, int(str(article)) if article not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def save(self, window: MainWindow, reader: Reader, look: Look | None = None) -> None:
        s = self.settings
        if look is not None:
            self.save_converted(look)
        s.setValue("window/geometry", window.saveGeometry())
        s.setValue("window/splitter", window.splitter.saveState())
        loc, issue = reader.location, reader.issue
        if loc is not None and issue is not None:
            s.setValue("reading/paper", issue.paper)
            s.setValue("reading/date", issue.date)
            s.setValue("reading/page", loc.page)
            s.setValue("reading/article", "" if loc.article is None else loc.article)
        s.sync()
