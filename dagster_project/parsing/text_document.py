"""A text extract of a disclosure -> ParsedDocument: decode, then tables, profile and narrative."""

from __future__ import annotations

from .collector import collector_paused
from .decode import DecodeError, decode_bytes, split_lines
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
    lines = split_lines(text)
    return complete_document(doc, lines, extract_tables(lines))
