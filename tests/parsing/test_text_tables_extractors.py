"""Table rules for extracts made by other tools than pdftotext -raw, on small hand-made extracts
(no corpus needed): what each tool does to a table, and what the parser reads or reports."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.text_tables import TableExtraction, extract_tables
from tests.parsing.test_text_tables_rules import lines_of

HEADER_3 = "支出决算表\n单位：万元\n项目 本年支出合计 基本支出 项目支出\n"
HEADER_1 = "收入支出决算总表\n单位：万元\n收入 支出\n项目 决算数 项目 决算数\n"
# What the Table 1 extracts below print, whatever the tool: 100.00 received, 80.00 spent on 201.
TABLE_1_READ = {
    ("income", "general_budget_appropriation", "amount"): "100.00", ("expenditure", "201", "amount"): "80.00",
    ("income", "total_income", "amount"): "100.00", ("expenditure", "total_expenditure", "amount"): "80.00",
}


def extract(text: str) -> TableExtraction:
    return extract_tables(lines_of(text))


def certain(found: TableExtraction, no: int) -> dict[tuple[str, str, str], str]:
    return {(c.section, c.row_key, c.column_key): c.printed for c in found.cells if c.table_no == no and c.certain}


def certain_rows(found: TableExtraction, no: int) -> set[str]:
    """The rows of a table with a certain cell."""
    return {c.row_key for c in found.cells if c.table_no == no and c.certain}


def uncertain_note(found: TableExtraction, no: int, row_key: str) -> str:
    """The note of a row's cells, which must have some and none of them certain."""
    cells = [c for c in found.cells if c.table_no == no and c.row_key == row_key]
    assert cells and not any(c.certain for c in cells)
    return cells[0].note


def out_of_order(found: TableExtraction) -> dict[int, int]:
    """table -> the line the table_out_of_order error points at."""
    return {int(i.message.split()[1].rstrip(":")): i.provenance.line_start
            for i in found.issues if i.code == "table_out_of_order"}


def test_codes_split_over_lines_and_printed_with_a_leading_zero_are_codes_not_amounts():
    # PyMuPDF prints every piece on its own line: '208' / '05' / '01' is one code, '05' no amount
    found = extract(HEADER_3 + "合计\n30.00\n20.00\n10.00\n208\n05\n行政事业单位养老支出\n30.00\n20.00\n10.00\n"
                    "208\n05\n01\n行政单位离退休\n20.00\n20.00\n208\n05\n02\n事业单位离退休\n10.00\n10.00\n")
    # the 款's 20.00 basic is its 项s' basic: 行政单位离退休's second number is basic, the other's project
    assert certain(found, 3) == {
        ("", "total", "total"): "30.00", ("", "total", "basic"): "20.00", ("", "total", "project"): "10.00",
        ("", "20805", "total"): "30.00", ("", "20805", "basic"): "20.00", ("", "20805", "project"): "10.00",
        ("", "2080501", "total"): "20.00", ("", "2080501", "basic"): "20.00",
        ("", "2080502", "total"): "10.00", ("", "2080502", "project"): "10.00",
    }
    assert not out_of_order(found) and not [c for c in found.cells if c.printed in ("05", "01", "02")]


def test_header_words_on_the_total_line_and_two_rows_on_one_line():
    # pypdfium2: '类 款 项' ends the header on the total's line; two short rows share a line
    found = extract(HEADER_3 + "类 款 项 合计 30.00 20.00 10.00\n"
                    "221 02 01 住房公积金 10.00 10.00 221 02 03 购房补贴 20.00 20.00\n")
    assert certain(found, 3) == {
        ("", "total", "total"): "30.00", ("", "total", "basic"): "20.00", ("", "total", "project"): "10.00",
        ("", "2210201", "total"): "10.00", ("", "2210201", "project"): "10.00",
        ("", "2210203", "total"): "20.00", ("", "2210203", "basic"): "20.00",
    }


def test_numbers_under_a_line_of_two_labels_belong_to_them_in_order():
    # pdfplumber: numbers set in another font go to the line under their labels
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 一、一般公共服务支出\n100.00 80.00\n"
                    "二、政府性基金预算财政拨款收入 二、外交支出\n"
                    "本年收入合计 本年支出合计\n100.00 80.00\n")
    assert certain(found, 1) == TABLE_1_READ


def test_a_single_number_under_two_labels_is_reported_not_placed():
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 一、一般公共服务支出\n100.00\n")
    assert not [c for c in found.cells if c.table_no == 1]
    [unplaced] = [i for i in found.issues if i.code == "unplaced_value"]
    assert unplaced.provenance.line_start == 6 and "100.00" in unplaced.message


def test_labels_listed_before_their_numbers_put_the_table_out_of_order():
    # pdfminer lists a column's labels, then its header, then its numbers
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n二、政府性基金预算财政拨款收入\n决算数\n100.00\n"
                    "一、一般公共服务支出\n二、外交支出\n决算数\n80.00\n20.00\n")
    assert out_of_order(found) == {1: 11}  # the second 决算数, printed after a number of the table
    assert not any(c.certain for c in found.cells)


def test_codes_listed_before_their_names_put_the_table_out_of_order():
    # pdftotext's default mode: a column of codes, then a column of names, then the numbers
    found = extract(HEADER_3 + "合计 30.00 30.00\n201\n208\n一般公共服务支出\n社会保障和就业支出\n10.00\n20.00\n")
    assert out_of_order(found) == {3: 6}
    assert not any(c.certain for c in found.cells)


def test_a_name_with_numbers_after_a_rows_numbers_puts_the_table_out_of_order():
    # pdfplumber, vertically centred cells: a row's name and some numbers print above its code
    found = extract(HEADER_3 + "合计 30.00 30.00\n一般公共服务支出 10.00\n201 10.00\n")
    assert out_of_order(found) == {3: 5}


def test_row_numbers_without_their_header_are_read_as_row_numbers():
    # pypdfium2 drops the vertical '行次' of the header: 1, 31, 2, 32 … still count the rows
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 31 80.00\n"
                    "二、政府性基金预算财政拨款收入 2 二、外交支出 32\n三、国有资本经营预算财政拨款收入 3 三、国防支出 33\n"
                    "本年收入合计 4 100.00 本年支出合计 34 80.00\n")
    assert certain(found, 1) == TABLE_1_READ
    assert [i.code for i in found.issues if i.code == "row_numbers_without_header"] == ["row_numbers_without_header"]


def test_two_numbers_in_one_cell_make_neither_certain():
    found = extract(HEADER_3 + "合计 10.00 10.00\n201 一般公共服务支出 10.00 10.00\n201 一般公共服务支出 12.00 12.00\n")
    doubled = [c for c in found.cells if c.row_key == "201"]
    assert doubled and not any(c.certain for c in doubled)
    assert all(i.provenance.line_start == 5 for i in found.issues if i.code == "cell_placed_twice")
    assert {c.value for c in doubled} == {Decimal("10.00"), Decimal("12.00")}


def test_a_title_broken_around_the_part_heading_the_extraction_put_between_its_halves():
    # a PDF made with WPS: its text order puts the part heading inside Table 1's title
    text = ("第一部分 某区财政局概况\n一、主要职能\n收入支出决算总\n第二部分 某区财政局2023年度部门决算表\n表\n"
            + HEADER_1.split("\n", 1)[1] + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n")
    found = extract(text)
    assert (found.tables[0].present, found.tables[0].title) == (True, "收入支出决算总")
    # read (not certain only because this short text ends in the tables part: truncated)
    assert {(c.section, c.row_key, c.printed) for c in found.cells if c.table_no == 1} == {
        ("income", "general_budget_appropriation", "100.00"), ("expenditure", "201", "80.00")}


def test_a_row_number_printed_twice_puts_the_table_out_of_order():
    # a line repeated (a careless copy, or a tool that prints a text twice): the row's numbers are
    # read into it twice, and the four '-' of 外交支出 would fill all four columns
    found = extract("财政拨款收入支出决算总表\n单位：万元\n"
                    "项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政拨款 1 80.00 一、一般公共服务支出 31 80.00 80.00\n"
                    "二、政府性基金预算财政拨款 2 二、外交支出\n32 - -\n32 - -\n"
                    "三、国有资本经营预算财政拨款 3 三、国防支出 33 - -\n本年收入合计 4 80.00 本年支出合计 34 80.00 80.00\n")
    assert out_of_order(found) == {4: 7}
    assert not [c for c in found.cells if c.table_no == 4 and c.certain]


def test_an_expenditure_name_wrapped_around_the_line_of_its_numbers():
    # pdfplumber, pdftotext -layout: a wrapped name is centred on its row, so its two parts print
    # around the line of its numbers, where the income side may print a row of its own
    rows = ("一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 60.00\n二、政府性基金预算财政拨款收入 二、外交支出 -\n"
            "三、文化旅游体育与传媒支\n{middle}\n出\n本年收入合计 {income} 本年支出合计 80.00\n")
    # two numbers on the income row's line: left to right, the income row's, then the wrapped row's
    found = extract(HEADER_1 + rows.format(middle="三、上级补助收入 5.00 20.00", income="105.00"))
    read = certain(found, 1)
    assert read[("income", "superior_subsidy", "amount")] == "5.00"
    assert read[("expenditure", "207", "amount")] == "20.00"
    assert next(c.row_label for c in found.cells if c.row_key == "207") == "三、文化旅游体育与传媒支出"
    assert not [i for i in found.issues if i.code == "unknown_row_label"]
    equal = certain(extract(HEADER_1 + rows.format(middle="三、上级补助收入 20.00 20.00", income="120.00")), 1)
    assert equal[("income", "superior_subsidy", "amount")] == equal[("expenditure", "207", "amount")] == "20.00"
    # one number: either row's, so it is reported and not placed
    found = extract(HEADER_1 + rows.format(middle="三、上级补助收入 20.00", income="100.00"))
    assert not [c for c in found.cells if c.printed == "20.00"]
    assert [(i.code, i.provenance.line_start) for i in found.issues if i.code == "unplaced_value"] == [("unplaced_value", 8)]
    # nothing else on the line: the number is the wrapped row's
    found = extract(HEADER_1 + rows.format(middle="20.00", income="100.00"))
    assert certain(found, 1)[("expenditure", "207", "amount")] == "20.00"


def test_a_line_of_numbers_printed_twice_leaves_its_row_uncertain():
    # a careless copy repeats the numbers line of a wrapped row: its four numbers would fill all
    # four columns, certain; a tool printing one number per line still prints equal amounts alike
    found = extract(HEADER_3.replace("项目支出", "项目支出 上缴上级支出") + "合计 30.00 30.00\n"
                    "212 城乡社区\n支出\n30.00 30.00\n30.00 30.00\n")
    doubled = [c for c in found.cells if c.row_key == "212"]
    assert len(doubled) == 4 and not any(c.certain for c in doubled)
    assert "printed alike" in doubled[0].note
    one_per_line = extract(HEADER_3 + "合计\n30.00\n30.00\n212 城乡社区支出\n30.00\n30.00\n")
    assert certain(one_per_line, 3)[("", "212", "total")] == "30.00"


def _page(no: int, *lines: str) -> str:
    return "".join(f"{line}\n" for line in lines) + f"{no}\n"


# pypdfium2 joins pages with a plain newline: nothing marks where a page starts but its number, alone
# on the page's last line, or run into the end of it ('03 专用设备购置 4'). Two rows print no value.
PAGES_JOINED = (
    _page(1, "某某局", "2023年度部门决算", "目录", "第一部分 概况")
    + _page(2, "一、部门主要职能", "负责本部门的日常工作。", "二、部门决算单位构成", "本级决算。", "三、人员构成")
    + _page(3, "第二部分 决算表", "一般公共预算财政拨款基本支出决算表", "单位：万元",
            "科目编码 科目名称 决算数 科目编码 科目名称 决算数",
            "301 工资福利支出 30.00 302 商品和服务支出 5.00", "301 ", "01 基本工资 30.00 302 ", "01 办公费 5.00",
            "302 ", "15 会议费")
    + "310 资本性支出 2.00\n310 \n02 办公设备购置 2.00\n310 \n03 专用设备购置 4\n"
    + "人员经费合计 30.00 公用经费合计 7.00\n"
    + _page(5, "第三部分 决算情况说明", "一、收入支出决算总体情况说明", "本年收入支出总计37.00万元。",
            "二、收入决算情况说明", "本年收入合计37.00万元。")
    + _page(6, "三、支出决算情况说明", "本年支出合计37.00万元。", "四、其他重要事项", "无。", "五、名词解释")
)


def test_page_numbers_of_pages_joined_by_a_newline_are_no_cells():
    found = extract(PAGES_JOINED)
    # neither the page number under 会议费 (3) nor the one run into 专用设备购置's line (4) is a cell
    assert certain(found, 6) == {
        ("personnel", "301", "amount"): "30.00", ("personnel", "30101", "amount"): "30.00",
        ("public", "302", "amount"): "5.00", ("public", "30201", "amount"): "5.00",
        ("public", "310", "amount"): "2.00", ("public", "31002", "amount"): "2.00",
        ("personnel", "personnel_total", "amount"): "30.00", ("public", "public_total", "amount"): "7.00",
    }
    assert not [c for c in found.cells if c.printed in ("3", "4")]
    glued = [i for i in found.issues if i.code == "page_number_glued"]
    assert [(i.provenance.line_start, i.message.split()[1]) for i in glued] == [(27, "4")]


def test_a_column_of_row_numbers_is_no_series_of_page_numbers():
    # the 行次 1, 2, 3 of a two-sided table printed on lines of their own, a few lines apart, count up
    # like page numbers: they are read as row numbers, not dropped
    found = extract(HEADER_1.replace("项目 决算数 项目 决算数", "项目 行次 决算数 项目 行次 决算数")
                    + "一、一般公共预算财政拨款收入\n1\n100.00\n一、一般公共服务支出\n2\n80.00\n"
                    + "本年收入合计\n3\n100.00\n本年支出合计\n4\n80.00\n")
    assert certain(found, 1) == TABLE_1_READ


def test_a_numbered_row_whose_row_number_does_not_count_on_puts_the_table_out_of_order():
    # a grid extract that set labels and numbers apart gave 三、国防支出 the 行次 of the row after 一
    # (二、外交支出 is numbered 4 where 一 is 3): which label is whose numbers is not known
    found = extract(HEADER_1.replace("项目 决算数 项目 决算数", "项目 行次 决算数 项目 行次 决算数")
                    + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 3 60.00\n"
                    + "本年收入合计 2 100.00 三、国防支出 4 20.00\n")
    assert out_of_order(found) == {1: 6}
    assert not certain(found, 1)


HEADER_6 = "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码 科目名称 决算数 科目编码 科目名称 决算数\n"


def test_a_code_read_with_another_codes_name_is_not_certain():
    # pypdfium2 puts a row's class code ('302 ') at the end of the line before it; a line printed twice
    # gives its item '14 医疗费' the class of the next row: 30214, which the classification names 租赁费
    found = extract(HEADER_6 + "301 工资福利支出 40.00 302 商品和服务支出 5.00\n301 \n01 基本工资 30.00 302 \n"
                    "01 办公费 5.00\n301 \n14 医疗费 10.00 302 \n14 医疗费 10.00 302 \n"
                    "人员经费合计 40.00 公用经费合计 5.00\n")
    assert ("personnel", "30114", "amount") in certain(found, 6)
    assert [c.certain for c in found.cells if c.row_key == "30214"] == [False]
    mismatch = [i for i in found.issues if i.code == "code_name_mismatch"]
    assert len(mismatch) == 1 and "30214" in mismatch[0].message and "30114" in mismatch[0].message


def test_a_two_sided_table_ends_at_the_header_of_a_table_whose_title_is_lost():
    # the title of Table 3 was lost: its header and rows follow Table 1's last row
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n"
                    "本年收入合计 100.00 本年支出合计 80.00\n"
                    "科目编码 科目名称 本年支出合计 基本支出 项目支出\n201 一般公共服务支出 80.00 50.00 30.00\n")
    assert certain(found, 1) == TABLE_1_READ
    assert not [c for c in found.cells if c.printed in ("50.00", "30.00")]
    assert [i.provenance.line_start for i in found.issues if i.code == "table_overrun"] == [7]


