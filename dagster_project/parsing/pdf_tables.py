"""The nine tables of a PDF disclosure: titles -> regions (across pages) -> grids -> Cells.

Layout knowledge (titles, column headers, row labels, class codes) comes from
dagster_project/parsing/layout; this module only reads positions. Every cell is placed by
position, so every cell is certain. Line numbers in provenance are the reading-order index of
the text line within its page (Provenance.page says which page).
"""

from __future__ import annotations

from dataclasses import dataclass

from .layout import ROW_NUMBER_HEADERS, TABLES, TableLayout, squash
from .layout.tables import (
    DEPARTMENT_LINE_RE,
    ECONOMIC_GROUP_HEADERS,
    ECONOMIC_TOTAL_LABELS,
    EMPTY_NOTE_RE,
    FUND_SUBROW_AFTER,
    FUND_SUBROWS,
    INCOME_LABELS,
    NOTE_RE,
    NUMBERING_RE,
    PART_HEADING_RE,
    SUBJECT_TOTAL_LABELS,
    THREE_PUBLIC_ITEMS,
    THREE_PUBLIC_PHASES,
    UNIT_RE,
    economic_section,
    three_public_row_item,
)
from .model import Cell, ParseIssue, Provenance, TableInfo
from .numbers import parse_amount, to_wan
from .pdf_grid import Grid, GridColumn, build_grid
from .pdf_words import PageContent, TextLine
from .text_tables import (  # shared with the text parser: one reading of titles and labels
    TableExtraction,
    classify_two_sided_label,
    table_number_of_title,
)


@dataclass(frozen=True)
class _Start:
    """Where something that ends a table region starts: a table title or a part heading."""

    page_index: int
    line_index: int
    table_no: int | None  # None: a part heading
    line: TextLine



@dataclass(frozen=True)
class _Column:
    role: str  # 'code' | 'label' | 'value' | 'row_number' | 'other'
    key: str  # column_key for values
    label: str  # header as printed (squashed)


def extract_pdf_tables(pages: list[PageContent]) -> TableExtraction:
    starts = _starts(pages)
    tables: list[TableInfo] = []
    cells: list[Cell] = []
    issues: list[ParseIssue] = []
    found = {s.table_no: i for i, s in reversed(list(enumerate(starts))) if s.table_no is not None}
    for no, layout in TABLES.items():
        if no not in found:
            tables.append(TableInfo(no, "", "", False, False, "", Provenance(None, None)))
            issues.append(ParseIssue("warn", "table_missing", f"table {no} ({layout.titles[0]}) not found", Provenance(None, None)))
            continue
        start = starts[found[no]]
        end = starts[found[no] + 1] if found[no] + 1 < len(starts) else None
        info, table_cells, table_issues = _table(layout, pages, start, end)
        tables.append(info)
        cells.extend(table_cells)
        issues.extend(table_issues)
    return TableExtraction(tables, cells, issues)


def _starts(pages: list[PageContent]) -> list[_Start]:
    """Table titles and part headings in reading order. A title counts only when a unit line
    (单位：万元) follows it before the next title: a contents list names the tables without one."""
    marks = [
        _Start(p, i, table_number_of_title(line.text), line)
        for p, page in enumerate(pages)
        for i, line in enumerate(page.lines)
        if PART_HEADING_RE.match(squash(line.text)) or table_number_of_title(line.text) is not None
    ]
    kept: list[_Start] = []
    for k, mark in enumerate(marks):
        if mark.table_no is None or _has_unit(pages, mark, marks[k + 1] if k + 1 < len(marks) else None):
            kept.append(mark)
    return kept


def _region_lines(pages: list[PageContent], start: _Start, end: _Start | None):
    """(page_index, TextLine) from the line after `start` up to `end` (exclusive)."""
    last_page = end.page_index if end else len(pages) - 1
    for p in range(start.page_index, last_page + 1):
        for i, line in enumerate(pages[p].lines):
            if p == start.page_index and i <= start.line_index:
                continue
            if end and p == end.page_index and i >= end.line_index:
                return
            yield p, line


def _has_unit(pages: list[PageContent], start: _Start, end: _Start | None) -> bool:
    for n, (_, line) in enumerate(_region_lines(pages, start, end)):
        if UNIT_RE.search(squash(line.text)):
            return True
        if n >= 3:
            return False
    return False


