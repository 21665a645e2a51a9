"""Markdown extracts (pymupdf4llm and other PDF-to-Markdown converters): tables written as pipe
rows, headings marked with '#', paragraphs on one line with the section headings run into them.
The document is made up for these tests, in the shape pymupdf4llm gives a disclosure."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.text_document import parse_text

DOCUMENT = """\
# 某某区某某局2021年度部门决算

## 第二部分 某某区某某局2021年度部门决算表

### 收入支出决算总表

单位：万元

|收入||支出||
|---|---|---|---|
|项目|决算数|项目|决算数|
|一、一般公共预算财政拨款收入|100.00|一、一般公共服务支出|80.00|
|二、政府性基金预算财政拨款收入||二、外交支出||
|||七、文化旅游体育与传媒支<br>出|5.00|
|本年收入合计|100.00|本年支出合计|85.00|
|使用非财政拨款结余||结余分配||
|年初结转和结余|10.00|年末结转和结余|25.00|
|总计|110.00|总计|110.00|

第三部分 某某区某某局2021年度部门决算情况说明 一、收入支出决算总体情况说明 2021年度收入支出总计110.00万元。 \
二、收入决算情况说明 2021年度收入合计100.00万元。其中：财政拨款收入100.00万元，占本年收入 100.0%。 \
三、支出决算情况说明 2021年度支出合计85.00万元。

- 七、“三公”经费支出决算情况说明 1.因公出国(境)费支出决算为0.00万元。 2.公务接待费支出决算为**1.20**万元。
"""


def test_pipe_rows_are_read_as_table_rows_and_a_cell_broken_with_br_is_one_label() -> None:
    doc = parse_text(DOCUMENT.encode(), "x.md", "x")
    cells = {(c.section, c.row_key): (c.printed, c.certain) for c in doc.cells if c.table_no == 1}
    assert cells[("income", "general_budget_appropriation")] == ("100.00", True)
    assert cells[("expenditure", "201")] == ("80.00", True)
    assert cells[("expenditure", "207")] == ("5.00", True)
    assert cells[("expenditure", "total_expenditure")] == ("85.00", True)
    assert cells[("income", "carryover_begin")] == ("10.00", True)
    assert cells[("expenditure", "grand_total")] == ("110.00", True)
    assert ("income", "gov_fund_appropriation") not in cells  # a blank cell is no value
    line_of_201 = next(c.provenance.line_start for c in doc.cells if c.row_key == "201")
    assert line_of_201 == 12  # the line the file shows


def test_headings_run_into_a_paragraph_line_each_start_their_section() -> None:
    doc = parse_text(DOCUMENT.encode(), "x.md", "x")
    facts = {(f.fact_key, f.subject): (f.value, f.provenance.line_start) for f in doc.facts}
    assert facts[("total_income_expenditure", "total")] == (Decimal("110.00"), 20)
    assert facts[("income_total", "total")] == (Decimal("100.00"), 20)
    assert facts[("expenditure_total", "total")] == (Decimal("85.00"), 20)
    assert facts[("three_public_actual", "outbound_travel")] == (Decimal("0.00"), 22)
    assert facts[("three_public_actual", "official_reception")] == (Decimal("1.20"), 22)
    assert [(h.level, h.text) for h in doc.headings if h.provenance.line_start == 20] == [
        ("part", "第三部分 某某区某某局2021年度部门决算情况说明"), ("section", "一、收入支出决算总体情况说明"),
        ("section", "二、收入决算情况说明"), ("section", "三、支出决算情况说明")]


def test_a_text_without_markdown_marks_is_split_as_before() -> None:
    text = "一、收入支出决算总体情况说明 2021年度收入支出总计110.00万元。\n- 6.20\n"
    assert [line.text for line in split_lines(text)] == ["一、收入支出决算总体情况说明 2021年度收入支出总计110.00万元。", "- 6.20"]


SUBJECT_TABLE = """\
### 收入决算表

单位：万元