def test_a_code_centred_on_its_wrapped_name_is_read_around_it():
    # pdfplumber prints a 项 row's code cell centred on its wrapped name: the 类 and 款 above the
    # name and numbers, the 项 below, with the end of the name ('05 险缴费支出')
    found = extract(HEADER_3 + "合计 30.00 20.00 10.00\n208 社会保障和就业支出 30.00 20.00 10.00\n"
                    "208 05 行政事业单位养老支出 30.00 20.00 10.00\n208 05\n行政单位离退休 20.00 20.00\n01\n"
                    "208 05 机关事业单位基本养老保\n10.00 10.00\n05 险缴费支出\n")
    assert certain(found, 3) == {
        ("", "total", "total"): "30.00", ("", "total", "basic"): "20.00", ("", "total", "project"): "10.00",
        ("", "208", "total"): "30.00", ("", "208", "basic"): "20.00", ("", "208", "project"): "10.00",
        ("", "20805", "total"): "30.00", ("", "20805", "basic"): "20.00", ("", "20805", "project"): "10.00",
        ("", "2080501", "total"): "20.00", ("", "2080501", "basic"): "20.00",
        ("", "2080505", "total"): "10.00", ("", "2080505", "project"): "10.00",
    }
    assert [c.row_label for c in found.cells if c.row_key == "2080505"][0] == "机关事业单位基本养老保险缴费支出"
    assert not out_of_order(found)


def test_table_6_codes_centred_on_the_names_of_a_line():
    # pdfplumber: the classes of a line's two items above their names and numbers, the items' parts
    # below; an item may print no number, and a class row may be printed whole before an item
    found = extract(HEADER_6 + "301 工资福利支出 30.00 302 商品和服务支出 6.00\n301 302\n基本工资 办公费 5.00\n01 01\n"
                    "301 302\n津贴补贴 30.00 印刷费\n02 02\n302\n303 对个人和家庭的补助 2.00 工会经费 1.00\n28\n"
                    "303\n离休费 2.00\n01\n人员经费合计 32.00 公用经费合计 6.00\n")
    assert certain(found, 6) == {
        ("personnel", "301", "amount"): "30.00", ("public", "302", "amount"): "6.00",
        ("public", "30201", "amount"): "5.00", ("personnel", "30102", "amount"): "30.00",
        ("personnel", "303", "amount"): "2.00", ("public", "30228", "amount"): "1.00",
        ("personnel", "30301", "amount"): "2.00",
        ("personnel", "personnel_total", "amount"): "32.00", ("public", "public_total", "amount"): "6.00",
    }
    assert not out_of_order(found)


def test_a_code_part_under_a_row_is_its_items_even_when_its_kuan_line_is_lost():
    # the line of the 款 (208 05 行政事业单位养老支出 …) was lost: the part under the name still ends the
    # code, so the numbers are 2080501's, not the 款's
    found = extract(HEADER_3 + "208 05\n行政单位离退休 20.00 20.00\n01\n")
    assert {c.row_key for c in found.cells} == {"2080501"}


def test_a_gathered_row_that_does_not_add_up_decides_no_other_rows_columns():
    # a damaged pdftotext -raw extract: Table 5's row lost its line ends, its first amount is another
    # row's (5.00 + ... is not 0.00 + 20.00); before, Table 3's '20.00 20.00' took the project column
    # from it (Table 3's project >= Table 5's), certain and wrong
    found = extract(HEADER_3 + "21011 行政事业单位医疗 20.00 20.00\n" + HEADER_5 + "21011\n行政事业单位医疗 5.00\n0.00 20.00\n")
    table_3 = {c.column_key: (c.printed, c.certain) for c in found.cells if c.table_no == 3}
    assert table_3 == {"total": ("20.00", True), None: ("20.00", False)}
    assert all("several lines" in c.note for c in found.cells if c.table_no == 5)


def test_a_code_part_under_a_row_whose_code_is_whole_leaves_the_row_uncertain():
    # a line printed twice ('01') completed the code before the name: the part printed under the
    # name ('04') is then nobody's, so the row's code (2120101) may be another row's
    found = extract(HEADER_3 + "212 01\n01\n城管执法 18.00 18.00\n04\n")
    assert [c.certain for c in found.cells if c.row_key == "2120101"] == [False, False]
    assert [i.provenance.line_start for i in found.issues if i.code == "code_part_unplaced"] == [7]


def test_a_full_row_gathered_from_several_lines_that_does_not_add_up_is_not_certain():
    # pdftotext's default mode lists numbers apart from their labels: a number of another row read
    # into a row that prints every column breaks its total = basic + project. The same numbers on
    # the row's own line are a misprint, recorded as printed (the checks report it).
    gathered = extract(HEADER_3 + "210 11 行政事业单位医疗\n5.00\n5.00\n99.00\n")
    assert [c.certain for c in gathered.cells] == [False, False, False]
    assert "several lines" in gathered.cells[0].note
    printed = extract(HEADER_3 + "210 11 行政事业单位医疗 5.00 5.00 99.00\n")
    assert {c.column_key: c.printed for c in printed.cells if c.certain} == {
        "total": "5.00", "basic": "5.00", "project": "99.00"}


def test_table_6_names_wrapped_around_the_codes_of_a_line():
    # pdfplumber: a name wrapped over the three lines has its first part after its class above and
    # its last part after its item's part below; its number alone on the middle line (the header
    # names no 资本性支出 group, so 310 is counted with 公用经费)
    found = extract(HEADER_6 + "301 工资福利支出 6.00 302 商品和服务支出 1.00 310 资本性支出 3.00\n"
                    "301 机关事业单位基 302\n2.00 物业管理费 1.00\n08 本养老保险缴费 09\n"
                    "301 302 310 信息网络及软件\n奖金 4.00 水费 - 3.00\n03 05 07 购置更新\n"
                    "人员经费合计 6.00 公用经费合计 4.00\n")
    assert certain(found, 6) == {
        ("personnel", "301", "amount"): "6.00", ("public", "302", "amount"): "1.00",
        ("public", "310", "amount"): "3.00", ("personnel", "30108", "amount"): "2.00",
        ("public", "30209", "amount"): "1.00", ("personnel", "30103", "amount"): "4.00",
        ("public", "30205", "amount"): "-", ("public", "31007", "amount"): "3.00",
        ("personnel", "personnel_total", "amount"): "6.00", ("public", "public_total", "amount"): "4.00",
    }
    labels = {c.row_key: c.row_label for c in found.cells}
    assert labels["30108"] == "机关事业单位基本养老保险缴费" and labels["31007"] == "信息网络及软件购置更新"


def test_a_code_part_read_as_an_amount_of_table_6_is_not_certain():
    # a lost line left the next item's part ('16', of 30216 培训费) on the line of 30212's name:
    # two digits without decimals among amounts printed with decimals are a code part's shape
    found = extract(HEADER_6 + "301 工资福利支出 3.00 302 商品和服务支出 2.00\n301 \n01 基本工资 3.00 302 \n"
                    "12 保障缴费 16\n人员经费合计 3.00 公用经费合计 2.00\n")
    assert [c.certain for c in found.cells if c.row_key == "30212"] == [False]
    assert [i.provenance.line_start for i in found.issues if i.code == "code_part_as_amount"] == [7]
    assert ("personnel", "30101", "amount") in certain(found, 6)


def table_1_income(bottom: str) -> dict[str, tuple[Decimal, bool]]:
    """Table 1's income cells of a one-class table whose lines from 本年收入合计 down are `bottom`."""
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 90.00 一、一般公共服务支出 95.00\n" + bottom)
    return {c.row_key: (c.value, c.certain) for c in found.cells if c.table_no == 1 and c.section == "income"}


def test_a_number_moved_under_the_next_label_is_not_certain_when_the_sum_holds_without_it():
    # pdftotext's default mode: '本年支出合计' prints no number on its line, and its 95.00 comes under
    # '使用非财政拨款结余' (blank in the PDF); 总计 = 本年收入合计 + 年初结转和结余 holds without it
    cells = table_1_income("本年收入合计 90.00 本年支出合计\n使用非财政拨款结余\n95.00\n结余分配\n"
                           "年初结转和结余 10.00 年末结转和结余 5.00\n总计 100.00 总计 100.00\n")
    assert cells["use_of_non_fiscal_balance"] == (Decimal("95.00"), False)
    assert cells["grand_total"] == (Decimal("100.00"), True)
    assert cells["carryover_begin"] == (Decimal("10.00"), True)


def test_a_misprint_printed_under_its_label_is_kept_as_printed():
    # 年初结转和结余's 10.00 misprinted 19.00 under its label: leaving it out does not make the sum
    # hold, so it stays certain and the checks report the misprint
    cells = table_1_income("本年收入合计 90.00 本年支出合计 95.00\n使用非财政拨款结余 结余分配\n"
                           "年初结转和结余\n19.00\n年末结转和结余 5.00\n总计 100.00 总计 100.00\n")
    assert cells["carryover_begin"] == (Decimal("19.00"), True)


def test_code_parts_left_before_a_name_by_a_lost_line_do_not_hide_the_name():
    # pdftotext -raw prints Table 6's code parts on lines of their own; with '印刷费 …' lost, 302 02
    # takes 301's parts '03 03' and 奖金's number: the row, named '0303奖金', is 30103's, not 30202's
    found = extract(HEADER_6 + "301 工资福利支出 40.00 302 商品和服务支出 5.00\n301\n01\n基本工资 20.00\n302\n01\n"
                    "办公费\n301\n02\n津贴补贴 10.00\n302\n02\n03\n03\n奖金 10.00\n302\n05\n水费 5.00\n"
                    "人员经费合计 40.00 公用经费合计 5.00\n")
    assert not [c for c in found.cells if c.row_key == "30202" and c.certain]


def test_a_number_alone_under_an_expenditure_label_and_the_next_income_label_is_not_certain_if_a_sum_fails():
    # pdftotext's default mode prints an expenditure row's number after the next row's income label:
    # 202's 30.00 under '本年收入合计', 本年支出合计's 80.00 under '使用非财政拨款结余' (blank in the PDF);
    # 本年收入合计 = its lines and 总计 = 本年收入合计 + … both fail with them
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00 一、一般公共服务支出\n50.00\n二、外交支出\n本年收入合计\n"
                    "30.00\n100.00 本年支出合计\n使用非财政拨款结余\n80.00\n总计\n100.00 总计\n80.00\n")
    income = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 1 and c.section == "income"}
    assert income["total_income"][1] is False
    assert income["use_of_non_fiscal_balance"] == ("80.00", False)
    assert income["general_budget_appropriation"] == ("100.00", True)


def test_a_number_alone_under_an_expenditure_label_and_the_next_income_label_whose_sums_hold_is_kept():
    # pdftotext -raw prints a blank expenditure row's label, then the next income row's label and its
    # number alone: the sums hold with it, so it is the income row's
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n二、外交支出\n本年收入合计\n"
                    "100.00\n本年支出合计\n80.00\n")
    assert certain(found, 1) == TABLE_1_READ


def test_a_row_given_a_whole_column_of_numbers_puts_the_table_out_of_order():
    # pdfminer lists Table 1's labels, then its numbers one a line: the last label read takes them all
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n一、一般公共服务支出\n二、外交支出\n三、国防支出\n本年收入合计\n"
                    "本年支出合计\n年末结转和结余\n" + "".join(f"{v}\n" for v in
                                                  ("100.00", "80.00", "-", "-", "100.00", "80.00", "20.00")))
    assert out_of_order(found) == {1: 12}
    assert not certain(found, 1)


def test_a_run_of_amounts_that_belong_to_no_row_puts_the_table_out_of_order():
    # pdfminer lists Table 4's 行次 column, then its numbers: with 行次 in the header, no number
    # follows its row's 行次, so they belong to no row, and one that comes before a label is taken
    found = extract("财政拨款收入支出决算总表\n单位：万元\n项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款\n"
                    "一、一般公共预算财政拨款\n本年收入合计\n1\n2\n3\n100.00\n100.00\n80.00\n80.00\n一、一般公共服务支出\n"
                    "国有资本经营预算财政拨款\n100.00 总计\n")
    assert out_of_order(found) == {4: 12}
    assert not certain(found, 4)


def test_a_zero_alone_on_its_line_is_a_cell_not_a_page_number():
    # pdftotext's default mode prints 本年收入合计's 100.00 before '本年支出合计', after 202's '0': the
    # row reads two numbers for its one column, and the zero is no page number to drop
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00 一、一般公共服务支出\n80.00\n二、外交支出\n0\n"
                    "100.00 本年支出合计\n80.00\n")
    assert [(c.printed, c.certain) for c in found.cells if c.row_key == "202"] == [("0", False), ("100.00", False)]


