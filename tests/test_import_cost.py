"""What a build imports costs time in every process: Pillow brings only the two
plugins Handout reads, and ReportLab's slow web-address pattern is compiled only when
a paragraph uses it, with the same results as compiled on import."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import copy_sample
from photos import phone_photo

# Runs a build in a fresh interpreter; reports the modules it imported and the type
# of ReportLab's URL pattern at the end.
SCRIPT = """
import json, sys
from generator.cli import main
try:
    main.main(args=sys.argv[1:], prog_name="handout")
    code = 0
except SystemExit as exit:
    code = exit.code
from reportlab.platypus import paragraph
import yaml
from reportlab.lib import textsplit
patterns = [paragraph.uri_pat, textsplit.rx, yaml.reader.Reader.NON_PRINTABLE]
print("STATE", json.dumps({"modules": sorted(sys.modules), "patterns": [type(p).__name__ for p in patterns]}))
sys.exit(code)
"""


def build_state(project: Path, *args: str) -> dict:
    env = {**os.environ, "HANDOUT_CACHE_DIR": str(project / ".cache-test")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("STATE "))
    return json.loads(line.removeprefix("STATE "))


def test_a_booklet_of_phone_photos_imports_only_the_jpeg_and_png_plugins_it_needs(tmp_path):
    project = copy_sample(tmp_path / "p")
    phone_photo(project / "assets" / "images" / "phone.jpg", seed=3)
    path = next(iter(sorted((project / "exercises").glob("*.yaml"))))
    path.write_text(re.sub(r"image: \S+", "image: assets/images/phone.jpg", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    state = build_state(project, "booklet")
    plugins = [m for m in state["modules"] if m.startswith("PIL.") and m.endswith("ImagePlugin")]
    assert {"PIL.JpegImagePlugin", "PIL.PngImagePlugin"} <= set(plugins)
    # Pillow has ~45 plugins; opening a file with formats=... once imported them all.
    assert len(plugins) <= 8, plugins
    assert any(p.suffix == ".pdf" for p in (project / "out").iterdir())


def test_the_slow_patterns_are_not_compiled_by_a_build_of_the_sample(tmp_path):
    project = copy_sample(tmp_path / "p")
    assert build_state(project, "build")["patterns"] == ["CompiledWhenUsed"] * 3


def test_the_pattern_compiled_when_used_splits_addresses_as_the_compiled_one():
    import generator.fonts  # noqa: F401  imports the paragraph module the way a build does
    from reportlab.platypus import paragraph

    deferred = paragraph.uri_pat
    assert not isinstance(deferred, re.Pattern)
    compiled = re.compile(*deferred.args)
    addresses = ["https://example.com/a/b/c", "www.übung.de/knie?x=1", "ftp://10.0.0.1:21/plan.pdf",
                 "not an address", "http://localhost/", "mailto:coach@example.com"]
    try:
        split_when_used = [paragraph._uri_split_pairs(a) for a in addresses]
        paragraph.uri_pat = compiled
        split_compiled = [paragraph._uri_split_pairs(a) for a in addresses]
    finally:
        paragraph.uri_pat = deferred
    assert split_when_used == split_compiled
    assert split_when_used[0][-1] == ("https://", "example.com/a/b/c")


def test_yaml_and_cjk_patterns_compiled_when_used_behave_as_compiled():
    import yaml
    from reportlab.lib import textsplit

    from generator.lazyre import SLOW, CompiledWhenUsed

    real = {"yaml": yaml.reader.Reader.NON_PRINTABLE, "cjk": textsplit.rx}
    real = {k: re.compile(*p.args) if isinstance(p, CompiledWhenUsed) else p for k, p in real.items()}
    assert all(p.pattern.startswith(SLOW) for p in real.values())  # the stand-ins are made for these
    deferred = {k: CompiledWhenUsed(p.pattern, p.flags) for k, p in real.items()}
    for text in ("plain text", "bell \x07 here", "日本語のテキスト", "mixed 中文 and ascii", "\ufffe"):
        assert deferred["cjk"].sub(r"\1\0 ", text) == real["cjk"].sub(r"\1\0 ", text)
        assert bool(deferred["yaml"].search(text)) == bool(real["yaml"].search(text))
    # PyYAML's pure-Python reader, with the stand-in, still refuses what it refused.
    yaml.reader.Reader.NON_PRINTABLE, kept = deferred["yaml"], yaml.reader.Reader.NON_PRINTABLE
    try:
        yaml.load("name: a\x07b\n", Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as exc:
        assert "special characters are not allowed" in str(exc)
    else:
        raise AssertionError("an unprintable character was read")
    finally:
        yaml.reader.Reader.NON_PRINTABLE = kept


def test_the_characters_a_project_file_may_not_hold_are_pyyamls_refusals():
    """loading._NOT_YAML, written as the characters refused (quick to compile), finds
    exactly what PyYAML's own reader refuses, over every code point."""
    import re

    import yaml.reader

    from generator.loading import _NOT_YAML

    every = "".join(map(chr, range(0x110000)))
    refused = re.compile(yaml.reader.Reader.NON_PRINTABLE.pattern)
    assert _NOT_YAML.findall(every) == refused.findall(every)
    assert len(_NOT_YAML.findall(every)) == 2048 + 2 + 9 + 2 + 18 + 6 + 26  # surrogates, U+FFFE/F, controls
