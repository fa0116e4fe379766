"""Aggregates against a straightforward pure-Python computation."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict

import numpy as np
import pytest

from dongchuan_gui.model.register import aggregate, default_rules, what_if
from dongchuan_gui.model.register.generate import generate

from .helpers import build, household

RULES = default_rules()


@pytest.fixture(scope="module")
def reg():
    return generate(2500, seed=5)


def group_of(code: int, level: str) -> int:
    unit = {"village": 1, "town": 1000, "district": 1_000_000}[level]
    return code // unit * unit


def plain(reg, year: int, level: str) -> dict[int, dict]:
    """Loop over the households one by one, as a person would on paper."""
    cols = {k: v.tolist() for k, v in reg.columns.items()}
    line = RULES.line(year, "53").value
    out: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    incomes: dict[int, list[float]] = defaultdict(list)
    for i in range(len(reg)):
        g = group_of(cols["village"][i], level)
        row = out[g]
        size = cols["size"][i]
        row["households"] += 1
        row["persons"] += size
        if cols["risk_status"][i] == 1:
            row[("monitored", cols["mon_type"][i])] += 1
        if cols["risk_status"][i] in (2, 3):
            row["eliminated"] += 1
        inc = cols[f"income_{year}"][i]
        if not math.isnan(inc):
            incomes[g].append(inc)
            row["known"] += 1
            row["persons_known"] += size
            if inc < line:
                row["below"] += 1
                row["persons_below"] += size
        if cols["reloc_kind"][i] > 0 and cols["labour"][i] > 0 and not cols["no_labour"][i]:
            row["reloc_with_labour"] += 1
            if cols[f"employed_{year}"][i] >= 1:
                row["reloc_employed"] += 1
    for g, row in out.items():
        row["median"] = statistics.median(incomes[g]) if incomes[g] else math.nan
    return out


@pytest.mark.parametrize("level", ["village", "town", "district"])
@pytest.mark.parametrize("year", [2022, 2025])
def test_aggregate_equals_a_plain_loop(reg, level, year):
    result = aggregate(reg, RULES, year, level)
    expect = plain(reg, year, level)
    assert sorted(expect) == [int(c) for c in result.codes]
    for i, code in enumerate(result.codes):
        e = expect[int(code)]
        assert result.households[i] == e["households"]
        assert result.persons[i] == e["persons"]
        assert [result.monitored[i, t] for t in range(3)] == [
            e[("monitored", t)] for t in (1, 2, 3)
        ]
        assert result.eliminated[i] == e["eliminated"]
        assert result.known[i] == e["known"]
        assert result.below[i] == e["below"]
        assert result.persons_known[i] == e["persons_known"]
        assert result.persons_below[i] == e["persons_below"]
        assert result.reloc_with_labour[i] == e["reloc_with_labour"]
        assert result.reloc_employed[i] == e["reloc_employed"]
        assert result.median_income[i] == e["median"] or (
            math.isnan(e["median"]) and math.isnan(result.median_income[i])
        )
        if e["known"]:
            assert result.share_below[i] == pytest.approx(e["below"] / e["known"] * 100)
            share = e["persons_below"] / e["persons_known"] * 100
            assert result.incidence[i] == pytest.approx(share)
            assert bool(result.exit_ok[i]) == (share < 3.0)


def test_results_say_they_are_derived_and_from_what(reg, tmp_path):
    reg.save(tmp_path / "r.parquet")
    result = aggregate(reg, RULES, level="town")
    doc = result.to_dict()
    derived = doc["derived"]
    assert derived["rule_set"] == "cn-yunnan-monitoring" and derived["rule_version"] == 1
    assert derived["synthetic"] is True and derived["households"] == 2500
    assert derived["register_sha256"] == reg.sha256()
    assert derived["register_file"] == "r.parquet"
    assert "derived" in derived["note"]
    assert sum(r["households"] for r in doc["rows"]) == 2500


def test_exit_check_is_strictly_below_three_percent():
    # 100 persons; 3 below the line is 3 %, not below 3 %
    rows = [household(size=1, income={2025: 8000.0 if i < 3 else 12000.0}) for i in range(100)]
    result = aggregate(build(rows), RULES, 2025, "village")
    assert result.incidence[0] == 3.0 and not result.exit_ok[0]
    rows[2] = household(size=1)
    result = aggregate(build(rows), RULES, 2025, "village")
    assert result.exit_ok[0]


def test_median_of_a_group_with_no_income_is_missing():
    rows = [household(income={2025: np.nan}), household(village=530113102002)]
    result = aggregate(build(rows), RULES, 2025)
    assert math.isnan(result.median_income[0]) and result.median_income[1] == 12000.0
    assert result.rows()[0]["median_income"] is None


def test_what_if_counts_and_without_transfer(reg):
    inc = reg.income(2025)
    tr = reg.year_col("transfer", 2025)
    for line in (6000.0, 8700.0, 9999.99, 15000.0):
        got = what_if(reg, line)
        assert np.array_equal(
            got.below, np.bincount(reg.village_idx[inc < line], minlength=len(reg.villages))
        )
        net = what_if(reg, line, without_transfer=True)
        mask = np.round(inc - tr, 2) < line
        assert np.array_equal(
            net.below, np.bincount(reg.village_idx[mask], minlength=len(reg.villages))
        )
        assert np.all(net.below >= got.below)
        town = what_if(reg, line, level="town")
        assert town.below.sum() == got.below.sum()
    assert what_if(reg, 9000.0).to_dict()["rows"][0]["code"] == f"{reg.villages[0]:012d}"
