"""Ingest assets: discover the raw folder, parse what is new, load it into the raw tables."""

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

import dagster as dg

from ...parsing import parse_file
from ...parsing.model import ParsedDocument
from ...progress import announce, track
from ...resources import RawFolderResource, WarehouseResource
from .discovery import discover
from .loader import DOCUMENT_TABLES, PendingFile, ensure_schema, pending_files, record_files, write_documents
from .state import is_up_to_date

RAW_TABLE_KEYS = [dg.AssetKey(["raw", name]) for name in DOCUMENT_TABLES]
LOAD_BATCH_SIZE = 500  # documents per transaction: bounds memory on large loads
PARALLEL_THRESHOLD = 64  # below this, starting worker processes costs more than it saves


@dg.asset(key=["raw", "files"], group_name="ingest", kinds={"duckdb"})
def raw_files(raw_folder: RawFolderResource, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Every file of the raw folder keyed by content hash (document_id); documents whose file
    disappeared are marked withdrawn."""
    root = raw_folder.resolved_path()
    if not root.is_dir():
        raise dg.Failure(f"raw folder {root} does not exist (set FDW_RAW or create it)")
    files = discover(root)
    with warehouse.connect() as con:
        ensure_schema(con)
        withdrawn = record_files(con, files, datetime.now())
        pending = len(pending_files(con))
    announce(f"Raw folder {root}: {len(files)} files, {pending} new or changed, {withdrawn} withdrawn")
    return dg.MaterializeResult(metadata={"files": len(files), "new_or_changed": pending, "withdrawn": withdrawn,
                                          "raw_folder": str(root)})


def _parse_pending(root: Path, pending: PendingFile) -> ParsedDocument:
    path = root / pending.source_path
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ParsedDocument(pending.document_id, pending.source_path, pending.source_format, "failed",
                              error=f"{pending.source_path}: cannot read: {exc}")
    return parse_file(data, pending.source_path, pending.document_id, pending.source_format)


def _parse_all(root: Path, pending: list[PendingFile]) -> Iterator[ParsedDocument]:
    if len(pending) < PARALLEL_THRESHOLD:
        yield from (_parse_pending(root, p) for p in pending)
        return
    with ProcessPoolExecutor() as pool:
        yield from pool.map(_parse_pending, [root] * len(pending), pending, chunksize=16)


@dg.multi_asset(
    # skippable: when nothing changed since the last complete run, nothing downstream runs either
    specs=[dg.AssetSpec(key, deps=[raw_files], group_name="ingest", kinds={"duckdb"}, skippable=True)
           for key in RAW_TABLE_KEYS],
    can_subset=False,
)
def parsed_documents(context: dg.AssetExecutionContext, raw_folder: RawFolderResource, warehouse: WarehouseResource):
    """Parse the new and changed files (text extracts, PDFs) and load every table cell, narrative
    fact, name variant and parse issue with its provenance. A file that cannot be parsed is
    recorded as failed with the reason; the others still load."""
    root = raw_folder.resolved_path()
    with warehouse.connect() as con:
        ensure_schema(con)
        pending = pending_files(con)
        infos = {p.document_id: p.info for p in pending}
        run_id = context.run.run_id
        statuses: dict[str, int] = {}
        batch: list[ParsedDocument] = []
        for doc in track(_parse_all(root, pending), total=len(pending), description="Parsing documents"):
            statuses[doc.status] = statuses.get(doc.status, 0) + 1
            if doc.status == "failed":
                context.log.warning(f"document failed: {doc.error}")
            batch.append(doc)
            if len(batch) >= LOAD_BATCH_SIZE:
                write_documents(con, batch, run_id, infos)
                batch = []
        write_documents(con, batch, run_id, infos)
        up_to_date = is_up_to_date(con)
    announce(f"Parsed and loaded {len(pending)} documents: "
             + (", ".join(f"{n} {status}" for status, n in sorted(statuses.items())) or "nothing new"))
    if up_to_date:
        announce("Nothing changed since the last complete run (files, parser, models, rules): the warehouse is up to date")
        return
    for key in RAW_TABLE_KEYS:
        yield dg.MaterializeResult(asset_key=key, metadata={"documents_parsed": len(pending), **statuses})
