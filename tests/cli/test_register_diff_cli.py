"""``dongchuan register diff``: exact text and JSON, exit 0 same / 1 different / 2 error."""

from __future__ import annotations

import argparse
import json

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dongchuan_gui import cli
from dongchuan_gui.register_cli import add_parser
from tests.model.register.test_register_diff import hh, reg


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dongchuan")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(["register", "diff", *argv])
    return args.run(args)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("regdiff")
    old = reg(["H1", "H2", "H3", "H4"],
              [hh(status="monitoring"), hh(status="monitoring"), hh(), hh(measures=[1])],
              synthetic=True)
    new = reg(["H1", "H2", "H3", "H5"],
              [hh(status="eliminated", income={2025: 9100.5}), hh(status="natural"),
               hh(size=4), hh()], synthetic=True)
    paths = folder / "old.parquet", folder / "new.parquet"
    old.save(paths[0])
    new.save(paths[1])
    return tuple(str(p) for p in paths)


EXPECTED = """\
{old} → {new}
  old: 4 households, years 2024-2025  [SYNTHETIC: invented households (合成数据)]
  new: 4 households, years 2024-2025  [SYNTHETIC: invented households (合成数据)]
households: 1 added, 1 removed, 3 changed, 0 unchanged
fields changed (households):
  size                            1  household size
  risk_status                     2  risk status
  income_2025                     1  net income per person 2025
  wage_2025                       1  wage income 2025
  transfer_2025                   1  transfer income 2025
status changes (households):
  risk status: monitoring → eliminated: 1
  risk status: monitoring → naturally eliminated: 1
added (1):
  + H5
removed (1):
  - H4
changed (3; first 2):
  ~ H1
      risk status: monitoring → eliminated
      net income per person 2025: 12,000.00 yuan → 9,100.50 yuan
      wage income 2025: 8,400.00 yuan → 6,370.35 yuan
      transfer income 2025: 3,600.00 yuan → 2,730.15 yuan
  ~ H2
      risk status: monitoring → naturally eliminated
5 household(s) differ
"""


def test_text_exactly(files, capsys):
    old, new = files
    assert run(old, new, "--show", "2") == 1
    assert capsys.readouterr().out == EXPECTED.format(old=old, new=new)


def test_chinese_labels_and_values(files, capsys):
    assert run(*files, "--lang", "zh", "--show", "1") == 1
    out = capsys.readouterr().out
    assert "  风险状态: 风险未消除 → 风险自然消除: 1\n" in out
    assert "      人均纯收入 2025年: 12,000.00 元 → 9,100.50 元\n" in out
    assert "  income_2025                     1  人均纯收入 2025年\n" in out


def test_counts_only(files, capsys):
    assert run(*files, "--show", "0") == 1
    out = capsys.readouterr().out
    assert "+ H5" not in out and "~ H1" not in out and "removed (" not in out
    assert out.endswith("risk status: monitoring → naturally eliminated: 1\n"
                        "5 household(s) differ\n")


def test_json(files, capsys):
    old, new = files
    assert run(old, new, "--json", "--show", "1") == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["old"] == {"file": old, "households": 4, "years": [2024, 2025],
                          "synthetic": True}
    assert doc["same"] is False
    assert doc["households"] == {"old": 4, "new": 4, "matched": 3, "added": 1, "removed": 1,
                                 "changed": 3, "unchanged": 0}
    assert doc["fields"] == {"size": 1, "risk_status": 2, "income_2025": 1, "wage_2025": 1,
                             "transfer_2025": 1}
    assert doc["status_changes"] == [
        {"field": "risk_status", "old": "monitoring", "new": "eliminated",
         "text": "risk status: monitoring → eliminated", "households": 1},
        {"field": "risk_status", "old": "monitoring", "new": "natural",
         "text": "risk status: monitoring → naturally eliminated", "households": 1},
    ]
    assert doc["added"] == ["H5"] and doc["removed"] == ["H4"]
    (h1,) = doc["changed"]
    assert h1["household"] == "H1" and h1["fields"][1] == {
        "field": "income_2025", "old": 12000.0, "new": 9100.5,
        "old_text": "12,000.00 yuan", "new_text": "9,100.50 yuan",
    }


def test_same_register_exit_0(files, capsys):
    old, _ = files
    assert run(old, old) == 0
    assert capsys.readouterr().out.endswith("\nno differences\n")
    assert run(old, old, "--json") == 0
    assert json.loads(capsys.readouterr().out)["same"] is True


def test_errors_exit_2_in_one_line(files, tmp_path, capsys):
    old, _ = files
    assert run(old, str(tmp_path / "missing.parquet")) == 2
    err = capsys.readouterr().err
    assert err == f"{tmp_path / 'missing.parquet'}: no such file\n"
    text = tmp_path / "notes.parquet"
    text.write_text("not parquet")
    assert run(str(text), old) == 2
    assert "not a Parquet file" in capsys.readouterr().err
    plain = tmp_path / "plain.parquet"  # a Parquet file but not a register: still 2, not 1
    pq.write_table(pa.table({"x": np.arange(3)}), plain)
    assert run(old, str(plain)) == 2
    assert "not a Dongchuan register" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        run(old, old, "--show", "-1")
    assert stop.value.code == 2


def test_through_the_dongchuan_command(files, capsys):
    assert cli.main(["register", "diff", *files, "--show", "0"]) == 1
    assert capsys.readouterr().out.endswith("5 household(s) differ\n")
