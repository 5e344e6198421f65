"""The parts of a built window, as the wiring, the kiosk, tests and the entry point use them
(``app.build`` makes them; ``app.ReaderApp`` adds the kiosk's lock-down)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.library import Library
    from ..reading.library_handle import LibraryHandle
    from ..reading.presenter import Presenter
    from ..reading.reader import Reader
    from ..system.library_watch import LibraryFollower
    from ..tools.importing import Importer
    from ..tools.removal import Remover
    from ..tools.toolbox import Tools
    from .look import Look
    from .main_window import MainWindow
    from .profile import Profile
    from .session import Session


class WindowParts:
    """(A plain class: a dataclass compiles generated methods at every start-up.)"""

    def __init__(self, profile: Profile, window: MainWindow, reader: Reader, presenter: Presenter,
                 importer: Importer | None, handle: LibraryHandle, settings: Session, tools: Tools,
                 follower: LibraryFollower | None) -> None:
        self.profile = profile
        self.window = window
        self.reader = reader
        self.presenter = presenter
        self.importer = importer  # None: a window that never imports (kiosk, read-only media)
        self.handle = handle  # the open library: replaced (a kiosk's synced file) in one place
        self.settings = settings
        self.tools = tools
        self.follower = follower  # None: a window whose library nobody else writes (kiosk)
        self.remover: Remover | None = None  # when the window writes its library

    @property
    def library(self) -> Library:
        return self.handle.library

    @property
    def look(self) -> Look:
        return self.presenter.look
