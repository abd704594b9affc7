"""Whole projects made up by hypothesis, across the content model.

`projects()` draws a project as plain data (the YAML files' content, the client list)
Half the projects are programmes: their exercises in blocks (circuits done in rounds),
phases with doses per phase, sides, regressions, a tracked log and clients working one
side. `write_project` puts a project on disk with three small pictures (an SVG drawing, a PNG
with transparency and a JPEG turned by its EXIF tag). The text mixes Latin, Greek and
Cyrillic letters with `& < > *` and punctuation, from one character to 600.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import yaml
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent

LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "áéíóúñüßçœčćšžłøåÁÉÑÜÇŠŽ"
    "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΛΣΩάέή"
    "абвгдежзийклмнопрстуфхцчшщыэюяАБВГДЖЗИЙЛПФЦЧШЩЭЮЯё"
)
PUNCTUATION = " .,;:!?-'\"()&<>*/%+#@0123456789–—…"


def text(max_size: int = 600, min_size: int = 1):
    """Trainer's text: mostly words, sometimes long, with the characters that break markup."""
    word = st.text(st.sampled_from(LETTERS), min_size=1, max_size=14)
    glue = st.sampled_from([" ", " ", " ", ", ", ". ", " & ", " < ", " > ", " *", "* ", ": ", " - ", "\n"])
    words = st.lists(st.tuples(word, glue), min_size=1, max_size=max(1, max_size // 6)).map(
        lambda pairs: "".join(w + g for w, g in pairs).strip())
    raw = st.text(st.sampled_from(LETTERS + PUNCTUATION), min_size=min_size, max_size=max_size)
    return st.one_of(words, words, raw).map(lambda s: s[:max_size]).filter(
        lambda s: len(s) >= min_size and s.strip())


def short_text():
    return text(max_size=60)


def maybe(strategy):
    """Absent (None, so the key is left out) or present."""
    return st.one_of(st.none(), strategy)


SECONDS = st.one_of(st.integers(0, 600), st.floats(0, 600, allow_nan=False).map(lambda f: round(f, 1)),
                    st.sampled_from(["45s", "45 s", "1 min", "90 sec", "1.5 min"]))
REPS = st.one_of(st.integers(1, 999), st.sampled_from(["10-12", "8–10", "10 to 12", "as many as you can",
                                                       "hasta el fallo", "5 je Seite"]))
FREQUENCY = st.sampled_from(["daily", "every day", "twice a day", "every other day", "a diario",
                             "dos veces al día", "cada dos días", "täglich", "zweimal täglich",
                             "un jour sur deux", "tous les jours", "Mondays and Thursdays",
                             "after every run"])
TEMPO = st.one_of(
    st.fixed_dictionaries({}, optional={"lift": SECONDS, "hold": SECONDS, "lower": SECONDS}),
    st.sampled_from(["3-1-2-0", "3120", "2-0-2-0", "4-2-1-1"]),
)


@st.composite
def doses(draw):
    optional = {"sets": st.integers(1, 99), "reps": REPS, "hold": SECONDS, "rest": SECONDS,
                "per_week": st.integers(1, 14), "frequency": FREQUENCY}
    return draw(st.fixed_dictionaries({}, optional=optional))


SIDES = st.sampled_from(["each", "left", "right"])
PHASE_NAMES = st.one_of(st.sampled_from(["Protect", "Build", "Build up", "Load", "Return", "Protección",
                                         "Fuerza", "Aufbau", "Belastung", "Phase 2", "Semaine 1-2"]),
                        short_text())


@st.composite
def phases(draw):
    """1-4 phases, names unique, their weeks adding up to at most 52."""
    names = draw(st.lists(PHASE_NAMES, min_size=1, max_size=4, unique_by=lambda n: n.strip().casefold()))
    return [{"name": name, "weeks": draw(st.integers(1, 52 // len(names)))} for name in names]


@st.composite
def phase_doses(draw, names: list[str]):
    """A dose for some of the phases, by name, in the phases' order; the others keep the one before."""
    given = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    return {name: draw(doses()) for name in names if name in given}


@st.composite
def blocks(draw, ids: list[str]):
    """The exercises in order, cut into 1-4 blocks; some are circuits with rounds and a rest."""
    cuts = sorted(draw(st.lists(st.integers(1, max(1, len(ids) - 1)), max_size=min(3, len(ids) - 1),
                                unique=True))) if len(ids) > 1 else []
    out = []
    for start, end in zip([0, *cuts], [*cuts, len(ids)]):
        block = {"title": draw(short_text()), "exercises": ids[start:end]}
        if draw(st.booleans()):
            block["rounds"] = draw(st.integers(1, 20))
            if draw(st.booleans()):
                block["rest"] = draw(SECONDS)
        out.append(block)
    return out


@st.composite
def exercises(draw, pictures: list[str], phase_names: list[str] | None = None):
    ex = {"name": draw(text(max_size=200)), "steps": draw(st.lists(text(), min_size=1, max_size=8))}
    optional = {
        "image": st.sampled_from(pictures),
        "image_alt": short_text(),
        "image_fit": st.sampled_from(["contain", "cover"]),
        "image_focus": st.tuples(st.floats(0, 1), st.floats(0, 1)).map(list),
        "targets": st.lists(short_text(), max_size=5),
        "equipment": st.lists(short_text(), max_size=4),
        "summary": text(max_size=200),
        "setup": text(),
        "tempo": TEMPO,
        "breathing": text(max_size=200),
        "dose": doses(),
        "cues": st.lists(text(max_size=60), max_size=4),
        "cautions": st.lists(text(max_size=300), max_size=6),
        "mistakes": st.lists(text(max_size=200), max_size=5),
        "progressions": st.lists(text(max_size=200), max_size=5),
        "regressions": st.lists(text(max_size=200), max_size=5),
        "side": SIDES,
        "video": st.sampled_from(["https://example.com/v/1", "http://vimeo.example/123?t=4&x=<y>"]),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            ex[key] = draw(strategy)
    if phase_names and draw(st.booleans()):
        ex["dose"] = draw(phase_doses(phase_names))
    return ex


def sections():
    return st.lists(st.fixed_dictionaries({"title": short_text(), "body": text()}), max_size=3)


@st.composite
def projects(draw, max_exercises: int = 30):
    from generator.models import LANGUAGES

    pictures = ["images/drawing.svg", "images/photo.jpg", "images/transparent.png"]
    count = draw(st.integers(1, max_exercises))
    ids = [f"ex-{i}" for i in range(count)]
    project = {"title": draw(text(max_size=120)), "language": draw(st.sampled_from(list(LANGUAGES)))}
    if draw(st.booleans()):
        project["blocks"] = draw(blocks(ids))
    else:
        project["exercises"] = ids
    if draw(st.booleans()):
        project["phases"] = draw(phases())
    optional = {
        "subtitle": text(max_size=200),
        "intro": text(),
        "sections": sections(),
        "tips": sections(),
        "credits": st.lists(short_text(), max_size=3),
        "author": st.fixed_dictionaries({"name": short_text()}, optional={
            "role": short_text(), "organisation": short_text(), "bio": text(),
            "email": st.just("coach@example.com"), "phone": st.just("+34 600 000 000"),
            "web": st.just("example.com")}),
        "cover": st.sampled_from(pictures),
        "theme": st.fixed_dictionaries({"name": st.sampled_from(["default", "bold", "high-contrast"])},
                                       optional={"accent": st.sampled_from(["#1A7F5A", "teal", "#c00"]),
                                                 "corners": st.sampled_from(["round", "square"])}),
        "poster": st.fixed_dictionaries({}, optional={
            "size": st.sampled_from(["A4", "a3", "A2", "Letter", "tabloid"]),
            "orientation": st.sampled_from(["portrait", "landscape"]),
            "footer": short_text(), "bleed": st.sampled_from([0, 3]), "crop_marks": st.booleans()}),
        "booklet": st.fixed_dictionaries({}, optional={
            "size": st.sampled_from(["A5", "A4", "Letter"]),
            "layout": st.sampled_from(["full", "half"]),
            "log": st.sampled_from(["ticks", "sets"]),
            "track": st.lists(st.sampled_from(["pain", "effort"]), max_size=2, unique=True)}),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            project[key] = draw(strategy)
    if "phases" not in project and "booklet" in project and draw(st.booleans()):
        project["booklet"]["weeks"] = draw(st.integers(1, 52))  # the phases' sum replaces it
    phase_names = [phase["name"] for phase in project.get("phases", [])]
    files = {ex_id: draw(exercises(pictures, phase_names)) for ex_id in ids}
    clients = draw(maybe(client_lists(ids)))
    return {"project": project, "exercises": files, "clients": clients}


@st.composite
def client_lists(draw, ids: list[str]):
    count = draw(st.integers(1, 4))
    out = []
    for n in range(count):
        client = {"name": f"{draw(short_text())} {n}", "email": f"client{n}@example.com"}
        if draw(st.booleans()):
            client["start"] = draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))).isoformat()
        if draw(st.booleans()):
            client["note"] = draw(text(max_size=300))
        if draw(st.booleans()):
            client["exercises"] = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids),
                                                unique=True))
        if draw(st.booleans()):
            chosen = draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
            client["doses"] = {ex_id: draw(client_doses()) for ex_id in chosen}
        out.append(client)
    return out


@st.composite
def client_doses(draw):
    """A client's own dose: some keys of a dose, sometimes the side they work."""
    dose = draw(doses())
    if draw(st.booleans()):
        dose["side"] = draw(SIDES)
    return dose


def write_project(root: Path, drawn: dict) -> Path:
    """The drawn project as files under `root`, with its pictures."""
    root.mkdir(parents=True, exist_ok=True)
    _pictures(root / "images")
    dump(root / "handout.yaml", drawn["project"])
    (root / "exercises").mkdir(exist_ok=True)
    for ex_id, content in drawn["exercises"].items():
        dump(root / "exercises" / f"{ex_id}.yaml", content)
    if drawn["clients"]:
        dump(root / "clients.yaml", drawn["clients"])
    return root


def dump(path: Path, data) -> None:
    """`data` as a YAML file, as a trainer's editor keeps accents."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


_PICTURES: dict[str, bytes] = {}


def _pictures(folder: Path) -> None:
    if not _PICTURES:
        from PIL import Image

        _PICTURES["drawing.svg"] = (REPO / "assets" / "images" / "hip-raise.svg").read_bytes()
        photo = io.BytesIO()
        exif = Image.Exif()
        exif[0x0112] = 6
        Image.new("RGB", (640, 480), (180, 120, 90)).save(photo, "JPEG", exif=exif.tobytes())
        _PICTURES["photo.jpg"] = photo.getvalue()
        png = io.BytesIO()
        Image.new("RGBA", (300, 200), (20, 120, 200, 128)).save(png, "PNG")
        _PICTURES["transparent.png"] = png.getvalue()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _PICTURES.items():
        (folder / name).write_bytes(data)


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest
