"""Step 3 of reading a text table: place each row's values into its columns.

A row's values keep their left-to-right order, so its candidate placements are the
order-preserving ways to put them into its columns. The accounting identities (row total = sum
of parts, 类 = sum of 款, 合计 = sum of 类, the cross-table equalities) become constraints over
the rows' cells, and a small propagation solver removes every placement that no combination of
the other rows' placements can reconcile with some constraint. What stays open is reported
ambiguous by the caller, never guessed.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .layout import tables as layout

if TYPE_CHECKING:
    from .text_tables import _Row

# A row may be placed in at most this many ways before the solver gives up on it (stays ambiguous).
MAX_PLACEMENTS = 5000
# Partial sums a constraint may track before it is skipped as uninformative.
MAX_PARTIAL_SUMS = 4096
# Up to this many combinations of the open rows' states, a constraint tries them all (exact, and
# the same result as the partial sums: so few never exceed MAX_PARTIAL_SUMS).
MAX_ENUMERATED = 64

def placements(row: _Row) -> list[tuple[int, ...]]:
    """Every order-preserving way to put the row's values into its columns (each value into one of
    the columns its line allows, when the row says which)."""
    n, k = len(row.columns), len(row.values)
    if k > n or math.comb(n, k) > MAX_PLACEMENTS:
        return []
    combinations = itertools.combinations(range(n), k)
    if row.allowed is None:
        return list(combinations)
    return [c for c in combinations if all(map(frozenset.__contains__, row.allowed, c))]


class _Constraint:
    """total - sum(parts) == 0 (within rounding), or >= 0 for 'ge'; a term is a cell: (row, column).
    With `printed_rule`, a part printed in a column means the total is printed there too (a blank
    total holds no printed part). `family` names the identity the constraint is one column of (a
    row = the sum of the same rows in every column): see solve."""

    __slots__ = ("name", "family", "kind", "broken_by", "dead", "states", "members", "row_terms")

    def __init__(self, name: str, total: tuple[int, str], parts: Iterable[tuple[int, str]], family: str | None = None,
                 kind: str = "eq", printed_rule: bool = True) -> None:
        self.name = name
        self.family = family or name
        self.kind = kind
        # the flags of a combination that break the printed rule: a part printed, not the total (None: no rule)
        self.broken_by = PART_TERM if printed_rule and kind == "eq" else None
        self.dead = False  # contradicted by the printed numbers themselves: the checks report it
        self.states: dict[int, _RowStates] = {}  # row -> what its placements give the constraint (_row_states)
        row, column = total
        row_terms: dict[int, list[tuple[str, int, int]]] = {row: [(column, 1, TOTAL_TERM)]}
        for row, column in parts:
            if row in row_terms:
                row_terms[row].append((column, -1, PART_TERM))
            else:
                row_terms[row] = [(column, -1, PART_TERM)]
        self.members = tuple(row_terms)  # the rows of the terms, each once, in order
        self.row_terms = row_terms  # row -> its terms: (column, sign, flag)

    @classmethod
    def in_one_column(cls, name: str, total: int, parts: Iterable[int], column: str,
                      family: str | None = None) -> _Constraint:
        """total = sum of the parts, rows, in one column: the parts share their term (only read)."""
        constraint = cls(name, (total, column), (), family)
        row_terms = constraint.row_terms
        part = [(column, -1, PART_TERM)]
        for row in parts:
            terms = row_terms.get(row)
            row_terms[row] = part if terms is None else [*terms, *part]  # a row met again: a list of its own
        constraint.members = tuple(row_terms)
        return constraint

    @classmethod
    def on_one_row(cls, name: str, row: int, terms: list[tuple[str, int, int]]) -> _Constraint:
        """A constraint over the cells of one row (a row identity: its total first), its terms given: the rows
        of a table share theirs (only read), not built again for every row."""
        constraint = cls(name, (row, terms[0][0]), ())
        constraint.row_terms[row] = terms
        return constraint


def constraints(rows: list[_Row]) -> list[_Constraint]:
    index, read_twice = _row_index(rows)
    by_table: dict[int, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_table[row.table_no].append(i)
    keys = _column_keys_by_row(rows)
    blanks_known = {no: _income_blanks_known(rows, index, no) for no in (1, 4)}
    found = (_row_identities(rows, keys) + _hierarchy_sums(rows, by_table, keys)
             + _two_sided_sums(rows, index, by_table, keys, blanks_known)
             + _cross_table(rows, index, by_table, keys, blanks_known[1]))
    if read_twice:  # which reading is the row is unknown, so no sum may rest on either
        found = [c for c in found if read_twice.isdisjoint(c.members)]
    # A total row that prints no value has lost its numbers (e.g. printed above its label): sums on
    # it either hold whatever the parts print or, together, cannot hold; one by one they would
    # narrow the parts in whatever order they are applied.
    return [c for c in found if rows[c.members[0]].values]


def _row_index(rows: list[_Row]) -> tuple[dict[tuple[int, str, str], int], set[int]]:
    """(table, section, key) -> the row, and the rows read twice. A key's row is the one that prints
    values: a label read again without values (e.g. the other side's same label) adds nothing. Two
    rows of one key that both print values are both read twice."""
    index: dict[tuple[int, str, str], int] = {}
    printing: dict[tuple[int, str, str], int] = {}  # key -> its first row that prints values
    read_twice = set()
    for i, row in enumerate(rows):
        key = (row.table_no, row.section, row.row_key)
        index.setdefault(key, i)
        if row.values:
            first = printing.setdefault(key, i)
            if first != i:
                read_twice.add(first)
                read_twice.add(i)
    index.update(printing)
    return index, read_twice


def column_keys(row: _Row) -> list[str]:
    return [c.key for c in row.columns]


def _column_keys_by_row(rows: list[_Row]) -> list[list[str]]:
    """column_keys of every row, worked out once per columns tuple (a table's rows share theirs, and
    so the list, which is only read)."""
    known: dict[int, list[str]] = {}
    keys = []
    for row in rows:
        row_keys = known.get(id(row.columns))
        if row_keys is None:
            row_keys = known[id(row.columns)] = column_keys(row)
        keys.append(row_keys)
    return keys


def _row_identities(rows: list[_Row], row_keys: list[list[str]]) -> list[_Constraint]:
    found = []
    # (table, id of the row's keys) -> the identity's terms on the row (see _Constraint.row_terms); none when the
    # total sums no column
    terms_by: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for i, (row, keys) in enumerate(zip(rows, row_keys, strict=True)):
        table = layout.TABLES[row.table_no]
        if table.kind == "three_public":
            for phase in ("budget", "actual"):
                for total, parts in layout.THREE_PUBLIC_SUMS:
                    # a table printed an item per row may leave out a sum's parts (or its total): no identity
                    if f"{phase}_{total}" not in keys or not any(f"{phase}_{p}" in keys for p in parts):
                        continue
                    found.append(_Constraint(
                        f"T7 {phase} {total} = {' + '.join(parts)}",
                        (i, f"{phase}_{total}"), [(i, f"{phase}_{p}") for p in parts],
                        f"T7 {total} = {' + '.join(parts)}"))  # one identity, in the budget and the actual
        elif table.row_total and table.row_total in keys and row.section != "income":
            terms = terms_by.get((row.table_no, id(keys)))
            if terms is None:  # once per table and columns (rows share their keys: see _column_keys_by_row)
                parts = layout.ROW_TOTAL_PARTS.get(row.table_no) or [k for k in keys if k != table.row_total]
                summed = [(p, -1, PART_TERM) for p in parts if p in keys]
                terms = terms_by[(row.table_no, id(keys))] = [(table.row_total, 1, TOTAL_TERM), *summed] if summed else []
            if terms:  # a total alone is no identity
                found.append(_Constraint.on_one_row(f"T{row.table_no} row {row.row_key}: total = sum of its columns",
                                                    i, terms))
    return found


def _hierarchy_sums(rows: list[_Row], by_table: dict[int, list[int]], keys: list[list[str]]) -> list[_Constraint]:
    """In every column: a subject = sum of the subjects directly under it (类 = its 款, 款 = its 项,
    or its 项 when the 款 is not printed), 合计 = sum of the top subjects."""
    found = []
    for no, members in by_table.items():
        if layout.TABLES[no].kind != "subject":
            continue
        coded = {code: i for i in members if (code := rows[i].row_code)}
        total = next((i for i in members if rows[i].row_key == "total"), None)
        children: dict[int, list[int]] = defaultdict(list)
        for code, i in coded.items():
            parent = total  # the nearest printed code above it, else the total
            for k in range(len(code) - 1, 2, -1):
                if code[:k] in coded:
                    parent = coded[code[:k]]
                    break
            if parent is not None:
                children[parent].append(i)
        for parent, parts in children.items():
            row_key = rows[parent].row_key
            family = f"T{no} {row_key} = sum of its sub-rows"
            for key in keys[parent]:
                found.append(_Constraint.in_one_column(f"T{no} column {key}: {row_key} = sum of its sub-rows",
                                                       parent, parts, key, family))
    return found


def _two_sided_sums(rows: list[_Row], index: dict[tuple[int, str, str], int], by_table: dict[int, list[int]],
                    keys: list[list[str]], blanks_known: dict[int, bool]) -> list[_Constraint]:
    found = []
    for no in (1, 4):
        for side, total, parts in layout.TWO_SIDED_SUMS:
            if (no, side, total) not in index:
                continue
            parent = index[(no, side, total)]
            if parts == (layout.CLASS_ROWS,):
                children = [i for i in by_table[no] if rows[i].section == side and rows[i].row_code]
            else:
                children = [index[(no, side, p)] for p in parts if (no, side, p) in index]
            if not children:
                continue
            family = f"T{no} {side} {total} = sum of its lines"
            for key in keys[parent]:
                found.append(_Constraint.in_one_column(f"T{no} {side} column {key}: {total} = sum of its lines",
                                                       parent, children, key, family))
        grand = index.get((no, "expenditure", "grand_total"))
        for income_key, column in layout.FUND_COLUMNS.items():
            begin = layout.FUND_SUBROWS[income_key][0]
            # both lines read: without its carry-over line (a label the extract broke) the sum is not
            # this identity; nor with its income line read blank where the number may be lost
            income_rows = [index[(no, "income", k)] for k in (income_key, begin) if (no, "income", k) in index]
            if grand is not None and len(income_rows) == 2 and column in keys[grand] \
                    and (blanks_known[no] or rows[income_rows[0]].values):
                found.append(_Constraint(
                    f"T{no} {column}: income + carry-over = 总计",
                    (grand, column), [(p, "amount") for p in income_rows], printed_rule=False))
    return found


def _cross_table(rows: list[_Row], index: dict[tuple[int, str, str], int], by_table: dict[int, list[int]],
                 keys: list[list[str]], t1_blanks_known: bool) -> list[_Constraint]:
    """Equalities between tables: T2 合计 = T1 income lines, T3 = T1 by class, T5 = T4 general
    budget column, T6 人员+公用 = T5 basic; and T3 >= T5 (T5 is the general-budget part of T3)."""
    found: list[_Constraint] = []

    def equal(name: str, left: tuple[int, str] | None, right: list[tuple[int, str]], family: str | None = None) -> None:
        if left is not None and right:
            found.append(_Constraint(name, left, right, printed_rule=False, family=family))

    def at(no: int, section: str, key: str, column: str) -> tuple[int, str] | None:
        i = index.get((no, section, key))
        return (i, column) if i is not None and column in keys[i] else None

    if by_table.get(1):
        for column, t1_keys in layout.T2_TOTAL_EQUALS_T1.items():
            income_lines = [p for k in t1_keys if (p := at(1, "income", k, "amount"))]
            # every template prints a column's first line (a fund's may be left out): without it read
            # (its label broken), the lines read are not the column
            # (nor, when it prints nothing, if Table 1's blanks may be lost numbers: see _income_blanks_known)
            first = at(1, "income", t1_keys[0], "amount")
            if first and (t1_blanks_known or rows[first[0]].values):
                equal(f"T2 合计 {column} = T1 income", at(2, "", "total", column), income_lines, "T2 合计 = T1 income lines")
        for i in by_table.get(3, []):
            t1_key = "total_expenditure" if rows[i].row_key == "total" else rows[i].row_key
            if rows[i].row_key == "total" or len(rows[i].row_key) == 3:
                right = at(1, "expenditure", t1_key, "amount")
                equal(f"T3 {rows[i].row_key} total = T1", at(3, "", rows[i].row_key, "total"), [right] if right else [])
    for i in by_table.get(5, []):
        key = rows[i].row_key
        t4_key = "total_expenditure" if key == "total" else key
        right = at(4, "expenditure", t4_key, "general_budget")
        if key == "total" or len(key) == 3:
            equal(f"T5 {key} total = T4 general budget", at(5, "", key, "total"), [right] if right else [])
        for column in ("basic", "project"):
            left = at(3, "", key, column)
            part = at(5, "", key, column)
            if left and part:
                found.append(_Constraint(f"T3 {key} {column} >= T5", left, [part],
                                         kind="ge", printed_rule=False))
    right6 = [p for k, (key, section) in layout.ECONOMIC_TOTAL_LABELS.items() if (p := at(6, section, key, "amount"))]
    equal("T6 人员经费 + 公用经费 = T5 basic", at(5, "", "total", "basic"), right6)
    return found


def _income_blanks_known(rows: list[_Row], index: dict[tuple[int, str, str], int], no: int) -> bool:
    """Whether the income lines of Table 1 or 4 that print nothing are known to be blank: not when
    the general-budget line (the one nearly every department prints a number on) was read without a
    number while the lines read do not add up to 本年收入合计. An extract that lost that number
    reads the line blank, and Table 2's columns, or Table 4's fund columns, would be made to equal
    the blanks."""
    general = index.get((no, "income", "general_budget_appropriation"))
    total_at = index.get((no, "income", "total_income"))
    if general is None or rows[general].values or total_at is None or not rows[total_at].values:
        return True
    keys = next(parts for side, key, parts in layout.TWO_SIDED_SUMS if (side, key) == ("income", "total_income"))
    lines = [rows[i] for key in keys if (i := index.get((no, "income", key))) is not None]
    total = rows[total_at]
    printed = sum((row.values[0].value for row in lines if row.values), Decimal(0))
    return abs(total.values[0].value - printed) <= total.half_unit * (len(lines) + 1)


# The solver counts in integers: every amount as a whole number of the smallest unit any amount
# or rounding tolerance of the document is printed in, so sums are exact and cheap (Decimal is not).
TOTAL_TERM, PART_TERM = 1, 2  # flags of a state: the placement prints a total term / a part term
# What a placement adds to a constraint: (signed sum of its terms, flags of the terms it prints).
_State = tuple[int, int]
# What a row's placements give a constraint's terms on the row: (placements count, the state of each placement
# in the order of row.options or None (see _placement_states), the distinct states, half a unit for every cell of
# the terms some placement prints).
_RowStates = tuple[int, list[_State] | None, set[_State], int]
_BLANK = frozenset({(0, 0)})  # the states of a term's cell that no placement prints
# What every way to place a count of values in a columns layout gives a constraint's terms on a row, whatever the
# values: (each distinct pattern among the placements: the signs of the values' terms and the flags of the terms
# they print; the pattern of each placement, by index, in the order of placements(); the terms whose cell some
# placement prints). The rows of one layout share them (see _Domain.patterns).
_Patterns = tuple[list[tuple[tuple[int, ...], int]], list[int], int]
_PatternsByTerms = dict[tuple[int, tuple[tuple[str, int, int], ...]], _Patterns]  # by (count of values, terms)


@dataclass
class _Domain:
    """A row as the solver sees it: its values as integers (see above) and its columns."""

    row: _Row
    values: list[int]
    keys: list[str]  # column_keys (shared by the rows of a table's columns, as are the positions)
    positions: dict[str, int]  # column key -> position among the row's columns
    half_unit: int
    patterns: _PatternsByTerms  # shared by the rows of the keys
    placement: dict[str, int] | None = None  # column -> value, once the row has one placement (see _placed_terms)


def _domains(rows: list[_Row]) -> list[_Domain]:
    """Every row as the solver sees it, its amounts scaled to integers of one common unit."""
    distinct = {v.value for row in rows for v in row.values} | {row.half_unit for row in rows}
    # each distinct number once (a document repeats its amounts across tables); any of its equal
    # representations has at least the places it needs
    places = max(map(_places, distinct), default=0)
    scale = Decimal(10) ** places
    integers = {d: int(d * scale) for d in distinct}
    # by the id of a row's columns: the keys, positions and patterns a table's rows share
    shared: dict[int, tuple[list[str], dict[str, int], _PatternsByTerms]] = {}
    domains = []
    for row in rows:
        columns = shared.get(id(row.columns))
        if columns is None:
            keys = column_keys(row)
            columns = shared[id(row.columns)] = (keys, {key: j for j, key in enumerate(keys)}, {})
        values = []  # a loop, not a comprehension (a call per row in Python 3.11)
        for value in row.values:
            values.append(integers[value.value])
        domains.append(_Domain(row, values, columns[0], columns[1], integers[row.half_unit], columns[2]))
    return domains


def _places(number: Decimal) -> int:
    """The digits of the number after the point (none for a positive exponent), read off its text when
    plain ('1407.170'): a fifth of the instructions of as_tuple, which builds a tuple of every digit."""
    text = str(number)
    if "E" in text:
        return max(0, -int(number.as_tuple().exponent))
    point = text.find(".")
    return 0 if point < 0 else len(text) - point - 1


def solve(rows: list[_Row], constraints: list[_Constraint]) -> set[int]:
    """Remove placements that no combination of the other rows' placements can reconcile with a
    constraint, until nothing changes. A constraint that would leave a row with no placement
    contradicts the printed numbers (the data-quality checks report it): it is dropped, with every
    other column of its identity, and the rows are placed again without them. The identity's
    other columns had narrowed the rows first, each alone satisfiable, so the column that failed
    was only the last one tried: what they decided is not evidence (a sub-row lost from an extract
    makes its parent's sum fail in every column but one, and that one would get the parent's
    number, certain and wrong). Returns the unbalanced rows (see _unbalanced)."""
    initial = [(row.options, len(row.decided_by)) for row in rows]
    unplaceable = {i for i, row in enumerate(rows) if not row.options}
    # over rows that can be placed
    usable = [c for c in constraints if unplaceable.isdisjoint(c.members)] if unplaceable else list(constraints)
    domains = _domains(rows)
    unbalanced = _unbalanced(domains, usable)
    if unbalanced:  # a row whose values add up under no placement was misread: no sum rests on it
        usable = [c for c in usable if unbalanced.isdisjoint(c.members)]
    while dead := _propagate_all(rows, domains, usable):
        dropped = {c.family for c in dead}
        usable = [c for c in usable if c.family not in dropped]
        for row, (options, decided) in zip(rows, initial, strict=True):
            row.options = options
            del row.decided_by[decided:]
        for constraint in usable:
            constraint.states = {}
        domains = _domains(rows)  # without the placements cached on the way
    return unbalanced


def _propagate_all(rows: list[_Row], domains: list[_Domain], usable: list[_Constraint]) -> list[_Constraint]:
    """Apply the constraints until nothing changes; the ones found contradicted."""
    open_placements: list[int] = []  # of each constraint: placements beyond one per row
    open_rows: list[int] = []  # of each constraint: its rows with several placements
    by_row: list[list[int]] = [[] for _ in rows]  # of each row: its constraints, if it has several placements
    beyond = [len(row.options) - 1 for row in rows]  # of each row: its placements beyond one
    for k, constraint in enumerate(usable):
        beyond_one, several = 0, 0
        for m in constraint.members:
            if beyond[m]:
                beyond_one += beyond[m]
                several += 1
                by_row[m].append(k)
        open_placements.append(beyond_one)
        open_rows.append(several)
    # the most constrained first: a constraint over known rows and one open row decides it at once
    queue = deque(sorted(filter(open_placements.__getitem__, range(len(usable))), key=open_placements.__getitem__))
    queued = [False] * len(usable)  # by constraint: whether it is in the queue (a list: cheaper than a set)
    for k in queue:
        queued[k] = True
    # a constraint applied with at most one open row holds for good; one whose last open rows other
    # constraints placed is checked when they are
    verified = [False] * len(usable)
    while queue:
        k = queue.popleft()
        queued[k] = False
        if not open_rows[k]:  # its rows were placed meanwhile: checked then
            continue
        verified[k] = open_rows[k] == 1
        for changed in _propagate(domains, usable[k]):
            placed = len(rows[changed].options) == 1  # one open row less in each of its constraints
            for other in by_row[changed]:
                if placed:
                    open_rows[other] -= 1
                    if not open_rows[other]:
                        if not verified[other] and not _holds(domains, usable[other]):
                            usable[other].dead = True
                        continue
                if not queued[other] and not usable[other].dead:
                    queue.append(other)
                    queued[other] = True
    return [c for c in usable if c.dead]


def columns_of_failing_sums(rows: list[_Row], constraints: list[_Constraint], among: set[int]) -> dict[int, set[str]]:
    """For the rows of `among`, placed: the columns in which they are a part of sums of their own table
    over placed rows that do not hold (printed sums that fail: the solver only checks what it applies)."""
    placed = [c for c in constraints if not among.isdisjoint(c.members)
              and all(len(rows[m].options) == 1 and rows[m].table_no == rows[c.members[0]].table_no for m in c.members)]
    failing: dict[int, set[str]] = defaultdict(set)
    domains = _domains(rows) if placed else []
    for constraint in placed:
        if not _holds(domains, constraint):
            for m in among.intersection(constraint.members):
                failing[m].update(column for column, _, flag in constraint.row_terms[m] if flag == PART_TERM)
    return failing


def _holds(domains: list[_Domain], constraint: _Constraint) -> bool:
    """Whether a constraint over placed rows holds."""
    return _satisfied(constraint, *_placed_terms(domains, constraint, constraint.members))


def _placed_terms(domains: list[_Domain], constraint: _Constraint, placed: Iterable[int]) -> tuple[int, int, int]:
    """What placed rows add to a constraint: (signed sum, flags, half a unit per printed cell)."""
    total, flags, tolerance = 0, 0, 0
    for m in placed:
        domain = domains[m]
        placement = domain.placement
        if placement is None:  # a placed row stays placed
            placement = domain.placement = {}
            for position, value in zip(domain.row.options[0], domain.values):
                placement[domain.keys[position]] = value
        for column, sign, flag in constraint.row_terms[m]:
            if column in placement:
                total += sign * placement[column]
                flags |= flag
                tolerance += domain.half_unit
    return total, flags, tolerance


def _unbalanced(domains: list[_Domain], constraints: list[_Constraint]) -> set[int]:
    """The rows whose columns are to be inferred (several placements) and whose printed values
    satisfy their own row identity (a constraint on the row alone: total = sum of its columns)
    under none of them: a value of a neighbouring row was read into the row, or one of its own
    was lost to a neighbour. A row that prints every column is placed whatever it sums to (the
    checks report a misprint). A row with several identities (Table 7: total = its items, vehicles
    = purchase + running, in the budget and the actual) must satisfy them all under one placement:
    each would otherwise decide it alone once another, failing, is dropped."""
    identities: dict[int, list[_Constraint]] = defaultdict(list)
    for constraint in constraints:
        if len(constraint.members) == 1 and len(domains[constraint.members[0]].row.options) > 1:
            identities[constraint.members[0]].append(constraint)
    return {m for m, own in identities.items() if not _holds_together(domains[m], own, m)}


def _holds_together(domain: _Domain, identities: list[_Constraint], m: int) -> bool:
    """Whether one placement of row m satisfies all its identities (constraints over the row alone).
    A row whose lines say where its values stand (Table 7 printed an item per row) is only asked to
    satisfy each: where the lines place a value, a failing sum is a misprint the checks report."""
    if len(identities) == 1 or domain.row.allowed is not None:
        for identity in identities:
            if not _holds_alone(domain, identity, m):
                return False
        return True
    holding = set(range(len(domain.row.options)))
    for identity in identities:
        _, states, distinct, tolerance = _row_states(domain, identity, m)
        good = _satisfying(identity, distinct, 0, 0, tolerance)
        holding &= {j for j, state in enumerate(_placement_states(domain, identity, m, states)) if state in good}
    return bool(holding)


def balances(row: _Row) -> bool:
    """Whether some placement of the row's values satisfies its row identity (true of a row that has
    none); the row's own placements are left as they are."""
    probe = replace(row, options=placements(row))
    if not probe.options:
        return False
    domain = _domains([probe])[0]
    return all(_holds_alone(domain, identity, 0) for identity in _row_identities([probe], [column_keys(probe)]))


