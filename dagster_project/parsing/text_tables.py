"""The nine tables of a text extract -> TableInfo, Cell and ParseIssue objects.

A text extract loses the table grid: cells arrive one or a few per line, labels wrap, blank
cells are simply missing. The parser works in three steps:

1. find each table's region (its title, up to the next title or part heading; the contents
   list is recognised by having no body) and read its header: which columns are printed,
   whether there is a 行次 column, the unit;
2. read the body into rows: a row's label (broken lines joined) and its printed values in
   reading order, on the side (收入 | 支出) or column group they belong to. An extract laid out
   on a character grid keeps each word's place on the page: its numbers set above their label
   are moved to their row, and a table whose cells are centred on wrapped names (or set apart by
   blank lines) is read by each row's centre (or band) instead;
3. place each row's values into its columns. Values keep their left-to-right order, so a row
   with as many values as columns is placed directly; otherwise every order-preserving
   placement is a candidate, and a small constraint solver keeps only the placements that
   satisfy the accounting identities (row total = sum of parts, 类 = sum of 款, 合计 = sum of
   类, the cross-table equalities). A value whose column stays open is reported ambiguous,
   never guessed; so is every value of a row whose numbers add up under no placement (a
   neighbour's number was read into it, or one of its own was lost).

Layout knowledge (titles, header words, row labels, codes) lives in `layout/`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, cached_property, partial
from itertools import accumulate, compress, pairwise, product
from operator import attrgetter, itemgetter
from typing import NamedTuple

from .column_solver import balances, column_keys, columns_of_failing_sums, constraints, placements, solve
from .joined import newlines_before, without
from .layout import tables as layout
from .layout.tables import ColumnSpec, TableLayout, squash
from .model import Cell, Line, ParseIssue, Provenance, TableInfo
from .narrative import truncation
from .numbers import AMOUNT_CUT_PATTERN, AMOUNT_PATTERN, DASH_PATTERN, chinese_number, parse_amount, to_wan

HALF_CENT = Decimal("0.005")  # rounding of one printed amount, in the table's unit
_DIGITS_RE = re.compile(r"\d+")
_DIGITS_ONLY_RE = re.compile(r"[\d\s]+")
_TWO_DIGITS_RE = re.compile(r"\d{2}")
FUNCTION_CODE_LENGTH, ECONOMIC_CODE_LENGTH = 7, 5  # of a 项 (2013101) and of an economic 款 (30101)
_SENTENCE_MARK_RE = re.compile(r"[，。；]")  # a header line with one is a stray narrative line ('离退休人员5人，其中：…')
_LETTER_RE = re.compile(r"[^\W\d_]")
_CLASS_SUFFIXES = ("(类)支出", "(类)", "支出")  # printed after a function class's name: the longest that ends it goes
_FUNCTION_CODE_RE = re.compile(r"2\d{2}(?:\d{2}){0,2}")
_LATER_CODE_RE = re.compile(f" (?:{_FUNCTION_CODE_RE.pattern})(?![^ ])")  # in pieces joined by spaces: a code, not first
_ECONOMIC_CODE_RE = re.compile(r"\d{3}|\d{5}")


def _rest_of_line(pattern: str) -> re.Pattern[str]:
    """The pattern followed by the rest of its line: one match per line, however many the line holds."""
    return re.compile(f"(?:{pattern})[^\n]*")


@dataclass
class TableExtraction:
    tables: list[TableInfo]  # one per table 1..9, present or not
    cells: list[Cell]
    issues: list[ParseIssue]


def extract_tables(lines: list[Line]) -> TableExtraction:
    """All nine tables of a decoded text extract (lines NFKC-normalised, 1-based numbers)."""
    issues: list[ParseIssue] = []
    cut = truncation(lines)
    printed = _Lines.of(lines)  # every line, page numbers too (the document's lines below leave them out)
    document, page_numbers = _without_page_numbers(printed, issues)
    lines = document.lines
    regions = _find_regions(document, issues)
    # The table a truncated file ends in is incomplete: its sums would mislead the solver.
    cut_table = None
    if cut and cut.part == "tables" and regions:
        cut_table = max(regions.values(), key=lambda region: region.title.no).no
    infos: list[TableInfo] = []
    rows: list[_Row] = []
    unordered: set[int] = set()  # tables whose rows the extract does not keep in reading order
    page_starts = cache(lambda: {lines[i].no for i in _page_starts(document)})  # line numbers, found once if asked
    stated_units = cache(lambda: _stated_units(document))  # for the tables that state no unit of their own
    amounts = _AmountsByUnit()
    for no in sorted(layout.TABLES):
        region = regions.get(no)
        if region is None:
            infos.append(TableInfo(no, "", "", False, False, "", Provenance(None, None)))
            issues.append(ParseIssue("warn", "table_missing", f"table {no}: title not found", Provenance(None, None)))
            continue
        table_rows, info, body, read_disorder = _read_table(region, stated_units, amounts, issues, printed)
        infos.append(info)
        rows.extend(table_rows)
        disorder = _header_among_rows(layout.TABLES[no], body, page_starts) or read_disorder
        if disorder and no != cut_table:  # the cut itself may read like disorder
            unordered.add(no)
            line = disorder.line
            issues.append(ParseIssue(
                "error", "table_out_of_order",
                f"table {no}: {disorder.what} (line {line.no}): this extract does not keep the table's labels "
                "and numbers together, so none of its cells is certain", Provenance(line.no, line.no, line.page)))
    for no, (why, line) in _lost_columns(rows).items():
        issues.append(ParseIssue("error", "column_missing", f"table {no}: {why}", Provenance(line.no, line.no, line.page)))
        for row in rows:
            if row.table_no == no and not row.doubt:
                row.doubt = why
    for row, other in _named_as_another_code(rows):
        mismatch = NAMED_AS_ANOTHER_CODE_NOTE.format(row.label, other)
        row.doubt = row.doubt or mismatch
        issues.append(ParseIssue("warn", "code_name_mismatch", f"table {row.table_no} row {row.row_key}: {mismatch}",
                                 row.provenance()))
    odd_forms = list(_amounts_of_another_form(rows)) if any(a.odd_form or a.short_pieces <= 1 for a in amounts.values()) \
        else []
    for row, value, code in odd_forms:
        if code != "amount_with_fewer_decimals":  # (a weaker sign: any other doubt found first wins, below)
            _doubt_for_its_form(row, value, code, issues)
    # Table 6 read in order (one out of order gives its rows other rows' codes anyway)
    _doubt_economic_rows([row for row in rows if row.table_no not in unordered
                          and layout.TABLES[row.table_no].kind == "economic"], issues)
    complete = [row for row in rows if row.table_no != cut_table and row.table_no not in unordered]
    # Tables 1 and 4: numbers a lost or repeated label line gave to another row (no sum rests on them)
    two_sided = [row for row in complete if layout.TABLES[row.table_no].kind == "two_sided"]
    sums = list(_side_sums(two_sided, one_column=True))
    for row in _lacked_by_another_sum(two_sided, sums, attrgetter("section")):
        row.doubt = LACKED_BY_ANOTHER_SUM_NOTE.format("the other side's sum")
    for row, lost in _before_a_lost_closing_line(two_sided):
        row.doubt = BEFORE_A_LOST_CLOSING_LINE_NOTE.format(lost)
    for row, other in _on_the_line_of_another_label(two_sided):
        row.doubt = ON_ANOTHER_LABELS_LINE_NOTE.format(other.label)
    for row, line in _label_lines_read_twice(two_sided):
        row.doubt = LABEL_LINE_READ_TWICE_NOTE.format(line.text.strip())
    for row, other in _numbers_of_another_class(two_sided, rows):
        subject_table = layout.CLASSES_BY_SUBJECT_TABLE[row.table_no]
        row.doubt = row.doubt or ANOTHER_CLASS_NOTE.format(subject_table, row.row_code, other)
    for row, start, code in _after_the_start_of_a_cut_code(complete, printed):
        row.doubt = row.doubt or CUT_CODE_NOTE.format(start, row.row_code, code)
    for row, number in _inside_a_row(page_numbers, complete, printed):
        row.doubt = row.doubt or PAGE_NUMBER_INSIDE_THE_ROW_NOTE.format(number.text.strip(), number.no)
    for row, value, code in odd_forms:
        if code == "amount_with_fewer_decimals":
            _doubt_for_its_form(row, value, code, issues)
    for row in _gathered_unbalanced(complete):
        row.doubt = GATHERED_NOTE
    found = constraints(complete)
    # a row that prints no number may have lost it to a number on its line read as no row's, and a
    # row in doubt (a table whose header lost a column among them, a gathered row that does not add
    # up) may hold other rows' numbers: no sum rests on them
    unsure = {i for i, row in enumerate(complete) if row.blank_unknown or row.doubt}
    if unsure:
        found = [c for c in found if unsure.isdisjoint(c.members)]
    for i in solve(complete, found):
        complete[i].doubt = UNBALANCED_NOTE
    # a row's own identity may hold with a line's copy and a zero ('491.09' / '491.09' / '0.00': total,
    # basic, project), the sums it is a part of not: a number moved out of its place by the copy fails
    # two columns after the row's first (a row lost beside it would fail the first too)
    copied = {i for i, row in enumerate(complete) if row.from_a_copy and len(row.options) == 1
              and not all(map(_AMOUNT, row.values))}
    for i, columns in columns_of_failing_sums(complete, found, copied).items() if copied else ():
        row = complete[i]
        if len(columns) > 1 and row.columns[row.options[0][0]].key not in columns:
            row.doubt = row.doubt or COPY_IN_FAILING_SUMS_NOTE
    for row in _page_number_at_end(complete):
        row.doubt = PAGE_NUMBER_NOTE.format(row.values[-1].printed)
    for row in _moved_into_a_sum(sums + list(_side_sums(complete, one_column=False))):
        row.doubt = MOVED_NOTE
    for row in _under_another_in_a_failing_sum(complete, sums):
        row.doubt = UNDER_ANOTHER_NOTE.format(row.under_another)
    for row, total in _under_a_blank_total(complete):
        row.doubt = UNDER_A_BLANK_TOTAL_NOTE.format(total.label)
    for row, lost in _in_a_failing_sum_beside_a_lost_total(complete, sums):
        row.doubt = BESIDE_A_LOST_TOTAL_NOTE.format(lost)
    cells = _without_double_placements([cell for row in rows for cell in _cells(row, issues)], issues)
    if cut_table is not None:
        cells = [_cut_off(cell) if cell.table_no == cut_table else cell for cell in cells]
    if unordered:
        cells = [_out_of_order(cell) if cell.table_no in unordered and cell.certain else cell for cell in cells]
    with_values = set(map(attrgetter("table_no"), cells))
    for info in infos:
        if info.declared_empty and info.table_no in with_values:
            issues.append(ParseIssue("warn", "empty_note_with_values",
                                     f"table {info.table_no}: the note says the table is empty but values are printed",
                                     info.provenance))
    return TableExtraction(infos, cells, issues)


COPY_IN_FAILING_SUMS_NOTE = ("the row took its numbers from a line and a copy of it printed right after it, and a zero, "
                             "and the sums of its table it is a part of fail in two of its columns after its first: the "
                             "copy may hold the place of a lost number")


def _doubt_economic_rows(economic: list[_Row], issues: list[ParseIssue]) -> None:
    """Give a doubt to the Table 6 rows whose number may not be theirs: its code parts print like
    small whole numbers, its names tell its codes, it prints each code once, and a table that
    prints its zeros has no row without a number."""
    with_decimals = {row.table_no for row in economic for value in row.values if "." in value.printed}
    for row in economic:
        if row.table_no in with_decimals and not row.doubt and (part := _code_part_value(row)):
            row.doubt = (f"the whole number {part.printed} (line {part.line.no}) is printed among amounts with "
                         "decimals: it may be a code part or a page number, not an amount")
            issues.append(ParseIssue("warn", "code_part_as_amount", f"table {row.table_no} row {row.row_key}: "
                                     f"{row.doubt}", Provenance(part.line.no, part.line.no, part.line.page)))
    misread_codes: set[int] = set()  # ids of the rows named as another code
    for row in economic:
        if misread := _code_of_another_name(row):
            misread_codes.add(id(row))
        if not row.doubt and misread:
            row.doubt = misread
            issues.append(ParseIssue("warn", "code_name_mismatch", f"table {row.table_no}: {misread}", row.provenance()))
        elif not row.doubt and (other := _name_run_on_into_another(row)):
            row.doubt = (f"the row's name runs on into '{other}', another item's name (or the start or end of one), printed "
                         "before the number: the number may be that item's")
        elif not row.doubt and (code := _CODE_IN_NAME_RE.search(row.label)):
            row.doubt = (f"the code {code.group()} is printed inside the row's name (joined to a number before it?): the "
                         "number after it may be that code's")
        elif not row.doubt and _unknown_item_code(row):
            row.doubt = (f"the code {row.row_code} is no item of the economic classification: it may be made of two "
                         "rows' code parts (a line lost), so the row's number is not certain")
            issues.append(ParseIssue("warn", "code_name_mismatch", f"table {row.table_no}: {row.doubt}", row.provenance()))
    class_sums = _class_sums(economic)
    for row in _moved_into_a_sum(class_sums):
        row.doubt = MOVED_INTO_A_CLASS_NOTE.format((row.row_code or "")[:3])
    for row, added in _zero_class_of_items_with_numbers(class_sums):
        row.doubt = row.doubt or ZERO_CLASS_NOTE.format(added)
    for row in _lacked_by_another_sum(economic, class_sums + _with_each_reading(economic, class_sums), _economic_class):
        row.doubt = LACKED_BY_ANOTHER_SUM_NOTE.format("the sum of another class's items")
    for row, label in _numbered_as_a_lost_total(economic):
        row.doubt = row.doubt or AS_A_LOST_TOTAL_NOTE.format(label)
    for row, code in _numbered_as_a_lost_class(economic, class_sums):
        row.doubt = row.doubt or AS_A_LOST_CLASS_NOTE.format(code)
    for row in _after_the_closing_totals(economic):
        row.doubt = row.doubt or AFTER_THE_CLOSING_TOTALS_NOTE
    for line, taking in _rows_of_a_repeated_line(economic):
        # each copy's number went to a row; a row whose code is misread took the copy not its own
        if not any(id(row) in misread_codes for row in taking):
            for row in taking:
                row.doubt = row.doubt or REPEATED_LINE_ROWS_NOTE.format(" ".join(line.text.split()))
    for key, lines in _read_from_several_rows([row for row in economic if id(row) not in misread_codes]).items():
        issues.append(ParseIssue("warn", "row_read_twice", f"table {key[0]} row {key[1]}: read from several rows (lines "
                                 f"{', '.join(str(line.no) for line in lines)}); none of its numbers is certain",
                                 Provenance(lines[0].no, lines[-1].no, lines[0].page)))
        for row in economic:
            if (row.table_no, row.row_key) == key and not row.doubt:
                row.doubt = READ_TWICE_NOTE
    # a table that prints its zeros ('-', '0') has no row without a number: that row lost it, most
    # likely to the next row of its group (see _after_a_row_without_number)
    printing_zeros = {row.table_no for row in economic for value in row.values if not value.value}
    for row in economic:
        if row.under_another and not row.doubt and row.table_no in printing_zeros:
            row.doubt = AFTER_A_ROW_WITHOUT_NUMBER_NOTE.format(row.under_another)
        row.doubt = row.doubt or row.weak_doubt


def _places(value: _Value) -> str:
    """The digits the value prints after its decimal point ('' for none)."""
    return value.printed.partition(".")[2]


def _usual_places(values: Iterable[_Value]) -> int | None:
    """How many decimals most of the amounts print, zeros and whole numbers aside (a zero may print
    '-', '0' or '0.00' in one document); None when there are none."""
    counts: dict[int, int] = {}  # decimals -> how many amounts print them, in the order first seen
    for value in values:  # (a loop and a dict: a Counter and its most_common cost more than a table's few amounts)
        if value.value and not value.bare_int:
            places = len(_places(value))
            counts[places] = counts.get(places, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None  # (the first most printed, as most_common(1))


def _doubt_for_its_form(row: _Row, value: _Value, code: str, issues: list[ParseIssue]) -> None:
    if not row.doubt:
        row.doubt = ODD_FORM_NOTES[code].format(value.printed)
        issues.append(ParseIssue("warn", code, f"table {row.table_no} row {row.row_key}: {row.doubt}",
                                 Provenance(value.line.no, value.line.no, value.line.page)))


def _amounts_of_another_form(rows: list[_Row]) -> Iterator[tuple[_Row, _Value, str]]:
    """The values printed in a form no number format gives beside the document's other amounts,
    with the issue code that says why (ODD_FORM_NOTES): the piece read is not the number printed
    in the cell, but part of it, or it joined to the next one. A document prints its amounts with
    a fixed number of decimals ('16.00'), or drops the trailing zeros ('16', '29.3'; some print
    both), so:
    - more decimals than most of its amounts: joined to what follows ('82.19' and '4' read as
      '82.194'; pypdf's layout mode joins an amount to the code after it, '107.9830217');
    - fewer decimals than most, the last a zero ('16.0' of '16.06'), which neither form prints;
    - a leading zero before a digit ('00.00', '02,300.00'): the end of an amount cut in two;
    - fewer decimals than most, where no other amount has fewer and the document prints its
      decimals fixed ('36.50', at least MIN_FIXED_DECIMALS times): '512.3' of '512.34', or a whole
      number (a page number read as the amount of a row that lost its own)."""
    usual = _usual_places(v for row in rows for v in row.values)
    if usual is None:  # (whole numbers and zeros only)
        return
    short: list[tuple[_Row, _Value]] = []
    fixed = 0  # amounts of the usual decimals, the last a zero
    for row in rows:
        for value in row.values:
            if value.bare_int:
                if value.value and usual:
                    short.append((row, value))
                continue
            places = _places(value)
            if len(places) > usual:
                yield row, value, "amount_with_extra_digits"
            elif places.endswith("0") and len(places) < usual:
                yield row, value, "amount_with_short_decimals"
            elif _CUT_START_RE.match(value.printed):
                yield row, value, "amount_cut_start"
            elif places and len(places) < usual:
                short.append((row, value))
            elif places.endswith("0"):
                fixed += 1
    if len(short) == 1 and fixed >= MIN_FIXED_DECIMALS:
        yield *short[0], "amount_with_fewer_decimals"


def _read_from_several_rows(rows: list[_Row]) -> dict[tuple[int, str], list[Line]]:
    """(table, row key) -> the first line of each row it was read from, for the keys read from more
    than one row with numbers: a table prints each item once, so a line printed twice, or a code's
    parts printed under it and the class code read anew for every item (pypdf's layout mode), gave
    it numbers that are not all its own."""
    found: dict[tuple[int, str], list[Line]] = defaultdict(list)
    for row in rows:
        found[row.table_no, row.row_key].append(row.lines[0])
    return {key: lines for key, lines in found.items() if len(lines) > 1}


def _lost_columns(rows: list[_Row]) -> dict[int, tuple[str, Line]]:
    """The tables whose header names no column for an amount another line proves printed (a Table 1
    income line for Table 2's column, a fund's income line for Table 4's), or not the total column
    every template prints: a header line was lost, so where each number stands is not known.
    Table -> (why, the line that shows it)."""
    # (row key -> the last row of that key that prints an amount, asked only when a header lacks a column)
    printed = cache(lambda: {(row.table_no, row.section, row.row_key): row for row in rows if any(map(_AMOUNT, row.values))})
    first_rows: dict[int, _Row] = {}  # per table, its first row with the header's columns
    for row in rows:
        if row.section != "income":
            first_rows.setdefault(row.table_no, row)
    header_columns = {no: column_keys(row) for no, row in first_rows.items()}
    lost: dict[int, tuple[str, Line]] = {}
    for no, columns in header_columns.items():
        total = layout.TABLES[no].row_total
        always = ((total,) if total else ()) + layout.ALWAYS_PRINTED_COLUMNS.get(no, ())
        if missing := next((key for key in always if key not in columns), None):
            lost[no] = (f"the header names no {missing} column, which the table always prints: a header line may be "
                        "lost, so the columns of the table's numbers are not known", first_rows[no].lines[0])
    over: dict[int, list[_Row]] = defaultdict(list)  # per subject table, its rows with more values than columns
    for row in rows:
        if len(row.values) > len(row.columns) and layout.TABLES[row.table_no].kind == "subject":
            over[row.table_no].append(row)
    for no, more in over.items():
        if no not in lost and len(more) > 1:  # (one row: a line read twice or a stray number)
            lost[no] = (f"{len(more)} rows print more amounts than the header names columns ('{more[0].label}', line "
                        f"{more[0].values[0].line.no}): a header line may be lost, so the columns of the table's "
                        "numbers are not known", more[0].values[0].line)
    for (no, column), (proof_no, section, keys) in layout.COLUMNS_PROVED_BY.items():
        if no in lost or no not in header_columns or column in header_columns[no]:
            continue
        proof = next((printed()[key] for k in keys if (key := (proof_no, section, k)) in printed()), None)
        if proof is not None:
            lost[no] = (f"the header names no {column} column, though '{proof.label}' (table {proof_no}, line "
                        f"{proof.lines[0].no}) prints an amount for it: a header line may be lost, so the columns "
                        "of the table's numbers are not known", proof.lines[0])
    return lost


def _named_as_another_code(rows: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """Subject rows named, in the document's other subject tables, as a row under them, as their
    parent or as another row under their parent that their own table does not print, and never
    as themselves: a lost code part turned a 项 into its 款 ('行政运行 …' under '201 03', its '01'
    lost, read as 20103) or a 款 into its first 项, and a lost line gave a 项 the code of the one
    before ('201 03' / '01' / '一般行政管理事务 …', 行政运行's line lost); also a row whose name ends
    with such a row's under it. (A 款 and its 项 named alike, '其他…支出', are named so as themselves
    too.) (row, the other code)"""
    named: dict[tuple[str, str], set[int]] = defaultdict(set)  # (code, name) -> tables printing it so
    subject = [(row, squash(row.label)) for row in rows
               if row.row_code and layout.TABLES[row.table_no].kind == "subject"]
    # a table that reads a code twice names it as a misread row does: not evidence of its name
    read_twice = {key for key, count in Counter((row.table_no, row.row_code) for row, _ in subject).items() if count > 1}
    for row, name in subject:
        if (row.table_no, row.row_code) not in read_twice:
            named[row.row_code, name].add(row.table_no)
    # (the common case: another table names the code alike)
    alone = [(row, name) for row, name in subject if name and len(named[row.row_code, name]) == 1]
    if not alone:
        return
    printed = {(row.table_no, row.row_code) for row, _ in subject}
    children: dict[str, list[tuple[str, str, int]]] = defaultdict(list)  # parent -> (code, name, table)
    for row, name in subject:
        if len(row.row_code) > 3:
            children[row.row_code[:-2]].append((row.row_code, name, row.table_no))
    for row, name in alone:
        code, table = row.row_code, row.table_no
        parent = code[:-2] if len(code) > 3 else None
        below = next((child for child, child_name, other in children.get(code, ()) if child_name == name
                      and other != table and (table, child) not in printed), None)
        beside = next((sibling for sibling, sibling_name, other in children.get(parent or "", ()) if sibling_name == name
                       and other != table and sibling != code and (table, sibling) not in printed), None)
        # its name, or the last line of it, run on into the name (or the first line of the name) of a
        # row the table does not print, its numbers' line lost: of a row under it ('构事务' + '行政运行',
        # the 项's '01' lost too; '行政事业单位医疗' + '行政单位', '医疗' and its '01' lost with the
        # 款's numbers), or of the next class ('行政单位医疗' + '住房保障支出', '221' lost)
        rests = _after_its_own_name(name, named, code, table)
        run_on = next((other_code for (other_code, other_name), tables in named.items() if rests and tables - {table}
                       and other_code != code and (table, other_code) not in printed
                       and any(map(other_name.startswith, rests))), None)
        # a row under its parent named with the start of another's name (a line of the wrapped name,
        # or the next row's first line, lost: '机关事业单位基本养老保险' + '支出', '行政单位离退休' + '险缴费支出')
        cut = next((sibling for sibling, sibling_name, other in children.get(parent or "", ()) if other != table
                    and sibling != code and (table, sibling) not in printed and _cut_from(name, sibling_name)
                    and not any(_cut_from(name, own) for own in _names_elsewhere(named, code, table))), None)
        # its name with the end of an unprinted sibling's run on into it ('…缴费支出' + '支出', the last
        # line of 2080506's name, its code line and numbers lost), or ending, after its own name, as
        # any unprinted row's name ends, in at least a line ('一般行政管理事务' + '养老支出', of 20805),
        # when its parent's sum fails
        tail = (next((sibling for sibling, sibling_name, other in children.get(parent or "", ())
                      if other != table and sibling != code and (table, sibling) not in printed
                      and any(map(sibling_name.endswith, rests))), None) or next(
            (other_code for (other_code, other_name), tables in named.items() if tables - {table}
             and other_code != code and (table, other_code) not in printed
             and _shared_end(rests[0], other_name) >= MIN_NAME_LINE), None)) if rests else None
        if tail and (rest := _rest_of_a_subject(parent or "", [other for other, _ in subject if other.table_no == table])):
            run_on = run_on or (tail if abs(rest[0]) > rest[1] else None)
        # named with the first line of a row under it (its own name's lines and numbers lost):
        # '行政单位离' of 行政单位离退休, its '01 退休' lost
        first_line = next((child for child, child_name, other in children.get(code, ()) if other != table
                           and (table, child) not in printed and len(name) >= MIN_NAME_LINE and child_name != name
                           and child_name.startswith(name)
                           and not any(own.startswith(name) for own in _names_elsewhere(named, code, table))), None)
        if below or beside or run_on or cut or first_line:
            yield row, below or beside or run_on or cut or first_line
        elif parent and (table, parent) not in printed and named.get((parent, name), {table}) - {table}:
            yield row, parent


def _rest_of_a_subject(parent: str, rows: list[_Row]) -> tuple[Decimal, Decimal] | None:
    """What a subject's number (its largest: the total column) is more than the sum of the rows under
    it, among the rows of one table, and the rounding that allows; None if it prints no number or
    has no row under it that prints one."""
    total = next((row for row in rows if row.row_code == parent), None)
    parts = [row for row in rows if row.values and (row.row_code or "")[:-2] == parent]
    if total is None or not total.values or not parts:
        return None
    return max(map(_AMOUNT, total.values)) - _parts_sum(parts), total.half_unit * (len(parts) + 1)


# A wrapped name's first line holds at least this many characters.
MIN_NAME_LINE = 4


def _cut_from(name: str, other: str) -> bool:
    """Whether a printed name is another name with its end replaced ('行政单位离退休' + '险缴费支出') or a
    middle part left out ('机关事业单位基本养老保险' + '支出' of '…保险缴费支出'): the other's first line
    kept, then what followed it lost."""
    if name == other or min(len(name), len(other)) < MIN_NAME_LINE:
        return False
    if name.startswith(other):
        return True
    return len(other) > len(name) and any(other.startswith(name[:k]) and other.endswith(name[k:])
                                          for k in range(MIN_NAME_LINE, len(name)))


def _shared_end(name: str, other: str) -> int:
    """How many characters two names end alike in."""
    return next((k for k in range(min(len(name), len(other)), 0, -1) if name[-k:] == other[-k:]), 0)


def _after_its_own_name(name: str, named: dict[tuple[str, str], set[int]], code: str, table: int) -> list[str]:
    """What a printed name holds (at least MIN_NAME_END characters) after the code's name as the
    other tables print it, or after the end of that name: another name run on into it."""
    own_names = _names_elsewhere(named, code, table)
    return [name[k:] for k in range(1, len(name) - MIN_NAME_END + 1)
            if any(own.endswith(name[:k]) for own in own_names)]


def _names_elsewhere(named: dict[tuple[str, str], set[int]], code: str, table: int) -> list[str]:
    """The names the document's other tables give the code."""
    return [name for (other_code, name), tables in named.items() if other_code == code and tables - {table}]


def _code_part_value(row: _Row) -> _Value | None:
    """A value of the row printed as two digits without decimals, the shape of a code part ('16'),
    or a whole number alone on its line, the shape of a page number, in a table that prints its
    amounts with decimals: a lost or repeated line put another row's code part, or a page number
    the page's furniture did not tell (printed twice), where the row's amount stands."""
    for value in row.values:
        if value.bare_int and ((value.alone and value.value) or _TWO_DIGITS_RE.fullmatch(value.printed)):
            return value
    return None


def _code_of_another_name(row: _Row) -> str | None:
    """Why a Table 6 row's code may be misread, if it may: the classification names the code
    otherwise, and the row's name is another code's, or starts with it (a code part read from another
    line, as an extract that prints a line twice makes: '302' + a repeated '14 医疗费' reads as 30214)."""
    if not row.row_code:
        return None
    names, codes = layout.economic_subjects()
    # (code parts a lost line left before the name are no part of it: '0303奖金')
    label = squash(row.label).lstrip("0123456789")
    own = names.get(row.row_code, "")
    if label not in codes and not (own and label.startswith(own)):
        # a name run on into the next group's ('奖励金办公设备购置'): the longest name it starts with,
        # unless the code's own name starts so too (its name cut short: '医疗费补', not '医疗费')
        first = max((name for name in codes if label.startswith(name)), key=len, default=label)
        label = label if own.startswith(first) else first
    named, what = codes.get(label), "the name"
    if not named:
        named, what = _names_cut_short_to(label, own, codes), "the start of the name"
    if not named or row.row_code in named:
        return None
    known = f"is {names[row.row_code]} in the classification" if row.row_code in names else "is not in the classification"
    return (f"code {row.row_code} {known}, but its row is named '{row.label}', {what} of "
            f"{', '.join(sorted(named))}: the code may be misread, so the row's number is not certain")


def _names_cut_short_to(label: str, own: str, codes: dict[str, frozenset[str]]) -> frozenset[str]:
    """The codes of the names a Table 6 label is the start of (a wrapped name whose last line was not
    read with it: '信息网络及软件购置更', of 31007), when it is at least a line long and not the start
    of the row's own name."""
    if len(label) < MIN_NAME_LINE or own.startswith(label):
        return frozenset()
    return frozenset().union(*(named for name, named in codes.items() if name.startswith(label)))


def _unknown_item_code(row: _Row) -> bool:
    """Whether a Table 6 item's code (five digits) is not in the classification while its class is."""
    code = row.row_code or ""
    names, _ = layout.economic_subjects()
    return len(code) == 5 and code not in names and code[:3] in names


# A classification name holds no digits: a run of them inside a Table 6 row's name is a code, joined
# to the number printed before it (pypdf's layout mode: '办公费 031002 办公设备购 21.40', 0 and 31002).
_CODE_IN_NAME_RE = re.compile(r"(?<=\D)\d{3,}")
# The end of a name a Table 6 row's name may run on into is at least this long: one character ('费')
# ends too many names to tell.
MIN_NAME_END = 2


def _name_run_on_into_another(row: _Row) -> str | None:
    """The name of another item of the classification that a Table 6 row's name runs on into
    ('商品和服务支出' + '资本性支出'), the last when it runs on into several: pdftotext's default mode
    printed the next class's name, and then its number, before that class's code, so the number
    read as this row's is likely the other's."""
    names, codes = layout.economic_subjects()
    own = names.get(row.row_code or "")
    label = squash(row.label)
    if own and not label.startswith(own):  # a line of its name printed twice ('职业年金' '职业年金' '缴费')
        label = _with_a_line_once(label, own)
    if own and not label.startswith(own) and (part := _DIGITS_RE.search(label)) and len(part.group()) == 2 \
            and part.start() >= MIN_NAME_LINE and own.startswith(label[:part.start()]):
        label = own + label[part.start():]  # its name cut short by a lost line, then another's code part ('09')
    if own and not label.startswith(own):
        label = _own_end_restored(label, own, codes)
    if not own or label == own or not label.startswith(own):
        return None
    # after a code part, what follows it ('工会经费01离休费'), and after the name printed again (a line
    # repeated: '公务用车运行维护费公务用车运行维护费04抚恤金', '维修(护)费维修(护)费公务员医疗补助缴费')
    rest = label[len(own):]
    while rest.startswith(own):
        rest = rest[len(own):]
    rest = _DIGITS_RE.split(rest)[-1]
    if rest not in codes:  # (names of several items run on, the number after the last: '…支出商品和服务支出资本性支出')
        rest = max((name for name in codes if rest.endswith(name)), key=len, default=rest)
    if rest in codes:
        return rest if codes[rest] - {row.row_code} else None
    # the end of another item's name broken over lines, its first lines lost with the number before
    # them ('公务员医疗补助缴费' + '障缴费', of '其他社会保障缴费'); not the end of its own, a line read twice
    ends_another = len(rest) >= MIN_NAME_END and not own.endswith(rest) and any(
        name.endswith(rest) and other - {row.row_code} for name, other in codes.items())
    # or the start of one, its last line not read with it ('…缴费' + '09物业管理', of 物业管理费)
    return rest if ends_another or _names_cut_short_to(rest, own, codes) - {row.row_code} else None


def _own_end_restored(label: str, own: str, codes: dict[str, frozenset[str]]) -> str:
    """The label with its own name whole, when it is the end of that name run on into another
    item's whole name ('缴费' + '物业管理费', of 机关事业单位基本养老保险缴费): the lines before its
    last were lost, and with them the other item's code. Else the label as it is."""
    for length in range(len(own) - 1, MIN_NAME_END - 1, -1):
        if label.startswith(own[-length:]) and label[length:] in codes:
            return own + label[length:]
    return label


def _with_a_line_once(label: str, own: str) -> str:
    """The label with a piece of its own name (at least MIN_NAME_END characters) that it prints twice
    in a row printed once, when that makes it start with its own name; else the label as it is."""
    for end in range(MIN_NAME_END, len(own)):
        if label[:end] != own[:end]:
            break
        for length in range(MIN_NAME_END, end + 1):
            once = label[:end] + label[end + length:]
            if label[end - length:end] == label[end:end + length] and once.startswith(own):
                return once
    return label


def _without_double_placements(cells: list[Cell], issues: list[ParseIssue]) -> list[Cell]:
    """A cell of a table holds one number: when several were placed in the same one (an extract
    that lists a table's labels and numbers apart, or a label it failed to read), none of them is
    certain."""
    keys = list(map(_cell_key, compress(cells, map(attrgetter("certain"), cells))))
    if len(set(keys)) == len(keys):  # the common case, decided without a step per cell
        return cells
    seen: set[tuple[int, str, str, str | None]] = set()
    doubled: set[tuple[int, str, str, str | None]] = set()
    for key in keys:
        (doubled if key in seen else seen).add(key)
    for no, section, row_key, column in sorted(doubled, key=str):
        lines = sorted(c.provenance.line_start or 0 for c in cells if c.certain and _cell_key(c) == (no, section, row_key, column))
        issues.append(ParseIssue(
            "warn", "cell_placed_twice",
            f"table {no} row {row_key} ({section or 'main'}), column {column}: {len(lines)} numbers were read for this one cell "
            f"(lines {', '.join(map(str, lines))}); none of them is certain",
            Provenance(lines[0], lines[-1])))
    return [_doubled(cell) if cell.certain and _cell_key(cell) in doubled else cell for cell in cells]


_cell_key: Callable[[Cell], tuple[int, str, str, str | None]] = attrgetter("table_no", "section", "row_key", "column_key")


def not_certain(cell: Cell, note: str) -> Cell:
    """The cell made uncertain, its value as printed: the column it was placed in (else its
    candidates) left as a candidate, `note` saying why."""
    candidates = (cell.column_key,) if cell.column_key else cell.candidates
    return replace(cell, column_key=None, column_label="", certain=False, candidates=candidates, note=note)


def _doubled(cell: Cell) -> Cell:
    return not_certain(cell, f"could be {cell.column_key}, but another number was read for that cell too")


def _out_of_order(cell: Cell) -> Cell:
    return not_certain(cell, "this extract does not print the table row by row (see its table_out_of_order issue)")


class _Disorder(NamedTuple):
    """Where and how an extract shows that it does not print a table row by row."""

    line: Line
    what: str


def _header_among_rows(table: TableLayout, printed: _Lines, page_starts: Callable[[], set[int]]) -> _Disorder | None:
    """The first body line that is only a column header of the table, printed after a number of the
    table (or, in Table 4, after a numbered label: see _COLUMNS_NAMED_AS_ROWS) and not on a new page
    (a table continued on the next page may repeat its header): the extract lists the table's parts
    (labels, headers, numbers) apart from each other."""
    names = _COLUMN_NAMES[table.no]
    if not names:
        return None
    body = printed.lines
    marked = printed.where(_COLUMN_NAME_START_RE[table.no])  # only these can be a column name
    suspects = [k for k in marked if squash(body[k].text) in names]
    if not suspects:
        return None
    starts = page_starts()
    # a two-sided table's rows start at a numbered label ('一、…'): in one whose column names read as
    # row labels (Table 4's fund columns), a header word after one is among them
    numbered = layout.NUMBERING_RE if table.no in _COLUMNS_NAMED_AS_ROWS else None
    seen_row, new_page = False, False
    for k, line in enumerate(body):
        new_page = new_page or line.no in starts
        if k in suspects and seen_row and not new_page:
            return _Disorder(line, f"the column header '{line.text.strip()}' is printed among the rows")
        if _DIGITS_RE.search(line.text) or (numbered and numbered.match(squash(line.text))):
            seen_row, new_page = True, False
    return None


# Per table: the names of its columns that are no row label nor part of one (a label broken over
# lines may leave '政府性基金预算' alone on a line).
_ROW_LABELS = (*layout.INCOME_LABELS, *layout.EXPENDITURE_LABELS, *layout.BOTH_SIDES_LABELS,
               *layout.SUBJECT_TOTAL_LABELS, *layout.ECONOMIC_TOTAL_LABELS)
_COLUMN_NAMES = {
    table.no: {alias for column in (*table.columns, *table.income_columns) for alias in column.aliases
               if not any(alias in label for label in _ROW_LABELS)}
    for table in layout.TABLES.values()
}
# Two-sided tables a column of which is named as a row ('一般公共预算财政拨款', Table 4's fund column
# and its income line): a column header printed among the rows reads as that row, with another's number.
_COLUMNS_NAMED_AS_ROWS = frozenset(
    table.no for table in layout.TABLES.values() if table.kind == "two_sided"
    and any(alias in _ROW_LABELS for column in table.columns for alias in column.aliases))
# Per table: the first characters of those names; a line without one is none of them.
_COLUMN_NAME_START_RE = {no: _rest_of_line("|".join(sorted({re.escape(name[0]) for name in names})))
                         for no, names in _COLUMN_NAMES.items()}


def _cut_off(cell: Cell) -> Cell:
    """A cell of the table a truncated file ends in: its value is as printed, but the table (and
    maybe the number itself) is incomplete, so it is not certain enough to be checked."""
    return not_certain(cell, "the file ends inside this table (truncated)")


# --- 1. regions and headers ------------------------------------------------------------------------

_BARE_NUMBER_RE = re.compile(r"[1-9]\d{0,2}")  # a page number has no leading zero ("01" is a code part)
_INDENTED_RE = re.compile(r"\n[^\S\n]")  # in the joined text: a line that starts with a space
_TABLE_CHAR_RE = re.compile("表")
OTHER_TABLE = 0  # the table number of a title outside the nine (see layout.OTHER_TABLE_TITLE_RE)
_PART_CHAR_RE = re.compile("第")
_UNIT_CHAR_RE = re.compile("位")
_COLON_RE = _rest_of_line(":")
_FURNITURE_MARK_RE = _rest_of_line(layout.FURNITURE_MARK_RE.pattern)
# A character that every line starting a table's body holds, by kind of table (see _starts_body):
# the numbering 一、 (or a form that NFKC reads as 、), a code or an amount, the 计 of a total row.
_BODY_START_MARK_RE = {
    "two_sided": _rest_of_line("[、︑﹑､]"),
    "subject": _rest_of_line(r"[\d计]"),
    "economic": _rest_of_line(r"[\d计]"),
    "three_public": _rest_of_line(f"\\d|{DASH_PATTERN}"),
}


_TEXT: Callable[[Line], str] = itemgetter(1)  # a Line's text: a tuple's item, read faster by place than by name


@dataclass
class _Lines:
    """A document's lines and their texts joined by '\n', joined once: a search of the joined text
    finds the few lines that matter (titles, part headings, page starts) without a Python step per line."""

    lines: list[Line]
    joined: str

    @classmethod
    def of(cls, lines: list[Line]) -> _Lines:
        return cls(lines, "\n".join(map(_TEXT, lines)))

    def from_line(self, start: int) -> _Lines:
        """The lines from index `start` on, their text cut out of the joined text, not joined anew
        (the length of the lines before them is summed: a header's few lines before a body's many)."""
        if not start:
            return self
        return _Lines(self.lines[start:], self.joined[sum(map(len, map(_TEXT, self.lines[:start]))) + start:])

    def nonblank_before(self, i: int) -> int | None:
        """Index of the last non-blank line before line i, if any."""
        lines = self.lines
        for k in range(i - 1, -1, -1):  # (a loop, not a generator: most lines before one are not blank)
            if lines[k].text.strip():
                return k
        return None

    def nonblank_after(self, i: int) -> int | None:
        """Index of the first non-blank line after line i, if any."""
        lines = self.lines
        for k in range(i + 1, len(lines)):
            if lines[k].text.strip():
                return k
        return None

    def line_after(self, no: int) -> Line | None:
        """The first non-blank line after the line numbered `no`."""
        k = self.nonblank_after(self._span(no)[1] - 1)
        return None if k is None else self.lines[k]

    def line_before(self, no: int) -> Line | None:
        """The last non-blank line before the line numbered `no`."""
        k = self.nonblank_before(self._span(no)[0])
        return None if k is None else self.lines[k]

    @cached_property
    def numbers(self) -> list[int]:
        """The lines' numbers, in order: a line split at a page break repeats its number, Markdown skips some."""
        return list(map(attrgetter("no"), self.lines))

    def _span(self, no: int) -> tuple[int, int]:
        """The index of the first line numbered `no`, and the one after the last (line n is most often the n-th)."""
        lines, k = self.lines, no - 1
        if 0 < no < len(lines) and lines[k].no == no and lines[no].no != no and (not k or lines[k - 1].no != no):
            return k, no
        return bisect_left(self.numbers, no), bisect_right(self.numbers, no)

    def nonblank_between(self, start: int, end: int) -> list[int]:
        """Indexes of the non-blank lines from start up to (not including) end."""
        return list(compress(range(start, end), map(str.strip, map(_TEXT, self.lines[start:end]))))

    def where(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """Indexes of the lines in which a match of the pattern ends (see spans)."""
        return map(itemgetter(0), self.spans(pattern))

    def spans(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int, int]]:
        """The lines in which a match of the pattern ends, in order, each once, as (index, start, end)
        in the joined text; found as they are asked for, so that a caller that stops early searches
        no further."""
        joined = self.joined
        line, counted, last = 0, 0, None  # (newlines_before's count, inline: no generator per match)
        for match in pattern.finditer(joined):
            end = match.end() - 1
            line += joined.count("\n", counted, end)
            counted = end
            if line != last:
                line_end = joined.find("\n", end)
                yield line, joined.rfind("\n", 0, end) + 1, len(joined) if line_end < 0 else line_end
                last = line

    def without(self, dropped: list[tuple[int, int, int]]) -> _Lines:
        """The lines but the dropped ones ((index, start, end) of each, in order: see spans), the
        texts of the lines kept between them cut out of the joined text, not joined anew."""
        joined, runs = self.joined, []
        after, start = 0, 0  # the first line after the last dropped one, and where it starts
        for i, line_start, line_end in dropped:
            if i > after:
                runs.append(joined[start:line_start - 1])
            after, start = i + 1, line_end + 1
        if after < len(self.lines):
            runs.append(joined[start:])
        return _Lines(without(self.lines, [i for i, _, _ in dropped]), "\n".join(runs))


def _page_starts(document: _Lines) -> list[int]:
    """Indexes of the non-blank lines after the first that start a new page: where the page number
    changes when the extract numbers its pages (form feeds), else where the extraction indents a
    line by a space (an extract laid out on a grid indents most lines, but numbers its pages)."""
    lines = document.lines
    if lines and lines[0].page is not None:
        nonblank = document.nonblank_between(0, len(lines))
        return [i for before, i in zip(nonblank, nonblank[1:]) if lines[i].page != lines[before].page]
    first = document.nonblank_after(-1)  # (the first non-blank line: the lines after it have one before them)
    return sorted(i for i in document.where(_INDENTED_RE) if lines[i].text.strip() and i > first)


def _without_page_numbers(document: _Lines, issues: list[ParseIssue]) -> tuple[_Lines, list[Line]]:
    """The lines without bare page numbers, and the page numbers' lines ('5' alone on its line, which inside a table reads like
    a cell). A bare number is a page number when the next line opens a new page and its value
    counts the pages: value minus the page starts before it is the same for at least two of them
    (a 行次 or a printed 0 that happens to end a page does not fit the count); or when it is one of
    a series that numbers the pages of an extract that marks no page starts (see _page_series)."""
    lines = document.lines
    candidates = []  # (line index, value - page starts before it)
    for starts_before, i in enumerate(_page_starts(document)):
        previous = document.nonblank_before(i)
        if previous is not None and _BARE_NUMBER_RE.fullmatch(lines[previous].text.strip()):
            candidates.append((previous, int(lines[previous].text) - starts_before))
    offsets = Counter(offset for _, offset in candidates)
    series, glued = _page_series(document)
    footers = sorted({i for i, offset in candidates if offsets[offset] >= 2} | set(series))
    if not footers:
        return document, []
    kept = lines.copy()
    for i, page in glued:
        line = lines[i]
        kept[i] = line._replace(text=line.text.rstrip()[: -len(str(page))].rstrip())
        issues.append(ParseIssue("info", "page_number_glued",
                                 f"number {page} at the end of line {line.no} read as the number of its page (the "
                                 "pages before and after it are numbered on lines of their own), not as a cell",
                                 Provenance(line.no, line.no, line.page)))
    return _Lines.of(without(kept, footers)), [lines[i] for i in footers]


# A page holds at least this many lines, and at least the document's lines shared among this many
# pages (a disclosure has fewer): numbers printed closer together are a list or a column of row
# numbers (行次), not the pages' numbers.
MIN_PAGE_LINES = 5
MAX_PAGES = 50
# The first page number an extract prints (its cover may be unnumbered, or its number lost).
MAX_FIRST_PAGE = 3
# A line of a bare number, with the newline before it (a literal start the regex engine scans for fast);
# its spaces taken possessively (*+: no number or newline is a space), so that each line is tried once.
_BARE_NUMBER_LINE_RE = re.compile(rf"\n[^\S\n]*+({_BARE_NUMBER_RE.pattern})[^\S\n]*+(?=\n)")


def _page_series(document: _Lines) -> tuple[list[int], list[tuple[int, int]]]:
    """The page numbers of an extract that prints each on a line of its own but marks no page
    starts (pages joined by a plain newline): the longest series of bare numbers counting up by one
    (or two, past a page whose number is lost or glued), each a page's lines after the one before
    (see MAX_PAGES), starting at one of the first pages and running over half the document at least.
    Returns the indexes of their lines, and (line index, page number) of each page number printed at
    the end of its page's last line instead: the one line between the numbers of the pages around
    it that ends with that number."""
    if document.lines and document.lines[0].page is not None:
        return [], []  # the extract marks its pages: see _page_starts
    joined = f"\n{document.joined}\n"  # each line between newlines: the n-th newline starts line n
    found = list(_BARE_NUMBER_LINE_RE.finditer(joined))
    # a series has three numbers at least and runs over half the document, so the first and the last
    # found do (most extracts: a column of 行次 or a list, within a few pages): the lines between them counted
    if len(found) < 3 or joined.count("\n", found[0].start(), found[-1].start()) < len(document.lines) / 2:
        return [], []
    min_gap = max(MIN_PAGE_LINES, len(document.lines) // MAX_PAGES)
    numbers = list(zip(newlines_before(joined, (match.start() for match in found)),
                       (int(match.group(1)) for match in found)))
    lines_of: dict[int, list[int]] = defaultdict(list)
    for i, value in numbers:
        lines_of[value].append(i)
    # a number with the next or the one before printed within a page's lines is one of a column of
    # row numbers (行次) or a list, whatever else it may be
    at, values = [], []
    for i, value in numbers:
        if all(abs(i - other) >= min_gap for near in (value - 1, value + 1) for other in lines_of.get(near, ())):
            at.append(i)
            values.append(value)
    # longest[k]: the length of the longest series ending at candidate k, and the one before it
    longest: list[tuple[int, int]] = []
    by_value: dict[int, list[int]] = defaultdict(list)
    for k, (i, value) in enumerate(zip(at, values)):
        before = [j for step in (1, 2) for j in by_value.get(value - step, ()) if i - at[j] >= min_gap]
        j = max(before, key=lambda j: longest[j][0], default=-1)
        longest.append((longest[j][0] + 1, j) if j >= 0 else (1, -1))
        by_value[value].append(k)
    if not longest:
        return [], []
    end = max(range(len(longest)), key=lambda k: longest[k][0])
    if longest[end][0] < 3:
        return [], []
    members = [end]
    while longest[members[-1]][1] >= 0:
        members.append(longest[members[-1]][1])
    members.reverse()
    if values[members[0]] > MAX_FIRST_PAGE or at[members[-1]] - at[members[0]] < len(document.lines) / 2:
        return [], []  # not the pages' numbers: a list, a column of row numbers or of codes (301, 302, 303)
    glued = []
    for a, b in zip(members, members[1:]):
        if values[b] - values[a] == 2:
            page = str(values[a] + 1)
            ending = [i for i in range(at[a] + 1, at[b]) if document.lines[i].text.rstrip().endswith(" " + page)]
            if len(ending) == 1:
                glued.append((ending[0], values[a] + 1))
    return [at[k] for k in members], glued


@dataclass
class _Region:
    no: int
    title: Line
    # the non-blank lines after the title line(s), up to the next table or part heading, joined once
    # for the searches of the unit and of the page furniture (and of a header that ends a two-sided table)
    printed: _Lines

    @property
    def lines(self) -> list[Line]:
        return self.printed.lines


# Every title alias with its table, longest first (tables in order among equally long ones).
_TITLE_ALIASES = sorted(((alias, no) for no, table in layout.TABLES.items() for alias in table.titles),
                        key=lambda alias_no: len(alias_no[0]), reverse=True)
_ANY_TITLE_RE = re.compile("|".join(re.escape(alias) for alias, _ in _TITLE_ALIASES))


def table_number_of_title(text: str) -> int | None:
    """The table whose title the line is (a year, department, numbering or (表N) may surround it);
    the longest title that reads so wins."""
    if "表" not in text:  # no other character has a 表 in its NFKC form
        return None
    flat = squash(text)
    if not _ANY_TITLE_RE.search(flat):  # one search for the lines that name no table (most of them)
        return None
    for alias, no in _TITLE_ALIASES:
        at = flat.find(alias)
        if at >= 0 and layout.TITLE_PREFIX_RE.fullmatch(flat[:at]) and (
                layout.TITLE_SUFFIX_RE.fullmatch(flat[at + len(alias):])
                or layout.TITLE_JOINED_TO_HEADER_RE.match(flat, at + len(alias))):
            return no
    return None


def _title_candidates(document: _Lines, part_headings: list[int]) -> list[tuple[int, int, int]]:
    """(table, index of the title line, index after the title) for every line that is a title,
    also when a title is broken over two lines, or around a part heading that the extraction
    put between its halves ('收入支出决算总' / '第二部分 …' / '表', as in a PDF made with WPS)."""
    lines = document.lines
    found = []
    title_of = cache(table_number_of_title)  # (a title line is tried alone, and after the line before it)
    with_table = document.where(_TABLE_CHAR_RE)
    # only a line with a 表, or the non-blank line before one (or before the part heading before
    # one), can start a title (alone or joined to the next)
    starts = {k for i in with_table for k in (document.nonblank_before(i), i) if k is not None}
    starts |= {k for i in starts & set(part_headings) if (k := document.nonblank_before(i)) is not None}
    for i in sorted(starts):
        no = title_of(lines[i].text)
        if no is not None:
            found.append((no, i, i + 1))
            continue
        if "表" in lines[i].text and layout.OTHER_TABLE_TITLE_RE.fullmatch(squash(lines[i].text)):
            found.append((OTHER_TABLE, i, i + 1))
            continue
        j = document.nonblank_after(i)
        if j in part_headings:
            j = document.nonblank_after(j)
        if j is not None and title_of(lines[j].text) is None:  # (a title line alone is read as that title)
            joined = title_of(lines[i].text + lines[j].text)
            if joined is not None:
                found.append((joined, i, j + 1))
    return found


def _find_regions(document: _Lines, issues: list[ParseIssue]) -> dict[int, _Region]:
    """The region of each table. A title followed by no table body (the contents list) is skipped;
    a title repeated later (a continuation page) stays inside the first region. A two-sided table
    ends at a header of a table listed by subject code (see _coded_header)."""
    lines = document.lines
    part_headings = _part_headings(document)
    candidates = _title_candidates(document, part_headings)
    stops = sorted({i for _, i, _ in candidates} | set(part_headings))
    starts: dict[int, tuple[int, int]] = {}  # table -> (title index, index after the title)
    others: list[int] = []  # titles of tables outside the nine, with a body
    for no, i, after in candidates:
        end = _next_stop(stops, after, len(lines))
        if (no not in starts or no == OTHER_TABLE) and _has_body(lines[after:end]):
            if no == OTHER_TABLE:
                others.append(i)
            else:
                starts[no] = (i, after)
    for i in others:
        line = lines[i]
        issues.append(ParseIssue(
            "info", "table_unknown", f"line {line.no} ('{line.text.strip()}') is the title of a table outside the "
            "nine of the template: its rows are not read, and the table before it ends there",
            Provenance(line.no, line.no, line.page)))
    stops = sorted([i for i, _ in starts.values()] + others + part_headings)
    regions = {}
    for no, (i, after) in starts.items():
        end = _next_stop(stops, after, len(lines))
        # blank lines say nothing in a table; a title of the table repeated on one line (a continuation page) neither
        kept = document.nonblank_between(after, end)
        repeated_titles = {k for title_no, k, k_after in candidates if title_no == no and k_after == k + 1}
        if not repeated_titles.isdisjoint(kept):
            kept = [k for k in kept if k not in repeated_titles]
        body = _Lines.of(list(map(lines.__getitem__, kept)))
        if layout.TABLES[no].kind == "two_sided" and (at := _coded_header(body)) is not None:
            line = body.lines[at]
            issues.append(ParseIssue(
                "warn", "table_overrun", f"table {no}: line {line.no} ('{line.text.strip()}') is the column header of "
                "a table listed by subject code: the title of the table it heads may be lost, so table "
                f"{no} ends before it", Provenance(line.no, line.no, line.page)))
            body = _Lines.of(body.lines[:at])
        if after == i + 1 and (header := _header_after_title(lines[i])) is not None:
            body = _Lines.of([header, *body.lines])
        regions[no] = _Region(no, lines[i], body)
    return regions


def _next_stop(stops: list[int], after: int, default: int) -> int:
    """The first of the (sorted) stops at or after `after`, else `default`: a bisection, not a scan."""
    at = bisect_left(stops, after)
    return stops[at] if at < len(stops) else default


def _header_after_title(line: Line) -> Line | None:
    """The unit statement and column header a title line runs on into (a tool that joined the lines:
    '一般公共预算财政拨款支出决算表单位：万元 科目编码 …'), as a line of the table of its own."""
    start = _JOINED_HEADER_START_RE.search(line.text)
    return None if start is None else line._replace(text=line.text[start.start():])


_JOINED_HEADER_START_RE = re.compile(r"(?:金额)?单位\s*[:：]|科目编码")


# Every start of a column header of a table listed by subject code holds one of these characters
# (科目编码, 支出功能分类, 部门预算支出经济分类, …), and no other character has one in its NFKC form.
_CODED_HEADER_CHAR_RE = re.compile("[科功部]")
assert all(_CODED_HEADER_CHAR_RE.search(start) for start in layout.CODED_HEADER_STARTS)


def _coded_header(lines: _Lines) -> int | None:
    """The index of the first line that starts a column header of a table listed by subject code,
    if any: a two-sided table's region runs into the next table when its title is lost. Only the
    lines with a character of such a start are tried (found by one search of the lines joined)."""
    marked = lines.where(_CODED_HEADER_CHAR_RE)
    return next((at for at in marked if squash(lines.lines[at].text).startswith(layout.CODED_HEADER_STARTS)), None)


def _part_headings(document: _Lines) -> list[int]:
    """Indexes of the part headings (第三部分 …)."""
    # no other character has a 第 in its NFKC form: a line without one is no heading
    lines = document.lines
    return [i for i in document.where(_PART_CHAR_RE) if layout.PART_HEADING_RE.match(squash(lines[i].text))]


def _has_body(lines: list[Line]) -> bool:
    """Whether the lines after a title hold a table (unit, header, note or an amount), not just more
    titles as in a contents list."""
    for line in lines:
        flat = squash(line.text)
        if layout.UNIT_RE.search(flat) or layout.NOTE_RE.match(flat) or flat.startswith("项目"):
            return True
        if _AMOUNT_TOKEN_RE.search(line.text):  # (a piece that parse_amount reads, without a call per piece)
            return True
    return False


@dataclass
class _Header:
    columns: tuple[ColumnSpec, ...]  # printed columns in order (expenditure side of a two-sided table)
    labels: dict[str, str]  # column key -> header text as printed (squashed)
    has_row_numbers: bool
    capital_group: bool  # Table 6 prints 资本性支出 as a column group of its own
    row_numbers_inferred: bool = False  # 行次 read from the rows, the header not naming them
    laid_out: bool = False  # words set apart by wide gaps: the extract keeps them at their place on a character grid
    phases_printed: bool = True  # Table 7: 预算数/决算数 printed, so the header gives the order of its columns
    printed_phases: tuple[str, ...] = ()  # Table 7 printed an item per row: the phases of its columns, in order


def _is_column_numbering(text: str) -> bool:
    """'栏次 1 2 3', '1 2 3 … 12', '栏次 1 栏次 2 3 4 5': numbers of columns, not values."""
    if not layout.COLUMN_NUMBER_RE.match(text.strip()):
        return False
    numbers = [int(n) for n in _DIGITS_RE.findall(text)]
    return "栏" in text or (len(numbers) > 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))))


@cache  # per table: layout data only
def _header_vocabulary(table_no: int) -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """The header words of a table: alias -> (kind, key), and a pattern of the aliases, longest first."""
    table = layout.TABLES[table_no]
    vocabulary: dict[str, tuple[str, str]] = {}  # alias -> (kind, key)
    for word in table.header_words:
        vocabulary[word] = ("word", word)
    for spec in table.income_columns + table.columns:
        for alias in spec.aliases:
            vocabulary[alias] = ("column", spec.key)
    if table.kind == "three_public":
        for spec in layout.THREE_PUBLIC_ITEMS:
            for alias in spec.aliases:
                vocabulary[alias] = ("item", spec.key)
        for spec in layout.THREE_PUBLIC_PHASES:
            for alias in spec.aliases:
                vocabulary[alias] = ("phase", spec.key)
    if table.kind == "economic":
        for alias, group in layout.ECONOMIC_GROUP_HEADERS.items():
            vocabulary[alias] = ("group", group)
    longest_first = sorted(vocabulary, key=len, reverse=True)
    return vocabulary, re.compile("|".join(re.escape(alias) for alias in longest_first))


# A squashed header line that is a table number or a province's form number: one pattern, one call a line.
_TABLE_NUMBER_RE = re.compile(f"(?:{layout.TITLE_SUFFIX_RE.pattern})|(?:{layout.FORM_NUMBER_RE.pattern})")
# How a numbering of the columns starts (see _is_column_numbering): 栏 or a digit, after any spaces;
# tried at the line's start only, where a search for a digit would step through the whole line.
_COLUMN_NUMBERING_START_RE = re.compile(r"\s*[栏\d]")


def _header_text_lines(lines: list[Line]) -> list[tuple[Line, str]]:
    """The header lines that may name columns, each with its squashed text: not a stray sentence, the
    numbering of the columns, a table number or a province's form number."""
    # (each test without a Python call but the numbering's, which only a line so started may be)
    return [(line, flat) for line in lines if not (_SENTENCE_MARK_RE.search(line.text)
                                                   or (_COLUMN_NUMBERING_START_RE.match(line.text)
                                                       and _is_column_numbering(line.text))
                                                   or _TABLE_NUMBER_RE.fullmatch(flat := squash(line.text)))]


def _read_header(table: TableLayout, lines: list[Line], issues: list[ParseIssue]) -> _Header:
    """Which columns the header prints. Header words are matched longest-first on the joined
    header text, so a header broken one character per line reads the same as an unbroken one. A
    header laid out in columns (pdftotext -layout: several words per line, each broken down its own
    column) is also read column by column; the reading that leaves fewer unknown words is kept."""
    squashed = _header_text_lines(lines)
    readings = [_header_words(table.no, _joined_header(squashed))]
    by_column = _header_by_column([line for line, _ in squashed])
    if by_column is not None:
        readings.append(_header_words(table.no, by_column))
    found, unknown = min(readings, key=lambda reading: sum(len(residue) for residue, _, _ in reading[1]))
    for residue, first, last in unknown:
        issues.append(ParseIssue(
            "error", "unknown_column_header",
            f"table {table.no}: unknown column header '{residue}' at line {first.no}",
            Provenance(first.no, last.no, first.page)))

    if table.kind == "three_public":
        columns = _three_public_columns(found)
        labels = {c.key: c.aliases[0] for c in columns}
    else:
        printed = {key: alias for kind, key, alias in found if kind == "column"}
        for column in _columns_in_unknown_words(table, printed, unknown):
            printed[column.key] = column.aliases[0]
            first = unknown[0][1]
            issues.append(ParseIssue("info", "column_in_unknown_words", f"table {table.no}: the header names no "
                                     f"{column.key} column but holds words read as none that may be its name: the "
                                     "column is kept possible", Provenance(first.no, first.no, first.page)))
        columns = tuple(c for c in table.columns if c.key in printed) or table.headerless_columns or table.columns
        labels = {c.key: printed.get(c.key, c.aliases[0]) for c in table.columns + table.income_columns}
    return _Header(
        columns=columns,
        labels=labels,
        has_row_numbers=any(key in layout.ROW_NUMBER_HEADERS for _, key, _ in found),
        capital_group=any(kind == "group" and key == "capital" for kind, key, _ in found),
        laid_out=by_column is not None,
        phases_printed=any(kind == "phase" for kind, _, _ in found),
    )


# A header text and where each of its parts starts: (start in the text, the line the part comes from).
_HeaderText = tuple[str, list[tuple[int, Line]]]


def _joined_header(squashed: list[tuple[Line, str]]) -> _HeaderText:
    """The header lines, each with its squashed text, joined in reading order."""
    text, owners = "", []
    for line, flat in squashed:
        owners.append((len(text), line))  # an empty part owns no character: bisect passes it by
        text += flat
    return text, owners


_LAID_OUT_WORD_RE = re.compile(r"\S+(?: \S+)*")  # words of a line laid out in columns: apart by 2+ spaces
_WORD_GAP_RE = re.compile(r"\S {2}")


def _header_by_column(lines: list[Line]) -> _HeaderText | None:
    """The header read down each printed column, columns left to right; None unless some line
    prints several words apart (a header laid out on a character grid). A word belongs to the
    column it overlaps most, else starts a new one."""
    if not any(map(_WORD_GAP_RE.search, map(_TEXT, lines))):
        return None
    words = [[(m.start(), m.end(), m.group()) for m in _LAID_OUT_WORD_RE.finditer(line.text)] for line in lines]
    columns: list[tuple[list[int], list[tuple[str, Line]]]] = []  # ([start, end] of the column, its parts)
    for line, line_words in zip(lines, words, strict=True):
        for start, end, word in line_words:
            overlaps = [(min(end, span[1]) - max(start, span[0]), k) for k, (span, _) in enumerate(columns)]
            overlap, k = max(overlaps, default=(0, -1))
            if overlap <= 0:
                columns.append(([start, end], []))
                k = -1
            span, parts = columns[k]
            span[0], span[1] = min(span[0], start), max(span[1], end)
            parts.append((squash(word), line))
    text, owners = "", []
    for _, parts in sorted(columns, key=lambda column: column[0][0]):
        for part, line in parts:
            owners.append((len(text), line))
            text += part
    return text, owners


def _header_words(table_no: int, header: _HeaderText) -> tuple[list[tuple[str, str, str]], list[tuple[str, Line, Line]]]:
    """The header words found in a header text, in order: (kind, key, alias); and the unknown
    words between them: (text, first line, last line)."""
    vocabulary, aliases = _header_vocabulary(table_no)
    text, owners = header
    found: list[tuple[str, str, str]] = []
    unknown: list[tuple[str, Line, Line]] = []
    i = 0
    for match in [*aliases.finditer(text), None]:
        start = match.start() if match else len(text)
        residue = text[i:start]
        if residue and _LETTER_RE.search(residue):  # letters, not just punctuation or digits
            unknown.append((residue, _owner_at(owners, i), _owner_at(owners, start - 1)))
        if match:
            found.append((*vocabulary[match.group()], match.group()))
            i = match.end()
    return found, unknown


def _columns_in_unknown_words(table: TableLayout, printed: dict[str, str],
                              unknown: list[tuple[str, Line, Line]]) -> list[ColumnSpec]:
    """The table's columns the header does not name whose name shares four characters in a row with
    a word read as no column ('国有资本经营预' of '国有资本经营预算财政拨款', a header a tool cut or
    scrambled): that column may be printed, so the numbers may stand in it."""
    return [column for column in table.columns if column.key not in printed and any(
        alias[i:i + 4] in residue for residue, _, _ in unknown for alias in column.aliases for i in range(len(alias) - 3))]


def _owner_at(owners: list[tuple[int, Line]], position: int) -> Line:
    """The line whose part of a joined text holds the position; `owners`: where each line's part starts, in order."""
    return owners[bisect_right([start for start, _ in owners], position) - 1][1]


def _three_public_columns(found: list[tuple[str, str, str]]) -> tuple[ColumnSpec, ...]:
    """Table 7's twelve columns in printed order: all budgets then all actuals when 预算数/决算数 head
    two groups, or a budget/actual pair per item when they are printed under every item. A header
    line printed twice reads 预算数 twice over two groups (their items named twice), or the items
    twice over pairs (预算数 read once an item)."""
    budgets = [key for kind, key, _ in found if kind == "phase"].count("budget")
    items = Counter(key for kind, key, _ in found if kind == "item")
    pairs = budgets > 2 or (budgets == 2 and not (items and max(items.values()) > 1))
    return _THREE_PUBLIC_ORDERS["pairs" if pairs else "groups"]


def _three_public_order(pairs: bool) -> tuple[ColumnSpec, ...]:
    names = {"budget": "预算数", "actual": "决算数"}
    items, phases = layout.THREE_PUBLIC_ITEMS, ("budget", "actual")
    order = [(phase, item) for item in items for phase in phases] if pairs else \
        [(phase, item) for phase in phases for item in items]
    return tuple(ColumnSpec(f"{phase}_{item.key}", (f"{names[phase]}/{item.aliases[0]}",)) for phase, item in order)


# Table 7's two column orders: a budget/actual pair per item, or all budgets then all actuals
_THREE_PUBLIC_ORDERS = {"pairs": _three_public_order(True), "groups": _three_public_order(False)}


def _unit_of(region: _Region, stated_units: Callable[[], list[tuple[int, str]]]) -> tuple[str, str]:
    """The table's unit and where it was read: its own unit line, else the last one printed before
    it, else (the first table's unit line lost) the first one printed after it; ('', '') if none."""
    marked = region.printed.where(_UNIT_CHAR_RE)  # (only a line with a 位 can state a unit)
    own = next(filter(None, (_stated_unit(region.lines[i]) for i in marked)), None)
    if own:
        return own, "own"
    before = next((unit for no, unit in reversed(stated_units()) if no < region.title.no), "")
    if before:
        return before, "before"
    return next((unit for no, unit in stated_units() if no > region.title.no), ""), "after"


def _stated_unit(line: Line) -> str | None:
    """The unit a line states ('单位：万元' -> '万元'), if it states one."""
    if "位" not in line.text:  # no other character has a 位 in its NFKC form
        return None
    match = layout.UNIT_RE.search(squash(line.text))
    return match.group(1) if match else None


def _stated_units(document: _Lines) -> list[tuple[int, str]]:
    """(line number, unit) of every line of the document that states a unit, in order."""
    lines = document.lines
    return [(lines[i].no, unit) for i in document.where(_UNIT_CHAR_RE) if (unit := _stated_unit(lines[i]))]


# --- 2. bodies -> rows -----------------------------------------------------------------------------

class _Value(NamedTuple):  # a tuple: a document has hundreds of values
    printed: str
    value: Decimal  # 万元
    line: Line
    bare_int: bool  # printed as a plain integer (could also be a 行次 or a page number)
    alone: bool  # the only token on its line


_AMOUNT: Callable[[_Value], Decimal] = attrgetter("value")  # (for map: no Python step per value)
# A _Value of its fields, built without a Python-level call (a NamedTuple's own __new__ is Python
# code; tuple.__new__ builds the very _Value, as Line in decode.py): the readers' loops call it per amount.
_new_value: Callable[[tuple[str, Decimal, Line, bool, bool]], _Value] = partial(tuple.__new__, _Value)


@dataclass
class _Row:
    table_no: int
    section: str
    row_key: str
    row_code: str | None
    label: str
    columns: tuple[ColumnSpec, ...]
    column_labels: dict[str, str]
    half_unit: Decimal  # rounding of one printed amount, in 万元
    lines: list[Line]
    values: list[_Value] = field(default_factory=list)
    options: list[tuple[int, ...]] = field(default_factory=list)  # candidate column indexes per value
    decided_by: list[str] = field(default_factory=list)
    doubt: str = ""  # why none of its values is certain, whatever the placements (e.g. UNBALANCED_NOTE)
    allowed: list[frozenset[int]] | None = None  # per value, the columns its line allows (Table 7 by item)
    under_another: str = ""  # another row (label or code) its value may be (see _under_two_rows, _economic_rows)
    blank_unknown: bool = False  # prints no number, but an amount on its line belongs to no row: not known to be blank
    from_a_copy: bool = False  # took numbers from a line and a copy of it printed right after (see _from_a_line_and_its_copy)
    weak_doubt: str = ""  # a doubt that gives way to any other the checks find (see NAME_BETWEEN_NUMBERS_NOTE)

    def provenance(self) -> Provenance:
        """From the first to the last line the row is read from. The readers append lines and values
        in reading order, so only the first and last of each list can be the first or last line."""
        lines, values = self.lines, self.values
        if lines and values:  # (most rows)
            ends = sorted((lines[0].no, lines[-1].no, values[0].line.no, values[-1].line.no))  # (one call, not min and max)
            return Provenance(ends[0], ends[3], lines[0].page)
        ends = [lines[0].no, lines[-1].no] if lines else []
        if values:
            ends += (values[0].line.no, values[-1].line.no)
        return Provenance(min(ends), max(ends), lines[0].page if lines else None)


# Where an amount is glued to a label: after a label's character, before a number's; and after a digit, before a label's.
_LABEL_END, _NUMBER_START, _LABEL_START = r"[\u4e00-\u9fff)]", r"[-\d]", r"[\u4e00-\u9fff(]"
_GLUED_RE = re.compile(rf"(?<={_LABEL_END})(?={_NUMBER_START})|(?<=\d)(?={_LABEL_START})")
# The same places as pairs of characters: each pattern starts with a character class, which a search
# skips ahead to (a search of _GLUED_RE tries a match at every position of the text, three times slower).
_GLUED_BEFORE_NUMBER_RE = re.compile(_LABEL_END + _NUMBER_START)
_GLUED_AFTER_NUMBER_RE = re.compile(rf"\d{_LABEL_START}")


def _unglued(text: str) -> str:
    """The text with a space where an amount is glued to a label ('其他收入6.20'): most texts have none."""
    glued = _GLUED_BEFORE_NUMBER_RE.search(text) or _GLUED_AFTER_NUMBER_RE.search(text)
    return _GLUED_RE.sub(" ", text) if glued else text


def _pieces(text: str) -> list[str]:
    """Whitespace-separated pieces, with amounts glued to a label split off ('其他收入6.20')."""
    return _unglued(text).split()


@dataclass
class _Body:
    printed: _Lines  # the body's lines, joined once (by the reading, the checks and the search for a header among them)
    note: str
    note_lines: list[Line]

    @property
    def lines(self) -> list[Line]:
        return self.printed.lines

    @property
    def text(self) -> str:
        """The lines' texts, joined by newlines."""
        return self.printed.joined

    @cached_property
    def pieces(self) -> list[list[str]]:
        """Each line's pieces (see _pieces), all lines split off and apart at once."""
        return list(map(str.split, _unglued(self.text).split("\n")))


def _split_body(table: TableLayout, region: _Region) -> tuple[list[Line], _Body]:
    """Header lines, then the body lines (page furniture, unit and department lines removed) and
    the note that ends the table."""
    content = _without_furniture(region.printed)
    marked = content.where(_BODY_START_MARK_RE[table.kind])  # only these can start the body
    start = next((k for k in marked if _starts_body(table, content.lines[k].text)), len(content.lines))
    header, body = content.lines[:start], content.from_line(start)
    note_at = _first_note(body)
    if note_at is None and start == len(content.lines):  # no rows at all: a note may follow the header
        note_at = _first_note(content)  # (the header's lines: all of them)
        if note_at is not None:
            header, body = header[:note_at], _Lines.of(header[note_at:])
            note_at = 0
    return header, _body_to_note(body, note_at)


def _body_to_note(lines: _Lines, note_at: int | None) -> _Body:
    """The body lines up to the note that starts at `note_at` (if any), and that note."""
    if note_at is None:
        return _Body(lines, "", [])
    note_lines = [line for line in lines.lines[note_at:] if not _DIGITS_ONLY_RE.fullmatch(line.text)]
    return _Body(_Lines.of(lines.lines[:note_at]), "".join(line.text.strip() for line in note_lines), note_lines)


def _without_furniture(lines: _Lines) -> _Lines:
    """The lines but page furniture, department and unit lines: only a line with a mark of them is
    tried (the same lines, not joined anew, when none is)."""
    furniture = [span for span in lines.spans(_FURNITURE_MARK_RE) if _is_furniture(lines.lines[span[0]].text)]
    return lines.without(furniture) if furniture else lines


def _first_note(lines: _Lines) -> int | None:
    """Index of the first line of a note ('注：…'), if any: only a line with a colon is tried."""
    return next((i for i in lines.where(_COLON_RE) if _is_note(lines.lines[i].text)), None)


def _is_furniture(text: str) -> bool:
    """Page furniture, the department or the unit line (a line with a furniture mark): neither header nor body."""
    if layout.PAGE_FURNITURE_RE.match(text.strip()):
        return True
    flat = squash(text)
    return bool(layout.DEPARTMENT_LINE_RE.match(flat) or layout.UNIT_RE.fullmatch(flat.removeprefix("金额")))


def _is_note(text: str) -> bool:
    """The first line of the note under a table ('注：…'), whose colon reads ':' in an NFKC-normalised line."""
    return ":" in text and bool(layout.NOTE_RE.match(squash(text)))


def _starts_body(table: TableLayout, text: str) -> bool:
    flat = squash(text)
    pieces = _pieces(text)
    if table.kind == "two_sided":
        return bool(layout.NUMBERING_RE.match(flat))
    if table.kind == "subject":
        pieces = _after_header_words(table, pieces)
        width = _total_label_width(pieces)
        if width:  # '合计 1,234.56 …' or a bare '合计', not the header cell '合计 基本支出 …'
            return all(parse_amount(p) is not None for p in pieces[width:])
        return _function_code(pieces)[0] is not None
    if table.kind == "economic":
        return bool(pieces) and (_economic_code(pieces[0]) is not None or flat.startswith(tuple(layout.ECONOMIC_TOTAL_LABELS)))
    # three_public: the first line of amounts that is not the numbering of the columns
    return bool(pieces) and all(parse_amount(p) is not None for p in pieces) and not _is_column_numbering(text)


def _read_table(region: _Region, stated_units: Callable[[], list[tuple[int, str]]], amounts: _AmountsByUnit,
                issues: list[ParseIssue], printed: _Lines) -> tuple[list[_Row], TableInfo, _Lines, _Disorder | None]:
    table = layout.TABLES[region.no]
    by_item = _three_public_by_item(region) if table.kind == "three_public" else None
    if by_item is not None:
        header_lines, body = by_item
        header = _three_public_item_header(table, header_lines, issues)
    else:
        header_lines, body = _split_body(table, region)
        header = _read_header(table, header_lines, issues)
    if table.kind == "two_sided" and not header.has_row_numbers and _counts_rows(body.lines):
        header.has_row_numbers = header.row_numbers_inferred = True
        issues.append(ParseIssue("info", "row_numbers_without_header",
                                 f"table {table.no}: whole numbers counting the rows are read as 行次, "
                                 "though the header does not name that column", Provenance(region.title.no, region.title.no, region.title.page)))
    unit, unit_from = _unit_of(region, stated_units)
    if not unit or unit_from == "after":
        issues.append(ParseIssue("info", "unit_missing", f"table {table.no}: no unit line before it, amounts read as "
                                 + (f"{unit}, the unit of the tables after it" if unit else "万元"),
                                 Provenance(region.title.no, region.title.no, region.title.page)))
    read_in = unit or "万元"
    context = _Context(table, header, read_in, issues, amounts[read_in])
    reader = _three_public_item_rows if by_item is not None else {
        "two_sided": _two_sided_rows, "subject": _subject_rows,
        "economic": _economic_rows, "three_public": _three_public_rows}[table.kind]
    issued = len(issues)
    rows = reader(context, body)
    if table.kind == "three_public" and by_item is None and context.disorder is None:
        context.disorder = _item_label_in_header(header_lines)
    if table.kind == "two_sided" and context.disorder is None:
        context.disorder = _row_of_a_column(rows)
    if header.laid_out:
        rows = _grid_rows(context, header_lines, body, rows, issued)
    texts = list(map(_TEXT, body.lines))
    alike = any(map(str.__eq__, texts, texts[1:]))  # two lines in a row read the same (most tables: none)
    for row, line in _fund_lines_from_a_copy(rows, body.lines) if alike and table.kind == "two_sided" else ():
        row.doubt = row.doubt or FUND_LINE_FROM_A_COPY_NOTE.format(line.text.strip())
    if table.kind == "subject":
        _doubt_kuan_read_as_item(context, rows)
        _doubt_read_after_its_items(context, rows)
        _doubt_subject_rows(rows, alike)
    _doubt_amounts_cut_before_a_whole_number(rows, printed)
    _doubt_whole_numbers_cut_before_an_amount(rows, printed)
    _drop_lone_integers(rows, issues)
    cut = _lines_with_a_cut_amount(body, printed.line_before(body.lines[0].no) if body.lines else None)
    untaken_cut = cut - {value.line.no for row in rows for value in row.values} if cut else set()
    for row in rows:
        if len(row.values) > len(row.columns):  # (most rows: no more values than columns, no stray to drop)
            _drop_stray_numbers(row, issues)
        if cut and not row.doubt and any(value.line.no in cut for value in row.values):
            row.doubt = CUT_AMOUNT_NOTE
        elif untaken_cut and not row.doubt and (cut_below := _cut_amount_after(row, printed, untaken_cut)):
            row.doubt = BEFORE_A_CUT_AMOUNT_NOTE.format(cut_below.no)
        several = len(row.values) > 2  # (most rows print fewer: no column numbers counting up, no line read twice)
        if several and not row.doubt and _counting_up(row.values):
            row.doubt = COLUMN_NUMBERS_NOTE
        row.options = placements(row)
        row.from_a_copy = alike and _from_a_line_and_its_copy(row.values)
        if several and _numbers_read_twice(row):
            row.doubt = REPEATED_LINE_NOTE
        elif row.from_a_copy and not balances(row):
            row.doubt = UNBALANCED_WITH_A_LINE_READ_TWICE_NOTE
    for row, value, name_at in _numbers_left_of_their_names(rows) if header.laid_out and table.kind == "economic" else ():
        row.doubt = row.doubt or LEFT_OF_ITS_NAME_NOTE.format(value.printed, value.line.no, name_at.no)
    for row, value in _numbers_under_their_names(rows) if header.laid_out and table.kind == "subject" else ():
        row.doubt = row.doubt or UNDER_ITS_NAME_NOTE.format(value.printed, value.line.no)
    last = (body.note_lines or body.lines or header_lines or [region.title])[-1]
    info = TableInfo(
        table_no=table.no,
        title=region.title.text.strip(),
        unit=unit,
        present=True,
        declared_empty=bool(body.note and layout.EMPTY_NOTE_RE.search(body.note)),
        empty_note=body.note if body.note and layout.EMPTY_NOTE_RE.search(body.note) else "",
        provenance=Provenance(region.title.no, last.no, region.title.page),
    )
    return rows, info, body.printed, context.disorder


def _counting_up(values: list[_Value]) -> bool:
    """Whether the values are three or more whole numbers counting up by one ('1 2 3 4 5 6'): the
    header's column numbers (栏次), read as a row's amounts when a line broken in the header left
    a row's label above them ('出合计' as '出' / '合计')."""
    if len(values) < 3 or not all(value.bare_int for value in values):
        return False
    numbers = [int(value.printed) for value in values]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


COLUMN_NUMBERS_NOTE = ("the row's numbers are whole numbers counting up by one: the header's column numbers (栏次), "
                       "not amounts")


def _lines_with_a_cut_amount(body: _Body, above: Line | None = None) -> set[int]:
    """The numbers of the lines that print an amount cut at its decimal point or a thousands
    separator ('2,106. 66'): which of the line's pieces are its amounts is not known. A line that
    starts with the cut amount's end ('5,318' / '.77'), or with a number after a line ending in an
    amount cut inside a group of thousands ('2,5' / '41.03' of '2,541.03'), gives the line before it too;
    a line ending in a cut amount gives the next line, when it starts with a number ('405.' / '22 …').
    `above`: the line before the body, the header's last (a first row's amount cut there, '2.' /
    '65 0.00 …', leaves its start in the header)."""
    cut_above = above is not None and _CUT_AT_THE_END_RE.search(above.text) is not None
    text = body.text
    cut_in_a_group = _CUT_IN_A_GROUP_RE.search(text) is not None
    if not cut_above and not cut_in_a_group and not any(cut in text for cut in _AMOUNT_CUTS) \
            and not text.endswith((".", ",")):
        return set()  # (str searches first: a regex steps through a Chinese text slowly)
    found = set()
    lines = [above, *body.lines] if cut_above else body.lines
    for before, line in zip([None, *lines], lines):
        if _CUT_AMOUNT_RE.search(line.text):
            found.add(line.no)
        elif before is not None and (_CUT_END_RE.match(line.text) or cut_in_a_group and _DIGIT_START_RE.match(line.text)
                                     and _GROUP_CUT_AT_THE_END_RE.search(before.text)):
            found.update((before.no, line.no))
        if before is not None and before.no in found and _DIGIT_START_RE.match(line.text) \
                and _CUT_AT_THE_END_RE.search(before.text):  # ('405.' / '22 0.00 405.22': the line starts with its end)
            found.add(line.no)
    return found


_AMOUNT_CUTS = (". ", ", ", ".\n", ",\n", "\n.", "\n,")
_CUT_AMOUNT_RE = re.compile(rf"(?<!\S){AMOUNT_CUT_PATTERN}(?!\S)")
_CUT_AT_THE_END_RE = re.compile(rf"(?<!\S){AMOUNT_CUT_PATTERN}\s*$")
_CUT_END_RE = re.compile(r"\s*[.,]\d")  # a line starting with the end of a cut amount ('.77' of '5,318.77')
# A group of thousands of fewer than three digits ending a line: no amount prints one ('2,5' of '2,541.03')
_CUT_IN_A_GROUP_RE = re.compile(r",\d\d?[ \t]*(?:\n|$)")
_GROUP_CUT_AT_THE_END_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*,\d\d?\s*$")
_DIGIT_START_RE = re.compile(r"\s*\d")
CUT_AMOUNT_NOTE = ("the line prints an amount cut at its decimal point or a thousands separator: which pieces are its "
                   "amounts is not known")


def _cut_amount_after(row: _Row, printed: _Lines, untaken_cut: set[int]) -> Line | None:
    """The line after the row's last number, when that number stands alone on its line and the line
    after holds only an amount cut at its decimal point or a thousands separator that no row read
    (an extract that lists labels and numbers apart: the cut amount may be the row's own)."""
    last = row.values[-1] if row.values else None
    below = printed.line_after(last.line.no) if last is not None and last.line.text.strip() == last.printed else None
    return below if below is not None and below.no in untaken_cut and _CUT_AMOUNT_RE.fullmatch(below.text.strip()) \
        else None


BEFORE_A_CUT_AMOUNT_NOTE = ("the line after the row's last number, {}, prints an amount cut at its decimal point or a "
                            "thousands separator that no row read: it may be this row's amount ('总计' / '61.27' / "
                            "'2277.' / '59 总计'), the number read another row's")


# A whole number printed with a leading zero ('01', '07') is a 款 or 项 code printed in its own
# column, never an amount (amounts print '0' or '0.xx').
_CODE_PART = r"0\d+"
_CODE_PART_RE = re.compile(_CODE_PART)


class _Amounts(dict[str, Decimal | None]):
    """Piece -> the amount it prints in 万元 (None: no amount), for the tables printed in one unit:
    each distinct piece of a document is read once, whichever tables print it."""

    def __init__(self, unit: str):
        super().__init__()
        self.unit = unit
        self.odd_form = False  # an amount printed as none of a document's are (see _amounts_of_another_form)
        self.short_pieces = 0  # amounts printed with one decimal, not a zero ('29.3')

    def __missing__(self, piece: str) -> Decimal | None:
        amount = parse_amount(piece)
        if amount is None:  # (text: most distinct pieces)
            self[piece] = None
            return None
        # (a code part starts with a 0: only such a piece is matched against the pattern)
        in_wan = None if piece.startswith("0") and _CODE_PART_RE.fullmatch(piece) else to_wan(amount, self.unit)
        self[piece] = in_wan
        if form := _ODD_FORM_RE.match(piece):
            if form.lastgroup == "odd":
                self.odd_form = True
            else:
                self.short_pieces += 1
        return in_wan


class _AmountsByUnit(dict[str, _Amounts]):
    """Unit -> the document's amounts printed in it."""

    def __missing__(self, unit: str) -> _Amounts:
        self[unit] = _Amounts(unit)
        return self[unit]


@dataclass
class _Context:
    table: TableLayout
    header: _Header
    unit: str
    issues: list[ParseIssue]
    amounts: _Amounts  # the document's, in the table's unit
    disorder: _Disorder | None = None  # the first sign that the rows are not printed in reading order
    half_unit: Decimal = field(init=False)  # rounding of one printed amount, in 万元

    def __post_init__(self) -> None:
        self.half_unit = to_wan(HALF_CENT, self.unit)

    def value(self, piece: str, line: Line, alone: bool) -> _Value | None:
        amount = self.amounts[piece]
        return None if amount is None else _new_value((piece, amount, line, piece.isdecimal(), alone))

    def row(self, section: str, key: str, code: str | None, label: str, columns: tuple[ColumnSpec, ...],
            lines: list[Line]) -> _Row:
        return _Row(self.table.no, section, key, code, label, columns, self.header.labels, self.half_unit, list(lines))

    def warn(self, code: str, message: str, line: Line) -> None:
        self.issues.append(ParseIssue("warn", code, f"table {self.table.no}: {message} (line {line.no})",
                                      Provenance(line.no, line.no, line.page)))


# Two-sided tables (1, 4) ---------------------------------------------------------------------------

class _CutLabel(NamedTuple):
    """An unknown two-sided label kept as the possible start of a wrapped one, with the rows and
    the numbered income labels read before it."""

    label: _Label
    rows_before: int
    income_before: int
    values: list[_Value]  # the numbers read after it, before any other label


@dataclass
class _Label:
    text: str  # squashed, numbering kept
    lines: list[Line]


# Where a row label may start: at a numbering (一、) or at a known unnumbered label (see _segment_labels).
_LABEL_START_RE = re.compile(
    f"(?P<numbering>{layout.NUMBERING_RE.pattern})|(?="
    + "|".join(re.escape(label) for label in (*layout.INCOME_LABELS, *layout.EXPENDITURE_LABELS, *layout.BOTH_SIDES_LABELS))
    + ")"
)


# Every known label, the longest first (see _longer_label).
_KNOWN_LABEL_RE = re.compile("|".join(map(re.escape, sorted(
    {*layout.INCOME_LABELS, *layout.EXPENDITURE_LABELS, *layout.BOTH_SIDES_LABELS}, key=len, reverse=True))))


def _segment_labels(text: str, owners: list[tuple[int, Line]]) -> list[_Label]:
    """Split the joined text between two numbers into row labels. `owners`: where each line's
    part of the text starts, in order."""
    numbering = layout.NUMBERING_RE.match(text)
    if text[numbering.end() if numbering else 0:] in _ONE_LABEL_KINDS:  # most runs: one known label, no search
        return [_Label(text, [line for _, line in owners])]
    cuts = _label_cuts(text)
    starts = [start for start, _ in owners]
    return [_Label(text[a:b], [line for _, line in owners[bisect_right(starts, a) - 1:bisect_left(starts, b)]])
            for a, b in zip(cuts, cuts[1:]) if b > a]


def _label_cuts(text: str) -> list[int]:
    """Where the row labels of the text start, and its end: a label starts at a numbering (一、)
    or where a known unnumbered label starts right after a complete one."""
    cuts = [0]
    for start in _LABEL_START_RE.finditer(text):  # after a numbering, the search goes on behind it
        i = start.start()
        if start.group("numbering"):
            if i > cuts[-1]:
                cuts.append(i)
            continue
        current = layout.NUMBERING_RE.sub("", text[cuts[-1]:i], count=1)
        if current and classify_two_sided_label(current) is not None and not _longer_label(text, cuts[-1], i):
            cuts.append(i)
    cuts.append(len(text))
    return cuts


def _longer_label(text: str, start: int, cut: int) -> bool:
    """Whether a known label starting at `start` (after its numbering) runs past `cut`: a label
    that starts with another one ('国有资本经营预算财政拨款收入': the class name '国有资本经营预算',
    then '财政拨款收入') is not cut in two."""
    numbering = layout.NUMBERING_RE.match(text, start)
    known = _KNOWN_LABEL_RE.match(text, numbering.end() if numbering else start)
    return known is not None and known.end() > cut


def classify_two_sided_label(name: str) -> tuple[str, str, str | None] | None:
    """(side, row_key, code) of a two-sided table's label without its numbering; side is 'income',
    'expenditure' or 'both' (总计)."""
    if name in layout.BOTH_SIDES_LABELS:
        return "both", layout.BOTH_SIDES_LABELS[name], None
    if name in layout.INCOME_LABELS:
        return "income", layout.INCOME_LABELS[name], None
    if name in layout.EXPENDITURE_LABELS:
        return "expenditure", layout.EXPENDITURE_LABELS[name], None
    code = layout.FUNCTION_CLASSES.get(_class_name(name))
    if code:
        return "expenditure", code, code
    return None


def _class_name(name: str) -> str:
    """A function class's name without what is printed after it ('一般公共服务(类)支出' -> '一般公共服务')."""
    for suffix in _CLASS_SUFFIXES:
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


def _one_label_kinds() -> dict[str, tuple[str, str, str | None]]:
    """The known labels (without their numbering) that are read as one label, whole, with what
    each is: a run of text that is one of them needs no search for label starts, nor classifying."""
    names = [*layout.INCOME_LABELS, *layout.EXPENDITURE_LABELS, *layout.BOTH_SIDES_LABELS,
             *(name + suffix for name in layout.FUNCTION_CLASSES for suffix in ("", *_CLASS_SUFFIXES))]
    return {name: kind for name in names
            if not layout.NUMBERING_RE.search(name) and _label_cuts(name) == [0, len(name)]
            and (kind := classify_two_sided_label(name)) is not None}


_ONE_LABEL_KINDS = _one_label_kinds()
_CLASS_LABELS = tuple(name for name, kind in _ONE_LABEL_KINDS.items() if kind[2])  # the function classes' labels


def _cut_class_name(label: _Label) -> bool:
    """Whether a numbered label no row is known by is a function class's label cut short (its last
    characters lost: '七、文化旅游体育与传媒支')."""
    numbering = layout.NUMBERING_RE.match(label.text)
    name = label.text[numbering.end():] if numbering else ""
    return len(name) >= 4 and any(known.startswith(name) for known in _CLASS_LABELS)


def _kind_of(label: _Label) -> tuple[str, str, str | None] | None:
    """What a two-sided table's label is (see classify_two_sided_label), its numbering aside."""
    name = layout.NUMBERING_RE.sub("", label.text, count=1)
    return _ONE_LABEL_KINDS.get(name) or classify_two_sided_label(name)


@dataclass
class _SideRow:
    row: _Row
    side: str
    row_number_line: int | None = None  # the line its 行次 was printed on


class _TwoSidedReader:
    """Reads 'income label [行次] [value] expenditure label [行次] [values]' rows, whatever the
    line breaking. With a 行次 column, the row numbers tell the sides apart: a lone number that
    is the next income 行次 is an income row whose label is blank, a number that is the next
    expenditure 行次 after an income label starts the expenditure side of a shared label."""

    def __init__(self, context: _Context, body: list[Line]):
        self.context = context
        self.body = body
        self.rows: list[_Row] = []
        self.current: _SideRow | None = None
        self.expected = {"income": 1, "expenditure": None}
        self.seen: set[tuple[str, str]] = set()
        self.shared_expenditure: tuple[str, _Label] | None = None  # a fund sub-row's expenditure key
        self.numbered = {"income": 0, "expenditure": 0}  # numbered labels (一、) read, per side
        self.last_number = {"income": 0, "expenditure": 0}  # of the side's numbered label read last
        self.number_offset: dict[str, int] = {}  # per side: a numbered row's 行次 minus its numbering
        self.cut: _CutLabel | None = None  # an unknown label that may be the first part of a wrapped one
        self.strays = 0  # amounts read one after another that belong to no row
        self.stray_row_numbers = 0  # whole numbers read one after another, no label between, that belong to no row
        self.lost_lines: set[int] = set()  # the lines of the amounts (not zero) that belong to no row
        self.unread_row_number: str | None = None  # a 行次 that belongs to no row, read since the last label

    @cached_property
    def row_numbers(self) -> set[int]:
        """The whole numbers of the body that count its rows."""
        return _counting(_whole_numbers(self.body))

    @cached_property
    def unprinted_row_numbers(self) -> set[int]:
        """The numbers next to a run of the body's 行次 that the body does not print as a whole number:
        a 行次 lost, or joined to an amount (the one below 2 too, the first row's)."""
        runs = self.row_numbers | {n - 1 for n in self.row_numbers}
        return {n for m in runs for n in (m - 1, m + 1) if n > 0} - runs - set(_whole_numbers(self.body))

    def _check_numbering(self, side: str, label: _Label, income_before: int | None = None) -> None:
        """Read row by row, each side's numbered labels do not count down (they restart after an
        unnumbered label, as fund sub-rows do; a label broken over lines may repeat a number), and
        the k-th numbered expenditure label shares its line with the k-th numbered income label or
        follows it (`income_before`: the numbered income labels read before the label started, when
        it started before the last ones). Otherwise the extract lists the rows out of their order
        (without 行次 to tell them apart)."""
        header = self.context.header
        if self.context.disorder is not None or (header.has_row_numbers and not header.row_numbers_inferred):
            return
        number = _label_number(label.text)
        if number is None:
            self.last_number[side] = 0
            return
        self.numbered[side] += 1
        if number < self.last_number[side]:
            self.context.disorder = _Disorder(label.lines[0], f"the {side} row '{label.text}' comes after the row "
                                              f"numbered {self.last_number[side]}")
        elif side == "expenditure" and (self.numbered["income"] if income_before is None else income_before) \
                > self.numbered["expenditure"]:
            self.context.disorder = _Disorder(label.lines[0], f"the expenditure row '{label.text}' is printed after "
                                              f"{self.numbered['income']} numbered income rows")
        self.last_number[side] = number

    def open(self, label: _Label) -> None:
        self.stray_row_numbers = 0
        self.unread_row_number = None
        kind = _kind_of(label)
        if kind is None and _cut_class_name(label):  # ('七、文化旅游体育与传媒支', its 出 lost): still a numbered row
            self._check_numbering("expenditure", label)
        if kind is None:
            if not self._completes_cut(label):
                self.finish()
                self.cut = _CutLabel(label, len(self.rows), self.numbered["income"], [])
                self.current = None
            return
        side, key, code = kind
        self.shared_expenditure = None
        self.strays = 0
        if side in self.numbered:
            self._check_numbering(side, label)
        if side == "both":
            side = "income" if ("income", key) not in self.seen else "expenditure"
        after_carry_over = ("income", layout.FUND_SUBROW_AFTER) in self.seen
        if side == "income" and key in layout.FUND_SUBROWS and after_carry_over:
            key, end_key = layout.FUND_SUBROWS[key]
            self.shared_expenditure = (end_key, label)
        self.current = self._new_row(side, key, code, label.text, label.lines)
        if side == "income" and key in layout.FUND_SUBROWS and not after_carry_over \
                and (below := next((label for seen, label in _BELOW_THE_FUND_LINES.items() if seen in self.seen), None)):
            self.current.row.doubt = FUND_LINE_AFTER_THE_TOTAL_NOTE.format(below)  # (its carry-over label unread)

    def _completes_cut(self, label: _Label) -> bool:
        """Whether the label (or its part before a known label) completes the unknown label read
        before it as an expenditure label wrapped around the line below its start, its name centred
        on its numbers ('七、文化旅游体育与传媒支' / '七、附属单位上缴收入 -' / '出'). Then it is that
        row, and without 行次 the numbers printed between its parts are its own: those read before
        any other label, and those after an income label printed there too as far as the income
        row's one column leaves them over. A number that could be either row's is reported, not placed."""
        cut = self.cut
        if cut is None or label.lines[0].no - cut.label.lines[-1].no > 2:
            return False
        ends = [len(label.text), *(m.start() for m in _LABEL_START_RE.finditer(label.text)
                                   if m.start() and not m.group("numbering"))]
        for end in ends:
            kind = _kind_of(_Label(cut.label.text + label.text[:end], []))
            if kind is not None and kind[0] == "expenditure":
                break
        else:
            return False
        self.cut = None
        whole = end == len(label.text)
        joined = _Label(cut.label.text + label.text[:end], cut.label.lines + (label.lines if whole else label.lines[:1]))
        self._check_numbering("expenditure", joined, cut.income_before)
        moved = cut.values
        if not self.context.header.has_row_numbers:
            between = range(cut.label.lines[-1].no + 1, label.lines[0].no)
            for other in self.rows[cut.rows_before:]:
                printed = [v for v in other.values if v.line.no in between] if other.section == "income" else []
                if len(printed) > len(other.columns):  # left to right: the income row's first
                    extra = {id(v) for v in printed[len(other.columns):]}  # equal numbers are distinct values
                    moved += printed[len(other.columns):]
                    other.values = [v for v in other.values if id(v) not in extra]
                elif printed:
                    other.values = [v for v in other.values if v not in printed]
                    for value in printed:
                        self.context.warn("unplaced_value", f"value {value.printed} is printed on the line of "
                                          f"'{other.label}', inside the name of '{joined.text}', and could be "
                                          "either's: not placed", value.line)
        _, key, code = kind
        self.current = self._new_row("expenditure", key, code, joined.text, joined.lines)
        self.current.row.values += moved
        if not whole:
            self.open(_Label(label.text[end:], label.lines[-1:]))
        return True

    def finish(self) -> None:
        """Report the unknown label kept as the start of a wrapped one, if nothing completed it,
        and the numbers read after it."""
        if self.cut is not None:
            self.context.warn("unknown_row_label", f"unknown row label '{self.cut.label.text}'", self.cut.label.lines[0])
            for value in self.cut.values:
                self.context.warn("stray_number", f"value {value.printed} before any row label", value.line)
            self.cut = None

    def _new_row(self, side: str, key: str, code: str | None, text: str, lines: list[Line]) -> _SideRow:
        table, header = self.context.table, self.context.header
        columns = table.income_columns if side == "income" else header.columns
        row = self.context.row(side, key, code, text, columns, lines)
        self.rows.append(row)
        self.seen.add((side, key))
        return _SideRow(row, side)

    def number(self, value: _Value) -> None:
        current, expected = self.current, self.expected
        run, row_numbers_run = self.strays, self.stray_row_numbers
        self.strays = self.stray_row_numbers = 0  # a number given to a row ends a run of strays
        if not self.context.header.has_row_numbers:
            if current is None and self.cut is not None:
                self.cut.values.append(value)
            elif current is None:
                self.context.warn("stray_number", f"value {value.printed} before any row label", value.line)
                if value.value and not value.bare_int:
                    self.lost_lines.add(value.line.no)
            elif len(current.row.values) >= len(current.row.columns) and self.shared_expenditure:
                self._open_shared_expenditure(value.line).row.values.append(value)
            else:
                current.row.values.append(value)
            return
        if value.bare_int and current is not None and current.row_number_line is None \
                and not self._blank_income_row(current, int(value.printed)):
            current.row_number_line = value.line.no
            expected[current.side] = int(value.printed) + 1
            self._check_row_number(current, int(value.printed), value.line)
        elif (value.bare_int and expected["expenditure"] == int(value.printed)
              and current is not None and current.side == "income"):
            expected["expenditure"] += 1
            self._open_shared_expenditure(value.line).row_number_line = value.line.no
        elif current is not None and (current.row_number_line == value.line.no or not value.bare_int):
            if value.bare_int and value.printed != "0" and self.context.disorder is None \
                    and int(value.printed) in self.row_numbers:
                self.context.disorder = _Disorder(value.line, f"row number {value.printed} is read as an amount of "
                                                  f"'{current.row.label}'")
            if self.unread_row_number and value.value and not current.row.doubt:
                current.row.doubt = AFTER_AN_UNREAD_ROW_NUMBER_NOTE.format(value.printed, self.unread_row_number)
            if (joined := _joined_to_a_row_number(value, current, self)) and not current.row.doubt:
                current.row.doubt = JOINED_TO_A_ROW_NUMBER_NOTE.format(value.printed, joined)
            current.row.values.append(value)
        elif value.bare_int and expected["income"] == int(value.printed):
            expected["income"] += 1  # an income row with a blank label
            self.current = None
        elif (value.bare_int and current is not None and current.row_number_line is not None
              and expected[current.side] == int(value.printed) + 1):
            if self.context.disorder is None:  # the numbers after it would be read into the row again
                self.context.disorder = _Disorder(value.line, f"row number {value.printed} of '{current.row.label}' "
                                                  "is printed twice")
        else:
            self.context.issues.append(ParseIssue(
                "info", "stray_number",
                f"table {self.context.table.no}: number {value.printed} at line {value.line.no} belongs to no row "
                "(page number?)", Provenance(value.line.no, value.line.no, value.line.page)))
            if not value.value:  # a zero neither ends a run nor counts
                self.strays, self.stray_row_numbers = run, row_numbers_run
            elif not value.bare_int:  # (a whole number, a page number or a 行次, ends it)
                self.strays = run + 1
                if not self.unread_row_number:  # (else it is the amount of that 行次's row, whose label was not read)
                    self.lost_lines.add(value.line.no)
            else:
                self.stray_row_numbers = row_numbers_run + 1
                self.unread_row_number = value.printed
            if self.context.disorder is None and self.strays > MAX_STRAY_AMOUNTS:
                self.context.disorder = _Disorder(value.line, f"{self.strays} amounts in a row belong to no row")
            elif self.context.disorder is None and self.stray_row_numbers > MAX_STRAY_AMOUNTS:
                self.context.disorder = _Disorder(value.line, f"{self.stray_row_numbers} row numbers in a row "
                                                  "belong to no row")

    def _counts_on(self, current: _SideRow, row_number: int) -> bool:
        """Whether the 行次 fits the row: a side's numbered rows (一、 二、 …) count on with their 行次
        (the same 行次 minus numbering on each). The first numbered row asked about sets it for its side."""
        number = _label_number(current.row.label)
        if number is None:
            return True
        offset = row_number - number
        return self.number_offset.setdefault(current.side, offset) == offset

    def _blank_income_row(self, current: _SideRow, row_number: int) -> bool:
        """Whether a 行次 read after an expenditure label that it does not fit is the next income
        row's, whose label is blank (the expenditure row's own 行次 was lost)."""
        return (current.side == "expenditure" and self.expected["income"] == row_number
                and not self._counts_on(current, row_number))

    def _check_row_number(self, current: _SideRow, row_number: int, line: Line) -> None:
        """A row whose 行次 does not count on with its side's numbered rows was given another row's
        label (a grid extract whose labels and numbers were set apart): the table is out of order."""
        if self.context.disorder is None and not self._counts_on(current, row_number):
            self.context.disorder = _Disorder(line, f"row number {row_number} of '{current.row.label}' does not "
                                              f"count on with the {current.side} rows numbered before it")

    def _open_shared_expenditure(self, line: Line) -> _SideRow:
        if self.shared_expenditure is None:  # an expenditure 行次 with no label: nothing to key it by
            self.context.warn("unlabelled_row", "expenditure row with a blank label", line)
            self.current = _SideRow(self.context.row("expenditure", "", None, "", (), [line]), "expenditure")
            return self.current
        key, label = self.shared_expenditure
        self.shared_expenditure = None
        self.current = self._new_row("expenditure", key, None, label.text, label.lines + [line])
        return self.current


def _joined_to_a_row_number(value: _Value, current: _SideRow, reader: _TwoSidedReader) -> int | None:
    """The 行次 missing from the table's series whose digits the amount starts with, if the amount
    may be that number joined to it by the extract: the row's own 行次, not read ('25' and '538.45'
    read as '25538.45'), or another row's, after a dash printed for zero ('-' and '15' read as '-15')."""
    dash = value.printed.startswith("-")
    if current.row_number_line is not None and not dash or not (unprinted := reader.unprinted_row_numbers):  # (most rows)
        return None
    digits = value.printed.lstrip("-").replace(",", "")
    if dash:
        return next((n for n in unprinted if digits.startswith(str(n))), None)
    whole = digits.partition(".")[0]
    return next((n for n in unprinted if whole.startswith(str(n)) and len(whole) > len(str(n))), None)


# A table printed row by row has no run of amounts outside its rows (a label it failed to read
# leaves one, with its 行次), nor of 行次 without a label between them; an extract that lists its
# numbers apart from their labels and 行次 has a column of them.
MAX_STRAY_AMOUNTS = 3


def _label_number(text: str) -> int | None:
    """The number of a numbered label (一、 is 1), None for a label without numbering."""
    numbering = layout.NUMBERING_RE.match(text)
    return (chinese_number(numbering.group().rstrip("、")) or 0) if numbering else None


def _two_sided_rows(context: _Context, body: _Body) -> list[_Row]:
    lines = body.lines
    reader = _TwoSidedReader(context, lines)
    text = ""  # the labels read since the last number
    owners: list[tuple[int, Line]] = []  # where each line's part of them starts
    flushed: list[_Label] = []  # the labels read before the number being read
    run_together: set[int] = set()  # lines with two labels of one side before their numbers
    label_texts: list[str] = []  # the labels read (a row's or not), either side's

    def flush() -> None:
        nonlocal text, owners, flushed
        flushed = _segment_labels(text, owners)
        label_texts.extend(map(attrgetter("text"), flushed))
        for label in flushed:
            reader.open(label)
        text, owners = "", []

    amounts = context.amounts  # (each piece looked up here: a call of context.value per piece costs more)
    pairs = {} if context.header.has_row_numbers else _label_pairs(lines)
    wrapped = _wrapped_pairs(context, body) if context.header.has_row_numbers else {}
    for k, (line, pieces) in enumerate(zip(lines, body.pieces)):
        if k in pairs or k + 1 in wrapped or k - 1 in wrapped:  # read with the line of its numbers
            continue
        if k - 1 in pairs:
            flush()
            _read_label_pair(context, reader, pairs[k - 1], line, pieces)
            continue
        if k in wrapped:
            flush()
            income, expenditure, income_values, expenditure_values = wrapped[k]
            if income is not None:
                reader.open(income)
            for value in income_values:
                reader.number(value)
            reader.open(expenditure)
            for value in expenditure_values:
                reader.number(value)
            continue
        alone = len(pieces) == 1
        for piece in pieces:
            amount = amounts[piece]
            if amount is None:
                flat = squash(piece)
                if flat and (not owners or owners[-1][1] is not line):
                    owners.append((len(text), line))
                text += flat
                continue
            value = _new_value((piece, amount, line, piece.isdecimal(), alone))
            if text:
                flush()
            else:
                flushed = []  # a later number of the row: only the first is in doubt
            reader.number(value)
            if len(flushed) < 2 or reader.current is None:  # (most numbers: a row's later one, or after one label)
                continue
            if _under_two_rows(flushed, value):
                reader.current.row.under_another = flushed[-2].text
            elif _two_labels_on_the_line(flushed, value) \
                    and not (value.bare_int and context.header.has_row_numbers):  # (a 行次 tells the row)
                reader.current.row.doubt = TWO_LABELS_NOTE.format(flushed[-2].text)
                run_together.add(value.line.no)
    flush()
    reader.finish()
    rows = [row for row in reader.rows if row.row_key]
    for row in rows if run_together else ():  # the row before: its numbers may be among them
        row.blank_unknown = row.blank_unknown or (not row.values and row.lines[-1].no in run_together)
    for row, lost in [] if context.header.has_row_numbers else _before_a_lost_row(rows, label_texts):
        row.doubt = row.doubt or LOST_ROW_NOTE.format(lost)
    if context.header.has_row_numbers and any("." in value.printed for row in rows for value in row.values):
        for row in rows:  # a whole number among amounts printed with decimals: a 行次 read as an amount?
            if not row.doubt and (number := next((v for v in row.values if v.bare_int and v.value), None)):
                row.doubt = ROW_NUMBER_AS_AMOUNT_NOTE.format(number.printed)
    if reader.lost_lines:
        for row in rows:
            row.blank_unknown = not row.values and any(line.no in reader.lost_lines for line in row.lines)
    return rows


def _under_two_rows(labels: list[_Label], value: _Value) -> bool:
    """Whether a number printed alone on its line, after an income label alone on its line that
    follows an expenditure label that starts a line before it (no number between them), may be
    either row's: pdftotext's default mode prints an expenditure row's number after the next row's income
    label ('本年支出合计' / '使用非财政拨款结余' / '3,591.20'), pdftotext -raw the income row's own
    after a blank expenditure row. The number is read as the income row's; the side's sums tell
    (see _under_another_in_a_failing_sum)."""
    if len(labels) < 2 or not value.alone:
        return False
    expenditure, income = labels[-2:]
    # (an expenditure label after an income label on its line is that row's blank pair)
    paired = len(labels) > 2 and labels[-3].lines[-1] is expenditure.lines[0]
    return (_side(expenditure) == "expenditure" and _side(income) == "income" and not paired
            and expenditure.lines[-1] is not income.lines[0] and income.lines[-1] is not value.line)


# Rows printed below a two-sided table's fund income lines, on either side, and how a note names them.
_BELOW_THE_FUND_LINES = {("income", "total_income"): "本年收入合计", ("expenditure", "total_expenditure"): "本年支出合计",
                         ("expenditure", "carryover_end"): "年末结转和结余"}
FUND_LINE_AFTER_THE_TOTAL_NOTE = ("a fund's income line read after {}: it may be the fund's carry-over line, "
                                  "whose 年初结转和结余 label was not read")
JOINED_TO_A_ROW_NUMBER_NOTE = ("the amount {} starts with the digits of the 行次 {}, missing from the table's series "
                               "of 行次: the extract may have joined the two")
AFTER_AN_UNREAD_ROW_NUMBER_NOTE = ("the amount {} stands after the 行次 {}, which no label read has: that row's label "
                                   "was lost, and the amount may be that row's")
LOST_ROW_NOTE = ("the numbered row after it skips the number {}: that row's label was lost, and the number "
                 "printed on a line after this label may be that row's")


def _before_a_lost_row(rows: list[_Row], label_texts: list[str]) -> list[tuple[_Row, int]]:
    """Rows of a side whose next numbered row skips a number that no label read has ('十八、…' then
    '二十、…'), each with the number skipped, whose last number stands on a line after their label:
    the skipped row's label line was lost, and an extract that prints each number on its own line
    gives its number to the row before. (A label read but not as a row, wrapped into another, is
    not lost; the income side's numbers hide a lost expenditure row of the same number.)"""
    found = []
    numbered: set[int | None] | None = None  # of the labels read, worked out at the first gap
    last: dict[str, tuple[int, _Row]] = {}  # per side, the last numbered row (an unnumbered one restarts it)
    for row in rows:
        number = _label_number(row.label)
        before = last.pop(row.section, None)
        if number is None:
            continue
        last[row.section] = (number, row)
        if before is None or number <= before[0] + 1:
            continue
        numbered = set(map(_label_number, label_texts)) if numbered is None else numbered
        lost = next((n for n in range(before[0] + 1, number) if n not in numbered), None)
        if lost and before[1].values and before[1].values[-1].line not in before[1].lines:
            found.append((before[1], lost))
    return found


TWO_LABELS_NOTE = ("the label '{}' of the row before stands on the line of this row's label and numbers, with no "
                   "number between the two labels: which numbers are whose is not known")


def _two_labels_on_the_line(labels: list[_Label], value: _Value) -> bool:
    """Whether the two labels read last, of the same side, stand together on the line of the number
    read after them: an extract that runs two rows into one line ('八、社会保障和就业支出九、卫生健康支出
    394.87 267.63 394.87 267.63', a Markdown cell of two rows) leaves the first row no number of its
    own. (An income label and an expenditure label on one line are a row's two sides.)"""
    if len(labels) < 2:
        return False
    before, last = labels[-2:]
    side = _side(last)
    return (side in ("income", "expenditure") and _side(before) == side
            and before.lines[-1] is last.lines[0] is value.line)


def _row_of_a_column(rows: list[_Row]) -> _Disorder | None:
    """A row of a two-sided table whose numbers stand on more than three lines per column: an
    extract that lists the table a column at a time (labels, then numbers one a line) gives the row
    before the numbers a whole column of them (a line lost between two rows gives a row its
    neighbour's line too, not more)."""
    for row in rows:
        count = len(row.values)
        # (most rows: too few numbers for that many lines; three or fewer always are, tested first as the cheaper)
        if count <= 3 or count <= 3 * max(1, len(row.columns)):
            continue
        lines = len({value.line.no for value in row.values})
        if lines > 3 * max(1, len(row.columns)):
            return _Disorder(row.values[0].line, f"the row '{row.label}' reads its numbers from {lines} lines "
                             f"for {len(row.columns)} column(s)")
    return None


def _label_pairs(lines: list[Line]) -> dict[int, tuple[_Label, _Label]]:
    """Lines that hold an income row's label and an expenditure row's label and no number, whose
    numbers the extract printed alone on the next line (pdfplumber does, for numbers in another
    font): line index -> the two labels."""
    pairs = {}
    for k, (line, below) in enumerate(zip(lines, lines[1:])):
        if _DIGITS_RE.search(line.text) or _DASH_PIECE_RE.search(line.text) or not _AMOUNTS_LINE_RE.fullmatch(below.text) \
                or _CODE_PART_PIECE_RE.search(below.text):
            continue
        flat = squash(line.text)
        labels = _segment_labels(flat, [(0, line)])
        if len(labels) == 2 and [_side(label) for label in labels] in (["income", "expenditure"], ["both", "both"]):
            pairs[k] = (labels[0], labels[1])
    return pairs


# A line of amounts only ('3,210.40 1,875.12', '- 6.20'), as parse_amount reads them; a code
# part or a dash (a printed zero) as a piece of its own.
_AMOUNT_PIECE = f"(?:{AMOUNT_PATTERN}|{DASH_PATTERN})"
_AMOUNTS_LINE_RE = re.compile(rf"\s*{_AMOUNT_PIECE}(?:\s+{_AMOUNT_PIECE})*\s*")
_CODE_PART_PIECE_RE = re.compile(rf"(?<!\S){_CODE_PART}(?!\S)")
_DASH_PIECE_RE = re.compile(rf"(?<!\S)(?:{DASH_PATTERN})(?!\S)")
_AMOUNT_TOKEN_RE = re.compile(rf"(?<!\S){_AMOUNT_PIECE}(?!\S)")  # a piece that reads as an amount


def _wrapped_pairs(context: _Context, body: _Body) -> dict[int, tuple[_Label | None, _Label, list[_Value], list[_Value]]]:
    """In a table that prints 行次, the lines of numbers whose expenditure row's label (and perhaps
    the income row's) is wrapped around them, its first part on the line above and its last on the
    line below (pdfplumber: '二、政府性基金预算财 二、外交' / '2 30 0' / '政拨款收入 支出'; '八、社会' /
    '八、其他收入 8 保障和就 36 1,344,400.00' / '业支出'): line index -> (the income row's label, None
    for a blank one, the expenditure row's, each row's numbers on the line). The line holds the income row's
    label if it is not wrapped, its 行次 and perhaps its amount, the expenditure label's middle part
    if any, then the expenditure row's 行次 (the one other whole number but zero) and amounts."""
    pairs = {}
    pieces = body.pieces
    for k in range(1, len(pieces) - 1):
        above, line, below = pieces[k - 1], pieces[k], pieces[k + 1]
        if len(line) < 2 or len(above) != len(below) or len(above) not in (1, 2) or k - 2 in pairs or k - 1 in pairs:
            continue
        if _DIGITS_RE.search(" ".join(above + below)):
            continue
        parts = _numbers_line_parts(context, body.lines[k], line)
        if parts is None:
            continue
        income_text, middle, income_values, expenditure_values = parts
        lines = [body.lines[k - 1], body.lines[k + 1]]
        income: _Label | None = None  # (one line of a text each: a blank income row, only its 行次 printed)
        if income_text and len(above) == 1:
            income = _Label(squash(income_text), [body.lines[k]])
        elif len(above) == 2:
            income = _Label(squash(above[0] + below[0]), lines)
        expenditure = _Label(squash(above[-1] + middle + below[-1]), [lines[0], body.lines[k], lines[1]])
        if (income is None or _side(income) in ("income", "both")) and _side(expenditure) in ("expenditure", "both"):
            pairs[k] = (income, expenditure, income_values, expenditure_values)
    return pairs


def _numbers_line_parts(context: _Context, line: Line,
                        pieces: list[str]) -> tuple[str, str, list[_Value], list[_Value]] | None:
    """A two-sided line read as (the income label's text, the expenditure label's middle text, the
    income row's numbers, the expenditure row's), when it prints: text, the income 行次, perhaps an
    amount, text, the expenditure 行次 (another whole number but zero) and amounts, no text after;
    else None."""
    income_text, middle, values = [], [], []
    row_numbers: list[int] = []  # where the two 行次 stand among the values
    for piece in pieces:
        value = context.value(piece, line, False)
        if value is not None:
            if value.bare_int and value.value != 0:
                row_numbers.append(len(values))
            values.append(value)
        elif not values:
            income_text.append(piece)
        elif len(row_numbers) == 1:
            middle.append(piece)
        else:
            return None
    if len(row_numbers) != 2 or row_numbers[0] != 0:
        return None
    return "".join(income_text), "".join(middle), values[:row_numbers[1]], values[row_numbers[1]:]


def _side(label: _Label) -> str | None:
    kind = _kind_of(label)
    return kind[0] if kind else None


def _read_label_pair(context: _Context, reader: _TwoSidedReader, labels: tuple[_Label, _Label], below: Line,
                     pieces: list[str]) -> None:
    """The two rows of a label pair and the numbers printed under them (the pieces of the line
    below): the first number is the income row's (its one column), the others the expenditure
    row's. A single number could be either row's: it is reported, not placed."""
    values = [v for p in pieces if (v := context.value(p, below, len(pieces) == 1)) is not None]
    income, expenditure = labels
    reader.open(income)
    if len(values) == 1:
        reader.open(expenditure)
        context.warn("unplaced_value", f"value {values[0].printed} is printed under two rows ('{income.text}', "
                     f"'{expenditure.text}') and could be either's: not placed", below)
        return
    reader.number(values[0])
    reader.open(expenditure)
    for value in values[1:]:
        reader.number(value)


# Subject tables (2, 3, 5, 8, 9) -------------------------------------------------------------------

_TOTAL_LABEL_END_RE = re.compile("|".join(sorted({re.escape(label[-1]) for label in layout.SUBJECT_TOTAL_LABELS})))


def _function_code(pieces: list[str]) -> tuple[str | None, int]:
    """A function subject code at the start of a row, joined ('2013101') or split into 类/款/项
    ('201 06 01'), and how many pieces it took."""
    if not pieces or not _FUNCTION_CODE_RE.fullmatch(pieces[0]):
        return None, 0
    code, used = pieces[0], 1
    while len(code) == 3 + 2 * (used - 1) and len(code) < 7 and used < len(pieces) \
            and _TWO_DIGITS_RE.fullmatch(pieces[used]):
        code += pieces[used]
        used += 1
    return code, used


def _after_header_words(table: TableLayout, pieces: list[str]) -> list[str]:
    """The pieces without the header words that an extract put on the total row's line ('类 款 项
    合计 3,210.40 …'), when the total row follows them; else the pieces unchanged."""
    skip = 0  # the lines are NFKC-normalised: a piece is compared as printed
    while skip < len(pieces) and pieces[skip] in table.header_words:
        skip += 1
    return pieces[skip:] if skip and _total_label_width(pieces[skip:]) else pieces


def _total_label_width(pieces: list[str]) -> int:
    """How many leading pieces spell the total row's label ('合计', '合 计'); 0 if they do not."""
    if not _TOTAL_LABEL_END_RE.search("".join(pieces[:4])):  # most lines: no total label's last character
        return 0
    for k in range(1, min(len(pieces), 4) + 1):
        if squash("".join(pieces[:k])) in layout.SUBJECT_TOTAL_LABELS:
            return k
    return 0


def _subject_rows(context: _Context, body: _Body) -> list[_Row]:
    rows: list[_Row] = []
    for line, pieces in zip(body.lines, body.pieces):
        pieces = _after_header_words(context.table, pieces)
        alone = len(pieces) == 1  # a value alone on its line
        for segment in _row_segments(pieces):
            _read_subject_segment(context, rows, segment, line, alone)
    _note_repeated_codes(context, rows)
    return rows


def _numbers_past_another_rows_code(rows: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """The rows of a subject table that took a number standing on their line after another row's
    code and name, each with that code: two rows' lines joined into one ('212 城乡社区支出 381.61 0
    381.61 … 212 01 城乡社区管理事务 381.61 0 381.61'), the second row's numbers filling the first's
    empty columns. Each number is found on its line left to right, in the order the row took them."""
    for row in rows:
        taken: dict[int, int] = {}  # line number -> where the search for its next number starts
        for value in row.values:
            text, start = value.line.text, taken.get(value.line.no)
            at = text.find(value.printed, start or 0)
            if at < 0:
                break
            # (most numbers: a space or two after the one before, too few characters for a code and a name)
            if start is not None and at - start >= _JOINED_ROW_CODE_LENGTH \
                    and (code := _JOINED_ROW_CODE_RE.search(text, start, at)):
                yield row, " ".join(code.group("code").split())
                break
            taken[value.line.no] = at + len(value.printed)


# A subject code and the start of a name: another row, on a line after a row's numbers
_JOINED_ROW_CODE_RE = re.compile(r"(?<![\d.,])(?P<code>2\d{2}(?:\s{1,2}\d{2}){0,2})\s+[\u4e00-\u9fff]")
_JOINED_ROW_CODE_LENGTH = 5  # the fewest characters it matches: a class code, a space, a character of the name
PAST_ANOTHER_ROWS_CODE_NOTE = ("the row took a number standing after the code {} and its name on its line: two rows' "
                               "lines joined, and the numbers after the code are that row's")


def _doubt_subject_rows(rows: list[_Row], alike: bool) -> None:
    """Give a doubt to the rows of a subject table (as read, laid out or not) whose numbers a lost
    or repeated line may have given them; `alike`: whether two lines in a row of the table read the same."""
    for row in rows:
        if "0" in row.label and not row.doubt and (part := _CODE_PART_IN_NAME_RE.search(row.label)):
            row.doubt = CODE_PART_IN_NAME_NOTE.format(part.group().strip())
    for row, under in _zero_above_amounts(rows):
        row.doubt = row.doubt or ZERO_ABOVE_AMOUNTS_NOTE.format(under.row_code, under.values[0].printed)
    for row, parent in _zeros_under_a_subject_short_of_its_number(rows):
        row.doubt = row.doubt or ZEROS_UNDER_A_SHORT_SUBJECT_NOTE.format(parent)
    for line, taking in _rows_of_a_repeated_line(rows) if alike else ():  # ('208 05 行政单位离退休 237.48 …' twice)
        for row in taking:
            row.doubt = row.doubt or REPEATED_LINE_ROWS_NOTE.format(" ".join(line.text.split()))
    for row, code in _numbers_past_another_rows_code(rows):
        row.doubt = row.doubt or PAST_ANOTHER_ROWS_CODE_NOTE.format(code)


def _zero_above_amounts(rows: list[_Row]) -> Iterator[tuple[_Row, _Row]]:
    """Subject rows that print only zeros ('-') while a row under them prints an amount: a subject
    is the sum of the rows under it, so its numbers' lines were lost (and a '-' of another line, or
    printed twice, read as its). (row, the row under it)"""
    zeros = {row.row_code: row for row in rows if row.row_code and _prints_only_zeros(row)}
    if not zeros:
        return
    for row in rows:
        code = row.row_code or ""
        above = next((zeros[code[:k]] for k in (5, 3) if len(code) > k and code[:k] in zeros), None)
        if above is not None and any(map(_AMOUNT, row.values)):
            yield above, row
            del zeros[above.row_code or ""]


def _prints_only_zeros(row: _Row) -> bool:
    return bool(row.values) and not any(map(_AMOUNT, row.values))


def _zeros_under_a_subject_short_of_its_number(rows: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """Subject rows that print only zeros ('-') under a subject whose number the rows under it fall
    short of: the row's numbers' lines were lost (and a '-' of another line read as its). (row, the
    subject's code)"""
    for row in rows:
        code = row.row_code or ""
        if len(code) > 3 and _prints_only_zeros(row):
            rest = _rest_of_a_subject(code[:-2], rows)
            if rest and rest[0] > rest[1]:
                yield row, code[:-2]


ZEROS_UNDER_A_SHORT_SUBJECT_NOTE = ("the row prints only zeros, and the rows under {} add up to less than its number: the "
                                    "row's own numbers may be lost, and what it reads another line's")
ZERO_ABOVE_AMOUNTS_NOTE = ("the row prints only zeros, but {} under it prints {}: the row's own numbers were lost, and "
                           "what it reads may be another line's")


# A 款 or 项 code part inside a subject's name ('行政事业单位养老支出 05 机关事业单位…'): no subject is
# named with one.
_CODE_PART_IN_NAME_RE = re.compile(rf"(?<=[^\d\s.])\s*{_CODE_PART}\s*(?=[^\d\s.%])")
CODE_PART_IN_NAME_NOTE = ("the code part '{}' stands inside the row's name: the row ran on into the name of the row "
                          "whose code it ends (that code's first part lost), and its numbers may be that row's")


KUAN_AS_ITEM_NOTE = ("the code part under its name ended its code, but the table prints no row {} before it, though it "
                     "prints other items of it after it: this may be that row, and the part another row's whose line "
                     "was lost")
AFTER_ITS_ITEMS_NOTE = ("the row's code {} is read right after {}, a row under it, though a table prints a subject "
                        "before its items: the code may be misread (a line or a code part lost)")


def _doubt_kuan_read_as_item(context: _Context, rows: list[_Row]) -> None:
    """Rows whose code a part under their name and numbers ended (a 项: '208 05 行政单位离退休 …' /
    '01'), the first of their 款's rows, whose 款 the table does not print before them though it
    prints other 项 of it after them (or the 款 itself, read from another 项's line that lost its
    part): the row may be the 款 itself (printed before its 项), its line followed by the part of
    a 项 whose line was lost."""
    ended_below = [row for row in rows if _code_ended_below(row)]
    if not ended_below:
        return
    codes = [row.row_code or "" for row in rows]
    for row in ended_below:
        kuan, at = (row.row_code or "")[:-2], rows.index(row)
        if not row.doubt and not any(c.startswith(kuan) for c in codes[:at]) \
                and any(c.startswith(kuan) for c in codes[at + 1:]):
            row.doubt = KUAN_AS_ITEM_NOTE.format(kuan)
            context.warn("code_part_unplaced", f"row {row.row_key}: {row.doubt}", row.lines[-1])


def _doubt_read_after_its_items(context: _Context, rows: list[_Row]) -> None:
    """Rows read right after a row under them ('221 02' after '221 02 01'): a table prints a 类 before
    its 款 and a 款 before its 项, so the row's code was likely made of another row's parts, a line
    (or a code part) between them lost: '221 02 提租补贴 6.98' without its '02' reads as the 款."""
    codes = [row.row_code or "-" for row in rows]
    # (each code against the one before, in one pass without a step per row: most tables have none)
    for k in compress(range(1, len(codes)), map(str.startswith, codes, codes[1:])):
        row = rows[k]
        if codes[k] != codes[k - 1] and not row.doubt:
            row.doubt = AFTER_ITS_ITEMS_NOTE.format(codes[k], codes[k - 1])
            context.warn("code_part_unplaced", f"row {row.row_key}: {row.doubt}", row.lines[0])


def _code_ended_below(row: _Row) -> bool:
    """Whether the last part of a 项's code stands first on a line after the row's first number."""
    code = row.row_code
    if len(row.lines) < 2 or not code or len(code) != FUNCTION_CODE_LENGTH or not row.values:
        return False
    numbers_at = row.values[0].line.no
    return any(line.no > numbers_at and line.text.split()[:1] == [code[-2:]] for line in row.lines)


def _note_repeated_codes(context: _Context, rows: list[_Row]) -> None:
    """A table prints each subject once: a code read twice means the extract moved a code's parts
    away from it (a 项 printed under the row's name)."""
    seen: set[str] = set()
    for row in rows:
        if row.row_code in seen and context.disorder is None:
            context.disorder = _Disorder(row.lines[0], f"subject {row.row_code} is read twice")
        if row.row_code:
            seen.add(row.row_code)


def _row_segments(pieces: list[str]) -> list[list[str]]:
    """A line's pieces, split where another row starts after a row's values (an extract that joins
    two rows on one line: '… 96.30 96.30 221 02 03 购房补贴 142.80'): a code, then a name."""
    if not _LATER_CODE_RE.search(" ".join(pieces)):  # most lines: no code after their first piece
        return [pieces]
    starts = [0]
    for j in range(1, len(pieces)):
        if _FUNCTION_CODE_RE.fullmatch(pieces[j]) and parse_amount(pieces[j - 1]) is not None:
            _, used = _function_code(pieces[j:])
            if j + used < len(pieces) and parse_amount(pieces[j + used]) is None:
                starts.append(j)
    if len(starts) == 1:
        return [pieces]
    return [pieces[a:b] for a, b in zip(starts, [*starts[1:], len(pieces)])]


def _read_subject_segment(context: _Context, rows: list[_Row], pieces: list[str], line: Line, alone: bool) -> None:
    """Open the row a line (or a part of it) starts, if any, and add its name and values to the current row."""
    code, used = _function_code(pieces)
    if code is None and rows and not context.header.laid_out and _ends_code(context, rows[-1], pieces):
        row = rows[-1]
        if len(row.row_code or "") == FUNCTION_CODE_LENGTH - 2:
            row.row_code = row.row_key = f"{row.row_code}{pieces[0]}"
        elif not row.doubt:  # a 项 (or a 类: no extract prints a 款 part so) read from other rows' lines
            row.doubt = f"the code part '{pieces[0]}' printed under its name belongs to no code: its code may be misread"
            context.warn("code_part_unplaced", f"row {row.row_key}: {row.doubt}", line)
        row.label += squash("".join(pieces[1:]))
        row.lines.append(line)
        return
    width = _total_label_width(pieces) if code is None else 0
    if code is None and rows and pieces and _code_continues(rows[-1], pieces[0], FUNCTION_CODE_LENGTH):
        # the 款 and 项 of a code split over lines ('208' / '05' / '01'), before the row's name
        row = rows[-1]
        while pieces and _code_continues(row, pieces[0], FUNCTION_CODE_LENGTH):
            row.row_code = row.row_key = f"{row.row_code}{pieces[0]}"
            pieces = pieces[1:]
        if line not in row.lines:
            row.lines.append(line)
    if width:
        rows.append(context.row("", "total", None, squash("".join(pieces[:width])), context.header.columns, [line]))
        pieces = pieces[width:]
    elif code is not None:
        _note_code_after_code(context, rows[-1] if rows else None, code, line)
        rows.append(context.row("", code, code, "", context.header.columns, [line]))
        pieces = pieces[used:]
    elif not rows:
        context.warn("stray_text", f"text before the first row: '{' '.join(pieces)}'", line)
        return
    row = rows[-1]
    if row.values and context.disorder is None and code is None and not width and _name_with_numbers(context, pieces):
        # a row's numbers are followed by a name and more numbers without a code: the extract
        # printed a row's name and some of its numbers before the line of its code
        context.disorder = _Disorder(line, f"the name '{line.text.strip()}' follows row {row.row_key}'s numbers without a code")
    amounts = context.amounts  # (each piece looked up here: a call of context.value per piece costs more)
    for piece in pieces:
        if (amount := amounts[piece]) is not None:
            row.values.append(_new_value((piece, amount, line, piece.isdecimal(), alone)))
        elif not row.values:
            row.label += squash(piece)
            if line not in row.lines:
                row.lines.append(line)


def _ends_code(context: _Context, row: _Row, pieces: list[str]) -> bool:
    """Whether a line that starts with a code part ('01'), followed by no number, is the next part
    of the code of the row read last, printed under its name and numbers with the end of a wrapped
    name (pdfplumber prints a code cell centred on a wrapped name as '201 06' / the name and numbers
    / '01', or '208 05 机关事业单位基本养老保' / numbers / '05 险缴费支出'; no extract starts a row with a
    lone code part after a row's numbers). Under a row whose code is whole, such a part says the row
    was read from other rows' lines (a line lost or printed twice). A grid extract is read by its
    rows' centres instead (see _grid_rows). A row whose code is whole may have lost its name's lines
    with the line of another row's code: the part then ends that row's code."""
    return bool(pieces and _TWO_DIGITS_RE.fullmatch(pieces[0]) and row.row_code and row.values
                and (row.label or len(row.row_code) == FUNCTION_CODE_LENGTH)
                and all(context.amounts[p] is None for p in pieces[1:]))


def _note_code_after_code(context: _Context, previous: _Row | None, code: str, line: Line) -> None:
    """A row's code right after another row's code, with no name between: the extract prints the
    names apart from their codes."""
    if previous and previous.row_code and not previous.label and not previous.values and context.disorder is None:
        context.disorder = _Disorder(line, f"code {code} follows code {previous.row_code} without a name between them")


def _code_continues(row: _Row, piece: str, deepest: int) -> bool:
    """Whether the piece is the next two digits of the row's code, printed apart ('301' / '01'),
    before the row's name and numbers; `deepest`: the length of the deepest code of the table."""
    return bool(row.row_code and len(row.row_code) < deepest and not row.label and not row.values
                and _TWO_DIGITS_RE.fullmatch(piece))


def _name_with_numbers(context: _Context, pieces: list[str]) -> bool:
    values = [context.amounts[piece] is not None for piece in pieces]
    return any(values) and any(not v and not _CODE_PART_RE.fullmatch(p) for p, v in zip(pieces, values))


# Tables laid out on a character grid (pdftotext -layout, pdfplumber layout=True) -----------------------

def _grid_numbers_to_their_rows(context: _Context, header_lines: list[Line], rows: list[_Row]) -> None:
    """An extract laid out on a character grid prints a number higher than its label when the PDF
    sets it a little higher: on a line of its own above the label, which the reader gives to the
    row above (or leaves in the header, for the first row). Such lines go to the row below when
    that is the row they complete (see _completes); their numbers then take their places left to
    right among the row's own."""
    numbers = [line for line in header_lines if _AMOUNTS_LINE_RE.fullmatch(line.text) and not _is_column_numbering(line.text)]
    waiting = [value for line in numbers for piece in line.text.split() if (value := context.value(piece, line, False))]
    above: _Row | None = None
    for row in rows:
        own = [value for value in row.values if value.line in row.lines or not _AMOUNTS_LINE_RE.fullmatch(value.line.text)]
        if row.values[:len(own)] != own:  # numbers alone before some of its own: read as they are
            own = row.values
        after = row.values[len(own):]  # the lines of numbers alone the reader gave it, after its own
        if waiting and _completes(above, waiting, replace(row, values=own)):
            row.values = _left_to_right(waiting + own)
            row.lines[:0] = sorted({value.line for value in waiting}, key=attrgetter("no"))
        else:
            if above is not None:
                above.values = above.values + waiting
            row.values = own
        waiting, above = after, row
    if above is not None:
        above.values = above.values + waiting


def _completes(above: _Row | None, numbers: list[_Value], below: _Row) -> bool:
    """Whether numbers printed alone between two rows are the row below's (see _owner_of)."""
    def adds_up(row: _Row | None, values: list[_Value]) -> bool:
        return row is None and not values or row is not None and balances(replace(row, values=_left_to_right(values)))

    return _owner_of(numbers, above.values if above else [], below.values,
                     lambda side, values: adds_up(above if side == "above" else below, values)) == "below"


def _owner_of(numbers: list[_Value], above: list[_Value], below: list[_Value],
              adds_up: Callable[[str, list[_Value]], bool]) -> str | None:
    """Of the two rows a line of numbers lies between, with the values `above` and `below` each
    has as read: the one ('above' or 'below') that adds up with the numbers while the other adds up
    without them (see column_solver.balances); None when that does not decide."""
    to_above = adds_up("above", above + numbers) and adds_up("below", below)
    to_below = adds_up("below", below + numbers) and adds_up("above", above)
    return "above" if to_above and not to_below else "below" if to_below and not to_above else None


@dataclass
class _CentredRow:
    """A row of a grid extract that centres each cell's lines on the row's middle: its code (or
    total label) cell's lines, and the numbers and label lines given to it."""

    key: str
    section: str
    code: str | None  # None for a total row
    code_lines: list[int]  # numbers of its lines
    x: int  # where its code or total label starts on its line
    label: str = ""
    values: list[_Value] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    left_over: Line | None = None  # a line after it of a code part no row took ('02'): see _centred_rows

    @property
    def centre(self) -> float:
        return (self.code_lines[0] + self.code_lines[-1]) / 2


_POSITIONED_PIECE_RE = re.compile(r"\S+")
# A numbers line belongs to the row whose code cell is centred this near it (in lines), and to no other.
MAX_CENTRE_DISTANCE = 1
# Table 6's class codes of one column group start within this many characters of the next one to their left.
GROUP_ALIGNMENT = 12
# How far past its column's right edge a grid extract may set a number (a '-' most often).
NUMBER_OVERHANG = 3
# A page of Table 1 or 4 read by its 行次 prints at least this many on each side.
MIN_ROWS_PER_SIDE = 2
_Positioned = list[list[tuple[int, str]]]  # of each body line: (where it starts, piece)


# Reports of pieces a reading could not place in any row.
_UNREAD_PIECES = ("unknown_row_label", "stray_number", "stray_text")


def _grid_rows(context: _Context, header_lines: list[Line], body: _Body, rows: list[_Row], issued: int) -> list[_Row]:
    """The rows of a table laid out on a character grid. When the reader found them out of order
    or left pieces in no row (cells centred on wrapped names), the table is read again by its
    rows' centres, and that reading is kept if it is in order and leaves fewer pieces unread (the
    first reading's reports, from `issued` on, are withdrawn); a Table 6 out of order then, once
    more with the codes centred on its names put back before them. Else, in a subject table, the
    numbers set above their row's label are moved to it."""
    if context.table.kind == "two_sided" and context.disorder is None:
        context.disorder = _number_left_of_its_name(rows)
    reported = context.issues[issued:]
    unread = sum(issue.code in _UNREAD_PIECES for issue in reported)
    if context.disorder or unread:
        disorder = context.disorder
        del context.issues[issued:]
        context.disorder = None
        lead = [] if context.table.kind == "two_sided" else _names_above_the_first_codes(context.table, header_lines)
        centred = _rows_by_vertical_centre(context, replace(body, printed=_Lines.of(lead + body.lines)))
        unread_again = sum(issue.code in _UNREAD_PIECES for issue in context.issues[issued:])
        if centred is not None and context.disorder is None and (disorder or unread_again < unread):
            read_as_names = {line.no for line in lead}  # their words were no unknown header words
            context.issues[:] = [issue for issue in context.issues if not (
                issue.code == "unknown_column_header" and issue.provenance.line_start in read_as_names)]
            return centred
        if context.table.kind == "economic" and disorder:
            # a name wrapped around its codes (PyMuPDF sort=True): read as a plain extract's centred codes
            del context.issues[issued:]
            context.disorder = None
            again = _economic_rows(context, body, codes_centred=True)
            if context.disorder is None:
                return again
        context.disorder = disorder
        context.issues[issued:] = reported
    if context.table.kind == "subject":
        _grid_numbers_to_their_rows(context, header_lines, rows)
    return rows


def _number_left_of_its_name(rows: list[_Row]) -> _Disorder | None:
    """In a two-sided table laid out on a grid, the first expenditure row given a number that ends
    before its name starts: numbers printed above their labels (a 合计 line) were read into the
    row above. A whole number is passed over (a code printed left of its name). Each number is
    found on its line left to right, in the order the rows took them; a name starts at its last
    occurrence on its first line (the income side's comes first)."""
    taken: dict[int, int] = {}  # line number -> where the search for its next number starts
    for row in rows:
        name_at = row.lines[0].text.rfind(row.label[:6]) if row.label else -1
        for value in row.values:
            at = value.line.text.find(value.printed, taken.get(value.line.no, 0))
            if at < 0:
                break
            taken[value.line.no] = at + len(value.printed)
            if row.section == "expenditure" and not value.bare_int and 0 <= at + len(value.printed) < name_at:
                return _Disorder(value.line, f"the number {value.printed} of '{row.label}' stands left of its name")
    return None


LEFT_OF_ITS_NAME_NOTE = ("the number {} (line {}) ends left of where the row's name starts (line {}), under a column "
                         "group to its left: it may be another item's")


def _numbers_left_of_their_names(rows: list[_Row]) -> Iterator[tuple[_Row, _Value, Line]]:
    """The Table 6 rows of a grid extract given a number that ends before the row's name starts, each
    with that number and the line of the name: the column groups stand side by side, each printing
    its names before its numbers, so the number is a group's to the left (a lost line took its
    item's code, and the number went on to the next name read). A name starts where its first
    two characters first stand on its lines; a number ends where it last stands on its line."""
    for row in rows:
        start = row.label[:2]
        name_at = next(((line, at) for line in row.lines if (at := line.text.find(start)) >= 0), None) if start else None
        if name_at is None:
            continue
        for value in row.values:
            if value.line.text.rfind(value.printed) + len(value.printed) <= name_at[1]:
                yield row, value, name_at[0]
                break


def _numbers_under_their_names(rows: list[_Row]) -> Iterator[tuple[_Row, _Value]]:
    """The rows of a subject table laid out on a grid given a number that ends before the row's
    name does, each with that number: the table prints its numbers right of its names, so the
    number was moved there ('210 04 公共卫生 2,150.81 0.00' / '2,150.81', the row's last number
    wrapped onto the next line's start), and its place says nothing of its column. Only a number on
    a line without a name counts (a line joined to its neighbour prints both in any order), in a row
    that prints some number beside its name (not a cell a line, each number at a line's start). A name
    is the first run of Chinese characters on each of the row's lines; a number ends where it last
    stands on its line."""
    for row in rows:
        name_ends = [match.end() for line in row.lines if (match := _CHINESE_RUN_RE.search(line.text))]
        if not name_ends or not any(_CHINESE_RUN_RE.search(v.line.text) for v in row.values):
            continue  # (a row printed a cell a line sets no number beside its name)
        name_end = max(name_ends)
        moved = next((v for v in row.values if v.line.text.rfind(v.printed) + len(v.printed) <= name_end
                      and not _CHINESE_RUN_RE.search(v.line.text)), None)
        if moved is not None:
            yield row, moved


_CHINESE_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
UNDER_ITS_NAME_NOTE = ("the number {} (line {}) ends before the row's name does, where the table prints no number: "
                       "moved there (a line broken in the row), its place does not tell its column")


def _names_above_the_first_codes(table: TableLayout, header_lines: list[Line]) -> list[Line]:
    """The header's last lines when they hold no header word: in a grid extract that centres each
    cell on its row, the first rows' names start above their codes, where the header seems to end."""
    _, aliases = _header_vocabulary(table.no)
    lead: list[Line] = []
    for line in reversed(header_lines):
        if aliases.search(squash(line.text)) or _AMOUNTS_LINE_RE.fullmatch(line.text):
            break
        lead.insert(0, line)
    return lead


def _rows_by_vertical_centre(context: _Context, body: _Body) -> list[_Row] | None:
    """The rows of a subject table (or of each column group of Table 6) laid out on a character
    grid whose cells are centred vertically: a label wrapped over three lines with its numbers
    on the middle one and its code split around them ('208 05' / numbers / '02'). Each row is its
    code (joined from the lines of the code column) and the one line of numbers centred on it;
    label lines: see _give_labels. None when some line of numbers is not near exactly one row, or
    the table is of another kind: the table stays unread."""
    if context.table.kind == "two_sided":
        return _two_sided_by_centre(context, body)
    if context.table.kind not in ("subject", "economic"):
        return None
    every_line = _positioned_pieces(body.lines)
    found = []
    for page in _page_parts(body.lines):  # the tool places each page's words anew
        positioned = [pieces if k in page else [] for k, pieces in enumerate(every_line)]
        for group in _column_groups(positioned, context.amounts) if context.table.kind == "economic" else [positioned]:
            rows = _centred_rows(context, body, group)
            if rows is None:
                return None
            found += rows
    if context.table.kind == "economic":  # as the stream reader: an item printed without an amount is no row
        found = [row for row in found if row.values]
    _note_repeated_codes(context, found)  # a code read twice: a line repeated or moved, the reading is refused
    return found or None


def _positioned_pieces(lines: list[Line]) -> _Positioned:
    return [[(m.start(), m.group()) for m in _POSITIONED_PIECE_RE.finditer(line.text)] for line in lines]


def _two_sided_by_centre(context: _Context, body: _Body) -> list[_Row] | None:
    """Table 1 or 4 laid out on a character grid whose cells are centred on wrapped names, read by
    the 行次 of each side: every row prints one, centred like its name and on the line of its
    numbers. Each side's rows are written out as the lines an extract that keeps rows together
    prints ('name 行次 numbers'), at the line of their 行次, and read as such. None without a 行次
    column on each side."""
    if not context.header.has_row_numbers:
        return None
    row_numbers = _counting(_whole_numbers(body.lines))
    every_line = _positioned_pieces(body.lines)
    written: list[tuple[int, int, str]] = []  # (line number, side: 0 income 1 expenditure, text)
    for page in _page_parts(body.lines):
        columns = _row_number_columns([x + len(piece) for k in page for x, piece in every_line[k]
                                       if piece.isdecimal() and int(piece) in row_numbers])
        if columns is None:
            return None
        (income_first, income_last), (expenditure_first, expenditure_last) = columns
        sides: list[list[_CentredRow]] = [[], []]
        labels: list[list[tuple[int, str]]] = [[], []]
        for k in page:
            no = body.lines[k].no  # rows are told apart by distances on the page: blank lines count
            for x, piece in every_line[k]:
                end = x + len(piece)
                if piece.isdecimal() and (income_first <= end <= income_last or expenditure_first <= end <= expenditure_last):
                    sides[0 if end <= income_last else 1].append(_CentredRow(piece, "", None, [no], x))
                elif len(every_line[k]) == 1 and piece.isdecimal():  # alone, off the 行次 columns
                    _note_page_number(context, piece, body.lines[k])
                elif (value := context.value(piece, body.lines[k], False)) is not None:
                    side = 0 if end < expenditure_first - 1 else 1
                    near = [row for row in sides[side] if row.code_lines[0] == no]
                    if not near:
                        return None  # a number off the line of any 行次
                    near[0].values.append(value)
                else:
                    labels[0 if x < income_last else 1].append((no, squash(piece)))
        for side, rows in enumerate(sides):
            _give_labels(rows, _joined_by_line(labels[side]))
            written += [(row.code_lines[0], side, " ".join([row.label, row.key, *(v.printed for v in row.values)]))
                        for row in rows]
    page_of = {line.no: line.page for line in body.lines}
    lines = [Line(no, text, page_of[no]) for no, _, text in sorted(written)]
    return _two_sided_rows(context, _Body(_Lines.of(lines), body.note, body.note_lines))


def _row_number_columns(ends: list[int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(first, last) end of the income and of the expenditure 行次 column: the two groups of row
    numbers' ends (each within NUMBER_OVERHANG + 1 of the next) that most row numbers fall in."""
    groups: list[list[int]] = []
    for end in sorted(ends):
        if groups and end - groups[-1][-1] <= NUMBER_OVERHANG + 1:
            groups[-1].append(end)
        else:
            groups.append([end])
    largest = sorted(sorted(groups, key=len, reverse=True)[:2])
    if len(largest) < 2 or min(map(len, largest)) < MIN_ROWS_PER_SIDE:
        return None
    return (largest[0][0], largest[0][-1]), (largest[1][0], largest[1][-1])


def _joined_by_line(labels: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Label pieces of one side, those of a line joined."""
    joined: dict[int, str] = {}
    for k, text in labels:
        joined[k] = joined.get(k, "") + text
    return sorted(joined.items())


def _page_parts(lines: list[Line]) -> list[range]:
    """The indexes of the lines of each page, in order (one part when the extract marks no pages)."""
    starts = [k for k in range(len(lines)) if k == 0 or lines[k].page != lines[k - 1].page]
    return [range(a, b) for a, b in zip(starts, [*starts[1:], len(lines)])]


def _column_groups(positioned: _Positioned, amounts: _Amounts) -> list[_Positioned]:
    """Table 6's column groups side by side (人员经费 | 公用经费 | 资本性支出): each starts where its
    codes start; a piece belongs to the group it starts in."""
    starts: list[int] = []
    last = None
    for x in sorted(x for pieces in positioned for x, piece in pieces if _economic_code(piece)):
        if last is None or x > last + GROUP_ALIGNMENT:
            starts.append(x)
        last = x
    starts = starts or [0]  # a page that prints no class code (its totals only): one group
    groups: list[_Positioned] = [[[] for _ in positioned] for _ in starts]
    for i, pieces in enumerate(positioned):
        for x, piece in pieces:
            # a number is set flush right: one wider than its column may start where the next group's codes do
            at = x + len(piece) - NUMBER_OVERHANG if amounts[piece] is not None and not _code_like(piece) else x
            groups[max(bisect_right(starts, at) - 1, 0)][i].append((x, piece))
    return groups


def _code_like(piece: str) -> bool:
    return bool(_economic_code(piece) or _TWO_DIGITS_RE.fullmatch(piece))


def _centred_rows(context: _Context, body: _Body, positioned: _Positioned) -> list[_Row] | None:
    """The rows of one page (and column group) of a table read by their centres: see
    _rows_by_vertical_centre. `positioned` holds only that part's pieces of each body line."""
    amounts_from = min((x for pieces in positioned for x, piece in pieces
                        if "." in piece and context.amounts[piece] is not None), default=None)
    if amounts_from is None:
        return None
    rows: list[_CentredRow] = []
    numbers: list[tuple[int, list[_Value]]] = []  # (line number, its values)
    labels: list[tuple[int, str]] = []
    economic = context.table.kind == "economic"
    names_to, numbers_from = -1, math.inf  # where the last name starts, where the first number does
    for line, pieces in zip(body.lines, positioned):
        i = line.no  # rows are told apart by distances on the page: blank lines count
        # the texts that end before the numbers start (numbers are set flush right: a '-' ends
        # where they do); in Table 6 also the words and whole numbers right of them (a total label
        # of the next group when a page prints no code of that group, a code): a whole number is
        # no amount in a table printed with decimals
        placed = [(x, piece) for x, piece in pieces if x + len(piece) <= amounts_from
                  or (economic and (context.amounts[piece] is None or piece.isdecimal()))]
        texts = [piece for _, piece in placed]
        used = _read_code_cell(context, rows, placed, i)
        if not used and len(pieces) == 1 and pieces[0][1].isdecimal():  # a whole number alone, no code
            if rows and _CODE_PART_RE.fullmatch(pieces[0][1]):  # (no page is numbered so)
                rows[-1].left_over = line  # the last part of a row's code, which another row may have taken
            else:
                _note_page_number(context, pieces[0][1], line)
            continue
        if texts[used:]:
            labels.append((i, squash("".join(texts[used:]))))
            names_to = max(names_to, placed[-1][0])
        found = [(x, value) for x, piece in pieces if x + len(piece) > amounts_from
                 and (value := context.value(piece, line, False)) and (value.printed == "0" or not value.bare_int)]
        if found:
            numbers.append((i, [value for _, value in found]))
            numbers_from = min(numbers_from, found[0][0])
    if numbers_from <= names_to:  # a number left of a name: the columns are not where the grid says
        return None
    if not _numbers_by_centre(context, rows, numbers):
        rows = [replace(row, values=[], lines=[]) for row in rows]  # without what the failed matching gave them
        if not _numbers_by_band(context, rows, numbers, labels, body.lines):
            return None
    else:
        _give_labels(rows, labels)
    by_number = {line.no: line for line in body.lines}
    read = []
    for row in rows:
        lines = [by_number[no] for no in sorted({*row.code_lines, *row.lines})]
        read.append(context.row(row.section, row.key, row.code, row.label, context.header.columns, lines))
        read[-1].values = row.values
        if row.left_over:
            read[-1].doubt = LEFT_OVER_CODE_PART_NOTE.format(row.left_over.text.strip(), row.left_over.no)
    return read


def _numbers_by_centre(context: _Context, rows: list[_CentredRow], numbers: list[tuple[int, list[_Value]]],
                       reach: float = MAX_CENTRE_DISTANCE) -> bool:
    """Each line of numbers to the row centred nearest to it (within `reach` lines); whether every
    line found its row."""
    between: list[tuple[int, list[_Value], list[_CentredRow]]] = []  # lines as near to two rows
    for i, values in numbers:
        near = [row for row in rows if abs(row.centre - i) <= reach]
        nearest = [row for row in near if abs(row.centre - i) == min(abs(r.centre - i) for r in near)]
        if len(nearest) == 1:  # a row's numbers may sit on two lines (some set higher): left to right
            _add_numbers(nearest[0], i, values)
        elif len(nearest) == len(values) and not any(row.values for row in nearest):
            # cells side by side on one line (Table 6's totals of two groups): their numbers left to right
            for row, value in zip(sorted(nearest, key=attrgetter("x")), values):
                _add_numbers(row, i, [value])
        elif len(nearest) == 2:
            between.append((i, values, nearest))
        else:
            return False
    for i, values, (above, below) in between:  # once every other line is placed: to the row it completes
        owner = _completed_by(context, values, above, below)
        if owner is None:
            return False
        _add_numbers(owner, i, values)
    return True


def _numbers_by_band(context: _Context, rows: list[_CentredRow], numbers: list[tuple[int, list[_Value]]],
                     labels: list[tuple[int, str]], lines: list[Line]) -> bool:
    """Rows set apart by blank lines into bands, whatever their cells' heights (numbers a line or
    two above the code, the name below): the lines of numbers and of names of a band go to its
    rows, by their centres as in _numbers_by_centre but at any distance; whether every line of
    numbers found its row."""
    # band of each line (by number): the lines read skip blank lines, so a band ends where numbering jumps
    band = dict(zip((line.no for line in lines),
                    accumulate(k > 0 and line.no > lines[k - 1].no + 1 for k, line in enumerate(lines))))
    for b in sorted({band[i] for i, _ in numbers}):
        members = [row for row in rows if band[row.code_lines[0]] == b]
        if not _numbers_by_centre(context, members, [(i, v) for i, v in numbers if band[i] == b], reach=math.inf):
            return False
    for b in sorted({band[row.code_lines[0]] for row in rows}):
        _give_labels([row for row in rows if band[row.code_lines[0]] == b], [(i, t) for i, t in labels if band[i] == b])
    return True


def _note_page_number(context: _Context, piece: str, line: Line) -> None:
    context.issues.append(ParseIssue("info", "stray_number",
                                     f"table {context.table.no}: whole number {piece} alone at line {line.no} read as "
                                     "a page number", Provenance(line.no, line.no, line.page)))


def _add_numbers(row: _CentredRow, i: int, values: list[_Value]) -> None:
    row.values = _left_to_right(row.values + values)
    row.lines.append(i)


def _completed_by(context: _Context, values: list[_Value], above: _CentredRow, below: _CentredRow) -> _CentredRow | None:
    """Of two rows a line of numbers is as near to, the one it completes (see _owner_of)."""
    def adds_up(side: str, numbers: list[_Value]) -> bool:
        row = above if side == "above" else below
        probe = context.row(row.section, row.key, row.code, row.label, context.header.columns, [])
        probe.values = _left_to_right(numbers)
        return balances(probe)

    owner = _owner_of(values, above.values, below.values, adds_up)
    return above if owner == "above" else below if owner == "below" else None


def _read_code_cell(context: _Context, rows: list[_CentredRow], placed: list[tuple[int, str]], i: int) -> int:
    """Start a row at a code or a total label that opens line i's texts ((where, text) left of the
    numbers), or continue the code of the row above with the 款/项 parts the line opens with
    (printed under it), or its total label; how many texts that took."""
    texts = [text for _, text in placed]
    x = placed[0][0] if placed else 0
    economic = context.table.kind == "economic"
    code, used = _leading_economic_code(texts) if economic else _function_code(texts)
    if code is not None:
        section = layout.economic_section(code, context.header.capital_group) if economic else ""
        rows.append(_CentredRow(code, section, code, [i], x))
        return used
    deepest = ECONOMIC_CODE_LENGTH if economic else FUNCTION_CODE_LENGTH
    row = rows[-1] if rows else None
    if row and row.code and texts and _TWO_DIGITS_RE.fullmatch(texts[0]) and row.code_lines[-1] >= i - 2:
        while used < len(texts) and _TWO_DIGITS_RE.fullmatch(texts[used]) and len(row.code) < deepest:
            row.code = row.key = row.code + texts[used]
            used += 1
        if used:
            row.code_lines.append(i)
        return used
    if economic:
        return _read_economic_totals(rows, placed, i)
    width = _total_label_width(texts)
    if width:
        rows.append(_CentredRow("total", "", None, [i], x, squash("".join(texts[:width]))))
    return width


# The head of each Table 6 total label, which a grid extract may print on the line above the rest ('人员经费' / '合计').
_ECONOMIC_TOTAL_HEADS = {label.removesuffix("合计"): label for label in layout.ECONOMIC_TOTAL_LABELS}


def _read_economic_totals(rows: list[_CentredRow], placed: list[tuple[int, str]], i: int) -> int:
    """Start a Table 6 total row at each total label (or its head) that line i's texts open with,
    or end the labels of the total rows above whose heads they printed; how many texts that took."""
    used = 0
    for x, text in placed:
        flat = squash(text)
        label = flat if flat in layout.ECONOMIC_TOTAL_LABELS else _ECONOMIC_TOTAL_HEADS.get(flat)
        if not label:
            break
        rows.append(_CentredRow(*layout.ECONOMIC_TOTAL_LABELS[label], None, [i], x, flat))
        used += 1
    if used:
        return used
    heads = sorted((row for row in rows if row.code is None and row.label in _ECONOMIC_TOTAL_HEADS
                    and row.code_lines[-1] >= i - 2), key=attrgetter("x"))
    for row in heads:
        if used < len(placed) and row.label + squash(placed[used][1]) == _ECONOMIC_TOTAL_HEADS[row.label]:
            row.label += squash(placed[used][1])
            row.code_lines.append(i)
            used += 1
    return used


def _leading_economic_code(texts: list[str]) -> tuple[str | None, int]:
    """An economic class or item code at the start of a line's texts, its item part split off or not
    ('30101', '301 01'), and how many texts it took."""
    code = _economic_code(texts[0]) if texts else None
    if code is None:
        return None, 0
    if len(code) == 3 and len(texts) > 1 and _TWO_DIGITS_RE.fullmatch(texts[1]):
        return code + texts[1], 2
    return code, 1


def _give_labels(rows: list[_CentredRow], labels: list[tuple[int, str]]) -> None:
    """Each label line to the row centred nearest to it. A line halfway between two rows goes by
    the name being centred too: to the row above if its name reaches as far above its centre,
    else to the row below."""
    reach = [0.0] * len(rows)  # of each row: how far above its centre its name starts
    k = 0  # the last row centred on or above the line (the first row before any centre)
    for i, text in labels:
        while k + 1 < len(rows) and rows[k + 1].centre <= i:
            k += 1
        owner = k
        if rows[k].centre <= i and k + 1 < len(rows):
            above, below = i - rows[k].centre, rows[k + 1].centre - i
            if below < above or (below == above and above > reach[k]):
                owner = k + 1
        reach[owner] = max(reach[owner], rows[owner].centre - i)
        rows[owner].label += text
        rows[owner].lines.append(i)


def _left_to_right(values: list[_Value]) -> list[_Value]:
    """Values printed on several lines of a grid extract, in the order of their columns: by where
    each ends on its line (numbers are set flush right in their cells)."""
    ends = []
    # id of a line -> where its next value is searched from (by the line itself: a page break inside
    # a line of the file, '3\f20805 …', makes two lines of the same number)
    searched: dict[int, int] = {}
    for value in values:
        end = value.line.text.index(value.printed, searched.get(id(value.line), 0)) + len(value.printed)
        searched[id(value.line)] = end
        ends.append(end)
    return [value for _, value in sorted(zip(ends, values), key=itemgetter(0))]


# Table 6 --------------------------------------------------------------------------------------------

def _economic_code(piece: str) -> str | None:
    """An economic class (301) or item (30101) code, by its class."""
    if piece[:3] in layout.ECONOMIC_CLASSES and _ECONOMIC_CODE_RE.fullmatch(piece):
        return piece
    return None


def _codes_around_names(context: _Context, read: list[tuple[Line, list[str]]]) -> list[tuple[Line, list[str]]]:
    """The lines of Table 6 with each row's code put back before its name: pdfplumber prints the
    codes of a line's items centred on their names, the classes above the names and numbers, the
    items' parts below ('301 302' / '基本工资 325.77 办公费 15.73' / '01 01'), read as
    '301 01 基本工资 325.77 302 01 办公费 15.73' on the line of the names (see _centred_items)."""
    out: list[tuple[Line, list[str]]] = []
    classes = layout.ECONOMIC_CLASSES.keys()
    k = 0
    while k < len(read):
        # (a line that prints no class's code has none above items' names: most lines are not tried)
        if k + 2 < len(read) and not classes.isdisjoint(read[k][1]) \
                and (pieces := _centred_items(context, *read[k:k + 3])) is not None:
            out.append((read[k + 1][0], pieces))
            k += 3
            continue
        out.append(read[k])
        k += 1
    return out


def _centred_items(context: _Context, above: tuple[Line, list[str]], middle: tuple[Line, list[str]],
                   below: tuple[Line, list[str]]) -> list[str] | None:
    """The pieces of three lines that print items' codes around their names, in reading order
    (code, part, name, numbers per item), or None when they are not such lines. A name wrapped
    over the three lines has its first part after its class above and its last after its part
    below ('301 机关事业单位基 302' / '2,212,700.00 物业管理费 925,800.00' / '08 本养老保险缴费 09').
    A class row printed whole on the middle line ('303 对个人和家庭的补助 163.22 工会经费 8.61') keeps
    its place before the items, one after them ('医疗费补助 23.02 310 资本性支出 14.74') after."""
    # a class row first on the middle line may have its name wrapped around it, before the items'
    # codes above and their parts below ('对个人和家庭的 302' / '303 332.96 工会经费 0.00' / '补助 28')
    lead_above = _name_lead(context, above[1])
    tops = _name_parts(context, above[1][len(lead_above):], layout.ECONOMIC_CLASSES.__contains__)
    if not tops:  # (most lines: no classes' codes above; the line below is not read then)
        return None
    lead_below = _name_lead(context, below[1])
    bottoms = _name_parts(context, below[1][len(lead_below):], lambda piece: bool(_TWO_DIGITS_RE.fullmatch(piece)))
    if not bottoms or len(tops) != len(bottoms):
        return None
    found = _items(context, middle[1], len(tops))
    if found is None:
        return None
    before, items, after = found
    if lead_above or lead_below:
        if not before:
            return None
        before = [before[0], *lead_above, *lead_below, *before[1:]]
    coded: list[str] = []
    for (code, top), (part, bottom), (name, numbers) in zip(tops, bottoms, items, strict=True):
        if not (top or name or bottom or numbers):
            return None
        coded += [code, part, *top, *name, *bottom, *numbers]
    return before + coded + after


def _name_lead(context: _Context, pieces: list[str]) -> list[str]:
    """The pieces of text a line starts with, before its first code or number."""
    lead = []
    for piece in pieces:
        if _DIGITS_RE.search(piece) or context.amounts[piece] is not None:
            break
        lead.append(piece)
    return lead


def _name_parts(context: _Context, pieces: list[str], is_code: Callable[[str], bool]) -> list[tuple[str, list[str]]] | None:
    """A line of codes, each followed by the part of its item's name printed there (often none):
    (code, name pieces) per code, or None when the line does not start with a code or holds a number."""
    if not pieces or not is_code(pieces[0]):
        return None
    groups: list[tuple[str, list[str]]] = []
    for piece in pieces:
        if is_code(piece):
            groups.append((piece, []))
        elif context.amounts[piece] is None and not _TWO_DIGITS_RE.fullmatch(piece):
            groups[-1][1].append(piece)
        else:
            return None
    return groups


def _items(context: _Context, pieces: list[str], wanted: int) -> tuple[list[str], list[tuple[list[str], list[str]]], list[str]] | None:
    """A line's `wanted` items printed without their codes, each its name (or none: a name printed
    above and below) and its numbers (one per column, or none), with the pieces before them (a
    class row printed whole: its code, name and numbers) and after them (from the next code on).
    None when they do not make `wanted` items or a code part is printed among them."""
    start = 0
    if pieces and _economic_code(pieces[0]):  # a class row first: the items start at a name after its numbers
        numbers_seen = False
        for start in range(1, len(pieces) + 1):
            if start == len(pieces) or _economic_code(pieces[start]):
                return None
            if context.amounts[pieces[start]] is not None:
                numbers_seen = True
            elif numbers_seen:
                break
    end = next((j for j in range(start, len(pieces)) if _economic_code(pieces[j])), len(pieces))
    if any(_TWO_DIGITS_RE.fullmatch(piece) for piece in pieces[start:end]):
        return None  # an item part on the line: its codes are where they belong
    region = pieces[start:end]
    for every_name in (False, True):  # names set apart by a space: one item's name, else one item each
        items = _split_items(context, region, every_name)
        if len(items) == wanted:
            return pieces[:start], items, pieces[end:]
    return None


def _split_items(context: _Context, pieces: list[str], every_name: bool) -> list[tuple[list[str], list[str]]]:
    """Items of (name pieces, numbers): a name after a number starts an item (with `every_name`,
    every name does), and so does a number past the columns of the item before (its name printed
    above and below)."""
    per_item = len(context.table.columns)
    items: list[tuple[list[str], list[str]]] = []
    for piece in pieces:
        if context.amounts[piece] is None:
            if not items or items[-1][1] or every_name:
                items.append(([], []))
            items[-1][0].append(piece)
        else:
            if not items or len(items[-1][1]) == per_item:
                items.append(([], []))
            items[-1][1].append(piece)
    return items


def _economic_rows(context: _Context, body: _Body, codes_centred: bool = False) -> list[_Row]:
    """(code, name, amount) entries of the interleaved column groups, read as one stream: each
    amount belongs to the code printed before it. Items printed without an amount give no row.
    `codes_centred`: a grid extract's codes centred on the names are put back before them too."""
    rows: list[_Row] = []
    current: _Row | None = None
    between = ""  # text read after the current row's numbers: another item's name, its code lost
    apart: dict[str, str] = {}  # such a text -> the number read after it
    read = list(zip(body.lines, body.pieces))
    amounts = context.amounts  # (each piece looked up here: a call of context.value per piece costs more)
    if not context.header.laid_out or codes_centred:  # a grid extract is read by its rows' centres first (see _grid_rows)
        read = _codes_around_names(context, read)
    for line, pieces in read:
        alone = len(pieces) == 1
        for piece in pieces:
            code = _economic_code(piece)
            if code is not None:
                _note_code_after_code(context, current, code, line)
                current = context.row(layout.economic_section(code, context.header.capital_group), code, code, "",
                                      context.table.columns, [line])
                rows.append(current)
                between = ""
            elif current and _code_continues(current, piece, ECONOMIC_CODE_LENGTH):
                current.row_code = current.row_key = (current.row_code or "") + piece
                current.section = layout.economic_section(current.row_code, context.header.capital_group)
            elif (amount := amounts[piece]) is not None:  # an amount is no total label
                value = _new_value((piece, amount, line, piece.isdecimal(), alone))
                if current is None:
                    context.warn("stray_number", f"value {piece} before any economic code", line)
                else:
                    current.values.append(value)
                    if between and not value.bare_int and not current.weak_doubt:  # (a page number is dropped later)
                        current.weak_doubt = NAME_BETWEEN_NUMBERS_NOTE.format(between, piece)
                        apart.setdefault(between, piece)
            elif total := _ending_total_label(flat := squash(piece)):
                name = flat[: -len(total)]  # an item's name the total's label is glued to (a line end lost)
                if name and current is not None and not current.values:
                    _add_to_name(current, name, line)
                key, section = layout.ECONOMIC_TOTAL_LABELS[total]
                current = context.row(section, key, None, total, context.table.columns, [line])
                rows.append(current)
                between = ""
            elif current is not None and not current.values and current.row_code is None:  # a total has no more name
                current.doubt = current.doubt or NAME_AFTER_A_TOTAL_NOTE.format(flat)
            elif current is not None and not current.values:
                _add_to_name(current, flat, line)
            elif current is not None:
                between += flat
    _doubt_rows_named_apart(rows, apart)
    _after_a_row_without_number(rows)
    return [row for row in rows if row.values]


def _ending_total_label(text: str) -> str | None:
    """The label of a Table 6 total ('人员经费合计') the text is or ends with."""
    if not text.endswith(_TOTAL_LABEL_END):  # (most pieces: one test)
        return None
    return next((label for label in layout.ECONOMIC_TOTAL_LABELS if text.endswith(label)), None)


_TOTAL_LABEL_END = "合计"  # how every Table 6 total's label ends


def _add_to_name(row: _Row, name: str, line: Line) -> None:
    row.label += name
    if line not in row.lines:
        row.lines.append(line)


def _doubt_rows_named_apart(rows: list[_Row], apart: dict[str, str]) -> None:
    """A row read with its code and no name, whose item's name is read elsewhere, after another
    row's numbers and before a number (NAME_BETWEEN_NUMBERS_NOTE, `apart`: that name -> the number):
    the extract listed codes, names and numbers apart ('30103 奖金 30106 126.08 30205 水费 1.54
    伙食补助费 7.81'), so the number read after the code may be another item's."""
    if not apart:  # (most tables)
        return
    names, _ = layout.economic_subjects()
    for row in rows:
        name = names.get(row.row_code or "", "")
        if not row.label and name in apart and not row.weak_doubt:
            row.weak_doubt = NAMED_APART_NOTE.format(name, apart[name])


NAME_AFTER_A_TOTAL_NOTE = ("the name '{}' is read after the total's label and before its number: the extract moved "
                           "another row's name there, and the number read next may be that row's")
NAME_BETWEEN_NUMBERS_NOTE = ("the text '{}' is read after the row's numbers and before its number {}: another item's "
                             "name, its code lost, and the number may be that item's")
NAMED_APART_NOTE = ("the row is read without its name, and its item's name '{}' is read after another row's numbers, "
                    "before the number {}: the number read after the code may be another item's")


def _economic_class(row: _Row) -> str:
    return (row.row_code or "")[:3]


def _class_sums(economic: list[_Row]) -> list[tuple[_Row, list[_Row]]]:
    """Each Table 6 class that prints one number, with its items that print one, a line printed twice
    counted once (see _moved_into_a_sum: one-cell-a-line extracts give '人员经费合计''s number, its
    label lost, to the item printed before it)."""
    classes = {row.row_code: row for row in economic if row.row_code and len(row.row_code) == 3 and len(row.values) == 1}
    return [(classes[code], parts) for code, parts in _items_by_class(economic).items() if code in classes]


def _items_by_class(economic: list[_Row]) -> dict[str, list[_Row]]:
    """Class code -> the Table 6 items of the class that print one number (a line printed twice
    counted once), in reading order."""
    items: dict[str, list[_Row]] = defaultdict(list)
    for row in economic:
        if row.row_code and len(row.row_code) == ECONOMIC_CODE_LENGTH and _one_value(row):
            items[row.row_code[:3]].append(row)
    return items


def _with_each_reading(economic: list[_Row], class_sums: list[tuple[_Row, list[_Row]]]) -> list[tuple[_Row, list[_Row]]]:
    """The sums of the classes one of whose items was read with several numbers (another line's
    taken with its own), that item counted with each of them in turn: which is its own is not known."""
    several: dict[str, list[_Row]] = defaultdict(list)
    for row in economic:
        if len(row.values) > 1 and row.row_code and len(row.row_code) == ECONOMIC_CODE_LENGTH and not _one_value(row):
            several[row.row_code[:3]].append(row)
    return [(total, [*parts, replace(item, values=[value])]) for total, parts in class_sums
            if len(items := several.get(total.row_code or "", [])) == 1 for item in items for value in item.values]


MAX_CLASS_READINGS = 16  # sums of a group's classes tried when some are read with several numbers


def _numbered_as_a_lost_total(economic: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """Table 6 items, printed on a line after their name, whose number is the sum of the classes of a
    group whose total line ('人员经费合计') was not read: that total's number, its label lost. A class
    read with several numbers (another line's taken with its own) counts with each. (row, the
    total's label)"""
    read = {row.row_key for row in economic}
    for label, (key, section) in layout.ECONOMIC_TOTAL_LABELS.items():
        if key in read:  # most tables
            continue
        classes = [row for row in economic if row.section == section and row.row_code and len(row.row_code) == 3]
        if not classes or math.prod(len(row.values) for row in classes) > MAX_CLASS_READINGS:
            continue
        totals = {sum(numbers) for numbers in product(*([v.value for v in row.values] for row in classes))}
        tolerance = classes[0].half_unit * (len(classes) + 1)
        # (an item of a class that is the group's total by itself may be its class's one item)
        alone = {row.row_code for row in classes if any(_near(v.value, totals, tolerance) for v in row.values)}
        yield from ((row, label) for row in economic if row.row_code and len(row.row_code) == ECONOMIC_CODE_LENGTH
                    and len(row.values) == 1 and row.values[0].line is not row.lines[0]
                    and _near(row.values[0].value, totals, tolerance) and row.row_code[:3] not in alone)


def _numbered_as_a_lost_class(economic: list[_Row], class_sums: list[tuple[_Row, list[_Row]]]) -> Iterator[tuple[_Row, str]]:
    """Table 6 items of a class whose sum fails, printed on a line after their name, whose number is
    the sum of the items of a class whose own row was not read: that class's number, its line lost
    with the item's own number ('12.29 310' / '资本性支出' lost: 30307 takes 310's 25.60). (row, the
    class's code)"""
    failing = [parts for total, parts in class_sums if not _sum_holds(total, parts)]
    if not failing:  # most tables
        return
    read = {row.row_code for row in economic if row.row_code and len(row.row_code) == 3}
    lost = {code: (_parts_sum(parts), parts[0].half_unit * (len(parts) + 1))
            for code, parts in _items_by_class(economic).items() if code not in read}
    for row in (row for parts in failing for row in parts if row.values[0].line is not row.lines[0]):
        code = next((code for code, (added, tolerance) in lost.items() if abs(row.values[0].value - added) <= tolerance), None)
        if code:
            yield row, code


def _numbers_of_another_class(two_sided: list[_Row], rows: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """Expenditure class rows of Tables 1 and 4 whose class the table listing the same spending by
    subject (layout.CLASSES_BY_SUBJECT_TABLE) does not print, whose number that table prints for a
    class the two-sided table leaves blank: the number is that class's, printed apart from its label
    (pdftotext's default mode: '十九、住房保障支出 49' / … / '二十四、债务付息支出 54' / '182.34'
    '182.34', 221's numbers after 232's 行次). (row, the other class's code)"""
    for no, subject_no in layout.CLASSES_BY_SUBJECT_TABLE.items():
        classes = [row for row in two_sided if row.table_no == no and row.section == "expenditure"
                   and row.row_code and len(row.row_code) == 3]
        without_number = [row.row_code for row in classes if not row.values]
        if not without_number:  # (most tables: every class prints its number)
            continue
        printed = {row.row_code: {v.value for v in row.values} for row in rows
                   if row.table_no == subject_no and row.row_code and len(row.row_code) == 3 and row.values}
        blank = [code for code in without_number if code in printed]
        if not blank:  # (a class the subject table prints has its number here)
            continue
        for row in classes:
            if row.values and row.row_code not in printed and (other := next(
                    (code for code in blank if any(v.value in printed[code] for v in row.values)), None)):
                yield row, other


ANOTHER_CLASS_NOTE = ("table {} prints no class {} but prints class {} with this number, which this table leaves "
                      "blank: the number may be that class's, printed apart from its label")


def _zero_class_of_items_with_numbers(class_sums: list[tuple[_Row, list[_Row]]]) -> Iterator[tuple[_Row, Decimal]]:
    """Table 6 classes whose one number is a zero ('-', '0') printed on a line after the class's code,
    while its items add up to more than nothing: a zero another row lost (pdftotext's default mode:
    '1,877.58 302' / '0 30226' / '商品和服务支出' / '144.31', 30114's zero and 30226's code moved there).
    A class misprinted as a zero beside its items' numbers is not the way a sum is misprinted.
    (row, what its items add up to)"""
    for total, parts in class_sums:
        if not total.values[0].value and total.values[0].line is not total.lines[0] and (added := _parts_sum(parts)):
            yield total, added


ZERO_CLASS_NOTE = ("the class prints a zero, on a line after its code, and its items add up to {}: the zero may be "
                   "another row's, moved there")


def _after_the_closing_totals(economic: list[_Row]) -> Iterator[_Row]:
    """Table 6 rows printed on a line after both its totals (人员经费合计, 公用经费合计), which close the
    table: the extract printed them out of the table's order (pdftotext's default mode: '人员经费合计
    1125.57 公用经费合计 258.08' / '- 30211' / '-', 30211's code and a number moved after the table's
    last line), so the number read with such a row may be another row's. (By line, not by reading
    order: a grid extract's column groups are read one after the other, the last after the totals.)"""
    totals = [row for row in economic if row.row_key in _ECONOMIC_TOTAL_KEYS]
    if len({row.row_key for row in totals}) < len(_ECONOMIC_TOTAL_KEYS):
        return
    closing = max(row.lines[0].no for row in totals)
    yield from (row for row in economic if row.row_key not in _ECONOMIC_TOTAL_KEYS and row.lines[0].no > closing)


_ECONOMIC_TOTAL_KEYS = frozenset(key for key, _ in layout.ECONOMIC_TOTAL_LABELS.values())
AFTER_THE_CLOSING_TOTALS_NOTE = ("the row is read after the table's closing totals (人员经费合计, 公用经费合计): the extract "
                                 "printed it out of the table's order, so its number may be another row's")


def _near(value: Decimal, totals: set[Decimal], tolerance: Decimal) -> bool:
    return any(abs(value - total) <= tolerance for total in totals)


def _rows_of_a_repeated_line(rows: list[_Row]) -> list[tuple[Line, list[_Row]]]:
    """Lines of several pieces printed twice in a row ('35.09 30217' / '35.09 30217', an amount and the
    next item's code; a subject row's line, read as two rows) whose copies both gave numbers to rows:
    (the line, those rows). Which copy is whose is not known."""
    taken: dict[int, tuple[Line, list[_Row]]] = {}  # line number -> (the line, the rows that took a number of it)
    for row in rows:
        for value in row.values:
            taken.setdefault(value.line.no, (value.line, []))[1].append(row)
    found = []
    for no, (line, rows) in taken.items():
        before = taken.get(no - 1)
        if before is not None and before[0].text == line.text and len(line.text.split()) > 1:
            found.append((line, before[1] + rows))
    return found


def _after_a_row_without_number(rows: list[_Row]) -> None:
    """Mark a coded row whose one number stands after its name, right after a coded row of its
    group that prints no number: pdftotext's default mode prints '30107 绩效工资' / '30108 机关事业单'
    / … / '734,000.00', 30107's number. Whether that is so depends on the table printing its zeros
    (see extract_tables)."""
    last_of_group: dict[str, _Row] = {}
    for row in rows:
        before = last_of_group.get(row.section)
        last_of_group[row.section] = row
        if (before is not None and before.row_code and not before.values and row.row_code
                and len(row.values) == 1 and row.values[0].line is not row.lines[0]):
            row.under_another = before.row_code


# Table 7 --------------------------------------------------------------------------------------------

def _three_public_rows(context: _Context, body: _Body) -> list[_Row]:
    if not body.lines:
        return []
    row = context.row("", "three_public", None, "三公经费", context.header.columns, [body.lines[0]])
    for line, pieces in zip(body.lines, body.pieces):
        for piece in pieces:
            value = context.value(piece, line, len(pieces) == 1)
            if value is None:
                context.warn("stray_text", f"text among the values: '{piece}'", line)
                if row.values and context.disorder is None:  # a header printed among them: order lost
                    context.disorder = _Disorder(line, f"the text '{piece}' is printed among the values")
            else:
                row.values.append(value)
    if not context.header.phases_printed and row.values:
        _three_public_order_by_sums(context, row)
    elif row.values and _sums_hold_only_in_the_other_order(row):
        row.doubt = ("the table's sums fail in the column order its header prints and hold in the other: a header line "
                     "may be lost or printed twice, so which value is whose is not certain")
    elif len(row.values) < len(row.columns) and not all(map(_AMOUNT, row.values)):
        # a table that prints its zeros prints every cell
        row.doubt = (f"the table prints its zeros, yet {len(row.values)} numbers were read for its {len(row.columns)} "
                     "cells: a number was lost, so which value is whose is not certain")
    return [row]


def _sums_hold_only_in_the_other_order(row: _Row) -> bool:
    """Whether Table 7's sums fail in the order of the columns read from its header and hold in the
    other order (a budget and an actual per item, or all budgets then all actuals)."""
    columns = tuple(row.columns)
    if len(row.values) != len(columns) or columns not in _THREE_PUBLIC_ORDERS.values():
        return False
    other = next(order for order in _THREE_PUBLIC_ORDERS.values() if order != columns)
    return not _three_public_sums_hold(row, columns) and _three_public_sums_hold(row, other)


def _three_public_sums_hold(row: _Row, columns: tuple[ColumnSpec, ...]) -> bool:
    """Whether Table 7's row, every column printed, adds up with its values in these columns."""
    value = {column.key: printed.value or Decimal(0) for column, printed in zip(columns, row.values)}
    return all(abs(value[f"{phase}_{total}"] - sum(value[f"{phase}_{part}"] for part in parts))
               <= row.half_unit * (len(parts) + 1)
               for phase in ("budget", "actual") for total, parts in layout.THREE_PUBLIC_SUMS)


def _three_public_item_of(text: str) -> tuple[str, list[str]] | None:
    """(item, the pieces after its label) of a Table 7 line printed an item per row: a label of
    THREE_PUBLIC_ROW_LABELS (after its numbering) followed by amounts only."""
    pieces = _pieces(text)
    width = next((k for k, piece in enumerate(pieces) if parse_amount(piece) is not None), len(pieces))
    item = layout.three_public_row_item("".join(pieces[:width]))
    return (item, pieces[width:]) if item else None


def _three_public_by_item(region: _Region) -> tuple[list[Line], _Body] | None:
    """Header lines and body of a Table 7 printed an item per row (its 合计 and another item each
    start a line), else None: the body runs from the first item's line to the note."""
    printed = _without_furniture(region.printed)
    content = printed.lines
    if any(len(_AMOUNT_TOKEN_RE.findall(line.text)) > len(layout.THREE_PUBLIC_PHASES) for line in content):
        return None  # a line of more values than an item's two: the other layout's row of twelve
    items, strays = _three_public_item_lines(content)
    # Each item once, with two values at most (a budget, an actual), under a header that names each
    # phase once. The other layout prints the items' names in its header (twice when each phase
    # has its six columns) or each phase over each item, and an extract that lists its cells in
    # another order puts names beside the wrong values: no such reading is kept.
    read = [found.item for found in items]
    table = "".join(squash(line.text) for line in content[:_first_note(printed)])
    # Values read under their labels (one cell a line) leave no line of values over: a number that
    # belongs to no item means the extract lists its cells in another order.
    if len({found.item for found in items if found.values}) < 2 or len(set(read)) < len(read) \
            or any(len(found.values) > len(layout.THREE_PUBLIC_PHASES) for found in items) \
            or any(table.count(phase.aliases[0]) > 1 for phase in layout.THREE_PUBLIC_PHASES) \
            or (any(found.under for found in items) and any(_AMOUNT_TOKEN_RE.search(line.text) for line in strays)):
        return None
    first = content.index(items[0].first)
    header, rest = content[:first], _Lines.of(content[first:])
    return header, _body_to_note(rest, _first_note(rest))


def _item_label_in_header(lines: list[Line]) -> _Disorder | None:
    """A Table 7 printed an item per row whose extract lists its cells a column at a time, the
    items' labels first ('项目' / '1.因公出国(境)费' / …, then each column's numbers, in whichever
    order the tool took the columns): the labels read as the other layout's header, but which
    numbers are the budgets is not known. The sign: a label in its row form, numbered or after
    '其中', or the labels' own column header, among the header lines."""
    for line in lines:
        flat = squash(line.text)
        if flat in layout.THREE_PUBLIC_LABEL_HEADERS or (
                layout.THREE_PUBLIC_ROW_PREFIX_RE.match(flat).end() and layout.three_public_row_item(flat)):
            return _Disorder(line, f"the items' label '{line.text.strip()}' is printed above the table's numbers")
    return None


def _three_public_item_header(table: TableLayout, lines: list[Line], issues: list[ParseIssue]) -> _Header:
    """The header of a Table 7 printed an item per row: the phases (预算数 / 决算数) its two columns
    print, in order. Columns: a budget and an actual per item (see _three_public_item_rows)."""
    text = "".join(flat for _, flat in _header_text_lines(lines))
    phases = sorted((at, spec.key) for spec in layout.THREE_PUBLIC_PHASES if (at := text.find(spec.aliases[0])) >= 0)
    residue = re.sub("|".join(layout.THREE_PUBLIC_ROW_HEADER_WORDS) + r"|\d", "", text)
    if residue and lines:
        issues.append(ParseIssue("error", "unknown_column_header", f"table {table.no}: unknown column header "
                                 f"'{residue}' at line {lines[0].no}", Provenance(lines[0].no, lines[-1].no, lines[0].page)))
    columns = _THREE_PUBLIC_ORDERS["pairs"]
    return _Header(columns=columns, labels={c.key: c.aliases[0] for c in columns}, has_row_numbers=False,
                   capital_group=False, phases_printed=bool(phases), printed_phases=tuple(key for _, key in phases))


def _three_public_item_rows(context: _Context, body: _Body) -> list[_Row]:
    """Table 7 printed an item per row, as the one row the other layout gives, with the columns of
    the items it prints: each value goes into its item's budget or actual column. A line of as many
    values as the header's phases prints them in the header's order; a line of fewer prints one of
    them, which the table's sums decide (else it stays ambiguous)."""
    if not body.lines:
        return []
    item_order = [spec.key for spec in layout.THREE_PUBLIC_ITEMS]
    printed = context.header.printed_phases or ("budget", "actual")
    read: dict[int, tuple[list[_Value], Line]] = {}  # item's position -> its values, its line
    doubt = ""
    items, strays = _three_public_item_lines(body.lines)
    for stray in strays:
        context.warn("stray_text", f"a line that is no item of the table: '{stray.text.strip()}'", stray)
    for found in items:
        line = found.values[-1][1] if found.values else found.first
        # (a number alone on its line is its item's here, not a page number: one more value than the
        # columns makes the row doubtful instead)
        values = [v for piece, on in found.values if (v := context.value(piece, on, False)) is not None]
        if len(values) > len(printed) or item_order.index(found.item) in read:
            doubt = f"line {line.no} prints more values than the table's columns, or an item printed before"
        read[item_order.index(found.item)] = (values, line)
    columns = tuple(column for column in context.header.columns
                    if item_order.index(column.key.split("_", 1)[1]) in read)
    row = context.row("", "three_public", None, "三公经费", columns, [line for _, (_, line) in sorted(read.items())])
    row.doubt = doubt
    keys = column_keys(row)
    allowed = []
    for position, (values, _) in sorted(read.items()):
        item = item_order[position]
        whole = len(values) == len(printed)
        for phase, value in sorted(zip(printed if whole else printed[:len(values)], values),
                                   key=lambda phase_value: phase_value[0] != "budget"):
            row.values.append(value)
            allowed.append(frozenset({keys.index(f"{phase}_{item}")}) if whole else
                           frozenset(keys.index(f"{p}_{item}") for p in printed))
    row.allowed = allowed
    return [row]


@dataclass
class _ItemLines:
    """An item of a Table 7 printed an item per row: its values (each with its line) and its label's
    first line."""

    item: str
    values: list[tuple[str, Line]]
    first: Line
    under: bool = False  # its values stand on the lines under its label, not beside it


def _three_public_item_lines(lines: list[Line]) -> tuple[list[_ItemLines], list[Line]]:
    """The items of a Table 7 printed an item per row, and the lines that read as none (stray).
    A label broken over lines ('2.公务用车购置及运行维' / '护费' / '0.00 0.00') is joined; the values
    under a label printed alone, one cell a line, are its own; a label followed by another prints
    no value."""
    items: list[_ItemLines] = []
    strays: list[Line] = []
    wrapped: list[Line] = []  # lines of a label whose values are still to come
    # the last line read was the values of a label printed alone on its line(s): a line of values
    # only continues them, up to one value per phase (a number after a whole row stays stray)
    extending = False

    def wrapped_text() -> str:
        return "".join(w.text.strip() for w in wrapped)

    def label_alone() -> tuple[str, list[str]] | None:
        return _three_public_item_of(wrapped_text()) if wrapped else None

    for line in lines:
        pieces = _pieces(line.text)
        amounts = [parse_amount(piece) is not None for piece in pieces]
        if extending and amounts and all(amounts) and len(items[-1].values) + len(pieces) <= len(layout.THREE_PUBLIC_PHASES):
            items[-1].values += [(piece, line) for piece in pieces]
            continue
        extending = False
        if (own := _three_public_item_of(line.text)) is not None:  # the line starts with an item's label
            if (alone := label_alone()) is not None:
                items.append(_ItemLines(alone[0], [], wrapped[0]))
            else:
                strays += wrapped
            wrapped = []
            if own[1]:
                items.append(_ItemLines(own[0], [(piece, line) for piece in own[1]], line))
            else:
                wrapped = [line]
            continue
        sep = " " if amounts and amounts[0] else ""
        joined = _three_public_item_of(wrapped_text() + sep + line.text.strip()) if wrapped else None
        if joined is not None and joined[1]:
            items.append(_ItemLines(joined[0], [(piece, line) for piece in joined[1]], wrapped[0], under=bool(sep)))
            wrapped, extending = [], True
        elif joined is None and any(amounts):
            strays += [*wrapped, line]
            wrapped = []
        else:
            wrapped.append(line)
    if (alone := label_alone()) is not None:
        items.append(_ItemLines(alone[0], [], wrapped[0]))
    else:
        strays += wrapped
    return items, strays


def _three_public_order_by_sums(context: _Context, row: _Row) -> None:
    """Table 7 whose header prints no 预算数/决算数 (lost by the extract): its columns are in the
    order under which its sums hold (合计 = its items, 小计 = its two vehicle items). When they hold
    in both orders or in neither, no value is certain."""
    holding = [name for name, columns in _THREE_PUBLIC_ORDERS.items() if balances(replace(row, columns=columns))]
    line = row.lines[0]
    if len(holding) == 1:
        row.columns = _THREE_PUBLIC_ORDERS[holding[0]]
        context.issues.append(ParseIssue(
            "info", "column_order_inferred",
            f"table {context.table.no}: the header does not print 预算数/决算数; the values are read as "
            f"{'a budget and an actual per item' if holding[0] == 'pairs' else 'all budgets, then all actuals'}, "
            "the order under which the table's sums hold", Provenance(line.no, line.no, line.page)))
    else:
        row.doubt = (f"the header does not print 预算数/决算数, and the table's sums hold in "
                     f"{'both' if holding else 'neither'} of the two orders of its columns")


# --- 3. placing values into columns ----------------------------------------------------------------

def _counts_rows(lines: list[Line]) -> bool:
    """Whether the whole numbers of a two-sided table's rows count them (1, 31, 2, 32, …): a 行次
    column whose header the extract lost (some tools drop text printed vertically)."""
    numbers = _whole_numbers(lines)
    following = _counting(numbers)
    return len(following) >= 3 and 2 * len(following) >= len(numbers)


def _whole_numbers(lines: list[Line]) -> list[int]:
    """The whole numbers printed alone as pieces (no leading zero), in order."""
    return [int(n) for n in _WHOLE_NUMBER_RE.findall("\n".join(line.text for line in lines))]


# After a space, a CJK character, '(' or the start; before a space, a CJK character, ')' or the end. The
# look back follows the first digit, so that the search skips to the next digit quickly.
_WHOLE_NUMBER_RE = re.compile(r"[1-9](?<![^\s\u4e00-\u9fff(][1-9])\d*(?![^\s\u4e00-\u9fff)])")


def _counting(numbers: list[int]) -> set[int]:
    """The numbers that come after the number one below them: row numbers, in a table that has them."""
    seen: set[int] = set()
    following = set()
    for n in numbers:
        if n - 1 in seen:
            following.add(n)
        seen.add(n)
    return following


def _drop_lone_integers(rows: list[_Row], issues: list[ParseIssue]) -> None:
    """In a table that prints its amounts with decimals (every whole number it prints is 0 or
    alone on its line), a whole number alone on its line is a page or column number."""
    lone = {id(v) for row in rows for v in row.values if v.bare_int and v.alone and v.printed != "0"}
    if not lone:  # (most tables)
        return
    values = [v for row in rows for v in row.values]
    if not any("." in v.printed for v in values) \
            or any(v.bare_int and v.printed != "0" and id(v) not in lone for v in values):
        return
    for row in rows:
        for value in [v for v in row.values if id(v) in lone]:
            _doubt_a_whole_number_before_an_amount(row, value)
            row.values.remove(value)
            issues.append(ParseIssue("info", "stray_number",
                                     f"table {row.table_no}: whole number {value.printed} alone at line {value.line.no} "
                                     f"dropped from row '{row.label or row.row_key}': the table prints its amounts with "
                                     "decimals (page or column number?)",
                                     Provenance(value.line.no, value.line.no, value.line.page)))


def _doubt_a_whole_number_before_an_amount(row: _Row, value: _Value, weak: bool = False) -> None:
    """A whole number alone on its line, dropped from the row as no amount (page numbers of the
    document's series are gone by then), that stands before an amount of the row: it may be the
    start of that amount, cut off by the extract, or a code part whose item's name line was lost.
    `weak`: a doubt that gives way to a more precise one of the Table 6 checks."""
    if not row.doubt and any(not v.bare_int for v in row.values[row.values.index(value) + 1:]):
        code_part = layout.TABLES[row.table_no].kind == "economic" and _TWO_DIGITS_RE.fullmatch(value.printed)
        note = (CODE_PART_BEFORE_AMOUNT_NOTE if code_part else BEFORE_AN_AMOUNT_NOTE).format(value.printed)
        if weak:
            row.weak_doubt = row.weak_doubt or note
        else:
            row.doubt = note


def _doubt_amounts_cut_before_a_whole_number(rows: list[_Row], printed: _Lines) -> None:
    """A whole number starting the next non-blank line of the extract (`printed`: such a number
    alone reads like a page number) after an amount, alone or before other pieces, that
    completes the amount to the decimals most of the table's amounts print ('414.6' and '3', or
    '7.7' and '1 一般公共预算财政拨款'): a cell wrapped in its narrow column, or a line broken in it.
    The amount read is not the one printed: its row is not certain. The whole number need not be
    read as a value (a 行次 column or a code reads it as its own). A '0' may be a blank cell, so it
    only counts where the table prints no other zero so, or no other amount short of those
    decimals ('5.1' and '0' of '5.10')."""
    values = [v for row in rows for v in row.values]
    usual = _usual_places(values) or 0
    amounts = {v.line.no: (row, v) for row in rows for v in row.values if not v.bare_int}  # the last of each line
    short = [(no, row, amount) for no, (row, amount) in amounts.items() if 0 < len(_places(amount)) < usual]
    if not short:  # (most tables)
        return
    after = [(end[1], below.no, row, amount) for no, row, amount in short
             if (below := printed.line_after(no)) and (end := _LEADING_DECIMALS_RE.match(below.text))]
    if not after or not any(amount.value and "." in amount.printed for _, amount in amounts.values()):
        return
    zeros_unclear = sum(v.printed == "0" for v in values) > 1 and sum(
        0 < len(_places(v)) < usual for v in values if not v.bare_int) > 1
    for end, line_no, row, amount in after:
        if row.doubt or end == "0" and zeros_unclear:
            continue
        if len(_places(amount)) + len(end) == usual:
            row.doubt = BESIDE_A_LONE_INTEGER_NOTE.format(end, line_no, amount.printed)


# A whole number of a digit or two starting a line: the decimals a cut left (a code starts a row)
_LEADING_DECIMALS_RE = re.compile(r"\s*(\d\d?)(?!\S)")


def _doubt_whole_numbers_cut_before_an_amount(rows: list[_Row], printed: _Lines) -> None:
    """A whole number, not a zero, that ends its line after other text, read as the row's amount,
    when the next non-blank line of the extract holds only an amount of the decimals most of the
    table's amounts print: the whole number may be that amount's start, the line broken in it
    ('合计 25.83 1' / '8.39' of '18.39'). The row is not certain."""
    wholes = [(row, v) for row in rows for v in row.values if v.bare_int and v.value]
    if not wholes:  # (most tables)
        return
    usual = _usual_places(v for row in rows for v in row.values)
    if not usual:
        return
    for row, value in wholes:
        text = value.line.text.strip()
        if row.doubt or not text.endswith(value.printed) or text == value.printed:
            continue  # (a whole number alone on its line: see _doubt_a_whole_number_before_an_amount)
        below = printed.line_after(value.line.no)
        rest = _LEADING_AMOUNT_RE.match(below.text) if below is not None else None
        if rest and len(rest[1].partition(".")[2]) == usual:
            row.doubt = BEFORE_A_LINES_AMOUNT_NOTE.format(value.printed, below.no, rest[1])


# An amount starting a line and standing alone on it: the end a cut left of a number
_LEADING_AMOUNT_RE = re.compile(r"\s*(\d[\d,]*\.\d+)\s*$")
BEFORE_A_LINES_AMOUNT_NOTE = ("the whole number {} ends its line, and line {} holds only the amount {}: the number may be "
                              "that amount's start, the line broken in it")


LEFT_OVER_CODE_PART_NOTE = ("the code part '{}' (line {}) after the row belongs to no row read: a line may be lost, and the "
                            "row may have taken the code part of another row, so its code is not certain")
NAMED_AS_ANOTHER_CODE_NOTE = ("the row is named '{}', a name that is, or holds part of, the name the document's other "
                              "tables give {} (a row this table does not print), and never "
                              "this code: a code part or a line may be lost, so the row may be that one")
MOVED_INTO_A_CLASS_NOTE = ("the items of class {} add up to its number without this row's, not with it: the number, "
                           "printed on a line after the row's name, may be another row's whose label was lost")
AS_A_LOST_TOTAL_NOTE = ("the row's number is the sum of the classes of '{}', a line not read: it may be that "
                        "total's number, its label lost")
AS_A_LOST_CLASS_NOTE = ("the row's class does not add up, and its number is the sum of the items of class {}, whose "
                        "line was not read: it may be that class's number, its line lost")
REPEATED_LINE_ROWS_NOTE = ("the row's number is read from the line '{}', printed twice: each copy gave its number to a "
                               "row, and which of them is the number's own is not known")
UNBALANCED_WITH_A_LINE_READ_TWICE_NOTE = ("the row's numbers, read from several lines, two of them alike and in a row, do "
                                          "not add up: a line may be printed twice, and a number be another row's")
REPEATED_LINE_NOTE = "the row took its numbers from two lines printed alike (a line repeated?)"
BEFORE_AN_AMOUNT_NOTE = ("the whole number {} alone on its line, before an amount of the row, is no page number of "
                         "the document's series and stands inside the row: it may be the start of that amount, cut "
                         "off by the extract ('2' / '9.06' of '29.06')")
BESIDE_A_LONE_INTEGER_NOTE = ("the whole number {} starting line {}, right after the row's amount {}, gives it the "
                              "decimals the table's amounts print: it may be the amount's end, cut off by the extract")
# (Table 6: an extract that prints each piece on its own line lost the line of another item's name)
CODE_PART_BEFORE_AMOUNT_NOTE = ("the whole number {} alone on its line, before the row's amount, has the shape of an item's "
                                "code part: the amount after it may be that item's, whose name line was lost")


def _numbers_read_twice(row: _Row) -> bool:
    """Whether two of the lines the row took several numbers from read the same: the extract printed
    a line twice, and its numbers fill the row's empty columns. (A tool that prints each number on
    its own line prints equal amounts alike.)"""
    if len(row.values) < 4 or row.values[0].line is row.values[-1].line:  # most rows: too few, or one line
        return False
    taken = Counter(value.line.no for value in row.values)
    texts = {value.line.no: value.line.text.strip() for value in row.values if taken[value.line.no] > 1}
    return len(set(texts.values())) < len(texts)


def _from_a_line_and_its_copy(values: list[_Value]) -> bool:
    """Whether a row took numbers from two lines in a row that read the same: the line was printed
    twice, and its copy may hold a lost number's place. (Equal amounts, each on a line of its own,
    are common: '374.51' / '374.51', a total and its basic; the row's sums tell them from a copy:
    see UNBALANCED_WITH_A_LINE_READ_TWICE_NOTE and COPY_IN_FAILING_SUMS_NOTE.)"""
    if len(values) < 2 or values[0].line is values[-1].line:
        return False
    return any(after.line.no == before.line.no + 1 and after.line.text == before.line.text
               for before, after in pairwise(values))


def _drop_stray_numbers(row: _Row, issues: list[ParseIssue]) -> None:
    """A row with more values than columns: a plain integer alone on its line is a page number (a
    zero is no page number: it is a blank cell of a table that prints them '0'); before an amount of
    the row, it leaves the row in doubt (see _doubt_a_whole_number_before_an_amount)."""
    while len(row.values) > len(row.columns):
        stray = next((v for v in row.values if v.bare_int and v.alone and v.value), None)
        if stray is None:
            return
        # (a Table 6 row's weak doubt is settled by _doubt_economic_rows; other tables' are not)
        _doubt_a_whole_number_before_an_amount(row, stray, weak=layout.TABLES[row.table_no].kind == "economic")
        row.values.remove(stray)
        issues.append(ParseIssue("info", "stray_number",
                                 f"table {row.table_no}: number {stray.printed} at line {stray.line.no} dropped "
                                 f"from row '{row.label}' (page number?)",
                                 Provenance(stray.line.no, stray.line.no, stray.line.page)))


def _cells(row: _Row, issues: list[ParseIssue]) -> list[Cell]:
    """The row's values as cells: placed where every remaining placement agrees, else ambiguous."""
    if not row.values:  # (a blank row: no provenance to build)
        return []
    provenance = row.provenance()
    inferred = "" if len(row.columns) == len(row.values) or not row.decided_by else _inferred_from(row.decided_by)
    if row.allowed is not None:  # Table 7 by item: each value where its own line is; inferred only if its line allows two columns
        return [replace(cell, provenance=Provenance(value.line.no, value.line.no, value.line.page),
                        note=cell.note if len(allowed) > 1 or not cell.certain else "")
                for cell, value, allowed in zip(_cells(replace(row, allowed=None), issues), row.values, row.allowed,
                                                strict=True)]
    if len(row.options) == 1 and not row.doubt:  # one placement left (most rows): every value is certain
        columns = row.columns
        return [_certain_cell(row, columns[p].key, value, provenance, inferred) for p, value in zip(row.options[0], row.values)]
    keys = column_keys(row)
    cells = []
    for k, value in enumerate(row.values):
        positions = sorted({option[k] for option in row.options})
        if len(positions) == 1 and not row.doubt:
            cells.append(_certain_cell(row, keys[positions[0]], value, provenance, inferred))
            continue
        candidates = tuple(keys[p] for p in positions) if positions else tuple(keys)
        why = "more values than columns" if not row.options else row.doubt or "the identities do not decide between them"
        cells.append(Cell(row.table_no, row.section, row.row_key, row.row_code, row.label,
                          column_key=None, column_label="", value=value.value, printed=value.printed, certain=False,
                          provenance=provenance, candidates=candidates, note=f"could be {', '.join(candidates)}: {why}"))
        issues.append(ParseIssue(
            "warn", "ambiguous_cell",
            f"table {row.table_no} row '{row.label or row.row_key}' ({row.section or 'main'} {row.row_key}), "
            f"line {value.line.no}: value {value.printed} could be in {', '.join(candidates)}",
            provenance))
    return cells


UNBALANCED_NOTE = "the row's values add up under no placement (a value may belong to a neighbouring row)"
GATHERED_NOTE = ("the row's values, read from several lines, do not add up (one may belong to another row; "
                 "a row printed on one line is kept as printed)")


def _gathered_unbalanced(rows: list[_Row]) -> list[_Row]:
    """The rows not in doubt that print every column, their values gathered from several lines, whose
    own identity fails. A row that prints every column is placed whatever it sums to, so that a
    misprint is recorded as printed and the checks report it; but such a row's values may hold a
    number moved there from another row (an extract that lists a table's numbers apart from their labels)."""
    return [row for row in rows if not row.doubt and 1 < len(row.values) == len(row.columns)
            and any(v.line is not row.values[0].line for v in row.values) and row.allowed is None and not balances(row)]


def _on_the_line_of_another_label(rows: list[_Row]) -> Iterator[tuple[_Row, _Row]]:
    """Of the rows of two-sided tables, those whose numbers stand on the line of another label of their side,
    which reads none: a line holds one label of a side, so the numbers are that row's, taken by a
    label wrapped around a line that was lost ('年末财政拨款' / '结转和结余' around the lost
    '年初财政拨款结转和结余 …' took '本年支出合计 55 2132.07 …' above them). (row, the other row)"""
    blank: dict[tuple[int, str, int], _Row] = {}  # (table, side, line) -> a row with no number whose label is there
    for row in rows:
        if not row.values and row.lines:
            blank.setdefault((row.table_no, row.section, row.lines[0].no), row)
    if not blank:
        return
    failing = cache(lambda: _failing_totals(rows))
    for row in rows:
        other = blank.get((row.table_no, row.section, row.values[0].line.no)) if row.values else None
        if other is not None and not row.doubt and other.label != row.label \
                and _side(_Label(squash(other.label), [])) == row.section \
                and (not other.row_code or (not _half_an_income_label(other) and id(row) in failing())):
            # (a label read as two keys is one label; one of no known side may be half a label; a
            # class with no number before the next class on one line is common (PyMuPDF sorted by
            # position), before a total whose sum fails it is not)
            yield row, other


def _half_an_income_label(row: _Row) -> bool:
    """Whether a class row's label may be the first half of an income label ('三、国有资本经营预算' of
    '三、国有资本经营预算财政拨款'), not a class's."""
    name = layout.NUMBERING_RE.sub("", squash(row.label), count=1)
    return any(label.startswith(name) for label in layout.INCOME_LABELS)


def _failing_totals(rows: list[_Row]) -> set[int]:
    """The ids of the total rows of two-sided tables' sums that none of their numbers makes hold."""
    return {id(total) for one_column in (True, False) for total, parts in _side_sums(rows, one_column)
            if parts and not _sum_holds(total, parts)}


ON_ANOTHER_LABELS_LINE_NOTE = ("the row's numbers stand on the line of '{}', another row of its side, which reads none: "
                               "they may be that row's")


def _label_lines_read_twice(rows: list[_Row]) -> Iterator[tuple[_Row, Line]]:
    """Of the rows of two-sided tables, those with a number whose label line, holding a number too, the
    extract printed twice in a row (the label read again, as a row of the same key): each label
    stands once on a side, and the row after the first copy's took the second copy's number
    ('5,558.09 五、教育支出' twice: 事业收入's number, then 教育支出's label). (row, the line)"""
    first_lines: dict[tuple[int, str, str], list[Line]] = defaultdict(list)
    for row in rows:
        if row.lines:
            first_lines[row.table_no, row.section, row.row_key].append(row.lines[0])
    twice = {key: line for key, lines in first_lines.items() if len(lines) > 1
             for line, after in pairwise(lines) if after.no == line.no + 1 and line.text.strip() == after.text.strip()
             and _DIGITS_RE.search(line.text)}
    if twice:
        for row in rows:
            line = twice.get((row.table_no, row.section, row.row_key))
            if line and row.values and not row.doubt:
                yield row, line


def _fund_lines_from_a_copy(rows: list[_Row], lines: list[Line]) -> Iterator[tuple[_Row, Line]]:
    """The fund income lines of a two-sided table that took a number from the line their label starts
    on, when the line before it, holding a number too, reads the same: the extract printed the line
    twice (the first copy's label may run into the text before it, read as no row). A fund's
    carry-over line under 年初结转和结余 prints the fund's name as its income line may ('一般公共预算
    财政拨款'), so where that label was not read either, the row may be the carry-over line. (row,
    the line)"""
    copies = {line.no for before, line in pairwise(lines) if line.text == before.text and _DIGITS_RE.search(line.text)}
    for row in rows:
        if row.section == "income" and row.row_key in layout.FUND_SUBROWS and row.lines and row.lines[0].no in copies \
                and any(value.line is row.lines[0] for value in row.values):
            yield row, row.lines[0]


FUND_LINE_FROM_A_COPY_NOTE = ("the row's label line '{}' is printed twice in a row: the line may be the fund's "
                              "carry-over line under 年初结转和结余, whose label reads the same")
LABEL_LINE_READ_TWICE_NOTE = ("the row's label line '{}' is printed twice in a row: the number the row took may be the "
                              "second copy's, another row's")
PAGE_NUMBER_NOTE = ("the whole number {} ends the row's line after amounts with decimals, and the row does not add "
                    "up with it: it may be the page's number, printed on the line of the page's last row")


def _page_number_at_end(rows: list[_Row]) -> list[_Row]:
    """The rows not in doubt whose last value is a whole number (not zero) that ends its line, after
    amounts printed with decimals, and whose own identity fails: an extract that puts a page's number
    on the line of the page's last row ('03 购房补贴 25.85 25.85 5') gives the row one value too many."""
    return [row for row in rows if not row.doubt and row.values and (last := row.values[-1]).bare_int and last.value != 0
            and any("." in v.printed for v in row.values) and last.line.text.rstrip().endswith(last.printed)
            and not balances(row)]


MOVED_NOTE = ("the value stands on a line after its label, and the side's sum holds without it: it may be "
              "another row's, moved by the extract")
AFTER_A_ROW_WITHOUT_NUMBER_NOTE = ("the row before it, {}, prints no number though the table prints its zeros: this "
                                   "number may be that row's")
# Amounts of the usual decimals ending in a zero that show a document prints its decimals fixed
# (most do: '36.50', '0.00'; one that drops trailing zeros prints none, though some mix the two).
MIN_FIXED_DECIMALS = 3
ODD_FORM_NOTES = {  # issue code -> the row's note (see _amounts_of_another_form)
    "amount_with_extra_digits": ("the amount {} is printed with more decimals than the document's others: it may be "
                                 "joined to the code or number printed after it"),
    "amount_with_short_decimals": ("the amount {} ends in a zero with fewer decimals than the document's others print: "
                                   "it may be cut, its last digits on another line"),
    "amount_cut_start": "the amount {} starts with a zero before a digit: it may be the end of an amount cut in two",
    "amount_with_fewer_decimals": ("the amount {} is the only one printed with fewer decimals than the document's "
                                   "others, which print them fixed: its last digits may be cut off"),
}
# a piece read as an amount that starts as no printed amount does: '00.00', '02,300.00'
_CUT_START_RE = re.compile(r"-?0\d")
# an amount that may be of another form than the document's ('odd': three decimals or more, one zero
# decimal, a leading zero before a digit; 'short': one decimal, not a zero): only a document with an
# odd one, or at most one short one, has its amounts compared (see _amounts_of_another_form)
_ODD_FORM_RE = re.compile(r"(?P<odd>-?0\d|[^.]*\.(?:0$|\d{3}))|(?P<short>[^.]*\.[1-9]$)")
ROW_NUMBER_AS_AMOUNT_NOTE = ("the whole number {} is printed among amounts with decimals in a table that prints 行次: it "
                             "may be a row number, not an amount")
READ_TWICE_NOTE = "the row was read from several rows of the extract: which numbers are its own is not known"
BESIDE_A_LOST_TOTAL_NOTE = ("the table's '{}' label was not read, and the sum this row is a line of fails: one-cell-a-line "
                            "extracts give a lost label's number to the row printed before it, so this number may be "
                            "another row's")
BEFORE_A_LOST_CLOSING_LINE_NOTE = ("the side's '{}' label, printed after this row, was not read: its number, on a line "
                                   "after this row's label, may be that line's")
UNDER_A_BLANK_TOTAL_NOTE = ("'{}', whose sum the row is a line of, was read without a number though its lines print "
                            "numbers: a line was lost, and this number may be the row's after it")
LACKED_BY_ANOTHER_SUM_NOTE = ("the value stands on a line after its label, and {} lacks exactly this number: it may "
                              "be a row's of that sum, its label lost")
UNDER_ANOTHER_NOTE = ("the value stands alone under this row's label and '{}', and the side's sum fails with it: "
                      "it may be that row's")


def _moved_into_a_sum(sums: list[tuple[_Row, list[_Row]]]) -> list[_Row]:
    """Part rows of a sum (a two-sided table's side, a Table 6 class), printed on a line after their
    label, whose sum fails with them and holds exactly without them: numbers another row lost (pdftotext's default
    mode lists '本年支出合计' / '使用非财政拨款结余' / '3,591.20'; PDFBox sorted by position prints Table
    4's '本年支出合计' numbers above it, under the last class's label). A row's part of the sum is its
    largest number (its total column, when it prints several). A misprinted value, printed where it
    belongs, does not make its sum hold when left out, so the checks still report it."""
    moved = []
    for total, parts in sums:
        tolerance = total.half_unit * (len(parts) + 1)
        added = _parts_sum(parts)
        for printed in total.values:  # (a total read with two values, one of them moved there, is tried with each)
            rest = printed.value - added
            if abs(rest) > tolerance:
                moved += [row for row in parts if not row.doubt and row.values[0].line is not row.lines[0]
                          and abs(rest + max(map(_AMOUNT, row.values))) <= tolerance and row not in moved]
    return moved


def _parts_sum(parts: list[_Row]) -> Decimal:
    """What the part rows of a sum add up to: each row's largest number (its total column, when it
    prints several)."""
    return sum([max(map(_AMOUNT, row.values)) for row in parts], Decimal(0))


def _sum_holds(total: _Row, parts: list[_Row]) -> bool:
    """Whether the parts add up to a number of the total, within rounding (a total read with two
    values, one of them moved there, holds if either makes it hold)."""
    added = _parts_sum(parts)
    return any(abs(printed.value - added) <= total.half_unit * (len(parts) + 1) for printed in total.values)


def _lacked_by_another_sum(rows: list[_Row], sums: list[tuple[_Row, list[_Row]]],
                           group: Callable[[_Row], str]) -> list[_Row]:
    """One-value rows, their number on a line after their label, whose number is exactly what a
    failing sum of another group (a two-sided table's other side, another Table 6 class) lacks: an
    extract that prints each number before the next label ('99.92 年末结转和结余', PyMuPDF) gives a
    number whose label was lost ('年初结转和结余') to the row read before it, of the other group."""
    lacked: dict[tuple[int, str], list[tuple[Decimal, Decimal]]] = defaultdict(list)  # group -> (lacked, tolerance)
    for total, parts in sums:
        tolerance = total.half_unit * (len(parts) + 2)
        rest = total.values[0].value - _parts_sum(parts)
        if parts and len(total.values) == 1 and rest > tolerance:  # (a total none of whose lines was read is no sum)
            lacked[total.table_no, group(total)].append((rest, tolerance))
    if not lacked:
        return []
    return [row for row in rows if not row.doubt and len(row.columns) == 1 and len(row.values) == 1
            and row.values[0].line is not row.lines[0]
            and any(abs(row.values[0].value - rest) <= tolerance for (no, other), sums_of in lacked.items()
                    if no == row.table_no and other != group(row) for rest, tolerance in sums_of)]


def _under_another_in_a_failing_sum(rows: list[_Row], sums: list[tuple[_Row, list[_Row]]]) -> list[_Row]:
    """Rows whose value may be another row's (see _under_two_rows) that are the total or a part of a
    side's sum that fails, and of none that holds: the number is the other row's as likely as theirs."""
    held: dict[int, bool] = {}  # id of such a row -> whether a sum it is in holds
    for total, parts in sums:
        holds = _sum_holds(total, parts)
        for row in (total, *parts):
            if row.under_another:
                held[id(row)] = held.get(id(row), False) or holds
    return [row for row in rows if held.get(id(row)) is False and not row.doubt]


def _in_a_failing_sum_beside_a_lost_total(rows: list[_Row], sums: list[tuple[_Row, list[_Row]]]
                                          ) -> Iterator[tuple[_Row, str]]:
    """The lines of a two-sided table's one-column sum that fails, printed on a line after their
    label, in a table that lost the label of a year's total (本年收入合计 or 本年支出合计 not read):
    a one-cell-a-line extract gives the number of a lost label to the row printed before it, so
    which of them holds another row's number is not known. (row, the lost label)"""
    keys = {key for _, key, _ in layout.YEARS_TOTALS}
    read = {(row.table_no, row.section, row.row_key) for row in rows if row.row_key in keys}
    for total, parts in sums:
        lost = next((label for side, key, label in layout.YEARS_TOTALS if (total.table_no, side, key) not in read),
                    None)
        if lost is None:  # most tables
            continue
        if not _sum_holds(total, parts):
            yield from ((row, lost) for row in parts if not row.doubt and row.values[0].line is not row.lines[0])


_TWO_SIDED_TOTALS = frozenset(total for _, total, _ in layout.TWO_SIDED_SUMS)


def _before_a_lost_closing_line(rows: list[_Row]) -> Iterator[tuple[_Row, str]]:
    """Of the rows of two-sided tables, the line printed before a side's carry-over or 总计 in a
    one-column table, when that label was not read while the side's 总计 (for a carry-over) or the
    other side's (for 总计) was, and its number stands on a line after its label: an extract that
    prints each number before the next label ('21.41 年末结转和结余'), or each label's number after
    it, lost that label, and its number went to this row. A side's 总计 read with more numbers than
    its columns, while the other side's reads none, is the other side's (the label is the same): the
    side's own was lost. (row, the lost label)"""
    sides: dict[tuple[int, str], dict[str, _Row]] = defaultdict(dict)
    totals_read = set()  # (table, side) whose 总计 reads a number
    last_read: dict[tuple[int, str], _Row] = {}  # (table, side) -> its row read last before its 总计
    for row in rows:
        if len(row.columns) == 1:
            sides[row.table_no, row.section].setdefault(row.row_key, row)
            if row.row_key != "grand_total":
                last_read[row.table_no, row.section] = row
        if row.row_key == "grand_total" and row.values:
            totals_read.add((row.table_no, row.section))
    for (no, section), by_key in sides.items():
        carry_over, label = next(((key, label) for side, key, label in layout.CARRY_OVERS if side == section), ("", ""))
        if not carry_over:  # (a row of no side)
            continue
        other_total = any(other_no == no and other != section for other_no, other in totals_read)
        grand = by_key.get("grand_total")
        if carry_over not in by_key and grand:
            order = next(parts for side, total, parts in layout.TWO_SIDED_SUMS if (side, total) == (section, "grand_total"))
            before = next((by_key[key] for key in reversed(order[: order.index(carry_over)]) if key in by_key), None)
            lost = label
        elif (not grand and other_total) or (grand and not other_total and len(grand.values) > len(grand.columns)):
            before, lost = last_read.get((no, section)), "总计"  # (a carry-over's lines may be printed before it)
        else:
            continue  # (most documents: nothing lost)
        if before and len(before.values) == 1 and not before.doubt and before.values[0].line is not before.lines[0]:
            yield before, lost


def _inside_a_row(page_numbers: list[Line], rows: list[_Row], printed: _Lines) -> Iterator[tuple[_Row, Line]]:
    """The rows whose first amount's line follows a whole number taken for a page number, which
    itself follows the row's own lines: a page's number stands after its last row, not inside one,
    so it may be the start of the amount, cut off ('九、卫生健康支出' / '1' / '6.98' of '16.98'). Such
    numbers inside several rows of a table are its rows' 行次 (read as pages' numbers), not a cut."""
    if not page_numbers:
        return
    by_first_amount = {row.values[0].line.no: row for row in rows if row.values and not row.values[0].bare_int}
    inside: dict[int, list[tuple[_Row, Line]]] = defaultdict(list)  # table -> (row, the number inside it)
    for number in page_numbers:
        after, before = printed.line_after(number.no), printed.line_before(number.no)
        row = by_first_amount.get(after.no) if after is not None and before is not None else None
        if row is not None and before in row.lines:
            inside[row.table_no].append((row, number))
    for found in inside.values():
        if len(found) == 1:
            yield found[0]


PAGE_NUMBER_INSIDE_THE_ROW_NOTE = ("the whole number {} alone on line {}, taken for a page number, stands between the row's "
                                   "name and its first amount: it may be the start of that amount, cut off by the extract")


def _after_the_start_of_a_cut_code(rows: list[_Row], printed: _Lines) -> Iterator[tuple[_Row, str, str]]:
    """The subject rows whose code follows a line of digits alone that, put before it, make a 款 or
    项 code ('2210' / '202 提租补贴' of '2210202'): a code cut in two, its end read as a class or 款
    code of its own, when the code they make is one the document's subject tables print, or the
    row is a class its name does not name. (start, the code they make) with each row."""
    subject = [row for row in rows if row.row_code and layout.TABLES[row.table_no].kind == "subject"]
    codes = {row.row_code for row in subject}
    for row in subject:
        code = row.row_code or ""
        if len(code) < 7 and not row.doubt and (before := printed.line_before(row.lines[0].no)) is not None:
            start = before.text.strip()
            joined = start + code
            if (start.isdecimal() and len(joined) in (5, 7) and joined[:3] in _CLASS_CODES
                    and (joined in codes or _misnamed_class(row))):
                yield row, start, joined


_CLASS_CODES = frozenset(layout.FUNCTION_CLASSES.values())


def _misnamed_class(row: _Row) -> bool:
    """Whether a row with a class's code is named as no class, or as another."""
    if len(row.row_code or "") != 3 or not row.label:
        return False
    kind = classify_two_sided_label(squash(row.label))
    return kind is None or kind[2] != row.row_code


CUT_CODE_NOTE = ("the line before the row prints '{}' alone, which with the row's code {} makes {}: the code may be cut "
                 "in two, and the row be that one")


def _under_a_blank_total(rows: list[_Row]) -> Iterator[tuple[_Row, _Row]]:
    """The lines of a two-sided table's sum whose total line was read without a number, printed on a
    line after their label, with that total: (the line, the total). The total's label stands on
    lines that print no number, so its number stood on a line of its own, which was lost; and
    one-cell-a-line extracts give a number whose label was lost to the row read before it: these
    lines' numbers are not known to be theirs."""
    totals = [row for row in rows if row.row_key in _TWO_SIDED_TOTALS]
    # (a label read again may print no number; a label on a line with numbers had its number read
    # elsewhere, not lost)
    printed = {(row.table_no, row.section, row.row_key) for row in totals
               if row.values or any(_DIGITS_RE.search(line.text) for line in row.lines)}
    blank = [row for row in totals if (row.table_no, row.section, row.row_key) not in printed]
    if not blank:  # most documents
        return
    total_of: dict[tuple[int, str, str], _Row] = {}  # (table, side, a line's key or CLASS_ROWS) -> its blank total
    for total in blank:
        for side, total_key, part_keys in layout.TWO_SIDED_SUMS:
            if (side, total_key) == (total.section, total.row_key):
                total_of.update({(total.table_no, side, key): total for key in part_keys})
    for row in rows:
        total = total_of.get((row.table_no, row.section, layout.CLASS_ROWS if row.row_code else row.row_key))
        if total is not None and row.values and not row.doubt and row.values[0].line is not row.lines[0]:
            yield row, total


def _side_sums(rows: list[_Row], one_column: bool) -> Iterator[tuple[_Row, list[_Row]]]:
    """Each sum of a two-sided table's one-column sides (or its sides of several columns) whose
    total row prints a value: (the total row, the part rows that print one value, or any). A
    one-column row that prints one value twice (its line read twice) adds it once."""
    sides: dict[tuple[int, str], dict[str, _Row]] = defaultdict(dict)
    for row in rows:
        if layout.TABLES[row.table_no].kind == "two_sided" and (len(row.columns) == 1) == one_column and row.values:
            sides[row.table_no, row.section][row.row_key] = row
    for (_, section), by_key in sides.items():
        for side, total_key, part_keys in layout.TWO_SIDED_SUMS:
            if side == section and total_key in by_key:
                yield by_key[total_key], [row for key, row in by_key.items() if (
                    key in part_keys or (layout.CLASS_ROWS in part_keys and row.row_code))  # (rows with a code: classes)
                    and (not one_column or _one_value(row))]


def _one_value(row: _Row) -> bool:
    return len(set(map(_AMOUNT, row.values))) == 1


def _inferred_from(decided_by: list[str]) -> str:
    """The note of a cell whose column the identities decided: their first three names, each once."""
    reasons = list(dict.fromkeys(decided_by))
    return "column inferred from: " + "; ".join(reasons[:3]) + ("; …" if len(reasons) > 3 else "")


def _certain_cell(row: _Row, key: str, value: _Value, provenance: Provenance, note: str) -> Cell:
    return Cell(row.table_no, row.section, row.row_key, row.row_code, row.label, key, row.column_labels.get(key, key),
                value.value, value.printed, True, provenance, (), note)
