"""A posed body as drawable parts: projected (side or front view), placed, in
drawing order, with its working muscles laid over the segments they belong to.

Tones: the start position is a light tint, the end position full ink, far-side limbs
a step lighter than near-side ones so a side view reads in depth. Muscles are the only
thing in the accent. The four greys and the accent differ in greyscale, so a
photocopy keeps them apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .body import H, HEAD_RADIUS, THICK, TRUNK, Pose, skeleton

PELVIS_BACK = 0.025 * H
ACCENT = "#D9480F"  # the theme's accent: working muscles only
TONES = {  # (pose tone, side) -> colour; grey values ~40, ~128, ~200, ~224
    ("end", "near"): "#1F2933", ("end", "far"): "#7B8794",
    ("start", "near"): "#C1C9D1", ("start", "far"): "#DDE2E7",
}


# Muscle -> (segment, from, to, side: +1 front / -1 back / 0 middle, width as a
# fraction of the segment's). "glutes" is a patch behind the hip instead.
MUSCLES = {
    "hamstrings": ("thigh", 0.22, 0.85, -1, 0.55), "quads": ("thigh", 0.15, 0.85, 1, 0.55),
    "hip flexors": ("thigh", 0.0, 0.35, 1, 0.55), "calves": ("shank", 0.08, 0.55, -1, 0.6),
    "adductors": ("thigh", 0.2, 0.8, 0, 0.5),
    "lower back": ("trunk", 0.06, 0.5, -1, 0.42), "upper back": ("trunk", 0.5, 0.9, -1, 0.42),
    "core": ("trunk", 0.1, 0.62, 1, 0.42), "chest": ("trunk", 0.62, 0.92, 1, 0.42),
    "obliques": ("trunk", 0.15, 0.65, 0, 0.42),
    "shoulders": ("upper_arm", 0.0, 0.38, 0, 0.7), "rear shoulders": ("upper_arm", 0.0, 0.4, -1, 0.6),
    "triceps": ("upper_arm", 0.3, 0.85, -1, 0.55), "biceps": ("upper_arm", 0.3, 0.85, 1, 0.55),
    "neck": ("neck", 0.25, 0.75, 1, 0.9),
}


# Each limb segment's joints, proximal first.
ENDS = {"thigh": ("hipj", "knee"), "shank": ("knee", "ankle"), "foot": ("heel", "toe"),
        "upper_arm": ("shoulderj", "elbow"), "forearm": ("elbow", "wrist"), "hand": ("wrist", "hand")}


def _rot(p, deg):
    a = math.radians(deg)
    return (p[0] * math.cos(a) - p[1] * math.sin(a), p[0] * math.sin(a) + p[1] * math.cos(a))


@dataclass
class Part:
    key: float
    shape: str  # line (polyline), poly, circle
    pts: list
    width: float = 0.0
    colour: str = ""
    fill: str | None = None


class Figure:
    """One pose, projected, placed and broken into parts."""

    def __init__(self, pose: Pose, tone: str):
        self.pose, self.tone = pose, tone
        self.sk = skeleton(pose)
        yaw, pitch = math.radians(pose.yaw), math.radians(pose.pitch)
        view = (math.sin(yaw) * math.cos(pitch), math.sin(pitch), math.cos(yaw) * math.cos(pitch))
        right = (math.cos(yaw), 0.0, -math.sin(yaw))
        up = (view[1] * right[2] - view[2] * right[1], view[2] * right[0] - view[0] * right[2],
              view[0] * right[1] - view[1] * right[0])
        dot = lambda p, v: p[0] * v[0] + p[1] * v[1] + p[2] * v[2]  # noqa: E731
        self._project = lambda p: (dot(p, right), dot(p, up))
        self._depth = lambda p: dot(p, view)
        self.joints = {k: self._to2d(v) for k, v in self.sk.joints.items()}
        self.parts = self._parts()

    def _to2d(self, p3):
        x, y = _rot(self._project(p3), self.pose.turn)
        return (-x if self.pose.flip else x, y)

    def place(self, x, y):
        dx, dy = x - self.joints[self.pose.anchor][0], y - self.joints[self.pose.anchor][1]
        self.joints = {k: (v[0] + dx, v[1] + dy) for k, v in self.joints.items()}
        for part in self.parts:
            part.pts = [(p[0] + dx, p[1] + dy) for p in part.pts]

    def lowest(self) -> float:
        return min(p[1] - (part.width / 2 if part.shape != "circle" else part.width)
                   for part in self.parts for p in part.pts)

    def _colour(self, side):
        near = side == "n" or self.pose.view == "front"
        return TONES[(self.tone, "near" if near else "far")]

    def _key(self, side, order, a=None, b=None):
        if self.pose.view == "front":
            return 0.001 * order + (self._depth(a) + self._depth(b)) / 2 if a else 0.001 * order
        return {"f": -10, "n": 10}.get(side, 0) + order

    def segment(self, name):
        """The segment's centre line as a quadratic (p0, control, p1) and its front normal."""
        j = self.joints
        if name == "trunk":
            p0, p1 = self._pelvis(), self._trunk_top()
            ctrl = _lerp(p0, p1, 0.5)
            bulge = self.pose.spine * TRUNK * 2 if self.pose.view == "side" else 0.0
            front = self._normal(p0, p1, -1)
            ctrl = (ctrl[0] - front[0] * bulge, ctrl[1] - front[1] * bulge)  # toward the back
            return p0, ctrl, p1, self._normal(p0, p1, -1)
        if name.startswith("neck"):
            p0, p1 = j["shoulder"], j["head"]
            return p0, _lerp(p0, p1, 0.5), p1, self._normal(p0, p1, -1)
        base, side = name.rsplit("_", 1)
        start, end = ENDS[base]
        p0, p1 = j[f"{start}_{side}"], j[f"{end}_{side}"]
        return p0, _lerp(p0, p1, 0.5), p1, self._normal(p0, p1, 1)

    def _normal(self, p0, p1, sense):
        """A unit normal of p0->p1: sense +1 = the limb's front (+90°), trunk's front is -90°."""
        dx, dy = p1[0] - p0[0], p1[1] - p0[1]
        n = math.hypot(dx, dy) or 1.0
        nx, ny = (-dy / n, dx / n) if sense > 0 else (dy / n, -dx / n)
        return (-nx, -ny) if self.pose.flip else (nx, ny)  # a mirror swaps the sides

    def _pelvis(self):
        """The trunk's lower end sits behind the hip joints (the thighs join the
        pelvis at its front), which also keeps a back level on all fours."""
        hip, sh = self.joints["hip"], self.joints["shoulder"]
        if self.pose.view != "side":
            return hip
        front = self._normal(hip, sh, -1)
        return (hip[0] - front[0] * PELVIS_BACK, hip[1] - front[1] * PELVIS_BACK)

    def _trunk_top(self):
        hip, sh = self.joints["hip"], self.joints["shoulder"]
        return _lerp(hip, sh, 0.9) if self.pose.view == "side" else sh

    def _parts(self) -> list[Part]:
        parts, j = [], self.joints
        side_view = self.pose.view == "side"
        if side_view:
            p0, c, p1, _ = self.segment("trunk")
            parts.append(Part(0, "line", _quad(p0, c, p1), THICK["trunk"], self._colour("n")))
        else:
            quad = [j["shoulderj_n"], j["shoulderj_f"], j["hipj_f"], j["hipj_n"]]
            parts.append(Part(0, "poly", quad, THICK["thigh"], self._colour("n"), self._colour("n")))
            parts.append(Part(0.0005, "line", [j["shoulder"], j["head"]], THICK["neck"], self._colour("n")))
        parts.append(Part(0.5 if side_view else 0.0006, "circle", [j["head"]], HEAD_RADIUS,
                          self._colour("n")))
        for side in ("f", "n"):
            for order, chain in ((1, ("thigh", "shank", "foot")), (2, ("upper_arm", "forearm", "hand"))):
                for seg in chain:
                    p0, _, p1, _ = self.segment(f"{seg}_{side}")
                    a3, b3 = self._seg3d(seg, side)
                    parts.append(Part(self._key(side, order, a3, b3), "line", [p0, p1], THICK[seg],
                                      self._colour(side)))
        parts.sort(key=lambda p: p.key)
        return parts

    def _seg3d(self, seg, side):
        start, end = ENDS[seg]
        return self.sk.joints[f"{start}_{side}"], self.sk.joints[f"{end}_{side}"]

    def muscle(self, name: str) -> Part:
        muscle, _, side = name.partition(":")
        tag = "f" if side == "far" else "n"
        if muscle == "glutes":
            if self.pose.view == "front":  # the side of the hip, over the thigh's top
                centre = self.joints[f"hipj_{tag}"]
                return Part(100.0, "circle", [centre], 0.031 * H, ACCENT)
            else:
                t, th = self.segment("trunk")[3], self.segment(f"thigh_{tag}")[3]
                back = (-(t[0] + th[0]), -(t[1] + th[1]))
                n = math.hypot(*back) or 1.0
                hip = self.joints["hip"]
                centre = (hip[0] + back[0] / n * 0.036 * H, hip[1] + back[1] / n * 0.036 * H)
            return Part(self._key(tag, 1.5) + 0.0009, "circle", [centre], 0.031 * H, ACCENT)
        seg, f0, f1, sense, frac = MUSCLES[muscle]
        full = seg if seg in ("trunk", "neck") else f"{seg}_{tag}"
        p0, c, p1, normal = self.segment(full)
        thick = THICK[seg]
        shift = 0.0 if self.pose.view == "front" else sense * thick * (1 - frac) / 2
        pts = [(x + normal[0] * shift, y + normal[1] * shift)
               for x, y in _quad(p0, c, p1, f0, f1)]
        return Part(self._muscle_key(seg, tag), "line", pts, thick * frac, ACCENT)

    def _muscle_key(self, seg, tag):
        if seg in ("trunk", "neck"):
            return 0.0009
        order = 1 if seg in ("thigh", "shank") else 2
        if self.pose.view == "front":
            a3, b3 = self._seg3d(seg, tag)
            return self._key(tag, order, a3, b3) + 0.0001
        return self._key(tag, order) + 0.1


def _lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _quad(p0, c, p1, t0=0.0, t1=1.0, steps=8):
    straight = abs((c[0] - (p0[0] + p1[0]) / 2)) < 1e-9 and abs(c[1] - (p0[1] + p1[1]) / 2) < 1e-9
    n = 1 if straight else steps
    out = []
    for i in range(n + 1):
        t = t0 + (t1 - t0) * i / n
        out.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1]))
    return out
