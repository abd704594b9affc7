"""A project from a stranger: templates cannot run code, named files cannot leave the
project, and hostile pictures and fonts fail `check` with a message, never a traceback.

Every hostile file is made here, inside the test.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import POSTER, REPO, all_text

SECRET = "TOPSECRETWORDS"
SECRET_SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
  <g id="x"><text x="10" y="50" font-size="20">{SECRET}</text></g>
</svg>"""


def line_of(path: Path, start: str) -> int:
    """The 1-based line of `path` that starts with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def add_to_project(sample: Path, yaml_text: str) -> None:
    with (sample / "handout.yaml").open("a", encoding="utf-8") as handle:
        handle.write(yaml_text)


def set_image(sample: Path, exercise: str, value: str) -> Path:
    """Point the exercise's `image:` at `value`; the file, for its line."""
    path = sample / "exercises" / f"{exercise}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"image: {value}" if line.startswith("image:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the project with files a stranger's project must not reach."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.svg").write_text(SECRET_SVG, encoding="utf-8")
    Image.new("RGB", (40, 30), "red").save(folder / "secret.png")
    shutil.copy(REPO / "assets" / "fonts" / "OpenSans-Regular.ttf", folder / "secret.ttf")
    return folder


# --- templates ------------------------------------------------------------------------

PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ joiner.__init__.__globals__.os.popen('touch MARKER') }}",
    "{{ (''|attr('__class__')).__mro__ }}",
    "{{ namespace.__init__.__globals__ }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_template_that_reaches_for_internals_is_refused(sample, cli, payload):
    card = sample / "templates" / "poster_card.xml"
    card.parent.mkdir()
    card.write_text("<p style=\"name\">x</p>\n\n" + payload + "\n", encoding="utf-8")
    for command in ("check", "build"):
        result = cli(command, cwd=sample)
        assert result.exit_code == 1, command
        assert not (sample / "MARKER").exists()
        assert "templates/poster_card.xml:3: template error: Python internals are not allowed: '__" \
            in result.stderr
        assert "Traceback" not in result.stderr
    assert not (sample / POSTER).exists()


