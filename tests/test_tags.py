"""The template tag language: what a template writes is held to one registry, and a
mistake is an error at templates/<file>:<line>; and long content flows over pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import BOOKLET, POSTER, REPO, page_texts
from generator.layout import tags

COVER = """\
{#- A cover of the trainer's own. -#}
<p style="cover_title">{{ title }}</p>
WRONG
<p style="meta">{{ subtitle }}</p>
"""


@pytest.mark.parametrize("wrong, message", [
    ("<bogus>x</bogus>", "unknown tag <bogus>; the tags are p, h, li, box"),
    ("<bxo><p>x</p></bxo>", "unknown tag <bxo> (did you mean 'box'?)"),
    ('<p stlye="body">x</p>', "<p> has no attribute 'stlye' (did you mean 'style'?); it takes style"),
    ('<p style="bodyy">x</p>', "unknown style 'bodyy' on <p> (did you mean 'body'?); use one of body, lead"),
    ('<box style="warning"><p>x</p></box>', "unknown kind of box 'warning' on <box>"),
    ('<space h="big"/>', "<space h=\"big\">: expected a number of points, such as 6, got 'big'"),
    ('<space h="6">text</space>', "<space/> holds nothing"),
    ('<columns><col width="half"><p>x</p></col></columns>', "expected a share of the width, such as 40%"),
    ('<columns><p>x</p></columns>', "<columns> holds only col, not <p>"),
    ('<col><p>x</p></col>', "<col> belongs inside <columns>"),
    ('<h style="h1" key="k" level="high">x</h>', "expected an outline level: 0, 1 or 2, got 'high'"),
    ('<p>a <blink>b</blink></p>', "<blink> cannot be used inside <p>"),
    ('<p>a <img src="x.png"/></p>', "<img> cannot be used inside <p>"),
    ('<p><font colour="red">x</font></p>', "<font> has no attribute 'colour'"),
    ('<p><font color="not-a-colour">x</font></p>', "bad markup inside <p>: Invalid color value"),
])
def test_a_template_mistake_names_the_template_line(sample, cli, wrong, message):
    (sample / "templates").mkdir()
    (sample / "templates" / "cover.xml").write_text(COVER.replace("WRONG", wrong), encoding="utf-8")
    before = sample / BOOKLET
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("templates/cover.xml:3: template error: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and not before.exists()


def test_every_mistake_is_reported_each_at_its_line(sample, cli):
    (sample / "templates").mkdir()
    (sample / "templates" / "poster_header.xml").write_text(
        '<p style="poster_title">{{ title }}</p>\n'
        '<p style="poster_sub">ok</p>\n'
        '<space h="big"/>\n'
        '<p style="poster_sub">ok</p>\n'
        '<marquee>{{ subtitle }}</marquee>\n', encoding="utf-8")
    result = cli("poster", cwd=sample)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("templates/poster_header.xml:3: template error: <space h=\"big\">")
    assert lines[1].startswith("templates/poster_header.xml:5: template error: unknown tag <marquee>")
    assert not (sample / POSTER).exists()


def test_a_mistake_in_a_block_of_an_extending_template_names_its_line(sample, cli):
    (sample / "templates").mkdir()
    (sample / "templates" / "exercise.xml").write_text(
        '{% extends "builtin/exercise.xml" %}\n'
        "{% block extra %}\n"
        '<p style="meta">Ask at the desk.</p>\n'
        '<p style="fineprint">{{ ex.name }}</p>\n'
        "{% endblock %}\n", encoding="utf-8")
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 1
    assert result.stderr.startswith("templates/exercise.xml:4: template error: unknown style 'fineprint'")


def test_the_built_in_templates_use_only_declared_tags(sample, cli):
    assert cli("build", cwd=sample).exit_code == 0  # every built-in template, checked as it renders


def test_the_readme_lists_the_tags_of_the_registry():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Templates", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"^\| `<(\w+)[^`]*>` \| ([^|]*)\|", section, flags=re.M))
    assert set(listed) == set(tags.TAGS)
    for name, tag in tags.TAGS.items():
        row = next(line for line in section.splitlines()
                   if line.startswith((f"| `<{name}>`", f"| `<{name}/>`")))
        for attr in tag.attrs:
            assert f"`{attr}`" in row, f"{name}.{attr} is not in the README"
    for inline in tags.INLINE:
        assert f"`<{inline}" in section, f"<{inline}> is not in the README"
    for style in tags.STYLES:
        assert f"`{style}`" in section, f"style {style} is not in the README"


# --- long content flows over pages ------------------------------------------------

LONG_TIP = " ".join(f"Breathe{i} out as you lift, in as you lower." for i in range(40))  # ~320 words


def _long_content(sample: Path, layout: str) -> None:
    path = sample / "handout.yaml"
    project = yaml.safe_load(path.read_text(encoding="utf-8"))
    project["booklet"] = {"layout": layout}
    project["tips"] = [{"title": "Breathing", "body": LONG_TIP}] + project.get("tips", [])
    path.write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    hip = sample / "exercises" / "hip-raise.yaml"
    cautions = "".join(f"  - Caution {n:02d}, stop if the lower back hurts and ask your trainer.\n"
                       for n in range(1, 41))
    targets = ", ".join(f"muscle{n}" for n in range(150))
    text = hip.read_text(encoding="utf-8")
    text = re.sub(r"cautions:\n(  - .*\n)+", "cautions:\n" + cautions, text)
    text = text.replace("targets: [glutes, lower back]", f"targets: [{targets}]")
    hip.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("layout", ["full", "half"])
def test_a_long_tip_and_forty_cautions_flow_over_pages(sample, cli, layout):
    assert len(LONG_TIP.split()) >= 320
    _long_content(sample, layout)
    result = cli("booklet", cwd=sample)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(sample / BOOKLET)
    text = " ".join(pages)
    assert "Breathe0 out" in text and "Breathe39 out" in text
    assert all(f"Caution {n:02d}," in text for n in range(1, 41))
    assert "muscle0" in text and "muscle149" in text  # a column taller than the page, stacked
    tip_pages = [i for i, page in enumerate(pages) if "Breathe" in page]
    caution_pages = [i for i, page in enumerate(pages) if "Caution " in page]
    assert len(tip_pages) >= 2 and len(caution_pages) >= 2  # split, not shrunk or cut


def test_a_box_keeps_its_panel_and_rule_on_both_parts():
    import io

    from reportlab.lib.pagesizes import A5
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from generator.layout.blocks import PALETTE, box, make_styles

    styles = make_styles(10)
    content = [Paragraph(LONG_TIP, styles["body"]) for _ in range(3)]
    drawn = []

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if not hasattr(flowable, "_linecmds"):
                return
            rule = any(cmd[0] == "LINEBEFORE" for cmd in flowable._linecmds)
            panel = any(cmd[0] == "BACKGROUND" for cmd in flowable._bkgrndcmds)
            drawn.append((self.page, rule, panel))

    doc = Doc(io.BytesIO(), pagesize=A5)
    doc.build([box(content, PALETTE, "tip")])
    assert len(drawn) >= 2 and len({page for page, _, _ in drawn}) == len(drawn)
    assert all(rule and panel for _, rule, panel in drawn)


def test_a_cover_with_long_text_stays_one_page_with_the_clients_name(sample, cli):
    path = sample / "handout.yaml"
    project = yaml.safe_load(path.read_text(encoding="utf-8"))
    project["title"] = "Strong " + " ".join(["back"] * 38)  # under the 200-character limit
    project["subtitle"] = " ".join(f"sub{n}" for n in range(720))  # under 5,000 characters
    path.write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    (sample / "clients.yaml").write_text(
        "- name: Ana Novak\n  email: ana@example.com\n  note: " + "Go easy. " * 200 + "\n", encoding="utf-8")
    result = cli("booklet", "--client", "Ana Novak", cwd=sample)
    assert result.exit_code == 0, result.stderr
    pages = page_texts(next((sample / "out" / "clients").glob("*-ana-novak.pdf")))
    assert "Prepared for Ana Novak" in pages[0] and "sub719" in pages[0]
    assert pages[1].startswith("Contents")
    assert f"page 2 of {len(pages)}" in pages[1]  # the long title gives way to the page number
