"""The words the handout prints around a trainer's text, per `language`.

The words live in gettext catalogues, `locales/<language>/LC_MESSAGES/handout.po`,
compiled by Babel to `handout.mo`; the msgid of each word is its label key
("about_author"), the same key `labels:` in handout.yaml overrides. A translator adds
a language by adding a catalogue: the languages `language:` accepts are the
catalogues found. Dates come from CLDR through Babel, so they are right per language
and do not depend on the machine's locale.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import gettext
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "handout"
# The English catalogue holds every key; its texts are what the README lists.
REFERENCE = "en"
# CLDR's plain "en" writes "December 7, 2026"; the handout's English is British.
DATE_LOCALES = {"en": "en_GB"}


def languages() -> tuple[str, ...]:
    """Every language with a compiled catalogue, sorted."""
    return tuple(sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")))


@functools.cache
def _catalogue(language: str) -> dict[str, str]:
    with (LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        messages = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    return {key: text for key, text in messages.items() if key}  # "" is the header


def label_keys() -> tuple[str, ...]:
    return tuple(_catalogue(REFERENCE))


def check_label_key(key: str) -> str:
    """`key` if it names a label, else a message with the nearest key."""
    keys = label_keys()
    if key in keys:
        return key
    message = f"unknown label '{key}'"
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    raise ValueError(f"{message}; did you mean '{close[0]}'?" if close
                     else f"{message}; the README lists every label key")


class Labels(Mapping):
    """The printed words of one language, with the project's own overrides on top.
    A key the language's catalogue lacks falls back to English."""

    def __init__(self, language: str, overrides: Mapping[str, str] | None = None):
        self.language = language
        self.date_locale = DATE_LOCALES.get(language, language)
        self._words = {**_catalogue(REFERENCE), **_catalogue(language), **(overrides or {})}

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def labels_for(language: str, overrides: Mapping[str, str] | None = None) -> Labels:
    return Labels(language, overrides)


# Babel is imported only here: loading it and its locale data costs a build that
# prints no date about a tenth of a second.
def long_date(day: dt.date, labels: Labels) -> str:
    """"7 December 2026", "7 de diciembre de 2026": CLDR's long form."""
    from babel.dates import format_date

    return format_date(day, "long", locale=labels.date_locale)


def short_date(day: dt.date, labels: Labels) -> str:
    """"7 Dec", "7. Dez.", for the log's week headings."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=labels.date_locale)


def weekday(day: dt.date, labels: Labels) -> str:
    from babel.dates import format_date

    return format_date(day, "EEEE", locale=labels.date_locale)
