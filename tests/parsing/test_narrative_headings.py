"""The numbered headings of a document (ParsedDocument.headings): part titles, sections (一、) and
subsections ((一)), with the numbered list each continues. Values typed from the documents."""

from __future__ import annotations

from dagster_project.parsing import parse_file
from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.model import Line
from dagster_project.parsing.narrative import extract_headings

WUHAN = "wuhan-qiaokou-2021-party-office.txt"
SHANGHAI = "shanghai-putuo-2024-finance-bureau.raw.txt"


def headings_of(path):
    text, _ = decode_bytes(path.read_bytes())
    return extract_headings(split_lines(text))


def of_lines(*texts: str):
    return extract_headings([Line(no, text) for no, text in enumerate(texts, 1)])


def test_wuhan_part_titles_joined_over_their_lines(corpus_dir):
    parts = [(h.number, h.part, h.provenance.line_start) for h in headings_of(corpus_dir / WUHAN) if h.level == "part"]
    assert parts == [(1, "profile", 1), (2, "tables", 93), (3, "narrative", 1231), (4, "other", 1771),
                     (5, "glossary", 2078), (6, "annex", 2203)]
    first = headings_of(corpus_dir / WUHAN)[0]
    assert first.text == "第一部分中国共产党武汉市硚口区委员会办公室概况"  # lines 1, 3, 5
    assert (first.provenance.line_start, first.provenance.line_end) == (1, 5)


def test_wuhan_sections_of_the_narrative_form_one_list(corpus_dir):
    headings = headings_of(corpus_dir / WUHAN)
    part_3 = [h for h in headings if h.part == "narrative" and h.level == "section"]
    main = [h for h in part_3 if h.list_no == part_3[0].list_no]
    assert [h.number for h in main] == list(range(1, 14))
    assert (main[0].text, main[0].provenance.line_start) == ("一、收入支出决算总体情况说明", 1237)
    assert main[-1].text == "十三、预算绩效情况说明"
    # '一、是加强…' (line 1715) inside （三）项目支出自评结果 starts a list of its own
    nested = next(h for h in part_3 if h.provenance.line_start == 1715)
    assert nested.number == 1 and nested.list_no != main[0].list_no


def test_wuhan_numbered_rows_of_the_tables_are_not_headings(corpus_dir):
    # '一、一般公共预算财政拨款收入 1 1,568.88' (line 117) and the other rows of Tables 1 and 4
    headings = headings_of(corpus_dir / WUHAN)
    assert [h.text for h in headings if 93 <= h.provenance.line_start < 1231] == [
        "第二部分中国共产党武汉市硚口区委员会办公室2021 年度部门决算表"]


def test_wuhan_a_misstyled_heading_stays_in_its_list(corpus_dir):
    # 第四部分: （一） line 1773, 二、 line 1904, （三） line 2029
    part_4 = [h for h in headings_of(corpus_dir / WUHAN) if h.part == "other" and h.level != "part"]
    assert [(h.level, h.number, h.provenance.line_start) for h in part_4] == [
        ("subsection", 1, 1773), ("section", 2, 1904), ("subsection", 3, 2029)]
    assert len({h.list_no for h in part_4}) == 1


def test_shanghai_contents_list_then_body(corpus_dir):
    parts = [h for h in headings_of(corpus_dir / SHANGHAI) if h.level == "part"]
    assert [(h.number, h.part, h.provenance.line_start) for h in parts] == [
        (1, "profile", 4), (2, "tables", 7), (3, "narrative", 17), (4, "glossary", 29),
        (1, "profile", 30), (2, "tables", 82), (3, "narrative", 501), (4, "glossary", 617)]
    assert parts[0].list_no != parts[4].list_no  # the body's 第一部分 restarts the parts
    # '第三部分上海市普陀区财政局2024年度部门决算情况' + '说明' (lines 501-502)
    assert parts[6].text == "第三部分上海市普陀区财政局2024年度部门决算情况说明"
    assert (parts[6].provenance.line_start, parts[6].provenance.line_end) == (501, 502)


def test_shanghai_a_subsection_run_into_a_line(corpus_dir):
    # line 58: '项会计准则、会计制度和财务规则。（八）负责本区暂未划转入税务部门的非税收入'
    duties = [h for h in headings_of(corpus_dir / SHANGHAI) if h.level == "subsection" and h.part == "profile"]
    assert [h.number for h in duties] == list(range(1, 13))
    eighth = duties[7]
    assert (eighth.text, eighth.provenance.line_start) == ("(八)负责本区暂未划转入税务部门的非税收入", 58)
    assert len({h.list_no for h in duties}) == 1


def test_pdf_headings_with_their_pages(corpus_dir):
    name = "shanghai-putuo-2024-finance-bureau.pdf"
    doc = parse_file((corpus_dir / name).read_bytes(), name, "d", "pdf")
    body_parts = [(h.number, h.provenance.page) for h in doc.headings if h.level == "part"][4:]
    assert body_parts == [(1, 4), (2, 6), (3, 21), (4, 25)]
    eighth = next(h for h in doc.headings if h.text.startswith("(八)"))
    assert (eighth.provenance.page, eighth.number) == (4, 8)


def test_the_blank_template_table_rows_are_not_headings(corpus_dir):
    # its tables follow 第一部分 without a 第二部分 title: '一、一般公共预算财政拨款收入一、一般公共服务支出',
    # '二十二、灾害防治及应急管理支' + '出' are row labels
    name = "shanghai-2024-final-accounts-template.pdf"
    doc = parse_file((corpus_dir / name).read_bytes(), name, "t", "pdf")
    assert not [h for h in doc.headings if "支出" in h.text and "情况" not in h.text and h.level == "section"
                and h.part == "profile"]
    assert [h.text for h in doc.headings if h.part == "profile" and h.level == "section"][-2:] == [
        "一、主要职能", "二、部门决算单位构成(仅有一个单位的部门,本部分内容"]


def test_swapped_sections_keep_their_printed_numbers_in_one_list():
    headings = of_lines("第三部分 某局2024年度部门决算情况说明", "二、收入决算情况说明", "本年收入合计 10 万元。",
                        "一、收入支出决算总体情况说明", "三、支出决算情况说明")
    sections = [h for h in headings if h.level == "section"]
    assert [h.number for h in sections] == [2, 1, 3]
    assert len({h.list_no for h in sections}) == 1


def test_a_part_title_repeated_as_a_page_header_is_one_heading():
    headings = of_lines("第二部分 某局2024年度部门决算表", "收入支出决算总表", "第二部分 某局2024年度部门决算表",
                        "收入决算表", "第三部分 某局2024年度部门决算情况说明", "一、收入支出决算总体情况说明")
    assert [(h.level, h.number) for h in headings] == [("part", 2), ("part", 3), ("section", 1)]


def test_subsections_restart_under_each_section():
    headings = of_lines("一、总体情况", "(一)收入。", "(二)支出。", "二、三公经费", "(一)总体。", "1.因公出国(境)费。",
                        "2.公务接待费。", "(二)具体。", "三、其他")
    lists = [(h.number, h.list_no) for h in headings]
    assert [n for n, _ in lists] == [1, 1, 2, 2, 1, 2, 3]
    sections, first_subs, second_subs = lists[0][1], lists[1][1], lists[4][1]
    assert [k for _, k in lists] == [sections, first_subs, first_subs, sections, second_subs, second_subs, sections]
    assert len({sections, first_subs, second_subs}) == 3
