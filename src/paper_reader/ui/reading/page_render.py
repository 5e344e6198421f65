"""The page image's one PDFium thread: every page drawing, thumbnail and text-layer read of
the window is made there, one at a time, and answered by a queued signal.

PDFium is not thread-safe (see core.sources.pdf_document): the window never calls it from
its own thread. The thread is started on the first request, so a window that shows only
pages from text never loads PDFium. Requests carry a generation per channel ("page",
"thumbs"): a page turned away from before its drawing began is not drawn.
"""

from __future__ import annotations

import atexit
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from .render_cache import RenderCache

if TYPE_CHECKING:
    from ...core.model import Page

OPEN_DOCUMENTS = 4  # PDFs kept open in the thread: the page, its neighbours, the strip's
KEPT_PDF_BYTES = 64 * 1024 * 1024  # the files' bytes kept on this side, for the next request
TEXT_LAYERS = 8  # pages whose lines are kept for marks and search


class Job(NamedTuple):
    kind: str  # "tile", "thumb", "marks", "search"
    key: Any  # what the answer is filed under
    digest: str
    index: int  # the page's place in its PDF, 0-based
    data: bytes
    channel: str
    generation: int
    scale: float = 1.0
    part: tuple[float, float, float, float] | None = None
    terms: tuple[str, ...] = ()


class _Worker(QObject):
    done = Signal(object, object)  # Job, QImage | list
    failed = Signal(object, str)  # Job, a one-line message

    def __init__(self, wanted: dict[str, int]) -> None:
        super().__init__()
        self.wanted = wanted  # the service's; read here, written there (one int at a time)
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._lines: OrderedDict[tuple[str, int], list[Any]] = OrderedDict()

    def _open(self, job: Job) -> Any:
        from ...core.sources.pdf_document import open_pdf_bytes

        pdf = self._docs.get(job.digest)
        if pdf is None:
            pdf = open_pdf_bytes(job.data, f"PDF {job.digest[:12]}")
            self._docs[job.digest] = pdf
            while len(self._docs) > OPEN_DOCUMENTS:
                self._docs.popitem(last=False)[1].close()
        self._docs.move_to_end(job.digest)
        return pdf

    def _page_lines(self, job: Job) -> list[Any]:
        from ...core.reading.page_marks import lines_of

        key = (job.digest, job.index)
        lines = self._lines.get(key)
        if lines is None:
            lines = lines_of(self._open(job).read_page(job.index + 1, require_text=False))
            self._lines[key] = lines
            while len(self._lines) > TEXT_LAYERS:
                self._lines.popitem(last=False)
        self._lines.move_to_end(key)
        return lines

    @Slot(object)
    def run(self, job: Job) -> None:
        if job.kind == "close":
            self.close()
            return
        thread = QThread.currentThread()
        if thread is not None and thread.isInterruptionRequested():
            return  # the program is ending: no new PDFium work
        if job.generation < self.wanted.get(job.channel, 0):
            return  # asked for a page no longer on screen
        from ...core.sources.pdf_document import PdfFileError

        try:
            result: Any
            if job.kind in ("tile", "thumb"):
                from ...core.sources.pdf_render import render

                bitmap = render(self._open(job), job.index + 1, job.scale, job.part)
                result = QImage(bitmap.pixels, bitmap.width, bitmap.height, bitmap.stride,
                                QImage.Format.Format_RGB32).copy()  # owns its pixels
            elif job.kind == "marks":
                from ...core.reading.page_marks import continuation_marks

                result = continuation_marks(self._page_lines(job))
            else:
                from ...core.reading.page_marks import search_boxes

                result = search_boxes(self._page_lines(job), job.terms)
        except (PdfFileError, ValueError, OSError) as exc:
            from ..problem_text import problem_text  # a failure's path only

            self.failed.emit(job, problem_text(exc)[:300] if str(exc) else type(exc).__name__)
            return
        self.done.emit(job, result)

    def close(self) -> None:
        while self._docs:
            self._docs.popitem()[1].close()
        self._lines.clear()


_RUNNING: set[QThread] = set()  # a running QThread must outlive every Python reference to it


