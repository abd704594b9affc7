"""The booklet's cover, back page and phone size (issue 11): the cover composed top to
bottom with the trainer and logo at its foot, "Prepared for" on a client's booklet, a
back page with the trainer's contact, a QR code of their web address and the credits,
and a page shaped like a phone's screen with text that reads there unzoomed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from conftest import BOOKLET, image_placements, page_texts, text_lines

sys.path.insert(0, str(Path(__file__).parent))
from photos import real_programmes  # noqa: E402

IMPOSED = "out/ultimate-back-workout-booklet-imposed.pdf"


def _add(root: Path, text: str) -> None:
    path = root / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _logo(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (300, 100), (0, 90, 160)).save(root / "assets" / "logo.png")
    _add(root, "theme: {logo: assets/logo.png}\n")


def _line(page, text: str):
    """The drawn line of `page` that starts with `text`."""
    found = [line for line in text_lines(page) if line.text.strip().startswith(text)]
    assert found, f"{text!r} is not on the page"
    return found[0]


def _links(page) -> list[str]:
    return [str(a.get_object()["/A"].get("/URI")) for a in page.get("/Annots", [])
            if "/URI" in a.get_object().get("/A", {})]


def _rectangles(reader: PdfReader, page) -> int:
    """How many rectangles the page's content draws (a QR code is hundreds)."""
    return sum(op == b"re" for _, op in ContentStream(page.get_contents(), reader).operations)


# --- the cover ------------------------------------------------------------------------


def test_cover_has_the_title_at_the_top_and_trainer_organisation_and_logo_at_the_foot(sample, cli):
    _logo(sample)
    assert cli("booklet", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    cover = reader.pages[0]
    height = float(cover.mediabox.height)
    text = page_texts(sample / BOOKLET)[0]
    for expected in ("Ultimate Back Workout", "Kannan Murugasan", "Personal Fitness Trainer", "Mission Fit"):
        assert expected in text, expected
    assert _line(cover, "Ultimate").y > height * 0.75
    # The trainer's block sits at the foot: nothing of the page's lower quarter is dead.
    name, organisation = _line(cover, "Kannan Murugasan"), _line(cover, "Mission Fit")
    assert organisation.y < height * 0.1 and name.y < height * 0.2
    logos = [m for number, _, m in image_placements(sample / BOOKLET) if number == 1]
    assert len(logos) == 1
    x, y, w = logos[0][4], logos[0][5], logos[0][0]
    page_w = float(cover.mediabox.width)
    assert y < height * 0.12 and x > page_w / 2 and x + w <= page_w - 13 * mm  # foot, right, in the margin


def test_a_clients_cover_says_prepared_for_with_their_name_and_start(sample, cli):
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  start: 2026-12-07\n"
        "  note: Easy on the shoulder raise for two weeks.\n", encoding="utf-8")
    result = cli("booklet", "--client", "Ana Novak", "-o", "ana.pdf", cwd=sample)
    assert result.exit_code == 0, result.stderr
    cover = page_texts(sample / "ana.pdf")[0]
    assert "Prepared for Ana Novak Starting 7 December 2026 Easy on the shoulder raise" in cover
    assert "Ultimate Back Workout" in cover and "Kannan Murugasan" in cover
    # The trainer still closes the page, under the client's box and the pictures.
    page = PdfReader(sample / "ana.pdf").pages[0]
    assert _line(page, "Kannan Murugasan").y < _line(page, "Ana Novak").y


def test_a_cover_without_pictures_lists_the_exercises_in_the_middle(sample, cli):
    for path in (sample / "exercises").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith("image")), encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    cover = PdfReader(sample / BOOKLET).pages[0]
    height = float(cover.mediabox.height)
    first, last = _line(cover, "Bent-Over Shoulder Raise"), _line(cover, "Hip Raise")
    assert height * 0.25 < last.y < first.y < height * 0.75
    assert first.size > 12  # set large enough to fill the panel, not in a corner of it


# --- the back page --------------------------------------------------------------------


