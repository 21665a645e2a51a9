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
