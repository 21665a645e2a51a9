"""The profile of the two real extracts: name as printed in the title, every printed variant of it,
region, fiscal year, unit and the staff / unit counts. Values typed from the documents."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.narrative import Profile, extract_profile


def profile_of(path) -> Profile:
    text, _ = decode_bytes(path.read_bytes())
    return extract_profile(split_lines(text))


def counts(profile: Profile) -> dict[tuple[str, str], Decimal]:
    return {(f.fact_key, f.subject): f.value for f in profile.facts}


def test_wuhan_name_region_year_unit(corpus_dir) -> None:
    profile = profile_of(corpus_dir / "wuhan-qiaokou-2021-party-office.txt")
    assert profile.department_name == "中国共产党武汉市硚口区委员会办公室"
    assert profile.region == "武汉市硚口区"
    assert profile.fiscal_year == 2021
    assert profile.unit == "万元"
    assert not [i for i in profile.issues if i.severity != "info"]


def test_wuhan_name_variants_include_short_forms_and_the_misprint(corpus_dir) -> None:
    profile = profile_of(corpus_dir / "wuhan-qiaokou-2021-party-office.txt")
    variants = {(v.name, v.context) for v in profile.name_variants}
    assert {
        ("中国共产党武汉市硚口区委员会办公室", "title"),  # lines 95-97
        ("中共武汉市硚口区委办公室", "table_header"),  # '部门：中共武汉市硚口区委办公室', line 105
        ("中共武汉市硚口区委办公室", "profile"),  # line 81
        ("中国共产党武汉市硚口区委员会办公室", "narrative"),
        ("中共武汉市侨口区委办公室", "narrative"),  # line 1437, 侨 misprinted for 硚: kept as printed
        ("中共硚口区委办公室", "form"),  # '单位名称：中共硚口区委办公室', line 1534
    } <= variants
    names = {v.name for v in profile.name_variants}
    assert names == {"中国共产党武汉市硚口区委员会办公室", "中共武汉市硚口区委办公室", "中共武汉市侨口区委办公室", "中共硚口区委办公室"}
    misprint = next(v for v in profile.name_variants if "侨口" in v.name)
    assert misprint.provenance.line_start == 1437


def test_wuhan_staff_and_units(corpus_dir) -> None:
    profile = profile_of(corpus_dir / "wuhan-qiaokou-2021-party-office.txt")
    assert counts(profile) == {
        ("staff_in_service", "total"): Decimal(22),
        ("staff_in_service", "行政"): Decimal(22),
        ("staff_retired", "total"): Decimal(5),  # line 101, printed inside the Table 1 title
        ("staff_retired", "离休"): Decimal(0),
        ("staff_retired", "退休"): Decimal(5),
        ("units_consolidated", "行政单位"): Decimal(1),
    }
    assert {f.unit for f in profile.facts} == {"人", "个"}
    retired = next(f for f in profile.facts if f.fact_key == "staff_retired" and f.subject == "total")
    assert retired.provenance.line_start == 101


def test_shanghai_profile(corpus_dir) -> None:
    profile = profile_of(corpus_dir / "shanghai-putuo-2024-finance-bureau.raw.txt")
    assert profile.department_name == "上海市普陀区财政局"
    assert profile.region == "上海市普陀区"
    assert profile.fiscal_year == 2024
    assert profile.unit == "万元"
    assert {(v.name, v.context) for v in profile.name_variants} >= {("上海市普陀区财政局", "title"), ("上海市普陀区财政局", "narrative")}
    assert {v.name for v in profile.name_variants} == {"上海市普陀区财政局"}


def test_shanghai_units_are_counted_from_the_units_table(corpus_dir) -> None:
    # '序号 单位名称 备注' then rows 1-3 (lines 78-81); the 2024 template prints no staff numbers.
    profile = profile_of(corpus_dir / "shanghai-putuo-2024-finance-bureau.raw.txt")
    [units] = profile.facts
    assert (units.fact_key, units.subject, units.value, units.unit) == ("units_consolidated", "total", Decimal(3), "个")
    assert (units.provenance.line_start, units.provenance.line_end) == (78, 81)
