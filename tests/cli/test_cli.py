import json
import subprocess
import sys

from dongchuan_gui.cli import main
from tests.conftest import SEED, make_doc


def test_validate_seed_exits_0(capsys):
    assert main(["validate", str(SEED)]) == 0
    assert capsys.readouterr().out.strip() == f"{SEED}: valid, 0 warning(s)"


def test_validate_invalid_exits_1_with_one_line_per_problem(tmp_path, capsys):
    doc = make_doc()
    doc["observations"][0]["place"] = "nowhere"
    doc["observations"][1]["period"] = "2019/3"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        f"{bad}: $.observations[0].place: refers to place 'nowhere', which does not exist",
        f"{bad}: $.observations[1].period: '2019/3' is not a period;"
        " expected YYYY, YYYYQn, YYYY-MM or YYYY-MM-DD",
    ]


def test_validate_unreadable_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_validate_reports_warnings_but_exits_0(tmp_path, capsys):
    doc = make_doc()
    del doc["observations"][0]["source"]
    path = tmp_path / "w.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr()
    assert "warning: this figure has no source" in out.err
    assert "valid, 1 warning(s)" in out.out


def test_info_on_seed(capsys):
    assert main(["info", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "places: 176" in out
    assert "years covered: 1996-2023" in out
    assert "observations without a source: 0" in out


def test_console_script_runs():
    done = subprocess.run(
        [sys.executable, "-m", "dongchuan_gui.cli", "info"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "observations:" in done.stdout
