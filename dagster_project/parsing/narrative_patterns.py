"""The wording of disclosure narratives, as data: which sentence pieces state which fact.

Templates are regular expressions matched against a sentence with all whitespace removed and
NFKC-normalised (so ',' ':' ';' '(' ')' '%' are ASCII; '。' '、' '“' '”' stay). Placeholders:
  {amt}  an amount with its unit (万元 / 元 / 千元 / 亿元) -> groups v, u
  {pct}  a percentage                             -> group v (unit %)
  {n:人} a count followed by the unit word (a regex) -> groups v, u
The engine (narrative.py) resolves the subject, converts amounts to 万元 and keeps provenance.

Subject rules of a FactPattern:
  a literal ('total', 'goods', ...)  the fact is about that subject
  '@before'   the nearest subject mention (MENTIONS of the topic) ending before the value in the
              same sentence; else one in the numbered item's lead or the headings; else DEFAULT_SUBJECT
  '@in_match' a subject mention inside the matched text; else DEFAULT_SUBJECT
  '@kind'     the text of the group `kind`, as printed (mapped through KIND_SUBJECTS when listed)
A pattern with `named` records a value only when a mention names its subject: a function class's
share with no class named is no fact about the total.
"""

from __future__ import annotations

import re
import re._constants as _re_constants  # (the regex parser's data: see with_first_characters)
import re._parser as _re_parser
from dataclasses import dataclass

from .layout.tables import FUNCTION_CLASSES

DEFAULT_SUBJECT = "total"
# The subject of what a section reports beside its own subjects (Shaanxi's 三公 section also states
# 会议费 and 培训费; a totals section, a line of the total): its values are no facts of the section's
# vocabulary and are not recorded.
OUTSIDE_TOPIC = "-"


@dataclass(frozen=True)
class FactPattern:
    fact_key: str
    template: str
    subject: str = DEFAULT_SUBJECT
    # A level ("X 总计 Y 万元") printed right after a year-on-year anchor in the same clause states
    # the change, not the level (e.g. "与上年相比，财政拨款收、支总计 512.30 万元，各减少 33.4%"),
    # unless the sentence states the change's amount after it ('…支出 1500 万元，增加 100 万元').
    level: bool = False
    named: bool = False
    # A pattern with `total_only` records a value only when its subject is the total: a wording that
    # does not say whose it is ('预算数 X，调整数 Y') after a sentence that named a class is not read.
    total_only: bool = False
    # A word the value's clause (from the last ';' or '。' before it) must print.
    clause_word: str = ""


@dataclass(frozen=True)
class ChangeKeys:
    """The fact keys a topic uses for a stated change, by what it is compared with."""

    yoy_amount: str
    yoy_pct: str
    budget_amount: str = ""  # '比年初预算减少 0.89 万元' (三公 only)
    # The keys are the total's only: a change of another subject the section names (a class or 项 of
    # the general budget, '…水利工程建设(项)支出 120.00 万元…增加 20.00 万元') has no key of the vocabulary.
    total_only: bool = False


# ---------------------------------------------------------------------------------------------
# Document structure
# ---------------------------------------------------------------------------------------------

# The kind of a 第N部分 part, from the words of its title (first match wins).
PART_KINDS: tuple[tuple[str, str], ...] = (
    ("tables", r"决算表|决算报表"),
    ("narrative", r"情况说明|决算说明|重要事项|其他事项|其他说明"),
    ("profile", r"概况|基本情况"),
    ("glossary", r"名词解释|名词说明"),
    ("annex", r"附件|附表"),
)

# Parts the 情况说明 follows in every disclosure (a text that ends in one of them was cut).
PARTS_BEFORE_NARRATIVE = ("front", "profile", "tables")
# The sections of the 情况说明 the template prescribes (topics below): a 情况说明 that ends the
# text without one of them was cut.
REQUIRED_TOPICS = ("totals", "income", "expenditure", "fiscal", "gpb", "basic", "three_public", "gov_fund",
                   "state_capital", "procurement", "assets", "perf")
# How the last sentence of a complete text ends (compacted and NFKC-normalised).
SENTENCE_ENDS = ("。", ";", "!", "?", ")", "”")

# The topic of a narrative section, from the words of its heading (first match wins, so the
# more specific headings come first: '财政拨款收入支出决算总体' before '收入支出决算总体').
TOPICS: tuple[tuple[str, str], ...] = (
    ("three_public", r"三公"),
    ("basic", r"基本支出(?:决算|情况)"),
    # '一般公共预算项目支出决算情况说明' (Inner Mongolia): no fact of the vocabulary is read there, and
    # its project spending is not Table 3's (all funds) nor the general budget's total
    ("project", r"项目支出决算"),
    # before 'expenditure': '机构运行经费支出决算情况说明', '政府采购支出决算情况说明'
    ("admin", r"(?:机关|机构)运行经费"),
    ("procurement", r"政府采购"),
    ("gov_fund", r"政府性基金"),
    ("state_capital", r"国有资本经营"),
    # ('一般公共预算财政拨款收入支出决算情况说明': Chongqing's general-budget section)
    ("gpb", r"一般公共预算(?:财政拨款)?(?:收入)?支出"),
    # ('财政拨款收入决算情况': Gansu's fiscal section, which states the income side only)
    ("fiscal", r"财政拨款收入?、?支出?决?算?总(?:体|计|表)|财政拨款收支|^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)?财政拨款收入决算"),
    ("totals", r"收入?、?支出?决?算?总(?:体|计|表)|收支决算总体"),
    ("income", r"收入决算"),
    ("expenditure", r"支出决算"),
    ("assets", r"国有资产|资产占[用有]"),
    ("perf", r"绩效"),
)
# The sections whose patterns read any 收入 / 支出 amount ('本年支出 0 万元'), with the sections whose
# subjects their text does not name: a sentence there that names one ('机关运行经费支出 310.75 万元',
# '政府采购货物支出 86.72 万元'), where the value's clause does not name the section's own subject, is
# that other section's text under a lost heading (or the other fund's, in a section on both funds),
# so its values are not recorded.
_SECTIONS_OF_OTHER_SUBJECTS = ("three_public", "basic", "project", "admin", "procurement", "gpb", "assets", "perf")
SECTIONS_READING_ANY_AMOUNT: dict[str, tuple[str, ...]] = {
    "gov_fund": (*_SECTIONS_OF_OTHER_SUBJECTS, "state_capital"),
    "state_capital": (*_SECTIONS_OF_OTHER_SUBJECTS, "gov_fund"),
    # any 财政拨款支出 ('2022 年度政府性基金预算财政拨款支出 52.65 万元' in Gansu's general-budget section)
    "gpb": ("gov_fund", "state_capital", "three_public", "admin"),
}
# Sections whose values another section's subject takes only when named before them: the general
# budget's changes are explained by others ('…增加 10 万元，主要原因是机关运行经费增加').
OTHER_SUBJECT_BEFORE_THE_VALUE = frozenset({"gpb"})
# A sentence under a heading that names no topic ('二、部门决算情况说明', Chongqing's summary before its
# sections; a page on 三公 alone, under a title without a number) that starts with a topic's subject
# reads as that topic's section ('2022 年度财政拨款收入总计 1500.00 万元，较上年决算数减少 300.00 万元',
# '2022 年一般公共预算财政拨款“三公”经费决算 30.5 万元'): (topic, a word every match prints, regex).
# (Named first, after the year at most: a subject named later may not be what the values are about.)
_SENTENCE_SUBJECT_START = r"^(?:\d{4}年度?,?)?(?:本单位|本部门)?"
TOPICS_BY_WORDING: tuple[tuple[str, str, str], ...] = (
    ("fiscal", "财政拨款", _SENTENCE_SUBJECT_START + r"财政拨款(?:收入?、?支出?|收入|支出)(?:决算)?总计"),
    ("three_public", "三公", _SENTENCE_SUBJECT_START + r"(?:一般公共预算)?(?:财政拨款)?[“\"]?三公[”\"]?经费"),
)
# Items of a section that state a narrower topic by their lead ('2.收入情况。2022 年度收入合计 …' in
# Chongqing's totals section; '1.一般公共预算财政拨款收入 400.00 万元，为…' / '1.基本支出 350.00 万元…',
# Guangxi's, which lists the lines of the total as items, each led by its name and amount): the item
# reads as that topic's section.
ITEM_TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "totals": (
        ("income", r"收入(?:决算)?情况"), ("expenditure", r"支出(?:决算)?情况"),
        ("income", r"(?:(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政(?:拨款|补助)|上级补助|事业|经营|附属单位上缴|其他)"
                   r"收入(?:为)?\d.*"),
        ("expenditure", r"(?:基本|项目|上缴上级|经营|对附属单位补助)支出(?:为)?\d.*"),
    ),
}
# A subsection has its section's topic ('(一)财政拨款收入决算情况' under the fiscal section is no
# income section), unless its heading names a part of the section's topic: '(二)一般公共预算支出决算
# 情况说明' under '一、财政拨款收入支出决算总体情况说明' is the general budget's.
NARROWER_TOPICS: dict[str, frozenset[str]] = {
    "fiscal": frozenset({"gpb", "basic", "project", "admin", "three_public", "gov_fund", "state_capital"}),
    "gpb": frozenset({"basic", "project", "admin", "three_public"}),
}