def test_a_template_naming_the_attribute_it_wanted(sample, cli):
    card = sample / "templates" / "poster_card.xml"
    card.parent.mkdir()
    card.write_text(PAYLOADS[0] + "\n", encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert "not allowed: '__init__', '__globals__'" in result.stderr


def test_an_attribute_built_at_run_time_is_refused_by_the_sandbox(sample, cli):
    card = sample / "templates" / "poster_card.xml"
    card.parent.mkdir()
    card.write_text("\n{{ ''|attr('__cla' ~ 'ss__') }}\n", encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert "templates/poster_card.xml:2: template error: Python internals are not allowed: '__class__'" \
        in result.stderr


def test_a_template_cannot_change_a_value(sample, cli):
    card = sample / "templates" / "poster_card.xml"
    card.parent.mkdir()
    card.write_text("{% set parts = [] %}\n{{ parts.append(1) }}\n", encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert "templates/poster_card.xml:2: template error: changing a value is not allowed: 'append'" \
        in result.stderr


@pytest.mark.parametrize("expression, words", [("'x' * 10**9", "a repeat longer than 100,000 is not allowed"),
                                               ("10 ** 1000000", "a power above 100 is not allowed")])
def test_a_template_cannot_exhaust_the_machine(sample, cli, expression, words):
    card = sample / "templates" / "poster_card.xml"
    card.parent.mkdir()
    card.write_text("\n{{ " + expression + " }}\n", encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert f"templates/poster_card.xml:2: template error: {words}" in result.stderr


def test_the_mail_template_cannot_read_the_environment(sample, monkeypatch):
    from generator.errors import HandoutError
    from generator.templates import Templates

    monkeypatch.setenv("HANDOUT_SMTP_PASSWORD", "hunter2-secret")
    monkeypatch.chdir(sample)
    (sample / "templates").mkdir()
    (sample / "templates" / "mail.txt").write_text(
        "Subject: Your booklet\n\n{{ cycler.__init__.__globals__.os.environ.HANDOUT_SMTP_PASSWORD }}\n",
        encoding="utf-8")
    with pytest.raises(HandoutError) as caught:
        Templates(sample).render_text("mail.txt", client=None, title="t", author=None, subject=None)
    assert "templates/mail.txt:3: template error: Python internals are not allowed" in caught.value.message
    assert "hunter2" not in caught.value.message


def test_send_refuses_a_mail_template_that_reads_the_password(sample, cli, monkeypatch):
    monkeypatch.setenv("HANDOUT_SMTP_PASSWORD", "hunter2-secret")
    (sample / "clients.yaml").write_text("- name: Ana Novak\n  email: ana@example.com\n", encoding="utf-8")
    (sample / "templates").mkdir()
    (sample / "templates" / "mail.txt").write_text(
        "Subject: Your booklet\n\n{{ lipsum.__globals__['os'].environ['HANDOUT_SMTP_PASSWORD'] }}\n",
        encoding="utf-8")
    result = cli("send", "--dry-run", cwd=sample)
    assert result.exit_code == 1
    assert "templates/mail.txt:3: template error: Python internals are not allowed: '__globals__'" \
        in result.stderr
    written = [p.read_bytes() for p in (sample / "out").rglob("*") if p.is_file()]
    assert not any(b"hunter2" in data for data in written)


def test_a_template_linked_to_a_file_outside_is_refused(sample, outside, cli):
    (outside / "card.xml").write_text("<p style=\"body\">" + SECRET + "</p>\n", encoding="utf-8")
    (sample / "templates").mkdir()
    (sample / "templates" / "poster_card.xml").symlink_to(outside / "card.xml")
    for command in ("check", "poster"):
        result = cli(command, cwd=sample)
        assert result.exit_code == 1, command
        assert "templates/poster_card.xml: 'templates/poster_card.xml' is outside the project" in result.stderr
    assert not (sample / POSTER).exists()


def test_a_templates_folder_linked_outside_is_refused(sample, outside, cli):
    (sample / "templates").symlink_to(outside)
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    assert "'templates' is outside the project" in result.stderr


def test_the_built_in_templates_render_in_the_sandbox(sample, cli):
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0, result.stderr
    text = all_text(sample / POSTER).replace("\u00a0", " ")
    # The macros, rewritten for the sandbox: the dose row, its amount over the rest.
    assert "3 × 10–12 reps rest 60 s · 3× a week" in text


# --- paths the project names ----------------------------------------------------------

def _forms(sample: Path, outside: Path, name: str) -> dict[str, str]:
    """The three ways out: absolute, up and out, and a link inside the project."""
    link = sample / "assets" / f"link-{name}"
    link.symlink_to(outside / name)
    return {"absolute": str(outside / name), "dotdot": f"../outside/{name}",
            "symlink": f"assets/link-{name}"}


@pytest.mark.parametrize("form", ["absolute", "dotdot", "symlink"])
def test_an_exercise_image_outside_the_project_is_refused(sample, outside, cli, form):
    value = _forms(sample, outside, "secret.svg")[form]
    path = set_image(sample, "hip-raise", value)
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    line = line_of(path, "image:")
    assert f"exercises/hip-raise.yaml:{line}: image: '{value}' is outside the project" in result.stderr
    assert not (sample / POSTER).exists()


@pytest.mark.parametrize("form", ["absolute", "dotdot", "symlink"])
@pytest.mark.parametrize("key", ["cover", "photo", "logo"])
def test_project_pictures_outside_the_project_are_refused(sample, outside, cli, form, key):
    value = _forms(sample, outside, "secret.png")[form]
    project = sample / "handout.yaml"
    if key == "photo":
        text = project.read_text(encoding="utf-8").replace("author:\n", f"author:\n  photo: {value}\n")
        project.write_text(text, encoding="utf-8")
        start, where = "  photo:", "author.photo"
    elif key == "logo":
        add_to_project(sample, f"theme:\n  logo: {value}\n")
        start, where = "  logo:", "theme.logo"
    else:
        add_to_project(sample, f"cover: {value}\n")
        start, where = "cover:", "cover"
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert f"handout.yaml:{line_of(project, start)}: {where}: '{value}' is outside the project" \
        in result.stderr


@pytest.mark.parametrize("form", ["absolute", "dotdot", "symlink"])
def test_a_theme_font_outside_the_project_is_refused(sample, outside, cli, form):
    value = _forms(sample, outside, "secret.ttf")[form]
    add_to_project(sample, f"theme:\n  fonts:\n    regular: {value}\n")
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    line = line_of(sample / "handout.yaml", "    regular:")
    assert f"handout.yaml:{line}: theme.fonts.regular: '{value}' is outside the project" in result.stderr


def test_a_font_outside_tells_nothing_about_whether_it_exists(sample, outside, cli):
    messages = []
    for name in ("secret.ttf", "no-such-file.ttf", "secret.svg"):
        project = sample / "handout.yaml"
        project.write_text((REPO / "handout.yaml").read_text(encoding="utf-8")
                           + f"theme:\n  fonts:\n    regular: ../outside/{name}\n", encoding="utf-8")
        result = cli("check", cwd=sample)
        assert result.exit_code == 1
        messages.append(result.stderr.replace(name, "NAME"))
    assert messages[0] == messages[1] == messages[2]


def test_nothing_outside_reaches_the_last_good_pdf(sample, outside, cli):
    assert cli("build", cwd=sample).exit_code == 0
    before = (sample / POSTER).read_bytes()
    set_image(sample, "hip-raise", "../outside/secret.svg")
    assert cli("build", cwd=sample).exit_code == 1
    assert (sample / POSTER).read_bytes() == before
    assert SECRET not in all_text(sample / POSTER)


def test_an_exercise_file_linked_outside_is_refused(sample, outside, cli):
    (outside / "extra.yaml").write_text(f"name: {SECRET}\nsteps: [a]\n", encoding="utf-8")
    (sample / "exercises" / "extra.yaml").symlink_to(outside / "extra.yaml")
    add_to_project(sample, "  - extra\n")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "exercises/extra.yaml: 'exercises/extra.yaml' is outside the project" in result.stderr


# --- SVG ------------------------------------------------------------------------------

def _svg_exercise(sample: Path, svg: str, name: str = "hostile.svg") -> Path:
    (sample / "assets" / "images" / name).write_text(svg, encoding="utf-8")
    return set_image(sample, "hip-raise", f"assets/images/{name}")


@pytest.mark.parametrize("reference", ["../../../outside/secret.svg", "ABSOLUTE", "../link.svg"])
def test_an_svg_that_uses_a_file_outside_is_refused(sample, outside, cli, reference):
    if reference == "ABSOLUTE":
        reference = str(outside / "secret.svg")
    (sample / "assets" / "link.svg").symlink_to(outside / "secret.svg")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="100" height="100"><use xlink:href="{reference}#x"/></svg>')
    _svg_exercise(sample, svg)
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert f"image: 'assets/images/hostile.svg' refers to '{reference}', outside the project" in result.stderr
    assert not (sample / POSTER).exists()


def test_an_svg_holding_a_bomb_is_refused(sample, cli):
    data = base64.b64encode(_bomb_png(9000, 9000)).decode()
    _svg_exercise(sample, '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                          f'width="120" height="80"><image width="120" height="80" '
                          f'xlink:href="data:image/png;base64,{data}"/></svg>')
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "'assets/images/hostile.svg' holds a picture over the limit of 50 megapixels" in result.stderr
    assert "Warning" not in result.stderr


def test_an_svg_may_use_another_svg_inside_the_project(sample, cli):
    (sample / "assets" / "parts.svg").write_text(SECRET_SVG.replace(SECRET, "INSIDEPART"), encoding="utf-8")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'width="200" height="100"><use xlink:href="../parts.svg#x"/></svg>')
    _svg_exercise(sample, svg)
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0, result.stderr
    assert "INSIDEPART" in all_text(sample / POSTER)


def _png_bytes(size=(60, 40), color="blue", mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).convert(mode).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "P", "RGBA"])
def test_an_svg_with_an_embedded_png_builds(sample, cli, mode):
    data = base64.b64encode(_png_bytes(mode=mode)).decode()
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="120" height="80"><image x="0" y="0" width="120" height="80" '
           f'xlink:href="data:image/png;base64,{data}"/></svg>')
    _svg_exercise(sample, svg)
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0, result.stderr
    from pypdf import PdfReader

    images = [img for page in PdfReader(sample / POSTER).pages for img in page.images]
    assert any(img.image.size == (60, 40) for img in images)


