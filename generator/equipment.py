"""What an exercise's equipment means for the log: a load to write down, or none.

The `sets` log gives an exercise a Weight line when its equipment names a load
(dumbbell, kettlebell, barbell, weight, plate, machine, cable, medicine ball,
sandbag, and the German, French and Spanish words for them in LOADS), a Band line
when it names a resistance band (the client writes the band's colour), and neither
when it names nothing of the kind: no equipment, a mat, a chair, a wall, a towel is
bodyweight. "Bodyweight" said in so many words ("Körpergewicht", "poids du corps")
is never a load.
"""

from __future__ import annotations

import re
import unicodedata

# Words in an exercise's equipment that mean the client logs a load, by language;
# matched inside words ("Kurzhantel"), accents and case ignored. BODYWEIGHT is read
# first: "bodyweight" holds "weight" and is no load.
LOADS = {
    "weight": ("dumbbell", "kettlebell", "barbell", "weight", "plate", "machine", "cable",
               "medicine ball", "sandbag", "ez bar", "ez-bar", "trap bar",
               "hantel", "gewicht", "kabelzug", "maschine", "medizinball", "sandsack",
               "haltere", "poids", "poulie", "medecine-ball", "medecine ball",
               "mancuerna", "pesa", "peso", "maquina", "polea", "balon medicinal", "lastre"),
    "band": ("band", "banda", "elastic", "elastica", "elastique"),
}
BODYWEIGHT = ("bodyweight", "body weight", "body-weight", "korpergewicht", "eigengewicht",
              "poids du corps", "poids corporel", "peso corporal", "peso del cuerpo")
# A band word ends a word ("Theraband", "resistance bands", "Bänder"), so that
# "Bandage" or "bandana" are not bands.
_BAND_END = r"(?:s|er)?\b"


def _plain(text: str) -> str:
    """Lower case, accents dropped: "Bänder" reads "bander"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def load_kind(equipment) -> str | None:
    """"weight", "band" or None (bodyweight) for an exercise's equipment list."""
    for item in equipment or ():
        words = _plain(item)
        for body in BODYWEIGHT:
            words = words.replace(body, " ")
        if any(w in words for w in LOADS["weight"]):
            return "weight"
        if any(re.search(re.escape(w) + _BAND_END, words) for w in LOADS["band"]):
            return "band"
    return None
