"""Handout beside Typst on the same content, interleaved: the table of issue 13.

benchmarks/run.py calls `compare()` when the `typst` package imports (the `bench`
extra). Each repetition runs the tools one after the other, in alternating order, so
a noisy neighbour slows both alike. Typst reads the very files Handout reads.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TYPST = [sys.executable, str(HERE / "typst_build.py")]
# What any Python PDF tool of Handout's kind must import before it does anything.
FLOOR = [sys.executable, "-c", "import reportlab.platypus, jinja2, yaml, click"]


def interleaved(tools: dict[str, Callable[[], object]], runs: int,
                before: Callable[[str], None] | None = None) -> dict[str, float]:
    """Median seconds per tool; `before(name)` runs untimed ahead of each timing."""
    times: dict[str, list[float]] = {name: [] for name in tools}
    names = list(tools)
    for run in range(runs):
        for name in names if run % 2 == 0 else names[::-1]:
            if before:
                before(name)
            start = time.perf_counter()
            tools[name]()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def process(args: list[str], cwd: Path, env: dict | None = None) -> int:
    """Run a whole process; return its peak memory in KB (from wait4, this child alone)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a progress bar cannot fill it and block
        child = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{errors.read().decode()}")
    return usage.ru_maxrss


def fresh_cache() -> dict:
    """The environment of a first build: an empty Handout cache, in a process of its own
    (a server's worker would start warm)."""
    return {**os.environ, "HANDOUT_CACHE_DIR": tempfile.mkdtemp(prefix="handout-bench-cache-"),
            "HANDOUT_SERVER": "0"}


def compare(tmp: Path, make_sample: Callable[[Path], Path], big_project: Callable[[Path, int], Path],
            handout: Path, runs: int) -> tuple[list[tuple[str, str, str, str, str]], float]:
    """The rows of issue 13's table, (work, Handout, Typst, Handout ÷ Typst, import floor), and
    the seconds `handout booklets -j 2` took, so run.py need not time that minute again."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    import typst_build
    from servers import Servers

    from generator.build import build

    rows = []
    sample = make_sample(tmp / "peers-sample")
    alone = fresh_cache()
    with Servers() as servers:
        served = servers.env(fresh_cache())
        servers.start(handout, sample, served)
        process([str(handout), "build"], sample, alone)  # both tools write once before timing
        process(TYPST + [str(sample)], sample)
        t = interleaved({"handout": lambda: process([str(handout), "build"], sample, served),
                         "alone": lambda: process([str(handout), "build"], sample, alone),
                         "typst": lambda: process(TYPST + [str(sample)], sample),
                         "floor": lambda: process(FLOOR, sample)}, runs)
    floor = f"{_ms(t['floor'])} (reportlab.platypus, jinja2, yaml, click)"
    rows.append(("sample poster + booklet, whole process (`handout build`, its server running)",
                 f"{_ms(t['handout'])} ({t['handout'] / t['floor']:.2f}× floor)",
                 f"{_ms(t['typst'])} ({t['typst'] / t['floor']:.2f}× floor)",
                 _ratio(t["handout"], t["typst"]), floor))
    rows.append(("… in a process of its own (the day's first command, or HANDOUT_SERVER=0)",
                 f"{_ms(t['alone'])} ({t['alone'] / t['floor']:.2f}× floor)",
                 f"{_ms(t['typst'])} ({t['typst'] / t['floor']:.2f}× floor)",
                 _ratio(t["alone"], t["typst"]), floor))

    # A trainer saves a file with `watch` running: the process is warm, one line changed.
    edited = sample / "exercises" / "hip-raise.yaml"
    original = edited.read_text(encoding="utf-8")
    edits = iter(range(10**6))
    compilers: dict = {}
    build(sample)
    typst_build.build(sample, compilers=compilers)
    t = interleaved({"handout": lambda: build(sample), "typst": lambda: typst_build.build(sample, compilers=compilers)},
                    runs, before=lambda _: edited.write_text(
                        original.replace("Raise your hips slowly.", f"Raise your hips slowly ({next(edits)}).")))
    edited.write_text(original, encoding="utf-8")
    rows.append(("rebuild after an edit, same process (Handout: `build` warm; Typst: the binding's next compile)",
                 _ms(t["handout"]), _ms(t["typst"]), _ratio(t["handout"], t["typst"]), ""))

    rows.append(_big_booklet(tmp, big_project, handout, runs))
    row, clients_seconds = _client_booklets(sample, handout, min(runs, 3))
    rows.append(row)
    rows.append(_photo_booklet(tmp, make_sample, handout, runs))
    return rows, clients_seconds


def _big_booklet(tmp: Path, big_project, handout: Path, runs: int):
    """280 exercises make a booklet of about 300 pages; the first build, nothing cached."""
    from pypdf import PdfReader

    root = big_project(tmp / "peers-big", 280)
    memory: dict[str, int] = {}

    def run(name, args, env=None):
        memory[name] = max(memory.get(name, 0), process(args, root, env))

    t = interleaved({"handout": lambda: run("handout", [str(handout), "booklet"], fresh_cache()),
                     "typst": lambda: run("typst", TYPST + [str(root), "--booklet"])}, runs)
    pages = {"handout": len(PdfReader(root / "out" / "big-booklet.pdf").pages),
             "typst": len(PdfReader(root / "out-typst" / "booklet.pdf").pages)}
    cell = {name: f"{t[name]:.2f} s, {pages[name]} pages, {memory[name] // 1024} MB" for name in t}
    return ("~300-page booklet (280 exercises), first build, whole process", cell["handout"], cell["typst"],
            _ratio(t["handout"], t["typst"]), "")


def _client_booklets(sample: Path, handout: Path, runs: int):
    """200 personalised booklets with two processes: Handout's command, a Typst worker pool."""
    sys.path.insert(0, str(HERE.parent))
    from people import clients_csv

    (sample / "clients.csv").write_text(clients_csv(200), encoding="utf-8")
    env = fresh_cache()
    t = interleaved({"handout": lambda: process([str(handout), "booklets", "-j", "2"], sample, env),
                     "typst": lambda: process(TYPST + [str(sample), "--clients", "-j", "2"], sample)}, runs)
    (sample / "clients.csv").unlink()
    return ("200 client booklets, 2 processes, whole process", f"{200 / t['handout']:.1f} a second",
            f"{200 / t['typst']:.1f} a second", _ratio(t["handout"], t["typst"]), ""), t["handout"]


