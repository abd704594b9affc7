"""The booklet: cover, contents, intro and sections, a page per exercise, the author.

Page numbers are physical (the cover is page 1 and shows no footer). The contents and
the "of N" in every footer need the final numbers: they are forms placed during the one
layout pass and drawn once it is complete (HandoutCanvas.later), so nothing is laid
out twice.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass

from .. import fonts  # noqa: F401  (ReportLab settings that must precede platypus)
from reportlab.lib.pagesizes import A4, A5, LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from markupsafe import escape  # noqa: E402

from ..images import ImageStore, PictureBox, file_key  # noqa: E402
from ..output import HandoutCanvas  # noqa: E402
from ..paper import BOOKLET_SIZES  # noqa: E402
from ..project import LoadedProject, card_marks  # noqa: E402
from ..qr import qr_drawing, short_url  # noqa: E402
from ..templates import Templates  # noqa: E402
from .blocks import (  # noqa: E402
    BOX_PADDING, PALETTE, Anchored, Palette, flowables, make_styles, markup_key, tempo_flowable, tempo_key,
)
from .exercise import Exercise, PictureBand, band_fit, keep_drawings, pair_up  # noqa: E402
from . import cover  # noqa: E402
from .log import tick_log  # noqa: E402
from .log_sets import sets_log  # noqa: E402

# `phone` is shaped like a phone's screen (1.78:1): 390 px across makes 1 pt ~1.5 px.
SIZES = {"A5": A5, "A4": A4, "Letter": LETTER, "phone": (90 * mm, 160 * mm)}
assert set(SIZES) == set(BOOKLET_SIZES), "a page size for every size the project file takes"
# A4 and Letter: larger type and wide margins keep running text to ~75 characters a line.
BASE_SIZE = {"A5": 10.0, "A4": 12.0, "Letter": 12.0, "phone": 9.5}  # phone: ~14.6 px at 390 px
MARGIN = {"A5": 14 * mm, "A4": 30 * mm, "Letter": 33 * mm, "phone": 6.5 * mm}
NARROW = 100 * mm  # a frame narrower than this stacks the spec's labels over their values
HALF_GAP = 8 * mm  # between the two halves of a `half` page
NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    level: int
    page: str = ""


class OutlineMark(Flowable):
    """An outline entry with no heading of its own (the "Exercises" parent, a block)."""

    def __init__(self, key: str, title: str, pages: dict[str, int], level: int = 0):
        super().__init__()
        self.key, self.title, self.pages, self.level = key, title, pages, level
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.pages[self.key] = self.canv.getPageNumber()


@dataclass
class BookletOptions:
    size: str | None = None
    profile: str | None = None
    impose: bool = False
    client: object | None = None  # a clients.Client: their name and note on the cover


class Shared:
    """What booklets made one after another in one process share: each exercise's
    flowables, made from the same text, and the page book their headings write to.
    A client list's booklets differ in the cover, the log and the exercises whose dose
    is the client's own; every other exercise is parsed and broken into lines once."""

    LIMIT = 20  # the processes' last few projects and sizes, as `watch` rebuilds them

    def __init__(self):
        self.pages: dict[str, int] = {}  # cleared as each booklet starts
        self.exercises: dict[tuple, list] = {}
        self.drawn: dict[tuple, dict] = {}  # what the other blocks drew, by their text (replay)

    @classmethod
    def made_for(cls, look: tuple) -> Shared:
        """The Shared of booklets with this look (project, size, palette, labels): the
        styles the flowables were made with."""
        if look not in _SHARED:
            if len(_SHARED) >= cls.LIMIT:
                _SHARED.clear()
            _SHARED[look] = cls()
        shared = _SHARED[look]
        if len(shared.exercises) > 2000:  # edit after edit
            shared.exercises.clear()
        if len(shared.drawn) > 2000:
            shared.drawn.clear()
        return shared


_SHARED: dict[tuple, Shared] = {}