|科目编码|科目名称|本年收入合计|财政拨款收入|
|---|---|---|---|
||合计|30.00|30.00|
|208|社会保障和就业支出|30.00|30.00|
|208 05|行政事业单位养老支出|30.00|30.00|
|208 05<br>01|行政单位离退休|20.00|20.00|
|<sup>208</sup> 05<br>02|事业单位离退休|10.00|10.00|
"""


def test_a_code_broken_with_br_keeps_its_parts_and_inline_tags_are_dropped() -> None:
    doc = parse_text(SUBJECT_TABLE.encode(), "x.md", "x")
    cells = {(c.row_key, c.column_key): (c.printed, c.certain) for c in doc.cells if c.table_no == 2}
    assert cells[("2080501", "total")] == ("20.00", True)
    assert cells[("2080502", "fiscal_appropriation")] == ("10.00", True)
    assert cells[("208", "total")] == ("30.00", True)


def test_a_table_with_bars_between_its_cells_and_no_separator_row_is_read_too() -> None:
    # a table copied from a web page: '|' between the cells, no '|---|' row under the header
    text = SUBJECT_TABLE.replace("|---|---|---|---|\n", "").replace("### ", "")
    doc = parse_text(text.encode(), "x.txt", "x")
    assert {(c.row_key, c.column_key): c.certain for c in doc.cells if c.table_no == 2}[("2080501", "total")]


def test_an_amount_a_converter_cut_over_two_cells_is_read_whole() -> None:
    # pymupdf4llm on a WPS PDF: '|2,106.|66|' is one amount, 2,106.66, not 66
    text = SUBJECT_TABLE.replace("|208|社会保障和就业支出|30.00|30.00|", "|208|社会保障和就业支出|30.|00|30.00|")
    doc = parse_text(text.encode(), "x.md", "x")
    assert {(c.row_key, c.column_key): (c.printed, c.certain) for c in doc.cells if c.table_no == 2}[
        ("208", "total")] == ("30.00", True)


def test_a_label_cut_over_two_cells_is_joined_but_single_characters_stay_apart() -> None:
    # '|人员经费|合计|' is one label; '|类|款|项|合计|' are the code's header words and the total's label
    text = SUBJECT_TABLE.replace("||合计|30.00|30.00|", "|类|款|项|合计|30.00|30.00|") + """
### 一般公共预算财政拨款基本支出决算表

单位：万元

|科目编码|科目名称|决算数|科目编码|科目名称|决算数|
|---|---|---|---|---|---|
|301|工资福利支出|8.00|302|商品和服务支出|2.00|
|301 01|基本工资|8.00|302 01|办公费|2.00|
|人员经费|合计|8.00|公用经|费合计|2.00|
"""
    doc = parse_text(text.encode(), "x.md", "x")
    cells = {(c.table_no, c.row_key, c.column_key): (c.printed, c.certain) for c in doc.cells}
    assert cells[(2, "total", "total")] == ("30.00", True)
    assert cells[(6, "personnel_total", "amount")] == ("8.00", True)
    assert cells[(6, "public_total", "amount")] == ("2.00", True)


def test_bold_marks_and_the_spaces_set_around_them_are_dropped() -> None:
    # pymupdf4llm: '#### 七、财政拨款 **“** 三公 **”** 经费…': the heading still names 三公
    text = ("# 某某区某某局2024年度部门决算\n\n## 第三部分 某某区某某局2024年度部门决算情况说明\n\n"
            "#### 七、财政拨款 **“** 三公 **”** 经费支出决算情况说明\n\n"
            "“三公”经费财政拨款支出年初预算为**2.50**万元，支出决算为1.20万元，完成预算的48.0%。\n")
    doc = parse_text(text.encode(), "x.md", "x")
    facts = {(f.fact_key, f.subject): f.value for f in doc.facts}
    assert facts[("three_public_budget", "total")] == Decimal("2.50")
    assert facts[("three_public_actual", "total")] == Decimal("1.20")


HTML_TABLE_1 = (
    "<table><tr><td colspan=\"2\">收入</td><td colspan=\"2\">支出</td></tr>"
    "<tr><td>项目</td><td>决算数</td><td>项目</td><td>决算数</td></tr>"
    "<tr><td>一、一般公共预算财政拨款收入</td><td>100.00</td><td>一、一般公共服务支出</td><td>80.00</td></tr>"
    "<tr><td></td><td></td><td>七、文化旅游体育与传媒支<br>出</td><td>5.00</td></tr>"
    "<tr><td>本年收入合计</td><td>100.00</td><td>本年支出合计</td><td>85.00</td></tr>"
    "<tr><td>年初结转和结余</td><td>10.00</td><td>年末结转和结余</td><td>25.00</td></tr>"
    "<tr><td>总计</td><td>110.00</td><td>总计</td><td>110.00</td></tr></table>")


def test_a_table_written_as_html_on_one_line_is_read_row_by_row() -> None:
    # MinerU and other converters write a table as HTML, the whole table on one line
    text = f"# 某某区某某局2021年度部门决算\n\n## 收入支出决算总表\n\n单位：万元\n\n{HTML_TABLE_1}\n"
    doc = parse_text(text.encode(), "x.md", "x")
    cells = {(c.section, c.row_key): (c.printed, c.certain, c.provenance.line_start) for c in doc.cells if c.table_no == 1}
    assert cells[("expenditure", "207")] == ("5.00", True, 7)
    assert cells[("income", "carryover_begin")] == ("10.00", True, 7)
    assert cells[("expenditure", "grand_total")] == ("110.00", True, 7)


def test_a_table_title_written_after_the_last_numbers_of_the_table_before_starts_a_line() -> None:
    # pymupdf4llm writes Table 5's total row and Table 6's title as one line of text
    text = ("一般公共预算财政拨款支出决算表\n\n单位：万元\n\n|科目编码|科目名称|小计|基本支出|项目支出|\n|---|---|---|---|---|\n"
            "|201|一般公共服务支出|30.00|20.00|10.00|\n\n合计 30.00 一般公共预算财政拨款基本支出决算表 \n\n20.00 \n\n10.00 \n\n"
            "单位：万元 \n\n|科目编码|科目名称|决算数|科目编码|科目名称|决算数|\n|---|---|---|---|---|---|\n"
            "|301|工资福利支出|15.00|302|商品和服务支出|5.00|\n")
    assert [line.text for line in split_lines(text)][8:10] == ["合计 30.00", "一般公共预算财政拨款基本支出决算表"]
    doc = parse_text(text.encode(), "x.md", "x")
    assert not [i for i in doc.issues if i.code == "table_out_of_order"]
    six = {(c.row_key, c.printed) for c in doc.cells if c.table_no == 6 and c.certain}
    assert six == {("301", "15.00"), ("302", "5.00")}


STACKED_ROWS = """\
### 收入支出决算总表

