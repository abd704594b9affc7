"""Writing PDFs: the same bytes for the same input, never a broken or half-written
file, and never a file where the user did not ask for one."""

from __future__ import annotations

import contextlib
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from . import pdfmemo  # noqa: F401  (compressed streams and font subsets kept)
from .errors import HandoutError, Problem, display_path
from .layout.replay import called  # noqa: E402  (links and later forms, made again)
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

try:  # an advisory lock tells a live build's temp file from a killed one's
    import fcntl
except ImportError:  # Windows: stale temp files are then left for the user
    fcntl = None

PRODUCER = "Handout"


def build_epoch(inputs: list[Path]) -> int:
    """The PDFs' date: SOURCE_DATE_EPOCH when set, else the newest input's mtime."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    times = [p.stat().st_mtime for p in inputs if p.exists()]
    return int(max(times)) if times else 0


@contextlib.contextmanager
def pdf_date(epoch: int):
    """ReportLab reads its dates from SOURCE_DATE_EPOCH when a document is created;
    this sets it for the duration of one build and puts the old value back."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


# --- a PDF never carries a number viewers cannot read -----------------------------------

# ReportLab's fp_str writes nan as "nan" (and refuses inf and huge numbers); a viewer
# then meets an unknown operator. Each "nan" or "inf" standing alone is looked at in its
# line, skipping strings, names and inline image data, so that an exercise called
# "Nan's stretch" is not taken for one; text rarely has such words, so this is cheap.
_TOKENS = (r"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>{}%]*|\bID\s.*?~>\s*EI"
           r"|(?P<bad>(?<![\w.])[+-]?(?:nan|inf)(?![\w.]))")
_TEXT_TOKENS = re.compile(_TOKENS, re.S)
_BYTE_TOKENS = re.compile(_TOKENS.encode(), re.S)
_CAUSES = ("most often a picture on that page (an SVG's width, height or viewBox) or a size "
           "such as the bleed is not an ordinary number; fix it and build again")


class BrokenPdf(HandoutError):
    """A PDF that would carry a number which is not finite; nothing is written."""

    def __init__(self, where: str, token: str):
        self.reason = f"{where} would hold a number that is not finite ({token}), which makes a " \
                      f"broken PDF; {_CAUSES}"
        super().__init__([Problem(None, self.reason)])

    def for_file(self, path: Path) -> HandoutError:
        return HandoutError([Problem(path, f"not written, the last good file is kept: {self.reason}")])


def non_finite(code: str | bytes) -> str | None:
    """The first nan or inf written as a number in PDF code, or None. In a whole file
    (bytes), the compressed streams are skipped."""
    binary = isinstance(code, bytes)
    for word in (b"nan", b"inf") if binary else ("nan", "inf"):
        at = code.find(word)
        while at != -1:
            found = _number_at(code, at, binary)
            if found:
                return found
            at = code.find(word, at + 3)
    return None


def _number_at(code, at: int, binary: bool) -> str | None:
    def char(i: int) -> str:
        if not 0 <= i < len(code):
            return " "
        c = code[i]
        return chr(c) if binary else c

    def part_of_word(c: str) -> bool:
        return c.isalnum() or c in "_."

    start = at - 1 if char(at - 1) in "+-" else at
    if part_of_word(char(start - 1)) or part_of_word(char(at + 3)):
        return None  # banana, information
    newline = b"\n" if binary else "\n"
    if binary and _in_stream(code, at):
        return None
    line_start = code.rfind(newline, 0, start) + 1
    line_end = code.find(newline, at)
    tokens = _BYTE_TOKENS if binary else _TEXT_TOKENS
    for token in tokens.finditer(code, line_start, len(code) if line_end == -1 else line_end):
        if token.start() >= start:
            found = token.group("bad") if token.start() == start else None
            return (found.decode() if binary else found) if found else None
    return None


def _in_stream(data: bytes, at: int) -> bool:
    """Inside a stream's (compressed) data: the last keyword before is `stream`."""
    keyword = data.rfind(b"stream", 0, at)
    return keyword != -1 and data[keyword - 3:keyword] != b"end"


def check_pdf(data: bytes) -> None:
    """Page boxes, link rectangles and the rest outside the content streams (which
    HandoutCanvas checks as it draws them)."""
    token = non_finite(data)
    if token:
        raise BrokenPdf("a page box or link", token)


