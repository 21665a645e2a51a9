"""Template hygiene over the recorded headings, titles and headers: placeholders, years other than
the fiscal year, numbering out of sequence, and Table 7 left blank where the narrative states
its values. Each on the hand-built document of documents.py, broken one way at a time."""

from __future__ import annotations

from dataclasses import replace

import duckdb
from documents import NAME, heading, holding_document, set_cell, set_fact
from test_rules import check

from dagster_project.defs.ingest.loader import load_documents


def failures(comparisons, rule_id: str):
    return comparisons[(comparisons["rule_id"] == rule_id) & (comparisons["outcome"] == "failed")]


def _retitle_heading(doc, text: str, new_text: str):
    doc.headings = [replace(h, text=new_text) if h.text == text else h for h in doc.headings]
    return doc


def test_the_loader_writes_the_headings_in_document_order(tmp_path):
    load_documents(tmp_path / "w.duckdb", [holding_document()], "load-1")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        rows = con.execute("SELECT heading_no, level, number, text, part, list_no, line_start "
                           "FROM raw.document_headings ORDER BY heading_no").fetchall()
    finally:
        con.close()
    assert len(rows) == 3 + 13 + 2 + 1
    assert rows[0] == (1, "part", 1, f"第一部分 {NAME}概况", "profile", 1, 3000)
    assert rows[3] == (4, "section", 1, "一、收入支出决算总体情况说明", "narrative", 2, 3003)
    assert rows[-1] == (19, "part", 4, "第四部分 名词解释", "glossary", 1, 3018)


def test_swapped_sections_are_out_of_sequence(tmp_path):
    doc = holding_document()
    first, second = doc.headings[3], doc.headings[4]  # 一、收入支出…, 二、收入决算…
    doc.headings[3:5] = [replace(second, provenance=first.provenance), replace(first, provenance=second.provenance)]
    [row] = failures(check(tmp_path, [doc]), "C_HEADING_SEQUENCE").itertuples()
    # 二 opens the list, 一 follows 二, 三 follows 一: three headings out of sequence
    assert (row.severity, row.observed_value) == ("warn", 3)
    assert row.observed_at.startswith("«二、收入决算情况说明», line 3003 starts its list at 2; "
                                      "«一、收入支出决算总体情况说明», line 3004 follows «二、收入决算情况说明», line 3003")


def test_a_heading_numbered_in_another_style_is_reported_once(tmp_path):
    # (一)…, 二、…, (三)… in one list (as the Wuhan extract's 第四部分 prints them)
    doc = holding_document()
    doc.headings += [heading("subsection", 1, "(一)加强党支部标准化建设", "other", 9, line=4001),
                     heading("section", 2, "二、聚焦主责主业主线", "other", 9, line=4002),
                     heading("subsection", 3, "(三)坚决扛起疫情防控责任", "other", 9, line=4003)]
    [row] = failures(check(tmp_path, [doc]), "C_HEADING_SEQUENCE").itertuples()
    assert row.observed_value == 1
    assert row.observed_at == "«二、聚焦主责主业主线», line 4002 is numbered as a section in a list of subsections"


def test_a_list_nested_in_a_deeper_heading_may_restart(tmp_path):
    doc = holding_document()
    doc.headings += [heading("section", 1, "一、是加强对项目绩效评价工作的关注度", "narrative", 9, line=4001),
                     heading("section", 2, "二、是紧抓项目工作经费控制", "narrative", 9, line=4002)]
    comparisons = check(tmp_path, [doc])
    assert failures(comparisons, "C_HEADING_SEQUENCE").empty
    assert (comparisons["rule_id"] == "C_HEADING_SEQUENCE").sum() == 1


def test_a_year_in_a_part_title_other_than_the_fiscal_year_is_an_error(tmp_path):
    doc = _retitle_heading(holding_document(), f"第三部分 {NAME}2023年度部门决算情况说明",
                           f"第三部分 {NAME}2022年度部门决算情况说明")
    [row] = failures(check(tmp_path, [doc]), "C_YEAR_MISMATCH").itertuples()
    assert (row.severity, row.observed_value) == ("error", 1)
    assert row.observed_at == f"2022 in «第三部分 {NAME}2022年度部门决算情况说明» (part heading, line 3002)"


