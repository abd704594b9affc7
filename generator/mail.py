"""`handout send`: each client's booklet, by email, once.

What was sent is judged by content: the record `out/mail/sent.json` keys each message
on the client (name and lower-case address) and stores a fingerprint of what that
client's booklet is made from (see `fingerprint`). Touching a file, copying the project
or another client's edit changes nothing there; an edit to this client's content marks
their booklet "changed", sent again only when asked. The record is checked readable and
writable before any connection and written after each accepted message, so a rerun
after a failure sends only the rest. One `send` runs on a project at a time (a lock).

The server may come from the trainer's own configuration file (`config.yaml` in the
user's config folder, or HANDOUT_CONFIG_DIR), which a shared project cannot change.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import json
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from .clients import Client, personalise
from .errors import HandoutError, Problem
from .loading import YamlFileError, read_yaml
from .models import MailSettings, Model
from .output import write_atomic
from .project import LoadedProject

MAX_BYTES = 10 * 1024 * 1024  # what many company mail servers accept
PASSWORD = "HANDOUT_SMTP_PASSWORD"
CONFIG_DIR = "HANDOUT_CONFIG_DIR"
PORTS = {"starttls": 587, "ssl": 465, "none": 25}
SERVER_KEYS = ("host", "port", "security", "user", "from")


# --- the server ---------------------------------------------------------------------


class _UserConfig(Model):
    """The trainer's own settings, outside every project."""

    mail: MailSettings | None = None


@dataclass
class Server:
    host: str | None
    port: int
    security: str
    user: str | None
    sender: str | None
    origin: Path  # the file that named it

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def user_config_file() -> Path:
    import click

    folder = os.environ.get(CONFIG_DIR) or click.get_app_dir("handout")
    return Path(folder) / "config.yaml"


def server_for(project: LoadedProject) -> tuple[Server, list[Problem]]:
    """The server to send through, and warnings about project settings it overrides."""
    own = _user_mail()
    mail = project.settings.mail
    if own is None or not own[0].model_fields_set & {"host", "port", "security", "user", "sender"}:
        chosen, origin, warnings = mail or MailSettings(), project.file, []
    else:
        chosen, origin = own
        doc = read_yaml(project.file)
        warnings = [doc.problem(("mail", key), f"ignored: the mail server comes from your own "
                                f"settings in {origin}", warning=True)
                    for key in SERVER_KEYS if ("mail", key) in doc.lines]
    port = chosen.port or PORTS[chosen.security]
    return Server(chosen.host, port, chosen.security, chosen.user, chosen.sender, origin), warnings


def _user_mail() -> tuple[MailSettings, Path] | None:
    from .validation import validate

    path = user_config_file()
    if not path.is_file():
        return None
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        raise HandoutError([exc.problem]) from None
    config, problems = validate(doc, _UserConfig)
    if problems:
        raise HandoutError(problems)
    if config.mail is not None and config.mail.subject:
        raise HandoutError([doc.problem(("mail", "subject"), "the subject belongs in each project's "
                                        "handout.yaml (mail.subject); remove it here")])
    return (config.mail, path) if config.mail is not None else None


def check_server(server: Server) -> None:
    """Stop before building anything if sending cannot work, or would leak the password."""
    if not server.host or not server.sender:
        raise HandoutError([Problem(server.origin, "to send, add a mail: section with host and from "
                                    "(see the README); or try --dry-run")])
    if server.user and not os.environ.get(PASSWORD):
        raise HandoutError([Problem(server.origin, f"mail.user is set but {PASSWORD} is not: set the "
                                    "password in that environment variable (never in a file)")])
    if server.user and server.security == "none" and not _loopback(server.host):
        raise HandoutError([Problem(server.origin, f"security: none would send the login and password "
                                    f"to {server.host} as plain text; use security: starttls or ssl "
                                    "(only a server on this computer may go without)", key="mail.security")])


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- what each client's booklet is made from ------------------------------------------


