"""Suppressed tables and keyed household ids (register/export.py)."""

from __future__ import annotations

import random

import pytest

from dongchuan_gui.model.register.export import (
    household_rows,
    keyed_id,
    suppress,
    suppressed_table,
    write_table,
)
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.tables import csv_rows

KEY = b"a key of at least sixteen bytes"


def _solutions(table, plan, cap=5000):
    """Every non-negative integer filling of the hidden cells that gives the
    published totals (visible cells as published; hidden totals unknown)."""
    hidden = plan.cells
    rows, cols = len(table), len(table[0])
    grand = sum(map(sum, table))
    row_tot = [None if plan.rows[r] else sum(table[r]) for r in range(rows)]
    col_tot = [None if plan.columns[c] else sum(table[r][c] for r in range(rows))
               for c in range(cols)]
    cells = [(r, c) for r in range(rows) for c in range(cols) if hidden[r][c]]
    grid = [[None if hidden[r][c] else table[r][c] for c in range(cols)] for r in range(rows)]
    last_in_row = {max(k for k, (r, _) in enumerate(cells) if r == row) for row, _ in cells}
    last_in_col = {max(k for k, (_, c) in enumerate(cells) if c == col) for _, col in cells}
    found = []

    def values(k):
        r, c = cells[k]
        known = sum(v for row in grid for v in row if v is not None)
        top = grand - known
        need = set()
        if row_tot[r] is not None:
            row_left = row_tot[r] - sum(v for v in grid[r] if v is not None)
            top = min(top, row_left)
            if k in last_in_row:
                need.add(row_left)
        if col_tot[c] is not None:
            col_left = col_tot[c] - sum(grid[i][c] for i in range(rows) if grid[i][c] is not None)
            top = min(top, col_left)
            if k in last_in_col:
                need.add(col_left)
        if k == len(cells) - 1:
            need.add(top if not need else min(need))
            need.add(grand - known)
        if need:
            return [v for v in need if len(need) == 1 and 0 <= v <= top]
        return range(max(top, -1) + 1)

    def ok():
        return (
            sum(map(sum, grid)) == grand
            and all(t is None or sum(grid[r]) == t for r, t in enumerate(row_tot))
            and all(t is None or sum(grid[r][c] for r in range(rows)) == t
                    for c, t in enumerate(col_tot))
        )

    def go(k):
        if len(found) >= cap:
            return
        if k == len(cells):
            if ok():
                found.append([grid[r][c] for r, c in cells])
            return
        r, c = cells[k]
        for v in values(k):
            grid[r][c] = v
            go(k + 1)
        grid[r][c] = None

    go(0)
    return cells, found


def _random_table(rng):
    rows, cols = rng.randint(2, 4), rng.randint(2, 4)
    return [[rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 12]) for _ in range(cols)] for _ in range(rows)]


@pytest.mark.parametrize("seed", range(150))
def test_no_suppressed_cell_recoverable_from_totals(seed):
    rng = random.Random(seed)
    table = _random_table(rng)
    plan = suppress(table, 5)
    hidden = plan.cells
    rows, cols = len(table), len(table[0])
    # primary: every 1..4 hidden; nothing is shown that is 1..4
    for r in range(rows):
        for c in range(cols):
            if 0 < table[r][c] < 5:
                assert hidden[r][c]
    # every row and column with a hidden cell and a published total has two
    for r in range(rows):
        assert plan.rows[r] or sum(hidden[r]) != 1
    for c in range(cols):
        assert plan.columns[c] or sum(hidden[r][c] for r in range(rows)) != 1
    assert sum(plan.rows) != 1 and sum(plan.columns) != 1
    if not any(any(row) for row in hidden):
        return
    cells, found = _solutions(table, plan)
    assert [table[r][c] for r, c in cells] in found
    assert len(found) > 1
    for k in range(len(cells)):  # each hidden cell takes more than one value
        assert len({s[k] for s in found}) > 1, (table, hidden, cells[k])


