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
CSV text cells are escaped against formula injection like the table exports, and
read back unescaped. Files are limited like sheets: MAX_BYTES and MAX_VALUES.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safejson
from .dataset import Dataset
from .editing import new_id, value_problem
from .periods import PeriodError, parse_period
from .records import OBSERVATION_STATUSES, Observation
from .tables import csv_problem, csv_rows, safe_cell, unescape_cell
from .units import check_count, parse_number

MAX_BYTES = 20 * 1024 * 1024
MAX_VALUES = 50_000

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
_DHIS2_PERIOD = re.compile(r"^([0-9]{4})(?:(Q[1-4])|([0-9]{2})([0-9]{2})?)?\Z")


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
        text = [
            v["dataElement"],
            v["period"],
            v["orgUnit"],
            v.get("categoryOptionCombo", ""),
            v.get("attributeOptionCombo", ""),
        ]
        rest = [v.get("storedBy", ""), "", v.get("comment", "")]
        flag = "true" if v.get("followup") else "false"
        # the value is a number as text ("-5"): numbers stay numbers
        writer.writerow([*map(safe_cell, text), v["value"], *map(safe_cell, rest), flag])
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


def _check_size(size: int, max_bytes: int, what: str = "data") -> None:
    if size > max_bytes:
        raise ValueError(f"the {what} is {size:,} bytes; the limit is {max_bytes:,}")


def _too_many(max_values: int) -> ValueError:
    return ValueError(f"more than {max_values:,} values; split the file")


def parse_json(
    data: bytes, *, max_bytes: int = MAX_BYTES, max_values: int = MAX_VALUES
) -> list[dict[str, Any]]:
    """The data values of a DHIS2 JSON data value set; ValueError says what is wrong
    and where (line, column)."""
    _check_size(len(data), max_bytes)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        doc = safejson.decode(data)
    except safejson.JsonInputError as exc:
        text = str(exc)
        if "malformed" in text or "UTF-8" in text:
            text = f"not a DHIS2 JSON data value set: {text}"
        raise ValueError(text) from None
    values = doc.get("dataValues") if isinstance(doc, dict) else None
    if not isinstance(values, list):
        raise ValueError("expected an object with a 'dataValues' array")
    if len(values) > max_values:
        raise _too_many(max_values)
    for key in ("period", "orgUnit", "dataSet"):
        if isinstance(doc.get(key), str):  # one period / org unit for the whole set
            for v in values:
                if isinstance(v, dict):
                    v.setdefault(key, doc[key])
    return values


def parse_csv(
    data: bytes, *, max_bytes: int = MAX_BYTES, max_values: int = MAX_VALUES
) -> list[dict[str, Any]]:
    _check_size(len(data), max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    reader = csv_rows(text)
    out = []
    try:
        for n, row in enumerate(reader):
            if n == 0 and row and row[0].strip().lower() == "dataelement":
                continue  # DHIS2 ignores the header row
            if len(out) >= max_values:
                raise _too_many(max_values)
            row = [unescape_cell(c) for c in (row + [""] * len(CSV_HEADER))[: len(CSV_HEADER)]]
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
                    "followup": row[9].strip() or False,
                }
            )
    except csv.Error as exc:
        raise ValueError(csv_problem(exc, reader.line_num)) from None
    return out


def is_dhis2_file(path: str | os.PathLike[str]) -> bool:
    """A .json file, or a CSV whose first column is DHIS2's ``dataelement``."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return True
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # a FIFO or device: never opened (it could block or never end)
        with open(path, "rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return head.decode("utf-8-sig", errors="replace").lower().startswith("dataelement,")


def read_values(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, max_values: int = MAX_VALUES
) -> list[dict[str, Any]]:
    """The values of a DHIS2 file (JSON or CSV), size checked before reading.
    Raises ValueError or OSError; messages do not repeat the file name."""
    path = Path(path)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file")
    _check_size(info.st_size, max_bytes, "file")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    parse = parse_json if path.suffix.lower() == ".json" else parse_csv
    return parse(data, max_bytes=max_bytes, max_values=max_values)


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
    seen: dict[tuple, int] = {}
    for i, v in enumerate(values):
        if not isinstance(v, dict):
            summary.ignored.append((i, "not an object"))
            continue
        indicator = str(v.get("dataElement") or "")
        if dataset.indicator(indicator) is None:
            indicator = _ascii(indicator)
        if dataset.indicator(indicator) is None:
            summary.ignored.append((i, f"unknown data element {indicator!r}"))
            continue
        org = _ascii(v.get("orgUnit"))
        place = by_code.get(org) or dataset.place(org)
        if place is None:
            summary.ignored.append((i, f"unknown organisation unit {org!r}"))
            continue
        try:
            period = from_dhis2_period(_ascii(v.get("period")))
        except PeriodError as exc:
            summary.ignored.append((i, f"unknown period: {exc}"))
            continue
        status = _ascii(v.get("categoryOptionCombo")) or "reported"
        if status not in OBSERVATION_STATUSES:
            summary.ignored.append((i, f"unknown category option combo {status!r}"))
            continue
        program = _ascii(v.get("attributeOptionCombo")) or None
        if program is not None and dataset.program(program) is None:
            summary.ignored.append((i, f"unknown attribute option combo {program!r}"))
            continue
        try:
            value = _number(v.get("value"), dataset.indicator(indicator).unit)
        except ValueError as exc:
            summary.ignored.append((i, str(exc)))
            continue
        try:
            doubt = _flag(v.get("followup"))
        except ValueError as exc:
            summary.ignored.append((i, str(exc)))
            continue
        key = (indicator, place.id, program, period, status)
        if key in seen:
            summary.ignored.append((i, f"the same figure as value {seen[key]}"))
            continue
        seen[key] = i
        old = existing.get(key)
        source = str(v.get("storedBy") or "") or None
        if source is None or dataset.source(source) is None:
            # a DHIS2 user name (a server always fills it), not one of our sources
            source = old.source if old is not None else None
        comment = str(v.get("comment") or "")
        if comment or old is None:
            notes = _parse_comment(comment)
        else:  # no comment sent: keep the figure's notes
            notes = {"locator": old.locator, "derived": old.derived, "comment": old.comment}
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
            doubt=doubt,
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
            summary.imported += 1
    return summary


def _ascii(raw: Any) -> str:
    """Text with full-width digits and letters (a Chinese input method's) as ASCII."""
    return unicodedata.normalize("NFKC", str(raw or "")).strip()


def _flag(raw: Any) -> bool:
    """DHIS2's followup: a boolean, or the text true or false (any case)."""
    if raw is None or raw == "":
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:37] + "..."
    raise ValueError(f"followup {shown} is not true or false")


def _number(raw: Any, unit: str) -> int | float:
    """A DHIS2 value (text, or a JSON number) as a number in the indicator's unit."""
    if isinstance(raw, bool) or raw is None or isinstance(raw, dict | list):
        raise ValueError(f"value {raw!r} is not a number")
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise ValueError(f"value {raw!r} is not a finite number")
        return check_count(raw, unit)
    try:
        return parse_number(str(raw), unit)
    except ValueError as exc:
        if "text, not a number" in str(exc):
            raise ValueError(f"value {str(raw)!r} is not a number") from None
        raise