def _holds_alone(domain: _Domain, constraint: _Constraint, m: int) -> bool:
    """Whether some placement of row m satisfies a constraint over that row alone."""
    _, _, distinct, tolerance = _row_states(domain, constraint, m)
    return bool(_satisfying(constraint, distinct, 0, 0, tolerance))


def _propagate(domains: list[_Domain], constraint: _Constraint) -> list[int]:
    """Apply one constraint over some open row; the rows whose placements it narrowed."""
    if constraint.dead:
        return []
    placed: list[int] = []
    variable: list[int] = []
    opened: list[_RowStates] = []  # of each variable row (see _row_states)
    tolerance = 0  # half a unit for every cell some remaining placement prints
    combinations = 1  # of the variable rows' distinct states
    for m in constraint.members:
        domain = domains[m]
        if len(domain.row.options) == 1:
            placed.append(m)
            continue
        row_states = _row_states(domain, constraint, m)
        variable.append(m)
        opened.append(row_states)
        tolerance += row_states[3]
        combinations *= len(row_states[2])
    # the placed rows add a constant (none to a row's own identity)
    base_sum, base_flags, placed_tolerance = _placed_terms(domains, constraint, placed) if placed else (0, 0, 0)
    tolerance += placed_tolerance
    good: Sequence[set[_State] | None]
    if len(opened) == 1:  # the common case: every other row is placed
        good = [_satisfying(constraint, opened[0][2], base_sum, base_flags, tolerance)]
    else:
        distinct = []  # of each variable row: its distinct states
        for row_states in opened:
            distinct.append(row_states[2])
        if combinations <= MAX_ENUMERATED:
            good = _good_states_enumerated(constraint, distinct, base_sum, base_flags, tolerance)
        else:
            good = _good_states(constraint, distinct, base_sum, base_flags, tolerance)
    narrowed: list[tuple[int, list[_State] | None, set[_State]]] = []
    for m, (_, row_states, reachable, _), kept in zip(variable, opened, good, strict=True):
        if kept is None:
            continue
        if not kept:
            constraint.dead = True
            return []
        if len(kept) < len(reachable):
            narrowed.append((m, row_states, kept))
    changed = []
    for m, row_states, kept in narrowed:
        row = domains[m].row
        row_states = _placement_states(domains[m], constraint, m, row_states)
        row.options = list(itertools.compress(row.options, map(kept.__contains__, row_states)))
        row.decided_by.append(constraint.name)
        changed.append(m)
    return changed


