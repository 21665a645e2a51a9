"""The raw loader: whole-document replacement, content-hash discovery, withdrawal."""

from datetime import datetime
from decimal import Decimal

import duckdb
import pytest

from dagster_project.defs.ingest.discovery import discover, document_id_of
from dagster_project.defs.ingest.loader import ensure_schema, pending_files, record_files, write_documents
from dagster_project.parsing.model import Cell, Fact, ParsedDocument, Provenance


def _doc(document_id: str, amount: str) -> ParsedDocument:
    where = Provenance(10, 11)
    return ParsedDocument(
        document_id=document_id, source_path=f"{document_id}.txt", source_format="text", status="parsed",
        department_name="某区财政局", fiscal_year=2023, unit="万元",
        cells=[Cell(3, "", "total", None, "合计", "total", "本年支出合计", Decimal(amount), amount, True, where),
               Cell(3, "", "201", "201", "一般公共服务支出", None, "", Decimal(amount), amount, False, where,
                    candidates=("basic", "project"))],
        facts=[Fact("一、收入支出决算总体情况说明", "total_income_expenditure", "total", Decimal(amount), "万元",
                    amount, f"收、支总计{amount}万元。", where)],
    )


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_schema(con)
    yield con
    con.close()


def test_a_document_is_replaced_whole_and_counts_are_recorded(con):
    write_documents(con, [_doc("a", "1.50"), _doc("b", "2.00")], run_id="r1")
    write_documents(con, [_doc("a", "3.25")], run_id="r2")
    cells = con.execute("SELECT document_id, amount FROM raw.table_cells WHERE certain ORDER BY 1").fetchall()
    assert cells == [("a", Decimal("3.25")), ("b", Decimal("2.00"))]
    counts = con.execute("SELECT cells_found, cells_certain, cells_ambiguous, run_id FROM raw.documents "
                         "WHERE document_id = 'a'").fetchone()
    assert counts == (2, 1, 1, "r2")
    assert con.execute("SELECT candidates FROM raw.table_cells WHERE NOT certain AND document_id = 'a'").fetchone() == ("basic,project",)


def test_a_failed_batch_leaves_the_previous_rows(con):
    write_documents(con, [_doc("a", "1.50")], run_id="r1")
    broken = _doc("a", "9.99")
    # a row the database refuses (row_key is NOT NULL), after the old rows were deleted in the transaction
    broken.cells.append(Cell(3, "", None, None, "x", "total", "", Decimal("1"), "1", True, Provenance(1, 1)))
    with pytest.raises(duckdb.Error):
        write_documents(con, [broken], run_id="r2")
    assert con.execute("SELECT amount FROM raw.table_cells WHERE certain").fetchall() == [(Decimal("1.50"),)]


def test_discovery_keys_files_by_content_and_marks_removed_ones_withdrawn(con, tmp_path):
    raw = tmp_path / "raw"
    (raw / "2021").mkdir(parents=True)
    (raw / "2021" / "a.txt").write_bytes(b"first")
    (raw / "b.pdf").write_bytes(b"second")
    (raw / "copy-of-a.txt").write_bytes(b"first")
    (raw / "c.md").write_bytes(b"# third")
    (raw / ".hidden").write_bytes(b"ignored")
    files = discover(raw)
    assert [(f.source_path, f.source_format) for f in files] == [
        ("2021/a.txt", "text"), ("b.pdf", "pdf"), ("c.md", "text"), ("copy-of-a.txt", "text")]
    assert files[0].document_id == files[3].document_id == document_id_of(b"first")

    record_files(con, files, datetime.now())
    pending = pending_files(con)
    assert [p.source_path for p in pending] == ["2021/a.txt", "b.pdf", "c.md"]  # one per content hash

    write_documents(con, [ParsedDocument(p.document_id, p.source_path, p.source_format, "parsed") for p in pending], "r1")
    assert pending_files(con) == []
    (raw / "b.pdf").unlink()
    assert record_files(con, discover(raw), datetime.now()) == 1
    withdrawn = con.execute("SELECT source_path FROM raw.documents WHERE withdrawn_at IS NOT NULL").fetchall()
    assert withdrawn == [("b.pdf",)]
