"""Register diff: households matched by number; added, removed, changed by field, status
changes; NaN equals NaN; measures as sets; years added or removed; planted changes at scale."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest

from dongchuan_gui.model.register import Register, RegisterMeta
from dongchuan_gui.model.register import diff as diffmod
from dongchuan_gui.model.register.diff import (
    FieldChange,
    diff_registers,
    field_label,
    json_value,
    match_households,
    value_words,
)
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.schema import MONITORING_TYPE, RISK_STATUS

from .helpers import household

YEARS = (2024, 2025)


def reg(
    ids: list[str], rows: list[dict[str, Any]] | None = None,
    years: tuple[int, ...] = YEARS, **meta: Any,
) -> Register:
    rows = rows if rows is not None else [household(years) for _ in ids]
    columns = {name: [r[name] for r in rows] for name in rows[0] if name != "measures"}
    columns["household_id"] = ids
    meta.setdefault("title", "t")
    return Register.from_columns(
        columns, RegisterMeta(years=years, **meta), [r.get("measures", []) for r in rows]
    )


def hh(**kw: Any) -> dict[str, Any]:
    return household(YEARS, **kw)


def test_the_same_households_in_another_order_are_no_difference():
    rows = [hh(status="monitoring", measures=[1, 4]), hh(), hh(income={2025: np.nan})]
    a = reg(["A", "B", "C"], rows)
    b = reg(["C", "A", "B"], [rows[2], rows[0], rows[1]])
    for other in (a, b):
        result = diff_registers(a, other)
        assert result.is_empty and result.matched == 3 and result.changed == 0
        assert result.to_dict()["same"] is True and result.field_counts == {}


def test_added_removed_changed_by_field_exactly():
    old = reg(["H1", "H2", "H3", "H4", "H5"], [
        hh(status="monitoring", income={2025: 5000.0}),
        hh(),
        hh(income={2024: np.nan}),
        hh(measures=[1, 2]),
        hh(),
    ])
    h1 = hh(status="eliminated", income={2025: 9100.5}, status_date=np.datetime64("2025-06-30"))
    h2 = hh(size=4, needs_2025={"water": 0})
    h3 = hh(income={2024: np.nan, 2025: np.nan})
    new = reg(["H6", "H4", "H3", "H2", "H1"], [hh(), hh(measures=[2, 1]), h3, h2, h1])
    result = diff_registers(old, new)
    assert not result.is_empty
    assert result.to_dict() == {
        "same": False,
        "households": {"old": 5, "new": 5, "matched": 4, "added": 1, "removed": 1,
                       "changed": 3, "unchanged": 1},
        "years_added": [],
        "years_removed": [],
        "meta": [],
        "fields": {"size": 1, "risk_status": 1, "status_date": 1, "income_2025": 2,
                   "wage_2025": 2, "transfer_2025": 2, "water_2025": 1},
        "status_changes": [{"field": "risk_status", "old": "monitoring", "new": "eliminated",
                            "text": "risk status: monitoring → eliminated", "households": 1}],
        "added": ["H6"],
        "removed": ["H5"],
        "changed": [
            {"household": "H3", "fields": [
                {"field": "income_2025", "old": 12000.0, "new": None,
                 "old_text": "12,000.00 yuan", "new_text": "not recorded"},
                {"field": "wage_2025", "old": 8400.0, "new": None,
                 "old_text": "8,400.00 yuan", "new_text": "not recorded"},
                {"field": "transfer_2025", "old": 3600.0, "new": None,
                 "old_text": "3,600.00 yuan", "new_text": "not recorded"},
            ]},
            {"household": "H2", "fields": [
                {"field": "size", "old": 3, "new": 4, "old_text": "3", "new_text": "4"},
                {"field": "water_2025", "old": 1, "new": 0,
                 "old_text": "met", "new_text": "not met"},
            ]},
            {"household": "H1", "fields": [
                {"field": "risk_status", "old": "monitoring", "new": "eliminated",
                 "old_text": "monitoring", "new_text": "eliminated"},
                {"field": "status_date", "old": None, "new": "2025-06-30",
                 "old_text": "none", "new_text": "2025-06-30"},
                {"field": "income_2025", "old": 5000.0, "new": 9100.5,
                 "old_text": "5,000.00 yuan", "new_text": "9,100.50 yuan"},
                {"field": "wage_2025", "old": 3500.0, "new": 6370.35,
                 "old_text": "3,500.00 yuan", "new_text": "6,370.35 yuan"},
                {"field": "transfer_2025", "old": 1500.0, "new": 2730.15,
                 "old_text": "1,500.00 yuan", "new_text": "2,730.15 yuan"},
            ]},
        ],
    }


def test_removed_in_the_old_order_added_in_the_new():
    old = reg(["R3", "K1", "R1", "K2", "R2"])
    new = reg(["A2", "K2", "A1", "K1", "A3"])
    result = diff_registers(old, new)
    assert result.removed_ids() == ["R3", "R1", "R2"]
    assert result.added_ids() == ["A2", "A1", "A3"] and result.added_ids(1) == ["A2"]
    assert (result.matched, result.changed) == (2, 0)


def test_status_changes_counted_per_transition_with_labels():
    before = ["monitoring"] * 4 + ["none"] * 3 + ["monitoring", "eliminated"]
    after = ["eliminated"] * 3 + ["natural"] + ["monitoring"] * 2 + ["none"] + ["monitoring"] * 2
    ids = [f"S{i}" for i in range(len(before))]
    old = reg(ids, [hh(status=s) for s in before])
    new = reg(ids, [hh(status=s) for s in after])
    result = diff_registers(old, new)
    risk = [(s.old, s.new, s.households) for s in result.status_changes if s.field == "risk_status"]
    v = RISK_STATUS.value_of
    assert risk == [
        (v("monitoring"), v("eliminated"), 3),
        (v("none"), v("monitoring"), 2),
        (v("monitoring"), v("natural"), 1),
        (v("eliminated"), v("monitoring"), 1),
    ]
    mon = [(s.old, s.new, s.households) for s in result.status_changes if s.field == "mon_type"]
    assert mon == [(MONITORING_TYPE.value_of("none"), MONITORING_TYPE.value_of("unstable"), 2)]
    first = result.status_changes[0]
    assert first.words() == "risk status: monitoring → eliminated"
    assert first.words("zh") == "风险状态: 风险未消除 → 风险已消除"
    assert result.status_changes[-1].words() == (
        "monitoring type: not monitored → unstable out-of-poverty"
    )
    assert result.field_counts["risk_status"] == 7 and result.field_counts["mon_type"] == 2


def test_nan_and_nat_equal_themselves_but_not_a_value():
    rows = [hh(income={2025: np.nan}), hh(income={2025: np.nan}), hh(), hh(rigid_2024=np.nan)]
    new_rows = [hh(income={2025: np.nan}), hh(income={2025: 7000.0}), hh(income={2025: np.nan}),
                hh(rigid_2024=np.nan)]
    ids = ["N1", "N2", "N3", "N4"]
    result = diff_registers(reg(ids, rows), reg(ids, new_rows))
    assert [h.household_id for h in result.examples] == ["N2", "N3"]
    assert result.field_counts["income_2025"] == 2 and "rigid_2024" not in result.field_counts
    # the same through the slice path (registers in step) and the copy path (shuffled)
    shuffled = reg(ids[::-1], new_rows[::-1])
    assert diff_registers(reg(ids, rows), shuffled).field_counts == result.field_counts


def test_measures_compared_as_sets():
    ids = ["M1", "M2", "M3", "M4", "M5"]
    old = reg(ids, [hh(measures=[1, 2]), hh(measures=[1, 2]), hh(), hh(measures=[3]),
                    hh(measures=[4, 5])])
    new = reg(ids, [hh(measures=[2, 1]), hh(measures=[1, 3]), hh(measures=[7]), hh(),
                    hh(measures=[4, 5])])
    result = diff_registers(old, new)
    assert result.field_counts == {"measures": 3}
    changes = {h.household_id: h.fields[0] for h in result.examples}
    assert set(changes) == {"M2", "M3", "M4"}
    assert changes["M2"].words() == (
        "measures: industry, employment → industry, public-welfare post"
    )
    assert changes["M3"].to_dict()["new"] == ["social_security"]
    assert changes["M3"].words() == "measures: none → social-security safety net"
    assert changes["M4"].words("zh") == "帮扶措施: 公益岗位 → 无"


def test_a_year_added_or_removed_is_reported_as_a_year_not_as_cells():
    ids = ["Y1", "Y2"]
    old = reg(ids, [household(YEARS), household(YEARS)], years=YEARS)
    later = (2024, 2025, 2026)
    new = reg(ids, [household(later), household(later, size=5)], years=later)
    result = diff_registers(old, new)
    assert result.years_added == (2026,) and result.years_removed == ()
    assert result.field_counts == {"size": 1} and result.changed == 1
    assert not any(name.endswith("_2026") for name in result.field_counts)
    back = diff_registers(new, old)
    assert back.years_removed == (2026,) and back.years_added == ()
    same = diff_registers(old, reg(ids, [household(later), household(later)], years=later))
    assert not same.is_empty and same.changed == 0 and same.to_dict()["years_added"] == [2026]


def test_metadata_and_relocation_sites_by_place_id():
    row = hh(reloc_kind=1, reloc_site=1, reloc_year=2018)
    moved = hh(reloc_kind=1, reloc_site=2, reloc_year=2018)
    old = reg(["P1", "P2"], [row, row], sites=("", "site-a", "site-b"))
    # the same place under another index is no change; another place is one
    new = reg(["P1", "P2"], [moved, row], sites=("", "site-x", "site-a"), title="later",
              synthetic=True)
    result = diff_registers(old, new)
    assert result.field_counts == {"reloc_site": 1}
    (change,) = result.examples
    assert change.household_id == "P2"
    assert change.fields == (FieldChange("reloc_site", "site-a", "site-x"),)
    meta = {m.field: (m.old, m.new) for m in result.meta_changes}
    assert meta["title"] == ("t", "later") and meta["synthetic"] == (False, True)
    assert meta["sites"] == (["", "site-a", "site-b"], ["", "site-x", "site-a"])


def test_words_for_values():
    assert value_words("income_2025", 8412.5) == "8,412.50 yuan"
    assert value_words("income_2025", 8412.5, "zh") == "8,412.50 元"
    assert value_words("rigid_2024", float("nan"), "zh") == "未记录"
    assert value_words("mon_type", 2, "zh") == "边缘易致贫户"
    assert value_words("attribute", 2) == "dibao (minimum living allowance)"
    assert value_words("food_2025", -1) == "not recorded"
    assert value_words("employed_2025", -1) == "not recorded"
    assert value_words("employed_2025", 2) == "2"
    assert value_words("exit_year", 0) == "none" and value_words("exit_year", 2019) == "2019"
    assert value_words("cause_other", 1 << 1 | 1 << 8) == "illness, lack of skills"
    assert value_words("no_labour", True, "zh") == "是"
    assert json_value("cause_other", 1 << 1 | 1 << 8) == ["illness", "skills"]
    assert json_value("measures", (1, 3)) == ["industry", "welfare_post"]
    assert field_label("income_2025", "zh") == "人均纯收入 2025年"
    assert field_label("risk_status") == "risk status"


def test_examples_capped_and_none_kept_on_request():
    ids = [f"E{i}" for i in range(6)]
    old, new = reg(ids), reg(ids, [hh(size=5) for _ in ids])
    assert [h.household_id for h in diff_registers(old, new, examples=2).examples] == ids[:2]
    result = diff_registers(old, new, examples=0)
    assert result.examples == () and result.changed == 6
    assert result.to_dict(show=1)["changed"] == []


def test_hash_collisions_never_pair_different_households(monkeypatch):
    old = reg(["AAAAAAAA0001", "AAAAAAAA0002", "AAAAAAAA0003"])
    new = reg(["BBBBBBBB0001", "AAAAAAAA0002"])
    expected = diff_registers(old, new).to_dict()
    # a hash of the second word only: BBBBBBBB0001 collides with AAAAAAAA0001
    monkeypatch.setattr(diffmod, "id_hash", lambda words: words[:, 1].copy())
    result = diff_registers(old, new)
    assert result.to_dict() == expected
    assert result.added_ids() == ["BBBBBBBB0001"]
    assert result.removed_ids() == ["AAAAAAAA0001", "AAAAAAAA0003"]
    # every number of a register on one hash: the exact fallback
    monkeypatch.setattr(diffmod, "id_hash", lambda words: np.zeros(len(words), dtype=np.uint64))
    assert diff_registers(old, new).to_dict() == expected


def test_empty_registers():
    one = reg(["Z1"])
    empty = Register.from_columns({"household_id": np.zeros(0, dtype="S24")},
                                  RegisterMeta(years=YEARS, title="t"))
    assert diff_registers(empty, empty).is_empty
    added = diff_registers(empty, one)
    assert added.added_ids() == ["Z1"] and added.matched == 0
    assert diff_registers(one, empty).removed_ids() == ["Z1"]


# ----- at scale: a planted set of changes is found exactly


def _gather(starts: np.ndarray, lengths: np.ndarray, values: np.ndarray):
    """Offsets and values of lists ``values[starts[i]:starts[i] + lengths[i]]``."""
    offsets = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    at = np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1])
    return offsets.astype(np.int32), values[at].astype(np.int8)


def _plant(base: Register, seed: int) -> tuple[Register, dict[str, Any]]:
    """``base`` with 1,000 changes: 150 removed, 150 added, 700 matched households each
    with one field changed (100 of them measures). Returns the register and the plan."""
    rng = np.random.default_rng(seed)
    n = len(base)
    cols = {k: v.copy() for k, v in base.columns.items()}
    offsets, values = base.measure_offsets, base.measure_values
    starts, lengths = offsets[:-1].astype(np.int64), np.diff(offsets).astype(np.int64)
    extra: list[int] = []
    picked = rng.choice(n, 850, replace=False)
    removed, changed = picked[:150], picked[150:]
    fields = ["risk_status"] * 200 + ["mon_type"] * 50 + ["income_2025"] * 200 + [
        "size", "status_date", "wage_2023", "water_2024", "reloc_kind", "village"
    ] * 25 + ["measures"] * 100
    transitions: Counter[tuple[int, int]] = Counter()
    per_field: Counter[str] = Counter()
    for row, name in zip(changed.tolist(), fields, strict=True):
        per_field[name] += 1
        if name == "measures":
            now = values[offsets[row]:offsets[row + 1]].tolist()
            now = now + [0] if 0 not in now else [9]
            starts[row], lengths[row] = len(values) + len(extra), len(now)
            extra += now
            continue
        col = cols[name]
        if name in ("risk_status", "mon_type", "reloc_kind"):
            top = 3 if name != "reloc_kind" else 2
            new = (int(col[row]) + 1) % (top + 1)
            if name == "risk_status":
                transitions[int(col[row]), new] += 1
            col[row] = new
        elif col.dtype.kind == "f":
            col[row] = 5000.0 if np.isnan(col[row]) else col[row] + 1.25
        elif col.dtype.kind == "M":
            col[row] = np.datetime64("2025-01-01") if np.isnat(col[row]) else col[row] + 1
        elif name == "size":
            col[row] = col[row] % 8 + 1
        elif name == "village":
            col[row] = 530113102001 if col[row] != 530113102001 else 530113102002
        else:
            col[row] = 1 - col[row] if col[row] in (0, 1) else 1
    keep = np.ones(n, dtype=bool)
    keep[removed] = False
    donors = rng.choice(np.flatnonzero(keep), 150, replace=False)
    rows = np.concatenate([np.flatnonzero(keep), donors])
    out = {k: v[rows] for k, v in cols.items()}
    added = np.array([f"NEW-{i:06d}".encode() for i in range(150)], dtype="S24")
    out["household_id"][-150:] = added
    all_values = np.concatenate([values, np.array(extra, dtype=np.int8)])
    new_offsets, new_values = _gather(starts[rows], lengths[rows], all_values)
    ids = base.columns["household_id"]
    plan = {
        "removed": sorted(ids[removed].tolist()),
        "added": sorted(added.tolist()),
        "changed": sorted(ids[changed].tolist()),
        "fields": dict(per_field),
        "transitions": dict(transitions),
    }
    return Register(out, base.meta, new_offsets, new_values), plan


@pytest.fixture(scope="module")
def planted() -> tuple[Register, Register, dict[str, Any]]:
    base = generate(200_000, seed=3)
    return (base, *_plant(base, seed=5))


@pytest.mark.parametrize("shuffle", [False, True], ids=["in-step", "shuffled"])
def test_200k_households_with_1000_planted_changes(planted, shuffle):
    big, new, plan = planted
    if shuffle:  # rows in another order: compared through copies, not slices
        order = np.random.default_rng(1).permutation(len(new))
        offsets, values = new.measure_offsets, new.measure_values
        moved = _gather(offsets[:-1][order].astype(np.int64), np.diff(offsets)[order], values)
        new = Register({k: v[order] for k, v in new.columns.items()}, new.meta, *moved)
    match = match_households(big.columns["household_id"], new.columns["household_id"])
    assert (match.runs is None) == shuffle
    result = diff_registers(big, new, examples=10_000)
    assert sorted(result.removed.tolist()) == plan["removed"]
    assert sorted(result.added.tolist()) == plan["added"]
    assert result.changed == 700 and result.matched == len(big) - 150
    assert sorted(h.household_id.encode() for h in result.examples) == plan["changed"]
    assert result.field_counts == plan["fields"]
    got = {(s.old, s.new): s.households for s in result.status_changes
           if s.field == "risk_status"}
    assert got == plan["transitions"]
    assert all(len(h.fields) == 1 for h in result.examples)
