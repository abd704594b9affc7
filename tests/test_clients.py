"""Personalised booklets for a client list, and sending them by email."""

from __future__ import annotations

import email
import socket
import time
from email import policy

import pytest

from conftest import all_text, page_texts

CLIENTS = """\
- name: Ana Novak
  email: ana@example.com
  start: 2026-12-07
  note: Easy on the shoulder raise for two weeks.
  exercises: [hip-raise, lying-superman]
  doses:
    hip-raise: {sets: 2, reps: 15, per_week: 2}
- name: Ben Okafor
  email: ben@example.org
- name: Chloé Dubois
  email: chloe@example.net
"""
OUT = "out/clients/ultimate-back-workout-{}.pdf"


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    """No trainer's own mail settings, whatever the machine running the tests has."""
    monkeypatch.setenv("HANDOUT_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def with_clients(sample):
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    return sample


def test_one_clients_booklet_has_their_name_note_plan_and_dose(with_clients, cli):
    result = cli("booklet", "--client", "Ana Novak", cwd=with_clients)
    assert result.exit_code == 0, result.stderr
    pdf = with_clients / OUT.format("ana-novak")
    pages = page_texts(pdf)
    assert "Prepared for Ana Novak" in pages[0] and "Easy on the shoulder raise" in pages[0]
    assert "Starting 7 December 2026" in pages[0]
    text = all_text(pdf)
    assert "Hip Raise" in text and "Lying Superman" in text and "Standing Lower Back Extension" not in text
    hip = next(p for p in pages if p.startswith("Hip Raise"))
    assert "2 sets × 15 reps" in hip and "hold 1 s" in hip and "2 times a week" in hip
    log = next(p for p in pages if p.startswith("Your log"))
    assert "Week 1 7 Dec" in log and "Week 4 28 Dec" in log
    assert "Shaded boxes" in log  # hip raise twice a week, the superman three times


def test_booklets_for_every_client_in_parallel(with_clients, cli):
    result = cli("booklets", "-j", "2", cwd=with_clients)
    assert result.exit_code == 0, result.stderr
    for slug, name in (("ana-novak", "Ana Novak"), ("ben-okafor", "Ben Okafor"), ("chloe-dubois", "Chloé Dubois")):
        assert f"Prepared for {name}" in page_texts(with_clients / OUT.format(slug))[0]
    assert "Bent-Over Shoulder Raise" in all_text(with_clients / OUT.format("ben-okafor"))


def test_two_hundred_clients_from_csv(sample, cli):
    rows = ["name,email,start,note"] + [f"Client {n:03d},c{n}@example.com,2026-12-{1 + n % 28:02d},Note {n}"
                                        for n in range(200)]
    (sample / "clients.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = cli("booklets", "-j", "2", cwd=sample)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0, result.stderr
    made = sorted((sample / "out" / "clients").glob("*.pdf"))
    assert len(made) == 200
    for n in (0, 57, 199):
        first = page_texts(sample / OUT.format(f"client-{n:03d}"))[0]
        assert f"Client {n:03d}" in first and f"Note {n}" in first
    assert elapsed < 120  # the benchmark holds the real figure


@pytest.mark.parametrize("content,expected", [
    ("- name: Ana\n  email: ana@example\n",
     "clients.yaml:2: [1].email: 'ana@example' is not an email address"),
    ("- name: Ana\n  email: ana@example.com\n  exercises: [hip-rise]\n",
     "clients.yaml:3: [1].exercises[1]: no exercise 'hip-rise' in the workout; did you mean 'hip-raise'?"),
    ("- name: Ana Li\n  email: a@example.com\n- name: ana li\n  email: b@example.com\n",
     "clients.yaml:3: [2].name: 'ana li' gets the same file name (ana-li) as 'Ana Li' on line 1"),
    ("- name: Ana\n  email: a@example.com\n  doses: {hip-raise: {sets: lots}}\n",
     "clients.yaml:3: [1].doses.hip-raise.sets: expected a whole number, got 'lots'"),
    ("- name: Ana\n  emial: a@example.com\n", "clients.yaml:2: [1].emial: unknown key 'emial'; did you mean 'email'?"),
])
def test_a_bad_clients_file_is_reported_before_anything_is_built(sample, cli, content, expected):
    (sample / "clients.yaml").write_text(content, encoding="utf-8")
    for command in (["booklets"], ["send", "--dry-run"]):
        result = cli(*command, cwd=sample)
        assert result.exit_code == 1
        assert expected in result.stderr, result.stderr
        assert not (sample / "out").exists()


def test_every_client_list_problem_in_one_run_with_the_fix(sample, cli):
    (sample / "clients.yaml").write_text(
        "- name: Ana Li\n  email: a@example.com\n- name: Bo\n  email: nope\n"
        "- name: ana li\n  email: b@example.com\n  start: 07/12/2026\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "clients.yaml:4: [2].email: 'nope' is not an email address" in result.stderr
    assert ("clients.yaml:5: [3].name: 'ana li' gets the same file name (ana-li) as 'Ana Li' on line 1; "
            "make the names differ") in result.stderr
    assert ("clients.yaml:7: [3].start: '07/12/2026' is not a date Handout can read; write dates as "
            "2026-12-07 (year-month-day)") in result.stderr


def test_a_semicolon_csv_from_a_european_spreadsheet_is_read(sample, cli):
    (sample / "clients.csv").write_text("\ufeffName;Email;Start;Note\nZoë Bauer;zoe@example.de;2026-12-07;"
                                        "Knie schonen, bitte\n", encoding="utf-8")
    result = cli("booklet", "--client", "Zoë Bauer", cwd=sample)
    assert result.exit_code == 0, result.stderr
    cover = page_texts(sample / OUT.format("zoe-bauer"))[0]
    assert "Prepared for Zoë Bauer" in cover and "Knie schonen, bitte" in cover


def test_a_csv_date_written_day_first_says_how_to_write_it(sample, cli):
    (sample / "clients.csv").write_text("name,email,start\nAna,ana@example.com,07/12/2026\n", encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert ("clients.csv:2: start: '07/12/2026' is not a date Handout can read; write dates as 2026-12-07 "
            "(year-month-day)") in result.stderr


def test_two_client_lists_are_an_error_naming_both(with_clients, cli):
    (with_clients / "clients.csv").write_text("name,email\nZed,zed@example.com\n", encoding="utf-8")
    for command in (["check"], ["booklets"]):
        result = cli(*command, cwd=with_clients)
        assert result.exit_code == 1
        assert "clients.yaml and clients.csv are both here; keep one client list" in result.stderr
    assert not (with_clients / "out").exists()


def test_a_bug_in_one_booklet_says_where_and_the_others_are_made(with_clients, cli, monkeypatch):
    import generator.batch

    real = generator.batch.personalise

    def broken(project, client):
        if client.name == "Ben Okafor":
            return {}[client.name]  # a KeyError, as a bug in Handout would raise
        return real(project, client)

    monkeypatch.setattr(generator.batch, "personalise", broken)
    result = cli("booklets", "-j", "1", cwd=with_clients)
    assert result.exit_code == 1
    assert "unexpected error" not in result.stderr
    assert "Ben Okafor: KeyError: 'Ben Okafor' at generator/batch.py:" in result.stderr
    assert "this is a bug in Handout; please report it with this message" in result.stderr
    assert "1 of 3 booklets failed: Ben Okafor" in result.stderr
    assert (with_clients / OUT.format("ana-novak")).is_file()
    assert (with_clients / OUT.format("chloe-dubois")).is_file()


def test_csv_errors_give_the_line_in_the_file(sample, cli):
    (sample / "clients.csv").write_text(
        "name,email,start,note\nAna,ana@example.com,2026-12-01,\nBen,ben-at-example,,\nCal,cal@example.com,soon,\n",
        encoding="utf-8")
    result = cli("booklets", cwd=sample)
    assert result.exit_code == 1
    assert "clients.csv:3: email: 'ben-at-example' is not an email address" in result.stderr
    assert "clients.csv:4: start:" in result.stderr
    assert not (sample / "out").exists()


def test_dry_run_writes_one_message_per_client(with_clients, cli):
    result = cli("send", "--dry-run", cwd=with_clients)
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes((with_clients / "out" / "mail" / "ana-novak.eml").read_bytes(),
                                       policy=policy.default)
    assert message["To"] == "Ana Novak <ana@example.com>"
    assert message["Subject"] == "Ultimate Back Workout for Ana Novak"
    assert "Your plan starts on Monday 7 December 2026." in message.get_body().get_content()
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "ultimate-back-workout-ana-novak.pdf"


class _Inbox:
    """An SMTP server on 127.0.0.1 that keeps what it is sent, and can refuse the Nth."""

    def __init__(self, refuse: int | None = None):
        self.messages, self.refuse, self.seen = [], refuse, 0

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.refuse == self.seen:
            return "550 mailbox unavailable"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    started = []

    def start(refuse=None):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        inbox = _Inbox(refuse)
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


def _mail_settings(sample, port):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"mail:\n  host: 127.0.0.1\n  port: {port}\n"
                    "  security: none\n  from: Kannan <coach@missionfit.example>\n", encoding="utf-8")


def _names_in_attachments(messages, tmp_path):
    names = []
    for n, message in enumerate(messages):
        (attachment,) = list(message.iter_attachments())
        pdf = tmp_path / f"got-{n}.pdf"
        pdf.write_bytes(attachment.get_content())
        names.append((message["To"], page_texts(pdf)[0]))
    return names


def test_send_delivers_each_client_their_own_booklet(with_clients, cli, smtp, tmp_path):
    inbox, port = smtp()
    _mail_settings(with_clients, port)
    result = cli("send", "-j", "1", "--yes", cwd=with_clients)
    assert result.exit_code == 0, result.stderr
    assert "sent 3 booklet(s)" in result.stdout
    received = _names_in_attachments(inbox.messages, tmp_path)
    assert sorted(to for to, _ in received) == sorted([
        "Ana Novak <ana@example.com>", "Ben Okafor <ben@example.org>", "Chloé Dubois <chloe@example.net>"])
    for to, cover in received:
        assert f"Prepared for {to.split(' <')[0]}" in cover

    again = cli("send", "-j", "1", "--yes", cwd=with_clients)
    assert again.exit_code == 0
    assert "3 already sent earlier, not sent again" in again.stdout
    assert len(inbox.messages) == 3


def test_a_refused_message_is_reported_and_a_rerun_sends_only_the_rest(with_clients, cli, smtp):
    inbox, port = smtp(refuse=3)
    _mail_settings(with_clients, port)
    result = cli("send", "-j", "1", "--yes", cwd=with_clients)
    assert result.exit_code == 1
    assert "Chloé Dubois: the server said 550 mailbox unavailable" in result.stderr
    assert [m["To"] for m in inbox.messages] == ["Ana Novak <ana@example.com>", "Ben Okafor <ben@example.org>"]

    result = cli("send", "-j", "1", "--yes", cwd=with_clients)
    assert result.exit_code == 0, result.stderr
    assert "sent 1 booklet(s)" in result.stdout
    assert [m["To"] for m in inbox.messages][-1] == "Chloé Dubois <chloe@example.net>"
    assert len(inbox.messages) == 3  # nobody got two


def test_send_needs_mail_settings_and_the_password_from_the_environment(with_clients, cli, monkeypatch):
    result = cli("send", cwd=with_clients)
    assert result.exit_code == 1
    assert "to send, add a mail: section" in result.stderr
    assert not (with_clients / "out").exists()

    path = with_clients / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "mail: {host: smtp.example.com, user: coach, "
                    "from: coach@example.com}\n", encoding="utf-8")
    monkeypatch.delenv("HANDOUT_SMTP_PASSWORD", raising=False)
    result = cli("send", cwd=with_clients)
    assert result.exit_code == 1
    assert "HANDOUT_SMTP_PASSWORD is not" in result.stderr
    assert not (with_clients / "out").exists()


def test_a_booklet_over_10_mb_is_refused(with_clients, cli, smtp, monkeypatch):
    import generator.mail

    inbox, port = smtp()
    _mail_settings(with_clients, port)
    monkeypatch.setattr(generator.mail, "MAX_BYTES", 1000)
    result = cli("send", "-j", "1", "--yes", cwd=with_clients)
    assert result.exit_code == 1
    assert "Ana Novak: the booklet is" in result.stderr and "over the 10 MB" in result.stderr
    assert inbox.messages == []


def test_check_checks_the_client_list_too(with_clients, cli):
    result = cli("check", cwd=with_clients)
    assert result.exit_code == 0
    assert "ok: 6 exercises in 'Ultimate Back Workout' and 3 clients" in result.stdout
    (with_clients / "clients.yaml").write_text("- name: Ana\n  email: nope\n", encoding="utf-8")
    result = cli("check", cwd=with_clients)
    assert result.exit_code == 1
    assert "clients.yaml:2: [1].email: 'nope' is not an email address" in result.stderr
