"""A worker making one client's booklet after another shares what their booklets have
in common (layout.booklet.Shared): each booklet is the bytes it would be alone."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
import io

from generator.batch import _Maker
from generator.clients import load_clients
from generator.project import load_project

CLIENTS = """\
- name: Ana Novak
  email: ana@example.com
  start: 2026-12-07
  note: Easy on the shoulder raise for two weeks.
  exercises: [hip-raise, lying-superman]
  doses:
    hip-raise: {sets: 2, reps: 15, per_week: 2}
- name: Ben Okafor
  email: ben@example.org
- name: Chloé Dubois
  email: chloe@example.net
  doses:
    lying-superman: {sets: 4, reps: 6, side: left}
- name: Dan Ito
  email: dan@example.net
"""


@pytest.mark.parametrize("layout", ["full", "half"])
def test_each_booklet_is_the_same_made_alone_or_after_others(sample, layout):
    if layout == "half":
        text = (sample / "handout.yaml").read_text(encoding="utf-8")
        (sample / "handout.yaml").write_text(text + "\nbooklet: {layout: half}\n" if "booklet:" not in text
                                             else text.replace("booklet:", "booklet:\n  layout: half", 1),
                                             encoding="utf-8")
    (sample / "clients.yaml").write_text(CLIENTS, encoding="utf-8")
    clients = load_clients(load_project(sample)).clients
    worker = _Maker(sample, None, 0)
    together = [worker.booklet(client) for client in clients]
    alone = [_Maker(sample, None, 0).booklet(client) for client in clients]
    assert together == alone
    texts = [" ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
             for pdf in together]
    assert "2 sets × 15 reps" in texts[0].replace("\u00a0", " ") or "2 × 15" in texts[0].replace("\u00a0", " ")
    assert "Ana Novak" in texts[0] and "Dan Ito" in texts[3] and "Ana Novak" not in texts[3]
    assert "left side only" in texts[2]
    # The contents' page numbers are each booklet's own (Ana's has two exercises).
    assert len(PdfReader(io.BytesIO(together[0])).pages) < len(PdfReader(io.BytesIO(together[1])).pages)
