"""The paper sizes each output takes, by the names a user types: one table for the
project file's check (models) and the command line's choices (cli).

Names only, so `handout --help` loads neither the models nor ReportLab; the page
dimensions live beside the layout that uses them (layout.poster, layout.booklet).
"""

POSTER_SIZES = ("A4", "A3", "A2", "Letter", "Tabloid")
# `phone`: a page shaped like a phone's screen, for booklets read on one (emailed).
BOOKLET_SIZES = ("A5", "A4", "Letter", "phone")
