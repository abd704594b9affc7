"""The booklet: cover, contents, intro and sections, a page per exercise, the author.

Page numbers are physical (the cover is page 1 and shows no footer). The contents and
the "of N" in every footer need the final numbers, so the document is laid out until
the numbers stop changing: twice, unless the contents itself moves a page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.pagesizes import A4, A5, LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from markupsafe import escape  # noqa: E402

from ..images import ImageStore, PictureBox  # noqa: E402
from ..output import HandoutCanvas  # noqa: E402
from ..project import LoadedProject  # noqa: E402
from ..qr import qr_drawing, short_url  # noqa: E402
from ..templates import Templates  # noqa: E402
from .blocks import PALETTE, Anchored, Exercise, Palette, TempoBar, flowables, make_styles  # noqa: E402
from .log import sets_log, tick_log  # noqa: E402

SIZES = {"A5": A5, "A4": A4, "Letter": LETTER}
BASE_SIZE = {"A5": 10.0, "A4": 11.5, "Letter": 11.5}
MAX_PASSES = 4
NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    level: int
    page: str = ""


class OutlineMark(Flowable):
    """An outline entry with no heading of its own (the "Exercises" parent)."""

    def __init__(self, key: str, title: str, pages: dict[str, int]):
        super().__init__()
        self.key, self.title, self.pages = key, title, pages
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
        self.pages[self.key] = self.canv.getPageNumber()


class Montage(Flowable):
    """The exercises' pictures in a grid on a panel: the cover when none is given."""

    def __init__(self, pictures, width, height, palette: Palette):
        super().__init__()
        self.pictures, self.width, self.height, self.palette = pictures, width, height, palette
        self.max_h = height

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.setFillColor(self.palette.panel)
        self.palette.panel_rect(canv, 0, 0, self.width, self.height, 8)
        n = len(self.pictures)
        if not n:
            return
        cols = 1 if n == 1 else 2 if n <= 4 else 3
        rows = -(-n // cols)
        pad = 8
        cell_w = (self.width - pad * (cols + 1)) / cols
        cell_h = (self.height - pad * (rows + 1)) / rows
        for index, picture in enumerate(self.pictures):
            row, col = divmod(index, cols)
            x = pad + col * (cell_w + pad)
            y = self.height - (row + 1) * (cell_h + pad)
            picture.draw(canv, x, y, cell_w, cell_h)


@dataclass
class BookletOptions:
    size: str | None = None
    profile: str | None = None
    impose: bool = False
    client: object | None = None  # a clients.Client: their name and note on the cover


class Booklet:
    def __init__(self, project: LoadedProject, templates: Templates, images: ImageStore,
                 options: BookletOptions | None = None, palette: Palette = PALETTE):
        options = options or BookletOptions()
        self.project = project
        self.settings = project.settings
        self.templates = templates
        self.images = images
        self.half = self.settings.booklet.layout == "half"
        self.client = options.client
        self.size = options.size or self.settings.booklet.size
        self.pagesize = SIZES[self.size]
        self.palette = palette
        self.styles = make_styles(BASE_SIZE[self.size] * palette.scale, palette)
        self.t = templates.env.globals["t"]
        w, h = self.pagesize
        self.margin = 14 * mm if self.size == "A5" else 18 * mm
        self.frame_w = w - 2 * self.margin
        self.frame_h = h - self.margin - (self.margin + 6 * mm)
        self._rendered: dict[str, list] = {}

    # --- the text of each block, rendered once -------------------------------------

    def _render(self, cache_key: str, name: str, **context):
        if cache_key not in self._rendered:
            self._rendered[cache_key] = self.templates.render(name, **context)
        return self._rendered[cache_key]

    # --- the story ----------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        s = self.settings
        entries = []
        if s.intro:
            entries.append(Entry("intro", self.t["introduction"], 0))
        for index, section in enumerate(s.sections):
            entries.append(Entry(f"section-{index}", section.title, 0))
        exercises = self.project.exercises
        if exercises:
            entries.append(Entry("exercises", self.t["exercises"], 0))
            entries += [Entry(f"ex-{ex.id}", ex.content.name, 1) for ex in exercises]
        if exercises:
            entries.append(Entry("log", self.t["log"], 0))
        if s.author:
            entries.append(Entry("author", self.t["about_author"], 0))
        if s.credits:
            entries.append(Entry("credits", self.t["credits"], 0))
        return entries

    def _story(self, known: dict[str, int], pages: dict[str, int], total: int | None) -> list:
        s = self.settings
        story: list = [NextPageTemplate("body")]
        story += self._cover()
        story.append(PageBreak())

        entries = [
            Entry(e.key, e.title, e.level, str(known.get(e.key, ""))) for e in self._entries()
        ]
        contents = self.templates.render("contents.xml", entries=entries)
        story += self._flow(contents, pages)
        # The intro follows the contents on its page when it fits: no half-empty page.
        story.append(Spacer(1, self.styles["body"].fontSize * 1.5))

        first = True
        if s.intro:
            story += self._flow(self._render("intro", "section.xml", key="intro",
                                             title=self.t["introduction"], body=s.intro, lead=True), pages)
            first = False
        for index, section in enumerate(s.sections):
            if not first:
                story.append(Spacer(1, self.styles["body"].fontSize))
            story += self._flow(self._render(f"section-{index}", "section.xml", key=f"section-{index}",
                                             title=section.title, body=section.body, lead=False), pages)
            first = False
        for index, tip in enumerate(s.tips):
            story += self._flow(self._render(f"tip-{index}", "tip.xml", title=tip.title, body=tip.body), pages)

        exercises = self.project.exercises
        if self.half:
            # Two exercises a page: each starts in the next half.
            story += [NextPageTemplate("half"), PageBreak()]
        for index, ex in enumerate(exercises):
            if index or not self.half:
                story.append(FrameBreak() if self.half else PageBreak())
            if index == 0:
                story.append(OutlineMark("exercises", self.t["exercises"], pages))
            elements = self._render(f"ex-{ex.id}", "exercise.xml", key=f"ex-{ex.id}",
                                    ex=ex.content, id=ex.id, half=self.half)
            heading = Paragraph(f"{escape(ex.content.name)} ({escape(self.t['continued'])})",
                                self.styles["h2"])
            story.append(Exercise(
                lambda scale, ex=ex, elements=elements: self._flow(
                    elements, pages, image=self._exercise_image(ex, scale), exercise=ex.content),
                heading))

        if exercises:
            story += [NextPageTemplate("body"), PageBreak()]
            story += self._log(pages)
        if s.author or s.credits:
            story.append(PageBreak())
        if s.author:
            story += self._flow(self._render("author", "author.xml", key="author", author=s.author),
                                pages, image=self._author_photo())
        if s.credits:
            story.append(Spacer(1, self.styles["body"].fontSize * 1.5))
            story += self._flow(self._render("credits", "credits.xml", key="credits",
                                             credits=s.credits), pages)
        return story

    def _flow(self, elements, pages, image=None, exercise=None) -> list:
        fill = {"image": lambda el: [image] if image else []}
        if exercise is not None:
            fill["qr"] = lambda el: self._qr(exercise.video) if exercise.video else []
            fill["tempo"] = lambda el: (
                [TempoBar(exercise.tempo, self.t, self.styles["strong"], self.palette)]
                if exercise.tempo else [])
        return flowables(elements, self.styles, fill, self.palette, pages)

    def _log(self, pages) -> list:
        """The log pages: a heading (a link target), then ticks or a page per session."""
        booklet = self.settings.booklet
        exercises = self.project.exercises
        heading = Anchored(escape(self.t["log"]), self.styles["h1"], "log", self.t["log"], 0, pages)
        start = self.client.start if self.client else None
        if booklet.log == "ticks":
            return [heading] + tick_log(exercises, booklet.weeks, self.styles, self.frame_w,
                                        self.palette, self.t, start)
        opened = []

        def page_heading(title: str) -> list:
            session = Paragraph(title, self.styles["h2"])
            first = not opened
            opened.append(title)
            return [heading, session] if first else [session]

        return sets_log(exercises, booklet.weeks, self.styles, self.frame_w, self.palette, self.t,
                        page_heading, start)

    def _qr(self, url: str) -> list:
        """The code and, under it, the address to type by hand."""
        code = qr_drawing(url, 26 * mm)
        code.hAlign = "LEFT"
        link = f'<a href="{escape(url)}">{escape(short_url(url))}</a>'
        return [KeepTogether([code, Spacer(1, 3), Paragraph(link, self.styles["meta"])])]

    def _cover(self) -> list:
        s = self.settings
        if s.cover:
            picture = self.images.get(self.project.resolve(s.cover))
            art = PictureBox(picture, self.frame_w, self.frame_h * 0.5, fit="cover")
        else:
            pictures = [self.images.get(ex.image_path) for ex in self.project.exercises if ex.image_path]
            art = Montage(pictures[:9], self.frame_w, self.frame_h * 0.5, self.palette)
        elements = self._render("cover", "cover.xml", title=s.title, subtitle=s.subtitle, author=s.author,
                                client=self.client)
        gap = Spacer(1, 10 * mm)
        # The cover is one page: the picture gives up height to the text it must hold,
        # then the title and subtitle step down in size; past that, all of it shrinks.
        for scale in (1.0, 0.7, 0.45):
            styles = dict(self.styles)
            for name in ("cover_title", "cover_sub"):
                base = self.styles[name]
                size = max(self.styles["body"].fontSize, base.fontSize * scale)
                styles[name] = ParagraphStyle(name, parent=base, fontSize=size,
                                              leading=size * base.leading / base.fontSize)
            story = flowables(elements, styles, {"image": lambda el: [art, gap]}, self.palette)
            text = sum(f.wrap(self.frame_w, self.frame_h)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                       for f in story if f is not art)
            room = self.frame_h - text - 2 * mm
            art.height = art.max_h = max(self.frame_h * 0.2, min(self.frame_h * 0.5, room))
            if room >= art.height:
                return story
        return [KeepInFrame(self.frame_w, self.frame_h - 1, story, mode="shrink")]

    def _exercise_image(self, ex, scale: float = 1.0):
        """The exercise's picture, at `scale` of its usual height (see blocks.Exercise)."""
        if not ex.image_path:
            return None
        picture = self.images.get(ex.image_path)
        content = ex.content
        tallest = self.frame_h * (0.17 if self.half else 0.4) * scale
        box = PictureBox(picture, self.frame_w, tallest, content.image_fit,
                         content.image_focus, valign=1.0, alt=content.image_alt)
        box.spaceAfter = 4
        return box

    def _author_photo(self):
        author = self.settings.author
        if not author or not author.photo:
            return None
        picture = self.images.get(self.project.resolve(author.photo))
        size = 32 * mm
        box = PictureBox(picture, size, size, fit="cover")
        box.hAlign = "LEFT"
        box.spaceAfter = 6
        return box

    # --- pages ----------------------------------------------------------------------

    def _doc(self, buffer, total: int | None) -> BaseDocTemplate:
        s = self.settings
        w, h = self.pagesize
        m = self.margin
        frame = Frame(m, m + 6 * mm, self.frame_w, self.frame_h, id="body", **NO_PADDING)
        keywords = sorted({t for ex in self.project.exercises for t in ex.content.targets})
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            title=s.title,
            author=s.author.name if s.author else "",
            subject=s.subtitle or "",
            keywords=keywords,
            creator="Handout",
            producer="Handout",
            initialFontName=self.palette.regular,
        )
        footer_style = self.styles["small"]

        logo = self.settings.theme.logo
        logo = self.images.get(self.project.resolve(logo)) if logo else None

        def cover_page(canv, doc):
            canv.saveState()
            canv.setFillColor(self.palette.accent)
            canv.rect(0, h - 5 * mm, w, 5 * mm, stroke=0, fill=1)
            if logo:  # the gym's logo at the foot of the cover, right-aligned
                logo.draw(canv, m, m, self.frame_w, 16 * mm, align=1.0, valign=0.0)
            canv.restoreState()

        def body_page(canv, doc):
            canv.saveState()
            canv.setStrokeColor(self.palette.rule)
            canv.setLineWidth(0.5)
            canv.line(m, m + 2.5 * mm, w - m, m + 2.5 * mm)
            canv.setFont(footer_style.fontName, footer_style.fontSize)
            canv.setFillColor(self.palette.muted)
            of = total if total else "?"
            number = f"{self.t['page']} {canv.getPageNumber()} {self.t['of']} {of}"
            canv.drawRightString(w - m, m - 2 * mm, number)
            room = self.frame_w - canv.stringWidth(number) - 6 * mm
            canv.drawString(m, m - 2 * mm, _shortened(s.title, room, canv))
            canv.restoreState()

        half_h = (self.frame_h - 8 * mm) / 2
        halves = [Frame(m, m + 6 * mm + half_h + 8 * mm, self.frame_w, half_h, id="top", **NO_PADDING),
                  Frame(m, m + 6 * mm, self.frame_w, half_h, id="bottom", **NO_PADDING)]

        doc.addPageTemplates([
            PageTemplate("cover", [frame], onPage=cover_page),
            # Footers are drawn after the page's content, so text extraction and screen
            # readers meet them last.
            PageTemplate("body", [frame], onPageEnd=body_page),
            PageTemplate("half", halves, onPageEnd=body_page),
        ])
        return doc

    def build(self, guess: dict | None = None) -> bytes:
        """Lay the booklet out until its page numbers stop changing.

        `guess` is the page numbers of an earlier build ({"pages": {...}, "total": n});
        when nothing moved, one pass is enough. The result never depends on the guess:
        a pass is kept only when its own numbers are the ones it printed.
        """
        known: dict[str, int] = dict(guess["pages"]) if guess else {}
        total: int | None = guess["total"] if guess else None
        for _ in range(MAX_PASSES):
            pages: dict[str, int] = {}
            buffer = io.BytesIO()
            doc = self._doc(buffer, total)
            doc.build(self._story(known, pages, total), canvasmaker=_OutlineCanvas)
            count = doc.page
            if pages == known and count == total:
                break
            known, total = pages, count
        self.numbers = {"pages": known, "total": total}
        return buffer.getvalue()


def _shortened(text: str, width: float, canv) -> str:
    """`text` cut at a word with "…" to fit `width` in the canvas's current font."""
    if canv.stringWidth(text) <= width:
        return text
    words = text.split()
    while words and canv.stringWidth(" ".join(words) + "…") > width:
        words.pop()
    return " ".join(words) + "…" if words else ""


class _OutlineCanvas(HandoutCanvas):
    """Opens with the outline panel shown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.showOutline()
