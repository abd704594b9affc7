"""`handout send`, from the client list to the server: the steps in their order.

Everything that could stop the run is checked before anything goes out: the server
settings, the lock, the send record (readable, then writable), the trainer's answer.
Booklets are made only for the clients who get a message. The command line gives the
three things a library may not do itself: ask, show progress and print.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import mail
from .batch import build_booklets, prepare
from .clients import Client, ClientList
from .errors import HandoutError, Problem, display_path
from .output import write_atomic
from .templates import templates_for


@dataclass
class Hooks:
    """What the command line does for a send: print a line (to stderr when it is a
    warning), ask before sending (raising HandoutError for "no"), and make the
    booklets with a progress bar (returning each made client's PDF by slug)."""

    tell: Callable[[str, bool], None]
    ask: Callable[[str], None]
    make: Callable[[Iterable, int], dict[str, Path]]


def send(where: Path, clients_file: Path | None, hooks: Hooks, *, dry_run: bool = False,
         resend_changed: bool = False, jobs: int | None = None) -> None:
    """Send each client their booklet once (or, dry, write the messages as .eml).
    Raises HandoutError before anything is sent when sending cannot be done safely;
    one client's failure does not stop the others: all are listed in the HandoutError
    raised at the end."""
    project, clients, epoch = prepare(where, clients_file)
    server, warnings = mail.server_for(project)
    for warning in warnings:
        hooks.tell(str(warning), True)
    if not dry_run:
        mail.check_server(server)
    folder = mail.mail_folder(project)
    failed: list[tuple[Client, str]] = []
    with contextlib.nullcontext() if dry_run else mail.send_lock(folder):
        record = mail.Record.read(folder)
        plan = mail.plan(project, clients.clients, record)
        todo = clients.clients if dry_run else plan.new + (plan.changed if resend_changed else [])
        if plan.same and not dry_run:
            hooks.tell(f"{len(plan.same)} already sent earlier, not sent again", False)
        if plan.changed and not (dry_run or resend_changed):
            hooks.tell("changed since they were sent, not sent again (--resend-changed sends them): "
                       + ", ".join(c.name for c in plan.changed), False)
        if not todo:
            return
        if not dry_run:
            record.check_writable()
            hooks.ask(f"{len(todo)} message(s) to send through {server.address} (the server named in "
                      f"{display_path(server.origin)})")
        paths = hooks.make(build_booklets(where, ClientList(clients.path, todo), project, epoch, jobs=jobs),
                           len(todo))
        templates = templates_for(project.root, project.settings.language, project.settings.labels)
        failed += [(c, "its booklet could not be made") for c in todo if c.slug not in paths]
        outbox = []
        for client in (c for c in todo if c.slug in paths):
            reason = mail.too_big(paths[client.slug])
            if reason:
                failed.append((client, reason))
                continue
            message = mail.compose(project, templates, client, paths[client.slug], server.sender)
            outbox.append((client, message, plan.digests[mail.record_key(client)]))
        if dry_run:
            for client, message, _ in outbox:
                path = folder / f"{client.slug}.eml"
                write_atomic(path, bytes(message))
                hooks.tell(f"wrote {display_path(path)}", False)
        elif outbox:
            report = mail.deliver(server, record, outbox)
            failed += report.failed
            if report.sent:
                hooks.tell(f"sent {len(report.sent)} booklet(s)", False)
    if failed:
        raise HandoutError([Problem(clients.path, f"{c.name}: {why}") for c, why in failed])
