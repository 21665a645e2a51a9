"""One pipeline run per warehouse at a time: a second run refuses with a clear message."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class WarehouseBusy(RuntimeError):
    pass


class RunLock:
    """An exclusive advisory lock on <warehouse>.lock, released when the process ends (even if killed)."""

    def __init__(self, warehouse: Path):
        self.path = warehouse.with_name(warehouse.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise WarehouseBusy(f"another run (pid {holder}) is loading {self.path.with_suffix('')}; "
                                "try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
