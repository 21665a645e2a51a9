"""`fdw status` shows what the parser could not read: a document whose extraction tool listed a
table's labels apart from its numbers loads, and its table_out_of_order error is listed with the
file and line."""

from __future__ import annotations

from dagster_project.cli import main
from dagster_project.config import using_paths
from dagster_project.defs.ingest.loader import load_documents
from dagster_project.parsing.text_document import parse_text

# Table 1 as pdfminer prints it: each column's labels, then its header, then its numbers.
SCRAMBLED = """\
某区财政局2023年度部门决算
收入支出决算总表
单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入
二、政府性基金预算财政拨款收入
决算数
100.00
一、一般公共服务支出
二、外交支出
决算数
80.00
20.00
"""


def test_status_lists_the_tables_an_extract_scrambled(tmp_path, capsys):
    warehouse = tmp_path / "warehouse.duckdb"
    doc = parse_text(SCRAMBLED.encode("utf-8"), "2023/some-bureau-pdfminer.txt", "d1")
    load_documents(warehouse, [doc], "run-1")
    with using_paths(tmp_path / "raw", warehouse):
        assert main(["status"]) == 0
    shown = capsys.readouterr().out
    section = shown[shown.index("Parse errors"):shown.index("Ambiguous cells")]
    [row] = [line for line in section.splitlines() if "table_out_of_order" in line]
    # the line of the second 决算数, printed after a number of the table
    assert "2023/some-bureau-pdfminer" in row and " 12 " in row, section
