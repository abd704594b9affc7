"""Patterns that libraries compile as they are imported, compiled when first used.

ReportLab's paragraph module compiles a pattern for where a long web address may break
(django's, with case-insensitive Unicode ranges: ~35 ms) and one for CJK text (~5 ms);
PyYAML's pure-Python reader compiles one for unprintable characters (~8 ms), which the
C loader Handout uses never needs. Together they were a tenth of a whole build, for
text a trainer's pages hardly ever hold. Imported inside `compiled_when_used`, those
patterns are stand-ins that compile the real one at their first use; a pattern a
library changes is simply compiled on import again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

SLOW = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)",  # reportlab.platypus.paragraph.uri_pat
    "([\u2e80-\uffff])",  # reportlab.lib.textsplit.rx
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF",  # yaml.reader.Reader.NON_PRINTABLE
)


class CompiledWhenUsed:
    """Stands in for a compiled pattern until an attribute (match, split...) is asked for."""

    def __init__(self, pattern: str, flags: int):
        self.args = (pattern, flags)

    def __getattr__(self, name: str):
        return getattr(re.compile(*self.args), name)  # re keeps the compiled pattern


@contextmanager
def compiled_when_used(starts: tuple[str, ...] = SLOW) -> Iterator[None]:
    """While importing: the patterns that start with one of `starts` are compiled later."""
    compile_now = re.compile

    def compile(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(starts):
            return CompiledWhenUsed(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = compile_now
