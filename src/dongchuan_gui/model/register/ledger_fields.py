"""The mapped columns of a ledger turned into the register's columns (no Qt); used by
:mod:`.ledger`. Each refused cell refuses its row with the column and the reason."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import ledger_values as lv
from .schema import FLAG_MET, INCOME_PARTS, NEEDS, year_column

PARTS = tuple(k for k, _, _ in INCOME_PARTS)
_CODES = {"attribute": "attribute", "cause_main": "poverty_cause",
          "risk_type": "poverty_cause", "mon_type": "monitoring_type",
          "discovery": "discovery", "risk_status": "risk_status", "reloc_kind": "relocation"}


def convert_fields(plan: Any, n: int) -> tuple[dict[str, np.ndarray], list[list[int]] | None]:
    """Register columns (length ``n``, every data row) from ``plan``'s mapped columns;
    refusals go to ``plan.refuse``. Returns the columns and the measures (or None)."""
    cols, fields, year = plan.cols, plan.fields, plan.year
    out: dict[str, np.ndarray] = {}

    def take(fld: str, result: tuple) -> Any:
        return plan._take(fld, result)

    ids = take("household_id", plan.ids[:3])
    out["household_id"] = ids
    out["village"] = _villages(plan, n)
    out["size"] = take("size", lv.counts(cols["size"], 1, 100, "household size (persons, "
                                         "1 to 100)", None))
    out["labour"] = take("labour", lv.counts(cols["labour"], 0, 100, "labour count "
                                             "(persons)", None))
    if "no_labour" in fields:
        flag = take("no_labour", lv.flags(cols["no_labour"]))
        out["no_labour"] = np.where(flag == -1, out["labour"] == 0, flag == FLAG_MET)
    else:
        out["no_labour"] = out["labour"] == 0
        plan.notes.append("no 无劳动能力 column: households with no labourers (劳动力人数 0) "
                          "are recorded as without labour capacity")
    cause_bits = np.zeros(n, dtype=np.int64)
    for fld, table in _CODES.items():
        if fld not in fields:
            continue
        codes, bits = take(fld, lv.categories(cols[fld], table))
        target = "cause_main" if fld == "risk_type" else fld
        out[target] = codes
        if table == "poverty_cause":
            cause_bits |= bits
    if "risk_type" in fields:
        plan.notes.append(f"{plan.raw.label(fields['risk_type'])} is recorded as the main "
                          "cause (致贫原因): the register has no risk-type column; risk types "
                          "without a cause of their own are recorded as 其他 (other)")
    if "cause_other" in fields:
        codes, bits = take("cause_other", lv.categories(cols["cause_other"], "poverty_cause"))
        cause_bits |= bits | np.where(codes > 0, 1 << codes, 0)
    if "cause_main" in out:
        cause_bits &= ~(1 << out["cause_main"])
    out["cause_other"] = cause_bits
    for fld in ("registered_year", "exit_year", "reloc_year"):
        if fld in fields:
            out[fld] = take(fld, lv.years(cols[fld]))
    for fld in ("identified", "status_date"):
        if fld in fields:
            out[fld] = take(fld, lv.dates(cols[fld]))
        else:
            out[fld] = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    measures = None
    if "measures" in fields:
        lists, unknown, shape = lv.measures(cols["measures"])
        measures = take("measures", (lists, {}, shape))
        if unknown:
            plan.notes.append(f"{plan.raw.label(fields['measures'])}: {unknown:,} measure "
                              "names not in the working list were recorded as 其他 (other)")
    _year_columns(plan, out, n, year)
    return out, measures


def _villages(plan: Any, n: int) -> np.ndarray:
    cols, fields = plan.cols, plan.fields
    codes = None
    if "village" in fields:
        codes = plan._take("village", lv.village_codes(cols["village"]))
        for i in np.flatnonzero(codes == 0).tolist():
            plan.refuse(i, "village", "empty; expected a 12-digit village code (行政区划代码)")
    if "village_name" not in fields:
        return codes
    names = lv.VillageNames()
    key, pairs = _pairs(cols["village_name"], cols["town_name"] if "town_name" in fields
                        else None)
    for fld, k in (("village_name", 0), ("town_name", 1)):
        if fld in fields:
            long = {p[k] for p in pairs if lv.is_long(p[k])}
            plan._take(fld, ({}, lv.shape_of(cols[fld], list(long))))
    table = []
    for value, town in pairs:
        try:
            table.append((names.find(value, names.town_prefix(town)), ""))
        except ValueError as exc:
            table.append((0, str(exc)))
    found = np.array([t[0] for t in table], dtype=np.int64)[key] if n else np.zeros(0, int)
    if codes is None:
        for i in np.flatnonzero(found == 0).tolist():
            plan.refuse(i, "village_name", table[key[i]][1])
    if codes is None:
        return found
    differ = (found > 0) & (codes > 0) & (found != codes)
    for i in np.flatnonzero(differ).tolist():
        plan.refuse(i, "village_name", f"names another village than the code in "
                    f"{plan.raw.label(fields['village'])}; expected the two to agree")
    return codes


def _pairs(names: Any, towns: Any) -> tuple[np.ndarray, list[tuple[Any, Any]]]:
    """(index of each row's (village, town) pair, the distinct pairs)."""
    coded = [lv.encode(c) if c is not None else None for c in (names, towns)]
    if coded[0] is not None and (towns is None or coded[1] is not None):
        name_list, name_at = coded[0]
        town_list, town_at = coded[1] if coded[1] is not None else ([None], None)
        joint = name_at.astype(np.int64) * len(town_list)
        if town_at is not None:
            joint += town_at
        distinct, key = np.unique(joint, return_inverse=True)
        return key.ravel(), [(name_list[d // len(town_list)], town_list[d % len(town_list)])
                             for d in distinct.tolist()]
    rows = list(zip(names, towns if towns is not None else [None] * len(names), strict=True))
    pairs = list(set(rows))
    position = {p: k for k, p in enumerate(pairs)}
    return np.fromiter(map(position.__getitem__, rows), dtype=np.int64, count=len(rows)), pairs


def _year_columns(plan: Any, out: dict[str, np.ndarray], n: int, year: int) -> None:
    cols, fields = plan.cols, plan.fields
    for fld in ("income", "income_household", *PARTS, "rigid"):
        if fld in fields:
            negative = fld in ("income", "income_household", "production")
            out[fld] = plan._take(fld, lv.money(cols[fld], negative))
    size = out["size"].astype(np.float64)
    if "income_household" in out:
        income = out.pop("income_household")
        out["income"] = np.where(size > 0, income / np.maximum(size, 1), np.nan)
        plan.notes.append(f"{plan.raw.label(fields['income_household'])} is a household "
                          "total: the per-person income is it divided by the household size")
    _per_person_parts(plan, out, size)
    for fld in ("income", *PARTS, "rigid"):
        if fld in out:
            out[year_column(fld, year)] = out.pop(fld)
    both = None
    if "food_clothing" in fields:
        both = plan._take("food_clothing", lv.flags(cols["food_clothing"]))
    for key, _, _ in NEEDS:
        name = year_column(key, year)
        if key in fields:
            out[name] = plan._take(key, lv.flags(cols[key]))
        elif both is not None and key in ("food", "clothing"):
            out[name] = both
    if "employed" in fields:
        out[year_column("employed", year)] = plan._take(
            "employed", lv.counts(cols["employed"], 0, 100, "persons employed", -1))
    else:
        out[year_column("employed", year)] = np.full(n, -1, dtype=np.int64)


def _per_person_parts(plan: Any, out: dict[str, np.ndarray], size: np.ndarray) -> None:
    """The four income components per person: when they add up to the income times the
    household size (household totals) in most rows, each is divided by the size."""
    if "income" not in out or not all(p in out for p in PARTS):
        return
    headers = [plan.raw.header[plan.fields[p]] for p in PARTS]
    if all("人均" in h for h in headers):
        return
    total = sum(out[p] for p in PARTS)
    income = out["income"]
    seen = np.isfinite(total) & np.isfinite(income) & (size > 1)
    if not seen.any():
        return
    tol = np.maximum(1.0, 0.01 * np.abs(income))
    person = seen & (np.abs(total - income) <= tol)
    household = seen & (np.abs(total - income * size) <= tol * size)
    if household.sum() > max(person.sum(), seen.sum() // 2):
        for p in PARTS:
            out[p] = out[p] / np.maximum(size, 1)
        plan.notes.append(
            f"the income components are household totals (they add up to the per-person "
            f"income times the household size in {int(household.sum()):,} of "
            f"{int(seen.sum()):,} rows): each is divided by the household size")
