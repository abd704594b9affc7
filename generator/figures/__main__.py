"""`python -m generator.figures [--sheet]`: re-renders every drawing from its data;
with --sheet also docs/library.png, a contact sheet of the library's drawings."""

import sys

from . import REPOSITORY, write_all

changed = write_all()
for path in changed:
    print(f"wrote {path.relative_to(REPOSITORY)}")
if not changed:
    print("every drawing is up to date")
if "--sheet" in sys.argv[1:]:
    from .sheet import library_sheet

    print(f"wrote {library_sheet(REPOSITORY / 'docs' / 'library.png').relative_to(REPOSITORY)}")
