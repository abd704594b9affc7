"""Mutation fuzzing: broken copies of real projects through `check` and `build`.

Each case copies a project (the sample; the Spanish knee programme with its client
list; the Spanish ankle programme in blocks and phases, with sides, tracking and its
phone photos), mutates one to three of its files the ways files really break
(characters and lines deleted, duplicated, inserted; values swapped for another
type; a picture cut short) and runs `check` and `build`. Each must exit 0 or 1 with
a message, never with a traceback, never hang. CI runs a fixed set of seeds;
`pytest -m slow` runs thousands. A crash reports its seed: `FUZZ_SEED=N` reruns it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, copy_sample, page_texts
from generator.cli import main
from photos import phone_photo

PROGRAMME = Path(__file__).parent / "programmes" / "rodilla"
# Blocks (a circuit of 3 rounds), three phases, doses per phase with one left out,
# sides each and right, a client working the left, pain and effort tracked.
ANKLE = Path(__file__).parent / "programmes" / "tobillo"
ANKLE_PHOTOS = ["bicicleta", "circulos", "talones", "equilibrio", "eversion", "gemelo"]
NOISE = list(":-[]{}&*!|>#%@`\"' \t,?=~\\") + ["\u00e9", "\u03a9", "\u0416", "\ufeff", "\x01", "\u2028",
                                               "\U0001F4AA"]
SWAPS = ["[]", "{}", "[a, b]", "{a: 1}", "3", "-1", "0.5", "1e999", "true", "null", "~", "2024-02-30",
         "'1' * 2", "9" * 5000, "&a [1]", "*a", "!!python/object:os.system", "''", "|", ">-", "\"\\x00\""]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    kind = rng.randrange(8)
    i = rng.randrange(len(lines))
    if kind == 0 and text:  # delete a character
        j = rng.randrange(len(text))
        return text[:j] + text[j + 1:]
    if kind == 1:  # insert a character
        j = rng.randrange(len(text) + 1)
        return text[:j] + rng.choice(NOISE) + text[j:]
    if kind == 2:  # duplicate a line
        lines.insert(i, lines[i])
    elif kind == 3:  # delete a line
        del lines[i]
    elif kind == 4:  # swap two lines
        k = rng.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]
    elif kind == 5 and ":" in lines[i]:  # a value of another type
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {rng.choice(SWAPS)}"
    elif kind == 6:  # a list item of another type
        indent = len(lines[i]) - len(lines[i].lstrip())
        lines.insert(i, " " * indent + "- " + rng.choice(SWAPS))
    else:  # a key of another file kind, or a made-up one
        key = rng.choice(["name", "steps", "dose", "tempo", "image", "weeks", "cover", "exercises",
                          "booklet", "theme", "per_week", "labels", "start", "email", "zzz",
                          "blocks", "phases", "rounds", "rest", "side", "track", "regressions", "title"])
        indent = rng.choice([0, 2, 4])
        lines.insert(i, " " * indent + f"{key}: {rng.choice(SWAPS)}")
    return "\n".join(lines)


def ankle(folder: Path) -> Path:
    """The ankle programme with its phone photos, made once and copied."""
    photos = Path(tempfile.gettempdir()) / f"handout-fuzz-fotos-{os.getpid()}"
    if not photos.is_dir():
        for seed, name in enumerate(ANKLE_PHOTOS):
            phone_photo(photos / f"{name}.jpg", seed, size=(1600, 1200), orientation=6 if seed % 3 else 1)
    root = folder / "tobillo"
    shutil.copytree(ANKLE, root)
    shutil.copytree(photos, root / "fotos")
    return root


def make_case(seed: int, folder: Path) -> Path:
    rng = random.Random(seed)
    if seed % 4 == 3:
        root = ankle(folder)
    elif seed % 4 == 2:
        root = folder / "rodilla"
        shutil.copytree(PROGRAMME, root)
        # No photos here (the programme's own test has them): drop the image lines.
        for path in (root / "exercises").glob("*.yaml"):
            path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").split("\n")
                                      if not line.startswith("image")), encoding="utf-8")
    else:
        root = copy_sample(folder / "sample")
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".svg"))
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(files)
        data = target.read_bytes()
        if target.suffix == ".svg" and rng.random() < 0.5:
            target.write_bytes(data[: rng.randrange(len(data))])  # cut short
            continue
        text = data.decode("utf-8")
        for _ in range(rng.randint(1, 3)):
            text = mutate(text, rng)
        target.write_text(text, encoding="utf-8")
    return root


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def run_case(seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="handout-fuzz-") as tmp:
        root = make_case(seed, Path(tmp))
        # The ankle programme's clients each get their booklet too.
        commands = ("check", "build", "booklets") if root.name == "tobillo" else ("check", "build")
        for command in commands:
            args = [command, str(root), *(["-j", "1"] if command == "booklets" else [])]
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.alarm(30)
            try:
                result = CliRunner().invoke(main, args, catch_exceptions=True)
            except Hang:
                pytest.fail(f"seed {seed}: handout {command} ran past 30 s")
            finally:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, old)
            error = result.exception
            if isinstance(error, Hang):
                pytest.fail(f"seed {seed}: handout {command} ran past 30 s")
            if error is not None and not isinstance(error, SystemExit):
                import traceback

                detail = "".join(traceback.format_exception(error))
                pytest.fail(f"seed {seed}: handout {command} crashed:\n{detail}")
            assert result.exit_code in (0, 1), f"seed {seed}: exit {result.exit_code}"
            if result.exit_code == 1:
                assert result.stderr.strip(), f"seed {seed}: exit 1 without a message"
                assert "Traceback" not in result.stderr
                # A booklet that fails inside is reported as a bug rather than raised.
                assert "this is a bug in Handout" not in result.stderr, f"seed {seed}: {result.stderr}"


SEEDS = [int(os.environ["FUZZ_SEED"])] if "FUZZ_SEED" in os.environ else range(120)


def test_the_ankle_programme_builds_as_written(tmp_path, cli):
    """The unmutated seed: it must build, else its mutations test nothing."""
    root = ankle(tmp_path)
    result = cli("build", str(root))
    assert result.exit_code == 0, result.stderr
    booklet = " ".join(" ".join(page_texts(p)) for p in (root / "out").glob("*-booklet.pdf"))
    for words in ("Calentamiento", "Circuito", "Vuelta a la calma", "Proteger", "Fortalecer",
                  "Volver a correr", "Dolor", "Para facilitar", "Sin banda"):
        assert words in booklet, words
    result = cli("booklets", str(root), "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert len(list((root / "out" / "clients").glob("*.pdf"))) == 2


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_projects_fail_cleanly(seed):
    run_case(seed)


@pytest.mark.slow
def test_thousands_of_mutations():
    for seed in range(1000, 1000 + int(os.environ.get("FUZZ_CASES", "3000"))):
        run_case(seed)
