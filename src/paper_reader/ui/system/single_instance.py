"""One reader window per library: a second start hands its request to the running one.

    guard = claim(argv)            # after the QApplication exists, before the window is built
    if guard is None:
        return 0                   # the running window was asked to come forward; done
    ...build the window...
    guard.knocked.connect(lambda knock: answer_knock(knock, window, reader))

The first start takes a lock file (QLockFile: a lock left by a crashed reader is taken over
at once, since its process is gone) and listens on a QLocalServer; later starts on the same
library connect, send their arguments as one JSON line, wait for "ok" and exit. Lock and
server are named by user and library path (a hash of both), so two users, or one user with
two libraries, each get their own window.

A start that cannot reach the running reader within two seconds (it hangs, or it is still
starting) opens a window of its own rather than nothing. ``--screenshot`` runs never take
part: they are tools, not readers.

The window's own start takes only the lock (``claim(argv, listen=False)``) and listens once
its first frame is painted (``guard.listen()``): PySide's QtNetwork costs some 15 ms to load,
and the lock alone already tells a first start from a second one. A second start that comes
in between waits for the server, as it waits for a reader that is still starting.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal

if TYPE_CHECKING:  # loaded when a server or a second start needs it (see above)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

PREFIX = "paper-reader-"
MAX_MESSAGE = 256 * 1024  # a knock is a few hundred bytes; anything larger is not ours
WAIT_MS = 2000


class Knock(NamedTuple):
    """What a second start asked for."""

    argv: tuple[str, ...] = ()
    open: str | None = None  # --open DATE[/PAGE[/ARTICLE]]
    paper: str | None = None  # --paper NAME


def option(argv: list[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE``; the last one wins, as argparse has it."""
    value = None
    for k, arg in enumerate(argv):
        if arg == name and k + 1 < len(argv):
            value = argv[k + 1]
        elif arg.startswith(name + "="):
            value = arg[len(name) + 1:]
    return value


def library_of(argv: list[str]) -> Path:
    from ...core.paths import default_library

    db = option(argv, "--db")
    path = Path(db).expanduser() if db else default_library()
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): the numeric id is as good
        return str(getattr(os, "getuid", lambda: 0)())


def server_name(library: Path) -> str:
    """A name for user and library that is safe as a file and socket name. Two checksums,
    not a cryptographic hash: it only has to tell one user's libraries apart, and hashlib
    costs the start-up 2 ms to load."""
    key = f"{_user()}\0{library}".encode("utf-8", "surrogatepass")
    return f"{PREFIX}{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def _lock_path(name: str) -> str:
    """In the user's runtime folder where there is one (XDG_RUNTIME_DIR), else the temp one."""
    folder = os.environ.get("XDG_RUNTIME_DIR")
    if not folder:
        from PySide6.QtCore import QDir  # its type and enums only where it is needed

        folder = QDir.tempPath()
    return os.path.join(folder, name + ".lock")


class InstanceGuard(QObject):
    """Held by the running reader: emits ``knocked(Knock)`` when another start knocks."""

    knocked = Signal(object)

    def __init__(self, name: str, lock: QLockFile | None = None, listen: bool = True,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.name = name
        self.lock = lock
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, QByteArray] = {}
        if listen:
            self.listen()

    def listen(self) -> None:
        """Answer later starts on this library (the holder of the lock only)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a reader that crashed
        if server.listen(self.name):
            server.newConnection.connect(self._accept)
            self.server = server
        else:
            log.warning("single instance: cannot listen on %s (%s)", self.name, server.errorString())

    @property
    def listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = QByteArray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.append(socket.readAll())
        if buffer.size() > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in bytes(buffer.data()):
            return
        line = bytes(buffer.data()).split(b"\n", 1)[0]
        self._buffers[socket] = QByteArray()
        knock = parse_knock(line)
        if knock is None:
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.knocked.emit(knock)


def parse_knock(line: bytes) -> Knock | None:
    try:
        data = json.loads(line.decode("utf-8"))
        argv = tuple(str(a) for a in data.get("argv", []))[:64]
        open_spec, paper = data.get("open"), data.get("paper")
        return Knock(argv, str(open_spec) if open_spec else None, str(paper) if paper else None)
    except (ValueError, AttributeError, TypeError):
        return None


def knock(name: str, argv: list[str], wait_ms: int = WAIT_MS) -> bool:
    """Hand ``argv`` to the reader listening on ``name``; True once it said ok."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    message = json.dumps({"argv": argv, "open": option(argv, "--open"),
                          "paper": option(argv, "--paper")}, ensure_ascii=False).encode() + b"\n"
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
            socket.write(message)
            socket.flush()
            socket.waitForBytesWritten(500)
            reply = b""
            while b"\n" not in reply and time.monotonic() < deadline:
                if not socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000))):
                    break
                reply += bytes(socket.readAll().data())
            socket.abort()
            if reply.startswith(b"ok"):
                return True
        else:
            socket.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)  # the running reader may be between taking the lock and listening


def claim(argv: list[str], wait_ms: int = WAIT_MS, listen: bool = True) -> InstanceGuard | None:
    """The guard of the first reader on this library, or None when one is already running
    (it was asked to come forward and open any --open argument). Needs a QCoreApplication.
    ``listen=False``: the first reader's guard listens when ``guard.listen()`` is called."""
    argv = list(argv)
    name = server_name(library_of(argv))
    if option(argv, "--screenshot") is not None:
        return InstanceGuard(name, listen=False)
    lock = QLockFile(_lock_path(name))
    lock.setStaleLockTime(0)  # only a dead holder makes the lock stale, never its age
    if lock.tryLock(0):
        return InstanceGuard(name, lock, listen=listen)
    if knock(name, argv, wait_ms):
        return None
    log.warning("single instance: the running reader did not answer; opening another window")
    return InstanceGuard(name, listen=False)


def bring_to_front(window: Any) -> None:
    """Un-minimise, raise and activate (the desktop may still only flash it)."""
    from PySide6.QtCore import Qt

    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def answer_knock(knock: Knock, window: Any, reader: Any = None) -> bool:
    """Bring the window forward and open what the second start asked for.
    True when an --open location was found and opened."""
    bring_to_front(window)
    if not knock.open or reader is None:
        return False
    from ...core.library import LibraryError
    from ...core.reading.history import Location
    from ..shell.startup import open_spec

    date, page, article = open_spec(knock.open)
    try:
        issue_id = reader.library.find_issue(knock.paper, date)
    except LibraryError:
        return False
    if issue_id is None:
        return False
    reader.open(Location(issue_id, page, article))
    return True
