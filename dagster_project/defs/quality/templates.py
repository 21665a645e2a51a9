"""SQL builders for the families of accounting identities.

Every builder returns ONE set-based statement over all documents that yields comparison rows:
document_id, expected, observed, n_terms, decimals, expected_at, observed_at.
`observed` is what one place printed, `expected` what another place (or a sum / ratio of
places) says it should be; `n_terms` counts the independently rounded printed terms of a sum,
`decimals` is the printed precision of the observed number (percentages, narrative amounts).
The statements read the views the engine creates (see engine.VIEWS_SQL): dq_cells, dq_facts,
dq_fact1 (the first statement of each fact), dq_docs.
"""

from __future__ import annotations

from dataclasses import dataclass

CLASS_ROWS = r"^\d{3}$"  # function classes (201) and economic classes (301)
SUBJECT_ROWS = r"^\d{3}(\d{2}){0,2}$"  # 类, 款 and 项 codes
PARENT_KEY = "CASE length(row_key) WHEN 5 THEN left(row_key, 3) WHEN 7 THEN left(row_key, 5) END"


def lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def in_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(lit(v) for v in values) + ")"


def case_map(expr: str, mapping: dict[str, str]) -> str:
    """SQL that maps the values of `expr` through `mapping` (NULL for others)."""
    whens = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in mapping.items())
    return f"CASE {expr} {whens} END"


@dataclass(frozen=True)
class Cells:
    """A selection of printed cells of one table."""

    table: int
    section: str | None = None
    rows: tuple[str, ...] = ()
    row_regex: str | None = None
    columns: tuple[str, ...] = ("amount",)
    exclude_rows: tuple[str, ...] = ()

    def where(self) -> str:
        parts = [f"table_no = {self.table}"]
        if self.section is not None:
            parts.append(f"section = {lit(self.section)}")
        if self.rows:
            parts.append(f"row_key IN {in_list(self.rows)}")
        if self.row_regex:
            parts.append(f"regexp_full_match(row_key, {lit(self.row_regex)})")
        if self.exclude_rows:
            parts.append(f"row_key NOT IN {in_list(self.exclude_rows)}")
        if self.columns:
            parts.append(f"column_key IN {in_list(self.columns)}")
        return " AND ".join(parts)


def cell_sum(total: Cells, terms: Cells, total_key: str = "''", term_key: str = "''") -> str:
    """Each printed total cell (observed) against the sum of the printed term cells (expected)
    that share its match key (e.g. the same row, the same column, the parent subject)."""
    return f"""
    WITH total AS (SELECT *, {total_key} AS k FROM dq_cells WHERE {total.where()}),
         terms AS (SELECT *, {term_key} AS k FROM dq_cells WHERE {terms.where()})
    SELECT total.document_id,
           sum(terms.amount) AS expected,
           any_value(total.amount) AS observed,
           count(*) AS n_terms,
           NULL::INTEGER AS decimals,
           'the sum of ' || count(*) || ' printed cells (' ||
               left(string_agg(terms.short, ' + ' ORDER BY terms.line_start, terms.row_key, terms.column_key), 400)
               || ')' AS expected_at,
           any_value(total.loc) AS observed_at
    FROM total JOIN terms ON terms.document_id = total.document_id AND terms.k = total.k
    GROUP BY total.document_id, total.table_no, total.section, total.row_key, total.column_key
    """


@dataclass(frozen=True)
class FactOp:
    """A value stated in the narrative (the first statement of it). With `subject` set the operand
    is one fixed value per document; without, it is keyed by the fact's subject."""

    keys: tuple[str, ...]
    subject: str | None = None

    def relation(self) -> str:
        subject = f" AND subject = {lit(self.subject)}" if self.subject is not None else ""
        k = "NULL::VARCHAR" if self.subject is not None else "subject"
        return (f"SELECT document_id, {k} AS k, value, loc FROM dq_fact1 "
                f"WHERE fact_key IN {in_list(self.keys)}{subject}")


@dataclass(frozen=True)
class CellOp:
    """A printed cell. `key` maps the cell to the subject it speaks about (SQL over the cell);
    None makes it one fixed value per document (the selection must name one cell)."""

    cells: Cells
    key: str | None = None

    def relation(self) -> str:
        k = self.key or "NULL::VARCHAR"
        return f"SELECT document_id, {k} AS k, amount AS value, loc FROM dq_cells WHERE {self.cells.where()}"


