"""PDF pages -> words, text lines and ruling lines, with positions (pypdfium2).

pypdfium2 is used rather than pdfplumber because it reads a 25-page disclosure about ten times
faster (pdfminer parses content streams in pure Python). Coordinates are converted to the
top-down convention of pdfplumber: `top` grows downwards from the top of the page.

pdfium leaves out of its text page every text object whose box has no width: a single glyph
of a font that is neither embedded nor installed (WPS and reportlab reference SimHei, STSong…
without embedding them) has an empty glyph box. Such a '出' ending a wrapped label would be
lost; the characters of these objects, and only these, are read again with pdfminer, which
measures them from the font's declared widths.
"""

from __future__ import annotations

import bisect
import ctypes
import io
import itertools
import unicodedata
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A gap wider than this share of the font size separates two words.
WORD_GAP = 0.3
# Characters whose baselines differ by less than this (pt) are on one text line: producers set
# digits (Latin font) and CJK (other font) on one baseline but with very different glyph boxes.
BASELINE_TOLERANCE = 1.5
# A path edge thinner than this (pt) is a ruling line; shorter than RULE_MIN_LENGTH is noise.
RULE_THICKNESS = 3.0
RULE_MIN_LENGTH = 4.0
# pdfium skips a text object narrower than this (its kSizeEpsilon); its glyph is re-read with
# pdfminer at the object's origin, matched within ORIGIN_TOLERANCE (pt).
UNMEASURED_WIDTH = 1e-4
ORIGIN_TOLERANCE = 1.0


class PdfOpenError(Exception):
    """The bytes are not a readable PDF (malformed, truncated or encrypted)."""


@dataclass(frozen=True)
class Word:
    text: str  # NFKC-normalised
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    line_no: int = 0  # 1-based index of the word's text line in the page's reading order

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TextLine:
    """The words of one baseline, left to right; `text` joins them with a space where the gap
    between two words is wide (as text extractors do)."""

    words: tuple[Word, ...]
    text: str

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def baseline(self) -> float:
        return self.words[0].baseline


@dataclass(frozen=True)
class Rule:
    """A horizontal (`pos` = y, span = x0..x1) or vertical (`pos` = x, span = top..bottom) line."""

    horizontal: bool
    pos: float
    start: float
    end: float


@dataclass(frozen=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[TextLine, ...]  # reading order: top to bottom
    rules: tuple[Rule, ...]
    image_count: int

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes, refusing what pdfium would only half read. Raises PdfOpenError."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfOpenError("not a PDF file (no %PDF- header)")
    # pdfium silently repairs a cut-off file and returns the pages it could find; a complete
    # PDF ends with %%EOF (PDF 32000 §7.5.5), so a missing marker means lost pages.
    if b"%%EOF" not in data[-2048:]:
        raise PdfOpenError(f"truncated PDF: no %%EOF marker at the end of the file ({len(data)} bytes)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfOpenError("encrypted PDF: a password is required to open it") from exc
        raise PdfOpenError(f"malformed PDF: {exc}") from exc


def read_pages(pdf: pdfium.PdfDocument, data: bytes) -> list[PageContent]:
    """Every page of `pdf` (opened from `data`), first to last."""
    rereader = _Rereader(data)
    return [read_page(pdf, i, rereader) for i in range(len(pdf))]


def read_page(pdf: pdfium.PdfDocument, index: int, rereader: _Rereader) -> PageContent:
    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    rules, images, unmeasured = _page_objects(page, height)
    chars = list(_chars(textpage, height))
    if unmeasured:
        chars += rereader.chars_at(index, height, unmeasured)
    words = _words(chars, [r for r in rules if not r.horizontal])
    return PageContent(index + 1, width, height, _lines(words), rules, images)


class _Rereader:
    """pdfminer over the same bytes, opened at the first page that needs it."""

    def __init__(self, data: bytes):
        self.data = data
        self.pages: list | None = None

    def chars_at(self, index: int, page_height: float, points: list[tuple[float, float]]) -> list[tuple]:
        """pdfminer's characters of page `index` whose origin is one of `points` (x, top-down y)."""
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

        if self.pages is None:
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfpage import PDFPage
            from pdfminer.pdfparser import PDFParser

            self.pages = list(PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(self.data)))))
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=None)
        PDFPageInterpreter(resources, device).process_page(self.pages[index])
        found = []
        for char in _layout_chars(device.get_result()):
            x, y = char.matrix[4], page_height - char.matrix[5]
            text = char.get_text()
            if len(text) == 1 and text.isprintable() and not text.isspace() and any(abs(x - px) < ORIGIN_TOLERANCE and abs(y - py) < ORIGIN_TOLERANCE for px, py in points):
                found.append((text, char.x0, char.x1, page_height - char.y1, page_height - char.y0, y, char.size))
        return found


