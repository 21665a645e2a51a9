"""The altered finance-bureau PDF (../shared/corpus) raises alerts that the original does not.

The altered copy is the 2024 Putuo finance-bureau disclosure re-typeset with problems planted in
it. Found by comparing the two PDFs page by page (every value below is typed from them):
- Part 3 一: 收入支出总计 printed 0万元 (original 2995.39; Table 1 总计 2,995.39), so its
  year-on-year sentence (减少56.95万元，下降1.87%) implies a prior year of 56.95 and a 100 % fall;
- the direction words of three budget sentences turned: 行政运行 (2010601) 1560.05 -> 1511.89
  '大于', 职业年金缴费支出 (2080506) 80.81 -> 80.38 '大于', 行政单位医疗 (2101101)
  62.29 -> 60.99 '等于' (all three spent less than their budget);
- Table 3 (支出决算表) is gone;
- 截至2023年12月31日 in the state-assets paragraph (the year is 2024);
- Table 7 printed without its values (the original prints 预算数 0.95) and without a note;
- the template's placeholder in the Part 2 title (上海市普陀区XX局) and 2023年度 in the Part 3 title.
The parser, the loader and the rules are the real ones (dbt is not needed: the rules that read
marts.dim_document are skipped here).

The planted problem the rules do not see is the xfail test at the end (see its reason).
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dagster_project.defs.ingest.loader import load_documents
from dagster_project.defs.quality.engine import run_rules
from dagster_project.parsing import parse_file

ORIGINAL, ALTERED = "original", "altered"
FILES = {ORIGINAL: "shanghai-putuo-2024-finance-bureau.pdf", ALTERED: "shanghai-putuo-2024-finance-bureau-altered.pdf"}


@functools.cache
def _comparisons(corpus: Path) -> pd.DataFrame:
    """Both PDFs parsed, loaded into a fresh warehouse and checked (once per session)."""
    docs = [parse_file((corpus / name).read_bytes(), name, document_id, "pdf") for document_id, name in FILES.items()]
    with tempfile.TemporaryDirectory() as folder:
        warehouse = Path(folder) / "w.duckdb"
        load_documents(warehouse, docs, "load-1")
        con = duckdb.connect(str(warehouse))
        try:
            return run_rules(con, "check-1").comparisons
        finally:
            con.close()


@pytest.fixture
def comparisons(corpus_dir) -> pd.DataFrame:
    return _comparisons(corpus_dir)


def failed(comparisons: pd.DataFrame, document_id: str, rule_id: str, about: str = "") -> pd.DataFrame:
    """The failed comparisons of a rule in a document whose places mention `about`."""
    rows = comparisons[(comparisons["document_id"] == document_id) & (comparisons["rule_id"] == rule_id)
                       & (comparisons["outcome"] == "failed")]
    return rows[(rows["observed_at"] + " " + rows["expected_at"]).str.contains(about, regex=False)]


def test_both_documents_are_parsed_and_checked(comparisons):
    assert set(comparisons["document_id"]) == {ORIGINAL, ALTERED}


def test_the_zeroed_grand_total_is_an_error(comparisons):
    [row] = failed(comparisons, ALTERED, "N_TOTAL").itertuples()
    assert (row.severity, row.observed_value, row.expected_value) == ("error", 0.0, pytest.approx(2995.39))
    assert failed(comparisons, ORIGINAL, "N_TOTAL").empty


def test_the_change_percentage_no_longer_fits_the_zeroed_total(comparisons):
    # 56.95 / (0 + 56.95) = 100 %, printed 1.87 %
    [row] = failed(comparisons, ALTERED, "W_CHANGE_PCT", "total_yoy_change_pct").itertuples()
    assert (row.severity, row.observed_value, row.expected_value) == ("error", 1.87, pytest.approx(100.0))
    assert failed(comparisons, ORIGINAL, "W_CHANGE_PCT").empty


@pytest.mark.parametrize(("subject", "word"), [
    ("2010601", 1),  # 行政运行: 年初预算 1560.05, 决算 1511.89, printed 决算数大于预算数
    ("2080506", 1),  # 机关事业单位职业年金缴费支出: 80.81 -> 80.38, printed 大于
    ("2101101", 0),  # 行政单位医疗: 62.29 -> 60.99, printed 等于
])
def test_the_turned_budget_words_are_errors(comparisons, subject, word):
    [row] = failed(comparisons, ALTERED, "W_BUDGET_WORD", f"budget_final[{subject}]").itertuples()
    assert (row.severity, row.observed_value, row.expected_value) == ("error", word, -1)  # spent less
    assert failed(comparisons, ORIGINAL, "W_BUDGET_WORD").empty


def test_the_missing_expenditure_table_is_an_error(comparisons):
    [row] = failed(comparisons, ALTERED, "C_TABLE_PRESENT").itertuples()
    assert (row.severity, row.observed_value) == ("error", 0)
    assert row.observed_at.startswith("table 3 ")
    assert failed(comparisons, ORIGINAL, "C_TABLE_PRESENT").empty


def test_the_wrong_reporting_date_is_an_error(comparisons):
    [row] = failed(comparisons, ALTERED, "C_YEAR_MISMATCH", "截至2023年12月31日").itertuples()
    assert row.severity == "error"
    assert failed(comparisons, ORIGINAL, "C_YEAR_MISMATCH").empty


def test_the_emptied_three_public_table_is_a_warning(comparisons):
    [row] = failed(comparisons, ALTERED, "C_EMPTY_TABLE_NOTE", "table 7").itertuples()
    assert row.severity == "warn"
    assert failed(comparisons, ORIGINAL, "C_EMPTY_TABLE_NOTE").empty


def test_the_fiscal_total_differs_only_in_the_original(comparisons):
    """Not a plant: the original's own misprint (财政拨款收入支出总计0.3万元 against Table 4 总计
    2,961.68), which the altered copy prints right (2961.68万元)."""
    [row] = failed(comparisons, ORIGINAL, "N_FISCAL_TOTAL").itertuples()
    assert (row.observed_value, row.expected_value) == (0.3, pytest.approx(2961.68))
    assert failed(comparisons, ALTERED, "N_FISCAL_TOTAL").empty


def test_the_placeholder_in_the_part_heading_is_an_error(comparisons):
    # 第二部分 上海市普陀区XX局2024年度部门决算表 (page 7); the original prints 财政局
    [row] = failed(comparisons, ALTERED, "C_PLACEHOLDER", "第二部分上海市普陀区XX局2024年度部门决算表").itertuples()
    assert (row.severity, row.observed_value) == ("error", 1)
    assert failed(comparisons, ORIGINAL, "C_PLACEHOLDER").empty


def test_the_wrong_year_in_the_part_heading_is_an_error(comparisons):
    # 第三部分 上海市普陀区财政局2023年度部门决算情况说明 (page 18) and the 截至2023年12月31日 sentence:
    # two places, each counted once however many facts the sentence states
    [row] = failed(comparisons, ALTERED, "C_YEAR_MISMATCH", "2023年度部门决算情况说明").itertuples()
    assert (row.severity, row.observed_value) == ("error", 2)


@pytest.mark.xfail(strict=True, reason="the swap is in the content stream only: page 18 draws 一、收入支出决算总体情况"
                                       "说明 above 二、收入决算情况说明 (and page 25 一、财政拨款收入 above 二、事业收入), "
                                       "but the PDF writes 二 first, so a stream-order extract (pdftotext -raw) reads them "
                                       "swapped; the PDF parser reads positions (in order) and keeps no stream order")
def test_the_swapped_headings_are_reported(comparisons):
    assert not failed(comparisons, ALTERED, "C_HEADING_SEQUENCE").empty


def test_the_three_public_budget_missing_from_its_table_is_an_error(comparisons):
    # the narrative states 年初预算为0.95万元 (page 22) but Table 7 prints no value at all
    [row] = failed(comparisons, ALTERED, "C_EMPTY_TABLE_VS_NARRATIVE", "three_public_budget").itertuples()
    assert (row.severity, row.observed_value) == ("error", 0.95)
    assert row.expected_at.startswith("table 7 ")
    assert failed(comparisons, ORIGINAL, "C_EMPTY_TABLE_VS_NARRATIVE").empty
    assert failed(comparisons, ORIGINAL, "N_THREE_PUBLIC_UNPRINTED").empty


def test_the_headings_hold_in_the_original(comparisons):
    assert failed(comparisons, ORIGINAL, "C_HEADING_SEQUENCE").empty
