"""Light and dark themes from pyqtdarktheme, cached so that start-up does not pay for them.

Importing qdarktheme and rendering its stylesheet template costs about a tenth of a second;
the result only changes with the package, so it is kept in the cache folder, keyed by the
installed package's location and modification time.
"""

from __future__ import annotations

import importlib.util
import json
import zlib  # a cache key, not security; hashlib costs the start-up 2 ms to import
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ...core.paths import cache_dir

THEMES = ("light", "dark")
FORMAT = 2  # bumped when what is cached changes
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
ROLES = [r for r in QPalette.ColorRole if r not in (QPalette.ColorRole.NColorRoles,)]


def _package_key() -> str:
    spec = importlib.util.find_spec("qdarktheme")
    if spec is None or spec.origin is None:
        return "missing"
    folder = Path(spec.origin).parent
    stamp = f"{folder}:{folder.stat().st_mtime_ns}"
    return f"{zlib.crc32(stamp.encode(errors='surrogateescape')):08x}"


def _render(theme: str) -> dict[str, object]:
    import qdarktheme

    qss = qdarktheme.load_stylesheet(theme)
    # The full palette, not the stylesheet's partial one: delegates and rich text read it.
    palette = qdarktheme.load_palette(theme)
    colors = {f"{g.value}:{r.value}": palette.color(g, r).name(QColor.NameFormat.HexArgb)
              for g in GROUPS for r in ROLES}
    return {"qss": qss, "palette": colors}


def theme_assets(theme: str) -> dict[str, object]:
    path = cache_dir() / f"theme-{FORMAT}-{_package_key()}-{theme}.json"
    try:
        cached: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    except (OSError, ValueError):
        pass
    assets = _render(theme)
    try:
        from ...core.safe_file import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(assets).encode("utf-8"), 0o644)  # never through a link
    except OSError:
        pass  # a read-only cache only costs the next start the same time again
    return assets


def apply(app: QApplication, theme: str, extra_qss: str = "") -> None:
    assets = theme_assets(theme if theme in THEMES else "light")
    palette = QPalette()
    colors = assets["palette"]
    assert isinstance(colors, dict)
    for key, name in colors.items():
        group, role = (int(x) for x in key.split(":"))
        palette.setColor(QPalette.ColorGroup(group), QPalette.ColorRole(role), QColor(name))
    app.setPalette(palette)
    app.setStyleSheet(str(assets["qss"]) + extra_qss)
