"""``dongchuan register attach`` and ``register record``: a register in a dataset file."""

from __future__ import annotations

import json
import shutil

import pytest

from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.locks import hold
from dongchuan_gui.model.register import default_rules
from dongchuan_gui.model.register.atomic import file_sha256
from dongchuan_gui.resources import seed_path

from .test_register_cli import run


@pytest.fixture(scope="module")
def register_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("link") / "registers" / "demo 2025.parquet"
    path.parent.mkdir()
    assert run("generate", "--households", "3000", "--seed", "4", "-o", str(path)) == 0
    return path


def _dataset(folder, synthetic: bool):
    doc = json.loads(seed_path().read_text(encoding="utf-8"))
    doc["meta"]["synthetic"] = synthetic
    target = folder / "d.json"
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return target


def test_attach_writes_a_relative_checked_reference(register_file, capsys):
    dataset = _dataset(register_file.parent.parent, synthetic=False)
    assert run("attach", str(register_file), "--dataset", str(dataset)) == 0
    assert "add register register-demo-2025 (registers/demo 2025.parquet, 3,000" in (
        capsys.readouterr().out
    )
    result = load_path(dataset)
    (link,) = result.data.registers
    assert link.path == "registers/demo 2025.parquet" and link.rows == 3000
    assert link.sha256 == file_sha256(register_file) and link.synthetic
    assert link.rule_set == "cn-yunnan-monitoring"
    # a synthetic register in a real dataset: allowed as a reference, said as a warning
    assert any("synthetic" in w.message for w in result.warnings)
    assert run("attach", str(register_file), "--dataset", str(dataset)) == 0
    assert "nothing to change" in capsys.readouterr().out


def test_record_refuses_invented_figures_in_a_real_dataset(register_file, tmp_path, capsys):
    dataset = _dataset(tmp_path, synthetic=False)
    before = dataset.read_bytes()
    shutil.copy(register_file, tmp_path / "r.parquet")
    assert run("record", str(tmp_path / "r.parquet"), "--dataset", str(dataset)) == 1
    assert "invented (synthetic) households" in capsys.readouterr().err
    assert dataset.read_bytes() == before


def test_record_writes_once_with_a_backup_and_dry_run_writes_nothing(
    register_file, tmp_path, capsys
):
    dataset = _dataset(tmp_path, synthetic=True)
    shutil.copy(register_file, tmp_path / "r.parquet")
    before = dataset.read_bytes()
    argv = ["record", str(tmp_path / "r.parquet"), "--dataset", str(dataset), "--year", "2024"]
    assert run(*argv, "--dry-run") == 0
    assert "dry run" in capsys.readouterr().out and dataset.read_bytes() == before
    assert run(*argv) == 0
    out = capsys.readouterr().out
    assert "year 2024:" in out and "0 codes without a place" in out
    assert (tmp_path / "d.json.bak").read_bytes() == before
    data = load_path(dataset).data
    figures = [o for o in data.observations if o.indicator.startswith("register-")]
    assert figures and all(o.period == "2024" and o.derived for o in figures)
    district = {o.indicator: o.value for o in figures if o.place == "530113000000"}
    assert district["register-households"] == 3000


def test_locked_or_unknown_rule_set_is_one_line_exit_2(register_file, tmp_path, capsys):
    dataset = _dataset(tmp_path, synthetic=True)
    reg = str(register_file)
    assert run("attach", reg, "--dataset", str(dataset), "--rule-set", "nope") == 2
    err = capsys.readouterr().err
    assert "no rule set 'nope' (it has: cn-yunnan-monitoring)" in err
    with hold(dataset):
        assert run("record", reg, "--dataset", str(dataset)) == 2
    err = capsys.readouterr().err
    assert "is open in Dongchuan Workbench" in err and "Traceback" not in err
    assert load_path(dataset).data.registers == []


