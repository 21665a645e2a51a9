"""Numbers an extraction tool moved below their sentence, put back into it.

Some PDFs print a sentence's numbers (and the quotation marks around a term) in another font,
set slightly lower; pdfplumber then writes them on a line of their own below the sentence and
leaves a space where each stood:

    某某区某某局 年度收入支出总计 万元。与 年度相比，收入
    2024 1234.56 2023

A numbers-only line is put back into the gaps of the text line right above it, in order, only
when its count of tokens leaves no choice (see _fill); otherwise both lines stay as printed, and
when the text line plainly shows holes where values stood an issue says so. Each restored line
keeps which source line each piece of its text came from, for the provenance of facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .joined import newlines_before
from .model import Line, ParseIssue, Provenance
from .numbers import AMOUNT_UNITS

# What the other font carries: numbers (amounts, percentages, years, counts, item numbers) and
# quotation marks.
TOKEN_LINE_RE = re.compile(r"(?:\d[\d,]*(?:\.\d+)?%?|[“”])(?:\s+(?:\d[\d,]*(?:\.\d+)?%?|[“”]))*")
# A line that may be tokens only, in the document's joined lines (each line after its newline),
# below a line that does not end with a digit (see _after_text_lines): a cheap class test of every
# line, TOKEN_LINE_RE then tells the few that follow a text line.
CANDIDATE_LINE_RE = re.compile(r"\n[0-9“”](?<!\d\n.)[0-9,.%“” \t]*$", re.MULTILINE)
# Whitespace between two printed characters of a line.
SPACE_RE = re.compile(r"(?<=\S)[^\S\n]+(?=\S)")
# A space beside a Latin letter or a digit separates words or numbers that are printed.
PRINTED_NEIGHBOURS = re.compile(r"[0-9A-Za-z]")
# Punctuation no printed line starts with: a text line starting with one lost what stood before it.
LINE_START_CLOSERS = tuple(",;:。、!?")
# Spaces a text may print around clause punctuation ('其中： 财政拨款…', '保险费 。') or after a
# heading's number ('第一部分 …', '(一) …'): such a space may be a gap or not, the count decides.
OPTIONAL_AFTER_RE = re.compile(r"(?:[,;:。!?]|第[一二三四五六七八九十]+部分|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)$")
# The words a value is printed before (万 of 万元, which may wrap): a line starting with one may
# have lost a value at its start; a number put back must be followed by one (a percentage
# carries its own unit).
VALUE_FOLLOWERS = ("万", "元", "亿", "年", "月", "日", "个", "人", "辆", "台", "套", "分", "批", "家", "项", "次", "名", "、")
# A gap before an amount's unit (AMOUNT_UNITS: '合计 万元') shows a line that lost its values (a
# space between the columns of a table is followed by a label).
OPENING_QUOTE = "“"
# A line this short that starts with a unit is a cell of a table broken into lines ('万'), whose
# value is the line before, not the one after.
SHORTEST_SENTENCE_LINE = 2
LINE_STARTS = (*LINE_START_CLOSERS, *VALUE_FOLLOWERS)  # a line may have lost a value before these
LINE_START_CHARACTERS = frozenset(LINE_STARTS)  # (each is one character: one set lookup instead of a prefix test each)
# A lone number of this shape may be a page number: it is put back only into a certain gap.
PAGE_NUMBER_RE = re.compile(r"\d{1,3}")
DIGIT_RE = re.compile(r"\d")


class _Gap(NamedTuple):
    start: int  # the span of its whitespace in the line ((0, 0): the line's start)
    end: int
    certain: bool  # a space with no reason to be printed (else it may be a printed space)


@dataclass(frozen=True)
class Restored:
    texts: tuple[tuple[Line, str], ...]  # the lines, numbers put back, their numbers-only lines dropped
    joined: str  # those texts, each after a newline
    # A restored line (as in `texts`) -> its text in pieces, each with the source line it was printed on.
    pieces: dict[Line, tuple[tuple[Line, str], ...]]
    issues: tuple[ParseIssue, ...]


def restore_displaced(texts: tuple[tuple[Line, str], ...], joined: str) -> Restored:
    """Put each numbers-only line back into the line above it where its count fits (see module doc).
    `texts` are the non-blank lines stripped, `joined` them each after a newline."""
    restored: dict[int, tuple[Line, str, tuple[tuple[Line, str], ...]]] = {}
    issues: list[ParseIssue] = []
    for newlines in newlines_before(joined, _after_text_lines(joined)):
        above = newlines - 2  # the index of the text line: each line follows its newline
        (line, text), (token_line, token_text) = texts[above], texts[above + 1]
        if TOKEN_LINE_RE.fullmatch(text) or not TOKEN_LINE_RE.fullmatch(token_text):
            continue
        tokens = token_text.split()
        gaps = _gaps(text, tokens[0], above > 0 and _ends_with_its_number(texts[above - 1][1], above - 2 in restored))
        if not gaps:
            continue
        filled = _fill(gaps, tokens, text)
        if filled is None:
            if _shows_holes(gaps, text):
                issues.append(_not_restored(line, token_line, len(tokens), gaps))
            continue
        pieces = _pieces(text, filled, line, token_line, tokens)
        new_text = "".join(piece for _, piece in pieces)
        restored[above] = (line._replace(text=new_text), new_text, pieces)
    if not restored:
        return Restored(texts, joined, {}, tuple(issues))
    kept: list[tuple[Line, str]] = []
    for i, entry in enumerate(texts):
        if i in restored:
            kept.append(restored[i][:2])
        elif i - 1 not in restored:  # a numbers-only line put back is dropped
            kept.append(entry)
    pieces_of = {new_line: pieces for new_line, _, pieces in restored.values()}
    return Restored(tuple(kept), "\n" + "\n".join(text for _, text in kept), pieces_of, tuple(issues))


def _after_text_lines(joined: str) -> Iterator[int]:
    """Where each line that may be tokens only starts, when the line above it prints no digit (a
    line that prints its numbers had none moved: most lines of numbers are table rows below a row
    that prints its own) and may have a gap (see _gaps): cheap tests before the exact ones, the
    test of a gap first (few lines pass it)."""
    for candidate in CANDIDATE_LINE_RE.finditer(joined):
        start = candidate.start()
        above = joined.rfind("\n", 0, start)
        if above < 0:
            continue
        if joined.find(" ", above, start) >= 0 or joined[above + 1] in LINE_START_CHARACTERS or joined.startswith(OPENING_QUOTE, start + 1):
            if not DIGIT_RE.search(joined, above, start):
                yield start + 1


def _ends_with_its_number(text: str, put_back: bool) -> bool:
    """Whether a line ends in a number that stays where it is printed: a line of text, or a line of
    numbers only that was not put back into the line above it."""
    return text[-1:].isdigit() and not (put_back and TOKEN_LINE_RE.fullmatch(text))


def _gaps(text: str, first_token: str, after_a_number: bool) -> list[_Gap]:
    """Where a value may have stood in a line: spaces between two printed characters (not beside
    a printed letter or digit), and its start when it begins with punctuation no line starts
    with (certain), with a value's unit, or when the first token is an opening quote. A line that
    starts with a unit right after a line ending in a number ('…减少 2.29' / '万元；其中：燃料费') is
    that number's: its start is no gap."""
    gaps = []
    if text.startswith(LINE_START_CLOSERS):
        gaps.append(_Gap(0, 0, True))
    elif (text.startswith(VALUE_FOLLOWERS) and len(text) > SHORTEST_SENTENCE_LINE and not after_a_number) \
            or first_token == OPENING_QUOTE:
        gaps.append(_Gap(0, 0, False))
    for space in SPACE_RE.finditer(text):
        start, end = space.span()
        if PRINTED_NEIGHBOURS.match(text[start - 1]) or PRINTED_NEIGHBOURS.match(text[end]):
            continue
        optional = text.startswith(LINE_START_CLOSERS, end) or OPTIONAL_AFTER_RE.search(text, 0, start)
        gaps.append(_Gap(start, end, not optional))
    return gaps


