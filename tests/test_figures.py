"""The figure system: one body in human proportions, and every drawing made with it."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from generator.figures import destinations, svg
from generator.figures.body import FOREARM, H, UPPER_ARM, Limb, Pose, proportions
from generator.figures.figure import ACCENT, TONES
from generator.figures.library import LIBRARY
from generator.figures.render import ARROW, PROP_LINE, Drawing
from generator.svg import parse

from conftest import image_placements, page_texts

REPO = Path(__file__).resolve().parent.parent
LIBRARY_IDS = """glute-bridge bird-dog dead-bug clamshell plank side-plank squat split-squat wall-sit
step-up sit-to-stand calf-raise straight-leg-raise heel-slide quad-set hamstring-stretch
hip-flexor-stretch cat-cow thoracic-rotation chin-tuck wall-push-up push-up band-row band-pull-apart
shoulder-external-rotation scapular-squeeze superman hip-hinge single-leg-balance lunge""".split()
DRAWINGS = sorted(destinations().items())


def _id(item):
    return str(item[0].relative_to(REPO))


def test_the_body_has_human_proportions():
    parts = proportions()
    assert parts["head"] == pytest.approx(1 / 7.5, rel=0.05)
    assert 0.85 < parts["trunk"] / parts["thigh"] < 1.25
    assert parts["thigh"] == pytest.approx(parts["shank"], rel=0.05)
    # the limbs add up to a standing body: ankle height + shank + thigh + trunk + head's reach
    standing = Pose()
    from generator.figures.figure import Figure

    joints = Figure(standing, "end").joints
    assert joints["head"][1] - joints["ankle_n"][1] == pytest.approx(0.935 * H - 0.039 * H, rel=0.01)


def test_every_library_exercise_has_its_drawing():
    ids = {d.id for d in LIBRARY}
    assert set(LIBRARY_IDS) <= ids
    for name in LIBRARY_IDS:
        assert (REPO / "generator" / "library" / "images" / f"{name}.svg").is_file(), name


def test_the_sample_and_starter_exercises_use_made_drawings():
    made = {path for path, _ in DRAWINGS}
    for yaml_file in [*(REPO / "exercises").glob("*.yaml"), *(REPO / "generator/starter/exercises").glob("*.yaml")]:
        image = re.search(r"^image: (.+)$", yaml_file.read_text(encoding="utf-8"), re.M).group(1)
        root = REPO if yaml_file.parent.parent == REPO else yaml_file.parent.parent
        assert (root / image).resolve() in made, yaml_file.name


@pytest.mark.parametrize("item", DRAWINGS, ids=_id)
def test_drawing_files_are_current_and_deterministic(item):
    path, drawing = item
    text = svg(drawing)
    assert svg(drawing) == text  # the same data gives the same bytes
    assert path.read_text(encoding="utf-8") == text, "stale: run `python -m generator.figures`"


@pytest.mark.parametrize("item", DRAWINGS, ids=_id)
def test_drawing_parses_through_the_product_loader(item):
    path, _ = item
    drawing = parse(path, path.parent)
    assert 50 < drawing.width < 1000 and 50 < drawing.height < 1000


@pytest.mark.parametrize("item", DRAWINGS, ids=_id)
def test_accent_marks_muscles_and_nothing_else(item):
    _, drawing = item
    text = svg(drawing)
    marked = text.count(ACCENT)
    assert marked == len(drawing.muscles)
    assert ACCENT not in svg(replace(drawing, muscles=()))  # props, arrows, bodies: never the accent


@pytest.mark.parametrize("item", DRAWINGS, ids=_id)
def test_view_box_is_cropped_to_the_content(item):
    path, _ = item
    root = etree.parse(str(path)).getroot()
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    left, top, right, bottom = _content_bounds(root)
    margins = (left - x, top - y, x + w - right, y + h - bottom)
    assert all(0 <= m <= 0.06 * H for m in margins), margins


@pytest.mark.parametrize("item", DRAWINGS, ids=_id)
def test_only_plain_elements(item):
    path, _ = item
    tags = {etree.QName(e).localname for e in etree.parse(str(path)).getroot().iter() if isinstance(e.tag, str)}
    assert tags <= {"svg", "line", "path", "circle", "polygon"}


def test_tones_stay_apart_in_greyscale():
    def grey(hex_colour):
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    ink, tint = grey(TONES[("end", "near")]), grey(TONES[("start", "near")])
    far, tint_far = grey(TONES[("end", "far")]), grey(TONES[("start", "far")])
    assert tint - ink > 120 and far - ink > 60 and tint - far > 40 and tint_far - tint > 15
    assert abs(grey(ACCENT) - ink) > 50 and abs(grey(ACCENT) - tint) > 60
    assert ARROW != ACCENT and PROP_LINE != ACCENT


def test_a_pose_is_joint_angles():
    """Bending a knee moves the ankle and nothing above it."""
    straight = svg(Drawing("x", (Pose(anchor="hip", at=(0, 60)),)))
    bent = svg(Drawing("x", (Pose(anchor="hip", at=(0, 60), near_leg=Limb(bend=90)),)))
    assert straight != bent
    from generator.figures.figure import Figure

    a = Figure(Pose(), "end").joints
    b = Figure(Pose(near_leg=Limb(bend=90)), "end").joints
    assert a["head"] == b["head"] and a["knee_n"] == b["knee_n"] and a["ankle_n"] != b["ankle_n"]


def test_sample_booklet_draws_the_figures_as_vectors(sample, cli):
    result = cli("booklet", str(sample), "-o", str(sample / "b.pdf"))
    assert result.exit_code == 0, result.output
    pages = page_texts(sample / "b.pdf")
    names = ("Bent-Over Shoulder Raise", "Lying Superman", "Superman on Knees and Hands", "Hip Raise")
    exercise_pages = {n for n, text in enumerate(pages, 1) if text.startswith(names)}
    assert len(exercise_pages) >= 4
    assert not {n for n, _, _ in image_placements(sample / "b.pdf")} & exercise_pages



# What the redrawn library drawings must show, checked on the posed joints (drawing units, y up,
# the floor at 0): the position each exercise's text describes.
def _posed(name):
    from generator.figures.render import figures

    return [fig.joints for fig in figures({d.id: d for d in LIBRARY}[name])]


def test_side_plank_rises_from_the_floor_into_a_straight_line_on_the_forearm():
    start, end = _posed("side-plank")
    assert end["hip"][1] > start["hip"][1] + 10  # the hips lift
    for pose in (start, end):  # elbow under shoulder, forearm flat on the floor
        assert pose["elbow_f"][0] == pytest.approx(pose["shoulderj_f"][0], abs=1.0)
        assert pose["elbow_f"][1] == pytest.approx(pose["wrist_f"][1], abs=1.0) and pose["wrist_f"][1] < 5
    def heading(a, b):
        return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))

    # one straight line: the bottom leg carries on the trunk's line
    assert heading(end["ankle_f"], end["hipj_f"]) == pytest.approx(heading(end["hip"], end["shoulder"]), abs=2)
    assert end["ankle_f"][1] < 5 and abs(end["ankle_n"][1] - end["ankle_f"][1]) < 8  # feet stacked, on the floor


def test_a_front_view_can_paint_its_start_whole_behind_the_end():
    drawing = {d.id: d for d in LIBRARY}["side-plank"]
    tint, ink = TONES[("start", "near")], TONES[("end", "near")]
    text = svg(drawing)
    assert text.rindex(tint) < text.index(ink)
    mixed = svg(replace(drawing, start_behind=False))  # the default sorts both poses by depth together
    assert mixed.rindex(tint) > mixed.index(ink)


def test_push_up_ends_at_the_top_with_the_hands_where_they_were():
    low, top = _posed("push-up")
    assert top["shoulder"][1] > low["shoulder"][1] + 15
    for joint in ("wrist_n", "toe_n"):
        assert top[joint] == pytest.approx(low[joint], abs=1.0)
    assert math.dist(top["shoulderj_n"], top["wrist_n"]) == pytest.approx(UPPER_ARM + FOREARM, abs=0.5)  # straight
    assert 8 < low["shoulder"][1] < 20  # the chest about a fist above the floor


def test_hip_flexor_stretch_kneels_on_the_back_knee_with_the_front_foot_flat():
    start, end = _posed("hip-flexor-stretch")
    for pose in (start, end):
        assert pose["knee_n"][1] < 5  # the back knee on the mat
        assert pose["heel_f"][1] == pytest.approx(pose["toe_f"][1], abs=0.5)  # front foot flat
        assert abs(pose["shoulder"][0] - pose["hip"][0]) < 3  # trunk upright
    assert end["hip"][0] > start["hip"][0] + 5 and end["ankle_f"] == pytest.approx(start["ankle_f"], abs=1.0)


def test_cat_cow_shows_both_backs_apart():
    cow, cat = _posed("cat-cow")
    assert max(x for x, _ in cat.values()) < min(x for x, _ in cow.values())


def _content_bounds(root):
    xs0, ys0, xs1, ys1 = [], [], [], []

    def add(x, y, r):
        xs0.append(x - r), ys0.append(y - r), xs1.append(x + r), ys1.append(y + r)

    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        tag, half = etree.QName(e).localname, float(e.get("stroke-width", 0)) / 2
        if tag == "line":
            add(float(e.get("x1")), float(e.get("y1")), half)
            add(float(e.get("x2")), float(e.get("y2")), half)
        elif tag == "circle":
            add(float(e.get("cx")), float(e.get("cy")), float(e.get("r")) + half)
        elif tag in ("polygon", "path"):
            numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", e.get("points") or e.get("d"))]
            for x, y in zip(numbers[::2], numbers[1::2]):
                add(x, y, half)
    return min(xs0), min(ys0), max(xs1), max(ys1)
