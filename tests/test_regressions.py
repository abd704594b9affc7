"""Failures found by the generated projects (test_generated.py) and the mutation
fuzzer (test_fuzz.py), each kept as a named case. (The poster's cannot-fit message
without a line, also found by test_generated, is checked in test_poster.py.)"""

from __future__ import annotations

from conftest import page_texts


def test_generated_log_of_eight_weeks_with_five_sessions_and_a_start_date(sample, cli):
    # Was: TypeError in layout/log.py, a loop variable overwriting the start date.
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  start: 2026-12-07\n"
        "  doses:\n    hip-raise: {per_week: 5}\n", encoding="utf-8")
    path = sample / "handout.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "booklet:\n  weeks: 8\n", encoding="utf-8")
    result = cli("booklet", "--client", "Ana Novak", cwd=sample)
    assert result.exit_code == 0, result.stderr
    log = " ".join(p for p in page_texts(sample / "out/clients/ultimate-back-workout-ana-novak.pdf")
                   if "Week" in p)
    assert "Week 8" in log and "25 Jan" in log  # the eighth week starts on 25 January 2027


def test_generated_long_title_and_note_keep_the_cover_on_one_page(sample, cli):
    # Was: the client's name and note pushed onto page 2.
    path = sample / "handout.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Ultimate Back Workout", "title: " + "Ultimate Back Workout for Runners " * 3)
    path.write_text(text, encoding="utf-8")
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  note: " + "Go easy on the first week. " * 12 + "\n",
        encoding="utf-8")
    result = cli("booklet", "--client", "Ana Novak", cwd=sample)
    assert result.exit_code == 0, result.stderr
    cover = page_texts(next((sample / "out" / "clients").glob("*.pdf")))[0]
    assert "Prepared for Ana Novak" in cover and "Go easy on the first week." in cover


def test_fuzz_a_five_thousand_digit_number_is_a_message(sample, cli):
    # Was: ValueError (Python's integer-string limit) from the YAML loader.
    hip = sample / "exercises" / "hip-raise.yaml"
    hip.write_text(hip.read_text(encoding="utf-8").replace("name: Hip Raise", "name: " + "9" * 5000),
                   encoding="utf-8")
    result = cli("check", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("exercises/hip-raise.yaml:2: ")
    assert "Traceback" not in result.stderr


def test_generated_name_with_a_line_break_keeps_the_poster_message_on_one_line(sample, cli):
    # Was: the cannot-fit message quoted the name with its line break: two lines, the
    # second without PATH:LINE.
    long_cue = "Press the whole foot into the floor and keep the knees over the toes " * 40
    (sample / "exercises" / "hip-raise.yaml").write_text(
        f'name: "Hip\\nRaise"\nsteps: [Raise your hips.]\ncues:\n  - {long_cue}\n  - {long_cue}\n',
        encoding="utf-8")
    result = cli("poster", "--size", "A4", cwd=sample)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot fit 'Hip Raise'" in lines[0]
