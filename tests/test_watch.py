"""`handout watch` as a trainer uses it: save, look, save again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from conftest import BOOKLET, POSTER, all_text


def _wait(predicate, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {what}")


def _text_has(path, text):
    try:
        return text in all_text(path)
    except Exception:  # half-read while being replaced: try again
        return False


def test_watch_rebuilds_on_save_keeps_good_pdfs_on_a_broken_save_and_stops_on_ctrl_c(sample, tmp_path):
    log = open(tmp_path / "watch.log", "w+")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "watch"], cwd=sample, stdout=log,
                            stderr=subprocess.STDOUT, env=env)
    try:
        def output():
            log.flush()
            return (tmp_path / "watch.log").read_text(encoding="utf-8")

        _wait(lambda: "watching" in output(), 30, "the first build")
        poster, booklet = sample / POSTER, sample / BOOKLET
        assert "Hip Raise" in all_text(poster)

        exercise = sample / "exercises" / "hip-raise.yaml"
        good = exercise.read_text(encoding="utf-8")
        time.sleep(0.3)
        exercise.write_text(good.replace("name: Hip Raise", "name: Glute Bridge"), encoding="utf-8")
        saved = time.monotonic()
        _wait(lambda: _text_has(poster, "Glute Bridge") and _text_has(booklet, "Glute Bridge"), 2.0,
              "the new name in both PDFs")
        assert time.monotonic() - saved < 2.0

        before = (poster.read_bytes(), booklet.read_bytes())
        exercise.write_text("name: [Glute Bridge\nsteps: []\n", encoding="utf-8")
        _wait(lambda: "exercises/hip-raise.yaml:2: YAML syntax error" in output(), 2.0, "the error")
        assert "kept the last good PDFs" in output()
        assert (poster.read_bytes(), booklet.read_bytes()) == before

        exercise.write_text(good.replace("name: Hip Raise", "name: Bridge Hold"), encoding="utf-8")
        _wait(lambda: _text_has(poster, "Bridge Hold") and _text_has(booklet, "Bridge Hold"), 2.0,
              "the fixed file rebuilt")

        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert "Traceback" not in output()
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()


def test_a_poster_template_change_rebuilds_only_the_poster():
    from pathlib import Path

    from generator.watch import outputs_affected

    assert outputs_affected({Path("p/templates/poster_card.xml")}) == (True, False)
    assert outputs_affected({Path("p/templates/exercise.xml")}) == (False, True)
    assert outputs_affected({Path("p/templates/macros.xml")}) == (True, True)
    assert outputs_affected({Path("p/exercises/hip-raise.yaml")}) == (True, True)
