"""The profile (name, region, year, unit, staff, units) and the narrative facts of a text extract.

The text arrives broken every ~25 characters, with page numbers and figure captions in between.
Lines are first rebuilt into paragraphs (a numbered heading or item starts a new one) and
sentences (ending with 。); the wording of facts, as data in narrative_patterns.py, is then
matched against each sentence with its whitespace removed. Every fact keeps the sentence as
printed and the source lines it spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from itertools import accumulate, compress, count, groupby, repeat
from operator import add, attrgetter, eq, itemgetter
from typing import NamedTuple

from . import narrative_patterns as P
from .displaced import restore_displaced
from .joined import newlines_before, without
from .layout import FUNCTION_CLASSES, squash
from .layout.tables import BOTH_SIDES_LABELS, EXPENDITURE_LABELS, INCOME_LABELS
from .model import DocumentHeading, Fact, Line, NameVariant, ParseIssue, Provenance
from .numbers import AMOUNT_UNITS, chinese_number, parse_amount, to_wan


@dataclass
class Profile:
    department_name: str
    region: str
    fiscal_year: int | None
    unit: str
    name_variants: list[NameVariant] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Compiled data
# ---------------------------------------------------------------------------------------------

MARKER = r"(?P<part>第[一二三四五六七八九十]+部分)|(?P<h0>[一二三四五六七八九十]{1,3}、)|(?P<h1>\([一二三四五六七八九十]{1,3}\))|(?P<item>\d{1,2}+[.、](?!\d))"
MARKER_RE = re.compile(MARKER)
ITEM_RE = re.compile(r"^\d{1,2}[.、](?!\d)")
ITEM_NUMBER_RE = re.compile(r"\d+")
HEADING_NUMBER_RE = re.compile(r"\(?([一二三四五六七八九十]+)")
PART_NUMBER_RE = re.compile(r"第([一二三四五六七八九十]+)部分")
ITEM_LEAD_END_RE = re.compile(r"[。:]")  # an item's lead runs up to the first of these
# Whitespace within a line: the patterns that search the document's lines joined (see
# _line_matches) must not run on into the next line.
SPACE = r"[^\S\n]"
# (A page number's parts are possessive: a line of numbers that is not one fails without backtracking.)
NOISE = rf"(?:[-—]?+{SPACE}*+\d{{1,3}}+{SPACE}*+[-—]?+|第{SPACE}*\d+{SPACE}*页.*|图{SPACE}*\d+{SPACE}*[:].*)$"  # page numbers, figure captions
# What a line is, in one match at its start: 'noise', else its marker (see _marker). The lookahead
# is a cheap test of the first character before the alternatives.
LINE_KIND_RE = re.compile(rf"\n(?=[-—\d第图(一二三四五六七八九十])(?:(?P<noise>{NOISE})|{MARKER})", re.MULTILINE)
FUNCTION_CODE_START_RE = re.compile(r"\n2\d\d")  # every function subject code starts with 2 and two more digits
# A sentence, without the whitespace around it, in the paragraphs' texts each after a newline:
# up to its 。, else (at the paragraph's end) up to its last visible character (one scan: a
# paragraph's last sentence is not scanned again once no 。 was found); a 。 after only whitespace
# is a sentence of its own, one right after another 。 or at the paragraph's start is not.
SENTENCE_RE = re.compile(rf"[^\s。][^。\n]*(?:。|(?<!\s))|(?<={SPACE})。")
SHORT_CONTINUATION = 4  # a wrapped heading's last piece ('说明', '况。') is at most this long
# A subsection's number before a value with its unit is a paragraph's, not a title's: '(一)本单位 2021
# 年度总收入 581.45 万元，其中本年收' / '入 390.55 万元…' is one sentence wrapped, under its section.
STATED_VALUE_RE = re.compile(r"\d\s*(?:万?元|%)")
PART_TITLE_LINES = 3  # a part title may wrap over this many lines ('第一部分' / '<name>概' / '况')
HEADING_LEVELS = {"h0": "section", "h1": "subsection"}  # marker -> DocumentHeading.level
# Numbered lines of the tables part are row labels ('一、一般公共预算财政拨款收入'), not headings.
PARTS_WITHOUT_HEADINGS = ("tables",)
# A heading run into a line after a sentence ('…财务规则。(八)负责本区…'): two paragraphs joined.
# (The match starts with its 。 rather than looking behind for it: the regex engine then skips to each 。.)
RUN_IN_HEADING_RE = re.compile(rf"。{SPACE}*(?=\([一二三四五六七八九十]{{1,3}}\)|[一二三四五六七八九十]{{1,3}}、)")
# A numbered line that is a table row, not a heading, wherever the tables stand (a document may
# print them without a 第二部分 title): it holds an amount printed without a unit, or it is only
# row labels of Tables 1 / 4, one per side ('一、一般公共预算财政拨款收入一、一般公共服务支出').
TABLE_AMOUNT_RE = re.compile(r"\d[\d,]*\.\d{2}(?![\d%]|\s*万?元)")
SECTION_NUMBER_RE = re.compile(r"[一二三四五六七八九十]{1,3}、")
ROW_LABEL_NOISE_RE = re.compile(r"[\d,.\s]")
TABLE_ROW_LABELS = frozenset({*INCOME_LABELS, *EXPENDITURE_LABELS, *BOTH_SIDES_LABELS,
                              *(name + "支出" for name in FUNCTION_CLASSES)})

_PART_KINDS = tuple((kind, re.compile(rx)) for kind, rx in P.PART_KINDS)
_TOPICS = tuple((topic, re.compile(rx)) for topic, rx in P.TOPICS)
# A section number that restarts the sections before an item's name alone ('七、…“三公”经费…' / '一、因公
# 出国(境)经费' / '二、公务接待费', Sichuan): a subsection of the section.
_ITEM_HEADING = re.compile("|".join(rx for rx, subject in P.MENTIONS["three_public"] if subject not in ("total", P.OUTSIDE_TOPIC)))
_TOPICS_BY_WORDING = tuple((topic, word, re.compile(rx)) for topic, word, rx in P.TOPICS_BY_WORDING)
_ITEM_TOPICS = {topic: tuple((item, re.compile(rx)) for item, rx in items) for topic, items in P.ITEM_TOPICS.items()}
_ANY_TOPIC = re.compile("|".join(f"(?:{rx})" for _, rx in P.TOPICS))  # one search rules out most headings
# With the word each template prints after its value and the longest it prints of its own: cheap
# tests before the regex (most of which cannot start with a literal).
_TOPIC_PATTERNS = {topic: tuple((p, P.value_word(p.template), P.printed_word(p.template), P.compile_template(p.template)) for p in ps)
                   for topic, ps in P.TOPIC_PATTERNS.items()}
# With a word every match prints: a cheap test before the regex.
_MENTIONS = {topic: tuple((re.compile(rx), subject, P.printed_word(rx)) for rx, subject in ms)
             for topic, ms in P.MENTIONS.items()}
_CHANGE_DIRECTION = re.compile(P.CHANGE_DIRECTION)
_CHANGE_AMOUNT = P.compile_template(P.CHANGE_DIRECTION + "{amt}")
_CHANGE_PCT = P.compile_template(P.CHANGE_DIRECTION + "{pct}")
_FLAT = re.compile(P.FLAT_DIRECTION)
_LISTED_NEXT = {unit: re.compile(rx) for unit, rx in P.LISTED_NEXT.items()}
_LISTED_CHANGES = re.compile(P.LISTED_CHANGES)
_SIDES_LISTED = re.compile(P.SIDES_LISTED)
_YOY_ANCHOR = re.compile(P.YOY_ANCHOR)
_BUDGET_ANCHOR = re.compile(P.BUDGET_ANCHOR)
_PREVIOUS_BUDGET_ANCHOR = re.compile(P.PREVIOUS_BUDGET_ANCHOR)
_YEAR_DIGITS = re.compile(r"\d{4}")
_CHANGE_FACT_KEYS = frozenset(key for keys in P.CHANGE_KEYS.values() for key in (keys.yoy_amount, keys.yoy_pct, keys.budget_amount) if key)
_COUNT_BEFORE = re.compile(P.COUNT_BEFORE)
_NAMED_YEAR_FORMS = tuple(map(re.compile, P.NAMED_YEAR_FORMS))
_COMPARED_LABEL = re.compile(P.COMPARED_LABEL)
_CHANGE_WORD = re.compile("|".join(P.DIRECTION_WORDS))
_PART_OF_THE_DEPARTMENT = re.compile(P.PART_OF_THE_DEPARTMENT)
_CLAUSE_BREAK = re.compile(r"[,;。:]")
_BUDGET_STATED = re.compile(P.BUDGET_STATED)
# The facts whose subject is a function subject's code (a class printed with a name no class has, such
# as a name cut by a lost line, '和就业(类)', stays as printed: unresolved, like a '/'-joined one).
_FUNCTION_SUBJECT_KEYS = frozenset(p.fact_key for p in P.TOPIC_PATTERNS["gpb"] if p.subject.startswith("@"))
# A line that is text of a sentence: a clause's break (not a thousands separator) and eight Chinese
# characters at least (a table's row, a column's header or a short label may well be printed twice
# in a row). A document does not print a line of its text twice in a row, an extraction does; read
# twice, it would start a statement again inside another and give its number to the wrong words.
REPEATED_LINE_RE = re.compile(r"(?=[^\n]*(?:[;:。]|,(?!\d{3})))(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){8}")
_OWN_SUBJECT = {topic: rx for topic, rx in _TOPICS if topic in P.SECTIONS_READING_ANY_AMOUNT}
_OTHER_SUBJECTS = {topic: re.compile("|".join(rx for other, rx in P.TOPICS if other in others))
                   for topic, others in P.SECTIONS_READING_ANY_AMOUNT.items()}
_RESPECTIVE_LIST = re.compile(P.RESPECTIVE_LIST)
_LISTED_NUMBER = re.compile(P.LISTED_NUMBER)
_LISTED_UNIT = re.compile(P.LISTED_UNIT)
_ANCHOR_AT_THE_END = re.compile(f"(?:{P.YOY_ANCHOR}|{P.BUDGET_ANCHOR})$")
_COMPARISON = re.compile(P.COMPARISON)
_PARENS = re.compile(r"[()]")
# With a word each template prints (the literal it starts with, else its value's unit): a cheap test
# before the regex, on every sentence.
_PROFILE_PATTERNS = tuple((key, re.findall(r"^[\u4e00-\u9fff]*", t)[0] or P.value_word(t), P.compile_template(t))
                          for key, t in P.PROFILE_PATTERNS)
_PROFILE_KINDS = re.compile(P.PROFILE_KINDS)
_PROFILE_KIND_ITEM = P.compile_template(P.PROFILE_KIND_ITEM)
_UNIT_KIND_ITEM = P.compile_template(P.UNIT_KIND_ITEM)
_UNITS_TOTAL = P.compile_template(P.UNITS_TOTAL)
_UNITS_SECTION = re.compile(P.UNITS_SECTION)
_UNIT_LIST_ROW = re.compile(P.UNIT_LIST_ROW)
_TITLE = re.compile(P.TITLE_RE)
_TABLE_TITLE_YEAR = re.compile(P.TABLE_TITLE_YEAR_RE)
_UNIT = re.compile(P.UNIT_RE)
_NAME_FIELDS = tuple((re.compile(rx), context) for rx, context in P.NAME_FIELDS)
_NAME_FIELD = re.compile(P.NAME_FIELD_RE)
_REGION = re.compile(P.REGION_RE)
_NAME_MENTION_REST = re.compile(rf"[\u4e00-\u9fff()]{{0,25}}?{P.ORG_SUFFIX}(?={P.NAME_FOLLOWERS})")  # see _NameMentions
_NAME_LIKE = re.compile(rf"^[\u4e00-\u9fff()]{{4,40}}{P.ORG_SUFFIX}{P.NAME_QUALIFIER}$")
# A line of a function-classification table: '2013101 行政运行 412.50' / '201 06 01 行政运行' / '20131'.
# (Some PDF producers glue the code to the name: '2010601行政运行'.)
# (A code part is never the start of an amount: '208 05 118.40' is 208 05 and an amount.)
_FUNCTION_CODE_LINE = re.compile(r"^(?P<code>2\d{2}(?:\s*\d{2}(?!\d*[.,]\d)){0,2})(?:\s*(?P<name>[^\s\d][^\s\d]*))?(?P<rest>[\d,.\s-]*)$")
_NAME_ONLY_LINE = re.compile(r"^[^\s\d]+$")
_CODE_PART_LINE = re.compile(r"^\d{2}$")

# Part kinds whose sentences state narrative facts (those of the second set when the document has
# none of the first), and the name-variant context of each part.
NARRATIVE_PARTS = {"narrative"}
NARRATIVE_PARTS_ELSE = {"other", "front"}
# Only the sentences of these parts are read by their topic and context: the headings of the other
# parts (most of them the row labels of the tables) are neither compacted nor matched against the topics.
PARTS_READ_BY_TOPIC = NARRATIVE_PARTS | NARRATIVE_PARTS_ELSE
NAME_CONTEXT_BY_PART = {"front": "profile", "profile": "profile", "tables": "table_header", "annex": "form"}


# ---------------------------------------------------------------------------------------------
# Document structure: parts, headings, paragraphs, sentences
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SourceLines:
    """The source lines of the document's paragraphs, and where each starts in their texts joined
    (see _sentences)."""

    lines: tuple[Line, ...]
    starts: list[int]
    # The paragraphs with lines that hold numbers put back from the line below (see displaced.py):
    # their `lines` are not in reading order, and a span's lines are sorted.
    displaced: frozenset[int]

    def line_at(self, index: int) -> int:
        """The position in `lines` of the line holding character `index` of the joined text."""
        return bisect_right(self.starts, index) - 1


@dataclass  # not frozen: a document has hundreds, and a frozen one takes three times as long to make
class Sentence:
    text: str  # as printed, its lines joined
    compact: str  # whitespace removed: what the patterns match
    source: _SourceLines  # the lines of the document's paragraphs
    start: int  # where `text` starts in their joined text
    part: str  # kind of the enclosing 第N部分 part
    section: str  # the innermost heading, as printed
    topic: str | None  # None outside PARTS_READ_BY_TOPIC, as the context
    context: tuple[str, ...]  # where a subject is named when the sentence does not: item lead, headings (inner first)
    paragraph: int
    # of a sentence spelled out (see _spelled_out): the index in the printed compact text of each
    # character of `compact`
    compact_at: list[int] | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        """The source lines it spans."""
        first = self.source.line_at(self.start)
        last = self.source.line_at(self.start + len(self.text) - 1)
        lines = self.source.lines[first : last + 1]
        return tuple(sorted(set(lines), key=_reading_order)) if self.paragraph in self.source.displaced else lines

    def provenance(self, start: int, end: int) -> Provenance:
        """The source lines of the compact span [start, end)."""
        return self._provenance(*self._text_indexes(start, max(end - 1, start)))

    def printed(self, start: int, end: int) -> tuple[str, Provenance]:
        """The non-empty compact span [start, end) as printed (with its spaces), and its source lines."""
        first, last = self._text_indexes(start, end - 1)
        return self.text[first : last + 1], self._provenance(first, last)

    def _provenance(self, first_index: int, last_index: int) -> Provenance:
        """The source lines from character first_index of `text` to character last_index."""
        starts, lines = self.source.starts, self.source.lines
        first = bisect_right(starts, self.start + first_index) - 1  # (as line_at, without two calls)
        last = bisect_right(starts, self.start + last_index) - 1
        if self.paragraph in self.source.displaced:
            span = sorted(lines[first : last + 1], key=_reading_order)
            return Provenance(span[0].no, span[-1].no, span[0].page)
        first_line = lines[first]
        return Provenance(first_line.no, lines[last].no if last != first else first_line.no, first_line.page)

    def _text_indexes(self, first: int, last: int) -> tuple[int, int]:
        """Index in `text` of characters `first` and `last` of `compact` (the last one beyond it):
        both ends of a span in one call."""
        end = len(self.compact) - 1
        first, last = first if first < end else end, last if last < end else end  # (min: a call)
        if self.compact_at is not None:
            first, last = self.compact_at[first], self.compact_at[last]
        in_text, in_compact = self._pieces
        first_piece, last_piece = bisect_right(in_compact, first) - 1, bisect_right(in_compact, last) - 1
        return in_text[first_piece] + first - in_compact[first_piece], in_text[last_piece] + last - in_compact[last_piece]

    @cached_property
    def _pieces(self) -> tuple[list[int], list[int]]:
        """Where each whitespace-free piece of `text` starts, in `text` and in `compact` (after the
        pieces before it: their lengths added up). (str.split, not a regex, which would test its
        class of characters one by one.)"""
        pieces = self.text.split()
        in_compact = list(accumulate(map(len, pieces), initial=0))
        if in_compact.pop() + len(pieces) - 1 == len(self.text):  # one space between each two (most often)
            return list(map(add, in_compact, count())), in_compact
        in_text, at = [], 0
        for piece in pieces:
            at = self.text.find(piece, at)  # (only whitespace before it: the first occurrence)
            in_text.append(at)
            at += len(piece)
        return in_text, in_compact


def _reading_order(line: Line) -> tuple[int, int]:
    return line.page or 0, line.no


@dataclass
class Heading:
    text: str  # as printed
    compact: str
    topic: str | None


@dataclass
class _Scope:
    """The headings a paragraph stands under: the section (一、) and the subsection ((一)) in it."""

    outer: Heading | None
    inner: Heading | None
    section: str  # the innermost heading, as printed
    topic: str | None
    context: tuple[str, ...]  # the headings, inner first


def _scope(outer: Heading | None, inner: Heading | None) -> _Scope:
    heading = inner or outer  # a subsection has its section's topic, if any (see _heading_in)
    return _Scope(outer, inner, heading.text if heading else "", heading.topic if heading else None,
                  tuple(filter(None, (inner.compact if inner else None, outer.compact if outer else None))))


NO_HEADINGS = _scope(None, None)


@dataclass
class _Paragraph:
    # Its chunks: each a line's text or the end of it (the text after a heading), and that line.
    lines: list[Line]
    texts: list[str]
    part: str
    scope: _Scope
    context: tuple[str, ...]  # see Sentence.context


@dataclass(frozen=True)
class _Sentences:
    """The document's sentences in order, as columns: a Sentence is made only for one that is read
    (most are only searched, in Document.compacts, or passed over by their part or section)."""

    texts: list[str]
    compacts: list[str]
    starts: list[int]  # where each starts in the paragraphs' texts joined (see _SourceLines)
    numbers: list[int]  # the paragraph of each
    parts: list[str]  # the part of each
    sections: list[str]  # the section of each
    paragraphs: list[_Paragraph]
    source: _SourceLines
    made: dict[int, Sentence] = field(default_factory=dict)  # each is made once: the facts and the truncation read the same

    def __getitem__(self, index: int) -> Sentence:
        sentence = self.made.get(index)
        if sentence is None:
            number = self.numbers[index]
            paragraph = self.paragraphs[number]
            sentence = self.made[index] = Sentence(self.texts[index], self.compacts[index], self.source, self.starts[index], paragraph.part,
                                                   paragraph.scope.section, paragraph.scope.topic, paragraph.context, number)
        return sentence

    def in_parts(self, parts: set[str]) -> list[Sentence]:
        """The sentences in the given kinds of part (compress: no Python step per sentence passed over)."""
        return self.at(compress(range(len(self.parts)), map(parts.__contains__, self.parts)))

    def at(self, indexes: Iterable[int]) -> list[Sentence]:
        """The sentences of the given indexes."""
        return list(map(self.__getitem__, indexes))


@dataclass(frozen=True)
class Part:
    number: int  # N of its 第N部分 title (0 when the numeral is not read)
    kind: str  # see narrative_patterns.PART_KINDS
    line: Line  # its title line


@dataclass(frozen=True)
class Document:
    lines: tuple[Line, ...]
    texts: tuple[tuple[Line, str], ...]  # the lines that are not blank, and their text stripped
    joined: str  # those texts, each after a newline: one search over it finds the lines that matter
    sentences: _Sentences
    # The sentences' compact texts, each after a newline: one search over it finds the sentences
    # that hold a word (see _lines_holding).
    compacts: str
    function_names: dict[str, str]  # function subject code -> name, from the document's tables
    parts: tuple[Part, ...]  # every 第N部分 title in order (a contents list included)
    headings: tuple[DocumentHeading, ...]
    # (text, topic) -> its subject mentions (see _mentions): the values of a sentence look up the same ones.
    mentions: dict[tuple[str, str], list[tuple[int, int, str]]] = field(default_factory=dict)
    issues: tuple[ParseIssue, ...] = ()  # numbers moved below their line that could not be put back


_last_document: list[tuple[list[Line], Document]] = []


def _document(lines: list[Line]) -> Document:
    """The document's sentences, built once for the list of lines that extract_profile and
    extract_facts are both given (the last list seen is remembered by identity)."""
    if _last_document and _last_document[0][0] is lines:
        return _last_document[0][1]
    document = _build_document(lines)
    _last_document[:] = [(lines, document)]
    return document


def release_document() -> None:
    """Drop the remembered sentence model once its last reader is done: it holds every line, so kept
    alive it would be walked by the garbage collector's next pass and kept until the next document."""
    _last_document.clear()


