"""Reading an XLSX ledger with python-calamine, after checking what calamine would be
asked to hold (no Qt).

The zip members are checked first with the figure import's zip-bomb guard (the same
limits, larger sizes: a ledger may have a million households). Then the chosen sheet's
cells: calamine lays a sheet out as one dense block from its first to its last
non-empty cell, so a single cell at XFD1048576 in a 5 KB file asks for half a terabyte
and ends the process (an allocation failure in Rust cannot be caught).
:func:`_check_cells` finds the extent of the non-empty cells in one pass over the
sheet's XML and refuses a sheet whose block would be too large.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from contextlib import closing
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np

from ..sheet_import import MAX_RATIO, SheetError, check_zip
from .ledger_read import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_UNZIPPED,
    LedgerError,
    RawSheet,
    column_letter,
    locate_header,
    quiet,
)

_CHUNK = 8 * 1024 * 1024


def read_xlsx(path: Path, sheet: str | None) -> RawSheet:
    """The sheet named ``sheet`` (else the first visible one) below its header."""
    import python_calamine as pc

    try:
        check_zip(path, MAX_UNZIPPED, MAX_RATIO)
    except SheetError as exc:
        raise LedgerError(str(exc)) from None
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine's own errors, zip and XML trouble
        raise LedgerError(f"{path}: not a readable .xlsx workbook ({quiet(exc)})") from None
    try:
        sheet, names = _choose(path, book, sheet)
        where = f"{path.name} › {sheet}"
        _check_cells(path, sheet, where)
        try:
            data = book.get_sheet_by_name(sheet)
            rows = data.to_python()
            start = data.start or (0, 0)
            merged = data.merged_cell_ranges or []
        except Exception as exc:
            raise LedgerError(f"{where}: the sheet cannot be read ({quiet(exc)})") from None
    finally:
        book.close()
    if not rows:
        raise LedgerError(f"{where}: the sheet is empty; expected a header row and households")
    if len(rows[0]) > MAX_COLUMNS:
        raise LedgerError(f"{where}: {len(rows[0]):,} columns; at most {MAX_COLUMNS:,}")
    r0, c0 = start
    spans = [(a - r0, b - c0, c - r0, d - c0) for (a, b), (c, d) in merged]
    top, bottom, header, years = locate_header(rows, spans, where)
    body = rows[bottom + 1:]
    del rows
    columns: list[Any] = list(zip(*body, strict=True)) if body else [() for _ in header]
    numbers = np.arange(len(body), dtype=np.int64) + (r0 + bottom + 2)
    inside = [(a, b, c, d) for a, b, c, d in spans if c > bottom]
    return RawSheet(path, sheet, header, years, r0 + bottom + 1, c0, numbers, columns,
                    [(a + r0 + 1, b, c + r0 + 1, d) for a, b, c, d in inside],
                    sheets=tuple(names))


def _choose(path: Path, book: Any, sheet: str | None) -> tuple[str, list[str]]:
    """The sheet to read (named, else the first visible worksheet), and all names."""
    import python_calamine as pc

    try:
        sheets = [m for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
    except Exception as exc:
        raise LedgerError(f"{path}: not a readable .xlsx workbook ({quiet(exc)})") from None
    names = [m.name for m in sheets]
    if sheet is None:
        visible = [m.name for m in sheets if m.visible == pc.SheetVisibleEnum.Visible]
        if not visible:
            raise LedgerError(f"{path}: the workbook has no visible worksheet")
        return visible[0], names
    if sheet not in names:
        raise LedgerError(f"{path}: no sheet named {sheet!r}; the sheets are "
                          + ", ".join(repr(n) for n in names))
    return sheet, names


def _sheet_part(path: Path, sheet: str) -> str:
    """The zip member holding the worksheet named ``sheet``."""
    from defusedxml import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as book:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    rid = next((s.get(rel) for s in workbook.iter(f"{main}sheet") if s.get("name") == sheet),
               None)
    for item in rels:
        if item.get("Id") == rid:
            target = item.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(str(PurePosixPath("xl") / target))
    raise KeyError(sheet)


EXCEL_ROWS = 1_048_576
# cell and row tags written other than `<c r="…` / `<row r="…` (no r= first, another
# white space, single quotes, a namespace prefix): calamine places them all the same,
# the fast check below would not see where; refused (Excel, WPS and LibreOffice write
# the plain form). RE2 syntax: no look-ahead.
_IRREGULAR = (
    rb'<c>|<c[\t\r\n/]|<c [^r]|<c r[^=]|<c r=[^"]'
    rb'|<row>|<row[\t\r\n/]|<row [^r]|<row r[^=]|<row r=[^"]'
    rb'|<[A-Za-z_][A-Za-z0-9_.-]*:(?:c|row)[\s>/]'
)


def _candidates(max_col: int, max_row: int) -> bytes:
    """Cell start tags that may lie right of column ``max_col`` (1-based) or below row
    ``max_row``, and every lower-case reference: a cheap filter; each match is then
    decided exactly."""
    cols = _greater_letters(column_letter(max_col - 1)) if max_col else rb"[A-Z]+"
    return (rb'<c r="(?:[A-Za-z]*[a-z]|(?:' + cols + rb")[0-9]|[A-Z]+0|[A-Z]+"
            + _greater_number(max_row) + rb'")')


def _greater_number(m: int) -> bytes:
    """A regex for decimal numbers greater than ``m`` (without leading zeros)."""
    s = str(m)
    alts = [rb"[1-9][0-9]{%d,}" % len(s)]
    for i, ch in enumerate(s):
        if ch != "9":
            rest = len(s) - i - 1
            alts.append(s[:i].encode() + b"[%d-9]" % (int(ch) + 1)
                        + (rb"[0-9]{%d}" % rest if rest else b""))
    return b"(?:" + b"|".join(alts) + b")"


def _greater_letters(s: str) -> bytes:
    """A regex for upper-case column letters after ``s`` (A < Z < AA < XFD < AAAA)."""
    alts = [rb"[A-Z]{%d,}" % (len(s) + 1)]
    for i, ch in enumerate(s):
        if ch != "Z":
            rest = len(s) - i - 1
            alts.append(s[:i].encode() + b"[%s-Z]" % chr(ord(ch) + 1).encode()
                        + (rb"[A-Z]{%d}" % rest if rest else b""))
    return b"(?:" + b"|".join(alts) + b")"


_REF = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"[^>]*>')
_LAST_ROW = re.compile(rb'<row r="([0-9]{1,12})"')


def _count(data: bytes, pattern: bytes) -> int:
    """Matches of ``pattern`` in ``data``, by RE2 (pyarrow): linear time, no copy."""
    import pyarrow as pa
    import pyarrow.compute as pc

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    array = pa.LargeBinaryArray.from_buffers(
        pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)]
    )
    return int(pc.count_substring_regex(array, pattern.decode("latin-1"))[0].as_py())


def _chunks(stream: Any) -> Any:
    """The part's text in pieces that end before a tag, inflated in a helper thread
    (zlib lets go of the GIL) while the caller scans the previous piece."""
    import queue
    import threading

    pieces: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            while not stop.is_set() and (chunk := stream.read(_CHUNK)):
                pieces.put(chunk)
            pieces.put(None)
        except BaseException as exc:  # handed to the reader below
            pieces.put(exc)

    worker = threading.Thread(target=produce, daemon=True)
    worker.start()
    tail = b""
    try:
        while True:
            chunk = pieces.get()
            if isinstance(chunk, BaseException):
                raise chunk
            if chunk is None:
                yield tail
                return
            data = tail + chunk
            cut = data.rfind(b"<")
            yield data[:cut]
            tail = data[cut:]
    finally:
        stop.set()
        while worker.is_alive():  # the helper may wait to hand over a piece
            try:
                pieces.get(timeout=0.05)
            except queue.Empty:
                pass


def _check_cells(path: Path, sheet: str, where: str) -> None:
    """Refuse a sheet whose non-empty cells span a block calamine cannot hold.

    Every cell must say first where it is (``<c r="``, as Excel, WPS, LibreOffice and
    POI write it). One RE2 pass per piece of the sheet's XML counts the cells that may
    lie beyond the block found so far (right of its last column, below its last row);
    only when there are some is the piece looked at cell by cell."""
    try:
        part = _sheet_part(path, sheet)
    except Exception as exc:  # damaged workbook parts, entity tricks (defusedxml)
        name = type(exc).__name__
        why = ("it declares XML entities or external references (unsafe)" if
               "Entities" in name or "DTD" in name or "External" in name else quiet(exc))
        raise LedgerError(f"{where}: the workbook's sheet list cannot be read: {why}") from None
    box = [0, 0]  # last column (1-based) and last row of the non-empty cells
    far = "A1"
    try:
        with zipfile.ZipFile(path) as book, book.open(part) as stream, closing(
            _chunks(stream)
        ) as pieces:
            for data in pieces:
                last = data.rfind(b'<row r="')
                rows = _LAST_ROW.match(data, last) if last >= 0 else None
                if rows is not None:  # the usual order: rows grow, cells left to right
                    box[1] = max(box[1], min(int(rows.group(1)), EXCEL_ROWS))
                if box[0] and not _count(data, _IRREGULAR + b"|" + _candidates(*box)):
                    continue
                far = _scan_piece(data, box, far, where)
    except LedgerError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError,
            RuntimeError) as exc:
        raise LedgerError(f"{where}: the sheet cannot be read ({quiet(exc)})") from None
    cols, rows = box
    if rows * cols > MAX_CELLS:
        raise LedgerError(
            f"{where}: the sheet's cells reach row {rows:,} and column "
            f"{column_letter(cols - 1)} (the farthest: {far}): {rows * cols:,} cells to lay "
            f"out; at most {MAX_CELLS:,}: delete stray cells or split the sheet"
        )


def _scan_piece(data: bytes, box: list[int], far: str, where: str) -> str:
    """Widen ``box`` by the non-empty cells of ``data`` that lie beyond it, one by one."""
    if re.search(_IRREGULAR, data):
        raise LedgerError(
            f"{where}: some cells or rows are not written as Excel writes them (<c r=\"A1\">, "
            "no prefix, double quotes); open the "
            "file in Excel or WPS and save it again, or save it as CSV"
        )
    pattern, pos = re.compile(_candidates(*box)), 0
    while (match := pattern.search(data, pos)) is not None:
        ref = _REF.match(data, match.start())
        pos = match.end()
        if ref is None or ref.group(0).endswith(b"/>"):
            continue  # an empty cell: calamine leaves those out
        letters = ref.group(1).decode().upper()
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        row = int(ref.group(2))
        if row > EXCEL_ROWS or col > MAX_COLUMNS or row == 0:
            raise LedgerError(
                f"{where}: a cell at {letters[:8]}{row} lies outside rows 1 to "
                f"{EXCEL_ROWS:,} or beyond column {column_letter(MAX_COLUMNS - 1)}; "
                "expected a ledger table"
            )
        if col > box[0] or row > box[1]:
            far = f"{letters}{row}"
            box[0], box[1] = max(box[0], col), max(box[1], row)
            pattern = re.compile(_candidates(*box))
    return far
