"""The Typst documents benchmarks/run.py times against Handout still read the sample and
print the same content: a comparison with a half-empty Typst booklet would flatter Typst.
Skipped without the `bench` extra (the `typst` package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_NAMES, copy_sample, page_texts

pytest.importorskip("typst")
sys.path.insert(0, str(REPO / "benchmarks" / "peers"))
import typst_build  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_sample(tmp_path_factory.mktemp("peers") / "sample")
    typst_build.build(project)
    return project / "out-typst"


def test_poster_is_one_a3_page_with_every_card(built):
    from pypdf import PdfReader

    page = PdfReader(built / "poster.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 1191)
    text = " ".join(page.extract_text().split())
    for name in SAMPLE_NAMES:
        assert " ".join(name.split()) in text
    assert "3 sets × 10–12 reps · rest 60 s · 3 times a week" in text
    assert "Take care: Raise the weights to shoulder height and no higher." in text


def test_booklet_has_the_sample_content_and_page_x_of_y(built):
    pages = [" ".join(t.split()) for t in page_texts(built / "booklet.pdf")]
    total = len(pages)
    assert 10 <= total <= 14, total
    contents = pages[1]
    for name in SAMPLE_NAMES:
        assert name in contents and any(text.startswith(name) for text in pages[2:]), name
    everything = " ".join(pages)
    for words in ("Why your back matters", "Tip: Stretch your hamstrings", "Make it harder", "Your log",
                  "Week 4", "About your trainer", "10 Ironman", "Credits"):
        assert words in everything, words
    assert all(f"page {n} of {total}" in text for n, text in enumerate(pages[1:], 2))


def test_a_client_booklet_carries_the_name_and_dated_log(tmp_path):
    project = copy_sample(tmp_path / "sample")
    (project / "clients.csv").write_text("name,email,start,note\nAna Novak,ana@example.com,2026-12-07,Easy does it\n",
                                         encoding="utf-8")
    assert typst_build.client_booklets(project, jobs=1) == 1
    text = " ".join(" ".join(page_texts(project / "out-typst" / "clients" / "ana-novak.pdf")).split())
    assert "Prepared for Ana Novak" in text and "Easy does it" in text
    assert "07 Dec" in text and "28 Dec" in text
