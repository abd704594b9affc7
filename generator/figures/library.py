"""The built-in library's drawings, as data: one per exercise in generator/library/."""

from __future__ import annotations

from dataclasses import replace

from .body import Limb, Pose
from .render import Arrow, Drawing, Prop, Ref
from .sample import ALL_FOURS, MAT, PRONE, SAMPLE, SEATED, STANDING, STARTER, SUPINE_KNEES_UP

_BY_ID = {d.id: d for d in SAMPLE + STARTER}


def _same(new_id: str, old_id: str, **changes) -> Drawing:
    return replace(_BY_ID[old_id], id=new_id, **changes)


SUPINE = Pose(lean=-90, near_leg=Limb(point=10), far_leg=Limb(point=10), near_arm=Limb(), far_arm=Limb())
# Anchored at the hip: a leg that straightens must not slide the whole body along the mat.
TABLETOP = Pose(lean=-90, anchor="hip", near_leg=Limb(flex=90, bend=90, point=20),
                far_leg=Limb(flex=90, bend=90, point=20), near_arm=Limb(flex=90), far_arm=Limb(flex=90))
UPRIGHT_ARMS = Limb(upright=True, point=90)
PUSH_UP = Pose(near_arm=UPRIGHT_ARMS, far_arm=UPRIGHT_ARMS, near_leg=Limb(point=60), far_leg=Limb(point=60),
               solve=("lean", "hand_n", "y", 0.0), lean=75)
# The bottom: the body turned about the toes until the chest is a fist above the floor,
# the hands where they were (angles found by search: the wrist within 0.2 of the top's).
PUSH_UP_LOW = PUSH_UP.with_(solve=None, lean=85, near_arm=Limb(upright=True, flex=-72, bend=129, point=33),
                            far_arm=Limb(upright=True, flex=-72, bend=129, point=33))
LUNGE_FRONT, LUNGE_BACK = Limb(flex=88, bend=88), Limb(flex=-6, bend=84, point=-35)
# Lying on the side, seen from in front and a little above: the top knee opens upwards.
SIDE_LYING = dict(yaw=80, turn=-90, anchor="hip", near_arm=Limb(abd=8, bend=10), far_arm=Limb(abd=165, bend=20))
CLAM = Limb(flex=45, bend=95)  # hips and knees bent, feet together
# Knees together: the top thigh drawn in by the pelvis's width to rest on the bottom one.
OPEN_BOOK = dict(anchor="hip", near_leg=Limb(flex=90, bend=90, abd=-20), far_leg=Limb(flex=90, bend=90),
                 far_arm=Limb(flex=90))
LONG_SIT = Pose(lean=-18, near_leg=Limb(flex=72, point=10), far_leg=Limb(flex=110, bend=115),
                near_arm=Limb(upright=True, flex=-28, point=-60), far_arm=Limb(upright=True, flex=-28, point=-60),
                anchor="hip", at=(0, 6.5))
STICK_HIGH, STICK_LOW = Limb(flex=-25, bend=150), Limb(flex=-40, bend=75)
HANDS_ON_HIPS = Limb(flex=-25, bend=105)
WALL_HAND = Limb(flex=55, bend=25, point=70)


def side_plank(tilt: float, legs: float = 0.0, feet: float = 0.0) -> Pose:
    """On the bottom forearm, seen from the front, the trunk `tilt` degrees up from the
    floor: upper arm vertical under the shoulder, forearm flat on the floor toward the
    head; `legs` bends the legs back down to the floor (hips resting), and the top
    leg is drawn in so its foot rests on the bottom one (feet stacked)."""
    return Pose(yaw=90, turn=tilt - 90, anchor="elbow_f", far_arm=Limb(abd=90 - tilt, abd2=180 - tilt),
                near_arm=Limb(abd=28, abd2=-40), near_leg=Limb(abd=legs - 12, point=feet),
                far_leg=Limb(abd=-legs, point=feet))


