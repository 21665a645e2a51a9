"""Parsers: raw disclosure files -> ParsedDocument (see model.py and docs/raw-tables.md)."""

from __future__ import annotations

import traceback

from .model import ParsedDocument, ParseIssue, Provenance

# Bump when a parser change alters what is extracted: documents parsed by an older version are
# parsed again on the next run.
PARSER_VERSION = "38"


def parse_file(data: bytes, source_path: str, document_id: str, source_format: str) -> ParsedDocument:
    """Parse one file of any supported format. Never raises: a file that cannot be parsed comes
    back with status 'failed' and the reason, so the rest of the batch still loads."""
    from .pdf_document import parse_pdf
    from .text_document import parse_text

    parsers = {"text": parse_text, "pdf": parse_pdf}
    parser = parsers.get(source_format)
    if parser is None:
        return ParsedDocument(
            document_id=document_id,
            source_path=source_path,
            source_format=source_format,
            status="failed",
            error=f"{source_path}: unsupported file type ({source_format}); supported: {', '.join(sorted(parsers))}",
        )
    try:
        return parser(data, source_path, document_id)
    except Exception as exc:  # a parser bug must not stop the batch; it is recorded with its trace
        doc = ParsedDocument(
            document_id=document_id,
            source_path=source_path,
            source_format=source_format,
            status="failed",
            error=f"{source_path}: parser error {type(exc).__name__}: {exc}",
        )
        doc.issues.append(ParseIssue("error", "parser_exception", traceback.format_exc(limit=8), Provenance(None, None)))
        return doc

