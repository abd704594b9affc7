"""Photos in the emailed booklet: small, sharp enough, the same bytes every time.

Seven 12 MP phone photos (tests/photos.py), six on the exercise pages and one as the
cover, as in benchmarks/peers/compare.py.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import BOOKLET, POSTER, image_placements
from photos import phone_photo

import generator.images as images


@pytest.fixture(scope="module")
def phone_photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone")
    return [phone_photo(folder / f"p{n}.jpg", seed=n) for n in range(7)]


@pytest.fixture
def with_photos(sample, phone_photos):
    """The sample with a phone photo for each exercise and one for the cover."""
    for photo in phone_photos:
        shutil.copy(photo, sample / "assets" / "images" / photo.name)
    for n, path in enumerate(sorted((sample / "exercises").glob("*.yaml"))):
        path.write_text(re.sub(r"image: \S+", f"image: assets/images/p{n}.jpg", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    project = sample / "handout.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "cover: assets/images/p6.jpg\n", encoding="utf-8")
    return sample


@pytest.fixture
def cold_cache(tmp_path, monkeypatch):
    """An empty photo cache, on disk and in this process; returns the folder."""
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(images, "_ENCODED", {})
    return tmp_path / "cache" / "images"


def _placed(pdf):
    """(page, pixel width, pixel height, dpi across, dpi down, embedded bytes) of every image drawn."""
    out = []
    for page, image, ctm in image_placements(pdf):
        width_pt, height_pt = (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5, (ctm[2] ** 2 + ctm[3] ** 2) ** 0.5
        out.append((page, image["/Width"], image["/Height"], image["/Width"] / (width_pt / 72),
                    image["/Height"] / (height_pt / 72), len(image.get_data()), width_pt / height_pt))
    return out


def test_seven_phone_photos_are_small_and_sharp_enough(with_photos, cli, cold_cache):
    result = cli("booklet", cwd=with_photos)
    assert result.exit_code == 0, result.stderr
    placed = _placed(with_photos / BOOKLET)
    assert len(placed) == 7
    for page, w, h, dpi_x, dpi_y, _, _ in placed:
        assert dpi_x >= 149.5 and dpi_y >= 149.5, (page, w, h)  # sharp on paper and on a phone
        assert dpi_x < 160 and dpi_y < 160, (page, w, h)  # and no pixels nobody sees
    # Seven photos in about the bytes of one: each photo's share of the file is small.
    assert sum(entry[5] for entry in placed) < 32 * 1024


def test_the_emailed_booklet_with_seven_phone_photos_is_under_100_kb(with_photos, cli, cold_cache):
    assert cli("booklet", cwd=with_photos).exit_code == 0
    assert (with_photos / BOOKLET).stat().st_size < 100 * 1024


def test_the_same_photos_give_the_same_bytes_cold_and_warm(with_photos, cli, cold_cache, monkeypatch):
    assert cli("booklet", cwd=with_photos).exit_code == 0
    cold = (with_photos / BOOKLET).read_bytes()
    assert len(list(cold_cache.iterdir())) == 7
    monkeypatch.setattr(images, "_ENCODED", {})  # a new process: only the disk cache is left
    assert cli("booklet", cwd=with_photos).exit_code == 0
    assert (with_photos / BOOKLET).read_bytes() == cold


def test_a_damaged_or_swapped_cache_entry_is_made_again(with_photos, cli, cold_cache, monkeypatch):
    assert cli("booklet", cwd=with_photos).exit_code == 0
    good = (with_photos / BOOKLET).read_bytes()
    entries = sorted(cold_cache.iterdir())
    entries[0].write_bytes(entries[0].read_bytes()[:300])  # cut short
    entries[1].write_bytes(b"\x00not a picture at all")
    sizes = {entry: Image.open(entry).size for entry in entries[2:]}
    other = next(entry for entry in entries[3:] if sizes[entry] != sizes[entries[2]])
    entries[2].write_bytes(other.read_bytes())  # a whole JPEG, but another photo's size
    Image.new("RGB", (40, 40)).save(entries[4], "PNG")  # not even a JPEG
    monkeypatch.setattr(images, "_ENCODED", {})
    result = cli("booklet", cwd=with_photos)
    assert result.exit_code == 0, result.stderr
    assert (with_photos / BOOKLET).read_bytes() == good


def test_a_covering_photo_embeds_only_what_is_seen(with_photos, cli, cold_cache):
    assert cli("booklet", cwd=with_photos).exit_code == 0
    page, w, h, _, _, _, placed_aspect = _placed(with_photos / BOOKLET)[0]
    assert page == 1  # the cover
    assert w / h == pytest.approx(placed_aspect, rel=0.01)  # the box's shape, not the photo's 3:4
    assert abs(w / h - 3 / 4) > 0.1
    with Image.open(with_photos / "assets" / "images" / "p6.jpg") as photo:
        assert w * h < photo.width * photo.height / 16


def test_a_damaged_photo_is_named_and_the_last_booklet_kept(with_photos, cli, cold_cache, monkeypatch):
    assert cli("booklet", cwd=with_photos).exit_code == 0
    before = (with_photos / BOOKLET).read_bytes()
    photo = with_photos / "assets" / "images" / "p3.jpg"
    photo.write_bytes(photo.read_bytes()[:20_000])  # the header reads; the pixels stop
    monkeypatch.setattr(images, "_ENCODED", {})
    result = cli("booklet", cwd=with_photos)
    assert result.exit_code == 1
    assert "assets/images/p3.jpg" in result.stderr and "is damaged or cut short" in result.stderr
    assert "Traceback" not in result.stderr
    assert (with_photos / BOOKLET).read_bytes() == before


def test_the_print_poster_keeps_300_dpi(with_photos, cli, cold_cache):
    assert cli("poster", cwd=with_photos).exit_code == 0
    placed = _placed(with_photos / POSTER)
    assert len(placed) == 6
    for page, w, h, dpi_x, dpi_y, data, _ in placed:
        assert min(dpi_x, dpi_y) >= 299.5, (w, h)
    image = next(image for _, image, _ in image_placements(with_photos / POSTER))
    with Image.open(io.BytesIO(image.get_data())) as img:  # embedded as it was encoded
        assert img.format == "JPEG" and img.size == (image["/Width"], image["/Height"])
    assert len(PdfReader(with_photos / POSTER).pages) == 1


def test_photos_with_the_same_transparency_share_their_mask(sample, cli, cold_cache):
    """Two transparent PNGs whose alpha is the same (found by the generated projects:
    the second mask was defined again and the build crashed)."""
    alpha = Image.new("L", (300, 200), 0)
    alpha.paste(255, (50, 50, 250, 150))
    for n, colour in enumerate(((200, 40, 40), (40, 40, 200))):
        picture = Image.new("RGBA", (300, 200), colour + (255,))
        picture.putalpha(alpha)
        picture.save(sample / "assets" / "images" / f"cut{n}.png")
    files = sorted((sample / "exercises").glob("*.yaml"))[:2]
    for n, path in enumerate(files):
        path.write_text(re.sub(r"image: \S+", f"image: assets/images/cut{n}.png", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 0, result.stderr
    masks = {id(image.get("/SMask")) for page in PdfReader(sample / BOOKLET).pages
             for image in [x.get_object() for x in (page["/Resources"].get("/XObject") or {}).values()]
             if image.get("/SMask") is not None}
    assert masks
