"""Placing blocks on pages: the poster grid and the booklet's page templates."""