@contextlib.contextmanager
def finite_numbers():
    """ReportLab refuses infinite and huge numbers with a bare ValueError from deep
    inside its drawing code; report it like a nan."""
    try:
        yield
    except ValueError as exc:
        if "_fp_str" not in str(exc) and "number too large" not in str(exc):
            raise
        raise BrokenPdf("a drawing", str(exc).rsplit(" ", 1)[-1]) from None


class HandoutCanvas(Canvas):
    """Every PDF asks viewers to print at 100%, names its producer, and refuses to
    close a page or form that holds a number which is not finite."""

    def __init__(self, *args, images=None, **kwargs):
        kwargs.setdefault("invariant", 1)
        super().__init__(*args, **kwargs)
        # The build's pictures (images.ImageStore): a drawing written again from its
        # operators places that build's photos (images._place_photo).
        self._handout_images = images
        from reportlab.pdfbase.pdfdoc import PDFName

        self.setViewerPreference("PrintScaling", PDFName("None"))
        self.setProducer(PRODUCER)
        self.setCreator(PRODUCER)
        self._later: dict[str, tuple] = {}
        self._broken: BrokenPdf | None = None  # the first page found broken (see showPage)

    def later(self, name: str, box: tuple[float, float, float, float], draw) -> None:
        """Place the form `name` here and draw it only when the document is complete:
        `draw(canvas)` then draws into `box` (x0, y0, x1, y1) what only the whole
        document knows (the page count, a page number in the contents). The layout
        runs once instead of until its numbers settle."""
        called(self, HandoutCanvas._later_now, (name, box, draw), {})

    def _later_now(self, name, box, draw) -> None:
        self.doForm(name)
        self._later.setdefault(name, (box, draw))

    # Links are made again when a drawing is written again from its operators (replay).
    def linkRect(self, *args, **kwargs):
        return called(self, Canvas.linkRect, args, kwargs)

    def linkURL(self, *args, **kwargs):
        return called(self, Canvas.linkURL, args, kwargs)

    def save(self):
        if self._broken is not None:
            raise self._broken
        for name, (box, draw) in self._later.items():
            self.beginForm(name, *box)
            draw(self)
            self.endForm()
        self._later.clear()
        super().save()

    def showPage(self):
        """A broken page is reported when the PDF would be saved: platypus ends pages
        inside its own handlers (a frame break), which remake any exception raised
        there from its message alone."""
        where = f"page {self.getPageNumber()}"
        sizes = [*self._pagesize, *(n for box in ("crop", "art", "bleed", "trim")
                                    for n in getattr(self, f"_{box}Box", None) or ())]
        bad = next((n for n in sizes if not math.isfinite(n)), None)
        try:
            if bad is not None:
                raise BrokenPdf(f"the size of {where}", str(bad))
            self._check_code(where)
        except BrokenPdf as broken:
            self._broken = self._broken or broken
        super().showPage()

    def endForm(self, **extra):
        self._check_code(f"a part drawn on page {self.getPageNumber()}")
        super().endForm(**extra)

    def _check_code(self, where: str) -> None:
        token = non_finite("\n".join(self._code))
        if token:
            raise BrokenPdf(where, token)


# --- where outputs may go ---------------------------------------------------------------


class CannotWrite(HandoutError, OSError):
    """`cannot write PATH: reason`. An OSError too, so callers that handle a failed
    write keep working."""

    def __init__(self, path: Path, reason: str, errno: int | None = None):
        HandoutError.__init__(self, [Problem(None, f"cannot write {display_path(path)}: {reason}")])
        self.errno, self.strerror, self.filename = errno, reason, str(path)

    def __str__(self) -> str:
        return self.message


def project_inputs(project) -> list[Path]:
    """Every file of `project` an output must never replace."""
    found = set(project.input_files())
    templates = project.root / "templates"
    if templates.is_dir():
        found.update(p for p in templates.rglob("*") if p.is_file())
    from .project import CLIENT_FILES

    found.update(project.root / name for name in CLIENT_FILES if (project.root / name).is_file())
    found.update((project.root / "exercises").glob("*.y*ml"))
    return sorted(found)


