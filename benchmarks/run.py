"""Time the builds DESIGN.md budgets, and print a table: `python benchmarks/run.py`.

With the `bench` extra installed (`pip install -e '.[bench]'`: the `typst` package), a
second table sets Handout beside Typst on the same content, measured interleaved in the
same run (benchmarks/peers/). A benchmark, not a test: numbers depend on the machine.
Compare runs on one machine.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import Servers  # noqa: E402
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
    # Installed from a wheel, Handout's bytecode is compiled (pip does it). A checkout
    # run with PYTHONDONTWRITEBYTECODE set would compile ~60 modules in every process.
    import compileall

    compileall.compile_dir(REPO / "generator", quiet=1)
    # Start cold and leave the user's own cache alone.
    os.environ["HANDOUT_CACHE_DIR"] = tempfile.mkdtemp(prefix="handout-bench-cache-")
    handout = Path(sys.executable).parent / "handout"
    rows = []
    peers, clients_seconds = None, None
    with tempfile.TemporaryDirectory() as tmp:
        if _typst_installed():
            sys.path.insert(0, str(REPO / "benchmarks" / "peers"))
            import compare

            peers, clients_seconds = compare.compare(Path(tmp), _sample, _big_project, handout, RUNS)
        project = _sample(Path(tmp) / "sample")
        alone = {**os.environ, "HANDOUT_SERVER": "0"}

        def run(*args, env=alone):
            subprocess.run([str(handout), *args], cwd=project, check=True, capture_output=True, env=env)

        with Servers() as servers:
            served = servers.env(os.environ)
            servers.start(handout, project, served)
            rows.append(("`handout build` of the sample, whole process, its server running",
                         timed(lambda: run("build", env=served)), 300))
            rows.append(("`handout check` of the sample, whole process, its server running",
                         timed(lambda: run("check", env=served)), None))
        rows.append(("`handout build` of the sample, whole process of its own (HANDOUT_SERVER=0)",
                     timed(lambda: run("build")), 300))
        rows.append(("`handout check` of the sample, whole process of its own", timed(lambda: run("check")), None))
        rows.append(("`handout --help`, whole process", timed(lambda: run("--help")), None))

        from generator.build import build

        build(project)  # warm: imports done, as inside `watch`
        rows.append(("build of the sample in a warm process (poster + booklet)",
                     timed(lambda: build(project)), 100))
        rows.append(("poster alone, warm", timed(lambda: build(project, booklet=False)), None))
        rows.append(("booklet alone, warm", timed(lambda: build(project, poster=False)), None))

        rows += _client_booklets(project, handout, clients_seconds)
        rows += _big_booklets(Path(tmp), build)
        rows += _photo_booklet(project, Path(tmp), build)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"median of {RUNS} runs\n")
    print("| what | ms | budget ms |")
    print("|---|---:|---:|")
    for what, ms, budget in rows:
        print(f"| {what} | {ms:.0f} | {budget if budget else '-'} |")
    if peers:
        print(f"\nHandout beside Typst {_typst_installed()}, the same content, interleaved, median of {RUNS} runs "
              "(the client booklets: of at most 3):")
        compare.print_table(peers)


def _typst_installed() -> str | None:
    """The typst package's version when the `bench` extra is installed."""
    try:
        from importlib.metadata import version

        import typst  # noqa: F401
    except ImportError:
        return None
    return version("typst")


def _sample(project: Path) -> Path:
    """A copy of the repository's sample project at `project`."""
    project.mkdir(parents=True)
    shutil.copy(REPO / "handout.yaml", project)
    shutil.copytree(REPO / "exercises", project / "exercises")
    shutil.copytree(REPO / "assets" / "images", project / "assets" / "images")
    return project


def _client_booklets(sample: Path, handout: Path, seconds: float | None = None):
    """200 personalised booklets, two processes, whole command (`seconds`: already timed beside Typst)."""
    if seconds is not None:
        ms = seconds * 1000
    else:
        from people import clients_csv

        (sample / "clients.csv").write_text(clients_csv(200), encoding="utf-8")
        ms = timed(lambda: subprocess.run([str(handout), "booklets", "-j", "2"], cwd=sample, check=True,
                                          capture_output=True), runs=3)
    return [("`handout booklets -j 2`, 200 clients of the sample, whole process", ms, 8000),
            ("  the same as a rate: booklets per second (not ms)", 200 / (ms / 1000), None)]


def _big_project(root: Path, count: int) -> Path:
    (root / "exercises").mkdir(parents=True)
    for n in range(count):
        (root / "exercises" / f"ex-{n:03d}.yaml").write_text(
            f"name: Exercise {n:03d}\nsteps: [Stand tall., Move slowly., Breathe.]\n"
            "dose: {sets: 2, reps: 10}\ntempo: {lift: 2, lower: 2}\n", encoding="utf-8")
    listed = "".join(f"  - ex-{n:03d}\n" for n in range(count))
    (root / "handout.yaml").write_text(f"title: Big\nexercises:\n{listed}", encoding="utf-8")
    return root


def _big_booklets(tmp: Path, build):
    from pypdf import PdfReader

    rows = []
    from generator.cache import cache_root

    for count, budget in ((100, None), (280, 2000)):
        root = _big_project(tmp / f"big-{count}", count)
        for kept in ("render", "measures", "svg"):  # a first build: nothing of this project kept
            shutil.rmtree(cache_root() / kept, ignore_errors=True)
        start = time.perf_counter()
        build(root, poster=False)
        first = (time.perf_counter() - start) * 1000
        ms = timed(lambda: build(root, poster=False), runs=3)
        pages = len(PdfReader(root / "out" / "big-booklet.pdf").pages)
        rows.append((f"booklet of {count} exercises ({pages} pages), first build, warm process", first, budget))
        rows.append(("the same, rebuilt in the same process", ms, None))
    return rows


def _photo_booklet(sample: Path, tmp: Path, build):
    """Seven 12-megapixel phone photos: the first build, then with the cache."""
    import os as _os
    import re

    from PIL import Image

    for n in range(7):
        Image.effect_noise((4000, 3000), 40).convert("RGB").save(sample / "assets" / "images" / f"p{n}.jpg",
                                                                  quality=90)
    for n, path in enumerate(sorted((sample / "exercises").glob("*.yaml"))):
        path.write_text(re.sub(r"image: \S+", f"image: assets/images/p{n}.jpg", path.read_text()))
    (sample / "handout.yaml").write_text((sample / "handout.yaml").read_text() + "cover: assets/images/p6.jpg\n")
    _os.environ["HANDOUT_CACHE_DIR"] = str(tmp / "cache")
    import generator.images as images

    start = time.perf_counter()
    build(sample, poster=False)
    first = (time.perf_counter() - start) * 1000
    images._ENCODED.clear()  # a new process: only the disk cache is left
    cached = timed(lambda: (images._ENCODED.clear(), build(sample, poster=False)), runs=3)
    return [("booklet with seven 12 MP photos, first build (empty cache)", first, 1000),
            ("the same, downsampled photos cached", cached, 300)]


if __name__ == "__main__":
    main()