def _table(layout: TableLayout, pages: list[PageContent], start: _Start, end: _Start | None):
    region = list(_region_lines(pages, start, end))
    unit = next((m.group(1) for _, line in region if (m := UNIT_RE.search(squash(line.text)))), "万元")
    note = next((line.text for _, line in region if NOTE_RE.match(squash(line.text)) and EMPTY_NOTE_RE.search(line.text)), "")
    title_prov = Provenance(start.line_index + 1, start.line_index + 1, pages[start.page_index].number)
    info = TableInfo(layout.no, start.line.text, unit, True, bool(note), note, title_prov)
    cells: list[Cell] = []
    issues: list[ParseIssue] = []
    columns: tuple[GridColumn, ...] = ()
    previous: dict[int, str] = {}  # side -> its last recognised row
    for page_index in sorted({p for p, _ in region}):
        page = pages[page_index]
        lines = [line for p, line in region if p == page_index]
        # The region's own rules: from its title (or the page top) to the next title (or page end).
        top = start.line.bottom if page_index == start.page_index else 0.0
        bottom = end.line.top if end and page_index == end.page_index else page.height
        words = [w for line in lines if not _is_furniture(line) for w in line.words]
        rules = [r for r in page.rules if _rule_in(r, top, bottom)]
        grid = build_grid(words, rules, columns)
        if not grid.rows:  # a header alone (a blank template's table, or its body starts overleaf)
            columns = columns or grid.columns
            continue
        columns = grid.columns
        roles = [_role(layout, c, grid, i) for i, c in enumerate(grid.columns)]
        issues.extend(
            ParseIssue("error", "unknown_column_header",
                       f"table {layout.no}: unknown column header '{r.label}' (page {page.number})",
                       Provenance(None, None, page.number))
            for r in roles if r.role == "other" and r.label and _has_values(grid, roles.index(r))
        )
        cells.extend(_cells(layout, grid, roles, unit, page.number, issues, previous))
    return info, cells, _dedupe(issues)


def _is_furniture(line: TextLine) -> bool:
    """Lines around a table that are not part of its grid: unit, department, notes."""
    flat = squash(line.text)
    return bool(UNIT_RE.search(flat) or DEPARTMENT_LINE_RE.match(flat) or NOTE_RE.match(flat))


def _rule_in(rule, top: float, bottom: float) -> bool:
    if rule.horizontal:
        return top <= rule.pos <= bottom
    return rule.start < bottom and rule.end > top


def _dedupe(issues: list[ParseIssue]) -> list[ParseIssue]:
    seen: set[str] = set()
    return [i for i in issues if not (i.message in seen or seen.add(i.message))]


# --- columns ---------------------------------------------------------------------------------------


def _strip_one(header: str, words: tuple[str, ...]) -> str | None:
    """The header without the longest group header printed at its front, or None if none is."""
    word = max((w for w in words if w and header.startswith(w)), key=len, default=None)
    return header[len(word):] if word else None


def _match(header: str, specs, words: tuple[str, ...]) -> str | None:
    """The column a joined header names: the header itself, or what is left after removing the
    group headers printed above it ('收入' '决算数' -> 决算数; '财政拨款三公经费' '合计' -> 合计)."""
    text: str | None = header
    while text:
        key = next((s.key for s in specs if text in s.aliases), None)
        if key:
            return key
        text = _strip_one(text, words)
    return None


def _names_row_numbers(header: str, words: tuple[str, ...]) -> bool:
    text: str | None = header
    while text and text not in ROW_NUMBER_HEADERS:
        text = _strip_one(text, words)
    return bool(text)


def _only_header_words(header: str, words: tuple[str, ...]) -> bool:
    text: str | None = header
    while text:
        text = _strip_one(text, words)
    return text == ""


def _role(layout: TableLayout, column: GridColumn, grid: Grid, index: int) -> _Column:
    header = squash(column.header)
    texts = [r.texts[index] for r in grid.rows if r.texts[index]]
    if layout.kind == "three_public":
        key = _three_public_key(header, layout.header_words)
        if key:
            return _Column("value", key, header)
        # an item per row: a column of one phase ('预算数'), the item named by the row's label
        phase = next((spec.key for spec in THREE_PUBLIC_PHASES if header in spec.aliases), None)
        if phase:
            return _Column("value", phase, header)
        return _Column("label" if texts and not _has_values(grid, index) else "other", "", header)
    if _names_row_numbers(header, layout.header_words):
        return _Column("row_number", "", header)
    # The two sides of Tables 1/4 name their value columns differently (决算数 | 合计, 一般公共预算…).
    key = _match(header, layout.income_columns + layout.columns, layout.header_words)
    if key and all(parse_amount(t) is not None for t in texts) and not _is_code_column(texts):
        return _Column("value", key, header)
    if _is_code_column(texts):
        return _Column("code", "", header)
    if _only_header_words(header, layout.header_words) or any(parse_amount(t) is None for t in texts):
        return _Column("label", "", header)
    return _Column("other", "", header)


def _three_public_key(header: str, words: tuple[str, ...]) -> str | None:
    """'<item><phase>' (item headers above phase headers) or '<phase><item>' (the other way)."""
    for phase in THREE_PUBLIC_PHASES:
        for alias in phase.aliases:
            rest = header[: -len(alias)] if header.endswith(alias) else header[len(alias):] if header.startswith(alias) else None
            item = _match(rest, THREE_PUBLIC_ITEMS, words) if rest else None
            if item:
                return f"{phase.key}_{item}"
    return None


