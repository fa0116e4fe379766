"""Cells of a ledger column turned into register values, with a reason for each cell
that cannot be (no Qt).

Every function takes one column (a sequence of cell values as read: str, float, int,
bool, date, datetime) and returns the values as a numpy array, ``{index: reason}`` for
the cells refused, and the column's :class:`~.ledger_ids.Shapes` (personal numbers
seen among its values). Reasons say what was expected and never repeat the cell: a
shifted row may put a name or an ID number where a number was expected. Each
distinct value is converted once; a column of text is taken apart by pyarrow in one
pass, a column of numbers by numpy.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import numpy as np

from ..units import parse_number
from . import ledger_headers as lh
from .ledger_ids import (  # noqa: F401 (the planner's names)
    EMPTY,
    NO_SHAPES,
    Bad,
    Column,
    Errors,
    Shapes,
    encode,
    household_ids,
    is_long,
    shape_of,
    shapes,
)
from .schema import FLAG_MET, FLAG_NOT_MET, FLAG_UNKNOWN

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE = re.compile(r"((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?"
                   r"(?:[ T].*)?")
_COMPACT_DATE = re.compile(r"((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})")
FLAG_WORDS = {
    FLAG_MET: ("是", "√", "✓", "✔", "1", "有", "达标", "已保障", "保障", "有保障", "安全",
               "已解决", "y", "yes", "true", "met", "ok"),
    FLAG_NOT_MET: ("否", "×", "✗", "✘", "0", "无", "不达标", "未保障", "无保障", "不安全",
                   "未解决", "n", "no", "false", "not met"),
}
_FLAGS = {lh.label_key(w): v for v, words in FLAG_WORDS.items() for w in words}


def text(value: Any) -> str:
    """A cell as text: NFKC (full-width digits typed with a Chinese input method become
    ASCII), stripped; a whole float without its '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    raw = str(value)
    return (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()


def by_value(values: Column, convert: Callable[[Any], Any], dtype: Any, fill: Any) -> tuple:
    """``convert`` applied once per distinct cell value; ValueError refuses the cells.
    Returns the array, the refusals and the column's :class:`Shapes`."""
    coded = encode(values)
    distinct = coded[0] if coded is not None else set(values)
    table: dict[Any, Any] = {}
    bad = False
    for value in distinct:
        try:
            table[value] = convert(value)
        except ValueError as exc:
            table[value] = Bad(str(exc))
            bad = True
    shape = shape_of(values, [v for v in distinct if is_long(v)])
    if coded is not None:
        results = [table[v] for v in distinct]
        good = [fill if r.__class__ is Bad else r for r in results]
        out = np.array(good, dtype=dtype)[coded[1]] if len(values) else np.zeros(0, dtype)
        errors: Errors = {}
        if bad:
            worse = np.array([r.__class__ is Bad for r in results])
            for i in np.flatnonzero(worse[coded[1]]).tolist():
                errors[i] = results[coded[1][i]].reason
        return out, errors, shape
    if not bad:
        return _array(map(table.__getitem__, values), dtype, len(values)), {}, shape
    out_list, errors = [], {}
    for i, value in enumerate(values):
        got = table[value]
        if got.__class__ is Bad:
            errors[i] = got.reason
            got = fill
        out_list.append(got)
    return _array(out_list, dtype, len(values)), errors, shape


def _array(items: Any, dtype: Any, n: int) -> np.ndarray:
    kind = np.dtype(dtype)
    if kind.kind in "iufb":
        return np.fromiter(items, dtype=kind, count=n)
    return np.array(list(items), dtype=kind)


def village_codes(values: Column) -> tuple[np.ndarray, Errors, Shapes]:
    def convert(v: Any) -> int:
        t = text(v)
        if not t:
            return 0
        if len(t) == 12 and t.isdigit() and t[0] != "0":
            return int(t)
        raise ValueError("expected a 12-digit village code (行政区划代码)")

    return by_value(values, convert, np.int64, 0)


class VillageNames:
    """Village and community names of the bundled dataset (Dongchuan) -> codes."""

    _PREFIX = ("云南省", "昆明市", "东川区")
    _SUFFIX = (("村民委员会", "村"), ("村委会", "村"), ("社区居委会", "社区"),
               ("社区居民委员会", "社区"), ("居委会", "社区"))

    def __init__(self) -> None:
        from .generate import TOWN_LEVELS, VILLAGE_LEVELS, seed_places

        self.names: dict[str, list[int]] = {}
        self.towns: dict[str, int] = {}
        for place in seed_places():
            if place.level in TOWN_LEVELS:
                for key in self._keys(place.name_zh, place.name_en):
                    self.towns[key] = place.code // 1000
            elif place.level in VILLAGE_LEVELS:
                for key in self._keys(place.name_zh, place.name_en):
                    self.names.setdefault(key, []).append(place.code)

    def _keys(self, zh: str, en: str) -> set[str]:
        keys = {zh, en.lower()}
        for end in ("村", "社区", "镇", "乡", "街道"):
            if zh.endswith(end) and len(zh) > len(end) + 1:
                keys.add(zh[: -len(end)])
        return {k for k in keys if k}

    def town_prefix(self, value: Any) -> int | None:
        key = self._clean(value)
        return self.towns.get(key) if key else None

    def _clean(self, value: Any) -> str:
        t = re.sub(r"\s+", "", text(value))
        for prefix in self._PREFIX:
            t = t.removeprefix(prefix)
        for long, short in self._SUFFIX:
            if t.endswith(long):
                t = t[: -len(long)] + short
        return t

    def find(self, value: Any, town: int | None) -> int:
        """The code of the village ``value`` names (in ``town`` if given); ValueError."""
        t = self._clean(value)
        if not t:
            raise ValueError("empty; expected the village (所属村)")
        codes = self.names.get(t) or self.names.get(t.lower())
        if codes is None:
            for name, prefix in self.towns.items():  # "汤丹镇梨坪村"
                if t.startswith(name) and len(t) > len(name):
                    codes, town = self.names.get(t[len(name):]), prefix
                    break
        if not codes:
            raise ValueError("not a village or community of Dongchuan the workbench knows; "
                             "expected one of the bundled dataset, or a 行政区划代码 column")
        if town is not None:
            codes = [c for c in codes if c // 1000 == town] or codes
        if len(codes) > 1:
            raise ValueError(f"{len(codes)} villages have this name; expected the town "
                             "(乡镇) column or a 行政区划代码 column to tell them apart")
        return codes[0]


# ----- numbers, years, dates, flags


def counts(values: Column, lo: int, hi: int, what: str, empty: int | None) -> tuple:
    """Whole numbers ``lo``..``hi`` of persons; an empty cell is ``empty`` (None: refused)."""
    def convert(v: Any) -> int:
        if v in EMPTY or (v.__class__ is str and not v.strip()):
            if empty is None:
                raise ValueError(f"empty; expected the {what}")
            return empty
        if isinstance(v, bool) or isinstance(v, dt.date | dt.time | dt.timedelta):
            raise ValueError(f"not a number; expected the {what}")
        number = v if isinstance(v, int | float) else _parse(text(v), "people")
        if isinstance(number, float) and not number.is_integer():
            raise ValueError(f"not a whole number; expected the {what}")
        if not lo <= number <= hi:
            raise ValueError(f"out of range; expected the {what}, {lo} to {hi}")
        return int(number)

    return by_number(values, convert, np.int64, 0)


def _parse(t: str, unit: str) -> int | float:
    try:
        return parse_number(t, unit)
    except ValueError:
        raise ValueError("not a number") from None


def years(values: Column) -> tuple[np.ndarray, Errors, Shapes]:
    """Years 1980-2100 (empty: 0); '2016年', a date or a number."""
    def convert(v: Any) -> int:
        if isinstance(v, dt.date):
            return v.year
        t = text(v).removesuffix("年度").removesuffix("年")
        if not t:
            return 0
        if t.isdigit() and 1980 <= int(t) <= 2100:
            return int(t)
        raise ValueError("expected a year such as 2019")

    return by_number(values, convert, np.int64, 0)


def floats(values: Column) -> tuple[np.ndarray, np.ndarray]:
    """The number cells as float64 in one pass (NaN elsewhere), and where the others are."""
    out = np.fromiter((v if v.__class__ is float else math.nan for v in values),
                      dtype=np.float64, count=len(values))
    return out, np.flatnonzero(np.isnan(out))


def by_number(values: Column, convert: Callable[[Any], Any], dtype: Any, fill: Any) -> tuple:
    """:func:`by_value` for a column of numbers (counts, years): the number cells in one
    pass, each distinct number and each other cell's value converted once."""
    numbers, odd = floats(values)
    if 2 * len(odd) > len(values):
        return by_value(values, convert, dtype, fill)
    present = np.flatnonzero(~np.isnan(numbers))
    distinct, where = np.unique(numbers[present], return_inverse=True)
    table: list[Any] = []
    for number in distinct.tolist():
        try:
            table.append(convert(number))
        except ValueError as exc:
            table.append(Bad(str(exc)))
    others: dict[Any, Any] = {}
    for v in {values[i] for i in odd.tolist()}:
        try:
            others[v] = convert(v)
        except ValueError as exc:
            others[v] = Bad(str(exc))
    out = np.full(len(values), fill, dtype=dtype)
    good = np.array([t.__class__ is not Bad for t in table], dtype=bool)
    if len(table):
        picked = np.array([fill if t.__class__ is Bad else t for t in table], dtype=dtype)
        out[present] = picked[where.ravel()]
    errors: Errors = {}
    if len(table) and not good.all():
        for k in np.flatnonzero(~good[where.ravel()]).tolist():
            errors[int(present[k])] = table[where.ravel()[k]].reason
    for i in odd.tolist():
        got = others[values[i]]
        if got.__class__ is Bad:
            errors[i] = got.reason
        else:
            out[i] = got
    found = [v for v in distinct.tolist() if is_long(v)] + [v for v in others if is_long(v)]
    return out, errors, shape_of(values, found)


def money(values: Column, negative: bool) -> tuple[np.ndarray, Errors, Shapes]:
    """Yuan (empty: NaN); numbers, '1,234.50', '1234元', full-width digits."""
    out, odd = floats(values)
    errors: Errors = {}
    found: set[Any] = set()
    for i in odd.tolist():
        v = values[i]
        if v.__class__ is int:
            out[i] = v
            continue
        if v is None or (v.__class__ is str and not v.strip()):
            continue
        if is_long(v):
            found.add(v)
        try:
            if not isinstance(v, str):
                raise ValueError
            out[i] = float(v) if v.isascii() and _plain(v) else _parse(text(v), "yuan")
        except ValueError:
            errors[i] = "not an amount; expected yuan such as 8700 or 8,700.50"
    bad = (np.abs(out) >= 1e9) | np.isinf(out)
    if not negative:
        bad |= out < 0
    for i in np.flatnonzero(bad).tolist():
        errors[i] = ("out of range; expected yuan from 0 to under 1,000,000,000" if not negative
                     else "out of range; expected yuan under 1,000,000,000")
        if is_long(values[i]):
            found.add(values[i])
    return out, errors, shape_of(values, list(found))


_PLAIN = re.compile(r"\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)\s*")


def _plain(v: str) -> bool:
    return _PLAIN.fullmatch(v) is not None


def flags(values: Column) -> tuple[np.ndarray, Errors, Shapes]:
    """1 met, 0 not met, -1 empty; 是/否, √/×, 1/0, 有/无 and the like."""
    def convert(v: Any) -> int:
        if v in EMPTY or (v.__class__ is str and not v.strip()):
            return FLAG_UNKNOWN
        if v is True or v is False:
            return FLAG_MET if v else FLAG_NOT_MET
        found = _FLAGS.get(lh.label_key(text(v)))
        if found is None:
            raise ValueError("expected 是 or 否 (yes or no)")
        return found

    return by_value(values, convert, np.int64, FLAG_UNKNOWN)


def dates(values: Column) -> tuple[np.ndarray, Errors, Shapes]:
    """Days (empty: NaT); date cells, 2024-03-01, 2024/3/1, 2024年3月1日, 20240301."""
    def convert(v: Any) -> np.datetime64:
        if isinstance(v, dt.datetime):
            v = v.date()
        if isinstance(v, dt.date):
            day = v
        elif v.__class__ is float and 36526 <= v < 73051 and v.is_integer():
            day = _EXCEL_EPOCH + dt.timedelta(days=int(v))  # a date cell without its format
        else:
            t = text(v)
            if not t:
                return np.datetime64("NaT", "D")
            match = _DATE.fullmatch(t) or _COMPACT_DATE.fullmatch(t)
            if match is None:
                raise ValueError("expected a date such as 2024-03-01")
            try:
                day = dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                raise ValueError("no such day; expected a date such as 2024-03-01") from None
        if not 2000 <= day.year <= 2100:
            raise ValueError("expected a date from 2000 on")
        return np.datetime64(day, "D")

    return by_value(values, convert, "datetime64[D]", np.datetime64("NaT", "D"))


# ----- categories


def categories(values: Column, table: str) -> tuple:  # codes, bits, errors, shapes
    """Codes of ``table`` from labels (Chinese, English) or keys; empty: the first code.
    Several labels in one cell (因病、因学): the first; the others are returned as bits
    (``2**code``) in a second array. Bare numbers are refused: other systems' numeric
    codes differ from the register's."""
    index = lh.label_index(table)

    def convert(v: Any) -> int:
        t = text(v)
        if not t:
            return 0
        if isinstance(v, int | float):
            raise ValueError(f"a number; expected a label such as {lh.examples(table)} "
                             "(other systems' numeric codes differ from the register's)")
        parts = [p for p in lh.LABEL_SPLIT.split(lh.drop_brackets(t)) if p.strip()]
        found = [index.get(lh.label_key(p)) for p in parts]
        if not found or None in found:
            raise ValueError(f"not a known label; expected one of {lh.examples(table)}")
        bits = 0
        for code in found[1:]:
            bits |= 1 << code
        return found[0] | (bits & ~(1 << found[0])) << 8

    packed, errors, shape = by_value(values, convert, np.int64, 0)
    return packed & 0xFF, packed >> 8, errors, shape


def measures(values: Column) -> tuple[list[list[int]], int, Shapes]:
    """Each household's measure codes; labels not in the (working) list count as 其他
    (other). Returns the lists, how many labels were unknown, and the shapes."""
    index = lh.label_index("measure")

    def convert(v: Any) -> tuple[list[int], int]:
        codes: list[int] = []
        missing = 0
        for part in lh.LABEL_SPLIT.split(lh.drop_brackets(text(v))):
            if not part.strip():
                continue
            code = index.get(lh.label_key(part))
            if code is None:
                code, missing = 0, missing + 1
            if code not in codes:
                codes.append(code)
        return codes, missing

    coded = encode(values)
    distinct = coded[0] if coded is not None else list(set(values))
    table = [convert(v) for v in distinct]
    if coded is not None:
        where = coded[1]
    else:
        position = {v: k for k, v in enumerate(distinct)}
        where = np.fromiter(map(position.__getitem__, values), dtype=np.int64,
                            count=len(values))
    lists = [table[k][0] for k in where.tolist()]
    unknown = int(np.bincount(where, minlength=len(table)) @ np.array(
        [t[1] for t in table], dtype=np.int64)) if table else 0
    return lists, unknown, shape_of(values, [v for v in distinct if is_long(v)])