def test_bridge_between_two_blocks_is_closed():
    # two 2x2 blocks of small cells; a cell joining them alone would be fixed
    table = [
        [1, 2, 0, 0, 9],
        [3, 4, 0, 0, 9],
        [0, 0, 1, 2, 9],
        [0, 0, 3, 4, 9],
        [9, 9, 9, 9, 9],
    ]
    plan = suppress(table, 5)
    assert not any(plan.rows) and not any(plan.columns)
    cells, found = _solutions(table, plan)
    for k in range(len(cells)):
        assert len({s[k] for s in found}) > 1


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    reg = generate(800, 3)
    reg.save(tmp_path_factory.mktemp("exp") / "r.parquet")
    return reg


@pytest.mark.parametrize("level", ["village", "town"])
def test_suppressed_table_of_a_register(register, level):
    table = suppressed_table(register, 2025, level)
    assert table.primary
    shown = [v for row in table.cells for v in row if v is not None]
    assert all(v == 0 or v >= 5 for v in shown)
    for r, c in table.primary:
        assert table.cells[r][c] is None
    hidden = [[v is None for v in row] for row in table.cells]
    for row, total in zip(hidden, table.row_totals, strict=True):
        assert total is None or sum(row) != 1
    for c, total in enumerate(table.column_totals):
        assert total is None or sum(row[c] for row in hidden) != 1
    assert table.column_totals[0] == len(register)
    assert table.grand_total == sum(t for t in table.column_totals if t is not None) or None in (
        table.column_totals)
    assert "sha256 " + register.sha256() in table.note and "SYNTHETIC" in table.note
    body = table.body()
    assert "row_total" not in table.header()  # the columns overlap: no sum across them
    assert len(body[-1]) == len(table.header())
    assert body[-1][0] == "total" and "x" in [v for row in body for v in row]
    assert "<5" not in [v for row in body for v in row]


def test_keyed_hash(register):
    raw = [bytes(x).decode() for x in register.columns["household_id"]]
    header, body, note = household_rows(register, KEY, 2025)
    other = household_rows(register, KEY + b"!", 2025)[1]
    assert header[0] == "household_key" and "household_id" not in header
    assert len(body) == len(register)
    assert all(len(row[0]) == 16 for row in body)
    assert len({row[0] for row in body}) == len(body)
    assert all(a[0] != b[0] for a, b in zip(body, other, strict=True))
    text = repr(body) + note
    assert not any(i in text for i in raw)
    assert KEY.decode() not in text
    assert keyed_id(KEY, raw[0].encode()) == body[0][0]
    with pytest.raises(ValueError):
        household_rows(register, b"short", 2025)


def test_writers(register, tmp_path):
    from openpyxl import load_workbook

    table = suppressed_table(register, 2025)
    out = tmp_path / "t.csv"
    write_table(out, table.header(), table.body(), table.note)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv_rows(data.decode("utf-8-sig")))
    assert lines[0][0].startswith("# derived from register r.parquet sha256")
    assert lines[1] == table.header() and lines[-1][0] == "total"
    write_table(tmp_path / "t.xlsx", table.header(), table.body(), table.note)
    book = load_workbook(tmp_path / "t.xlsx")
    assert book["table"]["A2"].value == "code" and "rule set" in book["about"]["A2"].value
    with pytest.raises(ValueError):
        write_table(tmp_path / "t.txt", ["a"], [], "n")


def test_formula_cells_escaped(tmp_path):
    out = tmp_path / "f.csv"
    write_table(out, ["a"], [["=1+1"]], "# n")
    assert "'=1+1" in out.read_text("utf-8-sig")


def test_an_empty_register_exports_an_empty_table():
    from dongchuan_gui.model.register import Register

    empty = generate(200, seed=1)
    empty = Register({k: v[:0] for k, v in empty.columns.items()}, empty.meta)
    table = suppressed_table(empty, 2025, "village")
    assert table.codes == [] and table.column_totals == [0] * len(table.columns)
    assert table.body() == [["total", *([0] * len(table.columns))]]
