"""The damage kinds of bench/bench_damage.py: what each does to a text's lines (the benchmark's
figures are only comparable across commits if a seed gives the same damage)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_extractors import damaged  # noqa: E402

TEXT = "\n".join(["收入支出决算总表", "单位：万元", "一、一般公共预算财政拨款收入 1 100.00",
                  "本年收入合计 10 100.00", "2010101 行政运行 60.00 40.00 20.00", "2010102 一般行政管理事务 40.00"])


def test_splits_break_lines_and_keep_every_character_in_order():
    out = damaged(TEXT, 3, random.Random(7), "splits")
    assert len(out.split("\n")) == len(TEXT.split("\n")) + 3
    assert out.replace("\n", "") == TEXT.replace("\n", "")


def test_joins_join_lines_to_the_next_and_keep_every_character_in_order():
    out = damaged(TEXT, 2, random.Random(7), "joins")
    assert len(out.split("\n")) in (len(TEXT.split("\n")) - 2, len(TEXT.split("\n")) - 1)  # (the last line has no next)
    assert out.replace("\n", "").replace(" ", "") == TEXT.replace("\n", "").replace(" ", "")


def test_lines_delete_repeat_or_blank_whole_lines_only():
    out = damaged(TEXT, 4, random.Random(7))
    assert set(out.split("\n")) <= set(TEXT.split("\n")) | {""}
    assert out != TEXT


def test_a_seed_gives_the_same_damage_every_time():
    assert damaged(TEXT, 4, random.Random("9-a.txt"), "splits") == damaged(TEXT, 4, random.Random("9-a.txt"), "splits")


def test_pages_put_each_page_on_one_line():
    text = "收入支出决算总表\n单位：万元\n一、一般公共预算财政拨款收入 1 100.00\n\f本年收入合计 10 100.00\n总计 100.00"
    assert damaged(text, 0, random.Random(7), "pages") == (
        "收入支出决算总表 单位：万元 一、一般公共预算财政拨款收入 1 100.00\n本年收入合计 10 100.00 总计 100.00")
    # without form feeds, a page ends after its page number
    assert damaged("第一行\n第二行\n- 3 -\n第三行", 0, random.Random(7), "pages") == "第一行 第二行 - 3 -\n第三行"


def test_words_put_each_word_on_a_line_of_its_own_and_keep_page_numbers_whole():
    text = "比年初预算减少 2.29 万元；其中：燃料费 18.41 万元\n- 8 -\n九、卫生健康支出 39 56.15"
    assert damaged(text, 0, random.Random(7), "words").split("\n") == [
        "比年初预算减少", "2.29", "万元；其中：燃料费", "18.41", "万元", "- 8 -", "九、卫生健康支出", "39", "56.15"]