def _satisfying(constraint: _Constraint, states: set[_State], base_sum: int, base_flags: int,
                tolerance: int) -> set[_State]:
    """The states of the one open row that satisfy the constraint with the placed rows' (base_sum,
    base_flags): _satisfied, with the window worked out once."""
    low, high = _window(constraint, base_sum, tolerance)
    broken_by = constraint.broken_by
    good = set()  # loops, not comprehensions (each a call in Python 3.11): a row has a few states
    if broken_by is None or base_flags & TOTAL_TERM:  # the printed rule holds whatever the row prints
        for state in states:
            if low <= state[0] <= high:
                good.add(state)
    else:
        for state in states:
            if low <= state[0] <= high and base_flags | state[1] != broken_by:
                good.add(state)
    return good


def _window(constraint: _Constraint, base_sum: int, tolerance: int) -> tuple[int, float]:
    """The sums of the open rows' states with which the placed rows' base_sum satisfies the constraint
    (the printed rule aside)."""
    return -tolerance - base_sum, math.inf if constraint.kind == "ge" else tolerance - base_sum


def _satisfied(constraint: _Constraint, total: int, flags: int, tolerance: int) -> bool:
    """Whether the constraint holds for one combination of the rows' placements."""
    if constraint.kind == "ge":
        return total >= -tolerance
    return -tolerance <= total <= tolerance and flags != constraint.broken_by


