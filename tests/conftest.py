"""Fixtures: a copy of the sample project in a temp folder, a CLI runner that shows
what went wrong, and readers for what a user checks in a PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# First: Handout's ReportLab settings (the font tables start in) must precede any
# platypus import, as they do in the program; a test module importing ReportLab
# first would otherwise change what later tests draw.
import generator.fonts  # noqa: F401, I001

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main

# Tests keep the photo and template caches to themselves (subprocesses inherit it).
os.environ["HANDOUT_CACHE_DIR"] = tempfile.mkdtemp(prefix="handout-test-cache-")
# Commands run in their own process here (test_server.py starts servers of its own),
# so no test leaves a warm Handout process behind.
os.environ["HANDOUT_SERVER"] = "0"

REPO = Path(__file__).resolve().parent.parent
SAMPLE_NAMES = [
    "Bent-Over Shoulder Raise",
    "Lying Down Lower Back Extension",
    "Lying Superman",
    "Superman on Knees and Hands",
    "Standing Lower Back Extension",
    "Hip Raise",
]
POSTER = "out/ultimate-back-workout-poster.pdf"
BOOKLET = "out/ultimate-back-workout-booklet.pdf"


def copy_sample(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "handout.yaml", dest)
    shutil.copytree(REPO / "exercises", dest / "exercises")
    shutil.copytree(REPO / "assets" / "images", dest / "assets" / "images")
    return dest


def drop_key(path: Path, key: str) -> None:
    """`path` without the top-level `key` and its indented lines (and comments over it)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith((" ", "-"))), len(lines))
    while start and lines[start - 1].startswith("#"):
        start -= 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def without_phases(root: Path) -> Path:
    """The sample with one dose for all weeks: tests that set `booklet.weeks` or add
    their own phases start from it (the real sample's phases are tested on their own)."""
    drop_key(root / "handout.yaml", "phases")
    path = root / "exercises" / "lying-lower-back-extension.yaml"
    drop_key(path, "dose")
    path.write_text(path.read_text(encoding="utf-8") + "dose: {sets: 3, reps: as many as you can, rest: 60}\n",
                    encoding="utf-8")
    return root


@pytest.fixture
def sample(tmp_path) -> Path:
    """A copy of the repository's sample project, without its phases (see `without_phases`)."""
    return without_phases(copy_sample(tmp_path / "sample"))


@pytest.fixture
def full_sample(tmp_path) -> Path:
    """A copy of the repository's sample project as it is, phases and all."""
    return copy_sample(tmp_path / "full-sample")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch):
    """Run `handout ARGS` in-process in folder `cwd`; a crash shows its traceback."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, list(args), catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            import traceback

            traceback.print_exception(result.exception)
            raise AssertionError(f"handout {' '.join(args)} crashed: {result.exception!r}")
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def run_process(*args: str, cwd: Path, env: dict | None = None) -> Run:
    """Run the real program in a subprocess, as a trainer's shell would."""
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, with runs of white space (line ends too) made one space."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def all_text(pdf: Path) -> str:
    return " ".join(page_texts(pdf))


def fonts_in(pdf: Path) -> dict[str, dict]:
    """Every font the file uses, from page resources and form XObjects alike."""
    found: dict[str, dict] = {}

    def visit(resources):
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font.get("/BaseFont"))] = font
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in PdfReader(pdf).pages:
        visit(page.get("/Resources"))
    return found


def is_embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


FACE_OF = {"OpenSans": "Handout", "OpenSans-Bold": "Handout-Bold", "OpenSans-Italic": "Handout-Italic",
           "OpenSans-BoldItalic": "Handout-BoldItalic", "OpenSans-Extrabold": "Handout-Black"}


@dataclass
class TextLine:
    """One line of text as drawn: where it starts, how wide it is, its size and face."""

    text: str
    x: float
    y: float
    width: float
    size: float
    face: str


def text_lines(page) -> list[TextLine]:
    """The visible text drawn on a pypdf page, a line at a time, with positions and
    sizes (invisible text, render mode 3, is left out).

    pypdf reports each run of one font at the start of its line, so the runs that
    share a start are one line, and its width is the sum of theirs.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    import generator.fonts  # noqa: F401  (registers the faces for stringWidth)

    lines: dict[tuple, TextLine] = {}
    mode = [0]  # the text render mode, a stack as q and Q save and restore it: 3 is invisible

    def operator(op, args, cm, tm):
        if op == b"Tr":
            mode[-1] = int(args[0])
        elif op == b"q":
            mode.append(mode[-1])
        elif op == b"Q" and len(mode) > 1:
            mode.pop()

    def visit(text, cm, tm, font, size):
        if not text.strip() or font is None or mode[-1] == 3:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5 * abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
        face = FACE_OF[str(font["/BaseFont"]).split("+")[-1]]
        key = (round(x, 1), round(y, 1))
        width = stringWidth(text.rstrip("\n"), face, size * scale)
        if key in lines:
            line = lines[key]
            line.text += text
            line.width += width
            line.size = min(line.size, size * scale)
        else:
            lines[key] = TextLine(text, x, y, width, size * scale, face)

    page.extract_text(visitor_text=visit, visitor_operand_before=operator)
    return list(lines.values())


def image_placements(pdf: Path) -> list[tuple[int, object, list[float]]]:
    """(page number, image XObject, placement matrix) for every image drawn, from the
    pages' content streams (q/Q and cm followed through)."""
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    out = []
    for number, page in enumerate(reader.pages, start=1):
        xobjects = page["/Resources"].get("/XObject", {})
        stack, ctm = [], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                stack.append(ctm)
            elif op == b"Q":
                ctm = stack.pop()
            elif op == b"cm":
                a, b, c, d, e, f = (float(v) for v in operands)
                A, B, C, D, E, F = ctm
                ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                       e * A + f * C + E, e * B + f * D + F]
            elif op == b"Do":
                xobject = xobjects[operands[0]].get_object()
                if xobject["/Subtype"] == "/Image":
                    out.append((number, xobject, ctm))
    return out