# ---------------------------------------------------------------------------------------------
# Subjects
# ---------------------------------------------------------------------------------------------

# A function subject named as printed in budget-execution text: 类 [款 [项]]. A 款 or 项 name may hold a
# short bracketed part ('党委办公厅(室)及相关机构事务'); a 项 may be printed without its name ('…(款)(项)').
# (A class name holds none: its plain pattern keeps the search fast.)
_SUBJECT_NAME = r"(?:[\u4e00-\u9fff、]|\((?![类款项]\))[\u4e00-\u9fff]{1,2}\))"
FUNCTION_SUBJECT_RE = (
    r"(?P<cls>[\u4e00-\u9fff、]+?)\(类\)" rf"(?:(?P<kuan>{_SUBJECT_NAME}+?)\(款\))?(?:(?P<xiang>{_SUBJECT_NAME}*?)\(项\))?"
)
# The subject of a 项 printed without its name: after its 款's code (or names), unresolved.
UNNAMED_ITEM = "(项)"

# A function class named without '(类)' ('社会保障和就业支出 67.64 万元'): a name of the
# classification's classes followed by 支出 (the longest name first: '农林水事务' before '农林水').
FUNCTION_CLASS_NAMED_RE = (
    "(?P<cls>" + "|".join(sorted(map(re.escape, FUNCTION_CLASSES), key=len, reverse=True)) + r")支出(?!\(类\))"
)

# Subject mentions per topic: (regex, subject). Subject '@function' resolves the groups of
# FUNCTION_SUBJECT_RE to a code, '@class' the group `cls` of FUNCTION_CLASS_NAMED_RE to a class code;
# '@name' takes the group `name` as printed. At the same end the earlier mention wins, so a fund's
# own income line ('政府性基金预算财政拨款收入') is named before the line of all funds ('财政拨款收入').
# 收、支总计 and its changes are the total's (收入总计 = 支出总计 in every template). A paragraph that
# states a change for each side ('财政拨款收入总计 1614.63 万元，增加 540.23 万元；财政拨款支出总计
# 1870.91 万元，增加 633.43 万元') gives each its side; one side named alone is the total.
SIDES = ("income", "expenditure")
# ('总收入' / '总支出': Guangxi's '本单位 2021 年度总收入 581.45 万元，其中本年收入 390.55 万元')
_GRAND_TOTAL_SIDES = (
    (r"收入?、?支出?(?:决算)?总计|收支(?:决算)?总计|收入(?:决算)?总计[、和与及]支出(?:决算)?总计", "total"),
    (r"收入(?:决算)?总计|总收入", "income"),
    (r"支出(?:决算)?总计|总支出", "expenditure"),
)
_INCOME_LINES = (
    (r"一般公共预算财政拨款收入", "general_budget_appropriation"),
    (r"政府性基金预算财政拨款收入", "gov_fund_appropriation"),
    (r"国有资本经营预算财政拨款收入", "state_capital_appropriation"),
    (r"财政(?:拨款|补助)收入", "fiscal_appropriation"),
    (r"上级补助收入", "superior_subsidy"),
    (r"事业收入", "business"),
    (r"经营收入", "operating"),
    (r"附属单位上缴收入", "affiliated_remittance"),
    (r"其他收入", "other"),
)
_EXPENDITURE_LINES = (
    (r"基本支出", "basic"),
    (r"项目支出", "project"),
    (r"上缴上级支出", "remit_to_superior"),
    (r"经营支出", "operating"),
    (r"对附属单位补助支出", "subsidy_to_affiliated"),
)
# The lines a grand total adds up: a change stated after one of them ('一般公共预算财政拨款收入
# 382.17 万元…较 2020 年度决算数减少 157.86 万元'; Chongqing's '收入合计 …较上年决算数增加 1894.61
# 万元', 本年收入合计 named without 本年) is that line's, not the total's. (A mention of the
# total ends after a line's it holds: '财政拨款收入总计' is the total's; and an income line followed by
# 支出 is the pair of a heading, '财政拨款收入支出决算总体情况说明'.)
_LINES_OF_THE_TOTALS = tuple(
    (f"(?:{rx})(?!、?支出)", OUTSIDE_TOPIC)
    for rx in (r"本年收入", r"本年支出", r"收入合计", r"支出合计", r"(?:上年|年初)结转", r"年末结转", r"非财政拨款结余", r"结余分配",
               *(rx for rx, _ in (*_INCOME_LINES, *_EXPENDITURE_LINES)), FUNCTION_CLASS_NAMED_RE)
)
# How a 三公 item's name may start and end ('公车' / '公务车' / '公务用车' / '车辆'; '费', '经费', '费用', or
# nothing before 支出 or the amount).
_CAR = r"(?:公(?:务用?)?车|车辆)"
_FEE = r"(?:经?费用?|(?=支出|\d))"
MENTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "totals": (*_GRAND_TOTAL_SIDES, *_LINES_OF_THE_TOTALS),
    "fiscal": (*_GRAND_TOTAL_SIDES, *_LINES_OF_THE_TOTALS),
    "income": _INCOME_LINES,
    "expenditure": _EXPENDITURE_LINES,
    # the whole general budget named ('2021 年度一般公共预算财政拨款支出年初预算为 …') is the total's: a
    # sentence that names it is not about the class an earlier sentence named last
    # and its income, in a section on both ('一般公共预算财政拨款收入支出决算情况说明', Chongqing): the
    # income's change is no fact of the section
    "gpb": ((FUNCTION_SUBJECT_RE, "@function"), (FUNCTION_CLASS_NAMED_RE, "@class"), (r"一般公共预算财政拨款支出", DEFAULT_SUBJECT),
            (r"(?:一般公共预算)?财政拨款收入(?!、?支出)", OUTSIDE_TOPIC)),
    "three_public": (
        (r"[“\"]?三公[”\"]?经费", "total"),
        # an item named by its spending ('因公出国支出决算', '公务用车购置支出 0 万元'): Guangxi
        # and in other words: '…经费' / '…费用', '运维费', '运行及维护', '(含执法执勤用车)', '公务车' / '车辆',
        # a name with neither 费 nor 支出 before its amount ('公务接待 12.39 万元', '公务用车购置 0 万元'),
        # '购置及运行维护费' right after a break, 公务用车 named before it ('公务用车保有量 2 辆，购置及运行维护费 5 万元')
        (r"因公出国(?:\(境\))?(?:经费|费用|费)?", "outbound_travel"),
        (r"(?:" + _CAR + r"|(?<=[,;:]))购置及(?:运行(?:及?维护)?|运维)" + _FEE, "vehicle"),
        (_CAR + r"购置" + _FEE, "vehicle_purchase"),
        (_CAR + r"(?:\([^)]{1,12}\))?(?:运行(?:及?维护)?|运维)" + _FEE, "vehicle_operation"),
        (r"公务接待" + _FEE, "official_reception"),
        # '公务用车及运行维护费': the purchase and the running, or the running alone (Jilin: its amount
        # was the running's); which item it is is not read
        (_CAR + r"及运行(?:维护)?费", OUTSIDE_TOPIC),
        # any other name of a spending stated after a break ('，其中：公车使用经费决算 50 万元'): an item
        # the parser does not know, whose values are not the item's or the total's named before it
        (r"(?:(?<=[,;:、])|(?<=其中))[\u4e00-\u9fff]{2,10}?(?:经费|费用|费)(?=支出|决算|为|共计|合计|\d)", OUTSIDE_TOPIC),
        (r"会议费|培训费", OUTSIDE_TOPIC),
    ),
    "procurement": (
        (r"货物", "goods"),
        (r"工程", "works"),
        (r"服务", "services"),
    ),
    "perf": (
        (r"整体支出|部门整体", "department"),
        # a project named in quotes first ('反映“基层医疗能力提升”项目绩效自评结果'); a name that speaks
        # of the 决算 or of all projects ('部门决算中项目绩效自评结果', a template's heading) names none
        (r"“(?P<name>[\u4e00-\u9fff]{2,30})”项目(?:绩效)?自评(?:综述|结果)", "@name"),
        (r"(?<![\u4e00-\u9fff“”])(?:\d{4}年度?)?(?P<name>(?![\u4e00-\u9fff“”]*?(?:决算中|反映|所有))[\u4e00-\u9fff“”]{2,30}?)项目(?:绩效)?自评(?:综述|结果)", "@name"),
    ),
}

