"""SVG drawings parsed once: their PDF operators kept in the cache, read back without
svglib, and each drawing written into a PDF once as a form, placed at every use."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import BOOKLET, POSTER, all_text
from generator import pictures, svg, svgcache

HIP = "assets/images/hip-raise.svg"
LIBRARIES = ("svglib", "lxml", "reportlab.graphics")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """This test's own empty cache (its SVG folder), and a process that has read no SVG."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(folder))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _new_process(monkeypatch)
    return folder / "svg"


PARSE = svg.parse_whole


def _new_process(monkeypatch, parse_allowed: bool = True) -> None:
    """Forget what this process has read, as a new one would; forbid parsing if asked."""
    def forbidden(path, root):
        raise AssertionError(f"{path.name} was parsed although it is cached")

    for memo in ("_DRAWINGS", "_PROBED", "_OPENED"):
        monkeypatch.setattr(pictures, memo, type(getattr(pictures, memo))())
    monkeypatch.setattr(svg, "parse_whole", PARSE if parse_allowed else forbidden)


def _outputs(sample) -> list[bytes]:
    return [(sample / POSTER).read_bytes(), (sample / BOOKLET).read_bytes()]


def _svg_forms(pdf) -> tuple[dict[int, bytes], int]:
    """The drawings' forms in `pdf` (object number: content) and how often they are placed."""
    reader = PdfReader(pdf)
    forms, uses = {}, 0
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Do" and str(operands[0]).startswith("/FormXob.svg"):
                form = xobjects.raw_get(operands[0])
                forms[form.idnum] = form.get_object().get_data()
                uses += 1
    return forms, uses


def _set_image(sample, exercise: str, value: str) -> None:
    path = sample / "exercises" / f"{exercise}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(f"image: {value}" if line.startswith("image:") else line for line in lines) + "\n",
                    encoding="utf-8")


# --- the same output, without parsing ------------------------------------------------


def test_a_warm_cache_gives_the_same_bytes_without_parsing(sample, cli, cache, monkeypatch):
    assert cli("build", cwd=sample).exit_code == 0
    cold = _outputs(sample)
    assert len(list(cache.glob("*.ops"))) == 6  # one entry for each of the sample's drawings
    _new_process(monkeypatch, parse_allowed=False)
    assert cli("build", cwd=sample).exit_code == 0
    assert _outputs(sample) == cold
    # Still drawn, and still described for search.
    assert "hips lifted so the thighs and torso form a straight line" in all_text(sample / BOOKLET)


