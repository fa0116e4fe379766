"""One household's card: fields, years against the line, case, measures, verdict."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dongchuan_gui.model.register import RuleSet, default_rules, evaluate
from dongchuan_gui.model.register.card import household_card
from dongchuan_gui.model.register.rules import MONITORED

from .helpers import build, household

RULES = default_rules()
YEARS = (2023, 2024, 2025)


@pytest.fixture(scope="module")
def reg():
    rows = [
        household(
            YEARS, village=530113102001, size=4, labour=2, attribute=2, cause_main=1,
            cause_other=(1 << 2) | (1 << 10), registered_year=2014, exit_year=2019,
            reloc_kind=1, reloc_site=0, reloc_year=2017, status="monitoring", discovery=2,
            identified=np.datetime64("2024-05-06"), income={2023: 7000.0, 2024: 8000.0,
                                                            2025: math.nan},
            needs_2025={"water": -1, "housing": 0}, measures=[4, 2],
        ),
        household(YEARS, status="eliminated", mon_type=2, identified=np.datetime64("2023-02-01"),
                  status_date=np.datetime64("2024-12-20"), income={2025: 9500.0}),
    ]
    return build(rows, YEARS)


def test_fields_with_their_labels_in_both_languages(reg):
    card = household_card(reg, 0, evaluate(reg, RULES, 2025))
    fields = {f.key: f for f in card.fields}
    assert card.household_id == "T-00000" and card.row == 0 and not card.synthetic
    assert (fields["town"].value("zh"), fields["town"].value("en")) == ("汤丹镇", "Tangdan Town")
    assert fields["village"].value("zh") == "菜园社区"
    assert fields["village_code"].value() == "530113102001"
    assert fields["size"].raw == 4 and fields["labour"].value() == "2"
    assert fields["no_labour"].value("zh") == "否" and fields["no_labour"].value() == "no"
    assert fields["attribute"].value("zh") == "低保户"
    assert (fields["attribute"].label("zh"), fields["attribute"].label()) == (
        "贫困户属性", "household attribute")
    assert fields["cause_main"].value() == "illness"
    assert fields["cause_other"].value("zh") == "因残、缺劳力"
    assert fields["cause_other"].value() == "disability, lack of labour"
    assert fields["reloc_kind"].value("zh") == "城镇安置"
    assert fields["reloc_site"].value() == "" and fields["reloc_year"].value() == "2017"
    assert fields["exit_year"].value() == "2019"


def test_years_with_parts_and_the_step_line(reg):
    card = household_card(reg, 0, rules=RULES)
    assert [y.year for y in card.years] == [2023, 2024, 2025]
    y2023, y2024, y2025 = card.years
    assert y2023.income == 7000.0 and y2023.parts == {
        "wage": 4900.0, "production": 0.0, "property": 0.0, "transfer": 2100.0}
    assert y2025.income is None and y2025.parts["wage"] is None
    assert [y.line for y in card.years] == [6900.0, 8700.0, 8700.0]
    assert [y.line_verified for y in card.years] == [False, True, True]
    assert y2024.employed == 1 and y2024.rigid == 0.0
    series = card.series()
    assert series["years"].tolist() == [2023.0, 2024.0, 2025.0]
    assert series["income"][:2].tolist() == [7000.0, 8000.0] and np.isnan(series["income"][2])
    assert series["line"].tolist() == [6900.0, 8700.0, 8700.0]
    edges, values = card.line_steps()
    assert edges.tolist() == [2022.5, 2023.5, 2024.5, 2025.5]
    assert values.tolist() == [6900.0, 8700.0, 8700.0]


def test_no_line_where_the_rule_set_has_none(reg):
    doc = RULES.to_dict()
    doc["lines"] = [e for e in doc["lines"] if e["year"] != 2023]
    card = household_card(reg, 0, rules=RuleSet.from_dict(doc))
    assert card.years[0].line is None and card.years[0].line_verified is None
    assert np.isnan(card.line_steps()[1][0])
    assert [y.line for y in household_card(reg, 0).years] == [None, None, None]


def test_needs_by_year(reg):
    card = household_card(reg, 0)
    table = {key: flags for key, _, _, flags in card.needs_table()}
    assert table["water"] == ("✓", "✓", "–") and table["housing"] == ("✓", "✓", "✗")
    assert table["food"] == ("✓", "✓", "✓")
    assert card.years[2].needs["housing"] == 0
    assert card.needs_table()[0][1:3] == ("不愁吃", "food")


def test_case_history_and_measures(reg):
    card = household_card(reg, 0)
    case = card.case
    assert case.type.value("zh") == "脱贫不稳定户" and case.discovery.value() == "cadre screening"
    assert case.status.value() == "monitoring" and case.status_date is None
    assert case.identified == "2024-05-06"
    assert [(e.date, e.en) for e in case.history] == [
        ("2024-05-06", "identified as unstable out-of-poverty")]
    assert card.measures == ((4, "小额信贷", "microcredit"), (2, "就业帮扶", "employment"))
    other = household_card(reg, 1).case
    assert [(e.date, e.zh) for e in other.history] == [
        ("2023-02-01", "识别为边缘易致贫户"), ("2024-12-20", "风险已消除")]


def test_the_verdict_with_its_reasons(reg):
    ev = evaluate(reg, RULES, 2024)
    card = household_card(reg, 0, ev)
    assert card.verdict is not None and card.verdict.code == MONITORED
    assert card.verdict.year == 2024 and card.verdict.en == "stays monitored"
    assert card.verdict.reasons() == tuple(ev.explain(0))
    assert "below the 2024 line by 700 yuan" in card.verdict.reasons()
    assert "低于2024年监测线700元" in card.verdict.reasons("zh")
    assert household_card(reg, 0).verdict is None


def test_a_row_outside_the_register_is_refused(reg):
    with pytest.raises(IndexError, match="2 households"):
        household_card(reg, 2)
    with pytest.raises(IndexError):
        household_card(reg, -1)
