"""Property: any project a trainer could write builds, or fails with a message.

Hypothesis draws whole projects across the content model (generated.py). `build`
and `booklets` must either write PDFs (the poster one page, every exercise's name
and every client's name read back) or exit 1 with `PATH:LINE:` messages: never a
traceback. Programmes show their shape: every block's title and every phase's name
read back from the booklet. CI runs a fixed, derandomised set; `pytest -m slow` runs
thousands (GENERATED_EXAMPLES=300 for fewer).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from generated import dump, projects, write_project
from generator.cli import main

MESSAGE = re.compile(r"^\S[^:]*:\d+: ")  # PATH:LINE: ...


def squeeze(text: str) -> str:
    """Text without white space: a long word may be split across lines on the page."""
    return "".join(text.split())


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        import traceback

        detail = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"handout {' '.join(args)} crashed:\n{detail}")
    return result


def assert_clean_failure(result, what: str) -> None:
    assert result.exit_code == 1, f"{what}: exit {result.exit_code}\n{result.stderr}"
    lines = [line for line in result.stderr.splitlines() if line.strip()
             and not line.startswith(("booklets", "warning"))]
    assert lines, f"{what}: exit 1 with no message"
    for line in lines:
        if "warning:" in line:
            continue
        assert MESSAGE.match(line) or line.startswith("  "), f"{what}: not PATH:LINE: {line!r}"


def check_project(drawn: dict) -> None:
    with tempfile.TemporaryDirectory(prefix="handout-gen-") as tmp:
        root = write_project(Path(tmp) / "p", drawn)
        out = root / "out"
        result = run("build", str(root))
        if result.exit_code != 0:
            assert_clean_failure(result, "build")
            if "the poster cannot fit" not in result.stderr:
                return
            # Too much text for one poster is a fair refusal: the booklet must still build.
            result = run("booklet", str(root))
            if result.exit_code != 0:
                assert_clean_failure(result, "booklet")
                return
        else:
            posters = list(out.glob("*-poster.pdf"))
            assert len(posters) == 1 and len(PdfReader(posters[0]).pages) == 1
        booklets = list(out.glob("*-booklet.pdf"))
        assert len(booklets) == 1, list(out.iterdir())
        booklet_text = squeeze(" ".join(p.extract_text() or "" for p in PdfReader(booklets[0]).pages))
        for ex in drawn["exercises"].values():
            assert squeeze(ex["name"]) in booklet_text, f"name missing from the booklet: {ex['name']!r}"
        shape = [b["title"] for b in drawn["project"].get("blocks", [])]
        shape += [p["name"] for p in drawn["project"].get("phases", [])]
        for title in shape:
            assert squeeze(title) in booklet_text, f"block or phase missing from the booklet: {title!r}"
        if drawn["clients"]:
            result = run("booklets", str(root), "-j", "1")
            if result.exit_code != 0:
                assert_clean_failure(result, "booklets")
                return
            made = sorted((out / "clients").glob("*.pdf"))
            assert len(made) == len(drawn["clients"])
            covers = [squeeze(PdfReader(p).pages[0].extract_text() or "") for p in made]
            for client in drawn["clients"]:
                assert any(squeeze(client["name"]) in cover for cover in covers), client["name"]


COMMON = dict(deadline=None, derandomize=True, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much])


@settings(max_examples=25, **COMMON)
@given(projects(max_exercises=12))
def test_generated_projects_build_or_fail_cleanly(drawn):
    check_project(drawn)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("GENERATED_EXAMPLES", "2000")), **{**COMMON, "derandomize": False})
@given(projects())
def test_many_generated_projects(drawn):
    check_project(drawn)


def check_clients_together_and_alone(drawn: dict) -> None:
    """A worker's booklets, one client after another (shared flowables, pages written
    again from their operators, kept streams), are each the bytes made alone."""
    from generator.batch import _Maker
    from generator.clients import load_clients
    from generator.errors import HandoutError
    from generator.project import load_project

    with tempfile.TemporaryDirectory(prefix="handout-gen-") as tmp:
        root = write_project(Path(tmp) / "p", drawn)
        try:
            clients = load_clients(load_project(root)).clients
            worker = _Maker(root, None, 0)
            together = [worker.booklet(client) for client in clients]
        except HandoutError:
            return  # refused with a message: check_project covers how
        for client, pdf in zip(clients, together):
            assert pdf == _Maker(root, None, 0).booklet(client), client.name


@settings(max_examples=4, **COMMON)
@given(projects(max_exercises=6).filter(lambda drawn: len(drawn["clients"] or []) >= 2))
def test_generated_client_booklets_are_the_same_made_together_or_alone(drawn):
    check_clients_together_and_alone(drawn)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("GENERATED_EXAMPLES", "300")), **{**COMMON, "derandomize": False})
@given(projects(max_exercises=10).filter(lambda drawn: len(drawn["clients"] or []) >= 2))
def test_many_generated_client_booklets_together_or_alone(drawn):
    check_clients_together_and_alone(drawn)


def check_rebuild_equals_a_fresh_build(drawn: dict) -> None:
    """`watch`: a rebuild after one exercise's edit, in the process that built before
    (cards, pages and blocks written again from what they drew), gives the bytes of a
    build with nothing kept."""
    from generator.build import build
    from generator.errors import HandoutError
    from generator.layout import booklet, poster

    with tempfile.TemporaryDirectory(prefix="handout-gen-") as tmp:
        root = write_project(Path(tmp) / "p", drawn)
        try:
            build(root)
        except HandoutError:
            return  # refused with a message: check_project covers how
        first = sorted(drawn["exercises"])[0]
        content = dict(drawn["exercises"][first])
        content["cues"] = list(content.get("cues") or []) + ["Slowly, and breathe out"]
        dump(root / "exercises" / f"{first}.yaml", content)
        try:
            build(root)
        except HandoutError:
            return  # the edit itself refused (too many cues for a card): a message, as above
        again = {path.name: path.read_bytes() for path in sorted((root / "out").glob("*.pdf"))}
        poster._CARDS_DRAWN.clear()
        booklet._SHARED.clear()
        build(root)
        fresh = {path.name: path.read_bytes() for path in sorted((root / "out").glob("*.pdf"))}
        assert again == fresh


@settings(max_examples=3, **COMMON)
@given(projects(max_exercises=6))
def test_a_generated_project_rebuilt_after_an_edit_is_the_bytes_of_a_fresh_build(drawn):
    check_rebuild_equals_a_fresh_build(drawn)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("GENERATED_EXAMPLES", "200")), **{**COMMON, "derandomize": False})
@given(projects(max_exercises=10))
def test_many_generated_projects_rebuilt_after_an_edit(drawn):
    check_rebuild_equals_a_fresh_build(drawn)
