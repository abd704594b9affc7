"""One human body with fixed proportions, posed by joint angles.

Segment lengths are fractions of standing height H, from Drillis & Contini (1966),
"Body segment parameters", as tabulated in D. A. Winter, "Biomechanics and Motor
Control of Human Movement" (4th ed., 2009), fig. 4.1. The figure is H = 100 units
tall; everything else in a drawing (props, margins) is measured in the same units.

Angles are degrees. A pose is joint angles, not coordinates, so every drawing has
the same body and only the joints move:

- `lean`: the trunk from vertical, forward positive (90 lies face down, -90 on the back);
- `spine`: the back's curve, + rounded (cat), - arched (cow), as a fraction of the trunk;
- `neck`: the head bent forward from the trunk's line; `head_back`: the chin drawn
  straight back (a chin tuck), in units of H;
- a leg's `flex` (hip flexion: the thigh forward), `bend` (knee flexion), `point`
  (the foot pointed); an arm's `flex` (shoulder flexion: the arm forward and up),
  `bend` (elbow flexion), `point` (the hand bent forward at the wrist); `abd` lifts a limb out to the side (abduction, through the
  frontal plane), `abd2` its lower segment when that differs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

H = 100.0  # the body's standing height, in drawing units

# Drillis & Contini, as fractions of H (Winter fig. 4.1).
HEAD = 0.130 * H  # chin to crown
SHOULDER_HEIGHT = 0.818 * H
HIP_HEIGHT = 0.530 * H  # greater trochanter
KNEE_HEIGHT = 0.285 * H
ANKLE_HEIGHT = 0.039 * H
UPPER_ARM = 0.186 * H
FOREARM = 0.146 * H
HAND = 0.108 * H
FOOT = 0.152 * H
SHOULDER_WIDTH = 0.259 * H  # biacromial; joint centres sit a little inside it
HIP_WIDTH = 0.191 * H

TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT  # 0.288 H: about the thigh's length, as it should be
THIGH = HIP_HEIGHT - KNEE_HEIGHT  # 0.245 H
SHANK = KNEE_HEIGHT - ANKLE_HEIGHT  # 0.246 H
HEAD_CENTRE = (1.0 - HEAD / 2 / H) * H - SHOULDER_HEIGHT  # shoulder to the middle of the head
SHOULDER_JOINTS = 0.85 * SHOULDER_WIDTH
HIP_JOINTS = 0.85 * HIP_WIDTH

# Drawn thickness of each part: a pictogram's, not anatomy's (round-capped strokes).
THICK = {"trunk": 0.125 * H, "thigh": 0.078 * H, "shank": 0.060 * H, "foot": 0.038 * H,
         "upper_arm": 0.056 * H, "forearm": 0.048 * H, "hand": 0.042 * H, "neck": 0.045 * H}
HEAD_RADIUS = HEAD / 2
FIST = 0.55 * HAND  # a closed or flat hand drawn shorter than the anatomical hand
TOE = 0.78 * FOOT  # ankle to toe; the rest is heel


@dataclass(frozen=True)
class Limb:
    flex: float = 0.0
    bend: float = 0.0
    abd: float = 0.0
    abd2: float | None = None
    point: float = 0.0  # a foot pointed (plantar flexion); a hand bent forward at the wrist
    upright: bool = False  # `flex` measured from straight down, not from the trunk (arms
    # that stay vertical under a plank's shoulders, whatever its lean)


@dataclass(frozen=True)
class Pose:
    lean: float = 0.0
    spine: float = 0.0
    neck: float = 0.0
    head_back: float = 0.0
    near_arm: Limb = Limb()
    far_arm: Limb = Limb()
    near_leg: Limb = Limb()
    far_leg: Limb = Limb()
    yaw: float = 0.0  # the viewer walks round the body: 0 a side view, 90 from the front
    pitch: float = 0.0  # the viewer rises: 90 looks down along the body (a side-lying
    # figure seen from its head end)
    feet_flat: bool = False  # feet level on the floor whatever the legs do
    turn: float = 0.0  # the whole figure turned in the picture (a side-lying front view)
    flip: bool = False  # facing left instead of right
    anchor: str = "toe_n"  # the point placed at `at`
    at: tuple[float, float | None] = (0.0, None)  # y None: stand on the floor (y = floor)
    floor: float = 0.0
    # Bend one angle until a point lands where it must: (field, joint, axis, value),
    # value measured from the anchor. E.g. a push-up's lean until the hands meet the floor.
    solve: tuple | None = None
    extra: dict = field(default_factory=dict)

    @property
    def view(self) -> str:
        return "front" if abs(self.yaw) >= 45 or abs(self.pitch) >= 45 else "side"

    def with_(self, **changes) -> "Pose":
        """A copy with some fields changed; "near_leg.flex" changes one angle of a limb."""
        pose = self
        for name, value in changes.items():
            limb, _, angle = name.partition(".")
            if angle:
                value = replace(getattr(pose, limb), **{angle: value})
            pose = replace(pose, **{limb: value})
        return pose

    def get(self, name: str) -> float:
        limb, _, angle = name.partition(".")
        return getattr(getattr(self, limb), angle) if angle else getattr(self, limb)


def _unit(theta: float, abd: float, side: float):
    t, a = math.radians(theta), math.radians(abd)
    return (math.cos(a) * math.cos(t), math.cos(a) * math.sin(t), side * math.sin(a))


def _add(p, d, length):
    return (p[0] + d[0] * length, p[1] + d[1] * length, p[2] + d[2] * length)


@dataclass
class Posed:
    """A pose's joints in 3-D (x forward, y up, z toward the viewer of a side view)
    and the directions of its segments, before projection."""
    joints: dict
    dirs: dict
    trunk_theta: float


def skeleton(pose: Pose) -> Posed:
    trunk = 90.0 - pose.lean
    joints, dirs = {}, {}
    hip = (0.0, 0.0, 0.0)
    shoulder = _add(hip, _unit(trunk, 0, 1), TRUNK)
    joints["hip"], joints["shoulder"] = hip, shoulder
    dirs["trunk"] = _unit(trunk, 0, 1)
    head_dir = _unit(trunk - pose.neck, 0, 1)
    back = _unit(trunk + 90, 0, 1)  # the back's side of the trunk
    head = _add(_add(shoulder, head_dir, HEAD_CENTRE), back, pose.head_back)
    joints["head"], dirs["neck"] = head, head_dir
    for tag, side, leg in (("n", 1.0, pose.near_leg), ("f", -1.0, pose.far_leg)):
        root = (0.0, 0.0, side * HIP_JOINTS / 2)
        abd2 = leg.abd if leg.abd2 is None else leg.abd2
        thigh_t = (270 if leg.upright else trunk + 180) + leg.flex
        shank_t = thigh_t - leg.bend
        d_thigh, d_shank = _unit(thigh_t, leg.abd, side), _unit(shank_t, abd2, side)
        knee = _add(root, d_thigh, THIGH)
        ankle = _add(knee, d_shank, SHANK)
        d_foot = _unit(0.0 if pose.feet_flat else shank_t + 90 - leg.point, abd2, side)
        joints.update({f"hipj_{tag}": root, f"knee_{tag}": knee, f"ankle_{tag}": ankle,
                       f"toe_{tag}": _add(ankle, d_foot, TOE),
                       f"heel_{tag}": _add(ankle, d_foot, TOE - FOOT)})
        dirs.update({f"thigh_{tag}": d_thigh, f"shank_{tag}": d_shank, f"foot_{tag}": d_foot})
    for tag, side, arm in (("n", 1.0, pose.near_arm), ("f", -1.0, pose.far_arm)):
        root = _add(shoulder, (0, 0, side), SHOULDER_JOINTS / 2)
        abd2 = arm.abd if arm.abd2 is None else arm.abd2
        upper_t = (270 if arm.upright else trunk + 180) + arm.flex
        fore_t = upper_t + arm.bend
        d_upper, d_fore = _unit(upper_t, arm.abd, side), _unit(fore_t, abd2, side)
        elbow = _add(root, d_upper, UPPER_ARM)
        wrist = _add(elbow, d_fore, FOREARM)
        joints.update({f"shoulderj_{tag}": root, f"elbow_{tag}": elbow, f"wrist_{tag}": wrist,
                       f"hand_{tag}": _add(wrist, _unit(fore_t + arm.point, abd2, side), FIST)})
        dirs.update({f"upper_arm_{tag}": d_upper, f"forearm_{tag}": d_fore})
    return Posed(joints, dirs, trunk)


def proportions() -> dict[str, float]:
    """The figure's segment lengths as fractions of its height, for checking."""
    return {"head": HEAD / H, "trunk": TRUNK / H, "thigh": THIGH / H, "shank": SHANK / H,
            "upper_arm": UPPER_ARM / H, "forearm": FOREARM / H, "foot": FOOT / H}
