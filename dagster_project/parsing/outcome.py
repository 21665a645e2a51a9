"""The last steps every input format shares: profile and narrative from the document's lines,
the tables its own reader found, and the status of the result."""

from __future__ import annotations

from .model import Line, ParsedDocument, ParseIssue, Provenance
from .narrative import extract_facts, extract_headings, extract_profile, release_document
from .text_tables import TableExtraction


def complete_document(doc: ParsedDocument, lines: list[Line], tables: TableExtraction) -> ParsedDocument:
    """Fill `doc` with the profile and narrative facts read from `lines` and with `tables`, then
    settle its status. Issues already on `doc` are kept."""
    profile = extract_profile(lines)
    doc.department_name = profile.department_name
    doc.region = profile.region
    doc.fiscal_year = profile.fiscal_year
    doc.unit = profile.unit
    doc.name_variants = profile.name_variants
    doc.headings = extract_headings(lines)
    facts, fact_issues = extract_facts(lines, profile.fiscal_year, profile.department_name)
    release_document()
    doc.tables = tables.tables
    doc.cells = tables.cells
    doc.facts = profile.facts + facts
    doc.issues += profile.issues + tables.issues + fact_issues
    return settle_status(doc)


def settle_status(doc: ParsedDocument) -> ParsedDocument:
    """'failed' for an unknown layout or a document that cannot be keyed (no department name or
    no fiscal year), 'no_values' for tables that print nothing (a blank template), else as is."""
    if not any(t.present for t in doc.tables) and not doc.facts:
        doc.status = "failed"
        doc.error = f"{doc.source_path}: unknown layout: none of the nine tables and no narrative section was recognised"
    elif doc.cells_found == 0:
        doc.status = "no_values"
        doc.issues.append(ParseIssue(
            "warn", "no_values",
            f"{doc.source_path}: the tables print no values (a blank template?); nothing was loaded as zero",
            Provenance(None, None),
        ))
    elif not doc.department_name or doc.fiscal_year is None:
        missing = [what for what, absent in (("department name", not doc.department_name),
                                             ("fiscal year", doc.fiscal_year is None)) if absent]
        doc.status = "failed"
        doc.error = (f"{doc.source_path}: no {' and no '.join(missing)}: the title "
                     "'<department> YYYY 年度部门决算' was not found, so the values cannot be keyed")
    return doc
