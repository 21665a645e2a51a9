"""Extracts laid out on a character grid (pdftotext -layout, pdfplumber layout=True): a header
prints its column titles side by side, each broken down its own column; and a row's numbers can
land on a line of their own, next to the wrong row. Hand-made lines and rows."""

from decimal import Decimal

from dagster_project.parsing.column_solver import constraints, placements, solve
from dagster_project.parsing.layout import tables as layout
from dagster_project.parsing.model import Line
from dagster_project.parsing.text_tables import (
    UNBALANCED_NOTE,
    _cells,
    _header_by_column,
    _read_header,
    _Row,
    _Value,
    extract_tables,
)
from tests.parsing.test_text_tables_rules import lines_of

T3 = layout.TABLES[3]


def laid_out(no: int, *words: tuple[int, str]) -> Line:
    """A line with each word starting at its character column."""
    text = ""
    for column, word in words:
        text = text.ljust(column) + word
    return Line(no, text)


# 本年支出合计, 项目支出, 上缴上级支出, 经营支出 and 对附属单位补助支出 are each broken down their column
T3_HEADER = [
    laid_out(1, (10, "项目"), (72, "对附属单位")),
    laid_out(2, (30, "本年支出合"), (42, "基本支出"), (50, "项目支"), (58, "上缴上级支"), (66, "经营支"), (73, "补助支出")),
    laid_out(3, (2, "支出功能分类科目编码"), (16, "科目名称"), (32, "计"), (51, "出"), (60, "出"), (67, "出")),
]


def test_a_header_laid_out_in_columns_is_read_down_each_column():
    issues = []
    header = _read_header(T3, T3_HEADER, issues)
    assert [c.key for c in header.columns] == [
        "total", "basic", "project", "remit_to_superior", "operating", "subsidy_to_affiliated"]
    assert header.labels["subsidy_to_affiliated"] == "对附属单位补助支出"
    assert issues == []


def test_a_header_of_one_word_per_line_is_read_as_joined():
    lines = [Line(1, "项目"), Line(2, "本年支出合"), Line(3, "计"), Line(4, "基本支出"), Line(5, "项目支出")]
    assert _header_by_column(lines) is None
    issues = []
    assert [c.key for c in _read_header(T3, lines, issues).columns] == ["total", "basic", "project"]
    assert issues == []


def t3_row(key: str, *printed: str, line: int) -> _Row:
    where = Line(line, key)
    values = [_Value(p, Decimal(p), where, False, False) for p in printed]
    row = _Row(3, "", key, key if key.isdigit() else None, key, T3.columns, {}, Decimal("0.005"), [where], values)
    row.options = placements(row)
    return row


def test_no_sum_rests_on_a_total_row_that_prints_no_value():
    # the 合计 row's numbers were printed above its label, in the header: the row is read without them
    rows = [t3_row("total", line=1), t3_row("201", "100.00", "60.00", "40.00", line=2),
            t3_row("208", "20.00", "20.00", line=3)]
    assert not [c for c in constraints(rows) if c.members[0] == 0]
    assert [c for c in constraints(rows) if c.members[0] == 1]  # 201's own identity still holds


def test_a_row_whose_numbers_add_up_under_no_placement_has_no_certain_cell():
    rows = [
        t3_row("20106", "2106.66", "1503.52", line=1),  # its own total and the next row's basic
        t3_row("2010601", "1511.90", "1503.52", "8.38", line=2),
        t3_row("2010602", "9.00", "5.00", "3.00", "1.00", "0.50", "0.50", line=3),  # every column, a misprint
    ]
    assert solve(rows, constraints(rows)) == {0}
    rows[0].doubt = UNBALANCED_NOTE
    issues = []
    cells = _cells(rows[0], issues)
    assert [c.certain for c in cells] == [False, False]
    assert all(UNBALANCED_NOTE in c.note for c in cells)
    assert len(issues) == 2 and all(i.code == "ambiguous_cell" for i in issues)


