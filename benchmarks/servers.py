"""Handout's server (generator/server.py) for a benchmark or a test: its own runtime
folder, so it neither uses nor leaves behind a server of the user's, and is timed only
once the server listens (a trainer's first command of the day runs alone; the
benchmark's table shows both)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from generator.server import running


class Servers:
    def __init__(self, prefix: str = "hb-"):
        # Short: a socket's path holds at most 107 bytes.
        self.runtime = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
        self.folder = self.runtime / "handout"

    def env(self, env: dict) -> dict:
        """`env` with the server on, in this runtime folder."""
        return {**env, "HANDOUT_SERVER": "1", "XDG_RUNTIME_DIR": str(self.runtime)}

    def pids(self) -> list[int]:
        return running(self.folder)

    def start(self, handout: Path, project: Path, env: dict, seconds: float = 60) -> int:
        """Run a first command (alone: it starts the server); the server's process id once it listens."""
        known = set(self.pids())
        subprocess.run([str(handout), "check"], cwd=project, env=env, check=True, capture_output=True)
        return self.wait(known, seconds)

    def wait(self, known: set[int], seconds: float = 60) -> int:
        """The process id of a server listening that is none of `known`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            new = set(self.pids()) - known
            if new:
                return new.pop()
            time.sleep(0.05)
        raise RuntimeError("Handout's server did not start")

    def stop(self) -> None:
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGTERM)  # its workers end with it
            except ProcessLookupError:
                pass
        shutil.rmtree(self.runtime, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
