"""The presorted income key: ``group << 40 | income in fen`` per household, sorted,
so counts below a line per group are one ``np.searchsorted`` (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

_SHIFT = 40  # bits of the fen part of a presorted key
_MISSING = (1 << _SHIFT) - 1  # a missing income sorts last in its group
_FEN_SPAN = _MISSING - 1


@dataclass(frozen=True)
class IncomeKey:
    """Incomes of one year sorted within groups (villages, towns...), as int64 keys."""

    keys: np.ndarray  # sorted: group << 40 | (fen - lo); a missing income is 2**40 - 1
    offsets: np.ndarray  # int64, groups + 1: where each group's keys start
    known: np.ndarray  # int64 per group: incomes present
    lo: int  # fen subtracted from every income
    starts: np.ndarray  # int64 per group: group << 40, the smallest key of the group

    def thresholds(self, line: float | np.ndarray) -> np.ndarray:
        """Per group, the search key of 'income < line' (line per group or one value)."""
        if np.ndim(line) == 0:
            part = min(max(_fen_threshold_one(float(line)) - self.lo, 0), _MISSING)
            return self.starts | np.int64(part)
        fen = _fen_threshold(np.asarray(line, dtype=np.float64))
        return self.starts | np.clip(fen - self.lo, 0, _MISSING).astype(np.int64)

    def count_below(self, line: float | np.ndarray) -> np.ndarray:
        """Households of each group whose income is below ``line`` (missing never is)."""
        return np.searchsorted(self.keys, self.thresholds(line)) - self.offsets[:-1]

    def medians(self) -> np.ndarray:
        """Median income of each group in yuan (NaN where no income is known)."""
        n = self.known
        start = self.offsets[:-1]
        has = n > 0
        lo_at = np.where(has, start + (n - 1) // 2, 0)
        hi_at = np.where(has, start + n // 2, 0)
        mask = np.int64(_MISSING)
        if len(self.keys) == 0:
            return np.full(len(n), np.nan)
        a = ((self.keys[lo_at] & mask) + self.lo) / 100
        b = ((self.keys[hi_at] & mask) + self.lo) / 100
        return np.where(has, (a + b) / 2, np.nan)


def _fen_threshold_one(line: float) -> int:
    """The smallest whole fen ``c`` with ``c / 100 >= line``: income < line iff fen < c."""
    if not math.isfinite(line):  # nothing is below NaN or -inf, everything below +inf
        return 1 << 62 if line > 0 else -(1 << 62)
    c = math.ceil(line * 100)
    if (c - 1) / 100 >= line:
        c -= 1
    elif c / 100 < line:
        c += 1
    return c


def _fen_threshold(line: np.ndarray) -> np.ndarray:
    """``_fen_threshold_one`` for an array of lines."""
    line = np.where(np.isnan(line), -np.inf, line)
    line = np.clip(line, -1e15, 1e15)
    c = np.ceil(line * 100)
    c = np.where((c - 1) / 100 >= line, c - 1, c)
    c = np.where(c / 100 < line, c + 1, c)
    return c.astype(np.int64)


def _build_key(income: np.ndarray, gidx: np.ndarray, groups: int, year: int) -> IncomeKey:
    fen = np.rint(income * 100)
    missing = np.isnan(fen)
    n_missing = int(np.count_nonzero(missing))
    lo = 0
    if n_missing < len(fen):
        lo, hi = int(np.nanmin(fen)), int(np.nanmax(fen))
        if hi - lo > _FEN_SPAN:
            raise ValueError(f"{year} incomes span more than {_FEN_SPAN / 100:.0f} yuan")
    fen -= lo
    fen[missing] = _MISSING
    keys = fen.astype(np.int64)
    keys |= gidx.astype(np.int64) << _SHIFT
    keys.sort()
    counts = np.bincount(gidx, minlength=groups).astype(np.int64)
    offsets = np.zeros(groups + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    if n_missing:
        counts -= np.bincount(gidx[missing], minlength=groups)
    starts = np.arange(groups, dtype=np.int64) << _SHIFT
    return IncomeKey(keys, offsets, counts, lo, starts)
