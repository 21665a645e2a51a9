"""A document as a PDF (reportlab, the built-in CJK CID font STSong-Light: no font file):
tables drawn as Word, WPS and ONLYOFFICE draw them (every cell ruled, long texts wrapped inside
their cell, the cell's text centred vertically in a row made tall by a wrapped neighbour,
numbers right-aligned), narrative paragraphs wrapped to the page, a page number at the foot of
each page."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from .document import Document, Section
from .grid import Grid, build_grid
from .render_text import PART_TITLES, paragraph_text, wrap

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 50
USABLE = PAGE_WIDTH - 2 * MARGIN
BODY_SIZE = 10.5
MAX_TABLE_SIZE = 9.0
CELL_PADDING = 3.0
GROUP_HEADER_TABLES = (1, 7)  # a header row above the column headers: 收入 | 支出, 预算数 | 决算数


class PdfWriter:
    def __init__(self, doc: Document):
        self.doc = doc
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1)  # invariant: same bytes for the same document
        self.canvas.setTitle(f"{doc.name}{doc.year}年度部门决算")
        self.page = 1
        self.y = PAGE_HEIGHT - MARGIN

    def new_page(self) -> None:
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, str(self.page))
        self.canvas.showPage()
        self.page += 1
        self.y = PAGE_HEIGHT - MARGIN

    def room(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def line(self, text: str, size: float = BODY_SIZE, centred: bool = False) -> None:
        self.room(size * 1.6)
        self.canvas.setFont(FONT, size)
        if centred:
            self.canvas.drawCentredString(PAGE_WIDTH / 2, self.y - size, text)
        else:
            self.canvas.drawString(MARGIN, self.y - size, text)
        self.y -= size * 1.6

    def paragraph(self, text: str, size: float = BODY_SIZE) -> None:
        for piece in wrap(text, int(USABLE / size)):
            self.line(piece, size)

    def section(self, section: Section) -> None:
        self.line(section.heading)
        for paragraph in section.paragraphs:
            self.paragraph(paragraph_text(paragraph, self.doc.layout))

    def table(self, grid: Grid) -> None:
        layout = self.doc.layout
        total_chars = sum(c.width for c in grid.columns)
        size = min(MAX_TABLE_SIZE, USABLE / total_chars)
        widths = [c.width * size for c in grid.columns]
        xs = [MARGIN + sum(widths[:i]) for i in range(len(widths) + 1)]
        self.room(size * 12)
        self.line(f"{self.doc.year}年度{grid.title}" if layout.style == "broken" else grid.title, BODY_SIZE + 1, centred=True)
        self.canvas.setFont(FONT, size)
        owner = f"部门：{self.doc.dept.short_name or self.doc.name}" if layout.style == "broken" else ""
        self.canvas.drawString(MARGIN, self.y - size, owner)
        self.canvas.drawRightString(PAGE_WIDTH - MARGIN, self.y - size, f"单位：{layout.unit}")
        self.y -= size * 1.8
        if grid.groups and grid.no in GROUP_HEADER_TABLES:
            self.row([(label, xs[a], xs[b + 1]) for label, a, b in grid.groups], size, header=True)
        self.row([(c.header, xs[i], xs[i + 1]) for i, c in enumerate(grid.columns)], size, header=True)
        for cells in grid.rows:
            self.row([(text, xs[i], xs[i + 1]) for i, text in enumerate(cells)], size,
                     numeric=[not c.wrap and c.header != "科目编码" for c in grid.columns])
        if grid.note:
            self.y -= size
            self.paragraph(grid.note, size + 1)
        self.y -= size

    def row(self, cells: list[tuple[str, float, float]], size: float, header: bool = False,
            numeric: list[bool] | None = None) -> None:
        leading = size * 1.3
        pieces = [wrap(text, max(1, int((x1 - x0 - 2 * CELL_PADDING) / size) - 1)) if text else [] for text, x0, x1 in cells]
        lines = max(1, max(len(p) for p in pieces))
        height = lines * leading + 2 * CELL_PADDING
        if self.y - height < MARGIN:
            self.new_page()
        self.canvas.setFont(FONT, size)
        top = self.y
        for i, ((_text, x0, x1), texts) in enumerate(zip(cells, pieces, strict=True)):
            first = top - CELL_PADDING - (lines - len(texts)) * leading / 2  # vertically centred
            for k, piece in enumerate(texts):
                baseline = first - (k + 1) * leading + size * 0.25
                if header:
                    self.canvas.drawCentredString((x0 + x1) / 2, baseline, piece)
                elif numeric and numeric[i]:
                    self.canvas.drawRightString(x1 - CELL_PADDING, baseline, piece)
                else:
                    self.canvas.drawString(x0 + CELL_PADDING, baseline, piece)
        self.canvas.setLineWidth(0.5)
        for _text, x0, x1 in cells:
            self.canvas.rect(x0, top - height, x1 - x0, height)
        self.y = top - height

    def render(self) -> bytes:
        doc = self.doc
        self.line(doc.name, 18, centred=True)
        self.line(f"{doc.year}年度部门决算", 18, centred=True)
        self.new_page()
        self.line(f"{PART_TITLES[0]} {doc.name}概况", 14)
        for section in doc.profile:
            self.section(section)
        self.new_page()
        self.line(f"{PART_TITLES[1]} {doc.name}{doc.year}年度部门决算表", 14)
        for no in sorted(doc.tables):
            self.table(build_grid(doc, doc.tables[no]))
        self.new_page()
        self.line(f"{PART_TITLES[2]} {doc.name}{doc.year}年度部门决算情况说明", 14)
        for section in doc.narrative:
            self.section(section)
        self.new_page()
        self.canvas.save()
        return self.buffer.getvalue()


def render_pdf(doc: Document) -> bytes:
    return PdfWriter(doc).render()
