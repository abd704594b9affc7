"""An exercise page drawn again from the operators it wrote for the previous client
(layout/replay.py): only when the PDF is in the very state it was, and never for a
drawing that did more than write operators (a link, a bookmark, a photo)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from conftest import POSTER
from generator.batch import _Maker
from generator.clients import load_clients
from generator.layout import replay
from generator.project import load_project
from photos import phone_photo

# Names in other scripts, with letters no exercise uses, and a client's own dose. The
# cover is drawn last, so a name's letters do not change how the pages after it are
# encoded: every client's exercise pages are written again.
CLIENTS = """\
- name: Ben Okafor
  email: ben@example.org
- name: Zoë Ångström-Łukasik
  email: zoe@example.net
- name: Eve Park
  email: eve@example.net
- name: Dan Ito
  email: dan@example.net
  doses:
    lying-superman: {sets: 4, reps: 6, side: left}
- name: Юлия Смирнова
  email: yulia@example.net
- name: Fay Moss
  email: fay@example.net
"""


@pytest.fixture
def written(monkeypatch):
    """How many drawings were written again from their operators."""
    count = {"again": 0}
    write = replay.Drawn.write

    def counting(self, canv):
        count["again"] += 1
        count.setdefault("code", []).append("\n".join(self.code))
        return write(self, canv)

    monkeypatch.setattr(replay.Drawn, "write", counting)
    return count


def _booklets(project, written=None) -> tuple[list[bytes], list[bytes]]:
    """Each client's booklet made by one worker, and made alone; `written` gets how many
    drawings each booklet of the worker wrote again."""
    clients = load_clients(load_project(project)).clients
    worker = _Maker(project, None, 0)
    together = []
    for client in clients:
        before = written["again"] if written else 0
        together.append(worker.booklet(client))
        if written:
            written.setdefault("each", []).append(written["again"] - before)
    alone = [_Maker(project, None, 0).booklet(client) for client in clients]
    return together, alone


def test_client_booklets_drawn_again_are_the_bytes_each_makes_alone(sample, written):
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    together, alone = _booklets(sample, written)
    # Ben draws the pages; every other client writes them again (the exercises, the
    # contents with its links and page numbers, the intro, the back page), Zoë and Юлия
    # too, but for Dan's own dose.
    ben, zoe, eve, dan, yulia, fay = written["each"]
    assert ben == 0 and zoe == eve == yulia == fay >= 20 and dan == eve - 1
    for index, (pdf, own) in enumerate(zip(together, alone)):
        assert pdf == own, f"client {index + 1}"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(together[4])).pages)
    assert "Юлия Смирнова" in text and "Hip Raise" in text


def test_an_exercise_longer_than_a_page_breaks_and_is_written_again_the_same(sample, written):
    """Where a long exercise breaks is worked out once; each frame's piece is written
    again for the next client, the bytes as each booklet made alone."""
    path = sample / "exercises" / "hip-raise.yaml"
    steps = "".join(f"  - Schritt {n} – die Hüfte langsam heben, oben {n} Sekunden halten, "
                    f"dann kontrolliert senken und tief ausatmen.\n" for n in range(1, 41))
    path.write_text(re.sub(r"steps:\n(  - .*\n)+", "steps:\n" + steps, path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    together, alone = _booklets(sample, written)
    assert together == alone
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(together[2])).pages]
    assert sum("Hip Raise (cont.)" in text for text in pages) >= 2, "not long enough to break twice"
    assert "Schritt 40" in " ".join(pages)
    ben, zoe, eve, dan, *_ = written["each"]
    assert ben == 0 and eve >= 5 + 3  # the other exercises and the long one's three pieces or more


def test_exercises_with_phone_photos_are_written_again_and_place_their_photos_again(sample, written):
    """Each placement of a photo decides the pixels it is embedded with, so a drawing
    written again places its photos again: the bytes are each booklet made alone."""
    for n, path in enumerate(sorted((sample / "exercises").glob("*.yaml"))):
        phone_photo(sample / "assets" / "images" / f"phone{n}.jpg", seed=n, size=(1200, 900))
        path.write_text(re.sub(r"image: \S+", f"image: assets/images/phone{n}.jpg",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    together, alone = _booklets(sample, written)
    assert sum("photo" in code for code in written["code"]) >= 6 * 4  # six photo pages, four clients
    assert together == alone
    images = [image for page in PdfReader(io.BytesIO(together[2])).pages for image in page.images]
    assert len({image.name for image in images}) >= 6


def _canvas() -> Canvas:
    canv = Canvas(io.BytesIO())
    canv.setFont("Handout", 10)
    canv.drawString(10, 10, "before")
    return canv


def test_a_drawing_that_only_writes_is_written_again_the_same():
    def text(canv):  # as a flowable draws: inside a saved state
        canv.saveState()
        canv.setFont("Handout-Bold", 12)
        canv.drawString(20, 20, "Brücke – 3 × 10")
        canv.restoreState()

    kept: dict = {}
    first = _canvas()
    replay.draw(kept, "k", first, lambda: text(first))
    assert len(kept["k"]) == 1
    second = _canvas()
    replay.draw(kept, "k", second, lambda: pytest.fail("drawn, not written again"))
    drawn = _canvas()
    text(drawn)
    assert second._code == drawn._code
    assert second.getpdfdata() == drawn.getpdfdata()


@pytest.mark.parametrize("effect", [
    lambda canv: canv.linkURL("https://example.com", (0, 0, 10, 10)),
    lambda canv: canv.bookmarkPage("somewhere"),
    lambda canv: canv.addOutlineEntry("Title", "somewhere"),
    lambda canv: canv.setFillAlpha(0.5),
])
def test_a_drawing_that_does_more_than_write_is_not_kept(effect):
    kept: dict = {}
    canv = _canvas()
    replay.draw(kept, "k", canv, lambda: (canv.drawString(5, 5, "x"), effect(canv)))
    assert kept["k"] == []


def test_a_canvas_in_another_state_draws_again():
    kept: dict = {}
    first = _canvas()
    replay.draw(kept, "k", first, lambda: first.drawString(20, 20, "Puente"))
    other = _canvas()
    other.setFont("Handout-Bold", 14)  # not the state the operators were written in
    drawn = []
    replay.draw(kept, "k", other, lambda: drawn.append(other.drawString(20, 20, "Puente")))
    assert drawn
    glyphs = _canvas()
    glyphs.drawString(30, 30, "ñandú")  # letters the first PDF had not used yet
    again = []
    replay.draw(kept, "k", glyphs, lambda: again.append(glyphs.drawString(20, 20, "Puente")))
    assert again


def _handout_canvas():
    from generator.output import HandoutCanvas

    canv = HandoutCanvas(buffer := io.BytesIO(), invariant=1)
    canv.buffer = buffer
    canv.setFont("Handout", 10)
    canv.drawString(10, 10, "before")
    canv.bookmarkPage("target")
    return canv


def _linking(canv):
    """As the contents draws a row: moved, a link to a target and to a web page, and a
    page number filled in once the document is complete."""
    canv.saveState()
    canv.translate(40, 300)
    canv.setFont("Handout-Bold", 11)
    canv.drawString(0, 0, "Übungen – Seite")
    canv.linkRect("", "target", (0, 0, 120, 14), relative=1, thickness=0)
    canv.linkURL("https://example.org/ü", (0, 20, 80, 34), relative=1)
    canv.later("number", (0, 0, 20, 14), lambda c: c.drawString(0, 2, "7"))
    canv.drawString(0, -20, "weiter")
    canv.restoreState()


def test_links_and_later_forms_are_made_again_where_they_were():
    kept: dict = {}
    first = _handout_canvas()
    replay.draw(kept, "k", first, lambda: _linking(first))
    assert len(kept["k"]) == 1 and [call.function.__name__ for call in kept["k"][0].calls] == ["linkRect", "linkURL", "_later_now"]
    again = _handout_canvas()
    replay.draw(kept, "k", again, lambda: pytest.fail("drawn, not written again"))
    drawn = _handout_canvas()
    _linking(drawn)
    assert again._code == drawn._code
    again.save(), drawn.save()
    pdf = again.buffer.getvalue()
    assert pdf == drawn.buffer.getvalue()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    links = [annot.get_object() for annot in page["/Annots"]]
    assert [round(float(n)) for n in links[0]["/Rect"]] == [40, 300, 160, 314]  # where the row was moved to
    assert links[1]["/A"]["/URI"] == "https://example.org/ü"


def test_a_drawing_that_makes_a_bookmark_is_not_kept_on_the_booklets_canvas():
    kept: dict = {}
    canv = _handout_canvas()
    replay.draw(kept, "k", canv, lambda: (_linking(canv), canv.bookmarkPage("elsewhere")))
    assert kept["k"] == []


def test_a_rebuild_that_writes_a_photo_page_again_still_warns_of_its_low_resolution(sample, cli, written):
    """`watch` rebuilds in one process with a new build's pictures: the page written
    again counts its photo's placement in that build, so the warning (and --strict)
    holds every time."""
    from PIL import Image

    Image.new("RGB", (120, 90), (200, 80, 40)).save(sample / "assets" / "images" / "tiny.png")
    path = sample / "exercises" / "hip-raise.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("assets/images/hip-raise.svg", "assets/images/tiny.png"),
                    encoding="utf-8")
    project = sample / "handout.yaml"  # a cover of its own: the montage would place the photo too
    project.write_text(project.read_text(encoding="utf-8") + "cover: assets/images/lying-superman.svg\n", encoding="utf-8")
    for _ in range(2):
        result = cli("booklet", cwd=sample)
        assert result.exit_code == 0
        assert "assets/images/tiny.png: warning: photo prints at" in result.stderr
    assert any("photo" in code for code in written["code"]), "the photo page was not written again"
    strict = cli("booklet", "--strict", cwd=sample)
    assert strict.exit_code == 1 and "assets/images/tiny.png: photo prints at" in strict.stderr


def test_a_poster_rebuilt_after_an_edit_writes_the_other_cards_again_the_same(sample, written):
    """`watch`: the poster rebuilt after one card's edit writes the other cards again;
    its bytes are the poster built with nothing kept."""
    from generator.build import build
    from generator.layout import poster

    build(sample, booklet=False)
    edited = sample / "exercises" / "hip-raise.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("  - Raise the hips slowly\n",
                                                                 "  - Raise the hips one vertebra at a time\n"),
                      encoding="utf-8")
    written["again"] = 0
    build(sample, booklet=False)
    again = (sample / POSTER).read_bytes()
    assert written["again"] >= 5  # every card but the one edited
    poster._CARDS_DRAWN.clear()
    build(sample, booklet=False)
    assert (sample / POSTER).read_bytes() == again
    assert "one vertebra at a time" in PdfReader(io.BytesIO(again)).pages[0].extract_text().replace("\n", " ")
