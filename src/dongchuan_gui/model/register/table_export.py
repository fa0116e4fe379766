"""The household table as shown, written to CSV or XLSX (no Qt).

``export_households`` writes the rows of a ``TableView`` in its order (its filter and
sort applied) with the chosen columns, under a first line that says which register
(title, file, sha256, households), rule set, year, filter and sort the rows come
from, and SYNTHETIC when the households are invented. CSV is UTF-8 with a byte-order
mark; XLSX is written by openpyxl in write-only mode, a sheet per 1,048,574 rows (the
format's limit), with an ``about`` sheet. Both go through an atomic write.

Every text cell, the household number above all, passes ``tables.safe_cell`` exactly
once (the OWASP rule: a leading ``= + - @``, tab or carriage return gets an
apostrophe); numbers are written as numbers (money in yuan, counts; missing values
empty), codes as their labels, flags as the table shows them. Columns are taken a
chunk of rows at a time with numpy indexing; only the few list columns (causes,
measures, reasons) are formatted row by row.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from typing import IO, Any

import numpy as np

from ..atomic import write_atomic_stream
from ..tables import safe_cell
from . import display
from .columns import _MISSING_INT, ColumnSource
from .rules import VERDICTS
from .schema import ATTRIBUTE, FLAG_UNKNOWN, MONITORING_TYPE, POVERTY_CAUSE, RISK_STATUS
from .view import TableFilter, TableView

XLSX_ROWS = 1_048_576 - 2  # a sheet's rows, less the note and the header
CHUNK = 50_000
Progress = Callable[[int, int], bool]  # (rows written, rows in all) -> go on?


class ExportCancelledError(Exception):
    """The progress callback asked to stop; the target file is left as it was."""


def _escaped(values: list[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def column_getter(source: ColumnSource, key: str, lang: str
                  ) -> Callable[[np.ndarray], list[Any]]:
    """A function of register rows giving the column's exported values."""
    reg = source.reg
    kind = source.specs[key].kind
    vidx = reg.village_idx
    if kind == "id":
        ids = reg.columns["household_id"]
        return lambda rows: _escaped(np.char.decode(ids[rows], "ascii").tolist())
    if key in ("town", "village_name", "village"):
        if key == "village":
            names = [f"{int(c):012d}" for c in reg.villages]
        else:
            codes = reg.villages // 1000 * 1000 if key == "town" else reg.villages
            names = [display.place_name(source.place_names, int(c), lang) for c in codes]
        table = np.array(_escaped(names), dtype=object)
        return lambda rows: table[vidx[rows]].tolist()
    if key == "reloc_site":
        sites = [display.site_name(source.site_names, s, lang) if s else ""
                 for s in reg.meta.sites]
        table = np.array(_escaped(sites), dtype=object)
        col = reg.columns["reloc_site"]
        return lambda rows: table[col[rows]].tolist()
    if kind in ("code", "verdict"):
        labels = source._labels(key, lang)
        table = np.array(_escaped(labels), dtype=object)
        col = source.array(key)
        return lambda rows: table[col[rows]].tolist()
    if kind in ("money", "count", "year", "flag", "bool", "date"):
        return _plain(source.array(key), key, kind)
    fmt = source.formatter(key, lang)  # causes, measures, reasons: row by row
    return lambda rows: [safe_cell(fmt(int(r))) for r in rows]


def _plain(col: np.ndarray, key: str, kind: str) -> Callable[[np.ndarray], list[Any]]:
    if kind == "money":
        def money(rows: np.ndarray) -> list[Any]:
            values = col[rows]
            out = np.round(values, 2).astype(object)
            out[np.isnan(values)] = None
            return out.tolist()
        return money
    if kind == "date":
        def day(rows: np.ndarray) -> list[Any]:
            values = col[rows]
            out = np.datetime_as_string(values.astype("datetime64[D]")).astype(object)
            out[np.isnat(values)] = ""
            return out.tolist()
        return day
    if kind == "flag":
        marks = np.array([display.MISSING, display.FLAG_TEXT[0], display.FLAG_TEXT[1]],
                         dtype=object)
        return lambda rows: marks[np.clip(col[rows].astype(np.int64) + 1, 0, 2)].tolist()
    if kind == "bool":
        return lambda rows: np.where(col[rows], "✓", "").astype(object).tolist()
    missing_at = 0 if kind == "year" else (_MISSING_INT.get(key, FLAG_UNKNOWN - 1))

    def whole(rows: np.ndarray) -> list[Any]:
        values = col[rows]
        out = values.astype(np.int64).astype(object)
        out[values <= missing_at] = None
        return out.tolist()
    return whole


