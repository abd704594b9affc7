"""The wheel a trainer installs: templates and fonts inside, the sample builds with it
from outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile

import pytest
from pypdf import PdfReader

from conftest import REPO, SAMPLE_NAMES, all_text, copy_sample


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    (found,) = dist.glob("handout-*.whl")
    return found


def test_wheel_ships_templates_fonts_and_starter(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("generator/templates/exercise.xml", "generator/templates/poster_card.xml",
                   "generator/fonts/OpenSans-Regular.ttf", "generator/fonts/LICENSE-OpenSans.txt",
                   "generator/starter/handout.yaml", "generator/starter/images/wall-push-up.svg"):
        assert needed in names, needed


def test_wheel_in_a_fresh_venv_builds_the_sample_outside_the_repo(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]

    project = copy_sample(tmp_path / "workout")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(bin_dir / "handout"), "build"], cwd=project, capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stderr
    poster = project / "out" / "ultimate-back-workout-poster.pdf"
    booklet = project / "out" / "ultimate-back-workout-booklet.pdf"
    assert len(PdfReader(poster).pages) == 1
    for name in SAMPLE_NAMES:
        assert name in all_text(booklet)
    # It ran the installed copy, not the checkout.
    where = subprocess.run([str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, env=env)
    assert str(env_dir) in where.stdout