def _photo_booklet(tmp: Path, make_sample, handout: Path, runs: int):
    """Seven 12 MP phone photos (six exercises and the cover) in the booklet a trainer emails."""
    sys.path.insert(0, str(REPO / "tests"))
    from photos import phone_photo

    project = make_sample(tmp / "peers-photos")
    for n in range(7):
        phone_photo(project / "assets" / "images" / f"p{n}.jpg", seed=n)
    for n, path in enumerate(sorted((project / "exercises").glob("*.yaml"))):
        path.write_text(re.sub(r"image: \S+", f"image: assets/images/p{n}.jpg", path.read_text()))
    (project / "handout.yaml").write_text((project / "handout.yaml").read_text() + "cover: assets/images/p6.jpg\n")
    t = interleaved({"handout": lambda: process([str(handout), "booklet"], project, fresh_cache()),
                     "typst": lambda: process(TYPST + [str(project), "--booklet"], project)}, runs)
    handout_pdf = next((project / "out").glob("*booklet*.pdf"))
    size = {"handout": handout_pdf.stat().st_size, "typst": (project / "out-typst" / "booklet.pdf").stat().st_size}
    cell = {name: f"{t[name]:.2f} s / {_bytes(size[name])}" for name in t}
    return ("seven 12 MP phone photos, emailed booklet, first build (empty cache), whole process",
            cell["handout"], cell["typst"], _ratio(t["handout"], t["typst"]), "")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _ratio(handout: float, typst: float) -> str:
    return f"{handout / typst:.2f}×"


def _bytes(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def print_table(rows) -> None:
    print("\n| work | Handout | Typst | Handout ÷ Typst (time) | import floor |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