def half_kneeling(back: float, front_flex: float, front_bend: float, lean: float = 0.0) -> Pose:
    """Kneeling on the near knee, its shin flat on the floor behind; `back` opens the
    hip (the hips shift forward), and the front leg's angles keep its foot where it
    was (found by search for each `back`), flat on the floor."""
    front_point = (90 - lean) + front_flex - front_bend - 90  # the front foot level
    return Pose(lean=lean, near_leg=Limb(flex=-back, bend=90 - back, point=90),
                far_leg=Limb(flex=front_flex, bend=front_bend, point=front_point), anchor="knee_n",
                near_arm=Limb(flex=-12, bend=10), far_arm=Limb(flex=-4, bend=10))


LIBRARY = (
    _same("glute-bridge", "hip-raise", muscles=("glutes", "hamstrings")),
    _same("bird-dog", "superman-on-knees-and-hands", muscles=("lower back", "glutes", "core")),
    Drawing(
        "dead-bug",
        poses=(TABLETOP, TABLETOP.with_(near_leg=Limb(flex=12, point=20), far_arm=Limb(flex=165))),
        muscles=("core",),
        arrows=(Arrow(Ref(0, "toe_n", 5, 2), Ref(1, "toe_n", 2, 8), -0.3),
                Arrow(Ref(0, "hand_f", -5, 3), Ref(1, "hand_f", 2, 9), 0.3)),
        props=(MAT,)),
    Drawing(
        "clamshell",
        # The top knee rests on the bottom one at the start (drawn in by the pelvis's width),
        # then opens with the feet kept together.
        poses=(Pose(near_leg=replace(CLAM, abd=-18), far_leg=CLAM, **SIDE_LYING),
               Pose(near_leg=replace(CLAM, abd=35, abd2=-60), far_leg=CLAM, **SIDE_LYING)),
        muscles=("glutes",),
        arrows=(Arrow(Ref(0, "knee_n", 3, 6), Ref(1, "knee_n", 5, 5), -0.3),),
        props=(MAT,), start_behind=True),
    Drawing(
        "plank",
        poses=(Pose(lean=78, near_arm=Limb(upright=True, bend=90), far_arm=Limb(upright=True, bend=90),
                    near_leg=Limb(point=55), far_leg=Limb(point=55), solve=("lean", "elbow_n", "y", 0.5)),),
        muscles=("core", "shoulders"),
        props=(MAT,)),
    Drawing(  # from the front: start on the floor (tint), hips lifted into one straight line
        "side-plank",
        poses=(side_plank(36.4, legs=36.4, feet=90), side_plank(16.3)),
        muscles=("obliques", "glutes:far"),
        arrows=(Arrow(Ref(1, "hipj_f", -3, -16.2), Ref(1, "hipj_f", -3, -5.0), 0.0),),
        props=(MAT,), start_behind=True),
    Drawing(
        "squat",
        poses=(STANDING.with_(near_arm=Limb(flex=85, upright=True), far_arm=Limb(flex=85, upright=True)),
               STANDING.with_(lean=38, near_leg=Limb(flex=118, bend=108), far_leg=Limb(flex=118, bend=108),
                              near_arm=Limb(flex=85, upright=True), far_arm=Limb(flex=85, upright=True))),
        muscles=("quads", "glutes"),
        arrows=(Arrow(Ref(0, "hip", -12, 0), Ref(1, "hip", -12, 0), 0.2),)),
    Drawing(
        "split-squat",
        poses=(Pose(near_leg=Limb(flex=27), far_leg=Limb(flex=-27, point=-10), anchor="heel_n",
                    near_arm=Limb(flex=5, bend=10), far_arm=Limb(bend=10)),
               Pose(near_leg=LUNGE_FRONT, far_leg=LUNGE_BACK, anchor="heel_n",
                    near_arm=Limb(flex=5, bend=10), far_arm=Limb(bend=10))),
        muscles=("quads", "glutes"),
        arrows=(Arrow(Ref(0, "hip", -12, 4), Ref(1, "hip", -12, 2), 0.0),)),
    Drawing(
        "wall-sit",
        poses=(Pose(near_leg=Limb(flex=90, bend=90), far_leg=Limb(flex=90, bend=90), feet_flat=True,
                    near_arm=Limb(bend=10), far_arm=Limb(bend=10)),),
        muscles=("quads", "glutes"),
        props=(Prop("wall", {"x": Ref(0, "hip", -9.2), "side": -1}),)),
    Drawing(
        "step-up",
        # Start: standing behind the step, the near foot flat on it (shin vertical, thigh 20°
        # below level), the back foot on the floor behind the step.
        poses=(Pose(lean=14, near_leg=Limb(flex=84, bend=70), far_leg=Limb(flex=-12, point=-5),
                    anchor="heel_n", at=(0, 16.0), near_arm=Limb(flex=-10, bend=15), far_arm=Limb(flex=15, bend=15),
                    solve=("far_leg.flex", "toe_f", "y", -14.0)),
               STANDING.with_(anchor="heel_n", at=(0, 16.0))),  # up, the second foot beside the first
        muscles=("quads", "glutes"),
        arrows=(Arrow(Ref(0, "hip", -12, 0), Ref(1, "hip", -12, -2), 0.1),),
        props=(Prop("step", {"x0": Ref(1, "heel_n", -8), "x1": Ref(1, "toe_n", 10), "top": 14.0}),)),
    _same("sit-to-stand", "sit-to-stand"),
    Drawing(
        "calf-raise",
        poses=(STANDING.with_(anchor="toe_n", near_arm=WALL_HAND, far_arm=WALL_HAND),
               STANDING.with_(anchor="toe_n", feet_flat=False, near_leg=Limb(point=42), far_leg=Limb(point=42),
                              near_arm=WALL_HAND, far_arm=WALL_HAND)),
        muscles=("calves",),
        arrows=(Arrow(Ref(0, "heel_n", -8, 0), Ref(1, "heel_n", -8, 8), 0.0),),
        props=(Prop("wall", {"x": Ref(0, "hand_n", 2.2)}),)),
    Drawing(
        "straight-leg-raise",
        poses=(SUPINE_KNEES_UP.with_(near_leg=Limb(point=10)),
               SUPINE_KNEES_UP.with_(near_leg=Limb(flex=38, point=10))),
        muscles=("quads", "hip flexors"),
        arrows=(Arrow(Ref(0, "ankle_n", 8, 4), Ref(1, "ankle_n", 8, 2), 0.25),),
        props=(MAT,)),
    Drawing(
        "heel-slide",
        poses=(SUPINE, SUPINE.with_(near_leg=Limb(flex=60, bend=105, point=10))),
        muscles=("hamstrings",),
        arrows=(Arrow(Ref(0, "heel_n", 0, -4), Ref(1, "heel_n", 6, -4), 0.0),),
        props=(MAT,)),
    Drawing(
        "quad-set",
        poses=(LONG_SIT.with_(near_leg=Limb(flex=69, bend=10, point=10)), LONG_SIT),
        muscles=("quads",),
        arrows=(Arrow(Ref(1, "knee_n", 0, 16), Ref(1, "knee_n", 0, 6.5), 0.0),),
        props=(MAT, Prop("ball", {"centre": Ref(1, "knee_n", 0, -6.5), "r": 3.2}))),
    Drawing(
        "hamstring-stretch",
        poses=(SUPINE.with_(near_leg=Limb(flex=20, point=-10), near_arm=Limb(flex=40, bend=20),
                            far_arm=Limb(flex=40, bend=20)),
               SUPINE.with_(near_leg=Limb(flex=75, point=-10), near_arm=Limb(flex=80, bend=25),
                            far_arm=Limb(flex=80, bend=25))),
        muscles=("hamstrings",),
        arrows=(Arrow(Ref(0, "toe_n", 8, 2), Ref(1, "toe_n", 8, 2), 0.25),),
        props=(MAT, Prop("band", {"points": (Ref(0, "hand_n"), Ref(0, "toe_n", -1)), "pose": 0}),
               Prop("band", {"points": (Ref(1, "hand_n"), Ref(1, "toe_n", -1))}))),
    Drawing(  # half-kneeling, the back knee and shin on the mat, the front foot flat: the hips
        # shift forward over the knee, the trunk stays upright
        "hip-flexor-stretch",
        poses=(half_kneeling(0, 90, 90), half_kneeling(22, 87, 109, lean=-3)),
        muscles=("hip flexors",),
        arrows=(Arrow(Ref(0, "hip", -13, 2), Ref(1, "hip", -9, 2), 0.0),),
        props=(MAT,)),
    Drawing(  # side by side, as laid over each other the sagging back hid inside the rounded one:
        # the cat (back rounded up, head dropped) in ink, the cow (stomach sunk, head lifted) in tint.
        # A mobility drill: nothing works hard, so no muscle is marked.
        "cat-cow",
        poses=(ALL_FOURS.with_(spine=-0.16, neck=-38, at=(80, None)), ALL_FOURS.with_(spine=0.22, neck=68)),
        arrows=(Arrow(Ref(1, "hip", 16, 19), Ref(1, "hip", 16, 31), 0.0),
                Arrow(Ref(0, "hip", 16, -5), Ref(0, "hip", 16, -15), 0.0)),
        props=(MAT,)),
    Drawing(  # side-lying, seen from the head end: the top arm opens over to the floor behind
        "thoracic-rotation",
        # The top arm starts on the bottom one (palms together) and ends on the floor behind.
        poses=(Pose(pitch=90, turn=180, **OPEN_BOOK, near_arm=Limb(flex=90, abd=-35)),
               Pose(pitch=90, turn=180, **OPEN_BOOK, near_arm=Limb(flex=90, abd=185))),
        # A mobility drill: nothing works hard, so no muscle is marked.
        arrows=(Arrow(Ref(0, "hand_n", 0, 8), Ref(1, "hand_n", 0, 8), 0.45),),
        props=(MAT,)),
    Drawing(
        "chin-tuck",
        poses=(SEATED.with_(neck=-12, head_back=-2.5), SEATED.with_(neck=4, head_back=2.0)),
        muscles=("neck",),
        arrows=(Arrow(Ref(0, "head", 13, 0), Ref(1, "head", 10, 0), 0.0),),
        props=(Prop("chair", {"seat": Ref(0, "hip", 8, -6.5)}),)),
    _same("wall-push-up", "wall-push-up"),
    Drawing(
        "push-up",
        poses=(PUSH_UP_LOW, PUSH_UP),
        muscles=("chest", "triceps"),
        arrows=(Arrow(Ref(0, "head", 9, 3), Ref(1, "head", 9, 0), 0.1),),
        props=(MAT,)),
    Drawing(
        "band-row",
        poses=(STANDING.with_(near_arm=Limb(flex=78, point=0), far_arm=Limb(flex=78)),
               STANDING.with_(near_arm=Limb(flex=-28, bend=110), far_arm=Limb(flex=-28, bend=110))),
        muscles=("upper back", "rear shoulders"),
        arrows=(Arrow(Ref(0, "hand_n", -4, 8), Ref(1, "hand_n", 0, 8), 0.0),),
        props=(Prop("wall", {"x": Ref(0, "hand_n", 22)}),
               Prop("band", {"points": (Ref(0, "hand_n", 22), Ref(0, "hand_n")), "pose": 0}),
               Prop("band", {"points": (Ref(0, "hand_n", 22), Ref(1, "hand_n"))}))),
    Drawing(
        "band-pull-apart",
        poses=(STANDING.with_(yaw=90, near_arm=Limb(flex=90, abd=-20), far_arm=Limb(flex=90, abd=-20)),
               STANDING.with_(yaw=90, near_arm=Limb(abd=72), far_arm=Limb(abd=72))),
        muscles=("rear shoulders", "rear shoulders:far"),
        arrows=(Arrow(Ref(0, "hand_n", 4, 8), Ref(1, "hand_n", 4, 8), -0.2),
                Arrow(Ref(0, "hand_f", -4, 8), Ref(1, "hand_f", -4, 8), 0.2)),
        props=(Prop("band", {"points": (Ref(0, "hand_n"), Ref(0, "hand_f")), "pose": 0}),
               Prop("band", {"points": (Ref(1, "hand_n"), Ref(1, "hand_f"))}))),
    Drawing(  # from the front and a little above, so the forearm's turn reads as an arc:
        # elbow by the side (a towel's width out), the hand from the stomach (tint) out to
        # the side (ink) against a thin band anchored on the far side; the arrow follows the hand
        "shoulder-external-rotation",
        poses=(STANDING.with_(yaw=90, pitch=20, near_arm=Limb(abd=9, bend=90, abd2=-60), far_arm=Limb(flex=-4, bend=8)),
               STANDING.with_(yaw=90, pitch=20, near_arm=Limb(abd=9, bend=90, abd2=70), far_arm=Limb(flex=-4, bend=8))),
        muscles=("rear shoulders",),
        arrows=(Arrow(Ref(0, "hand_n", 0, -4), Ref(1, "hand_n", 0, -4), 0.4),),
        props=(Prop("wall", {"x": Ref(0, "elbow_f", 24)}),
               Prop("band", {"points": (Ref(0, "hand_n"), Ref(0, "elbow_f", 24, 10)), "pose": 0}),
               Prop("band", {"points": (Ref(1, "hand_n"), Ref(0, "elbow_f", 24, 10))}))),
    Drawing(
        "scapular-squeeze",
        poses=(SEATED.with_(lean=8, spine=0.06, neck=10), SEATED.with_(lean=-2, spine=-0.04,
                                                                       near_arm=Limb(flex=-12, bend=25),
                                                                       far_arm=Limb(flex=-12, bend=25))),
        muscles=("upper back",),
        arrows=(Arrow(Ref(0, "shoulder", -14, 2), Ref(1, "shoulder", -17, -3), 0.0),),
        props=(Prop("chair", {"seat": Ref(0, "hip", 8, -6.5), "back": False}),)),
    Drawing(
        "superman",
        poses=(PRONE, PRONE.with_(lean=80, near_leg=Limb(flex=-26, point=80), far_leg=Limb(flex=-26, point=80),
                                  near_arm=Limb(flex=196), far_arm=Limb(flex=196), neck=-10)),
        muscles=("lower back", "glutes"),
        arrows=(Arrow(Ref(0, "ankle_n", 2, 7), Ref(1, "ankle_n", 4, 6), 0.3),
                Arrow(Ref(0, "hand_n", -6, 7), Ref(1, "hand_n", -6, 6), -0.3)),
        props=(MAT,)),
    Drawing(
        "hip-hinge",
        poses=(STANDING.with_(near_arm=STICK_HIGH, far_arm=STICK_LOW),
               STANDING.with_(lean=58, near_leg=Limb(flex=66, bend=18), far_leg=Limb(flex=66, bend=18),
                              near_arm=STICK_HIGH, far_arm=STICK_LOW)),
        muscles=("hamstrings", "glutes"),
        arrows=(Arrow(Ref(0, "hip", -12, 4), Ref(1, "hip", -8, 2), 0.2),),
        props=(Prop("stick", {"pose": 0}), Prop("stick", {}))),
    Drawing(
        "single-leg-balance",
        poses=(STANDING.with_(far_leg=Limb(flex=30, bend=75, point=20), near_arm=Limb(flex=42, bend=12),
                              far_arm=Limb(bend=10)),),
        muscles=("glutes", "calves"),
        props=(Prop("chair", {"seat": Ref(0, "hand_n", 24, -27)}),)),
    Drawing(
        "lunge",
        poses=(STANDING.with_(anchor="toe_f", near_arm=HANDS_ON_HIPS, far_arm=HANDS_ON_HIPS),
               Pose(near_leg=LUNGE_FRONT, far_leg=LUNGE_BACK, anchor="toe_f",
                    near_arm=HANDS_ON_HIPS, far_arm=HANDS_ON_HIPS)),
        muscles=("quads", "glutes"),
        arrows=(Arrow(Ref(0, "toe_n", 2, 6), Ref(1, "toe_n", -2, 6), 0.12),)),
)
