"""A department's accounts over the years, in integer 分 of 万元 (hundredths), so every
identity of a disclosure holds exactly before anything is printed.

One `YearAccounts` per fiscal year, grown from the previous year's (so year-on-year changes and
carry-overs chain); `Department` is what does not change between years.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from functools import lru_cache

from .catalog import DEPARTMENT_KINDS, ECONOMIC_SUBJECTS, ECONOMIC_WEIGHTS, REGIONS

HUNDRED = 100  # 分 per 万元 unit of the model


@dataclass(frozen=True)
class Department:
    key: str  # file-name slug, e.g. 'd0007-finance_bureau'
    kind: str
    province: str
    city: str
    district: str
    full_name: str
    short_name: str  # '' when the documents print the full name only
    items: tuple[tuple[str, int, int], ...]  # (项 code, weight, basic share %)
    admin: bool  # administrative unit (机关): 机关运行经费 applies
    business_share: tuple[int, int]  # % of spending funded by 事业收入

    @property
    def region(self) -> str:
        return f"{self.province}{self.city}{self.district}" if self.province != self.city else f"{self.city}{self.district}"


@dataclass(frozen=True)
class ItemAccounts:
    """One function subject (项): spending by fund and kind, income by source."""

    fiscal_basic: int
    fiscal_project: int
    other_basic: int  # spending funded by 事业收入 / 其他收入
    other_project: int
    fiscal_income: int
    business_income: int
    other_income: int

    @property
    def basic(self) -> int:
        return self.fiscal_basic + self.other_basic

    @property
    def project(self) -> int:
        return self.fiscal_project + self.other_project

    @property
    def total(self) -> int:
        return self.basic + self.project

    @property
    def fiscal_total(self) -> int:
        return self.fiscal_basic + self.fiscal_project

    @property
    def income_total(self) -> int:
        return self.fiscal_income + self.business_income + self.other_income


@dataclass(frozen=True)
class YearAccounts:
    year: int
    items: dict[str, ItemAccounts]  # 项 code -> accounts, in catalogue order
    economic: dict[str, int]  # 5-digit economic item -> amount (basic expenditure, general public budget)
    fiscal_carry_begin: int
    fiscal_carry_end: int
    other_carry_begin: int
    other_carry_end: int
    class_budgets: dict[str, int]  # 类 -> 年初预算 of the general public budget
    three_public_budget: dict[str, int]  # outbound_travel, vehicle_purchase, vehicle_operation, official_reception
    three_public_actual: dict[str, int]
    vehicle_costs: tuple[int, int, int]  # fuel, repair, insurance (sum = vehicle_operation actual)
    reception: tuple[int, int]  # batches, person-times
    vehicles_held: int
    procurement: dict[str, int]  # goods, works, services, sme, small_micro
    staff: int
    retired: int
    perf_projects: int
    perf_score: int

    # --- derived totals -------------------------------------------------------------------
    def sum_items(self, prefix: str, attribute: str) -> int:
        return sum(getattr(a, attribute) for code, a in self.items.items() if code.startswith(prefix))

    @property
    def classes(self) -> list[str]:
        return sorted({code[:3] for code in self.items})

    @property
    def sections(self) -> list[str]:
        return sorted({code[:5] for code in self.items})

    @property
    def total_income(self) -> int:
        return self.sum_items("", "income_total")

    @property
    def total_expenditure(self) -> int:
        return self.sum_items("", "total")

    @property
    def carry_begin(self) -> int:
        return self.fiscal_carry_begin + self.other_carry_begin

    @property
    def carry_end(self) -> int:
        return self.fiscal_carry_end + self.other_carry_end

    @property
    def grand_total(self) -> int:
        return self.total_income + self.carry_begin

    @property
    def fiscal_income(self) -> int:
        return self.sum_items("", "fiscal_income")

    @property
    def fiscal_grand_total(self) -> int:
        return self.fiscal_income + self.fiscal_carry_begin

    @property
    def gpb_total(self) -> int:
        return self.sum_items("", "fiscal_total")

    @property
    def personnel_total(self) -> int:
        return sum(v for code, v in self.economic.items() if ECONOMIC_GROUP[code] == "personnel")

    @property
    def public_total(self) -> int:
        return sum(v for code, v in self.economic.items() if ECONOMIC_GROUP[code] == "public")

    @property
    def three_public_budget_total(self) -> int:
        return sum(self.three_public_budget.values())

    @property
    def three_public_actual_total(self) -> int:
        return sum(self.three_public_actual.values())

    @property
    def budget_total(self) -> int:
        return sum(self.class_budgets.values())


ECONOMIC_GROUP = {code: group for code, _name, group in ECONOMIC_SUBJECTS}
ECONOMIC_CLASSES = {"personnel": ("301", "303"), "public": ("302", "310")}
THREE_PUBLIC_ITEMS = ("outbound_travel", "vehicle_purchase", "vehicle_operation", "official_reception")


NUMBERED_SCHOOLS = "一二三四五六七八九"


@dataclass(frozen=True)
class NameSlot:
    """Which department a number stands for: its kind, region and the variant of its name (the
    school's number or the street), so that no two departments of a corpus share a name."""

    kind: str
    region: tuple[str, str, str, tuple[str, ...]]
    variant: int


def _variants(kind: str, region: tuple[str, str, str, tuple[str, ...]]) -> int:
    name = DEPARTMENT_KINDS[kind]["name"]
    return len(NUMBERED_SCHOOLS) if "{n}" in name else len(region[3]) if "{street}" in name else 1


@lru_cache(maxsize=4)
def name_slots(seed: int) -> tuple[NameSlot, ...]:
    """Every distinct department name of the catalogue, in a seeded order: each kind in each
    region once (kinds evenly spread), then the further schools and street offices."""
    rng = random.Random(f"{seed}:names")
    pairs = [(kind, region) for kind in sorted(DEPARTMENT_KINDS) for region in REGIONS]
    rng.shuffle(pairs)
    rounds = max(_variants(kind, region) for kind, region in pairs)
    return tuple(NameSlot(kind, region, v) for v in range(rounds) for kind, region in pairs if v < _variants(kind, region))


def make_department(slot: NameSlot, number: int) -> Department:
    kind, (province, city, district, streets) = slot.kind, slot.region
    spec = DEPARTMENT_KINDS[kind]
    values = {"city": city, "district": district, "street": streets[slot.variant % len(streets)],
              "n": NUMBERED_SCHOOLS[slot.variant % len(NUMBERED_SCHOOLS)]}
    full = spec["name"].format(**values)
    short = spec["short"].format(**values) if spec["short"] else ""
    return Department(
        key=f"d{number:05d}-{kind.replace('_', '-')}",
        kind=kind, province=province, city=city, district=district, full_name=full, short_name=short,
        items=spec["items"], admin=spec["admin"], business_share=spec["business_share"],
    )


def split(total: int, weights: list[int], rng: random.Random, jitter: float = 0.3) -> list[int]:
    """`total` split into len(weights) non-negative integers that add up exactly."""
    noisy = [w * (1 + rng.uniform(-jitter, jitter)) if w else 0 for w in weights]
    scale = sum(noisy) or 1
    parts = [int(total * w / scale) for w in noisy]
    parts[max(range(len(parts)), key=lambda i: noisy[i])] += total - sum(parts)
    return parts


def first_year(dept: Department, year: int, rng: random.Random) -> YearAccounts:
    """The accounts of the year before the first published one (the basis of year-on-year figures)."""
    low, high = DEPARTMENT_KINDS[dept.kind]["size"]
    size = rng.randint(low * HUNDRED, high * HUNDRED)
    chosen = [entry for entry in dept.items if entry[1] >= 10 or rng.random() < 0.75]
    amounts = split(size, [w for _c, w, _b in chosen], rng)
    business = rng.randint(*dept.business_share) if dept.business_share[1] else 0
    items = {}
    for (code, _w, basic_pct), amount in zip(chosen, amounts, strict=True):
        items[code] = _item_from_amount(amount, basic_pct, business if basic_pct < 100 else 0, rng)
    staff = max(3, size // (HUNDRED * rng.randint(18, 35)))
    base = YearAccounts(
        year=year, items=dict(sorted(items.items())), economic={}, fiscal_carry_begin=0, fiscal_carry_end=0,
        other_carry_begin=0, other_carry_end=0, class_budgets={}, three_public_budget={}, three_public_actual={},
        vehicle_costs=(0, 0, 0), reception=(0, 0), vehicles_held=rng.choice((0, 0, 1, 1, 2, 3)),
        procurement={}, staff=staff, retired=rng.randint(0, staff // 2), perf_projects=rng.randint(1, 8),
        perf_score=rng.randint(85, 100),
    )
    carries = rng.random() < 0.5
    fiscal_begin = rng.randint(0, size // 20) if carries else 0
    other_begin = rng.randint(0, size // 50) if carries and business else 0
    return _complete(base, fiscal_begin, other_begin, rng)


def next_year(prev: YearAccounts, rng: random.Random, carry_shift: int = 0) -> YearAccounts:
    """The following year's accounts: every subject grows or shrinks a little; the carry-over
    begins where last year's ended (plus `carry_shift`, the planted break of the chain)."""
    items = {}
    for code, a in prev.items.items():
        factor = rng.uniform(0.88, 1.15)
        items[code] = ItemAccounts(*(int(v * factor) for v in (a.fiscal_basic, a.fiscal_project, a.other_basic,
                                                               a.other_project, 0, 0, 0)))
    staff = max(3, prev.staff + rng.randint(-2, 2))
    vehicles = max(0, prev.vehicles_held + rng.choice((0, 0, 0, -1, 1)))
    base = replace(prev, year=prev.year + 1, items=items, staff=staff, retired=max(0, prev.retired + rng.randint(-1, 1)),
                   vehicles_held=vehicles, perf_projects=max(1, prev.perf_projects + rng.randint(-1, 1)),
                   perf_score=rng.randint(85, 100))
    return _complete(base, prev.fiscal_carry_end, prev.other_carry_end + carry_shift, rng)


def _item_from_amount(amount: int, basic_pct: int, business_pct: int, rng: random.Random) -> ItemAccounts:
    basic = amount * basic_pct // 100
    if 0 < basic_pct < 100:
        basic = int(amount * rng.uniform(basic_pct * 0.8, min(100, basic_pct * 1.2)) / 100)
    project = amount - basic
    other_basic, other_project = basic * business_pct // 100, project * business_pct // 100
    return ItemAccounts(basic - other_basic, project - other_project, other_basic, other_project, 0, 0, 0)


def _complete(base: YearAccounts, fiscal_begin: int, other_begin: int, rng: random.Random) -> YearAccounts:
    """Fill income (so the carry-overs balance), the economic split, budgets, 三公 and procurement.
    The whole change of the carry-over is booked on the largest subject, which it never exceeds."""
    items = dict(base.items)
    main = max(items, key=lambda c: items[c].total)
    fiscal_spend = sum(a.fiscal_total for a in items.values())
    fiscal_delta = rng.randint(-min(fiscal_begin, items[main].fiscal_total), fiscal_spend // 40) if fiscal_begin or rng.random() < 0.3 else 0
    other_main = items[main].other_basic + items[main].other_project
    other_spend = sum(a.other_basic + a.other_project for a in items.values())
    other_delta = rng.randint(-min(other_begin, other_main), other_spend // 30) if other_spend else 0
    for code, a in items.items():
        fiscal_income = a.fiscal_total + (fiscal_delta if code == main else 0)
        other_funds = a.other_basic + a.other_project + (other_delta if code == main else 0)
        other_income = other_funds // 20 if other_funds > 0 and rng.random() < 0.5 else 0
        items[code] = replace(a, fiscal_income=fiscal_income, business_income=other_funds - other_income,
                              other_income=other_income)
    year = replace(base, items=items, fiscal_carry_begin=fiscal_begin, fiscal_carry_end=fiscal_begin + fiscal_delta,
                   other_carry_begin=other_begin, other_carry_end=other_begin + other_delta)
    return replace(year, economic=_economic(year, rng), class_budgets=_class_budgets(year, rng),
                   **_three_public(year, rng), procurement=_procurement(year, rng))


def _economic(year: YearAccounts, rng: random.Random) -> dict[str, int]:
    basic = year.sum_items("", "fiscal_basic")
    public = int(basic * rng.uniform(0.06, 0.2))
    result = {}
    for group, amount in (("personnel", basic - public), ("public", public)):
        codes = [code for code, _n, g in ECONOMIC_SUBJECTS if g == group and len(code) == 5 and rng.random() < 0.8]
        result.update(zip(codes, split(amount, [ECONOMIC_WEIGHTS[c] for c in codes], rng, jitter=0.5), strict=True))
    return {code: result[code] for code, _n, _g in ECONOMIC_SUBJECTS if code in result}


def _class_budgets(year: YearAccounts, rng: random.Random) -> dict[str, int]:
    budgets = {}
    for cls in year.classes:
        final = year.sum_items(cls, "fiscal_total")
        budgets[cls] = final if rng.random() < 0.2 else int(final * rng.uniform(0.75, 1.12))
    return budgets


def _three_public(year: YearAccounts, rng: random.Random) -> dict:
    scale = max(1, year.total_expenditure // 400)
    budget = {
        "outbound_travel": rng.choice((0, 0, 0, rng.randint(1, scale))),
        "vehicle_purchase": rng.choice((0, 0, 0, rng.randint(scale, 4 * scale))) if year.vehicles_held else 0,
        "vehicle_operation": rng.randint(scale // 2 + 1, 2 * scale + 1) if year.vehicles_held else 0,
        "official_reception": rng.randint(1, scale),
    }
    actual = {item: int(b * rng.uniform(0.3, 1.0)) for item, b in budget.items()}
    fuel, repair, insurance = split(actual["vehicle_operation"], [5, 3, 2], rng)
    batches = rng.randint(1, 12) if actual["official_reception"] else 0
    return {"three_public_budget": budget, "three_public_actual": actual, "vehicle_costs": (fuel, repair, insurance),
            "reception": (batches, batches * rng.randint(3, 12))}


def _procurement(year: YearAccounts, rng: random.Random) -> dict[str, int]:
    total = int(year.total_expenditure * rng.uniform(0.03, 0.3))
    goods, works, services = split(total, [5, rng.choice((0, 0, 2)), 4], rng)
    sme = int(total * rng.uniform(0.7, 1.0))
    return {"goods": goods, "works": works, "services": services, "sme": sme,
            "small_micro": int(sme * rng.uniform(0.2, 0.9))}


def department_years(dept: Department, years: range, rng: random.Random,
                     carry_shifts: dict[int, int] | None = None) -> tuple[YearAccounts, list[YearAccounts]]:
    """(the year before the first, [the accounts of each year in `years`])."""
    shifts = carry_shifts or {}
    prior = first_year(dept, years[0] - 1, rng)
    result, prev = [], prior
    for year in years:
        prev = next_year(prev, rng, shifts.get(year, 0))
        result.append(prev)
    return prior, result
