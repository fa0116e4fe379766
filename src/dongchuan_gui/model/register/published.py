"""What an anonymised report may print of a register (no Qt).

Every anonymised report (village and town dossiers, the district report) prints cells
of one table only: ``export.suppressed_table`` at village level for the year in view,
whose plan keeps every hidden cell from being worked out of the published totals. A
town's or district's figure is a sum of village cells; it is printed only when it
follows from what is printed anyway, so it adds nothing: when none of the place's
cells in that column is hidden, or when all of the column's hidden cells lie in the
place and the column total is published. Otherwise it is hidden too (``None``).

Other years are not printed (monitored counts are the same in every year's table, and
two plans could hide different cells of the same numbers), nor shares or reasons with
counts in them. The income histogram is the whole register's, its bins merged until
each printed bar is 0 or at least ``min_cell`` households, so no bar is small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .export import COLUMNS, SuppressedTable


@dataclass(frozen=True)
class PlaceTable:
    """The rows an anonymised report prints for one place."""

    code: str  # the place's 12-digit code
    columns: tuple[str, ...]
    rows: list[tuple[str, list[int | None]]]  # (village code, cells); None: hidden
    total: list[int | None]  # the place's figures; None: hidden
    year: int
    min_cell: int
    note: str


def members(table: SuppressedTable, code: int, level: str) -> list[int]:
    """Row numbers of ``table`` (village level) that lie in the place ``code``."""
    unit = {"village": 1, "town": 1000, "district": 1_000_000}[level]
    return [r for r, c in enumerate(table.codes) if int(c) // unit * unit == code]


def subtotal(table: SuppressedTable, rows: list[int]) -> list[int | None]:
    """The sum of ``rows`` per column, or None where it would tell more than the
    printed cells and totals already do."""
    everyone = len(rows) == len(table.codes)
    out: list[int | None] = []
    for c in range(len(table.columns)):
        hidden_here = [r for r in rows if table.cells[r][c] is None]
        hidden_all = [r for r in range(len(table.codes)) if table.cells[r][c] is None]
        if not hidden_here:
            out.append(sum(int(table.cells[r][c]) for r in rows))  # type: ignore[arg-type]
        elif len(hidden_here) == len(hidden_all) and table.column_totals[c] is not None:
            shown_elsewhere = sum(
                int(table.cells[r][c])  # type: ignore[arg-type]
                for r in range(len(table.codes)) if r not in rows
            )
            out.append(int(table.column_totals[c]) - shown_elsewhere)  # type: ignore[arg-type]
        else:
            out.append(None)
        if everyone and table.column_totals[c] is None:
            out[-1] = None
    return out


def place_table(table: SuppressedTable, code: int, level: str) -> PlaceTable:
    """The printed rows of a village, a town (its villages and their sum) or a
    district (its villages' sum) from the register-wide plan ``table``."""
    rows = members(table, code, level)
    listed = [] if level == "district" else [(table.codes[r], list(table.cells[r]))
                                            for r in rows]
    return PlaceTable(f"{code:012d}", COLUMNS, listed, subtotal(table, rows), table.year,
                      table.min_cell, table.note)


def town_rows(table: SuppressedTable, towns: list[int]) -> list[tuple[str, list[int | None]]]:
    """One printed row per town (for the district report)."""
    return [(f"{t:012d}", subtotal(table, members(table, t, "town"))) for t in towns]


def merged_bins(edges: np.ndarray, counts: np.ndarray, min_cell: int
                ) -> tuple[list[float], list[int]]:
    """Bins joined left to right until each is 0 or holds at least ``min_cell``; a
    small remainder joins the last bar that holds any. Returns (edges, counts); no
    counts at all when the households are fewer than ``min_cell``."""
    out_edges = [float(edges[0])]
    out_counts: list[int] = []
    run = 0
    for k, n in enumerate(counts):
        run += int(n)
        if run == 0 or run >= min_cell:
            out_edges.append(float(edges[k + 1]))
            out_counts.append(run)
            run = 0
    if run:
        last = max((k for k, n in enumerate(out_counts) if n), default=None)
        if last is None:
            return [float(edges[0]), float(edges[-1])], []
        out_counts[last] += run
        # the joined bar reaches to the end; the empty bars after it go
        del out_counts[last + 1:]
        del out_edges[last + 2:]
        out_edges[-1] = float(edges[-1])
    return out_edges, out_counts


def bin_counts(income: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Households per bin of ``edges`` (equal widths from ``edges[0]`` = 0, as the
    what-if's); incomes outside the bins and missing ones are not counted."""
    width = float(edges[1] - edges[0])
    known = income[~np.isnan(income)]
    at = np.floor((known - float(edges[0])) / width)
    bins = len(edges) - 1
    inside = at[(at >= 0) & (at < bins)].astype(np.int64)
    return np.bincount(inside, minlength=bins).astype(np.int64)
