"""Planted faults: the kinds of error real disclosures contain, each recorded as a label
(what was printed and what the true value is, and where)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal

from .catalog import MISPRINTS
from .document import Document, Fact
from .layout import format_amount

FAULT_KINDS = ("transposed_digit", "wrong_percentage", "class_total_off", "carryover_break",
               "name_misprint", "missing_table", "truncated_file")
# Narrative amounts a transposition is planted in, and percentages made wrong: facts whose
# check compares them with the tables only (so one planted error raises one kind of alert).
TRANSPOSE_TARGETS = ("gpb_class_amount", "procurement_total", "basic_personnel", "income_total", "expenditure_total")
PERCENT_TARGETS = ("gpb_class_share_pct", "expenditure_share_pct", "income_share_pct", "budget_completion_pct",
                   "procurement_sme_share_pct")
MISSING_TABLE_CANDIDATES = (2, 3, 5, 6, 7)


@dataclass(frozen=True)
class Label:
    kind: str
    where: str
    printed: str
    true: str

    def as_json(self, file: str, document: str) -> dict:
        return {"file": file, "document": document, "kind": self.kind, "where": self.where,
                "printed": self.printed, "true": self.true}


def _facts(doc: Document, keys: tuple[str, ...]):
    """(section, paragraph, index, fact) of the narrative facts with one of `keys`."""
    return [(s, para, i, p) for s in doc.narrative for para in s.paragraphs for i, p in enumerate(para)
            if isinstance(p, Fact) and p.fact_key in keys]


def transposed(text: str) -> str | None:
    """The text with its last pair of adjacent, different digits swapped (2,315.46 -> 2,315.64)."""
    chars = list(text)
    digits = [i for i, ch in enumerate(chars) if ch.isdigit()]
    for a, b in reversed(list(zip(digits, digits[1:], strict=False))):
        if b == a + 1 and chars[a] != chars[b]:
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    return None


def plant_transposed_digit(doc: Document, rng: random.Random) -> Label | None:
    candidates = [c for c in _facts(doc, TRANSPOSE_TARGETS) if transposed(c[3].text)]
    if not candidates:
        return None
    section, para, i, fact = rng.choice(candidates)
    text = transposed(fact.text)
    para[i] = replace(fact, text=text, value=Decimal(text.replace(",", "")))
    return Label("transposed_digit", f"narrative {section.key}: {fact.fact_key} {fact.subject}", text, fact.text)


def plant_wrong_percentage(doc: Document, rng: random.Random) -> Label | None:
    candidates = _facts(doc, PERCENT_TARGETS)
    if not candidates:
        return None
    section, para, i, fact = rng.choice(candidates)
    decimals = -fact.value.as_tuple().exponent
    step = Decimal(1).scaleb(-decimals)
    delta = step * rng.randint(3, 40) * 10 ** max(0, decimals - 1)
    value = fact.value + delta if fact.value < 50 or fact.value - delta < 0 else fact.value - delta
    para[i] = replace(fact, text=str(value), value=value)
    return Label("wrong_percentage", f"narrative {section.key}: {fact.fact_key} {fact.subject}", str(value), fact.text)


def plant_class_total_off(doc: Document, rng: random.Random) -> Label | None:
    rows = [r for r in doc.tables[1].rows if r.code and r.cells["amount"]]
    row = rng.choice(rows)
    true = row.cells["amount"]
    off = rng.choice((-1, 1)) * rng.randint(10, max(11, true // 50))
    row.cells["amount"] = max(1, true + off)
    return Label("class_total_off", f"table 1 expenditure {row.row_key} amount",
                 format_amount(row.cells["amount"], doc.layout), format_amount(true, doc.layout))


def plant_name_misprint(doc: Document, rng: random.Random) -> Label | None:
    name = doc.name
    places = [i for i, ch in enumerate(name) if ch in MISPRINTS and i < len(name) - 3]
    if not places:
        return None
    i = rng.choice(places)
    wrong = name[:i] + MISPRINTS[name[i]] + name[i + 1:]
    for section in doc.narrative:
        if section.key != "procurement":
            continue
        for para in section.paragraphs:
            for j, piece in enumerate(para):
                if isinstance(piece, str) and name in piece:
                    para[j] = piece.replace(name, wrong, 1)
                    return Label("name_misprint", "narrative procurement: department name", wrong, name)
    return None


def plant_missing_table(doc: Document, rng: random.Random) -> Label | None:
    no = rng.choice(MISSING_TABLE_CANDIDATES)
    title = doc.tables.pop(no).title
    return Label("missing_table", f"table {no}", "", title)


def plant_truncated_file(doc: Document, rng: random.Random) -> Label | None:
    doc.truncate_at = rng.uniform(0.35, 0.75)
    return Label("truncated_file", f"bytes cut at {doc.truncate_at:.0%} of the file", "", "")


PLANTERS = {
    "transposed_digit": plant_transposed_digit,
    "wrong_percentage": plant_wrong_percentage,
    "class_total_off": plant_class_total_off,
    "name_misprint": plant_name_misprint,
    "missing_table": plant_missing_table,
    "truncated_file": plant_truncated_file,
}


def truncate(data: bytes, share: float) -> bytes:
    """The first `share` of the bytes, cut at a character boundary for UTF-8 text."""
    cut = int(len(data) * share)
    while 0 < cut < len(data) and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return data[:cut]