def describe_filter(spec: TableFilter, lang: str, place_names: display.PlaceNames) -> str:
    """The filter in words ("none" when it keeps every household)."""
    zh = lang == "zh"
    if spec.is_empty:
        return "无" if zh else "none"
    sep = display.SEPARATOR[lang]
    parts: list[str] = []

    def add(label: tuple[str, str], text: str) -> None:
        parts.append(f"{label[0] if zh else label[1]}{'：' if zh else ': '}{text}")

    if spec.towns or spec.villages:
        add(("地点", "places"), sep.join(display.place_name(place_names, c, lang)
                                       for c in (*spec.towns, *spec.villages)))
    for label, table, codes in ((("监测对象类别", "monitoring type"), MONITORING_TYPE,
                                 spec.mon_types),
                                (("风险状态", "risk status"), RISK_STATUS, spec.risk_statuses),
                                (("户属性", "attribute"), ATTRIBUTE, spec.attributes)):
        if codes:
            add(label, display.joined(table, codes, lang))
    if spec.causes:
        text = display.joined(POVERTY_CAUSE, spec.causes, lang)
        if spec.any_cause:
            text += "（含其他致贫原因）" if zh else " (main or other cause)"
        add(("致贫原因", "cause"), text)
    if spec.relocated is not None:
        add(("搬迁", "relocated"), ("是" if zh else "yes") if spec.relocated else
            ("否" if zh else "no"))
    if spec.income_min is not None or spec.income_max is not None:
        lo = "" if spec.income_min is None else display.yuan(spec.income_min)
        hi = "" if spec.income_max is None else display.yuan(spec.income_max)
        add(("人均纯收入（元）", "income (yuan)"), f"{lo}–{hi}")
    if spec.below_line is not None:
        add(("监测线", "line"), ("低于监测线" if zh else "below") if spec.below_line else
            ("不低于监测线" if zh else "at or above"))
    if spec.verdicts:
        add(("规则结论", "verdict"), sep.join(
            VERDICTS[v].zh if zh else VERDICTS[v].en for v in spec.verdicts))
    if spec.newly_below and spec.what_if_line is not None:
        text = display.yuan(spec.what_if_line)
        if spec.without_transfer:
            text += "（不计转移性收入）" if zh else " (without transfer income)"
        add(("新低于假设线", "newly below the what-if line"), text)
    return "；".join(parts) if zh else "; ".join(parts)


def header_note(view: TableView, lang: str, *, edited: bool = False) -> str:
    """The first line of the file: where the rows come from."""
    reg, ev = view.register, view.evaluation
    zh = lang == "zh"
    sha = reg.known_sha256
    if edited:
        sha = "–（本窗口中已修改，尚未保存）" if zh else "– (edited in the window, not saved)"
    elif sha is None and reg.path is not None:
        sha = reg.sha256()
    name = reg.path.name if reg.path is not None else ("未保存" if zh else "not saved")
    rules = (f"{ev.rules.id} v{ev.rules.version}" if ev is not None
             else ("无" if zh else "none"))
    where = describe_filter(view.filter, lang, view.source.place_names)
    if view.sort_key is None:
        order = "登记册顺序" if zh else "register order"
    else:
        arrow = ("降序" if zh else "descending") if view.descending else (
            "升序" if zh else "ascending")
        order = f"{view.source.specs[view.sort_key].label(lang)} {arrow}"
    if zh:
        text = (f"# 监测台账 {reg.meta.title}（{name}，sha256 {sha or '–'}，共{len(reg):,}户）；"
                f"规则集 {rules}；{view.year}年；筛选：{where}；排序：{order}；"
                f"导出{len(view):,}行")
        if reg.meta.synthetic:
            text += "；SYNTHETIC 合成数据：户与数字均为虚构，非真实数据"
    else:
        text = (f"# register {reg.meta.title} ({name}, sha256 {sha or '–'}, {len(reg):,} "
                f"households); rule set {rules}; year {view.year}; filter: {where}; "
                f"sorted by: {order}; {len(view):,} rows")
        if reg.meta.synthetic:
            text += "; SYNTHETIC: invented households, not real data"
    return str(safe_cell(text))


