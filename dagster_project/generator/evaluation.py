"""Score the pipeline on a generated corpus: alerts against planted faults, and extraction
against the ground truth.

Alerts: a (document, rule) pair from the latest run's failed dq.dq_results rows of severity
'error' (or of any severity for a rule the fault mapping names), plus 'PARSE_FAILED' for a
document that did not parse and 'PARSE:<code>' for a parse issue of severity 'error' (or 'warn'
when the mapping names the code, e.g. PARSE:table_missing). The
mapping fault kind -> rules that reveal it is data: data/fault_rules.csv.
- recall of a kind: the share of its labels whose document has an alert of one of its rules;
- precision of a kind: of the alerts of its rules, the share on documents that carry a fault
  whose rules include the alert's rule (alerts no fault explains are false alarms).
Extraction: the share of the truth's printed values (cells and facts) found with the same key
and exactly the same value in raw.table_cells (certain cells) / raw.narrative_facts, over the
documents printed in full (not truncated, no table missing: without Table 5, for one, the columns
of Table 3's rows may be undecidable, and the parser rightly reports them ambiguous), text and
PDF separately.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from .corpus import META
from .truth import cell_key

FAULT_RULES_CSV = Path(__file__).parent / "data" / "fault_rules.csv"


def fault_rules() -> dict[str, set[str]]:
    rules: dict[str, set[str]] = defaultdict(set)
    with FAULT_RULES_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rules[row["kind"]].add(row["rule_id"])
    return dict(rules)


@dataclass
class KindScore:
    labels: int = 0
    detected: int = 0
    alerts: int = 0
    true_alerts: int = 0

    @property
    def recall(self) -> float:
        return self.detected / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.true_alerts / self.alerts if self.alerts else 1.0


@dataclass
class Evaluation:
    kinds: dict[str, KindScore]
    alerts: int
    true_alerts: int
    labels: int
    detected: int
    extraction: dict[str, tuple[int, int]]  # format -> (found, expected)
    false_alarms: dict[str, int] = field(default_factory=dict)  # rule -> alerts no fault explains
    missed: list[dict] = field(default_factory=list)

    def extraction_share(self, fmt: str) -> float | None:
        found, expected = self.extraction.get(fmt, (0, 0))
        return found / expected if expected else None


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_pipeline_on(corpus: Path, warehouse: Path) -> None:
    """The real pipeline (parse, load, dbt, checks) over `corpus` into `warehouse`."""
    from ..config import using_paths
    from ..pipeline import run_pipeline

    with using_paths(corpus, warehouse):
        result = run_pipeline()
    if not result.success:
        raise RuntimeError(f"the pipeline broke: {result.failure}")


def check_documents_on(corpus: Path, warehouse: Path) -> None:
    """The parser, the loader and the rules over `corpus` into `warehouse`, without Dagster and
    dbt (seconds instead of minutes): the rules across documents (Y_*, D_DEPARTMENT_RESOLVED)
    need marts.dim_document and are skipped. For quick tests of the generator, parser and rules."""
    from ..defs.ingest.discovery import discover
    from ..defs.ingest.loader import load_documents
    from ..defs.quality.engine import run_rules
    from ..parsing import parse_file

    docs = [parse_file(f.path.read_bytes(), f.source_path, f.document_id, f.source_format) for f in discover(corpus)]
    load_documents(warehouse, docs, "dq-eval")
    con = duckdb.connect(str(warehouse))
    try:
        run_rules(con, "dq-eval")
    finally:
        con.close()


def evaluate_warehouse(corpus: Path, warehouse: Path) -> Evaluation:
    labels = read_jsonl(corpus / META / "labels.jsonl")
    truth = {t["file"]: t for t in read_jsonl(corpus / META / "truth.jsonl")}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        documents = dict(con.execute("SELECT document_id, source_path FROM raw.documents WHERE withdrawn_at IS NULL").fetchall())
        alerts = _alerts(con)
        cells, facts = _extracted(con)
    finally:
        con.close()
    path_of = {doc_id: path for doc_id, path in documents.items() if path in truth}
    return _score(labels, truth, path_of, alerts, cells, facts)


def _alerts(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    mapped = sorted({rule for rules in fault_rules().values() for rule in rules})
    dq = con.execute(
        """SELECT DISTINCT document_id, rule_id FROM dq.dq_results
           WHERE run_id = (SELECT arg_max(run_id, checked_at) FROM dq.dq_results) AND NOT passed
             AND (severity = 'error' OR (severity <> 'info' AND list_contains(?, rule_id)))""", [mapped]).fetchall()
    failed = con.execute("SELECT document_id, 'PARSE_FAILED' FROM raw.documents WHERE status = 'failed'").fetchall()
    issues = con.execute("""SELECT DISTINCT document_id, 'PARSE:' || code FROM raw.parse_issues
                            WHERE severity = 'error' OR (severity <> 'info' AND list_contains(?, 'PARSE:' || code))""",
                         [mapped]).fetchall()
    return {(d, r) for d, r in dq + failed + issues if d}


def _extracted(con: duckdb.DuckDBPyConnection):
    cells = defaultdict(set)
    for doc_id, table_no, section, row_key, column_key, amount in con.execute(
            "SELECT document_id, table_no, section, row_key, column_key, amount FROM raw.table_cells WHERE certain").fetchall():
        cells[doc_id].add((*cell_key(table_no, section, row_key, column_key), Decimal(amount)))
    facts = defaultdict(set)
    for doc_id, key, subject, value in con.execute(
            "SELECT document_id, fact_key, subject, value FROM raw.narrative_facts").fetchall():
        facts[doc_id].add((key, subject, Decimal(value).normalize()))
    return cells, facts


def _score(labels, truth, path_of, alerts, cells, facts) -> Evaluation:
    rules = fault_rules()
    kinds = {kind: KindScore() for kind in rules}
    labels_by_path = defaultdict(list)
    for label in labels:
        labels_by_path[label["file"]].append(label)
    alerts_by_path = defaultdict(set)
    for doc_id, rule in alerts:
        alerts_by_path[path_of.get(doc_id, doc_id)].add(rule)
    missed = []
    for label in labels:
        score = kinds[label["kind"]]
        score.labels += 1
        if alerts_by_path[label["file"]] & rules[label["kind"]]:
            score.detected += 1
        else:
            missed.append(label)
    false_alarms: dict[str, int] = defaultdict(int)
    true_total = 0
    for path, fired in alerts_by_path.items():
        explained = set().union(*(rules[label["kind"]] for label in labels_by_path[path])) if labels_by_path[path] else set()
        for rule in fired:
            owners = [kind for kind, kind_rules in rules.items() if rule in kind_rules]
            hit = rule in explained
            true_total += hit
            if not hit:
                false_alarms[rule] += 1
            for kind in owners:
                kinds[kind].alerts += 1
                kinds[kind].true_alerts += hit
    extraction: dict[str, tuple[int, int]] = {}
    for doc_id, path in path_of.items():
        t = truth[path]
        if not t["complete"]:
            continue
        expected = [(*c[:4], Decimal(c[4])) for c in t["cells"]]
        found = sum(1 for c in expected if c in cells[doc_id])
        expected_facts = [(f[0], f[1], Decimal(f[2]).normalize()) for f in t["facts"]]
        found += sum(1 for f in expected_facts if f in facts[doc_id])
        f0, e0 = extraction.get(t["format"], (0, 0))
        extraction[t["format"]] = (f0 + found, e0 + len(expected) + len(expected_facts))
    total_alerts = sum(len(v) for v in alerts_by_path.values())
    return Evaluation(kinds=kinds, alerts=total_alerts, true_alerts=true_total, labels=len(labels),
                      detected=len(labels) - len(missed), extraction=extraction, false_alarms=dict(false_alarms),
                      missed=missed)


def evaluate(corpus: Path, keep_warehouse: Path | None = None, run=run_pipeline_on) -> Evaluation:
    """Run the pipeline (or `run`, e.g. check_documents_on) on the corpus into a temporary
    warehouse (or `keep_warehouse`) and score it."""
    if keep_warehouse:
        run(corpus, keep_warehouse)
        return evaluate_warehouse(corpus, keep_warehouse)
    with tempfile.TemporaryDirectory(prefix="fdw-dq-eval-") as tmp:
        warehouse = Path(tmp) / "warehouse.duckdb"
        run(corpus, warehouse)
        return evaluate_warehouse(corpus, warehouse)
