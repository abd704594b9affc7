"""Typed content: what a project file and an exercise file may say.

These models are the contract of the two file kinds; `handout schema` prints them as
JSON Schema. Checks that need the file system (images exist, ids resolve) live in
`project.py`, because a model sees one file at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import re

from .typed import (
    AfterValidator, BeforeValidator, ConfigDict, Discriminator, Field, Model as Typed, Tag, field_validator,
    model_validator,
)

from .labels import check_label_key, label_keys, languages
from .paper import BOOKLET_SIZES, POSTER_SIZES

# Bounds on text keep a pasted document from passing `check` and then stalling the build.
MAX_TEXT = 5000
MAX_NAME = 200
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]


def read_seconds(value: object) -> object:
    """Seconds as trainers write them: 45, 45s, 45 s, 90 sec, 1 min, 1.5 min, 1:30."""
    if not isinstance(value, str):
        return value
    text = value.strip().lower().replace(",", ".")
    clock = re.fullmatch(r"(\d+):([0-5]\d)", text)
    if clock:
        return int(clock[1]) * 60 + int(clock[2])
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?)?\.?", text)
    if not match:
        raise ValueError(f"'{value}' is not a time Handout can read; the unit is seconds: "
                         "write 45, 45 s, 1.5 min or 1:30")
    number = float(match[1])
    return number * 60 if (match[2] or "s").startswith("m") else number


_SECONDS = Annotated[float, Field(ge=0, le=3600)]
Seconds = Annotated[_SECONDS, BeforeValidator(read_seconds, json_schema_input_type=_SECONDS | str),
                    Field(description="seconds: 45, 45 s, 1.5 min or 1:30")]

# One per message catalogue in generator/locales: a translator adds a language there.
LANGUAGES = languages()


class Model(Typed):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


def _size(value: object, allowed: tuple[str, ...]) -> object:
    """Sizes are case-insensitive; store the canonical spelling."""
    if isinstance(value, str):
        for name in allowed:
            if value.strip().lower() == name.lower():
                return name
        raise ValueError(f"expected one of {', '.join(allowed)}, got '{value}'")
    return value


LabelKey = Annotated[str, AfterValidator(check_label_key)]


# --- exercise files -----------------------------------------------------------------


class Tempo(Model):
    """Seconds for each phase of one repetition."""

    lift: Seconds | None = None
    hold: Seconds | None = Field(None, description="seconds held at the top of the lift")
    lower: Seconds | None = None
    pause: Seconds | None = Field(None, description="seconds at the start position between reps")


TEMPO_EXAMPLE = 'write tempo: "3-1-2-0" (lower, pause, lift, hold) or tempo: {lift: 2, lower: 3}'


def read_tempo(value: object) -> object:
    """Strength notation, "3-1-2-0" or "3120": lower, pause at the bottom, lift, hold at the top."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    parts = re.split(r"\s*[-\u2013/:]\s*|\s+", text) if re.search(r"[-\u2013/:\s]", text) else list(text)
    if not all(re.fullmatch(r"\d+(\.\d+)?", p) for p in parts):
        raise ValueError(f"'{value}' is not a tempo Handout can read: the unit is seconds; "
                         f"{TEMPO_EXAMPLE}")
    if len(parts) == 3:
        a, b, c = parts
        raise ValueError(f"'{value}' has three numbers, so it can be read two ways; write "
                         f"tempo: {{lift: {a}, hold: {b}, lower: {c}}} or tempo: \"{a}-{b}-{c}-0\" "
                         "(lower, pause, lift, hold)")
    if len(parts) != 4:
        raise ValueError(f"'{value}' needs four numbers; {TEMPO_EXAMPLE}")
    return dict(zip(("lower", "pause", "lift", "hold"), parts))


TempoInput = Annotated[str, Field(pattern=r"^\s*\d+(\s*[-\u2013/:]\s*\d+){3}\s*$|^\d{4}$")]


class Dose(Model):
    sets: Annotated[int, Field(ge=1, le=99)] | None = None
    reps: Annotated[int, Field(ge=1, le=999)] | Text | None = Field(
        None, description='a number, a range ("10-12", "10 to 12") or text ("as many as you can")'
    )
    hold: Seconds | None = Field(None, description="seconds to hold each repetition")
    rest: Seconds | None = Field(None, description="seconds of rest between sets")
    per_week: Annotated[int, Field(ge=1, le=14)] = Field(3, description="sessions a week")
    frequency: Text | None = Field(None, description="how often, shown as written")

    @field_validator("reps", mode="before")
    @classmethod
    def _range(cls, value: object) -> object:
        """ "10 to 12", "10-12" and "10–12" are one range, printed "10–12"."""
        if not isinstance(value, str):
            return value
        if value.strip().isdigit():
            return int(value)
        match = re.fullmatch(r"\s*(\d+)\s*(?:-|\u2013|\u2014|to)\s*(\d+)\s*", value)
        if not match:
            return value
        low, high = int(match[1]), int(match[2])
        if low > high:
            raise ValueError(f"'{value}' goes down; write the smaller number first: {high}\u2013{low}")
        return f"{low}\u2013{high}"