def table_6_after_a_row_without_number(zeros: str) -> dict[str, tuple[str, bool]]:
    """Table 6 cells of pdftotext's default mode: '30107 绩效工资' prints no number, and its 73.40
    comes after the next row's wrapped name. `zeros`: the lines that print the table's zeros, if any."""
    found = extract(HEADER_6 + "301\n工资福利支出\n80.00 302\n商品和服务支出\n9.85\n30107\n绩效工资\n30108\n机关事业单\n"
                    "位基本养老\n保险缴费\n73.40 30207\n邮电费\n9.85\n" + zeros + "30109\n职业年金缴费\n6.60\n"
                    "人员经费合计\n80.00\n公用经费合计\n9.85\n")
    return {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}


def test_a_number_after_a_wrapped_name_that_follows_a_row_without_number_is_not_certain():
    # 30108's own '-' went to the line of 30207. The table prints its zeros, so a row without a
    # number lost it: 73.40 may be 30107's
    cells = table_6_after_a_row_without_number("- 30209\n物业管理费\n-\n")
    assert cells["30108"] == ("73.40", False)
    assert cells["30109"] == ("6.60", True)
    assert cells["30207"][1] is False  # two numbers for one cell


def test_a_row_without_number_in_a_table_that_leaves_zeros_blank_takes_nothing_from_the_next():
    # the same shape in a table that prints no zero: rows without a number are its blank rows
    assert table_6_after_a_row_without_number("")["30108"] == ("73.40", True)


def test_a_line_with_an_amount_cut_at_its_decimal_point_gives_no_certain_cell():
    # '2,106. 66': the tool cut the amount; '66' is no amount of its own
    found = extract(HEADER_3 + "合计 2,106.66 1,503.52 603.14\n201 一般公共服务支出 2,106. 66 1,503.52 603.14\n")
    cells = {(c.row_key, c.printed): c.certain for c in found.cells if c.table_no == 3}
    assert cells[("total", "2,106.66")] is True
    assert not [certain for (row, _), certain in cells.items() if row == "201" and certain]


def test_a_table_6_name_run_on_into_the_next_class_name_leaves_its_number_uncertain():
    # pdftotext's default mode: '302 商品和服务支出' runs on into '资本性支出' (310's name) and 310's
    # 9.54, while 302's own 103.83 comes before the code 310 later
    found = extract(HEADER_6 + "301\n工资福利支出\n70.00 302\n商品和服务支出\n资本性支出\n9.54\n30101\n基本工资\n"
                    "70.00 30201\n办公费\n103.83 31002\n办公设备购置\n9.54\n103.83 310\n人员经费合计\n70.00\n"
                    "公用经费合计\n103.83\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells["302"] == ("9.54", False)
    assert cells["30101"] == ("70.00", True)


def test_a_run_of_row_numbers_that_belong_to_no_row_puts_the_table_out_of_order():
    # pdfminer lists Table 4's labels, then their 行次 one a line, then the numbers; the grand
    # total's number, printed before '总计', went to the carry-over row read last
    found = extract("财政拨款收入支出决算总表\n单位：万元\n项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款\n"
                    "一、一般公共预算财政拨款\n1\n100.00\n一、一般公共服务支出\n二、外交支出\n三、国防支出\n"
                    "四、公共安全支出\n五、教育支出\n31\n32\n33\n34\n35\n100.00\n100.00\n0\n0\n本年收入合计\n"
                    "年初财政拨款结转和结余\n国有资本经营预算财政拨款\n100.00 总计\n")
    assert out_of_order(found) == {4: 16}
    assert not certain(found, 4)


# pypdf's layout mode (extraction_mode="layout"): each side's labels wrapped in their columns, an
# income amount glued to the expenditure label after it ('100.00公共服务', '10.00预算财政')
PYPDF_LAYOUT_TABLE_4 = """\
                                 2021年度财政拨款收入支出决算总表
部门：某中学                                                                                    单位：万元
       项目         行       决算数         项目     行       合计        一般公共预算财政      政府性基金预算财      国有资本经营预算
                  次                          次                     拨款            政拨款          财政拨款
一、一般公共预算财政                         一、一般
拨款                 1          100.00公共服务     31             -             -
                                   支出
二、政府性基金预算财         2               二、外交       32             -             -
政拨款                                支出
三、国有资本经营预算         3               三、国防       33             -             -
财政拨款                               支出
                   4               四、公共       34             -             -
                                   安全支出
                   5               五、教育       35         80.00       80.00
本年收入合计           25         100.00本年支出    55        80.00      80.00
                                 合计
年初财政拨款结转和结                       年末财政
余                26          10.00拨款结转    56         30.00       30.00
                                 和结余
                                 一般公共
一般公共预算财政拨款       27          10.00预算财政    57
                                 拨款
政府性基金预算财政拨                       政府性基
款                28              金预算财      58
                                 政拨款
国有资本经营预算财政                       国有资本
拨款               29              经营预算      59
                                 财政拨款
总计               30         110.00总计      60        110.00      110.00
"""


def test_a_row_whose_line_holds_an_amount_of_no_row_gives_no_sum_its_blank():
    # the income lines '一、一般公共预算财政拨款' and its carry-over line lost their numbers (100.00 and
    # 10.00 belong to no row), the government-fund income line its label: a fund's sum to 总计 must
    # neither rest on lines read blank that lost their numbers nor leave out a line not read, which
    # left 总计's 110.00 only the state-capital column, certain and wrong
    found = extract(PYPDF_LAYOUT_TABLE_4)
    grand_total = {k: v for k, v in certain(found, 4).items() if k[1] == "grand_total"}
    assert grand_total == {("income", "grand_total", "amount"): "110.00", ("expenditure", "grand_total", "total"): "110.00"}


def test_table_6_amounts_joined_to_the_next_code_are_not_certain():
    # pypdf's layout mode prints '20.00302' for 20.00 and the code 302 after it
    found = extract(HEADER_6 + "301 工资福利支出 60.00302 商品和服务支出 5.00\n301 基本工资 40.00302 办公费 5.00\n01 01\n"
                    "301 机关事业单位基本养老保险 20.00302 物业管理费\n08 缴费 09\n人员经费合计 60.00 公用经费合计 5.00\n")
    assert certain(found, 6) == {("personnel", "personnel_total", "amount"): "60.00",
                                 ("public", "public_total", "amount"): "5.00"}
    assert [i.provenance.line_start for i in found.issues if i.code == "amount_with_extra_digits"] == [4, 5, 7]


def test_a_table_6_code_read_from_several_rows_is_not_certain():
    # an extract that lost the codes after the amounts and printed the item codes' parts under them:
    # 301 is read from the class line and again from 30108's line, its name's first line lost; which
    # number is 301's is unknown
    found = extract(HEADER_6 + "301 工资福利支出 60.00 商品和服务支出 5.00\n"
                    "301 基本养老保险 20.00 物业管理费\n08 缴费 09\n人员经费合计 60.00 公用经费合计 5.00\n")
    assert ("personnel", "301", "amount") not in certain(found, 6)
    assert [i.message for i in found.issues if i.code == "row_read_twice"] == [
        "table 6 row 301: read from several rows (lines 4, 5); none of its numbers is certain"]


def test_a_table_6_code_read_with_the_first_line_of_an_items_name_is_a_misread_code():
    # as above, with the name's first line kept: it is the start of 30108's name, not 301's
    found = extract(HEADER_6 + "301 工资福利支出 60.00 商品和服务支出 5.00\n"
                    "301 机关事业单位基本养老保险 20.00 物业管理费\n08 缴费 09\n人员经费合计 60.00 公用经费合计 5.00\n")
    assert ("personnel", "301", "amount") not in certain(found, 6)
    mismatch = [i.message for i in found.issues if i.code == "code_name_mismatch"]
    assert len(mismatch) == 1 and "the start of the name of 30108" in mismatch[0]


def test_table_4_numbers_above_the_total_under_the_last_class_label_are_not_certain():
    # PDFBox sorted by position prints '本年支出合计''s numbers above it, under the last class's label;
    # the classes add up to the total without them, and fail with them
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "100.00\n一、一般公共预算财政拨款 一、一般公共服务支出 80.00 80.00\n二、政府性基金预算财政拨款 二、外交支出\n"
                    "八、社会保障和就业支出 20.00 20.00\n二十六、抗疫特别国债安排\n的支出\n100.00 100.00\n"
                    "本年收入合计 本年支出合计 100.00\n总计 总计 100.00 100.00 100.00\n")
    assert not [key for key in certain(found, 4) if key[1] == "234"]
    assert certain(found, 4)[("expenditure", "208", "total")] == "20.00"


def test_a_column_whose_name_is_among_the_unknown_header_words_stays_possible():
    # PyMuPDF sort=True scrambled '政府性基金预算财政拨款' in Table 4's header: read as three columns,
    # a row of three numbers (the income carry-over's with the expenditure's two) filled them all
    found = extract("财政拨款收入支出决算总表\n单位：万元\n项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预财算 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政拨款 100.00 一、一般公共服务支出 80.00 80.00\n本年收入合计 100.00 本年支出合计 80.00 80.00\n"
                    "年初财政拨款结转和结余 年末财政拨款结转和结余 20.00 20.00 20.00\n总计 100.00 总计 100.00 100.00\n")
    assert not [key for key in certain(found, 4) if key[1] == "carryover_end"]
    assert certain(found, 4)[("expenditure", "201", "total")] == "80.00"
    assert [i.provenance.line_start for i in found.issues if i.code == "column_in_unknown_words"] == [3]



# PyMuPDF's get_text(sort=True) keeps the words at their place, as pdfplumber's layout=True does:
# Table 6's classes above the names and numbers, the items' parts below, a name wrapped around them
TABLE_6_LAID_OUT_CENTRED = """\
             一般公共预算财政拨款基本支出决算表

                                                        单位：元

 科目编码      科目名称         决算数     科目编码      科目名称         决算数

301     工资福利支出                                 500,000.00  302     商品和服务支出                              90,000.00

301                                                              302
      基本工资                                     100,000.00       办公费                                        30,000.00
01                                                               01

301                                                              302
      津贴补贴                                     150,000.00       印刷费
02                                                               02

301                                                              302
      奖金                            水费                                           20,000.00
03                                                               05

301                                                              302
      伙食补助费                         电费                                           40,000.00
06                                                               06

301                                                              302
      绩效工资                                     120,000.00       邮电费                                             0.00
07                                                               07

301     机关事业单位基本养老保险                          302
                                                            130,000.00       物业管理费                                        0.00
08     缴费                                                09
"""


def test_table_6_codes_centred_on_the_names_of_a_line_laid_out_on_a_grid():
    found = extract(TABLE_6_LAID_OUT_CENTRED)
    assert not out_of_order(found)
    assert certain(found, 6) == {
        ("personnel", "301", "amount"): "500,000.00", ("public", "302", "amount"): "90,000.00",
        ("personnel", "30101", "amount"): "100,000.00", ("public", "30201", "amount"): "30,000.00",
        ("personnel", "30102", "amount"): "150,000.00", ("public", "30205", "amount"): "20,000.00",
        ("public", "30206", "amount"): "40,000.00", ("personnel", "30107", "amount"): "120,000.00",
        ("public", "30207", "amount"): "0.00", ("personnel", "30108", "amount"): "130,000.00",
        ("public", "30209", "amount"): "0.00"}


def test_a_table_6_number_laid_out_left_of_the_name_it_was_read_with_is_not_certain():
    # pdfplumber layout=True: the line '301  机关事业单位基本养老保险  302' was lost, so 30108's number,
    # set under the personnel group's amounts, was read after 邮电费 (30207), whose class then adds up
    # by chance
    found = extract("""\
                            一般公共预算财政拨款基本支出决算表
                                                                      单位：万元
        科目编码       科目名称           决算数     科目编码        科目名称          决算数
       301    工资福利支出                   150.00 302 商品和服务支出               250.00
       301                               302
              基本工资                    100.00    办公费                     50.00
       01                                01
       301                               302
              绩效工资                    50.00    邮电费
       07                                07
                                      200.00    物业管理费
       08     缴费                         09
""")
    assert "200.00 (line 11) ends left of where the row's name starts (line 9)" in uncertain_note(found, 6, "30207")
    assert {"30101", "30201", "30107"} <= certain_rows(found, 6)


def test_table_6_amounts_joined_to_codes_on_most_lines_are_not_certain():
    # when most of Table 6's amounts carry the next code, the usual number of decimals is the
    # document's (Table 1's here), not the table's
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n本年收入合计 100.00 本年支出合计 80.00\n"
                    + HEADER_6 + "301 工资福利支出 60.00302 商品和服务支出 5.00\n301 基本工资 40.00302 办公费 5.00\n01 01\n"
                    "301 津贴补贴 20.00302 印刷费\n02 02\n")
    assert not certain(found, 6)
    assert len([i for i in found.issues if i.code == "amount_with_extra_digits"]) == 3


HEADER_1_ROW_NUMBERS = "收入支出决算总表\n单位：万元\n收入 支出\n项目 行次 决算数 项目 行次 决算数\n"


def test_table_1_labels_of_both_sides_wrapped_around_their_row_numbers_are_read():
    # pdfplumber: each side's label cut in its column, its first part above the line of 行次 and
    # numbers, its last below (the middle part on that line), an income row's label alone on it or
    # blank (only its 行次 printed)
    found = extract(HEADER_1_ROW_NUMBERS + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 31 60.00\n"
                    "二、政府性基金预算财 二、外交\n2 32 -\n政拨款收入 支出\n"
                    "八、社会\n八、其他收入 8 保障和就 38 40.00\n业支出\n"
                    "十一、城\n9 乡社区支 41 -\n出\n"
                    "本年收入合计 10 100.00 本年支出合计 42 100.00\n")
    assert not out_of_order(found)
    assert certain(found, 1) == {
        ("income", "general_budget_appropriation", "amount"): "100.00", ("expenditure", "201", "amount"): "60.00",
        ("expenditure", "202", "amount"): "-", ("expenditure", "208", "amount"): "40.00",
        ("expenditure", "212", "amount"): "-", ("income", "total_income", "amount"): "100.00",
        ("expenditure", "total_expenditure", "amount"): "100.00"}


def test_a_whole_number_among_amounts_with_decimals_in_a_table_with_row_numbers_is_not_certain():
    # the expenditure label of the line lost, its 行次 37 was read as the income row's amount
    found = extract(HEADER_1_ROW_NUMBERS + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 31 60.00\n"
                    "五、事业收入 5 20.00 五、教育支出 35 60.00\n七、附属单位上缴收入 7 37\n"
                    "本年收入合计 10 120.00 本年支出合计 40 120.00\n")
    assert ("income", "affiliated_remittance", "amount") not in certain(found, 1)
    assert certain(found, 1)[("income", "business_income", "amount")] == "20.00"


