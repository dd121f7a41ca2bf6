"""One log line when a service goes away and one when it is back, not one per request.

During a database or object-store outage every request and every poll of every reader
fails the same way; logging each (with a traceback) buries the one fact that matters:
the service is down since T. An `Outage` notes the state change instead: `down()` logs
once, on the first failure, and `up()` logs once, on the first success after it, with
how long it lasted. It is per process and only for the log: it decides nothing (each
request and each reader still tries the service itself).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

log = logging.getLogger(__name__)


class Outage:
    def __init__(self, service: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.service = service
        self._clock = clock
        self._lock = threading.Lock()
        self._since: float | None = None
        self._failures = 0

    @property
    def is_down(self) -> bool:
        return self._since is not None

    def down(self, reason: object) -> bool:
        """Note a failure; True (and one warning) only when it starts an outage."""
        with self._lock:
            self._failures += 1
            if self._since is not None:
                return False
            self._since = self._clock()
            self._failures = 1
        log.warning(
            "%s unavailable since %s: %s",
            self.service,
            datetime.now(UTC).isoformat(timespec="seconds"),
            reason,
        )
        return True

    def up(self) -> bool:
        """Note a success; True (and one line) only when it ends an outage."""
        if self._since is None:  # the common case, without the lock
            return False
        with self._lock:
            if self._since is None:
                return False
            lasted, failures = self._clock() - self._since, self._failures
            self._since = None
        log.warning(
            "%s available again after %.1f s (%d failed calls meanwhile)",
            self.service,
            lasted,
            failures,
        )
        return True


database = Outage("database")
object_store = Outage("object store")
