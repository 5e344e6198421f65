"""Check a built one-folder bundle: its size under the limit, and the files the app loads.

    python packaging/pyinstaller/check_bundle.py dist/paper-reader

Prints the size (MB = 10^6 bytes, every file's own size, as `du -sb` counts) and one line per
problem; exits 1 if there is any. .ci/run runs it after `make dist`. Needs only Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

LIMIT_MB = 160

# What the app loads, as glob patterns under the bundle's _internal folder: one of the
# patterns of each must match a file. The Linux-only ones are skipped on other systems.
REQUIRED: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("PDFium (page PDFs)", ("pypdfium2_raw/*pdfium*.so", "pypdfium2_raw/*pdfium*.dll",
                            "pypdfium2_raw/*pdfium*.dylib"), False),
    ("pypdfium2_raw's version.json", ("pypdfium2_raw/version.json",), False),
    ("pypdfium2's version.json", ("pypdfium2/version.json",), False),
    ("Qt print support (printing, PDF export)", ("PySide6/QtPrintSupport*",), False),
    ("the svg image plugin (the app icon)", ("PySide6/**/imageformats/*qsvg.*",), False),
    ("the svg icon engine", ("PySide6/**/iconengines/*qsvgicon*",), False),
    ("the jpeg image plugin (photos in a printed PDF)", ("PySide6/**/imageformats/*qjpeg*",), False),
    ("the offscreen platform (--screenshot)", ("PySide6/**/platforms/*qoffscreen*",), False),
    ("the xcb platform", ("PySide6/**/platforms/libqxcb.so",), True),
    ("the wayland platform (the kiosk under cage)", ("PySide6/**/platforms/libqwayland*.so",), True),
    ("cups print support (printing to a printer)", ("PySide6/**/printsupport/*cups*",), True),
    ("Qt's Chinese translation", ("PySide6/**/translations/qtbase_zh_CN.qm",), False),
    ("OpenCC's dictionaries", ("opencc/**/STPhrases.ocd2",), False),
    # The theme cache is keyed on this folder (ui/shell/theme.py); the modules are in the archive.
    ("a file in pyqtdarktheme's folder", ("qdarktheme/**/*",), False),
    ("the app's translation", ("paper_reader/resources/i18n/paper-reader_en.qm",), False),
    ("the sample issue's page PDFs", ("paper_reader/resources/sample/*/pdf/page1.pdf",), False),
)

# Left out on purpose (bundle_contents.py); back in the bundle means the spec lost a rule.
LEFT_OUT: tuple[tuple[str, str], ...] = (
    ("Pillow", "PIL"),
    ("Pillow's libraries", "pillow.libs"),
    ("the GTK 3 platform theme", "PySide6/**/platformthemes/*qgtk3*"),
    ("OpenCC's command-line tools", "opencc/clib/bin"),
)


def bundle_bytes(folder: Path) -> tuple[int, int]:
    """Total size of the files (links count as their own small size) and their number."""
    total = count = 0
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            total += os.lstat(os.path.join(root, name)).st_size
            count += 1
    return total, count


def internal_folder(bundle: Path) -> Path:
    """PyInstaller 6 puts everything but the executable in _internal/; older ones did not."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def problems(bundle: Path, limit_mb: float = LIMIT_MB,
             linux: bool | None = None) -> tuple[list[str], int, int]:
    """The problems of the bundle folder, its size in bytes and its number of files."""
    if linux is None:
        linux = sys.platform.startswith("linux")
    if not bundle.is_dir():
        return ["no such folder (run make dist)"], 0, 0
    size, count = bundle_bytes(bundle)
    found: list[str] = []
    if size >= limit_mb * 1e6:
        found.append(f"{size / 1e6:.1f} MB: at or over the limit of {limit_mb:g} MB")
    inner = internal_folder(bundle)
    for what, patterns, linux_only in REQUIRED:
        if linux_only and not linux:
            continue
        if not any(p.is_file() for pattern in patterns for p in inner.glob(pattern)):
            found.append(f"missing {what}: {' or '.join(patterns)}")
    for what, pattern in LEFT_OUT:
        if any(inner.glob(pattern)):
            found.append(f"{what} should be left out, found {pattern}")
    return found, size, count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bundle", type=Path, help="the bundle folder, e.g. dist/paper-reader")
    ap.add_argument("--limit-mb", type=float, default=LIMIT_MB, help=f"size limit (default {LIMIT_MB})")
    args = ap.parse_args(argv)
    found, size, count = problems(args.bundle, args.limit_mb)
    print(f"bundle {args.bundle}: {size / 1e6:.1f} MB in {count:,} files (limit {args.limit_mb:g} MB)")
    for line in found:
        print(f"bundle {args.bundle}: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
