"""The user's cache folder: downsampled photos (images/), parsed drawings (svg/), what
templates wrote (render/), QR codes (qr/) and the poster's measurements (measures/).

It lives outside every project ($HANDOUT_CACHE_DIR, else $XDG_CACHE_HOME/handout,
else ~/.cache/handout), so a watcher never sees it and a project folder stays clean.
Everything in it can be deleted at any time; it only saves time.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def state(stat: os.stat_result) -> tuple:
    """A file's state, as part of the key of what a process made from it: different
    once the file is written, replaced, or restored with its old time (unzip, `cp -p`,
    rsync), for the change time cannot be set back. A warm process (`watch`, a worker
    of server.py) keeps what it made across builds, so this must not be fooled."""
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)


def cache_root() -> Path:
    if os.environ.get("HANDOUT_CACHE_DIR"):
        return Path(os.environ["HANDOUT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "handout"


def cache_folder(name: str) -> Path | None:
    """The named folder in the cache, made if need be; None if it cannot be."""
    folder = cache_root() / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def keep(path: Path, data: bytes) -> None:
    """Write `data` to the cache file `path` whole or not at all, best effort: a
    cache that cannot be written only costs time. The temporary file's name is its
    own, so threads and processes keeping the same entry never meet."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