def test_an_svg_with_a_png_beside_it_builds(sample, cli):
    (sample / "assets" / "images" / "photo.png").write_bytes(_png_bytes((30, 20), "green"))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'width="120" height="80"><image x="0" y="0" width="120" height="80" xlink:href="photo.png"/></svg>')
    _svg_exercise(sample, svg)
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("attributes, words", [
    ('width="1e999" height="100"', "no usable width"),
    ('width="1e300" height="100"', "over the limit of 10 m"),
    ('width="100" height="100" viewBox="0 0 1e999 100"', "absurd viewBox"),
    ('width="20000mm" height="100"', "over the limit of 10 m"),
])
def test_an_svg_of_absurd_size_is_refused_and_the_last_pdf_kept(sample, cli, attributes, words):
    assert cli("poster", cwd=sample).exit_code == 0
    before = (sample / POSTER).read_bytes()
    path = _svg_exercise(sample, f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}>'
                                 '<rect width="10" height="10"/></svg>')
    for command in ("check", "poster"):
        result = cli(command, cwd=sample)
        assert result.exit_code == 1, command
        assert f"exercises/hip-raise.yaml:{line_of(path, 'image:')}: image: 'assets/images/hostile.svg' " \
            in result.stderr and words in result.stderr
    assert (sample / POSTER).read_bytes() == before


