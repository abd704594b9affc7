"""A worker making one client's booklet after another shares what their booklets have
in common (layout.booklet.Shared): each booklet is the bytes it would be alone."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
import io

import test_clients
from generator.batch import _Maker
from generator.clients import load_clients
from generator.project import load_project

# test_clients' list, and two more: a dose on one side, and a client like any other.
CLIENTS = test_clients.CLIENTS + """\
- name: Dan Ito
  email: dan@example.net
  doses:
    lying-superman: {sets: 4, reps: 6, side: left}
- name: Eve Park
  email: eve@example.net
"""


@pytest.mark.parametrize("layout", ["full", "half"])
def test_each_booklet_is_the_same_made_alone_or_after_others(sample, layout):
    if layout == "half":
        text = (sample / "handout.yaml").read_text(encoding="utf-8")
        (sample / "handout.yaml").write_text(text + "\nbooklet: {layout: half}\n" if "booklet:" not in text
                                             else text.replace("booklet:", "booklet:\n  layout: half", 1),
                                             encoding="utf-8")
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    clients = load_clients(load_project(sample)).clients
    worker = _Maker(sample, None, 0)
    together = [worker.booklet(client) for client in clients]
    alone = [_Maker(sample, None, 0).booklet(client) for client in clients]
    assert together == alone
    texts = [" ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
             for pdf in together]
    assert "2 sets × 15 reps" in texts[0].replace("\u00a0", " ") or "2 × 15" in texts[0].replace("\u00a0", " ")
    assert "Ana Novak" in texts[0] and "Eve Park" in texts[4] and "Ana Novak" not in texts[4]
    assert "left side only" in texts[3]
    # The contents' page numbers are each booklet's own (Ana's has two exercises).
    assert len(PdfReader(io.BytesIO(together[0])).pages) < len(PdfReader(io.BytesIO(together[1])).pages)


def _fresh_process_booklet(project) -> bytes:
    """The booklet as a new process makes it: nothing shared from earlier builds."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "generator", "booklet", str(project)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return (project / "out" / "ultimate-back-workout-booklet.pdf").read_bytes()


def test_a_rebuild_in_one_process_is_the_booklet_a_new_process_makes(sample):
    """`watch` rebuilds in one process: what did not change is shared, what did is new."""
    from generator.build import build

    build(sample, poster=False)
    hip = sample / "exercises" / "hip-raise.yaml"
    hip.write_text(hip.read_text(encoding="utf-8").replace("Raise your hips slowly.",
                                                           "Raise your hips slowly, one bone at a time."),
                   encoding="utf-8")
    build(sample, poster=False)
    rebuilt = (sample / "out" / "ultimate-back-workout-booklet.pdf").read_bytes()
    assert "one bone at a time" in " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(rebuilt)).pages).split())
    assert rebuilt == _fresh_process_booklet(sample)


def test_a_replaced_photo_is_drawn_anew_and_still_warned_about(sample):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from photos import phone_photo

    from generator.build import build

    hip = sample / "exercises" / "hip-raise.yaml"
    photo = sample / "assets" / "images" / "hip.jpg"
    phone_photo(photo, seed=1, size=(640, 480), orientation=1)  # small: prints under 150 dpi
    text = hip.read_text(encoding="utf-8")
    import re

    hip.write_text(re.sub(r"image: \S+", "image: assets/images/hip.jpg", text), encoding="utf-8")
    first = build(sample, poster=False)
    assert any("hip.jpg" in str(w) and "dpi" in str(w) for w in first.warnings)
    # Another exercise edited: the hip raise's page is shared, and its photo still counted.
    other = sample / "exercises" / "lying-superman.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("Breathe out while raising", "Breathe out as you lift"),
                     encoding="utf-8")
    kept = build(sample, poster=False)
    assert any("hip.jpg" in str(w) and "dpi" in str(w) for w in kept.warnings)
    phone_photo(photo, seed=2, size=(640, 480), orientation=1)  # another photo, the same name
    again = build(sample, poster=False)
    assert any("hip.jpg" in str(w) and "dpi" in str(w) for w in again.warnings)
    assert (sample / "out" / "ultimate-back-workout-booklet.pdf").read_bytes() == _fresh_process_booklet(sample)


def test_a_poster_rebuilt_in_one_process_is_the_poster_a_new_process_makes(sample):
    import subprocess
    import sys

    from generator.build import build

    build(sample, booklet=False)
    hip = sample / "exercises" / "hip-raise.yaml"
    hip.write_text(hip.read_text(encoding="utf-8").replace("Hold for a second", "Hold for two seconds"),
                   encoding="utf-8")
    build(sample, booklet=False)
    poster = sample / "out" / "ultimate-back-workout-poster.pdf"
    rebuilt = poster.read_bytes()
    assert "Hold for two seconds" in " ".join(PdfReader(poster).pages[0].extract_text().split())
    done = subprocess.run([sys.executable, "-m", "generator", "poster", str(sample)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert poster.read_bytes() == rebuilt
