"""The corpus generator: deterministic, identities exact in clean documents, faults labelled,
carry-overs and year-on-year figures chained across a department's years."""

from __future__ import annotations

import functools
import json
import random
import re
from decimal import Decimal

import pytest

from dagster_project.generator.accounts import department_years, make_department, name_slots
from dagster_project.generator.corpus import META, Spec, department_documents, ensure_demo_corpus, generate
from dagster_project.generator.faults import FAULT_KINDS, transposed, truncate
from dagster_project.generator.layout import percent
from dagster_project.parsing.text_document import parse_text

YEARS = range(2019, 2023)


def _cells(output) -> dict[tuple, Decimal]:
    return {tuple(c[:4]): Decimal(c[4]) for c in output.truth["cells"]}


def _facts(output) -> dict[tuple, Decimal]:
    return {(f[0], f[1]): Decimal(f[2]) for f in output.truth["facts"]}


def _read_and_truth(output) -> tuple[list[tuple], list[tuple]]:
    """The narrative facts the parser reads from a generated document, and those its truth lists."""
    parsed = parse_text(output.data, "document.txt", "document")
    read = sorted((f.fact_key, f.subject, f.value) for f in parsed.facts)
    return read, sorted((key, subject, Decimal(value)) for key, subject, value, _ in output.truth["facts"])


def test_same_seed_same_bytes_other_seed_other_bytes():
    first = department_documents(Spec(1, YEARS, seed=5, fault_rate=0.5), 3)
    again = department_documents(Spec(1, YEARS, seed=5, fault_rate=0.5), 3)
    other = department_documents(Spec(1, YEARS, seed=6, fault_rate=0.5), 3)
    assert [o.data for o in first] == [o.data for o in again]
    assert [o.labels for o in first] == [o.labels for o in again]
    assert [o.data for o in first] != [o.data for o in other]


def test_parallel_generation_writes_the_same_corpus(tmp_path):
    spec = Spec(6, YEARS, seed=9, fault_rate=0.3)
    generate(tmp_path / "serial", spec, workers=1)
    generate(tmp_path / "parallel", spec, workers=3)
    serial = sorted(p.relative_to(tmp_path / "serial") for p in (tmp_path / "serial").rglob("*") if p.is_file())
    parallel = sorted(p.relative_to(tmp_path / "parallel") for p in (tmp_path / "parallel").rglob("*") if p.is_file())
    assert serial == parallel
    for rel in serial:
        assert (tmp_path / "serial" / rel).read_bytes() == (tmp_path / "parallel" / rel).read_bytes(), rel


@pytest.mark.parametrize("number", range(1, 13))
def test_identities_hold_exactly_in_clean_documents(number):
    for output in department_documents(Spec(1, YEARS, seed=21), number):
        c, f = _cells(output), _facts(output)
        income = [v for (t, s, r, k), v in c.items() if t == 1 and s == "income" and r not in
                  ("total_income", "use_of_non_fiscal_balance", "carryover_begin", "grand_total")]
        classes = [v for (t, s, r, k), v in c.items() if t == 1 and r.isdigit()]
        t1 = {(s, r): v for (t, s, r, k), v in c.items() if t == 1}
        assert sum(income) == t1["income", "total_income"]
        assert sum(classes) == t1["expenditure", "total_expenditure"]
        begin = t1.get(("income", "carryover_begin"), Decimal(0))
        end = t1.get(("expenditure", "carryover_end"), Decimal(0))
        assert t1["income", "total_income"] + begin == t1["income", "grand_total"] == t1["expenditure", "grand_total"]
        assert t1["expenditure", "total_expenditure"] + end == t1["expenditure", "grand_total"]
        for table, parts in ((2, ("fiscal_appropriation", "business", "other")), (3, ("basic", "project")), (5, ("basic", "project"))):
            rows = {r for (t, _s, r, _k) in c if t == table}
            for row in rows:
                total = c[(table, "", row, "total")]
                assert total == sum(c.get((table, "", row, p), Decimal(0)) for p in parts), (table, row)
                if row.isdigit() and len(row) in (3, 5):  # 类 = sum of its 款, 款 = sum of its 项
                    children = [r for r in rows if r.startswith(row) and len(r) == len(row) + 2]
                    assert total == sum(c[(table, "", r, "total")] for r in children), (table, row)
            assert c[(table, "", "total", "total")] == sum(c[(table, "", r, "total")] for r in rows if r.isdigit() and len(r) == 3)
        assert c[(3, "", "total", "total")] == t1["expenditure", "total_expenditure"]
        t6 = {r: v for (t, _s, r, _k), v in c.items() if t == 6}
        assert t6["personnel_total"] + t6["public_total"] == c[(5, "", "total", "basic")]
        assert t6["301"] == sum(v for r, v in t6.items() if r.startswith("301") and len(r) == 5)
        t7 = {k: v for (t, _s, _r, k), v in c.items() if t == 7}
        for m in ("budget", "actual"):
            assert t7[f"{m}_total"] == t7[f"{m}_outbound"] + t7[f"{m}_vehicle_subtotal"] + t7[f"{m}_reception"]
            assert t7[f"{m}_vehicle_subtotal"] == t7[f"{m}_vehicle_purchase"] + t7[f"{m}_vehicle_operation"]
        # the narrative restates the tables
        assert f["total_income_expenditure", "total"] == t1["income", "grand_total"]
        assert f["gpb_expenditure", "total"] == c[(5, "", "total", "total")]
        assert f["basic_personnel", "total"] == t6["personnel_total"]
        shares = [(k, s) for (k, s) in f if k == "gpb_class_share_pct"]
        for key, cls in shares:
            decimals = -f[key, cls].as_tuple().exponent
            assert f[key, cls] == percent(int(c[(5, "", cls, "total")] * 100), int(c[(5, "", "total", "total")] * 100), decimals)


