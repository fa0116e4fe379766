"""The DHIS2 data-value-set format: export figures, import them with DHIS2's summary.

Mapping (``idScheme=code`` on the DHIS2 side):

- ``dataElement``          ← indicator id
- ``orgUnit``              ← the place's 12-digit statistical code (its id if it has none)
- ``period``               ← DHIS2 period syntax: 2019, 2019Q2, 201903, 20190305
- ``categoryOptionCombo``  ← status (reported, estimate, target, baseline)
- ``attributeOptionCombo`` ← program id (DHIS2's usual place for a funding programme)
- ``value``                ← the number, as a string
- ``followup``             ← the doubt flag
- ``storedBy``             ← source id
- ``comment``              ← the comment, after lines ``locator: …`` and ``derived: …``

Figures without a place or a period cannot be sent (DHIS2 needs both); export says so.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .dataset import Dataset
from .editing import new_id, value_problem
from .periods import PeriodError, parse_period
from .records import OBSERVATION_STATUSES, Observation

CSV_HEADER = [
    "dataelement",
    "period",
    "orgunit",
    "catoptcombo",
    "attroptcombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "flwup",
]
_DHIS2_PERIOD = re.compile(r"^(\d{4})(?:(Q[1-4])|(\d{2})(\d{2})?)?$")


def to_dhis2_period(period: str) -> str:
    p = parse_period(period)
    if p.precision == "year":
        return str(p.year)
    if p.precision == "quarter":
        return f"{p.year}Q{p.quarter}"
    if p.precision == "month":
        return f"{p.year}{p.month:02d}"
    return f"{p.year}{p.month:02d}{p.day:02d}"


def from_dhis2_period(text: str) -> str:
    match = _DHIS2_PERIOD.match(text or "")
    if match is None:
        raise PeriodError(f"{text!r} is not a DHIS2 period (2019, 2019Q2, 201903, 20190305)")
    year, quarter, month, day = match.groups()
    if quarter:
        out = f"{year}{quarter}"
    elif month and day:
        out = f"{year}-{month}-{day}"
    elif month:
        out = f"{year}-{month}"
    else:
        out = year
    parse_period(out)  # validates month and day ranges
    return out


def _format_value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _comment(o: Observation) -> str:
    lines = []
    if o.locator:
        lines.append(f"locator: {o.locator}")
    if o.derived:
        lines.append(f"derived: {o.derived}")
    if o.comment:
        lines.append(o.comment)
    return "\n".join(lines)


def _parse_comment(text: str) -> dict[str, str]:
    out = {"locator": "", "derived": "", "comment": ""}
    rest = (text or "").split("\n")
    while rest and rest[0].startswith(("locator: ", "derived: ")):
        key, _, value = rest.pop(0).partition(": ")
        out[key] = value
    out["comment"] = "\n".join(rest)
    return out


@dataclass
class ExportResult:
    values: list[dict[str, Any]]
    skipped: list[tuple[str, str]]  # (observation id, reason)


def export_values(
    dataset: Dataset, *, place: str | None = None, program: str | None = None
) -> ExportResult:
    values, skipped = [], []
    for o in dataset.observations_for(place=place, program=program):
        p = dataset.place(o.place) if o.place else None
        if p is None:
            skipped.append((o.id, "no place: DHIS2 needs an organisation unit"))
            continue
        if not o.period:
            skipped.append((o.id, "no period: the source gives no year"))
            continue
        value = {
            "dataElement": o.indicator,
            "period": to_dhis2_period(o.period),
            "orgUnit": p.code or p.id,
            "categoryOptionCombo": o.status,
            "value": _format_value(o.value),
        }
        if o.program:
            value["attributeOptionCombo"] = o.program
        if o.source:
            value["storedBy"] = o.source
        comment = _comment(o)
        if comment:
            value["comment"] = comment
        if o.doubt:
            value["followup"] = True
        values.append(value)
    return ExportResult(values, skipped)


def to_json(result: ExportResult) -> bytes:
    return json.dumps({"dataValues": result.values}, ensure_ascii=False, indent=2).encode()


def to_csv(result: ExportResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for v in result.values:
        writer.writerow(
            [
                v["dataElement"],
                v["period"],
                v["orgUnit"],
                v.get("categoryOptionCombo", ""),
                v.get("attributeOptionCombo", ""),
                v["value"],
                v.get("storedBy", ""),
                "",
                v.get("comment", ""),
                "true" if v.get("followup") else "false",
            ]
        )
    return buffer.getvalue().encode("utf-8")


# ----------------------------------------------------------------- import


@dataclass
class ImportSummary:
    """What DHIS2 reports: counts, and why each ignored value was ignored."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored: list[tuple[int, str]] = field(default_factory=list)  # (value index, reason)
    adds: list[Observation] = field(default_factory=list)
    replaces: list[Observation] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"imported={self.imported} updated={self.updated} "
            f"ignored={len(self.ignored)} unchanged={self.unchanged}"
        ]
        lines += [f"  value {i}: ignored: {reason}" for i, reason in self.ignored]
        return "\n".join(lines)


