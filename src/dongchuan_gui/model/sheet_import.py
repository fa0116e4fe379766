"""Figures from the spreadsheets town offices send (CSV or XLSX), checked row by row.

Nothing here changes the dataset: :func:`plan_import` says, for every row, whether it
is new, an update, unchanged or rejected (and why); the caller applies the plan as
one undoable step.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .dataset import Dataset
from .editing import new_id, value_problem
from .lookup import NameIndex
from .periods import PeriodError, parse_period
from .records import OBSERVATION_STATUSES, Observation
from .tables import csv_problem, csv_rows
from .units import canonical, check_count, parse_number

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
# an .xlsx is a zip: what its parts may unpack to, checked before any is parsed
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 100  # real sheets compress 5-20:1; zip bombs a thousand and more
RATIO_FROM = 1024 * 1024  # small parts may compress as they like
MAX_MEMBERS = 10_000
FIELDS = (
    "indicator",
    "place",
    "program",
    "period",
    "value",
    "status",
    "source",
    "locator",
    "comment",
)
REQUIRED = ("indicator", "place", "period", "value")
# column names a sheet may use for each field, in English and Chinese
SYNONYMS = {
    "indicator": ("indicator", "指标", "指标名称", "dataelement"),
    "place": (
        "place",
        "place code",
        "code",
        "地点",
        "村",
        "村名",
        "地区",
        "区划代码",
        "代码",
        "orgunit",
    ),
    "program": ("program", "programme", "项目"),
    "period": ("period", "year", "年份", "年度", "时期", "期间"),
    "value": ("value", "数值", "数量", "值"),
    "status": ("status", "状态", "类型"),
    "source": ("source", "来源", "数据来源"),
    "locator": ("locator", "出处", "位置", "页码"),
    "comment": ("comment", "note", "备注", "说明"),
}
STATUS_WORDS = {
    "实际": "reported",
    "报告": "reported",
    "上报": "reported",
    "估计": "estimate",
    "估算": "estimate",
    "目标": "target",
    "基线": "baseline",
}

RowStatus = Literal["new", "updated", "unchanged", "rejected"]


class Percent(float):
    """A number from a cell formatted as a percentage: 0.12 shown as 12%."""


class SheetError(Exception):
    """A file that cannot be read as a sheet at all (which file, and why)."""


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[list[Any]]
    first_row: int = 2  # the spreadsheet row number of rows[0]
    note: str = ""


@dataclass
class RowResult:
    row: int
    status: RowStatus
    reason: str = ""
    record: Observation | None = None


@dataclass
class ImportPlan:
    results: list[RowResult] = field(default_factory=list)

    def count(self, status: RowStatus) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def adds(self) -> list[Observation]:
        return [r.record for r in self.results if r.status == "new"]

    @property
    def replaces(self) -> list[Observation]:
        return [r.record for r in self.results if r.status == "updated"]

    def summary(self) -> str:
        return (
            f"{self.count('new')} new, {self.count('updated')} updated, "
            f"{self.count('unchanged')} unchanged, {self.count('rejected')} rejected"
        )


# ------------------------------------------------------------------- reading


def read_sheet(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_unzipped: int = MAX_UNZIPPED,
    max_ratio: int = MAX_RATIO,
) -> Sheet:
    """The first sheet of a .csv or .xlsx file; SheetError names the file and says
    what is wrong (and where)."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise SheetError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SheetError(f"{path}: not a regular file")
    size = info.st_size
    if size > max_bytes:
        raise SheetError(f"{path}: the file is {size:,} bytes; the limit is {max_bytes:,}")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        check_zip(path, max_unzipped, max_ratio)
        sheet = _read_xlsx(path, max_rows)
    elif path.suffix.lower() in (".csv", ".txt"):
        sheet = _read_csv(path, max_rows)
    else:
        raise SheetError(f"{path}: expected a .csv or .xlsx file")
    if not sheet.header or not any(str(h or "").strip() for h in sheet.header):
        raise SheetError(f"{path}: the sheet is empty; expected a header row and figures")
    if not sheet.rows:
        raise SheetError(f"{path}: the sheet has a header row but no figures")
    return sheet