def test_carry_overs_and_prior_year_figures_chain():
    outputs = department_documents(Spec(1, range(2018, 2026), seed=4), 2)
    for before, after in zip(outputs, outputs[1:], strict=False):
        b, a = _cells(before), _cells(after)
        assert a.get((1, "income", "carryover_begin", "amount"), 0) == b.get((1, "expenditure", "carryover_end", "amount"), 0)
        now, then = a[(1, "income", "grand_total", "amount")], b[(1, "income", "grand_total", "amount")]
        assert _facts(after)["total_yoy_change", "total"] == abs(now - then)


def test_a_planted_carry_over_break_is_labelled_with_both_values():
    for number in range(1, 40):
        outputs = department_documents(Spec(1, range(2018, 2026), seed=8, fault_rate=0.4, kinds=("carryover_break",)), number)
        for before, after in zip(outputs, outputs[1:], strict=False):
            for label in after.labels:
                begin = _cells(after)[(1, "income", "carryover_begin", "amount")]
                end_before = _cells(before).get((1, "expenditure", "carryover_end", "amount"), Decimal(0))
                assert begin != end_before
                assert label["printed"] != label["true"]
                assert label["printed"] in after.data.decode("utf-8") or after.path.endswith(".pdf")
                return
    pytest.fail("no carry-over break planted in 39 departments at rate 0.4")


@pytest.mark.parametrize("kind", [k for k in FAULT_KINDS if k != "carryover_break"])
def test_every_fault_kind_is_planted_and_labelled(kind):
    spec = Spec(1, YEARS, seed=3, fault_rate=1.0, kinds=(kind,))
    clean = Spec(1, YEARS, seed=3)
    for number in range(1, 6):
        faulty, good = department_documents(spec, number), department_documents(clean, number)
        labelled = [o for o in faulty if o.labels]
        assert labelled, f"no {kind} in department {number}"
        for output in labelled:
            label = output.labels[0]
            assert label["kind"] == kind and label["file"] == output.path and label["where"]
            text = output.data.decode("utf-8", errors="ignore")
            if kind in ("transposed_digit", "wrong_percentage", "class_total_off", "name_misprint"):
                assert label["printed"] != label["true"]
                assert label["printed"] in text
            if kind == "missing_table":
                assert output.truth["cells"] and not any(c[0] == int(label["where"].split()[1]) for c in output.truth["cells"])
            if kind == "truncated_file":
                assert not output.truth["complete"]
        same = [g for g, f in zip(good, faulty, strict=True) if not f.labels]
        assert all(g.data for g in same)


def test_transposition_swaps_adjacent_different_digits():
    assert transposed("1,407.17") == "1,407.71"
    assert transposed("0.08") == "0.80"
    assert transposed("11.11") is None


def test_truncation_keeps_whole_utf8_characters():
    data = "收入支出决算总表".encode()
    for share in (0.1, 0.3, 0.5, 0.77):
        truncate(data, share).decode("utf-8")  # raises if a character was cut


def test_departments_vary_in_kind_region_and_size():
    depts = [make_department(slot, n) for n, slot in enumerate(name_slots(1)[:60])]
    assert len({d.kind for d in depts}) >= 8
    assert len({d.region for d in depts}) >= 6
    sizes = [department_years(d, range(2020, 2021), random.Random(n))[1][0].total_expenditure for n, d in enumerate(depts)]
    assert max(sizes) > 10 * min(sizes)


