"""Jinja templates that write the text of each block as ReportLab paragraph markup.

One ordered search path: the project's own `templates/` first, the built-in ones
last; `builtin/NAME` always reaches the built-in template so an override can extend
it. Templates see only escaped user text; the `md` and `paragraphs` filters turn a
trainer's `**bold**`/`*italic*` into markup.

A template's output is a small XML vocabulary that the layout code turns into
flowables: <p style="S">, <li style="S" bullet="1.">, <box style="S">...</box>,
<entry href="#key" page="N">, <columns><col width="W%">...</col></columns>,
<keep>...</keep> (kept on one page), <space h="PT"/>, and the placeholders <image/>,
<tempo/> and <qr/> that the layout fills.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2

from . import markup
from .cache import cache_folder
from .errors import HandoutError, Problem
from .labels import labels_for, long_date, weekday


def builtin_dir() -> Path:
    here = Path(__file__).parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


def _seconds(value: float | int | None) -> str:
    if value is None:
        return ""
    number = int(value) if float(value).is_integer() else round(float(value), 1)
    return f"{number}\u00a0s"  # no line break between a number and its unit


def _numbers(value) -> str:
    """Number ranges typeset with an en dash: "10-12" prints as "10–12"."""
    return re.sub(r"(\d)\s*-\s*(\d)", "\\1\u2013\\2", str(value))


def _is_count(value) -> bool:
    """A number of repetitions, or a range of them ("10-12"), not a phrase."""
    return isinstance(value, int) or re.fullmatch(r"\d+\s*[-\u2013]\s*\d+", str(value)) is not None


def templates_for(project_root: Path, language: str = "en") -> Templates:
    """The project's templates, made once per process: Jinja keeps what it compiled
    and checks each file's time before reuse, so `watch` sees edits."""
    # A new, changed or deleted file of the project's own changes which file a name
    # means, which Jinja's own check of the file it loaded cannot see.
    folder = project_root / "templates"
    own = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file())) \
        if folder.is_dir() else ()
    key = (project_root.resolve(), language, folder.is_dir(), own)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = Templates(project_root, language)
    return _TEMPLATES[key]


_TEMPLATES: dict[tuple, Templates] = {}


class Templates:
    def __init__(self, project_root: Path, language: str = "en"):
        builtin = jinja2.FileSystemLoader(str(builtin_dir()))
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": builtin})]
        self.user_dir = project_root / "templates"
        if self.user_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(self.user_dir)))
        loaders.append(builtin)
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            # Layout templates write markup, so user text is escaped in them; the mail
            # template is plain text.
            autoescape=jinja2.select_autoescape(enabled_extensions=("xml",), default=True,
                                                disabled_extensions=("txt",)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_bytecode_cache(),
        )
        self.env.filters["md"] = markup.inline
        self.env.filters["paragraphs"] = markup.paragraphs
        self.env.filters["seconds"] = _seconds
        self.env.filters["numbers"] = _numbers
        self.env.tests["count"] = _is_count
        labels = labels_for(language)
        self.env.globals["t"] = labels
        self.env.filters["long_date"] = lambda day: long_date(day, labels)
        self.env.filters["weekday"] = lambda day: weekday(day, labels)

    def render_text(self, name: str, **context) -> str:
        """A plain-text template (the mail), with the same error reporting."""
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            path = Path(exc.filename) if exc.filename else Path(name)
            raise HandoutError([Problem(path, f"template error: {exc.message}", exc.lineno)]) from None
        except jinja2.TemplateError as exc:
            path, line = _template_location(name)
            raise HandoutError([Problem(path, f"template error: {exc}", line)]) from None

    def render(self, name: str, **context) -> list[ET.Element]:
        """The elements `name` writes for this context."""
        try:
            template = self.env.get_template(name)
            text = template.render(**context)
        except jinja2.TemplateSyntaxError as exc:
            path = Path(exc.filename) if exc.filename else Path(name)
            raise HandoutError([Problem(path, f"template error: {exc.message}", exc.lineno)]) from None
        except jinja2.TemplateNotFound as exc:
            raise HandoutError(f"template '{exc.name}' not found", self.user_dir) from None
        except jinja2.TemplateError as exc:
            path, line = _template_location(name)
            raise HandoutError([Problem(path, f"template error: {exc}", line)]) from None
        try:
            root = ET.fromstring(f"<block>{text}</block>")
        except ET.ParseError as exc:
            path = Path(template.filename or name)
            written = text.splitlines()[exc.position[0] - 1].strip() if text else ""
            line = _source_line(path, written)
            raise HandoutError([Problem(
                path, f"template error: the markup it writes is not well-formed "
                      f"({str(exc).split(':')[0]}) in: {written[:80]}", line)]) from None
        return list(root)


def _source_line(path: Path, written: str) -> int | None:
    """The template line most like the output line that broke the markup."""
    import difflib

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    scores = [difflib.SequenceMatcher(None, line.strip(), written).ratio() for line in lines]
    best = max(range(len(lines)), key=scores.__getitem__, default=None)
    return best + 1 if best is not None and scores[best] > 0.4 else None


def _bytecode_cache():
    """Compiled templates kept on disk: compiling them costs ~50 ms a run."""
    folder = cache_folder("jinja")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def _template_location(name: str) -> tuple[Path, int | None]:
    """The template file and line a render error came from, found in the traceback."""
    tb = sys.exc_info()[2]
    found: tuple[Path, int | None] = (Path(name), None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith((".xml", ".j2", ".txt")):
            found = (Path(code.co_filename), tb.tb_lineno)
        tb = tb.tb_next
    return found
