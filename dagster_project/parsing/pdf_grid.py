"""Words + ruling lines of one table on one page -> a grid of header columns and body rows.

Positions decide everything here: a word belongs to the column whose x range holds its middle,
and to the row band (between two table-wide horizontal rules) that holds it, so a number set a
little above or below its label in a tall merged cell lands on the label's row, and a label
wrapped over two lines stays one cell. Without ruling lines, columns come from the header words
and each text line of the body is a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import parse_amount
from .pdf_words import Rule, Word

# Rules closer than this (pt) are one rule (a thin rectangle has two edges).
MERGE_TOLERANCE = 2.0
# A horizontal rule covering at least this share of the table's width separates rows; shorter
# ones only split header cells.
ROW_RULE_COVERAGE = 0.5
CODE_RE = re.compile(r"^\d{2,3}$")


@dataclass(frozen=True)
class GridColumn:
    x0: float
    x1: float
    header: str  # the header words over the column, top to bottom, joined without spaces

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class GridRow:
    texts: tuple[str, ...]  # one per column: the cell's words joined in reading order ('' if empty)
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Grid:
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]
    ruled: bool


def is_body_word(text: str) -> bool:
    """Words that only a table body holds: amounts and subject codes."""
    return parse_amount(text) is not None and text not in {"-"} or bool(CODE_RE.match(text))


def build_grid(words: list[Word], rules: list[Rule], inherited: tuple[GridColumn, ...] = ()) -> Grid:
    """The grid of one table's words on one page. `inherited` are the columns of the same table
    on the previous page: given, this page continues the table and every band is body (the
    header is not repeated; the columns' headers are taken over by position)."""
    if not words:
        return Grid(inherited, (), False)
    verticals = [r for r in rules if not r.horizontal]
    edges = _merge([r.pos for r in verticals])
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    if len(edges) >= 2:  # the ruled frame is the table's width, whatever its words fill
        x0, x1 = min(x0, edges[0]), max(x1, edges[-1])
    row_rules = _row_rules(rules, x0, x1)
    ruled = len(edges) >= 3 and len(row_rules) >= 2
    bands = _bands(words, row_rules) if ruled else _text_rows(words)
    first_body = 0 if inherited else next(
        (i for i, band in enumerate(bands) if any(is_body_word(w.text) for w in band)), len(bands)
    )
    phrases = [p for band in bands[:first_body] for p in _phrases(band, verticals if ruled else [])]
    if ruled:
        intervals = list(zip(edges, edges[1:]))
    elif phrases:
        intervals = _intervals_from_headers(phrases, x0, x1)
    else:
        intervals = [(c.x0, c.x1) for c in inherited]
    spans = [_cell_span(p, verticals) if ruled else (p.x0, p.x1) for p in phrases]
    columns = tuple(_column(a, b, phrases, spans, inherited) for a, b in intervals)
    rows = tuple(_row(band, columns) for band in bands[first_body:])
    return Grid(columns, tuple(r for r in rows if any(r.texts)), ruled)


def _phrases(words: list[Word], verticals: list[Rule]) -> list[Word]:
    """Header words of one text line that sit close together, with no vertical rule between
    them, form one phrase ('因公出' '国' '(境)' '费' -> one header)."""
    phrases: list[Word] = []
    for word in sorted(words, key=lambda w: (w.line_no, w.x0)):
        last = phrases[-1] if phrases else None
        if (
            last
            and last.line_no == word.line_no
            and word.x0 - last.x1 < (1.5 if verticals else 0.8) * word.size
            and not any(last.x_mid < r.pos < word.x_mid and r.start <= word.y_mid <= r.end for r in verticals)
        ):
            phrases[-1] = Word(last.text + word.text, last.x0, word.x1, min(last.top, word.top),
                               max(last.bottom, word.bottom), last.baseline, last.size, last.line_no)
        else:
            phrases.append(word)
    return phrases


def _cell_span(phrase: Word, verticals: list[Rule]) -> tuple[float, float]:
    """The x extent of the ruled cell holding a header phrase: the nearest vertical rules that
    cross the phrase's height on either side (a merged header spans several columns)."""
    y = phrase.y_mid
    crossing = [r.pos for r in verticals if r.start - MERGE_TOLERANCE <= y <= r.end + MERGE_TOLERANCE]
    left = max((x for x in crossing if x <= phrase.x0 + MERGE_TOLERANCE), default=phrase.x0)
    right = min((x for x in crossing if x >= phrase.x1 - MERGE_TOLERANCE), default=phrase.x1)
    return left, right


def _merge(positions: list[float]) -> list[float]:
    merged: list[float] = []
    for pos in sorted(positions):
        if merged and pos - merged[-1] < MERGE_TOLERANCE:
            continue
        merged.append(pos)
    return merged


def _row_rules(rules: list[Rule], x0: float, x1: float) -> list[float]:
    """y of the horizontal rules that run across most of the table (their pieces summed)."""
    covered: dict[float, float] = {}
    for rule in rules:
        if rule.horizontal:
            key = next((y for y in covered if abs(y - rule.pos) < MERGE_TOLERANCE), rule.pos)
            covered[key] = covered.get(key, 0.0) + max(0.0, min(rule.end, x1) - max(rule.start, x0))
    return sorted(y for y, length in covered.items() if length >= ROW_RULE_COVERAGE * (x1 - x0))


def _bands(words: list[Word], row_rules: list[float]) -> list[list[Word]]:
    """Words between consecutive row rules (words above the first or below the last rule are
    outside the ruled table and ignored: titles, units, notes)."""
    bands: list[list[Word]] = [[] for _ in row_rules[1:]]
    for word in words:
        for i, (top, bottom) in enumerate(zip(row_rules, row_rules[1:])):
            if top <= word.y_mid < bottom:
                bands[i].append(word)
                break
    return [b for b in bands if b]


def _text_rows(words: list[Word]) -> list[list[Word]]:
    rows: dict[int, list[Word]] = {}
    for word in words:
        rows.setdefault(word.line_no, []).append(word)
    return [rows[k] for k in sorted(rows)]


def _intervals_from_headers(phrases: list[Word], x0: float, x1: float) -> list[tuple[float, float]]:
    """Unruled table: one column per header phrase of the lowest header line, bounded by the
    midpoints between neighbours."""
    lowest = max(p.line_no for p in phrases)
    spans = sorted((p.x0, p.x1) for p in phrases if p.line_no == lowest)
    cuts = [x0] + [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])] + [x1]
    return list(zip(cuts, cuts[1:]))


def _column(
    x0: float, x1: float, phrases: list[Word], spans: list[tuple[float, float]], inherited: tuple[GridColumn, ...]
) -> GridColumn:
    mid = (x0 + x1) / 2
    over = [p for p, (left, right) in zip(phrases, spans) if left <= mid < right]
    header = "".join(p.text for p in sorted(over, key=lambda p: (p.line_no, p.x0)))
    if not phrases and inherited:
        header = next((c.header for c in inherited if c.x0 <= mid < c.x1), "")
    return GridColumn(x0, x1, re.sub(r"\s+", "", header))


def _row(band: list[Word], columns: tuple[GridColumn, ...]) -> GridRow:
    texts: list[list[Word]] = [[] for _ in columns]
    for word in band:
        index = next((i for i, c in enumerate(columns) if c.x0 <= word.x_mid < c.x1), None)
        if index is not None:
            texts[index].append(word)
    lines = [w.line_no for w in band]
    return GridRow(
        tuple("".join(w.text for w in sorted(ws, key=lambda w: (w.line_no, w.x0))) for ws in texts),
        min(lines),
        max(lines),
    )
