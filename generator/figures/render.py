"""A drawing (poses, muscles, movement, props) to a small, plain SVG.

Only line, path, circle and polygon elements with fill and stroke attributes, no
transforms, no text: what generator/svg.py reads, and what any editor opens. The
picture is cropped to its content with a small margin (the viewBox); numbers are
rounded so the same data always gives the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .body import H, THICK, Pose
from .figure import Figure, Part

PROP_LINE, PROP_FILL, PROP_TINT = "#616E7C", "#E4E7EB", "#CDD3D9"
FLOOR = "#52606D"
ARROW = "#3E4C59"
MARGIN = 0.035 * H
SCALE = 3.0  # px per drawing unit: 300-400 px wide, like the hand-made drawings
MAT = 0.02 * H  # a mat's thickness
PROP_W = 0.016 * H  # props' outline


@dataclass(frozen=True)
class Ref:
    """A point of a posed figure (`pose` index, joint name) plus an offset."""
    pose: int
    joint: str
    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True)
class Arrow:
    start: Ref | tuple
    end: Ref | tuple
    bend: float = 0.25  # sagitta as a fraction of the chord; + bulges left of start->end


@dataclass(frozen=True)
class Prop:
    kind: str  # mat, step, chair, wall, band, dumbbell, ball
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Drawing:
    id: str
    poses: tuple[Pose, ...]  # the first is the start (tint), the last the end (ink)
    muscles: tuple[str, ...] = ()  # drawn on the last pose
    arrows: tuple[Arrow, ...] = ()
    props: tuple[Prop, ...] = ()
    # A front view sorts every pose's parts by depth together, so a start hand held
    # toward the viewer shows over the end's trunk; True draws the start whole behind
    # the end instead (a body that moves across the picture, like a side plank's).
    start_behind: bool = False


def figures(drawing: Drawing) -> list[Figure]:
    last = len(drawing.poses) - 1
    return [_placed(pose, "end" if i == last else "start") for i, pose in enumerate(drawing.poses)]


def _placed(pose: Pose, tone: str) -> Figure:
    if pose.solve:
        pose = _solved(pose)
    fig = Figure(pose, tone)
    x, y = pose.at
    if y is None:  # stands (or lies) on the floor
        fig.place(x, 0.0)
        fig.place(x, fig.joints[pose.anchor][1] - fig.lowest() + pose.floor)
    else:
        fig.place(x, y)
    return fig


def _solved(pose: Pose) -> Pose:
    """The pose with one angle changed until a joint sits where `solve` says."""
    name, joint, axis, want = pose.solve
    index = 0 if axis == "x" else 1

    def miss(value):
        fig = Figure(pose.with_(**{name: value}), "end")
        return fig.joints[joint][index] - fig.joints[pose.anchor][index] - want

    base = pose.get(name)
    best = min((base + step for step in range(-90, 91)), key=lambda v: abs(miss(v)))
    low, high = best - 1.0, best + 1.0
    for _ in range(40):  # bisection where the sign changes, else the nearest degree
        mid = (low + high) / 2
        if miss(low) * miss(mid) <= 0:
            high = mid
        elif miss(mid) * miss(high) <= 0:
            low = mid
        else:
            break
    return pose.with_(**{name: round((low + high) / 2, 3), "solve": None})


def svg(drawing: Drawing) -> str:
    figs = figures(drawing)
    layers = _props(drawing, figs)
    body = _ordered(figs, [figs[-1].muscle(m) for m in drawing.muscles], layers, drawing.start_behind)
    arrows = [_arrow(a, figs) for a in drawing.arrows]
    box = _bounds(body + [p for group in arrows for p in group])
    floor_y = min([0.0] + [p.pts[0][1] for p in layers["floor"]])
    floor = Part(0, "line", [(box[0] - 0.05 * H, floor_y), (box[2] + 0.05 * H, floor_y)],
                 0.012 * H, FLOOR)
    everything = layers["floor"] + [floor] + body + [p for group in arrows for p in group]
    return _write(drawing.id, everything)


def _ordered(figs, muscles, layers, start_behind=False):
    """Props behind the body; each pose's parts together, start first, each in its
    depth order; held props (dumbbell, band) in front of their pose."""
    out = list(layers["back"])
    if figs[-1].pose.view == "front" and not start_behind:
        # Seen from the front, hands held out toward the viewer at the start must
        # stay visible over the end position's trunk: one depth order for all poses.
        own = [p for fig in figs for p in fig.parts] + muscles
        return out + sorted(own, key=lambda p: p.key) + [
            p for index in range(len(figs)) for p in layers["front"].get(index, [])]
    for index, fig in enumerate(figs):
        own = fig.parts + (muscles if index == len(figs) - 1 else [])
        out += sorted(own, key=lambda p: p.key) + layers["front"].get(index, [])
    return out


def _point(ref, figs):
    if isinstance(ref, Ref):
        x, y = figs[ref.pose].joints[ref.joint]
        return (x + ref.dx, y + ref.dy)
    return tuple(ref)


def _props(drawing, figs):
    layers = {"floor": [], "back": [], "front": {}}
    last = len(figs) - 1
    xs = [p[0] for f in figs for part in f.parts for p in part.pts]
    for prop in drawing.props:
        a = {k: (_point(v, figs) if isinstance(v, Ref) else v) for k, v in prop.args.items()}
        pose = a.get("pose", last)
        line = PROP_LINE if pose == last else PROP_TINT
        if prop.kind == "mat":
            x0, x1 = a.get("x0", min(xs) - 0.04 * H), a.get("x1", max(xs) + 0.04 * H)
            layers["floor"].append(Part(0, "poly", _rect(x0, -MAT, x1, 0), 0.0, PROP_TINT, PROP_TINT))
        elif prop.kind == "step":
            x0, x1, top = _x(a["x0"]), _x(a["x1"]), _y(a["top"])
            layers["back"].append(Part(0, "poly", _rect(x0, 0, x1, top), PROP_W, PROP_LINE, PROP_FILL))
        elif prop.kind == "wall":
            x, side = _x(a["x"]), a.get("side", 1)
            layers["back"].append(Part(0, "poly", _rect(x, 0, x + side * 0.05 * H, a.get("height", 0.95 * H)),
                                       PROP_W, PROP_LINE, PROP_FILL))
        elif prop.kind == "chair":
            layers["back"] += _chair(a["seat"], a.get("facing", 1), a.get("back", True))
        elif prop.kind == "ball":
            c = a["centre"]
            layers["back"].append(Part(0, "circle", [c], a["r"], PROP_LINE, PROP_FILL))
        elif prop.kind == "band":
            pts = [(_point(p, figs)) for p in a["points"]]
            layers["front"].setdefault(pose, []).append(Part(0, "line", pts, 0.01 * H, line))
        elif prop.kind == "stick":  # along the back, touching head, upper back and tailbone
            layers["front"].setdefault(pose, []).append(_stick(figs[pose], line))
        elif prop.kind == "dumbbell":
            layers["front"].setdefault(pose, []).extend(_dumbbell(figs[pose], a.get("side", "n"), line))
    return layers


def _x(value):
    return value[0] if isinstance(value, tuple) else value


def _y(value):
    return value[1] if isinstance(value, tuple) else value


def _rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _chair(seat, facing, back):
    """A plain chair in side view; `seat` is the front edge of the seat's top."""
    x, y = seat
    depth = 0.22 * H * facing
    parts = [Part(0, "line", [(x, y - 0.01 * H), (x - depth, y - 0.01 * H)], 0.03 * H, PROP_LINE),
             Part(0, "line", [(x - 0.02 * H * facing, y), (x - 0.02 * H * facing, 0)], PROP_W, PROP_LINE),
             Part(0, "line", [(x - depth + 0.02 * H * facing, y), (x - depth + 0.02 * H * facing, 0)],
                  PROP_W, PROP_LINE)]
    if back:
        parts.append(Part(0, "line", [(x - depth + 0.02 * H * facing, y), (x - depth, y + 0.26 * H)],
                          PROP_W, PROP_LINE))
    return parts