def test_the_state_capital_income_line_is_not_cut_after_a_class_name():
    # '国有资本经营预算财政拨款收入' starts with '国有资本经营预算', a function class's name: it was read
    # as that class and '财政拨款收入', so its number went to the line of all fiscal income
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n"
                    "三、国有资本经营预算财政拨款收入 5.00 三、国防支出 25.00\n本年收入合计 105.00 本年支出合计 105.00\n")
    assert certain(found, 1)[("income", "state_capital_appropriation", "amount")] == "5.00"
    assert ("income", "fiscal_appropriation", "amount") not in certain(found, 1)


def test_a_page_number_at_the_end_of_a_rows_line_is_not_certain():
    # pypdfium2 put the page's number on the line of the page's last row: the row's three values do
    # not add up. A row that adds up with a whole number at its end keeps it.
    found = extract(HEADER_3 + "221 02 03 购房补贴 25.85 25.85 5\n")
    assert [c.certain for c in found.cells] == [False, False, False]
    assert "page's number" in found.cells[2].note
    whole = extract(HEADER_3 + "221 02 03 购房补贴 30.85 25.85 5\n")
    assert {c.column_key: c.printed for c in whole.cells if c.certain} == {"total": "30.85", "basic": "25.85",
                                                                           "project": "5"}


HEADER_4 = ("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
            "项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n")


def test_two_expenditure_labels_run_together_before_their_numbers_leave_both_rows_uncertain():
    # two rows run into one line: '八、…' has no number of its own, '九、…' four that are two rows'
    found = extract(HEADER_4 + "一、一般公共预算财政拨款 100.00 一、一般公共服务支出 60.00 60.00\n"
                    "八、社会保障和就业支出九、卫生健康支出 30.00 10.00 30.00 10.00\n"
                    "本年收入合计 100.00 本年支出合计 100.00 100.00\n")
    table_4 = certain(found, 4)
    assert not [key for key in table_4 if key[1] in ("208", "210")]
    assert table_4[("expenditure", "201", "total")] == "60.00"
    note = next(c.note for c in found.cells if c.table_no == 4 and c.row_key == "210")
    assert "八、社会保障和就业支出" in note


def test_a_kuan_whose_line_is_followed_by_a_lost_items_code_part_is_not_certain():
    # the line of 2080501 ('208 05 行政单位离退休 10.00 10.00') was lost: its '01' under it ends the 款's
    # code. The table prints 2080505 but no 20805, so the row read as 2080501 may be the 款.
    found = extract(HEADER_3 + "208 社会保障和就业支出 30.00 30.00\n208 05 行政事业单位养老支出 30.00 30.00\n01\n"
                    "208 05 机关事业单位基本养老保险缴费支出 20.00 20.00\n05\n")
    rows = {}
    for c in found.cells:
        rows.setdefault(c.row_key, []).append(c.certain)
    assert rows["2080501"] == [False, False]
    assert rows["2080505"][0] is True  # (its basic or project: the sums fail without the lost line)
    assert [i.provenance.line_start for i in found.issues if i.code == "code_part_unplaced"] == [6]


def test_the_number_after_a_row_whose_next_row_skips_a_number_is_not_certain():
    # pypdf prints every cell on its own line; '十九、住房保障支出' was lost, so its 345.91 follows
    # '十八、…支出'. The same numbers on the labels' lines stay certain.
    lost = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n400.00\n十七、援助其他地区支出\n54.09\n"
                   "十八、自然资源海洋气象等\n支出\n345.91\n二十、粮油物资储备支出\n本年收入合计\n400.00\n本年支出合计\n400.00\n")
    table_1 = certain(lost, 1)
    assert ("expenditure", "220", "amount") not in table_1
    assert table_1[("expenditure", "219", "amount")] == "54.09"
    note = next(c.note for c in lost.cells if c.row_key == "220")
    assert "skips the number 19" in note
    same_line = extract(HEADER_1 + "一、一般公共预算财政拨款收入 400.00 十七、援助其他地区支出 54.09\n"
                        "十八、自然资源海洋气象等支出 345.91\n二十、粮油物资储备支出\n本年收入合计 400.00 本年支出合计 400.00\n")
    assert certain(same_line, 1)[("expenditure", "220", "amount")] == "345.91"


HEADER_7 = ("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n预算数 决算数\n合计 因公出国（境）费 小计 公务用车购置费 "
            "公务用车运行费 公务接待费 合计 因公出国（境）费 小计 公务用车购置费 公务用车运行费 公务接待费\n")


def test_table_7_whose_values_satisfy_its_identities_under_no_one_placement_is_not_certain():
    # the budget's 合计 (1.07) was lost: each identity holds under some placement, none under the
    # same one, and either, alone, put 1.07 under 公务用车运行费
    lost = extract(HEADER_7 + "- - - - 1.07 0.80 - - - - 0.80\n")
    assert [c.certain for c in lost.cells] == [False] * 11
    whole = extract(HEADER_7 + "1.07 - - - - 1.07 0.80 - - - - 0.80\n")
    assert certain(whole, 7)[("", "three_public", "budget_reception")] == "1.07"


def test_a_table_6_amount_after_a_lone_code_part_is_not_certain():
    # PyMuPDF prints each piece on its own line; the lines '35.23 302' and '其他交通费用' were lost,
    # so 30304's name is followed by 30239's code part '39' and 30239's amount
    found = extract(HEADER_6 + "303\n对个人和家庭的补助\n120.00\n303\n04\n抚恤金\n39\n84.52\n303\n05\n生活补助\n35.48\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells["30304"] == ("84.52", False)
    assert cells["30305"] == ("35.48", True)


def test_a_fund_line_read_after_the_years_income_total_is_not_certain():
    # the fund's income amount and the end of the label '年初财政拨款结转和结余' were lost: the
    # carry-over sub-row '一般公共预算财政拨款 10.00' would be read as the year's fund income
    found = extract(HEADER_4 + "一、一般公共预算财政拨款 一、一般公共服务支出 100.00 100.00\n"
                    "本年收入合计 100.00 本年支出合计 100.00 100.00\n年初财政拨款结转和结 10.00\n"
                    "一般公共预算财政拨款 10.00 年末财政拨款结转和结余 10.00 10.00\n总计 110.00 总计 110.00 110.00\n")
    fund = [(c.printed, c.certain) for c in found.cells if c.row_key == "general_budget_appropriation"]
    assert fund == [("10.00", False)]
    assert certain(found, 4)[("income", "total_income", "amount")] == "100.00"


ITEMS_7 = "合计 因公出国（境）费 小计 公务用车购置费 公务用车运行费 公务接待费"


def test_table_7_header_lines_printed_twice_keep_the_column_order():
    # 预算数/决算数 over two groups, their line printed twice: still two groups (the items are named
    # twice); the items' line of a table of pairs printed twice: still pairs (预算数 under every item)
    groups = extract("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n预算数 决算数\n预算数 决算数\n"
                     f"{ITEMS_7} {ITEMS_7}\n8.00 0 6.00 0 6.00 2.00 7.00 0 4.00 0 4.00 3.00\n")
    assert certain(groups, 7)[("", "three_public", "actual_total")] == "7.00"
    pairs = extract("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n" + f"{ITEMS_7}\n{ITEMS_7}\n"
                    + "预算数 决算数 " * 6 + "\n8.00 7.00 0 0 6.00 4.00 0 0 6.00 4.00 2.00 3.00\n")
    assert certain(pairs, 7)[("", "three_public", "actual_total")] == "7.00"


# pdfplumber layout=True; the line of the code of 行政运行 ('201 03') was lost, so the 款's row took
# 行政运行's numbers too: read left to right, its values come from both lines, the last from its own.
TABLE_3_LAID_OUT_ITEM_CODE_LOST = """\
                                     支出决算表
                                                                        单位：元
                                                                    对附属单位补助
         科目编码     科目名称     本年支出合计    基本支出    项目支出   上缴上级支出   经营支出
                                                                      支出
               合计            30,000,000.00 20,000,000.00 10,000,000.00
       201     一般公共服务支出      30,000,000.00 20,000,000.00 10,000,000.00
               政府办公厅（室）及相关
       201 03                30,000,000.00 20,000,000.00 10,000,000.00
               机构事务
               行政运行          16,000,000.00 12,000,000.00 4,000,000.00
       01
       201 03
               一般行政管理事务      14,000,000.00 8,000,000.00 6,000,000.00
       02
"""


def test_a_full_row_laid_out_on_a_grid_gathered_from_two_lines_that_does_not_add_up_is_not_certain():
    found = extract(TABLE_3_LAID_OUT_ITEM_CODE_LOST)
    kuan = [c for c in found.cells if c.row_key == "20103"]
    assert len(kuan) == 6 and not any(c.certain for c in kuan)
    # its values, gathered from two lines, do not add up; and 行政运行's '01', its '201 03' lost, is
    # left under it, the reason given first
    assert "'01' (line 12)" in kuan[0].note


def test_a_row_that_adds_up_under_no_placement_decides_no_other_row():
    # Table 3's 208 lost its second 60.18: its one value is placed in no column for certain, and
    # Table 5's 208 is not placed by 'T3 basic >= T5 basic' with T3's basic read as blank
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 60.18 八、社会保障和就业支出 60.18\n"
                    "本年收入合计 60.18 本年支出合计 60.18\n" + HEADER_3 + "208 社会保障和就业支出 60.18\n"
                    "一般公共预算财政拨款支出决算表\n单位：万元\n项目 小计 基本支出 项目支出\n208 社会保障和就业支出 60.18 60.18\n")
    assert [c.certain for c in found.cells if c.table_no == 3] == [False]
    assert [c.certain for c in found.cells if c.table_no == 5] == [True, False]


# pypdf layout=True prints a 项's last code part under its row; the line of 2080501 (行政单位离退休)
# was lost, so its ' 01' ends the 款's code ('208 05 行政事业单位养老支出').
PYPDF_LAYOUT_ITEM_LINE_LOST = """\
                                                        支出决算表

                                                                                                                        单位：万元

   科目编码              科目名称             本年支出合计           基本支出            项目支出          上缴上级支出           经营支出

              合计                             400.00        400.00

208           社会保障和就业支出                      300.00          300.00

208 05        行政事业单位养老支出                     300.00          300.00

 01

208 05        机关事业单位基本养老保                    200.00          200.00
 05           险缴费支出

210           卫生健康支出                          100.00           100.00

210 11        行政事业单位医疗                       100.00           100.00

210 11        行政单位医疗                          100.00           100.00
 01
"""


def test_a_kuan_laid_out_on_a_grid_followed_by_a_lost_items_code_part_is_not_certain():
    found = extract(PYPDF_LAYOUT_ITEM_LINE_LOST)
    assert [c.certain for c in found.cells if c.row_key == "2080501"] == [False, False]
    assert [c.certain for c in found.cells if c.row_key == "2101101"][0] is True  # its 款 is printed


def test_a_table_6_code_outside_the_classification_or_a_name_run_on_past_a_code_part_is_not_certain():
    # a lost line left '303' (its class name line lost) before another class's item part '28':
    # 30328 is no item; a lost code line ran '工会经费' into '01' and the next item's name
    found = extract(HEADER_6 + "303 28 298.12\n302 28 工会经费01离休费 11.66\n302 01 办公费 5.00\n")
    cells = {c.row_key: c.certain for c in found.cells if c.table_no == 6}
    assert cells == {"30328": False, "30228": False, "30201": True}


def test_table_2_is_not_placed_by_table_1_lines_read_blank_when_the_general_budget_number_was_lost():
    # the line of Table 1's general-budget number was lost: every income line read prints nothing,
    # and they do not add up to 本年收入合计. Made equal to them, Table 2's 合计 would put its
    # 100.00 in 事业收入, the one column no Table 1 line was read for.
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 一、一般公共服务支出 100.00\n四、上级补助收入\n"
                    "本年收入合计 100.00 本年支出合计 100.00\n"
                    "收入决算表\n单位：万元\n项目 本年收入合计 财政拨款收入 上级补助收入 事业收入\n合计 100.00 100.00\n")
    assert [c.certain for c in found.cells if c.table_no == 2] == [True, False]


def test_table_4_funds_are_not_placed_by_income_lines_read_blank_when_the_general_budget_number_was_lost():
    # the general-budget income number was lost: its line and the carry-over lines read blank, and
    # 'income + carry-over = 总计' in each fund read would leave 总计's 100.00 to the fund not read
    found = extract(HEADER_4 + "一、一般公共预算财政拨款 一、一般公共服务支出 100.00 100.00\n二、政府性基金预算财政拨款\n"
                    "本年收入合计 100.00 本年支出合计 100.00 100.00\n年初财政拨款结转和结余 年末财政拨款结转和结余\n"
                    "一般公共预算财政拨款 一般公共预算财政拨款\n政府性基金预算财政拨款 政府性基金预算财政拨款\n"
                    "总计 100.00 总计 100.00 100.00\n")
    assert ("expenditure", "grand_total", "state_capital") not in certain(found, 4)
    assert certain(found, 4)[("expenditure", "grand_total", "total")] == "100.00"


def test_a_kuan_read_after_one_of_its_items_is_not_certain():
    # the lines '208 05 行政单位离退休 10.00 10.00' and '05 缴费支出' (the end of 2080505's code and name)
    # were lost: the 款's line, followed by '01', reads as 2080501, and 2080505's line as the 款
    found = extract(HEADER_3 + "208 社会保障和就业支出 30.00 30.00\n208 05 行政事业单位养老支出 30.00 30.00\n01\n"
                    "208 05 机关事业单位基本养老保险 20.00 20.00\n")
    assert {c.row_key for c in found.cells if not c.certain} >= {"2080501", "20805"}
    assert {c.row_key for c in found.cells if c.certain} <= {"208"}
    assert [i.provenance.line_start for i in found.issues if i.code == "code_part_unplaced"] == [6, 7]


def test_a_kuan_read_after_its_items_from_an_items_line_that_lost_its_code_part_is_not_certain():
    # pdfplumber centres a code on its wrapped row; the 款's line ('221 02 住房改革支出 40.00 40.00')
    # and 2210202's last code part ('02') were lost, so 提租补贴 reads as the 款 22102, after its 项
    found = extract(HEADER_3 + "221 住房保障支出 40.00 40.00\n221 02\n住房公积金 30.00 30.00\n01\n221 02\n提租补贴 10.00 10.00\n")
    assert [c.certain for c in found.cells if c.row_key == "22102"] == [False, False]
    intact = extract(HEADER_3 + "221 住房保障支出 40.00 40.00\n221 02 住房改革支出 40.00 40.00\n221 02\n住房公积金 30.00 30.00\n"
                     "01\n221 02\n提租补贴 10.00 10.00\n02\n")
    assert certain(intact, 3)[("", "22102", "total")] == "40.00"
    assert not [i for i in intact.issues if i.code == "code_part_unplaced"]