def test_numbers_set_above_their_label_go_to_the_row_they_complete():
    # the PDF sets basic and project a little higher than the label: each lands on the line above
    # its row (the total row's, in the header); every row adds up only with the line below it
    text = "\n".join(line.text for line in [
        laid_out(1, (25, "支出决算表")),
        laid_out(2, (60, "单位：万元")),
        laid_out(3, (10, "项目")),
        laid_out(4, (30, "本年支出合"), (42, "基本支出"), (52, "项目支出")),
        laid_out(5, (2, "支出功能分类科目编码"), (16, "科目名称"), (32, "计")),
        laid_out(6, (41, "80.00"), (53, "20.00")),
        laid_out(7, (32, "100.00")),
        laid_out(8, (12, "合计")),
        laid_out(9, (41, "50.00"), (53, "20.00")),
        laid_out(10, (0, "201"), (12, "一般公共服务支出"), (33, "70.00")),
        laid_out(11, (41, "30.00")),
        laid_out(12, (0, "205"), (12, "教育支出"), (33, "30.00")),
    ])
    found = extract_tables(lines_of(text))
    cells = {(c.row_key, c.column_key): (c.printed, c.provenance.line_start, c.provenance.line_end)
             for c in found.cells if c.table_no == 3 and c.certain}
    assert cells == {
        ("total", "total"): ("100.00", 6, 8), ("total", "basic"): ("80.00", 6, 8), ("total", "project"): ("20.00", 6, 8),
        ("201", "total"): ("70.00", 9, 10), ("201", "basic"): ("50.00", 9, 10), ("201", "project"): ("20.00", 9, 10),
        ("205", "total"): ("30.00", 11, 12), ("205", "basic"): ("30.00", 11, 12),
    }
    assert not [c for c in found.cells if c.table_no == 3 and not c.certain]
    assert not [i for i in found.issues if i.code == "unknown_column_header"]


def table_3_centred(*repeated: int) -> str:
    """Table 3 as pdftotext -layout prints it when names wrap: each cell is centred on its row's
    middle, so a code is printed around its numbers ('208 05' / numbers / '01') and a name above
    and below. `repeated`: numbers of lines printed twice."""
    lines = [
        laid_out(1, (20, "支出决算表")),
        laid_out(2, (60, "单位：万元")),
        laid_out(3, (6, "科目编码"), (17, "科目名称"), (38, "合计"), (50, "基本支出"), (64, "项目支出")),
        laid_out(4, (13, "合计"), (34, "300.00"), (48, "200.00"), (62, "100.00")),
        laid_out(5, (13, "社会保障")),
        laid_out(6, (0, "208"), (13, "和就业支"), (34, "200.00"), (48, "200.00")),
        laid_out(7, (13, "出")),
        laid_out(8, (0, "208 05"), (13, "行政事业单位养老支出"), (34, "200.00"), (48, "200.00")),
        laid_out(9, (0, "208 05"), (13, "事业单位")),
        laid_out(10, (34, "200.00"), (48, "200.00")),
        laid_out(11, (0, "01"), (13, "离退休")),
        laid_out(12, (40, "3")),  # the page number
        laid_out(13, (0, "210"), (13, "卫生健康支出"), (34, "100.00"), (62, "100.00")),
        laid_out(14, (0, "210 02"), (13, "公立医院"), (34, "100.00"), (62, "100.00")),
        laid_out(15, (0, "210 02")),
        laid_out(16, (13, "综合医院"), (34, "100.00"), (62, "100.00")),
        laid_out(17, (0, "01")),
    ]
    return "\n".join(line.text for line in lines for _ in range(2 if line.no in repeated else 1))


