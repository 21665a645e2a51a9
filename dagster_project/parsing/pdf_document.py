"""A published PDF disclosure -> ParsedDocument: the same model as the text parser.

Tables are read from word positions and ruling lines (pdf_tables); the profile and the narrative
facts are read by the text parser's narrative module from the PDF's text rebuilt in reading
order. Line numbers in every provenance are the reading-order index of the text line within
its page (1-based); Provenance.page is the 1-based page number.
"""

from __future__ import annotations

from .collector import collector_paused
from .decode import reads_as_chinese
from .model import Line, ParsedDocument, ParseIssue, Provenance
from .outcome import complete_document
from .pdf_tables import extract_pdf_tables
from .pdf_words import PageContent, PdfOpenError, open_pdf, read_pages


@collector_paused()
def parse_pdf(data: bytes, source_path: str, document_id: str) -> ParsedDocument:
    """Parse one PDF. Never raises for bad input: an unreadable PDF comes back 'failed', a PDF
    without a text layer, or with one that does not read as Chinese, 'needs_ocr', a PDF whose
    tables print no values 'no_values'."""
    doc = ParsedDocument(document_id=document_id, source_path=source_path, source_format="pdf", status="parsed")
    try:
        pdf = open_pdf(data)
    except PdfOpenError as exc:
        doc.status, doc.error = "failed", f"{source_path}: {exc}"
        return doc
    try:
        pages = read_pages(pdf, data)
    finally:
        pdf.close()
    if not any(page.lines for page in pages):
        doc.status = "needs_ocr"
        images = sum(page.image_count for page in pages)
        doc.error = f"{source_path}: no text layer on any of its {len(pages)} pages ({images} images): needs OCR"
        return doc
    if not reads_as_chinese("\n".join(line.text for page in pages for line in page.lines)):
        doc.status = "needs_ocr"
        doc.error = (f"{source_path}: its text layer does not read as Chinese (mostly rare characters, as when the "
                     "fonts map glyphs to the wrong characters): needs OCR")
        return doc
    doc.issues.extend(_scanned_pages(pages))
    return complete_document(doc, reading_order_lines(pages), extract_pdf_tables(pages))


def reading_order_lines(pages: list[PageContent]) -> list[Line]:
    """Every text line, page by page, top to bottom; `no` restarts at 1 on each page."""
    return [Line(no, line.text, page.number) for page in pages for no, line in enumerate(page.lines, 1)]


def _scanned_pages(pages: list[PageContent]) -> list[ParseIssue]:
    """Pages that are only images in an otherwise text PDF: their content cannot be read."""
    return [
        ParseIssue("warn", "page_needs_ocr", f"page {page.number} has images but no text layer: not read",
                   Provenance(None, None, page.number))
        for page in pages
        if page.image_count and not page.lines
    ]
