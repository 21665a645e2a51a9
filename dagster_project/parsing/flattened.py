"""Pages printed as one line each: the text a web page shows for a PDF, or an extractor that joins
a page's lines with spaces ('… 一、一般公共服务支出 1,875.12 1,875.12 二、外交支出 三、国防支出 …
一般公共预算财政拨款支出决算表 单位：万元 …'). Read as it stands, such a line runs one table's rows
into the next table's, a row's numbers into the rows after it, and the narrative's sections into
each other. Such an extract is read as its lines' pieces instead: a line each, from every place a
row, a heading, a table title or a unit statement starts, all with the line's number (as
Markdown's run-in headings are). The narrative then reads as from the page's lines; the tables are
read too, but none of their cells is certain: where a row starts is guessed from its label or
code, not printed (a row's blank cells leave no trace on the line)."""

from __future__ import annotations

import re
from operator import attrgetter

from .model import Line, ParseIssue, Provenance
from .text_tables import TableExtraction, not_certain

# Where a piece starts, after a space: a part title, a numbered heading or label ('二、外交支出',
# '(三)…'), a subject code before its name ('201 一般公共服务支出', '30101 基本工资'; not a year or a
# count: '2024 年', '300 万元'), a table title ('… 财政拨款收入支出决算总表') or a unit statement.
_PIECE_START = (
    r"第[一二三四五六七八九十]+部分|\(?[一二三四五六七八九十]{1,3}[、)]"
    r"|[23]\d{2}(?:\s?\d{2}){0,2}\s?(?![年月日万元人个辆次批台项])[\u4e00-\u9fff]"
    r"|\S{0,30}决算(?:总|明细)?表(?:\s|$)"
    r"|(?:金额)?单位:"
)
# (and where a unit statement ends, the unit read from a line of its own; and around a page number
# at either end of the page, which a sentence running on to the next page would take for the start
# of its amount: '…年初预算为 13' / '401.29 万元…')
PIECE_START_RE = re.compile(rf"\s+(?={_PIECE_START})|(?<=单位:万元)\s+|(?<=单位:元)\s+|\s+(?=\d{{1,3}}$)"
                            r"|(?<=^\d)\s+|(?<=^\d\d)\s+|(?<=^\d\d\d)\s+")
ROW_START_RE = re.compile(rf"(?:^|\s)(?:{_PIECE_START})")
AMOUNT_RE = re.compile(r"\d\.\d{2}(?!\d)")
# A heading after the end of a sentence ('…增长 2.3%。 四、财政拨款收入支出决算总体情况说明 …').
RUN_IN_HEADING_RE = re.compile(r"。\s+(?:第[一二三四五六七八九十]+部分|\(?[一二三四五六七八九十]{1,3}[、)])")
# A line is a flattened page when it is this long and holds at least this many row starts and
# amounts (a table's row, even two sides of it or two rows joined, holds far fewer), or this many
# headings run in after a sentence (a paragraph holds none).
FLATTENED_LENGTH = 200
FLATTENED_ROWS = 6
FLATTENED_AMOUNTS = 6
FLATTENED_HEADINGS = 2
# Lines this long on average: an extract with pages on one line each (hundreds of characters a
# line, blank lines between them) is one; an extract of a page's lines is not (some 20 to 80).
FLATTENED_AVERAGE_LENGTH = 120
FLATTENED_NOTE = "read from an extract that prints each page on one line: where its rows start is not printed (see its page_on_one_line issue)"


def unflattened(lines: list[Line], text_length: int) -> tuple[list[Line], bool]:
    """The lines of a text of `text_length` characters, each split into its pieces (see the
    module's docstring) when the extract prints its pages as one line each, and whether it does.
    One such page tells: the extractor printed every page so, the short ones too."""
    if text_length < FLATTENED_AVERAGE_LENGTH * len(lines):  # (a test of every line costs 1 % of a parse)
        return lines, False
    texts = map(attrgetter("text"), lines)
    if not any(map(_is_flattened, filter(lambda text: len(text) >= FLATTENED_LENGTH, texts))):
        return lines, False
    pieces: list[Line] = []
    for line in lines:
        parts = [part for part in PIECE_START_RE.split(line.text) if part]
        pieces += [line._replace(text=part) for part in parts] or [line]  # (a blank line kept as it is)
    return pieces, True


def not_certain_on(tables: TableExtraction) -> TableExtraction:
    """The tables of an extract that prints its pages as one line each, no cell certain: where its
    rows were cut apart is read from their labels and codes, not printed, so a row's numbers may
    be another row's."""
    cells = [not_certain(cell, FLATTENED_NOTE) for cell in tables.cells]
    first: dict[int, Provenance] = {}
    for cell in tables.cells:
        first.setdefault(cell.table_no, cell.provenance)
    issues = [*tables.issues, *(
        ParseIssue("error", "page_on_one_line", f"table {no}: this extract prints each page on one line (the table's "
                   f"first at line {where.line_start}): its rows were cut apart where their labels and codes start, so "
                   "none of its cells is certain", where)
        for no, where in sorted(first.items()))]
    return TableExtraction(tables.tables, cells, issues)


def _is_flattened(text: str) -> bool:
    if len(RUN_IN_HEADING_RE.findall(text)) >= FLATTENED_HEADINGS:
        return True
    return len(AMOUNT_RE.findall(text)) >= FLATTENED_AMOUNTS and len(ROW_START_RE.findall(text)) >= FLATTENED_ROWS
