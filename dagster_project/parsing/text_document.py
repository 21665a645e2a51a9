"""A text extract of a disclosure -> ParsedDocument: decode, then tables, profile and narrative."""

from __future__ import annotations

from .collector import collector_paused
from .decode import DecodeError, decode_bytes, split_lines
from .flattened import not_certain_on, unflattened
from .model import ParsedDocument
from .outcome import complete_document
from .text_tables import extract_tables


@collector_paused()
def parse_text(data: bytes, source_path: str, document_id: str) -> ParsedDocument:
    """Parse one text extract. Never raises for bad input: a file that cannot be read is returned
    with status 'failed' and a located reason."""
    doc = ParsedDocument(document_id=document_id, source_path=source_path, source_format="text", status="parsed")
    try:
        text, doc.encoding = decode_bytes(data)
    except DecodeError as exc:
        doc.status, doc.error = "failed", f"{source_path}: {exc}"
        return doc
    lines, flattened = unflattened(split_lines(text), len(text))
    tables = extract_tables(lines)
    return complete_document(doc, lines, not_certain_on(tables) if flattened else tables)
