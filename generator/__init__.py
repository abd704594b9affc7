"""Handout: exercise files in, a print-ready poster and booklet out."""

__version__ = "0.1.0"


def collect_garbage_rarely() -> None:
    """Laying out pages makes millions of small objects, and the collector's default
    (a pass every 700 of them, a full one every 70,000) took ~12% of a 300-page
    booklet and ~6% of a client's. Every 50,000: the same peak memory, measured."""
    import gc

    gc.set_threshold(50_000, 10, 10)