def _fill(gaps: list[_Gap], tokens: list[str], text: str) -> list[_Gap] | None:
    """The gaps the tokens fill, in order: the certain ones when the count of tokens equals
    theirs, all when it equals the count of all; None when neither, when a number would not be
    followed by a unit (a space between the columns of a list is no gap), or for a lone page number."""
    certain = [gap for gap in gaps if gap.certain]
    if len(tokens) == len(certain):
        filled = certain
    elif len(tokens) == len(gaps):
        filled = gaps
    else:
        return None
    if len(tokens) == 1 and not filled[0].certain and PAGE_NUMBER_RE.fullmatch(tokens[0]):
        return None  # perhaps the page number below a line that only may have lost a value
    for gap, token in zip(filled, tokens):
        if token[0].isdigit() and not token.endswith("%") and not text.startswith(VALUE_FOLLOWERS, gap.end):
            return None
    return filled


def _shows_holes(gaps: list[_Gap], text: str) -> bool:
    """A gap right before an amount's unit: the line lost its values (see AMOUNT_UNITS)."""
    return any(text.startswith(AMOUNT_UNITS, gap.end) for gap in gaps if gap.certain)


def _pieces(text: str, filled: list[_Gap], line: Line, token_line: Line, tokens: list[str]) -> tuple[tuple[Line, str], ...]:
    """The line's text with each filled gap replaced by its token, in pieces by source line."""
    pieces: list[tuple[Line, str]] = []
    done = 0
    for gap, token in zip(filled, tokens):
        if gap.start > done:
            pieces.append((line, text[done : gap.start]))
        pieces.append((token_line, token))
        done = gap.end
    if done < len(text):
        pieces.append((line, text[done:]))
    return tuple(pieces)


def _not_restored(line: Line, token_line: Line, count: int, gaps: list[_Gap]) -> ParseIssue:
    certain = sum(gap.certain for gap in gaps)
    return ParseIssue(
        "warn",
        "displaced_numbers_not_restored",
        f"line {token_line.no}: its {count} number(s) seem moved below line {line.no}, which has {certain} gap(s)"
        f" ({len(gaps) - certain} more possible): not put back, the values of line {line.no} are not read",
        Provenance(line.no, token_line.no, line.page),
    )