def test_an_svg_with_too_many_elements_is_refused(sample, cli):
    _svg_exercise(sample, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                          + "<g/>" * 60_000 + "</svg>")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "'assets/images/hostile.svg' has more than 50,000 elements" in result.stderr


# --- pictures and fonts that `check` must catch ----------------------------------------

def _bomb_png(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size over a few bytes of data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b""))


def _photo_exercise(sample: Path, data: bytes, name: str = "photo.png") -> Path:
    (sample / "assets" / "images" / name).write_bytes(data)
    return set_image(sample, "hip-raise", f"assets/images/{name}")


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((200, 150), 60).convert("RGB").save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize("name, data, words", [
    ("photo.png", b"", "is an empty file (0 bytes)"),
    ("photo.svg", b"", "is an empty file (0 bytes)"),
    ("photo.png", _png_bytes((200, 200))[:-30], "is damaged or cut short"),
    ("photo.jpg", _jpeg_bytes()[:-400], "is damaged or cut short"),
    ("photo.png", _bomb_png(13000, 13000), "is 13,000 × 13,000 pixels (169 megapixels), over the limit of 50"),
    ("photo.png", _bomb_png(100_000, 100_000), "is 100,000 × 100,000 pixels (10000 megapixels)"),
    ("photo.png", b"GIF89a" + b"\x00" * 40, "is not a PNG or JPEG image that can be read"),
])
def test_check_fails_on_broken_and_bomb_images(sample, cli, name, data, words):
    path = _photo_exercise(sample, data, name)
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert f"exercises/hip-raise.yaml:{line_of(path, 'image:')}: image: 'assets/images/{name}' {words}" \
        in result.stderr
    assert "Warning" not in result.stderr and "Traceback" not in result.stderr


def test_a_gif_named_png_is_refused(sample, cli):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    _photo_exercise(sample, out.getvalue())
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert "'assets/images/photo.png' is not a PNG or JPEG image that can be read" in result.stderr


def test_a_sound_photo_passes_check_and_builds(sample, cli):
    _photo_exercise(sample, _jpeg_bytes(), "photo.jpg")
    assert cli("check", cwd=sample).exit_code == 0
    result = cli("poster", cwd=sample)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("cut", [0.5, 0.05])
def test_check_fails_on_a_truncated_font(sample, cli, cut):
    font = (REPO / "assets" / "fonts" / "OpenSans-Regular.ttf").read_bytes()
    (sample / "fonts").mkdir()
    (sample / "fonts" / "Brand.ttf").write_bytes(font[: int(len(font) * cut)])
    add_to_project(sample, "theme:\n  fonts:\n    regular: fonts/Brand.ttf\n")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    line = line_of(sample / "handout.yaml", "    regular:")
    assert f"handout.yaml:{line}: theme.fonts.regular: 'fonts/Brand.ttf' is damaged or not a complete " \
           "TrueType font" in result.stderr