def _good_states_enumerated(constraint: _Constraint, states: list[set[_State]], base_sum: int,
                            base_flags: int, tolerance: int) -> list[set[_State]]:
    """Per open row, its states that some combination of the other open rows' states completes:
    every combination tried (there are few)."""
    low, high = _window(constraint, base_sum, tolerance)
    broken_by = constraint.broken_by
    if len(states) == 2:  # the common cases, without a loop over each combination's states
        first, second = set(), set()
        for one in states[0]:
            for other in states[1]:
                if low <= one[0] + other[0] <= high and base_flags | one[1] | other[1] != broken_by:
                    first.add(one)
                    second.add(other)
        return [first, second]
    if len(states) == 3:
        first, second, third = set(), set(), set()
        for one in states[0]:
            for other in states[1]:
                for last in states[2]:
                    if low <= one[0] + other[0] + last[0] <= high \
                            and base_flags | one[1] | other[1] | last[1] != broken_by:
                        first.add(one)
                        second.add(other)
                        third.add(last)
        return [first, second, third]
    satisfying = []
    for combination in itertools.product(*states):
        total, flags = 0, base_flags
        for state_sum, state_flags in combination:
            total += state_sum
            flags |= state_flags
        if low <= total <= high and flags != broken_by:  # _satisfied, with the window worked out once
            satisfying.append(combination)
    # each row's states in some satisfying combination
    return list(map(set, zip(*satisfying))) if satisfying else [set() for _ in states]