def test_table_6_numbers_of_a_line_printed_twice_are_not_certain():
    # PyMuPDF prints an amount and the next item's code on one line ('35.00 30217'); printed twice,
    # its second copy gave 30217, which prints nothing, the amount of 30113
    found = extract(HEADER_6 + "30113\n住房公积金\n35.00 30217\n35.00 30217\n公务接待费\n30114\n医疗费\n5.00 30226\n劳务费\n2.00\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells["30113"] == ("35.00", False) and cells["30217"] == ("35.00", False)
    assert cells["30114"] == ("5.00", True) and cells["30226"] == ("2.00", True)


def test_a_table_6_name_printed_twice_before_another_items_name_is_not_certain():
    # the line of 30111's code was lost and 30213's name printed twice: its name runs on into
    # 30111's, and 30111's amount follows
    found = extract(HEADER_6 + "30213\n维修（护）费\n维修（护）费\n公务员医疗补助缴费\n81.57 30215\n会议费\n3.08\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells == {"30213": ("81.57", False), "30215": ("3.08", True)}


def test_a_page_number_under_a_table_6_item_is_not_certain_where_whole_numbers_are_not_all_dropped():
    # the page's number, printed twice, stands under 会议费, which prints nothing (the first copy was
    # read as the page's); a misread code part keeps whole numbers in the table, so the lone ones
    # are not all dropped as page numbers
    found = extract(HEADER_6 + "302 15 会议费\n6\n302 16 培训费 4.23\n302 99 其他商品和服务支出 12\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells == {"30215": ("6", False), "30216": ("4.23", True), "30299": ("12", False)}


HEADER_4_ROW_NUMBERS = ("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款 "
                        "政府性基金预算财政拨款 国有资本经营预算财政拨款\n")


def test_the_amount_after_a_row_number_no_label_read_has_is_not_certain():
    # pypdf prints every cell on its own line (the expenditure side's fund lines print only labels and
    # 行次); the income side's '总计' (行次 9) was lost, so its 110.00 follows the last fund's lines
    found = extract(HEADER_4_ROW_NUMBERS + "一、一般公共预算财政拨款\n1\n100.00\n一、一般公共服务支出\n10\n100.00\n100.00\n"
                    "二、政府性基金预算财政拨款\n2\n三、国有资本经营预算财政拨款\n3\n本年收入合计\n4\n100.00\n本年支出合计\n11\n"
                    "100.00\n100.00\n年初财政拨款结转和结余\n5\n10.00\n年末财政拨款结转和结余\n12\n10.00\n10.00\n"
                    "一般公共预算财政拨款\n6\n10.00\n一般公共预算财政拨款\n13\n政府性基金预算财政拨款\n7\n政府性基金预算财政拨款\n14\n"
                    "国有资本经营预算财政拨款\n8\n国有资本经营预算财政拨款\n15\n9\n110.00\n总计\n16\n110.00\n110.00\n")
    table_4 = certain(found, 4)
    assert ("income", "carryover_begin_state_capital", "amount") not in table_4
    assert table_4[("income", "carryover_begin_general_budget", "amount")] == "10.00"
    note = next(c.note for c in found.cells if c.row_key == "carryover_begin_state_capital")
    assert "行次 9" in note


def test_a_table_4_class_given_the_numbers_of_a_class_it_leaves_blank_is_not_certain():
    # pdftotext's default mode printed 住房保障支出's 20.00 20.00 after the next class's 行次: Table 5
    # prints class 221 with 20.00 and no class 232, so 232's numbers are 221's as likely
    found = extract(HEADER_4_ROW_NUMBERS + "一、一般公共预算财政拨款\n1\n50.00\n一、一般公共服务支出\n10\n30.00\n30.00\n"
                    "二、政府性基金预算财政拨款\n2\n二、住房保障支出\n11\n三、债务付息支出\n12\n20.00\n20.00\n"
                    "本年收入合计\n3\n50.00\n本年支出合计\n13\n50.00\n50.00\n"
                    + HEADER_5 + "合计 50.00 50.00\n201 一般公共服务支出 30.00 30.00\n221 住房保障支出 20.00 20.00\n")
    assert "table 5 prints no class 232 but prints class 221 with this number" in uncertain_note(found, 4, "232")
    assert certain(found, 4)[("expenditure", "201", "general_budget")] == "30.00"
    assert certain(found, 5)[("", "221", "total")] == "20.00"


def test_a_column_header_after_a_two_sided_tables_first_numbered_label_puts_it_out_of_order():
    # pdftotext's default mode printed the income side's '决算数' under its first label, before any
    # number, and the expenditure side's column header '一般公共预算财政拨款' among the rows, where it
    # reads as the income line of that name and took 201's 260.00
    found = extract("财政拨款收入支出决算总表\n单位：万元\n项目\n一、一般公共预算财政拨款\n决算数\n300.00\n项目\n"
                    "一、一般公共服务支出\n二、政府性基金预算财政拨款\n二、外交支出\n合计\n260.00\n一般公共预算财\n政拨款\n"
                    "260.00\n三、国防支出\n八、社会保障和就业支出\n40.00\n40.00\n本年收入合计\n300.00\n本年支出合计\n300.00\n"
                    "300.00\n")
    disorder = [i.message for i in found.issues if i.code == "table_out_of_order"]
    assert disorder and disorder[0].startswith("table 4: the column header '决算数' is printed among the rows (line 5)")
    assert not certain(found, 4)


def test_the_lines_of_a_carry_over_total_read_without_its_number_are_not_certain():
    # every cell on its own line; the number of '年初财政拨款结转和结余' and the income side's '总计'
    # were lost, so 总计's 110.00 follows the last fund's label
    found = extract(HEADER_4 + "一、一般公共预算财政拨款\n100.00\n一、一般公共服务支出\n100.00\n100.00\n本年收入合计\n100.00\n"
                    "本年支出合计\n100.00\n100.00\n年初财政拨款结转和结余\n年末财政拨款结转和结余\n10.00\n10.00\n"
                    "一般公共预算财政拨款\n10.00\n国有资本经营预算财政拨款\n110.00\n总计\n110.00\n110.00\n")
    fund_lines = [(c.row_key, c.certain) for c in found.cells if c.row_key.startswith("carryover_begin_")]
    assert fund_lines == [("carryover_begin_general_budget", False), ("carryover_begin_state_capital", False)]
    assert certain(found, 4)[("income", "total_income", "amount")] == "100.00"


def test_a_table_6_item_given_the_number_of_a_lost_total_label_is_not_certain():
    # every cell on its own line; the label '人员经费合计' was lost, so its 100.00 follows the name of
    # 31099, which prints nothing. Its class's items add up without it; or, with the class's line
    # lost too, the number is the personnel classes' sum.
    body = ("301\n工资福利支出\n100.00\n30101\n基本工资\n100.00\n{}31002\n办公设备购置\n3.00\n31007\n信息网络及软件购置更新\n"
            "2.00\n31099\n其他资本性支出\n100.00\n公用经费合计\n5.00\n")
    for class_line, why in (("310\n资本性支出\n5.00\n", "items of class 310"), ("", "'人员经费合计'")):
        found = extract(HEADER_6 + body.format(class_line))
        cells = {c.row_key: c for c in found.cells if c.table_no == 6}
        assert not cells["31099"].certain and why in cells["31099"].note
        assert cells["30101"].certain and cells["31002"].certain and cells["31007"].certain



def test_a_row_that_took_a_line_printed_twice_and_does_not_add_up_decides_no_other_row():
    # PyMuPDF prints every number on its own line; in Table 5, '300.00' was printed twice and the
    # project's '100.00' lost, so its row reads 300.00 300.00 200.00. Through 'T3 >= T5' it had put
    # Table 3's 200.00 (its basic) in 项目支出.
    found = extract("支出决算表\n单位：万元\n项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出\n"
                    "20802\n民政管理事务\n300.00\n200.00\n100.00\n"
                    "一般公共预算财政拨款支出决算表\n单位：万元\n项目 小计 基本支出 项目支出\n"
                    "20802\n民政管理事务\n300.00\n300.00\n200.00\n")
    assert certain(found, 3) == {("", "20802", "total"): "300.00"}
    assert "two of them alike" in next(c.note for c in found.cells if c.table_no == 5)


def test_the_lines_of_a_failing_sum_in_a_table_that_lost_a_years_total_label_are_not_certain():
    # pypdf prints every cell on its own line; the labels '三、其他收入' and '本年收入合计' were lost,
    # so their 20.00 and 120.00 follow '二、外交支出' and '三、国防支出', which print nothing. Their
    # side's sum fails, and no one line left out makes it hold.
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00\n一、一般公共服务支出\n90.00\n二、上级补助收入\n二、外交支出\n"
                    "20.00\n三、国防支出\n120.00\n本年支出合计\n90.00\n")
    assert certain(found, 1) == {("income", "general_budget_appropriation", "amount"): "100.00",
                                 ("expenditure", "total_expenditure", "amount"): "90.00"}
    assert "'本年收入合计' label was not read" in next(c.note for c in found.cells if c.row_key == "203")


def test_a_table_6_item_given_a_lost_totals_number_is_not_certain_when_a_class_read_two_numbers():
    # as above, the class 310 line lost too; and a lost line gave 303 another row's 4.00 after its
    # own 20.00: the personnel classes add up to 120.00 with 303's own number
    found = extract(HEADER_6 + "301\n工资福利支出\n100.00\n30101\n基本工资\n100.00\n303\n对个人和家庭的补助\n20.00\n4.00\n"
                    "30301\n离休费\n20.00\n31099\n其他资本性支出\n120.00\n公用经费合计\n5.00\n")
    assert "'人员经费合计'" in uncertain_note(found, 6, "31099")
    assert {"30101", "30301"} <= certain_rows(found, 6)


def test_a_table_6_class_name_run_on_into_two_other_class_names_is_not_certain():
    # PyMuPDF prints every piece on its own line, the three groups' first row side by side; the lines
    # '7,941.18 302' and '673.54 310' were lost, so 301's name runs on into 302's and 310's, and
    # 310's 60.00 follows
    found = extract(HEADER_6 + "301\n工资福利\n支出\n商品和服\n务支出\n资本性支\n出\n60.00\n30101\n基本工资\n50.00\n")
    cells = {c.row_key: (c.certain, c.note) for c in found.cells if c.table_no == 6}
    assert cells["301"][0] is False and "'资本性支出'" in cells["301"][1]
    assert cells["30101"] == (True, "")


def test_a_subject_row_named_as_an_item_under_it_in_another_table_is_not_certain():
    # pdfplumber centres a code on its row; in Table 5 the 款's line and 行政运行's last code part
    # ('01') were lost, so 行政运行's row reads as the 款 20103, a code Table 3 names otherwise and
    # whose item 2010301 it names 行政运行 (Table 5 prints no 2010301)
    found = extract(HEADER_3 + "201 一般公共服务支出 300.00 200.00 100.00\n201 03 政府办公厅(室)及相关机构事务 300.00 200.00 100.00\n"
                    "201 03 01 行政运行 200.00 200.00 0.00\n201 03 02 一般行政管理事务 100.00 0.00 100.00\n"
                    "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 小计 基本支出 项目支出\n"
                    "201 一般公共服务支出 300.00 200.00 100.00\n201 03\n行政运行 200.00 200.00 0.00\n201 03\n"
                    "一般行政管理事务 100.00 0.00 100.00\n02\n")
    assert [c.certain for c in found.cells if c.table_no == 5 and c.row_key == "20103"] == [False, False, False]
    assert all(c.certain for c in found.cells if c.table_no == 3)
    assert [i.code for i in found.issues if "20103" in i.message][:1] == ["code_name_mismatch"]


def test_a_subject_row_followed_by_a_code_part_no_row_took_is_not_certain():
    # PyMuPDF sorted by position centres a 项's code on its name: '201 03' above, '01' below. The
    # lines '行政运行 150.00 150.00' and the next '201 03' were lost, so 一般行政管理事务's number
    # follows the code 2010301 and its own '02' is left over
    found = extract(
        "支出决算表\n单位：万元\n  科目编码       科目名称              本年支出合计      基本支出      项目支出\n\n"
        " 201        一般公共服务支出               300.00        200.00        100.00\n\n"
        " 201 03     政府办公厅(室)及相关           300.00        200.00        100.00\n            机构事务\n\n"
        " 201 03\n  01\n            一般行政管理事务               100.00                      100.00\n  02\n\n"
        " 201 03\n            事业运行                        50.00         50.00\n  50\n")
    cells = [c for c in found.cells if c.row_key == "2010301"]
    assert cells and not any(c.certain for c in cells) and "'02' (line 13)" in cells[0].note
    assert certain(found, 3)[("", "2010350", "total")] == "50.00"


def test_a_table_6_name_run_on_into_the_end_of_another_items_name_is_not_certain():
    # pypdfium2 breaks names over lines; '609.90 30215 会议费' and '30112 其他社会保' were lost, so
    # 30111's name runs on into the end of 30112's ('障缴费') and 30112's number follows
    found = extract(HEADER_6 + "301\n工资福利支出\n100.00\n30111\n公务员医疗\n补助缴费\n障缴费\n20.00\n30113\n住房公积金\n40.00\n")
    assert "'障缴费'" in uncertain_note(found, 6, "30111")
    assert {"30113", "301"} <= certain_rows(found, 6)


def test_a_table_6_row_named_as_another_item_run_on_into_the_next_groups_name_is_not_certain():
    # pdfplumber prints the two groups' rows side by side, the code parts under the names; the lines
    # '医疗费补助 11.30 310 资本性支出 14.32' and '303 310' were lost, so '07' joins '奖励金' (30309's name)
    # and the capital group's 10.00 goes to the personnel row 30307
    found = extract(HEADER_6 + "303 对个人和家庭的补助 30.00 302 商品和服务支出 20.00\n303 302\n退休费 25.00 办公费 20.00\n"
                    "02 01\n303\n07\n奖励金 办公设备购置 10.00\n09 02\n")
    assert "the name of 30309" in uncertain_note(found, 6, "30307")
    assert {"30302", "30201"} <= certain_rows(found, 6)


def test_a_line_read_twice_counts_once_in_its_sides_sum():
    # PyMuPDF prints each number before the next label; '年初结转和结余' was lost, so its 20.00 follows
    # '结余分配', and '30.00' was printed twice. The expenditure side adds up without 20.00, with
    # 年末结转和结余's 30.00 counted once
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00 一、一般公共服务支出\n90.00\n本年收入合计\n100.00 本年支出合计\n"
                    "90.00\n结余分配\n20.00 年末结转和结余\n30.00\n30.00\n总计\n120.00 总计\n120.00\n")
    assert ("expenditure", "balance_distribution", "amount") not in certain(found, 1)
    assert certain(found, 1)[("expenditure", "total_expenditure", "amount")] == "90.00"


# PyMuPDF prints each number of Table 1 before the next label: 100.00 received, 20.00 carried over
# (年初结转和结余); 90.00 spent, 30.00 carried on (年末结转和结余); 120.00 on each side.
TABLE_1_NUMBER_BEFORE_LABEL = HEADER_1 + ("一、一般公共预算财政拨款收入\n100.00 一、一般公共服务支出\n90.00\n本年收入合计\n"
                                          "100.00 本年支出合计\n90.00\n使用非财政拨款结余\n结余分配\n")


def test_a_number_the_other_sides_failing_sum_lacks_exactly_is_not_certain():
    # '年初结转和结余' and the income side's '总计' were lost: 年初结转和结余's 20.00 follows 结余分配
    found = extract(TABLE_1_NUMBER_BEFORE_LABEL + "20.00 年末结转和结余\n30.00\n120.00 总计\n120.00\n")
    cells = {(c.section, c.row_key): c for c in found.cells if c.table_no == 1}
    assert not cells["expenditure", "balance_distribution"].certain
    assert "the other side's sum lacks exactly this number" in cells["expenditure", "balance_distribution"].note
    assert cells["income", "total_income"].certain


def test_the_line_before_a_lost_carry_over_label_is_not_certain():
    # '年初结转和结余' and '20.00 年末结转和结余' were lost: 年末结转和结余's 30.00 follows 结余分配, and
    # the expenditure side still adds up with it
    found = extract(TABLE_1_NUMBER_BEFORE_LABEL + "30.00\n总计\n120.00 总计\n120.00\n")
    cells = {(c.section, c.row_key): c for c in found.cells if c.table_no == 1}
    assert not cells["expenditure", "balance_distribution"].certain
    assert "'年末结转和结余' label" in cells["expenditure", "balance_distribution"].note
    assert cells["expenditure", "grand_total"].certain


def test_a_table_6_number_another_classs_failing_sum_lacks_exactly_is_not_certain():
    # PyMuPDF interleaves the two groups, each number before the next code; '5.00 30239' and
    # '其他交通费用' were lost, so 30239's 4.00 follows 30304's name, and class 302 lacks it
    found = extract(HEADER_6 + "303\n对个人和家庭的补助\n30.00 302\n商品和服务支出\n20.00\n30301\n离休费\n10.00 30201\n办公费\n"
                    "16.00\n30304\n抚恤金\n4.00\n30305\n生活补助\n15.00\n")
    assert "another class's items lacks exactly" in uncertain_note(found, 6, "30304")
    assert {"30301", "30305", "30201"} <= certain_rows(found, 6)


def test_a_subject_row_with_a_code_part_inside_its_name_is_not_certain():
    # pypdfium2 wraps names; the 款's number line and the 项's '208 05' were lost, so the 款 runs on
    # through the 项's '05' into its name, and the 项's numbers follow
    found = extract(HEADER_3 + "208 社会保障和就业支出 30.00 30.00\n208 05 行政事业单位养\n老支出\n05\n机关事业单位基\n"
                    "本养老保险缴费支出\n20.00 20.00\n208 05\n06\n机关事业单位职\n业年金缴费支出\n10.00 10.00\n")
    kuan = [c for c in found.cells if c.row_key == "20805"]
    assert kuan and not any(c.certain for c in kuan) and "'05' stands inside" in kuan[0].note
    assert certain(found, 3)[("", "2080506", "total")] == "10.00"


def test_a_two_sided_row_whose_label_line_is_printed_twice_is_not_certain():
    # PyMuPDF prints a 行次 a line; '20.00 二、外交支出' (the fund income's number, the next label) was
    # printed twice, so 外交支出 took the copy's 20.00; its own 0 follows its 行次
    found = extract("收入支出决算总表\n单位：万元\n收入\n支出\n项目\n行次\n决算数\n项目\n行次\n决算数\n"
                    "一、一般公共预算财政拨款收入\n1\n100.00 一、一般公共服务支出\n31\n100.00\n二、政府性基金预算财政拨款收入\n2\n"
                    "20.00 二、外交支出\n20.00 二、外交支出\n32\n0\n本年收入合计\n3\n120.00\n")
    cells = {(c.section, c.row_key): c for c in found.cells if c.table_no == 1}
    assert not cells["expenditure", "202"].certain and "printed twice" in cells["expenditure", "202"].note
    assert cells["income", "gov_fund_appropriation"].certain


def test_a_subject_row_whose_name_runs_on_into_an_item_under_it_is_not_certain():
    # pypdf layout=True: Table 5 lost the 款's number line and 行政运行's '01', so the 款's last name
    # line ('构事务') runs on into 行政运行's, whose numbers follow; Table 3 names both rows
    found = extract(HEADER_3 + "201 一般公共服务支出 300.00 200.00 100.00\n201 03 政府办公厅(室)及相关机构事务 300.00 200.00 100.00\n"
                    "201 03 01 行政运行 200.00 200.00 0.00\n201 03 02 一般行政管理事务 100.00 0.00 100.00\n"
                    "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 小计 基本支出 项目支出\n"
                    "201 一般公共服务支出 300.00 200.00 100.00\n政府办公厅(室)及相关机\n201 03 构事务 行政运行 200.00 200.00 0.00\n"
                    "201 03 02 一般行政管理事务 100.00 0.00 100.00\n")
    kuan = [c for c in found.cells if c.table_no == 5 and c.row_key == "20103"]
    assert kuan and not any(c.certain for c in kuan) and "2010301" in kuan[0].note
    assert certain(found, 5)[("", "2010302", "total")] == "100.00"


def test_a_subject_row_printing_only_zeros_above_an_amount_is_not_certain():
    # pypdf prints a cell a line; the 款's '444.80' / '-' / '444.80' were lost but for a '-' printed
    # twice, so the 款 reads '-' while its 项 prints 444.80
    found = extract(HEADER_3 + "208\n社会保障和就业支出\n544.80\n-\n544.80\n20805\n行政事业单位养老支出\n100.00\n100.00\n"
                    "20810\n社会福利\n-\n2081002\n老年福利\n444.80\n-\n444.80\n")
    kuan = [c for c in found.cells if c.row_key == "20810"]
    assert kuan and not any(c.certain for c in kuan) and "2081002 under it prints 444.80" in kuan[0].note
    assert certain(found, 3)[("", "2081002", "total")] == "444.80"


def test_the_line_before_a_sides_lost_total_label_is_not_certain():
    # pypdf prints the labels, each number after its own; the income side's '总计' was lost, so its
    # 100.00 follows '年末结转和结余', which prints nothing, and the other '总计' reads as the income side's
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00\n一、一般公共服务支出\n100.00\n本年收入合计\n100.00\n本年支出合计\n"
                    "100.00\n使用非财政拨款结余\n结余分配\n年初结转和结余\n年末结转和结余\n100.00\n总计\n100.00\n")
    cells = {(c.section, c.row_key): c for c in found.cells if c.table_no == 1}
    assert not cells["expenditure", "carryover_end"].certain
    assert "'总计' label" in cells["expenditure", "carryover_end"].note
    assert cells["expenditure", "total_expenditure"].certain


