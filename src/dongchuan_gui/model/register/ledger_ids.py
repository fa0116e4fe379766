"""Household numbers, and the personal numbers a ledger may hold in any column: resident
ID numbers, phone numbers and bank card numbers (no Qt).

:func:`shapes` looks at a column's distinct values; a column most of whose values are
such numbers is personal data and is dropped, and a row with an ID number anywhere
else is refused (:mod:`.ledger`). Nothing here keeps or repeats a value.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from . import ledger_headers as lh
from .schema import ID_WIDTH, id_number_rows

Column = Sequence[Any]
Errors = dict[int, str]
EMPTY = ("", None)
_HOUSEHOLD = re.compile(f"[!-~]{{1,{ID_WIDTH}}}")
_PHONE = re.compile(r"(?:\+?86)?1[3-9][0-9]{9}")
_BANK = re.compile(r"[0-9]{16,19}")
_STRIP = re.compile(r"[\s\-_./]")
# an ID number typed into a number cell: Excel keeps 15 significant digits, so the check
# digit is lost, but the region and the birth date are still there
_ID_AS_NUMBER = re.compile(
    r"[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{4}"
)


class Bad:
    """A refused value and why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


@dataclass
class Shapes:
    """What the values of one column look like: personal numbers or not."""

    nonempty: int
    id_rows: list[int]  # indexes of values holding a resident ID number
    phones: int
    banks: int
    rows: int = 0

    def personal_kind(self) -> str | None:
        """'id_number', 'phone' or 'bank' when most non-empty values are such numbers
        (and they are not a stray few in a mostly empty column: those rows are refused
        one by one instead)."""
        counts = {"id_number": len(self.id_rows), "phone": self.phones, "bank": self.banks}
        kind = max(counts, key=lambda k: counts[k])
        total = sum(counts.values())
        if 2 * total > self.nonempty and total >= max(2, self.rows // 20):
            return kind
        return None

    def describe(self) -> str:
        kind = self.personal_kind() or "id_number"
        count = {"id_number": len(self.id_rows), "phone": self.phones, "bank": self.banks}[kind]
        return (f"{count:,} of its {self.nonempty:,} values look like "
                f"{lh.PERSONAL_KINDS[kind]}")


_NUMBERS = {float, int, bool}


def is_long(v: Any) -> bool:
    """Long enough to be a phone, bank or ID number (11 characters or digits)."""
    kind = v.__class__
    if kind is str:
        return len(v) >= 11
    return (kind is float or kind is int) and abs(v) >= 1e10 and float(v).is_integer()


def shapes(values: Column) -> Shapes:
    """Resident ID numbers (:func:`schema.id_number_rows`: 17 digits and a valid check
    character, alone or inside text; or, in a number cell, 18 digits with a birth date
    where Excel's 15 significant digits lost the check digit), phone numbers (1[3-9] and
    nine digits) and bank card numbers (16-19 digits with a valid Luhn check) among the
    values of one column. Most columns hold no long text and no big number and are done
    in a pass or two."""
    coded = encode(values)
    if coded is not None:
        return shape_of(values, [v for v in coded[0] if len(v) >= 11])
    kinds = set(map(type, values))
    if kinds <= _NUMBERS:
        numbers, strings = values, ()
    else:
        numbers = [v for v in values if v.__class__ in _NUMBERS]
        strings = {v for v in values if v.__class__ is str}
    found = [v for v in strings if len(v) >= 11]
    if numbers and (max(numbers) >= 1e10 or min(numbers) <= -1e10):
        found += [v for v in set(numbers) if is_long(v)]
    return shape_of(values, found)


NO_SHAPES = Shapes(0, [], 0, 0)


def shape_of(values: Column, found: list[Any]) -> Shapes:
    """The :class:`Shapes` of a column, from those of its distinct values that are
    :func:`is_long`."""
    if not found:
        return NO_SHAPES
    texts = [_digits(v) if v.__class__ is not str else v if v.isascii()
             else unicodedata.normalize("NFKC", v) for v in found]
    raw = np.array([t.encode("utf-8", "replace") for t in texts])
    ids = {found[k] for k in id_number_rows(raw).tolist()}
    ids.update(v for v, t in zip(found, texts, strict=True)
               if v.__class__ is not str and _ID_AS_NUMBER.fullmatch(t))
    phones, banks = set(), set()
    for value, t in zip(found, texts, strict=True):
        if value in ids or len(t) > 40 or not (t[:1].isdigit() or t[:1] == "+"):
            continue
        compact = _STRIP.sub("", t)
        if _PHONE.fullmatch(compact):
            phones.add(value)
        elif _BANK.fullmatch(compact) and _luhn(compact):
            banks.add(value)
    if not ids and not phones and not banks:
        return NO_SHAPES
    tally = Counter(values)
    filled = len(values) - tally.get("", 0) - tally.get(None, 0)
    id_rows = [i for i, v in enumerate(values) if v in ids] if ids else []
    return Shapes(filled, id_rows, sum(tally[v] for v in phones),
                  sum(tally[v] for v in banks), len(values))


def _digits(number: float | int) -> str:
    """A whole number as Excel shows it: at most 15 significant digits."""
    if isinstance(number, float) and abs(number) >= 1e15:
        return str(int(Decimal(format(number, ".15g"))))
    return str(int(number))


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def household_ids(values: Column) -> tuple[np.ndarray, Errors, Shapes, np.ndarray]:
    """Household numbers as fixed-width ASCII (empty where refused), the refusals, the
    column's shapes (a number with a resident ID number in it is flagged, not refused
    here) and which cells are empty. Text cells are checked in bulk (pyarrow); the
    others, and text that does not fit, one by one (full-width digits are fine)."""
    n = len(values)
    ids = np.zeros(n, dtype=f"S{ID_WIDTH}")
    slow: Any = range(n)
    texts = _texts(values)
    if texts is not None:
        import pyarrow.compute as pc

        trimmed = pc.utf8_trim_whitespace(texts)
        good = pc.match_substring_regex(trimmed, f"^[!-~]{{1,{ID_WIDTH}}}$")
        good = good.to_numpy(zero_copy_only=False)
        ids[good] = _fixed_width(trimmed)[good]
        slow = np.flatnonzero(~good).tolist()
    errors: Errors = {}
    empty = np.zeros(n, dtype=bool)
    for i in slow:
        v = values[i]
        t = v.strip() if v.__class__ is str and v.isascii() else _household_text(v)
        if t.__class__ is Bad:
            errors[i] = t.reason
        elif not t:
            errors[i] = "empty; expected the household number (户编号)"
            empty[i] = True
        elif not _fits(t):
            errors[i] = (f"expected 1 to {ID_WIDTH} letters, digits and signs such as - / . "
                         "without spaces")
        else:
            ids[i] = t.encode("ascii")
    flagged = id_number_rows(ids).tolist()
    head = [t.decode("ascii") for t in ids[:2000].tolist()]
    shape = shape_of(head, [t for t in head if t[:1].isdigit() and 11 <= len(t) <= 19])
    if shape.phones + shape.banks:
        every = [t.decode("ascii") for t in ids.tolist()]
        shape = shape_of(every, [t for t in set(every) if t[:1].isdigit()
                                 and 11 <= len(t) <= 19])
    return ids, errors, Shapes(n - len(errors), flagged, shape.phones, shape.banks, n), empty


def encode(values: Column) -> tuple[list[str], np.ndarray] | None:
    """(distinct texts, the index of each cell's text) when every cell is text, in one
    pass (pyarrow); None when some cell is a number or a date."""
    array = _texts(values)
    if array is None:
        return None
    coded = array.dictionary_encode()
    return coded.dictionary.to_pylist(), coded.indices.to_numpy(zero_copy_only=False)


def _texts(values: Column) -> Any:
    """The column as a pyarrow string array when every cell is text, else None."""
    import pyarrow as pa

    try:
        array = pa.array(values, type=pa.string())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return None if array.null_count else array


def _fixed_width(texts: Any) -> np.ndarray:
    """A pyarrow string array as fixed-width bytes (cut at ID_WIDTH)."""
    n = len(texts)
    buffers = texts.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int32)[texts.offset: texts.offset + n + 1]
    data = (np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None
            else np.zeros(1, dtype=np.uint8))
    lengths = np.minimum(np.diff(offsets), ID_WIDTH)
    place = np.arange(ID_WIDTH)
    mask = place < lengths[:, None]
    out = np.zeros((n, ID_WIDTH), dtype=np.uint8)
    out[mask] = data[(offsets[:-1, None] + place)[mask]]
    return out.view(f"S{ID_WIDTH}").ravel()


