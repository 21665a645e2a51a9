"""The one engine: run every rule's statement over the warehouse, judge each comparison with the
rule's rounding model, keep the run's comparisons in dq.comparisons (what the GX suites validate)
and append them to dq.dq_results in one insert."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from ..ingest.loader import ensure_schema
from .rules import RULES, Rule

# The relations the rules read: the documents in force, their certain cells and their facts, each
# with a location string that names the place in the document.
VIEWS_SQL = r"""
CREATE OR REPLACE TEMP VIEW dq_docs AS
SELECT document_id, source_path, fiscal_year, department_name
FROM raw.documents WHERE withdrawn_at IS NULL AND status IN ('parsed', 'no_values');

CREATE OR REPLACE TEMP VIEW dq_cells AS
SELECT c.document_id, c.table_no, c.section, c.row_key, c.column_key, c.amount, c.printed, c.row_label,
       c.line_start, c.page,
       'T' || c.table_no || ' ' || c.row_key || '/' || c.column_key || ' ' || c.printed AS short,
       'table ' || c.table_no || CASE WHEN c.section <> '' THEN ' ' || c.section ELSE '' END
           || ' row ' || coalesce(nullif(c.row_label, ''), c.row_key) || ' [' || c.row_key || '] column '
           || c.column_key || ' printed ' || c.printed
           || coalesce(', line ' || c.line_start, '') || coalesce(', page ' || c.page, '') AS loc
FROM raw.table_cells c JOIN dq_docs USING (document_id)
WHERE c.certain AND c.column_key IS NOT NULL AND c.amount IS NOT NULL;

CREATE OR REPLACE TEMP VIEW dq_facts AS
SELECT f.document_id, f.section, f.fact_key, f.subject, f.value, f.unit, f.printed, f.qualifier, f.sentence,
       f.line_start, f.page,
       length(regexp_extract(f.printed, '[0-9]\.([0-9]+)', 1)) AS decimals,
       CASE WHEN f.qualifier IN ('增加', '增长', '上升', '提高', '增') THEN 1
            WHEN f.qualifier IN ('减少', '下降', '降低', '减') THEN -1
            WHEN f.qualifier IN ('持平', '无变化') THEN 0 END AS sign,
       f.fact_key || '[' || f.subject || '] ' || f.printed AS short,
       'narrative ' || f.fact_key || '[' || f.subject || '] printed ' || f.printed || ' in «' || f.sentence || '»'
           || coalesce(', line ' || f.line_start, '') || coalesce(', page ' || f.page, '') AS loc
FROM raw.narrative_facts f JOIN dq_docs USING (document_id);

CREATE OR REPLACE TEMP VIEW dq_fact1 AS
SELECT * FROM dq_facts
QUALIFY row_number() OVER (PARTITION BY document_id, fact_key, subject
                           ORDER BY page NULLS FIRST, line_start NULLS LAST) = 1;
