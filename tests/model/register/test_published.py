"""What anonymised reports print of a register (register/published.py): no hidden
cell can be worked out from everything they print together."""

from __future__ import annotations

import numpy as np
import pytest

from dongchuan_gui.model.register import default_rules
from dongchuan_gui.model.register.export import suppressed_table
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.published import (
    bin_counts,
    members,
    merged_bins,
    place_table,
    subtotal,
    town_rows,
)
from dongchuan_gui.model.register.whatif import WhatIfModel

DISTRICT = 530113000000


@pytest.fixture(scope="module")
def plan():
    reg = generate(3000, seed=7)  # ~18 households a village: many small cells
    return reg, suppressed_table(reg, 2025, "village", 5, default_rules())


def _equations(table, sums):
    """Rows of a matrix over the hidden cells: one per published sum that has hidden
    cells in it. ``sums`` lists (rows of the table, column) of published sums."""
    hidden = [(r, c) for r, row in enumerate(table.cells) for c, v in enumerate(row)
              if v is None]
    where = {cell: k for k, cell in enumerate(hidden)}
    out = []
    for rows, c in sums:
        line = np.zeros(len(hidden))
        for r in rows:
            if (r, c) in where:
                line[where[(r, c)]] = 1.0
        if line.any():
            out.append(line)
    return hidden, np.array(out)


def _determined(hidden, matrix):
    """Hidden cells that the published sums fix exactly: e_i in the row space, i.e.
    zero in every vector of the null space."""
    if len(matrix) == 0:
        return []
    _, s, vt = np.linalg.svd(matrix)
    rank = int((s > 1e-9).sum())
    null = vt[rank:]
    return [cell for k, cell in enumerate(hidden)
            if null.shape[0] == 0 or np.abs(null[:, k]).max() < 1e-9]


def _published_sums(table, subtotals):
    """Column totals and ``subtotals`` ((rows, printed figures) of towns and
    districts), where printed."""
    n, cols = len(table.codes), len(table.columns)
    sums = [(list(range(n)), c) for c in range(cols) if table.column_totals[c] is not None]
    return sums + [(rows, c) for rows, figures in subtotals for c in range(cols)
                   if figures[c] is not None]


def _row_total_sums(table):
    """Rows whose total the plan treats as published (the reports do not print row
    totals; counting them anyway makes the check stricter)."""
    return [r for r in range(len(table.codes)) if table.row_totals[r] is not None]


def _matrix(table, subtotals):
    hidden, columns = _equations(table, _published_sums(table, subtotals))
    where = {cell: k for k, cell in enumerate(hidden)}
    rows = []
    for r in _row_total_sums(table):
        line = np.zeros(len(hidden))
        for c in range(len(table.columns)):
            if (r, c) in where:
                line[where[(r, c)]] = 1.0
        if line.any():
            rows.append(line)
    matrix = np.vstack([m for m in (columns, np.array(rows)) if len(m)])
    return hidden, matrix


def _everything_printed(table):
    """Subtotals printed by every town and district report (village rows are the
    plan's own cells)."""
    towns = sorted({int(c) // 1000 * 1000 for c in table.codes})
    out = []
    for town in towns:
        out.append((members(table, town, "town"), place_table(table, town, "town").total))
    for code, figures in town_rows(table, towns):
        out.append((members(table, int(code), "town"), figures))
    out.append((members(table, DISTRICT, "district"),
                place_table(table, DISTRICT, "district").total))
    return out


def test_no_hidden_cell_follows_from_everything_the_reports_print(plan):
    _, table = plan
    hidden, matrix = _matrix(table, _everything_printed(table))
    assert len(hidden) > 50  # the test is about something
    assert _determined(hidden, matrix) == []
    # the printed cells are the plan's: hidden ones stay hidden in every dossier
    for r, code in enumerate(table.codes):
        (row,) = place_table(table, int(code), "village").rows
        assert row == (code, table.cells[r])


def test_the_check_finds_a_leak_when_town_sums_are_printed_naively(plan):
    _, table = plan
    full = np.array([[v if v is not None else -1 for v in row] for row in table.cells])
    naive = []
    for town in sorted({int(c) // 1000 * 1000 for c in table.codes}):
        rows = members(table, town, "town")
        naive.append((rows, [int(full[rows, c].sum()) for c in range(full.shape[1])]))
    hidden, matrix = _matrix(table, naive)
    assert _determined(hidden, matrix)  # so the check above can fail


def test_subtotals_show_exactly_what_follows_from_printed_cells(plan):
    reg, table = plan
    for town in sorted({int(c) // 1000 * 1000 for c in table.codes}):
        rows = members(table, town, "town")
        figures = subtotal(table, rows)
        for c, figure in enumerate(figures):
            hidden_here = [r for r in rows if table.cells[r][c] is None]
            if not hidden_here:
                assert figure == sum(table.cells[r][c] for r in rows)
    district = place_table(table, DISTRICT, "district")
    assert district.rows == []
    for c, total in enumerate(table.column_totals):
        assert district.total[c] == total  # the whole register: the column totals
    assert district.total[0] == len(reg)


@pytest.mark.parametrize("min_cell", [2, 5, 10])
def test_merged_bins_have_no_small_bar(min_cell):
    reg = generate(400, seed=11)
    model = WhatIfModel(reg, default_rules(), 2025)
    hist = model.histogram(False)
    edges, bars = merged_bins(hist.edges, hist.counts, min_cell)
    assert all(b == 0 or b >= min_cell for b in bars)
    assert sum(bars) == int(hist.counts.sum())
    assert len(edges) == len(bars) + 1 and edges[0] == hist.edges[0]
    assert edges[-1] == hist.edges[-1] and all(np.diff(edges) > 0)
    assert set(edges) <= set(hist.edges.tolist())
    assert bin_counts(reg.income(2025), hist.edges).tolist() == hist.counts.tolist()


def test_merged_bins_of_too_few_households_print_none():
    edges = np.arange(5) * 100.0
    assert merged_bins(edges, np.array([0, 2, 0, 1]), 5) == ([0.0, 400.0], [])
    assert merged_bins(edges, np.array([6, 0, 2, 0]), 5) == ([0.0, 400.0], [8])
    assert merged_bins(edges, np.array([0, 5, 1, 4]), 5) == ([0.0, 100.0, 200.0, 400.0],
                                                            [0, 5, 5])