def test_a_theme_font_inside_the_project_builds(sample, cli):
    (sample / "fonts").mkdir()
    shutil.copy(REPO / "assets" / "fonts" / "OpenSans-Bold.ttf", sample / "fonts" / "Brand.ttf")
    add_to_project(sample, "theme:\n  fonts:\n    regular: fonts/Brand.ttf\n")
    assert cli("check", cwd=sample).exit_code == 0
    assert cli("poster", cwd=sample).exit_code == 0


# --- exercise ids and watch -----------------------------------------------------------

@pytest.mark.parametrize("stem, better", [('hip"raise', "hip-raise"), ("Hip Raise", "hip-raise"),
                                          ("hip_raise", "hip-raise")])
def test_an_exercise_file_name_that_is_not_an_id_is_refused(sample, cli, stem, better):
    os.rename(sample / "exercises" / "hip-raise.yaml", sample / "exercises" / f"{stem}.yaml")
    project = sample / "handout.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("  - hip-raise", f"  - '{stem}'"),
                       encoding="utf-8")
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert f"exercises/{stem}.yaml: '{stem}' cannot be an exercise id" in result.stderr
    assert f"rename the file to exercises/{better}.yaml" in result.stderr


def test_watch_skips_a_link_to_the_whole_disk(sample):
    from generator.watch import project_folders

    (sample / "assets" / "root").symlink_to("/")
    (sample / "out").mkdir()
    folders = project_folders(sample, sample / "out")
    assert sample / "assets" in folders and sample / "exercises" in folders
    assert all(not f.is_symlink() and f != sample / "out" for f in folders)
    assert len(folders) < 10


def test_watch_with_a_link_to_the_disk_sees_a_new_folder(sample, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    (sample / "assets" / "root").symlink_to("/")
    set_image(sample, "hip-raise", "assets/more/pic.svg")
    log_path = tmp_path / "watch.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "watch"], cwd=sample, stdout=log,
                                stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        def wait_for(text, seconds):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if text in log_path.read_text(encoding="utf-8"):
                    return
                assert proc.poll() is None, log_path.read_text(encoding="utf-8")
                time.sleep(0.05)
            raise AssertionError(f"no '{text}' in: {log_path.read_text(encoding='utf-8')}")

        wait_for("watching", 30)
        assert "image 'assets/more/pic.svg' not found" in log_path.read_text(encoding="utf-8")
        (sample / "assets" / "more").mkdir()
        time.sleep(2.0)  # the watcher takes the new folder in
        (sample / "assets" / "more" / "pic.svg").write_text(SECRET_SVG.replace(SECRET, "NEWFOLDER"),
                                                            encoding="utf-8")
        wait_for("wrote", 20)
        assert "NEWFOLDER" in all_text(sample / POSTER)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
    assert "Traceback" not in log_path.read_text(encoding="utf-8")


def test_a_client_list_that_links_outside_the_project_is_refused(sample, cli, tmp_path):
    outside = tmp_path / "addresses.yaml"
    outside.write_text("- name: Someone Else\n  email: someone@example.com\n", encoding="utf-8")
    (sample / "clients.yaml").symlink_to(outside)
    result = cli("booklets", cwd=sample)
    assert result.exit_code == 1
    assert "clients.yaml: 'clients.yaml' is outside the project" in result.stderr
    assert not (sample / "out" / "clients").exists()


@pytest.mark.parametrize("expression, said", [
    ("range(10**7) | list | length", "Range too big"),  # the sandbox's own OverflowError
    ("1 / 0", "division by zero"),
    ("'a' + 1", "can only concatenate"),
])
def test_a_template_expression_that_fails_is_named_at_its_line(sample, cli, expression, said):
    (sample / "templates").mkdir()
    (sample / "templates" / "poster_card.xml").write_text(
        '{% extends "builtin/poster_card.xml" %}\n{% block extra %}{{ ' + expression + ' }}{% endblock %}\n',
        encoding="utf-8")
    result = cli("build", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("templates/poster_card.xml:2: template error: ")
    assert said in result.stderr


def test_python_dash_m_does_not_import_a_projects_own_modules(sample):
    """A shared project holding yaml.py or reportlab_settings.py runs nothing."""
    import subprocess
    import sys

    for name in ("yaml.py", "reportlab_settings.py", "click.py"):
        (sample / name).write_text("open('RAN-' + __name__, 'w').close()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=sample,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not list(sample.glob("RAN-*"))
    assert (sample / "out" / "ultimate-back-workout-booklet.pdf").is_file()