# Kinds printed in the text that have a fixed subject key (others keep the printed kind).
KIND_SUBJECTS: dict[str, str] = {
    "国内公务接待": "domestic",
    "国内接待": "domestic",
    "外事接待": "foreign",
    "国(境)外接待": "foreign",
    "国(境)外公务接待": "foreign",
}

RECEPTION_KINDS = "|".join(map(re.escape, KIND_SUBJECTS))
# A count after a foreign kind is that kind's, in brackets or not ('其中：外事接待 0 批次，0 人次'); a
# domestic count is the total's (templates print the foreign one as part of it).
FOREIGN_RECEPTION_KINDS = "|".join(re.escape(kind) for kind, subject in KIND_SUBJECTS.items() if subject == "foreign")

# ---------------------------------------------------------------------------------------------
# Changes and comparisons
# ---------------------------------------------------------------------------------------------

# Direction words as printed -> the qualifier recorded (the closed list of docs/raw-tables.md).
DIRECTION_WORDS: dict[str, str] = {
    "增加": "增加",
    "增长": "增长",
    "上升": "增长",
    "上涨": "增长",
    "减少": "减少",
    "下降": "下降",
    "降低": "下降",
    "减": "减少",
    "持平": "持平",
    "基本持平": "持平",
    "无变化": "持平",
    "没有变化": "持平",
    "无增减变化": "持平",
    "无增减": "持平",
    "没有增减变化": "持平",
    "大于": "大于",
    "高于": "大于",
    "超过": "大于",
    "小于": "小于",
    "低于": "小于",
    "等于": "等于",
    "相等": "等于",
    "一致": "等于",
}
CHANGE_DIRECTION = r"(?P<dir>增加|增长|上升|上涨|减少|下降|降低)了?"
# A count printed last before a word-only change ('因公出国(境) 0 人次，与上年持平'): the change is the count's.
COUNT_BEFORE = r"\d(?:人次|批次|批|个|辆|人|次|台)[^\d]*$"
# Before a count: not inside a number ('1,250', '3.5'), nor after a change word or 多 / 少 (a change).
NOT_A_CHANGE = r"(?<![\d.])(?<!\d,)(?<![加少多长降升涨])(?<![加少多长降升涨]了)"
# (the flat words of DIRECTION_WORDS, the longest first)
FLAT_DIRECTION = "(?P<dir>" + "|".join(sorted((w for w, q in DIRECTION_WORDS.items() if q == "持平"), key=len, reverse=True)) + ")"
# What a change is measured against: the previous year or the initial budget.
# '与 2021 年度预算相比' compares with the budget, not with the year before; '比上年预算数' compares
# two budgets, with neither.
YOY_ANCHOR = r"(?:比|与|较|同)(?:上年|上一年|去年|\d{4}年)(?!度?(?:年初)?预算)度?(?:同期)?(?:相比|比较)?|同比|上年同期"
# The year a value's sentence names last before it, other than as what a change compares with or in
# a date: '2016 年度支出合计 628 万元' in a 2017 document, '上年度支出合计 940 万元' state that year's
# amounts; '本年' the document's. A reporting date ('截至 2023 年 12 月 31 日') is the checks' to
# compare with the fiscal year; '上年结转' is a line of this year's income. Its forms (a year, the
# year before, this year) each start with characters of their own, and none counts right after one
# of NAMED_YEAR_NOT_AFTER.
NAMED_YEAR_FORMS = (r"(?P<year>(?:19|20)\d{2})年(?!\d{1,2}月)", r"(?P<previous>上一?年度?|去年)(?!结|同期)",
                    r"(?P<current>本年|今年|当年)")
