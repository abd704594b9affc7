"""The console script ends the process once the command is done, without tearing the
interpreter down (cli.run): what it printed and wrote must all be there."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader

from generator import __version__


def handout(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_a_build_prints_and_writes_everything_before_the_process_ends(sample):
    done = handout("build", cwd=sample)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["wrote out/ultimate-back-workout-poster.pdf",
                                        "wrote out/ultimate-back-workout-booklet.pdf"]
    assert len(PdfReader(sample / "out" / "ultimate-back-workout-booklet.pdf").pages) > 5
    assert "Hip Raise" in PdfReader(sample / "out" / "ultimate-back-workout-poster.pdf").pages[0].extract_text()


def test_an_error_still_exits_1_with_its_message(sample):
    (sample / "handout.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    done = handout("build", cwd=sample)
    assert done.returncode == 1
    assert done.stderr.startswith("handout.yaml:2: YAML syntax error")
    assert "Traceback" not in done.stderr
    assert not (sample / "out").exists()


def test_usage_errors_and_version_keep_their_exit_status(sample):
    assert handout("--version", cwd=sample).stdout.strip() == f"handout, version {__version__}"
    wrong = handout("build", "--no-such-option", cwd=sample)
    assert wrong.returncode == 2 and "No such option" in wrong.stderr
