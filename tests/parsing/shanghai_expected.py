"""The tables of the 2024 Shanghai Putuo finance bureau's final accounts, typed by hand from the
document (shanghai-putuo-2024-finance-bureau.pdf; as printed in its pdftotext -raw extract):
{table: {(section, row, column): amount}}. Shared by the tests of every extract of it."""

from __future__ import annotations

from decimal import Decimal

from tests.parsing.table_expectations import expect

_T1_INCOME = {"general_budget_appropriation": ("2940.05",), "other_income": ("6.20",),
              "total_income": ("2946.25",), "carryover_begin": ("49.14",), "grand_total": ("2995.39",)}
_T1_EXPENDITURE = {"201": ("2106.66",), "208": ("326.71",), "210": ("60.99",), "221": ("445.69",),
                   "total_expenditure": ("2940.05",), "carryover_end": ("55.34",), "grand_total": ("2995.39",)}

# Subjects funded by fiscal appropriation only: the same amount in 合计 and 财政拨款 (T2), in
# 合计 and 基本支出 (T3, T5).
FISCAL_ONLY = {
    "208": "326.72", "20805": "326.72", "2080501": "84.65", "2080505": "160.75", "2080506": "80.38",
    "2080599": "0.94", "210": "60.99", "21011": "60.99", "2101101": "60.99", "221": "445.69",
    "22102": "445.69", "2210201": "187.19", "2210203": "258.50",
}
_T2 = {
    "total": ("2946.25", "2940.05", "6.20"),
    "201": ("2112.86", "2106.66", "6.20"),
    "20106": ("2112.86", "2106.66", "6.20"),
    "2010601": ("1511.90", "1511.89", "0.01"),
    "2010602": ("16.19", "10.00", "6.19"),
    "2010607": ("135.25", "135.25", None),
    "2010608": ("449.52", "449.52", None),
} | {k: (v, v, None) for k, v in FISCAL_ONLY.items()}

# Tables 3 and 5 print the same rows: (合计, 基本支出, 项目支出).
EXPENDITURE = {
    "total": ("2940.05", "2336.91", "603.14"),
    "201": ("2106.66", "1503.52", "603.14"),
    "20106": ("2106.66", "1503.52", "603.14"),
    "2010601": ("1511.89", "1503.52", "8.37"),
    "2010602": ("10.00", None, "10.00"),
    "2010607": ("135.25", None, "135.25"),
    "2010608": ("449.52", None, "449.52"),
} | {k: (v, v, None) for k, v in FISCAL_ONLY.items()}

_T4_INCOME = {"general_budget_appropriation": ("2940.05",), "total_income": ("2940.05",),
              "carryover_begin": ("21.63",), "carryover_begin_general_budget": ("21.63",),
              "grand_total": ("2961.68",)}
_T4_EXPENDITURE = {"201": ("2106.66",) * 2, "208": ("326.71",) * 2, "210": ("60.99",) * 2,
                   "221": ("445.69",) * 2, "total_expenditure": ("2940.05",) * 2,
                   "carryover_end": ("21.63",) * 2, "grand_total": ("2961.68",) * 2}

# Items printed without an amount (301 03 奖金 …) give no cell.
_T6_PERSONNEL = {"301": "2082.85", "30101": "262.33", "30102": "1238.58", "30108": "160.75", "30109": "80.38",
                 "30110": "60.99", "30112": "1.61", "30113": "187.19", "30199": "91.03", "303": "69.41",
                 "30302": "69.10", "30309": "0.31", "personnel_total": "2152.26"}
_T6_PUBLIC = {"302": "171.07", "30201": "21.21", "30202": "7.61", "30204": "0.09", "30207": "4.88",
              "30211": "1.20", "30213": "2.83", "30216": "4.05", "30226": "2.01", "30228": "24.42",
              "30229": "42.77", "30239": "48.49", "30299": "11.53", "310": "13.58", "31002": "13.58",
              "public_total": "184.65"}

TABLES: dict[int, dict[tuple[str, str, str], Decimal]] = {
    1: expect(_T1_INCOME, ("amount",), "income") | expect(_T1_EXPENDITURE, ("amount",), "expenditure"),
    2: expect(_T2, ("total", "fiscal_appropriation", "other")),
    3: expect(EXPENDITURE, ("total", "basic", "project")),
    4: expect(_T4_INCOME, ("amount",), "income") | expect(_T4_EXPENDITURE, ("total", "general_budget"), "expenditure"),
    5: expect(EXPENDITURE, ("total", "basic", "project")),
    6: {("personnel", k, "amount"): Decimal(v) for k, v in _T6_PERSONNEL.items()}
    | {("public", k, "amount"): Decimal(v) for k, v in _T6_PUBLIC.items()},
}