def _good_states(constraint: _Constraint, states: list[set[_State]], base_sum: int, base_flags: int,
                 tolerance: int) -> list[set[_State] | None]:
    """Per open row, its states that some reachable sum of the other open rows' states completes,
    or None when those sums are too many to be informative (see _combine)."""
    prefix: list[set[_State] | None] = [{(base_sum, base_flags)}]
    for row_states in states[:-1]:
        prefix.append(_combine(prefix[-1], row_states))
    suffix: list[set[_State] | None] = [{(0, 0)}]
    for row_states in reversed(states[1:]):
        suffix.append(_combine(suffix[-1], row_states))
    suffix.reverse()
    good: list[set[_State] | None] = []
    # rows of the same states have the same others (sums of the same sets, in another order), and so
    # keep the same states: worked out once (a long sum's rows often print the same zero, or nothing)
    kept_by_states: dict[frozenset[_State], set[_State] | None] = {}
    for row_states, before, after in zip(states, prefix, suffix, strict=True):
        if not _few_enough(before, after):
            good.append(None)
            continue
        same = frozenset(row_states)
        if same not in kept_by_states:
            kept_by_states[same] = _completed_states(constraint, row_states, _combine(before, after), tolerance)
        good.append(kept_by_states[same])
    return good


def _completed_states(constraint: _Constraint, states: set[_State], others: set[_State] | None,
                      tolerance: int) -> set[_State] | None:
    """The states that some reachable sum of the other rows (`others`) completes; None when those
    sums are too many to be informative."""
    if others is None:
        return None
    ordered = _by_flags(others)
    completed = set()
    for total, flags in states:
        if _completed(constraint, total, flags, ordered, tolerance):
            completed.add((total, flags))
    return completed