def test_check_uses_the_rule_set_kept_in_a_dataset(register_file, tmp_path, capsys):
    doc = json.loads(seed_path().read_text(encoding="utf-8"))
    for line in doc["rule_sets"][0]["lines"]:
        if line["year"] == 2025:
            line["value"] = 4321
    dataset = tmp_path / "d.json"
    dataset.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    run("check", str(register_file), "--rules", str(dataset), "--json")
    lines = json.loads(capsys.readouterr().out)["lines"]
    assert [line["value"] for line in lines] == [4321]
    doc["rule_sets"].append(dict(doc["rule_sets"][0], id="other"))
    dataset.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert run("check", str(register_file), "--rules", str(dataset)) == 2
    assert "one rule set (it has: cn-yunnan-monitoring, other)" in capsys.readouterr().err


def test_diff_of_a_snapshot_and_the_dataset_compares_the_households(tmp_path, capsys):
    import numpy as np

    from dongchuan_gui.cli import main
    from dongchuan_gui.model.register import Register, RegisterMeta
    from dongchuan_gui.model.register.schema import RISK_STATUS

    reg_path = tmp_path / "r.parquet"
    ids = ["H1", "H2", "H3"]
    base = {"household_id": ids, "village": [530113102001] * 3, "size": [3, 2, 4],
            "risk_status": [RISK_STATUS.value_of("monitoring")] * 3, "mon_type": [1, 1, 2]}
    meta = RegisterMeta(years=(2025,), title="test", synthetic=True)
    Register.from_columns(base, meta).save(reg_path)
    dataset = _dataset(tmp_path, synthetic=True)
    assert run("attach", str(reg_path), "--dataset", str(dataset)) == 0
    assert main(["snapshot", str(dataset), "--note", "before"]) == 0
    snap = capsys.readouterr().out.strip().splitlines()[-1]
    later = dict(base, household_id=["H1", "H2", "H4"])
    later["risk_status"] = [RISK_STATUS.value_of("eliminated")] + [base["risk_status"][0]] * 2
    Register.from_columns(later, meta).save(reg_path)
    assert run("attach", str(reg_path), "--dataset", str(dataset)) == 0
    capsys.readouterr()
    assert main(["diff", snap, str(dataset)]) == 1
    out = capsys.readouterr().out
    assert "~ registers register-r" in out and "register register-r, household by household:" in out
    assert "households: 1 added, 1 removed, 1 changed, 1 unchanged" in out
    assert "risk status: monitoring → eliminated: 1" in out
    assert main(["diff", snap, str(dataset), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    (item,) = [d for d in doc if d["kind"] == "register"]
    assert item["register_diff"]["households"]["added"] == 1
    assert np.array_equal(item["register_diff"]["added"], ["H4"])


def test_one_reference_per_register_file(register_file, tmp_path, capsys):
    dataset = _dataset(register_file.parent.parent, synthetic=True)
    shutil.copy(dataset, tmp_path / "before.json")
    assert run("attach", str(register_file), "--dataset", str(dataset), "--id", "first") == 0
    before = dataset.read_bytes()
    assert run("attach", str(register_file), "--dataset", str(dataset), "--id", "second") == 2
    assert "already, as first; one reference per register" in capsys.readouterr().err
    assert dataset.read_bytes() == before
    # without --id the existing reference is the one brought up to date
    assert run("attach", str(register_file), "--dataset", str(dataset)) == 0
    assert [r.id for r in load_path(dataset).data.registers] == ["first"]


def test_a_rule_set_without_a_line_for_the_year_judges_nothing(register_file, tmp_path, capsys):
    rules = tmp_path / "none.json"
    rules.write_text(json.dumps(dict(default_rules().to_dict(), lines=[])), encoding="utf-8")
    assert run("check", str(register_file), "--rules", str(rules)) == 2
    assert "no monitoring line for 2025" in capsys.readouterr().err


def test_a_file_that_is_not_a_register_is_an_error_not_a_finding(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"a": [1, 2]}), other)
    for command in ("info", "check", "aggregate"):
        assert run(command, str(other)) == 2
        assert "not a Dongchuan register" in capsys.readouterr().err