def safe_target(root: Path, path: Path, inputs: Iterable[Path] = (), *, chosen: bool = False,
                magic: bytes | None = None) -> Path:
    """`path` if a file may be written there, else CannotWrite saying why.

    A path the user did not choose (out/, out/clients/, out/mail/) must stay inside the
    project `root` once links are followed: a shared project's `out` may be a link to
    anywhere. No output replaces one of `inputs`, a device, a pipe or a folder; with
    `magic`, an existing file is replaced only when it starts with those bytes (an
    earlier PDF), so a mistyped -o never eats a document.
    """
    try:
        real = path.resolve()
        if not chosen and not real.is_relative_to(root.resolve()):
            link = next((p for p in (path, *path.parents) if p.is_symlink()), path)
            raise CannotWrite(path, f"{display_path(link)} leads outside the project (to "
                              f"{real.parent}); remove that link or give -o FOLDER")
        _check_folders(path, real)
        if not real.exists():
            return path
        info = real.stat()
        if stat.S_ISDIR(info.st_mode):
            raise CannotWrite(path, "it is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise CannotWrite(path, "it is not an ordinary file (a device or a pipe); give a file name")
        same = next((given for given in inputs if _same_file(info, given)), None)
        if same is not None:
            known = "" if same.resolve() == real else f" ({display_path(same)})"
            raise CannotWrite(path, f"it is one of the project's own files{known}; give another name")
        if magic and info.st_size:
            with real.open("rb") as handle:
                if handle.read(len(magic)) != magic:
                    raise CannotWrite(path, "a file that is not a PDF is there; give another name, or "
                                      "move that file away")
    except (OSError, RuntimeError) as exc:  # a loop of links, a folder we may not read
        if isinstance(exc, CannotWrite):
            raise
        raise CannotWrite(path, _reason(exc)) from None
    return path


def _same_file(info: os.stat_result, other: Path) -> bool:
    try:
        return os.path.samestat(info, other.stat())
    except OSError:
        return False


def _check_folders(path: Path, real: Path) -> None:
    """The nearest existing folder above the file must be a folder we may write in."""
    for folder in real.parents:
        if folder.exists():
            if not folder.is_dir():
                raise CannotWrite(path, f"{display_path(folder)} is a file, not a folder")
            if not os.access(folder, os.W_OK | os.X_OK):
                raise CannotWrite(path, f"no permission to write in {display_path(folder)}")
            return


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


# --- writing -----------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes, swept: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it into place. `swept`: the
    caller has already removed a killed build's temp files (`remove_stale_temps_of`)."""
    write_all([(path, data)], swept)


def write_all(outputs: list[tuple[Path, bytes]], swept: bool = False) -> None:
    """Write every output to a temporary file first and rename them into place only
    when all are written, so a kill never leaves a new poster beside an old booklet.
    Temp files that a killed earlier build left behind are removed first."""
    temps: list[tuple[Path, Path, int]] = []  # (temp, target, open descriptor holding the lock)
    renamed = 0
    try:
        if not swept:
            remove_stale_temps_of([path for path, _ in outputs])
        for path, data in outputs:
            temps.append(_write_temp(path, data))
        for tmp, path, _ in temps:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise CannotWrite(path, _reason(exc), exc.errno) from None
            renamed += 1
    finally:
        for index, (tmp, _, fd) in enumerate(temps):
            os.close(fd)
            if index >= renamed:  # something failed: no leftovers
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _write_temp(path: Path, data: bytes) -> tuple[Path, Path, int]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CannotWrite(path, _reason(exc), exc.errno) from None
    tmp = Path(name)
    try:
        if fcntl:
            fcntl.flock(fd, fcntl.LOCK_EX)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        # mkstemp makes the file private; a PDF is for sharing, so use the usual mode.
        os.chmod(tmp, 0o666 & ~_umask())
    except OSError as exc:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CannotWrite(path, _reason(exc), exc.errno) from None
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp, path, fd


def remove_stale_temps(path: Path) -> None:
    """Remove `.NAME.XXXX.tmp` files that a killed write of `path` left behind; one
    that a running build still holds (it keeps a lock on it) stays."""
    remove_stale_temps_of([path])


def remove_stale_temps_of(paths: list[Path]) -> None:
    """`remove_stale_temps` for many outputs, each folder listed once: a client list's
    batch writes hundreds of booklets into one folder."""
    if not fcntl:
        return
    names: dict[Path, set[str]] = {}
    for path in paths:
        names.setdefault(path.parent, set()).add(path.name)
    for folder, wanted in names.items():
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            # mkstemp's names: "." + the output's name + "." + letters, digits, "_" + ".tmp"
            if not (entry.startswith(".") and entry.endswith(".tmp")):
                continue
            name, _, middle = entry[1:-4].rpartition(".")
            if name in wanted and middle and re.fullmatch(r"\w+", middle):
                _remove_unless_held(folder / entry)


def _remove_unless_held(stale: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(stale, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.unlink(stale)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
