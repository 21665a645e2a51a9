"""The nine tables as grids of printed strings: columns (header, width, whether the text wraps)
and rows of cell texts ('' = a blank cell). Both the text and the PDF renderers draw these."""

from __future__ import annotations

from dataclasses import dataclass

from .document import T7_ITEMS, Document, Row, Table
from .layout import Layout, format_amount


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # characters (a CJK character counts 1, a digit 1/2 when drawn)
    wrap: bool = False  # a label column: long text breaks over lines


@dataclass
class Grid:
    no: int
    title: str
    columns: list[Column]
    rows: list[list[str]]
    groups: list[tuple[str, int, int]]  # header above columns first..last (收入 | 支出, 预算数 | 决算数)
    note: str = ""


def cell_text(value: int | None, layout: Layout) -> str:
    if value is None:
        return ""
    return format_amount(value, layout) if value else layout.zero_token


def code_text(code: str | None, layout: Layout) -> str:
    """A function code joined ('2010601') or split into 类 款 项 ('201 06 01')."""
    if not code:
        return ""
    if layout.split_codes and code.isdigit() and len(code) in (5, 7):
        return " ".join(code[i:j] for i, j in ((0, 3), (3, 5), (5, 7)) if code[i:j])
    return code


def build_grid(doc: Document, table: Table) -> Grid:
    layout = doc.layout
    builder = {1: _two_sided, 4: _two_sided, 6: _economic, 7: _three_public}.get(table.no, _subjects)
    return builder(table, layout)


def _label_width(layout: Layout, factor: int = 1) -> int:
    return layout.label_width * factor if layout.style == "broken" else 14 * factor


def _two_sided(table: Table, layout: Layout) -> Grid:
    income = [r for r in table.rows if r.section == "income"]
    expenditure = [r for r in table.rows if r.section == "expenditure"]
    value_columns = list(table.columns)
    numbers = layout.row_numbers
    columns = [Column("项目", _label_width(layout, 2), True)] + ([Column("行次", 3)] if numbers else []) + [Column("决算数", 10)]
    columns += [Column("项目", _label_width(layout), True)] + ([Column("行次", 3)] if numbers else [])
    columns += [Column(label if table.no == 4 else "决算数", 10) for _key, label in value_columns]
    classes = [r for r in expenditure if r.code]
    summary_income = [r for r in income if r.number and r.number > len(classes)]
    summary_expenditure = expenditure[len(classes):]
    main_income = [r for r in income if r not in summary_income]
    rows = []
    for i, exp in enumerate(classes):
        inc = main_income[i] if i < len(main_income) else None
        rows.append(_side(inc, ("amount",), layout, numbers, i + 1) + _side(exp, [k for k, _ in value_columns], layout, numbers))
    pairs = _pair_summaries(summary_income, summary_expenditure)
    for inc, exp in pairs:
        rows.append(_side(inc, ("amount",), layout, numbers) + _side(exp, [k for k, _ in value_columns], layout, numbers))
    groups = [("收入", 0, 2 if numbers else 1), ("支出", 3 if numbers else 2, len(columns) - 1)]
    return Grid(table.no, table.title, columns, rows, groups)


def _pair_summaries(income: list[Row], expenditure: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Totals sit side by side; 总计 is always the last line on both sides."""
    inc, exp = income[:-1], expenditure[:-1]
    n = max(len(inc), len(exp))
    pairs = [(inc[i] if i < len(inc) else None, exp[i] if i < len(exp) else None) for i in range(n)]
    return pairs + [(income[-1], expenditure[-1])]


def _side(row: Row | None, keys, layout: Layout, numbers: bool, blank_number: int | None = None) -> list[str]:
    if row is None:
        return [""] + ([str(blank_number) if blank_number else ""] if numbers else []) + ["" for _ in keys]
    return [row.label] + ([str(row.number)] if numbers else []) + [cell_text(row.cells.get(k), layout) for k in keys]


def _subjects(table: Table, layout: Layout) -> Grid:
    code_width = 9 if layout.split_codes else 7
    columns = [Column("科目编码", code_width), Column("科目名称", _label_width(layout), True)]
    columns += [Column(label, 10) for _key, label in table.columns]
    rows = []
    for row in table.rows:
        label = "合计" if row.row_key == "total" else row.label
        code = code_text(row.code, layout)
        rows.append([code, label] + [cell_text(row.cells.get(key), layout) for key, _label in table.columns])
    return Grid(table.no, table.title, columns if table.columns else columns[:2], rows, [], table.empty_note)


def _economic(table: Table, layout: Layout) -> Grid:
    groups = ("personnel", "public", "capital") if layout.style == "broken" else ("personnel", "public")
    by_group = {g: [r for r in table.rows if r.section == g and r.code] for g in groups}
    columns = []
    for _g in groups:
        columns += [Column("科目编码", 6), Column("科目名称", _label_width(layout), True), Column("决算数", 10)]
    n = max(len(v) for v in by_group.values())
    rows = []
    for i in range(n):
        line = []
        for g in groups:
            r = by_group[g][i] if i < len(by_group[g]) else None
            line += [_economic_code(r.code, layout), r.label, cell_text(r.cells["amount"], layout)] if r else ["", "", ""]
        rows.append(line)
    totals = {r.row_key: r for r in table.rows if not r.code}
    last = ["", "人员经费合计", cell_text(totals["personnel_total"].cells["amount"], layout),
            "", "公用经费合计", cell_text(totals["public_total"].cells["amount"], layout)]
    rows.append(last + ["", "", ""] * (len(groups) - 2))
    header_groups = [("人员经费", 0, 2), ("公用经费", 3, len(columns) - 1)]
    return Grid(table.no, table.title, columns, rows, header_groups)


def _economic_code(code: str, layout: Layout) -> str:
    return f"{code[:3]} {code[3:]}" if layout.split_codes and len(code) == 5 else code


# Table 7 printed an item per row: (label, item), in the order of the templates that print it so.
T7_ROWS = (("合计", "total"), ("1.因公出国（境）费", "outbound"), ("2.公务用车购置及运行维护费", "vehicle_subtotal"),
           ("其中：公务用车购置费", "vehicle_purchase"), ("公务用车运行维护费", "vehicle_operation"), ("3.公务接待费", "reception"))


def _three_public(table: Table, layout: Layout) -> Grid:
    cells = table.rows[0].cells
    if layout.three_public_by_item:
        columns = [Column("项目", _label_width(layout, 2), True), Column("预算数", 10), Column("决算数", 10)]
        rows = [[label, cell_text(cells[f"budget_{item}"], layout), cell_text(cells[f"actual_{item}"], layout)]
                for label, item in T7_ROWS]
        return Grid(table.no, table.title, columns, rows, [])
    if layout.style == "broken":  # six budget columns, then six actual ones
        keys = [f"{m}_{k}" for m in ("budget", "actual") for k, _l in T7_ITEMS]
        groups = [("预算数", 0, 5), ("决算数", 6, 11)]
    else:  # item by item, budget then actual
        keys = [f"{m}_{k}" for k, _l in T7_ITEMS for m in ("budget", "actual")]
        groups = [(label, 2 * i, 2 * i + 1) for i, (_k, label) in enumerate(T7_ITEMS)]
    labels = dict(T7_ITEMS)
    columns = [Column(("预算数" if k.startswith("budget") else "决算数") if layout.style == "raw" else labels[k.split("_", 1)[1]], 7)
               for k in keys]
    return Grid(table.no, table.title, columns, [[cell_text(cells[k], layout) for k in keys]], groups)