def _is_code_column(texts: list[str]) -> bool:
    """Subject codes: mostly digits only ('201', '06', '2010601'; a template may print '...'),
    never one digit nor decimals (a column of amounts printed '0' is not codes)."""
    digits = [t for t in texts if t.isdigit()]
    return len(digits) * 2 >= len(texts) > 0 and all(len(t) >= 2 for t in digits) and not any("." in t for t in texts)


def _has_values(grid: Grid, index: int) -> bool:
    return any(parse_amount(r.texts[index]) is not None for r in grid.rows)


# --- rows -----------------------------------------------------------------------------------------


def _groups(roles: list[_Column]) -> list[list[int]]:
    """Split the columns into sides: a code or label column after a value column starts a side."""
    groups: list[list[int]] = [[]]
    for i, role in enumerate(roles):
        if role.role in ("code", "label") and any(roles[j].role == "value" for j in groups[-1]):
            groups.append([])
        groups[-1].append(i)
    return groups


_SUBROWS = {key for pair in FUND_SUBROWS.values() for key in pair}
_PHASES = {spec.key for spec in THREE_PUBLIC_PHASES}
_CARRYOVERS = {FUND_SUBROW_AFTER, "carryover_end"}


def _cells(layout, grid: Grid, roles: list[_Column], unit: str, page: int, issues: list[ParseIssue],
           previous: dict[int, str]) -> list[Cell]:
    """The cells of one page of a table. `previous` holds the last recognised row of each side
    (fund sub-rows follow their carry-over row, on the next page too); it is updated."""
    cells: list[Cell] = []
    groups = _groups(roles)
    capital_group = any(word in role.label for role in roles for word, group in ECONOMIC_GROUP_HEADERS.items()
                        if group == "capital")
    for row in grid.rows:
        for g, group in enumerate(groups):
            section = ("income" if g == 0 else "expenditure") if layout.kind == "two_sided" else ""
            code = "".join(row.texts[i] for i in group if roles[i].role == "code" and row.texts[i].isdigit())
            label = "".join(
                row.texts[i] for i in group
                if roles[i].role == "label"
                or (roles[i].role == "code" and not row.texts[i].isdigit() and squash(row.texts[i]) not in layout.header_words)
            )
            values = [(roles[i], row.texts[i]) for i in group if roles[i].role == "value" and row.texts[i]]
            row_key, row_code = _row_key(layout, section, code, label, previous.get(g, "") in _CARRYOVERS | _SUBROWS)
            previous[g] = row_key or previous.get(g, "")
            if not values:
                continue
            prov = Provenance(row.line_start, row.line_end, page)
            if not row_key:
                issues.append(ParseIssue("warn", "unknown_row", f"table {layout.no}: row '{code}{label}' not recognised; its values are skipped", prov))
                continue
            if layout.kind == "economic":
                total = ECONOMIC_TOTAL_LABELS.get(squash(label))
                section = total[1] if total else economic_section(code, capital_group)
            item = three_public_row_item(label) if layout.kind == "three_public" else None
            if layout.kind == "three_public" and item is None and any(role.key in _PHASES for role, _ in values):
                issues.append(ParseIssue("warn", "unknown_row", f"table {layout.no}: row '{label}' names no item; its values are skipped", prov))
                continue
            for role, text in values:
                key = f"{role.key}_{item}" if role.key in _PHASES else role.key
                amount = parse_amount(text)
                if amount is None:
                    issues.append(ParseIssue("warn", "not_a_number", f"table {layout.no}, row '{label or code}', column '{role.label}': '{text}' is not an amount", prov))
                    continue
                cells.append(Cell(layout.no, section, row_key, row_code, label, key, role.label,
                                  to_wan(amount, unit), text, True, prov))
    return cells


def _row_key(layout: TableLayout, section: str, code: str, label: str, after_carryover: bool) -> tuple[str, str | None]:
    name = squash(label)
    if layout.kind == "three_public":
        return "three_public", None
    if layout.kind in ("subject", "economic"):
        if code and len(code) in (3, 5, 7):
            return code, code
        if name in SUBJECT_TOTAL_LABELS:
            return "total", None
        return ECONOMIC_TOTAL_LABELS.get(name, ("", ""))[0], None
    bare = NUMBERING_RE.sub("", name, count=1) if NUMBERING_RE.match(name) else name
    fund = INCOME_LABELS.get(bare)
    if after_carryover and fund in FUND_SUBROWS:
        return FUND_SUBROWS[fund][0 if section == "income" else 1], None
    found = classify_two_sided_label(bare)
    if found is None or found[0] not in (section, "both"):
        return "", None
    return found[1], found[2]