def _build_document(lines: list[Line]) -> Document:
    stripped = list(map(str.strip, map(itemgetter(1), lines)))  # (a Line's text) map, compress, filter: no Python loop per line
    kept = list(filter(None, stripped))
    kept_lines = list(compress(lines, stripped))
    texts = tuple(zip(kept_lines, kept))
    # the second of two lines in a row that read the same and are a sentence's (compress: no Python
    # step per line that differs from the one before; operator.eq, not the slower str.__eq__ wrapper)
    twice = [i for i in compress(range(1, len(kept)), map(eq, kept, kept[1:])) if REPEATED_LINE_RE.match(kept[i])]
    repeated = [ParseIssue("info", "line_printed_twice", f"line {line.no} repeats the line before it: the narrative "
                           "reads it once", Provenance(line.no, line.no, line.page)) for line, _ in map(texts.__getitem__, twice)]
    if twice:
        dropped = set(twice)
        texts = tuple(text for i, text in enumerate(texts) if i not in dropped)
        kept_lines, kept = [line for line, _ in texts], [text for _, text in texts]
    restored = restore_displaced(texts, "\n" + "\n".join(kept))
    if restored.texts is not texts:  # numbers put back (rare): the lines and their texts apart again
        kept_lines, kept = list(map(itemgetter(0), restored.texts)), list(map(itemgetter(1), restored.texts))
    texts, joined = restored.texts, restored.joined
    content = _content(kept_lines, kept, joined)
    numbered = _numbered_lines(content)
    paragraphs = _paragraphs(content, numbered)
    sentences, compacts = _sentences(paragraphs, restored.pieces)
    parts = tuple(Part(_part_number(n.text) or 0, n.kind, content.sources[n.at]) for n in numbered if n.mark == "part")
    headings = _headings(content, numbered, _run_in_headings(content.joined))
    return Document(tuple(lines), texts, joined, sentences, compacts, _function_names(texts, joined), parts, headings,
                    issues=(*repeated, *restored.issues))