def _by_flags(states: set[_State]) -> dict[int, list[int]]:
    """flags -> the sums of the states with those flags, in ascending order."""
    ordered: dict[int, list[int]] = defaultdict(list)
    for total, flags in sorted(states):
        ordered[flags].append(total)
    return ordered


def _completed(constraint: _Constraint, total: int, flags: int, reachable: dict[int, list[int]],
               tolerance: int) -> bool:
    """Whether some reachable sum of the other rows (flags -> the sums, in ascending order) completes
    the state (total, flags): _satisfied for any of them."""
    for other_flags, others in reachable.items():
        if constraint.kind == "ge":
            if total + others[-1] >= -tolerance:
                return True
        elif flags | other_flags != constraint.broken_by:
            nearest = bisect.bisect_left(others, -tolerance - total)  # the least sum not below the window
            if nearest < len(others) and others[nearest] <= tolerance - total:
                return True
    return False


def _row_states(domain: _Domain, constraint: _Constraint, m: int) -> _RowStates:
    """What row m's placements give the constraint (see _RowStates), cached until the row loses placements."""
    count = len(domain.row.options)
    cached = constraint.states.get(m)
    if cached is not None and cached[0] == count:
        return cached
    terms = constraint.row_terms[m]
    options = domain.row.options
    if len(terms) == 1:  # one cell: the value placed in it, if any
        column, sign, flag = terms[0]
        position = domain.positions.get(column)
        values = domain.values
        states = None  # each placement's only if the constraint narrows the row (see _placement_states)
        distinct = set()  # a loop, not a comprehension: most rows have a few placements, and a comprehension is a call
        for option in options:
            distinct.add((sign * values[option.index(position)], flag) if position in option else (0, 0))
        # the cell is printed by some placement unless every placement leaves it blank
        tolerance = 0 if distinct == _BLANK else domain.half_unit
    # a row's placements are some of the ways to place its values in its columns, in their order: as many
    # are all of them (until a constraint narrows the row), and each takes its state off its pattern's
    elif count == math.comb(len(domain.keys), len(domain.values)):
        patterns, of_placement, printed_terms = _patterns(domain, terms)
        pattern_states = []  # loops, not comprehensions (each a call in Python 3.11): a layout has a few patterns
        for signs, flags in patterns:
            total = 0
            for sign, value in zip(signs, domain.values):
                total += sign * value
            pattern_states.append((total, flags))
        states = list(map(pattern_states.__getitem__, of_placement))
        distinct = set(pattern_states)
        tolerance = printed_terms * domain.half_unit
    else:
        states = _sum_states(domain, terms)
        distinct = set(states)
        printed = set().union(*options)  # the positions some placement prints
        tolerance = 0
        for column, _, _ in terms:
            if domain.positions.get(column) in printed:
                tolerance += domain.half_unit
    cached = constraint.states[m] = (count, states, distinct, tolerance)
    return cached