def _layout_chars(item):
    from pdfminer.layout import LTChar

    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        yield from itertools.chain.from_iterable(_layout_chars(child) for child in item)


def _chars(textpage, page_height: float):
    """(char, left, right, top, bottom, baseline, size) of every drawn character."""
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue  # spaces and line breaks invented by pdfium; gaps are measured instead
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
        if char.isspace() or not char.isprintable():
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)  # loose: the advance, so punctuation has no false gaps
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or (top - bottom)
        yield char, left, right, page_height - top, page_height - bottom, page_height - y.value, size


def _words(chars: list[tuple], verticals: list[Rule]) -> list[Word]:
    """Characters -> words: one baseline at a time, split where the gap is wide or a vertical
    ruling line passes between two characters (some producers set table cells without gaps)."""
    words: list[Word] = []
    for line in _cluster(sorted(chars, key=lambda c: c[5]), key=lambda c: c[5]):
        baseline = line[0][5]
        cuts = sorted(r.pos for r in verticals if r.start - BASELINE_TOLERANCE <= baseline <= r.end + BASELINE_TOLERANCE)
        current: list = []
        for ch in sorted(line, key=lambda c: c[1]):
            prev = current[-1] if current else None
            if prev and (
                ch[1] - prev[2] > WORD_GAP * max(ch[6], prev[6])
                or bisect.bisect(cuts, (prev[1] + prev[2]) / 2) != bisect.bisect(cuts, (ch[1] + ch[2]) / 2)
            ):
                words.append(_word(current))
                current = []
            current.append(ch)
        words.append(_word(current))
    return words


def _cluster(items: list, key) -> list[list]:
    """Split items sorted by `key` (a baseline) into runs whose neighbours differ by < tolerance."""
    groups: list[list] = []
    for item in items:
        if groups and key(item) - key(groups[-1][-1]) < BASELINE_TOLERANCE:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _word(chars: list) -> Word:
    text = unicodedata.normalize("NFKC", "".join(c[0] for c in chars))
    return Word(
        text=text,
        x0=min(c[1] for c in chars),
        x1=max(c[2] for c in chars),
        top=min(c[3] for c in chars),
        bottom=max(c[4] for c in chars),
        baseline=chars[0][5],
        size=max(c[6] for c in chars),
    )


def _lines(words: list[Word]) -> tuple[TextLine, ...]:
    groups = _cluster(sorted(words, key=lambda w: w.baseline), key=lambda w: w.baseline)
    return tuple(
        _text_line(sorted((replace(w, line_no=no) for w in g), key=lambda w: w.x0)) for no, g in enumerate(groups, 1)
    )


def _text_line(words: list[Word]) -> TextLine:
    parts = [words[0].text]
    for prev, word in zip(words, words[1:]):
        gap = word.x0 - prev.x1
        parts.append((" " if gap > 0.6 * max(prev.size, word.size) else "") + word.text)
    return TextLine(tuple(words), "".join(parts))


def _page_objects(page, page_height: float) -> tuple[tuple[Rule, ...], int, list[tuple[float, float]]]:
    """The page's ruling lines, its number of images, and the origins (x, top-down y) of the
    text objects pdfium leaves out of its text page (no width: see the module's docstring)."""
    rules: list[Rule] = []
    images = 0
    unmeasured: list[tuple[float, float]] = []
    for obj in page.get_objects(max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            rules.extend(_path_rules(obj, page_height))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            left, bottom, right, _top = obj.get_bounds()
            if right - left < UNMEASURED_WIDTH:
                unmeasured.append((left, page_height - bottom))
    return tuple(rules), images, unmeasured


def _path_rules(obj, page_height: float) -> list[Rule]:
    left, bottom, right, top = obj.get_bounds()
    if min(right - left, top - bottom) <= RULE_THICKNESS:  # one line, or a thin filled rectangle
        return _rule(left, page_height - top, right, page_height - bottom)
    # A whole grid drawn as one path: keep its horizontal and vertical edges.
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj.raw, m)
    x, y = ctypes.c_float(), ctypes.c_float()
    rules: list[Rule] = []
    prev = start = None
    for k in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = (m.a * x.value + m.c * y.value + m.e, page_height - (m.b * x.value + m.d * y.value + m.f))
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif prev is not None:
            rules.extend(_edge(prev, point))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            rules.extend(_edge(point, start))
        prev = point
    return rules


def _edge(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:
    return _rule(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _rule(x0: float, top: float, x1: float, bottom: float) -> list[Rule]:
    if x1 - x0 >= RULE_MIN_LENGTH and bottom - top <= RULE_THICKNESS:
        return [Rule(True, (top + bottom) / 2, x0, x1)]
    if bottom - top >= RULE_MIN_LENGTH and x1 - x0 <= RULE_THICKNESS:
        return [Rule(False, (x0 + x1) / 2, top, bottom)]
    return []
