"""Village and town risk lights: each threshold hit by a group built for it."""

from __future__ import annotations

import numpy as np
import pytest

from dongchuan_gui.model.register import RuleSet, aggregate, default_rules
from dongchuan_gui.model.register.aggregate import Aggregate, Provenance
from dongchuan_gui.model.register.lights import (
    AMBER,
    GREEN,
    NONE,
    RED,
    THRESHOLDS,
    describe,
    lights,
    thresholds_for,
)

from .helpers import build, household

RULES = default_rules()
PROV = Provenance("t", "", None, True, 0, "cn-yunnan-monitoring", 1, 2025)

# one row per group: households, persons, monitored by type, known, below,
# persons known, persons below, line, relocated with labour, of them employed
GROUPS = {
    "green": (40, 120, (1, 1, 0), 40, 0, 120, 0, 8700.0, 10, 10),
    "exit": (40, 120, (0, 0, 0), 40, 2, 120, 6, 8700.0, 0, 0),  # 5 % of persons
    "margin": (40, 120, (0, 0, 0), 40, 1, 120, 3, 8700.0, 0, 0),  # 2.5 %
    "monitored": (40, 120, (4, 3, 1), 40, 0, 120, 0, 8700.0, 0, 0),  # 20 %
    "reloc_low": (40, 120, (0, 0, 0), 40, 0, 120, 0, 8700.0, 10, 8),  # 80 %
    "reloc_short": (40, 120, (0, 0, 0), 40, 0, 120, 0, 8700.0, 10, 9),  # 90 %
    "gaps": (40, 120, (0, 0, 0), 38, 0, 114, 0, 8700.0, 0, 0),  # 5 % no income
    "no_line": (40, 120, (0, 0, 0), 40, 0, 120, 0, np.nan, 0, 0),
    "empty": (0, 0, (0, 0, 0), 0, 0, 0, 0, 8700.0, 0, 0),
    "edge": (100, 100, (0, 0, 0), 100, 3, 100, 2, 8700.0, 20, 19),  # 3 % households, 95 %
}
NAMES = list(GROUPS)


def made(groups=GROUPS, exit_max: float = 3.0) -> Aggregate:
    rows = list(groups.values())

    def col(i):
        return np.array([r[i] for r in rows])

    return Aggregate(
        level="village", year=2025,
        codes=np.arange(len(rows), dtype=np.int64) + 530113102001,
        households=col(0), persons=col(1), monitored=np.array([r[2] for r in rows]),
        eliminated=np.zeros(len(rows), dtype=np.int64), known=col(3), below=col(4),
        persons_known=col(5), persons_below=col(6), line=col(7).astype(float),
        median_income=np.full(len(rows), 12000.0), reloc_with_labour=col(8),
        reloc_employed=col(9), exit_max=exit_max, provenance=PROV,
    )


def test_each_threshold_sets_its_light():
    result = lights(made())
    got = {name: int(result.light[i]) for i, name in enumerate(NAMES)}
    assert got == {
        "green": GREEN, "exit": RED, "margin": AMBER, "monitored": AMBER,
        "reloc_low": RED, "reloc_short": AMBER, "gaps": AMBER, "no_line": AMBER,
        "empty": NONE, "edge": AMBER,
    }
    assert result.counts() == {"no data": 1, "green": 1, "amber": 6, "red": 2}


def test_reasons_name_the_numbers_worst_first():
    result = lights(made())
    assert result.reasons(NAMES.index("exit")) == [
        "incidence 5.0% of register persons, not below the 3.0% exit line",
        "5.0% of households below the 2025 line (2)",
    ]  # the amber "near the exit line" is not repeated under the red
    assert result.reasons(NAMES.index("exit"), "zh") == [
        "贫困发生率5.0%，未低于退出标准3.0%", "5.0%的户低于2025年监测线（2户）",
    ]
    assert result.reasons(NAMES.index("margin")) == [
        "incidence 2.5%, near the exit line (warning from 2.0%)"
    ]
    assert result.reasons(NAMES.index("monitored"), "zh") == ["20.0%的户在监测中（8户）"]
    assert result.reasons(NAMES.index("reloc_low")) == [
        "only 80.0% of relocated households with labour have someone employed (8 of 10)"
    ]
    assert result.reasons(NAMES.index("reloc_short"), "zh") == [
        "有劳动力的搬迁户中90.0%有人就业（9/10户），目标为每户"
    ]
    assert result.reasons(NAMES.index("gaps")) == ["5.0% of households have no 2025 income"]
    assert result.reasons(NAMES.index("no_line")) == [
        "no 2025 line in the rule set: the exit check cannot be made"
    ]
    assert result.reasons(NAMES.index("empty"), "zh") == ["登记册中此处无住户"]
    assert result.reasons(NAMES.index("green")) == [
        "incidence 0.0%, below the 3.0% exit line; no warnings"
    ]
    assert result.label(NAMES.index("exit"), "zh") == "红"


