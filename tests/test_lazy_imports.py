"""A build whose templates' output is in the render cache imports neither Jinja nor
markdown-it nor the QR module, and writes the same bytes; any change of what a
block says (a template, a label, the language, an exercise, a client's dose) still
shows; a damaged cache entry is a miss."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from markupsafe import Markup
from pypdf import PdfReader

from conftest import BOOKLET, POSTER, all_text
from generator import markup, rendercache
from generator.labels import labels_for
from generator.templates import Templates, builtin_dir

LAZY = ("jinja2", "markdown_it", "reportlab.graphics.barcode")

# Runs handout in a fresh interpreter and reports which of LAZY it imported.
SCRIPT = f"""
import json, sys
from generator.cli import main
try:
    main.main(args=sys.argv[1:], prog_name="handout")
    code = 0
except SystemExit as exit:
    code = exit.code
print("LOADED", json.dumps([m for m in {LAZY!r} if m in sys.modules]))
sys.exit(code)
"""


def handout(*args: str, cwd: Path, cache: Path) -> list[str]:
    """Run `handout ARGS` in a new process with its own cache; the lazy modules it loaded."""
    env = {**os.environ, "HANDOUT_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("LOADED "))
    return json.loads(line.removeprefix("LOADED "))


def faces_of(pdf: Path, word: str) -> set[str]:
    """The fonts the runs of text holding `word` are drawn in."""
    found: set[str] = set()

    def visit(text, cm, tm, font, size):
        if word in text and font is not None:
            found.add(str(font["/BaseFont"]).split("+")[-1])

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_warm_build_imports_none_of_them_and_writes_the_same_bytes(full_sample, tmp_path):
    cache = tmp_path / "cache"
    cold = handout("build", ".", cwd=full_sample, cache=cache)
    assert "jinja2" in cold and "reportlab.graphics.barcode" in cold  # the author's site has a code
    first = {name: (full_sample / name).read_bytes() for name in (POSTER, BOOKLET)}
    assert handout("build", ".", cwd=full_sample, cache=cache) == []
    assert {name: (full_sample / name).read_bytes() for name in (POSTER, BOOKLET)} == first


def test_bold_and_italic_load_the_parser_and_print_as_such(sample, tmp_path):
    path = sample / "exercises" / "hip-raise.yaml"
    text = path.read_text(encoding="utf-8").replace("Raise the hips slowly",
                                                    "Raise the hips **zebrastyle** *okapistyle*")
    path.write_text(text, encoding="utf-8")
    assert "markdown_it" in handout("poster", ".", cwd=sample, cache=tmp_path / "cache")
    poster = sample / POSTER
    assert "zebrastyle okapistyle" in all_text(poster)
    assert faces_of(poster, "zebrastyle") == {"OpenSans-Bold"}
    assert faces_of(poster, "okapistyle") == {"OpenSans-Italic"}  # a face read on demand


def test_a_video_still_gets_its_code(sample, tmp_path):
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "video: https://videos.example/hip-raise\n",
                    encoding="utf-8")
    cache = tmp_path / "cache"
    assert "reportlab.graphics.barcode" in handout("poster", ".", cwd=sample, cache=cache)
    first = (sample / POSTER).read_bytes()
    assert "videos.example/hip-raise" in all_text(sample / POSTER)
    # The second time its squares come from the cache: drawn the same, byte for byte.
    assert "reportlab.graphics.barcode" not in handout("poster", ".", cwd=sample, cache=cache)
    assert (sample / POSTER).read_bytes() == first


def test_the_cached_code_is_the_widgets_code(tmp_path, monkeypatch):
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from generator import qr

    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path))
    url = "https://videos.example/a-code"
    widget = QrCodeWidget(url, barLevel="M")
    widget.barBorder = 0
    drawn = [(r.x, r.y, r.width, r.height, r.fillColor is not None) for r in widget.draw().contents]
    assert qr._rects(url) == drawn  # made, and kept
    assert qr._rects(url) == drawn  # read back
    for entry in (tmp_path / "qr").iterdir():  # a tampered entry is a miss, not a crash
        body = json.dumps([[0, 0, 0, 0, True]])
        entry.write_bytes(rendercache._header(body.encode()) + b"\n" + body.encode())
    assert qr._rects(url) == drawn


# --- what changes a block's text reaches the page ---------------------------------------


def poster_text(cli, project: Path) -> str:
    result = cli("poster", cwd=project)
    assert result.exit_code == 0, result.stderr
    return all_text(project / POSTER)


def test_a_template_and_the_templates_it_imports_are_in_the_key(sample, cli):
    macros = (builtin_dir() / "macros.xml").read_text(encoding="utf-8")
    assert '"× " ~ t.a_week' in macros
    ours = sample / "templates" / "macros.xml"  # the built-in card imports it by name
    ours.parent.mkdir()
    for word in ("zebraweekly", "okapiweekly"):
        ours.write_text(macros.replace('"× " ~ t.a_week', f'" {word}"'), encoding="utf-8")
        assert word in poster_text(cli, sample)
    ours.unlink()
    assert "okapiweekly" not in poster_text(cli, sample)


def test_a_label_and_the_language_are_in_the_key(sample, cli):
    assert "Take care:" in poster_text(cli, sample)
    project = sample / "handout.yaml"
    original = project.read_text(encoding="utf-8")
    for words in ("Mind this one", "Mind that one"):
        project.write_text(original + f"labels:\n  cautions: {words}\n", encoding="utf-8")
        assert f"{words}:" in poster_text(cli, sample)
    project.write_text(original + "language: de\n", encoding="utf-8")
    assert f"{labels_for('de')['cautions']}:" in poster_text(cli, sample)


def test_the_exercise_is_in_the_key(sample, cli):
    assert "Raise the hips slowly" in poster_text(cli, sample)
    path = sample / "exercises" / "hip-raise.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("Raise the hips slowly", "Raise the hips gently"), encoding="utf-8")
    assert "Raise the hips gently" in poster_text(cli, sample)
    path.write_text(original.replace("reps: 10-12", "reps: 8-9"), encoding="utf-8")
    text = poster_text(cli, sample)
    assert "8\u20139 reps" in text and "Raise the hips slowly" in text


def test_a_clients_dose_is_in_the_key(sample, cli):
    clients = sample / "clients.yaml"
    for reps in (17, 19):
        clients.write_text(f"- name: Ana Novak\n  email: ana@example.com\n  doses:\n"
                           f"    hip-raise: {{reps: {reps}}}\n", encoding="utf-8")
        result = cli("booklet", "--client", "Ana Novak", "-o", "ana.pdf", cwd=sample)
        assert result.exit_code == 0, result.stderr
        assert f"{reps} reps" in all_text(sample / "ana.pdf")


# --- the cache's entries -------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "altered", "bad markup", "a folder"])
def test_a_damaged_entry_is_a_miss(sample, cli, tmp_path, monkeypatch, damage):
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    poster_text(cli, sample)
    first = (sample / POSTER).read_bytes()
    entries = sorted((tmp_path / "cache" / "render").iterdir())
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(os.urandom(64))
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "altered":  # the header no longer matches the body
            entry.write_bytes(data.replace(b"<p ", b"<x ", 1) + b"\n")
        elif damage == "bad markup":  # a consistent entry whose markup the layout refuses
            body = b'<p style="nonesuch">Tampered</p><unclosed>'
            entry.write_bytes(rendercache._header(body) + b"\n" + body)
        else:
            entry.unlink()
            entry.mkdir()
    assert "Tampered" not in poster_text(cli, sample)
    assert (sample / POSTER).read_bytes() == first


def test_a_template_saved_during_a_build_is_not_kept_under_the_digest_before(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    own = sample / "templates" / "section.xml"
    own.parent.mkdir()
    own.write_text('<p style="body">old words</p>\n', encoding="utf-8")
    context = {"key": "intro", "title": "Intro", "body": "Text", "lead": False}
    during = Templates(sample)
    during.render("credits.xml", key="credits", credits=["Photos: Ana"])  # the build's digest is taken
    own.write_text('<p style="body">new words</p>\n', encoding="utf-8")  # saved mid-build
    assert during.render("section.xml", **context)[0].text == "new words"
    own.write_text('<p style="body">old words</p>\n', encoding="utf-8")  # and back
    assert Templates(sample).render("section.xml", **context)[0].text == "old words"


def test_the_key_tells_apart_what_a_template_could_tell_apart():
    t = labels_for("en")
    key = lambda **context: rendercache.key(b"sources", "card.xml", context, t)  # noqa: E731
    keys = [key(x="1"), key(x=1), key(x=1.0), key(x=True), key(x=Markup("1")), key(x=[1]), key(x=(1,)),
            key(x={"a": 1, "b": 2}), key(x={"b": 2, "a": 1}), key(y="1"), key(x="1", y=None)]
    assert None not in keys and len(set(keys)) == len(keys)
    assert key(x="1") == key(x="1")
    assert rendercache.key(b"other sources", "card.xml", {"x": "1"}, t) != key(x="1")
    assert rendercache.key(b"sources", "card.xml", {"x": "1"}, labels_for("de")) != key(x="1")
    assert rendercache.key(b"sources", "card.xml", {"x": "1"}, labels_for("en", {"cautions": "Hm"})) != key(x="1")
    assert key(x=object()) is None  # a kind it cannot state: rendered, never cached


def test_which_fields_were_written_is_in_the_key():
    from generator.models import Dose

    t = labels_for("en")
    written, defaulted = Dose.model_validate({"sets": 3, "per_week": 3}), Dose.model_validate({"sets": 3})
    assert written.per_week == defaulted.per_week  # the same dose, but a template may ask
    assert rendercache.key(b"s", "c", {"d": written}, t) != rendercache.key(b"s", "c", {"d": defaulted}, t)


def test_every_template_file_is_in_the_sources(tmp_path):
    builtin = shutil.copytree(builtin_dir(), tmp_path / "builtin")
    project = tmp_path / "project" / "templates"
    (project / "partials").mkdir(parents=True)
    (project / "partials" / "bit.xml").write_text("one", encoding="utf-8")
    first, stamps = rendercache.sources_digest(builtin, project)
    assert rendercache.unchanged(builtin, project, stamps)
    (project / "partials" / "bit.xml").write_text("two", encoding="utf-8")
    assert not rendercache.unchanged(builtin, project, stamps)
    second, _ = rendercache.sources_digest(builtin, project)
    (builtin / "macros.xml").write_text("changed", encoding="utf-8")
    third, _ = rendercache.sources_digest(builtin, project)
    assert len({first, second, third}) == 3 and b"" not in (first, second, third)
    # A link: the loader decides at each render what it may read, so nothing is cached.
    (project / "linked.xml").symlink_to(builtin / "section.xml")
    assert rendercache.sources_digest(builtin, project) == (b"", ())


# --- the Markdown parser only when there is something for it to do ------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab é&<>\"'#->`[]1.\n ", max_size=40))
def test_plain_text_is_split_as_the_parser_splits_it(text):
    assert markup._plain(text)
    parsed = []
    for token in markup._parser().parse(text):
        if token.type == "inline":
            parsed.append("".join(str(markup.escape(c.content)) if c.type == "text" else markup._TAGS.get(c.type, "")
                                  for c in token.children or ()))
    assert [str(p) for p in markup._plain_paragraphs(text)] == parsed


def test_marks_and_odd_spaces_go_to_the_parser():
    for text in ("a *b*", "a _b_", "a \\*b", "tab\there", "no\u00a0break", "soft\u00adhyphen", "cr\r\nlf"):
        assert not markup._plain(text)
    assert markup.paragraphs("Keep **this** still") == (Markup("Keep <b>this</b> still"),)
