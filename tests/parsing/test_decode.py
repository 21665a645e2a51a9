"""Decoding text extracts: every encoding a disclosure is published in, and clear errors for the rest."""

from __future__ import annotations

import codecs
import random

import pytest

from dagster_project.parsing.decode import DecodeError, decode_bytes, split_lines

# Words of a real disclosure, including 硚 (in GBK/GB18030, not in GB2312) and full-width forms.
SAMPLE = "中共武汉市硚口区委办公室\n2021 年度收、支总计 1,568.88 万元。\n（一）占比 １００．０％\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: the NULs of the ASCII characters show the order
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.replace("硚", "桥").encode("gb2312"), "gb18030"),  # GB2312 is a subset
    ],
)
def test_decodes_each_published_encoding_to_the_same_text(data: bytes, encoding: str) -> None:
    text, name = decode_bytes(data)
    assert name == encoding
    assert text == (SAMPLE if "硚" in text else SAMPLE.replace("硚", "桥"))


def test_crlf_and_cr_line_ends_give_the_same_lines_as_lf() -> None:
    expected = [line.text for line in split_lines(SAMPLE)]
    for line_end in ("\r\n", "\r"):
        text, _ = decode_bytes(SAMPLE.replace("\n", line_end).encode("utf-8"))
        assert [line.text for line in split_lines(text)] == expected


def test_split_lines_numbers_from_one_keeps_blank_lines_and_normalises() -> None:
    lines = split_lines("第一部分\n\n  （一）收入 １，５６８．８８ 万元，占 ９９．８％  \n")
    assert [(line.no, line.text) for line in lines] == [
        (1, "第一部分"),
        (2, ""),
        (3, "  (一)收入 1,568.88 万元,占 99.8%"),
    ]
    assert all(line.page is None for line in lines)


def test_form_feeds_of_pdftotext_number_the_pages_and_are_dropped() -> None:
    lines = split_lines("目 录\n\f第一部分\n概况\n\f17\n")
    assert [(line.no, line.text, line.page) for line in lines] == [
        (1, "目 录", 1),
        (2, "第一部分", 2),
        (3, "概况", 2),
        (4, "17", 3),
    ]


def test_a_form_feed_inside_a_line_ends_the_page_and_the_line() -> None:
    # PyMuPDF's get_text(sort=True) ends a page without a line end: a page number, a form feed and
    # the next page's first code ('3\f208 05') are two lines, not the code 3208 05
    lines = split_lines("208 行政事业单位养老支出\n3\f208 05\n行政单位离退休 20.00\n")
    assert [(line.no, line.text, line.page) for line in lines] == [
        (1, "208 行政事业单位养老支出", 1),
        (2, "3", 1),
        (2, "208 05", 2),
        (3, "行政单位离退休 20.00", 2),
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_an_empty_file_is_reported_as_empty(data: bytes) -> None:
    with pytest.raises(DecodeError, match="^empty file$"):
        decode_bytes(data)


def test_a_pdf_given_as_text_is_named_as_a_pdf() -> None:
    noise = random.Random(8).randbytes(4000)
    with pytest.raises(DecodeError, match="looks like a PDF"):
        decode_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + noise)


def test_a_workbook_given_as_text_is_named_as_an_archive() -> None:
    with pytest.raises(DecodeError, match="ZIP archive"):
        decode_bytes(b"PK\x03\x04" + random.Random(2).randbytes(500))


def test_random_bytes_are_binary_not_text() -> None:
    noise = random.Random(1).randbytes(4000)
    with pytest.raises(DecodeError, match="binary data"):
        decode_bytes(noise)


def test_nul_bytes_that_are_not_utf16_are_binary() -> None:
    data = "收入支出决算总表".encode("utf-8") + b"\x00\x00\x00\x00\x01\x02\x00\x00" * 20
    with pytest.raises(DecodeError, match="NUL bytes"):
        decode_bytes(data)


def test_a_damaged_utf8_file_names_the_byte_offset_and_line() -> None:
    good = ("第一部分 概况\n" * 30).encode("utf-8")
    data = good + b"\xff" + "一般公共服务支出\n".encode("utf-8")
    with pytest.raises(DecodeError, match=rf"invalid UTF-8 at byte offset {len(good)} \(line 31\)"):
        decode_bytes(data)


def test_text_that_decodes_only_to_mojibake_is_refused() -> None:
    # Bytes valid as GB18030 but not Chinese: Big5 Traditional text read as GB18030 is garbage.
    data = "一般公共服務支出決算表，財政撥款收入支出決算總表。".encode("big5") * 10
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_text_in_traditional_characters_is_named_so() -> None:
    # a disclosure copied from a web page's 繁體 view (made up, in that script)
    data = ("某某市某某中心2023年度部門決算公開說明\n一、收入支出決算總體情況說明\n"
            "2023年度收入總計434.72萬元，其中：本年收入合計434.16萬元，使用非財政撥款結餘0.00萬元。\n" * 3).encode("utf-8")
    with pytest.raises(DecodeError, match=r"written in traditional characters .* convert it to simplified"):
        decode_bytes(data)


def test_text_of_glyph_codes_is_named_as_needing_ocr() -> None:
    # pdfminer's text of a PDF whose fonts give no characters: the numbers read, the words do not
    data = ("(cid:3021)(cid:1187)(cid:45) 1,568.88 (cid:902)(cid:77)(cid:3021) 320.50\n" * 20).encode("utf-8")
    with pytest.raises(DecodeError, match=r"holds 120 glyph codes .* needs OCR"):
        decode_bytes(data)


def test_the_reference_extract_decodes_as_utf8(corpus_dir) -> None:
    text, encoding = decode_bytes((corpus_dir / "wuhan-qiaokou-2021-party-office.txt").read_bytes())
    lines = split_lines(text)
    assert encoding == "utf-8"
    assert lines[88].no == 89 and lines[88].text == "中国共产党武汉市硚口区委员会办公室在职实有人数"
    assert lines[90].text == "22人,其中:行政 22 人。"  # full-width comma and colon normalised


def test_text_of_a_pdf_whose_fonts_map_glyphs_wrongly_is_named_so() -> None:
    # the text of a drawn '某某县某某局2021年度部门决算' / '一般公共预算财政拨款支出决算表' whose font's
    # glyph numbers were taken as character codes: mostly rare characters, a few right by chance
    data = "䏣䏣鯺䏣䏣㡄QOQP㩾㪰部门颭算\n醟般頚頠预算财䅍㻵䝖䄽餤颭算表\n魮鎱:醨韑\n".encode("utf-8") * 10
    with pytest.raises(DecodeError, match=r"not Chinese: .* a PDF whose fonts map glyphs to the wrong characters \(OCR"):
        decode_bytes(data)
