"""A register partitioned by county (hive style), and the rule set as SQL run in DuckDB
against the numpy evaluator, household by household."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import numpy as np
import pytest

from dongchuan_gui.model import atomic as model_atomic
from dongchuan_gui.model.register import Register, RegisterError, default_rules, evaluate
from dongchuan_gui.model.register import partition as partition_mod
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.partition import (
    MANIFEST,
    load_partitioned,
    read_manifest,
    write_partitioned,
)
from dongchuan_gui.model.register.rules import NEEDS, RuleSet
from dongchuan_gui.model.register.sql import num, rules_sql

from .helpers import build, household

BEIJING, GUIZHOU, KUNMING = 110101001001, 520102001001, 530102001001


def same_columns(a: Register, b: Register, order: np.ndarray | None = None) -> None:
    """Every column byte for byte (NaN and NaT included), measures and meta."""
    assert a.meta == b.meta
    assert list(a.columns) == list(b.columns)
    take = np.arange(len(a)) if order is None else order
    for name, col in a.columns.items():
        want = np.ascontiguousarray(col[take])
        assert np.array_equal(want.view(np.uint8), b.columns[name].view(np.uint8)), name
    assert [a.measures(int(r)) for r in take] == [b.measures(r) for r in range(len(b))]


def spread(reg: Register) -> Register:
    """The same households moved over several counties and provinces, rows no longer
    grouped by county."""
    cols = dict(reg.columns)
    village = cols["village"].copy()
    rows = np.arange(len(reg))
    village[rows % 5 == 1] = KUNMING
    village[rows % 7 == 0] = GUIZHOU
    village[rows % 11 == 0] = BEIJING
    cols["village"] = village
    return Register(cols, reg.meta, reg.measure_offsets, reg.measure_values)


def modified_rules() -> RuleSet:
    """Other values everywhere, so a literal written into the SQL by hand shows."""
    doc = default_rules().to_dict()
    doc["id"], doc["version"] = "test-modified", 7
    doc["lines"] = [
        {"year": 2021, "value": 6100.5},
        {"year": 2022, "value": 6400.25, "province": "52", "scope": "Guizhou"},  # no national
        {"year": 2023, "value": 6950.75},
        {"year": 2023, "value": 9000, "province": "11", "scope": "Beijing"},
        {"year": 2024, "value": 7500},
        {"year": 2024, "value": 9100, "province": "53", "scope": "Yunnan"},
        {"year": 2025, "value": 8000.01},
        {"year": 2025, "value": 8800, "province": "53", "scope": "Yunnan"},
        {"year": 2025, "value": 8200, "province": "5", "scope": "never matches"},
    ]
    doc["stable_years"] = {"value": 3}
    doc["rigid_share_max"] = {"value": 0.35}
    doc["income_drop_max"] = {"value": 0.2}
    doc["relocation_min_employed"] = {"value": 2}
    doc["no_labour_stays_monitored"] = {"value": 0}
    return RuleSet.from_dict(doc)


def one_year_rules() -> RuleSet:
    doc = default_rules().to_dict()
    doc["stable_years"] = {"value": 1}
    doc["income_drop_max"] = {"value": 0.1}
    return RuleSet.from_dict(doc)


def edge_households() -> Register:
    """One household per rule edge (years 2023-2025, Yunnan line 8,700 in 2024-2025)."""
    nan = float("nan")
    h = household
    rows = [
        h(income={2025: nan}),  # no income this year
        h(status="monitoring", income={2024: nan, 2025: 9500.0}),  # no earlier income
        h(income={2023: nan, 2024: 9000.0, 2025: 9500.0}, status="monitoring"),
        h(income={2024: 8700.0, 2025: 8700.0}),  # exactly on the line
        h(income={2024: 8700.0, 2025: 8699.99}),
        h(status="monitoring", income={2024: 8700.0, 2025: 8700.0}),
        h(status="monitoring", no_labour=True, labour=0, income={2024: 9e3, 2025: 9e3}),
        h(status="eliminated", no_labour=True, labour=0),  # recheck
        h(status="eliminated", no_labour=True, labour=0, income={2025: 100.0}),
        h(status="monitoring", labour=0),  # no labour counted, capacity not marked
        h(reloc_kind=1, employed_2025=0),  # relocated, nobody employed
        h(reloc_kind=2, employed_2025=-1),  # relocated, employment not recorded
        h(reloc_kind=1, employed_2025=1),
        h(reloc_kind=1, no_labour=True, labour=0, employed_2025=0),
        h(status="monitoring", needs_2025={"water": -1}),
        h(status="monitoring", needs_2025={k: -1 for k, _, _ in NEEDS}),
        h(needs_2025={"housing": 0, "food": -1}),
        *(h(status="eliminated", needs_2024={key: 0}) for key, _, _ in NEEDS),
        h(income={2025: 10000.0}, rigid_2025=15000.0),  # exactly half: not above
        h(income={2025: 10000.0}, rigid_2025=15000.01),
        h(income={2025: nan}, rigid_2025=50000.0),
        h(income={2025: -500.0}, rigid_2025=100.0),  # a loss: household income 0
        h(rigid_2025=nan),
        h(income={2024: 20000.0, 2025: 14000.0}),  # a fall of exactly 30 %
        h(income={2024: 20000.0, 2025: 13999.99}),
        h(income={2024: 0.0, 2025: 9000.0}),
        h(income={2024: -10.0, 2025: 9000.0}),
        h(status="natural", income={2025: 8000.0}),  # new risk after elimination
        h(status="natural"),
        h(status="eliminated", income={2024: 20000.0, 2025: 12000.0}),
        h(status="monitoring", income={2024: 9000.0, 2025: 9500.0}, rigid_2025=20000.0),
        h(village=BEIJING, income={2024: 7299.99, 2025: 9000.0}),
        h(village=BEIJING, income={2024: 7300.0, 2025: 9000.0}, status="monitoring"),
        h(village=GUIZHOU, income={2023: 6400.0, 2024: 6400.25, 2025: 8000.01}),
        h(village=GUIZHOU, status="eliminated", income={2025: 8000.0}),
        h(village=KUNMING, status="monitoring", income={2023: 9100.0, 2024: 9100.0}),
        h(size=1, income={2025: 1.0}, rigid_2025=0.5),
    ]
    return build(rows, years=(2023, 2024, 2025))


def sql_verdicts(con: duckdb.DuckDBPyConnection, sql: str, reg: Register) -> tuple:
    """DuckDB's verdicts and reasons in the register's row order."""
    table = con.sql(sql).to_arrow_table()
    mine = reg.columns["household_id"]
    ids = np.array(table.column("household_id").to_pylist(), dtype=mine.dtype)
    assert len(ids) == len(reg)
    order_sql, order_reg = np.argsort(ids), np.argsort(mine)
    assert np.array_equal(ids[order_sql], mine[order_reg]), "other households"
    verdict = np.empty(len(reg), dtype=np.int64)
    reasons = np.empty(len(reg), dtype=np.int64)
    verdict[order_reg] = table.column("verdict").to_numpy()[order_sql]
    reasons[order_reg] = table.column("reasons").to_numpy()[order_sql]
    return verdict, reasons


def mismatches(con, reg: Register, folder: Path, rules: RuleSet, year: int) -> list[str]:
    sql = rules_sql(rules, year, f"{folder.as_posix()}/*/*.parquet", years=reg.years)
    verdict, reasons = sql_verdicts(con, sql, reg)
    result = evaluate(reg, rules, year)
    bad = np.flatnonzero((verdict != result.verdict) | (reasons != result.reasons))
    ids = reg.columns["household_id"]
    return [
        f"{ids[r].decode()} {year}: sql {verdict[r]}/{reasons[r]:#x}, numpy "
        f"{result.verdict[r]}/{int(result.reasons[r]):#x}"
        for r in bad[:5]
    ]


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def registers(tmp_path_factory):
    """(register, its partitioned folder): generated ones spread over counties, and the
    households built to hit each rule edge."""
    out = []
    for seed in (1, 2, 3):
        reg = spread(generate(20_000, seed))
        folder = tmp_path_factory.mktemp(f"gen{seed}") / "reg"
        write_partitioned(reg, folder)
        out.append((reg, folder))
    edges = edge_households()
    folder = tmp_path_factory.mktemp("edges") / "reg"
    write_partitioned(edges, folder)
    out.append((edges, folder))
    return out


@pytest.mark.parametrize("rules", [default_rules(), modified_rules(), one_year_rules()],
                         ids=["default", "modified", "one-year"])
def test_sql_verdicts_equal_the_evaluator_household_by_household(con, registers, rules):
    judged = 0
    for reg, folder in registers:
        for year in reg.years:
            assert mismatches(con, reg, folder, rules, year) == []
            judged += len(reg)
    assert judged == 3 * 5 * 20_000 + 3 * len(registers[-1][0])


def test_the_edges_reach_every_verdict_and_reason(registers):
    from dongchuan_gui.model.register.rules import REASONS, VERDICTS

    reg = registers[-1][0]
    verdicts, reasons = set(), 0
    for rules in (default_rules(), modified_rules(), one_year_rules()):
        for year in reg.years:
            result = evaluate(reg, rules, year)
            verdicts |= set(result.verdict.tolist())
            reasons |= int(np.bitwise_or.reduce(result.reasons))
    assert verdicts == {v.code for v in VERDICTS}
    assert reasons == (1 << len(REASONS)) - 1


def test_a_changed_query_is_caught(con, registers):
    """The comparison can fail: the query with 'on the line' read as below is found out."""
    reg, folder = registers[-1]
    rules = default_rules()
    sql = rules_sql(rules, 2025, f"{folder.as_posix()}/*/*.parquet", years=reg.years)
    assert "COALESCE(inc < line, FALSE) AS below" in sql
    wrong = sql.replace("COALESCE(inc < line, FALSE) AS below",
                        "COALESCE(inc <= line, FALSE) AS below")
    verdict, _ = sql_verdicts(con, wrong, reg)
    assert (verdict != evaluate(reg, rules, 2025).verdict).any()


def test_the_values_are_the_rule_sets_own():
    sql = rules_sql(modified_rules(), 2025, "x/*/*.parquet")
    assert "-- rule set test-modified version 7" in sql
    for literal in ("8800.0E0", "8000.01E0", "0.35E0", "0.8E0", "2.0E0", "AND FALSE AS no_lab"):
        assert literal in sql
    assert "8700.0E0" not in sql and "0.7E0" not in sql and "8200" not in sql.split("WITH")[1]
    assert "inc_2023" in sql and "inc_2024" in sql  # three years stably above
    default = rules_sql(default_rules(), 2025, "x/*/*.parquet")
    assert "8700.0E0" in default and "0.7E0" in default and "inc_2023" not in default
    assert "monitoring-2021: County plans" in default and "[V]" in default


def test_literals_read_back_exactly():
    for value in (0.7, 1 - 0.3, 8700, 6400.25, 1e-5, 123456789.123, 2.0**-30):
        assert float(duckdb.sql(f"SELECT {num(value)}").fetchall()[0][0]) == float(value)
        assert duckdb.sql(f"SELECT typeof({num(value)})").fetchall()[0][0] == "DOUBLE"
    with pytest.raises(ValueError):
        num(float("nan"))


def test_comment_header_cannot_break_out():
    doc = default_rules().to_dict()
    doc["title_en"] = "x\nDROP TABLE households; --"
    sql = rules_sql(RuleSet.from_dict(doc), 2025, "it's/*/*.parquet")
    assert not [s for s in sql.splitlines() if s.startswith("DROP")]
    assert "read_parquet('it''s/*/*.parquet'" in sql
    with pytest.raises(ValueError):
        rules_sql(default_rules(), 2025, table="x; DROP TABLE y")
    named = rules_sql(default_rules(), 2025, table="hive.reg.households")
    assert "FROM hive.reg.households" in named
    with pytest.raises(ValueError, match="no 2020 data"):
        rules_sql(default_rules(), 2020, "x/*.parquet", years=(2021, 2022))


# ----- the folder


def test_round_trip_is_the_same_register(tmp_path):
    reg = generate(3000, 5)
    manifest = write_partitioned(reg, tmp_path / "p")
    assert [p.path for p in manifest.parts] == ["county=530113/part-0.parquet"]
    back = Register.load(tmp_path / "p")
    same_columns(reg, back)
    reg.save(tmp_path / "one.parquet")
    same_columns(Register.load(tmp_path / "one.parquet"), back)
    assert back.sha256() == manifest.raw_sha256 == read_manifest(tmp_path / "p").raw_sha256


def test_spread_register_comes_back_county_by_county(tmp_path):
    reg = spread(generate(4000, 6))
    manifest = write_partitioned(reg, tmp_path / "p", rows_per_part=500)
    counties = reg.columns["village"] // 1_000_000
    assert sorted({p.county for p in manifest.parts}) == sorted(set(counties.tolist()))
    assert sum(p.rows for p in manifest.parts) == 4000
    assert max(p.rows for p in manifest.parts) <= 500
    assert (tmp_path / "p" / "county=520102" / "part-0.parquet").is_file()
    doc = json.loads((tmp_path / "p" / MANIFEST).read_text())
    assert doc["meta"] == reg.meta.to_dict() and doc["households"] == 4000
    same_columns(reg, Register.load(tmp_path / "p"), np.argsort(counties, kind="stable"))


def test_every_part_is_a_register_file_with_the_same_metadata(tmp_path):
    import pyarrow.parquet as pq

    reg = spread(generate(1000, 7))
    write_partitioned(reg, tmp_path / "p")
    parts = sorted((tmp_path / "p").glob("county=*/part-*.parquet"))
    assert len(parts) == 4
    for part in parts:
        meta = pq.ParquetFile(part).schema_arrow.metadata[b"dongchuan.register"]
        assert json.loads(meta) == reg.meta.to_dict()
        assert pq.ParquetFile(part).metadata.row_group(0).column(1).compression == "ZSTD"
        one = Register.load(part)
        assert set(one.columns["village"] // 1_000_000) == {int(part.parent.name[7:])}


@pytest.fixture
def folder(tmp_path):
    write_partitioned(spread(generate(600, 8)), tmp_path / "p")
    return tmp_path / "p"


def test_a_missing_part_is_named(folder):
    part = folder / "county=520102" / "part-0.parquet"
    part.unlink()
    with pytest.raises(RegisterError, match=r"county=520102/part-0.parquet: missing") as err:
        Register.load(folder)
    assert err.value.unreadable


def test_a_damaged_part_is_named(folder):
    part = folder / "county=110101" / "part-0.parquet"
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    with pytest.raises(RegisterError, match=r"county=110101/part-0.parquet: changed or damaged"):
        Register.load(folder)


def test_an_unlisted_part_is_named(folder):
    (folder / "county=110101" / "part-1.parquet").write_bytes(
        (folder / "county=110101" / "part-0.parquet").read_bytes()
    )
    with pytest.raises(RegisterError, match=r"part-1.parquet: not listed in _manifest.json"):
        Register.load(folder)


def test_a_folder_without_manifest_or_with_a_bad_one(folder):
    (folder / MANIFEST).write_text('{"format": "dongchuan-register-partitioned", "parts": 3}')
    with pytest.raises(RegisterError, match="manifest_version"):
        Register.load(folder)
    (folder / MANIFEST).write_text("{")
    with pytest.raises(RegisterError, match="_manifest.json"):
        Register.load(folder)
    (folder / MANIFEST).unlink()
    with pytest.raises(RegisterError, match="is a folder without _manifest.json: not a reg"):
        load_partitioned(folder)


def test_a_failed_write_leaves_no_folder(tmp_path, monkeypatch):
    reg = spread(generate(800, 9))
    real, calls = partition_mod._write_part, []

    def failing(piece, path, pq):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(piece, path, pq)

    monkeypatch.setattr(partition_mod, "_write_part", failing)
    with pytest.raises(OSError, match="No space"):
        write_partitioned(reg, tmp_path / "p")
    assert sorted(os.listdir(tmp_path)) == []  # nor a hidden half-written folder


def test_a_failed_replace_keeps_the_old_folder(tmp_path, monkeypatch):
    old = generate(500, 10)
    write_partitioned(old, tmp_path / "p")

    def failing(piece, path, pq):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(partition_mod, "_write_part", failing)
    with pytest.raises(OSError):
        write_partitioned(spread(generate(900, 11)), tmp_path / "p", force=True)
    same_columns(old, Register.load(tmp_path / "p"))
    assert os.listdir(tmp_path) == ["p"]


def test_a_crash_mid_write_leaves_nothing_that_loads(tmp_path, monkeypatch):
    """A killed writer cleans nothing up: the hidden temporary folder stays, the target
    does not exist, and the next write removes the leftover once its writer is gone."""
    reg = spread(generate(800, 12))

    def crash(piece, path, pq):
        raise KeyboardInterrupt  # as near to a kill as a test gets

    monkeypatch.setattr(partition_mod, "_write_part", crash)
    monkeypatch.setattr(partition_mod.shutil, "rmtree", lambda *a, **k: None)
    with pytest.raises(KeyboardInterrupt):
        write_partitioned(reg, tmp_path / "p")
    monkeypatch.undo()
    left = os.listdir(tmp_path)
    assert len(left) == 1 and left[0].startswith(".p.") and left[0].endswith(".tmp")
    with pytest.raises(RegisterError, match="no such file"):
        Register.load(tmp_path / "p")
    with pytest.raises(RegisterError, match="without _manifest.json"):
        Register.load(tmp_path / left[0])
    dead = model_atomic.temp_path(tmp_path / "p", pid=2**22 + 12345)  # no such process
    os.rename(tmp_path / left[0], dead)
    write_partitioned(reg, tmp_path / "p")
    assert os.listdir(tmp_path) == ["p"]


def test_force_replaces_only_a_partitioned_register(tmp_path):
    reg = generate(300, 13)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="not a partitioned register"):
        write_partitioned(reg, tmp_path / "docs", force=True)
    assert (tmp_path / "docs" / "notes.txt").read_text() == "mine"
    write_partitioned(reg, tmp_path / "p")
    with pytest.raises(FileExistsError, match="exists"):
        write_partitioned(reg, tmp_path / "p")
    other = generate(400, 14)
    write_partitioned(other, tmp_path / "p", force=True)
    same_columns(other, Register.load(tmp_path / "p"))
    assert sorted(os.listdir(tmp_path)) == ["docs", "p"]


def test_nan_in_a_single_file_with_statistics_propagation_off(registers, tmp_path):
    """A single register file keeps NaN; the query's header says how DuckDB must run
    on such files (its min/max statistics leave NaN out), and then it agrees too."""
    reg = registers[0][0]
    reg.save(tmp_path / "one.parquet")
    con = duckdb.connect()
    con.execute("SET disabled_optimizers = 'statistics_propagation'")
    rules = default_rules()
    for year in (2021, 2025):
        sql = rules_sql(rules, year, (tmp_path / "one.parquet").as_posix(), years=reg.years)
        assert "SET disabled_optimizers = 'statistics_propagation'" in sql
        verdict, reasons = sql_verdicts(con, sql, reg)
        result = evaluate(reg, rules, year)
        assert np.isnan(reg.income(year)).any()
        assert np.array_equal(verdict, result.verdict)
        assert np.array_equal(reasons, result.reasons)
    con.close()