def _dose_form(value: object) -> str:
    """A dose is one dose, or one per phase by name ({Protect: {sets: 2}, Build: ...}):
    keys that are not a dose's own, each holding keys, name phases."""
    if (isinstance(value, dict) and value and not set(value) & set(Dose.model_fields)
            and all(isinstance(v, dict) for v in value.values())):
        return "phases"
    return "one"


DoseOrPhases = Annotated[
    Annotated[Dose, Tag("one")] | Annotated[dict[Name, Dose], Tag("phases")],
    Discriminator(_dose_form),
]
# Which side an exercise works: both in turn (the dose counts per side), or one only.
Side = Literal["each", "left", "right"]


class Exercise(Model):
    name: Name
    steps: Annotated[list[Text], Field(min_length=1)]
    image: Text | None = Field(None, description="PNG, JPEG or SVG, relative to the project")
    image_alt: Text | None = None
    image_fit: Literal["contain", "cover"] = "contain"
    image_focus: tuple[
        Annotated[float, Field(ge=0, le=1)], Annotated[float, Field(ge=0, le=1)]
    ] = (0.5, 0.5)
    targets: list[Text] = []
    equipment: list[Text] = []
    summary: Text | None = None
    setup: Text | None = None
    tempo: Annotated[Tempo, BeforeValidator(read_tempo, json_schema_input_type=Tempo | TempoInput)
                     ] | None = Field(None, description='seconds per phase, or "3-1-2-0": '
                                                        "lower, pause, lift, hold")
    breathing: Text | None = None
    dose: DoseOrPhases | None = Field(
        None, description="one dose, or one per phase by the phase's name: "
                          "{Protect: {sets: 2, reps: 8}, Build: {sets: 3, reps: 15}}")
    side: Side | None = Field(
        None, description="each: both sides in turn, the dose counts per side; left or right: that side only")
    cues: Annotated[list[Text], Field(max_length=4)] = Field(
        [], description="short poster cues, at most 4"
    )
    cautions: list[Text] = []
    mistakes: list[Text] = []
    progressions: list[Text] = []
    regressions: list[Text] = Field([], description="easier versions, printed as 'Make it easier'")
    video: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        None, description="an http(s) URL; printed as a QR code"
    )


# --- the project file -----------------------------------------------------------------


class Author(Model):
    name: Name
    role: Text | None = None
    organisation: Text | None = None
    bio: Text | None = None
    photo: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    web: Text | None = None


class Section(Model):
    title: Name
    body: Text


class Theme(Model):
    name: Literal["default", "bold", "high-contrast"] = "default"
    accent: Text | None = Field(None, description="a colour: #RRGGBB, #RGB or a CSS name")
    text: Text | None = Field(None, description="a colour: #RRGGBB, #RGB or a CSS name")
    logo: Text | None = Field(None, description="SVG or PNG, on the poster and the cover")
    fonts: dict[Literal["regular", "bold", "italic", "bold_italic"], Text] = Field(
        {}, description=".ttf files (TrueType outlines), relative to the project")
    corners: Literal["round", "square"] = "round"

    @field_validator("accent", "text")
    @classmethod
    def _colour(cls, value: str | None) -> str | None:
        return None if value is None else check_colour(value)

    @field_validator("fonts")
    @classmethod
    def _regular_face(cls, value: dict) -> dict:
        if value and "regular" not in value:
            raise ValueError("give a 'regular' face too: the other faces are variants of it")
        return value


def check_colour(value: str) -> str:
    """A hex colour or a CSS colour name, as written; else a message with a suggestion."""
    import difflib
    import re

    text = value.strip()
    if re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", text):
        return text
    names = _css_colours()
    if text.lower() in names:
        return text.lower()
    close = difflib.get_close_matches(text.lower(), names, n=1, cutoff=0.7)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise ValueError(f"expected a colour such as '#D9480F' or 'teal', got '{value}'{hint}")


def _css_colours() -> list[str]:
    from reportlab.lib.colors import getAllNamedColors

    return sorted(name for name in getAllNamedColors() if name.isalpha() and name.islower())


class PosterSettings(Model):
    size: str = "A3"
    orientation: Literal["portrait", "landscape"] = "portrait"
    title: Name | None = Field(None, description="the poster's title, if not the workout's")
    footer: Text | None = None
    bleed: Annotated[float, Field(ge=0, le=20)] = Field(0, description="millimetres")
    crop_marks: bool = False

    @field_validator("size", mode="before")
    @classmethod
    def _poster_size(cls, value: object) -> object:
        return _size(value, POSTER_SIZES)