|项目|决算数|项目|决算数|
|---|---|---|---|
|一、一般公共预算财政拨款收入|100.00|一、一般公共服务支出|80.00|
|||二、外交支出<br>三、国防支<br>出|3.00<br>2.00|
|||四、公共安全支出<br>五、教育支出<br>六、科学技术支出|9.00<br>6.00|
|本年收入合计|100.00|本年支出合计|100.00|
"""


def test_a_row_whose_cells_each_hold_two_rows_is_read_as_those_rows() -> None:
    # pymupdf4llm ran two rows into one: each cell holds both rows' texts, one a line. A row whose
    # label cell does not part into as many rows as its amounts (three labels, two amounts) is not
    # split, and none of its rows is certain.
    doc = parse_text(STACKED_ROWS.encode(), "x.md", "x")
    cells = {c.row_key: (c.printed, c.certain) for c in doc.cells if c.table_no == 1 and c.section == "expenditure"}
    assert cells["202"] == ("3.00", True)
    assert cells["203"] == ("2.00", True)
    assert not [key for key in ("204", "205", "206") if cells.get(key, ("", False))[1]]
    assert cells["201"] == ("80.00", True)


# Table 6 as pymupdf4llm wrote it from a generated PDF: its right side's last two rows (an item
# that prints no amount, and 公用经费合计) ran into one row, their labels one cell. Made up:
# 人员经费 30.50 = 30101 20.30 + 30102 10.20; 公用经费 12.40 = 30201 12.40 + 31007 (blank).
ECONOMIC_TABLE = """\
### 一般公共预算财政拨款基本支出决算表

单位：万元

|科目编码|科目名称|决算数|科目编码|科目名称|决算数|
|---|---|---|---|---|---|
|301|工资福利支出|30.50|302|商品和服务支出|12.40|
|301<br>01|基本工资|20.30|<sup>302</sup><br>01|办公费|12.40|
|301<br>02|津贴补贴|10.20|310|资本性支出||
||人员经费合计|30.50|310<br>07|信息网络及软件购置更新<br>公用经费合计|12.40|
"""


def test_a_label_cell_holding_two_rows_labels_gives_the_amount_to_the_total() -> None:
    doc = parse_text(ECONOMIC_TABLE.encode(), "x.md", "x")
    cells = {c.row_key: (c.printed, c.certain) for c in doc.cells if c.table_no == 6}
    assert cells["public_total"] == ("12.40", True)
    assert cells["personnel_total"] == ("30.50", True)
    assert cells["30201"] == ("12.40", True)
    assert "31007" not in cells  # it prints no amount
