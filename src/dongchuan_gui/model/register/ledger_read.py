"""Reading a ledger sheet and finding its header row (no Qt; nothing interpreted yet):
CSV here with pyarrow, XLSX in :mod:`.ledger_xlsx` with python-calamine.

A CSV file may be UTF-8 (with or without a BOM) or GB18030 (Excel on Chinese Windows).
Title rows above the header are passed over: the header is the row among the first
ones that names the most ledger fields (:func:`locate_header`); a second header row
(sub-headers under a merged group) is joined to it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..sheet_import import cell_text
from . import ledger_headers as lh

MAX_XLSX_BYTES = 512 * 1024 * 1024
MAX_CSV_BYTES = 2 * 1024 * 1024 * 1024
MAX_UNZIPPED = 4 * 1024 * 1024 * 1024  # ~1M rows x 40 columns of sheet XML
MAX_CELLS = 50_000_000  # calamine's block, rows x columns (~1.6 GB in calamine)
MAX_ROWS = 5_000_000  # households in one CSV ledger (an XLSX sheet has at most 1,048,575)
MAX_COLUMNS = 1024
HEADER_SCAN = 30  # the header is looked for in the first rows


class LedgerError(Exception):
    """A ledger that cannot be read at all; the message names the file (and sheet),
    says where and what was expected."""


_DIGIT_RUN = re.compile(r"[0-9]{6,}")
_LONG_NUMBER = re.compile(r"[0-9０-９][0-9０-９\s\-.]{5,}[0-9０-９Xx]")


def masked(text: str) -> str:
    """A sheet name or header as shown and kept: a run of seven or more digits (a phone,
    ID or card number someone typed into it) becomes "…". Years and codes of up to six
    digits stay."""
    return _LONG_NUMBER.sub(
        lambda m: "…" if sum(c.isdigit() for c in m.group(0)) >= 7 else m.group(0), text
    )


def quiet(exc: BaseException) -> str:
    """A library's message about a ledger without the ledger's contents: parsers quote
    the cells they stumble on (a name, an ID number), so only ASCII words are kept and
    long runs of digits are masked."""
    text = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = "".join(ch for ch in text if ch.isascii() and ch.isprintable())
    return _DIGIT_RUN.sub("…", text)[:160].strip() or type(exc).__name__


@dataclass
class RawSheet:
    """A sheet below its header: the cells as read, one list per column."""

    file: Path
    sheet: str  # the sheet's name ("" for a CSV file)
    header: list[str]  # one text per column (two-row headers joined)
    years: list[int | None]  # the year a column's header (or the cell above) names
    header_row: int  # the header's (last) row as Excel shows it
    first_col: int  # columns[0] is the sheet's column first_col (0 is A)
    rows: np.ndarray  # the Excel row number of each data row
    columns: list[Any]  # per column: a sequence of cell values (str, float, date, ...)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    bad_rows: dict[int, str] = field(default_factory=dict)  # CSV rows of the wrong width
    notes: list[str] = field(default_factory=list)
    sheets: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file.name} › {masked(self.sheet)}" if self.sheet else self.file.name

    def letter(self, j: int) -> str:
        return column_letter(self.first_col + j)

    def label(self, j: int) -> str:
        text = masked(self.header[j]) if j < len(self.header) else ""
        return f"column {self.letter(j)} ({text})" if text else f"column {self.letter(j)}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_index(letters: str) -> int:
    """A -> 0; ValueError if not column letters."""
    if not re.fullmatch(r"[A-Za-z]{1,3}", letters):
        raise ValueError(f"{letters!r} is not a column letter")
    value = 0
    for ch in letters.upper():
        value = value * 26 + ord(ch) - 64
    return value - 1


def read_ledger(path: str | Path, sheet: str | None = None) -> RawSheet:
    """The ledger's sheet (by name, else the first visible one) below its header row."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise LedgerError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise LedgerError(f"{path}: not a regular file")
    suffix = path.suffix.lower()
    limit = MAX_XLSX_BYTES if suffix in (".xlsx", ".xlsm") else MAX_CSV_BYTES
    if info.st_size > limit:
        raise LedgerError(f"{path}: the file is {info.st_size:,} bytes; the limit for a "
                          f"{suffix} ledger is {limit:,}")
    if suffix in (".xlsx", ".xlsm"):
        from .ledger_xlsx import read_xlsx

        return read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        if sheet:
            raise LedgerError(f"{path}: a CSV file has no sheets (drop --sheet {sheet})")
        return _read_csv(path)
    hint = "; open it in Excel or WPS and save it as .xlsx" if suffix in (".xls", ".et") else ""
    raise LedgerError(f"{path}: expected a .xlsx or .csv ledger{hint}")