def _read_csv(path: Path, max_rows: int) -> Sheet:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    note = ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")  # Excel on Chinese Windows saves CSV this way
            note = "read as GB18030 (not UTF-8)"
        except UnicodeDecodeError as exc:
            raise SheetError(f"{path}: neither UTF-8 nor GB18030 text ({exc.reason})") from None
    reader = csv_rows(text)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            rows.append(row)
            if len(rows) - 1 > max_rows:
                raise SheetError(f"{path}: more than {max_rows:,} rows; split the file")
    except csv.Error as exc:
        raise SheetError(f"{path}: {csv_problem(exc, reader.line_num)}") from None
    return Sheet(path.name, rows[0] if rows else [], rows[1:], 2, note)


def check_zip(path: Path, max_unzipped: int, max_ratio: int) -> None:
    """Refuse a workbook whose parts would unpack to too much (a zip bomb), from the
    sizes the zip declares; reading never gives more than a part declares."""
    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SheetError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise SheetError(f"{path}: more than {MAX_MEMBERS:,} parts; not a workbook")
    total = 0
    for member in members:
        total += member.file_size
        if total > max_unzipped:
            raise SheetError(
                f"{path}: unpacked, the workbook is more than {max_unzipped:,} bytes"
                " (the limit); refused"
            )
        if member.file_size > RATIO_FROM and member.file_size > max_ratio * max(
            member.compress_size, 1
        ):
            ratio = member.file_size // max(member.compress_size, 1)
            raise SheetError(
                f"{path}: {member.filename} is compressed {ratio:,}:1;"
                f" the limit is {max_ratio}:1 (a zip bomb?)"
            )


def _read_xlsx(path: Path, max_rows: int) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise SheetError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    except Exception as exc:  # defusedxml refuses entity tricks with its own errors
        raise SheetError(f"{path}: refused: {_xml_problem(exc)}") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SheetError(f"{path}: the workbook has no sheets")
        rows: list[list[Any]] = []
        for cells in sheet.iter_rows():
            values = [_cell_value(c) for c in cells]
            if not any(v is not None and str(v).strip() for v in values):
                continue
            rows.append(list(values))
            if len(rows) - 1 > max_rows:
                raise SheetError(f"{path}: more than {max_rows:,} rows; split the file")
    except SheetError:
        raise
    except Exception as exc:
        raise SheetError(f"{path}: refused: {_xml_problem(exc)}") from None
    finally:
        book.close()
    header = [str(h).strip() if h is not None else "" for h in rows[0]] if rows else []
    return Sheet(f"{path.name} › {sheet.title}", header, rows[1:], 2)


def _cell_value(cell: Any) -> Any:
    """A cell's value; a number formatted as a percentage (0.12 shown as 12%) is marked."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in str(getattr(cell, "number_format", None) or ""):
            return Percent(value)
    return value


def _xml_problem(exc: Exception) -> str:
    """What went wrong inside a workbook, without Python's names for it."""
    name = type(exc).__name__
    if "Entities" in name or "DTD" in name or "ExternalReference" in name:
        return "the workbook declares XML entities or external references (unsafe)"
    if isinstance(exc, MemoryError):
        return "the workbook needs more memory than there is"
    text = str(exc).strip()
    return f"the workbook is damaged ({text})" if text else "the workbook is damaged"


# ------------------------------------------------------------------ mapping


def guess_mapping(header: list[str]) -> dict[str, int]:
    """Field → column index, from the column names (English or Chinese)."""
    names = [str(h or "").strip().lower() for h in header]
    mapping: dict[str, int] = {}
    for fld, words in SYNONYMS.items():
        for i, name in enumerate(names):
            if name in words and i not in mapping.values():
                mapping[fld] = i
                break
    return mapping