def test_rows_whose_cells_are_centred_on_wrapped_labels_are_read_by_their_centre():
    found = extract_tables(lines_of(table_3_centred()))
    cells = [c for c in found.cells if c.table_no == 3]
    assert all(c.certain for c in cells)
    assert {(c.row_key, c.column_key): c.printed for c in cells} == {
        ("total", "total"): "300.00", ("total", "basic"): "200.00", ("total", "project"): "100.00",
        ("208", "total"): "200.00", ("208", "basic"): "200.00",
        ("20805", "total"): "200.00", ("20805", "basic"): "200.00",
        ("2080501", "total"): "200.00", ("2080501", "basic"): "200.00",
        ("210", "total"): "100.00", ("210", "project"): "100.00",
        ("21002", "total"): "100.00", ("21002", "project"): "100.00",
        ("2100201", "total"): "100.00", ("2100201", "project"): "100.00",
    }
    labels = {c.row_key: (c.row_label, c.provenance.line_start, c.provenance.line_end) for c in cells}
    assert labels["208"] == ("社会保障和就业支出", 5, 7)
    assert labels["2080501"] == ("事业单位离退休", 9, 11)
    assert labels["2100201"] == ("综合医院", 15, 17)
    assert not [i for i in found.issues if i.code == "table_out_of_order"]


def test_table_6_groups_side_by_side_are_read_each_by_its_centres():
    # two column groups (人员经费 | 公用经费), every cell centred on its row: a class's name starts
    # above its code, an item's code is split around its name, a total's label around its number,
    # and a '-' is set a little past its column, under where the next group's codes start
    text = "\n".join(line.text for line in [
        laid_out(1, (20, "一般公共预算财政拨款基本支出决算表")),
        laid_out(2, (60, "单位：万元")),
        laid_out(3, (1, "科目编码"), (10, "科目名称"), (24, "决算数"), (34, "科目编码"), (43, "科目名称"), (57, "决算数")),
        laid_out(4, (9, "工资福利"), (42, "商品和服")),
        laid_out(5, (0, "301"), (25, "60.00"), (33, "302"), (57, "30.00")),
        laid_out(6, (9, "支出"), (42, "务支出")),
        laid_out(7),
        laid_out(8, (0, "301"), (33, "302")),
        laid_out(9, (9, "基本工资"), (25, "60.00"), (42, "办公费"), (57, "20.00")),
        laid_out(10, (0, "01"), (33, "01")),
        laid_out(11),
        laid_out(12, (0, "301"), (33, "302")),
        laid_out(13, (9, "津贴补贴"), (33, "-"), (42, "印刷费"), (57, "10.00")),
        laid_out(14, (0, "02"), (33, "02")),
        laid_out(15, (40, "7")),  # the page number
        laid_out(16, (9, "人员经费"), (42, "公用经费")),
        laid_out(17, (25, "60.00"), (57, "30.00")),
        laid_out(18, (9, "合计"), (42, "合计")),
    ])
    found = extract_tables(lines_of(text))
    cells = [c for c in found.cells if c.table_no == 6]
    assert all(c.certain for c in cells)
    assert {(c.section, c.row_key, c.row_label): c.printed for c in cells} == {
        ("personnel", "301", "工资福利支出"): "60.00", ("personnel", "30101", "基本工资"): "60.00",
        ("personnel", "30102", "津贴补贴"): "-", ("public", "302", "商品和服务支出"): "30.00",
        ("public", "30201", "办公费"): "20.00", ("public", "30202", "印刷费"): "10.00",
        ("personnel", "personnel_total", "人员经费合计"): "60.00", ("public", "public_total", "公用经费合计"): "30.00",
    }
    assert not [i for i in found.issues if i.code in ("table_out_of_order", "unknown_column_header")]


