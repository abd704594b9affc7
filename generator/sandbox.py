"""The Jinja environment templates run in: one ordered search path and a sandbox.

Kept apart from templates.py so that a build whose every block is in the render
cache never imports Jinja (~70 ms): only this module does.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import HandoutError, Problem

SYNTAX = {"trim_blocks": True, "lstrip_blocks": True}  # how every template is read
_MAX_REPEAT = 100_000  # characters or items from `*` in a template
_MAX_POWER = 100


def environment(project_root: Path, builtin: Path, globals_: Mapping[str, object],
                filters: Mapping[str, Callable], tests: Mapping[str, Callable]) -> jinja2.Environment:
    """The project's templates/ first, the built-in ones last; `builtin/NAME` always
    reaches the built-in template so an override can extend it."""
    builtin_loader = _Builtin(str(builtin))
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": builtin_loader})]
    user_dir = project_root / "templates"
    if user_dir.is_dir():
        loaders.append(_ProjectLoader(project_root, user_dir))
    loaders.append(builtin_loader)
    # A project may come from a stranger: its templates run in the immutable
    # sandbox, which refuses Python internals and changing values.
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        # Layout templates write markup, so user text is escaped in them; the mail
        # template is plain text.
        autoescape=jinja2.select_autoescape(enabled_extensions=("xml",), default=True,
                                            disabled_extensions=("txt",)),
        undefined=jinja2.StrictUndefined,
        # No bytecode cache: Jinja's is marshalled code that it would run, and a file
        # in the cache folder may have been tampered with. The render cache keeps the
        # output instead, so a build compiles only when a block changed.
        **SYNTAX,
    )
    for unused in ("cycler", "joiner", "lipsum"):  # no built-in template needs them
        env.globals.pop(unused, None)
    env.globals.update(globals_)
    env.filters.update(filters)
    env.tests.update(tests)
    return env


# The built-in templates compiled ahead by scripts/compile_templates.py: a module each,
# and their stamps in the package's __init__.
COMPILED = "generator.compiled_templates"


def compiled_module(name: str) -> str:
    """The module a built-in template is compiled into: mail.de.txt -> mail_de_txt."""
    return re.sub(r"\W", "_", name)


def compile_stamp(env: jinja2.Environment, name: str, source: str) -> str:
    """What the code compiled from a template depends on: its text, Jinja's version,
    and how this environment reads and escapes that name."""
    escape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    settings = f"jinja {jinja2.__version__}|{type(env).__name__}|{sorted(SYNTAX.items())}|escape {escape}"
    return hashlib.blake2b(f"{settings}|{source}".encode(), digest_size=16).hexdigest()


class _Builtin(jinja2.FileSystemLoader):
    """The built-in templates, run from the code compiled ahead when it was compiled
    from this very text by this Jinja, else compiled here: parsing and compiling them
    was ~100 ms of any build that renders a block anew (an edited exercise)."""

    def load(self, environment, name, globals=None):
        source, filename, uptodate = self.get_source(environment, name)
        code = _compiled_code(environment, name, source)
        if code is None:
            code = environment.compile(source, name, filename)
        template = environment.template_class.from_code(environment, code, globals or {}, uptodate)
        template.filename = filename  # errors name the template, not the compiled module
        return template


def _compiled_code(env, name: str, source: str):
    try:
        stamps = importlib.import_module(COMPILED).STAMPS
        spec = importlib.util.find_spec(f"{COMPILED}.{compiled_module(name)}")
    except (ImportError, AttributeError, ValueError):
        return None
    if spec is None or stamps.get(name) != compile_stamp(env, name, source):
        return None
    return spec.loader.get_code(spec.name)  # from its .pyc when there is one


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
    env = _Sandbox(**SYNTAX)
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