NAMED_YEAR_NOT_AFTER = "比与较同至止"
# A part of the department named in a value's clause before it ('机关本级基本支出 500 万元', '其中：
# 本级公务接待费 2 万元', '所属学校收入 4200 万元'): the value is that part's, not the department's. '含
# 所属单位' includes them; a document whose name says 本级 is that part.
PART_OF_THE_DEPARTMENT = r"(?<![含括])(?:本级|(?:所属|下属|直属|二级)(?:单位|学校|医院|机构))"
PART_OF_THE_DEPARTMENT_NAMED = "本级"
# A word every match of PART_OF_THE_DEPARTMENT prints: a cheap test before the regex.
PART_OF_THE_DEPARTMENT_WORDS = ("本级", "属", "二级")
# Topics whose facts are the disclosure's whatever year their sentence names: a 2021 disclosure
# reports the evaluation it made of 2020's projects ('组织对 2020 年度 5 个项目开展绩效评价').
ANY_YEAR_TOPICS = frozenset({"perf"})  # and whatever part of the department: its own projects are 本级's
# What may stand between a year-on-year anchor and the amount it compares with ('比上年决算 12 万元减少
# 2 万元', '比上年收入总计 940 万元增加'): a label, no break of the clause and no change.
COMPARED_LABEL = r"[^\d,;。:、]{0,16}"
# An anchor that ends so has compared already: '与上年相比财政拨款支出 1500 万元' states this year's.
COMPARED_ALREADY = ("相比", "比较", "同比")
# ('，2022 年度预算相比，减少 2.50 万元', Anhui: the anchor printed without its 与, after a break)
BUDGET_ANCHOR = (r"比(?:年初)?预算(?:数)?|较(?:年初)?预算(?:数)?|与(?:\d{4}年度?)?(?:年初)?预算数?(?:相比|比较)"
                 r"|(?:^|(?<=[,;:。]))\d{4}年度?(?:年初)?预算数?(?:相比|比较)")
# The year before's budget ('比上年预算数字下降 18.42%', Anhui): compared with it, a change states no fact
# of the vocabulary (and does not take the year-on-year anchor of the clause before).
PREVIOUS_BUDGET_ANCHOR = r"(?:比|与|较)(?:上年|上一年|去年)度?(?:年初)?预算数?字?"
# A word every match of the anchors above prints: a text without one compares with nothing (a
# cheap test before the regexes).
ANCHOR_WORDS = ("比", "与", "较", "同")
# A word every match of BUDGET_ANCHOR and PREVIOUS_BUDGET_ANCHOR prints (a cheap test before them).
BUDGET_WORD = "预算"
# A sentence that states the budget and then a change, with no anchor of its own ('2017 年预算数
# 3786.71 万元，调整数 4610.19 万元，决算数 4610.19 万元，增加 823.48 万元'), compares with the budget,
# not with the year an earlier sentence named.
BUDGET_STATED = r"预算数?(?:为|是)?\d"

CHANGE_KEYS: dict[str, ChangeKeys] = {
    "totals": ChangeKeys("total_yoy_change", "total_yoy_change_pct"),
    "fiscal": ChangeKeys("fiscal_yoy_change", "fiscal_yoy_change_pct"),
    "gpb": ChangeKeys("gpb_yoy_change", "gpb_yoy_change_pct", total_only=True),
    "three_public": ChangeKeys("three_public_yoy_change", "three_public_yoy_change_pct", "three_public_budget_change"),
    "admin": ChangeKeys("admin_operating_cost_yoy_change", "admin_operating_cost_yoy_change_pct"),
}

# '决算数小于预算数' / '决算数与预算数基本持平': the direction word is recorded as the qualifier of
# the actual amount it compares (the latest such fact of the same subject in the paragraph).
COMPARISON = (
    r"决算数?(?:与(?:年初)?预算数?(?P<flat>基本持平|持平|相等|一致)"
    r"|(?P<cmp>大于|高于|超过|小于|低于|等于)(?:年初)?预算)"
)
# The names of the 三公 items and their total, for a spending stated without 决算 right after one
# ('其中：因公出国(境)费支出 0 万元；公务接待费支出 2.50 万元').
THREE_PUBLIC_NAMES = "|".join(name for name, subject in MENTIONS["three_public"] if subject != OUTSIDE_TOPIC)
COMPARED_FACTS: dict[str, str] = {"gpb": "budget_final", "three_public": "three_public_actual"}
# Facts a subject is given once: a second, different value from a sentence that does not name the
# subject is not attributed to it.
ONCE_PER_SUBJECT = frozenset({"budget_initial", "budget_final", "budget_completion_pct"})
# A 三公 item's amount stated with neither 支出 nor 决算 ('公务接待费为 20.10 万元') may be its budget or
# its actual. Listed after '其中' right after the total's budget or actual ('“三公经费”决算为 22.62 万元。
# 其中公务接待费为 20.10 万元'), it is a part of that total and the same kind of amount; anywhere
# else it is not read.
PART_OF_THE_TOTAL = "@part"
# Amounts of a kind of an item ('国内接待费支出决算 6.50 万元'): the value is the kind's, not the item's.
KIND_AMOUNTS = frozenset({"reception_amount"})
PARTS_OF_TOTALS = frozenset({"three_public_budget", "three_public_actual"})

# ---------------------------------------------------------------------------------------------
# Facts by topic
# ---------------------------------------------------------------------------------------------

# A number as a sentence prints it (thousands separated or not) and an amount's unit (AMOUNT_UNITS,
# as a class: one step of the regex engine).
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT_UNIT = "[亿万千]?元"
# A budget may be printed inside the completion rate ('完成预算 52.00 万元的 87.7%', Guangdong) or right
# after the anchor of a change against it ('较预算数 20.00 万元减少 4.60 万元').
_AMOUNT_PRINTED = rf"(?:(?:{_NUMBER}){_AMOUNT_UNIT})?"
# The budget, its adjustment and the actual stated in one run ('预算数 1000.00 万元，调整数 1250.00 万元，决算数
# 1200.00 万元'): the first is the initial budget, the total's only (it names no class). (The last is not
# read: '决算数 X' without 为 may be another's in an extract that lost a line, and on a real page it matched
# no spending the page states.)
_BUDGET_EXECUTION = (
    FactPattern("budget_initial", r"年初预算(?:数)?为{amt}", "@before"),
    FactPattern("budget_initial", r"(?:完成|[较比与])年初预算(?:数)?{amt}", "@before"),
    FactPattern("budget_initial", r"预算数(?:为)?{amt},调整(?:预算)?数", "@before", total_only=True),
    FactPattern("budget_final", r"(?:支出)?决算(?:数)?为{amt}", "@before"),
    FactPattern("budget_completion_pct", r"完成(?:年初)?预算(?:数)?" + _AMOUNT_PRINTED + "的?{pct}", "@before"),
)

