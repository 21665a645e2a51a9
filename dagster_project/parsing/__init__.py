"""Parsers: raw disclosure files -> ParsedDocument (see model.py and docs/raw-tables.md)."""
