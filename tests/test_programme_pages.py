"""The programme's shape on the page: blocks on the poster and in the outline,
circuits lettered with their rounds, sides in the dose, each phase's dose."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from conftest import BOOKLET, page_texts
from test_programme_model import BLOCKS, PHASES, _phase_dose, _set_list, plain  # noqa: F401  (autouse)

POSTER = "out/ultimate-back-workout-poster.pdf"


def _outline(reader) -> list[tuple[int, str]]:
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))
    walk(reader.outline, 0)
    return found


def test_blocks_title_the_poster_and_nest_the_outline(sample, cli):
    _set_list(sample, BLOCKS)
    assert cli("build", cwd=sample).exit_code == 0
    poster = " ".join(PdfReader(sample / POSTER).pages[0].extract_text().split())
    for text in ("Warm-up", "Main circuit", "Cool-down", "Rounds: 3 · rest 90 s", "A1", "A2", "A3"):
        assert text in poster, text
    # Outside the circuit, cards are numbered in order.
    assert poster.index("Warm-up") < poster.index("Hip Raise") < poster.index("Main circuit")
    outline = _outline(PdfReader(sample / BOOKLET))
    depth = dict((title, d) for d, title in outline)
    assert depth["Main circuit"] == depth["Exercises"] + 1
    assert depth["Lying Superman"] == depth["Main circuit"] + 1
    titles = [title for _, title in outline]
    assert titles.index("Main circuit") < titles.index("Lying Superman") < titles.index("Cool-down")
    # Each exercise page says where it belongs, as the poster marks it.
    assert any(p.startswith("Main circuit · A2 Superman on Knees and Hands") for p in page_texts(sample / BOOKLET))
    contents = page_texts(sample / BOOKLET)[1]
    assert contents.index("Warm-up") < contents.index("Hip Raise") < contents.index("Main circuit")


def test_a_side_shows_in_the_dose_and_a_client_works_their_own(sample, cli):
    path = sample / "exercises" / "lying-superman.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "side: each\n",
                    encoding="utf-8")
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  doses:\n    lying-superman: {side: left}\n",
        encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0
    assert "3 × 8 reps each side" in " ".join(PdfReader(sample / POSTER).pages[0].extract_text().split())
    assert "3 sets × 8 reps each side" in " ".join(" ".join(page_texts(sample / BOOKLET)).split())
    assert cli("booklets", cwd=sample).exit_code == 0
    mine = " ".join(" ".join(page_texts(sample / "out/clients/ultimate-back-workout-ana-novak.pdf")).split())
    assert "3 sets × 8 reps · left side only" in mine


def _build_phased(sample, cli) -> None:
    """The sample in three phases, the hip raise's dose set for two of them, built."""
    (sample / "handout.yaml").write_text((sample / "handout.yaml").read_text(encoding="utf-8") + PHASES,
                                         encoding="utf-8")
    _phase_dose(sample, "hip-raise", "dose:\n  Protect: {sets: 2, reps: 8}\n  Build: {sets: 3, reps: 15}\n")
    assert cli("build", cwd=sample).exit_code == 0


def test_each_phase_dose_is_on_the_exercise_page_and_the_first_on_the_poster(sample, cli):
    _build_phased(sample, cli)
    page = next(" ".join(t.split()) for t in page_texts(sample / BOOKLET) if t.startswith("Hip Raise"))
    assert "Protect, Week 1–2: 2 sets × 8 reps" in page
    assert "Build, Week 3–6: 3 sets × 15 reps" in page
    assert "Return, Week 7–8: 3 sets × 15 reps" in page  # a phase left out keeps the dose before it
    poster = " ".join(PdfReader(sample / POSTER).pages[0].extract_text().split())
    assert "2 × 8 reps Protect" in poster


