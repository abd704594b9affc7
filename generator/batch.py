"""Personalised booklets for a whole client list, in parallel.

The project and the client list are checked first, in this process; then worker
processes each load the project once and make booklets one client at a time. One
client's failure is reported and does not stop the others. Downsampled photos are
shared through the user's cache; each worker reuses its decoded pictures, compiled
templates and the page numbers of booklets with the same exercises.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from . import collect_garbage_rarely
from .clients import Client, ClientList, load_clients, personalise
from .errors import HandoutError
from .output import remove_stale_temps_of
from .project import LoadedProject, load_project


@dataclass
class Outcome:
    client: Client
    path: Path | None = None
    error: str | None = None


def client_path(project: LoadedProject, client: Client, out_dir: Path | None) -> Path:
    """Where this client's booklet goes; `cannot write PATH: reason` when it may not
    (out/ a link leaving the project, a file of the project there, a device)."""
    from .output import project_inputs, safe_target

    path = (out_dir or project.root / "out" / "clients") / f"{project.slug}-{client.slug}.pdf"
    return safe_target(project.root, path, project_inputs(project), chosen=out_dir is not None,
                       magic=b"%PDF")


class _Maker:
    """Everything one process needs to make booklets, made once."""

    def __init__(self, where: Path, profile: str | None, epoch: int):
        from .images import ImageStore
        from .templates import templates_for
        from .theme import palette_for

        self.project = load_project(where)
        self.templates = templates_for(self.project.root, self.project.settings.language,
                                       self.project.settings.labels)
        self.palette = palette_for(self.project.settings.theme, self.project.root)
        self.images = ImageStore(profile or self.project.settings.booklet.profile)
        self.epoch = epoch
        from .layout.booklet import Shared

        self.shared = Shared()  # what one client's booklet has in common with the next

    def booklet(self, client: Client) -> bytes:
        from .layout.booklet import Booklet, BookletOptions
        from .output import pdf_date

        project = personalise(self.project, client)
        with pdf_date(self.epoch):
            data = Booklet(project, self.templates, self.images, BookletOptions(client=client),
                           self.palette, self.shared).build()
        self.templates.flush()
        return data


_WORKER: _Maker | None = None


def _start_worker(where: str, profile: str | None, epoch: int) -> None:
    global _WORKER
    collect_garbage_rarely()  # as the command does (a spawned worker starts afresh)
    _WORKER = _Maker(Path(where), profile, epoch)


def _make_one(client: Client, path: str) -> tuple[str, str | None]:
    """Make and write one client's booklet; (path, None) or (path, what went wrong)."""
    from .output import write_atomic

    assert _WORKER is not None
    try:
        write_atomic(Path(path), _WORKER.booklet(client), swept=True)  # see build_booklets
    except HandoutError as exc:
        return path, exc.message
    except Exception as exc:  # a bug in one client's booklet must not stop the other forty
        return path, bug_report(exc)
    return path, None


def bug_report(exc: BaseException) -> str:
    """Where in Handout an unexpected exception happened, for the trainer to pass on."""
    import traceback

    package = Path(__file__).resolve().parent
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(package)]
    where = ""
    if ours or frames:
        frame = (ours or frames)[-1]
        shown = Path(frame.filename)
        with contextlib.suppress(ValueError):
            shown = "generator" / Path(frame.filename).resolve().relative_to(package)
        where = f" at {shown.as_posix()}:{frame.lineno} ({frame.name})"
    return (f"{type(exc).__name__}: {exc}{where}; this is a bug in Handout; please report it with "
            "this message")


def prepare(where: Path, clients_file: Path | None) -> tuple[LoadedProject, ClientList, int]:
    """Load and check the project and the client list; nothing is built yet."""
    from .output import build_epoch

    project = load_project(where)
    clients = load_clients(project, clients_file)
    return project, clients, build_epoch(project.input_files() + [clients.path])


def build_booklets(where: Path, clients: ClientList, project: LoadedProject, epoch: int, *,
                   jobs: int | None = None, out_dir: Path | None = None,
                   profile: str | None = None) -> Iterator[Outcome]:
    """Make every client's booklet; yield each outcome as it is done."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    paths = {client.slug: client_path(project, client, out_dir) for client in clients.clients}
    # A killed batch's temp files, removed here with the folder listed once, not once a booklet.
    remove_stale_temps_of(list(paths.values()))
    if jobs == 1 or len(clients.clients) == 1:
        _start_worker(str(where), profile, epoch)
        for client in clients.clients:
            path, error = _make_one(client, str(paths[client.slug]))
            yield Outcome(client, None if error else Path(path), error)
        return
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(str(where), profile, epoch)) as pool:
        futures = {pool.submit(_make_one, client, str(paths[client.slug])): client
                   for client in clients.clients}
        for future in as_completed(futures):
            client = futures[future]
            try:
                path, error = future.result()
            except Exception as exc:  # a worker that died
                yield Outcome(client, None, f"the worker stopped: {bug_report(exc)}")
                continue
            yield Outcome(client, None if error else Path(path), error)
