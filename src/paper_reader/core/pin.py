"""The kiosk's administrator PIN: a salted hash, never the PIN itself, and a rate limit on
wrong guesses. No Qt here.

A stored PIN is one string, ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``: PBKDF2
with HMAC-SHA256 over a random 16-byte salt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # about 0.2 s on a small machine: a guess costs as much
MIN_ITERATIONS = 200_000
SALT_BYTES = 16
MIN_PIN_LENGTH = 4


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

    ``clock`` (seconds, monotonic) can be replaced by tests.
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic, free: int = 3,
                 first_wait: float = 30.0, max_wait: float = 3600.0) -> None:
        self.stored = stored
        self.clock = clock
        self.free = free
        self.first_wait = first_wait
        self.max_wait = max_wait
        self.failures = 0
        self.locked_until = 0.0

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
            self.failures = 0
            self.locked_until = 0.0
            return Attempt(True)
        self.failures += 1
        if self.failures >= self.free:
            wait = min(self.max_wait, self.first_wait * 2 ** (self.failures - self.free))
            self.locked_until = self.clock() + wait
            return Attempt(False, wait)
        return Attempt(False)
