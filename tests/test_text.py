"""A trainer's text prints exactly as written: markup characters, accents, scripts."""

from __future__ import annotations

from conftest import BOOKLET, POSTER, all_text

TRICKY = """name: "Curl & Press <Bizeps> Übung"
steps:
  - "Hold the bar: grip < shoulder width & elbows > 90°."
  - Řekněte „čćšž“ — Ελληνικά βάρη — Жим гантелей ёлка.
  - Keep **both** feet *flat*.
cues:
  - "Grip < shoulders & elbows > 90°"
  - Ελληνικά βάρη
  - Жим гантелей
  - Keep **both** feet *flat*
cautions:
  - "Stop if it hurts: <no> pain & no strain."
"""


def test_markup_characters_and_other_scripts_print_as_written(sample, cli):
    (sample / "exercises" / "hip-raise.yaml").write_text(TRICKY, encoding="utf-8")
    result = cli("build", cwd=sample)
    assert result.exit_code == 0, result.stderr
    booklet, poster = all_text(sample / BOOKLET), all_text(sample / POSTER)
    for text in (booklet, poster):
        assert "Curl & Press <Bizeps> Übung" in text
        assert "Ελληνικά βάρη" in text
        assert "Жим гантелей" in text
        assert "Keep both feet flat" in text  # emphasis markers become styling, not text
        assert "**" not in text
    assert "grip < shoulder width & elbows > 90°." in booklet
    assert "„čćšž“" in booklet
    assert "ёлка" in booklet
    assert "Stop if it hurts: <no> pain & no strain." in booklet


def test_decomposed_accents_are_normalised(sample, cli):
    # "Übung" typed as U + combining diaeresis prints as the single letter Ü.
    (sample / "exercises" / "hip-raise.yaml").write_text(
        "name: U\u0308bung\nsteps: [Lift]\n", encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0
    assert "\u00dcbung" in all_text(sample / POSTER)


def test_every_language_has_every_label():
    # The catalogues themselves (every key, .mo up to date) are checked in test_words.py.
    from babel.messages.mofile import read_mo

    from generator.labels import LOCALES, label_keys, languages

    for language in languages():
        with (LOCALES / language / "LC_MESSAGES" / "handout.mo").open("rb") as f:
            assert {m.id for m in read_mo(f) if m.id} == set(label_keys()), language


def test_labels_follow_the_project_language(sample, cli):
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    assert cli("build", cwd=sample).exit_code == 0
    booklet, poster = all_text(sample / BOOKLET), all_text(sample / POSTER)
    for words in ("Inhalt", "So geht's", "Vorsicht", "Dein Trainingsprotokoll", "Seite 2 von"):
        assert words in booklet, words
    assert "Vorsicht:" in poster and "How to do it" not in booklet
