"""The sample project's six drawings and the starter's two, as data."""

from __future__ import annotations

from .body import Limb, Pose
from .render import Arrow, Drawing, Prop, Ref

MAT = Prop("mat")

# Lying on the back, knees bent and feet flat: the hip raise's and the dead bug's start.
SUPINE_KNEES_UP = Pose(lean=-90, near_leg=Limb(flex=45, bend=125), far_leg=Limb(flex=45, bend=125),
                       near_arm=Limb(flex=0), far_arm=Limb(flex=0))


def all_fours(tilt: float = 11.0) -> Pose:
    """On hands and knees: thighs and arms vertical, hands flat. The shoulders sit
    `tilt` degrees above the hips, as the arm is longer than the thigh."""
    leg, arm = Limb(flex=90 - tilt, bend=90, point=90), Limb(flex=90 - tilt, bend=4, point=90)
    return Pose(lean=90 - tilt, near_leg=leg, far_leg=leg, near_arm=arm, far_arm=arm, anchor="knee_n")


ALL_FOURS = all_fours()
# Standing tall, arms by the sides.
STANDING = Pose(near_arm=Limb(flex=4, bend=8), far_arm=Limb(flex=-4, bend=8), feet_flat=True, anchor="heel_n")
SEATED = Pose(lean=12, near_leg=Limb(flex=102, bend=95), far_leg=Limb(flex=102, bend=95), feet_flat=True,
              near_arm=Limb(flex=10, bend=30), far_arm=Limb(flex=5, bend=30), anchor="heel_n")
PRONE = Pose(lean=90, neck=-5, near_leg=Limb(point=80), far_leg=Limb(point=80),
             near_arm=Limb(flex=180), far_arm=Limb(flex=180))

SAMPLE = (
    Drawing(
        "hip-raise",
        poses=(SUPINE_KNEES_UP,
               SUPINE_KNEES_UP.with_(lean=-118, near_leg=Limb(flex=0, bend=108), far_leg=Limb(flex=0, bend=108),
                                     near_arm=Limb(flex=-28), far_arm=Limb(flex=-28),
                                     solve=("lean", "shoulder", "y", 4.0))),
        muscles=("glutes", "lower back"),
        arrows=(Arrow(Ref(1, "hip", 0, 9), Ref(1, "hip", 0, 21), 0.0),),
        props=(MAT,)),
    Drawing(
        "superman-on-knees-and-hands",
        poses=(ALL_FOURS,
               ALL_FOURS.with_(near_leg=Limb(flex=-11, bend=0, point=60), far_arm=Limb(flex=169))),
        muscles=("lower back", "glutes"),
        arrows=(Arrow(Ref(0, "ankle_n", -6, 8), Ref(1, "ankle_n", 0, 8), -0.25),
                Arrow(Ref(0, "hand_f", 10, 12), Ref(1, "hand_f", 4, 9), 0.25)),
        props=(MAT,)),
    Drawing(
        "bent-over-shoulder-raise",
        poses=(Pose(lean=50, yaw=-40, near_leg=Limb(flex=60, bend=15, point=-5),
                    far_leg=Limb(flex=60, bend=15, point=-5),
                    near_arm=Limb(flex=50, bend=12), far_arm=Limb(flex=50, bend=12), anchor="heel_n"),
               Pose(lean=50, yaw=-40, near_leg=Limb(flex=60, bend=15, point=-5),
                    far_leg=Limb(flex=60, bend=15, point=-5),
                    near_arm=Limb(flex=50, bend=12, abd=80), far_arm=Limb(flex=50, bend=12, abd=80),
                    anchor="heel_n")),
        muscles=("rear shoulders", "rear shoulders:far", "upper back"),
        arrows=(Arrow(Ref(0, "hand_n", 4, -6), Ref(1, "hand_n", 2, -8), -0.25),),
        props=(Prop("dumbbell", {"pose": 0}), Prop("dumbbell", {"pose": 0, "side": "f"}),
               Prop("dumbbell", {}), Prop("dumbbell", {"side": "f"}))),
)

SAMPLE += (
    Drawing(
        "lying-lower-back-extension",
        poses=(PRONE.with_(near_arm=Limb(flex=2), far_arm=Limb(flex=2)),
               PRONE.with_(lean=62, neck=5, near_leg=Limb(flex=-28, point=80), far_leg=Limb(flex=-28, point=80),
                           near_arm=Limb(flex=-6), far_arm=Limb(flex=-6))),
        muscles=("lower back",),
        arrows=(Arrow(Ref(0, "head", 11, 1), Ref(1, "head", 11, 5), 0.35),),
        props=(MAT,)),
    Drawing(
        "lying-superman",
        poses=(PRONE,
               PRONE.with_(near_leg=Limb(flex=-24, point=80), far_arm=Limb(flex=204), neck=-14)),
        muscles=("lower back", "glutes"),
        arrows=(Arrow(Ref(0, "ankle_n", 2, 7), Ref(1, "ankle_n", 4, 6), 0.3),
                Arrow(Ref(0, "hand_f", -6, 7), Ref(1, "hand_f", -6, 6), -0.3)),
        props=(MAT,)),
    Drawing(
        "standing-lower-back-extension",
        poses=(STANDING,
               STANDING.with_(lean=62, neck=-8, near_leg=Limb(flex=92, bend=30), far_leg=Limb(flex=92, bend=30),
                              near_arm=Limb(flex=64, bend=5), far_arm=Limb(flex=64, bend=5))),
        muscles=("lower back", "hamstrings", "glutes"),
        arrows=(Arrow(Ref(0, "head", 9, 6), Ref(1, "head", 7, 10), -0.25),),
        props=(Prop("ball", {"centre": Ref(0, "toe_n", 12, 3.5), "r": 4.0}),)),
)

STARTER = (
    Drawing(
        "wall-push-up",
        poses=(Pose(feet_flat=True, near_arm=Limb(flex=100, point=80), far_arm=Limb(flex=100, point=80),
                    solve=("lean", "hand_n", "x", 56.0)),
               Pose(feet_flat=True, near_arm=Limb(flex=62, bend=105, point=20),
                    far_arm=Limb(flex=62, bend=105, point=20), solve=("lean", "hand_n", "x", 56.0))),
        muscles=("chest", "triceps"),
        arrows=(Arrow(Ref(0, "head", -4, 11), Ref(1, "head", 0, 11), -0.2),),
        props=(Prop("wall", {"x": Ref(1, "hand_n", 2.5)}),)),
    Drawing(
        "sit-to-stand",
        poses=(SEATED.with_(lean=32, near_arm=Limb(flex=100), far_arm=Limb(flex=100)),
               STANDING.with_(near_arm=Limb(flex=75), far_arm=Limb(flex=75))),
        muscles=("quads", "glutes"),
        arrows=(Arrow(Ref(0, "hip", -4, 12), Ref(1, "hip", -10, 2), -0.3),),
        props=(Prop("chair", {"seat": Ref(0, "hip", 6, -6.5)}),)),
)
