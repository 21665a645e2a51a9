"""How a department's documents are printed: the template family and its variations, drawn by seed.

A department keeps its layout across the years (a publisher reuses its template); what a
layout fixes is listed here so renderers and the ground truth agree on every printed token."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

# Tokens a layout may print for a zero amount in a column the table uses.
ZERO_TOKENS = ("0", "0.00", "-")
FOOTER_FORMATS = ("{n}", "- {n} -", "第 {n} 页")


@dataclass(frozen=True)
class Layout:
    style: str  # 'broken': a text extract with labels broken over lines (the Wuhan family);
    #             'raw': pdftotext -raw, one table row a line, contents list (the Shanghai family)
    split_codes: bool  # function codes printed as '201 06 01' instead of '2010601'
    t1_classes: int  # 24 or 26 expenditure rows in Tables 1 and 4
    unit: str  # table amounts in '万元' or '元'
    thousands: bool  # 1,234.56 or 1234.56
    zero_token: str  # how a zero in a used column prints
    t1_zero_classes: bool  # Table 1/4 print zero class rows with a zero (else blank)
    row_numbers: bool  # 行次 column in Tables 1 and 4
    pct_decimals: int  # decimals of narrative percentages
    label_width: int  # characters of a table label before it breaks (broken style)
    text_width: int  # characters of a narrative line
    footer: str  # page footer format
    lines_per_page: int
    other_before_performance: bool  # section order: 机关运行经费/采购/资产 before or after 预算绩效
    procurement_first: bool  # 政府采购 before 机关运行经费
    ruled: bool  # PDF tables drawn with cell borders
    # Other provinces' templates (`fdw generate --templates provincial`): tables printed under
    # another title, and Table 7 an item per row under 预算数 / 决算数 (Anhui, Yunnan, Guangdong).
    titles: tuple[tuple[int, str], ...] = ()
    three_public_by_item: bool = False
    wording: str = "standard"  # or one of PROVINCIAL_WORDINGS: section headings and phrases of that region
    labels_of_the_year: bool = False  # documents before 2019 print Table 1's 用事业基金弥补收支差额

    @property
    def yuan(self) -> bool:
        return self.unit == "元"


def draw_layout(rng: random.Random) -> Layout:
    style = rng.choice(("broken", "raw"))
    unit = rng.choice(("万元", "万元", "万元", "元"))
    return Layout(
        style=style,
        split_codes=rng.random() < (0.7 if style == "raw" else 0.3),
        t1_classes=rng.choice((24, 26)),
        unit=unit,
        thousands=rng.random() < 0.6,
        zero_token=rng.choice(ZERO_TOKENS),
        t1_zero_classes=rng.random() < (0.7 if style == "broken" else 0.2),
        row_numbers=style == "broken",
        pct_decimals=rng.choice((1, 2)),
        label_width=rng.randint(6, 9),
        text_width=rng.randint(24, 28) if style == "broken" else rng.randint(36, 42),
        footer=rng.choice(FOOTER_FORMATS),
        lines_per_page=rng.randint(38, 55) if style == "broken" else rng.randint(40, 60),
        other_before_performance=rng.random() < 0.5,
        procurement_first=rng.random() < 0.5,
        ruled=rng.random() < 0.6,
    )


# Titles other provinces print for some of the nine tables.
PROVINCIAL_TITLES: dict[int, tuple[str, ...]] = {
    1: ("部门收入支出决算总表", "收支决算总表"),
    2: ("收入决算总表",),
    3: ("支出决算总表",),
    6: ("一般公共预算财政拨款基本支出决算明细表",),
    7: ("一般公共预算财政拨款安排的“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
}
TEMPLATES = ("standard", "provincial")
# Gansu: '本单位收入为 X 万元' / '本单位支出为 Y 万元', '接待批次为 N 个'; Inner Mongolia:
# '一般公共预算支出决算情况说明', '机构运行经费支出决算情况说明', '政府采购支出决算情况说明'; Zhejiang:
# the 三公 items listed and labelled before their total ('…公车运行费(“三公”经费)决算总额'); Shaanxi:
# a 三公 section that also states 会议费 and 培训费; Yunnan: '其中：外事接待 0 批次，0 人次'.
PROVINCIAL_WORDINGS = ("standard", "gansu", "inner_mongolia", "zhejiang", "shaanxi", "yunnan")


def provincial_layout(layout: Layout, rng: random.Random) -> Layout:
    """The layout with another province's titles for some tables, half the time Table 7 an item
    per row, and a region's wording of the narrative."""
    titles = tuple((no, rng.choice(options)) for no, options in PROVINCIAL_TITLES.items() if rng.random() < 0.5)
    return replace(layout, titles=titles, three_public_by_item=rng.random() < 0.5, wording=rng.choice(PROVINCIAL_WORDINGS),
                   labels_of_the_year=True)


def format_amount(fen: int, layout: Layout, table: bool = True) -> str:
    """An amount of the model (hundredths of 万元) as the layout prints it; tables in 元 print
    元 with two decimals. Narrative amounts are always 万元."""
    if table and layout.yuan:
        value = Decimal(fen) * 100  # 0.01 万元 = 100 元
        text = f"{value:,.2f}" if layout.thousands else f"{value:.2f}"
    else:
        value = Decimal(fen) / 100
        text = f"{value:,.2f}" if layout.thousands else f"{value:.2f}"
    return text


def wan(fen: int) -> Decimal:
    """The model amount in 万元, exactly (the value a parser must recover)."""
    return Decimal(fen) / 100


def percent(numerator: int, denominator: int, decimals: int) -> Decimal:
    """numerator / denominator in percent, rounded half-up to `decimals` (exact arithmetic)."""
    quantum = Decimal(1).scaleb(-decimals)
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(quantum, rounding=ROUND_HALF_UP)
