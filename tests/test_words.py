"""The printed words and dates in every language: catalogues, CLDR dates, `labels:`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from conftest import REPO, page_texts

LOCALES = REPO / "generator" / "locales"
CATALOGUES = sorted(LOCALES.glob("*/LC_MESSAGES/handout.po"))
CLIENT = "- name: Ana Novak\n  email: ana@example.com\n  start: 2026-12-07\n"
BOOKLET = "out/clients/ultimate-back-workout-ana-novak.pdf"

# What a reader of each language expects: the long date on the cover, the week headings.
DATES = {
    "en": ("7 December 2026", "7 Dec", "28 Dec"),
    "de": ("7. Dezember 2026", "7. Dez.", "28. Dez."),
    "fr": ("7 décembre 2026", "7 déc.", "28 déc."),
    "es": ("7 de diciembre de 2026", "7 dic", "28 dic"),
}


def _messages(catalogue) -> dict[str, str]:
    return {m.id: m.string for m in catalogue if m.id}


def _po(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def _project(sample: Path, extra: str) -> Path:
    with (sample / "handout.yaml").open("a", encoding="utf-8") as f:
        f.write(extra)
    (sample / "clients.yaml").write_text(CLIENT, encoding="utf-8")
    return sample


@pytest.mark.parametrize("language", sorted(DATES))
def test_dates_in_each_language_on_the_cover_and_in_the_log(sample, cli, language):
    project = _project(sample, f"language: {language}\n")
    result = cli("booklet", "--client", "Ana Novak", cwd=project)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(project / BOOKLET)
    long, first_week, fourth_week = DATES[language]
    assert long in pages[0]
    log = " ".join(pages)
    assert re.search(rf"1 {re.escape(first_week)}(?!\w)", log), log
    assert re.search(rf"4 {re.escape(fourth_week)}(?!\w)", log), log


def test_a_label_overridden_in_the_project_file_is_printed(sample, cli):
    project = _project(sample, "language: es\nlabels:\n  about_author: Tu fisioterapeuta\n  starting: Empiezas el\n")
    result = cli("booklet", "--client", "Ana Novak", cwd=project)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(project / BOOKLET)
    assert "Empiezas el 7 de diciembre de 2026" in pages[0]
    text = " ".join(pages)
    assert "Tu fisioterapeuta" in text and "Tu entrenador" not in text


def test_an_unknown_label_key_is_refused_with_the_nearest_key(sample, cli):
    project = _project(sample, "labels:\n  about_autor: Tu fisioterapeuta\n")
    line = (project / "handout.yaml").read_text(encoding="utf-8").splitlines().index("  about_autor: Tu fisioterapeuta")
    result = cli("build", cwd=project)
    assert result.exit_code == 1
    assert (f"handout.yaml:{line + 1}: labels.about_autor: unknown label 'about_autor'; "
            "did you mean 'about_author'?") in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "out").exists()


def test_spanish_a5_tempo_bar_names_every_phase(sample, cli):
    project = _project(sample, "language: es\n")
    exercise = project / "exercises" / "bent-over-shoulder-raise.yaml"
    text = exercise.read_text(encoding="utf-8").replace("tempo: {lift: 2, lower: 3}",
                                                        "tempo: {lift: 2, hold: 2, lower: 3}")
    exercise.write_text(text, encoding="utf-8")
    result = cli("booklet", "--size", "A5", cwd=project)
    assert result.exit_code == 0, result.stderr
    page = next(p for p in page_texts(project / "out/ultimate-back-workout-booklet.pdf")
                if p.startswith("Bent-Over Shoulder Raise"))
    named = [re.search(rf"({full}|{short}) 2 s", page) for full, short in (("subir", "sub\\."), ("mantener", "mant\\."))]
    assert all(named), page
    assert re.search(r"(bajar|baj\.) 3 s", page), page


@pytest.mark.parametrize("width", [400, 190, 140])
def test_tempo_bar_always_names_its_phases(width):
    from reportlab.lib.styles import ParagraphStyle

    from generator.labels import labels_for
    from generator.layout.blocks import TempoBar

    class Tempo:
        lift, hold, lower, pause = 2, 2, 3, 1

    t = labels_for("es")
    bar = TempoBar(Tempo(), t, ParagraphStyle("s", fontSize=9))
    bar.wrap(width, 100)
    shown = " ".join(bar._texts(bar.naming)) + (bar.key.text if bar.key else "")
    for phase in ("lift", "hold", "lower", "pause"):
        assert t[phase] in shown or t[f"{phase}_short"] in shown
    assert bar.naming == {400: "word", 190: "short", 140: "key"}[width]


def test_every_catalogue_has_every_key_and_its_mo_is_compiled():
    assert {p.parent.parent.name for p in CATALOGUES} >= {"en", "de", "fr", "es"}
    keys = set(_messages(_po(LOCALES / "en/LC_MESSAGES/handout.po")))
    for po_path in CATALOGUES:
        po = _messages(_po(po_path))
        assert set(po) == keys, f"{po_path}: missing {keys - set(po)}, extra {set(po) - keys}"
        assert all(po.values()), f"{po_path}: untranslated {[k for k, v in po.items() if not v]}"
        with po_path.with_suffix(".mo").open("rb") as f:
            mo = _messages(read_mo(f))
        assert mo == po, f"{po_path.with_suffix('.mo')} is stale: run pybabel compile (see the README)"


def test_the_languages_accepted_are_the_catalogues_found():
    from generator.models import LANGUAGES

    assert set(LANGUAGES) == {p.parent.parent.name for p in CATALOGUES}


def test_the_readme_lists_every_label_key_with_its_english_text():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Labels and languages", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    listed = dict(re.findall(r"^\| `(\w+)` \| (.*?) \|$", section, re.M))
    english = _messages(_po(LOCALES / "en/LC_MESSAGES/handout.po"))
    assert listed == english
