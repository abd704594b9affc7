"""The send record and the programme: a booklet made from other phases, doses per phase
or blocks has changed, and `send` says so; an edit another client's booklet is not made
from leaves theirs alone."""

from __future__ import annotations

import pytest

from conftest import copy_sample
from generator.clients import load_clients
from generator.mail import fingerprint
from generator.project import load_project
from test_send import _project, _send, own_config, server  # noqa: F401 (fixtures)

# Ana does the phased lower-back extension (Start, then Build up); Ben does not.
CLIENTS = """\
- name: Ana Novak
  email: ana@example.com
  exercises: [lying-lower-back-extension, hip-raise]
- name: Ben Okafor
  email: ben@example.org
  exercises: [hip-raise]
"""
EXERCISE = "exercises/lying-lower-back-extension.yaml"
BUILD_UP = 'Build up: {sets: 3, reps: "as many as you can, 2 more than last week", rest: 60}'


def _edit(root, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer has {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def phased(tmp_path):
    """The sample as it is, with its two phases."""
    return copy_sample(tmp_path / "phased")


def test_a_changed_build_up_dose_is_a_changed_booklet(phased, server, cli):  # noqa: F811
    root = _project(phased, server.port, clients=CLIENTS)
    first = _send(cli, root, "--yes")
    assert first.exit_code == 0, first.stderr
    assert len(server.messages) == 2

    # Only the second phase's dose: the poster's (first) dose is the same as before.
    _edit(root, EXERCISE, BUILD_UP, "Build up: {sets: 4, reps: 12, rest: 60}")
    edited = _send(cli, root, "--yes")
    assert edited.exit_code == 0, edited.stderr
    assert "changed since they were sent" in edited.stdout and "Ana Novak" in edited.stdout
    assert "Ben Okafor" not in edited.stdout
    assert len(server.messages) == 2

    resent = _send(cli, root, "--yes", "--resend-changed")
    assert resent.exit_code == 0, resent.stderr
    assert server.to[2:] == ["Ana Novak <ana@example.com>"]


def _digests(root) -> dict[str, str]:
    project = load_project(root)
    return {c.name: fingerprint(project, c) for c in load_clients(project).clients}


LIST = """\
exercises:
  - bent-over-shoulder-raise
  - lying-lower-back-extension
  - lying-superman
  - superman-on-knees-and-hands
  - standing-lower-back-extension
  - hip-raise
"""
EDITS = {
    "a phase's weeks": ("handout.yaml", "{name: Build up, weeks: 2}", "{name: Build up, weeks: 3}"),
    "a phase renamed": ("handout.yaml", "{name: Build up, weeks: 2}", "{name: Build, weeks: 2}"),
    "the first phase's dose": (EXERCISE, "Start: {sets: 3,", "Start: {sets: 2,"),
    "the second phase's dose": (EXERCISE, BUILD_UP, "Build up: {sets: 3, reps: 15, rest: 60}"),
    "the exercises in blocks": ("handout.yaml", LIST, "blocks:\n  - title: Main circuit\n    rounds: 2\n"
                                "    exercises: [" + ", ".join(LIST.split()[2::2]) + "]\n"),
    "tracking pain": ("handout.yaml", "exercises:\n", "booklet:\n  track: [pain]\nexercises:\n"),
}


@pytest.mark.parametrize("what", EDITS)
def test_each_part_of_the_programme_counts(phased, what):
    sample = phased
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    before = _digests(sample)
    relative, old, new = EDITS[what]
    if what == "a phase renamed":
        _edit(sample, EXERCISE, "Build up:", "Build:")
    _edit(sample, relative, old, new)
    after = _digests(sample)
    assert after["Ana Novak"] != before["Ana Novak"], f"{what} left Ana's booklet 'unchanged'"
    if relative == EXERCISE:
        assert after["Ben Okafor"] == before["Ben Okafor"], f"{what} changed Ben's, not made from it"


def test_the_same_programme_twice_is_the_same_record(phased):
    (phased / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    assert _digests(phased) == _digests(phased)
