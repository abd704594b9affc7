"""`handout send` against a real SMTP server on 127.0.0.1: it never surprises.

Each test makes its own project copy, client list and server; nothing reaches the
network. The trainer's own config folder is a temp folder (HANDOUT_CONFIG_DIR).
"""

from __future__ import annotations

import email
import json
import os
import shutil
import socket
from email import policy

import pytest

from conftest import page_texts

TWO = """\
- name: Ana Novak
  email: ana@example.com
  start: 2026-12-07
  exercises: [hip-raise, lying-superman]
- name: Ben Okafor
  email: ben@example.org
  exercises: [bent-over-shoulder-raise]
"""
RECORD = "out/mail/sent.json"


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    @property
    def to(self) -> list[str]:
        return [m["To"] for m in self.messages]


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    """The trainer's config folder: empty unless a test writes config.yaml there."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("HANDOUT_CONFIG_DIR", str(folder))
    monkeypatch.delenv("HANDOUT_SMTP_PASSWORD", raising=False)
    return folder


@pytest.fixture
def server():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    yield inbox
    controller.stop()


def _project(sample, port, clients=TWO, extra=""):
    (sample / "clients.yaml").write_text(clients, encoding="utf-8")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra + f"mail:\n  host: 127.0.0.1\n  port: {port}\n"
                    "  security: none\n  from: Kannan <coach@missionfit.example>\n", encoding="utf-8")
    return sample


@pytest.fixture
def project(sample, server):
    return _project(sample, server.port)


def _send(cli, where, *args):
    return cli("send", "-j", "1", *args, cwd=where)


def test_touching_or_copying_the_project_sends_nothing_again(project, server, cli, tmp_path):
    first = _send(cli, project, "--yes")
    assert first.exit_code == 0, first.stderr
    assert sorted(server.to) == ["Ana Novak <ana@example.com>", "Ben Okafor <ben@example.org>"]

    later = 2_000_000_000  # 2033: every file looks newer than the record
    for path in project.rglob("*"):
        if path.is_file() and "out" not in path.parts:
            os.utime(path, (later, later))
    (project / "exercises" / "hip-raise.yaml").write_bytes((project / "exercises" / "hip-raise.yaml").read_bytes())
    again = _send(cli, project, "--yes")
    assert again.exit_code == 0, again.stderr
    assert "2 already sent earlier, not sent again" in again.stdout
    assert "changed" not in again.stdout

    clone = shutil.copytree(project, tmp_path / "elsewhere" / "copy")
    moved = _send(cli, clone, "--yes")
    assert moved.exit_code == 0, moved.stderr
    assert "2 already sent earlier" in moved.stdout
    assert len(server.messages) == 2


def test_an_edit_lists_the_changed_clients_and_resends_only_when_asked(project, server, cli, tmp_path):
    assert _send(cli, project, "--yes").exit_code == 0
    # Only Ben does the shoulder raise; Ana's booklet is not made from it.
    path = project / "exercises" / "bent-over-shoulder-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Bent-Over Shoulder Raise",
                                                             "name: Bent-Over Raise"), encoding="utf-8")
    edited = _send(cli, project, "--yes")
    assert edited.exit_code == 0, edited.stderr
    assert "changed since they were sent" in edited.stdout and "Ben Okafor" in edited.stdout
    assert "Ana Novak" not in edited.stdout
    assert "--resend-changed" in edited.stdout
    assert len(server.messages) == 2

    resent = _send(cli, project, "--yes", "--resend-changed")
    assert resent.exit_code == 0, resent.stderr
    assert "sent 1 booklet(s)" in resent.stdout
    assert server.to[2:] == ["Ben Okafor <ben@example.org>"]
    (attachment,) = list(server.messages[2].iter_attachments())
    (tmp_path / "resent.pdf").write_bytes(attachment.get_content())
    assert "Bent-Over Raise" in " ".join(page_texts(tmp_path / "resent.pdf"))
    assert _send(cli, project, "--yes", "--resend-changed").stdout.count("already sent") == 1
    assert len(server.messages) == 3


def test_a_clients_own_edit_changes_only_their_booklet(project, server, cli):
    assert _send(cli, project, "--yes").exit_code == 0
    clients = project / "clients.yaml"
    clients.write_text(clients.read_text(encoding="utf-8").replace(
        "  start: 2026-12-07\n", "  start: 2026-12-14\n"), encoding="utf-8")
    result = _send(cli, project, "--yes")
    assert result.exit_code == 0, result.stderr
    assert "Ana Novak" in result.stdout and "Ben Okafor" not in result.stdout
    assert len(server.messages) == 2


@pytest.mark.parametrize("damage", ['{"Ana Novak <ana@example.com>": "ab', '{"a@x": 5}', "[]"])
def test_a_damaged_record_stops_before_connecting(project, server, cli, damage):
    record = project / RECORD
    record.parent.mkdir(parents=True)
    record.write_text(damage, encoding="utf-8")
    result = _send(cli, project, "--yes")
    assert result.exit_code == 1
    assert "sent.json" in result.stderr and "nothing was sent" in result.stderr
    assert "Traceback" not in result.stderr
    assert server.messages == []
    assert record.read_text(encoding="utf-8") == damage


def test_a_record_that_cannot_be_written_stops_before_connecting(project, server, cli, monkeypatch):
    import generator.mail

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(generator.mail, "write_atomic", refuse)
    result = _send(cli, project, "--yes")
    assert result.exit_code == 1
    assert "sent.json: cannot write the send record: Permission denied; nothing was sent" in result.stderr
    assert server.messages == []


def test_a_record_that_fails_mid_run_stops_at_once(project, server, cli, monkeypatch):
    import generator.mail

    real, calls = generator.mail.write_atomic, []

    def fail_after_the_check(path, data):
        calls.append(path)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(generator.mail, "write_atomic", fail_after_the_check)
    result = _send(cli, project, "--yes")
    assert result.exit_code == 1
    assert "was sent their booklet but the send record cannot be written (No space left" in result.stderr
    assert len(server.messages) == 1  # stopped before the second


def test_without_a_terminal_and_without_yes_nothing_is_sent(project, server, cli):
    result = _send(cli, project)
    assert result.exit_code == 1
    assert f"2 message(s) to send through 127.0.0.1:{server.port}" in result.stdout
    assert "pass --yes" in result.stderr
    assert server.messages == []
    assert not list((project / "out").rglob("*.pdf"))  # not even built


def test_a_second_send_while_one_runs_stops(project, server, cli):
    from filelock import FileLock

    (project / "out" / "mail").mkdir(parents=True)
    with FileLock(project / "out" / "mail" / "send.lock"):
        result = _send(cli, project, "--yes")
    assert result.exit_code == 1
    assert "another `handout send` is running on this project" in result.stderr
    assert server.messages == []
    assert _send(cli, project, "--yes").exit_code == 0  # free again once it ends


def test_two_clients_at_one_address_each_get_their_own(sample, server, cli, tmp_path):
    _project(sample, server.port, "- name: Mia Lund\n  email: parent@example.com\n"
                                  "- name: Leo Lund\n  email: Parent@Example.com\n")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 0, result.stderr
    covers = []
    for n, message in enumerate(server.messages):
        (attachment,) = list(message.iter_attachments())
        (tmp_path / f"{n}.pdf").write_bytes(attachment.get_content())
        covers.append(page_texts(tmp_path / f"{n}.pdf")[0])
    assert len(covers) == 2
    assert any("Prepared for Mia Lund" in c for c in covers) and any("Prepared for Leo Lund" in c for c in covers)
    assert "2 already sent earlier" in _send(cli, sample, "--yes").stdout
    assert len(server.messages) == 2


def test_the_subject_is_a_template(sample, server, cli):
    (sample / "clients.yaml").write_text(TWO, encoding="utf-8")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"mail:\n  host: 127.0.0.1\n  port: {server.port}\n"
                    "  security: none\n  from: coach@example.com\n"
                    "  subject: 'Tu programa, {{ client.name }}: {{ title }}'\n", encoding="utf-8")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 0, result.stderr
    assert sorted(m["Subject"] for m in server.messages) == [
        "Tu programa, Ana Novak: Ultimate Back Workout", "Tu programa, Ben Okafor: Ultimate Back Workout"]


def test_a_broken_subject_names_its_line(sample, server, cli):
    (sample / "clients.yaml").write_text(TWO, encoding="utf-8")
    path = sample / "handout.yaml"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    path.write_text(path.read_text(encoding="utf-8") + f"mail:\n  host: 127.0.0.1\n  port: {server.port}\n"
                    "  security: none\n  from: coach@example.com\n  subject: 'Hi {{ client.nmae }}'\n",
                    encoding="utf-8")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 1
    assert f"handout.yaml:{lines + 6}: mail.subject: template error:" in result.stderr
    assert "nmae" in result.stderr
    assert server.messages == []


def test_spanish_mail_greets_with_the_whole_name(sample, server, cli):
    _project(sample, server.port, "- name: María José Pérez\n  email: mj@example.com\n  start: 2026-12-07\n",
             extra="language: es\n")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 0, result.stderr
    (message,) = server.messages
    body = message.get_body().get_content()
    assert "Hola María José Pérez," in body
    assert "Aquí tienes tu cuadernillo" in body and "diciembre" in body and "2026" in body
    assert message["Subject"] == "Ultimate Back Workout para María José Pérez"


def test_a_greeting_given_is_used(sample, server, cli):
    _project(sample, server.port, "- name: Ana Novak\n  email: ana@example.com\n  greeting: Annie\n")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 0, result.stderr
    body = server.messages[0].get_body().get_content()
    assert "Hello Annie," in body and "Hello Ana" not in body


@pytest.mark.parametrize("name", ['"Eve\\nBcc: all@example.com"', '"Eve\\r"'])
def test_a_line_break_in_a_name_is_refused_at_its_line(sample, cli, name):
    (sample / "clients.yaml").write_text(f"- email: eve@example.com\n  name: {name}\n", encoding="utf-8")
    for command in (["check"], ["send", "--dry-run"]):
        result = cli(*command, cwd=sample)
        assert result.exit_code == 1
        assert "clients.yaml:2: " in result.stderr
        assert "name: has a line break or another control character" in result.stderr


def test_a_plain_text_login_to_another_computer_is_refused(sample, cli, monkeypatch):
    (sample / "clients.yaml").write_text(TWO, encoding="utf-8")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "mail:\n  host: 192.0.2.10\n  security: none\n"
                    "  user: coach\n  from: coach@example.com\n", encoding="utf-8")
    monkeypatch.setenv("HANDOUT_SMTP_PASSWORD", "secret")
    result = _send(cli, sample, "--yes")  # 192.0.2.10 goes nowhere: a connection would hang
    assert result.exit_code == 1
    assert "mail.security: security: none would send the login and password to 192.0.2.10 as plain text" \
        in result.stderr
    assert not (sample / "out").exists()


def test_the_trainers_own_server_wins_over_the_projects(sample, server, cli, own_config):
    (own_config / "config.yaml").write_text(
        f"mail:\n  host: 127.0.0.1\n  port: {server.port}\n  security: none\n  from: Me <me@example.com>\n",
        encoding="utf-8")
    (sample / "clients.yaml").write_text(TWO, encoding="utf-8")
    path = sample / "handout.yaml"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    path.write_text(path.read_text(encoding="utf-8") + "mail:\n  host: smtp.stranger.example\n  port: 25\n"
                    "  from: them@stranger.example\n  subject: 'For {{ client.name }}'\n", encoding="utf-8")
    result = _send(cli, sample, "--yes")
    assert result.exit_code == 0, result.stderr
    assert f"handout.yaml:{lines + 2}: mail.host: warning: ignored: the mail server comes from your own " \
           "settings" in result.stderr
    assert "mail.from: warning: ignored" in result.stderr and "mail.subject" not in result.stderr
    assert f"through 127.0.0.1:{server.port}" in result.stdout
    assert sorted(m["Subject"] for m in server.messages) == ["For Ana Novak", "For Ben Okafor"]
    assert {m["From"] for m in server.messages} == {"Me <me@example.com>"}


def test_the_record_names_clients_not_file_times(project, server, cli):
    assert _send(cli, project, "--yes").exit_code == 0
    record = json.loads((project / RECORD).read_text(encoding="utf-8"))
    assert sorted(record) == ["Ana Novak <ana@example.com>", "Ben Okafor <ben@example.org>"]


def test_a_record_from_before_fingerprints_still_counts(project, server, cli):
    record = project / RECORD
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps({"ana@example.com": "0" * 64}), encoding="utf-8")
    result = _send(cli, project, "--yes")
    assert result.exit_code == 0, result.stderr
    assert server.to == ["Ben Okafor <ben@example.org>"]
    assert "Ana Novak <ana@example.com>" in json.loads(record.read_text(encoding="utf-8"))


def test_on_a_terminal_send_asks_first(project, server):
    """The real program on a terminal: it names the server, asks, and sends on 'y'."""
    import pty
    import subprocess
    import sys

    main, child = pty.openpty()
    os.write(main, b"y\n")
    proc = subprocess.run([sys.executable, "-m", "generator", "send", "-j", "1"], cwd=project, stdin=child,
                          capture_output=True, text=True, timeout=120, env={**os.environ})
    os.close(main)
    os.close(child)
    assert proc.returncode == 0, proc.stderr
    assert f"2 message(s) to send through 127.0.0.1:{server.port}" in proc.stdout
    assert "Send them? [y/N]" in proc.stdout
    assert "sent 2 booklet(s)" in proc.stdout
    assert len(server.messages) == 2


def test_a_mail_folder_link_leading_outside_the_project_is_refused(project, server, cli, tmp_path):
    # Only out/mail leads out: the booklets' own folder is fine, so the send record,
    # the lock and the messages are what is refused.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "out").mkdir()
    (project / "out" / "mail").symlink_to(elsewhere)
    result = cli("send", "--yes", cwd=project)
    assert result.exit_code == 1
    assert "leads outside the project" in result.stderr
    assert server.messages == []
    assert list(elsewhere.iterdir()) == []
