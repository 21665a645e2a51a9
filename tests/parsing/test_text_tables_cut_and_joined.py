"""Amounts an extract cut in two or joined to what follows (a cell wrapped in a narrow column, text
standing close merged): the piece read is not the number printed, so its row is not certain. Small
hand-made extracts; the numbers are typed by hand."""

from __future__ import annotations

from tests.parsing.test_text_tables_extractors import (
    HEADER_1_ROW_NUMBERS,
    HEADER_3,
    HEADER_5,
    certain,
    extract,
    uncertain_note,
)

# Table 3 as pdftotext prints it: 100.00 spent (70.00 basic, 30.00 project), on two 项 of 20101.
TABLE_3_LINES = ["合计 100.00 70.00 30.00", "201 一般公共服务支出 100.00 70.00 30.00", "20101 人大事务 100.00 70.00 30.00",
                 "2010101 行政运行 60.00 40.00 20.00", "2010102 一般行政管理事务 40.00 30.00 10.00"]
LAST_ROW = TABLE_3_LINES[-1]


def table_3(*replaced: tuple[str, str]) -> str:
    lines = TABLE_3_LINES.copy()
    for old, new in replaced:
        lines = [new if line == old else line for line in lines]
    return HEADER_3 + "\n".join(lines) + "\n"


def test_the_undamaged_table_is_certain():
    assert certain(extract(table_3()), 3)[("", "2010102", "project")] == "10.00"


def test_an_amount_joined_to_a_digit_after_it_is_not_certain():
    # '10.00' and a '4' printed after it, merged: '10.004' has a decimal more than every other amount
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 40.00 30.00 10.004")))
    assert "10.004" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "project")] == "20.00"
    assert "amount_with_extra_digits" in [i.code for i in found.issues if "10.004" in i.message]


def test_an_amount_cut_after_a_zero_decimal_is_not_certain():
    # '10.05' cut after '10.0' (its '5' lost): fixed decimals print '10.00', trimmed ones '10'
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 40.05 30.00 10.0")))
    assert "10.0 " in uncertain_note(found, 3, "2010102")
    assert "amount_with_short_decimals" in [i.code for i in found.issues if "10.0 " in i.message]


def test_a_trimmed_amount_in_a_table_of_fixed_decimals_stays_certain():
    # some documents drop trailing zeros in a few cells ('29.3' beside '29.40'): no sign of a cut
    found = extract(table_3(("2010101 行政运行 60.00 40.00 20.00", "2010101 行政运行 60.00 40.5 19.5"),
                            (LAST_ROW, "2010102 一般行政管理事务 40.00 29.5 10.5")))
    assert certain(found, 3)[("", "2010101", "basic")] == "40.5"
    assert certain(found, 3)[("", "2010102", "project")] == "10.5"


def test_an_amount_whose_end_stands_alone_on_the_next_line_is_not_certain():
    # a cell wrapped in its narrow column: '10.1' / '5' of '10.15'
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 40.15 30.00 10.1\n5")))
    note = uncertain_note(found, 3, "2010102")
    assert "whole number 5" in note and "10.1" in note
    assert certain(found, 3)[("", "2010101", "project")] == "20.00"


def test_a_page_number_between_rows_leaves_them_certain():
    # after the row's last amount, of the usual decimals, and before the next row's code
    found = extract(table_3(("2010101 行政运行 60.00 40.00 20.00", "2010101 行政运行 60.00 40.00 20.00\n5")))
    assert certain(found, 3)[("", "2010101", "project")] == "20.00"
    assert certain(found, 3)[("", "2010102", "project")] == "10.00"


def test_a_whole_number_alone_before_an_amount_of_its_row_is_not_certain():
    # '29.06' broken after its '2': the '2' stands inside the row, before the amount '9.06'
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 39.06\n2\n9.06 10.00")))
    assert "whole number 2" in uncertain_note(found, 3, "2010102")


def test_an_amount_starting_with_a_zero_before_a_digit_is_not_certain():
    # '1,040.00' broken after '1,': the piece '040.00' is the end of an amount, never one
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 040.00 30.00 10.00")))
    assert "040.00" in uncertain_note(found, 3, "2010102")