def test_table_6_third_group_beside_the_totals_line_is_read_as_printed():
    # three column groups, the totals closing the first two: the third group (资本性支出) is read
    # after the totals, but its lines are above them, so its rows are in the table's order
    text = "\n".join(line.text for line in [
        laid_out(1, (20, "一般公共预算财政拨款基本支出决算表")),
        laid_out(2, (80, "单位：万元")),
        laid_out(3, (1, "科目编码"), (10, "科目名称"), (24, "决算数"), (34, "科目编码"), (43, "科目名称"), (57, "决算数"),
                 (66, "科目编码"), (75, "科目名称"), (90, "决算数")),
        laid_out(4, (0, "301"), (9, "工资福利支出"), (25, "60.00"), (33, "302"), (42, "商品和服务支出"), (57, "30.00"),
                 (66, "310"), (75, "资本性支出"), (90, "8.00")),
        laid_out(5),
        laid_out(6, (0, "301"), (33, "302"), (66, "310")),
        laid_out(7, (9, "基本工资"), (25, "60.00"), (42, "办公费"), (57, "30.00"), (75, "办公设备购置"), (90, "8.00")),
        laid_out(8, (0, "01"), (33, "01"), (66, "02")),
        laid_out(9),
        laid_out(10, (9, "人员经费合计"), (25, "60.00"), (42, "公用经费合计"), (57, "38.00")),
    ])
    found = extract_tables(lines_of(text))
    cells = {(c.row_key, c.printed): c.certain for c in found.cells if c.table_no == 6}
    assert cells == {("301", "60.00"): True, ("30101", "60.00"): True, ("302", "30.00"): True, ("30201", "30.00"): True,
                     ("310", "8.00"): True, ("31002", "8.00"): True, ("personnel_total", "60.00"): True,
                     ("public_total", "38.00"): True}


def test_table_1_with_wrapped_names_is_read_by_each_sides_row_numbers():
    # each side's name wraps and is centred on the line of its 行次 and numbers; the two sides'
    # names interleave line by line
    text = "\n".join(line.text for line in [
        laid_out(1, (20, "收入支出决算总表")),
        laid_out(2, (60, "单位：万元")),
        laid_out(3, (16, "行"), (46, "行")),
        laid_out(4, (5, "项目"), (22, "决算数"), (38, "项目"), (52, "决算数")),
        laid_out(5, (16, "次"), (46, "次")),
        laid_out(6),
        laid_out(7, (37, "一、一般")),
        laid_out(8, (0, "一、一般公共预算财政")),
        laid_out(9, (19, "1"), (28, "100.00"), (37, "公共服务"), (46, "6"), (54, "80.00")),
        laid_out(10, (0, "拨款收入")),
        laid_out(11, (37, "支出")),
        laid_out(12),
        laid_out(13, (0, "本年收入"), (37, "本年支出")),
        laid_out(14, (19, "2"), (28, "100.00"), (46, "7"), (54, "80.00")),
        laid_out(15, (0, "合计"), (37, "合计")),
        laid_out(16),
        laid_out(17, (0, "年初结转"), (37, "年末结转")),
        laid_out(18, (19, "3"), (46, "8"), (54, "20.00")),
        laid_out(19, (0, "和结余"), (37, "和结余")),
        laid_out(20),
        laid_out(21, (0, "总计"), (19, "4"), (28, "100.00"), (37, "总计"), (46, "9"), (54, "100.00")),
    ])
    found = extract_tables(lines_of(text))
    cells = [c for c in found.cells if c.table_no == 1]
    assert all(c.certain for c in cells)
    assert {(c.section, c.row_key, c.row_label): c.printed for c in cells} == {
        ("income", "general_budget_appropriation", "一、一般公共预算财政拨款收入"): "100.00",
        ("income", "total_income", "本年收入合计"): "100.00", ("income", "grand_total", "总计"): "100.00",
        ("expenditure", "201", "一、一般公共服务支出"): "80.00", ("expenditure", "total_expenditure", "本年支出合计"): "80.00",
        ("expenditure", "carryover_end", "年末结转和结余"): "20.00", ("expenditure", "grand_total", "总计"): "100.00",
    }
    assert not [i for i in found.issues if i.code == "table_out_of_order"]