# The body's name followed by 单位 ('2022 年度，某某县水利局单位支出为 980.00 万元', Gansu): the unit's own total,
# as 本单位. (The name's last character: 所属单位 / 下属单位 / 二级单位 name parts, 事业单位 a kind.)
_BODY_UNIT = r"(?<=[院局委办厅所站队会处馆室府社团校署司组庭园场心])单位"  # (its own pattern: tried only where 单位收入 / 单位支出 is printed)
TOPIC_PATTERNS: dict[str, tuple[FactPattern, ...]] = {
    "totals": (
        FactPattern("total_income_expenditure", r"(?:收入?、?支出?|收入、支出|收入|支出)(?:决算)?总计(?:各|均)?(?:为)?{amt}", level=True),
        FactPattern("total_income_expenditure", r"总(?:收入|支出)(?:为)?{amt}", level=True),
        # the lines of the total named in full ('收入总计 500.00 万元，其中：本年收入合计 480.00 万元', Xinjiang)
        FactPattern("income_total", r"本年收入合计(?:为)?{amt}"),
        FactPattern("expenditure_total", r"本年支出合计(?:为)?{amt}"),
    ),
    "income": (
        # 本单位收入为: Gansu; 本年收入: the total its lines' shares are of ('占本年收入 81.28%')
        FactPattern("income_total", r"(?:收入合计|本年收入|(?:本单位|本部门)收入)(?:为)?{amt}"),
        FactPattern("income_total", _BODY_UNIT + r"收入(?:为)?{amt}"),
        # 财政补助收入: the line's name before 2019
        FactPattern("income_amount", r"(?:(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款|财政补助|上级补助|事业|经营|附属单位上缴|其他)收入(?:为)?{amt}", "@in_match"),
        FactPattern("income_share_pct", r"占比?(?:本年)?(?:总?收入)?(?:合计|总额)?(?:的)?(?:比例为|比重为)?{pct}", "@before"),
    ),
    "expenditure": (
        FactPattern("expenditure_total", r"(?:支出合计|本年支出|(?:本单位|本部门)支出)(?:为)?{amt}"),
        FactPattern("expenditure_total", _BODY_UNIT + r"支出(?:为)?{amt}"),
        FactPattern("expenditure_amount", r"(?:基本|项目|上缴上级|经营|对附属单位补助)支出(?:为)?{amt}", "@in_match"),
        FactPattern("expenditure_share_pct", r"占比?(?:本年)?(?:总?支出)?(?:合计|总额)?(?:的)?(?:比例为|比重为)?{pct}", "@before"),
    ),
    "fiscal": (
        FactPattern("fiscal_total", r"财政拨款(?:收入?、?支出?|收入|支出)(?:决算)?总计(?:各|均)?(?:为)?{amt}", level=True),
    ),
    "gpb": (
        FactPattern("gpb_expenditure", r"(?:财政拨款|一般公共预算)支出(?:决算)?(?:总计|合计)?(?:为)?{amt}", level=True),
        FactPattern("gpb_share_of_expenditure_pct", r"占本年支出(?:合计)?的?{pct}"),
        FactPattern("gpb_class_amount", r"\(类\)(?:支出)?(?:为)?{amt}", "@before", named=True),
        FactPattern("gpb_class_amount", FUNCTION_CLASS_NAMED_RE + r"(?:为)?{amt}", "@in_match", named=True),
        FactPattern("gpb_class_share_pct", r"元,?占(?:比)?{pct}", "@before", named=True),
        *_BUDGET_EXECUTION,
    ),
    "basic": (
        FactPattern("basic_total", r"基本支出(?:为)?{amt}"),
        FactPattern("basic_personnel", r"人员经费(?:合计)?:?(?:为)?{amt}"),
        FactPattern("basic_public", r"公用经费(?:合计)?:?(?:为)?{amt}"),
    ),
    "three_public": (
        FactPattern("three_public_budget", r"预算(?:数)?为{amt}", "@before"),
        FactPattern("three_public_budget", r"年初预算{amt}", "@before"),
        FactPattern("three_public_budget", r"(?:完成(?:全年|年初)?|[较比与](?:年初)?)预算(?:数)?{amt}", "@before"),
        FactPattern("three_public_actual", r"决算(?:汇总数|总数|数|总额)?(?:为|是|共计)?{amt}", "@before"),
        FactPattern("three_public_actual", r"(?:合计|共计|决算)支出(?:数)?(?:为|是)?{amt}", "@before"),
        FactPattern("three_public_actual", r"支出(?:总数|总额)(?:为|是)?{amt}", "@before"),
        FactPattern("three_public_actual", r"(?:" + THREE_PUBLIC_NAMES + r")用?(?:财政拨款)?(?:支出|开支)(?:为|共计|合计)?{amt}",
                    "@in_match"),
        FactPattern(PART_OF_THE_TOTAL, r"(?<!开支)(?:" + THREE_PUBLIC_NAMES + r")(?:为|共计|合计)?{amt}", "@in_match"),
        FactPattern("three_public_completion_pct", r"完成(?:全年|年初)?预算(?:数)?" + _AMOUNT_PRINTED + "的?{pct}", "@before"),
        FactPattern("vehicle_fuel", r"燃[料油]费(?:为)?{amt}", "vehicle_operation"),
        FactPattern("vehicle_repair", r"维修(?:\(护\))?(?:保养)?费(?:为)?{amt}", "vehicle_operation"),
        FactPattern("vehicle_insurance", r"保险费(?:为)?{amt}", "vehicle_operation"),
        FactPattern("vehicles_held", r"保有量?(?:为)?{n:辆}"),
        FactPattern("vehicles_held", r"(?:单位|本部门|本单位)?共有公务用车{n:辆}"),  # Sichuan's 三公 section
        FactPattern("reception_amount", r"开支公务接待费(?:为)?{amt}"),
        FactPattern("reception_amount", r"(?P<kind>" + RECEPTION_KINDS + r")(?:费)?(?:支出)?(?:决算)?(?:为)?{amt}", "@kind"),
        # '(其中外事接待 26 批次)': a kind's count inside the total's (a value is read by its first pattern)
        FactPattern("reception_batches", r"\(其中(?P<kind>" + RECEPTION_KINDS + r")(?:共)?{n:批次?}", "@kind"),
        FactPattern("reception_persons", r"\(其中(?P<kind>" + RECEPTION_KINDS + r")(?:共)?{n:人次}", "@kind"),
        FactPattern("reception_batches", r"(?P<kind>" + FOREIGN_RECEPTION_KINDS + r")(?:共)?{n:批次?}", "@kind"),
        # '国(境)外公务接待批次 23 个，接待人次 142 人'
        FactPattern("reception_batches", r"(?P<kind>" + FOREIGN_RECEPTION_KINDS + r")批次(?:为|共|共计)?{n:[个次]}", "@kind"),
        FactPattern("reception_persons", r"(?P<kind>" + FOREIGN_RECEPTION_KINDS + r")批次(?:为|共|共计)?\d+[个次],?(?:接待)?"
                    r"人次(?:为|共|共计)?{n:人}", "@kind"),
        FactPattern("reception_persons", r"(?P<kind>" + FOREIGN_RECEPTION_KINDS + r")[^。;()]{0,12}?{n:人次}", "@kind"),
        # a count of 批次 / 人次 is the reception's in a clause about reception only ('累计出国(境) 484 人次' is not),
        # and not its change ('较上年增加 744 批次')
        FactPattern("reception_batches", NOT_A_CHANGE + r"{n:批次?}", clause_word="接待"),
        FactPattern("reception_persons", r"(?<!陪同)(?<!陪同人员)" + NOT_A_CHANGE + r"{n:人次}", clause_word="接待"),
        # '接待批次为 520 个，接待人次为 4200 人'
        FactPattern("reception_batches", r"批次(?:为|共|共计)?{n:[个次]}", clause_word="接待"),
        FactPattern("reception_persons", r"(?<!陪同)人次(?:为|共|共计)?{n:人}", clause_word="接待"),
        # persons in 人 right after the batches ('国内公务接待 12 批次，96 人', '15 批次，人数 130 人')
        FactPattern("reception_persons", NOT_A_CHANGE + r"\d+批次?[,、](?:接待)?(?:人数)?(?:为|共|共计)?{n:人}(?![次员])",
                    clause_word="接待"),
        FactPattern("reception_accompanying_persons", r"陪同(?:人员)?{n:人次}", clause_word="接待"),
    ),
    "gov_fund": (
        FactPattern("gov_fund_carryover_begin", r"年初(?:财政拨款)?结转和?结余(?:为)?{amt}"),
        FactPattern("gov_fund_income", r"(?:本年)?收入(?:决算)?(?:合计)?(?:为)?{amt}"),
        FactPattern("gov_fund_expenditure", r"(?:本年)?支出(?:决算)?(?:合计)?(?:为)?{amt}"),
        FactPattern("gov_fund_carryover_end", r"年末(?:财政拨款)?结转和?结余(?:为)?{amt}"),
    ),
    "state_capital": (
        FactPattern("state_capital_income", r"(?:本年)?收入(?:决算)?(?:合计)?(?:为)?{amt}"),
        FactPattern("state_capital_expenditure", r"(?:本年)?支出(?:决算)?(?:合计)?(?:为)?{amt}"),
    ),
    "admin": (
        FactPattern("admin_operating_cost", r"(?:机关|机构)运行经费(?:财政拨款)?(?:支出)?(?:为)?{amt}", level=True),
    ),
    "procurement": (
        FactPattern("procurement_total", r"(?<!货物)(?<!工程)(?<!服务)政府采购(?:支出|合同)?(?:总额|金额|合计|规模)?(?:\([^)]{1,12}\))?(?:为|共计|合计)?{amt}"),
        FactPattern("procurement_amount", r"(?:货物|工程|服务)类?(?:政府)?(?:采购)?(?:支出|合同)?(?:金额|规模)?(?:为)?{amt}", "@in_match"),
        FactPattern("procurement_sme_amount", r"授予中小企业(?:合同)?金额(?:为)?{amt}"),
        FactPattern("procurement_sme_share_pct", r"授予中小企业(?:合同)?总?金额(?:为)?" + _AMOUNT_PRINTED + r",?占[^。;%]{0,16}?(?:总额|金额|规模)的?{pct}", "@in_match"),
        FactPattern("procurement_small_micro_amount", r"授予小微企业(?:合同)?金额(?:为)?{amt}"),
        # a share of the SME amount ('占授予中小企业合同金额的'), or of the whole procurement ('占政府采购支出总额的')
        FactPattern("procurement_small_micro_share_pct", r"授予小微企业(?:合同)?总?金额(?:为)?" + _AMOUNT_PRINTED + r",{0,2}占(?:授予)?中小(?:微)?企业[^。;%]{0,12}?(?:金额|总额)的?{pct}"),
        FactPattern("procurement_small_micro_share_pct", r"授予小微企业(?:合同)?总?金额(?:为)?" + _AMOUNT_PRINTED + r",{0,2}占[^。;%]{0,4}?政府采购[^。;%]{0,12}?(?:金额|总额|规模)的?{pct}", "procurement_total"),
        FactPattern("procurement_sme_reserved_amount", r"面向中小企业预留[^。;,]{0,20}?金额(?:为)?{amt}"),
        FactPattern("procurement_small_micro_reserved_amount", r"面向小微企业预留[^。;,]{0,20}?金额(?:为)?{amt}"),
        FactPattern("procurement_sme_awarded_reserved", r"面向中小企业预留的?政府采购项目中,[^。;]{0,30}?中标或成交的?,?(?:采购)?金额(?:为)?{amt}"),
        FactPattern("procurement_small_micro_awarded_reserved", r"面向小微企业预留的?政府采购项目中,[^。;]{0,30}?中标或成交的?,?(?:采购)?金额(?:为)?{amt}"),
        FactPattern("procurement_sme_awarded_other", r"其他政府采购项目中,[^。;]{0,30}?中标或成交的?,?(?:采购)?金额(?:为)?{amt}"),
    ),
    "assets": (
        FactPattern("vehicles_total", r"(?:共有|共计|拥有|现有)车辆(?:共)?(?:为)?{n:辆}"),
        FactPattern("vehicles_by_kind", r"(?:其中)?(?P<kind>[\u4e00-\u9fff]{2,12}?用车)(?:为)?{n:辆}", "@kind"),
        FactPattern("equipment_over_1m", r"(?:100|一百)万元(?:\(含\))?以上[^。;]{0,20}?设备[^。;\d]{0,12}?{n:台}(?:\(套\))?"),
    ),
    "perf": (
        FactPattern("perf_projects_evaluated", r"自评[,的]?[^。;,]{0,20}?项目(?:支出)?{n:个}", "@before"),
        FactPattern("perf_projects_evaluated", r"{n:个}(?:一级|二级)?项目[^。;,]{0,12}?绩效自评", "@before"),
        # '…开展绩效自评，其中，一级项目 3 个，二级项目 12 个': the count of each level, by kind
        FactPattern("perf_projects_evaluated", r"(?P<kind>[一二三]级项目){n:个}", "@kind", clause_word="自评"),
        FactPattern("perf_funds", r"自评[^。;]*?(?:资金|金额)(?:为)?{amt}", "@before"),
        FactPattern("perf_funds_share_pct", r"自评[^。;]*?占[^。;]{0,20}?(?:总额|支出)的?{pct}", "@before"),
        FactPattern("perf_score", r"(?:自评|平均)得?分(?:为)?{n:分}", "@before"),
        FactPattern("perf_project_budget", r"(?:全年)?预算数?为{amt}", "@before"),
        FactPattern("perf_project_executed", r"执行数?为{amt}", "@before"),
        FactPattern("perf_project_completion_pct", r"完成(?:年初)?预算(?:数)?的?{pct}", "@before"),
    ),
}

