"""How often an exercise is done, read from the words trainers write.

`dose.frequency` is printed as written; when it is a phrase this table knows and
`dose.per_week` was not given, it also sets the sessions a week that the log counts.
"""

from __future__ import annotations

import unicodedata

DEFAULT_PER_WEEK = 3

# Every other day is 3.5 sessions a week; the log rounds up to 4 so that a client
# who starts on the first day of the week has a box for each session.
SESSIONS = {
    # English
    "daily": 7, "every day": 7, "everyday": 7, "once a day": 7,
    "twice a day": 14, "twice daily": 14,
    "every other day": 4, "every second day": 4, "on alternate days": 4, "alternate days": 4,
    # German
    "täglich": 7, "jeden tag": 7, "einmal täglich": 7,
    "zweimal täglich": 14, "zweimal am tag": 14,
    "jeden zweiten tag": 4, "jeden 2. tag": 4,
    # French
    "tous les jours": 7, "quotidien": 7, "quotidiennement": 7, "chaque jour": 7,
    "deux fois par jour": 14,
    "un jour sur deux": 4, "tous les deux jours": 4,
    # Spanish
    "a diario": 7, "diario": 7, "todos los días": 7, "cada día": 7,
    "dos veces al día": 14, "dos veces por día": 14,
    "cada dos días": 4, "días alternos": 4, "en días alternos": 4,
}


def _key(words: str) -> str:
    """Lower case, accents dropped, spacing and end punctuation ignored."""
    plain = unicodedata.normalize("NFKD", words.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.strip(" .!").split())


_BY_KEY = {_key(words): count for words, count in SESSIONS.items()}


def known_sessions(words: str | None) -> int | None:
    """The sessions a week these words mean, or None when they are not in the table."""
    return _BY_KEY.get(_key(words)) if words else None


def sessions_per_week(dose) -> int:
    """The sessions a week of a dose (or of no dose): `per_week` when given, else
    what `frequency` says, else the default."""
    if dose is None:
        return DEFAULT_PER_WEEK
    if "per_week" in dose.model_fields_set:
        return dose.per_week
    return known_sessions(dose.frequency) or dose.per_week