def table_6_in_bands(first_item_amount_at: int) -> str:
    """Table 6 as pdftotext -layout prints it when its amounts sit a line above their codes and
    its item codes print their 款 beside the name: nothing is centred, but blank lines set the
    rows apart."""
    return "\n".join(line.text for line in [
        laid_out(1, (20, "一般公共预算财政拨款基本支出决算表")),
        laid_out(2, (60, "单位：万元")),
        laid_out(3, (4, "经济分类"), (43, "经济分类")),
        laid_out(4, (4, "科目编码"), (43, "科目编码")),
        laid_out(5, (19, "科目名称"), (29, "决算数"), (58, "科目名称"), (68, "决算数")),
        laid_out(6, (8, "款"), (48, "款")),
        laid_out(7, (0, "类"), (40, "类")),
        laid_out(8),
        laid_out(9, (0, "301"), (28, "50.00"), (39, "302"), (69, "20.00")),
        laid_out(10, (12, "工资福利支出"), (51, "商品和服务支出")),
        laid_out(11),
        laid_out(12, (first_item_amount_at, "50.00"), (69, "20.00")),
        laid_out(13, (0, "301"), (7, "01"), (39, "302")),
        laid_out(14, (12, "基本工资"), (46, "01"), (51, "办公费")),
        laid_out(15),
        laid_out(16, (0, "301"), (7, "02"), (39, "302")),
        laid_out(17, (12, "津贴补贴"), (46, "02"), (51, "印刷费")),
        laid_out(18),
        laid_out(19, (28, "50.00"), (69, "20.00")),
        laid_out(20, (11, "人员经费合计"), (50, "公用经费合计")),
    ])


def test_table_6_rows_set_apart_by_blank_lines_take_the_numbers_of_their_band():
    found = extract_tables(lines_of(table_6_in_bands(first_item_amount_at=28)))
    cells = [c for c in found.cells if c.table_no == 6]
    assert all(c.certain for c in cells)
    assert {(c.section, c.row_key, c.row_label): (c.printed, c.provenance.line_start) for c in cells} == {
        ("personnel", "301", "工资福利支出"): ("50.00", 9), ("personnel", "30101", "基本工资"): ("50.00", 12),
        ("public", "302", "商品和服务支出"): ("20.00", 9), ("public", "30201", "办公费"): ("20.00", 12),
        ("personnel", "personnel_total", "人员经费合计"): ("50.00", 19),
        ("public", "public_total", "公用经费合计"): ("20.00", 19),
    }
    assert not [i for i in found.issues if i.code == "table_out_of_order"]


def test_a_number_left_of_the_names_of_its_column_group_leaves_table_6_unread():
    # the first item's amount printed under the other group's codes, left of its names: the
    # groups are not where the grid says, and Table 6 has no sums to tell which row it is
    found = extract_tables(lines_of(table_6_in_bands(first_item_amount_at=40)))
    assert [c for c in found.cells if c.table_no == 6] and not [c for c in found.cells if c.table_no == 6 and c.certain]
    assert [i for i in found.issues if i.code == "table_out_of_order" and i.message.startswith("table 6")]


def test_a_centred_reading_that_reads_a_code_twice_is_refused():
    # a code line printed twice (an extract that repeats a line): which row holds which numbers is
    # unknown, so the table is reported out of order, as the row reader reports it
    found = extract_tables(lines_of(table_3_centred(9)))
    assert [c for c in found.cells if c.table_no == 3] and not [c for c in found.cells if c.table_no == 3 and c.certain]
    assert [i for i in found.issues if i.code == "table_out_of_order" and i.message.startswith("table 3")]


# pdfplumber layout=True without form feeds: nearly every line is indented, so any line may open a
# page, and a 项 part alone under its row ('01', '04') sits where a bare page number would
CODES_CENTRED_WITHOUT_FORM_FEEDS = """\
支出决算表
单位：万元
       科目编码    科目名称    本年支出合计  基本支出  项目支出
              合计            35.00 35.00
       201    一般公共服务支出      35.00 35.00
       201 06 财政事务          35.00 35.00
       201 06
              行政运行          10.00 10.00
       01
       201 06
              信息化建设          20.00 20.00
       04
       201 06
              其他财政事务支出       5.00 5.00
       99
"""


def test_a_code_part_alone_on_its_line_is_no_page_number():
    from dagster_project.parsing.decode import split_lines

    found = extract_tables(split_lines(CODES_CENTRED_WITHOUT_FORM_FEEDS))
    totals = {c.row_key: c.printed for c in found.cells if c.column_key == "total" and c.certain}
    assert totals == {"total": "35.00", "201": "35.00", "20106": "35.00",
                      "2010601": "10.00", "2010604": "20.00", "2010699": "5.00"}
    assert not [i for i in found.issues if i.code in ("table_out_of_order", "stray_number")]


