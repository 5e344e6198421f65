"""The kiosk's administrator PIN: a salted hash, never the PIN itself, and a rate limit on
wrong guesses. No Qt here.

A stored PIN is one string, ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``: PBKDF2
with HMAC-SHA256 over a random 16-byte salt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # about 0.2 s on a small machine: a guess costs as much
MIN_ITERATIONS = 200_000
SALT_BYTES = 16
MIN_PIN_LENGTH = 6  # digits: the keypad's keys; fewer are guessed too soon, even rate-limited


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a new administrator PIN, or None when it can."""
    if not (pin.isdecimal() and pin.isascii()):
        return "a PIN is made of the digits 0-9 only (the kiosk's keypad has no other keys)"
    if len(pin) < MIN_PIN_LENGTH:
        return f"a PIN needs at least {MIN_PIN_LENGTH} digits"
    return None


def lockout_file() -> Path:
    """Where a kiosk keeps its count of wrong PINs: the kiosk user's own state folder."""
    from ..core.paths import state_dir

    return state_dir() / "kiosk-pin.json"


class PinFormatError(ValueError):
    """A stored PIN hash that is not in the expected form."""


def hash_pin(pin: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    if iterations < MIN_ITERATIONS:
        raise ValueError(f"at least {MIN_ITERATIONS} iterations")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def parse_hash(stored: str) -> tuple[int, bytes, bytes]:
    """(iterations, salt, digest) of a stored hash; PinFormatError saying what is wrong."""
    parts = stored.strip().split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        raise PinFormatError(f"expected {SCHEME}$ITERATIONS$SALT_HEX$HASH_HEX "
                             "(made by `paper-reader kiosk set-pin`)")
    try:
        iterations = int(parts[1])
        salt, digest = bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
    except ValueError:
        raise PinFormatError("iterations must be a number, salt and hash hexadecimal") from None
    if iterations < MIN_ITERATIONS:
        raise PinFormatError(f"{iterations} iterations is too few (at least {MIN_ITERATIONS})")
    if len(salt) < SALT_BYTES or len(digest) != 32:
        raise PinFormatError(f"the salt must be at least {SALT_BYTES} bytes and the hash 32 bytes")
    return iterations, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` is the PIN ``stored`` was made from; False for a malformed hash."""
    try:
        iterations, salt, digest = parse_hash(stored)
    except PinFormatError:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, digest)


@dataclass
class Attempt:
    ok: bool
    wait: float = 0.0  # seconds until the next guess is taken; > 0 when locked out
    checked: bool = True  # False when refused unchecked, during a lockout


class PinGate:
    """Checks PINs, and after ``free`` wrong ones in a row refuses every guess for a while:
    ``first_wait`` seconds, doubling with each further wrong PIN, up to ``max_wait``.

    With ``state`` (a file the kiosk user may write) the count of wrong PINs and the lockout
    are kept there, so that restarting the kiosk does not wipe them. ``clock`` (seconds,
    monotonic) and ``wall`` (the time of day, for the file) can be replaced by tests.
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic, free: int = 3,
                 first_wait: float = 30.0, max_wait: float = 3600.0, state: Path | None = None,
                 wall: Callable[[], float] = time.time) -> None:
        self.stored = stored
        self.clock = clock
        self.free = free
        self.first_wait = first_wait
        self.max_wait = max_wait
        self.failures = 0
        self.locked_until = 0.0
        self.state = state
        self.wall = wall
        self._load()

    def _load(self) -> None:
        if self.state is None:
            return
        from ..core.safe_file import read_text

        try:
            text = read_text(self.state, "utf-8")
            if text is None:
                return
            data = json.loads(text)
            failures, until = int(data["failures"]), float(data["locked_until"])
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("%s: the PIN lockout state cannot be read (%s); counting from the free "
                        "guesses used up", self.state, exc)
            self.failures = self.free  # unreadable: the next wrong PIN locks, as if it had counted
            return
        self.failures = max(0, min(failures, 10_000))
        # A clock set back must not lock for ever: never more than the longest wait from now.
        left = min(self.max_wait, max(0.0, until - self.wall())) if until == until else 0.0
        self.locked_until = self.clock() + left if left > 0 else 0.0

    def _save(self) -> None:
        if self.state is None:
            return
        from ..core.safe_file import write_atomic

        until = self.wall() + self.wait() if self.wait() > 0 else 0.0
        data = json.dumps({"failures": self.failures, "locked_until": until}).encode("utf-8")
        try:
            self.state.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.state, data, 0o600)
        except OSError as exc:
            log.warning("%s: the PIN lockout state cannot be kept (%s); a restart would forget it",
                        self.state, exc.strerror or exc)

    @property
    def configured(self) -> bool:
        try:
            parse_hash(self.stored)
        except PinFormatError:
            return False
        return True

    def wait(self) -> float:
        """Seconds left of the current lockout (0 when a guess would be checked)."""
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> Attempt:
        left = self.wait()
        if left > 0:
            return Attempt(False, left, checked=False)
        if verify_pin(pin, self.stored):
            had = self.failures
            self.failures = 0
            self.locked_until = 0.0
            if had:
                self._save()
            return Attempt(True)
        self.failures += 1
        if self.failures >= self.free:
            wait = min(self.max_wait, self.first_wait * 2 ** min(self.failures - self.free, 40))
            self.locked_until = self.clock() + wait
            self._save()
            return Attempt(False, wait)
        self._save()
        return Attempt(False)
