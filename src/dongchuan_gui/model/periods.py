"""Periods: the one syntax used for every date-like value in a dataset.

Accepted forms (ISO 8601 where ISO has one):

- ``2019``        a calendar year
- ``2019Q2``      a quarter
- ``2019-03``     a month
- ``2019-03-05``  a day (events and dated facts)
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "quarter", "month", "day"]

# ASCII digits only ("\d" takes any script's digits) and "\Z" ("$" allows a final "\n")
_PATTERN = re.compile(
    r"^(?P<y>[0-9]{4})(?:(?:Q(?P<q>[1-4]))|(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?))?\Z"
)
PERIOD_SYNTAX = "YYYY, YYYYQn, YYYY-MM or YYYY-MM-DD"
MIN_YEAR = 1000
MAX_YEAR = 2999


class PeriodError(ValueError):
    """A text that is not a period."""


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    precision: Precision
    quarter: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def start(self) -> float:
        """The period's start as a fractional year (for plotting)."""
        if self.precision == "year":
            return float(self.year)
        if self.precision == "quarter":
            return self.year + (self.quarter - 1) / 4
        month_start = self.year + (self.month - 1) / 12
        if self.precision == "month":
            return month_start
        days = calendar.monthrange(self.year, self.month)[1]
        return month_start + (self.day - 1) / days / 12

    @property
    def midpoint(self) -> float:
        """The period's centre as a fractional year; years plot at their own number."""
        if self.precision == "year":
            return float(self.year)
        span = {"quarter": 0.25, "month": 1 / 12}.get(self.precision, 0.0)
        return self.start + span / 2


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Period:
    return _parse(text)


def parse_period(text: str) -> Period:
    """Parse ``text`` or raise :class:`PeriodError` saying what was expected."""
    if isinstance(text, str):
        return _parse_cached(text)
    return _parse(text)


def _parse(text: str) -> Period:
    if not isinstance(text, str):
        raise PeriodError(f"expected a period ({PERIOD_SYNTAX}), got {type(text).__name__}")
    match = _PATTERN.match(text)
    if match is None:
        raise PeriodError(f"{text!r} is not a period; expected {PERIOD_SYNTAX}")
    year = int(match["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"year {year} is out of range {MIN_YEAR}-{MAX_YEAR}")
    if match["q"]:
        return Period(year, "quarter", quarter=int(match["q"]))
    if match["m"] is None:
        return Period(year, "year")
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise PeriodError(f"{text!r}: month {month} is not 01-12")
    if match["d"] is None:
        return Period(year, "month", month=month)
    day = int(match["d"])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise PeriodError(f"{text!r}: day {day} is not in 01-{last:02d}")
    return Period(year, "day", month=month, day=day)


def is_period(text: str) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True
