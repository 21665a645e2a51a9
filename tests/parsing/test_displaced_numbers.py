"""Numbers an extraction tool printed on a line of their own below their sentence (pdfplumber on
the Shanghai PDF, whose numbers are set in another font): put back where the count of gaps leaves
no choice, else left alone with an issue. Corpus values typed from the PDF (pdftotext -raw
extract lines 504-616); line numbers are those of pdfplumber's text of the PDF."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parsing.displaced import restore_displaced
from dagster_project.parsing.model import Line, ParsedDocument, Provenance
from dagster_project.parsing.text_document import parse_text

PDF = "shanghai-putuo-2024-finance-bureau.pdf"


def restore(*texts: str):
    lines = [Line(no, text) for no, text in enumerate(texts, start=1)]
    return restore_displaced(tuple((line, line.text) for line in lines), "\n" + "\n".join(texts))


# --- the gap rule ---------------------------------------------------------------------------


def test_numbers_go_back_into_the_gaps_when_their_count_equals_the_gaps() -> None:
    restored = restore("本年收入合计 万元,其中:财政拨款收入 万元,占 ;其他", "2946.25 2940.05 99.79%", "收入")
    assert [text for _, text in restored.texts] == ["本年收入合计2946.25万元,其中:财政拨款收入2940.05万元,占99.79%;其他", "收入"]
    [(line, pieces)] = restored.pieces.items()
    assert [(source.no, piece) for source, piece in pieces] == [
        (1, "本年收入合计"), (2, "2946.25"), (1, "万元,其中:财政拨款收入"), (2, "2940.05"), (1, "万元,占"), (2, "99.79%"), (1, ";其他"),
    ]
    assert restored.issues == ()


def test_a_count_that_differs_puts_nothing_back_and_says_where() -> None:
    restored = restore("年初预算为 万元,支出决算为 万元。", "1560.05", "下一行")
    assert [text for _, text in restored.texts] == ["年初预算为 万元,支出决算为 万元。", "1560.05", "下一行"]
    [issue] = restored.issues
    assert (issue.code, issue.severity, issue.provenance) == ("displaced_numbers_not_restored", "warn", Provenance(1, 2))


def test_a_space_printed_after_clause_punctuation_is_not_taken_for_a_gap() -> None:
    restored = restore("本年收入合计 万元,其中: 财政拨款收入 万元。", "100.00 90.00")
    assert [text for _, text in restored.texts] == ["本年收入合计100.00万元,其中: 财政拨款收入90.00万元。"]


def test_a_value_lost_at_the_start_of_a_line_goes_there_only_when_the_count_says_so() -> None:
    assert [t for _, t in restore("万元。决算数与预算数基本持平。", "0.94").texts] == ["0.94万元。决算数与预算数基本持平。"]
    assert [t for _, t in restore(";", "15.16%").texts] == ["15.16%;"]
    assert [t for _, t in restore("元,支出决算为 万元。", "80.38").texts] == ["元,支出决算为80.38万元。"]


def test_a_unit_starting_a_line_after_its_number_is_no_gap() -> None:
    # an extract that prints each number on a line of its own: '2.29' stays where it is printed,
    # before the 万元 that starts the next line, so '18.41' is not put back at that line's start
    # (it is 燃料费's, printed after it)
    texts = ("完成年初预算的93.3%,比年初预算减少", "2.29", "万元;其中:燃料费", "18.41", "万元;维修费", "7.32", "万元。")
    assert [text for _, text in restore(*texts).texts] == list(texts)


def test_the_columns_of_a_table_row_are_no_gaps() -> None:
    restored = restore("本年收入合计 本年支出合计", "2,946.25 2,940.05", "上海市某局财政所 预算不单列", "2")
    assert [text for _, text in restored.texts] == ["本年收入合计 本年支出合计", "2,946.25 2,940.05", "上海市某局财政所 预算不单列", "2"]
    assert restored.issues == ()


def test_a_lone_page_number_is_not_put_into_a_line_that_only_may_have_lost_a_value() -> None:
    restored = restore("万元,完成年初预算的 109.65%,支出决算数大", "14")
    assert [text for _, text in restored.texts] == ["万元,完成年初预算的 109.65%,支出决算数大", "14"]


# --- the real PDF, as pdfplumber reads it ------------------------------------------------------


@lru_cache(maxsize=1)
def _plumber_document(path: Path) -> ParsedDocument:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return parse_text(text.encode("utf-8"), str(path), "plumber")


@pytest.fixture
def document(corpus_dir) -> ParsedDocument:
    return _plumber_document(corpus_dir / PDF)


def fact(document: ParsedDocument, key: str, subject: str = "total"):
    [found] = [f for f in document.facts if f.fact_key == key and f.subject == subject]
    return found


@pytest.mark.parametrize(
    ("key", "subject", "value", "lines"),
    [
        ("total_income_expenditure", "total", "2995.39", (483, 484)),  # '… 年度收入支出总计 万元。' / '2024 2995.39 2023'
        ("total_yoy_change", "total", "56.95", (485, 486)),
        ("total_yoy_change_pct", "total", "1.87", (486, 486)),
        ("income_total", "total", "2946.25", (489, 490)),
        ("income_amount", "fiscal_appropriation", "2940.05", (489, 490)),
        ("income_share_pct", "fiscal_appropriation", "99.79", (490, 490)),
        ("income_amount", "other", "6.2", (491, 492)),
        ("expenditure_amount", "project", "603.14", (496, 497)),  # the value at the start of '万元,占 ;'
        ("gpb_yoy_change", "total", "63.14", (508, 509)),
        ("budget_initial", "total", "2993.92", (521, 522)),
        ("budget_final", "2010608", "449.52", (545, 546)),  # '万元。决算数小于…' / '449.52'
        ("basic_personnel", "total", "2152.26", (588, 589)),
        ("three_public_budget", "total", "0.95", (600, 601)),  # '三公 经费…' / '“ ” 0.95 0.00'
        ("admin_operating_cost", "total", "184.65", (642, 643)),
        ("procurement_total", "total", "251.25", (646, 647)),
    ],
)
def test_narrative_facts_and_the_lines_of_their_sentence_and_number(document, key, subject, value, lines) -> None:
    found = fact(document, key, subject)
    assert found.value == Decimal(value)
    assert (found.provenance.line_start, found.provenance.line_end) == lines


def test_the_sentence_of_a_fact_reads_with_its_numbers_back(document) -> None:
    assert fact(document, "total_income_expenditure").sentence == "上海市普陀区财政局2024年度收入支出总计2995.39万元。"
    assert fact(document, "gpb_class_share_pct", "221").value == Decimal("15.16")  # '；' / '15.16%' after the line of 住房保障支出


def test_the_profile_reads_the_year_moved_below_the_title(document) -> None:
    assert (document.department_name, document.fiscal_year) == ("上海市普陀区财政局", 2024)


def test_a_space_printed_before_punctuation_leaves_one_reading(document) -> None:
    # '在职人员基本医疗保险费 。年初预算为 万元，支出决算为 万元。决' prints a space before 。 and three
    # gaps for the two numbers below it: both readings are possible, so only the one with a
    # certain gap each is taken (62.29 and 60.99, as the PDF prints them).
    assert fact(document, "budget_initial", "2101101").value == Decimal("62.29")
    assert fact(document, "budget_final", "2101101").value == Decimal("60.99")
    assert not any(issue.code == "displaced_numbers_not_restored" for issue in document.issues)
