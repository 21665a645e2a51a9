"""The two real documents' own inconsistencies, found by reading them and doing their arithmetic
by hand (values typed from the documents). They run the real text parser and the loader."""

import duckdb
import pytest

from dagster_project.defs.ingest.loader import load_documents
from dagster_project.defs.quality.engine import run_rules

try:
    from dagster_project.parsing.text_document import parse_text
except ImportError as exc:  # the parser modules are written in parallel
    parse_text = None
    PARSER_MISSING = f"the text parser is not importable yet ({exc})"


def findings(corpus_dir, tmp_path, name):
    if parse_text is None:
        pytest.skip(PARSER_MISSING)
    doc = parse_text((corpus_dir / name).read_bytes(), name, "doc")
    load_documents(tmp_path / "w.duckdb", [doc], "load-1")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        return run_rules(con, "run-1").comparisons
    finally:
        con.close()


def found(comparisons, rule_id, observed, expected=None):
    """The outcomes and severities of `rule_id` where `observed` (and `expected`) were compared."""
    rows = comparisons[(comparisons["rule_id"] == rule_id) & (comparisons["observed_value"].round(4) == observed)]
    if expected is not None:
        rows = rows[(rows["expected_value"] - expected).abs() < 0.01]
    return set(zip(rows["outcome"], rows["severity"]))


@pytest.fixture
def wuhan(corpus_dir, tmp_path):
    return findings(corpus_dir, tmp_path, "wuhan-qiaokou-2021-party-office.txt")


@pytest.fixture
def shanghai(corpus_dir, tmp_path):
    return findings(corpus_dir, tmp_path, "shanghai-putuo-2024-finance-bureau.raw.txt")


def test_wuhan_real_inconsistencies(wuhan):
    # 一般公共服务 支出决算 1,407.71 in the narrative, 1,407.17 in table 5 (transposed digits)
    assert found(wuhan, "N_BUDGET_FINAL", 1407.71, 1407.17) == {("failed", "error")}
    # ... so the narrative's class 支出决算 no longer add up to its total 1,568.88 (sum 1,569.42)
    assert found(wuhan, "N_BUDGET_SUM", 1568.88, 1569.42) == {("failed", "error")}
    # 完成率 100.0% against 1,407.71 / 399.47 = 352.4%
    assert found(wuhan, "N_COMPLETION_RATE", 100.0, 100 * 1407.71 / 399.47) == {("failed", "error")}
    # 卫生健康 42.4 (one decimal) for 42.39: a rounding note
    assert found(wuhan, "N_CLASS_AMOUNT", 42.4, 42.39) == {("note", "info")}
    # class budgets 399.47 + 64.7 + 52.47 + 54.68 = 571.32 against 571.31 (4 terms): a note
    assert found(wuhan, "N_BUDGET_SUM", 571.31, 571.32) == {("note", "info")}
    # procurement 799.03 + 0 + 21.15 = 820.18 against 820.17: a note
    assert found(wuhan, "N_PROCUREMENT_SUM", 820.17, 820.18) == {("note", "info")}
    # performance funds 1,568.88 = 100.0% of the gpb project expenditure 1,071.53 (146.4%)
    assert found(wuhan, "N_PERF_FUNDS_SHARE", 100.0, 100 * 1568.88 / 1071.53) == {("failed", "error")}
    # 机关运行经费 51.78 against 公用经费合计 51.79
    assert found(wuhan, "N_ADMIN_COST", 51.78, 51.79) == {("failed", "warn")}
    # the name misprint 侨口 for 硚口
    assert found(wuhan, "D_NAME_MISPRINT", 1) == {("failed", "warn")}
    # 第四部分 numbers its three items （一）, 二、, （三） (lines 1773, 1904, 2029): 二、 should read （二）
    assert found(wuhan, "C_HEADING_SEQUENCE", 1) == {("failed", "warn")}
    [where] = wuhan[wuhan["rule_id"] == "C_HEADING_SEQUENCE"]["observed_at"]
    assert where.startswith("«二、聚焦主责主业主线") and "line 1904" in where


def test_wuhan_raises_nothing_where_the_numbers_add_up(wuhan):
    errors = wuhan[(wuhan["outcome"] == "failed") & (wuhan["severity"] == "error")]
    assert set(errors["rule_id"]) == {"N_BUDGET_FINAL", "N_BUDGET_SUM", "N_COMPLETION_RATE", "N_PERF_FUNDS_SHARE"}
    assert len(errors) == 4
    # tables: every within- and cross-table identity holds exactly
    tables = wuhan[wuhan["rule_id"].str.match(r"^(T\d|X)_")]
    assert len(tables) > 0 and tables["outcome"].eq("passed").all()


def test_shanghai_real_inconsistencies(shanghai):
    # table 1 prints 社会保障和就业 326.71, tables 3 / 4 / 5: 326.72
    assert found(shanghai, "X_T3_T1_CLASS", 326.72, 326.71) == {("failed", "error")}
    # narrative 财政拨款收入支出总计 0.3 万元 against table 4 总计 2,961.68
    assert found(shanghai, "N_FISCAL_TOTAL", 0.3, 2961.68) == {("failed", "error")}
    # 一般公共服务 share 71.73% against 2106.66 / 2940.05 = 71.65%
    assert found(shanghai, "N_CLASS_SHARE", 71.73, 100 * 2106.66 / 2940.05) == {("failed", "error")}
    # table 6 302: 12 printed items sum to 171.09 against 171.07: a rounding note
    assert found(shanghai, "T6_CLASS_SUM", 171.07, 171.09) == {("note", "info")}
    # the item budgets: 11 items sum to 2,993.93 against 年初预算 2,993.92: a note
    assert found(shanghai, "N_BUDGET_SUM", 2993.92, 2993.93) == {("note", "info")}
    # ... and table 4 prints it 326.71 too, against table 5's 326.72
    assert found(shanghai, "X_T5_T4_CLASS", 326.72, 326.71) == {("failed", "error")}


def test_shanghai_raises_nothing_else(shanghai):
    errors = shanghai[(shanghai["outcome"] == "failed") & (shanghai["severity"] == "error")]
    assert sorted(errors["rule_id"]) == ["N_CLASS_SHARE", "N_FISCAL_TOTAL", "X_T3_T1_CLASS", "X_T5_T4_CLASS"]


@pytest.mark.parametrize("rule_id", ["C_PLACEHOLDER", "C_YEAR_MISMATCH", "C_HEADING_SEQUENCE", "N_THREE_PUBLIC_UNPRINTED"])
def test_the_shanghai_template_is_clean(shanghai, rule_id):
    """No placeholder, no other year, headings in order (its (八) is run into the line of (七),
    line 58), and Table 7's 0.95 printed (in cells whose column the text does not decide)."""
    rows = shanghai[shanghai["rule_id"] == rule_id]
    assert len(rows) > 0 and rows["outcome"].eq("passed").all()


@pytest.mark.parametrize("rule_id", ["C_PLACEHOLDER", "C_YEAR_MISMATCH", "N_THREE_PUBLIC_UNPRINTED"])
def test_the_wuhan_template_is_clean(wuhan, rule_id):
    rows = wuhan[wuhan["rule_id"] == rule_id]
    assert len(rows) > 0 and rows["outcome"].eq("passed").all()
