"""编辑 → 剪报…: the open article (every part of it under 连续阅读) cut from its page images
with its citation, saved as PNG or PDF; in a kiosk that may print, printed straight to its
printer. The drawing is ui.tools.clipping's, loaded on first use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..reading.reader import Reader
from ..shell.look import Look
from ..shell.main_window import MainWindow
from .citation import Citations, open_article

if TYPE_CHECKING:
    from ...core.model import Article, Page
    from .clipping import Clipping

translate = QCoreApplication.translate


class Clippings:
    """编辑 → 剪报…: the open article (every part of it under 连续阅读) saved as an image, or in
    a kiosk that may print, printed straight to its printer."""

    def __init__(self, window: MainWindow, reader: Reader, look: Look, citations: Citations,
                 to_file: bool, printer: str = "") -> None:
        self.window, self.reader, self.look, self.citations = window, reader, look, citations
        self.to_file = to_file  # a file dialog; otherwise the profile's printer
        self.printer = printer

    def parts(self) -> list[tuple[Page, Article]]:
        page, art = self.reader.page(), self.reader.article()
        if page is None or art is None:
            return []
        joined = self.reader.parts() if self.reader.whole_article else []
        return joined if len(joined) > 1 else [(page, art)]

    def why_not(self) -> str:
        """Why the open article cannot be clipped; "" when it can."""
        page, art = self.reader.page(), self.reader.article()
        if page is None or art is None:
            return translate("Clipping", "先打开一篇文章。")
        if page.pdf is None:
            return translate("Clipping", "这一版是从文字导入的，没有版面图，不能剪报。")
        from ...core.reading.clipping import can_cut  # a page image's: the text's start never loads it

        if not can_cut(page, art):
            return translate("Clipping", "这篇文章在版面图上没有标出位置，不能剪报。")
        return ""

    def sync(self) -> None:
        """Offered only for an article that stands on a page image; the tooltip says why not."""
        action = self.window.actions.clip
        if action is None:
            return
        why = self.why_not()
        action.setEnabled(not why)
        if not why:
            why = (translate("Clipping", "把这篇文章从版面图上剪下，连同引用保存为图片或 PDF") if self.to_file
                   else translate("Clipping", "把这篇文章从版面图上剪下，连同引用打印出来"))
        action.setToolTip(why)

    def make(self) -> Clipping | None:
        """The open article's clipping, or None with the reason shown (never a dialog)."""
        from ...core.reading.citation import UNTITLED, gbt7714
        from ...core.reading.clipping import (
            DPI,
            MAX_REGIONS,
            MIN_DPI,
            NothingToCut,
            TooLarge,
            TooManyRegions,
        )
        from .clipping import Clipping, ClippingFailed, busy, cut_out

        why = self.why_not()
        found = open_article(self.window, self.reader) if not why else None
        if found is None:
            if why:
                self.window.info_bar.show_message(why)
            return None
        issue, first_page, first, _page, _art = found
        convert = self.citations.convert()
        tell = self.window.info_bar.show_message
        try:
            with busy():
                plan, image = cut_out(self.parts(), self.reader.library, convert)
        except TooLarge as exc:
            tell(translate("Clipping", "这篇文章太大，无法剪报：即使降到 {dpi} dpi 也要 {mpx} 百万像素"
                                       "（上限 {limit} 百万像素）。")
                 .format(dpi=MIN_DPI, mpx=exc.pixels // 1_000_000, limit=exc.limit // 1_000_000))
            return None
        except NothingToCut:
            tell(translate("Clipping", "这篇文章在版面图上没有标出位置，不能剪报。"))
            return None
        except TooManyRegions as exc:
            tell(translate("Clipping", "这篇文章在版面图上分成 {count} 块，"
                                       "超过剪报的上限 {limit} 块，无法剪报。")
                 .format(count=exc.count, limit=MAX_REGIONS))
            return None
        except ClippingFailed as exc:
            tell(str(exc))
            return None
        citation = gbt7714(issue, first_page, first, convert=convert)
        notes = []
        if plan.dpi < DPI:
            notes.append(translate("Clipping", "剪报很大，已按 {dpi} dpi 制作。").format(dpi=plan.dpi))
        if plan.left_out:
            notes.append(translate("Clipping", "剪报不含{pages}：没有版面图。")
                         .format(pages="、".join(convert(p) for p in plan.left_out)))
        if notes:
            tell("".join(notes))
        return Clipping(image, plan, citation, self.look.face, convert(first.title or UNTITLED))

    def clip(self) -> None:
        if self.to_file:
            self.save_as()
        else:
            self.print_to_printer()

    def suggested_name(self) -> str:
        issue, art = self.reader.issue, self.reader.article()
        words = [issue.paper or "", issue.date or ""] if issue is not None else []
        words += [art.title[:20] if art is not None else "", translate("Clipping", "剪报")]
        name = self.look.script_convert("-".join(words))
        # A name, not a path: a slash in a stored title must not point into another folder.
        return name.replace("/", "-").replace("\\", "-").replace("\0", "")

    def save_as(self, path: str | Path | None = None) -> Path | None:
        """Save the clipping at ``path`` (asked for when None); PNG or PDF by its suffix, or
        by the filter chosen in the dialog."""
        if path is None:
            if self.why_not():
                self.window.info_bar.show_message(self.why_not())
                return None
            path = self.ask_path()
            if not path:
                return None
        from .clipping import ClippingFailed, busy, save, why_not_saved

        clipping = self.make()
        if clipping is None:
            return None
        try:
            with busy():
                out = save(clipping, path)
        except (OSError, ClippingFailed) as exc:
            text = why_not_saved(path, exc) if isinstance(exc, OSError) else str(exc)
            self.window.info_bar.show_message(text)
            return None
        self.window.statusBar().showMessage(translate("Clipping", "剪报已保存：") + str(out), 5000)
        return out

    def ask_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        png, pdf = translate("Clipping", "PNG 图片 (*.png)"), translate("Clipping", "PDF 文件 (*.pdf)")
        suggested = str(Path.home() / f"{self.suggested_name()}.png")
        path, chosen = QFileDialog.getSaveFileName(self.window, translate("Clipping", "保存剪报"),
                                                   suggested, f"{png};;{pdf}")
        if path and Path(path).suffix.lower() not in (".png", ".pdf"):
            path += ".pdf" if chosen == pdf else ".png"
        return path

    def print_to_printer(self) -> bool:
        """The clipping straight to the profile's printer: no dialog, never to a file."""
        from . import print_tools
        from .clipping import busy

        w = self.window
        printer = print_tools.native_printer(self.printer)
        if printer is None:
            print_tools.log.warning("printer %r not available", self.printer or "(default)")
            w.info_bar.show_message(translate("Kiosk", "打印机现在不可用，请联系工作人员。"))
            return False
        clipping = self.make()
        if clipping is None:
            return False
        printer.setDocName(clipping.title)
        try:
            with busy():
                clipping.print_on(printer)
        except OSError as exc:
            w.info_bar.show_message(str(exc))
            return False
        w.statusBar().showMessage(translate("Kiosk", "已送往打印机。"), 5000)
        return True

