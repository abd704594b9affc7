"""A workout of sixteen exercises of ordinary length, for the poster's fit tests:
names of two to four words, three cues of 23 to 38 characters (four on every fourth
exercise), a dose, a tempo, and a caution on every fourth."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO

NAMES = [
    "Goblet Squat", "Romanian Deadlift", "Bent-Over Shoulder Raise", "Dead Bug",
    "Standing Lower Back Extension", "Side Plank", "Glute Bridge March", "Bird Dog",
    "Split Squat", "Farmer Carry", "Wall Push-Up", "Superman on Knees and Hands",
    "Calf Raise", "Band Pull-Apart", "Step-Up", "Lying Down Lower Back Extension",
]
CUES = [
    "Feet shoulder-width, toes slightly out",
    "Brace your middle first",
    "Lower for three slow seconds",
    "Drive up through the whole foot",
]
PICTURES = sorted((REPO / "assets" / "images").glob("*.svg"))


def ids(count: int) -> list[str]:
    return [f"ex-{i:02d}" for i in range(count)]


def make_project(root: Path) -> Path:
    (root / "exercises").mkdir(parents=True)
    (root / "images").mkdir()
    for picture in PICTURES:
        shutil.copy(picture, root / "images" / picture.name)
    for i, name in enumerate(NAMES):
        caution = "cautions: [Stop if you feel pain in the lower back.]\n" if i % 4 == 1 else ""
        cues = "".join(f"  - {cue}\n" for cue in CUES[: 4 if i % 4 == 3 else 3])
        (root / "exercises" / f"ex-{i:02d}.yaml").write_text(
            f"name: {name}\n"
            f"image: images/{PICTURES[i % len(PICTURES)].name}\n"
            "steps: [Do the movement slowly and with control.]\n"
            f"cues:\n{cues}"
            "dose: {sets: 3, reps: 10-12, rest: 60}\n"
            "tempo: {lift: 2, hold: 1, lower: 3}\n"
            f"{caution}",
            encoding="utf-8",
        )
    listed = "".join(f"  - {i}\n" for i in ids(len(NAMES)))
    (root / "handout.yaml").write_text(
        "title: Strength Basics for the Gym Floor\n"
        "subtitle: Sixteen moves, two sessions a week\n"
        "author: {name: Alex Trainer, role: Coach, organisation: Northside Gym, email: alex@gym.example}\n"
        f"exercises:\n{listed}",
        encoding="utf-8",
    )
    return root