def test_numbers_on_the_line_of_another_label_of_the_side_are_not_certain():
    # pdfplumber layout=True wraps '年末财政拨款' / '结转和结余' around its line; that line was lost, and
    # the label took the line above it, 本年支出合计's, which then reads nothing
    found = extract("                            2021年度财政拨款收入支出决算总表\n"
                    "             项目            决算数     项目         合计\n"
                    "                       次                 次           政拨款     财政拨款    算财政拨款\n"
                    "       三、国有资本经营预算财政拨款  3         三、国防支出  33       0       0\n"
                    "                                 四、公共安全\n"
                    "                       4                 34       0       0\n"
                    "                       5         五、教育支出  35       0       0\n"
                    "                       24                54       0       0\n"
                    "       本年收入合计          25     1000.00 本年支出合计 55 1000.00 1000.00\n"
                    "                                 年末财政拨款\n"
                    "                                 结转和结余\n\n"
                    "                                 一般公共预算\n"
                    "       总计              30     1000.00 总计 60     1000.00 1000.00\n")
    carry_over = [c for c in found.cells if c.row_key == "carryover_end"]
    assert carry_over and not any(c.certain for c in carry_over) and "'本年支出合计'" in carry_over[0].note


def test_a_nameless_item_followed_by_another_items_code_part_is_not_certain():
    # pdfplumber centres a 项's code on its wrapped name ('201 03' / name and numbers / '02 管理事务');
    # 行政运行's name and numbers and the next '201 03 一般行政' were lost, so 一般行政管理事务's numbers
    # follow 行政运行's code, with no name, and its '02' is left under them
    found = extract(HEADER_3 + "201 一般公共服务支出 300.00 200.00 100.00\n201 03 政府办公厅(室)及相关机构事务 300.00 200.00 100.00\n"
                    "201 03\n01\n100.00 - 100.00\n02 管理事务\n201 03\n事业运行 50.00 50.00 -\n50\n")
    item = [c for c in found.cells if c.row_key == "2010301"]
    assert len(item) == 3 and not any(c.certain for c in item) and "'02'" in item[0].note
    assert certain(found, 3)[("", "2010350", "total")] == "50.00"


# Table 3 as the document prints it, for Table 5's damaged copies below
TABLE_3_PENSIONS = HEADER_3 + ("208 05 01 行政单位离退休 20.00 20.00\n208 05 05 机关事业单位基本养老保险缴费支出 70.00 70.00\n"
                               "208 05 06 机关事业单位职业年金缴费支出 30.00 30.00\n")
HEADER_5 = "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 小计 基本支出 项目支出\n"


def test_a_subject_row_named_as_another_items_name_with_a_middle_line_lost_is_not_certain():
    # pypdf layout=True wraps names under their code ('208 05 机关事业单位基本养老保险 …' / '05 缴费支出');
    # the lines '05 缴费支出' and 2080506's own line were lost, so 2080505's numbers get 2080506's '06'
    found = extract(TABLE_3_PENSIONS + HEADER_5 + "208 05 01 行政单位离退休 20.00 20.00\n"
                    "208 05 机关事业单位基本养老保险 70.00 70.00\n06 支出\n")
    item = [c for c in found.cells if c.table_no == 5 and c.row_key == "2080506"]
    assert item and not any(c.certain for c in item) and "2080505" in item[0].note
    assert certain(found, 5)[("", "2080501", "total")] == "20.00"


def test_a_subject_row_named_as_another_item_run_on_into_a_third_is_not_certain():
    # the lines ' 01' and '208 05 机关事业单位基本养老保 …' were lost: 行政单位离退休's numbers get
    # 2080505's '05' and the end of its name
    found = extract(TABLE_3_PENSIONS + HEADER_5 + "208 05 行政单位离退休 20.00 20.00\n05 险缴费支出\n")
    item = [c for c in found.cells if c.table_no == 5 and c.row_key == "2080505"]
    assert item and not any(c.certain for c in item) and "2080501" in item[0].note


def test_rows_of_a_subject_line_printed_twice_on_a_grid_are_not_certain():
    # pypdf layout=True printed 行政单位离退休's line twice where the 款's line was lost: the first copy
    # reads as the 款 20805, the second, with the '01' under it, as 2080501
    found = extract("                              一般公共预算财政拨款支出决算表\n"
                    "                                                                       单位：万元\n\n"
                    "   科目编码                科目名称                   小计             基本支出              项目支出\n\n"
                    "208            社会保障和就业支出                           90.00           90.00\n\n"
                    "208 05         行政单位离退休                             20.00           20.00\n"
                    "208 05         行政单位离退休                             20.00           20.00\n01\n\n"
                    "208 05         机关事业单位基本养老保险                        70.00           70.00\n05             缴费支出\n")
    copies = [c for c in found.cells if c.row_key in ("20805", "2080501")]
    assert len(copies) == 4 and not any(c.certain for c in copies) and "printed twice" in copies[0].note
    assert certain(found, 5)[("", "2080505", "total")] == "70.00"


def test_table_7_whose_sums_hold_only_in_the_other_column_order_is_not_certain():
    # pypdfium2 printed the header line '预算数 决算数' three times (read as a pair over every item) and
    # lost '小计'; the values are all budgets, then all actuals, the order in which the sums hold
    found = extract("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n预算数 决算数\n预算数 决算数\n预算数 决算数\n合计\n"
                    "因公出国\n(境)费\n公务用车\n购置费\n公务用车\n运行费\n公务接待 合计\n因公出国\n(境)费\n小计\n公务用车\n购置费\n"
                    "公务用车\n运行费\n公务接待\n9.00 - 7.00 5.00 2.00 2.00 8.00 - 7.00 4.50 2.50 1.00\n")
    cells = [c for c in found.cells if c.table_no == 7]
    assert len(cells) == 12 and not any(c.certain for c in cells) and "hold in the other" in cells[0].note


def test_a_table_that_reads_a_code_twice_is_no_evidence_of_its_name():
    # Table 2 reads 22102 twice, the second named 住房公积金 (its '01' lost), as Table 3 does after
    # losing 22102's own line; Table 5 names 住房公积金 as 2210201, which Table 3 does not print
    found = extract("收入决算表\n单位：万元\n科目编码 科目名称 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入\n"
                    "221 住房保障支出 300.00 300.00\n221 02 住房改革支出 300.00 300.00\n221 02 住房公积金 200.00 200.00\n"
                    "221 02 03 提租补贴 100.00 100.00\n" + HEADER_3 + "221 住房保障支出 300.00 300.00\n221 02 住房公积金 200.00 200.00\n"
                    "221 02 03 提租补贴 100.00 100.00\n" + HEADER_5 + "221 住房保障支出 300.00 300.00\n"
                    "221 02 住房改革支出 300.00 300.00\n221 02 01 住房公积金 200.00 200.00\n221 02 03 提租补贴 100.00 100.00\n")
    kuan = [c for c in found.cells if c.table_no == 3 and c.row_key == "22102"]
    assert kuan and not any(c.certain for c in kuan) and "2210201" in kuan[0].note


