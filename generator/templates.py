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

import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from xml.parsers import expat
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import markup
from .cache import cache_folder
from .errors import HandoutError, Problem
from .labels import labels_for, long_date, weekday
from .layout import tags


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


def _nobreak(value) -> str:
    """A short phrase kept on one line ("3× a week", "rest 60 s"): its spaces made
    non-breaking, so a narrow card never ends a line in the middle of it."""
    return str(value).replace(" ", "\u00a0")


def _is_count(value) -> bool:
    """A number of repetitions, or a range of them ("10-12"), not a phrase."""
    return isinstance(value, int) or re.fullmatch(r"\d+\s*[-\u2013]\s*\d+", str(value)) is not None


def templates_for(project_root: Path, language: str = "en",
                  labels: Mapping[str, str] | None = None) -> Templates:
    """The project's templates, made once per process: Jinja keeps what it compiled
    and checks each file's time before reuse, so `watch` sees edits."""
    # A new, changed or deleted file of the project's own changes which file a name
    # means, which Jinja's own check of the file it loaded cannot see.
    folder = project_root / "templates"
    own = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file())) \
        if folder.is_dir() else ()
    key = (project_root.resolve(), language, tuple(sorted((labels or {}).items())), folder.is_dir(), own)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = Templates(project_root, language, labels)
    return _TEMPLATES[key]


_TEMPLATES: dict[tuple, Templates] = {}


class Templates:
    def __init__(self, project_root: Path, language: str = "en",
                 labels: Mapping[str, str] | None = None):
        builtin = jinja2.FileSystemLoader(str(builtin_dir()))
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": builtin})]
        self.user_dir = project_root / "templates"
        if self.user_dir.is_dir():
            loaders.append(_ProjectLoader(project_root, self.user_dir))
        loaders.append(builtin)
        # A project may come from a stranger: its templates run in the immutable
        # sandbox, which refuses Python internals and changing values.
        self.env = _Sandbox(
            loader=jinja2.ChoiceLoader(loaders),
            # Layout templates write markup, so user text is escaped in them; the mail
            # template is plain text.
            autoescape=jinja2.select_autoescape(enabled_extensions=("xml",), default=True,
                                                disabled_extensions=("txt",)),
            undefined=jinja2.StrictUndefined,
            bytecode_cache=_bytecode_cache(),
            **_SYNTAX,
        )
        for unused in ("cycler", "joiner", "lipsum"):  # no built-in template needs them
            self.env.globals.pop(unused, None)
        self.env.filters["md"] = markup.inline
        self.env.filters["paragraphs"] = markup.paragraphs
        self.env.filters["seconds"] = _seconds
        self.env.filters["numbers"] = _numbers
        self.env.filters["nobreak"] = _nobreak
        self.env.tests["count"] = _is_count
        t = labels_for(language, labels)
        self.env.globals["t"] = t
        self.env.filters["long_date"] = lambda day: long_date(day, t)
        self.env.filters["weekday"] = lambda day: weekday(day, t)

    def render_text(self, name: str, **context) -> str:
        """A plain-text template (the mail), with the same error reporting."""
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            path = Path(exc.filename) if exc.filename else Path(name)
            raise HandoutError([Problem(path, f"template error: {exc.message}", exc.lineno)]) from None
        except (jinja2.TemplateError, *TEMPLATE_RUNTIME_ERRORS) as exc:
            path, line = _template_location(name)
            raise HandoutError([Problem(path, f"template error: {runtime_message(exc)}", line)]) from None

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
        except (jinja2.TemplateError, *TEMPLATE_RUNTIME_ERRORS) as exc:
            path, line = _template_location(name)
            raise HandoutError([Problem(path, f"template error: {runtime_message(exc)}", line)]) from None
        path = Path(template.filename or name)
        try:
            root, lines = _parse(text)
        except expat.ExpatError as exc:
            written = text.splitlines()[exc.lineno - 1].strip() if text else ""
            where, line = _source_line(self._sources(template), written)
            raise HandoutError([Problem(
                where or path, f"template error: the markup it writes is not well-formed "
                               f"({expat.ErrorString(exc.code)}) in: {written[:80]}", line)]) from None
        misuses = tags.check(list(root))
        if misuses:
            out = text.splitlines()
            problems = []
            for misuse in misuses:
                written = out[lines[misuse.element] - 1].strip() if lines.get(misuse.element) else ""
                where, line = _source_line(self._sources(template), written, misuse.token)
                problems.append(Problem(where or path, f"template error: {misuse.message}", line))
            raise HandoutError(problems)
        return list(root)

    def _sources(self, template: jinja2.Template) -> list[Path]:
        """The template's file, then the files it extends or imports from, in order."""
        found: list[Path] = []
        todo = [template.filename]
        while todo and len(found) < 8:
            filename = todo.pop(0)
            if not filename or Path(filename) in found:
                continue
            found.append(Path(filename))
            try:
                source = Path(filename).read_text(encoding="utf-8")
            except OSError:
                continue
            for other in re.findall(r"{%-?\s*(?:extends|import|from|include)\s+[\"']([^\"']+)[\"']", source):
                try:
                    todo.append(self.env.get_template(other).filename)
                except jinja2.TemplateError:
                    pass
        return found


# What a template's own expressions can raise while it runs (`{{ 1 / 0 }}`,
# `{{ range(10**7) }}`, `{{ 'a' + 1 }}`): the template's mistake, reported at its line.
TEMPLATE_RUNTIME_ERRORS = (ArithmeticError, TypeError, ValueError, LookupError, RecursionError)


