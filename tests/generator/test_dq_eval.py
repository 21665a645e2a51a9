"""`fdw dq-eval` end to end: generate a corpus with planted faults, run the whole pipeline on it
(parse, load, dbt, checks) and score the alerts against the labels."""

from __future__ import annotations

import pytest

from dagster_project.generator.corpus import Spec, generate
from dagster_project.generator.evaluation import Evaluation, check_documents_on, evaluate
from dagster_project.generator.faults import FAULT_KINDS


def _failures(result: Evaluation, target: float) -> list[str]:
    return [f"{kind}: recall {score.recall:.3f} precision {score.precision:.3f}"
            for kind, score in result.kinds.items() if score.recall < target or score.precision < target]


def test_every_planted_fault_of_a_small_corpus_is_found_and_nothing_else(tmp_path):
    # parser, loader and rules without Dagster and dbt (the full pipeline takes over a minute even
    # on 20 documents): the carry-over chain needs the marts, so that kind is left to the slow test
    corpus = tmp_path / "corpus"
    kinds = tuple(k for k in FAULT_KINDS if k != "carryover_break")
    manifest = generate(corpus, Spec(departments=5, years=range(2021, 2025), seed=2, fault_rate=0.6, kinds=kinds))
    planted = {kind for kind in manifest["counts"] if not kind.startswith("documents_")}
    assert planted == set(kinds)  # this seed plants every kind

    result = evaluate(corpus, run=check_documents_on)

    assert result.labels > 0 and result.detected == result.labels, result.missed
    assert result.true_alerts == result.alerts, result.false_alarms
    assert _failures(result, 1.0) == []
    assert result.extraction_share("text") == 1.0


@pytest.mark.slow
def test_dq_eval_meets_the_targets_on_500_documents(tmp_path):
    corpus = tmp_path / "corpus"
    generate(corpus, Spec(departments=63, years=range(2018, 2026), seed=11, fault_rate=0.3), workers=2)

    result = evaluate(corpus)

    assert _failures(result, 0.99) == [], (result.missed[:10], result.false_alarms)
    assert result.extraction_share("text") == 1.0