def cell_text(value: Any) -> str:
    """A cell as text: trimmed, a whole float without its ".0", None as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _ascii(value: Any) -> str:
    """A cell's text with full-width digits and letters (typed with a Chinese input
    method) as ASCII: for periods, codes, statuses and numbers."""
    return unicodedata.normalize("NFKC", cell_text(value)).strip()


def _find(index: NameIndex, text: str) -> str:
    """The record ``text`` names; failing that, the one its NFKC form names."""
    try:
        return index.find(text)
    except ValueError:
        folded = unicodedata.normalize("NFKC", text).strip()
        if folded == text:
            raise
        try:
            return index.find(folded)
        except ValueError:
            pass
        raise


def _period(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    text = _ascii(value)
    parse_period(text)
    return text


def _number(value: Any, unit: str, indicator: str = "") -> int | float:
    if isinstance(value, bool):
        raise ValueError("true/false is not a number")
    if isinstance(value, Percent):
        if canonical(unit) != "%":
            raise ValueError(f"a percentage, but {indicator or 'the indicator'} is in {unit}")
        value = round(float(value) * 100, 10)
        return int(value) if value.is_integer() else value
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not a finite number")
        return check_count(value, unit)
    return parse_number(_ascii(value), unit)


def plan_import(dataset: Dataset, sheet: Sheet, mapping: dict[str, int]) -> ImportPlan:
    """Check every row against the dataset; change nothing."""
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        raise SheetError(f"{sheet.name}: no column chosen for {', '.join(missing)}")
    indicators, places = NameIndex(dataset, "indicators"), NameIndex(dataset, "places")
    programs, sources = NameIndex(dataset, "programs"), NameIndex(dataset, "sources")
    existing = {
        (o.indicator, o.place, o.program, o.period, o.status): o for o in dataset.data.observations
    }
    seen: dict[tuple, int] = {}
    taken: set[str] = set()
    plan = ImportPlan()
    for n, row in enumerate(sheet.rows):
        number = sheet.first_row + n

        def cell(fld: str, row=row) -> Any:
            i = mapping.get(fld)
            return row[i] if i is not None and i < len(row) else None

        try:
            indicator = _find(indicators, cell_text(cell("indicator")))
            place = _find(places, cell_text(cell("place")))
            program_text = cell_text(cell("program"))
            program = _find(programs, program_text) if program_text else None
            try:
                period = _period(cell("period"))
            except PeriodError as exc:
                raise ValueError(str(exc)) from None
            value = _number(cell("value"), dataset.indicator(indicator).unit, indicator)
            status_text = _ascii(cell("status")) or "reported"
            status = STATUS_WORDS.get(status_text, status_text.lower())
            if status not in OBSERVATION_STATUSES:
                raise ValueError(
                    f"unknown status {status_text!r}; expected " + ", ".join(OBSERVATION_STATUSES)
                )
            source_text = cell_text(cell("source"))
            source = _find(sources, source_text) if source_text else None
        except ValueError as exc:
            plan.results.append(RowResult(number, "rejected", str(exc)))
            continue
        key = (indicator, place, program, period, status)
        if key in seen:
            plan.results.append(
                RowResult(number, "rejected", f"the same figure as row {seen[key]}")
            )
            continue
        seen[key] = number
        old = existing.get(key)
        fields = dict(
            indicator=indicator,
            place=place,
            program=program,
            period=period,
            value=value,
            status=status,
        )
        if old is not None:
            new = Observation(
                **{**_keep(old), **fields, **_optional(source, cell("locator"), cell("comment"))}
            )
            status_row: RowStatus = "unchanged" if new == old else "updated"
        else:
            rid = new_id(dataset, "observations", f"{indicator}-{period.lower()}", taken)
            taken.add(rid)
            new = Observation(
                id=rid, **fields, **_optional(source, cell("locator"), cell("comment"))
            )
            status_row = "new"
        problem = value_problem(dataset, new)
        if problem:
            plan.results.append(RowResult(number, "rejected", problem))
            continue
        plan.results.append(RowResult(number, status_row, "", new))
    return plan


def _keep(old: Observation) -> dict[str, Any]:
    return {f: getattr(old, f) for f in old.__struct_fields__}


def _optional(source: str | None, locator: Any, comment: Any) -> dict[str, Any]:
    """Source, locator and comment from the sheet; an empty cell keeps what was there."""
    out: dict[str, Any] = {}
    if source is not None:
        out["source"] = source
    if cell_text(locator):
        out["locator"] = cell_text(locator)
    if cell_text(comment):
        out["comment"] = cell_text(comment)
    return out