def test_a_warm_build_imports_no_svg_library(sample, cli, cache):
    # The web address's QR code is drawn with reportlab.graphics (generator/qr.py): without it,
    # nothing else in the sample needs the library.
    project = sample / "handout.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("  web: missionfit.example\n", ""),
                       encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0  # warms the cache
    script = ("import sys\nfrom generator.cli import main\nsys.argv = ['handout', 'build']\n"
              "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
              f"print(sorted(m for m in sys.modules if m.startswith({LIBRARIES!r})))\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=sample, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"


def test_alpha_is_kept_in_the_cached_drawing(sample, cli, cache, monkeypatch):
    (sample / "assets" / "images" / "faint.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
        '<rect width="100" height="50" fill="#204080" fill-opacity="0.5"/></svg>', encoding="utf-8")
    _set_image(sample, "hip-raise", "assets/images/faint.svg")
    assert cli("poster", cwd=sample).exit_code == 0
    cold = (sample / POSTER).read_bytes()
    _new_process(monkeypatch, parse_allowed=False)
    assert cli("poster", cwd=sample).exit_code == 0
    assert (sample / POSTER).read_bytes() == cold
    states = [state.get_object() for form in _form_objects(sample / POSTER)
              for state in form["/Resources"].get("/ExtGState", {}).values()]
    assert [state["/ca"] for state in states] == [0.5]


def _form_objects(pdf):
    return [x.get_object() for page in PdfReader(pdf).pages
            for name, x in page["/Resources"].get("/XObject", {}).items() if name.startswith("/FormXob.svg")]


# --- a cache that cannot be trusted ---------------------------------------------------


def _signed(body: dict, digest: str) -> str:
    """An entry as svgcache writes it: what someone who knows the format could forge."""
    text = json.dumps(body)
    return f"{svgcache._check(text, digest)}\n{text}"


def _body(text: str) -> dict:
    return json.loads(text.partition("\n")[2])


DAMAGES = {
    "empty": lambda text, digest: "",
    "cut short": lambda text, digest: text[: len(text) // 2],
    "not text": lambda text, digest: "\xff\xfe\x00garbage",
    "edited colour": lambda text, digest: text.replace(" rg", " rg 1 0 0 rg", 1),
    "another drawing's": lambda text, digest: svgcache._record(_other_drawing(), "0" * 40),
    "forged text operator": lambda text, digest: _signed(
        {**_body(text), "ops": _body(text)["ops"] + "\nBT /F1 12 Tf (x) Tj ET"}, digest),
    "forged image": lambda text, digest: _signed({**_body(text), "ops": "q /Im0 Do Q"}, digest),
    "forged unbalanced Q": lambda text, digest: _signed({**_body(text), "ops": "Q q"}, digest),
    "forged open array": lambda text, digest: _signed({**_body(text), "ops": "q [3 [2 0 d Q"}, digest),
    "forged nan width": lambda text, digest: _signed({**_body(text), "width": float("nan")}, digest),
    "forged huge number": lambda text, digest: _signed({**_body(text), "ops": "q 1e999 w Q"}, digest),
    "forged alpha name": lambda text, digest: _signed({**_body(text), "alphas": [["F1", "ca", 0.5]]}, digest),
    "forged format": lambda text, digest: _signed({**_body(text), "format": 0}, digest),
}


def _other_drawing():
    from generator.svg import parse

    from conftest import REPO

    return parse(REPO / "assets" / "images" / "lying-superman.svg", REPO)


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_entry_is_a_miss(sample, cache, monkeypatch, damage):
    path = sample / HIP
    good = svgcache.load(path, sample)
    [entry] = cache.glob("*.ops")
    written = entry.read_text(encoding="ascii")
    damaged = DAMAGES[damage](written, entry.stem)
    entry.write_bytes(damaged.encode("utf-8"))
    calls = []
    real = svgcache._record
    monkeypatch.setattr(svgcache, "_record", lambda *args: calls.append(1) or real(*args))
    assert svgcache.load(path, sample) == good  # parsed again, the same drawing
    assert calls, "the damaged entry was used"
    assert entry.read_text(encoding="ascii") == written  # and the entry mended


def test_a_folder_in_place_of_an_entry_is_a_miss(sample, cache):
    path = sample / HIP
    good = svgcache.load(path, sample)
    [entry] = cache.glob("*.ops")
    entry.unlink()
    entry.mkdir()
    assert svgcache.load(path, sample) == good


def test_a_build_over_damaged_entries_is_right(sample, cli, cache, monkeypatch):
    assert cli("build", cwd=sample).exit_code == 0
    cold = _outputs(sample)
    for entry in cache.glob("*.ops"):
        entry.write_bytes(entry.read_bytes()[:100])
    _new_process(monkeypatch)
    assert cli("build", cwd=sample).exit_code == 0
    assert _outputs(sample) == cold


def test_an_svg_edited_by_one_byte_is_a_miss(sample, cli, cache, monkeypatch):
    assert cli("booklet", cwd=sample).exit_code == 0
    path = sample / HIP
    text = path.read_text(encoding="utf-8")
    assert 'fill="#CDD3D9"' in text
    path.write_text(text.replace('fill="#CDD3D9"', 'fill="#C0D3D9"', 1), encoding="utf-8")
    _new_process(monkeypatch)
    assert cli("booklet", cwd=sample).exit_code == 0
    assert len(list(cache.glob("*.ops"))) == 7
    forms, _ = _svg_forms(sample / BOOKLET)
    assert any(b".752941 .827451 .85098 rg" in data for data in forms.values())


# --- one form per drawing --------------------------------------------------------------


def test_each_drawing_is_written_once_however_often_it_is_placed(sample, cli, cache):
    _set_image(sample, "bent-over-shoulder-raise", HIP)  # two exercises, one drawing
    assert cli("booklet", cwd=sample).exit_code == 0
    forms, uses = _svg_forms(sample / BOOKLET)
    assert len(forms) == 5
    assert uses >= 6


# --- what is not cached ----------------------------------------------------------------


def test_a_drawing_that_uses_another_file_is_drawn_from_it_every_time(sample, cli, cache, monkeypatch):
    parts = sample / "assets" / "parts.svg"
    parts.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
                     '<rect id="x" width="200" height="100" fill="#123456"/></svg>', encoding="utf-8")
    (sample / "assets" / "images" / "whole.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="200" height="100"><use xlink:href="../parts.svg#x"/></svg>', encoding="utf-8")
    _set_image(sample, "hip-raise", "assets/images/whole.svg")
    assert cli("poster", cwd=sample).exit_code == 0
    parts.write_text(parts.read_text(encoding="utf-8").replace("#123456", "#654321"), encoding="utf-8")
    _new_process(monkeypatch)
    assert cli("poster", cwd=sample).exit_code == 0
    drawn = b"".join(form.get_data() for form in _form_objects(sample / POSTER))
    assert b".396078 .262745 .129412 rg" in drawn  # #654321, the part as it is now
    assert len(list(cache.glob("*.ops"))) == 5  # the sample's other drawings only


def _png_uri() -> str:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "green").save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.mark.parametrize("inside, found", [
    ('<text x="10" y="50" font-size="20">GYMNAME</text>', "text"),
    (f'<image x="0" y="0" width="120" height="80" xlink:href="{_png_uri()}"/>', "image"),
])
def test_text_and_pictures_in_a_drawing_are_drawn_but_not_cached(sample, cli, cache, monkeypatch, inside, found):
    (sample / "assets" / "images" / "mixed.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="200" height="100">{inside}</svg>', encoding="utf-8")
    _set_image(sample, "hip-raise", "assets/images/mixed.svg")
    for _ in range(2):
        _new_process(monkeypatch)
        assert cli("poster", cwd=sample).exit_code == 0
    assert len(list(cache.glob("*.ops"))) == 5  # the sample's other drawings only
    if found == "text":
        assert "GYMNAME" in all_text(sample / POSTER)
    else:
        form = next(f for f in _form_objects(sample / POSTER) if "/XObject" in f["/Resources"])
        [image] = [x.get_object() for x in form["/Resources"]["/XObject"].values()]
        assert (image["/Width"], image["/Height"]) == (60, 40)


def test_check_trusts_the_cache_and_never_caches_a_broken_file(sample, cli, cache, monkeypatch):
    assert cli("check", cwd=sample).exit_code == 0
    _new_process(monkeypatch, parse_allowed=False)
    assert cli("check", cwd=sample).exit_code == 0
    (sample / HIP).write_text("<svg><path d='M0 0 L", encoding="utf-8")
    results = []
    for _ in range(2):
        _new_process(monkeypatch)
        results.append(cli("check", cwd=sample))
    assert [r.exit_code for r in results] == [1, 1]
    assert results[0].stderr == results[1].stderr
    assert "'assets/images/hip-raise.svg' has no usable width" in results[1].stderr
    assert len(list(cache.glob("*.ops"))) == 6  # the five sound drawings, and the one before the damage