def test_a_sentence_that_states_several_facts_is_one_place(tmp_path):
    # 截至 2022 年 12 月 31 日 in a 2023 document, in a sentence that states two facts
    sentence = "截至 2022 年 12 月 31 日，共有车辆 1 辆，其中：一般公务用车 1 辆。"
    doc = holding_document()
    vehicles = next(f for f in doc.facts if f.fact_key == "vehicles_total")
    doc.facts = [f for f in doc.facts if f is not vehicles] + [
        replace(vehicles, sentence=sentence), replace(vehicles, fact_key="vehicles_by_kind", subject="一般公务用车",
                                                      sentence=sentence, provenance=replace(vehicles.provenance, line_start=2999))]
    [row] = failures(check(tmp_path, [doc]), "C_YEAR_MISMATCH").itertuples()
    assert row.observed_value == 1


def test_a_year_in_a_subsection_or_a_sentence_is_not_a_title(tmp_path):
    # '与 2022 年度相比' is what sentences say; a subsection may name the year before
    doc = holding_document()
    doc.headings.append(heading("subsection", 3, "(三)2022年度结转项目执行情况", "narrative", 3, line=3010))
    assert failures(check(tmp_path, [doc]), "C_YEAR_MISMATCH").empty


def test_a_placeholder_in_a_heading_or_a_column_header_is_an_error(tmp_path):
    doc = _retitle_heading(holding_document(), f"第二部分 {NAME}2023年度部门决算表", "第二部分 江城市XX局2023年度部门决算表")
    doc.cells = [replace(c, column_label="某某经费") if c.table_no == 7 and c.column_key == "actual_total" else c
                 for c in doc.cells]
    [row] = failures(check(tmp_path, [doc]), "C_PLACEHOLDER").itertuples()
    assert (row.severity, row.observed_value) == ("error", 2)
    assert "«第二部分 江城市XX局2023年度部门决算表» (part heading, line 3001)" in row.observed_at
    assert "«某某经费» (table 7 column header)" in row.observed_at


def _blank_table_7(doc):
    doc.cells = [c for c in doc.cells if c.table_no != 7]
    return doc


def test_a_blank_table_7_while_the_narrative_states_its_budget_is_one_error(tmp_path):
    # no expenditure stated (决算 0), only the budget 6.00: Table 7 printed without a value
    doc = _blank_table_7(holding_document())
    doc.facts = [f for f in doc.facts if f.fact_key != "three_public_actual"]
    comparisons = check(tmp_path, [doc])
    [row] = failures(comparisons, "C_EMPTY_TABLE_VS_NARRATIVE").itertuples()
    assert (row.severity, row.observed_value) == ("error", 6.0)
    assert "three_public_budget[total]" in row.observed_at
    assert failures(comparisons, "N_THREE_PUBLIC_UNPRINTED").empty  # the whole table is the finding


def test_a_stated_item_whose_table_7_cell_is_blank_is_an_error(tmp_path):
    doc = set_cell(holding_document(), 7, "three_public", "actual_reception", None)
    [row] = failures(check(tmp_path, [doc]), "N_THREE_PUBLIC_UNPRINTED").itertuples()
    assert (row.severity, row.observed_value, row.expected_value) == ("error", 0, 1)
    assert row.expected_at == "table 7 column actual_reception (not printed)"
    assert "three_public_actual[official_reception] printed 0.50" in row.observed_at


def test_a_zero_left_blank_or_a_cell_of_uncertain_column_is_not_missing(tmp_path):
    # reception stated 0 and left blank; the total printed in a cell whose column is not decided
    doc = set_fact(set_cell(holding_document(), 7, "three_public", "actual_reception", None),
                   "three_public_actual", "official_reception", "0")
    doc.cells = [replace(c, column_key=None, certain=False, candidates=("budget_total", "actual_total"))
                 if c.table_no == 7 and c.column_key == "budget_total" else c for c in doc.cells]
    comparisons = check(tmp_path, [doc])
    assert failures(comparisons, "N_THREE_PUBLIC_UNPRINTED").empty
    assert failures(comparisons, "C_EMPTY_TABLE_VS_NARRATIVE").empty