@dataclass(frozen=True)
class FactSumOp:
    """The sum of stated parts (e.g. 货物 + 工程 + 服务) as the value of one subject."""

    keys: tuple[str, ...]
    parts: tuple[str, ...]
    subject: str = "total"

    def relation(self) -> str:
        return (f"SELECT document_id, {lit(self.subject)} AS k, sum(value) AS value, "
                f"'the sum of the stated parts (' || string_agg(short, ' + ' ORDER BY line_start) || ')' AS loc "
                f"FROM dq_fact1 WHERE fact_key IN {in_list(self.keys)} AND subject IN {in_list(self.parts)} "
                "GROUP BY document_id")


Operand = tuple[FactOp | CellOp | FactSumOp, ...]  # alternatives: the first one present wins


def _alternatives(alternatives: Operand) -> str:
    """The relation (priority, document_id, k, value, loc) of every alternative of an operand."""
    return " UNION ALL ".join(
        f"SELECT {i} AS priority, * FROM ({alt.relation()})" for i, alt in enumerate(alternatives)
    )


def operand(alternatives: Operand) -> str:
    """The relation (document_id, k, value, loc) of an operand: per document and key, the value
    of the first alternative that has one."""
    return (f"SELECT document_id, k, value, loc FROM ({_alternatives(alternatives)}) "
            "QUALIFY row_number() OVER (PARTITION BY document_id, k ORDER BY priority) = 1")


def _joins(alias: str, base: str) -> str:
    return f"{alias}.document_id = {base}.document_id AND ({alias}.k IS NULL OR {alias}.k = {base}.subject)"


def stated_facts(key: str, subjects: tuple[str, ...] = ()) -> str:
    only = f" AND subject IN {in_list(subjects)}" if subjects else ""
    return f"SELECT * FROM dq_facts WHERE fact_key = {lit(key)}{only}"


def fact_vs(key: str, expected: Operand, subjects: tuple[str, ...] = ()) -> str:
    """Every statement of narrative fact `key` (observed) against the tables' value (expected)."""
    return f"""
    WITH f AS ({stated_facts(key, subjects)}), e AS ({operand(expected)})
    SELECT f.document_id, e.value AS expected, f.value AS observed, 1 AS n_terms, f.decimals,
           e.loc AS expected_at, f.loc AS observed_at
    FROM f JOIN e ON {_joins('e', 'f')}
    """


def fact_sum(total: Operand, term_keys: tuple[str, ...], min_terms: int,
             term_subjects: tuple[str, ...] = ()) -> str:
    """A stated (or printed) total (observed) against the sum of the stated parts (expected)."""
    only = f" AND subject IN {in_list(term_subjects)}" if term_subjects else ""
    return f"""
    WITH t AS ({operand(total)}),
         parts AS (SELECT * FROM dq_fact1 WHERE fact_key IN {in_list(term_keys)}{only})
    SELECT t.document_id, sum(parts.value) AS expected, any_value(t.value) AS observed, count(*) AS n_terms,
           NULL::INTEGER AS decimals,
           'the sum of the stated parts (' || string_agg(parts.short, ' + ' ORDER BY parts.line_start) || ')' AS expected_at,
           any_value(t.loc) AS observed_at
    FROM t JOIN parts USING (document_id)
    GROUP BY t.document_id
    HAVING count(*) >= {min_terms}
    """


def percent(key: str, numerator: Operand, denominator: Operand, subjects: tuple[str, ...] = ()) -> str:
    """Every stated percentage (observed) against 100 x numerator / denominator (expected),
    judged by the percentage's own printed precision. Of the alternatives (the amounts the
    narrative states, the tables' amounts) the pair that agrees best is taken: a percentage
    computed from the tables is right even when the narrative misstates an amount, which the
    amount's own rule reports. With `subjects`, only the percentages of those subjects."""
    return f"""
    WITH p AS (SELECT row_number() OVER () AS fact_no, * FROM ({stated_facts(key, subjects)})),
         n AS ({_alternatives(numerator)}), d AS ({_alternatives(denominator)})
    SELECT p.document_id, 100 * n.value / d.value AS expected, p.value AS observed, NULL::INTEGER AS n_terms,
           p.decimals,
           '100 x ' || n.loc || ' / ' || d.loc AS expected_at, p.loc AS observed_at
    FROM p JOIN n ON {_joins('n', 'p')} JOIN d ON {_joins('d', 'p')}
    WHERE d.value <> 0
    QUALIFY row_number() OVER (PARTITION BY p.fact_no
                               ORDER BY abs(100 * n.value / d.value - p.value), n.priority, d.priority) = 1
    """


def union(*statements: str) -> str:
    """One statement out of several comparison statements."""
    return "\nUNION ALL\n".join(f"SELECT * FROM ({sql})" for sql in statements)
