"""Each monitoring rule, with a household built to hit it."""

from __future__ import annotations

import numpy as np
import pytest

from dongchuan_gui.model.register import default_rules, evaluate
from dongchuan_gui.model.register.rules import (
    AT_RISK,
    CAN_ELIMINATE,
    ELIMINATED,
    MONITORED,
    NO_DATA,
    NO_RISK,
    RECHECK,
    RuleSet,
)

from .helpers import build, household

RULES = default_rules()


def judge(**kw):
    result = evaluate(build([household(**kw)]), RULES, 2025)
    return int(result.verdict[0]), result


def test_below_the_line_by_n_yuan_in_words():
    verdict, result = judge(income={2024: 9000.0, 2025: 8288.0})
    assert verdict == AT_RISK
    assert result.has("below_line")[0] and result.has("not_monitored")[0]
    assert "below the 2025 line by 412 yuan" in result.explain(0)
    assert "低于2025年监测线412元" in result.explain(0, "zh")


def test_fen_are_kept_in_the_gap():
    _, result = judge(income={2025: 8287.55})
    assert "below the 2025 line by 412.45 yuan" in result.explain(0)


def test_exactly_on_the_line_is_not_below():
    verdict, result = judge(income={2024: 8700.0, 2025: 8700.0})
    assert verdict == NO_RISK
    assert not result.has("below_line")[0] and result.has("above_line")[0]
    verdict, _ = judge(income={2024: 8700.0, 2025: 8699.99})
    assert verdict == AT_RISK


def test_eliminated_only_when_stably_above_and_needs_met():
    verdict, result = judge(status="monitoring", income={2024: 9000.0, 2025: 9500.0})
    assert verdict == CAN_ELIMINATE
    assert result.has("needs_met")[0]
    assert "above the 2025 line by 800 yuan" in result.explain(0)


def test_not_stable_when_below_the_year_before():
    verdict, result = judge(status="monitoring", income={2024: 8000.0, 2025: 9500.0})
    assert verdict == MONITORED
    assert result.has("unstable")[0]
    assert "below the line in 2024: not yet stable" in result.explain(0)
    assert "2024年低于当年监测线，收入尚不稳定" in result.explain(0, "zh")


def test_stability_not_shown_without_last_years_income():
    verdict, result = judge(status="monitoring", income={2024: np.nan, 2025: 9500.0})
    assert verdict == MONITORED
    assert result.has("no_prev_income")[0]
    assert "no 2024 income: stability not shown" in result.explain(0)


def test_three_stable_years_name_the_year_below():
    doc = dict(default_rules().to_dict(), stable_years={"value": 3})
    rules = RuleSet.from_dict(doc)
    reg = build([household(status="monitoring", income={2023: 6000.0})], years=(2023, 2024, 2025))
    result = evaluate(reg, rules)
    assert result.verdict[0] == MONITORED
    assert "below the line in 2023: not yet stable" in result.explain(0)
    reg = build([household(status="monitoring")])  # no 2023 data at all
    result = evaluate(reg, rules)
    assert "no 2023 income: stability not shown" in result.explain(0)


def test_one_year_is_enough_when_the_rule_set_says_so():
    doc = dict(default_rules().to_dict(), stable_years={"value": 1})
    rules = RuleSet.from_dict(doc)
    result = evaluate(build([household(status="monitoring", income={2024: 8000.0})]), rules)
    assert result.verdict[0] == CAN_ELIMINATE


@pytest.mark.parametrize("need", ["food", "clothing", "education", "medical", "housing", "water"])
def test_every_unmet_need_keeps_the_household_monitored(need):
    verdict, result = judge(status="monitoring", needs_2025={need: 0})
    assert verdict == MONITORED
    assert result.has(f"unmet_{need}")[0]
    assert not result.has("needs_met")[0]


def test_an_unmet_need_is_a_risk_for_a_household_not_monitored():
    verdict, result = judge(needs_2025={"housing": 0})
    assert verdict == AT_RISK
    assert "safe housing not assured in 2025" in result.explain(0)


def test_unrecorded_needs_block_elimination_and_are_named():
    verdict, result = judge(status="monitoring", needs_2025={"water": -1, "medical": -1})
    assert verdict == MONITORED
    assert result.has("needs_unknown")[0]
    assert "basic medical care, safe drinking water not recorded for 2025" in result.explain(0)


def test_no_labour_capacity_stays_monitored():
    verdict, result = judge(
        status="monitoring", no_labour=True, labour=0, income={2024: 20000.0, 2025: 21000.0}
    )
    assert verdict == MONITORED
    assert result.has("no_labour")[0]
    assert (
        "no labour capacity: stays monitored after social-security measures" in result.explain(0)
    )


def test_no_labour_rule_can_be_switched_off_as_data():
    doc = dict(default_rules().to_dict(), no_labour_stays_monitored={"value": 0})
    rules = RuleSet.from_dict(doc)
    reg = build([household(status="monitoring", no_labour=True, labour=0)])
    assert evaluate(reg, rules).verdict[0] == CAN_ELIMINATE


