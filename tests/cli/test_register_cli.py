"""``dongchuan register``: generate, info, check, aggregate; clear errors, no tracebacks."""

from __future__ import annotations

import argparse
import json

import pytest

from dongchuan_gui.model.register import default_rules
from dongchuan_gui.register_cli import add_parser


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dongchuan")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(["register", *argv])
    return args.run(args)


@pytest.fixture(scope="module")
def register_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "r.parquet"
    assert run("generate", "--households", "3000", "--seed", "9", "-o", str(path)) == 0
    return path


def test_generate_prints_what_it_wrote(tmp_path, capsys):
    out = tmp_path / "g.parquet"
    assert run("generate", "--households", "1,000", "--seed", "1", "-o", str(out)) == 0
    said = capsys.readouterr().out
    assert "1,000 invented households (seed 1)" in said and "real villages" in said


def test_info(register_file, capsys):
    assert run("info", str(register_file)) == 0
    out = capsys.readouterr().out
    assert "SYNTHETIC" in out and "households: 3,000" in out and "villages: 165" in out
    assert run("info", str(register_file), "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["synthetic"] is True and doc["households"] == 3000 and len(doc["sha256"]) == 64


def test_check_counts_and_reasons(register_file, capsys):
    code = run("check", str(register_file), "--json", "--show", "2")
    doc = json.loads(capsys.readouterr().out)
    assert sum(v["households"] for v in doc["verdicts"]) == 3000
    at_risk = {v["verdict"]: v for v in doc["verdicts"]}["at_risk"]
    assert code == (1 if at_risk["households"] else 0)
    assert doc["lines"][0]["value"] == 8700 and doc["lines"][0]["verified"] is True
    example = at_risk["examples"][0]
    assert example["household"].startswith("SYN-") and example["reasons"]
    assert run("check", str(register_file), "--year", "2023", "--lang", "zh") in (0, 1)
    out = capsys.readouterr().out
    assert "2023 line: 6,900 yuan (national) [background knowledge, editable]" in out
    assert "继续监测" in out


def test_aggregate_levels_and_what_if(register_file, capsys):
    assert run("aggregate", str(register_file), "--json", "--level", "town",
               "--line", "9000") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["level"] == "town" and doc["derived"]["synthetic"] is True
    assert sum(r["households"] for r in doc["rows"]) == 3000
    assert all("what_if_below" in r and r["name_zh"] for r in doc["rows"])
    assert run("aggregate", str(register_file), "--level", "district") == 0
    out = capsys.readouterr().out
    assert "derived figures, not reported" in out and "530113000000" in out


def test_custom_rules_file(register_file, tmp_path, capsys):

    doc = default_rules().to_dict()
    doc["lines"] = [dict(line, value=1.0) for line in doc["lines"]]
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(doc))
    run("check", str(register_file), "--json", "--rules", str(rules))
    verdicts = {v["verdict"]: v for v in json.loads(capsys.readouterr().out)["verdicts"]}
    assert "below_line" not in verdicts["at_risk"]["reasons"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["info", "{missing}"], "no such file"),
        (["info", "{text}"], "not a Parquet file"),
        (["info", "{folder}"], "is a folder"),
        (["check", "{reg}", "--year", "2019"], "no 2019 data in this register (years 2021-2025)"),
        (["check", "{reg}", "--rules", "{text}"], "malformed JSON"),
        (["check", "{reg}", "--rules", "{missing}"], "cannot read"),
        (["generate", "--households", "10", "-o", "{missing}/x.parquet"], "cannot write"),
    ],
)
def test_errors_are_one_line_with_exit_2(argv, message, register_file, tmp_path, capsys):
    text = tmp_path / "t.parquet"
    text.write_text("not parquet")
    names = {"missing": str(tmp_path / "none"), "text": str(text), "folder": str(tmp_path),
             "reg": str(register_file)}
    assert run(*[a.format(**names) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_arguments_exit_2(capsys):
    for argv in (["generate", "--households", "0", "-o", "x"],
                 ["generate", "--households", "many", "-o", "x"],
                 ["aggregate", "x", "--level", "county"]):
        with pytest.raises(SystemExit) as exc:
            run(*argv)
        assert exc.value.code == 2
    assert "expected" in capsys.readouterr().err


def test_schema(capsys):
    assert run("schema") == 0
    out = capsys.readouterr().out
    assert "income_<year>" in out and "因病 illness" in out and "边缘易致贫户" in out
    assert run("schema", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    causes = doc["code_tables"]["poverty_cause"]["codes"]
    assert len(causes) == 14 and causes[-1]["key"] == "other"  # none + 12 causes + other


def test_generate_never_replaces_a_file_unasked_nor_one_open_in_the_app(tmp_path, capsys):
    import shutil

    from PySide6.QtCore import QLockFile

    from tests.conftest import SEED

    dataset = tmp_path / "d.json"
    shutil.copyfile(SEED, dataset)
    before = dataset.read_bytes()
    assert run("generate", "--households", "5", "-o", str(dataset)) == 2
    assert "exists" in capsys.readouterr().err
    lock = QLockFile(str(dataset) + ".lock")
    assert lock.tryLock(0)  # the window holds the file
    try:
        assert run("generate", "--households", "5", "--force", "-o", str(dataset)) == 2
        assert "open in" in capsys.readouterr().err
    finally:
        lock.unlock()
    assert dataset.read_bytes() == before
    assert run("generate", "--households", "5", "--force", "-o", str(dataset)) == 0


def test_export_csv_and_xlsx(register_file, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "t.csv"
    assert run("export", str(register_file), "--year", "2025", "-o", str(out)) == 0
    assert "cells suppressed" in capsys.readouterr().out
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b",x," in text and b"sha256" in text
    assert run("export", str(register_file), "-o", str(out)) == 2
    assert "exists" in capsys.readouterr().err
    assert run("export", str(register_file), "--level", "town", "-o", str(out), "--force") == 0
    xlsx = tmp_path / "t.xlsx"
    assert run("export", str(register_file), "-o", str(xlsx)) == 0
    assert load_workbook(xlsx)["table"]["A2"].value == "code"


def test_export_households_keyed(register_file, tmp_path, capsys):
    key = tmp_path / "key"
    key.write_text("correct horse battery staple\n")
    out = tmp_path / "h.csv"
    assert run("export", str(register_file), "--households", "-o", str(out)) == 2
    assert "--key-file" in capsys.readouterr().err
    assert run("export", str(register_file), "--households", "--key-file",
               str(tmp_path / "none"), "-o", str(out)) == 2
    assert "cannot read" in capsys.readouterr().err
    short = tmp_path / "short"
    short.write_text("abc")
    assert run("export", str(register_file), "--households", "--key-file", str(short),
               "-o", str(out)) == 2
    assert run("export", str(register_file), "--households", "--key-file", str(key),
               "-o", str(out)) == 0
    text = out.read_text("utf-8-sig")
    assert "SYN-" not in text and "correct horse" not in text and "household_key" in text
    assert run("export", str(register_file), "-o", str(tmp_path / "x.txt")) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err