def _fits(t: str) -> bool:
    return 0 < len(t) <= ID_WIDTH and _HOUSEHOLD.fullmatch(t) is not None


def _household_text(v: Any) -> Any:
    if v.__class__ is float:
        if not v.is_integer():
            return Bad("a fraction; expected the household number")
        if abs(v) >= 1e15:
            return Bad("a number of 16 or more digits, which Excel does not keep exactly; "
                        "expected the household number stored as text")
        return str(int(v))
    if v.__class__ is str:
        return unicodedata.normalize("NFKC", v).strip()
    if v.__class__ is int:
        return str(v)
    if v in EMPTY:
        return ""
    return Bad("a date or true/false; expected the household number")


def personal_household_numbers(ids: np.ndarray, villages: np.ndarray | None) -> Errors:
    """Rows whose household number is a person's phone number (1[3-9] and nine digits,
    with or without +86), bank card number (16-19 digits starting 62, UnionPay, with a
    valid Luhn check) or resident ID number written with separators (valid check digit
    and birth date once - . / and spaces are taken out): such a row is refused. A
    number that starts with its own row's 12-digit village code is the ledger's own
    (village code and sequence number) and is kept whatever it looks like."""
    long_rows = np.flatnonzero(np.char.str_len(ids) >= 11) if len(ids) else []
    found: Errors = {}
    compact_ids = []
    rows = []
    for i in long_rows.tolist() if len(long_rows) else []:
        text = ids[i].decode("ascii")
        compact = _STRIP.sub("", text)
        if villages is not None and villages[i] > 0 and compact.startswith(f"{villages[i]:012d}"):
            continue
        if _PHONE.fullmatch(compact):
            found[i] = "a phone number, not a household number; the row was not imported"
        elif _BANK.fullmatch(compact) and compact.startswith("62") and _luhn(compact):
            found[i] = "a bank card number, not a household number; the row was not imported"
        elif compact != text and len(compact) <= ID_WIDTH:
            compact_ids.append(compact.encode("ascii"))
            rows.append(i)
    if rows:
        hits = id_number_rows(np.array(compact_ids, dtype=f"S{ID_WIDTH}"))
        for k in hits.tolist():
            found[rows[k]] = ("what looks like a resident ID number; the row was not imported")
    return found
