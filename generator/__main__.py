import os
import sys

# `python -m generator` puts the current folder first on the import path, so a project
# folder holding `yaml.py`, `click.py` or `reportlab_settings.py` (which ReportLab runs
# when it is imported) would run a stranger's code. Handout's own modules are found
# through the package; nothing else is imported from the folder a trainer stands in.
_here = os.path.realpath(os.getcwd())
sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry or os.curdir) != _here]

from .launch import run  # noqa: E402

run()