# pdftotext -layout, Table 4 of a template without 行次: the 合计 row's numbers print a line above
# its labels, under the last expenditure name, and the row reader gives them to that row
T4_TOTALS_ABOVE_THEIR_LABELS = """\
财政拨款收入支出决算总表
单位：万元
     项目              决算数      项目                    合计      一般公共预算财政拨款
一、一般公共预算财政拨款    100.00  一、一般公共服务支出        100.00      100.00
                          二十六、抗疫特别国债安排
                          的支出
         100.00                  100.00
本年收入合计                    本年支出合计                          100.00
"""


def test_a_number_left_of_the_name_of_its_row_puts_a_grid_table_out_of_order():
    from dagster_project.parsing.decode import split_lines

    found = extract_tables(split_lines(T4_TOTALS_ABOVE_THEIR_LABELS))
    assert [(i.code, i.provenance.line_start) for i in found.issues if i.code == "table_out_of_order"] == [
        ("table_out_of_order", 7)]
    assert not [c for c in found.cells if c.certain]


# pdfplumber layout=True, a generated document with 20 lines damaged: the line of 2210201's code
# ('221 02') was lost and its line '住房公积金 34.85 34.85' printed twice, so 22102 took both (a
# line repeated: not certain). Its placements had made Table 3's 221 and, through 'T3 >= T5',
# Table 5's 221 put 41.72 in 项目支出, certain and wrong: a row in doubt now decides no other row.
TABLE_3_AND_5_A_LINE_REPEATED = """\
                                    支出决算总表
                                                                       单位：万元
                                                                    对附属单位补助
         科目编码     科目名称     本年支出合计    基本支出    项目支出   上缴上级支出   经营支出

                                                                      支出
               合计               349.91  240.04  109.87
       201     一般公共服务支出         225.98  116.11  109.87
       201 01  人大事务             225.98  116.11  109.87
       201 01
               行政运行             130.27  116.11  14.16
       01
       201 01
               一般行政管理事务         95.71     -     95.71
       02
       208     社会保障和就业支出        69.89   69.89
       208 05  行政事业单位养老支出       69.89   69.89
       208 05
               行政单位离退休          18.29   18.29
       01
       208 05  机关事业单位基本养老保
                                32.10   32.10
       05      险缴费支出
       208 05  机关事业单位职业年金缴
                                19.50   19.50
       06      费支出
       210     卫生健康支出           12.32   12.32
       210 11  行政事业单位医疗         12.32   12.32
       210 11
               行政单位医疗           12.32   12.32
       01
       221     住房保障支出           41.72   41.72
       221 02  住房改革支出           41.72   41.72
               住房公积金            34.85   34.85
               住房公积金            34.85   34.85
       01
       221 02
               提租补贴             6.87     6.87
       02
                                财政拨款收入支出决算总表
                             一般公共预算财政拨款支出决算表
                                                                     单位：万元
          科目编码          科目名称            小计          基本支出        项目支出
       201        一般公共服务支出                  225.98       116.11      109.87
       201 01     人大事务                      225.98       116.11      109.87
       201 01
                  行政运行                      130.27       116.11       14.16
       01
       201 01
                  一般行政管理事务                   95.71         -          95.71
       02
       208        社会保障和就业支出                  69.89       69.89
       208 05     行政事业单位养老支出                 69.89       69.89
       208 05
                  行政单位离退休                    18.29       18.29
       01
       208 05     机关事业单位基本养老保险
                                             32.10       32.10
       05         缴费支出
       208 05     机关事业单位职业年金缴费
                                             19.50       19.50
       06         支出
       210        卫生健康支出                     12.32       12.32
       210 11     行政事业单位医疗                   12.32       12.32
       210 11
                  行政单位医疗                     12.32       12.32
       01
       221        住房保障支出                     41.72       41.72
       221 02     住房改革支出                     41.72       41.72
       221 02
                  住房公积金                      34.85       34.85
       01
       221 02
                  提租补贴                       6.87         6.87
       02
                  合计                        349.91       240.04      109.87
                                         5
"""


