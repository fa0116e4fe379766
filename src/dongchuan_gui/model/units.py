"""Units of indicators: the range their values may take, and numbers typed with a unit.

An indicator's unit says what values make sense: shares are 0-100, counts of people
or households, areas and sums of money are never negative. An indicator's own
``minimum``/``maximum`` override these defaults. A unit we cannot classify (metres of
elevation, degrees) leaves the value unbounded.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

# spellings of one unit, mapped to one name
SYNONYMS = {
    "%": "%",
    "％": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "百分比": "%",
    "‰": "‰",
    "per mille": "‰",
    "permille": "‰",
    "people": "people",
    "persons": "people",
    "person": "people",
    "人": "people",
    "人口": "people",
    "households": "households",
    "household": "households",
    "户": "households",
    "ha": "ha",
    "hectare": "ha",
    "hectares": "ha",
    "公顷": "ha",
    "mu": "mu",
    "亩": "mu",
    "km²": "km²",
    "km2": "km²",
    "sq km": "km²",
    "square kilometres": "km²",
    "平方公里": "km²",
    "平方千米": "km²",
    "m²": "m²",
    "m2": "m²",
    "平方米": "m²",
    "yuan": "yuan",
    "rmb": "yuan",
    "cny": "yuan",
    "元": "yuan",
    "10k yuan": "万元",
    "10,000 yuan": "万元",
    "ten thousand yuan": "万元",
    "万元": "万元",
    "million yuan": "million yuan",
    "百万元": "million yuan",
    "100 million yuan": "亿元",
    "亿元": "亿元",
    "billion yuan": "billion yuan",
    "tonnes": "t",
    "tons": "t",
    "t": "t",
    "吨": "t",
    "kg": "kg",
    "公斤": "kg",
    "千克": "kg",
    "斤": "jin",
}
SHARES = {"%": (0.0, 100.0), "‰": (0.0, 1000.0)}
# units of things that are counted, measured or paid: never negative
NON_NEGATIVE = {
    "people",
    "households",
    "ha",
    "mu",
    "km²",
    "m²",
    "yuan",
    "万元",
    "million yuan",
    "亿元",
    "billion yuan",
    "t",
    "kg",
    "jin",
    # counts named by what is counted
    "jobs",
    "posts",
    "projects",
    "units",
    "villages",
    "towns",
    "enterprises",
    "companies",
    "cooperatives",
    "schools",
    "students",
    "teachers",
    "doctors",
    "beds",
    "houses",
    "homes",
    "workers",
    "labourers",
    "laborers",
    "trainees",
    "person-times",
    "times",
    "items",
    "个",
    "项",
    "家",
    "所",
    "名",
    "位",
    "套",
    "间",
    "人次",
    "个村",
}
# units of things counted one by one: their values are whole numbers
COUNTS = {
    "people",
    "households",
    *(
        name
        for name in NON_NEGATIVE
        if name not in {"ha", "mu", "km²", "m²", "t", "kg", "jin"}
        and "yuan" not in name
        and not name.endswith("元")
    ),
}
SCALES_EN = ("thousand ", "10k ", "million ", "billion ", "hundred million ")
SCALES_ZH = ("万", "亿", "千", "百万", "十万")
# ASCII digits only; commas are checked apart (thousands separators only)
_NUMBER = re.compile(r"^([+-]?(?:[0-9,]+(?:\.[0-9,]*)?|\.[0-9,]+)(?:[eE][+-]?[0-9]+)?)(.*)\Z", re.S)
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\Z")
_SEPARATORS = str.maketrans("", "", "  \u3000_")
COUNT_NOT_WHOLE = "a count must be a whole number"
_INT64 = 2**63


def is_count(unit: str) -> bool:
    """Whether values in ``unit`` count things one by one (people, households, jobs)."""
    return canonical(unit) in COUNTS


def check_count(value: int | float, unit: str) -> int | float:
    """``value`` as a whole number when ``unit`` counts things; ValueError if it is not
    whole."""
    if isinstance(value, float) and is_count(unit) and math.isfinite(value):
        if not value.is_integer():
            raise ValueError(COUNT_NOT_WHOLE)
        if abs(value) < _INT64:
            return int(value)
    return value


def canonical(unit: str) -> str:
    """One name for the spellings of a unit: '％', 'percent' and '%' are '%'."""
    text = " ".join(unit.strip().lower().split())
    return SYNONYMS.get(text, text)


@lru_cache(maxsize=1024)
def default_range(unit: str) -> tuple[float | None, float | None]:
    """The values a unit allows when its indicator says nothing."""
    name = canonical(unit)
    if name in SHARES:
        return SHARES[name]
    # "yuan per person per year", "people/km²": the range of what is counted
    head = re.split(r"\s+per\s+|/|每", name, maxsplit=1)[0].strip()
    return (0.0, None) if _non_negative(canonical(head)) else (None, None)


def _non_negative(name: str) -> bool:
    if name in NON_NEGATIVE:
        return True
    for scale in SCALES_EN:
        if name.startswith(scale) and canonical(name[len(scale) :]) in NON_NEGATIVE:
            return True
    for scale in SCALES_ZH:
        if name.startswith(scale) and len(name) > len(scale):
            rest = name[len(scale) :]
            if canonical(rest) in NON_NEGATIVE:
                return True
    return False


def is_unit(text: str) -> bool:
    name = canonical(text)
    return name in SHARES or name in SYNONYMS.values() or _non_negative(name)


def bounds(
    unit: str, minimum: float | None, maximum: float | None
) -> tuple[float | None, float | None]:
    """The allowed range of an indicator's values: its own bounds, else its unit's."""
    lo, hi = default_range(unit)
    return (lo if minimum is None else minimum, hi if maximum is None else maximum)


def parse_number(text: str, unit: str) -> int | float:
    """The number in ``text`` as typed in a sheet ('1,234', '12%', '5 万元'), for an
    indicator measured in ``unit``. A unit written after the number must be that
    unit; ValueError says why not."""
    raw = str(text).strip()
    # full-width digits and signs typed with a Chinese input method become ASCII
    compact = unicodedata.normalize("NFKC", raw).translate(_SEPARATORS)
    if not compact:
        raise ValueError("the value is empty")
    match = _NUMBER.match(compact)
    if match is None:
        raise ValueError(f"{raw!r} is text, not a number")
    digits, suffix = match.group(1), match.group(2).strip()
    if "," in digits:
        if _GROUPED.match(digits) is None:
            raise ValueError(
                f"{raw!r}: a comma may only separate thousands (decimal comma? write 1.5)"
            )
        digits = digits.replace(",", "")
    if suffix and canonical(suffix) != canonical(unit):
        if is_unit(suffix):
            raise ValueError(f"{raw!r} is in {suffix}, not in {unit}")
        raise ValueError(f"{raw!r} is text, not a number")
    number = float(digits)
    if not math.isfinite(number):
        raise ValueError(f"{raw!r} is not a finite number")
    if number.is_integer() and not any(c in digits for c in ".eE"):
        whole = int(digits) if len(digits) < 20 else int(number)
        if abs(whole) < _INT64:
            return whole
    return check_count(number, unit)