def _line_matches(joined: str, rx: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Every match of rx in the joined lines, with the index of the line it starts in: one search
    of the whole text instead of a call per line, most of which find nothing. A pattern that
    starts with a newline (a match at a line start) lets the regex engine skip to each newline."""
    matches = list(rx.finditer(joined))
    return zip(newlines_before(joined, [match.start() for match in matches]), matches)


@dataclass
class _Content:
    """The lines that carry text (page numbers and figure captions dropped)."""

    sources: list[Line]  # each line
    texts: list[str]  # and its text stripped
    marks: list[str | None]  # the marker of each line (see _marker)
    numbered: list[int]  # the index of each line with a marker
    joined: str  # their texts, each after a newline (see Document.joined)
    has_parts: bool  # whether a 第N部分 title starts a line (else all is narrative)


def _content(lines: list[Line], texts: list[str], joined: str) -> _Content:
    """The content of the lines that are not blank and their texts stripped, `joined` those texts
    each after a newline. The lines and their texts are kept apart: a paragraph takes a slice of
    each, and the sentences their concatenation, with no Python step per line."""
    noise: list[int] = []  # the index of each dropped line
    numbered: list[int] = []
    numbered_marks: list[str] = []
    kept: list[str] = []  # the pieces of `joined` between the dropped lines
    kept_from = 0  # joined[:kept_from] is placed
    for i, kind in _line_matches(joined, LINE_KIND_RE):
        if kind.lastgroup == "noise":  # the match is the whole line, from the newline before it
            noise.append(i)
            kept.append(joined[kept_from : kind.start()])
            kept_from = kind.end()
        else:
            numbered.append(i - len(noise))  # its index once the lines before it are dropped
            numbered_marks.append(kind.lastgroup)
    kept.append(joined[kept_from:])
    if noise:
        lines, texts = without(lines, noise), without(texts, noise)
    marks: list[str | None] = [None] * len(texts)  # (set at the few numbered lines: no list per run of text)
    for at, mark in zip(numbered, numbered_marks):
        marks[at] = mark
    return _Content(lines, texts, marks, numbered, "".join(kept), "part" in numbered_marks)


def _part_number(title: str) -> int | None:
    numeral = PART_NUMBER_RE.match(title)
    return chinese_number(numeral.group(1)) if numeral else None


def _marker(text: str) -> str | None:
    """'part' (第N部分), 'h0' (一、), 'h1' ((一)), 'item' (1. / 1、) or None for running text."""
    match = MARKER_RE.match(text)
    return match.lastgroup if match else None


class _Numbered(NamedTuple):
    """A line that starts with a marker, read once for the paragraphs and the headings."""

    at: int  # its index in the content lines
    mark: str  # see _marker
    text: str  # a part title or a heading, joined over its wrapped lines; the line of an item
    last: int  # the index of its last line
    rest: str = ""  # the text run into a heading's last line after it
    kind: str = ""  # the kind of a part
    running: bool = False  # a paragraph numbered like a subsection (see STATED_VALUE_RE)


def _numbered_lines(content: _Content) -> list[_Numbered]:
    numbered = []
    section = 0  # the number of the part's last section heading
    for i in content.numbered:
        mark = content.marks[i] or ""  # a numbered line has a marker
        if mark == "part":
            title, last = _part_title(content, i)
            numbered.append(_Numbered(i, mark, title, last, kind=_part_kind(title)))
            section = 0
        elif mark in HEADING_LEVELS:
            heading_text, rest, last = _heading_at(content, i)
            number = _section_number(heading_text) if mark == "h0" else 0
            # a section number that does not continue the sections before it ('七、…“三公”经费…' / '一、2022
            # 年因公出国(境)费决算 7.8 万元…'): items of the section, numbered as sections
            restarts = 0 < number <= section
            if (mark == "h1" or restarts) and STATED_VALUE_RE.search(heading_text):
                numbered.append(_Numbered(i, mark, content.texts[i], i, running=True))
            elif restarts and _ITEM_HEADING.fullmatch(_compact(MARKER_RE.sub("", heading_text, count=1))):
                numbered.append(_Numbered(i, "h1", heading_text, last, rest))  # an item of the section, as its subsection
            else:
                numbered.append(_Numbered(i, mark, heading_text, last, rest))
                section = number if mark == "h0" else section
        else:
            numbered.append(_Numbered(i, mark, content.texts[i], i))
    return numbered


def _section_number(text: str) -> int:
    return chinese_number(HEADING_NUMBER_RE.search(text)[1]) or 0


def _paragraphs(content: _Content, numbered: list[_Numbered]) -> list[_Paragraph]:
    """Paragraphs: a part title, a heading or a numbered item starts a new one."""
    paragraphs: list[_Paragraph] = []
    lines, texts = content.sources, content.texts
    part = "front" if content.has_parts else "narrative"
    scope = NO_HEADINGS

    def add(chunk_lines: list[Line], chunk_texts: list[str], context: tuple[str, ...] | None = None, topic: str | None = None) -> None:
        if chunk_lines:
            paragraph_scope = replace(scope, topic=topic) if topic else scope
            paragraphs.append(_Paragraph(chunk_lines, chunk_texts, part, paragraph_scope, scope.context if context is None else context))

    first = numbered[0].at if numbered else len(lines)
    add(lines[:first], texts[:first])  # the running text before the first number
    for n, end in zip(numbered, [*(n.at for n in numbered[1:]), len(lines)]):  # a numbered line and the running text after it
        if n.mark == "part":
            part = n.kind
            scope = NO_HEADINGS
            add([lines[n.at]], [texts[n.at]])
            add(lines[n.at + 1 : end], texts[n.at + 1 : end])
        elif n.mark in HEADING_LEVELS and not n.running:
            if n.mark == "h0":
                scope = _scope(_heading_in(part, n.text, None), None)
            else:
                parent_topic = scope.outer.topic if scope.outer else None
                scope = _scope(scope.outer, _heading_in(part, n.text, parent_topic))
            add([lines[n.at]], [n.text])
            if n.rest:  # the text after the heading on its line
                add([lines[n.last], *lines[n.last + 1 : end]], [n.rest, *texts[n.last + 1 : end]])
            else:
                add(lines[n.last + 1 : end], texts[n.last + 1 : end])
        else:
            if n.running:  # it ends the subsection before it
                scope = _scope(scope.outer, None)
            chunk_texts = texts[n.at : end]
            lead = _item_lead("".join(chunk_texts)) if part in PARTS_READ_BY_TOPIC else ""
            add(lines[n.at : end], chunk_texts, (lead, *scope.context) if lead else scope.context, _item_topic(lead, scope.topic))
    return paragraphs


def _item_topic(lead: str, topic: str | None) -> str | None:
    """The narrower topic a numbered item's lead names in its section, if any (see P.ITEM_TOPICS)."""
    return next((item for item, rx in _ITEM_TOPICS.get(topic or "", ()) if rx.fullmatch(lead)), None)


def _heading_in(part: str, text: str, parent_topic: str | None) -> Heading:
    """A heading of the part; a subsection has its section's topic, if any, unless it names a part
    of it (see NARROWER_TOPICS)."""
    if part not in PARTS_READ_BY_TOPIC:
        return Heading(text, "", None)  # no context, no topic (see PARTS_READ_BY_TOPIC)
    compact = _compact(text)
    if parent_topic is None:
        return Heading(text, compact, _topic(compact))
    narrower = P.NARROWER_TOPICS.get(parent_topic)
    own = _topic(compact) if narrower else None  # (most sections have no narrower topic: no search)
    return Heading(text, compact, own if own in (narrower or ()) else parent_topic)


def _heading_at(content: _Content, i: int) -> tuple[str, str, int]:
    """The heading that starts line i (a short last piece on the next line joined), the text run
    into its line after it, and the index of its last line."""
    texts = content.texts
    heading_text, rest = _split_heading(texts[i])
    if not rest and "。" not in heading_text and i + 1 < len(texts) and _continues_heading(heading_text, texts[i + 1], content.marks[i + 1]):
        i += 1
        heading_text, rest = _split_heading(heading_text + texts[i])
    return heading_text, rest, i


def _split_heading(text: str) -> tuple[str, str]:
    """'(一)机关运行经费支出情况。本年...' -> the heading (up to its 。) and the text after it."""
    head, stop, rest = text.partition("。")
    return head + stop, rest.strip()


def _continues_heading(heading: str, text: str, mark: str | None) -> bool:
    """Whether an unnumbered line continues the heading: its short last piece, or its whole title
    after a number printed alone ('三、' / '支出决算情况说明')."""
    return mark is None and (len(text) <= SHORT_CONTINUATION or MARKER_RE.fullmatch(heading.strip()) is not None)


def _part_kind(title: str) -> str:
    compact = _compact(title)
    return next((kind for kind, rx in _PART_KINDS if rx.search(compact)), "other")


def _topic(compact_heading: str) -> str | None:
    if not _ANY_TOPIC.search(compact_heading):
        return None
    return next((topic for topic, rx in _TOPICS if rx.search(compact_heading)), None)


def _compact(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------------------------------------
# Headings: every numbered heading, with the numbered list it belongs to
# ---------------------------------------------------------------------------------------------


@dataclass
class _OpenList:
    style: str  # the marker style of its headings: 'h0', 'h1' or 'item'
    list_no: int
    last: int | None  # the number of its last heading


class _Lists:
    """Which numbered list each heading continues, so that a check can expect 1, 2, 3 … in each.

    A part title closes every list; part titles form their own list (a contents list, then the
    body: a 第一部分 starts a new one). A heading continues the open list of its marker style
    and closes the lists opened inside that one, except a 1 under deeper headings or items of
    another style: it starts a list nested in them ('一、是…' inside a (三) subsection). A
    heading whose style has no open list but whose number follows the innermost heading list
    ('(一)…', '二、…', '(三)…') continues that list in the wrong style; otherwise it starts a list."""

    def __init__(self) -> None:
        self.open: list[_OpenList] = []  # outermost first
        self.count = 0
        self.parts: int | None = None

    def part(self, number: int | None) -> int:
        self.open.clear()
        if self.parts is None or number == 1:
            self.count += 1
            self.parts = self.count
        return self.parts

    def place(self, style: str, number: int | None) -> int:
        at = self._innermost(style)
        if at is not None:
            if number != 1 or at == len(self.open) - 1:
                del self.open[at + 1 :]
                return self._continue(self.open[at], number)
        elif self.open and _misstyled(style, number, self.open[-1]):
            return self._continue(self.open[-1], number)
        self.count += 1
        self.open.append(_OpenList(style, self.count, number))
        return self.count

    def _innermost(self, style: str) -> int | None:
        """The index of the innermost open list of the style, if any (a loop: the lists are few)."""
        for at in range(len(self.open) - 1, -1, -1):
            if self.open[at].style == style:
                return at
        return None

    @staticmethod
    def _continue(entry: _OpenList, number: int | None) -> int:
        entry.last = number
        return entry.list_no


def _misstyled(style: str, number: int | None, innermost: _OpenList) -> bool:
    """A heading numbered as the next one of the innermost heading list, in another style."""
    return (style in HEADING_LEVELS and innermost.style in HEADING_LEVELS and number is not None
            and innermost.last is not None and number == innermost.last + 1)


def _headings(content: _Content, numbered: list[_Numbered], run_ins: dict[int, list[str]]) -> tuple[DocumentHeading, ...]:
    """Every numbered heading in document order: part titles, and outside the tables part the
    sections (一、) and subsections ((一)) that start a line or are run into one after a 。.
    Numbered items (1. / 1、) are not recorded but nest the lists opened inside them."""
    headings: list[DocumentHeading] = []
    lists = _Lists()
    part = "front" if content.has_parts else "narrative"
    last_part_title = ""
    at_line = {n.at: n for n in numbered}
    for i in sorted(at_line.keys() | run_ins.keys()):
        line, text, n = content.sources[i], content.texts[i], at_line.get(i)
        if n and n.mark == "part":
            part = n.kind
            title = _compact(n.text)
            if title != last_part_title:  # the same title again is a running page header
                number = _part_number(n.text)
                where = _lines_provenance(line, content.sources[n.last])
                headings.append(DocumentHeading("part", number, n.text, part, lists.part(number), where))
            last_part_title = title
            continue
        if part in PARTS_WITHOUT_HEADINGS or ("." in text and TABLE_AMOUNT_RE.search(text)):  # (an amount prints a '.')
            continue
        if n and n.mark == "item":
            lists.place(n.mark, int(ITEM_NUMBER_RE.search(text)[0]))
        elif n and n.running:  # no heading, but a subsection's number continues the subsections' list
            if n.mark == "h1":
                lists.place(n.mark, chinese_number(HEADING_NUMBER_RE.search(text)[1]))
        elif n:
            if n.mark == "h0" and _is_row_label(n.text):  # (a subsection's '(一)' is no row label)
                continue
            headings.append(_heading(n.mark, n.text, part, lists, _lines_provenance(line, content.sources[n.last])))
        for heading_text in run_ins.get(i, ()):
            headings.append(_heading(_marker(heading_text) or "", heading_text, part, lists, _lines_provenance(line, line)))
    return tuple(headings)


def _run_in_headings(joined: str) -> dict[int, list[str]]:
    """The headings run into a line after a 。, by the index of the line: one search of the joined lines."""
    found: dict[int, list[str]] = {}
    for newlines, run_in in _line_matches(joined, RUN_IN_HEADING_RE):
        line_end = joined.find("\n", run_in.end())
        heading_text, _ = _split_heading(joined[run_in.end() : line_end if line_end >= 0 else len(joined)])
        found.setdefault(newlines - 1, []).append(heading_text)  # each line follows its newline
    return found


def _is_row_label(text: str) -> bool:
    """Only Table 1 / 4 row labels after their numbers ('九、卫生健康支出', two sides on one line)."""
    labels = [squash(ROW_LABEL_NOISE_RE.sub("", piece)) for piece in SECTION_NUMBER_RE.split(text)]
    return len(labels) > 1 and not labels[0] and all(label in TABLE_ROW_LABELS for label in labels[1:] if label)


def _heading(mark: str, text: str, part: str, lists: _Lists, provenance: Provenance) -> DocumentHeading:
    number = chinese_number(HEADING_NUMBER_RE.search(text)[1])
    return DocumentHeading(HEADING_LEVELS[mark], number, text, part, lists.place(mark, number), provenance)


def _part_title(content: _Content, i: int) -> tuple[str, int]:
    """The part title that starts line i, joined over its wrapped lines until its words name a
    kind of part, and the index of its last line."""
    texts = content.texts
    title, last = texts[i], i
    while (_part_kind(title) == "other" and last + 1 < min(i + PART_TITLE_LINES, len(texts))
           and content.marks[last + 1] is None and "。" not in texts[last + 1]):
        last += 1
        title += texts[last]
    return title, last


def _lines_provenance(first: Line, last: Line) -> Provenance:
    return Provenance(first.no, last.no, first.page)


def _item_lead(text: str) -> str:
    """The lead of a numbered item's paragraph, compact: up to its first 。 or :, number dropped."""
    return _compact(ITEM_LEAD_END_RE.split(ITEM_RE.sub("", text, count=1), maxsplit=1)[0])


def _sentences(paragraphs: list[_Paragraph], pieces: dict[Line, tuple[tuple[Line, str], ...]]) -> tuple[_Sentences, str]:
    """The paragraphs' sentences (split after each 。), each knowing the source lines it spans, and
    their compact texts each after a newline. One search of the paragraphs' texts joined finds them,
    and map builds their columns: no search per paragraph and no Python step per sentence."""
    lines: list[Line] = []  # the chunks' lines and texts (see _Paragraph)
    texts: list[str] = []
    breaks: list[int] = []  # the chunk that ends each paragraph
    displaced = []
    for no, paragraph in enumerate(paragraphs):
        if pieces and any(map(pieces.__contains__, paragraph.lines)):
            displaced.append(no)
            piece_lines, piece_texts = _in_pieces(paragraph.lines, paragraph.texts, pieces)
            lines += piece_lines
            texts += piece_texts
        else:
            lines += paragraph.lines
            texts += paragraph.texts
        breaks.append(len(texts))
        lines.append(lines[-1])  # the paragraph break, at its last line
        texts.append("\n")
    if not texts:
        return _Sentences([], [], [], [], [], [], paragraphs, _SourceLines((), [], frozenset())), "\n"
    source = _SourceLines(tuple(lines), list(accumulate(map(len, texts), initial=1)), frozenset(displaced))
    matches = list(SENTENCE_RE.finditer("\n" + "".join(texts)))  # each paragraph after a newline
    starts = list(map(re.Match.start, matches))
    sentence_texts = list(map(re.Match.group, matches))
    compacts, joined = _compacts(sentence_texts)
    numbers = list(map(bisect_right, repeat(list(map(source.starts.__getitem__, breaks)), len(starts)), starts))
    of_paragraph = list(map(paragraphs.__getitem__, numbers))
    sentences = _Sentences(sentence_texts, compacts, starts, numbers, list(map(attrgetter("part"), of_paragraph)),
                           list(map(attrgetter("scope.section"), of_paragraph)), paragraphs, source)
    return sentences, joined


def _compacts(texts: list[str]) -> tuple[list[str], str]:
    """The texts with their whitespace removed, and those each after a newline. Most texts print no
    whitespace but spaces: then their spaces are removed at once, from the texts joined (which
    whitespace.split() then cuts back into one piece per text: a piece more shows other whitespace)."""
    joined = "\n".join(texts).replace(" ", "")
    compacts = joined.split()
    if len(compacts) == len(texts):  # (no text is empty or only whitespace: see SENTENCE_RE)
        return compacts, "\n" + joined
    compacts = list(map("".join, map(str.split, texts)))
    return compacts, "\n" + "\n".join(compacts)


def _in_pieces(lines: list[Line], texts: list[str], pieces: dict[Line, tuple[tuple[Line, str], ...]]) -> tuple[list[Line], list[str]]:
    """The chunks (their lines and texts), those of lines with numbers put back split into the
    pieces of their source lines. A chunk is its line's text or the end of it (the text after a heading)."""
    split_lines: list[Line] = []
    split_texts: list[str] = []
    for line, text in zip(lines, texts):
        if line not in pieces or not line.text.endswith(text):
            split_lines.append(line)
            split_texts.append(text)
            continue
        skip = len(line.text) - len(text)  # the characters of the line before the chunk
        for source, piece in pieces[line]:
            if skip < len(piece):
                split_lines.append(source)
                split_texts.append(piece[skip:])
            skip = max(skip - len(piece), 0)
    return split_lines, split_texts


def _function_names(lines: tuple[tuple[Line, str], ...], joined: str) -> dict[str, str]:
    """Function subject code -> name as printed in the document's tables (names joined across wraps).
    A name printed on its code's line or after it wins over one read from the line above (which
    may be half a name wrapped around the code's line)."""
    names: dict[str, str] = {}
    names_above: dict[str, str] = {}
    for i, _ in _line_matches(joined, FUNCTION_CODE_START_RE):
        match = _FUNCTION_CODE_LINE.match(lines[i][1])
        if not match:
            continue
        code, after = match["code"].replace(" ", ""), i + 1
        name, alone = match["name"] or "", not match["rest"].strip()
        while not name and alone and len(code) in (3, 5) and after < len(lines) \
                and _CODE_PART_LINE.match(lines[after][1]):  # '208' / '05' / '01': a code printed piece by piece
            code += lines[after][1]
            after += 1
        if len(code) not in (3, 5, 7):
            continue
        if alone:  # the name may continue on the next lines, up to the amounts
            for _, following in lines[after : after + 3]:
                if not _NAME_ONLY_LINE.match(following):
                    break
                name += following
        elif not name and i > 0 and _NAME_ONLY_LINE.match(lines[i - 1][1]):
            names_above.setdefault(code, lines[i - 1][1])  # some tools print a row's name above its code and amounts
        if name:
            names.setdefault(code, name)
    return names_above | names


# ---------------------------------------------------------------------------------------------
# Truncation
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Truncation:
    part: str  # the kind of part the text ends in
    reason: str
    provenance: Provenance


def truncation(lines: list[Line]) -> Truncation | None:
    """Whether the text ends before the document does: the parts announced by its contents list
    are not all reached, or it ends in a part the 情况说明 always follows, or in a 情况说明
    that lacks sections of the template or stops inside a sentence. None when the document has
    no 第N部分 titles to judge by."""
    document = _document(lines)
    if not document.parts:
        return None
    restarts = [i for i, part in enumerate(document.parts) if part.number == 1]
    body = document.parts[restarts[-1] if restarts else 0 :]  # the parts after a contents list
    last = body[-1]
    end = next((line for line in reversed(document.lines) if line.text.strip()), last.line)
    where = Provenance(last.line.no, end.no, end.page)
    announced = max(part.number for part in document.parts)
    if last.number < announced:
        return Truncation(last.kind, f"the contents announce 第{announced}部分 but the text ends in 第{last.number}部分 "
                          f"(line {end.no})", where)
    if last.kind in P.PARTS_BEFORE_NARRATIVE and not any(part.kind == "narrative" for part in body):
        return Truncation(last.kind, f"the text ends in the {last.kind} part (line {end.no}): no 情况说明 follows", where)
    if last.kind != "narrative":
        return None
    sentences = [s for s in document.sentences.in_parts({"narrative"}) if s.lines[0].no >= last.line.no]
    missing = [topic for topic in P.REQUIRED_TOPICS if topic not in {s.topic for s in sentences}]
    if missing:
        return Truncation(last.kind, f"the 情况说明 ends at line {end.no} without the sections on {', '.join(missing)}", where)
    if sentences and not sentences[-1].compact.endswith(P.SENTENCE_ENDS):
        return Truncation(last.kind, f"the text ends inside a sentence at line {end.no}: «{sentences[-1].text[-30:]}»", where)
    return None


# ---------------------------------------------------------------------------------------------
# Narrative facts
# ---------------------------------------------------------------------------------------------


def extract_facts(lines: list[Line], fiscal_year: int | None = None, department_name: str = "") -> tuple[list[Fact], list[ParseIssue]]:
    """The facts stated by the narrative sections (情况说明 and the sections after it); with the
    document's fiscal year, an amount a sentence states for another year is not recorded, and
    with its name, one of a part of the department (本级) when the document is not that part."""
    document = _document(lines)
    narrative = document.sentences.in_parts(NARRATIVE_PARTS)
    if not narrative:  # a document without 第N部分 parts, or with unusual part titles
        narrative = document.sentences.in_parts(NARRATIVE_PARTS_ELSE)
    facts: list[Fact] = []
    issues: list[ParseIssue] = []
    whole = (fiscal_year, P.PART_OF_THE_DEPARTMENT_NAMED not in department_name)  # see _sentence_facts
    for _, in_paragraph in groupby(narrative, key=attrgetter("paragraph")):  # the sentences are in paragraph order
        sentences = list(in_paragraph)
        paragraph_facts: list[Fact] = []
        for index, sentence in enumerate(sentences):
            if sentence.topic is None:
                sentence = _topic_by_wording(sentence)
            if sentence.topic in _TOPIC_PATTERNS:
                _sentence_facts(_spelled_out(sentence, issues), sentences[:index], document, paragraph_facts, issues, whole)
        for fact in _one_side_as_total(paragraph_facts):
            if fact.subject != P.OUTSIDE_TOPIC:
                facts.append(fact)
            else:
                issues.append(ParseIssue("info", "subject_outside_topic", f"{fact.fact_key} {fact.printed}: the "
                                         "sentence is about something beside the section's subjects (会议费, 培训费; a "
                                         "line of the total), or an item whose name does not say which it is, so it "
                                         "is not recorded", fact.provenance))
    issues += document.issues
    issues += [
        ParseIssue("info", "subject_unresolved", f"{f.fact_key}: the subject names {f.subject!r} match no code of the document's tables", f.provenance)
        for f in facts
        if "/" in f.subject or (f.fact_key in _FUNCTION_SUBJECT_KEYS and f.subject != P.DEFAULT_SUBJECT
                                and not f.subject.isdigit())
    ]
    cut = truncation(lines)
    if cut:
        issues.append(ParseIssue("error", "truncated", f"the file is truncated: {cut.reason}", cut.provenance))
    if narrative and not facts:
        first = narrative[0]
        issues.append(
            ParseIssue("warn", "narrative_no_facts", "no fact of the vocabulary was recognised in the narrative sections", Provenance(first.lines[0].no, first.lines[-1].no, first.lines[0].page))
        )
    return facts, issues


def _topic_by_wording(sentence: Sentence) -> Sentence:
    """A sentence under a heading that names no topic, with the topic its wording names (see
    P.TOPICS_BY_WORDING), if any."""
    for topic, word, rx in _TOPICS_BY_WORDING:
        if word in sentence.compact and rx.search(sentence.compact):
            return replace(sentence, topic=topic)
    return sentence


def _one_side_as_total(facts: list[Fact]) -> list[Fact]:
    """The paragraph's facts, a change of one side of the grand total (收入总计 …增加) given to the
    total unless the paragraph states a change of the other side too (see P.SIDES)."""
    sides = {f.subject for f in facts if f.subject in P.SIDES}
    if not sides or len(sides) == len(P.SIDES):
        return facts
    return [replace(f, subject=P.DEFAULT_SUBJECT) if f.subject in P.SIDES else f for f in facts]


def _spelled_out(sentence: Sentence, issues: list[ParseIssue]) -> Sentence:
    """The sentence with each list of subjects and their values (P.RESPECTIVE_LIST: 'A、B 分别为 x、y')
    spelled out as one statement per subject ('A为x,B为y'), each character mapped to the printed one
    it stands for (a name's and a value's to their own, the verb's to the verb's, the comma to the
    separator before the value), so that a fact keeps its printed text and lines. A list whose
    subjects and values do not pair up is reported and left as printed."""
    compact = sentence.compact
    if "分别" not in compact:
        return sentence
    spelled: list[str] = []
    at: list[int] = []

    def keep(start: int, end: int) -> None:
        spelled.append(compact[start:end])
        at.extend(range(start, end))

    done = 0
    names: list[tuple[int, int]] = []
    anchor = (0, 0)
    for match in _RESPECTIVE_LIST.finditer(compact):
        values = _listed_values(compact, *match.span("values"))
        if match["names"]:
            names, anchor = _listed_names(compact, match.span("names"), len(values))
        elif not names:  # no list before it names its subjects
            continue
        if len(names) != len(values):
            issues.append(ParseIssue("info", "values_listed", f"'{match[0]}': the sentence lists {len(names)} subjects "
                                     f"and {len(values)} values, so which value is whose is not read",
                                     sentence.provenance(match.start(), match.end())))
            continue
        verb = P.LIST_VERBS.get(match["verb"], match["verb"])
        verb_at = [match.start("verb")] * len(verb) if verb != match["verb"] else list(range(*match.span("verb")))
        keep(done, match.start("names"))  # (a list that names no subjects: up to its 分别, the break kept)
        for i, (name, (number, unit, unit_at)) in enumerate(zip(names, values, strict=True)):
            if i:
                spelled.append(",")
                at.append(number[0] - 1)  # the separator before the value
            keep(*name)
            keep(*anchor)
            spelled.append(verb)
            at.extend(verb_at)
            keep(*number)
            spelled.append(unit)
            at.extend(unit_at)
        done = match.end()
    if not done:
        return sentence
    keep(done, len(compact))
    return replace(sentence, compact="".join(spelled), compact_at=at)


def _listed_values(compact: str, start: int, end: int) -> list[tuple[tuple[int, int], str, list[int]]]:
    """Each value of a list in compact[start:end]: its number's span, its unit, and where each
    character of the unit is printed. A unit printed once after the last number ('310、1540 万元') is
    every number's, placed at the number's last digit: the value's printed text is its number."""
    numbers = list(_LISTED_NUMBER.finditer(compact, start, end))
    shared = _LISTED_UNIT.match(compact, numbers[-1].end(), end)
    values = []
    for number in numbers:
        unit = _LISTED_UNIT.match(compact, number.end(), end) or shared
        unit_at = list(range(*unit.span())) if unit.start() == number.end() else [number.end() - 1] * len(unit[0])
        values.append((number.span(), unit[0], unit_at))
    return values


def _listed_names(compact: str, span: tuple[int, int], values: int) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The spans of the subjects a list names in `span`, and that of the anchor it ends with, if any
    ('A、B 较上年', empty else): the subjects parted by 、, the last two by a joiner (P.NAME_JOINERS) when
    that pairs them with the values."""
    start, end = span
    anchor = _ANCHOR_AT_THE_END.search(compact, start, end)
    end = anchor.start() if anchor else end
    names, name_start = [], start
    for separator in re.finditer(P.NAME_SEPARATOR, compact[start:end]):
        names.append((name_start, start + separator.start()))
        name_start = start + separator.end()
    names.append((name_start, end))
    if len(names) == values - 1:
        names[-1:] = _joined_pair(compact, names[-1])
    return [name for name in names if name[0] < name[1]], anchor.span() if anchor else (end, end)


def _joined_pair(compact: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The span as two names joined by a word of P.NAME_JOINERS (the first that stands there once,
    outside a name holding it), or as it is."""
    start, end = span
    inside = [(found.start() + start, found.end() + start) for name in P.NAMES_WITH_A_JOINER
              for found in re.finditer(name, compact[start:end])]
    for joiner in P.NAME_JOINERS:
        places = [found.start() + start for found in re.finditer(joiner, compact[start:end])
                  if not any(a <= found.start() + start < b for a, b in inside)]
        if len(places) == 1:
            return [(start, places[0]), (places[0] + len(joiner), end)]
    return [span]


def _sentence_facts(sentence: Sentence, before: list[Sentence], document: Document, out: list[Fact],
                    issues: list[ParseIssue], whole: tuple[int | None, bool] = (None, False)) -> None:
    """Append the facts of one sentence to `out` (the facts of its paragraph so far), in text order.
    `whole`: the document's fiscal year, and whether it is the whole department (not 本级)."""
    topic, compact = sentence.topic or "", sentence.compact
    events: list[tuple[int, Fact | None, re.Match[str] | None]] = []
    read: set[tuple[str, int]] = set()  # (fact key, value position): a value is read by its first pattern
    marks: _SentenceMarks | None = None  # found once for the sentence, when a value needs them
    for pattern, word, own_word, rx in _TOPIC_PATTERNS.get(topic, ()):
        if own_word not in compact or word not in compact:  # (its own word first: the value's unit is in most)
            continue
        for match in rx.finditer(compact):
            value_at = match.start("v")
            if (pattern.fact_key, value_at) in read:
                continue
            read.add((pattern.fact_key, value_at))
            if pattern.clause_word and pattern.clause_word not in _clause_before(compact, value_at):
                continue
            subject = _subject(pattern.subject, match, sentence, document, before=before)
            key = pattern.fact_key
            if pattern.level and topic in P.CHANGE_KEYS and _anchor_in_clause(compact, match.start()) == "yoy" \
                    and not _CHANGE_AMOUNT.search(compact, match.end()) \
                    and _label_after_the_anchor(compact, match.start()):  # else the change is stated after it
                key = P.CHANGE_KEYS[topic].yoy_amount
            fact = _fact(key, subject, match, sentence)
            if _listed(fact, match, sentence, issues):
                continue
            if _of_another_section(fact, value_at, sentence, issues):
                continue
            marks = marks or _sentence_marks(compact, topic)
            other_year = _another_years(compact, value_at, marks, whole[0], topic)
            if other_year:
                issues.append(ParseIssue("info", "another_year", f"{key} {fact.printed}: {other_year}, not the "
                                         "document's year's, so it is not recorded", fact.provenance))
                continue
            part = _part_of_the_department(compact, value_at, topic) \
                if whole[1] and marks.parts else None
            if part:
                issues.append(ParseIssue("info", "part_of_the_department", f"{key} {fact.printed}: the clause names "
                                         f"'{part}', a part of the department, so it is not recorded", fact.provenance))
                continue
            if pattern.named and subject == P.DEFAULT_SUBJECT:
                issues.append(ParseIssue("info", "subject_unclear", f"{key} {fact.printed}: the sentence names no "
                                         "subject it belongs to, so it is not recorded", fact.provenance))
            elif pattern.total_only and subject != P.DEFAULT_SUBJECT:
                issues.append(ParseIssue("info", "subject_unclear", f"{key} {fact.printed}: the wording does not say "
                                         f"whether it is the total's or {subject}'s, named before it, so it is not "
                                         "recorded", fact.provenance))
            elif _restates_another_value(fact, match, sentence, document, out):
                issues.append(ParseIssue(
                    "warn", "subject_unclear",
                    f"{key} {fact.printed} names no subject, and the one before it ({subject}) already has "
                    f"{key} from another sentence: the statement is not attributed", fact.provenance))
            else:
                events.append((value_at, fact, None))
    if topic in P.CHANGE_KEYS:
        events += [(m.start("dir"), f, None) for m, f in _changes(sentence, before, document, whole[0], issues)
                   if not _listed(f, m, sentence, issues) and not _of_another_section(f, m.start("dir"), sentence, issues)]
    if topic in P.COMPARED_FACTS:
        events += [(m.start(), None, m) for m in _COMPARISON.finditer(compact)]
    if not events:
        return
    # a value read as a kind's amount ('国内接待费支出决算 6.50 万元') is not also its item's
    kinds_values = {position for position, fact, _ in events if fact and fact.fact_key in P.KIND_AMOUNTS}
    if kinds_values:
        events = [event for event in events if event[0] not in kinds_values or event[1] is None
                  or event[1].fact_key in P.KIND_AMOUNTS]
    earlier = len(out)  # the facts of the paragraph's sentences before this one
    stated: list[tuple[int, Fact]] = []  # this sentence's, with their positions
    for position, fact, comparison in sorted(events, key=itemgetter(0)):
        if fact and fact.fact_key == P.PART_OF_THE_TOTAL:
            fact = _part_of_the_total(fact, compact.rfind("其中", 0, position), stated, out[:earlier])
        if fact:
            out.append(fact)
            stated.append((position, fact))
        elif comparison:
            _qualify_compared(comparison, sentence, document, out)
    out[earlier:] = _without_conflicts(out[earlier:], issues)


def _without_conflicts(facts: list[Fact], issues: list[ParseIssue]) -> list[Fact]:
    """A sentence's facts, without those of a subject it names that it gives two values of one key
    ('…其中：政府采购货物支出 1,022.54 万元，其中：政府采购货物支出 595.70 万元': a line printed twice put
    another statement's number there), each reported: which value is the subject's is not known.
    (The whole's, DEFAULT_SUBJECT, may take both sides' totals, which the checks compare, but not two
    changes: '比上年收入增加 50.8%，支出比上年增加 42.5%' names neither side's total; what is outside the
    topic, OUTSIDE_TOPIC, is not recorded anyway.)"""
    if len(facts) < 2:
        return facts
    first: dict[tuple[str, str], Decimal] = {}
    conflicting = {key for fact in facts
                   if first.setdefault(key := (fact.fact_key, fact.subject), fact.value) != fact.value
                   and fact.subject != P.OUTSIDE_TOPIC
                   and (fact.subject != P.DEFAULT_SUBJECT or fact.fact_key in _CHANGE_FACT_KEYS)}
    if not conflicting:
        return facts
    for fact in facts:
        if (fact.fact_key, fact.subject) in conflicting:
            issues.append(ParseIssue("warn", "conflicting_values", f"{fact.fact_key} of {fact.subject} {fact.printed}: "
                                     "the sentence gives it other values too (a line printed twice?), so none is "
                                     "recorded", fact.provenance))
    return [fact for fact in facts if (fact.fact_key, fact.subject) not in conflicting]


class _SentenceMarks(NamedTuple):
    """What a sentence prints that may make its values another year's or another body's."""

    anchors: list[re.Match[str]]  # year-on-year anchors (P.YOY_ANCHOR)
    years: list[re.Match[str]]  # named years (see _named_years)
    parts: bool  # whether it names a part of the department (P.PART_OF_THE_DEPARTMENT)
    anchor_ends: list[int]  # where each anchor ends (see _last_before)
    year_ends: list[int]


def _sentence_marks(compact: str, topic: str) -> _SentenceMarks:
    """The sentence's marks; a sentence of P.ANY_YEAR_TOPICS is not searched for years and parts of
    the department (they do not make its values another's)."""
    anchors = list(_YOY_ANCHOR.finditer(compact)) if _prints_any(compact, P.ANCHOR_WORDS) else []
    if topic in P.ANY_YEAR_TOPICS:  # whatever year and part of the department they name (not searched)
        return _SentenceMarks(anchors, [], False, list(map(re.Match.end, anchors)), [])
    years = _named_years(compact)
    parts = _prints_any(compact, P.PART_OF_THE_DEPARTMENT_WORDS) and _PART_OF_THE_DEPARTMENT.search(compact) is not None
    return _SentenceMarks(anchors, years, parts, list(map(re.Match.end, anchors)), list(map(re.Match.end, years)))


def _named_years(compact: str) -> list[re.Match[str]]:
    """The years the compact text names (P.NAMED_YEAR_FORMS), in text order. Each form is searched on
    its own, from its first characters (one regex of them all, led by the test of the character
    before, would be tried at every character); one right after a character of P.NAMED_YEAR_NOT_AFTER
    does not count, and the search goes on from the character after its start. (No two forms match
    at one place or overlap.)"""
    found = []
    for rx in _NAMED_YEAR_FORMS:
        at = 0
        while (match := rx.search(compact, at)) is not None:
            if match.start() and compact[match.start() - 1] in P.NAMED_YEAR_NOT_AFTER:
                at = match.start() + 1
            else:
                found.append(match)
                at = match.end()
    return sorted(found, key=re.Match.start)


def _prints_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words (a cheap test before a regex every match of which prints one)."""
    for word in words:
        if word in text:
            return True
    return False


def _another_years(compact: str, position: int, marks: _SentenceMarks, fiscal_year: int | None, topic: str) -> str | None:
    """Why the value at `position` is another year's, if it is: the amount a year-on-year change
    compares with (see P.COMPARED_LABEL), or the year the sentence names last before it is not the
    fiscal year (see P.NAMED_YEAR_FORMS; not in P.ANY_YEAR_TOPICS)."""
    anchor = _last_before(marks.anchors, marks.anchor_ends, position)
    if anchor and not anchor[0].endswith(P.COMPARED_ALREADY) \
            and _COMPARED_LABEL.fullmatch(compact, anchor.end(), position) \
            and not _CHANGE_WORD.search(compact, anchor.end(), position):
        return "the year before's amount the change is measured against"
    if topic in P.ANY_YEAR_TOPICS:
        return None
    named = _last_before(marks.years, marks.year_ends, position)
    if named is None or named.lastgroup == "current":
        return None
    if named.lastgroup == "previous":
        return f"the sentence states it for the year before ({named['previous']})"
    year = int(named["year"])
    return f"the sentence states it for {year}" if fiscal_year and year != fiscal_year else None


def _last_before(found: list[re.Match[str]], ends: list[int], position: int) -> re.Match[str] | None:
    """The last of the matches (in text order, none empty: their `ends` increase) that ends by `position`."""
    before = bisect_right(ends, position)
    return found[before - 1] if before else None


def _part_of_the_department(compact: str, position: int, topic: str) -> str | None:
    """The part of the department the value's clause names before it (see P.PART_OF_THE_DEPARTMENT;
    not in P.ANY_YEAR_TOPICS)."""
    if topic in P.ANY_YEAR_TOPICS:
        return None
    named = _PART_OF_THE_DEPARTMENT.search(compact, _clause_start(compact, position), position)
    return named[0] if named else None


def _part_of_the_total(part: Fact, listed_at: int, stated: list[tuple[int, Fact]], earlier: list[Fact]) -> Fact | None:
    """An amount that is only a part of the total stated right before the '其中' it is listed after
    (see P.PART_OF_THE_TOTAL), as that kind of amount; None when no such total stands there."""
    if listed_at < 0:
        return None
    before = [fact for position, fact in stated if position < listed_at]
    total = before[-1] if before else earlier[-1] if earlier and listed_at == 0 else None
    if total is None or total.fact_key not in P.PARTS_OF_TOTALS or total.subject != P.DEFAULT_SUBJECT:
        return None
    return replace(part, fact_key=total.fact_key)


def _listed(fact: Fact, match: re.Match[str], sentence: Sentence, issues: list[ParseIssue]) -> bool:
    """Whether the value is the first of a list of values of its kind ('收、支总计各下降 23.51%、38.28%'),
    one per subject named before it: which subject is whose is not read, so the value is reported
    (an issue appended), not recorded."""
    groups = match.re.groupindex  # (not match.groupdict(), a dict made anew)
    listed_next = _LISTED_NEXT.get(fact.unit)
    if "v" not in groups or listed_next is None:  # a change stated as a word ('持平') lists no value
        return False
    end = match.end("u") if "u" in groups and match["u"] else match.end("v") + 1
    if not listed_next.match(sentence.compact, end):
        return False
    issues.append(ParseIssue("info", "values_listed", f"{fact.fact_key} {fact.printed}: the sentence lists one value "
                             "per subject ('各 …'), so which value is whose is not read", fact.provenance))
    return True


def _restates_another_value(fact: Fact, match: re.Match[str], sentence: Sentence, document: Document,
                            earlier: list[Fact]) -> bool:
    """A statement a subject has once (its budget, its final amount) that names no subject itself,
    when the subject it would take from before already has another value for it from another
    sentence: text moved from elsewhere (an extraction that lost the reading order), not a second
    statement about that subject."""
    if fact.fact_key not in P.ONCE_PER_SUBJECT or fact.subject == P.DEFAULT_SUBJECT:
        return False
    if any(m[1] <= match.start() for m in _mentions(sentence.compact, sentence.topic or "", document)):
        return False
    return any(f.fact_key == fact.fact_key and f.subject == fact.subject and f.value != fact.value
               and f.sentence != fact.sentence for f in earlier)


def _fact(key: str, subject: str, match: re.Match[str], sentence: Sentence, qualifier: str = "") -> Fact:
    # (the number of a template's placeholder, P.NUMBER_TEMPLATES: parse_amount's value, without its
    # tests of other forms)
    value = Decimal(match["v"].replace(",", ""))
    unit_word = match["u"] if "u" in match.re.groupindex else None
    if unit_word is None:  # {pct}: the value is followed by '%'
        unit, end = "%", match.end("v") + 1
    elif unit_word in AMOUNT_UNITS:
        value, unit, end = to_wan(value, unit_word), "万元", match.end("u")
    else:
        unit, end = P.FACT_UNITS.get(key, unit_word), match.end("u")
    printed, provenance = sentence.printed(match.start("v"), end)
    return Fact(sentence.section, key, subject, value, unit, printed, sentence.text, provenance, qualifier)


def _changes(sentence: Sentence, before: list[Sentence], document: Document, fiscal_year: int | None,
             issues: list[ParseIssue]) -> list[tuple[re.Match[str], Fact]]:
    """Stated changes ('减少 512.30 万元', '下降 4.9%', '持平'), keyed by what they compare with."""
    keys = P.CHANGE_KEYS[sentence.topic or ""]
    found = []
    # (an amount's, a percentage's and a listed change start with a direction word: most sentences print none)
    directed = _CHANGE_DIRECTION.search(sentence.compact) is not None
    if directed and sentence.topic in P.SIDES_LISTED_TOPICS and "各" in sentence.compact:
        found += _sides_listed(sentence, before, document, fiscal_year, keys)
    taken = {match.start("dir") for match, _ in found}
    for rx, is_pct in ((_CHANGE_AMOUNT, False), (_CHANGE_PCT, True), (_FLAT, False)) if directed else ((_FLAT, False),):
        for match in rx.finditer(sentence.compact):
            if match.start("dir") in taken:
                continue
            if rx is _FLAT and (_COUNT_BEFORE.search(sentence.compact, 0, match.start())
                                or any(m.start() <= match.start() < m.end() for m in _COMPARISON.finditer(sentence.compact))):
                # '因公出国(境) 0 人次，与上年持平': the count's, which has no change key; '决算数与预算数持平':
                # the actual's comparison with the budget (see _qualify_compared)
                continue
            anchor = _anchor(sentence, match.start(), before, fiscal_year)
            if anchor == "another_year":
                start = match.start("v") if "v" in match.re.groupindex and match["v"] else match.start("dir")
                printed, provenance = sentence.printed(start, match.end())
                issues.append(ParseIssue("info", "another_year", f"{keys.yoy_pct if is_pct else keys.yoy_amount} "
                                         f"{printed}: measured against another year than the year before, or the "
                                         "year before's budget, so it is not recorded", provenance))
                continue
            if anchor == "yoy":
                key = keys.yoy_pct if is_pct else keys.yoy_amount
            elif anchor == "budget" and keys.budget_amount and not is_pct:
                key = keys.budget_amount
            else:
                continue
            subject = _subject("@before", match, sentence, document, before=before)
            if keys.total_only and subject != P.DEFAULT_SUBJECT:
                subject = P.OUTSIDE_TOPIC  # (a class's change: reported, not recorded)
            qualifier = P.DIRECTION_WORDS[match["dir"]]
            if rx is _FLAT:
                fact = Fact(sentence.section, key, subject, Decimal(0), "万元", match["dir"], sentence.text, sentence.provenance(match.start(), match.end()), qualifier)
            else:
                fact = _fact(key, subject, match, sentence, qualifier)
            found.append((match, fact))
    for match in _LISTED_CHANGES.finditer(sentence.compact) if directed else ():
        if match.start("dir") in taken:
            continue
        printed, provenance = sentence.printed(match.end("dir"), match.end())
        issues.append(ParseIssue("info", "values_listed", f"{keys.yoy_amount} {printed}: the sentence lists one value "
                                 "per subject ('各 …'), so which value is whose is not read", provenance))
    return found


def _sides_listed(sentence: Sentence, before: list[Sentence], document: Document, fiscal_year: int | None,
                  keys: P.ChangeKeys) -> list[tuple[re.Match[str], Fact]]:
    """Year-on-year changes of the grand total's two sides listed after 各 (see P.SIDES_LISTED): the
    income's and the expenditure's, when the last subject the sentence names before them is the
    total named by both sides and their units agree."""
    found = []
    for match in _SIDES_LISTED.finditer(sentence.compact):
        if match["u1"] not in (None, match["u2"]) or _anchor(sentence, match.start(), before, fiscal_year) != "yoy":
            continue
        named = [m for m in _mentions(sentence.compact, sentence.topic or "", document) if m[1] <= match.start()]
        if not named or max(named, key=itemgetter(1))[2] != P.DEFAULT_SUBJECT:
            continue
        key = keys.yoy_pct if match["u2"] == "%" else keys.yoy_amount
        qualifier = P.DIRECTION_WORDS[match["dir"]]
        found += [(match, _side_fact(key, side, match, number, sentence, qualifier)) for number, side in enumerate(P.SIDES, 1)]
    return found


def _side_fact(key: str, side: str, match: re.Match[str], number: int, sentence: Sentence, qualifier: str) -> Fact:
    """The fact of value `number` (1 or 2) of a pair of sides' changes (see P.SIDES_LISTED); the first
    may share the second's unit."""
    value, unit_word = parse_amount(match[f"v{number}"]), match["u2"]
    if unit_word == "%":
        unit, end = "%", match.end(f"v{number}") + 1
    else:
        value, unit, end = to_wan(value, unit_word), "万元", match.end(f"u{number}") if match[f"u{number}"] else match.end(f"v{number}")
    printed, provenance = sentence.printed(match.start(f"v{number}"), end)
    return Fact(sentence.section, key, side, value, unit, printed, sentence.text, provenance, qualifier)


def _anchor(sentence: Sentence, position: int, before: list[Sentence], fiscal_year: int | None = None) -> str | None:
    """What a change at `position` is measured against: the last anchor before it in the sentence,
    else the budget the sentence states before it (see P.BUDGET_STATED), else the last anchor in
    the paragraph's earlier sentences."""
    anchor = _last_anchor(sentence.compact[:position], fiscal_year)
    if anchor:
        return anchor
    if _BUDGET_STATED.search(sentence.compact, 0, position):
        return "budget"
    for earlier in reversed(before):
        anchor = _last_anchor(earlier.compact, fiscal_year)
        if anchor:
            return anchor
    return None


def _anchor_in_clause(compact: str, position: int) -> str | None:
    return _last_anchor(_clause_before(compact, position))


def _label_after_the_anchor(compact: str, position: int) -> bool:
    """Whether only a label stands between the clause's last year-on-year anchor and the level at
    `position` ('与上年相比，财政拨款收、支总计 512.30 万元'): no number and no change word. A line printed
    twice ('…与 2021 年度相比，收入支出总计增加' / '2022 年度收入支出总计 519.91 万元…') puts another
    statement there, whose level is a level."""
    start = position - len(_clause_before(compact, position))
    anchor_end = max(m.end() for m in _YOY_ANCHOR.finditer(compact, start, position))
    between = compact[anchor_end:position]
    return not any(map(str.isdigit, between)) and not _CHANGE_WORD.search(between)


def _of_another_section(fact: Fact, position: int, sentence: Sentence, issues: list[ParseIssue]) -> bool:
    """Whether the value at `position` is another section's (see _other_sections_subject); reported."""
    topic = sentence.topic or ""
    if topic not in _OTHER_SUBJECTS or not (named := _other_sections_subject(sentence.compact, position, topic)):
        return False
    issues.append(ParseIssue("info", "another_sections_subject", f"{fact.fact_key} {fact.printed}: the sentence names "
                             f"'{named}', the subject of another section, and the value's clause does not name this "
                             "section's: it is not recorded (a lost heading?)", fact.provenance))
    return True


def _other_sections_subject(compact: str, position: int, topic: str) -> str | None:
    """The subject of another section the sentence names (see P.SECTIONS_READING_ANY_AMOUNT), when the
    clause of the value at `position` does not name its section's own."""
    other = _OTHER_SUBJECTS[topic].search(compact, 0, position if topic in P.OTHER_SUBJECT_BEFORE_THE_VALUE else len(compact))
    if other is None:
        return None
    return None if _OWN_SUBJECT[topic].search(compact, _clause_start(compact, position), position) else other[0]


def _clause_start(compact: str, position: int) -> int:
    """Where the clause of `position` starts: after the last break (',' ';' '。' ':') before it."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(compact, 0, position)), default=0)


def _clause_before(compact: str, position: int) -> str:
    """The text of the clause up to `position`: from the last ';' or '。' before it."""
    return compact[max(compact.rfind(";", 0, position), compact.rfind("。", 0, position)) + 1 : position]


def _last_anchor(text: str, fiscal_year: int | None = None) -> str | None:
    """What the text's last anchor compares with: 'yoy', 'budget', or 'another_year' for a year-on-year
    anchor that names a year other than the one before the fiscal year ('比 2019 年(疫情前)决算数减少' in
    a 2022 document) and for the year before's budget ('比上年预算数下降 18.42%')."""
    if not _prints_any(text, P.ANCHOR_WORDS):
        return None
    yoy = _last_match(_YOY_ANCHOR, text)
    budgets = P.BUDGET_WORD in text
    budget = _last_end(_BUDGET_ANCHOR, text) if budgets else -1
    previous_budget = _last_end(_PREVIOUS_BUDGET_ANCHOR, text) if budgets else -1
    last = max(yoy.end() if yoy else -1, budget, previous_budget)
    if last < 0:
        return None
    if last == previous_budget:
        return "another_year"
    if last == budget:
        return "budget"
    named = _YEAR_DIGITS.search(yoy[0])
    return "another_year" if named and fiscal_year and int(named[0]) != fiscal_year - 1 else "yoy"


def _last_match(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of rx in the text: the one that ends last (matches do not overlap, none is empty)."""
    last = None
    for last in rx.finditer(text):  # (the loop keeps the last)
        pass
    return last


def _last_end(rx: re.Pattern[str], text: str) -> int:
    """Where the last match of rx in the text ends, -1 when none does."""
    last = _last_match(rx, text)
    return last.end() if last else -1


def _qualify_compared(comparison: re.Match[str], sentence: Sentence, document: Document, facts: list[Fact]) -> None:
    """'决算数小于预算数': the word qualifies the latest actual amount of the same subject."""
    key = P.COMPARED_FACTS[sentence.topic or ""]
    subject = _subject("@before", comparison, sentence, document, position=comparison.start())
    for i in range(len(facts) - 1, -1, -1):
        if facts[i].fact_key == key and facts[i].subject == subject:
            if not facts[i].qualifier:
                word = comparison["flat"] or comparison["cmp"]
                facts[i] = replace(facts[i], qualifier=P.DIRECTION_WORDS[word])
            return


# ---------------------------------------------------------------------------------------------
# Subjects
# ---------------------------------------------------------------------------------------------


def _subject(rule: str, match: re.Match[str], sentence: Sentence, document: Document, position: int | None = None,
             before: list[Sentence] | None = None) -> str:
    if not rule.startswith("@"):
        return rule
    if rule == "@kind":
        kind = match["kind"]
        return P.KIND_SUBJECTS.get(kind, kind)
    topic = sentence.topic or ""
    if rule == "@in_match":
        inside = _mentions(sentence.compact[match.start() : match.end()], topic, document)
        return inside[0][2] if inside else P.DEFAULT_SUBJECT
    value_start = position if position is not None else match.start("v") if "v" in match.re.groupindex else match.start()
    last = _last_mention_before(sentence.compact, _mentions(sentence.compact, topic, document), value_start)
    if last:
        return last[2]
    # else the last one named in the paragraph's sentences before ('…“基层医疗能力提升”项目绩效自评结果。
    # 该项目自评得分为 95 分'), else in its item's lead or headings
    for earlier in reversed(before or ()):
        if named := _mentions(earlier.compact, topic, document):
            return _subject_left(earlier.compact, named)
    for text in sentence.context:
        in_context = _mentions(text, topic, document)
        if in_context:
            return min(in_context, key=lambda m: m[0])[2]
    return P.DEFAULT_SUBJECT


def _last_mention_before(text: str, mentions: list[tuple[int, int, str]], position: int) -> tuple[int, int, str] | None:
    """The mention that ends last by `position`, the first of those that end there, outside an aside
    closed before `position` (see _aside_closed; tested only for a mention that would be the last)."""
    last = None
    for mention in mentions:
        if mention[1] <= position and (last is None or mention[1] > last[1]) and not _aside_closed(text, mention[1], position):
            last = mention
    return last


def _subject_left(text: str, named: list[tuple[int, int, str]]) -> str:
    """The subject a sentence leaves for the sentences after it: the last it names, unless that is
    outside the topic and listed after '其中' of one inside it ('支出总计 434.72 万元，其中：本年支出
    合计…，年末结转和结余 0.55 万元'): the sentence is about that whole."""
    last = max(named, key=lambda m: m[1])
    if last[2] != P.OUTSIDE_TOPIC:
        return last[2]
    wholes = [m for m in named if m[2] != P.OUTSIDE_TOPIC and m[1] <= text.find("其中", m[1]) < last[0]]
    return max(wholes, key=lambda m: m[1])[2] if wholes else last[2]


def _aside_closed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes a parenthesis it did not open: a mention ending at `start` stands
    in an aside ('公车购置及运行费 995 万元(其中…公务用车运行费 958 万元)，下降 26.24%') that a value at
    `end` is not about. An aside that only names what was listed before it ('…公车运行费(“三公”经费)
    决算总额 2771 万元') is a label, and what follows is about it."""
    if ")" not in text[start:end]:
        return False
    closed = _unmatched(text, start, end, 1)
    if closed is None:
        return False
    opened = _unmatched(text, 0, start, -1)
    return opened is None or bool(P.PART_ASIDE_RE.search(text[opened + 1 : closed]))


def _unmatched(text: str, start: int, end: int, step: int) -> int | None:
    """The first parenthesis of text[start:end], walking forward (step 1: a ')') or back (step -1:
    a '('), that closes or opens one the walk did not meet the other side of."""
    inward = "(" if step == 1 else ")"
    depth = 0
    for m in _PARENS.finditer(text, start, end) if step == 1 else reversed(list(_PARENS.finditer(text, start, end))):
        if m[0] == inward:
            depth += 1
        elif depth == 0:
            return m.start()
        else:
            depth -= 1
    return None


def _mentions(text: str, topic: str, document: Document) -> list[tuple[int, int, str]]:
    """The subject mentions of the topic in the text (see _find_mentions), found once per document."""
    found = document.mentions.get((text, topic))
    if found is None:
        found = document.mentions[text, topic] = _find_mentions(text, _MENTIONS.get(topic, ()), document.function_names)
    return found


def _find_mentions(text: str, mentions: tuple[tuple[re.Pattern[str], str, str], ...], function_names: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, subject) of every subject mention in the text; at the same end, the earlier entry wins."""
    found: dict[int, tuple[int, int, str]] = {}
    for rx, subject, word in mentions:
        if word not in text:
            continue
        for m in rx.finditer(text):
            if m.end() in found:
                continue
            if subject == "@function":
                found[m.end()] = (m.start(), m.end(), _function_code(m, function_names))
            elif subject == "@name":
                found[m.end()] = (m.start(), m.end(), m["name"])
            elif subject == "@class":
                if code := class_code_of(m["cls"]):
                    found[m.end()] = (m.start(), m.end(), code)
            else:
                found[m.end()] = (m.start(), m.end(), subject)
    return sorted(found.values())


def _function_code(match: re.Match[str], names: dict[str, str]) -> str:
    """The deepest function subject code the printed 类/款/项 names resolve to (classes by the class
    table, 款 and 项 by the document's own tables); unresolved names stay, joined with '/'. A 项
    printed without its name ('…(款)(项)') leaves the subject unresolved: its value is not the 款's."""
    code = _named_code(match["cls"], [name for name in (match["kuan"], match["xiang"]) if name], names)
    return f"{code}/{P.UNNAMED_ITEM}" if match["xiang"] == "" else code


def _named_code(cls: str, levels: list[str], names: dict[str, str]) -> str:
    class_code = class_code_of(cls)
    if class_code is None:
        return "/".join(_strip_expenditure(n) for n in (cls, *levels))
    code = class_code
    for depth, name in enumerate(levels):
        child = next(
            (c for c, n in names.items() if len(c) == len(code) + 2 and c.startswith(code) and _strip_expenditure(n) == _strip_expenditure(name)),
            None,
        )
        if child is None:
            return "/".join([code, *levels[depth:]])
        code = child
    return code


def class_code_of(name: str) -> str | None:
    """The function class code of a printed class name ('一般公共服务支出', '...:卫生健康')."""
    name = _strip_expenditure(name)
    # the longest class name the name ends with: its longest ending that is one
    return next((FUNCTION_CLASSES[name[i:]] for i in range(len(name)) if name[i:] in FUNCTION_CLASSES), None)


def _strip_expenditure(name: str) -> str:
    return name.removesuffix("支出")


# ---------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------


def extract_headings(lines: list[Line]) -> list[DocumentHeading]:
    """The document's numbered headings in order (see _headings)."""
    return list(_document(lines).headings)


def extract_profile(lines: list[Line]) -> Profile:
    """Name, region, fiscal year, unit, the printed variants of the name, and the profile facts."""
    document = _document(lines)
    issues: list[ParseIssue] = []
    title_word_lines = _lines_holding(document.joined, P.TITLE_WORD)
    titles = _titles(document, title_word_lines)
    name, year, title_provenance = titles[0] if titles else ("", None, Provenance(None, None))
    if not titles:
        issues.append(ParseIssue("warn", "title_missing", "no title '<department> YYYY 年度部门决算' was found", Provenance(None, None)))
    table_years = _table_title_years(document, title_word_lines)
    year = year or _most_common_year(table_years)
    issues += _year_conflicts(table_years, year)
    region_match = _REGION.match(name)
    region = region_match["region"] if region_match else ""
    if name and not region:
        issues.append(ParseIssue("info", "region_not_in_name", f"no province/city/district was found in the name {name!r}", title_provenance))
    unit, unit_issues = _unit(document)
    return Profile(
        department_name=name,
        region=region,
        fiscal_year=year,
        unit=unit,
        name_variants=_name_variants(document, titles, region_match),
        facts=_profile_facts(document),
        issues=issues + unit_issues,
    )


def _titles(document: Document, title_word_lines: list[int]) -> list[tuple[str, int, Provenance]]:
    """(name, year, provenance) of every title line: '<name> 2021 年度部门决算…', name possibly on
    the line before. `title_word_lines` are the lines that hold P.TITLE_WORD."""
    titles = []
    sentences = set()  # lines that mention 'YYYY 年度部门决算': never the line before a title
    for i in title_word_lines:
        line, text = document.texts[i]
        match = _TITLE.match(text) if P.TITLE_YEAR_WORD in text else None
        if not match:
            continue
        name, first = match["name"], line
        if name and not _NAME_LIKE.match(name):
            sentences.add(i)
            continue
        before = next((j for j in range(i - 1, -1, -1) if j not in sentences), None)
        if not name and before is not None and _NAME_LIKE.match(document.texts[before][1]):
            first, name = document.texts[before]
        if name:
            titles.append((name, int(match["year"]), Provenance(first.no, line.no, line.page)))
    return titles


def _lines_holding(joined: str, word: str) -> list[int]:
    """The index of every line that holds the word, not empty (see Document.joined and .compacts):
    a search of the whole text instead of an `in` test per line. Each line follows its newline."""
    return [newlines - 1 for newlines in newlines_before(joined, _first_in_each_line(joined, word))]


def _first_in_each_line(joined: str, word: str) -> Iterator[int]:
    """Where the word first occurs in each line that holds it."""
    at = joined.find(word)
    while at >= 0:
        yield at
        line_end = joined.find("\n", at)
        if line_end < 0:
            return
        at = joined.find(word, line_end)


def _table_title_years(document: Document, title_word_lines: list[int]) -> list[tuple[Line, str]]:
    """The lines that print a table title with a year, and that year as printed."""
    lines = [document.texts[i] for i in title_word_lines]
    return [(line, match["year"]) for line, text in lines if P.TABLE_TITLE_WORD in text
            for match in [_TABLE_TITLE_YEAR.search(text)] if match]


def _most_common_year(table_years: list[tuple[Line, str]]) -> int | None:
    years = Counter(int(year) for _, year in table_years)
    return years.most_common(1)[0][0] if years else None


def _year_conflicts(table_years: list[tuple[Line, str]], year: int | None) -> list[ParseIssue]:
    issues = []
    for line, table_year in table_years:
        if year and int(table_year) != year:
            issues.append(
                ParseIssue("warn", "fiscal_year_mismatch", f"line {line.no}: table title year {table_year} differs from the document's {year}", Provenance(line.no, line.no, line.page))
            )
    return issues


def _unit(document: Document) -> tuple[str, list[ParseIssue]]:
    units = Counter(map(itemgetter("unit"), _UNIT.finditer(document.joined)))  # one search of the joined lines
    if not units:
        return "", [ParseIssue("warn", "unit_missing", "no '单位：万元/元' was found in the table headers", Provenance(None, None))]
    issues = []
    if len(units) > 1:
        issues.append(ParseIssue("info", "mixed_units", f"the tables print different units: {dict(units)}", Provenance(None, None)))
    return units.most_common(1)[0][0], issues


def _name_variants(document: Document, titles: list[tuple[str, int, Provenance]], region: re.Match[str] | None) -> list[NameVariant]:
    variants: dict[tuple[str, str], NameVariant] = {}

    def add(name: str, context: str, provenance: Provenance) -> None:
        variants.setdefault((name, context), NameVariant(name, context, provenance))

    title_lines: set[tuple[int | None, int]] = set()  # (page, line no): PDF lines are numbered within their page
    for name, _, provenance in titles:
        add(name, "title", provenance)
        title_lines.update((provenance.page, no) for no in range(provenance.line_start or 0, (provenance.line_end or 0) + 1))
    for line, text in (document.texts[i] for i in _lines_holding(document.joined, ":")):
        for rx, context in _NAME_FIELDS if _NAME_FIELD.search(text) else ():
            for match in rx.finditer(text):
                add(match["name"], context, Provenance(line.no, line.no, line.page))
    for i, start, end in _name_spans(document.compacts, _name_mentions(region), _misprints({name for name, _, _ in titles})):
        sentence = document.sentences[i]
        name, context = sentence.compact[start:end], NAME_CONTEXT_BY_PART.get(sentence.part, "narrative")
        if (name, context) in variants:  # most mentions repeat a variant: its source lines are not read
            continue
        provenance = sentence.provenance(start, end)
        if (provenance.page, provenance.line_start) not in title_lines:
            add(name, context, provenance)
    return list(variants.values())


def _name_spans(compacts: str, mentions: _NameMentions, misprints: _Misprints) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each name mention and misprinted name in the sentences (start
    and end within the sentence's compact text), sentence by sentence, each one's mentions first.
    One search of their compact texts joined (see Document.compacts): no name spans two of them."""
    found = []
    for kind, spans in enumerate((list(mentions.spans(compacts)), list(misprints.spans(compacts)))):
        for newlines, (start, end) in zip(newlines_before(compacts, [start for start, _ in spans]), spans):
            sentence_start = compacts.rfind("\n", 0, start) + 1
            found.append((newlines - 1, kind, start - sentence_start, end - sentence_start))  # each sentence follows its newline
    return [(i, start, end) for i, _, start, end in sorted(found)]


def _sentences_holding(document: Document, words: list[str], also: Iterable[int] = ()) -> list[Sentence]:
    """The document's sentences that hold one of the words, or whose index is in `also`, in order."""
    indexes = {i for word in words for i in _lines_holding(document.compacts, word)}
    return document.sentences.at(sorted(indexes.union(also)))


@dataclass(frozen=True)
class _Misprints:
    """The title's names with any one character printed as another Chinese character ('戊汉市…' for
    '武汉市…'): a misprint the mention pattern cannot find when it is in the region the mention starts with."""

    names: tuple[str, ...]  # in order: the first that fits is read
    # Each half of each name and where it starts in the name: a misprint leaves one half as printed.
    halves: tuple[tuple[str, int], ...]

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each misprinted name in the text, left to right and not overlapping,
        tried only where a half of a name places a name's start (compared, not matched by a regex
        of every form, which would be compiled anew for each document)."""
        starts = sorted({at - offset for half, offset in self.halves for at in _occurrences(text, half) if at >= offset})
        end = 0
        for start in starts:
            if start >= end and (name := next((n for n in self.names if _misprinted(text[start : start + len(n)], n)), None)):
                end = start + len(name)
                yield start, end


def _misprinted(printed: str, name: str) -> bool:
    """The printed text is the name with one character printed as another Chinese character."""
    if len(printed) != len(name) or printed == name:  # (most often the name as printed)
        return False
    differing = [char for char, expected in zip(printed, name) if char != expected]
    return len(differing) == 1 and "\u4e00" <= differing[0] <= "\u9fff"


def _misprints(names: set[str]) -> _Misprints:
    halves: list[tuple[str, int]] = []
    for name in sorted(names):
        middle = len(name) // 2
        halves += [(name[:middle], 0), (name[middle:], middle)]
    return _Misprints(tuple(sorted(names)), tuple(halves))


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where each occurrence of the word starts in the text, overlapping ones included."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


@dataclass(frozen=True)
class _NameMentions:
    """A name in running text: from the party prefix or the region's first unit (a start word) to an
    organisation word that is followed by what sentences say about a department (_NAME_MENTION_REST)."""

    starts: tuple[str, ...]  # in order: the first that leads to a name is read

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name in the text, left to right and not overlapping, as a regex of
        the start words then the rest would find them; the rest, the same for every document, is
        compiled once, and tried only where a start word is."""
        end = 0
        for start in sorted({at for word in self.starts for at in _occurrences(text, word)}):
            for word in self.starts if start >= end else ():
                rest = text.startswith(word, start) and _NAME_MENTION_REST.match(text, start + len(word))
                if rest:
                    end = rest.end()
                    yield start, end
                    break


def _name_mentions(region: re.Match[str] | None) -> _NameMentions:
    first_unit = next((region[g] for g in ("province", "city", "county") if region and region[g]), None)
    return _NameMentions((*P.NAME_PREFIXES, first_unit) if first_unit else tuple(P.NAME_PREFIXES))


def _profile_facts(document: Document) -> list[Fact]:
    """Staff and units: the first statement of each (key, subject), wherever the extraction put it."""
    facts: dict[tuple[str, str], Fact] = {}
    sections = document.sentences.sections
    units_sections = {section for section in set(sections) if _UNITS_SECTION.search(section)}

    def add(fact: Fact | None) -> None:
        if fact:
            facts.setdefault((fact.fact_key, fact.subject), fact)

    in_units_sections = list(compress(range(len(sections)), map(units_sections.__contains__, sections)))  # no Python step per sentence
    for sentence in _sentences_holding(document, [literal for _, literal, _ in _PROFILE_PATTERNS], in_units_sections):
        for key, literal, rx in _PROFILE_PATTERNS:
            if literal not in sentence.compact:
                continue
            for match in rx.finditer(sentence.compact):
                kinds = _PROFILE_KINDS.match(sentence.compact, match.end())
                items = list(_PROFILE_KIND_ITEM.finditer(sentence.compact, kinds.start("list"), kinds.end("list"))) if kinds else []
                if key == "staff_in_service" and any(item["kind"] in P.RETIRED_KINDS for item in items):
                    for item in items:
                        add(_staff_kind_of_headcount(item, sentence))
                    continue
                add(_fact(key, P.DEFAULT_SUBJECT, match, sentence))
                for item in items:
                    add(_fact(key, item["kind"], item, sentence))
        if sentence.section in units_sections:
            for match in _UNIT_KIND_ITEM.finditer(sentence.compact):
                add(_fact("units_consolidated", match["kind"], match, sentence))
            for match in _UNITS_TOTAL.finditer(sentence.compact):
                add(_fact("units_consolidated", P.DEFAULT_SUBJECT, match, sentence))
    add(_listed_units(document, in_units_sections))
    return list(facts.values())


def _staff_kind_of_headcount(item: re.Match[str], sentence: Sentence) -> Fact:
    """A kind listed under a headcount of the in-service and the retired (see P.RETIRED_KINDS)."""
    kind = item["kind"]
    if kind in P.RETIRED_KINDS:
        return _fact("staff_retired", kind, item, sentence)
    return _fact("staff_in_service", P.DEFAULT_SUBJECT if kind == P.IN_SERVICE_KIND else kind, item, sentence)


def _listed_units(document: Document, in_units_sections: list[int]) -> Fact | None:
    """The units consolidated, when the profile lists them in a table ('序号 单位名称 备注' + rows).
    `in_units_sections` are the sentences in a section on the units."""
    headers = [i for i in _lines_holding(document.joined, P.UNIT_LIST_HEADER) if ":" not in document.texts[i][1]]
    if not headers or not in_units_sections:
        return None
    section_of_line = {line: s.section for s in document.sentences.at(in_units_sections) for line in s.lines}
    for i in headers:
        header = document.texts[i][0]
        section = section_of_line.get(header, "")
        if not section:
            continue
        rows: list[tuple[Line, str]] = []  # (line, serial number as printed)
        for line, text in document.texts[i + 1 :]:
            row = _UNIT_LIST_ROW.match(text)
            if not row or int(row["no"]) != len(rows) + 1:
                break
            rows.append((line, row["no"]))
        if rows:
            last, last_no = rows[-1]
            return Fact(
                section=section,
                fact_key="units_consolidated",
                subject=P.DEFAULT_SUBJECT,
                value=Decimal(len(rows)),
                unit="个",
                printed=last_no,
                sentence=" / ".join(line.text.strip() for line in [header, *(row for row, _ in rows)]),
                provenance=Provenance(header.no, last.no, header.page),
            )
    return None
