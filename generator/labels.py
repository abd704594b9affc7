"""The words the handout prints around a trainer's text, per `language`."""

from __future__ import annotations

LABELS = {
    "en": {
        "contents": "Contents",
        "introduction": "Introduction",
        "setup": "Set-up",
        "steps": "How to do it",
        "tempo": "Tempo",
        "lift": "lift",
        "hold": "hold",
        "lower": "lower",
        "breathing": "Breathing",
        "dose": "Dose",
        "sets": "sets",
        "reps": "reps",
        "rest": "rest",
        "per_week": "times a week",
        "a_week": "a week",
        "cautions": "Take care",
        "mistakes": "Common mistakes",
        "progressions": "Make it harder",
        "video": "Watch the video",
        "targets": "Works",
        "equipment": "You need",
        "about_author": "About your trainer",
        "contact": "Contact",
        "credits": "Credits",
        "page": "page",
        "of": "of",
        "tip": "Tip",
        "exercises": "Exercises",
        "log": "Your log",
        "log_ticks_help": "Tick a box each time you do the exercise.",
        "log_ticks_shaded": "Shaded boxes are rest days for that exercise.",
        "session": "Session",
        "week": "Week",
        "date": "Date",
        "exercise": "Exercise",
        "set": "Set",
        "weight": "Weight",
        "reps_head": "Reps",
        "notes": "Notes",
        "prepared_for": "Prepared for",
        "starting": "Starting",
    }
}


def labels_for(language: str) -> dict[str, str]:
    return LABELS[language]