def _end_threads() -> None:
    """A window never closed (a test's, a crash's, a screenshot's) leaves its thread running:
    Qt aborts the process if a running QThread is destroyed, and PDFium, torn down by
    pypdfium2's own exit handler, must not be in use by the thread then. So each thread is
    ended first, its PDFs closed: this runs before pypdfium2's handler (see _ends_first)."""
    for thread in list(_RUNNING):
        thread.requestInterruption()
        thread.quit()
        thread.wait(30000)  # the job in hand finishes; what is queued is dropped
    _RUNNING.clear()


def _ends_first() -> None:
    """Exit handlers run last registered first. Two of them close PDFium's objects and the
    library itself: pypdfium2's (registered as it is imported) and weakref.finalize's, which
    runs the finalizers of every pypdfium2 document and page still open (registered with the
    first finalizer made). Registered again after both, ours runs before either."""
    import weakref

    import pypdfium2  # noqa: F401 - its exit handler is registered on import

    weakref.finalize(_ends_first, _nothing)  # makes sure finalize's exit handler is registered
    atexit.unregister(_end_threads)
    atexit.register(_end_threads)


def _nothing() -> None:
    pass


class RenderService(QObject):
    """The window's side of the thread: requests, the image cache, and the answers."""

    imageReady = Signal(object)  # the key of an image now in the cache
    marksReady = Signal(object, object)  # (digest, index), [Mark]
    hitsReady = Signal(object, object)  # (digest, index, terms), [Box]
    failed = Signal(str, str)  # digest, message

    _submit = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cache = RenderCache()
        self.wanted: dict[str, int] = {}
        self._pending: dict[Any, str] = {}  # key -> channel of what is queued
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._bytes: OrderedDict[str, bytes] = OrderedDict()
        self.broken: dict[str, str] = {}  # digest -> why it cannot be drawn

    # -- the PDFs' bytes ---------------------------------------------------------------
    def data_for(self, page: Page, library: object) -> bytes | None:
        pdf = page.pdf
        if pdf is None:
            return None
        data = self._bytes.get(pdf.digest)
        if data is None:
            from ...core.library.pdfs import pdf_of

            data = pdf_of(page, library)
            if data is None:
                return None
            self._bytes[pdf.digest] = data
            while sum(map(len, self._bytes.values())) > KEPT_PDF_BYTES and len(self._bytes) > 1:
                self._bytes.popitem(last=False)
        self._bytes.move_to_end(pdf.digest)
        return data

    # -- requests ----------------------------------------------------------------------
    def next_generation(self, channel: str) -> int:
        """A new page on screen: what was queued for the old one is dropped by the thread
        (and may be asked again)."""
        self.wanted[channel] = self.wanted.get(channel, 0) + 1
        self._pending = {k: c for k, c in self._pending.items() if c != channel}
        return self.wanted[channel]

    def busy(self, channel: str) -> bool:
        return channel in self._pending.values()

    def ask(self, job: Job) -> bool:
        """Queue ``job`` unless it is already queued or its PDF is known to be broken."""
        if job.key in self._pending or job.digest in self.broken:
            return False
        self._pending[job.key] = job.channel
        self._start()
        self._submit.emit(job)
        return True

    def _start(self) -> None:
        if self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName("page-image")
        worker = _Worker(self.wanted)
        worker.moveToThread(thread)
        self._submit.connect(worker.run)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        _RUNNING.add(thread)
        _ends_first()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        thread.start()

    def _done(self, job: Job, result: Any) -> None:
        self._pending.pop(job.key, None)
        if job.kind in ("tile", "thumb"):
            self.cache.put(job.key, result)
            self.imageReady.emit(job.key)
        elif job.kind == "marks":
            self.marksReady.emit(job.key, result)
        else:
            self.hitsReady.emit(job.key, result)

    def _failed(self, job: Job, message: str) -> None:
        self._pending.pop(job.key, None)
        if job.kind in ("tile", "thumb", "marks"):
            self.broken[job.digest] = message
            self.failed.emit(job.digest, message)

    def stop(self) -> None:
        """Close every PDF in the thread, then end it (the window closes, the app quits)."""
        thread = self._thread
        if thread is None:
            return
        self._thread = None
        self._submit.emit(Job("close", None, "", 0, b"", "", 0))
        thread.quit()
        thread.wait()
        _RUNNING.discard(thread)
        self._pending.clear()
