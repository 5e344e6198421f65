"""The README's screenshots, each of the window as a reader sees it once it has settled: the
page image sharp, the page strip's thumbnails drawn (``paper-reader --screenshot`` saves the
first complete frame, before the thumbnails come on idle time).

    python docs/screenshots/shoot.py SCENE OUT.png [--theme dark] [--size WxH] [--config KIOSK.ini]

Scenes: ``front`` (the front page's image), ``article`` (an article opened and outlined on
the page image, the article list beside it), ``kiosk`` (the kiosk of ``--config``). Run
under a display (``make screenshots`` uses Xvfb) with ``PAPER_READER_HOME`` set, so the
default library is the first run's: the sample issue from its page PDFs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

LIBRARY = "市图书馆新馆今日起向市民开放"  # the article shown open: headline, photo, 下转


def wait(app: object, done: Callable[[], bool], seconds: float = 15.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    if not done():
        raise SystemExit("the window did not settle in time")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("scene", choices=("front", "article", "kiosk"))
    p.add_argument("out")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1280x800")
    p.add_argument("--config")
    args = p.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from paper_reader.app import build
    from paper_reader.core.paths import default_library
    from paper_reader.ui.shell.startup import install_translations

    app = QApplication([sys.argv[0]])
    app.setApplicationName("paper-reader")
    app.setOrganizationName("paper-reader")
    if args.scene == "kiosk":
        from paper_reader.kiosk.config import load_config
        from paper_reader.kiosk.profile import kiosk_profile

        install_translations(app, "system")
        config = load_config(args.config)
        parts = build(config.library or default_library(), profile=kiosk_profile(config))
        assert parts.kiosk is not None
        parts.kiosk.show()
    else:
        install_translations(app)
        parts = build(default_library(), args.theme)
        width, _, height = args.size.partition("x")
        parts.window.resize(int(width), int(height))
        parts.window.show()
    w, reader, view = parts.window, parts.reader, parts.window.page_image
    wait(app, lambda: reader.page() is not None)
    if args.scene == "article":
        page = reader.page()
        assert page is not None
        row = next(k for k, a in enumerate(page.articles) if a.title == LIBRARY)
        reader.select_article(row)  # opened, as a click on the page image opens it
        w.show_overview_tab()  # back on the page: the article open is outlined there
        wait(app, view.settled)
        top = view.to_view(page.articles[row].regions[0]).top()  # its headline near the top
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + round(top) - 24)
    pages = len(reader.issue.pages) if reader.issue is not None else 0
    wait(app, lambda: w.tabs.currentWidget() is view and view.settled()
         and len(w.page_model.thumbnails) == pages and not parts.presenter._idle)
    app.processEvents()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = w.grab().save(str(out))
    parts.presenter.image.render.stop()  # before PDFium's exit handler unloads it
    if parts.kiosk is not None:
        parts.kiosk.release()
    parts.library.close()
    print(f"saved {out}" if saved else f"could not write {out}")
    return 0 if saved else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
