"""Tables from a register that may leave the office: small cells suppressed (no Qt).

``suppressed_table`` counts households per village (or town) and hides every count
from 1 to ``min_cell - 1`` (primary suppression; a 0 is shown). Row and column
totals are published, so more cells are hidden (complementary suppression) until no
hidden cell can be worked out from them: every row and column with a hidden cell has
at least two, and every hidden cell lies on a cycle of hidden cells (row, column,
row, ...), so that adding and taking one along the cycle gives another table with
the same totals. A hidden cell is ``None`` in the data and ``x`` in the files (one
mark for primary and complementary cells alike). A row or column total is hidden
only when no cell is left to hide (then it is ``suppressed``).

``household_rows`` lists households with the household number replaced by a keyed
hash, HMAC-SHA256(key, number) cut to 16 hex characters; the key is the user's and is
never written anywhere. The only place column is the village code.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..atomic import write_atomic
from ..tables import csv_bytes, xlsx_bytes
from .aggregate import aggregate
from .rules import RuleSet, default_rules
from .schema import RISK_STATUS
from .store import Register

COLUMNS = (
    "households",
    "monitored_unstable",
    "monitored_marginal",
    "monitored_sudden",
    "below_line",
    "relocated",
)
MARK = "x"  # a suppressed cell, primary or complementary
MIN_KEY_BYTES = 16
HASH_HEX = 16


@dataclass
class SuppressedTable:
    level: str
    year: int
    min_cell: int
    codes: list[str]
    columns: tuple[str, ...]
    cells: list[list[int | None]]  # None: suppressed
    primary: list[tuple[int, int]]  # (row, column) hidden because 1..min_cell-1
    # the sum of a row's cells: not published (the columns overlap: monitored households
    # are households too), but suppression is planned as if it were, which only hides more
    row_totals: list[int | None]  # None: would be suppressed (see ``suppress``)
    column_totals: list[int | None]
    grand_total: int
    note: str

    @property
    def mark(self) -> str:
        """One mark for every hidden cell: a complementary cell is often 5 or more,
        and telling the two kinds apart would narrow them down."""
        return MARK

    def header(self) -> list[str]:
        return ["code", *self.columns]

    def body(self) -> list[list[Any]]:
        out: list[list[Any]] = []
        for code, row in zip(self.codes, self.cells, strict=True):
            out.append([code, *(self.mark if v is None else v for v in row)])
        out.append(["total", *(_shown(v) for v in self.column_totals)])
        return out


def _shown(total: int | None) -> Any:
    return "suppressed" if total is None else total


def _counts(reg: Register, rules: RuleSet, year: int, level: str) -> tuple[np.ndarray, Any]:
    agg = aggregate(reg, rules, year, level)
    g = reg.group_idx(level)
    relocated = np.bincount(g[reg.columns["reloc_kind"] > 0], minlength=len(agg.codes))
    table = np.column_stack(
        [agg.households, agg.monitored[:, 0], agg.monitored[:, 1], agg.monitored[:, 2],
         agg.below, relocated]
    ).astype(np.int64)
    return table, agg


@dataclass
class Suppression:
    cells: list[list[bool]]  # hidden cells
    rows: list[bool]  # hidden row totals
    columns: list[bool]  # hidden column totals


def suppress(table: list[list[int]], min_cell: int = 5) -> Suppression:
    """Which cells (and, when nothing else works, which totals) of ``table``
    (non-negative counts) to hide, given that its totals are published.

    The published totals tie the cells together like a graph: rows and columns are
    nodes, hidden cells are edges; all rows with a hidden total act as one node (the
    sum of their totals follows from the grand total), and so do such columns. A
    hidden cell is fixed by the totals exactly when its edge is a bridge; each bridge
    is closed with the smallest visible cell joining its two sides (non-zero first),
    else one in its row or column. A row or column with nothing left to hide gets its
    total hidden (with another, so that the hidden totals do not give each other)."""
    rows = len(table)
    cols = len(table[0]) if rows else 0
    row_tot = [sum(r) for r in table]
    col_tot = [sum(table[r][c] for r in range(rows)) for c in range(cols)]
    hidden = [[0 < table[r][c] < min_cell for c in range(cols)] for r in range(rows)]
    hrow, hcol = [False] * rows, [False] * cols

    def rnode(r: int) -> tuple[str, int]:
        return ("R", -1) if hrow[r] else ("r", r)

    def cnode(c: int) -> tuple[str, int]:
        return ("C", -1) if hcol[c] else ("c", c)

    def usable(r: int, c: int) -> bool:
        return not hidden[r][c] and row_tot[r] > 0 and col_tot[c] > 0

    def pick(cells: list[tuple[int, int]]) -> bool:
        free = [(table[r][c] == 0, table[r][c], r, c) for r, c in cells if usable(r, c)]
        if not free:
            return False
        *_, r, c = min(free)
        hidden[r][c] = True
        return True

    def hide_total(flags: list[bool], totals: list[int], i: int) -> bool:
        if flags[i]:
            return False
        flags[i] = True
        if sum(flags) == 1:  # a lone hidden total follows from the others
            rest = [(totals[j], j) for j in range(len(flags)) if not flags[j] and totals[j] > 0]
            if rest:
                flags[min(rest)[1]] = True
        return True

    for _ in range(4 * (rows + 1) * (cols + 1) + 8):
        edges = [(r, c) for r in range(rows) for c in range(cols) if hidden[r][c]]
        bridge = None
        for k, (r, c) in enumerate(edges):
            others = [(rnode(i), cnode(j)) for n, (i, j) in enumerate(edges) if n != k]
            side = _reach(others, rnode(r))
            if cnode(c) not in side:
                bridge = (r, c, side, _reach(others, cnode(c)))
                break
        if bridge is None:
            return Suppression(hidden, hrow, hcol)
        r, c, a, b = bridge
        crossing = [(i, j) for i in range(rows) for j in range(cols)
                    if (rnode(i) in a and cnode(j) in b) or (rnode(i) in b and cnode(j) in a)]
        if pick(crossing):
            continue
        if pick([(r, j) for j in range(cols)] + [(i, c) for i in range(rows)]):
            continue
        if not (hide_total(hrow, row_tot, r) or hide_total(hcol, col_tot, c)):
            break
    raise RuntimeError("suppression did not settle")  # pragma: no cover


def _reach(edges: list[tuple[tuple[str, int], tuple[str, int]]],
           start: tuple[str, int]) -> set[tuple[str, int]]:
    """The nodes reachable from ``start`` over ``edges`` (pairs of nodes)."""
    near: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for x, y in edges:
        near.setdefault(x, []).append(y)
        near.setdefault(y, []).append(x)
    seen = {start}
    todo = [start]
    while todo:
        for other in near.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _note(reg: Register, rules: RuleSet, year: int, min_cell: int, extra: str = "") -> str:
    name = reg.path.name if reg.path is not None else "(not saved)"
    sha = reg.sha256() or "-"
    kind = "SYNTHETIC (invented households)" if reg.meta.synthetic else "real data"
    return (f"# derived from register {name} sha256 {sha}; rule set {rules.id} "
            f"v{rules.version}; year {year}; {kind}; cells under {min_cell} suppressed, and "
            f"more so that none follows from the totals; every suppressed cell is shown "
            f"{MARK}{extra}")


def suppressed_table(
    register: Register,
    year: int | None = None,
    level: str = "village",
    min_cell: int = 5,
    rules: RuleSet | None = None,
) -> SuppressedTable:
    if level not in ("village", "town"):
        raise ValueError(f"level must be village or town, not {level!r}")
    if min_cell < 2:
        raise ValueError("min_cell must be at least 2")
    rules = rules or default_rules()
    year = register.latest_year if year is None else year
    counts, agg = _counts(register, rules, year, level)
    table = counts.tolist()
    plan = suppress(table, min_cell)
    cells = [[None if h else v for v, h in zip(row, hrow, strict=True)]
             for row, hrow in zip(table, plan.cells, strict=True)]
    primary = [(r, c) for r, row in enumerate(table) for c, v in enumerate(row)
               if 0 < v < min_cell]
    return SuppressedTable(
        level=level,
        year=year,
        min_cell=min_cell,
        codes=[f"{int(c):012d}" for c in agg.codes],
        columns=COLUMNS,
        cells=cells,
        primary=primary,
        row_totals=[None if h else int(v)
                    for v, h in zip(counts.sum(axis=1), plan.rows, strict=True)],
        column_totals=[None if h else int(v) for v, h in zip(
            counts.sum(axis=0), plan.columns or [False] * len(COLUMNS), strict=True)],
        grand_total=int(counts.sum()),
        note=_note(register, rules, year, min_cell),
    )


def keyed_id(key: bytes, household_id: bytes) -> str:
    """HMAC-SHA256 of the household number under ``key``, first 16 hex characters."""
    return hmac.new(key, household_id, hashlib.sha256).hexdigest()[:HASH_HEX]


def read_key(path: str | os.PathLike[str]) -> bytes:
    """The key in a key file (a trailing line end dropped); at least 16 bytes."""
    with open(path, "rb") as handle:
        key = handle.read(1 << 16).rstrip(b"\r\n")
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the key must be at least {MIN_KEY_BYTES} bytes")
    return key


def household_rows(
    register: Register, key: bytes, year: int | None = None, rules: RuleSet | None = None
) -> tuple[list[str], list[list[Any]], str]:
    """(header, rows, note): one row per household; no household number, name or id."""
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the key must be at least {MIN_KEY_BYTES} bytes")
    from .rules import line_per_village

    rules = rules or default_rules()
    year = register.latest_year if year is None else year
    cols = register.columns
    line_v, _ = line_per_village(register, rules, year)
    below = register.income(year) < line_v[register.village_idx]
    monitoring = cols["risk_status"] == RISK_STATUS.value_of("monitoring")
    types = ("", "unstable", "marginal", "sudden")
    header = ["household_key", "village", "monitored_type", "below_line", "relocated"]
    body = [
        [
            keyed_id(key, bytes(cols["household_id"][i])),
            f"{int(cols['village'][i]):012d}",
            types[int(cols["mon_type"][i])] if monitoring[i] else "",
            int(bool(below[i])),
            int(cols["reloc_kind"][i] > 0),
        ]
        for i in range(len(register))
    ]
    note = _note(register, rules, year, 2, "")
    note = note.split("; cells")[0] + (
        f"; household numbers replaced by HMAC-SHA256 under a key not stored here, "
        f"first {HASH_HEX} hex characters"
    )
    return header, body, note


def write_table(path: str | os.PathLike[str], header: list[str], body: list[list[Any]],
                note: str) -> None:
    """CSV (UTF-8 with BOM, formula-escaped) or XLSX by the file's suffix, atomically;
    the note is the first line (and, in XLSX, an ``about`` sheet)."""
    suffix = os.fspath(path).lower().rsplit(".", 1)[-1]
    if suffix == "csv":
        payload = csv_bytes([note], [header, *body])
    elif suffix == "xlsx":
        payload = xlsx_bytes({"table": ([note], [header, *body]), "about": (["note"], [[note]])})
    else:
        raise ValueError("the output must end in .csv or .xlsx")
    write_atomic(path, payload)