def runtime_message(exc: Exception) -> str:
    if isinstance(exc, jinja2.TemplateError):
        return str(exc)
    return f"{exc} ({type(exc).__name__})"


def _parse(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The elements written, and the line of the output each starts on."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    lines: dict[ET.Element, int] = {}

    def start(tag, attrs):
        lines[builder.start(tag, attrs)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.Parse(f"<block>{text}</block>", True)
    return builder.close(), lines


def _source_line(paths: list[Path], written: str, token: str = "") -> tuple[Path | None, int | None]:
    """The template file and line that wrote the output line `written`: Jinja keeps
    no map from output to source, so it is the line most like it, among those that
    hold `token` (the tag or attribute at fault) when any do."""
    import difflib

    best: tuple[float, Path | None, int | None] = (0.0, None, None)
    for holding in (True, False) if token else (False,):
        for path in paths:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                continue
            for number, line in enumerate(lines, start=1):
                if holding and token not in line:
                    continue
                score = difflib.SequenceMatcher(None, line.strip(), written).ratio() + (1.0 if holding else 0)
                if score > best[0]:
                    best = (score, path, number)
        if best[1] is not None:
            break
    return (best[1], best[2]) if best[0] > 0.4 else (None, None)


_SYNTAX = {"trim_blocks": True, "lstrip_blocks": True}  # how every template is read
_MAX_REPEAT = 100_000  # characters or items from `*` in a template
_MAX_POWER = 100


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with messages that say what a template may not do."""

    def _parse(self, source, name, filename):
        # Refused when read, before anything runs: the line is exact and the
        # message names the attribute, even where the sandbox would only see an
        # undefined name (`cycler.__init__.__globals__`).
        tree = super()._parse(source, name, filename)
        found = [(node.lineno, n) for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter))
                 for n in _internal_names(node)]
        if found:
            line = min(lineno for lineno, _ in found)
            text = source.splitlines()[line - 1] if line <= len(source.splitlines()) else ""
            names = sorted({n for lineno, n in found if lineno == line}, key=text.find)
            listed = ", ".join(f"'{n}'" for n in names)
            raise jinja2.TemplateSyntaxError(
                f"Python internals are not allowed: {listed}", line, name, filename)
        return tree

    def unsafe_undefined(self, obj, attribute):
        if attribute.startswith("_"):
            what = f"Python internals are not allowed: '{attribute}'"
        else:
            what = (f"changing a value is not allowed: '{attribute}' "
                    "(build text with filters such as select and join)")
        return self.undefined(what, name=attribute, obj=obj, exc=SecurityError)

    # `'x' * 10**9` or `9 ** 9 ** 9` would hang the build or fill the memory.
    intercepted_binops = frozenset(("*", "**"))

    def call_binop(self, context, operator, left, right):
        sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
        numbers = [v for v in (left, right) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if operator == "*" and sized and numbers and len(sized[0]) * numbers[0] > _MAX_REPEAT:
            raise SecurityError(f"a repeat longer than {_MAX_REPEAT:,} is not allowed")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > _MAX_POWER:
            raise SecurityError(f"a power above {_MAX_POWER} is not allowed")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if not __self.is_safe_callable(__obj):
            name = getattr(__obj, "__name__", type(__obj).__name__)
            raise SecurityError(f"calling '{name}' is not allowed")
        return __context.call(__obj, *args, **kwargs)


def source_problems(paths: list[Path]) -> list[Problem]:
    """What `check` can tell of the project's own templates without rendering them:
    syntax errors, and reaching for Python internals."""
    env = _Sandbox(**_SYNTAX)
    problems = []
    for path in paths:
        try:
            env.parse(path.read_text(encoding="utf-8"), path.name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(Problem(path, f"template error: {exc.message}", exc.lineno))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(path, f"template error: cannot read it ({exc})"))
    return problems


def _internal_names(node) -> list[str]:
    """Names starting with '_' that `node` reaches for: `x.__class__`,
    `x['__class__']`, `x | attr('__class__')`."""
    if isinstance(node, nodes.Getattr):
        names = [node.attr]
    elif isinstance(node, nodes.Getitem):
        names = [node.arg.value] if isinstance(node.arg, nodes.Const) else []
    else:  # nodes.Filter
        names = [a.value for a in node.args if isinstance(a, nodes.Const)] if node.name == "attr" else []
    return [n for n in names if isinstance(n, str) and n.startswith("_")]


class _ProjectLoader(jinja2.FileSystemLoader):
    """The project's own templates/: a file there that leads outside the project
    (a symlink) is refused before it is read."""

    def __init__(self, root: Path, folder: Path):
        from .project import outside_problem

        problem = outside_problem(root, "templates")
        if problem:
            raise HandoutError(problem, folder)
        super().__init__(str(folder))
        self.root, self.folder = root, folder

    def get_source(self, environment, template):
        from .project import outside_problem

        pieces = split_template_path(template)
        path = self.folder.joinpath(*pieces)
        if os.path.lexists(path):
            problem = outside_problem(self.root, "/".join(["templates", *pieces]))
            if problem:
                raise HandoutError(problem, path)
        return super().get_source(environment, template)


def _bytecode_cache():
    """Compiled templates kept on disk: compiling them costs ~50 ms a run."""
    folder = cache_folder("jinja")
    # A name of its own: code compiled for an unsandboxed environment (an older
    # Handout) must never be loaded into the sandbox.
    return jinja2.FileSystemBytecodeCache(str(folder), "sandboxed-%s.cache") if folder else None


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
