"""The poster's measurements kept between builds (layout/measures.py): the next build
measures only what changed, and a cache that is damaged or edited never changes or
refuses a poster."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph

from generator.cache import cache_root
from generator.layout import measures

POSTER = Path("out") / "ultimate-back-workout-poster.pdf"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache folder and an empty memory: a first build on a new machine."""
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(measures, "_MEMORY", {})
    return tmp_path / "cache"


@pytest.fixture
def wraps(monkeypatch):
    """How many times a paragraph is wrapped (measured or laid out)."""
    counts = Counter()
    wrap = paragraph.Paragraph.wrap

    def counted(self, *args, **kwargs):
        counts["wrap"] += 1
        return wrap(self, *args, **kwargs)

    monkeypatch.setattr(paragraph.Paragraph, "wrap", counted)
    return counts


def _stores(cache: Path) -> list[Path]:
    return sorted((cache / "measures").glob("*.json"))


def _poster(cli, project) -> bytes:
    result = cli("poster", cwd=project)
    assert result.exit_code == 0, result.stderr
    return (project / POSTER).read_bytes()


def test_a_second_build_measures_nothing_again_and_writes_the_same_poster(sample, cli, fresh, wraps,
                                                                           monkeypatch):
    first = _poster(cli, sample)
    measured = wraps["wrap"]
    assert len(_stores(fresh)) == 1
    # A new process: nothing in memory, the measurements read from the cache.
    monkeypatch.setattr(measures, "_MEMORY", {})
    wraps.clear()
    assert _poster(cli, sample) == first
    assert wraps["wrap"] < measured / 3, (wraps["wrap"], measured)


def test_an_edited_cue_is_measured_and_printed(sample, cli, fresh):
    _poster(cli, sample)
    hip = sample / "exercises" / "hip-raise.yaml"
    text = hip.read_text(encoding="utf-8")
    first_cue = text.split("cues:\n", 1)[1].split("\n", 1)[0]
    hip.write_text(text.replace(first_cue, "  - Shoulders, hips and knees in one line, and hold it there", 1),
                   encoding="utf-8")
    edited = _poster(cli, sample)
    assert "hold it there" in " ".join(PdfReader(sample / POSTER).pages[0].extract_text().split())
    # The same poster as a build that never saw the cache.
    measures._MEMORY.clear()
    for store in _stores(fresh):
        store.unlink()
    assert _poster(cli, sample) == edited


@pytest.mark.parametrize("damage", [
    "garbage {",
    '["a list"]',
    '{"x": "text"}',
])
def test_an_unreadable_cache_is_ignored(sample, cli, fresh, damage, monkeypatch):
    first = _poster(cli, sample)
    for store in _stores(fresh):
        store.write_text(damage, encoding="utf-8")
    monkeypatch.setattr(measures, "_MEMORY", {})
    assert _poster(cli, sample) == first


def _tamper(cache: Path, value: float) -> None:
    for store in _stores(cache):
        kept = json.loads(store.read_text(encoding="utf-8"))
        store.write_text(json.dumps({k: (value if isinstance(v, float) else v) for k, v in kept.items()}),
                         encoding="utf-8")
    measures._MEMORY.clear()


def test_heights_kept_too_small_are_caught_before_drawing(sample, cli, fresh):
    """Every height kept made 0: the text would overflow its card. The chosen cards
    are measured again before anything is drawn, and the poster is the same."""
    first = _poster(cli, sample)
    _tamper(fresh, 0.0)
    assert _poster(cli, sample) == first


def test_heights_kept_too_large_never_refuse_a_poster(sample, cli, fresh):
    """Every height kept made huge, as if nothing fitted: the poster is still made,
    with every exercise on it (a refusal is never taken from the cache)."""
    _poster(cli, sample)
    _tamper(fresh, 1e6)
    text = " ".join(PdfReader(io.BytesIO(_poster(cli, sample))).pages[0].extract_text().split())
    for name in ("Hip Raise", "Lying Superman", "Bent-Over Shoulder Raise"):
        assert name in text


def test_the_cache_lives_outside_the_project(sample, cli, fresh):
    _poster(cli, sample)
    assert _stores(fresh) and cache_root() == fresh
    assert not list(sample.rglob("*.json"))