def _chunks(view: TableView, getters: list[Callable[[np.ndarray], list[Any]]],
            progress: Progress | None) -> Any:
    order = view.order
    total = len(order)
    for start in range(0, total, CHUNK):
        rows = order[start:start + CHUNK]
        yield list(zip(*(get(rows) for get in getters), strict=True))
        if progress is not None and not progress(min(start + CHUNK, total), total):
            raise ExportCancelledError
    if total == 0 and progress is not None:
        progress(0, 0)


def export_households(
    view: TableView,
    path: str | os.PathLike[str],
    columns: Sequence[str] | None = None,
    *,
    lang: str | None = None,
    edited: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the shown rows of ``view`` (its order) with ``columns`` (the view's
    default columns when None) to ``path``: CSV or XLSX by its suffix. ``edited``:
    the register was changed since its file was written (no sha256 is claimed).
    Returns the number of rows written; raises ExportCancelledError when ``progress``
    returned False, ValueError for an unknown column or suffix."""
    lang = lang or view.lang
    keys = list(columns) if columns is not None else view.default_columns()
    unknown = [k for k in keys if k not in view.source.specs]
    if unknown:
        raise ValueError(f"unknown column(s): {', '.join(unknown)}")
    suffix = os.fspath(path).lower().rsplit(".", 1)[-1]
    if suffix not in ("csv", "xlsx"):
        raise ValueError("the output must end in .csv or .xlsx")
    note = header_note(view, lang, edited=edited)
    headers = [safe_cell(view.source.specs[k].label(lang)) for k in keys]
    getters = [column_getter(view.source, k, lang) for k in keys]
    chunks = _chunks(view, getters, progress)
    writer = _write_csv if suffix == "csv" else _write_xlsx
    write_atomic_stream(path, lambda handle: writer(handle, note, headers, keys, chunks))
    return len(view)


def _write_csv(handle: IO[bytes], note: str, headers: list[str], keys: list[str],
               chunks: Any) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    text.write("\ufeff")
    out = csv.writer(text, lineterminator="\r\n")
    out.writerow([note])
    out.writerow(headers)
    for rows in chunks:
        out.writerows(rows)
    text.flush()
    text.detach()


def _write_xlsx(handle: IO[bytes], note: str, headers: list[str], keys: list[str],
                chunks: Any) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def clean(row: Sequence[Any]) -> list[Any]:
        # control characters are not allowed in XML: dropped
        return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]

    book = Workbook(write_only=True)
    sheet, used, number = None, XLSX_ROWS, 0
    for rows in chunks:
        for row in rows:
            if used == XLSX_ROWS:
                number += 1
                sheet = book.create_sheet("households" if number == 1 else
                                          f"households {number}")
                sheet.append(clean([note]))
                sheet.append(clean(headers))
                used = 0
            sheet.append(clean(row))  # type: ignore[union-attr]
            used += 1
    if sheet is None:  # nothing shown: the note and the header only
        sheet = book.create_sheet("households")
        sheet.append(clean([note]))
        sheet.append(clean(headers))
    about = book.create_sheet("about")
    about.append(["note"])
    about.append(clean([note]))
    about.append(["columns"])
    for key, header in zip(keys, headers, strict=True):
        about.append(clean([key, header]))
    book.save(handle)