def _stick(fig, colour):
    p0, _, p1, front = fig.segment("trunk")
    off = THICK["trunk"] / 2 + 0.012 * H
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    a = (p0[0] - front[0] * off - dx * 0.2, p0[1] - front[1] * off - dy * 0.2)
    b = (p1[0] - front[0] * off + dx * 1.05, p1[1] - front[1] * off + dy * 1.05)
    return Part(0, "line", [a, b], 0.02 * H, colour)


def _dumbbell(fig, side, colour):
    """A dumbbell in the hand, its handle across the forearm (a neutral grip)."""
    hand, wrist = fig.joints[f"hand_{side}"], fig.joints[f"wrist_{side}"]
    dx, dy = hand[0] - wrist[0], hand[1] - wrist[1]
    n = math.hypot(dx, dy) or 1.0
    ax, ay = -dy / n, dx / n
    half = 0.06 * H
    a, b = (hand[0] - ax * half, hand[1] - ay * half), (hand[0] + ax * half, hand[1] + ay * half)
    plate = 0.035 * H
    parts = [Part(0, "line", [a, b], 0.018 * H, colour)]
    for end in (a, b):
        parts.append(Part(0, "line", [(end[0] - dx / n * plate, end[1] - dy / n * plate),
                                      (end[0] + dx / n * plate, end[1] + dy / n * plate)], 0.035 * H, colour))
    return parts


