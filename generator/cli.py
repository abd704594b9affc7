"""The `handout` command: parses options and calls the library, nothing more."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__, collect_garbage_rarely
from .errors import HandoutError, Problem
from .paper import BOOKLET_SIZES, POSTER_SIZES


project_arg = click.argument(
    "project", type=click.Path(path_type=Path), default=".", required=False
)
strict_opt = click.option("--strict", is_flag=True, help="Treat warnings as errors.")
clients_opt = click.option("--clients", "clients_file", type=click.Path(path_type=Path, dir_okay=False),
                           help="The client list (default: clients.yaml or clients.csv in the project).")


def _output_path(ctx, param, value: str | None) -> Path | None:
    """-o as typed. Whether a file may go there is the library's to say (exit 1 with
    `cannot write PATH: reason`); an empty path is refused here, before Path() reads
    it as the current folder."""
    if value is not None and not value.strip():
        raise HandoutError(f"cannot write '{value}': the path is empty; give a file or folder name")
    return Path(value) if value is not None else None


def _report(result_or_project) -> None:
    project = getattr(result_or_project, "project", result_or_project)
    for warning in project.warnings:
        click.echo(str(warning), err=True)
    for path in getattr(result_or_project, "written", []):
        click.echo(f"wrote {click.format_filename(path)}")


def run() -> None:
    """The console script's work in this process (generator/launch.py hands a build to
    a warm process when it can). Once the command is done (every file written, renamed
    and closed), the process ends at once: tearing the interpreter down, module by
    module, costs ~70 ms and does nothing a finished command needs."""
    collect_garbage_rarely()
    os._exit(command(sys.argv[1:]))


def command(args: list[str]) -> int:
    """Run one command line (without the program's name) to its end: its exit status,
    once everything it stores is stored and its output is flushed."""
    try:
        main.main(args, prog_name="handout")  # Click ends every run with SystemExit
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    render_cache = sys.modules.get("generator.rendercache")
    if render_cache is not None:  # a build that failed midway may still be storing
        render_cache.drain()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`handout ... | head`): nothing to keep
            pass
    return code or 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handout")
def main():
    """Turn exercise files (YAML and pictures) into a print-ready poster and booklet.

    PROJECT is a folder holding handout.yaml, or the path of a project file; the
    default is the current folder. Start one with `handout new FOLDER`.
    """


@main.command()
@project_arg
@click.option("-o", "--output", "out_dir", type=click.Path(), callback=_output_path,
              help="Folder for the PDFs (default: PROJECT/out).")
@strict_opt
def build(project, out_dir, strict):
    """Make the poster and the booklet."""
    from .build import build as run

    _report(run(project, out_dir, strict=strict))


@main.command()
@project_arg
@click.option("--size", type=click.Choice(POSTER_SIZES, case_sensitive=False),
              help="Paper size (default: poster.size in handout.yaml, else A3).")
@click.option("--orientation", type=click.Choice(["portrait", "landscape"], case_sensitive=False),
              help="Paper orientation (default: poster.orientation, else portrait).")
@click.option("--bleed", type=click.FloatRange(0, 20), metavar="MM",
              help="Extend backgrounds MM millimetres past the trim, for a print shop (3 is usual).")
@click.option("--crop-marks", is_flag=True, default=None,
              help="Draw crop marks outside the trim (adds 10 mm of paper each side).")
@click.option("--only", metavar="ID,ID",
              help="Only these exercises, in this order (ids are exercise file names).")
@click.option("-o", "--output", "out_file", type=click.Path(), callback=_output_path,
              help="The PDF to write (default: PROJECT/out/<title>-poster.pdf).")
@strict_opt
def poster(project, size, orientation, bleed, crop_marks, only, out_file, strict):
    """Make the one-page poster for the gym wall."""
    from .build import build as run
    from .layout.poster import PosterOptions

    options = PosterOptions(
        size=_canonical(size, POSTER_SIZES),
        orientation=orientation.lower() if orientation else None,
        bleed_mm=bleed,
        crop_marks=crop_marks,
        only=[i.strip() for i in only.split(",") if i.strip()] if only else None,
    )
    _report(run(project, booklet=False, poster_file=out_file, poster_options=options, strict=strict))


@main.command()
@project_arg
@click.option("--size", type=click.Choice(BOOKLET_SIZES, case_sensitive=False),
              help="Page size (default: booklet.size in handout.yaml, else A5).")
@click.option("--profile", type=click.Choice(["email", "print"], case_sensitive=False),
              help="email: photos at about 150 dpi, a small file (default); print: about 300 dpi.")
@click.option("--impose", is_flag=True,
              help="Also write <name>-imposed.pdf: two pages a sheet side, to print duplex, fold "
                   "and staple.")
@click.option("--client", metavar="NAME",
              help="One client's own booklet: their name, note, exercises and doses "
                   "(from clients.yaml or clients.csv).")
@clients_opt
@click.option("-o", "--output", "out_file", type=click.Path(), callback=_output_path,
              help="The PDF to write (default: PROJECT/out/<title>-booklet.pdf; for a client, "
                   "PROJECT/out/clients/<title>-<client>.pdf).")
@strict_opt
def booklet(project, size, profile, impose, client, clients_file, out_file, strict):
    """Make the booklet to email or print for clients."""
    from .build import build as run
    from .layout.booklet import BookletOptions

    options = BookletOptions(size=_canonical(size, BOOKLET_SIZES),
                             profile=profile.lower() if profile else None, impose=impose)
    if client:
        from .batch import client_path
        from .clients import load_clients, personalise
        from .project import load_project

        loaded = load_project(project, strict=strict)
        options.client = load_clients(loaded, clients_file).find(client)
        out_file = out_file or client_path(loaded, options.client, None)
        _report(run(project, poster=False, booklet_file=out_file, booklet_options=options,
                    strict=strict, transform=lambda p: personalise(p, options.client)))
        return
    _report(run(project, poster=False, booklet_file=out_file, booklet_options=options, strict=strict))


@main.command()
@project_arg
@clients_opt
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Booklets made at once (default: one per core).")
@click.option("--profile", type=click.Choice(["email", "print"], case_sensitive=False),
              help="email: photos at about 150 dpi (default); print: about 300 dpi.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the booklets (default: PROJECT/out/clients).")
def booklets(project, clients_file, jobs, profile, out_dir):
    """Make a booklet for every client in clients.yaml or clients.csv."""
    from .batch import build_booklets, prepare

    loaded, clients, epoch = prepare(project, clients_file)
    _run_batch(build_booklets(project, clients, loaded, epoch, jobs=jobs, out_dir=out_dir,
                              profile=profile.lower() if profile else None), len(clients.clients))


@main.command()
@project_arg
@clients_opt
@click.option("--dry-run", is_flag=True, help="Write each message as a .eml file in out/mail/ instead.")
@click.option("--yes", is_flag=True, help="Send without asking (for scripts).")
@click.option("--resend-changed", is_flag=True,
              help="Also send again to clients whose booklet changed since they got it.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Booklets made at once (default: one per core).")
def send(project, clients_file, dry_run, yes, resend_changed, jobs):
    """Email each client their booklet once, using mail: in handout.yaml (or in your own
    config.yaml, which wins).

    The password is read from HANDOUT_SMTP_PASSWORD. A rerun sends only what was not
    sent; a booklet that changed goes again only with --resend-changed.
    """
    from .sending import Hooks, send as run

    hooks = Hooks(tell=lambda message, error: click.echo(message, err=error),
                  ask=lambda question: _confirm(question, yes),
                  make=lambda outcomes, total: _run_batch(outcomes, total, finish=False))
    run(project, clients_file, hooks, dry_run=dry_run, resend_changed=resend_changed, jobs=jobs)


def _confirm(question: str, yes: bool) -> None:
    """Ask on a terminal; scripts answer with --yes; with neither, send nothing."""
    click.echo(question)
    if yes:
        return
    if not sys.stdin.isatty():
        raise HandoutError([Problem(None, "nothing was sent: there is no terminal to ask on; pass --yes "
                                    "to send without asking")])
    if not click.confirm("Send them?", default=False):
        raise HandoutError([Problem(None, "nothing was sent")])


def _run_batch(outcomes, total: int, finish: bool = True) -> dict:
    """Show progress; report each failure; exit 1 at the end if any client failed."""
    done, failed = {}, []
    with click.progressbar(outcomes, length=total, label="booklets", file=sys.stderr,
                           show_pos=True) as bar:
        for outcome in bar:
            if outcome.error:
                failed.append(outcome)
            else:
                done[outcome.client.slug] = outcome.path
    for outcome in failed:
        click.echo(f"{outcome.client.name}: {outcome.error}", err=True)
    if done:
        folder = next(iter(done.values())).parent
        click.echo(f"wrote {len(done)} booklet(s) in {click.format_filename(folder)}")
    if failed and finish:
        raise HandoutError([Problem(None, f"{len(failed)} of {total} booklets failed: "
                                    + ", ".join(o.client.name for o in failed))])
    return done


@main.command(short_help="Check every file of the project; build nothing.")
@project_arg
@strict_opt
def check(project, strict):
    """Check every file of the project and report problems; build nothing."""
    from .build import check as run

    loaded, clients = run(project, strict=strict)
    _report(loaded)
    extra = f" and {clients} clients" if clients is not None else ""
    click.echo(f"ok: {len(loaded.exercises)} exercises in '{loaded.settings.title}'{extra}")


@main.command(short_help="Build, then rebuild on every save.")
@project_arg
@click.option("-o", "--output", "out_dir", type=click.Path(), callback=_output_path,
              help="Folder for the PDFs (default: PROJECT/out).")
def watch(project, out_dir):
    """Build, then rebuild the PDFs each time you save a file of the project.

    A mistake is reported and the last good PDFs stay as they were. Ctrl-C stops.
    """
    from .watch import watch as run

    run(project, out_dir, lambda message, error: click.echo(message, err=error))


@main.command(short_help="Start a project: two examples, or ready exercises (--with).")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--with", "with_ids", metavar="ID,ID",
              help="Start from these ready exercises of the library instead of the two examples "
                   "(see `handout add --list`).")
def new(folder, with_ids):
    """Start a project in FOLDER with two example exercises to edit, or with ready
    exercises from the library (--with)."""
    from .library import split_ids
    from .starter import create

    create(folder, split_ids(with_ids) if with_ids is not None else None)
    click.echo(f"created a project in {click.format_filename(folder)}; "
               f"edit its files, then run: handout build {click.format_filename(folder)}")


@main.command(short_help="Copy ready exercises from the library into the project.")
@click.argument("args", nargs=-1, metavar="ID... [PROJECT]")
@click.option("--list", "show_list", is_flag=True, help="List the library's exercises: id and name.")
def add(args, show_list):
    """Copy ready exercises (the file and its drawing) from the built-in library into
    the project, and add their ids to the end of the list in handout.yaml.

    PROJECT, given last, is the project's folder or file (default: the current folder).
    An id already in the project is refused, and nothing is written unless every id can
    be added.
    """
    from . import library

    if show_list:
        if args:
            raise click.UsageError("give ids to add, or --list, not both")
        click.echo("\n".join(library.listing()))
        return
    wanted, project = library.split_arguments(args)
    if not wanted:
        raise click.UsageError("give the ids of the exercises to add (`handout add --list` shows them)")
    click.echo("\n".join(library.add(project, wanted).report()))


@main.command(short_help="Print the JSON Schema of a file kind, for editors.")
@click.argument("kind", type=click.Choice(["project", "exercise"]))
def schema(kind):
    """Print the JSON Schema of a project or exercise file, for editors."""
    from .schema import schema_json

    click.echo(schema_json(kind))


def _canonical(size: str | None, allowed: tuple[str, ...]) -> str | None:
    if size is None:
        return None
    return next(name for name in allowed if name.lower() == size.lower())
