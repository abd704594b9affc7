"""The user's cache folder: downsampled photos (images/), parsed drawings (svg/), what
templates wrote (render/), QR codes (qr/) and the poster's measurements (measures/).

It lives outside every project ($HANDOUT_CACHE_DIR, else $XDG_CACHE_HOME/handout,
else ~/.cache/handout), so a watcher never sees it and a project folder stays clean.
Everything in it can be deleted at any time; it only saves time.
"""

from __future__ import annotations

import os
from pathlib import Path


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