class Booklet:
    def __init__(self, project: LoadedProject, templates: Templates, images: ImageStore,
                 options: BookletOptions | None = None, palette: Palette = PALETTE,
                 shared: Shared | None = None):
        options = options or BookletOptions()
        self.shared = shared
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
        self.t = templates.t
        w, h = self.pagesize
        self.margin = MARGIN[self.size]
        self.frame_w = w - 2 * self.margin
        self.frame_h = h - self.margin - (self.margin + 6 * mm)
        self.half_h = (self.frame_h - HALF_GAP) / 2
        self._fits_half: dict[str, bool] = {}
        # The first exercise of each block, with the block's outline key and title.
        groups = project.groups()
        self._block_starts = {members[0].id: (f"block-{index}", block.title)
                              for index, (block, members) in enumerate(groups) if block}
        # Each exercise's block title and its mark in the workout ("A2"), with blocks.
        marks = card_marks(groups)
        members = [(block, ex) for block, group in groups for ex in group]
        self._blocks = {ex.id: (block.title, mark) for (block, ex), mark in zip(members, marks) if block}
        self.label_share = self._fit_spec_labels()
        self._rendered: dict[str, list] = {}
        if self.shared is None:  # a rebuild in this process (`watch`) shares what did not change
            self.shared = Shared.made_for((str(project.root), self.size, repr(palette), self.label_share,
                                           repr(sorted(self.t.items()))))

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
            for index, (block, members) in enumerate(self.project.groups()):
                if block is not None:  # the exercises nest under their block
                    entries.append(Entry(f"block-{index}", block.title, 1))
                entries += [Entry(f"ex-{ex.id}", ex.content.name, 2 if block else 1) for ex in members]
        if exercises:
            entries.append(Entry("log", self.t["log"], 0))
        if s.author:
            entries.append(Entry("author", self.t["about_author"], 0))
        if s.credits:
            entries.append(Entry("credits", self.t["credits"], 0))
        return entries

    def _story(self, pages: dict[str, int]) -> list:
        s = self.settings
        story: list = []  # the cover comes last (see _CoverLastCanvas)

        # No page numbers yet: an entry without one gets its page drawn in once the
        # booklet is laid out (blocks.PageRef).
        contents = self.templates.render("contents.xml", entries=self._entries())
        story += self._block(contents, pages)
        # The intro follows the contents on its page when it fits: no half-empty page.
        story.append(Spacer(1, self.styles["body"].fontSize * 1.5))

        first = True
        if s.intro:
            story += self._block(self._render("intro", "section.xml", key="intro",
                                              title=self.t["introduction"], body=s.intro, lead=True), pages)
            first = False
        for index, section in enumerate(s.sections):
            if not first:
                story.append(Spacer(1, self.styles["body"].fontSize))
            story += self._block(self._render(f"section-{index}", "section.xml", key=f"section-{index}",
                                              title=section.title, body=section.body, lead=False), pages)
            first = False
        for index, tip in enumerate(s.tips):
            story += self._block(self._render(f"tip-{index}", "tip.xml", title=tip.title, body=tip.body), pages)

        exercises = self.project.exercises
        for number, group in enumerate(self._exercise_pages()):
            # A page to each exercise; under `half`, two that both fit a half share one.
            shared = len(group) == 2
            story += [NextPageTemplate("half" if shared else "body"), PageBreak()]
            if number == 0:
                story.append(OutlineMark("exercises", self.t["exercises"], pages))
            for index, ex in enumerate(group):
                if index:
                    story.append(FrameBreak())
                if ex.id in self._block_starts:
                    key, title = self._block_starts[ex.id]
                    story.append(OutlineMark(key, title, pages, level=1))
                story.append(self._exercise(ex, pages, shared))

        if exercises:
            story += [NextPageTemplate("body"), PageBreak()]
            story += self._log(pages)
        if s.author or s.credits:  # the back page
            back = cover.back(self, pages)
            photo = s.author.photo if s.author else None  # a photo replaced in place is drawn anew
            texts = tuple(getattr(self._rendered.get(name), "text", None) for name in ("author", "credits"))
            keep_drawings(back, self._drawn(("back", file_key(self.project.resolve(photo)) if photo else None)
                                            + texts))
            story += [NextPageTemplate("back"), PageBreak()] + back
        # The cover is laid out and drawn last, and its page put first when the PDF is
        # written (_CoverLastCanvas): a client's name on it then cannot change how the
        # pages after it encode their letters, which lets those pages be written again
        # from their operators for every client (layout.replay).
        return story + [NextPageTemplate("cover"), PageBreak()] + cover.front(self)

    def _block(self, elements, pages) -> list:
        """A block's flowables, each drawn, or written again from what the same block
        drew in an earlier booklet of this process (replay)."""
        made = self._flow(elements, pages)
        keep_drawings(made, self._drawn(("block", markup_key(elements))))
        return made

    def _drawn(self, key: tuple) -> dict:
        return self.shared.drawn.setdefault(key, {})

    def _flow(self, elements, pages, image=None, exercise=None) -> list:
        fill = {"image": lambda el: [image] if image else []}
        if exercise is not None:
            fill["qr"] = lambda el: self._qr(exercise.video) if exercise.video else []
            fill["tempo"] = lambda el: (
                [tempo_flowable(exercise.tempo, self.t, self.styles, self.palette)] if exercise.tempo else [])
        return flowables(elements, self.styles, fill, self.palette, pages)

    def _fit_spec_labels(self) -> float:
        """The spec panel's label column, in percent of the panel: as wide as the longest
        label in this language and a gap. Its values hang from there (styles `spec`)."""
        label = self.styles["spec_label"]
        inner = self.frame_w - 2 * BOX_PADDING
        widest = max(stringWidth(self.t[key], label.fontName, label.fontSize)
                     for key in ("dose", "tempo", "targets", "equipment"))
        indent = min(inner * 0.4, widest + label.fontSize * 1.5)
        for name in ("spec", "spec_strong"):
            self.styles[name] = _indented(self.styles[name], indent)
        return 100 * indent / inner

    def _exercise(self, ex, pages, half: bool = False) -> Exercise:
        """One exercise's flowable: a page of its own, or half of one when `half`."""
        elements = self._render(f"ex-{ex.id}-{'half' if half else 'page'}", "exercise.xml",
                                key=f"ex-{ex.id}", ex=ex.content, id=ex.id, half=half,
                                level=2 if self._block_starts else 1, phases=self._phases(ex),
                                block=self._blocks.get(ex.id, ("", ""))[0], mark=self._blocks.get(ex.id, ("", ""))[1],
                                narrow=self.frame_w < NARROW, label_share=self.label_share)
        heading = Paragraph(f"{escape(ex.content.name)} ({escape(self.t['continued'])})",
                            self.styles["running"])
        # The flowables depend on the text, the picture and what fills the tempo and
        # QR placeholders; booklets sharing these share them (see Shared).
        content = ex.content
        key = (markup_key(elements), file_key(ex.image_path), half, tempo_key(content.tempo), content.video,
               # what places the picture (see _exercise_image)
               content.image_fit, "image_fit" in content.model_fields_set, tuple(content.image_focus),
               content.image_alt)
        if key not in self.shared.exercises:
            image = self._exercise_image(ex, half)
            # The shared page book, not `pages`: the flowables outlive this call.
            self.shared.exercises[key] = [image, self._flow(elements, self.shared.pages, image=image,
                                                            exercise=ex.content), {},
                                          image.max_h if image is not None else 0.0]
        image, made, drawn, full_h = self.shared.exercises[key]
        if image is not None:  # drawn through this build's pictures, which count its placements
            image.picture = self.images.get(ex.image_path)
        # The picture's full height is the entry's: an earlier booklet may have left the
        # shared picture lowered to keep its page whole.
        return Exercise(lambda: list(made), heading, picture=image, drawn=drawn, full_h=full_h)

    def _phases(self, ex) -> list[dict]:
        """Each phase's name, weeks ("3–6") and dose, when the exercise's dose changes
        with the phases; else nothing (its one dose says it all)."""
        if not ex.phase_doses:
            return []
        out, first = [], 1
        for phase, dose in zip(self.settings.phases, ex.doses):
            last = first + phase.weeks - 1
            out.append({"name": phase.name, "weeks": f"{first}\u2013{last}" if last > first else str(first),
                        "dose": dose})
            first = last + 1
        return out

    def _exercise_pages(self) -> list[list]:
        """The exercises grouped by page: one each, or pairs that fit halves under `half`."""
        exercises = self.project.exercises
        if not self.half:
            return [[ex] for ex in exercises]
        for ex in exercises:
            if ex.id not in self._fits_half:  # what fits depends only on the content
                self._fits_half[ex.id] = self._exercise(ex, {}, half=True).fits(self.frame_w, self.half_h)
        return [[exercises[i] for i in group] for group in pair_up([self._fits_half[ex.id] for ex in exercises])]

    def _log(self, pages) -> list:
        """The log pages: a heading (a link target), then tick boxes or session cards."""
        booklet = self.settings.booklet
        heading = Anchored(escape(self.t["log"]), self.styles["h1"], "log", self.t["log"], 0, pages)
        start = self.client.start if self.client else None
        weeks = self.settings.weeks  # the phases' sum, else booklet.weeks
        if booklet.log == "ticks":
            return [heading] + tick_log(self.project.exercises, weeks, self.styles, self.frame_w,
                                        self.palette, self.t, start, self._log_phases(start),
                                        booklet.track)
        return [heading] + sets_log(self.project.exercises, weeks, self.styles, self.frame_w,
                                    self.palette, self.t, start, self._log_phases(start), booklet.track)

    def _log_phases(self, start) -> list:
        """Each phase's title in the log ("Build · Week 3–6", with its first day for a
        client), its weeks, and the doses that are its own."""
        if not self.settings.phases:
            return []
        from ..labels import short_date

        def dose_text(dose, side):  # through the render cache: no Jinja when it holds the text
            return self.templates.macro("macros.xml", "dose_text", dose, side)

        out, first = [], 1
        for index, phase in enumerate(self.settings.phases):
            last = first + phase.weeks - 1
            weeks = f"{first}\u2013{last}" if last > first else str(first)
            title = f"{escape(phase.name)} · {escape(self.t['week'])} {weeks}"
            if start is not None:
                title += f" · {escape(short_date(start + dt.timedelta(weeks=first - 1), self.t))}"
            changes = [f"{escape(ex.content.name)}: {escape(str(dose_text(ex.doses[index], ex.content.side)))}"
                       for ex in self.project.exercises if ex.phase_doses and ex.doses[index]]
            out.append((title, phase.weeks, changes))
            first = last + 1
        return out

    def _qr(self, url: str) -> list:
        """The code and, under it, the address to type by hand."""
        code = qr_drawing(url, 26 * mm)
        code.hAlign = "LEFT"
        link = f'<a href="{escape(url)}">{escape(short_url(url))}</a>'
        return [KeepTogether([code, Spacer(1, 3), Paragraph(link, self.styles["meta"])])]

    def _exercise_image(self, ex, half: bool = False):
        """The exercise's picture at its usual height (exercise.Exercise lowers it to
        keep the page whole): a band across the text width, or beside the spec on
        half a page."""
        if not ex.image_path:
            return None
        picture = self.images.get(ex.image_path)
        content = ex.content
        if half:
            box = PictureBox(picture, self.frame_w, self.half_h * 0.5, content.image_fit,
                             content.image_focus, valign=1.0, alt=content.image_alt)
            box.spaceAfter = 4
            return box
        chosen = content.image_fit if "image_fit" in content.model_fields_set else None
        height, fit = band_fit(picture, self.frame_w, self.frame_h, chosen)
        return PictureBand(picture, self.frame_w, height, fit, content.image_focus, self.palette,
                           alt=content.image_alt)

    # --- pages ----------------------------------------------------------------------

    def _doc(self, buffer) -> BaseDocTemplate:
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

        # The cover has no footer: its frame runs down to the margin (the logo is part
        # of its foot, see layout.cover).
        cover_frame = Frame(*cover.cover_box(self.pagesize, m), id="cover", **NO_PADDING)
        below_band = max(0, cover.BAND + 5 * mm - m)  # a phone's margin is narrower than the band
        back_frame = Frame(m, m + 6 * mm, self.frame_w, self.frame_h - below_band, id="back", **NO_PADDING)

        def cover_page(canv, doc):  # the back page wears the same band: the booklet's two covers
            canv.saveState()
            canv.setFillColor(self.palette.accent)
            canv.rect(0, h - cover.BAND, w, cover.BAND, stroke=0, fill=1)
            canv.restoreState()

        def body_page(canv, doc):
            page = canv.getPageNumber()

            def footer(canv):  # drawn once the page count is known
                canv.setStrokeColor(self.palette.rule)
                canv.setLineWidth(0.5)
                canv.line(m, m + 2.5 * mm, w - m, m + 2.5 * mm)
                canv.setFont(footer_style.fontName, footer_style.fontSize)
                canv.setFillColor(self.palette.muted)
                number = f"{self.t['page']} {page} {self.t['of']} {doc.page}"
                canv.drawRightString(w - m, m - 2 * mm, number)
                room = self.frame_w - canv.stringWidth(number) - 6 * mm
                canv.drawString(m, m - 2 * mm, _shortened(s.title, room, canv))

            canv.later(f"footer{page}", (0, 0, w, h), footer)

        half_h = self.half_h
        halves = [Frame(m, m + 6 * mm + half_h + HALF_GAP, self.frame_w, half_h, id="top", **NO_PADDING),
                  Frame(m, m + 6 * mm, self.frame_w, half_h, id="bottom", **NO_PADDING)]

        def half_page(canv, doc):  # a hairline between the page's two exercises
            canv.saveState()
            canv.setStrokeColor(self.palette.rule)
            canv.setLineWidth(0.5)
            canv.line(m, m + 6 * mm + half_h + HALF_GAP / 2, w - m, m + 6 * mm + half_h + HALF_GAP / 2)
            canv.restoreState()

        def cover_first(canv, doc):
            canv.cover_drawn_at = canv._pageNumber  # put first when the PDF is written
            cover_page(canv, doc)

        doc.addPageTemplates([  # the first is the first page laid out: the contents (see _story)
            PageTemplate("cover", [cover_frame], onPage=cover_first),
            # Footers are drawn after the page's content, so text extraction and screen
            # readers meet them last.
            PageTemplate("body", [frame], onPageEnd=body_page),
            PageTemplate("back", [back_frame], onPage=cover_page, onPageEnd=body_page),
            PageTemplate("half", halves, onPage=half_page, onPageEnd=body_page),
        ])
        return doc

    def build(self) -> bytes:
        """The booklet's PDF, laid out once."""
        pages = self.shared.pages  # each link target's page, filled in as it is drawn
        pages.clear()
        buffer = io.BytesIO()
        story = self._story(pages)  # every block rendered: kept while the pages are laid out
        self.templates.store_soon()
        doc = self._doc(buffer)
        doc._firstPageTemplateIndex = 1  # "body": the cover is laid out last
        doc.build(story, canvasmaker=functools.partial(_CoverLastCanvas, images=self.images))
        return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def _indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    """`style` hanging from `indent`: one object for every booklet (see make_styles)."""
    return ParagraphStyle(style.name, parent=style, leftIndent=indent)


def _shortened(text: str, width: float, canv) -> str:
    """`text` cut at a word with "…" to fit `width` in the canvas's current font."""
    if canv.stringWidth(text) <= width:
        return text
    words = text.split()
    while words and canv.stringWidth(" ".join(words) + "…") > width:
        words.pop()
    return " ".join(words) + "…" if words else ""


class _CoverLastCanvas(HandoutCanvas):
    """The booklet's canvas: it opens with the outline panel shown, and the cover is the
    last page drawn on it: page numbers count it as page 1 and the others from 2, and
    the PDF lists it first. Links, bookmarks and outline entries point at page objects,
    which keep their places."""

    cover_drawn_at: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.showOutline()

    def getPageNumber(self) -> int:
        return 1 if self._pageNumber == self.cover_drawn_at else self._pageNumber + 1

    def save(self):
        if self.cover_drawn_at is not None:
            pages = self._doc.Pages.pages
            pages.insert(0, pages.pop(self.cover_drawn_at - 1))
        super().save()
