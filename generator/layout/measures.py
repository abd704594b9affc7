"""Heights measured once. A card's text at a given size and width is as tall in every
build until its words, its styles or the fonts change; so the poster's fit search
measures only what changed since the last build, in `watch` and in the next
`handout build` alike.

Each measurement is keyed by a digest of everything it depends on, passed in as
`parts`. Kept in this process and in the user's cache (a JSON file per poster,
holding what its last build used); a file that cannot be read is an empty store.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable

from ..cache import keep

FORMAT = 1
_MEMORY: dict[str, object] = {}  # every measurement this process made or read
_MEMORY_LIMIT = 50_000


def _versions() -> str:
    from reportlab import Version

    from .. import __version__

    return f"{FORMAT}|{__version__}|{Version}"


class Measures:
    """The measurements of one output (`name`: which project and paper)."""

    def __init__(self, name: str):
        from ..cache import cache_folder

        folder = cache_folder("measures")
        digest = hashlib.blake2b(name.encode(), digest_size=12).hexdigest()
        self.path: Path | None = folder / f"{digest}.json" if folder else None
        self.salt = _versions()
        self.used: dict[str, object] = {}
        self.trusted = True  # False: measure everything again, as if nothing were kept
        self.recalled = False  # whether any value came from memory or the cache
        self._stored = self._read()

    def get(self, parts: tuple, compute: Callable[[], object]):
        """The value measured for `parts`, computed only if it never was."""
        key = hashlib.blake2b(repr((self.salt, parts)).encode(), digest_size=16).hexdigest()
        if not self.trusted:
            value = _MEMORY[key] = compute()
        elif key in _MEMORY:
            value = _MEMORY[key]
            self.recalled = True
        elif key in self._stored:
            value = _MEMORY[key] = self._stored[key]
            self.recalled = True
        else:
            if len(_MEMORY) > _MEMORY_LIMIT:
                _MEMORY.clear()
            value = _MEMORY[key] = compute()
        self.used[key] = value
        return value

    def distrust(self) -> None:
        """What was kept proved wrong (a damaged or edited cache): measure afresh."""
        self.trusted = False
        self.used.clear()

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        # Numbers, flags and lists of numbers only: anything else is not ours.
        return {k: v for k, v in data.items() if isinstance(k, str) and _plain(v)}

    def save(self) -> None:
        """Keep what this build used, when it differs from what was kept."""
        if self.path is None or self.used == self._stored:
            return
        keep(self.path, json.dumps(self.used).encode("utf-8"))


def _plain(value) -> bool:
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return isinstance(value, (bool, int, float))
