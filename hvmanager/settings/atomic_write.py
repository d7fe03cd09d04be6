"""Write a file so that readers see the old content or the new, never half of either."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

#: A temp file whose writer cannot be identified is stale after this long (a write takes
#: milliseconds; an hour leaves any live writer alone, however slow its disk).
STALE_AFTER_S = 3600.0


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it, then ``os.replace``.

    The temp file lives in the same directory so the rename never crosses file
    systems; it is created private (0600) because settings are the user's business.
    On failure the temp file is removed and ``path`` is untouched. Temp files that
    writers killed mid-write left behind (``.NAME.<pid>-....tmp`` of a process that is
    gone) are removed first, so they never accumulate.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_directory(path.parent)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove the temp files of ``path``'s writers that died; return what was removed.

    A temp file names its writer's process id. It is stale when that process no longer
    exists (POSIX), or, where that cannot be asked safely (Windows, or a name without a
    pid), when it is older than ``STALE_AFTER_S``. Our own process's files are left to
    the writer that owns them.
    """
    removed = []
    prefix = f".{path.name}."
    try:
        candidates = [p for p in path.parent.iterdir()
                      if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return removed
    for candidate in candidates:
        pid_text = candidate.name[len(prefix):].partition("-")[0]
        pid = int(pid_text) if pid_text.isdigit() else None
        if pid == os.getpid() or not _stale(candidate, pid):
            continue
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass  # gone meanwhile, or still open by its writer (Windows): next time
    return removed


def _stale(candidate: Path, pid: int | None) -> bool:
    if pid is not None and os.name == "posix":
        return not _process_exists(pid)
    try:
        return time.time() - candidate.stat().st_mtime > STALE_AFTER_S
    except OSError:
        return False


def _process_exists(pid: int) -> bool:
    # Signal 0 only asks; on POSIX it never delivers anything (never call it on Windows,
    # where os.kill terminates the process).
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
