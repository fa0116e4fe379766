"""The synthetic generator: deterministic, invented values, real village codes only."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from dongchuan_gui.model.register import Register
from dongchuan_gui.model.register.generate import generate, seed_places, village_codes

DIVISIONS = Path(__file__).resolve().parents[3] / "seeds" / "source" / "divisions.csv"


def test_same_seed_same_register_and_file(tmp_path):
    a, b = generate(4000, seed=7), generate(4000, seed=7)
    for name in a.columns:
        assert a.columns[name].tobytes() == b.columns[name].tobytes(), name
    assert a.measure_values.tobytes() == b.measure_values.tobytes()
    assert a.save(tmp_path / "a.parquet") == b.save(tmp_path / "b.parquet")
    c = generate(4000, seed=8)
    assert c.income(2025).tobytes() != a.income(2025).tobytes()


def test_only_real_village_codes_and_all_of_them():
    codes = village_codes()
    assert len(codes) == 165
    towns = {p.code for p in seed_places() if p.level in ("subdistrict", "town", "township")}
    assert len(towns) == 9
    reg = generate(20000, seed=1)
    assert set(reg.villages.tolist()) == set(codes.tolist())
    assert set((reg.villages // 1000 * 1000).tolist()) <= towns
    with open(DIVISIONS, encoding="utf-8") as handle:
        real = {
            int(r["code"]) for r in csv.DictReader(handle) if r["level"] in ("village", "community")
        }
    assert set(codes.tolist()) == real


def test_marked_synthetic_with_invented_ids(tmp_path):
    reg = generate(500, seed=2)
    assert reg.meta.synthetic and "invented" in reg.meta.title
    assert reg.meta.generator["seed"] == 2
    ids = reg.columns["household_id"]
    assert all(i.startswith(b"SYN-") for i in ids)
    assert len(set(ids.tolist())) == len(ids)
    reg.save(tmp_path / "s.parquet")
    assert Register.load(tmp_path / "s.parquet").meta.synthetic


def test_values_hang_together():
    reg = generate(5000, seed=3)
    c = reg.columns
    assert np.all(c["labour"] <= c["size"])
    assert np.array_equal(c["no_labour"], c["labour"] == 0)
    assert np.all((c["exit_year"] == 0) | (c["exit_year"] >= c["registered_year"]))
    for year in reg.years:
        inc = reg.income(year)
        parts = sum(reg.year_col(p, year) for p in ("wage", "production", "property", "transfer"))
        known = ~np.isnan(inc)
        assert np.allclose(inc[known], parts[known], atol=0.005)
        assert np.array_equal(np.round(inc[known], 2), inc[known])  # kept to the fen
        assert np.all(reg.year_col("employed", year) <= c["labour"])
    monitored = c["risk_status"] > 0
    assert np.array_equal(monitored, c["mon_type"] > 0)
    assert np.all(~np.isnat(c["identified"][monitored]))
    below = np.mean(reg.income(2025) < 8700)
    assert 0.01 < below < 0.2  # plausible, not a claim about Dongchuan


def test_zero_households():
    reg = generate(0, seed=0)
    assert len(reg) == 0 and len(reg.villages) == 0


def test_empty_register_round_trips(tmp_path):
    generate(0, seed=0).save(tmp_path / "e.parquet")
    back = Register.load(tmp_path / "e.parquet")
    assert len(back) == 0 and back.years == (2021, 2022, 2023, 2024, 2025)
