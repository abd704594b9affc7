"""Handout: exercise files in, a print-ready poster and booklet out."""

__version__ = "0.1.0"
