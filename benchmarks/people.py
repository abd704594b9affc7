"""The client list the benchmarks make booklets for: 200 people as a trainer's list
has them, names from a dozen languages (accents, Ł, Ø, apostrophes), each with an
email, a start date and a note. Names that all read "Client 001" would share every
letter, and flatter any tool that reuses what one booklet drew for the next."""

from __future__ import annotations

import itertools

FIRST = ("María José Lucía Ángel Zoë Jürgen Łukasz Søren Niamh Chloé Renée Yusuf Quentin Xavier Wojciech "
         "Björn Inês Joaquín Paula Kai Fatima Olga Giulia Henrik Tomás Aoife Matteo Émile Noah Sofía").split()
LAST = ("García Müller O'Brien Kowalski Jørgensen Nguyen Dubois Rossi Smith Fernández Schäfer Novák Quispe "
        "Zapata Yılmaz Ivanova Petrović Lindqvist Ó_Súilleabháin Wójcik").split()


def clients_csv(count: int = 200) -> str:
    """`count` clients, the same every run, in the CSV `handout booklets` reads."""
    pairs = list(itertools.product(FIRST, LAST))
    step = 97  # co-prime with the 600 pairs: first and last names both vary from row to row
    rows = ["name,email,start,note"]
    for n in range(count):
        first, last = pairs[(n * step) % len(pairs)]
        rows.append(f"{first} {last.replace('_', ' ')},c{n}@example.com,2026-12-{1 + n % 28:02d},"
                    f"Week {1 + n % 8}: keep going")
    return "\n".join(rows) + "\n"
