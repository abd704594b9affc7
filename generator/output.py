"""Writing PDFs: the same bytes for the same input, and never a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from . import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

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


class HandoutCanvas(Canvas):
    """Every PDF asks viewers to print at 100%, and names its producer."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invariant", 1)
        super().__init__(*args, **kwargs)
        from reportlab.pdfbase.pdfdoc import PDFName

        self.setViewerPreference("PrintScaling", PDFName("None"))
        self.setProducer(PRODUCER)
        self.setCreator(PRODUCER)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private; a PDF is for sharing, so use the usual mode.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
