"""Markdown extracts (pymupdf4llm and other PDF-to-Markdown converters) as the plain text the
parser reads: a table row '|一、一般公共预算财政拨款收入|100.00|一、一般公共服务支出|80.00|' becomes its
cells between spaces (a label broken with '<br>' joined, cells of text side by side joined as one
label or header would be), and heading marks, list bullets and emphasis are dropped. Blank cells
are left out, as other extracts leave them: where each number stands is read as for them, never
assumed from a cell's place.

A table written as HTML (MinerU) is read the same way, row by row. Such a converter writes a
paragraph on one line and runs headings into it ('…增加。 二、收入决算情况说明 2021年度收入合计…'):
the line is read as one line per heading and per text, each with the line number the file shows.
"""

from __future__ import annotations

import re

from .numbers import AMOUNT_CUT_PATTERN, AMOUNT_PATTERN, DASH_PATTERN

# A table's row or separator row ('|---|:---:|') or a heading ('## 第一部分 …'): a text that has
# one is Markdown (or a table copied from a web page with '|' between its cells).
# (Searched in the text after a newline: the regex engine then skips to each newline.)
_MARKDOWN_RE = re.compile(r"\n {0,3}(?:#{1,6} |\|? *:?-{3,}:? *\||\|[^\n]*\| *(?:\n|$))")
_SEPARATOR_ROW_RE = re.compile(r" *\|? *:?-{3,}:? *(?:\| *:?-{3,}:? *)*\|? *")
_TABLE_ROW_RE = re.compile(r" *\|(.*)\| *")
_CELL_BREAK_RE = re.compile(r"<br */?>", re.IGNORECASE)
_CODE_PARTS_BREAK_RE = re.compile(r"(?<=\d)<br */?>(?=\d)", re.IGNORECASE)  # '208 05<br>01': a code's parts
_INLINE_TAG_RE = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span)\b[^>]*>", re.IGNORECASE)  # '<sup>302</sup>'
_LINE_MARK_RE = re.compile(r" {0,3}(?:#{1,6} +|[-*+] +)")  # a heading's or a list item's mark
# Bold marks, with the spaces a converter sets around them ('财政拨款 **“** 三公 **”** 经费'): a
# Chinese text has no space there.
_EMPHASIS_RE = re.compile(r"\s*(?:\*\*|__)\s*")
_TEXT_CELL_RE = re.compile(r"[\u4e00-\u9fff]")  # (of a cell's last character: text, not a number or a code)
_HEADING = r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)"  # (NFKC: '（一）' is '(一)')
_HEADING_START_RE = re.compile(_HEADING)
# Where a heading (or a numbered item, '2.公务用车…') runs into a line: after a 。 or a space.
_RUN_IN_RE = re.compile(rf"(?:(?<=。)|\s+)(?=第[一二三四五六七八九十]+部分|{_HEADING}|\d{{1,2}}[.、][\u4e00-\u9fff])")
_SPACE_RE = re.compile(r"\s+")
# A table's title written on the line of the last numbers of the table before it ('合计 11,882,200.00
# 一般公共预算财政拨款基本支出决算表', pymupdf4llm): it starts a line of its own.
_TITLE_RUN_IN_RE = re.compile(r"(?<=\d)\s+(?=[\u4e00-\u9fff“”\"()、]{4,}决算(?:总|明细)?表\s*$)")
_HTML_ROW_RE = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.IGNORECASE)
_HTML_CELL_RE = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"<(?!br\b)[^>]*>", re.IGNORECASE)  # every tag in a cell but a line break
_UNIT_STATEMENT = "单位"
# A cell of several rows' amounts, one a line ('394.87<br>267.63'): amounts with a decimal point or a
# thousands comma, or dashes (a code's parts, '208 05<br>01', are not).
_STACKED_AMOUNT_RE = re.compile(rf" *(?:-?[\d,]*[.,]\d+|{DASH_PATTERN}) *")
_ROW_START_RE = re.compile(rf"{_HEADING}|\d{{3}}|{AMOUNT_PATTERN}$")  # a part of a label cell that starts a row
# An amount a converter cut over two cells ('|2,106.|66|'): its digits go on in the next cell.
_AMOUNT_CUT_RE = re.compile(rf"(?<!\S){AMOUNT_CUT_PATTERN}$")


def is_markdown(text: str) -> bool:
    # (a str search for the marks first: a regex scans the characters of a Chinese text slowly)
    return "<td" in text or (("|" in text or "#" in text) and _MARKDOWN_RE.search("\n" + text) is not None)


