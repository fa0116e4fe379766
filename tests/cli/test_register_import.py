"""``dongchuan register import``: exit codes, what it prints, what it writes, and that
no personal value ever shows."""

from __future__ import annotations

import argparse
import json

import pytest

from dongchuan_gui.model.register import Register
from dongchuan_gui.register_cli import add_parser
from tests.model.register.ledger_files import ALL_PERSONAL, household, write_xlsx


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dongchuan")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(["register", *argv])
    return args.run(args)


def no_personal(*texts: str) -> None:
    joined = "\n".join(texts)
    assert not [v for v in ALL_PERSONAL if v in joined]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    return write_xlsx(tmp_path_factory.mktemp("cli") / "台账.xlsx")


def test_import_writes_and_reports(ledger, tmp_path, capsys):
    out = tmp_path / "r.parquet"
    assert run("import", str(ledger), "-o", str(out)) == 1  # some rows refused
    said = capsys.readouterr()
    no_personal(said.out, said.err)
    lines = said.out.splitlines()
    assert lines[0] == ("台账.xlsx › 监测台账: header in row 3; 2024 figures (the header of "
                        "column N (2024年人均纯收入))")
    assert "  column E (户主姓名): a person's name, by its header" in lines
    assert "  column R (备用): 7 of its 7 values look like phone numbers" in lines
    assert "rows: 3 households taken, 4 refused, 1 skipped" in lines
    assert ("  row 6: column Q (备注) holds what looks like a resident ID number; the row "
            "was not imported") in lines
    assert "skipped row 11: a total row, not a household" in lines
    assert lines[-1] == "wrote " + str(out) + ": 3 households, 2024 (real data, not synthetic)"
    reg = Register.load(out)
    assert len(reg) == 3 and not reg.meta.synthetic
    data = out.read_bytes()
    assert not [v for v in ALL_PERSONAL if v.encode() in data]


def test_dry_run_writes_nothing(ledger, tmp_path, capsys):
    out = tmp_path / "dry.parquet"
    assert run("import", str(ledger), "-o", str(out), "--dry-run") == 1
    said = capsys.readouterr().out
    assert said.splitlines()[-1] == "dry run: nothing written"
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_json_lists_every_refused_row(ledger, capsys):
    assert run("import", str(ledger), "--dry-run", "--json", "--show", "1") == 1
    said = capsys.readouterr()
    no_personal(said.out, said.err)
    doc = json.loads(said.out)
    assert doc["written"] is None and doc["dry_run"] is True and doc["synthetic"] is False
    assert doc["counts"] == {"rows": 8, "taken": 3, "refused": 4, "skipped": 1}
    assert [r["row"] for r in doc["refused"]] == [6, 7, 8, 10]
    assert [d["column"] for d in doc["dropped"]] == ["E", "F", "G", "R", "S"]
    assert doc["mapping"]["household_id"] == "D 户编号"


def test_show_limits_the_list(ledger, capsys):
    run("import", str(ledger), "--dry-run", "--show", "1")
    lines = capsys.readouterr().out.splitlines()
    assert "  … and 3 more (--show N, or --json)" in lines
    assert sum(line.startswith("  row ") for line in lines) == 1


def test_all_rows_taken_exit_0(tmp_path, capsys):
    ledger = write_xlsx(tmp_path / "ok.xlsx", [household(1), household(2)], merges=())
    out = tmp_path / "ok.parquet"
    assert run("import", str(ledger), "-o", str(out)) == 0
    assert "rows: 2 households taken, 0 refused, 0 skipped" in capsys.readouterr().out
    assert len(Register.load(out)) == 2
    # an existing file is kept unless --force
    assert run("import", str(ledger), "-o", str(out)) == 2
    assert "exists; choose another name, or --force" in capsys.readouterr().err
    assert run("import", str(ledger), "-o", str(out), "--force") == 0


def test_map_option(tmp_path, ledger, capsys):
    assert run("import", str(ledger), "--dry-run", "--json", "--map", "measures=",
               "--map", "village_name=C") == 1
    doc = json.loads(capsys.readouterr().out)
    assert "measures" not in doc["mapping"] and doc["mapping"]["village_name"] == "C 所属村"
    assert run("import", str(ledger), "--dry-run", "--map", "village_name=F") == 2
    err = capsys.readouterr().err
    assert "column F (身份证号) holds personal data" in err
    no_personal(err)
    assert run("import", str(ledger), "--dry-run", "--map", "village_name") == 2
    assert "expected FIELD=COLUMN" in capsys.readouterr().err


def test_errors_exit_2_in_one_line(tmp_path, capsys):
    missing = tmp_path / "none.xlsx"
    assert run("import", str(missing), "--dry-run") == 2
    assert "cannot read the file" in capsys.readouterr().err
    text = tmp_path / "l.txt.xlsx"
    text.write_text("not a workbook")
    assert run("import", str(text), "--dry-run") == 2
    err = capsys.readouterr().err
    assert "not a readable .xlsx workbook" in err and len(err.strip().splitlines()) == 1
    assert run("import", str(text)) == 2
    assert "-o OUT is needed" in capsys.readouterr().err
    assert run("import", str(text), "-o", str(tmp_path / "x.csv")) == 2
    assert "must end in .parquet" in capsys.readouterr().err


def test_year_option(ledger, capsys):
    assert run("import", str(ledger), "--dry-run", "--year", "2025") == 2
    assert "names 2024, not 2025" in capsys.readouterr().err
