"""Tables of figures, programs and places, written as CSV or XLSX (no Qt).

CSV is UTF-8 with a byte-order mark so Excel shows Chinese correctly. Text cells
that start with ``= + - @``, a tab or a carriage return get a leading apostrophe
(the OWASP rule against CSV/formula injection); numbers stay numbers. Text that
already starts with apostrophes before such a character gets one more, so that
:func:`unescape_cell` gives back exactly what was written.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from typing import Any

from .dataset import Dataset
from .fileformat import write_atomic

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TABLES = ("observations", "programs", "places")


def safe_cell(value: Any) -> Any:
    """A cell value a spreadsheet will show, never run."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The text :func:`safe_cell` was given (for CSV files we wrote ourselves)."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text


def csv_rows(text: str) -> Any:
    """A csv.reader over ``text`` with any line ends: \\n, \\r\\n, and the lone \\r
    of Excel's "CSV (Macintosh)"; a carriage return inside quotes stays text."""
    return csv.reader(io.StringIO(text, newline=""))


def csv_problem(exc: csv.Error, line: int) -> str:
    """A csv.Error in words, with the line where it was found."""
    text = str(exc)
    if "field larger than field limit" in text:
        text = f"a cell is longer than {csv.field_size_limit():,} characters"
    return f"line {line}: {text}"


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def rows(
    dataset: Dataset, table: str, *, place: str | None = None, program: str | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of one table, optionally for one place or program."""
    if table == "observations":
        header = [
            "id",
            "indicator",
            "indicator_zh",
            "indicator_en",
            "unit",
            "place_code",
            "place",
            "program",
            "period",
            "value",
            "status",
            "source",
            "locator",
            "doubt",
            "derived",
            "comment",
        ]
        out = []
        for o in dataset.observations_for(place=place, program=program):
            ind = dataset.indicator(o.indicator)
            p = dataset.place(o.place) if o.place else None
            src = dataset.source(o.source) if o.source else None
            out.append(
                [
                    o.id,
                    o.indicator,
                    ind.name_zh if ind else "",
                    ind.name_en if ind else "",
                    ind.unit if ind else "",
                    p.code if p and p.code else "",
                    p.name_zh if p else "",
                    o.program or "",
                    o.period or "",
                    o.value,
                    o.status,
                    src.title if src else "",
                    o.locator,
                    o.doubt,
                    o.derived,
                    o.comment,
                ]
            )
        return header, out
    if table == "programs":
        header = [
            "id",
            "category",
            "name_zh",
            "name_en",
            "start",
            "end",
            "places",
            "partners",
            "funders",
            "summary_en",
            "summary_zh",
        ]
        items = [dataset.program(program)] if program else dataset.data.programs
        return header, [
            [
                g.id,
                g.category,
                g.name_zh,
                g.name_en,
                g.start or "",
                g.end or "",
                _joined(g.places),
                _joined(g.partners),
                _joined(g.funders),
                g.summary_en,
                g.summary_zh,
            ]
            for g in items
            if g is not None
        ]
    if table == "places":
        header = [
            "id",
            "code",
            "code_vintage",
            "level",
            "name_zh",
            "name_en",
            "pinyin",
            "parent",
            "lat",
            "lon",
            "datum",
        ]
        items = [dataset.place(place)] if place else dataset.data.places
        out = []
        for p in items:
            if p is None:
                continue
            loc = p.location
            out.append(
                [
                    p.id,
                    p.code or "",
                    p.code_vintage,
                    p.level,
                    p.name_zh,
                    p.name_en,
                    p.pinyin,
                    p.parent or "",
                    loc.lat if loc else "",
                    loc.lon if loc else "",
                    loc.datum if loc else "",
                ]
            )
        return header, out
    raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")


def csv_bytes(header: list[str], body: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        writer.writerow([safe_cell(v) for v in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def xlsx_bytes(sheets: dict[str, tuple[list[str], list[list[Any]]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def clean(value: Any) -> Any:
        # control characters (a NUL in a title) are not allowed in XML: dropped
        if isinstance(value, str):
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    book = Workbook(write_only=True)
    for name, (header, body) in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([clean(h) for h in header])
        for row in body:
            sheet.append([clean(safe_cell(v)) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_table(
    dataset: Dataset,
    path: str | os.PathLike[str],
    *,
    fmt: str,
    place: str | None = None,
    program: str | None = None,
) -> None:
    """CSV: the figures table. XLSX: figures, programs and places as three sheets."""
    if fmt == "csv":
        payload = csv_bytes(*rows(dataset, "observations", place=place, program=program))
    elif fmt == "xlsx":
        payload = xlsx_bytes({t: rows(dataset, t, place=place, program=program) for t in TABLES})
    else:
        raise ValueError(f"unknown table format {fmt!r}")
    write_atomic(path, payload)