def test_the_back_page_has_contact_links_a_web_qr_and_the_credits_at_its_foot(sample, cli):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  web: missionfit.example\n", '  web: missionfit.example\n  phone: "+44 20 7946 0000"\n'),
        encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    back = reader.pages[-1]
    text = page_texts(sample / BOOKLET)[-1]
    for expected in ("About your trainer", "16 years of experience", "coach@missionfit.example",
                     "+44 20 7946 0000", "missionfit.example", "Credits", "Elena Khaw"):
        assert expected in text, expected
    assert text.count("Kannan Murugasan, Mission Fit") == 1  # the credit, said once
    assert {"mailto:coach@missionfit.example", "tel:+442079460000",
            "https://missionfit.example"} <= set(_links(back))
    assert _rectangles(reader, back) > 100  # the QR code's modules
    # The credits close the page: at its foot, under the contact lines.
    height = float(back.mediabox.height)
    assert _line(back, "Credits").y < height * 0.3 < _line(back, "coach@missionfit.example").y
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline
               if not isinstance(item, list)}
    assert outline["About your trainer"] == outline["Credits"] == len(reader.pages)

    # Without a web address there is no code; the rest stays.
    path.write_text(path.read_text(encoding="utf-8").replace("  web: missionfit.example\n", ""),
                    encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    reader = PdfReader(sample / BOOKLET)
    assert _rectangles(reader, reader.pages[-1]) < 20
    assert "coach@missionfit.example" in page_texts(sample / BOOKLET)[-1]


def test_a_back_page_too_long_for_one_page_flows_on_with_the_credits_last(sample, cli):
    path = sample / "handout.yaml"
    project = yaml.safe_load(path.read_text(encoding="utf-8"))
    project["author"]["bio"] = " ".join(["He has coached runners for many years and loves hills."] * 60)
    project["credits"] = [f"Credit number {n} for a picture or a text." for n in range(70)]
    path.write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(sample / BOOKLET)
    back = next(i for i, page in enumerate(pages) if page.startswith("About your trainer"))
    assert len(pages) - back >= 3
    assert "Credit number 69" in pages[-1] and "coach@missionfit.example" in " ".join(pages[back:])


def test_credits_without_an_author_still_end_the_booklet(sample, cli):
    path = sample / "handout.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("author:\n"), text.index("intro:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    last = page_texts(sample / BOOKLET)[-1]
    assert "Credits" in last and "Elena Khaw" in last and "About your trainer" not in last


# --- the phone size -------------------------------------------------------------------


@pytest.fixture(scope="module")
def programmes(tmp_path_factory) -> dict[str, Path]:
    """The sample, and the Spanish and German programmes with their phone photos."""
    return real_programmes(tmp_path_factory.mktemp("phone"), size=(1600, 1200))


FOOTER = re.compile(r"(page|página|Seite) \d+ (of|de|von) \d+")


@pytest.mark.parametrize("name, body_text", [("sample", "Kannan Murugasan is the founder"),
                                              ("rodilla", "Fisioterapeuta colegiada"),
                                              ("schulter", "Seit 2014")])
def test_a_phone_booklet_is_a_phone_shaped_page_with_readable_text_on_every_page(programmes, name, body_text,
                                                                                  cli):
    root = programmes[name]
    result = cli("booklet", "--size", "phone", "-o", "phone.pdf", cwd=root)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(root / "phone.pdf")
    sizes: set[float] = set()
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width <= 100 * mm and height / width >= 1.6, number
        lines = text_lines(page)
        # Every page says something besides its footer.
        said = " ".join(line.text for line in lines if not FOOTER.search(line.text))
        title = reader.metadata.title
        assert said.replace(title, "").strip(), f"page {number} holds only its footer"
        for line in lines:
            assert line.x >= 6 * mm - 1 and line.x + line.width <= width - 6 * mm + 1, (number, line.text)
            sizes.add(line.size)
    # At 390 px across a phone, 1 pt is ~1.53 px: body text (here the trainer's bio)
    # reads at ~14.5 px, and nothing is under 9 pt (~13.8 px).
    assert 9.5 <= _line(reader.pages[-1], body_text).size <= 10.5
    assert min(sizes) >= 9


def test_phone_is_a_booklet_size_in_the_project_file_and_is_not_imposed(sample, cli):
    _add(sample, "booklet: {size: Phone}\n")
    assert cli("booklet", cwd=sample).exit_code == 0
    first = (sample / BOOKLET).read_bytes()
    page = PdfReader(sample / BOOKLET).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((90 * mm, 160 * mm))

    result = cli("booklet", "--impose", cwd=sample)
    assert result.exit_code == 1
    assert "--impose: a 90 × 160 mm booklet has no sheet" in result.stderr
    assert "handout booklet --size A5 --impose" in result.stderr
    assert not (sample / IMPOSED).exists()
    assert (sample / BOOKLET).read_bytes() == first  # the last good booklet is left alone

    assert cli("booklet", "--size", "A5", "--impose", cwd=sample).exit_code == 0
    assert (sample / IMPOSED).exists()


def test_the_command_line_offers_the_phone_size():
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["booklet", "--size", "tablet"])
    assert result.exit_code == 2
    assert "'tablet' is not one of 'a5', 'a4', 'letter', 'phone'" in result.output
