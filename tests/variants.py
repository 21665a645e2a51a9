"""Variants of a text extract that must parse to the same cells and facts as the original.

Other extraction tools break lines differently, add page furniture, split codes into 类/款/项
columns, order the narrative differently, print 元 instead of 万元, and write CRLF or GB18030.
Each function below makes one such variant of a document's text; `make_variants` makes them
all (as bytes, ready to be written to a file).

    python tests/variants.py OUTDIR [SOURCE]   # SOURCE defaults to the Wuhan reference extract
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dagster_project.parsing.model import Line  # noqa: E402
from dagster_project.parsing.text_tables import extract_tables  # noqa: E402

REFERENCE = REPO.parent / "shared" / "corpus" / "wuhan-qiaokou-2021-party-office.txt"
PART_RE = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
NUMERALS = "一二三四五六七八九十"
CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff、()（）“”]{8,}")
# A label line: Chinese text only (no digits, no spaces), the kind an extractor wraps.
LABEL_LINE_RE = re.compile(r"^[\u4e00-\u9fff、()（）“”]+$")
TOTAL_LABEL_RE = re.compile(r"^(合\s*计|总\s*计)$")
WAN_AMOUNT_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(\s*)万元")


def _part_bounds(lines: list[str], part: str) -> tuple[int, int]:
    """[start, end) of 第二部分 / 第三部分 … (the heading line included)."""
    starts = [i for i, line in enumerate(lines) if PART_RE.match(line)]
    start = next(i for i in starts if line_part(lines[i]) == part)
    end = next((i for i in starts if i > start), len(lines))
    return start, end


def line_part(line: str) -> str:
    return re.sub(r"\s", "", line)[:4]


def _joined_label_lines(lines: list[str]) -> list[str]:
    """Labels wrapped over several lines (blank lines between) put back on one line."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        previous = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        if (text and previous is not None and LABEL_LINE_RE.match(text) and LABEL_LINE_RE.match(out[previous].strip())
                and not text.startswith("注") and not TOTAL_LABEL_RE.match(out[previous].strip())):
            out[previous] = out[previous].rstrip() + text
            del out[previous + 1:]
            continue
        out.append(line)
    return out


def _wrapped(line: str) -> list[str]:
    """A long run of Chinese text wrapped in the middle, the rest of the line kept after it."""
    if "表" in line or "单位" in line or line.strip().startswith("注"):
        return [line]
    match = CJK_RUN_RE.search(line)
    if not match:
        return [line]
    middle = (match.start() + match.end()) // 2
    return [line[:middle], line[middle:]]


def rebroken(text: str) -> str:
    """(1) Different line breaking in the tables: wrapped labels joined, long labels wrapped elsewhere."""
    lines = text.split("\n")
    start, end = _part_bounds(lines, "第二部分")
    tables = [piece for line in _joined_label_lines(lines[start:end]) for piece in _wrapped(line)]
    return "\n".join(lines[:start] + tables + lines[end:])


def with_page_furniture(text: str, every: int = 37) -> str:
    """(2) Page footers ('- 12 -', '第 3 页') every few lines, blank lines removed in the first half
    and doubled in the second."""
    lines = text.split("\n")
    half = len(lines) // 2
    out: list[str] = []
    page = 1
    for k, line in enumerate(lines):
        if k and k % every == 0:
            out.append(f"- {page} -" if page % 2 else f"第 {page} 页")
            page += 1
        if not line.strip():
            if k >= half:
                out += ["", ""]
            continue
        out.append(line)
    return "\n".join(out)


def with_split_codes(text: str) -> str:
    """(3) Codes split into columns: function 2013101 -> '201 31 01', economic 30101 -> '301 01'."""
    lines = text.split("\n")
    start, end = _part_bounds(lines, "第二部分")

    def split(match: re.Match) -> str:
        code = match.group(0)
        return " ".join([code[:3]] + [code[i:i + 2] for i in range(3, len(code), 2)])

    code_re = re.compile(r"(?<![\d.,])(?:2\d{4}(?:\d{2})?|3\d{4})(?![\d.,])")
    return "\n".join(lines[:start] + [code_re.sub(split, line) for line in lines[start:end]] + lines[end:])


def with_reordered_narrative(text: str) -> str:
    """(4) The numbered sections of 第三部分 in reverse order."""
    lines = text.split("\n")
    start, end = _part_bounds(lines, "第三部分")
    headings, expected = [], 1
    for i in range(start, end):
        match = re.match(r"^\s*([一二三四五六七八九十]+)、", lines[i])
        if match and match.group(1) == _numeral(expected):
            headings.append(i)
            expected += 1
    sections = [lines[a:b] for a, b in zip(headings, headings[1:] + [end])]
    reordered = [line for section in reversed(sections) for line in section]
    return "\n".join(lines[:headings[0]] + reordered + lines[end:])


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def _yuan(printed: str) -> str:
    amount = Decimal(printed.replace(",", "")) * 10000
    return "0" if amount == 0 else f"{amount:,.2f}"


def in_yuan(text: str) -> str:
    """(5) Everything in 元: every table amount x10000 with thousands separators, unit lines say 元,
    narrative amounts in 元. The table amounts are found from the parsed cells of the original
    (each row's values sit on its last line), so 行次, codes and column numbers stay as they are."""
    lines = text.split("\n")
    decoded = [Line(i + 1, unicodedata.normalize("NFKC", t).rstrip()) for i, t in enumerate(lines)]
    pending: dict[int, Counter] = {}
    cells = extract_tables(decoded).cells
    for cell in cells:
        pending.setdefault(cell.provenance.line_end, Counter())[cell.printed] += 1
    converted = 0
    for no, wanted in pending.items():
        tokens = lines[no - 1].split(" ")
        for k in range(len(tokens) - 1, -1, -1):
            token = unicodedata.normalize("NFKC", tokens[k])
            if wanted[token] > 0:
                wanted[token] -= 1
                tokens[k] = _yuan(token)
                converted += 1
        lines[no - 1] = " ".join(tokens)
    if converted != len(cells):
        raise AssertionError(f"converted {converted} table amounts of {len(cells)} cells")
    start, end = _part_bounds(lines, "第二部分")
    out = []
    for k, line in enumerate(lines):
        if start <= k < end:
            out.append(re.sub(r"单位([:：]\s*)万元", r"单位\g<1>元", line))
        else:
            out.append(WAN_AMOUNT_RE.sub(lambda m: f"{_yuan(m.group(1))}{m.group(2)}元", line))
    return "\n".join(out)


def make_variants(text: str) -> dict[str, bytes]:
    """Every variant of the document's text, as the bytes of a file."""
    return {
        "rebroken": rebroken(text).encode("utf-8"),
        "page-furniture": with_page_furniture(text).encode("utf-8"),
        "split-codes": with_split_codes(text).encode("utf-8"),
        "reordered-narrative": with_reordered_narrative(text).encode("utf-8"),
        "yuan": in_yuan(text).encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030": text.encode("gb18030"),
    }


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print(__doc__)
        return 2
    out = Path(argv[1])
    source = Path(argv[2]) if len(argv) == 3 else REFERENCE
    out.mkdir(parents=True, exist_ok=True)
    for name, data in make_variants(source.read_text(encoding="utf-8")).items():
        path = out / f"{source.stem}.{name}.txt"
        path.write_bytes(data)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