def fingerprint(project: LoadedProject, client: Client, hashes: dict[Path, str] | None = None) -> str:
    """A hash of what this client's booklet is made from: content, never file times
    or where the project sits on disk."""
    hashes = {} if hashes is None else hashes
    mine = personalise(project, client)
    s = project.settings
    files = [ex.image_path for ex in mine.exercises if ex.image_path]
    files += [project.resolve(extra) for extra in (s.cover, s.author.photo if s.author else None,
                                                   s.theme.logo, *s.theme.fonts.values()) if extra]
    folder = project.root / "templates"
    templates = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("mail")) \
        if folder.is_dir() else []
    made_of = {
        "settings": s.model_dump(mode="json", exclude={"mail"}),
        # With phases, content.dose is only the first phase's: a changed Build dose is in doses.
        "exercises": [[ex.id, ex.content.model_dump(mode="json"),
                       [d.model_dump(mode="json") if d else None for d in ex.doses],
                       {name: d.model_dump(mode="json") for name, d in ex.phase_doses.items()}]
                      for ex in mine.exercises],
        "files": [_hash(path, hashes) for path in files],
        "templates": [[p.relative_to(folder).as_posix(), _hash(p, hashes)] for p in templates],
        "client": client.model_dump(mode="json"),
    }
    text = json.dumps(made_of, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _hash(path: Path, hashes: dict[Path, str]) -> str:
    if path not in hashes:
        hashes[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes[path]


def record_key(client: Client) -> str:
    return f"{client.name} <{client.email.lower()}>"


# --- the send record ---------------------------------------------------------------------


@dataclass
class Record:
    """What was sent: {"Name <address>": fingerprint}."""

    path: Path
    sent: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Record:
        return cls(folder / "sent.json", _read(folder / "sent.json"))

    def check_writable(self) -> None:
        """Prove the record can be written before anything is sent."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._write()
        except OSError as exc:
            raise HandoutError([Problem(self.path, f"cannot write the send record: "
                                        f"{exc.strerror or exc}; nothing was sent")]) from None

    def note(self, client: Client, digest: str) -> None:
        self.sent[record_key(client)] = digest
        self._write()

    def _write(self) -> None:
        write_atomic(self.path, json.dumps(self.sent, indent=1, sort_keys=True, ensure_ascii=False).encode())


def _read(path: Path) -> dict[str, str]:
    fix = "; move it away to send to everyone again, or restore it from a backup"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise HandoutError([Problem(path, f"cannot read the send record: {exc.strerror}; nothing was "
                                    "sent")]) from None
    except ValueError as exc:
        raise HandoutError([Problem(path, f"the send record is damaged ({exc}); nothing was sent{fix}")]) \
            from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(v) == 64
                                              for k, v in data.items()):
        raise HandoutError([Problem(path, "the send record is not what Handout writes (expected "
                                    f"\"Name <address>\": fingerprint pairs); nothing was sent{fix}")])
    return data


@contextlib.contextmanager
def send_lock(folder: Path):
    """Only one `send` per project at a time: two would each mail everyone."""
    from filelock import FileLock, Timeout

    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / "send.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise HandoutError([Problem(folder / "send.lock", "another `handout send` is running on this "
                                    "project; wait for it to finish, then run it again")]) from None
    try:
        yield
    finally:
        lock.release()


# --- what is to be sent ------------------------------------------------------------------


@dataclass
class Plan:
    new: list[Client] = field(default_factory=list)
    changed: list[Client] = field(default_factory=list)  # sent before; their booklet changed
    same: list[Client] = field(default_factory=list)  # sent before, unchanged
    digests: dict[str, str] = field(default_factory=dict)  # by record key


def plan(project: LoadedProject, clients: list[Client], record: Record) -> Plan:
    out, hashes = Plan(), {}
    for client in clients:
        key = record_key(client)
        digest = out.digests[key] = fingerprint(project, client, hashes)
        earlier = record.sent.get(key)
        if earlier is None and client.email in record.sent:
            # A record from before fingerprints, keyed by the address alone: they have it.
            earlier = record.sent[key] = digest
        (out.new if earlier is None else out.same if earlier == digest else out.changed).append(client)
    return out


# --- the messages ------------------------------------------------------------------------


def mail_folder(project: LoadedProject) -> Path:
    """out/mail, refused when a shared project's `out` leads outside it: the record,
    the lock and the .eml files are written there."""
    from .output import project_inputs, safe_target

    folder = project.root / "out" / "mail"
    safe_target(project.root, folder / "sent.json", project_inputs(project))
    return folder


def mail_template(templates, language: str) -> str:
    """The project's mail.<lang>.txt, the project's mail.txt, then the built-in ones."""
    from .templates import builtin_dir

    for name in (f"mail.{language}.txt", "mail.txt"):
        if (templates.user_dir / name).is_file():
            return name
    return f"builtin/mail.{language}.txt" if (builtin_dir() / f"mail.{language}.txt").is_file() \
        else "builtin/mail.txt"


def subject_for(project: LoadedProject, templates, client: Client) -> str | None:
    """mail.subject as a template: {{ client.name }}, {{ title }}, {{ author }}."""
    import jinja2

    from .templates import TEMPLATE_RUNTIME_ERRORS, runtime_message

    s = project.settings
    if not s.mail or not s.mail.subject:
        return None
    try:
        return templates.env.from_string(s.mail.subject).render(client=client, title=s.title,
                                                                author=s.author).strip()
    except (jinja2.TemplateError, *TEMPLATE_RUNTIME_ERRORS) as exc:
        doc = read_yaml(project.file)
        problem = doc.problem(("mail", "subject"), f"template error: {runtime_message(exc)}")
        raise HandoutError([problem]) from None


def compose(project: LoadedProject, templates, client: Client, pdf: Path, sender: str | None) -> EmailMessage:
    s = project.settings
    name = mail_template(templates, s.language)
    text = templates.render_text(name, client=client, title=s.title, author=s.author,
                                 subject=subject_for(project, templates, client))
    first, _, body = text.partition("\n")
    if not first.startswith("Subject:"):
        raise HandoutError(f"template error: the first line of {name.removeprefix('builtin/')} must be "
                           "'Subject: ...'", templates.user_dir / name)
    message = EmailMessage()
    message["From"] = sender or (s.author.email if s.author and s.author.email else "")
    message["To"] = formataddr((client.name, client.email))
    message["Subject"] = " ".join(first.removeprefix("Subject:").split())
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=client.email.split("@")[-1])
    message.set_content(body.lstrip("\n"))
    message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name)
    return message


def too_big(pdf: Path) -> str | None:
    size = pdf.stat().st_size
    if size <= MAX_BYTES:
        return None
    return (f"the booklet is {size / 1024 / 1024:.1f} MB, over the 10 MB many mail servers accept; "
            "build it with --profile email or smaller photos")


# --- sending --------------------------------------------------------------------------------


@dataclass
class SendReport:
    sent: list[Client] = field(default_factory=list)
    failed: list[tuple[Client, str]] = field(default_factory=list)


def deliver(server: Server, record: Record, outbox: list[tuple[Client, EmailMessage, str]]) -> SendReport:
    """Send each message over one connection; note each accepted one at once."""
    report = SendReport()
    with _connect(server) as smtp:
        for client, message, digest in outbox:
            try:
                smtp.send_message(message)
            except smtplib.SMTPServerDisconnected as exc:
                report.failed.append((client, f"the server hung up: {exc}"))
                break
            except (smtplib.SMTPException, OSError) as exc:
                report.failed.append((client, _smtp_reason(exc)))
                continue
            report.sent.append(client)
            try:
                record.note(client, digest)
            except OSError as exc:
                raise HandoutError([Problem(record.path, f"{client.name} was sent their booklet but the "
                                            f"send record cannot be written ({exc.strerror or exc}); "
                                            "stopped: fix that before sending again")]) from None
    done = {record_key(c) for c in report.sent} | {record_key(c) for c, _ in report.failed}
    report.failed += [(c, "not sent: the connection was lost first") for c, _, _ in outbox
                      if record_key(c) not in done]
    return report


def _connect(server: Server) -> smtplib.SMTP:
    try:
        if server.security == "ssl":
            smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=30,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=30)
            if server.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if server.user:
            smtp.login(server.user, os.environ[PASSWORD])
    except (smtplib.SMTPException, OSError) as exc:
        raise HandoutError([Problem(server.origin, f"cannot reach the mail server {server.address}: "
                                    f"{_smtp_reason(exc)}; nothing was sent")]) from None
    return smtp


def _smtp_reason(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        (code, reason), = exc.recipients.values()
        return f"the server refused the address ({code} {reason.decode(errors='replace')})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"the server said {exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"
    return str(exc) or type(exc).__name__