# ------------------------------------------------------------------ CSV


def _read_csv(path: Path) -> RawSheet:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    where = path.name
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024 * 1024)
    except OSError as exc:
        raise LedgerError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    encoding, text = _encoding(head, path)
    if len(head) == 1024 * 1024:
        text = text[: text.rfind("\n") + 1]  # whole lines only
    delimiter = "\t" if text[:4096].count("\t") > text[:4096].count(",") else ","
    rows, lines = [], [0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            rows.append(record)
            lines.append(reader.line_num)
            if len(rows) >= HEADER_SCAN + 2:
                break
    except csv.Error as exc:
        raise LedgerError(f"{where}: line {reader.line_num}: {quiet(exc)}") from None
    if not rows:
        raise LedgerError(f"{where}: the file is empty; expected a header row and households")
    top, bottom, header, years = locate_header(rows, [], where)
    width = len(header)
    if width > MAX_COLUMNS:
        raise LedgerError(f"{where}: {width:,} columns; at most {MAX_COLUMNS:,}")
    names = [f"c{i}" for i in range(width)]
    bad: list[tuple[int, int, int]] = []

    def invalid(row: Any) -> str:
        if len(bad) <= MAX_ROWS:
            bad.append((row.number or 0, row.actual_columns, row.text.count("\n") + 1))
        return "skip"

    options = dict(
        read_options=pacsv.ReadOptions(
            skip_rows=lines[bottom + 1], column_names=names, encoding=encoding,
            use_threads=False, block_size=16 * 1024 * 1024,  # row numbers of bad rows
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False,
            invalid_row_handler=invalid,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    try:
        table = pacsv.read_csv(path, **options)
    except pa.ArrowInvalid as exc:
        if encoding == "utf8" and "UTF8" in str(exc):
            bad.clear()
            encoding = "gb18030"
            options["read_options"].encoding = encoding
            try:
                table = pacsv.read_csv(path, **options)
            except (pa.ArrowInvalid, UnicodeDecodeError) as again:
                raise LedgerError(
                    f"{where}: neither UTF-8 nor GB18030 text ({quiet(again)})") from None
        else:
            raise LedgerError(f"{where}: not a readable CSV ledger ({quiet(exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LedgerError(f"{where}: cannot read the file ({quiet(exc)})") from None
    if table.num_rows > MAX_ROWS:
        raise LedgerError(f"{where}: {table.num_rows:,} rows; at most {MAX_ROWS:,} in one "
                          "ledger: split the file by town")
    numbers, bad_rows = _record_numbers(table, bottom + 2, lines[bottom + 1] + 1, bad, width)
    raw = RawSheet(path, "", header, years, bottom + 1, 0, numbers,
                   _ArrowColumns(table), bad_rows=bad_rows)
    if encoding == "gb18030":
        raw.notes.append("read as GB18030 text (not UTF-8)")
    return raw


def _encoding(head: bytes, path: Path) -> tuple[str, str]:
    """'utf8' or 'gb18030', and the head of the file as text (BOM left out)."""
    for name, codec in (("utf8", "utf-8-sig"), ("gb18030", "gb18030")):
        try:
            return name, codecs.getincrementaldecoder(codec)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
    raise LedgerError(f"{path.name}: neither UTF-8 nor GB18030 text; save the ledger as "
                      "CSV UTF-8 or as .xlsx")


def _record_numbers(
    table: Any, first: int, first_line: int, bad: list[tuple[int, int, int]], width: int
) -> tuple[np.ndarray, dict[int, str]]:
    """The row number (as Excel shows a CSV: one per record) of each row read, and the
    rows of the wrong width with why."""
    import pyarrow.compute as pc

    n = table.num_rows
    breaks = np.zeros(n, dtype=np.int64)
    for column in table.columns:
        counted = pc.count_substring(column, "\n").to_numpy(zero_copy_only=False)
        breaks += counted.astype(np.int64)
    if not bad and not breaks.any():
        return np.arange(n, dtype=np.int64) + first, {}
    numbers = np.zeros(n, dtype=np.int64)
    queue = sorted(bad)
    reasons: dict[int, str] = {}
    line, record, k = first_line, first, 0
    for i in range(n):
        while k < len(queue) and queue[k][0] <= line:
            reasons[record] = f"{queue[k][1]} cells; expected {width} (as in the header)"
            line, record, k = line + queue[k][2], record + 1, k + 1
        numbers[i] = record
        line, record = line + 1 + int(breaks[i]), record + 1
    for _, actual, _span in queue[k:]:
        reasons[record] = f"{actual} cells; expected {width} (as in the header)"
        record += 1
    return numbers, reasons


class _ArrowColumns:
    """Columns of a pyarrow table, turned into Python lists one at a time when asked."""

    def __init__(self, table: Any) -> None:
        self.table = table

    def __len__(self) -> int:
        return self.table.num_columns

    def __getitem__(self, j: int) -> list[Any]:
        return self.table.column(j).to_pylist()

    def row(self, i: int, upto: int) -> list[Any]:
        return list(self.table.slice(i, 1).select(range(min(upto, len(self)))).to_pylist()[0]
                    .values())


def row_cells(columns: Any, i: int, upto: int) -> list[Any]:
    """The first ``upto`` cells of data row ``i``."""
    if isinstance(columns, _ArrowColumns):
        return columns.row(i, upto)
    return [c[i] for c in columns[:upto]]


# ------------------------------------------------------------------ header


def locate_header(
    rows: list[list[Any]], merged: list[tuple[int, int, int, int]], where: str
) -> tuple[int, int, list[str], list[int | None]]:
    """(first and last row index of the header, its text per column, the year each
    column names), from the first rows' likeness to a ledger header."""
    scan = rows[:HEADER_SCAN]
    scores = [lh.score(r) for r in scan]
    best = max(range(len(scan)), key=lambda i: (scores[i], -i))
    if scores[best] < 2:
        raise LedgerError(
            f"{where}: no header row in the first {HEADER_SCAN} rows; expected a row of "
            "column names such as 户编号, 所属村, 家庭人口数, 人均纯收入 (or the register's "
            "own names household_id, village, size, income)"
        )
    filled = [_filled(rows, merged, i) for i in range(min(len(rows), best + 2))]
    top, bottom, names = best, best, filled[best]
    for lower in (best + 1,):
        if lower < len(filled):
            joined = [b if cell_text(b) else a for a, b in zip(filled[best], filled[lower],
                                                           strict=False)]
            if lh.score(filled[lower]) >= 2 and lh.score(joined) > scores[best]:
                top, bottom, names = best, lower, joined
    if top == bottom and best > 0:
        joined = [b if cell_text(b) else a for a, b in zip(filled[best - 1], filled[best],
                                                       strict=False)]
        if lh.score(joined) > scores[best] and scores[best - 1] >= 1:
            top, names = best - 1, joined
    group = filled[top] if top != bottom else None
    header, years = [], []
    for j in range(len(rows[bottom])):
        text = cell_text(names[j]) if j < len(names) else ""
        header.append(text)
        year = lh.normalize(text)[1]
        if year is None and group is not None and j < len(group):
            year = lh.normalize(cell_text(group[j]))[1]
        years.append(year)
    return top, bottom, header, years


def _filled(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], i: int) -> list:
    """Row ``i`` with each merged cell's text in every cell it covers."""
    row = list(rows[i])
    for r0, c0, r1, c1 in merged:
        if r0 <= i <= r1:
            value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
            for j in range(max(c0, 0), min(c1 + 1, len(row))):
                if not cell_text(row[j]):
                    row[j] = value
    return row