def test_marked_eliminated_without_labour_capacity_is_rechecked():
    verdict, result = judge(status="eliminated", no_labour=True, labour=0)
    assert verdict == RECHECK
    assert result.has("eliminated_no_labour")[0]


def test_naturally_eliminated_without_labour_is_no_conflict():
    verdict, _ = judge(status="natural", no_labour=True, labour=0)
    assert verdict == ELIMINATED


def test_eliminated_holds_and_new_risk_after_elimination():
    assert judge(status="eliminated")[0] == ELIMINATED
    verdict, result = judge(status="eliminated", income={2025: 8000.0})
    assert verdict == AT_RISK
    assert result.has("new_risk")[0] and not result.has("not_monitored")[0]


def test_large_rigid_spending_is_a_risk_above_the_line():
    # household income 3 x 10,000; half of it is 15,000
    verdict, result = judge(income={2025: 10000.0}, rigid_2025=15000.01)
    assert verdict == AT_RISK and result.has("rigid")[0]
    assert "large rigid spending: 15,000.01 yuan, 50% of household income" in result.explain(0)
    assert judge(income={2025: 10000.0}, rigid_2025=15000.0)[0] == NO_RISK


def test_sharp_fall_in_income_is_a_risk():
    verdict, result = judge(income={2024: 20000.0, 2025: 13000.0})
    assert verdict == AT_RISK and result.has("income_drop")[0]
    assert "income fell 35% since 2024" in result.explain(0)
    assert judge(income={2024: 20000.0, 2025: 14000.0})[0] == NO_RISK


def test_no_income_cannot_be_judged():
    verdict, result = judge(status="monitoring", income={2025: np.nan})
    assert verdict == NO_DATA
    assert result.explain(0)[0] == "no 2025 income recorded"


def test_a_year_without_a_line_cannot_be_judged():
    rows = [household(income={})]
    reg = build([{k.replace("2024", "2019").replace("2025", "2020"): v
                  for k, v in rows[0].items()}], years=(2019, 2020))
    result = evaluate(reg, RULES)
    assert result.verdict[0] == NO_DATA and result.has("no_line")[0]
    assert result.lines_used == []


def test_relocation_follow_up():
    rows = [
        household(reloc_kind=1, employed_2025=0),
        household(reloc_kind=1, employed_2025=-1),
        household(reloc_kind=1, employed_2025=0, labour=0, no_labour=True),
        household(reloc_kind=0, employed_2025=0),
        household(reloc_kind=2, employed_2025=1),
    ]
    result = evaluate(build(rows), RULES)
    assert list(result.has("reloc_unemployed")) == [True, False, False, False, False]
    assert list(result.has("reloc_unknown")) == [False, True, False, False, False]
    assert "relocated with labour, fewer than 1 employed in 2025" in result.explain(0)


def test_lines_by_province_with_their_marks():
    rows = [household(income={2024: 8000.0}), household(village=520102001001,
                                                       income={2024: 8000.0})]
    result = evaluate(build(rows), RULES, 2024)
    assert list(result.line) == [8700.0, 7300.0]  # Yunnan [V]; elsewhere the national [BK]
    assert list(result.verdict) == [AT_RISK, NO_RISK]
    marks = {(e.scope, e.value): e.verified for e in result.lines_used}
    assert marks == {("Yunnan", 8700.0): True, ("national", 7300.0): False}


def test_default_rule_set_marks_what_is_verified():
    assert RULES.line(2021, "53").value == 6000 and RULES.line(2021, "53").verified
    assert RULES.line(2025, "53").value == 8700 and RULES.line(2025, "53").verified
    assert RULES.line(2024, "53").value == 8700 and RULES.line(2024, "53").verified
    assert not RULES.line(2022, "53").verified and not RULES.line(2023, "53").verified
    assert RULES.exit_incidence_max.value == 3.0 and RULES.exit_incidence_max.verified
    assert not RULES.rigid_share_max.verified and not RULES.income_drop_max.verified
    assert RULES.line(2019, "53") is None


def test_rule_set_round_trips_and_refuses_bad_data():
    assert RuleSet.from_dict(RULES.to_dict()) == RULES
    doc = RULES.to_dict()
    doc["lines"].append(dict(doc["lines"][0]))
    with pytest.raises(ValueError, match="two lines for 2021"):
        RuleSet.from_dict(doc)
    with pytest.raises(ValueError, match="rule set"):
        RuleSet.from_dict({**RULES.to_dict(), "surprise": 1})
    with pytest.raises(ValueError, match="stable_years"):
        RuleSet.from_dict({**RULES.to_dict(), "stable_years": {"value": 0}})


def test_counts_add_up_and_every_verdict_has_a_reason():
    from dongchuan_gui.model.register.generate import generate

    reg = generate(5000, seed=4)
    result = evaluate(reg, RULES)
    assert sum(result.counts().values()) == len(reg)
    assert np.all(result.reasons != 0)
    for row in range(0, len(reg), 97):
        assert result.explain(row) and result.explain(row, "zh")
