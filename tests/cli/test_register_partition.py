"""``dongchuan register partition`` and ``dongchuan register rules [--sql]``."""

from __future__ import annotations

import json

import duckdb
import numpy as np
import pytest

from .test_register_cli import run


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    base = tmp_path_factory.mktemp("part")
    single, folder = base / "r.parquet", base / "r-by-county"
    assert run("generate", "--households", "4000", "--seed", "21", "-o", str(single)) == 0
    assert run("partition", str(single), "-o", str(folder)) == 0
    return single, folder


def test_partition_says_what_it_wrote(files, capsys, tmp_path):
    single, _ = files
    out = tmp_path / "p"
    assert run("partition", str(single), "-o", str(out)) == 0
    said = capsys.readouterr().out
    assert "4,000 households in 1 part(s) of 1 county, _manifest.json written last" in said
    assert "SYNTHETIC" in said and "county=530113/part-0.parquet" in said
    assert f"read_parquet('{out.as_posix()}/*/*.parquet', hive_partitioning = true)" in said
    assert (out / "county=530113" / "part-0.parquet").is_file()


def test_the_folder_is_a_register_for_every_command(files, capsys):
    single, folder = files
    assert run("check", str(single), "--json") in (0, 1)
    from_file = json.loads(capsys.readouterr().out)
    assert run("check", str(folder), "--json") in (0, 1)
    from_folder = json.loads(capsys.readouterr().out)
    assert from_file["verdicts"] == from_folder["verdicts"]
    assert run("info", str(folder), "--json") == 0
    assert json.loads(capsys.readouterr().out)["households"] == 4000


def test_partition_refuses_to_overwrite(files, capsys, tmp_path):
    single, folder = files
    assert run("partition", str(single), "-o", str(folder)) == 2
    assert "exists; choose another name, or --force" in capsys.readouterr().err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("x")
    assert run("partition", str(single), "-o", str(mine), "--force") == 2
    assert "not a partitioned register" in capsys.readouterr().err
    assert (mine / "keep.txt").read_text() == "x"
    assert run("partition", str(folder), "-o", str(folder), "--force") == 2
    assert "would replace the register it is read from" in capsys.readouterr().err
    again = tmp_path / "again"
    assert run("partition", str(single), "-o", str(again)) == 0
    assert run("partition", str(folder), "-o", str(again), "--force") == 0


def test_partition_of_a_damaged_file(tmp_path, capsys):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    assert run("partition", str(bad), "-o", str(tmp_path / "out")) == 2
    assert "bad.parquet: damaged Parquet file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_rules_in_words_with_marks(capsys):
    assert run("rules") == 0
    out = capsys.readouterr().out
    assert "rule set cn-yunnan-monitoring v1" in out
    assert "2025 province 53 (Yunnan)" in out and "8,700 [verified]" in out
    assert "7,300 [unverified: background knowledge, editable]" in out
    assert "no labour capacity: stays monitored" in out and "sources:" in out
    assert run("rules", "--year", "2024", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert {e["year"] for e in doc["lines"]} == {2024} and doc["id"] == "cn-yunnan-monitoring"


def test_rules_as_sql_gives_the_check_counts(files, capsys):
    single, folder = files
    assert run("rules", "--sql", "--path", str(folder), "--year", "2024") == 0
    sql = capsys.readouterr().out
    assert sql.startswith("-- Dongchuan Workbench") and "year judged: 2024" in sql
    rows = duckdb.sql(sql).fetchall()
    counts = np.bincount([r[2] for r in rows], minlength=7)
    assert run("check", str(single), "--year", "2024", "--json") in (0, 1)
    check = json.loads(capsys.readouterr().out)
    assert [v["households"] for v in check["verdicts"]] == counts.tolist()
    assert run("rules", "--sql", "--path", str(folder), "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["year"] == 2025 and doc["rule_set"]["id"] == "cn-yunnan-monitoring"
    assert doc["sql"].startswith("-- ")


def test_rules_usage_errors(files, capsys, tmp_path):
    _, folder = files
    assert run("rules", "--sql") == 2
    assert "--sql needs --path FOLDER" in capsys.readouterr().err
    assert run("rules", "--path", str(folder)) == 2
    assert "--path is for --sql" in capsys.readouterr().err
    assert run("rules", "--sql", "--path", str(tmp_path / "none")) == 2
    assert "no such folder" in capsys.readouterr().err
    assert run("rules", "--sql", "--path", str(folder), "--year", "2019") == 2
    assert "no 2019 data in this register (years 2021-2025)" in capsys.readouterr().err
    (tmp_path / "elsewhere").mkdir()
    assert run("rules", "--sql", "--path", str(tmp_path / "elsewhere")) == 2
    assert "no _manifest.json to say which years it holds; give --year" in (
        capsys.readouterr().err
    )
    assert run("rules", "--sql", "--path", str(tmp_path / "elsewhere"), "--year", "2025") == 0
    assert "FROM read_parquet(" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert run("rules", "--rules", str(bad)) == 2
    assert "bad.json" in capsys.readouterr().err
