"""Jinja templates that write the text of each block as ReportLab paragraph markup.

One ordered search path: the project's own `templates/` first, the built-in ones
last; `builtin/NAME` always reaches the built-in template so an override can extend
it (the environment and its sandbox are in sandbox.py). Templates see only escaped
user text; the `md` and `paragraphs` filters turn a trainer's `**bold**`/`*italic*`
into markup.

A template's output is a small XML vocabulary that the layout code turns into
flowables: <p style="S">, <li style="S" bullet="1.">, <box style="S">...</box>,
<entry href="#key" page="N">, <columns><col width="W%">...</col></columns>,
<keep>...</keep> (kept on one page), <space h="PT"/>, and the placeholders <image/>,
<tempo/> and <qr/> that the layout fills.

What a template writes for a context is kept in the render cache (rendercache.py):
a build whose blocks are all there never imports Jinja.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from xml.parsers import expat

from . import markup, rendercache
from .cache import state
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
    own = tuple(sorted((str(p), *state(p.stat())) for p in folder.rglob("*") if p.is_file())) \
        if folder.is_dir() else ()
    key = (project_root.resolve(), language, tuple(sorted((labels or {}).items())), folder.is_dir(), own)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = Templates(project_root, language, labels)
    templates = _TEMPLATES[key]
    templates.sources = None  # read again for each build: a built-in file may have changed
    templates._pending.clear()  # an earlier build that failed keeps nothing
    return templates


_TEMPLATES: dict[tuple, Templates] = {}


class Rendered(list):
    """The elements a template wrote, and the text they were read from: the key of
    what is made from them (blocks.markup_key)."""

    def __init__(self, root: ET.Element, text: str):
        super().__init__(root)
        self.text = text


# Texts this process rendered, or read from the render cache and checked, by the
# cache and their key: the next client's booklet or rebuild neither reads nor checks
# them again.
_CHECKED: dict[tuple, str] = {}


# The elements read from a text this process made or checked: nothing changes them once
# read, so every booklet that renders the same text shares them (and what is made from
# them, by element: blocks.inner_markup).
_ELEMENTS: dict[str, ET.Element] = {}


def _elements(text: str) -> ET.Element:
    root = _ELEMENTS.get(text)
    if root is None:
        if len(_ELEMENTS) >= 2000:
            _ELEMENTS.clear()
        root = _ELEMENTS[text] = _parse(text)[0]
    return root


def _remember(key: str, text: str, root=None) -> None:
    if len(_CHECKED) >= 5000:
        _CHECKED.clear()
    _CHECKED[(root or rendercache.cache_root(), key)] = text


def prepare_all() -> None:
    """Make ready every project's templates this process has used. A build whose
    blocks were all in the render cache loaded neither Jinja nor the parser; `watch`
    calls this while the trainer looks at the first PDFs, so that the first save
    does not wait for them (~100 ms)."""
    for templates in list(_TEMPLATES.values()):
        templates.prepare()


class Templates:
    def __init__(self, project_root: Path, language: str = "en",
                 labels: Mapping[str, str] | None = None):
        self.project_root = project_root
        self.user_dir = project_root / "templates"
        if self.user_dir.is_dir():
            from .project import outside_problem

            problem = outside_problem(project_root, "templates")
            if problem:
                raise HandoutError(problem, self.user_dir)
        self.t = labels_for(language, labels)
        # The digest of every template file and their stamps, read at the first render of a build.
        self.sources: tuple[bytes, tuple] | None = None
        self._pending: dict[str, str] = {}  # rendered this build, stored by `flush`
        self._env = None

    @property
    def env(self):
        """The Jinja environment, made when a block is not in the render cache."""
        if self._env is None:
            from .sandbox import environment

            t = self.t
            filters = {"md": markup.inline, "paragraphs": markup.paragraphs, "seconds": _seconds,
                       "numbers": _numbers, "nobreak": _nobreak,
                       "long_date": lambda day: long_date(day, t), "weekday": lambda day: weekday(day, t)}
            self._env = environment(self.project_root, builtin_dir(), {"t": t}, filters,
                                    {"count": _is_count})
        return self._env

    def render_text(self, name: str, **context) -> str:
        """A plain-text template (the mail), with the same error reporting."""
        import jinja2

        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            path = Path(exc.filename) if exc.filename else Path(name)
            raise HandoutError([Problem(path, f"template error: {exc.message}", exc.lineno)]) from None
        except (jinja2.TemplateError, *TEMPLATE_RUNTIME_ERRORS) as exc:
            path, line = _template_location(name)
            raise HandoutError([Problem(path, f"template error: {runtime_message(exc)}", line)]) from None

    def render(self, name: str, **context) -> Rendered:
        """The elements `name` writes for this context."""
        key = self._cache_key(name, context)
        if key is not None:
            text = _CHECKED.get((rendercache.cache_root(), key))  # this process made or checked it
            if text is not None:
                return Rendered(_elements(text), text)
            text = self._pending.get(key) or rendercache.load(key)
            if text is not None:
                try:
                    root = _elements(text)
                    if not tags.check(list(root)):
                        _remember(key, text)
                        return Rendered(root, text)
                except expat.ExpatError:
                    pass  # a damaged entry is a miss: rendered again below
        root, text = self._render_fresh(name, context, key)
        return Rendered(root, text)

    def prepare(self) -> None:
        """Load Jinja, compile the layout templates and load the Markdown parser now,
        though the render cache may not need them yet: see `prepare_all`."""
        import jinja2

        env = self.env
        for name in env.list_templates(filter_func=lambda n: n.endswith(".xml") and not n.startswith("builtin/")):
            try:
                env.get_template(name)
            except (jinja2.TemplateError, HandoutError, OSError, UnicodeError):
                pass  # reported when a build renders it
        markup.prepare()

    def macro(self, name: str, macro: str, *args) -> str:
        """What macro `macro` of template `name` writes for `args`, as text."""
        key = self._cache_key(f"{name}#{macro}", {"args": list(args)})
        text = (self._pending.get(key) or rendercache.load(key)) if key is not None else None
        if text is None:
            text = str(getattr(self.env.get_template(name).module, macro)(*args))
            self._keep(key, text)
        return text

    def _cache_key(self, name: str, context: dict) -> str | None:
        if self.sources is None:
            self.sources = rendercache.sources_digest(builtin_dir(), self.user_dir)
        digest, _ = self.sources
        return rendercache.key(digest, name, context, self.t) if digest else None

    def _keep(self, key: str | None, text: str) -> None:
        """Keep what was rendered, when the build is done (`flush`)."""
        if key is not None:
            self._pending[key] = text

    def store_soon(self) -> None:
        """Start storing what was rendered so far, unless a template file changed since
        its digest was taken: Jinja may have read the new file, and the text is not the
        old one's. Checked once for all of it (the check walks both template folders),
        on a thread, so that a booklet's pages are laid out meanwhile."""
        pending, self._pending = self._pending, {}
        if pending and self.sources:
            stamps, user_dir, root = self.sources[1], self.user_dir, rendercache.cache_root()

            def still_valid() -> bool:
                if not rendercache.unchanged(builtin_dir(), user_dir, stamps):
                    return False
                for key, text in pending.items():
                    _remember(key, text, root)
                return True

            rendercache.store_soon(pending, still_valid)

    def flush(self) -> None:
        """Store what this build rendered, and wait until all of it is written."""
        self.store_soon()
        rendercache.drain()

    def _render_fresh(self, name: str, context: dict, key: str | None) -> tuple[ET.Element, str]:
        import jinja2

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
        self._keep(key, text)  # only what passed every check
        _ELEMENTS.setdefault(text, root)
        return root, text

    def _sources(self, template) -> list[Path]:
        """The template's file, then the files it extends or imports from, in order."""
        import jinja2

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
    import jinja2

    if isinstance(exc, jinja2.TemplateError):
        return str(exc)
    return f"{exc} ({type(exc).__name__})"


def source_problems(paths: list[Path]) -> list[Problem]:
    """What `check` can tell of the project's own templates without rendering them:
    syntax errors, and reaching for Python internals."""
    from .sandbox import source_problems as problems

    return problems(paths)


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