# ---------------------------------------------------------------------------------------------
# Profile (第一部分 and wherever the extraction put it)
# ---------------------------------------------------------------------------------------------

# (fact_key, template of the total); the kinds listed after it follow PROFILE_KINDS.
PROFILE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("staff_in_service", r"(?:在职实有|在职|实有)(?:人数|人员)(?:共|为)?{n:人}"),
    ("staff_retired", r"离退休人员(?:共|为)?{n:人}"),
)
# A headcount whose kinds include the retired ('实有人数 11 人，其中：在职人员 10 人，离休人员 0 人，
# 退休人员 1 人') counts both: its in-service kind is the in-service total, its retired kinds are
# staff_retired's, and its own total is neither.
RETIRED_KINDS = ("离休", "退休", "离退休")
IN_SERVICE_KIND = "在职"
# After the total: ',其中:行政22人,事业3人' -> kinds as printed.
PROFILE_KINDS = r"[,;]?其中[,:]?(?P<list>[^。]*)"
PROFILE_KIND_ITEM = r"(?P<kind>[\u4e00-\u9fff]{1,8}?)(?:人员|编制)?{n:人}"
# A kind of unit follows a separator or 其中 ('其中：行政单位1个，事业单位2个'), unlike '范围的单位共3个'.
UNIT_KIND_ITEM = r"(?:^|[:,、;]|其中)(?P<kind>[\u4e00-\u9fff]{1,8}?单位)(?:共)?{n:个}"
UNITS_TOTAL = r"(?:共|包括|由)(?:有)?{n:个}(?:独立核算)?(?:的)?(?:预算)?单位"
# The units listed in a table under a '单位名称' header (a word): '1 某某区某某局(本级)'.
UNIT_LIST_HEADER = "单位名称"
UNIT_LIST_ROW = r"^(?P<no>\d{1,3})\s*[^\d\s.,]"
UNITS_SECTION = r"单位构成|决算单位"