class BookletSettings(Model):
    size: str = "A5"
    profile: Literal["email", "print"] = "email"
    layout: Literal["full", "half"] = "full"
    weeks: Annotated[int, Field(ge=1, le=52)] = Field(
        4, description="weeks of the log (with phases:, their sum instead)")
    log: Literal["ticks", "sets"] = "ticks"
    track: list[Literal["pain", "effort"]] = Field(
        [], description="per session in the log: pain (0-10) and effort (RPE 0-10)")

    @field_validator("track")
    @classmethod
    def _once_each(cls, value: list[str]) -> list[str]:
        if len(set(value)) < len(value):
            raise ValueError("names one thing twice; list each of pain and effort once")
        return value

    @field_validator("size", mode="before")
    @classmethod
    def _booklet_size(cls, value: object) -> object:
        return _size(value, BOOKLET_SIZES)


class MailSettings(Model):
    """How `handout send` reaches the trainer's mail server. The password comes only
    from the HANDOUT_SMTP_PASSWORD environment variable, never from a file. The server
    keys may instead live in the trainer's own config.yaml, which then wins."""

    model_config = ConfigDict(populate_by_name=True)
    host: Text | None = Field(None, description="the SMTP server, e.g. smtp.gmail.com")
    port: Annotated[int, Field(ge=1, le=65535)] | None = Field(
        None, description="default: 587 for starttls, 465 for ssl, 25 for none")
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: Text | None = Field(None, description="the login name, if the server needs one")
    sender: Text | None = Field(None, alias="from",
                                description="the From address: Name <address> or address")
    subject: Text | None = Field(None, description="a template: {{ client.name }}, {{ title }}, "
                                                   "{{ author.name }} work")


class Block(Model):
    """Part of a session: a warm-up, a circuit done in rounds, a cool-down."""

    title: Name
    exercises: Annotated[list[Text], Field(min_length=1)] = Field(
        description="exercise ids in order: the file names in exercises/ without .yaml")
    rounds: Annotated[int, Field(ge=1, le=20)] | None = Field(
        None, description="a circuit: the exercises back to back, this many rounds")
    rest: Seconds | None = Field(None, description="seconds of rest between rounds")

    @model_validator(mode="after")
    def _rest_between_rounds(self):
        if self.rest is not None and self.rounds is None:
            raise ValueError("rest is the rest between rounds: add rounds (how many), or give each "
                             "exercise's rest in its dose")
        return self


class Phase(Model):
    """A stretch of the programme with its own doses: Protect for 2 weeks, Build for 4."""

    name: Name
    weeks: Annotated[int, Field(ge=1, le=52)]


MAX_WEEKS = 52


class Project(Model):
    # Editors flag a project file with neither list, or with both.
    model_config = ConfigDict(**Model.model_config, json_schema_extra={
        "oneOf": [{"required": ["exercises"]}, {"required": ["blocks"]}]})
    title: Name
    exercises: Annotated[list[Text], Field(min_length=1)] | None = Field(
        None, description="exercise ids in order: the file names in exercises/ without .yaml "
                          "(or blocks:, not both)")
    blocks: Annotated[list[Block], Field(min_length=1)] | None = Field(
        None, description="the session in parts (warm-up, circuits, cool-down), each with its "
                          "exercise ids (or exercises:, not both)")
    phases: list[Phase] = Field([], description="stretches of weeks with their own doses, in order")
    subtitle: Text | None = None
    cover: Text | None = Field(None, description="image for the booklet cover")
    author: Author | None = None
    intro: Text | None = None
    sections: list[Section] = []
    tips: list[Section] = []
    credits: list[Text] = []
    theme: Theme = Theme()
    poster: PosterSettings = PosterSettings()
    booklet: BookletSettings = BookletSettings()
    language: Literal[LANGUAGES] = "en"  # type: ignore[valid-type]
    labels: dict[LabelKey, Text] = Field(
        {}, description="printed words replaced by the project's own, by label key",
        json_schema_extra={"propertyNames": {"enum": list(label_keys())}})  # editors complete keys
    mail: MailSettings | None = None

    @property
    def ids(self) -> list[tuple[str, tuple]]:
        """Every exercise id the workout lists, in order, with where: its key path."""
        if self.blocks is None:
            return [(ex_id, ("exercises", i)) for i, ex_id in enumerate(self.exercises or [])]
        return [(ex_id, ("blocks", b, "exercises", i)) for b, block in enumerate(self.blocks)
                for i, ex_id in enumerate(block.exercises)]

    @property
    def weeks(self) -> int:
        """The weeks of the programme and its log: the phases' sum, else booklet.weeks."""
        return sum(p.weeks for p in self.phases) if self.phases else self.booklet.weeks


# --- what loading yields -----------------------------------------------------------


class LoadedExercise(Typed):
    """An exercise with what the layout needs beyond its file's fields."""

    model_config = ConfigDict(frozen=True)
    id: str
    path: Path
    content: Exercise
    image_path: Path | None = None
    # With phases: the dose of each phase in order (content.dose is the first's), and
    # the doses as the file gives them, by phase name.
    doses: tuple[Dose | None, ...] = ()
    phase_doses: dict[str, Dose] = {}
