"""A document as a text extract, in the two families seen in real extracts:

- 'broken' (the Wuhan reference): a blank line after most lines, labels broken over several
  lines, codes and values on lines of their own when a label breaks, 行次 numbers, column
  headers broken into a few characters a line, a lone page number between pages, a space at
  the start of a new page;
- 'raw' (pdftotext -raw of the Shanghai PDF): a contents list, one table row a line (long
  labels still break), a form feed at each new page, no blank lines.
"""

from __future__ import annotations

import re

from .document import Document, Fact, Section
from .grid import Grid, build_grid
from .layout import Layout

PART_TITLES = ("第一部分", "第二部分", "第三部分", "第四部分")
# Atoms a line never breaks inside: numbers (with separators and %), and the unit 万元.
ATOM_RE = re.compile(r"[0-9][0-9,.]*%?|万元|.", re.S)


def wrap(text: str, width: int) -> list[str]:
    """`text` in pieces of about `width` characters, never breaking inside a number or 万元."""
    pieces, current = [], ""
    for atom in ATOM_RE.findall(text):
        if current and len(current) + len(atom) > width:
            pieces.append(current)
            current = ""
        current += atom
    return pieces + [current] if current else pieces


class Pages:
    """Collects lines and starts a new page every `lines_per_page` lines, between groups only."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.lines: list[str] = []
        self.on_page = 0
        self.page = 1
        self.new_page = False

    def group(self, lines: list[str]) -> None:
        broken = self.layout.style == "broken"
        for line in lines:
            if self.new_page:
                line = ("\f" if not broken else " ") + line
                self.new_page = False
            self.lines.append(line)
            if broken:
                self.lines.append("")
        self.on_page += len(lines)
        if self.on_page >= self.layout.lines_per_page:
            self.break_page()

    def break_page(self) -> None:
        if self.layout.style == "broken":
            self.lines += [self.layout.footer.format(n=self.page), ""]
        self.page += 1
        self.on_page = 0
        self.new_page = True

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render_text(doc: Document) -> str:
    layout = doc.layout
    pages = Pages(layout)
    raw = layout.style == "raw"
    name, y = doc.name, doc.year
    if raw:
        pages.group([name, f"{y}年度部门决算", "目 录"] + _contents(doc))
    else:
        pages.group([name, f"{y} 年度部门决算"])
    pages.break_page()
    _part(pages, doc, 0, f"{name}概况")
    for section in doc.profile:
        _section(pages, section, layout)
    pages.break_page()
    _part(pages, doc, 1, f"{name}{y}年度部门决算表")
    for no in sorted(doc.tables):
        _table(pages, doc, build_grid(doc, doc.tables[no]))
    pages.break_page()
    _part(pages, doc, 2, f"{name}{y}年度部门决算情况说明")
    for section in doc.narrative:
        _section(pages, section, layout)
    _part(pages, doc, 3, "名词解释")
    pages.group(wrap("一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。", layout.text_width))
    pages.group(wrap("二、项目支出：指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。", layout.text_width))
    return pages.text()


def _contents(doc: Document) -> list[str]:
    lines = [f"第一部分 {doc.name}概况"] + [s.heading for s in doc.profile]
    lines.append(f"第二部分 {doc.name}{doc.year}年度部门决算表")
    numerals = "一二三四五六七八九"
    lines += [f"{numerals[no - 1]}、{doc.tables[no].title}" for no in sorted(doc.tables)]
    lines.append(f"第三部分 {doc.name}{doc.year}年度部门决算情况说明")
    lines += [s.heading for s in doc.narrative]
    return lines + ["第四部分 名词解释"]


def _part(pages: Pages, doc: Document, index: int, title: str) -> None:
    if doc.layout.style == "raw":
        pages.group([f"{PART_TITLES[index]} {title}"])
    else:
        pages.group([PART_TITLES[index]] + wrap(title, doc.layout.text_width))


def paragraph_text(pieces, layout: Layout) -> str:
    spaced = layout.style == "broken"
    out = []
    for piece in pieces:
        if isinstance(piece, Fact):
            out.append(f" {piece.text}" + (" " if piece.unit == "万元" else "") if spaced else piece.text)
        else:
            out.append(piece)
    return "".join(out)


def _section(pages: Pages, section: Section, layout: Layout) -> None:
    pages.group([section.heading])
    for paragraph in section.paragraphs:
        for line in wrap(paragraph_text(paragraph, layout), layout.text_width):
            pages.group([line])


def _table(pages: Pages, doc: Document, grid: Grid) -> None:
    layout = doc.layout
    unit = f"单位：{layout.unit}"
    if layout.style == "raw":
        pages.group([grid.title, unit])
    else:
        title = f"{doc.year} 年度{grid.title}（表 {grid.no}）"
        pages.group([title, f"部门：{doc.dept.short_name or doc.name} {unit}"])
    pages.group(_header_lines(grid, layout))
    for row in grid.rows:
        pages.group(_row_lines(grid, row, layout))
    if grid.note:
        pages.group(["合计", grid.note] if layout.style == "raw" else ["合计"] + wrap(grid.note, layout.text_width * 2))


def _header_lines(grid: Grid, layout: Layout) -> list[str]:
    piece = 5 if layout.style == "raw" else 3
    lines = [" ".join(label for label, _a, _b in grid.groups)] if grid.groups else []
    if grid.no in (2, 3, 5, 8, 9):
        lines.append("项目")
    for column in grid.columns:
        lines += wrap(column.header, piece)
    if grid.no in (2, 3, 5, 8, 9):
        lines.append("类 款 项")
    if layout.style == "broken" and grid.no in (2, 3, 5):
        lines.append("栏 次 " + " ".join(str(i + 1) for i in range(len(grid.columns) - 2)))
    return lines


def _row_lines(grid: Grid, row: list[str], layout: Layout) -> list[str]:
    """One grid row as lines: cells joined by spaces; a label too long for its column goes on
    lines of its own, and what follows it starts a new line."""
    lines, current = [], []
    for column, text in zip(grid.columns, row, strict=True):
        if not text:
            continue
        if column.wrap and (layout.style == "broken" or grid.no in (2, 3, 5)) and len(text) > column.width:
            if current:
                lines.append(" ".join(current))
            lines += wrap(text, column.width)
            current = []
        else:
            current.append(text)
    if current:
        lines.append(" ".join(current))
    return lines
