"""Small registers built household by household for the register tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from dongchuan_gui.model.register import Register, RegisterMeta
from dongchuan_gui.model.register.schema import NEEDS, RISK_STATUS

VILLAGE = 530113102001  # a real village code of Dongchuan (Tangdan Town)
YEARS = (2024, 2025)

_STATIC = {
    "village": VILLAGE,
    "size": 3,
    "labour": 2,
    "no_labour": False,
    "attribute": 1,
    "cause_main": 1,
    "cause_other": 0,
    "registered_year": 2014,
    "exit_year": 2019,
    "reloc_kind": 0,
    "reloc_site": 0,
    "reloc_year": 0,
    "mon_type": 0,
    "discovery": 0,
    "identified": np.datetime64("NaT"),
    "risk_status": 0,
    "status_date": np.datetime64("NaT"),
}


def household(years: tuple[int, ...] = (2023, 2024, 2025), **kw: Any) -> dict[str, Any]:
    """One household; ``income={2024: x, 2025: y}``, ``needs_2025={"water": -1}``,
    ``status="monitoring"`` and any column name as keywords."""
    row: dict[str, Any] = dict(_STATIC)
    status = kw.pop("status", None)
    if status is not None:
        row["risk_status"] = RISK_STATUS.value_of(status)
        row["mon_type"] = 1 if status != "none" else 0
    income = kw.pop("income", {})
    for year in years:
        value = income.get(year, 12000.0)
        row[f"income_{year}"] = value
        row[f"wage_{year}"] = value * 0.7 if value == value else np.nan
        row[f"production_{year}"] = 0.0
        row[f"property_{year}"] = 0.0
        row[f"transfer_{year}"] = value * 0.3 if value == value else np.nan
        row[f"rigid_{year}"] = 0.0
        row[f"employed_{year}"] = 1
        flags = kw.pop(f"needs_{year}", {})
        for key, _, _ in NEEDS:
            row[f"{key}_{year}"] = flags.get(key, 1)
    row.update(kw)
    return row


def build(rows: list[dict[str, Any]], years: tuple[int, ...] = YEARS) -> Register:
    names = rows[0].keys()
    columns: dict[str, Any] = {
        name: [r[name] for r in rows] for name in names if name != "measures"
    }  # columns of years the register does not cover are left out by from_columns
    columns["household_id"] = [f"T-{i:05d}" for i in range(len(rows))]
    meta = RegisterMeta(years=years, title="test")
    measures = [r.get("measures", []) for r in rows]
    return Register.from_columns(columns, meta, measures)
