"""A text extract of a disclosure -> ParsedDocument: decode, then tables, profile and narrative."""

from __future__ import annotations

from .decode import DecodeError, decode_bytes, split_lines
from .model import ParsedDocument
from .narrative import extract_facts, extract_profile
from .outcome import settle_status
from .text_tables import extract_tables


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
    profile = extract_profile(lines)
    doc.department_name = profile.department_name
    doc.region = profile.region
    doc.fiscal_year = profile.fiscal_year
    doc.unit = profile.unit
    doc.name_variants = profile.name_variants
    tables = extract_tables(lines)
    facts, fact_issues = extract_facts(lines)
    doc.tables = tables.tables
    doc.cells = tables.cells
    doc.facts = profile.facts + facts
    doc.issues = profile.issues + tables.issues + fact_issues
    return settle_status(doc)
