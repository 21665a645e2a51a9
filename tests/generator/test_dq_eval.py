"""`fdw dq-eval` end to end: generate a corpus with planted faults, run the whole pipeline on it
(parse, load, dbt, checks) and score the alerts against the labels."""

from __future__ import annotations

import pytest

from dagster_project.generator.corpus import Spec, generate
from dagster_project.generator.evaluation import Evaluation, evaluate


def _failures(result: Evaluation, target: float) -> list[str]:
    return [f"{kind}: recall {score.recall:.3f} precision {score.precision:.3f}"
            for kind, score in result.kinds.items() if score.recall < target or score.precision < target]


def test_every_planted_fault_of_a_small_corpus_is_found_and_nothing_else(tmp_path):
    corpus = tmp_path / "corpus"
    manifest = generate(corpus, Spec(departments=6, years=range(2021, 2025), seed=7, fault_rate=0.6))
    planted = {kind for kind in manifest["counts"] if not kind.startswith("documents_")}
    assert len(planted) >= 5  # most kinds are exercised by this seed

    result = evaluate(corpus)

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