"""

COMPARISON_COLUMNS = ("document_id", "expected", "observed", "n_terms", "decimals", "expected_at", "observed_at")
RAW_COMPARISONS_DDL = """
CREATE OR REPLACE TEMP TABLE raw_comparisons (
    rule_id VARCHAR, document_id VARCHAR, expected DOUBLE, observed DOUBLE, n_terms INTEGER, decimals INTEGER,
    expected_at VARCHAR, observed_at VARCHAR
)
"""

# Judge every comparison: the band of the rule's rounding model, then passed / note / failed.
JUDGE_SQL = """
CREATE OR REPLACE TABLE dq.comparisons AS
WITH c AS (
    SELECT raw.*, rules.severity AS rule_severity, rules.model, rules.description,
           round(CAST(raw.observed AS DOUBLE) - CAST(raw.expected AS DOUBLE), 6) AS difference,
           CASE rules.model
               WHEN 'sum' THEN coalesce(raw.n_terms, 1) * 0.005
               WHEN 'printed' THEN greatest(0.5 * pow(10, -coalesce(raw.decimals, 2)), 0.005)
               WHEN 'percent' THEN 0.5 * pow(10, -coalesce(raw.decimals, 0))
               ELSE 0 END AS band
    FROM raw_comparisons raw JOIN rules USING (rule_id)
),
judged AS (
    SELECT *, CASE WHEN abs(difference) < 1e-9 THEN 'passed'
                   WHEN abs(difference) <= band + 1e-9 THEN CASE WHEN model = 'percent' THEN 'passed' ELSE 'note' END
                   ELSE 'failed' END AS outcome
    FROM c
)
SELECT ? AS run_id, document_id, rule_id,
       CASE outcome WHEN 'note' THEN 'info' ELSE rule_severity END AS severity,
       outcome = 'passed' AS passed, outcome,
       CAST(expected AS DOUBLE) AS expected_value, CAST(observed AS DOUBLE) AS observed_value, difference,
       band, n_terms, decimals, expected_at, observed_at,
       rule_id || ' (' || description || '): ' || observed_at || ' -- against ' || expected_at
           || ' = ' || CAST(round(CAST(expected AS DOUBLE), 4) AS VARCHAR)
           || '; difference ' || CAST(difference AS VARCHAR)
           || CASE outcome WHEN 'passed' THEN ' (holds)'
                           WHEN 'note' THEN ' (within the rounding band of ' || CAST(round(band, 4) AS VARCHAR) || ': a rounding note)'
                           ELSE ' (outside the rounding band of ' || CAST(round(band, 4) AS VARCHAR) || ')' END AS message,
       CAST(? AS TIMESTAMP) AS checked_at
FROM judged
"""

APPEND_RESULTS_SQL = """
INSERT INTO dq.dq_results (run_id, document_id, rule_id, severity, passed, expected_value, observed_value,
                           difference, message, checked_at)
SELECT run_id, document_id, rule_id, severity, passed, expected_value, observed_value, difference, message, checked_at
FROM dq.comparisons
"""

@dataclass(frozen=True)
class RunSummary:
    run_id: str
    comparisons: pd.DataFrame  # dq.comparisons of this run
    skipped: dict[str, str]  # rule_id -> why it did not run

    def failed(self, severity: str | None = None) -> pd.DataFrame:
        rows = self.comparisons[self.comparisons["outcome"] == "failed"]
        return rows if severity is None else rows[rows["severity"] == severity]


def _relation_exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, name = qualified.split(".")
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, name]
    ).fetchall()[0][0])


def comparison_sql(rule: Rule) -> str:
    """The rule's statement, its columns fixed and tagged with the rule id."""
    columns = ", ".join(COMPARISON_COLUMNS)
    return f"SELECT '{rule.rule_id}' AS rule_id, {columns} FROM ({rule.sql}) AS comparisons"


def run_rules(con: duckdb.DuckDBPyConnection, run_id: str, rules: Iterable[Rule] = RULES,
              now: datetime | None = None) -> RunSummary:
    """Run `rules` over every document in force, write dq.comparisons and append to dq.dq_results
    (one transaction). A rule whose extra relations (e.g. marts.dim_document) are missing is skipped."""
    rules = list(rules)
    ensure_schema(con)  # raw.* and dq.dq_results, as the loader creates them
    con.execute(VIEWS_SQL)
    skipped = {r.rule_id: f"missing {', '.join(x for x in r.requires if not _relation_exists(con, x))}"
               for r in rules if not all(_relation_exists(con, x) for x in r.requires)}
    runnable = [r for r in rules if r.rule_id not in skipped]
    con.register("rules", pd.DataFrame(
        [{"rule_id": r.rule_id, "severity": r.severity, "model": r.model, "description": r.description} for r in rules]))
    con.execute(RAW_COMPARISONS_DDL)
    for rule in runnable:
        con.execute("INSERT INTO raw_comparisons BY NAME " + comparison_sql(rule))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(JUDGE_SQL, [run_id, now or datetime.now()])
        con.execute(APPEND_RESULTS_SQL)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.unregister("rules")
    comparisons = con.execute("SELECT * FROM dq.comparisons ORDER BY rule_id, document_id").df()
    return RunSummary(run_id, comparisons, skipped)
