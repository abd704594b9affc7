"""Compile the built-in templates ahead, into generator/compiled_templates/.

    python scripts/compile_templates.py           # write the modules
    python scripts/compile_templates.py --check   # exit 1 if they are out of date

A build then runs their code instead of parsing and compiling each template (~100 ms
whenever a block is rendered anew). Each module is what Jinja itself compiles; the
package's STAMPS say from which text, by which Jinja, and a template whose stamp does
not match (edited since, another Jinja) is compiled at build time as before. A test
checks that the modules are up to date.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.sandbox import COMPILED, compile_stamp, compiled_module  # noqa: E402
from generator.templates import Templates, builtin_dir  # noqa: E402

HEADER = "# Compiled by scripts/compile_templates.py from templates/{name}: do not edit.\n"


def compiled(language: str = "en") -> dict[str, str]:
    """Every file of the package, by name: a module per template, and __init__.py."""
    with tempfile.TemporaryDirectory() as empty:  # a project without templates of its own
        env = Templates(Path(empty), language).env
        files, stamps = {}, {}
        for path in sorted(builtin_dir().iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            source, filename, _ = env.loader.get_source(env, path.name)
            code = env.compile(source, path.name, filename, raw=True)
            files[f"{compiled_module(path.name)}.py"] = HEADER.format(name=path.name) + code + "\n"
            stamps[path.name] = compile_stamp(env, path.name, source)
    lines = [f"{name!r}: {stamp!r}," for name, stamp in stamps.items()]
    files["__init__.py"] = ('"""The built-in templates compiled ahead (scripts/compile_templates.py); see\n'
                            'sandbox._Builtin. STAMPS: the text and Jinja each was compiled from."""\n\n'
                            "STAMPS = {\n" + "".join(f"    {line}\n" for line in lines) + "}\n")
    return files


def main() -> int:
    folder = REPO / COMPILED.replace(".", "/")
    files = compiled()
    if "--check" in sys.argv:
        stale = [n for n, text in files.items() if not (folder / n).is_file()
                 or (folder / n).read_text(encoding="utf-8") != text]
        extra = [p.name for p in folder.glob("*.py") if p.name not in files]
        if stale or extra:
            print(f"out of date: {', '.join(stale + extra)}; run python scripts/compile_templates.py")
            return 1
        return 0
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.py"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files in {folder.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
