"""The reading tools of a window, each by what it does (menus reach them through
``ui.shell.wiring``)."""

from __future__ import annotations

from ..reading.reader import Reader
from ..shell.look import Look
from ..shell.main_window import MainWindow
from ..shell.profile import Profile
from ..shell.session import Session
from .archive import Archive
from .citation import Citations
from .clip_tools import Clippings
from .look_tools import LookChoices
from .print_tools import PrintTools
from .search_tools import SearchTools


class Tools:
    def __init__(self, window: MainWindow, reader: Reader, look: Look, session: Session,
                 profile: Profile) -> None:
        self.look = LookChoices(window, look, session)  # script, punctuation, size, theme, language
        self.search = SearchTools(window, reader, look, profile.library.search_opener())
        self.citations = Citations(window, reader, look, session)
        self.printing = PrintTools(window, reader, look, self.citations, profile.printer)
        self.clippings = Clippings(window, reader, look, self.citations, profile.pdf_export,
                                   profile.printer)  # 剪报
        self.archive = Archive(window, reader, reader.handle, look)  # 往期