# The title: '<name> 2021 年度部门决算[表|情况说明]' (the name may sit on the line before).
TITLE_RE = r"^(?:第[一二三四五六七八九十]+部分\s*)?(?P<name>[^\d\s]*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?决算"
TABLE_TITLE_YEAR_RE = r"(?P<year>(?:19|20)\d{2})\s*年度?\s*[^\s\d]{0,24}决算(?:总)?表"
UNIT_RE = r"单位[^\S\n]*:[^\S\n]*(?P<unit>万元|元)"  # over the joined lines: whitespace within a line
# A word every match of the patterns above prints: the lines without it are not matched.
TITLE_WORD = "决算"  # TITLE_RE, TABLE_TITLE_YEAR_RE
TITLE_YEAR_WORD = "年"  # TITLE_RE's too (most of the lines with 决算 are a table's headers, without it)
TABLE_TITLE_WORD = "表"  # TABLE_TITLE_YEAR_RE's too
# Fields that print the department's name: (regex over a line, context), built from the field
# names of each context.
_NAME_FIELD_NAMES = (("部门|编制部门|编制单位|部门名称", "table_header"), ("单位名称|项目单位|预算单位", "form"))
NAME_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (rf"(?:^|\s)(?:{names})\s*:\s*(?P<name>[^\s:]+)", context) for names, context in _NAME_FIELD_NAMES
)
# A field name and its colon, anywhere in a line: the lines without one are not matched against
# NAME_FIELDS (whose start, a line start or a space, would be tried at every character).
NAME_FIELD_RE = "(?:" + "|".join(names for names, _ in _NAME_FIELD_NAMES) + r")\s*:"
# A name printed in running text: it starts with the party prefix or the region's first unit,
# ends with an organisation word, and is followed by what a sentence says about a department.
NAME_PREFIXES = ("中国共产党", "中共")
ORG_SUFFIX = r"(?:委员会|办公室|政府|法院|检察院|联合会|中心|局|厅|委|办|院|所|站|队|会|部|处|馆|室|府|社|团|校|署|司|组|庭|学|园|场)"
# What may follow the name of a disclosing body: the part of it the disclosure is of ('…城市管理局(本级)').
NAME_QUALIFIER = r"(?:\((?:本级|机关|本部|汇总)\))?"
NAME_FOLLOWERS = r"(?:\d{4}年度?|部门决算|决算由|在职|离退休|政府采购|机关运行|共有车辆|执行公务|有一般公共预算|概况|本级|\(本级\))"
# Region inside a name: province / prefecture / county levels, each optional, in this order.
_PLACE = r"(?:(?![局委办厅会部处室院所站组])[\u4e00-\u9fff]){{1,{n}}}?"
REGION_RE = (
    r"^(?:中国共产党|中共)?(?P<region>"
    rf"(?P<province>{_PLACE.format(n=7)}(?:省|自治区))?"
    rf"(?P<city>{_PLACE.format(n=8)}(?:市|自治州|州|盟|地区))?"
    rf"(?P<county>{_PLACE.format(n=8)}(?:区|县|旗|市|自治县|自治旗))?"
    r")"
)

NUMBER_TEMPLATES = {
    "amt": rf"(?P<v>{_NUMBER})(?P<u>{_AMOUNT_UNIT})",
    "pct": rf"(?P<v>{_NUMBER})%",
}
# A value followed by another of its kind ('各下降 23.51%、38.28%', '各为 12.00 万元、15.00 万元'):
# the sentence states one value per subject it named, in their order; which is whose is not read.
LISTED_NEXT = {"%": "[、,和及]" + NUMBER_TEMPLATES["pct"], "万元": "[、,和及]" + NUMBER_TEMPLATES["amt"]}
# Changes listed before the unit they share ('公务接待费、公务用车运行维护费各减少 1.20,3.50 万元'):
# which is whose is not read, and they are reported. (The first prints its decimals: '1,267.86 万元'
# is one number.)
LISTED_CHANGES = CHANGE_DIRECTION + r"(?:\d+\.\d+[,、])+\d+(?:\.\d+)?" + _AMOUNT_UNIT
# Two changes listed after 各 in a sentence that last named the grand total by both its sides ('收、支
# 总计各减少 120.50,80.25 万元，各下降 11.81%、7.79%', Sichuan): the income's and the expenditure's,
# in the order the name prints them (收、支). (The first number is taken whole: '各减少 1,267 万元' is one.)
SIDES_LISTED = (r"各" + CHANGE_DIRECTION + rf"(?P<v1>(?>{_NUMBER}))(?P<u1>{_AMOUNT_UNIT}|%)?[、,和及]"
                rf"(?P<v2>{_NUMBER})(?P<u2>{_AMOUNT_UNIT}|%)")
SIDES_LISTED_TOPICS = frozenset({"totals", "fiscal"})
# A list of subjects and one of their values in the same order, joined by 分别 ('因公出国(境)费、公务
# 接待费分别为 0 万元、4.30 万元', '基本支出和项目支出分别为 310 万元和 1540 万元', 'A、B 较上年分别减少
# 1 万元、2 万元'): the engine spells it out as one statement per subject ('因公出国(境)费为 0 万元,公务接待费
# 为 4.30 万元') when it names as many subjects as values, each value with its unit; else it is
# reported and left as printed. The subjects stand after the clause's break; a list right after a
# break names none and is of the subjects of the list before it in the sentence ('基本支出、项目支出分别为
# 310 万元和 1540 万元，分别占支出合计的 16.76% 和 83.24%').
# Its values each print their unit ('0 万元、8.20 万元'), or the last prints the one they share
# ('310、1540 万元': no comma between them, which would read as a thousands separator).
LISTED_NUMBER = f"(?:{_NUMBER})"
LISTED_UNIT = f"(?:{_AMOUNT_UNIT}|%|人次|批次|批|辆|台|人|个)"
_LISTED_VALUE = LISTED_NUMBER + LISTED_UNIT
RESPECTIVE_LIST = (r"(?P<names>[^,;:。]*)分别(?P<verb>[^,;:。\d]{0,16}?)"
                   rf"(?P<values>{_LISTED_VALUE}(?:[、,和及与]{_LISTED_VALUE})+"
                   rf"|{LISTED_NUMBER}(?:[、和及与]{LISTED_NUMBER})+{LISTED_UNIT})")
