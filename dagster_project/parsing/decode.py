"""Bytes of a text extract -> text and lines.

Decoding picks the one encoding under which the bytes are valid AND read as Chinese text; it
never returns mojibake: bytes that fit no encoding (or only as garbage) raise DecodeError with
the place of the problem.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable
from itertools import count, repeat, starmap

from .markdown import is_markdown, markdown_lines
from .model import Line


class DecodeError(Exception):
    """The bytes are not a readable text extract; the message says why and where."""


# Signatures of files that are not text at all: (magic prefix, what it looks like).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file (give it to the PDF parser, not as text)"),
    (b"PK\x03\x04", "a ZIP archive (e.g. an .xlsx or .docx workbook)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.xls / .doc)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-16 without BOM: ASCII characters (digits, spaces, line ends) put a NUL in every other byte.
MIN_UTF16_NUL_SHARE = 0.6  # of all NULs, the share that must sit on one parity
# A text whose undecodable bytes are this rare is UTF-8 with damage, not another encoding.
MAX_DAMAGED_UTF8_SHARE = 0.02
# Bytes this often undecodable under the encoding chosen are binary data, not a damaged text.
MIN_BINARY_DAMAGED_SHARE = 0.2
# Of the non-ASCII characters, the share that must be Chinese characters or punctuation.
MIN_CHINESE_SHARE = 0.8
# Of the Chinese characters, the share that must be common ones (in GB2312): mojibake is full of rare ones.
MIN_COMMON_HANZI_SHARE = 0.85
MAX_CONTROL_SHARE = 0.01
LINE_END_RE = re.compile(r"\r\n|\r|\n")
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])  # in UTF-8 (\t, line ends, form feed allowed)
HANZI_RE = re.compile(r"[\u4e00-\u9fff]+")
HANZI_4000_9FFF_LEADS = bytes(range(0xE4, 0xEA))  # UTF-8 lead bytes of U+4000-U+9FFF
EXTENSION_A_4000_4DFF_RE = re.compile(rb"\xe4[\x80-\xb7]")  # UTF-8 of U+4000-U+4DFF
CJK_PUNCTUATION_RE = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7\u00d7\u2103\u2264\u2265\u2610\u2611\u25a1]")
PAGE_BREAK = "\f"
# Full-width forms and the ideographic space: the characters NFKC changes in most Chinese texts.
FULL_WIDTH_RE = re.compile("[\u3000\uff01-\uffee]")
# The full-width forms nearly every Chinese text prints, each with its NFKC form: a str.replace of
# each costs a tenth of one regex scan of the text for full-width characters.
COMMON_FULL_WIDTH = {char: unicodedata.normalize("NFKC", char) for char in "，（）：；％\u3000"}
# How pdfminer and pdfplumber print a glyph whose font gives no character: '(cid:1234)'. A text
# whose glyphs (codes and Chinese characters) are this much codes is refused: its words cannot be read.
GLYPH_CODE = "(cid:"
GLYPH_CODE_RE = re.compile(r"\(cid:\d+\)")
MAX_GLYPH_CODE_SHARE = 0.2
# Characters of the disclosures' vocabulary whose traditional form differs: a text that prints them
# far more often than their simplified forms was converted (mojibake prints them seldom).
TRADITIONAL_FORMS = {"決": "决", "財": "财", "撥": "拨", "經": "经", "費": "费", "預": "预", "總": "总", "說": "说"}
MIN_TRADITIONAL_FORMS = 5


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of the bytes of a text extract; DecodeError if they are not one."""
    if not data.strip():
        raise DecodeError("empty file")
    for magic, looks_like in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(f"not a text file: it looks like {looks_like}")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data, encoding), encoding)
    if b"\x00" in data:
        encoding = _utf16_from_nuls(data)
        return _checked(_decode_strict(data, encoding), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8", data)  # (no BOM: its UTF-8 bytes are the data)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _damaged_share(data, "utf-8") <= MAX_DAMAGED_UTF8_SHARE:
        raise DecodeError(f"invalid UTF-8 {_where(data, utf8_error.start)}: {data[utf8_error.start:utf8_error.start + 4]!r}")
    return _checked(_decode_strict(data, "gb18030"), "gb18030")


def _utf16_from_nuls(data: bytes) -> str:
    """The UTF-16 byte order the NULs show, or DecodeError when they show none (binary data)."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    nuls = even + odd
    if odd / nuls >= MIN_UTF16_NUL_SHARE:
        return "utf-16-le"
    if even / nuls >= MIN_UTF16_NUL_SHARE:
        return "utf-16-be"
    first = data.index(b"\x00")
    raise DecodeError(f"not a text file: it looks like binary data ({nuls} NUL bytes not explained by UTF-16, first {_where(data, first)})")


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if _damaged_share(data, encoding) > MIN_BINARY_DAMAGED_SHARE:
            raise DecodeError(f"not a text file: it looks like binary data (mostly undecodable as {encoding})") from exc
        raise DecodeError(f"not valid {encoding} {_where(data, exc.start)}: {data[exc.start:exc.start + 4]!r}") from exc


def _checked(text: str, encoding: str, utf8: bytes | None = None) -> tuple[str, str]:
    """The text, if it reads as Chinese text; DecodeError if it is empty, binary or mojibake. `utf8`:
    the text's UTF-8 bytes, if at hand (counted by bytes: no Python object per character)."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DecodeError("empty file")
    if utf8 is None:
        utf8 = text.encode("utf-8", errors="surrogatepass")
    ascii_part = text.encode("ascii", errors="ignore")  # (the control characters are ASCII: a few bytes to count them in)
    controls = len(ascii_part) - len(ascii_part.translate(None, CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DecodeError(f"not a text file: it looks like binary data ({controls} control characters after decoding as {encoding})")
    if GLYPH_CODE in text:
        codes = GLYPH_CODE_RE.findall(text)
        if len(codes) >= MAX_GLYPH_CODE_SHARE * (len(codes) + _hanzi_count(utf8)):
            raise DecodeError(f"the text holds {len(codes)} glyph codes ('{codes[0]}') instead of characters: the PDF's "
                              "fonts map no glyph to a character, so its text needs OCR")
    if not _reads_as_chinese(text, utf8, len(text) - len(ascii_part)):
        if _in_traditional_characters(text):
            raise DecodeError("the text is written in traditional characters (決算, 財政撥款, 經費), as a web page's "
                              "繁體 view shows it: convert it to simplified characters, in which the disclosures are published")
        raise DecodeError(f"decoding as {encoding} gives text that is not Chinese: mojibake, another language, or the "
                          "text of a PDF whose fonts map glyphs to the wrong characters (OCR that PDF)")
    return text, encoding


def reads_as_chinese(text: str) -> bool:
    """Whether a text read from elsewhere than bytes (a PDF's text layer) reads as Chinese: mostly
    common characters, as _checked asks of a decoded text."""
    return _reads_as_chinese(text, text.encode("utf-8", errors="surrogatepass"), _non_ascii_count(text))


def _in_traditional_characters(text: str) -> bool:
    traditional = sum(map(text.count, TRADITIONAL_FORMS))
    return traditional >= MIN_TRADITIONAL_FORMS and traditional > 2 * sum(map(text.count, TRADITIONAL_FORMS.values()))


def _reads_as_chinese(text: str, utf8: bytes, non_ascii: int) -> bool:
    """True if the non-ASCII part of the text (`non_ascii` characters) is Chinese characters and
    punctuation, mostly common ones."""
    if not non_ascii:
        return True  # plain ASCII is unambiguous
    hanzi = _hanzi_count(utf8)
    if not hanzi:
        return False
    if hanzi < MIN_CHINESE_SHARE * non_ascii:  # only then is the punctuation worth counting
        chinese = hanzi + len(CJK_PUNCTUATION_RE.findall(text))
        if chinese < MIN_CHINESE_SHARE * non_ascii:
            return False
    # Characters outside GB2312 of any kind, by one encoding of the text (GB2312 bytes never hold a '?'):
    # when even all of them together are few, the rare hanzi among them need not be found.
    outside_gb2312 = text.encode("gb2312", errors="replace").count(b"?") - text.count("?")
    if hanzi - outside_gb2312 >= MIN_COMMON_HANZI_SHARE * hanzi:
        return True
    rare = "".join(HANZI_RE.findall(text)).encode("gb2312", errors="replace").count(b"?")
    return hanzi - rare >= MIN_COMMON_HANZI_SHARE * hanzi


def _hanzi_count(utf8: bytes) -> int:
    """How many characters HANZI_RE matches (U+4E00-U+9FFF), counted on the text's UTF-8 bytes: every
    character with a lead byte E4-E9 (U+4000-U+9FFF, all counted by one pass over the bytes) but for
    the rare Extension A ones before U+4E00."""
    count = len(utf8) - len(utf8.translate(None, HANZI_4000_9FFF_LEADS))
    return count - len(EXTENSION_A_4000_4DFF_RE.findall(utf8))


def _damaged_share(data: bytes, encoding: str) -> float:
    """Share of the non-ASCII characters that are undecodable when the bytes are read as `encoding`."""
    text = data.decode(encoding, errors="replace")
    return text.count("\ufffd") / max(_non_ascii_count(text), 1)


def _non_ascii_count(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"at byte offset {offset} (line {line})"


def split_lines(text: str) -> list[Line]:
    """The text's lines, numbered from 1 as an editor shows them (CRLF, CR and LF all end a line),
    blank lines kept, NFKC-normalised (full-width digits, commas, parentheses, % -> ASCII) and
    right-stripped, Markdown read as plain text (see markdown.py). Form feeds (page breaks of
    pdftotext) are dropped and number the pages."""
    normalized = _nfkc(text)  # NFKC keeps line ends and form feeds
    raw_lines = LINE_END_RE.split(normalized) if "\r" in normalized else normalized.split("\n")
    if is_markdown(normalized):
        numbers, texts = zip(*markdown_lines(raw_lines), strict=True)
        lines = list(starmap(tuple.__new__, zip(repeat(Line), zip(numbers, map(str.rstrip, texts), repeat(None)))))
    elif PAGE_BREAK not in text:
        lines = _numbered_lines(map(str.rstrip, raw_lines), repeat(None))
    else:
        lines, page = [], 1
        for no, raw in enumerate(raw_lines, 1):
            leading_breaks = len(raw) - len(raw.lstrip(PAGE_BREAK))
            page += leading_breaks  # pdftotext starts each new page with a form feed
            segments = raw[leading_breaks:].split(PAGE_BREAK)
            if sum(1 for segment in segments if segment.strip()) > 1:
                # a page's last text and the next page's first on one line ('3\f208 05': a page number,
                # then a code): a line each, with the line's number
                lines += [_line(no, segment.rstrip(), page + k) for k, segment in enumerate(segments) if segment.strip()]
            else:
                lines.append(_line(no, "".join(segments).rstrip(), page))
            page += len(segments) - 1
    if lines and not lines[-1].text and text.endswith(("\n", "\r")):
        lines.pop()  # the empty remainder after the final line end is not a line
    return lines


def _line(no: int, text: str, page: int | None) -> Line:
    return tuple.__new__(Line, (no, text, page))  # (see _numbered_lines)


def _numbered_lines(texts: Iterable[str], pages: Iterable[int | None]) -> list[Line]:
    """Line(no, text, page) for each text, numbered from 1. tuple.__new__ builds the very same Lines
    without calling the Python-level __new__ of a NamedTuple once per line (half the time of
    split_lines on a document of thousands of lines); starmap passes it each (Line, fields) pair
    of the zip as its arguments, with no tuple of arguments built per line as map would."""
    return list(starmap(tuple.__new__, zip(repeat(Line), zip(count(1), texts, pages))))


def _nfkc(text: str) -> str:
    """unicodedata.normalize('NFKC', text), without normalising the whole text when only full-width
    forms need it: each is replaced by its own NFKC form first (the common ones without searching
    for them), which leaves the text's NFKC unchanged (the compatibility decomposition of every
    character is kept), and often normalised."""
    if text.isascii():
        return text
    for char, normal in COMMON_FULL_WIDTH.items():
        text = text.replace(char, normal)
    if unicodedata.is_normalized("NFKC", text):  # the common case: no other form was printed
        return text
    found = FULL_WIDTH_RE.search(text)
    while found:  # one replace per distinct form: a text has hundreds of full-width characters, of a few kinds
        char = found.group()
        normal = unicodedata.normalize("NFKC", char)  # never full-width (an unassigned code point stays itself)
        if normal != char:
            text = text.replace(char, normal)  # every one of them: none is before this one
        found = FULL_WIDTH_RE.search(text, found.start() + len(normal))
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
