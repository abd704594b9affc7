"""Pictures: drawings stay vector, photos come out upright, in colour, with their
transparency, cropped where asked, described for search, and broken files named."""

from __future__ import annotations

import re

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from conftest import BOOKLET, POSTER, all_text, image_placements, run_process
from test_booklet import _placed_images

HIP = "exercises/hip-raise.yaml"


def _use(sample, picture: str, extra: str = ""):
    path = sample / HIP
    text = path.read_text(encoding="utf-8").replace("assets/images/hip-raise.svg", picture)
    path.write_text(text + extra, encoding="utf-8")


def _images_on(page):
    xobjects = page["/Resources"].get("/XObject", {})
    return [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def test_svg_drawings_stay_vector(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    assert _images_on(PdfReader(sample / POSTER).pages[0]) == []
    for page in PdfReader(sample / BOOKLET).pages:
        assert _images_on(page) == []


def test_exif_orientation_is_honoured(sample, cli):
    img = Image.new("RGB", (800, 600), (40, 120, 200))
    ImageDraw.Draw(img).rectangle((0, 0, 100, 600), fill=(250, 250, 250))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown turned 90° clockwise: portrait
    img.save(sample / "assets" / "images" / "turned.jpg", exif=exif)
    _use(sample, "assets/images/turned.jpg")
    assert cli("booklet", "--profile", "print", cwd=sample).exit_code == 0
    placed = _placed_images(sample / BOOKLET)  # on the cover's montage and its own page
    assert len(placed) == 2
    for width, height, placed_w, placed_h in placed:
        assert height > width and placed_h > placed_w


def test_cmyk_and_greyscale_jpegs_and_a_transparent_png_render(sample, cli):
    Image.new("CMYK", (900, 600), (0, 120, 255, 0)).save(sample / "assets" / "images" / "cmyk.jpg")
    Image.new("L", (900, 600), 90).save(sample / "assets" / "images" / "grey.jpg")
    clear = Image.new("RGBA", (900, 600), (0, 0, 0, 0))
    ImageDraw.Draw(clear).ellipse((200, 100, 700, 500), fill=(30, 140, 60, 255))
    clear.save(sample / "assets" / "images" / "clear.png")
    for name, picture in (("hip-raise", "cmyk.jpg"), ("lying-superman", "grey.jpg"),
                          ("superman-on-knees-and-hands", "clear.png")):
        path = sample / "exercises" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            f"assets/images/{name}.svg", f"assets/images/{picture}"), encoding="utf-8")
    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr
    images = _images_on(PdfReader(sample / POSTER).pages[0])
    assert len(images) == 3
    assert sorted(str(i["/ColorSpace"]) for i in images) == ["/DeviceGray", "/DeviceRGB", "/DeviceRGB"]
    assert sum("/SMask" in i for i in images) == 1  # the PNG keeps its transparency


def test_cover_fit_crops_around_the_focus_point(sample, cli):
    wide = Image.new("RGB", (2400, 600), (200, 200, 200))
    ImageDraw.Draw(wide).rectangle((0, 0, 300, 600), fill=(200, 40, 40))
    wide.save(sample / "assets" / "images" / "wide.jpg")
    positions = {}
    for focus in (0, 1):
        (sample / HIP).write_text((sample / HIP).read_text(encoding="utf-8").split("image_fit")[0], encoding="utf-8")
        _use(sample, "assets/images/wide.jpg", f"image_fit: cover\nimage_focus: [{focus}, 0.5]\n")
        assert cli("booklet", cwd=sample).exit_code == 0
        stream = b"".join(p.get_contents().get_data() for p in PdfReader(sample / BOOKLET).pages)
        assert re.search(rb"re W\*? n", stream)  # cropped to its box
        for w, h, placed_w, placed_h in _placed_images(sample / BOOKLET):
            assert w / h == pytest.approx(placed_w / placed_h, rel=0.02)  # never squeezed
        positions[focus] = _red_shown(sample / BOOKLET)
        (sample / HIP).write_text((sample / HIP).read_text(encoding="utf-8").replace(
            "assets/images/wide.jpg", "assets/images/hip-raise.svg"), encoding="utf-8")
    assert positions[0] > positions[1]  # focus on the left keeps more of the red left edge


def _red_shown(pdf):
    """How many pixels of the photo's red stripe the exercise page shows (the cover's
    montage is page 1): the page as a viewer draws it, whether the photo was cropped
    before it was embedded or clipped when drawn."""
    import pypdfium2

    page = next(page for page, _, _ in image_placements(pdf) if page > 1)
    document = pypdfium2.PdfDocument(pdf)
    shown = document[page - 1].render(scale=1).to_pil().convert("RGB")
    document.close()
    rgb = shown.tobytes()
    return sum(1 for i in range(0, len(rgb), 3) if abs(rgb[i] - 200) < 20 and rgb[i + 1] < 70 and rgb[i + 2] < 70)


def test_image_alt_is_searchable_text(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0
    alt = "A figure lying on the back with knees bent and feet flat"
    assert alt in all_text(sample / POSTER)
    assert alt in all_text(sample / BOOKLET)


def test_a_broken_svg_is_named(sample):
    (sample / "assets" / "images" / "hip-raise.svg").write_text("<svg><path d='M0 0 L", encoding="utf-8")
    result = run_process("build", cwd=sample)
    assert result.exit_code == 1
    # Found when the project is loaded, so `check` finds it too.
    assert result.stderr.startswith("exercises/hip-raise.yaml:4: image: 'assets/images/hip-raise.svg' "
                                    "has no usable width")
    assert "Traceback" not in result.stderr


def test_a_truncated_jpeg_is_named(sample):
    photo = sample / "assets" / "images" / "cut.jpg"
    Image.effect_noise((1600, 1200), 30).convert("RGB").save(photo, quality=90)
    photo.write_bytes(photo.read_bytes()[:4000])
    _use(sample, "assets/images/cut.jpg")
    result = run_process("build", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("exercises/hip-raise.yaml:4: image: 'assets/images/cut.jpg' "
                                    "is damaged or cut short")
    assert "Traceback" not in result.stderr
    assert not (sample / POSTER).exists()


def test_text_inside_an_svg_is_set_in_an_embedded_font(sample, cli):
    from conftest import fonts_in, is_embedded

    (sample / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">'
        '<rect width="300" height="100" fill="#123456"/>'
        '<text x="20" y="65" font-family="Arial, sans-serif" font-size="40" fill="#fff">Northside</text>'
        '<text x="20" y="90" font-weight="bold" font-size="14" fill="#fff">Gym</text></svg>', encoding="utf-8")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "theme: {logo: assets/logo.svg}\n", encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0
    for pdf in (POSTER, BOOKLET):
        assert "Northside" in all_text(sample / pdf)
        for name, font in fonts_in(sample / pdf).items():
            assert is_embedded(font), f"{name} in {pdf}"