def markdown_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each line as plain text, a paragraph's run-in headings each a line of
    their own (see the module's docstring)."""
    found = []
    for no, line in enumerate(lines, 1):
        if _SEPARATOR_ROW_RE.fullmatch(line):  # (or a horizontal rule)
            found.append((no, ""))
        elif row := _TABLE_ROW_RE.fullmatch(line):
            found += [(no, text) for cells in _stacked_rows(row.group(1)) for text in _cells_texts(cells)]
        elif "<td" in line or "<th" in line:
            found += [(no, text) for text in _html_texts(line) if text]
        else:
            found += [(no, piece) for piece in _text_pieces(line) if piece] or [(no, "")]
    return found


def _text_pieces(line: str) -> list[str]:
    """A line of text without its heading or list mark and bold marks, split at its run-in headings
    and at a table title after its numbers."""
    text = _EMPHASIS_RE.sub("", _LINE_MARK_RE.sub("", line, count=1))
    return [piece for part in _TITLE_RUN_IN_RE.split(text) for piece in _run_in_pieces(part)]


def _stacked_rows(row: str) -> list[str]:
    """A table row whose cells each hold the cells of several rows, one a line (a converter ran two
    rows into one: '|八、社会保障和就业支出<br>九、卫生健康支出|394.87<br>267.63|'), as those rows; any
    other row as it is. The rows are told apart by the cells of amounts; each other cell must part
    into as many rows (its parts that start a label: '七、文化旅游体育与传媒<br>支出' is one), or the
    row is left as it is."""
    cells = row.split("|")
    parts = [_CELL_BREAK_RE.split(cell) for cell in cells]
    counts = {len(p) for p in parts if len(p) > 1 and all(map(_STACKED_AMOUNT_RE.fullmatch, p))}
    if len(counts) != 1:
        return [row]
    count = counts.pop()
    rows: list[list[str]] = [[] for _ in range(count)]
    for cell, cell_parts in zip(cells, parts, strict=True):
        split = [""] * count if not cell.strip() else _row_parts(cell_parts)
        if len(split) != count:
            return [row]
        for cells_of_row, part in zip(rows, split, strict=True):
            cells_of_row.append(part)
    return ["|".join(cells_of_row) for cells_of_row in rows]


def _row_parts(parts: list[str]) -> list[str]:
    """A cell's lines grouped by the row each is part of: a line that starts a label (a numbering,
    a code) or is an amount starts one; without any such line, each line is a row's."""
    starts = [k for k, part in enumerate(parts) if _ROW_START_RE.match(part.strip())]
    if not starts:
        return parts
    if starts[0] != 0:
        return []
    return ["<br>".join(parts[a:b]) for a, b in zip(starts, [*starts[1:], len(parts)])]


def _cells_texts(row: str) -> list[str]:
    """A table row's cells as text (see the module's docstring): the cells between spaces, but two
    cells of text side by side (no blank cell between them, neither a single character like the
    '类' '款' '项' of a code's header) joined as the one label a converter cut ('|人员经费|合计|'), and
    an amount cut over two cells joined again ('|2,106.|66|'). A unit statement ('单位：元') and the
    cells after it are a line of their own, as a table's title a converter wrote into the row of the
    table before it is then one ('|政府|性基金|…|算表|单位：元|')."""
    texts = [""]
    before = ""  # the cell before, blank or not
    for cell in map(_cell_text, row.split("|")):
        if cell.startswith(_UNIT_STATEMENT) and texts[-1]:
            texts.append("")
        if cell:
            joined = (before and _cut_label(before, cell)) or (_AMOUNT_CUT_RE.search(texts[-1]) and cell[0].isdigit())
            texts[-1] += cell if joined else f" {cell}"
        before = cell
    return [text.lstrip() for text in texts]


def _cut_label(left: str, right: str) -> bool:
    """Whether two cells side by side read as one label cut in two (see _cells_texts)."""
    return (len(left) > 1 and len(right) > 1 and _TEXT_CELL_RE.match(left[-1]) is not None
            and _TEXT_CELL_RE.match(right[0]) is not None)


def _html_texts(line: str) -> list[str]:
    """The texts of a line holding HTML table rows (MinerU and others write a table so, often a
    whole table on one line): the text before the table, each row as a pipe row's cells are read,
    the text after it. Cells of a row the line does not close are read as one row."""
    before, _, rest = line.partition("<table")
    texts = _text_pieces(before) if before.strip() else []
    rows = _HTML_ROW_RE.findall(rest) or [rest]
    for row in rows:
        texts += _cells_texts("|".join(_HTML_TAG_RE.sub("", cell) for cell in _HTML_CELL_RE.findall(row)))
    after = rest.rpartition("</table>")[2] if "</table>" in rest else ""
    return texts + ([after.strip()] if after.strip() else [])


def _cell_text(cell: str) -> str:
    """A cell's text: a label broken with '<br>' joined, a code's parts kept apart, inline tags and
    bold marks dropped."""
    return _CELL_BREAK_RE.sub("", _CODE_PARTS_BREAK_RE.sub(" ", _INLINE_TAG_RE.sub("", _EMPHASIS_RE.sub("", cell)))).strip()


def _run_in_pieces(text: str) -> list[str]:
    """The text before each heading run into it, and each heading and the text after it."""
    pieces = []
    for piece in _RUN_IN_RE.split(text):
        heading = _HEADING_START_RE.match(piece)
        if heading and (space := _SPACE_RE.search(piece, heading.end())):
            pieces += [piece[: space.start()], piece[space.end():]]
        else:
            pieces.append(piece)
    return pieces
