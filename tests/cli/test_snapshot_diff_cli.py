import json
import shutil

from dongchuan_gui.cli import main
from tests.conftest import SEED


def test_snapshot_then_diff(tmp_path, capsys):
    data = tmp_path / "d.json"
    shutil.copyfile(SEED, data)
    assert main(["snapshot", str(data), "--note", "baseline"]) == 0
    snap = capsys.readouterr().out.strip()
    assert snap.startswith(str(tmp_path / "snapshots" / "d-")) and snap.endswith(".json")
    assert main(["diff", str(data), snap]) == 0
    assert capsys.readouterr().out.strip() == "no differences"

    doc = json.loads(data.read_text(encoding="utf-8"))
    doc["observations"][0]["value"] = 50.0
    del doc["observations"][1]
    data.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["diff", snap, str(data)]) == 1
    out = capsys.readouterr().out
    assert "~ observations incidence-2013\n    value: 52.88 -> 50.0" in out
    assert "- observations incidence-2018-hu" in out
    assert main(["diff", snap, str(data), "--json"]) == 1
    changes = json.loads(capsys.readouterr().out)
    assert {"kind": "observations", "id": "incidence-2018-hu", "action": "removed"} in changes


def test_diff_error_exits_2(tmp_path, capsys):
    assert main(["diff", str(SEED), str(tmp_path / "missing.json")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_snapshot_to_explicit_file(tmp_path, capsys):
    out = tmp_path / "x" / "snap.json"
    out.parent.mkdir()
    assert main(["snapshot", str(SEED), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert json.loads(out.read_text(encoding="utf-8"))["snapshot"]["content_hash"].startswith(
        "sha256:"
    )