def test_demo_corpus_is_generated_once(tmp_path):
    target = ensure_demo_corpus(tmp_path)
    files = sorted(target.rglob("*.txt"))
    assert len(files) == 120  # 30 departments x 4 years
    manifest = json.loads((target / META / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["formats"] == ["text"]
    stamp = files[0].stat().st_mtime_ns
    ensure_demo_corpus(tmp_path)
    assert files[0].stat().st_mtime_ns == stamp


def test_no_two_departments_of_a_corpus_share_a_name():
    slots = name_slots(5)
    names = [make_department(slot, n).full_name for n, slot in enumerate(slots)]
    assert len(set(names)) == len(names) > 200
    first_round = [slot.kind for slot in slots[:120]]  # every kind in every region before any repeat
    assert len(set(first_round)) == 15 and all(first_round.count(k) == 8 for k in set(first_round))


def test_some_documents_name_the_parts_of_their_expenditure_before_the_values():
    # '其中：基本支出、项目支出分别为 X 万元、Y 万元，分别占本年支出的 a%、b%': one document in four,
    # read as the truth says
    listed = [output for number in range(1, 9) for output in department_documents(Spec(1, YEARS, seed=5), number)
              if "基本支出、项目支出分别为" in output.data.decode("utf-8")]
    assert len(listed) >= 3
    for output in listed:
        parsed = parse_text(output.data, "document.txt", "document")
        facts = {(f.fact_key, f.subject): f.value for f in parsed.facts if f.fact_key.startswith("expenditure_")}
        truth = {key: value for key, value in _facts(output).items() if key[0].startswith("expenditure_")}
        assert set(truth) == {("expenditure_total", "total"), ("expenditure_amount", "basic"),
                              ("expenditure_amount", "project"), ("expenditure_share_pct", "basic"),
                              ("expenditure_share_pct", "project")}
        assert facts == truth


@pytest.mark.parametrize("templates", ["standard", "provincial"])
def test_the_narrative_of_a_clean_document_parses_to_its_truth_fact_for_fact(templates):
    # the truth lists every fact the text prints (the staff of each kind, the units consolidated),
    # so bench/bench_damage.py can count a fact it lacks as wrong
    for number in range(1, 7):
        for output in department_documents(Spec(1, YEARS, seed=13, templates=templates), number):
            read, truth = _read_and_truth(output)
            assert read == truth, output.path


# The 三公 paragraph's other wordings, each taken by one document in four (document.WORDING_BITS):
# the pattern that finds a document printing it (in its text with the spaces and line breaks taken
# out), and the facts it must print.
THREE_PUBLIC_WORDINGS = {
    # Guangdong: the budget inside the completion rate ('支出决算为 X 万元，完成预算 B 万元的 P%'), for
    # the total and each budgeted item (the template prints no item's budget; reception always has one)
    "budget_in_rate": (r"支出决算为[\d,.]+万元，完成预算[\d,.]+万元的[\d.]+%",
                       {("three_public_budget", "total"), ("three_public_budget", "official_reception"),
                        ("three_public_completion_pct", "official_reception")}),
    # each reception count with its change on the year before, which is no fact
    "reception_changes": (r"国内公务接待\d+批次，(?:较上年(?:增加|减少)\d+批次|与上年持平)；"
                          r"国内公务接待\d+人次，(?:较上年(?:增加|减少)\d+人次|与上年持平)",
                          {("reception_batches", "total"), ("reception_persons", "total")}),
    # a percentage from 1,000 up with a thousands separator (the 三公 spending's change on a small year)
    "grouped_counts": (r"增长\d{1,3}(?:,\d{3})+(?:\.\d+)?%", {("three_public_yoy_change_pct", "total")}),
}


@functools.cache
def _worded_corpus(templates: str) -> list:
    """36 documents, made once per template for the wordings' tests (the 2023 document of department
    10 prints '1,427.4%')."""
    return [output for number in range(1, 13)
            for output in department_documents(Spec(1, range(2021, 2024), seed=5, templates=templates), number)]


@pytest.mark.parametrize("wording", sorted(THREE_PUBLIC_WORDINGS))
@pytest.mark.parametrize("templates", ["standard", "provincial"])
def test_documents_with_each_three_public_wording_parse_to_their_truth_fact_for_fact(templates, wording):
    pattern, printed = THREE_PUBLIC_WORDINGS[wording]
    worded = [output for output in _worded_corpus(templates) if re.search(pattern, re.sub(r"\s+", "", output.data.decode("utf-8")))]
    assert worded, f"no document of the corpus prints the {wording} wording"
    for output in worded:
        truth = _facts(output)
        assert printed <= set(truth), output.path
        if wording == "reception_changes":  # the truth holds the counts only, not their changes
            assert {key for key in truth if key[0].startswith("reception_")} <= {
                ("reception_batches", "total"), ("reception_persons", "total"),
                ("reception_batches", "foreign"), ("reception_persons", "foreign")}, output.path
        if wording == "grouped_counts":
            assert truth["three_public_yoy_change_pct", "total"] >= 1000, output.path
        read, truth_facts = _read_and_truth(output)
        assert read == truth_facts, output.path
