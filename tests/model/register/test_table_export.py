"""The household table written as shown (register/table_export.py): its rows in its
order, the chosen columns, formula escaping, the line saying where it comes from."""

from __future__ import annotations

import csv
import io

import numpy as np
import openpyxl
import pytest

from dongchuan_gui.model.register import Register, RegisterMeta, default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.table_export import (
    ExportCancelledError,
    export_households,
)
from dongchuan_gui.model.register.view import TableFilter, TableView
from dongchuan_gui.model.tables import FORMULA_START, safe_cell, unescape_cell

from .helpers import household

RULES = default_rules()
COLUMNS = ["household_id", "village_name", "size", "mon_type", "income", "line",
           "verdict", "identified", "water", "measures", "reasons", "employed",
           "no_labour", "exit_year", "village"]
HOSTILE = ["=cmd|' /C calc'!A0", "+41-1", "-2+3", "@SUM(A1)", "'=x", "\tTAB", "007"]


def _csv(path):
    text = path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(text[3:].decode("utf-8"), newline="")))


def _xlsx(path):
    book = openpyxl.load_workbook(path)
    return book, [[c.value for c in row] for row in book["households"].iter_rows()]


@pytest.fixture(scope="module")
def shown():
    reg = generate(1500, seed=5)
    view = TableView(reg, evaluate(reg, RULES, 2025), lang="en")
    view.set_filter(TableFilter(mon_types=(1, 2, 3), below_line=False))
    view.sort("income", descending=True)
    return view


def test_csv_has_exactly_the_shown_rows_in_the_shown_order(shown, tmp_path):
    path = tmp_path / "t.csv"
    assert export_households(shown, path, COLUMNS) == len(shown) > 20
    note, header, *rows = _csv(path)
    assert header == [shown.source.specs[k].label("en") for k in COLUMNS]
    assert [r[0] for r in rows] == [shown.value(i, "household_id") for i in range(len(shown))]
    income = [float(r[COLUMNS.index("income")]) for r in rows]
    assert income == sorted(income, reverse=True)
    expected = shown.register.income(2025)[shown.order]
    assert np.allclose(income, expected)
    for i in (0, len(rows) // 2, len(rows) - 1):  # label and list columns read as shown
        for key in ("village_name", "mon_type", "verdict", "measures", "reasons"):
            assert rows[i][COLUMNS.index(key)] == shown.value(i, key)
    assert "SYNTHETIC" in note[0] and "year 2025" in note[0]


def test_xlsx_has_the_same_rows_numbers_as_numbers_and_an_about_sheet(shown, tmp_path):
    path = tmp_path / "t.xlsx"
    export_households(shown, path, COLUMNS, lang="zh")
    book, (note, header, *rows) = _xlsx(path)
    assert book.sheetnames == ["households", "about"]
    assert note[0].startswith("# 监测台账") and "SYNTHETIC" in note[0]
    assert header == [shown.source.specs[k].label("zh") for k in COLUMNS]
    assert [r[0] for r in rows] == [shown.value(i, "household_id") for i in range(len(shown))]
    assert all(isinstance(r[COLUMNS.index("size")], int) for r in rows)
    assert all(isinstance(r[COLUMNS.index("income")], (int, float)) for r in rows)


def test_the_note_says_register_rule_set_year_filter_and_sort(shown, tmp_path):
    path = tmp_path / "t.csv"
    export_households(shown, path, ["household_id"])
    note = _csv(path)[0][0]
    for part in ("register Synthetic register", "rule set cn-yunnan-monitoring v1",
                 "year 2025", "monitoring type: unstable", "line: at or above",
                 "sorted by: net income per person (2025) descending",
                 f"{len(shown):,} rows", "SYNTHETIC: invented households"):
        assert part in note, part


def _hostile_register(title="real ledger"):
    rows = [household(village=530113102001, income={2025: 9000.0 + i}) for i in range(8)]
    columns = {name: [r[name] for r in rows] for name in rows[0]}
    columns["household_id"] = [*HOSTILE, "H-8"]
    meta = RegisterMeta(years=(2023, 2024, 2025), title=title, synthetic=False)
    return Register.from_columns(columns, meta, [[] for _ in rows])


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_household_numbers_and_names_never_go_out_unescaped(tmp_path, suffix):
    reg = _hostile_register()
    names = {530113102001: ("=HYPERLINK(1)", "-evil village"), 530113102000: ("@t", "+t")}
    view = TableView(reg, evaluate(reg, RULES, 2025), place_names=names, site_names={},
                     lang="en")
    view.sort("household_id")
    path = tmp_path / f"h.{suffix}"
    export_households(view, path, ["household_id", "village_name", "town", "income"])
    if suffix == "csv":
        note, header, *rows = _csv(path)
    else:
        _, (note, header, *rows) = _xlsx(path)
    ids = [bytes(i).decode() for i in reg.columns["household_id"][view.order]]
    assert [r[0] for r in rows] == [safe_cell(i) for i in ids]
    assert sorted(unescape_cell(r[0]) for r in rows) == sorted(ids)
    assert {r[1] for r in rows} == {"'-evil village"} and {r[2] for r in rows} == {"'+t"}
    for row in [note, header, *rows]:
        for cell in row:
            if isinstance(cell, str):
                assert not cell.startswith(FORMULA_START), cell
    assert "SYNTHETIC" not in note[0] and "register real ledger" in note[0]
    if suffix == "xlsx":  # a number-like household number stays text
        assert "007" in [r[0] for r in rows]


def test_a_big_table_goes_on_several_sheets(shown, tmp_path, monkeypatch):
    from dongchuan_gui.model.register import table_export

    monkeypatch.setattr(table_export, "XLSX_ROWS", 10)
    monkeypatch.setattr(table_export, "CHUNK", 7)
    path = tmp_path / "t.xlsx"
    export_households(shown, path, ["household_id", "income"])
    book = openpyxl.load_workbook(path)
    sheets = [name for name in book.sheetnames if name != "about"]
    assert len(sheets) == -(-len(shown) // 10)
    ids = []
    for name in sheets:
        rows = [[c.value for c in row] for row in book[name].iter_rows()]
        assert rows[0][0].startswith("# register") and rows[1] == ["household number",
                                                                   "net income per person (2025)"]
        ids += [r[0] for r in rows[2:]]
    assert ids == [shown.value(i, "household_id") for i in range(len(shown))]


def test_cancelling_leaves_the_old_file(shown, tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"old")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return False

    with pytest.raises(ExportCancelledError):
        export_households(shown, path, ["household_id"], progress=progress)
    assert path.read_bytes() == b"old" and seen[0][1] == len(shown)
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_an_empty_table_and_bad_requests(tmp_path):
    reg = _hostile_register()
    view = TableView(reg, evaluate(reg, RULES, 2025), lang="en")
    view.set_filter(TableFilter(income_min=1e9))
    assert export_households(view, tmp_path / "e.xlsx") == 0
    _, rows = _xlsx(tmp_path / "e.xlsx")
    assert len(rows) == 2 and rows[1][0] == "household number"
    with pytest.raises(ValueError, match="unknown column"):
        export_households(view, tmp_path / "e.csv", ["nope"])
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_households(view, tmp_path / "e.txt")
