"""The live what-if: counts per village and category against a plain loop."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from dongchuan_gui.model.register import RuleSet, default_rules, evaluate, what_if
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.whatif import (
    CATEGORIES,
    CATEGORY_LABELS,
    WhatIfModel,
    monitoring_category,
    newly_below_mask,
)

from .helpers import build, household

RULES = default_rules()
A, B = 530113102001, 530113001001


@pytest.fixture(scope="module")
def small():
    rows = [
        household(village=A, status="monitoring", income={2025: 8000.0}),  # unstable, below
        household(village=A, status="monitoring", mon_type=3, income={2025: 8699.99}),
        household(village=A, status="eliminated", mon_type=2, income={2025: 8700.0}),
        household(village=A, income={2025: math.nan}),
        household(village=B, status="monitoring", mon_type=2, income={2025: 9000.0},
                  transfer_2025=3000.0),
        household(village=B, income={2025: 20000.0}),
        household(village=B, income={2025: -50.0}, transfer_2025=0.0),
    ]
    return build(rows)


def plain(reg, line: float, without_transfer: bool, rule_line: float | None):
    """Count household by household: (village, category) -> below, newly below."""
    below: Counter = Counter()
    newly: Counter = Counter()
    cats = monitoring_category(reg).tolist()
    villages = reg.columns["village"].tolist()
    income = reg.income(2025).tolist()
    transfer = reg.year_col("transfer", 2025).tolist()
    for i in range(len(reg)):
        inc = income[i]
        value = round(inc - transfer[i], 2) if without_transfer else inc
        if value < line:
            below[villages[i], cats[i]] += 1
            if rule_line is None or not inc < rule_line:
                newly[villages[i], cats[i]] += 1
    return below, newly


def as_counter(codes, table):
    return Counter({(int(codes[v]), c): int(table[v, c])
                    for v in range(len(codes)) for c in range(CATEGORIES) if table[v, c]})


def test_categories_are_types_in_monitoring(small):
    assert monitoring_category(small).tolist() == [1, 3, 0, 0, 2, 0, 0]
    assert CATEGORY_LABELS[0][1].startswith("not in monitoring")
    assert CATEGORY_LABELS[3] == ("突发严重困难户", "sudden severe hardship")


@pytest.mark.parametrize("line", [8000.0, 8000.01, 8699.99, 8700.0, 8700.01, 9500.0, -50.0,
                                  0.0, 1e9])
@pytest.mark.parametrize("without_transfer", [False, True])
def test_step_counts_match_a_plain_loop(small, line, without_transfer):
    model = WhatIfModel(small, RULES, 2025)
    step = model.step(line, without_transfer)
    below, newly = plain(small, line, without_transfer, 8700.0)
    assert as_counter(step.villages, step.below) == below
    if without_transfer:
        assert step.newly is None
    else:
        assert as_counter(step.villages, step.newly) == newly
    assert step.known.sum() == 6 and step.total_known == 6
    assert step.total_below == sum(below.values())


def test_exact_figures_at_the_rule_line(small):
    step = WhatIfModel(small, RULES).step(8700.0)
    assert step.below_village.tolist() == [1, 2]  # B (Tongdu) sorts first: -50 only
    assert step.below_category.tolist() == [1, 1, 0, 1]
    assert step.total_newly == 0
    assert step.share_village()[1] == pytest.approx(200 / 3)
    step = WhatIfModel(small, RULES).step(8700.0, without_transfer=True)
    assert step.below_village.tolist() == [2, 3]  # 9000 - 3000 and 8700 * 0.7 join


def test_newly_mask_agrees_with_step_counts():
    reg = generate(4000, seed=2)
    ev = evaluate(reg, RULES)
    model = WhatIfModel(reg, RULES)
    for line in (7000.0, 8700.0, 9100.5, 12000.0):
        step = model.step(line)
        mask = model.newly_below(ev, line)
        per_village = np.bincount(reg.village_idx[mask], minlength=len(reg.villages))
        assert per_village.tolist() == step.newly.sum(axis=1).tolist()
        assert step.below_village.tolist() == what_if(reg, line).below.tolist()
        flagged = what_if(reg, line, without_transfer=True).below
        assert model.step(line, True).below_village.tolist() == flagged.tolist()
        # the table's filter and the model's mask are the same thing
        wt = newly_below_mask(reg, ev, line, True)
        assert wt.tolist() == model.newly_below(ev, line, True).tolist()
    with pytest.raises(ValueError, match="evaluation is of 2024"):
        model.newly_below(evaluate(reg, RULES, 2024), 9000.0)


def test_without_a_rule_line_everyone_below_is_newly_below(small):
    doc = RULES.to_dict()
    doc["lines"] = [entry for entry in doc["lines"] if entry["year"] != 2025]
    step = WhatIfModel(small, RuleSet.from_dict(doc)).step(9000.0)
    assert np.array_equal(step.newly, step.below)
    assert WhatIfModel(small).step(9000.0).newly is None  # no rules: not asked


def test_histogram_fixed_bins_count_every_household():
    reg = generate(3000, seed=4)
    model = WhatIfModel(reg, RULES)
    first = model.step(8700.0).histogram
    assert model.step(12345.0).histogram is first  # computed once, the line only moves
    edges, counts = first.edges, first.counts
    assert edges[0] == 0 and len(edges) == 61
    width = edges[1] - edges[0]
    assert width in (100, 200, 250, 500, 1000, 2000, 2500, 5000)
    income = reg.income(reg.latest_year)
    known = income[~np.isnan(income)]
    assert counts.sum() + first.under + first.over + first.missing == len(reg)
    assert first.missing == int(np.isnan(income).sum())
    inside = known[(known >= 0) & (known < edges[-1])]
    assert counts.tolist() == np.histogram(inside, bins=edges)[0].tolist()
    assert first.over == int((known >= edges[-1]).sum()) and first.over <= 0.006 * len(known)
    without = model.histogram(without_transfer=True)
    assert np.array_equal(without.edges, edges) and without.without_transfer
    assert without.counts[:60].sum() + without.under + without.over + without.missing == 3000


def test_towns_sum_their_villages():
    reg = generate(2000, seed=6)
    model = WhatIfModel(reg, RULES)
    model.prepare()
    step = model.step(9000.0)
    per_town = model.per_town(step.below)
    assert per_town.shape == (len(model.towns), CATEGORIES)
    expected = what_if(reg, 9000.0, level="town").below
    assert per_town.sum(axis=1).tolist() == expected.tolist()


def test_a_year_without_data_is_refused(small):
    with pytest.raises(KeyError, match="2019"):
        WhatIfModel(small, RULES, 2019)
