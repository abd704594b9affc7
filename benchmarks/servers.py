"""Handout's server (generator/server.py) for a benchmark: its own runtime folder, so the
benchmark neither uses nor leaves behind a server of the user's, and is timed only once
the server listens (a trainer's first command of the day runs alone; the table shows
both)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path


class Servers:
    def __init__(self):
        # Short: a socket's path holds at most 107 bytes.
        self.runtime = Path(tempfile.mkdtemp(prefix="hb-", dir="/tmp"))

    def env(self, env: dict) -> dict:
        """`env` with the server on, in this benchmark's runtime folder."""
        return {**env, "HANDOUT_SERVER": "1", "XDG_RUNTIME_DIR": str(self.runtime)}

    def start(self, handout: Path, project: Path, env: dict, seconds: float = 60) -> None:
        """Run a first command (alone: it starts the server) and wait until the server listens."""
        known = set(self._pids())
        subprocess.run([str(handout), "check"], cwd=project, env=env, check=True, capture_output=True)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if set(self._pids()) - known:
                return
            time.sleep(0.05)
        raise RuntimeError("Handout's server did not start")

    def _pids(self) -> list[int]:
        pids = []
        for path in (self.runtime / "handout").glob("server-*.pid"):
            try:
                if Path(str(path)[:-4]).is_socket():
                    pids.append(int(path.read_text()))
            except (OSError, ValueError):
                pass
        return pids

    def stop(self) -> None:
        for pid in self._pids():
            try:
                os.kill(pid, signal.SIGTERM)  # its workers end with it
            except ProcessLookupError:
                pass
        shutil.rmtree(self.runtime, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