def _arrow(arrow: Arrow, figs) -> list[Part]:
    """One style everywhere: a thin curved shaft and a solid head."""
    a, b = _point(arrow.start, figs), _point(arrow.end, figs)
    dx, dy = b[0] - a[0], b[1] - a[1]
    chord = math.hypot(dx, dy) or 1.0
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    c = (mid[0] - dy / chord * arrow.bend * chord * 2, mid[1] + dx / chord * arrow.bend * chord * 2)
    tx, ty = b[0] - c[0], b[1] - c[1]
    tn = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tn, ty / tn
    head, half = 0.055 * H, 0.032 * H
    base = (b[0] - tx * head, b[1] - ty * head)
    shaft = [_bez(a, c, base, i / 12) for i in range(13)]
    tip = [b, (base[0] - ty * half, base[1] + tx * half), (base[0] + ty * half, base[1] - tx * half)]
    return [Part(0, "line", shaft, 0.016 * H, ARROW), Part(0, "poly", tip, 0.0, ARROW, ARROW)]


def _bez(p0, c, p1, t):
    return ((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1])


def _bounds(parts):
    xs0, ys0, xs1, ys1 = [], [], [], []
    for part in parts:
        r = part.width if part.shape == "circle" else part.width / 2
        for x, y in part.pts:
            xs0.append(x - r), ys0.append(y - r), xs1.append(x + r), ys1.append(y + r)
    return min(xs0), min(ys0), max(xs1), max(ys1)


def _n(v: float) -> str:
    text = f"{v:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def _write(name: str, parts: list[Part]) -> str:
    x0, y0, x1, y1 = _bounds(parts)
    x0, y0, x1, y1 = x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN
    w, h = x1 - x0, y1 - y0
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(w * SCALE)}" height="{_n(h * SCALE)}" '
             f'viewBox="{_n(x0)} {_n(-y1)} {_n(w)} {_n(h)}">',
             f"  <!-- {name}: made by `python -m generator.figures` from generator/figures/; "
             "edit the data there, not this file -->"]
    for part in parts:
        pts = [(x, -y) for x, y in part.pts]  # SVG's y grows downwards
        if part.shape == "circle":
            (cx, cy), = pts
            paint = (f'fill="{part.fill}" stroke="{part.colour}" stroke-width="{_n(PROP_W)}"'
                     if part.fill else f'fill="{part.colour}"')
            lines.append(f'  <circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(part.width)}" {paint}/>')
        elif part.shape == "poly":
            text = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
            stroke = (f' stroke="{part.colour}" stroke-width="{_n(part.width)}" stroke-linejoin="round"'
                      if part.width else "")
            lines.append(f'  <polygon points="{text}" fill="{part.fill}"{stroke}/>')
        elif len(pts) == 2:
            (ax, ay), (bx, by) = pts
            lines.append(f'  <line x1="{_n(ax)}" y1="{_n(ay)}" x2="{_n(bx)}" y2="{_n(by)}" '
                         f'stroke="{part.colour}" stroke-width="{_n(part.width)}" stroke-linecap="round"/>')
        else:
            d = "M " + " L ".join(f"{_n(x)} {_n(y)}" for x, y in pts)
            lines.append(f'  <path d="{d}" fill="none" stroke="{part.colour}" stroke-width="{_n(part.width)}" '
                         'stroke-linecap="round" stroke-linejoin="round"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"
