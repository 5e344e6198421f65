"""What the one-folder bundle leaves out of what PyInstaller's analysis collects.

The bundle must stay under 160 MB (check_bundle.py fails at or over it; README.md here lists
what is left out and why). Everything left out is something the app never loads. The spec
calls select() on the analysis' binaries and datas; the tests call the same functions.

TOC entries are PyInstaller's (destination, source, typecode) tuples.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePath

Entry = tuple[str, str, str]
# PyInstaller's bindepend.get_imports: the (name, resolved path) of every library a file needs.
Imports = Callable[[str], Iterable[tuple[str | None, str | None]]]

# Qt's own translations: the UI's two languages only.
KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN", "qtbase_zh_TW", "qtbase_en", "qt_zh_CN", "qt_zh_TW", "qt_en")

# Qt plugins, by folder and name without "lib" and suffix (one name for Linux's
# libqtiff.so and Windows' qtiff.dll); None: the whole folder. Kept: the xcb, wayland (the
# kiosk runs under cage), offscreen (--screenshot) and minimal platforms with their shell,
# decoration and graphics integrations; the input contexts (typing Chinese in the search
# field); the svg image and icon engines (the app icon); jpeg, which Qt's PDF writer uses for
# the photos of a printed page; gif and ico; cups print support (printing to a printer); the
# desktop portal theme (file dialogs in sandboxes).
LEFT_OUT_PLUGINS: dict[str, frozenset[str] | None] = {
    # TLS backends and network information: the app talks to no network.
    "tls": None,
    "networkinformation": None,
    # GTK 3's theme would load the system's GTK against the cairo, pango and glib copied from
    # the build machine, a mix that can crash; the app draws its own light and dark look.
    "platformthemes": frozenset({"qgtk3"}),
    # Screens the app is not run on: VNC, Vulkan display, bare EGL and framebuffer (the kiosk
    # guide uses cage, a Wayland compositor), and their input plugins (evdev, TUIO).
    "platforms": frozenset({"qvnc", "qvkkhrdisplay", "qminimalegl", "qeglfs", "qlinuxfb"}),
    "egldeviceintegrations": None,
    "generic": None,
    # Image formats the app neither reads nor writes (pages come as text and PDF; clippings
    # are PNG, built into Qt, and PDF).
    "imageformats": frozenset({"qtiff", "qwebp", "qicns", "qtga", "qwbmp"}),
}

# Windows: the software OpenGL renderer (about 20 MB); the app draws widgets only, with Qt's
# raster engine, and never makes an OpenGL context.
LEFT_OUT_FILES = frozenset({"opengl32sw.dll"})

# Under these folders: OpenCC's command-line tools, C headers, static libraries and
# CMake/pkg-config files (its hook collects the whole wheel). pyqtdarktheme's demo gallery
# (a few icons) stays: it is the only file of the package outside the archive, and the app
# keys its theme cache on the package's folder, which must exist.
LEFT_OUT_FOLDERS = (("opencc", "clib", "bin"), ("opencc", "clib", "include"), ("opencc", "clib", "lib64"))


def plugin_stem(name: str) -> str:
    return name.removeprefix("lib").split(".")[0]


def wanted(dest: str) -> bool:
    """Whether the file the bundle would hold at ``dest`` is one the app may load."""
    path = PurePath(dest)
    parts = path.parts
    if path.name.lower() in LEFT_OUT_FILES:
        return False
    if any(parts[:len(folder)] == folder for folder in LEFT_OUT_FOLDERS):
        return False
    if "PySide6" in parts and "translations" in parts:
        return path.stem in KEEP_QT_TRANSLATIONS
    if "PySide6" in parts and "plugins" in parts:
        rest = parts[parts.index("plugins") + 1:]  # (folder, file)
        if len(rest) == 2 and rest[0] in LEFT_OUT_PLUGINS:
            names = LEFT_OUT_PLUGINS[rest[0]]
            return names is not None and plugin_stem(path.name) not in names
    return True


def is_linked_library(dest: str) -> bool:
    """A library the analysis copied because something links to it: at the top of the
    bundle (from the system) or Qt's own; not the plugins, Python extensions and PDFium,
    which are loaded on purpose."""
    path = PurePath(dest)
    if not (path.name.startswith("lib") and ".so" in path.name):
        return False
    return len(path.parts) == 1 or path.parts[:3] == ("PySide6", "Qt", "lib")


def prune_libraries(binaries: list[Entry], imports: Imports) -> tuple[list[Entry], list[str]]:
    """Drop the linked libraries nothing kept needs any more (those of the left-out plugins:
    GTK's cairo and pango, EGL device integration, ...); returns (kept, left-out names).
    Linux only: there the analysis copies system libraries; Windows' and macOS' wheels
    carry their own."""
    # The bootloader opens libpython itself; nothing links to it.
    roots = [b for b in binaries if not is_linked_library(b[0]) or b[0].startswith("libpython")]
    by_name: dict[str, list[Entry]] = {}
    for b in binaries:
        if is_linked_library(b[0]) and b[2] != "SYMLINK":
            by_name.setdefault(PurePath(b[0]).name, []).append(b)
    needed: set[str] = set()
    todo = [b for b in roots if b[2] != "SYMLINK"]
    seen: set[str] = set()
    while todo:
        entry = todo.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        for name, resolved in imports(entry[1]):
            base = PurePath(name or resolved or "").name
            if base and base not in needed:
                needed.add(base)
                todo.extend(by_name.get(base, []))
    root_ids = {id(b) for b in roots}
    kept = [b for b in binaries if id(b) in root_ids or PurePath(b[0]).name in needed]
    kept_ids = {id(b) for b in kept}
    return kept, sorted(b[0] for b in binaries if id(b) not in kept_ids)


def drop_dangling_links(toc: list[Entry], files: set[str]) -> list[Entry]:
    """The analysis also links Qt's libraries into the top folder (among the datas); a
    link to a file left out goes with it."""
    def target(entry: Entry) -> str:
        return os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))

    return [e for e in toc if e[2] != "SYMLINK" or target(e) in files]


def select(binaries: list[Entry], datas: list[Entry], imports: Imports,
           platform: str = sys.platform) -> tuple[list[Entry], list[Entry], list[str]]:
    """The binaries and datas to bundle, and the names of the libraries pruned."""
    kept = [b for b in binaries if wanted(b[0])]
    pruned: list[str] = []
    if platform.startswith("linux"):
        kept, pruned = prune_libraries(kept, imports)
    kept_datas = [d for d in datas if wanted(d[0])]
    files = {e[0] for e in kept} | {e[0] for e in kept_datas}
    return drop_dangling_links(kept, files), drop_dangling_links(kept_datas, files), pruned


def missing_pdfium(binaries: list[Entry]) -> str | None:
    """Why the bundle cannot open a page PDF, or None: PDFium must be in pypdfium2_raw's
    folder, where pypdfium2 loads it with ctypes."""
    for dest, _src, _kind in binaries:
        parts = PurePath(dest).parts
        if len(parts) == 2 and parts[0] == "pypdfium2_raw" and "pdfium" in parts[1]:
            return None
    return "pypdfium2_raw's PDFium library is not in the bundle (is pypdfium2 installed?)"