NAME_SEPARATOR = "、"
# How a list's last two subjects may be joined, the surest first: tried only when the subjects
# parted by 、 are one fewer than the values, and not inside a name that holds the word.
NAME_JOINERS = ("以及", "和", "与", "及")
NAMES_WITH_A_JOINER = (*(name for name in FUNCTION_CLASSES if any(j in name for j in NAME_JOINERS)), "购置及运行")
# The verb a statement of one value uses for the list's ('分别是' -> '为').
LIST_VERBS = {"是": "为"}
_COUNT = rf"(?P<v>{_NUMBER})(?P<u>{{unit}})"  # (a template of str.replace: the number has braces)
# The unit recorded for a count fact, whatever word the sentence prints ('2 批', '批次为 520 个').
FACT_UNITS = {"reception_batches": "批次", "reception_persons": "人次", "reception_accompanying_persons": "人次"}
# An aside about a part of what it follows, or with its own value ('(其中…958 万元)', '(含购置费)'),
# not a label of it ('(“三公”经费)').
PART_ASIDE_RE = re.compile(r"^(?:其中|含|包括|不含|不包括)|\d")


def value_word(template: str) -> str:
    """A word every match of the template prints after its value: the unit of its one placeholder
    (元 of {amt}, % of {pct}, the first character of the unit of {n:...}), which no template makes
    optional; '' when none is sure. The engine tests it before the regex."""
    placeholders = re.findall(r"\{(amt|pct|n:[^}]+)\}", template)
    if len(placeholders) != 1:
        return ""
    name = placeholders[0]
    word = {"amt": "元", "pct": "%"}.get(name) or name[2:3]
    return word if word == "%" or "\u4e00" <= word <= "\u9fff" else ""


def printed_word(template: str) -> str:
    """The longest run of literal characters every match of the template (or of a plain regex)
    prints: its own Chinese characters and escaped punctuation ('\\(') outside any group, bracket or
    placeholder, none made optional by a quantifier; when it has none (an alternative outside a
    group, every word in a group), the longest word of _required_words; '' when none is sure. The
    engine tests it before the regex."""
    return _printed_run(template) or max(sorted(_required_words(_re_parser.parse(expand_template(template)).data)),
                                         key=len, default="")


def _printed_run(template: str) -> str:
    """printed_word's run of literal characters outside any group, '' when none is sure."""
    words, run, depth, i = [], "", 0, 0
    while i < len(template):
        char = template[i]
        escaped = char == "\\" and not template[i + 1].isalnum()  # ('\\d', '\\s': classes, not characters)
        if depth == 0 and ("\u4e00" <= char <= "\u9fff" or escaped):
            i += escaped  # (past the backslash)
            run += template[i]
        else:
            if depth == 0 and char == "|":
                return ""
            if depth == 0 and (char in "?*" or char == "{" and not template.startswith(("{amt}", "{pct}", "{n:"), i)):
                run = run[:-1]  # a quantifier: the character before it may be missing
            words.append(run)
            run = ""
            if char == "\\":
                i += 1  # an escaped character
            elif char == "[":
                i = template.index("]", i)  # a class
            elif char == "{" and depth == 0:
                i = template.index("}", i)  # a placeholder or a quantifier
            else:
                depth += {"(": 1, ")": -1}.get(char, 0)
        i += 1
    return max([*words, run], key=len)


def _required_words(items: list) -> set[str]:
    """Words every match of the parsed regex prints: its runs of literal characters, and the words
    every alternative of a group in it prints (a group not made optional)."""
    c = _re_constants
    words, run = set(), ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        words.add(run)
        run = ""
        if op is c.SUBPATTERN:
            words |= _required_words(av[3])
        elif op is c.ATOMIC_GROUP:
            words |= _required_words(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            words |= _required_words(av[2])
        elif op is c.BRANCH:
            first, *others = [_required_words(alternative) for alternative in av[1]]
            words |= {part for word in first for i in range(len(word)) for part in (word[i:j] for j in range(i + 1, len(word) + 1))
                      if all(any(part in other_word for other_word in other) for other in others)}
    words.add(run)
    return words - {""}


def expand_template(template: str) -> str:
    """A template with {amt} / {pct} / {n:<unit regex>} placeholders -> its regex."""

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("n:"):
            return _COUNT.replace("{unit}", name[2:])
        return NUMBER_TEMPLATES[name]

    return re.sub(r"\{(amt|pct|n:[^}]+)\}", expand, template)


def compile_template(template: str) -> re.Pattern[str]:
    """A template with {amt} / {pct} / {n:<unit regex>} placeholders -> a compiled regex (see
    with_first_characters)."""
    return re.compile(with_first_characters(expand_template(template)))


def with_first_characters(regex: str) -> str:
    """The regex led by a lookahead of the characters every match starts with, when they are a few
    characters and the regex engine does not find them itself (it skips to a match's possible start
    only when the regex starts with a character, a class or alternatives that each start with a
    character): a start such as '(?<!开支)(?:[“"]?三公…|因公出国…|…)' is otherwise tried in full at
    every character. The same matches: the lookahead only fails where the regex would."""
    items = _re_parser.parse(regex).data
    if _prefix_found_by_the_engine(items):
        return regex
    first, can_be_empty = _first_characters(items)
    if first is None or can_be_empty or not first:
        return regex
    return "(?=[" + "".join(sorted(map(re.escape, map(chr, first)))) + "])(?:" + regex + ")"


def _prefix_found_by_the_engine(items: list) -> bool:
    """Whether the parsed regex starts as the regex engine reads a start from (see with_first_characters)."""
    while items and items[0][0] is _re_constants.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    if op is _re_constants.BRANCH:
        return all(alternative and alternative[0][0] is _re_constants.LITERAL for alternative in av[1])
    return op in (_re_constants.LITERAL, _re_constants.IN)


def _first_characters(items: list) -> tuple[set[int] | None, bool]:
    """The code points a match of the parsed sequence may start with (None when not only literal
    characters: a class of a range or a category, any character), and whether it may match empty."""
    first: set[int] = set()
    for op, av in items:
        own, can_be_empty = _first_characters_of(op, av)
        if own is None:
            return None, False
        first |= own
        if not can_be_empty:
            return first, False
    return first, True


def _first_characters_of(op: object, av: object) -> tuple[set[int] | None, bool]:
    """_first_characters of one parsed item."""
    c = _re_constants
    if op is c.LITERAL:
        return {av}, False
    if op is c.IN:
        return ({value for _, value in av}, False) if all(kind is c.LITERAL for kind, _ in av) else (None, False)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero-width
        return set(), True
    if op is c.SUBPATTERN:
        return _first_characters(av[3])
    if op is c.ATOMIC_GROUP:
        return _first_characters(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, repeated = av
        first, can_be_empty = _first_characters(repeated)
        return first, can_be_empty or low == 0
    if op is c.BRANCH:
        first, can_be_empty = set(), False
        for alternative in av[1]:
            own, empty = _first_characters(alternative)
            if own is None:
                return None, False
            first, can_be_empty = first | own, can_be_empty or empty
        return first, can_be_empty
    return None, False  # any character, a negated character, a group reference: not listed