def _patterns(domain: _Domain, terms: list[tuple[str, int, int]]) -> _Patterns:
    """The _Patterns of the row's layout and count of values for the terms, worked out for the first row of
    them (a row's placements are every placement until a constraint narrows them: see _row_states). A row
    identity's terms are the same on every row of a table, and a table has many more placements than
    patterns (a total and six parts in two values: 21 placements, 3 patterns)."""
    key = (len(domain.values), tuple(terms))
    found = domain.patterns.get(key)
    if found is not None:
        return found
    signs, flags = _term_signs(domain, terms)
    every = list(itertools.combinations(range(len(domain.keys)), len(domain.values)))  # as placements() lists them
    index: dict[tuple[tuple[int, ...], int], int] = {}
    of_placement = []
    for option in every:
        printed = 0
        for position in option:
            printed |= flags[position]
        of_placement.append(index.setdefault((tuple(map(signs.__getitem__, option)), printed), len(index)))
    printed_positions = set().union(*every)
    printed_terms = 0
    for column, _, _ in terms:
        if domain.positions.get(column) in printed_positions:
            printed_terms += 1
    found = domain.patterns[key] = (list(index), of_placement, printed_terms)
    return found


def _placement_states(domain: _Domain, constraint: _Constraint, m: int, states: list[_State] | None) -> list[_State]:
    """The state each of row m's placements gives the constraint, in the order of row.options: `states`
    as _row_states gave them (None for a term on one cell, worked out here: few such rows are narrowed)."""
    if states is not None:
        return states
    (column, sign, flag), = constraint.row_terms[m]
    position = domain.positions.get(column)
    values = domain.values
    states = []  # a loop, not a comprehension (a call in Python 3.11): a row has a few placements
    for option in domain.row.options:
        states.append((sign * values[option.index(position)], flag) if position in option else (0, 0))
    return states


