"""The one-folder bundle: what it carries and leaves out, and the check CI runs on it.

Building the bundle takes PyInstaller and half a minute, so these tests run the spec's rules
(packaging/pyinstaller/bundle_contents.py) and the bundle check (check_bundle.py) on
PyInstaller-shaped entries and folders; .ci/run builds the real bundle and checks it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

FOLDER = Path(__file__).resolve().parents[1] / "packaging" / "pyinstaller"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", FOLDER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = load("bundle_contents")
check = load("check_bundle")


def test_the_wheel_depends_on_pypdfium2() -> None:
    requires = importlib.metadata.requires("paper-reader") or []
    assert any(r.replace(" ", "").startswith("pypdfium2") and "extra" not in r for r in requires), requires


def test_the_spec_collects_pypdfium2_and_refuses_a_bundle_without_pdfium() -> None:
    spec = (FOLDER / "paper-reader.spec").read_text(encoding="utf-8")
    assert 'collect_dynamic_libs("pypdfium2_raw")' in spec
    assert 'collect_data_files("pypdfium2_raw")' in spec and 'collect_data_files("pypdfium2")' in spec
    assert "missing_pdfium(a.binaries)" in spec and "bundle_contents.select(" in spec
    pdfium = ("pypdfium2_raw/libpdfium.so", "/site/pypdfium2_raw/libpdfium.so", "BINARY")
    assert contents.missing_pdfium([pdfium]) is None
    assert contents.missing_pdfium([("pdfium.so", "/x/pdfium.so", "BINARY")])
    assert "PDFium" in contents.missing_pdfium([])


KEPT = [
    "pypdfium2_raw/libpdfium.so", "pypdfium2_raw/version.json", "pypdfium2/version.json",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/translations/qtbase_zh_TW.qm",
    "PySide6/Qt/translations/qt_en.qm", "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "PySide6/QtPrintSupport.abi3.so", "opencc/clib/share/opencc/STPhrases.ocd2",
    "opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so",
    "paper_reader/resources/sample/songhe-2024-03-15/pdf/page1.pdf",
    "PySide6/plugins/imageformats/qsvg.dll", "PySide6/plugins/platforms/qwindows.dll",
    # the theme cache is keyed on pyqtdarktheme's folder: these icons are all that makes it exist
    "qdarktheme/widget_gallery/svg/image_24dp.svg",
]
LEFT_OUT = [
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "PySide6/Qt/plugins/generic/libqevdevtouchplugin.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/networkinformation/libqglib.so", "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_ja.qm", "opencc/clib/bin/opencc", "opencc/clib/lib64/libopencc.a",
    "opencc/clib/include/opencc/opencc.h",
    "PySide6/plugins/imageformats/qtiff.dll", "PySide6/opengl32sw.dll",
]


@pytest.mark.parametrize("dest", KEPT)
def test_the_bundle_keeps_what_the_app_loads(dest: str) -> None:
    assert contents.wanted(dest)


@pytest.mark.parametrize("dest", LEFT_OUT)
def test_the_bundle_leaves_out_what_the_app_never_loads(dest: str) -> None:
    assert not contents.wanted(dest)


def entry(dest: str, kind: str = "BINARY") -> tuple[str, str, str]:
    return dest, "/src/" + dest, kind


# Who links to whom, as ldd reports it (transitively) for the source files above.
LINKS = {
    "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libxcb.so.1"],
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libQt6Gui.so.6", "libcairo.so.2", "libpango-1.0.so.0"],
    "PySide6/Qt/plugins/platforms/libqeglfs.so": ["libQt6EglFSDeviceIntegration.so.6", "libQt6Gui.so.6"],
    "PySide6/QtGui.abi3.so": ["libQt6Gui.so.6", "libfontconfig.so.1"],
    "pypdfium2_raw/libpdfium.so": [],
    "libcairo.so.2": ["libpixman-1.so.0"],
}


def fake_imports(src: str) -> list[tuple[str | None, str | None]]:
    return [(name, "/usr/lib/" + name) for name in LINKS.get(src.removeprefix("/src/"), [])]


def test_libraries_only_the_left_out_plugins_need_go_with_them() -> None:
    binaries = [entry(d) for d in LINKS] + [entry(d) for d in (
        "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "libxcb.so.1", "libfontconfig.so.1",
        "libpango-1.0.so.0", "libpixman-1.so.0", "libpython3.11.so.1.0", "libsqlite3.so.0")]
    binaries.append(("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"))
    datas = [("libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
              "SYMLINK"), ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
             entry("PySide6/Qt/translations/qtbase_fr.qm", "DATA")]
    kept, kept_datas, pruned = contents.select(binaries, datas, fake_imports, platform="linux")
    names = {b[0] for b in kept}
    assert pruned == ["PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "libcairo.so.2",
                      "libpango-1.0.so.0", "libpixman-1.so.0", "libsqlite3.so.0"]
    assert {"PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "libxcb.so.1",
            "libfontconfig.so.1", "pypdfium2_raw/libpdfium.so", "libpython3.11.so.1.0",
            "libQt6Gui.so.6"} <= names
    assert not names & {"PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                        "PySide6/Qt/plugins/platforms/libqeglfs.so"}
    assert kept_datas == [("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK")]


def test_libraries_are_pruned_on_linux_only() -> None:
    binaries = [entry("PySide6/QtGui.abi3.so"), entry("libsqlite3.so.0")]
    kept, _datas, pruned = contents.select(binaries, [], fake_imports, platform="win32")
    assert kept == binaries and pruned == []


def make_bundle(root: Path) -> Path:
    """A bundle folder with one small file for each thing the check asks for."""
    bundle = root / "paper-reader"
    inner = bundle / "_internal"
    for rel in ("pypdfium2_raw/libpdfium.so", "pypdfium2_raw/version.json", "pypdfium2/version.json",
                "PySide6/QtPrintSupport.abi3.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
                "PySide6/Qt/plugins/imageformats/libqjpeg.so",
                "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
                "PySide6/Qt/plugins/platforms/libqwayland.so",
                "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                "PySide6/Qt/translations/qtbase_zh_CN.qm", "opencc/clib/share/opencc/STPhrases.ocd2",
                "paper_reader/resources/i18n/paper-reader_en.qm", "qdarktheme/widget_gallery/svg/a.svg",
                "paper_reader/resources/sample/songhe-2024-03-15/pdf/page1.pdf"):
        (inner / rel).parent.mkdir(parents=True, exist_ok=True)
        (inner / rel).write_bytes(b"x" * 1000)
    (bundle / "paper-reader").write_bytes(b"x" * 1000)
    return bundle


def test_the_bundle_check_passes_a_whole_bundle_and_prints_its_size(tmp_path: Path, capsys) -> None:
    bundle = make_bundle(tmp_path)
    assert check.problems(bundle, linux=True) == ([], 17_000, 17)
    assert check.main([str(bundle)]) == 0
    assert f"bundle {bundle}: 0.0 MB in 17 files (limit 160 MB)" in capsys.readouterr().out


def test_the_bundle_check_fails_a_bundle_without_pdfium(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    (bundle / "_internal" / "pypdfium2_raw" / "libpdfium.so").unlink()
    found, _size, _count = check.problems(bundle, linux=True)
    assert len(found) == 1 and found[0].startswith("missing PDFium"), found
    assert check.main([str(bundle)]) == 1


def test_the_bundle_check_fails_at_the_size_limit(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    big = bundle / "_internal" / "big.bin"
    with open(big, "wb") as f:  # sparse: 160 MB long, next to nothing on disk
        f.truncate(160_000_000 - 17_000)
    found, size, _count = check.problems(bundle, linux=True)
    assert size == 160_000_000 and found == ["160.0 MB: at or over the limit of 160 MB"]
    os.truncate(big, 160_000_000 - 17_001)
    assert check.problems(bundle, linux=True)[0] == []


def test_the_bundle_check_fails_when_a_left_out_file_comes_back(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    (bundle / "_internal" / "PIL").mkdir()
    (bundle / "_internal" / "PIL" / "Image.py").write_text("", encoding="utf-8")
    found, _size, _count = check.problems(bundle, linux=True)
    assert found == ["Pillow should be left out, found PIL"]
    assert check.problems(tmp_path / "nothing", linux=True)[0] == ["no such folder (run make dist)"]
