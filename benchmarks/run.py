"""Time the builds DESIGN.md budgets, and print a table: `python benchmarks/run.py`.

A benchmark, not a test: numbers depend on the machine. Compare runs on one machine.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def timed(fn, runs=RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    sys.path.insert(0, str(REPO))
    handout = Path(sys.executable).parent / "handout"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "sample"
        project.mkdir()
        shutil.copy(REPO / "handout.yaml", project)
        shutil.copytree(REPO / "exercises", project / "exercises")
        shutil.copytree(REPO / "assets" / "images", project / "assets" / "images")

        def run(*args):
            subprocess.run([str(handout), *args], cwd=project, check=True, capture_output=True)

        rows.append(("`handout build` of the sample, whole process", timed(lambda: run("build")), 300))
        rows.append(("`handout check` of the sample, whole process", timed(lambda: run("check")), None))
        rows.append(("`handout --help`, whole process", timed(lambda: run("--help")), None))

        from generator.build import build

        build(project)  # warm: imports done, as inside `watch`
        rows.append(("build of the sample in a warm process (poster + booklet)",
                     timed(lambda: build(project)), 100))
        rows.append(("poster alone, warm", timed(lambda: build(project, booklet=False)), None))
        rows.append(("booklet alone, warm", timed(lambda: build(project, poster=False)), None))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"median of {RUNS} runs\n")
    print("| what | ms | budget ms |")
    print("|---|---:|---:|")
    for what, ms, budget in rows:
        print(f"| {what} | {ms:.0f} | {budget if budget else '-'} |")


if __name__ == "__main__":
    main()
