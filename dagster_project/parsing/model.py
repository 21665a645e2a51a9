"""The parsed-document model: plain data classes shared by every parser (text, PDF) and the loader.

Every value carries its provenance. Amounts are Decimal in 万元 (documents printed in 元 are
converted by the parser and keep the printed text in `printed`). Vocabularies of the `*_key`
fields are listed in docs/raw-tables.md; the loader writes these objects unchanged to `raw.*`.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from typing import NamedTuple


def frozen_record(cls: type) -> type:
    """@dataclass(frozen=True), built four times faster: the generated __init__ calls
    object.__setattr__ once per field, and a parse builds about a thousand of these values; this one
    fills the instance's __dict__ at once. Setting an attribute still raises FrozenInstanceError."""
    cls = dataclass(frozen=True)(cls)
    own = fields(cls)
    defaults = {f.name: f.default for f in own if f.default is not MISSING}
    assert all(f.default_factory is MISSING for f in own), "a frozen record takes plain defaults only"
    params = ", ".join(f.name + (f"=_defaults[{f.name!r}]" if f.name in defaults else "") for f in own)
    items = ", ".join(f"{f.name!r}: {f.name}" for f in own)
    namespace = {"_defaults": defaults}
    exec(f"def __init__(self, {params}):\n    self.__dict__.update({{{items}}})", namespace)  # noqa: S102
    cls.__init__ = namespace["__init__"]
    return cls


class Line(NamedTuple):  # a document has thousands of lines: a tuple is built twice as fast as a frozen dataclass
    """One line of the decoded source text. `no` is 1-based in the decoded file (or the PDF page's
    reading order, with `page` set)."""

    no: int
    text: str
    page: int | None = None


@frozen_record
class Provenance:
    """Where a value was printed: first and last source line (or PDF page), plus the table/section."""

    line_start: int | None
    line_end: int | None
    page: int | None = None


@frozen_record
class Cell:
    """One printed cell of one of the nine tables.

    `column_key` is None when the parser could not decide the column; `candidates` then lists the
    possible column keys and `certain` is False. A certain cell has exactly one column."""

    table_no: int
    section: str  # '' or a side/group: 'income' | 'expenditure' (T1, T4), 'personnel' | 'public' | 'capital' (T6 column group)
    row_key: str  # subject code ('2013101', '201', '30101') or a label key ('total', 'total_income', ...)
    row_code: str | None  # joined subject code when the row is a classification subject, else None
    row_label: str  # the row's label as printed (broken lines joined)
    column_key: str | None
    column_label: str  # the column header as printed ('' when ambiguous)
    value: Decimal | None  # in 万元; None only when the printed text is not a number
    printed: str  # the cell text exactly as printed (after decoding)
    certain: bool
    provenance: Provenance
    candidates: tuple[str, ...] = ()
    note: str = ""  # why the column was inferred / why it is ambiguous


@frozen_record
class TableInfo:
    table_no: int
    title: str  # as printed
    unit: str  # '万元' or '元' as printed in the table header
    present: bool  # the table's title was found
    declared_empty: bool  # the document says the table has no data
    empty_note: str  # the note that says so ('' if none)
    provenance: Provenance


@frozen_record
class Fact:
    """A value stated in the narrative (or the profile), with the sentence it came from."""

    section: str  # the heading of the narrative section, as printed
    fact_key: str
    subject: str  # what the fact is about: 'total', a function class code, a 三公 item, ... ('' if none)
    value: Decimal
    unit: str  # '万元', '%', '人', '辆', '个', '分', '批次', '人次', '台'
    printed: str
    sentence: str
    provenance: Provenance
    qualifier: str = ""  # the direction word of a change ('增加', '减少', '增长', '下降', '持平', '大于', ...)


@frozen_record
class NameVariant:
    name: str  # a form of the department's name as printed
    context: str  # 'title' | 'profile' | 'table_header' | 'narrative' | 'form'
    provenance: Provenance


@frozen_record
class DocumentHeading:
    """A numbered heading as printed, in document order: a part title (第三部分 …), a section
    (三、…) or a subsection ((三)…). Numbered row labels of the tables part are not headings."""

    level: str  # 'part' | 'section' | 'subsection'
    number: int | None  # the numeral read: 第三部分 -> 3, 十一、 -> 11, (二) -> 2 (None when unread)
    text: str  # as printed, up to its first 。 (a wrapped title joined)
    part: str  # kind of the enclosing part: 'front' | 'profile' | 'tables' | 'narrative' | 'glossary' | 'annex' | 'other'
    list_no: int  # the numbered list it continues: its headings should read 1, 2, 3 … (see narrative._headings)
    provenance: Provenance


@frozen_record
class ParseIssue:
    severity: str  # 'error' | 'warn' | 'info'
    code: str  # short stable code, e.g. 'unknown_column_header', 'ambiguous_cell', 'table_missing'
    message: str  # names the place: table, row label, line
    provenance: Provenance


@dataclass
class ParsedDocument:
    document_id: str
    source_path: str
    source_format: str  # 'text' | 'pdf' | 'xlsx'
    status: str  # 'parsed' | 'failed' | 'needs_ocr' | 'no_values'
    error: str = ""  # for status 'failed' / 'needs_ocr': the located reason
    encoding: str = ""
    department_name: str = ""  # the full name as printed in the title
    region: str = ""  # as printed, e.g. '武汉市硚口区', '上海市普陀区'
    fiscal_year: int | None = None
    unit: str = ""  # the document's amount unit as printed: '万元' or '元'
    name_variants: list[NameVariant] = field(default_factory=list)
    tables: list[TableInfo] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    headings: list[DocumentHeading] = field(default_factory=list)

    @property
    def cells_found(self) -> int:
        return len(self.cells)

    @property
    def cells_certain(self) -> int:
        return sum(1 for c in self.cells if c.certain)

    @property
    def cells_ambiguous(self) -> int:
        return self.cells_found - self.cells_certain
