"""Wording the two real documents do not use: other departments, years and regions say the same
facts differently, print amounts in 元, break lines elsewhere and interleave page numbers and
figure captions. The document below is made up for these tests; its numbers are its own."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.narrative import extract_facts, extract_profile

COUNTY_BUREAU = """\
湖北省长阳土家族自治县教育局
2022年度部门决算
第一部分 湖北省长阳土家族自治县教育局概况
一、部门决算单位构成
纳入本部门决算编制范围的单位共3个单位，其中：行政单位1个，事业单位2个。
二、部门人员构成
湖北省长阳土家族自治县教育局在职人员共45人，其中：行政编制10人，事业编制35人。离退休人员12
人，其中：离休1人，退休11人。
第二部分 湖北省长阳土家族自治县教育局2022年度部门决算表
收入支出决算总表
部门：长阳县教育局 金额单位：元
第三部分 湖北省长阳土家族自治县教育局2022年度部门决算情况说明
一、收入支出决算总体情况说明
2022年度收入、支出总计12,345,600.00元，较上年增
3
图1：收入、支出决算总计变动情况
加1,234,560.00元，增长11.11 %。
二、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算结构情况
教育支出（类）10,000,000.00元，占81.00%；社会保障和就业支出（类）
2,345,600.00元，占19.00%。
（二）一般公共预算财政拨款支出决算具体情况
1、教育支出（类）普通教育（款）小学教育（项）。年初预算为9,000,000.00元，支出决算为
10,000,000.00元，完成年初预算的111.11%。决算数大于预算数的主要原因是新增学位。
三、财政拨款“三公”经费支出决算情况说明
“三公”经费财政拨款支出决算为50,000.00元，同比下降20.00%，减少12,500.00元。其中：公务接待费支出决
算为20,000.00元，国内公务接待20,000.00元，接待3批次，45人次（其中陪同人员5人次）。
四、其他重要事项的情况说明
（一）机关运行经费支出情况
本部门2022年度机关运行经费支出300,000.00元，较上年减少10,000.00元，降低3.23%。
（二）政府采购支出情况
本部门2022年度政府采购支出总额1,000,000.00元，其中：政府采购货物支出600,000.00元、政府采购工程支出0元、政府采购服务支出400,000.00元。授予中小企业合同金额900,000.00元，占政府采购支出总额的90.00%。
（三）国有资产占用情况
截至2022年12月31日，本部门共有车辆2辆，其中：执法执勤用车1辆、其他用车1辆。单价100万元（含）以上专用设备1台（套）。
第四部分 名词解释
一、机关运行经费：指行政单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出，比上年增加100元。
"""


def facts_of(text: str):
    facts, _ = extract_facts(split_lines(text))
    return {(f.fact_key, f.subject): f for f in facts}


def test_amounts_printed_in_yuan_are_converted_and_keep_the_printed_text() -> None:
    facts = facts_of(COUNTY_BUREAU)
    total = facts[("total_income_expenditure", "total")]
    assert (total.value, total.unit, total.printed) == (Decimal("1234.56"), "万元", "12,345,600.00元")


def test_a_change_broken_by_a_page_number_and_a_caption_is_rebuilt() -> None:
    facts = facts_of(COUNTY_BUREAU)
    change = facts[("total_yoy_change", "total")]
    assert (change.value, change.qualifier) == (Decimal("123.456"), "增加")  # '较上年增' / '加1,234,560.00元'
    assert change.sentence == "2022年度收入、支出总计12,345,600.00元,较上年增加1,234,560.00元,增长11.11 %。"
    assert (change.provenance.line_start, change.provenance.line_end) == (17, 17)  # where the amount is printed
    pct = facts[("total_yoy_change_pct", "total")]
    assert (pct.value, pct.printed, pct.qualifier) == (Decimal("11.11"), "11.11 %", "增长")


def test_classes_and_a_budget_line_named_by_class_kuan_xiang() -> None:
    facts = facts_of(COUNTY_BUREAU)
    assert facts[("gpb_class_amount", "205")].value == Decimal("1000")
    assert facts[("gpb_class_share_pct", "208")].value == Decimal("19.00")
    # The document prints no code list for 普通教育/小学教育, so the names stay after the class code.
    line = facts[("budget_final", "205/普通教育/小学教育")]
    assert (line.value, line.qualifier) == (Decimal("1000"), "大于")
    assert facts[("budget_completion_pct", "205/普通教育/小学教育")].value == Decimal("111.11")


def test_three_public_with_tong_bi_and_reception_kinds() -> None:
    facts = facts_of(COUNTY_BUREAU)
    assert facts[("three_public_actual", "total")].value == Decimal("5")
    assert (facts[("three_public_yoy_change_pct", "total")].value, facts[("three_public_yoy_change_pct", "total")].qualifier) == (Decimal("20.00"), "下降")
    assert facts[("three_public_yoy_change", "total")].value == Decimal("1.25")
    assert facts[("three_public_actual", "official_reception")].value == Decimal("2")
    assert facts[("reception_amount", "domestic")].value == Decimal("2")
    assert facts[("reception_batches", "total")].printed == "3批次"
    assert facts[("reception_persons", "total")].value == Decimal(45)
    assert facts[("reception_accompanying_persons", "total")].value == Decimal(5)


def test_sections_under_other_important_matters() -> None:
    facts = facts_of(COUNTY_BUREAU)
    admin = facts[("admin_operating_cost_yoy_change_pct", "total")]
    assert (admin.value, admin.qualifier, admin.section) == (Decimal("3.23"), "下降", "(一)机关运行经费支出情况")
    assert facts[("admin_operating_cost", "total")].value == Decimal("30")
    assert facts[("procurement_total", "total")].value == Decimal("100")
    assert facts[("procurement_amount", "works")].value == Decimal("0")
    assert facts[("procurement_sme_share_pct", "total")].value == Decimal("90.00")
    assert facts[("vehicles_by_kind", "执法执勤用车")].value == Decimal(1)
    assert facts[("equipment_over_1m", "total")].value == Decimal(1)


def test_the_glossary_states_no_facts() -> None:
    facts = facts_of(COUNTY_BUREAU)
    assert all(f.provenance.line_start < 38 for f in facts.values())


def test_profile_of_a_county_bureau() -> None:
    profile = extract_profile(split_lines(COUNTY_BUREAU))
    assert profile.department_name == "湖北省长阳土家族自治县教育局"
    assert profile.region == "湖北省长阳土家族自治县"
    assert profile.fiscal_year == 2022
    assert profile.unit == "元"
    assert {(v.name, v.context) for v in profile.name_variants} >= {
        ("湖北省长阳土家族自治县教育局", "title"),
        ("长阳县教育局", "table_header"),
        ("湖北省长阳土家族自治县教育局", "profile"),
    }
    counts = {(f.fact_key, f.subject): f.value for f in profile.facts}
    assert counts == {
        ("units_consolidated", "total"): Decimal(3),
        ("units_consolidated", "行政单位"): Decimal(1),
        ("units_consolidated", "事业单位"): Decimal(2),
        ("staff_in_service", "total"): Decimal(45),
        ("staff_in_service", "行政"): Decimal(10),
        ("staff_in_service", "事业"): Decimal(35),
        ("staff_retired", "total"): Decimal(12),
        ("staff_retired", "离休"): Decimal(1),
        ("staff_retired", "退休"): Decimal(11),
    }


def test_budget_lines_resolve_through_the_documents_own_code_list_even_when_glued() -> None:
    # PDF text as one producer prints it: code glued to the name, lines numbered within their page.
    from dagster_project.parsing.model import Line

    page_8 = ["一般公共预算财政拨款支出决算表", "20106财政事务 2,106.66 1,503.52 603.14", "2010601行政运行 1,511.89 1,503.52 8.37"]
    page_19 = [
        "第三部分 某区财政局2024年度部门决算情况说明",
        "一、一般公共预算财政拨款支出决算情况说明",
        "1、一般公共服务支出(类)财政事务(款)行政运行",
        "(项)。年初预算为1560.05万元,支出决算为1511.89万元。",
    ]
    lines = [Line(no, text, 8) for no, text in enumerate(page_8, start=1)] + [Line(no, text, 19) for no, text in enumerate(page_19, start=1)]
    facts, _ = extract_facts(lines)
    [final] = [f for f in facts if f.fact_key == "budget_final"]
    assert (final.subject, final.value) == ("2010601", Decimal("1511.89"))
    assert (final.provenance.page, final.provenance.line_start) == (19, 4)


# A budget line naming its subject by 类/款/项 names, which resolve through the tables' codes.
BUDGET_LINE_2010601 = [
    "第三部分 某区财政局2024年度部门决算情况说明",
    "一、一般公共预算财政拨款支出决算情况说明",
    "1、一般公共服务支出(类)财政事务(款)行政运行",
    "(项)。年初预算为1560.05万元,支出决算为1511.89万元。",
]


def budget_subjects(table: list[str]) -> set[tuple[str, str, Decimal]]:
    facts, _ = extract_facts(split_lines("\n".join(table + BUDGET_LINE_2010601)))
    return {(f.fact_key, f.subject, f.value) for f in facts if f.fact_key.startswith("budget_")}


def test_budget_lines_resolve_through_a_code_list_printed_piece_by_piece() -> None:
    # PyMuPDF prints each piece of a table row on its own line: '201' / '06' / '01' / the name
    table = ["一般公共预算财政拨款支出决算表", "201", "06", "财政事务", "2,106.66", "201", "06", "01", "行政运行", "1,511.89"]
    assert ("budget_initial", "2010601", Decimal("1560.05")) in budget_subjects(table)


def test_budget_lines_resolve_through_codes_spaced_out_in_columns() -> None:
    # pdftotext -layout keeps the columns: the code's parts stand apart, padded with spaces
    table = ["一般公共预算财政拨款支出决算表", "201   06        财政事务        2,106.66     1,503.52",
             "201   06   01   行政运行        1,511.89     1,503.52      8.37"]
    assert ("budget_final", "2010601", Decimal("1511.89")) in budget_subjects(table)


def test_a_name_wrapped_around_its_code_line_does_not_hide_the_full_name_printed_later() -> None:
    # a PDF cell whose name wraps above and below the code's line, then a table printing it whole
    tables = ["收入决算表", "机关事业单位基本养老保险", "208 05 05 160.75 160.75", "缴费支出",
              "一般公共预算财政拨款支出决算表", "208 05 行政事业单位养老支出 160.75 160.75",
              "208 05 05 机关事业单位基本养老保险缴费支出 160.75 160.75"]
    narrative = [
        "第三部分 某区财政局2024年度部门决算情况说明",
        "一、一般公共预算财政拨款支出决算情况说明",
        "1、社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出",
        "(项)。年初预算为161.62万元,支出决算为160.75万元。",
    ]
    facts, _ = extract_facts(split_lines("\n".join(tables + narrative)))
    [final] = [f for f in facts if f.fact_key == "budget_final"]
    assert (final.subject, final.value) == ("2080505", Decimal("160.75"))


def test_a_budget_statement_moved_under_another_subject_is_reported_not_attributed() -> None:
    # a PDF made with WPS: the text order put item 8's statement under item 7, after item 7's own
    table = ["一般公共预算财政拨款支出决算表", "208 05 行政事业单位养老支出 80.38 80.38",
             "208 05 06 机关事业单位职业年金缴费支出 80.38 80.38"]
    narrative = [
        "第三部分 某区财政局2024年度部门决算情况说明",
        "一、一般公共预算财政拨款支出决算情况说明",
        "7、社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)。",
        "年初预算为80.81万元,支出决算为80.38万元。主要用于:退休人员经费支出。",
        "年初预算为0.94万元,支出决算为0.94万元。",
    ]
    facts, issues = extract_facts(split_lines("\n".join(table + narrative)))
    stated = [(f.fact_key, f.value) for f in facts if f.subject == "2080506"]
    assert stated == [("budget_initial", Decimal("80.81")), ("budget_final", Decimal("80.38"))]
    unclear = [i for i in issues if i.code == "subject_unclear"]
    assert [i.provenance.line_start for i in unclear] == [8, 8] and "0.94" in unclear[0].message


def test_income_and_expenditure_totals_stated_apart_and_projects_counted_before_the_noun() -> None:
    text = "\n".join(
        [
            "第一部分 某市文化馆概况",
            "单位编制人数30人，实有人数28人。",
            "第三部分 2023年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收入总计500.00万元，支出总计500.00万元。与2022年度相比，收入、支出总计各增加20.00万元，增长4.17%。",
            "二、预算绩效情况说明",
            "本单位组织对5个项目开展绩效自评，涉及资金120.00万元。",
        ]
    )
    facts, _ = extract_facts(split_lines(text))
    assert [(f.fact_key, f.value, f.qualifier) for f in facts] == [
        ("total_income_expenditure", Decimal("500.00"), ""),
        ("total_income_expenditure", Decimal("500.00"), ""),
        ("total_yoy_change", Decimal("20.00"), "增加"),
        ("total_yoy_change_pct", Decimal("4.17"), "增长"),
        ("perf_projects_evaluated", Decimal(5), ""),
        ("perf_funds", Decimal("120.00"), ""),
    ]
    staff = [(f.fact_key, f.value) for f in extract_profile(split_lines(text)).facts]
    assert staff == [("staff_in_service", Decimal(28))]


def test_the_word_a_template_prints_is_in_every_match() -> None:
    from dagster_project.parsing.narrative_patterns import FUNCTION_SUBJECT_RE, printed_word

    assert printed_word(r"(?:支出)?决算(?:数)?为{amt}") == "决算"  # groups are left out
    assert printed_word(r"财政拨款收入?、?支出?(?:决算)?总计{amt}") == "财政拨款收"  # 入? may be missing
    assert printed_word(r"授予小微企业(?:合同)?金额(?:[\d,.]+万?元)?,{0,2}占{pct}") == "授予小微企业"
    assert printed_word(r"因公出国\(境\)费?") == "因公出国(境)"  # escaped punctuation is printed as itself
    assert printed_word(r"支出\(?类\)?") == "支出"
    assert printed_word(FUNCTION_SUBJECT_RE) == "(类)"  # the class's name is a group
    assert printed_word(r"会议费|培训费") == "费"  # either may be printed: the word both print
    assert printed_word(r"(?:收入合计)(?!、?支出)") == "收入合计"  # a group of literals is printed
    assert printed_word(r"(?:公务|因公)?出国|入境") == ""  # no word every alternative prints


def test_a_regex_is_led_by_its_first_characters_when_the_engine_finds_none() -> None:
    import re

    from dagster_project.parsing.narrative_patterns import with_first_characters

    led = with_first_characters(r"(?<!开支)(?:[“]?三公经费|因公出国)为\d")
    assert led == r"(?=[“三因])(?:(?<!开支)(?:[“]?三公经费|因公出国)为\d)"
    text = "开支三公经费为1,“三公经费为2,因公出国为3"
    assert [m.span() for m in re.finditer(led, text)] == [(9, 16), (17, 23)]
    assert with_first_characters(r"预算数?为\d") == r"预算数?为\d"  # the engine skips to its first character itself
    assert with_first_characters(r"(?:全年)?[\u4e00-\u9fff]{2}") == r"(?:全年)?[\u4e00-\u9fff]{2}"  # a range: not listed
