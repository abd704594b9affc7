"""A real programme, as a physiotherapist wrote it: knee rehab in Spanish, eight
weeks, eight exercises photographed with a phone, a daily exercise, five clients
(two of them sharing a family address). The project is tests/programmes/rodilla;
its photos are made here, 12 megapixels each, turned by their EXIF tag."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from conftest import image_placements, page_texts
from photos import phone_photo

PROGRAMME = __import__("pathlib").Path(__file__).parent / "programmes" / "rodilla"
NAMES = ["Contracción de cuádriceps", "Elevación de pierna recta", "Deslizamiento de talón",
         "Puente de glúteos", "Sentadilla en la pared", "Subida al escalón", "Elevación de talones",
         "Estiramiento de isquiotibiales"]
PHOTOS = ["cuadriceps", "pierna-recta", "talon", "puente", "sentadilla", "escalon", "talones", "isquios"]


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fotos")
    for seed, name in enumerate(PHOTOS):
        phone_photo(folder / f"{name}.jpg", seed, orientation=6 if seed % 3 else 1)
    return folder


@pytest.fixture
def rodilla(tmp_path, photos):
    root = tmp_path / "rodilla"
    shutil.copytree(PROGRAMME, root)
    shutil.copytree(photos, root / "fotos")
    return root


def test_the_programme_builds_in_spanish(rodilla, cli):
    result = cli("build", cwd=rodilla)
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr  # 12 MP photos print sharp at any placed size
    poster = rodilla / "out" / "rodilla-fuerte-en-8-semanas-poster.pdf"
    booklet = rodilla / "out" / "rodilla-fuerte-en-8-semanas-booklet.pdf"
    assert len(PdfReader(poster).pages) == 1
    pages = page_texts(booklet)
    text = " ".join(pages)
    for name in NAMES:
        assert name in text
    assert "Índice" in pages[1]
    assert "Cómo se hace" in text and "Tu registro" in text
    # Eight phone photos in an emailed booklet: small enough to send, each placed upright.
    assert booklet.stat().st_size < 900_000
    # Five photos carry the EXIF tag "turn 90°" (the phone held upright), three not.
    pages_with = {}
    for number, image, m in image_placements(booklet):
        if image["/Height"] > 100 and number > 1:  # the exercise pages, not the cover
            pages_with.setdefault(number, abs(m[3]) > abs(m[0]))
    assert sorted(pages_with.values()) == [False] * 3 + [True] * 5


def test_the_log_covers_eight_weeks_and_daily_exercises(rodilla, cli):
    result = cli("booklet", cwd=rodilla)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(rodilla / "out" / "rodilla-fuerte-en-8-semanas-booklet.pdf")
    log = " ".join(p for p in pages if "Tu registro" in p or "Semana" in p)
    for week in range(1, 9):
        assert f"Semana {week}" in log
    assert "Semana 9" not in log


def test_every_client_gets_a_booklet_with_spanish_dates(rodilla, cli):
    result = cli("booklets", "-j", "2", cwd=rodilla)
    assert result.exit_code == 0, result.stderr
    folder = rodilla / "out" / "clients"
    made = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(made) == 5, made
    cover = page_texts(folder / "rodilla-fuerte-en-8-semanas-maria-jose-garcia.pdf")[0]
    assert "María José García" in cover
    assert "7 de diciembre de 2026" in cover
    text = " ".join(page_texts(folder / "rodilla-fuerte-en-8-semanas-maria-jose-garcia.pdf"))
    assert "Sentadilla en la pared" not in text  # not in her plan


def test_the_spanish_email_greets_the_whole_name(rodilla, cli):
    result = cli("send", "--dry-run", cwd=rodilla)
    assert result.exit_code == 0, result.stderr
    import email
    from email import policy

    mails = sorted((rodilla / "out" / "mail").glob("*.eml"))
    assert len(mails) == 5
    message = email.message_from_bytes(
        next(m for m in mails if "maria-jose" in m.name).read_bytes(), policy=policy.default)
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Hola María José García,")  # the whole name, not "María"
    assert "Hello" not in body