def test_the_log_spans_the_phases_weeks_under_a_heading_each(sample, cli):
    _build_phased(sample, cli)
    pages = page_texts(sample / BOOKLET)
    log = " ".join(" ".join(p.split()) for p in pages[next(i for i, p in enumerate(pages) if "Your log" in p
                                                            and "Contents" not in p):])
    assert "Week 8" in log and "Week 9" not in log  # 2 + 4 + 2 weeks
    for heading in ("Protect · Week 1–2", "Build · Week 3–6", "Return · Week 7–8"):
        assert heading in log, heading
    assert "Hip Raise: 3 sets × 15 reps" in log  # what changes in Build


def test_track_adds_pain_and_effort_rows_with_their_scales_in_the_language(sample, cli):
    text = (sample / "handout.yaml").read_text(encoding="utf-8")
    (sample / "handout.yaml").write_text(text + "language: es\nbooklet:\n  track: [pain, effort]\n", encoding="utf-8")
    assert cli("booklet", cwd=sample).exit_code == 0
    log = " ".join(" ".join(p.split()) for p in page_texts(sample / BOOKLET) if "Dolor 0–10" in p)
    assert "Esfuerzo 0–10" in log
    assert "Dolor: 0 es ningún dolor, 10 el peor que puedas imaginar." in log
    assert "Esfuerzo (RPE): 0 es reposo, 10 el máximo esfuerzo posible." in log


def test_the_sample_builds_up_in_two_phases_as_the_article_says(full_sample, cli):
    assert cli("build", cwd=full_sample).exit_code == 0
    text = " ".join(" ".join(p.split()) for p in page_texts(full_sample / BOOKLET))
    assert "Start, Week 1–2: 3 sets × as many as you can" in text
    assert "Build up, Week 3–4: 3 sets × as many as you can, 2 more than last week" in text
    assert "Start · Week 1–2" in text and "Build up · Week 3–4" in text  # the log's phases
    assert "3 sets × 8 reps each side" in text  # Lying Superman, side: each
    poster = " ".join(PdfReader(full_sample / POSTER).pages[0].extract_text().split())
    assert "3 × as many as you can Start" in poster


def test_a_client_may_reorder_the_exercises_of_a_block(sample, cli):
    """A client's own order is kept: exercises of one block put apart make two runs of it
    (the outline once jumped from level 0 to 2 and the booklet crashed)."""
    _set_list(sample, BLOCKS)
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n"
        "  exercises: [superman-on-knees-and-hands, lying-superman, hip-raise, bent-over-shoulder-raise]\n",
        encoding="utf-8")
    result = cli("booklets", cwd=sample)
    assert result.exit_code == 0, result.stderr
    outline = [title for _, title in _outline(PdfReader(sample / "out/clients/ultimate-back-workout-ana-novak.pdf"))]
    assert outline.count("Main circuit") == 2 and outline.index("Warm-up") < outline.index("Hip Raise")


def test_no_page_is_blank_but_for_a_boxs_empty_panel(tmp_path, cli):
    """The ankle programme's tip fits at the foot of page 2 but for its panel's bottom
    padding; ReportLab carried an empty panel to page 3, a page blank but for its rule."""
    import re
    import shutil

    from photos import phone_photo

    root = tmp_path / "tobillo"
    shutil.copytree(Path(__file__).parent / "programmes" / "tobillo", root)
    text = " ".join(p.read_text(encoding="utf-8") for p in (root / "exercises").glob("*.yaml"))
    for seed, name in enumerate(sorted(set(re.findall(r"fotos/([\w-]+)\.jpg", text)))):
        phone_photo(root / "fotos" / f"{name}.jpg", seed, size=(1200, 900), orientation=6)
    assert cli("booklet", cwd=root).exit_code == 0
    pdf = next((root / "out").glob("*-booklet.pdf"))
    for number, page in enumerate(page_texts(pdf), start=1):
        body = re.sub(r"página \d+ de \d+", "", page).replace("Tobillo firme – vuelta a la carrera", "")
        assert body.strip(), f"page {number} holds only its footer"