def test_an_amount_joined_to_its_rows_row_number_is_not_certain():
    # '2' (行次) and '20.00' merged: '220.00' follows the second income label, and the table's 行次
    # go 1, 3, 4 on that side
    found = extract(HEADER_1_ROW_NUMBERS + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 31 60.00\n"
                    "二、政府性基金预算财政拨款收入 220.00 二、外交支出 32 60.00\n"
                    "三、国有资本经营预算财政拨款收入 3 - 三、国防支出 33 -\n"
                    "本年收入合计 4 120.00 本年支出合计 34 120.00\n")
    assert "行次 2" in uncertain_note(found, 1, "gov_fund_appropriation")
    assert certain(found, 1)[("expenditure", "202", "amount")] == "60.00"


def test_a_dash_joined_to_the_next_row_number_is_not_certain():
    # the dash of 外交支出's blank cell and the next 行次 33 merged: '-33' is no amount of 外交支出
    found = extract(HEADER_1_ROW_NUMBERS + "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 31 100.00\n"
                    "二、外交支出 32 -33 三、国防支出 -\n本年收入合计 10 100.00 本年支出合计 40 100.00\n")
    assert "-33" in uncertain_note(found, 1, "202")
    assert certain(found, 1)[("expenditure", "201", "amount")] == "100.00"


def test_an_amount_whose_last_zero_stands_alone_where_the_table_prints_no_zero_is_not_certain():
    # '10.10' (total and basic, no project) wrapped as '10.1' / '0', which add up as total, basic
    # and project: a table that leaves its blank cells blank prints no '0'
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 10.1\n0\n10.10")))
    assert "whole number 0" in uncertain_note(found, 3, "2010102")


def test_an_amount_whose_decimals_start_the_next_line_is_not_certain():
    # '10.15' broken before its decimal point: '10' / '.15'
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 40.15 30.00 10\n.15")))
    assert "cut" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "project")] == "20.00"


def test_the_only_amount_short_of_the_fixed_decimals_is_not_certain():
    # '10.15' cut after '10.1', its '5' read elsewhere: every other amount prints two decimals
    found = extract(table_3((LAST_ROW, "2010102 一般行政管理事务 40.15 30.00 10.1")))
    assert "10.1 " in uncertain_note(found, 3, "2010102")
    assert "amount_with_fewer_decimals" in [i.code for i in found.issues]


def test_column_numbers_read_as_a_rows_amounts_are_not_certain():
    # the header's '本年支出合计' broken after '出' left '合计' above the column numbers '1 2 3': that
    # row is no row, and the table's own 合计 row is read
    found = extract(HEADER_3 + "合计\n1 2 3\n" + "\n".join(TABLE_3_LINES) + "\n")
    assert not [c for c in found.cells if c.table_no == 3 and c.certain and c.printed in ("1", "2", "3")]
    assert certain(found, 3)[("", "total", "basic")] == "70.00"


def test_an_amount_whose_end_starts_the_next_line_before_other_pieces_is_not_certain():
    # Table 1's '100.15' broken after '100.1': the '5' starts the next line, before the expenditure
    # label, where the 行次 column reads it as no amount; '40.5' (a trimmed zero) is short too
    table = ("一、一般公共预算财政拨款收入 1 100.1\n5 一、一般公共服务支出 31 59.65\n"
             "二、政府性基金预算财政拨款收入 2 - 二、外交支出 32 40.5\n"
             "本年收入合计 3 100.15 本年支出合计 33 100.15\n")
    found = extract(HEADER_1_ROW_NUMBERS + table)
    note = uncertain_note(found, 1, "general_budget_appropriation")
    assert "whole number 5 starting line" in note and "100.1" in note
    assert certain(found, 1)[("expenditure", "201", "amount")] == "59.65"
    assert certain(found, 1)[("expenditure", "202", "amount")] == "40.5"


def test_an_amount_cut_inside_a_group_of_thousands_is_not_certain():
    # '1,040.00' broken after '1,0': '1,0' is no amount, and the next line's '40.00' is only its end
    lines = ["合计 1,100.00 770.00 330.00", "201 一般公共服务支出 1,100.00 770.00 330.00",
             "20101 人大事务 1,100.00 770.00 330.00", "2010101 行政运行 60.00 40.00 20.00",
             "2010102 一般行政管理事务 1,0", "40.00 730.00 310.00"]
    found = extract(HEADER_3 + "\n".join(lines) + "\n")
    assert "cut" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "total")] == "60.00"
    assert certain(found, 3)[("", "total", "total")] == "1,100.00"


# Tables 3 and 5 of a department's housing spending: 住房公积金 60.00, 提租补贴 40.00.
HOUSING = ("合计 100.00 70.00 30.00\n221 住房保障支出 100.00 70.00 30.00\n22102 住房改革支出 100.00 70.00 30.00\n"
           "2210201 住房公积金 60.00 40.00 20.00\n2210202 提租补贴 40.00 30.00 10.00\n")