TABLE_3_HEALTH_HOUSING = HEADER_3 + (
    "210 卫生健康支出 300.00 300.00\n210 11 行政事业单位医疗 300.00 300.00\n210 11 01 行政单位医疗 200.00 200.00\n"
    "210 11 03 公务员医疗补助 100.00 100.00\n221 住房保障支出 50.00 50.00\n221 02 住房改革支出 50.00 50.00\n"
    "221 02 01 住房公积金 50.00 50.00\n")


def test_a_subject_row_named_with_the_first_line_of_an_item_under_it_is_not_certain():
    # pdfplumber layout=True wraps names in four characters; the 款's number line and the line
    # '01 医疗' were lost, so the 款 is named '行政事业单位医疗' + '行政单位' and gets 2101101's numbers
    found = extract(TABLE_3_HEALTH_HOUSING + HEADER_5 + "210 卫生健康支出 300.00 300.00\n"
                    "210 11 行政事业单位医疗行政单位 200.00 200.00\n210 11 03 公务员医疗补助 100.00 100.00\n")
    assert "2101101" in uncertain_note(found, 5, "21011")
    assert certain(found, 5)[("", "2101103", "total")] == "100.00"


def test_a_subject_row_named_with_the_next_classs_name_is_not_certain():
    # pypdf prints code, name and numbers on lines of their own; the lines '200.00', '200.00' and '221'
    # were lost, so 行政单位医疗 runs on into the class name '住房保障支出' and gets the class's numbers
    found = extract(TABLE_3_HEALTH_HOUSING + HEADER_5 + "210 卫生健康支出 300.00 300.00\n"
                    "210 11 行政事业单位医疗 300.00 300.00\n2101101\n行政单位医疗\n住房保障支出\n50.00\n50.00\n"
                    "210 11 03 公务员医疗补助 100.00 100.00\n221 02 住房改革支出 50.00 50.00\n")
    assert "221" in uncertain_note(found, 5, "2101101")
    assert certain(found, 5)[("", "22102", "total")] == "50.00"


def test_a_table_6_name_with_a_line_printed_twice_run_on_into_another_items_name_is_not_certain():
    # PyMuPDF prints a name a line at a time; '职业年金' was printed twice and '64.64 30211' lost, so
    # 30109's name runs on into 差旅费's and 差旅费's number follows
    found = extract(HEADER_6 + "301\n工资福利支出\n100.00\n30109\n职业年金\n职业年金\n缴费\n差旅费\n8.00\n30110\n"
                    "职工基本\n医疗保险\n缴费\n30.00\n")
    assert "'差旅费'" in uncertain_note(found, 6, "30109")
    assert {"30110", "301"} <= certain_rows(found, 6)


def test_a_table_6_item_whose_number_another_class_lacks_with_a_line_printed_twice_is_not_certain():
    # PyMuPDF prints each number before the next code; '5.00' was printed twice and '27.00 30217' /
    # '公务接待费' were lost, so 奖金 gets 公务接待费's 15.00, which the class 302 lacks (its 5.00 once)
    found = extract(HEADER_6 + "301\n工资福利支出\n107.00 302\n商品和服务支出\n30.00\n30101\n基本工资\n60.00 30201\n办公费\n"
                    "10.00\n30102\n津贴补贴\n20.00 30202\n印刷费\n5.00\n5.00\n30103\n奖金\n15.00\n")
    assert "another class" in uncertain_note(found, 6, "30103")
    assert {"30101", "30201"} <= certain_rows(found, 6)


def test_a_table_6_code_read_with_the_start_of_another_codes_name_is_not_certain():
    # pypdfium2 puts a row's class code ('302 ') at the end of the line before it; the line
    # '05 水费 1.88 310 ' was lost, so 302 joins the '07' of 31007, whose name's last line ('新') is
    # not read with it: 30207 (邮电费 in the classification) named '信息网络及软件购置更'
    found = extract(HEADER_6 + "301 工资福利支出 40.00 302 商品和服务支出 5.00\n301 \n01 基本工资 40.00 302 \n"
                    "01 办公费 5.00\n301 \n03 奖金 0.00 302 \n07\n信息网络及\n软件购置更 0.00\n")
    assert ("personnel", "30101", "amount") in certain(found, 6)
    assert [c.certain for c in found.cells if c.row_key == "30207"] == [False]
    mismatch = [i for i in found.issues if i.code == "code_name_mismatch"]
    assert len(mismatch) == 1 and "30207" in mismatch[0].message and "31007" in mismatch[0].message


def test_a_subject_row_named_with_the_end_of_a_lost_siblings_name_under_a_failing_parent_is_not_certain():
    # pypdfium2 wraps names under their code; the lines '70.00 70.00' and '2080506 机关事业单位职业年金缴费'
    # were lost, so 2080505's name gets 2080506's last line ('支出') and its numbers: 20805's sum fails
    found = extract(TABLE_3_PENSIONS + HEADER_5 + "208 05 行政事业单位养老支出 120.00 120.00\n"
                    "2080501 行政单位离退休 20.00 20.00\n2080505 机关事业单位基本养老保险\n缴费支出\n支出\n30.00 30.00\n")
    assert "2080506" in uncertain_note(found, 5, "2080505")
    assert certain(found, 5)[("", "2080501", "total")] == "20.00"


def test_a_subject_row_ending_as_an_unprinted_rows_name_under_a_failing_parent_is_not_certain():
    # pypdfium2 wraps names under their code; 一般行政管理事务's numbers and '20805 行政事业单位' were
    # lost, so 2080202 reads '…事务' + '养老支出' (the end of 20805's name) and 20805's numbers. The
    # other tables print 2080202's name cut ('一般行政管理事'), so what follows it is '务养老支出'
    found = extract(HEADER_3 + "208 社会保障和就业支出 100.00 100.00\n20802 民政管理事务 60.00 60.00\n"
                    "2080201 行政运行 40.00 40.00\n2080202 一般行政管理事 20.00 20.00\n20805 行政事业单位养老支出 40.00 40.00\n"
                    + HEADER_5 + "208 社会保障和就业支出 100.00 100.00\n20802 民政管理事务 60.00 60.00\n"
                    "2080201 行政运行 40.00 40.00\n2080202 一般行政管理\n事务\n养老支出\n40.00 40.00\n")
    assert "20805" in uncertain_note(found, 5, "2080202")


# Table 5's 224 as PyMuPDF prints it, a cell a line, before 2240102's lines
PYMUPDF_22401 = ("224\n灾害防治及应急管理支出\n130.00\n80.00\n50.00\n22401\n应急管理事务\n130.00\n80.00\n50.00\n"
                 "2240101\n行政运行\n85.00\n80.00\n5.00\n")


def test_a_subject_row_read_from_a_line_and_its_copy_that_fails_two_sums_of_its_table_is_not_certain():
    # PyMuPDF prints a cell a line; 一般行政管理事务's '45.00' was printed twice and its last '45.00'
    # lost, so the row reads 45.00 / 45.00 / 0.00: its own identity holds, its parent's basic and
    # project columns fail
    found = extract(HEADER_5 + PYMUPDF_22401 + "2240102\n一般行政管理事务\n45.00\n45.00\n0.00\n")
    assert "a copy of it printed right after it" in uncertain_note(found, 5, "2240102")
    assert {"22401", "2240101"} <= {key for _, key, _ in certain(found, 5)}


def test_a_subject_row_read_from_a_line_and_its_copy_beside_a_lost_row_is_certain():
    # the same lines under a parent whose total column fails too (224 and 22401 print 140.00, 90.00,
    # 50.00): a row lost beside it, not a number moved by the copy
    found = extract(HEADER_5 + PYMUPDF_22401.replace("130.00\n80.00\n50.00\n2", "140.00\n90.00\n50.00\n2")
                    + "2240102\n一般行政管理事务\n45.00\n45.00\n0.00\n")
    assert certain(found, 5)[("", "2240102", "basic")] == "45.00"


def test_a_subject_row_of_equal_amounts_on_two_lines_whose_sums_hold_is_certain():
    # the same lines, printed so (224 and 22401 print 125.00 basic, 5.00 project): a total equal to
    # its basic is common
    found = extract(HEADER_5 + PYMUPDF_22401.replace("80.00\n50.00\n2", "125.00\n5.00\n2")
                    + "2240102\n一般行政管理事务\n45.00\n45.00\n0.00\n")
    assert certain(found, 5)[("", "2240102", "basic")] == "45.00"


def test_a_subject_row_named_with_the_end_of_a_siblings_name_under_a_parent_that_adds_up_is_certain():
    # the same name, but 20805's sum holds: nothing says the row's numbers are another's
    found = extract(TABLE_3_PENSIONS + HEADER_5 + "208 05 行政事业单位养老支出 50.00 50.00\n"
                    "2080501 行政单位离退休 20.00 20.00\n2080505 机关事业单位基本养老保险\n缴费支出\n支出\n30.00 30.00\n")
    assert certain(found, 5)[("", "2080505", "total")] == "30.00"


def test_a_subject_row_of_zeros_under_a_subject_its_rows_fall_short_of_is_not_certain():
    # PyMuPDF prints a cell a line; 一般行政管理事务's lines '100.00' / '-' / '100.00' were lost but
    # for the '-', read as its one number: the rows under 20103 now add up to 200.00, not 300.00
    found = extract(HEADER_3 + "201\n一般公共服务支出\n300.00\n200.00\n100.00\n20103\n政府办公厅(室)及相关机构事务\n300.00\n"
                    "200.00\n100.00\n2010301\n行政运行\n200.00\n200.00\n-\n2010302\n一般行政管理事务\n-\n")
    assert "add up to less" in uncertain_note(found, 3, "2010302")
    assert certain(found, 3)[("", "2010301", "total")] == "200.00"


def test_the_line_before_a_lost_total_label_whose_number_the_other_sides_total_took_is_not_certain():
    # PyMuPDF prints a cell a line; the income side's '总计' was lost, so its 101.00 follows the last
    # carry-over line (国有资本经营预算财政拨款, blank), and the other '总计' reads as the income side's
    # with the expenditure side's two numbers
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政拨款收入\n100.00\n一、一般公共服务支出\n95.00\n95.00\n本年收入合计\n100.00\n本年支出合计\n"
                    "95.00\n95.00\n年初财政拨款结转和结余\n1.00\n年末财政拨款结转和结余\n6.00\n6.00\n一般公共预算财政拨款\n1.00\n"
                    "一般公共预算财政拨款\n6.00\n6.00\n国有资本经营预算财政拨款\n国有资本经营预算财政拨款\n101.00\n总计\n101.00\n101.00\n")
    cells = {(c.section, c.row_key): c for c in found.cells if c.table_no == 4}
    assert not cells["income", "carryover_begin_state_capital"].certain
    assert "'总计' label" in cells["income", "carryover_begin_state_capital"].note
    assert cells["income", "carryover_begin"].certain and cells["income", "total_income"].certain


def test_numbers_on_the_line_of_a_class_of_the_side_that_reads_none_are_not_certain():
    # pdfplumber layout=True wraps names around their line; the line '本年收入合计 25 … 本年支出合计 55 …'
    # was lost, so '本年支出合' / '计' went to the nearest 行次, the last class's: its line reads
    # '二十四、债务付息支出本年支出合计 54 0.00 0.00', and 本年支出合计 took the class's numbers
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政拨款 1 1000.00 一、一般公共服务支出 31 1000.00 1000.00\n"
                    "二十四、债务付息支出本年支出合计 54 0.00 0.00\n总计 30 1000.00 总计 60 1000.00 1000.00\n")
    total = [c for c in found.cells if c.row_key == "total_expenditure"]
    assert total and not any(c.certain for c in total) and "'二十四、债务付息支出'" in total[0].note
    assert certain(found, 4)[("expenditure", "201", "total")] == "1000.00"


def test_numbers_on_the_line_of_a_class_that_reads_none_are_certain_where_their_sum_holds():
    # PyMuPDF sorted by position may print a class with no number on the line of the next row: a
    # total whose classes add up to it is its own
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政拨款 1 1000.00 一、一般公共服务支出 31 1000.00 1000.00\n"
                    "二十四、债务付息支出本年支出合计 54 1000.00 1000.00\n总计 30 1000.00 总计 60 1000.00 1000.00\n")
    assert certain(found, 4)[("expenditure", "total_expenditure", "total")] == "1000.00"


def test_a_grid_row_after_a_page_break_inside_its_line_is_read():
    # PyMuPDF sorted by position ends a page with its number and starts the next on the same line of
    # the file ('3\f20805 …'): two lines of one number, whose values were searched as one line's
    found = extract_tables(split_lines(
        "                   收入决算表\n"
        " 科目编码       科目名称       本年收入合计    财政拨款收入    上级补助收入     事业收入      经营收入                其他收入\n"
        "                                                           3\f20805     行政事业单位养老支出                          "
        "21.96                   21.96\n"))
    assert certain(found, 2) == {("", "20805", "total"): "21.96"}


def test_a_fund_line_read_from_the_second_copy_of_a_line_printed_twice_is_not_certain():
    # pypdf's layout mode breaks the labels around their 行次; the line of 一般公共预算财政拨款's
    # carry-over (行次 4) was printed twice, its first copy's label run into '一般公共', and neither
    # 一、一般公共预算财政拨款 nor 年初财政拨款结转和结余 was read: the second copy reads as the income line
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 行次 决算数 项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共预算财政 一、一般\n拨款 1 100.00 公共服务 6 90.00 90.00\n支出\n"
                    "年初财政拨款结转和结 年末财政\n余 3 10.00 拨款结转 8 20.00 20.00\n和结余\n一般公共\n"
                    "一般公共预算财政拨款 4 10.00 预算财政 9 20.00 20.00\n一般公共预算财政拨款 4 10.00 预算财政 9 20.00 20.00\n"
                    "拨款\n总计 5 110.00 总计 10 110.00 110.00\n")
    assert "is printed twice in a row" in uncertain_note(found, 4, "general_budget_appropriation")


def test_a_fund_line_read_after_the_year_end_carry_over_is_not_certain():
    # pypdfium2: the lines of 一、一般公共预算财政拨款 and 本年收入合计 were lost, and '年初财政拨款结转和结余'
    # was run into the line printed twice before it: its fund line reads as the income line, after
    # the expenditure side's 年末财政拨款结转和结余, which every template prints below the fund lines
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "二、政府性基金预算财政拨款 二、外交支出\n五、教育支出 90.00 90.00\n二十六、抗疫特别国债安\n排的支出\n排的支出\n"
                    "年初财政拨款结转和结余 10.00 年末财政拨款结转和结余 20.00 20.00\n"
                    "一般公共预算财政拨款 10.00 一般公共预算财政拨款 20.00 20.00\n总计 110.00 总计 110.00 110.00\n")
    assert "read after 年末结转和结余" in uncertain_note(found, 4, "general_budget_appropriation")