def test_a_row_in_doubt_decides_no_other_rows_columns():
    found = extract_tables(lines_of(TABLE_3_AND_5_A_LINE_REPEATED))
    placed = {(c.table_no, c.row_key, c.column_key) for c in found.cells if c.certain}
    assert (5, "221", "project") not in placed and (3, "2210202", "project") not in placed
    assert not [c for c in found.cells if c.table_no == 3 and c.row_key == "22102" and c.certain]


def test_a_number_wrapped_under_its_rows_name_leaves_the_row_uncertain():
    # a grid extract broke 21004's line before its last number, which went to the next line's start
    # ('210 04 公共卫生 200.00 0.00' / '200.00'): read by its place, it came first, and the row took
    # 200.00 / 200.00 / 0.00, certain and wrong (its numbers are 200.00 / 0.00 / 200.00)
    text = "\n".join(line.text for line in [
        laid_out(1, (20, "一般公共预算财政拨款支出决算表")), laid_out(2, (60, "单位：万元")),
        laid_out(3, (6, "科目编码"), (17, "科目名称"), (38, "小计"), (50, "基本支出"), (64, "项目支出")),
        laid_out(4, (0, "210"), (16, "卫生健康支出"), (34, "300.00"), (48, "100.00"), (62, "200.00")),
        laid_out(5, (0, "210 01")),
        laid_out(6, (16, "行政运行"), (34, "100.00"), (48, "100.00"), (62, "0.00")),
        laid_out(7, (0, "01")),
        laid_out(8, (0, "210 04"), (16, "公共卫生"), (34, "200.00"), (48, "0.00")),
        laid_out(9, (8, "200.00")),
        laid_out(10, (0, "210 04"), (16, "基本公共")),
        laid_out(11, (34, "200.00"), (48, "0.00"), (62, "200.00")),
        laid_out(12, (0, "08"), (16, "卫生服务")),
    ])
    cells = [c for c in extract_tables(lines_of(text)).cells if c.table_no == 5]
    wrapped = [c for c in cells if c.row_key == "21004"]
    assert len(wrapped) == 3 and not any(c.certain for c in wrapped)
    assert "the number 200.00 (line 9) ends before the row's name does" in wrapped[0].note
    certain = {(c.row_key, c.column_key): c.printed for c in cells if c.certain}
    assert certain[("2100408", "project")] == "200.00" and certain[("210", "basic")] == "100.00"


def test_a_row_that_took_numbers_past_another_rows_code_on_its_line_is_not_certain():
    # a damaged grid extract (pdfplumber layout=True, its cells centred on their rows) joined 212's line
    # and 21201's: '212 城乡社区支出 381.61 0 381.61 … 212 01 城乡社区管理事务 381.61 0 381.61'; 212 took
    # all six numbers, three of them into its empty columns, certain and wrong
    text = "\n".join(line.text for line in [
        laid_out(1, (37, "支出决算表")), laid_out(2, (71, "单位：万元")), laid_out(3, (68, "对附属单位补助")),
        laid_out(4, (9, "科目编码"), (18, "科目名称"), (27, "本年支出合计"), (37, "基本支出"), (45, "项目支出"),
                 (52, "上缴上级支出"), (60, "经营支出")),
        laid_out(5, (70, "支出")),
        laid_out(6, (15, "合计"), (33, "381.61"), (41, "0"), (48, "381.61")),
        laid_out(7, (7, "212"), (15, "城乡社区支出"), (33, "381.61"), (41, "0"), (48, "381.61"),
                 (84, "212 01"), (92, "城乡社区管理事务"), (109, "381.61"), (118, "0"), (125, "381.61")),
        laid_out(8, (7, "212 01")),
        laid_out(9, (15, "一般行政管理事务"), (33, "381.61"), (41, "0"), (48, "381.61")),
        laid_out(10, (7, "02")),
    ])
    cells = [c for c in extract_tables(lines_of(text)).cells if c.table_no == 3]
    joined = [c for c in cells if c.row_key == "212"]
    assert joined and not any(c.certain for c in joined)
    assert "after the code 212 01 and its name" in joined[0].note
