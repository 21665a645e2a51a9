"""PDF inputs made in the test with reportlab: scanned, encrypted, truncated, and small tables
whose headers, units and rulings vary (template families, not instances)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from dagster_project.parsing import parse_file

FONT = "STSong-Light"  # a built-in CID font: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _pdf(draw, **options) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842), **options)
    pdf.setFont(FONT, 12)
    draw(pdf)
    pdf.save()
    return buf.getvalue()


def _parse(data: bytes, name: str = "test.pdf"):
    return parse_file(data, name, "doc", "pdf")


def _table5(headers: list[str], rows: list[list[str]], unit: str = "万元", ruled: bool = True):
    """A 一般公共预算财政拨款支出决算表 with the given header and rows."""
    xs = [50, 110, 250, 330, 410, 490][: len(headers) + 1]
    ys = [750 - 20 * i for i in range(len(rows) + 2)]

    def draw(pdf):
        pdf.drawString(200, 780, "一般公共预算财政拨款支出决算表")
        pdf.drawString(450, 760, f"单位：{unit}")
        if ruled:
            for x in xs:
                pdf.line(x, ys[0], x, ys[-1])
            for y in ys:
                pdf.line(xs[0], y, xs[-1], y)
        for r, texts in enumerate([headers, *rows]):
            for x, text in zip(xs, texts):
                pdf.drawString(x + 3, ys[r] - 14, text)

    return _pdf(draw)


ROWS = [["201", "一般公共服务支出", "12,345.00", "12,000.00", "345.00"], ["", "合计", "12,345.00", "12,000.00", "345.00"]]


def test_scanned_pdf_needs_ocr_and_has_no_values():
    def draw(pdf):
        for shade in ("white", "gray"):
            pdf.drawImage(ImageReader(Image.new("RGB", (200, 100), shade)), 50, 500, 400, 200)
            pdf.showPage()

    doc = _parse(_pdf(draw), "scan.pdf")
    assert doc.status == "needs_ocr"
    assert "no text layer" in doc.error and "OCR" in doc.error
    assert doc.cells == [] and doc.tables == [] and doc.facts == []


def test_encrypted_pdf_fails_clearly():
    doc = _parse(_pdf(lambda pdf: pdf.drawString(100, 700, "收入决算表"), encrypt="secret"), "locked.pdf")
    assert doc.status == "failed"
    assert doc.error == "locked.pdf: encrypted PDF: a password is required to open it"


def test_truncated_pdf_fails_clearly():
    data = _table5(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ROWS)
    doc = _parse(data[: len(data) // 2], "cut.pdf")
    assert doc.status == "failed" and "truncated PDF" in doc.error


def test_bytes_that_are_not_a_pdf_fail_clearly():
    doc = _parse(b"\x00\x01 not a pdf at all", "junk.pdf")
    assert doc.status == "failed" and "not a PDF" in doc.error


@pytest.mark.parametrize("ruled", [True, False])
def test_columns_by_position_ruled_or_not(ruled):
    doc = _parse(_table5(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ROWS, ruled=ruled))
    got = {(c.row_key, c.column_key): c.value for c in doc.cells if c.table_no == 5}
    assert got == {
        ("201", "total"): Decimal("12345.00"), ("201", "basic"): Decimal("12000.00"), ("201", "project"): Decimal("345.00"),
        ("total", "total"): Decimal("12345.00"), ("total", "basic"): Decimal("12000.00"), ("total", "project"): Decimal("345.00"),
    }
    assert all(c.certain for c in doc.cells)


def test_empty_cell_is_a_column_without_a_word():
    rows = [["201", "一般公共服务支出", "345.00", "", "345.00"]]
    doc = _parse(_table5(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], rows))
    assert {(c.row_key, c.column_key) for c in doc.cells} == {("201", "total"), ("201", "project")}


def test_amounts_printed_in_yuan_are_converted():
    rows = [["201", "一般公共服务支出", "12,345.00", "12,345.00", ""]]
    doc = _parse(_table5(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], rows, unit="元"))
    cell = next(c for c in doc.cells if c.column_key == "total")
    assert cell.value == Decimal("1.2345") and cell.printed == "12,345.00"
    assert next(t for t in doc.tables if t.table_no == 5).unit == "元"


def test_unknown_column_header_is_an_error_naming_it():
    rows = [["201", "一般公共服务支出", "12.00", "12.00", "1.00"]]
    doc = _parse(_table5(["科目编码", "科目名称", "合计", "基本支出", "奇怪的列"], rows))
    errors = [i for i in doc.issues if i.code == "unknown_column_header"]
    assert len(errors) == 1 and errors[0].severity == "error" and "'奇怪的列'" in errors[0].message
    assert {c.column_key for c in doc.cells} == {"total", "basic"}


def _ruled_table(title: str, xs: list[float], rows: list[tuple[float, list[tuple[int, int, list[str]]]]], size: float = 8):
    """A ruled table under `title`: each row is (height, cells); a cell (first column, last
    column, lines) spans columns first..last and prints its lines centred vertically, as Word
    and WPS set a cell of a row made tall by a wrapped neighbour. Amounts are right-aligned.
    A row None turns the page (the table goes on overleaf, without its header)."""

    def draw(pdf):
        pdf.drawString(200, 790, title)
        pdf.drawString(450, 772, "单位：万元")
        pdf.setFont(FONT, size)
        top = 760.0
        for row in rows:
            if row is None:
                pdf.showPage()
                pdf.setFont(FONT, size)
                top = 800.0
                continue
            height, cells = row
            for first, last, lines in cells:
                x0, x1 = xs[first], xs[last + 1]
                pdf.rect(x0, top - height, x1 - x0, height)
                baseline = top - height / 2 + (len(lines) - 1) * size * 0.65 - size * 0.35
                for k, text in enumerate(lines):
                    y = baseline - k * size * 1.3
                    if text[:1].isdigit() and "." in text:
                        pdf.drawRightString(x1 - 3, y, text)
                    else:
                        pdf.drawString(x0 + 3, y, text)
            top -= height

    return _pdf(draw)


def test_row_numbers_and_a_label_whose_last_line_is_one_glyph():
    # 行次 columns number the rows: their integers belong to no label. The wrapped label's last
    # line '出' is a text object of one glyph of a font the PDF does not embed (pdfium drops it).
    xs = [40, 170, 195, 265, 365, 390, 460]

    def row(height, *cells):
        return height, [(i, i, c) for i, c in enumerate(cells)]

    data = _ruled_table("收入支出决算总表", xs, [
        (14, [(0, 2, ["收入"]), (3, 5, ["支出"])]),
        row(14, ["项目"], ["行次"], ["决算数"], ["项目"], ["行次"], ["决算数"]),
        row(14, ["一、一般公共预算财政拨款收入"], ["1"], ["1,500.00"], ["一、一般公共服务支出"], ["31"], ["1,200.00"]),
        row(26, [], ["7"], [], ["七、文化旅游体育与传媒支", "出"], ["37"], ["300.00"]),
        row(14, ["总计"], ["30"], ["1,500.00"], ["总计"], ["60"], ["1,500.00"]),
    ])
    doc = _parse(data)
    got = {(c.section, c.row_key): c.value for c in doc.cells if c.table_no == 1}
    assert got == {
        ("income", "general_budget_appropriation"): Decimal("1500.00"),
        ("expenditure", "201"): Decimal("1200.00"),
        ("expenditure", "207"): Decimal("300.00"),
        ("income", "grand_total"): Decimal("1500.00"),
        ("expenditure", "grand_total"): Decimal("1500.00"),
    }
    assert not [i for i in doc.issues if i.code == "unknown_row"]


def test_three_public_phases_printed_above_the_items():
    # The other order of Table 7's header: 预算数 over six items, then 决算数 over the same six.
    items = [["合计"], ["因公出国", "(境)费"], ["小计"], ["公务用车", "购置费"], ["公务用车", "运行费"], ["公务接", "待费"]]
    xs = [40 + 42 * i for i in range(13)]
    values = ["3.63", "0.00", "2.33", "0.00", "2.33", "1.30", "3.10", "0.00", "2.00", "0.00", "2.00", "1.10"]
    data = _ruled_table("财政拨款“三公”经费支出决算表", xs, [
        (14, [(0, 5, ["预算数"]), (6, 11, ["决算数"])]),
        (26, [(i, i, items[i % 6]) for i in range(12)]),
        (14, [(i, i, [v]) for i, v in enumerate(values)]),
    ], size=6)
    doc = _parse(data)
    got = {c.column_key: c.value for c in doc.cells if c.table_no == 7}
    assert got == {
        "budget_total": Decimal("3.63"), "budget_outbound": Decimal("0.00"), "budget_vehicle_subtotal": Decimal("2.33"),
        "budget_vehicle_purchase": Decimal("0.00"), "budget_vehicle_operation": Decimal("2.33"),
        "budget_reception": Decimal("1.30"),
        "actual_total": Decimal("3.10"), "actual_outbound": Decimal("0.00"), "actual_vehicle_subtotal": Decimal("2.00"),
        "actual_vehicle_purchase": Decimal("0.00"), "actual_vehicle_operation": Decimal("2.00"),
        "actual_reception": Decimal("1.10"),
    }
    assert not [i for i in doc.issues if i.severity == "error"]


def test_header_alone_at_a_page_foot_and_fund_rows_overleaf():
    # The header ends page 1, the body starts page 2; the fund sub-row of the carry-over turns
    # to page 3 and still belongs to it.
    xs = [40, 200, 270, 430, 500]

    def row(*cells):
        return 14, [(i, i, c) for i, c in enumerate(cells)]

    data = _ruled_table("收入支出决算总表", xs, [
        row(["项目"], ["决算数"], ["项目"], ["决算数"]),
        None,
        row(["年初结转和结余"], ["0.35"], ["年末结转和结余"], ["66.28"]),
        None,
        row(["一般公共预算财政拨款"], ["0.35"], ["一般公共预算财政拨款"], ["66.28"]),
        row(["总计"], ["3,150.24"], ["总计"], ["3,150.24"]),
    ])
    doc = _parse(data)
    got = {(c.section, c.row_key): c.value for c in doc.cells if c.table_no == 1}
    assert got == {
        ("income", "carryover_begin"): Decimal("0.35"),
        ("income", "carryover_begin_general_budget"): Decimal("0.35"),
        ("expenditure", "carryover_end"): Decimal("66.28"),
        ("expenditure", "carryover_end_general_budget"): Decimal("66.28"),
        ("income", "grand_total"): Decimal("3150.24"),
        ("expenditure", "grand_total"): Decimal("3150.24"),
    }


def test_pdf_whose_fonts_map_glyphs_to_wrong_characters_needs_ocr():
    lines = ["某某县某某局2021年度部门决算", "一般公共预算财政拨款支出决算表", "单位：万元", "科目编码 科目名称 合计 基本支出 项目支出"]
    data = _pdf(lambda pdf: [pdf.drawString(50, 780 - 20 * i, text) for i, text in enumerate(lines)])
    assert _parse(data).status == "no_values"  # the same PDF as drawn reads
    # its font's glyph numbers taken as character codes (Identity-H): the text layer reads as rare
    # characters ('醟般頚頠预算财䅍…'), not as a disclosure of an unknown layout
    garbled = data.replace(b"/Encoding /UniGB-UCS2-H", b"/Encoding /Identity-H  ")
    assert garbled != data
    doc = _parse(garbled, "glyphs.pdf")
    assert doc.status == "needs_ocr"
    assert doc.error == ("glyphs.pdf: its text layer does not read as Chinese (mostly rare characters, as when the fonts "
                         "map glyphs to the wrong characters): needs OCR")
    assert doc.cells == [] and doc.facts == []