def test_a_table_4_whose_header_names_no_general_budget_column_reads_no_fund_column():
    # the header line '一般公共预算财政' was lost (only its '拨款' is left), and so was the income
    # line that would have proved the column printed: a fund column of the numbers is not known
    found = extract("财政拨款收入支出决算总表\n单位：万元\n收入 支出\n"
                    "项目 决算数 项目 合计 拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
                    "一、一般公共服务支出 100.00 100.00\n总计 100.00 总计 100.00 100.00\n")
    assert not [key for key in certain(found, 4) if key[2] not in ("total", "amount")]
    assert any(i.code == "column_missing" and "general_budget" in i.message for i in found.issues)


def test_a_table_6_name_run_on_into_the_start_of_another_items_name_is_not_certain():
    # pypdfium2 prints '301 ' / '08' / the name / '117.83 302 ' / '09 物业管理 -'; the line '117.83 302 '
    # was lost, so 30108's name runs on into '09 物业管理' (of 物业管理费) and takes its '-'
    found = extract(HEADER_6 + "301 工资福利支出 20.00 302 商品和服务支出 10.00\n301 \n07 绩效工资 20.00 302 \n"
                    "07 邮电费 10.00\n301 \n08\n机关事业\n单位基本\n养老保险\n缴费\n09\n物业管理 -\n")
    assert "'物业管理'" in uncertain_note(found, 6, "30108")
    assert {"30107", "30207"} <= certain_rows(found, 6)


def test_a_table_6_name_that_lost_its_first_lines_then_runs_on_into_another_items_name_is_not_certain():
    # PyMuPDF prints a piece a line: the lines '机关事业单位基本养老保险' (30108's first) and '30209'
    # were lost, so '缴费' runs on into '物业管理费' and 30108 takes 30209's number, with which its
    # class adds up by chance
    found = extract(HEADER_6 + "301\n工资福利支出\n33.87 302\n商品和服务支出\n5.00\n30107\n绩效工资\n20.00 30207\n"
                    "邮电费\n5.00\n30108\n缴费\n\n物业管理费\n3.87\n30109\n职业年金缴费\n10.00\n")
    assert "'物业管理费'" in uncertain_note(found, 6, "30108")
    assert {"30107", "30207", "30109"} <= certain_rows(found, 6)


def test_a_table_6_item_numbered_as_the_sum_of_a_class_whose_line_was_lost_is_not_certain():
    # PyMuPDF: the lines '15.00 310 ' (30307's number and the capital class's code) and '资本性支出'
    # were lost, so 医疗费补助 takes the class's 25.00, the sum of its items; class 303 then fails
    found = extract(HEADER_6 + "303\n对个人和家庭的补助\n33.00 302 \n01\n办公费\n4.00\n303 \n01\n离休费\n11.00\n"
                    "303 \n07\n医疗费补助\n25.00\n303 \n09\n奖励金\n7.00 310 \n02\n办公设备购置\n16.00\n"
                    "310 \n03\n专用设备购置\n9.00\n")
    assert "the sum of the items of class 310" in uncertain_note(found, 6, "30307")
    assert {"303", "30301", "30309", "31002", "31003"} <= certain_rows(found, 6)


def test_a_table_6_number_another_class_lacks_counting_an_item_read_twice_with_its_own_is_not_certain():
    # PyMuPDF: '30113' was lost, so 培训费 (30216) also takes 住房公积金's 6.00; and '12.00 30226' /
    # '劳务费' were lost, so 医疗费 (30114) takes 30226's 8.00, which class 302 lacks when 30216
    # counts with its own 3.00
    found = extract(HEADER_6 + "301\n工资福利支出\n40.00 302\n商品和服务支出\n20.00\n30101\n基本工资\n10.00 30201\n办公费\n"
                    "5.00\n30102\n津贴补贴\n12.00 30216\n培训费\n3.00\n住房公积金\n6.00 30217\n公务接待费\n4.00\n"
                    "30114\n医疗费\n8.00\n")
    assert "the sum of another class's items lacks exactly this number" in uncertain_note(found, 6, "30114")
    assert {"30101", "30201", "30102", "30217"} <= certain_rows(found, 6)


def test_a_subject_row_named_with_the_first_line_of_an_item_under_it_that_its_table_does_not_print_is_not_certain():
    # pdfplumber wraps names around their code line ('行政事业单' / '208 05 位养老支出 …'); the 款's
    # line '208 05 … 120.00 120.00' and '01 退休' were lost, so the 款 is read with 行政单位离退休's
    # first line and numbers
    found = extract(TABLE_3_PENSIONS + HEADER_5 + "208 05 行政单位离\n20.00 20.00\n"
                    "208 05 05 机关事业单位基本养老保险缴费支出 70.00 70.00\n")
    assert "2080501" in uncertain_note(found, 5, "20805")
    assert certain(found, 5)[("", "2080505", "total")] == "70.00"


def test_a_table_6_number_read_after_another_items_name_past_the_rows_numbers_is_not_certain():
    # pypdfium2 prints a piece a line: the lines '55.58 302 ' and '70.63 302 ' were lost, so 30110
    # reads the code part '13' (dropped: the table prints decimals), 维修(护)费's name, then its number
    found = extract(HEADER_6 + "301 \n09\n职业年金\n缴费\n11 差旅费 4.00\n301 \n10\n职工基本\n医疗保险\n缴费\n13\n"
                    "维修(护\n)费\n5.00\n")
    assert "'维修(护)费' is read after the row's numbers" in uncertain_note(found, 6, "30110")


def test_a_table_6_name_cut_short_then_run_on_into_another_items_code_part_and_name_is_not_certain():
    # pypdfium2: the lines '缴费' and '62.67 302 ' were lost, so 30108's name, cut short, runs on into
    # '09 物业管理' (of 物业管理费) and takes its number, with which its class adds up by chance
    found = extract(HEADER_6 + "301 工资福利支出 23.87 302 商品和服务支出 6.13\n301 \n07 绩效工资 20.00 302 \n"
                    "07 邮电费 6.13\n301 \n08\n机关事业\n单位基本\n养老保险\n09\n物业管理 3.87\n")
    assert "'物业管理'" in uncertain_note(found, 6, "30108")
    assert {"30107", "30207"} <= certain_rows(found, 6)


def test_table_7_that_prints_its_zeros_with_a_number_lost_is_not_certain():
    # PyMuPDF prints a cell a line; the first '0.61' was lost and the last replaced by a '0' printed
    # twice: 11 numbers for 12 cells, which the sums place one way only, and wrongly
    found = extract("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n合计\n因公出国(境)费\n小计\n公务用车购置费\n"
                    "公务用车运行费\n公务接待费\n" + "预算数\n决算数\n" * 6 + "0.46\n" + "0\n" * 9 + "0.46\n")
    cells = [c for c in found.cells if c.table_no == 7]
    assert len(cells) == 11 and not any(c.certain for c in cells) and "11 numbers" in cells[0].note


def test_a_table_6_row_read_without_its_name_whose_name_stands_after_another_rows_numbers_is_not_certain():
    # pdftotext's default mode lists codes, names and numbers apart: 奖金 (30103, 12.00) is printed
    # before the code 30106, whose name 伙食补助费 and number 8.00 come after 水费's, so the code
    # 30106 is read with 奖金's number
    found = extract(HEADER_6 + "301\n工资福利支出\n40.00 302\n商品和服务支出\n5.00\n30101\n基本工资\n20.00 30201\n"
                    "办公费\n3.00\n30103\n奖金\n30106\n12.00 30205\n水费\n1.00\n伙食补助费\n8.00 30206\n电费\n1.00\n")
    assert "'伙食补助费' is read after another row's numbers" in uncertain_note(found, 6, "30106")
    assert certain(found, 6)[("personnel", "30101", "amount")] == "20.00"
    assert certain(found, 6)[("public", "30206", "amount")] == "1.00"


def test_a_table_6_row_read_after_the_tables_closing_totals_is_not_certain():
    # pdftotext's default mode printed 30211's code and a '-' after the table's last line, and its
    # name and number 8.76 after 30109's name (30109 prints '-'): '- 30211' / '-' give 30211 a zero
    found = extract(HEADER_6 + "301\n工资福利支出\n30.00 302\n商品和服务支出\n20.14\n30101\n基本工资\n30.00 30209\n"
                    "物业管理费\n11.38\n30109\n职业年金缴费\n差旅费\n8.76\n人员经费合计\n30.00\n公用经费合计\n20.14\n"
                    "- 30211\n-\n")
    assert "read after the table's closing totals" in uncertain_note(found, 6, "30211")
    assert certain(found, 6)[("personnel", "30101", "amount")] == "30.00"
    assert certain(found, 6)[("personnel", "personnel_total", "amount")] == "30.00"


def test_a_table_6_total_label_glued_to_the_name_before_it_is_the_totals():
    # a copy joined the last item's line (printing no number) to the totals line: '…购置更新人员经费合计'
    found = extract(HEADER_6 + "301 工资福利支出 20.00 302 商品和服务支出 6.00\n30101 基本工资 20.00 30201 办公费 6.00\n"
                    "310 07 信息网络及软件购置更新人员经费合计 20.00 公用经费合计 6.00\n")
    cells = {c.row_key: (c.printed, c.certain) for c in found.cells if c.table_no == 6}
    assert cells["personnel_total"] == ("20.00", True)
    assert cells["public_total"] == ("6.00", True)
    assert "31007" not in cells


def test_a_table_6_total_whose_label_another_rows_name_follows_is_not_certain():
    # pdftotext's default mode printed the class 310's code before 人员经费合计 and its name
    # 资本性支出 and number 5.00 after it; 人员经费合计's 30.00 comes after the items: the number
    # read after the label is the class's
    found = extract(HEADER_6 + "301\n工资福利支出\n30.00 302\n商品和服务支出\n6.00\n30101\n基本工资\n30.00 30201\n"
                    "办公费\n6.00 310\n人员经费合计\n资本性支出\n5.00\n31002\n办公设备购置\n5.00\n30.00\n"
                    "公用经费合计\n11.00\n")
    assert "the name '资本性支出' is read after the total's label" in uncertain_note(found, 6, "personnel_total")
    assert certain(found, 6)[("personnel", "30101", "amount")] == "30.00"
    assert certain(found, 6)[("public", "public_total", "amount")] == "11.00"


def test_a_row_whose_next_line_prints_a_cut_amount_no_row_read_is_not_certain():
    # pdftotext's default mode lists a two-sided table's labels and numbers apart; a damaged copy cut
    # the income 总计's 105.00 at its decimal point ('105.' / '00 总计'), so 总计 took the number read
    # after its label, 年末结转和结余's 15.00, certain and wrong
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入\n100.00 一、一般公共服务支出\n90.00\n本年收入合计\n"
                    "100.00 本年支出合计\n90.00\n年初结转和结余\n5.00 年末结转和结余\n总计\n15.00\n105.\n00 总计\n105.00\n")
    [total] = [c for c in found.cells if c.table_no == 1 and c.row_key == "grand_total" and c.section == "income"]
    assert (total.printed, total.certain) == ("15.00", False)
    assert "the line after the row's last number, 15, prints an amount cut" in total.note
    assert certain(found, 1)[("income", "carryover_begin", "amount")] == "5.00"


def test_a_whole_number_ending_a_line_before_a_line_of_only_an_amount_leaves_its_row_uncertain():
    # a damaged pdfplumber extract broke 合计's actual amount 17.50 after its first digit ('合计 25.00 1'
    # / '7.50'): the '1' was read as the actual total, certain and wrong
    found = extract("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 25.00 1\n7.50\n"
                    "1.因公出国（境）费 0 0\n2.公务用车购置及运行维护费 15.00 14.00\n其中：公务用车购置费 0 0\n"
                    "公务用车运行维护费 15.00 14.00\n3.公务接待费 10.00 3.50\n")
    cells = {c.column_key or c.candidates[0]: c for c in found.cells if c.table_no == 7}
    assert cells["actual_total"].printed == "1" and not cells["actual_total"].certain
    assert "the whole number 1 ends its line, and line 5 holds only the amount 7.50" in cells["actual_total"].note


def test_a_whole_number_dropped_from_a_row_before_its_amount_leaves_it_uncertain():
    # a copy broke 培训费's 26.22 after its first digit ('2' / '6.22'), in an extract of a cell a line
    # (a whole number printed beside a name, '邮电费 4', keeps the table's lone whole numbers from all
    # being dropped as page numbers): the row reads two numbers for its one column, and the '2' is
    # dropped as a page number
    found = extract(HEADER_6 + "301\n工资福利支出\n30.00\n302\n商品和服务支出\n40.22\n30101\n基本工资\n30.00\n30201\n"
                    "办公费\n10.00\n30207\n邮电费 4\n30216\n培训费\n2\n6.22\n人员经费合计\n30.00\n公用经费合计\n40.22\n")
    assert "the whole number 2 alone on its line, before an amount of the row" in uncertain_note(found, 6, "30216")
    assert certain(found, 6)[("public", "30201", "amount")] == "10.00"


def test_a_table_6_class_given_a_zero_moved_from_another_row_is_not_certain():
    # pdftotext's default mode printed 301's number, 302's code, 30114's '0' and 30226's code after
    # 劳务费's number, and 302's name and number after them: 302 reads the zero, while its items
    # 30201 (12.00) and 30226 (4.40, read as 30114's) add up to 16.40
    found = extract(HEADER_6 + "301\n工资福利支出\n30101\n基本工资\n20.00 30201\n办公费\n12.00\n30114\n医疗费\n"
                    "劳务费\n4.40\n20.00 302\n0 30226\n商品和服务支出\n16.40\n")
    assert "the class prints a zero, on a line after its code, and its items add up to" in uncertain_note(found, 6, "302")
    assert certain(found, 6)[("public", "30201", "amount")] == "12.00"


def test_a_title_joined_to_its_unit_and_column_header_starts_its_table():
    # a tool merged Table 3's title, unit and header into one line after Table 1's last row: Table 1
    # ends there, and Table 3 reads its columns from the rest of that line
    found = extract(HEADER_1 + "一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00\n本年收入合计 100.00 本年支出合计 80.00\n"
                    "支出决算表 单位：万元 科目编码 科目名称 本年支出合计 基本支出 项目支出\n201 一般公共服务支出 80.00 50.00 30.00\n")
    assert certain(found, 1) == TABLE_1_READ
    assert certain(found, 3) == {("", "201", "total"): "80.00", ("", "201", "basic"): "50.00",
                                 ("", "201", "project"): "30.00"}
