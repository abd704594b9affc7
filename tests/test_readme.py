"""The README's promise: the two commands it shows are the ones CI runs."""

from __future__ import annotations

import re

from conftest import REPO


def test_readme_setup_commands_are_what_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- setup -->\s*```sh\n(.*?)```", readme, re.S)
    assert block, "README has no setup block"
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-2:] == commands


def test_readme_pictures_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert pictures
    for picture in pictures:
        assert (REPO / picture).is_file(), picture