def _sum_states(domain: _Domain, terms: list[tuple[str, int, int]]) -> list[_State]:
    """The state each of the row's placements gives a constraint through its several terms on the row
    (in the order of row.options): (signed sum, flags of the total and part terms it prints)."""
    options = domain.row.options
    values = domain.values
    signs, flags = _term_signs(domain, terms)
    states = []
    if len(values) == 2:  # the common cases, without a loop per value
        first, second = values
        for a, b in options:
            states.append((signs[a] * first + signs[b] * second, flags[a] | flags[b]))
        return states
    if len(values) == 3:
        first, second, third = values
        for a, b, c in options:
            states.append((signs[a] * first + signs[b] * second + signs[c] * third, flags[a] | flags[b] | flags[c]))
        return states
    for option in options:
        total, printed = 0, 0
        for position, value in zip(option, values):
            total += signs[position] * value
            printed |= flags[position]
        states.append((total, printed))
    return states


def _term_signs(domain: _Domain, terms: list[tuple[str, int, int]]) -> tuple[list[int], list[int]]:
    """The sign and the flag of the term on each of the row's columns, by position (0: no term)."""
    signs, flags = [0] * len(domain.positions), [0] * len(domain.positions)
    for column, sign, flag in terms:
        position = domain.positions.get(column)
        if position is not None:
            signs[position], flags[position] = sign, flag
    return signs, flags


def _combine(left: set[_State] | None, right: set[_State] | None) -> set[_State] | None:
    """All sums of one state from each side (the flags of both); None when there are too many to be
    informative (None on either side propagates)."""
    if not _few_enough(left, right):
        return None
    combined = set()
    for left_sum, left_flags in left:
        for right_sum, right_flags in right:
            combined.add((left_sum + right_sum, left_flags | right_flags))
    return combined if len(combined) <= MAX_PARTIAL_SUMS else None


def _few_enough(left: set[_State] | None, right: set[_State] | None) -> bool:
    """Whether the sums of one state from each side are few enough to be worked out (see _combine)."""
    return left is not None and right is not None and len(left) * len(right) <= MAX_PARTIAL_SUMS * 4