def test_a_code_cut_in_two_whose_end_reads_as_a_class_named_as_no_class_is_not_certain():
    # '2210202' broken after '2210': '202' is the class 外交支出's code, and 提租补贴 names no class
    found = extract(HEADER_3 + HOUSING.replace("2210202 提租补贴", "2210\n202 提租补贴"))
    assert "'2210' alone" in uncertain_note(found, 3, "202") and "2210202" in uncertain_note(found, 3, "202")
    assert certain(found, 3)[("", "2210201", "total")] == "60.00"


def test_a_code_cut_in_two_that_another_table_prints_whole_is_not_certain():
    # Table 5's '2210201' broken after '2210' (its name on the line of '201'); Table 3 prints 2210201
    found = extract(HEADER_3 + HOUSING + HEADER_5 + HOUSING.replace("2210201 住房公积金", "2210\n201 住房公积金"))
    assert "2210201" in uncertain_note(found, 5, "201")
    assert certain(found, 5)[("", "2210202", "total")] == "40.00"


def paged_table_3(rows: str) -> str:
    """Table 3 in an extract that numbers its four pages on lines of their own, the '3' printed by
    `rows` (its 项, after the table's total, class and 款 lines)."""
    text = "\n".join(["部门职能说明"] * 6)
    return (f"{text}\n1\n{text}\n2\n" + HEADER_3 + "合计 100.00 70.00 30.00\n201 一般公共服务支出 100.00 70.00 30.00\n"
            f"20101 人大事务 100.00 70.00 30.00\n{rows}{text}\n4\n")


def test_an_amount_whose_end_reads_as_the_pages_number_is_not_certain():
    # '10.63' wrapped as '10.6' / '3': the '3' is taken for the third page's number, yet it may be the
    # amount's end (the document drops trailing zeros, '40.5', so '10.6' alone is no sign of a cut)
    found = extract(paged_table_3("2010101 行政运行 59.87 40.5 19.37\n2010102 一般行政管理事务 40.13 29.5 10.6\n3\n"))
    assert "whole number 3 starting line" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "basic")] == "40.5"


def test_the_numbers_after_a_line_ending_in_an_amount_cut_at_its_decimal_point_are_not_certain():
    # '40.15' broken after its point: '40.' ends the row's line, and the next line starts with '15',
    # read as the row's total ('39.5' and '30.5' drop a trailing zero, so '15' alone is no odd form)
    found = extract(HEADER_3 + "合计 100.00 70.00 30.00\n201 一般公共服务支出 100.00 70.00 30.00\n"
                    "20101 人大事务 100.00 70.00 30.00\n2010101 行政运行 59.85 39.5 20.35\n"
                    "2010102 一般行政管理事务 40.\n15 30.5 9.65\n")
    assert "cut at its decimal point" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "basic")] == "39.5"


def test_an_amount_whose_start_is_taken_for_the_pages_number_is_not_certain():
    # '39.85' wrapped as '3' / '9.85' after the row's name, the '3' taken for the third page's number:
    # a page's number stands after a page's last row, never inside one
    found = extract(paged_table_3("2010101 行政运行 60.15 40.5 19.65\n2010102 一般行政管理事务\n3\n9.85 29.5 10.35\n"))
    assert "taken for a page number" in uncertain_note(found, 3, "2010102")
    assert certain(found, 3)[("", "2010101", "basic")] == "40.5"


def test_an_amount_cut_at_its_decimal_point_at_the_end_of_the_header_leaves_the_first_row_uncertain():
    # a copy broke Table 7's one row inside its first amount, 2.65: '2.' stands on the header's last
    # line, and the row reads '65' as its total (the row prints all twelve cells: no sum places them)
    header = ("一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n预算数 决算数\n合计 因公出国(境)费 小计 公务用车购置费 "
              "公务用车运行费 公务接待费 合计 因公出国(境)费 小计 公务用车购置费 公务用车运行费 公务接待费\n")
    row = "2.65 0.00 0.00 0.00 0.00 2.65 2.34 0.00 0.00 0.00 0.00 2.34\n"
    assert certain(extract(header + row), 7)[("", "three_public", "budget_total")] == "2.65"
    found = extract(header + row.replace("2.65 ", "2.\n65 ", 1))
    assert "the line prints an amount cut at its decimal point" in uncertain_note(found, 7, "three_public")
    assert not certain(found, 7)