def parse_json(data: bytes) -> list[dict[str, Any]]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"not a DHIS2 JSON data value set: {exc}") from None
    values = doc.get("dataValues") if isinstance(doc, dict) else None
    if not isinstance(values, list):
        raise ValueError("expected an object with a 'dataValues' array")
    for key in ("period", "orgUnit", "dataSet"):
        if isinstance(doc.get(key), str):  # one period / org unit for the whole set
            for v in values:
                if isinstance(v, dict):
                    v.setdefault(key, doc[key])
    return values


def parse_csv(data: bytes) -> list[dict[str, Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text: {exc}") from None
    reader = csv.reader(io.StringIO(text))
    out = []
    for n, row in enumerate(reader):
        if n == 0 and row and row[0].strip().lower() == "dataelement":
            continue  # DHIS2 ignores the header row
        row = (row + [""] * len(CSV_HEADER))[: len(CSV_HEADER)]
        out.append(
            {
                "dataElement": row[0],
                "period": row[1],
                "orgUnit": row[2],
                "categoryOptionCombo": row[3],
                "attributeOptionCombo": row[4],
                "value": row[5],
                "storedBy": row[6],
                "comment": row[8],
                "followup": row[9].strip().lower() == "true",
            }
        )
    return out


def import_values(dataset: Dataset, values: list[dict[str, Any]]) -> ImportSummary:
    """Match each value to a figure (indicator, place, program, period, status):
    new ones are imported, different ones updated, and the rest ignored with the
    reason. Nothing is changed here; the caller applies ``adds`` and ``replaces``."""
    summary = ImportSummary()
    by_code = {p.code: p for p in dataset.data.places if p.code}
    existing = {
        (o.indicator, o.place, o.program, o.period, o.status): o for o in dataset.data.observations
    }
    taken: set[str] = set()
    for i, v in enumerate(values):
        if not isinstance(v, dict):
            summary.ignored.append((i, "not an object"))
            continue
        indicator = str(v.get("dataElement") or "")
        if dataset.indicator(indicator) is None:
            summary.ignored.append((i, f"unknown data element {indicator!r}"))
            continue
        org = str(v.get("orgUnit") or "")
        place = by_code.get(org) or dataset.place(org)
        if place is None:
            summary.ignored.append((i, f"unknown organisation unit {org!r}"))
            continue
        try:
            period = from_dhis2_period(str(v.get("period") or ""))
        except PeriodError as exc:
            summary.ignored.append((i, f"unknown period: {exc}"))
            continue
        status = str(v.get("categoryOptionCombo") or "reported")
        if status not in OBSERVATION_STATUSES:
            summary.ignored.append((i, f"unknown category option combo {status!r}"))
            continue
        program = str(v.get("attributeOptionCombo") or "") or None
        if program is not None and dataset.program(program) is None:
            summary.ignored.append((i, f"unknown attribute option combo {program!r}"))
            continue
        raw = v.get("value")
        try:
            number = float(str(raw).replace(",", ""))
        except ValueError:
            summary.ignored.append((i, f"value {raw!r} is not a number"))
            continue
        if not math.isfinite(number):
            summary.ignored.append((i, f"value {raw!r} is not a finite number"))
            continue
        value = int(number) if number.is_integer() and "." not in str(raw) else number
        source = str(v.get("storedBy") or "") or None
        if source is not None and dataset.source(source) is None:
            source = None  # a DHIS2 user name, not one of our sources
        notes = _parse_comment(str(v.get("comment") or ""))
        key = (indicator, place.id, program, period, status)
        old = existing.get(key)
        fields = dict(
            indicator=indicator,
            place=place.id,
            program=program,
            period=period,
            value=value,
            status=status,
            source=source,
            locator=notes["locator"],
            derived=notes["derived"],
            comment=notes["comment"],
            doubt=bool(v.get("followup")),
        )
        if old is not None:
            new = Observation(id=old.id, **fields)
            if new == old:
                summary.unchanged += 1
                continue
        else:
            rid = new_id(dataset, "observations", f"{indicator}-{period.lower()}", taken)
            taken.add(rid)
            new = Observation(id=rid, **fields)
        problem = value_problem(dataset, new)
        if problem:
            summary.ignored.append((i, problem))
            continue
        if old is not None:
            summary.replaces.append(new)
            summary.updated += 1
        else:
            summary.adds.append(new)
            existing[key] = new
            summary.imported += 1
    return summary
