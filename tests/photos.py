"""Photos as a phone takes them: 12 megapixels, JPEG, turned by an EXIF tag.

Made at test time (a committed 12 MP photo would weigh megabytes). Each is a soft
scene with a figure-like shape and sensor noise, so JPEG sizes are realistic.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def phone_photo(path: Path, seed: int, size=(4032, 3024), orientation: int = 6) -> Path:
    """A JPEG of `size` pixels as stored; `orientation` is the EXIF tag (6: turn 90°)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8))
    draw = ImageDraw.Draw(small)
    w, h = small.size
    top = tuple(rng.randrange(150, 230) for _ in range(3))
    bottom = tuple(rng.randrange(60, 140) for _ in range(3))
    for y in range(h):
        share = y / h
        draw.line([(0, y), (w, y)], fill=tuple(int(a * (1 - share) + b * share) for a, b in zip(top, bottom)))
    for _ in range(6):  # a person, a mat, furniture: blobs of colour
        x0, y0 = rng.randrange(w), rng.randrange(h)
        draw.ellipse([x0, y0, x0 + rng.randrange(20, w // 2), y0 + rng.randrange(20, h // 2)],
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    quarter = (size[0] // 4, size[1] // 4)
    img = small.filter(ImageFilter.GaussianBlur(3)).resize(quarter, Image.Resampling.BILINEAR)
    img = Image.blend(img, Image.effect_noise(quarter, 40).convert("RGB"), 0.1)
    img = img.resize(size, Image.Resampling.BILINEAR)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Handout test phone"
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=88, exif=exif.tobytes())
    return path


RODILLA = ["cuadriceps", "pierna-recta", "talon", "puente", "sentadilla", "escalon", "talones", "isquios"]
SCHULTER = ["aussenrotation", "innenrotation", "rudern", "schulterblatt", "wand", "pendeln"]


def real_programmes(base: Path, size=(4032, 3024)) -> dict[str, Path]:
    """The sample, and the Spanish and German programmes with their phone photos, in `base`."""
    import shutil

    from conftest import REPO, copy_sample

    rodilla = base / "rodilla"
    shutil.copytree(REPO / "tests" / "programmes" / "rodilla", rodilla)
    for seed, name in enumerate(RODILLA):
        phone_photo(rodilla / "fotos" / f"{name}.jpg", seed, size=size, orientation=6 if seed % 3 else 1)
    schulter = base / "schulter"
    shutil.copytree(REPO / "tests" / "programmes" / "schulter", schulter)
    for seed, name in enumerate(SCHULTER):
        phone_photo(schulter / "fotos" / f"{name}.jpg", 100 + seed, size=size, orientation=6)
    return {"sample": copy_sample(base / "sample"), "rodilla": rodilla, "schulter": schulter}
