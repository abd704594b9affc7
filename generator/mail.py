"""`handout send`: each client's booklet, by email.

Messages are made from the `mail.txt` template and sent over one SMTP connection.
A record in `out/mail/sent.json` notes each message the server accepted, right after
it did, so a rerun after a failure sends only the rest: a crash in the middle of one
message may send that one again, never any other. `--dry-run` writes .eml files.
"""

from __future__ import annotations

import hashlib
import json
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from .clients import Client
from .errors import HandoutError, Problem
from .output import write_atomic
from .project import LoadedProject

MAX_BYTES = 10 * 1024 * 1024  # what many company mail servers accept
PASSWORD = "HANDOUT_SMTP_PASSWORD"
PORTS = {"starttls": 587, "ssl": 465, "none": 25}


@dataclass
class SendReport:
    sent: list[Client] = field(default_factory=list)
    skipped: list[Client] = field(default_factory=list)  # sent by an earlier run
    written: list[Path] = field(default_factory=list)  # --dry-run's .eml files
    failed: list[tuple[Client, str]] = field(default_factory=list)


def mail_folder(project: LoadedProject) -> Path:
    return project.root / "out" / "mail"


def compose(project: LoadedProject, templates, client: Client, pdf: Path) -> EmailMessage:
    s = project.settings
    text = templates.render_text("mail.txt", client=client, title=s.title, author=s.author,
                                 subject=s.mail.subject if s.mail else None)
    first, _, body = text.partition("\n")
    if not first.startswith("Subject:"):
        raise HandoutError("template error: the first line of mail.txt must be 'Subject: ...'",
                           templates.user_dir / "mail.txt")
    message = EmailMessage()
    message["From"] = s.mail.sender if s.mail else (s.author.email if s.author and s.author.email else "")
    message["To"] = formataddr((client.name, client.email))
    message["Subject"] = first.removeprefix("Subject:").strip()
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=client.email.split("@")[-1])
    message.set_content(body.lstrip("\n"))
    message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name)
    return message


def send_all(project: LoadedProject, templates, booklets: dict[str, Path], clients: list[Client],
             *, dry_run: bool = False) -> SendReport:
    """Send (or, dry, write) each client's message. Never raises for one client's
    failure: the report lists them."""
    report = SendReport()
    folder = mail_folder(project)
    record_path = folder / "sent.json"
    record = _read_record(record_path)
    todo: list[tuple[Client, EmailMessage, str]] = []
    for client in clients:
        pdf = booklets[client.slug]
        size = pdf.stat().st_size
        if size > MAX_BYTES:
            report.failed.append((client, f"the booklet is {size / 1024 / 1024:.1f} MB, over the 10 MB "
                                          "many mail servers accept; build it with --profile email or "
                                          "smaller photos"))
            continue
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
        if not dry_run and record.get(client.email) == digest:
            report.skipped.append(client)
            continue
        todo.append((client, compose(project, templates, client, pdf), digest))

    if dry_run:
        for client, message, _ in todo:
            path = folder / f"{client.slug}.eml"
            write_atomic(path, bytes(message))
            report.written.append(path)
        return report
    if not todo:
        return report

    with _connect(project) as server:
        for client, message, digest in todo:
            try:
                server.send_message(message)
            except smtplib.SMTPServerDisconnected as exc:
                report.failed.append((client, f"the server hung up: {exc}"))
                break
            except (smtplib.SMTPException, OSError) as exc:
                report.failed.append((client, _smtp_reason(exc)))
                continue
            record[client.email] = digest  # noted at once: a rerun never sends it twice
            write_atomic(record_path, json.dumps(record, indent=1, sort_keys=True).encode())
            report.sent.append(client)
    sent = {c.email for c in report.sent} | {c.email for c, _ in report.failed}
    report.failed += [(c, "not sent: the connection was lost first") for c, _, _ in todo
                      if c.email not in sent]
    return report


def check_settings(project: LoadedProject) -> None:
    """Stop before building anything if sending cannot work."""
    s = project.settings
    if s.mail is None or not s.mail.host:
        raise HandoutError([Problem(project.file, "to send, add a mail: section with host and from "
                                    "(see the README); or try --dry-run")])
    if s.mail.user and not os.environ.get(PASSWORD):
        raise HandoutError([Problem(project.file, f"mail.user is set but {PASSWORD} is not: set the "
                                    "password in that environment variable (never in a file)")])


def _connect(project: LoadedProject) -> smtplib.SMTP:
    mail = project.settings.mail
    port = mail.port or PORTS[mail.security]
    try:
        if mail.security == "ssl":
            server = smtplib.SMTP_SSL(mail.host, port, timeout=30, context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(mail.host, port, timeout=30)
            if mail.security == "starttls":
                server.starttls(context=ssl.create_default_context())
        if mail.user:
            server.login(mail.user, os.environ[PASSWORD])
    except (smtplib.SMTPException, OSError) as exc:
        raise HandoutError([Problem(project.file, f"cannot reach the mail server {mail.host}:{port}: "
                                    f"{_smtp_reason(exc)}; nothing was sent")]) from None
    return server


def _smtp_reason(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        (code, reason), = exc.recipients.values()
        return f"the server refused the address ({code} {reason.decode(errors='replace')})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"the server said {exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"
    return str(exc) or type(exc).__name__


def _read_record(path: Path) -> dict[str, str]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