def test_boundaries_exit_at_three_percent_relocation_at_ninety_five():
    result = lights(made())
    i = NAMES.index("edge")  # incidence 2 %: amber; 3 % of households: amber; 95 %: fine
    keys = [t.key for t, hit in zip(result.thresholds, result.triggered[i], strict=True) if hit]
    assert keys == ["exit_margin", "below_share"]


def test_the_exit_line_comes_from_the_rule_set():
    strict = lights(made(exit_max=2.0))
    assert strict.light[NAMES.index("margin")] == RED
    assert strict.reasons(NAMES.index("margin"))[0] == (
        "incidence 2.5% of register persons, not below the 2.0% exit line"
    )
    table = thresholds_for(2.0)
    assert [t.value for t in table if t.key == "exit_check"] == [2.0]
    assert [t.value for t in THRESHOLDS if t.key == "exit_check"] == [3.0]


def test_only_the_exit_line_is_sourced():
    sourced = {t.key for t in THRESHOLDS if t.sourced}
    assert sourced == {"exit_check"}
    for t in THRESHOLDS:
        assert t.source
        assert ("local working setting" in t.source) != t.sourced
        assert t.light in (AMBER, RED) and t.test in (">=", "<")
    assert [t.key for t in THRESHOLDS if t.key == "monitored_share" and t.light == RED] == []
    rows = describe()
    assert rows[0]["key"] == "exit_check" and rows[0]["light"] == "red"
    assert rows[0]["value_pct"] == 3.0 and rows[0]["sourced"] is True
    assert [r["key"] for r in rows if not r["sourced"]] == [
        "exit_margin", "below_share", "monitored_share", "relocation_low", "relocation_short",
        "income_gaps"]


def test_most_at_risk_orders_red_then_amber_then_findings():
    result = lights(made())
    order = [NAMES[i] for i in result.most_at_risk(None)]
    # two findings before one; then incidence, households below, code
    assert order == ["exit", "reloc_low", "edge", "margin", "monitored", "reloc_short",
                     "gaps", "no_line"]
    assert [NAMES[i] for i in result.most_at_risk(3)] == ["exit", "reloc_low", "edge"]
    ranking = [NAMES[i] for i in result.ranking()]
    assert ranking[-2:] == ["green", "empty"]


def test_light_of_a_place_absent_from_the_register():
    result = lights(made())
    assert result.light_of(530113102001) == GREEN
    assert result.light_of(530113999999) == NONE
    assert result.index(530113102002) == 1


def test_from_a_built_register_at_village_and_town_level():
    # Caiyuan: 2 of 20 one-person households below: 10 %, red; Dapingdi all fine
    rows = [household(size=1, village=530113102001, income={2025: 8000.0 if i < 2 else 9000.0})
            for i in range(20)]
    rows += [household(size=1, village=530113102002) for _ in range(20)]
    reg = build(rows)
    village = lights(aggregate(reg, RULES, 2025, "village"))
    assert village.light.tolist() == [RED, GREEN]
    town = lights(aggregate(reg, RULES, 2025, "town"))
    assert town.codes.tolist() == [530113102000] and town.light.tolist() == [RED]
    assert town.reasons(0)[0].startswith("incidence 5.0%")
    assert town.provenance.rule_set == "cn-yunnan-monitoring"
    doc = RULES.to_dict()
    doc["exit_incidence_max"] = {"value": 12.0}
    loose = lights(aggregate(reg, RuleSet.from_dict(doc), 2025, "village"))
    assert loose.light.tolist() == [AMBER, GREEN]  # 10 % of households: amber only


@pytest.mark.parametrize("level", ["village", "town"])
def test_every_group_gets_a_light_and_reasons(level):
    from dongchuan_gui.model.register.generate import generate

    reg = generate(3000, seed=2)
    result = lights(aggregate(reg, RULES, level=level))
    assert len(result.light) == len(result.codes) and (result.light >= GREEN).all()
    for i in range(len(result.codes)):
        assert result.reasons(i, "zh") and result.reasons(i, "en")
