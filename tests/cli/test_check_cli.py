import json

from dongchuan_gui.cli import main
from dongchuan_gui.model import dumps, loads
from dongchuan_gui.model.quality.generate import generate
from tests.conftest import SEED, make_doc


def _doubtful() -> int:
    """Doubt-flagged figures of the bundled dataset, counted from the file itself."""
    data = loads(SEED.read_bytes()).data
    return sum(o.doubt for o in data.observations if o.status != "target")


def test_check_bundled_dataset_exits_0_and_reports_the_empty_ledger(capsys):
    assert main(["check", str(SEED), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    doubtful = _doubtful()
    assert doubtful >= 8
    assert first.endswith(
        f"{doubtful + 3} finding(s): 0 rule failed, 3 rule not checked, 0 outlier,"
        f" 0 unsourced, {doubtful} doubtful; 0 checked, 0 to follow up"
    )
    assert "no cooperation projects entered" in out
    assert "households-helped 530113000000 yi-tourism 2018-01: no actual:" in out


def test_check_speaks_chinese_with_lang_or_locale(capsys, monkeypatch):
    assert main(["check", str(SEED), "--lang", "zh"]) == 0
    assert "尚未录入协作项目" in capsys.readouterr().out
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["check", str(SEED)]) == 0
    assert f"共 {_doubtful() + 3} 项" in capsys.readouterr().out


def test_check_generated_dataset_fails_on_high_rules_and_lists_outliers(tmp_path, capsys):
    data = generate(loads(SEED.read_bytes()).data, figures=14_000, seed=3)
    path = tmp_path / "gen.json"
    path.write_bytes(dumps(data))
    assert main(["check", str(path), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["failed_high"] > 0
    failed = [f for f in doc["findings"] if f["code"] == "rule_failed"]
    assert failed and all(f["importance"] == "high" for f in failed)
    assert all(f["value"] > f["other"] for f in failed)  # the part exceeds its whole
    assert doc["counts"]["outlier"] > 0
    assert {f["test"] for f in doc["findings"] if f["kind"] == "outlier"} >= {"change"}


def test_checked_mark_keeps_a_failed_rule_from_failing_the_run(tmp_path, capsys):
    doc = make_doc()
    doc["observations"][2]["value"] = 150  # posts above jobs (100)
    doc["validation_rules"] = [
        {
            "id": "r",
            "name_en": "posts",
            "left": "#{posts}",
            "operator": "<=",
            "right": "#{jobs}",
            "importance": "high",
        }
    ]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 1
    (finding,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"] == "rule"]
    doc["quality_marks"] = [
        {
            "id": "m1",
            "flag": finding["key"],
            "state": "checked",
            "value": finding["value"],
            "other_value": finding["other"],
            "record_kind": "validation_rules",
            "record_id": "r",
            "by": "x",
            "at": "2026-12-02T08:00:00+08:00",
        }
    ]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["checked"] == 1 and out["failed_high"] == 0


def test_check_unreadable_file_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
