"""Build a Handout project's poster and booklet with Typst, for benchmarks/run.py.

`python typst_build.py PROJECT` writes PROJECT/out-typst/{poster,booklet}.pdf: the whole
process is what run.py times against `handout build`. `--booklet` builds the booklet
alone; `--clients -j 2` builds a booklet for each row of PROJECT/clients.csv with two
worker processes, as `handout booklets -j 2` does.

The .typ files read the project's own handout.yaml, exercises/*.yaml and pictures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import typst

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent.parent / "assets" / "fonts"  # Handout's own Open Sans


_COMPILERS_MADE = 0


def compiler(project: Path, document: str) -> typst.Compiler:
    global _COMPILERS_MADE
    _COMPILERS_MADE += 1
    # Root "/" so the documents here can read a project anywhere; its folder is an input.
    return typst.Compiler(HERE / f"{document}.typ", root="/", font_paths=[str(FONTS)], ignore_system_fonts=True,
                          sys_inputs={"project": str(project.resolve())})


def build(project: Path, poster: bool = True, booklet: bool = True, compilers: dict | None = None) -> None:
    """Write out-typst/poster.pdf and booklet.pdf; pass `compilers` to reuse them (a warm rebuild)."""
    out = project / "out-typst"
    out.mkdir(exist_ok=True)
    compilers = {} if compilers is None else compilers
    for document, wanted in (("poster", poster), ("booklet", booklet)):
        if wanted:
            if document not in compilers:
                compilers[document] = compiler(project, document)
            compilers[document].compile(output=str(out / f"{document}.pdf"))


_WORKER: typst.Compiler | None = None


def _client_booklet(job: tuple[str, dict[str, str]]) -> None:
    global _WORKER
    project, row = job
    if _WORKER is None:  # one compiler per worker process, reused for its clients
        _WORKER = compiler(Path(project), "booklet")
    inputs = {"project": project, "client": row["name"], "note": row.get("note") or "",
              **({"start": row["start"]} if row.get("start") else {})}
    slug = "".join(c if c.isalnum() else "-" for c in row["name"].lower())
    _WORKER.compile(output=str(Path(project) / "out-typst" / "clients" / f"{slug}.pdf"), sys_inputs=inputs)


def client_booklets(project: Path, jobs: int) -> int:
    # Imported here: `build` is timed as a whole process and should not pay for them.
    import csv
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with open(project / "clients.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    (project / "out-typst" / "clients").mkdir(parents=True, exist_ok=True)
    # Fork, as `handout booklets` does, unless this process has compiled: Typst's threads
    # do not survive a fork (the workers hang), so then start them afresh.
    context = multiprocessing.get_context("spawn" if _COMPILERS_MADE else "fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        list(pool.map(_client_booklet, [(str(project.resolve()), row) for row in rows], chunksize=8))
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--booklet", action="store_true", help="the booklet alone")
    parser.add_argument("--clients", action="store_true", help="a booklet per row of clients.csv")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.clients:
        client_booklets(args.project, args.jobs)
    else:
        build(args.project, poster=not args.booklet)


if __name__ == "__main__":
    main()
