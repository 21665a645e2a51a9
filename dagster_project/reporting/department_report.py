"""`fdw report DEPARTMENT`: one department across its years, in the terminal or as an HTML page.

Everything is read from the public marts (current documents only) and the dq models, so the
report shows exactly what an analyst's SQL would."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import duckdb

SECTIONS: dict[str, str] = {
    "Totals (万元)": """SELECT s.fiscal_year AS year, s.total_income, s.total_expenditure, s.basic_total, s.project_total,
                  s.carryover_begin, s.carryover_end
           FROM marts.fct_account_summary s JOIN marts.dim_document d USING (document_id)
           WHERE d.is_current AND s.department_id = $department ORDER BY year""",
    "Spending by function class (万元, all funds)": """SELECT e.fiscal_year AS year, left(e.function_subject_code, 3) AS class_code,
                  any_value(f.subject_name) AS class_name, sum(e.total_amount) AS total_amount
           FROM marts.fct_expenditure e JOIN marts.dim_document d USING (document_id)
           LEFT JOIN marts.dim_function_subject f ON f.subject_code = left(e.function_subject_code, 3)
           WHERE d.is_current AND e.scope = 'all_funds' AND e.department_id = $department
           GROUP BY ALL ORDER BY year, class_code""",
    "三公 expenses (万元)": """SELECT t.fiscal_year AS year, t.item, t.budget_amount, t.actual_amount
           FROM marts.fct_three_public_expenses t JOIN marts.dim_document d USING (document_id)
           WHERE d.is_current AND t.department_id = $department ORDER BY year, item""",
    "Government procurement (万元)": """SELECT p.fiscal_year AS year, p.total_amount, p.goods_amount, p.works_amount, p.services_amount,
                  p.sme_amount, round(100 * p.sme_amount / nullif(p.total_amount, 0), 1) AS sme_share_pct
           FROM marts.fct_procurement p JOIN marts.dim_document d USING (document_id)
           WHERE d.is_current AND p.department_id = $department ORDER BY year""",
    "Open data-quality alerts": """SELECT fiscal_year AS year, rule_id, message FROM dq.dq_open_alerts
           WHERE department_id = $department ORDER BY year, rule_id""",
}


class DepartmentNotFound(LookupError):
    pass


@dataclass
class ReportSection:
    title: str
    columns: list[str]
    rows: list[tuple]


@dataclass
class DepartmentReport:
    department_id: str
    department_name: str
    region: str
    sections: list[ReportSection]


def find_department(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, str, str]:
    """A department by id, exact name, or a unique part of its name."""
    rows = con.execute(
        """SELECT department_id, department_name, region FROM marts.dim_department
           WHERE department_id = $t OR department_name = $t OR department_name LIKE '%' || $t || '%'
           ORDER BY department_id = $t DESC, department_name = $t DESC, department_name""",
        {"t": text},
    ).fetchall()
    if not rows:
        raise DepartmentNotFound(f"no department matches {text!r}; `fdw query \"SELECT * FROM marts.dim_department\"` lists them")
    exact = [r for r in rows if text in (r[0], r[1])]
    if not exact and len(rows) > 1:
        names = ", ".join(r[1] for r in rows[:8])
        raise DepartmentNotFound(f"{text!r} matches {len(rows)} departments ({names}); be more specific")
    return (exact or rows)[0]


def build_report(warehouse: Path, department: str) -> DepartmentReport:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        department_id, name, region = find_department(con, department)
        sections = []
        for title, sql in SECTIONS.items():
            cursor = con.execute(sql, {"department": department_id})
            sections.append(ReportSection(title, [d[0] for d in cursor.description], cursor.fetchall()))
    finally:
        con.close()
    return DepartmentReport(department_id, name, region or "", sections)


def _fmt(value) -> str:
    return "" if value is None else str(value)


def _class_chart(section: ReportSection) -> str:
    """An inline SVG stacked bar per year of spending by function class (no script, no file)."""
    years = sorted({row[0] for row in section.rows})
    classes = sorted({(row[1], row[2] or row[1]) for row in section.rows})
    if not years:
        return ""
    palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
    colour = {code: palette[i % len(palette)] for i, (code, _) in enumerate(classes)}
    totals = {y: sum(float(r[3] or 0) for r in section.rows if r[0] == y) for y in years}
    peak = max(totals.values()) or 1.0
    bar_w, gap, height = 60, 30, 220
    svg = [f'<svg width="{len(years) * (bar_w + gap) + 40}" height="{height + 40}" role="img" '
           f'aria-label="spending by function class and year">']
    for i, year in enumerate(years):
        x, y = 20 + i * (bar_w + gap), height
        for code, name, amount in ((r[1], r[2], float(r[3] or 0)) for r in section.rows if r[0] == year):
            h = amount / peak * (height - 20)
            y -= h
            svg.append(f'<rect x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" fill="{colour[code]}">'
                       f'<title>{year} {html.escape(name or code)}: {amount:,.2f} 万元</title></rect>')
        svg.append(f'<text x="{x + bar_w / 2}" y="{height + 16}" text-anchor="middle">{year}</text>')
    svg.append("</svg>")
    legend = " ".join(f'<span style="color:{colour[c]}">■</span> {html.escape(n)}' for c, n in classes)
    return "".join(svg) + f"<p>{legend}</p>"


def render_html(report: DepartmentReport) -> str:
    parts = [
        "<!doctype html><html lang='zh'><meta charset='utf-8'>",
        f"<title>{html.escape(report.department_name)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}"
        "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th{background:#f4f4f4}"
        "td:first-child{text-align:left}</style>",
        f"<h1>{html.escape(report.department_name)}</h1><p>{html.escape(report.region)} · department_id "
        f"<code>{html.escape(report.department_id)}</code></p>",
    ]
    for section in report.sections:
        parts.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.title.startswith("Spending by function class"):
            parts.append(_class_chart(section))
        if not section.rows:
            parts.append("<p>none</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in section.columns) + "</tr>")
        parts.extend("<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in row) + "</tr>" for row in section.rows)
        parts.append("</table>")
    return "\n".join(parts) + "</html>\n"
