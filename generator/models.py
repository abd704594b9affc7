"""Typed content: what a project file and an exercise file may say.

These models are the contract of the two file kinds; `handout schema` prints them as
JSON Schema. Checks that need the file system (images exist, ids resolve) live in
`project.py`, because a model sees one file at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Text = Annotated[str, Field(min_length=1)]
Seconds = Annotated[float, Field(ge=0, le=3600)]

POSTER_SIZES = ("A4", "A3", "A2", "Letter", "Tabloid")
BOOKLET_SIZES = ("A5", "A4", "Letter")
LANGUAGES = ("en", "de", "fr", "es")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


def _size(value: object, allowed: tuple[str, ...]) -> object:
    """Sizes are case-insensitive; store the canonical spelling."""
    if isinstance(value, str):
        for name in allowed:
            if value.strip().lower() == name.lower():
                return name
        raise ValueError(f"expected one of {', '.join(allowed)}, got '{value}'")
    return value


# --- exercise files -----------------------------------------------------------------


class Tempo(Model):
    """Seconds for each phase of one repetition."""

    lift: Seconds | None = None
    hold: Seconds | None = None
    lower: Seconds | None = None


class Dose(Model):
    sets: Annotated[int, Field(ge=1, le=99)] | None = None
    reps: Annotated[int, Field(ge=1, le=999)] | Text | None = Field(
        None, description='a number, or text such as "10-12" or "as many as you can"'
    )
    hold: Seconds | None = Field(None, description="seconds to hold each repetition")
    rest: Seconds | None = Field(None, description="seconds of rest between sets")
    per_week: Annotated[int, Field(ge=1, le=14)] = Field(3, description="sessions a week")
    frequency: Text | None = Field(None, description="how often, shown as written")


class Exercise(Model):
    name: Text
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
    tempo: Tempo | None = None
    breathing: Text | None = None
    dose: Dose | None = None
    cues: Annotated[list[Text], Field(max_length=4)] = Field(
        [], description="short poster cues, at most 4"
    )
    cautions: list[Text] = []
    mistakes: list[Text] = []
    progressions: list[Text] = []
    video: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        None, description="an http(s) URL; printed as a QR code"
    )


# --- the project file -----------------------------------------------------------------


class Author(Model):
    name: Text
    role: Text | None = None
    organisation: Text | None = None
    bio: Text | None = None
    photo: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    web: Text | None = None


class Section(Model):
    title: Text
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
    title: Text | None = Field(None, description="the poster's title, if not the workout's")
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
    weeks: Annotated[int, Field(ge=1, le=52)] = 4
    log: Literal["ticks", "sets"] = "ticks"

    @field_validator("size", mode="before")
    @classmethod
    def _booklet_size(cls, value: object) -> object:
        return _size(value, BOOKLET_SIZES)


class MailSettings(Model):
    """How `handout send` reaches the trainer's mail server. The password comes only
    from the HANDOUT_SMTP_PASSWORD environment variable, never from a file."""

    model_config = ConfigDict(populate_by_name=True)
    host: Text | None = Field(None, description="the SMTP server, e.g. smtp.gmail.com")
    port: Annotated[int, Field(ge=1, le=65535)] | None = Field(
        None, description="default: 587 for starttls, 465 for ssl, 25 for none")
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: Text | None = Field(None, description="the login name, if the server needs one")
    sender: Text = Field(alias="from", description="the From address: Name <address> or address")
    subject: Text | None = Field(None, description="the subject line; {{ client.name }} works")


class Project(Model):
    title: Text
    exercises: Annotated[list[Text], Field(min_length=1)] = Field(
        description="exercise ids in order: the file names in exercises/ without .yaml"
    )
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
    mail: MailSettings | None = None


# --- what loading yields -----------------------------------------------------------


class LoadedExercise(BaseModel):
    """An exercise with what the layout needs beyond its file's fields."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    id: str
    path: Path
    content: Exercise
    image_path: Path | None = None
