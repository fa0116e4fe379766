"""Honest keyframes for the animated bubble chart (no Qt).

A unit (town, village, program) has a keyframe at each year where both its x and its
y measure have an observed value in the panel. At a time ``t`` (a year with a
fraction, 2019.5 is half-way through 2019 → 2020) a unit is

- ``observed``: ``t`` is one of its keyframe years; drawn at that year's values;
- ``tweened``: ``t`` lies between two of its keyframes in CONSECUTIVE years
  (2019 → 2020); drawn on the straight segment between them;
- ``fading``: ``t`` lies in the year after a keyframe whose next year has no keyframe;
  drawn at that keyframe's values while it fades out; from the next year on, hidden;
- ``hidden``: before its first keyframe, inside a gap, after its last keyframe.

So a bubble is never drawn at zero nor at a place between non-consecutive years:
across a gap it disappears and comes back at the next keyframe (a jump). Size and
colour are tweened only when both ends have a value, else they keep the starting
keyframe's value (or have none). Every state carries the observed cells it was made
from, and the tooltip text is built from those cells only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .numbers import unit_label
from .panel import Cell, Panel

ROLES = ("x", "y", "size", "colour")
OBSERVED, TWEENED, FADING, HIDDEN = "observed", "tweened", "fading", "hidden"
KINDS = (HIDDEN, OBSERVED, TWEENED, FADING)  # codes 0..3 in ``FrameArrays.kind``


@dataclass(frozen=True)
class Roles:
    """Which panel measure is shown on which channel (size and colour optional)."""

    x: str
    y: str
    size: str | None = None
    colour: str | None = None

    def items(self) -> list[tuple[str, str]]:
        return [(r, m) for r in ROLES if (m := getattr(self, r))]


@dataclass(frozen=True, slots=True)
class SourceCell:
    """An observed cell behind a drawn value: its channel, measure and year."""

    role: str
    measure: str
    year: int
    cell: Cell


@dataclass(frozen=True, slots=True)
class BubbleState:
    unit: str
    kind: str = HIDDEN
    x: float | None = None
    y: float | None = None
    size: float | None = None
    colour: float | None = None
    alpha: float = 0.0
    year: int | None = None  # the keyframe the values start from
    to_year: int | None = None  # the keyframe a tween moves to
    cells: tuple[SourceCell, ...] = ()
    missing: tuple[tuple[str, str], ...] = ()  # (role, measure) without a value

    @property
    def drawn(self) -> bool:
        return self.kind != HIDDEN

    @property
    def doubt(self) -> bool:
        return any(c.cell.doubt for c in self.cells)

    @property
    def derived(self) -> bool:
        return any(c.cell.derived or c.cell.partial for c in self.cells)


@dataclass
class FrameArrays:
    """One frame for every unit at once (the widget's fast path)."""

    kind: np.ndarray  # int8 codes into KINDS
    x: np.ndarray
    y: np.ndarray
    size: np.ndarray  # NaN: no value
    colour: np.ndarray
    alpha: np.ndarray
    a: np.ndarray  # index into years of the starting keyframe (-1: none)
    b: np.ndarray  # index of the keyframe a tween moves to (-1: not tweening)
    doubt: np.ndarray
    derived: np.ndarray

    @property
    def drawn(self) -> np.ndarray:
        return self.kind != 0


def _as_roles(measures: Roles | Mapping[str, str | None] | Sequence[str | None]) -> Roles:
    if isinstance(measures, Roles):
        return measures
    if isinstance(measures, Mapping):
        return Roles(**{k: v for k, v in measures.items() if k in ROLES})
    return Roles(*measures)


class Track:
    """The keyframes of ``units`` for the measures in ``roles``, prepared once; ``at(t)``
    then costs a few numpy operations over the units."""

    def __init__(self, panel: Panel, units: Sequence[str], roles: Roles) -> None:
        self.panel, self.units, self.roles = panel, list(units), roles
        self.years = np.asarray(panel.years, dtype=np.int64)
        where = {p: i for i, p in enumerate(panel.places)}
        rows = np.array([where.get(u, -1) for u in self.units], dtype=np.int64)
        shape = (len(self.units), len(self.years))
        self.values: dict[str, np.ndarray] = {}
        self.doubt: dict[str, np.ndarray] = {}
        self.derived: dict[str, np.ndarray] = {}
        self.measure_index: dict[str, int] = {}
        for role in ROLES:
            values = np.full(shape, np.nan)
            doubt = np.zeros(shape, bool)
            derived = np.zeros(shape, bool)
            measure = getattr(roles, role)
            if measure is not None:
                m, _ = panel.index(measure)
                self.measure_index[role] = m
                have = rows >= 0
                values[have] = panel.values[m, rows[have]]
                doubt[have] = panel.doubt[m, rows[have]]
                derived[have] = panel.derived[m, rows[have]] | panel.partial[m, rows[have]]
            self.values[role], self.doubt[role], self.derived[role] = values, doubt, derived
        self.key = ~np.isnan(self.values["x"]) & ~np.isnan(self.values["y"])
        n = len(self.years)
        steps = np.arange(n)
        self.last = np.maximum.accumulate(np.where(self.key, steps, -1), axis=1)
        first_from = np.where(self.key, steps, n)
        if n:
            first_from = np.minimum.accumulate(first_from[:, ::-1], axis=1)[:, ::-1]
        nxt = np.full(shape, n, dtype=np.int64)
        nxt[:, :-1] = first_from[:, 1:]
        self.next = np.where(nxt >= n, -1, nxt)

    # ------------------------------------------------------------ summaries
    def data_years(self) -> list[int]:
        """Years in which at least one unit has a keyframe."""
        return [int(y) for y in self.years[self.key.any(axis=0)]]

    def span(self) -> tuple[int, int] | None:
        years = self.data_years()
        return (years[0], years[-1]) if years else None

    def extent(self, role: str) -> tuple[float, float] | None:
        """Smallest and largest value of a channel at the keyframes."""
        values = self.values[role][self.key]
        values = values[~np.isnan(values)]
        return (float(values.min()), float(values.max())) if len(values) else None

    # ---------------------------------------------------------------- frames
    def at(self, t: float) -> FrameArrays:
        units, n = self.key.shape
        i = int(np.searchsorted(self.years, t, side="right")) - 1
        if units == 0 or n == 0 or i < 0:
            a = np.full(units, -1, dtype=np.int64)
        else:
            a = self.last[:, i]
        ok = a >= 0
        rows = np.arange(units)
        a0 = np.where(ok, a, 0)
        ya = self.years[a0] if n else np.zeros(units, dtype=np.int64)
        b = np.where(ok, self.next[rows, a0], -1) if n else a
        b0 = np.where(b >= 0, b, 0)
        yb = self.years[b0] if n else ya
        dt = t - ya
        exact = ok & (dt == 0)
        consecutive = ok & (b >= 0) & (yb == ya + 1)
        tween = consecutive & (dt > 0)
        fading = ok & ~consecutive & (dt > 0) & (dt < 1)
        drawn = exact | tween | fading
        kind = np.zeros(units, dtype=np.int8)
        kind[exact], kind[tween], kind[fading] = 1, 2, 3
        f = np.where(tween, dt, 0.0)
        out: dict[str, np.ndarray] = {}
        doubt = np.zeros(units, bool)
        derived = np.zeros(units, bool)
        for role in ROLES:
            v = self.values[role]
            va = v[rows, a0] if n else np.full(units, np.nan)
            vb = v[rows, b0] if n else va
            both = tween & ~np.isnan(va) & ~np.isnan(vb)
            with np.errstate(invalid="ignore"):
                value = np.where(both, va + f * (vb - va), va)
            value[~drawn] = np.nan
            out[role] = value
            if n:
                used_a = drawn & ~np.isnan(va)
                doubt |= used_a & self.doubt[role][rows, a0] | both & self.doubt[role][rows, b0]
                derived |= used_a & self.derived[role][rows, a0]
                derived |= both & self.derived[role][rows, b0]
        alpha = np.where(fading, 1.0 - dt, np.where(drawn, 1.0, 0.0))
        return FrameArrays(
            kind,
            out["x"],
            out["y"],
            out["size"],
            out["colour"],
            alpha,
            np.where(drawn, a, -1),
            np.where(tween, b, -1),
            doubt,
            derived,
        )

    def state(self, frame: FrameArrays, u: int) -> BubbleState:
        """One unit of a frame, with the observed cells its values come from."""
        kind = KINDS[int(frame.kind[u])]
        if kind == HIDDEN:
            return BubbleState(self.units[u])
        a, b = int(frame.a[u]), int(frame.b[u])
        cells: list[SourceCell] = []
        missing: list[tuple[str, str]] = []
        for role, measure in self.roles.items():
            v = self.values[role][u]
            if np.isnan(v[a]):
                missing.append((role, measure))
                continue
            ends = [a] + ([b] if b >= 0 and not np.isnan(v[b]) else [])
            for j in ends:
                year = int(self.years[j])
                cell = self.panel.cell(measure, self.units[u], year)
                cells.append(SourceCell(role, measure, year, cell))

        def get(x: np.ndarray) -> float | None:
            return None if np.isnan(x[u]) else float(x[u])

        return BubbleState(
            self.units[u],
            kind,
            get(frame.x),
            get(frame.y),
            get(frame.size),
            get(frame.colour),
            float(frame.alpha[u]),
            int(self.years[a]),
            int(self.years[b]) if b >= 0 else None,
            tuple(cells),
            tuple(missing),
        )

    def states(self, t: float) -> list[BubbleState]:
        frame = self.at(t)
        return [self.state(frame, u) for u in range(len(self.units))]

    def trails(
        self, t: float, which: np.ndarray, frame: FrameArrays | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Previous positions of the units in the bool mask ``which`` up to ``t``:
        the keyframe points (k, 2), the segments between consecutive years and those
        across a gap (each (m, 2, 2)). A tween's last piece runs to where it is now
        (``frame``: the frame at ``t`` when the caller has it)."""
        past = self.key & (self.years[None, :] <= t) & which[:, None]
        us, js = np.nonzero(past)
        x, y = self.values["x"], self.values["y"]
        points = np.column_stack([x[us, js], y[us, js]]) if len(us) else np.zeros((0, 2))
        ks = self.next[us, js]
        ok = ks >= 0
        ok[ok] &= self.years[ks[ok]] <= t
        us, js, ks = us[ok], js[ok], ks[ok]
        seg = np.stack(
            [np.column_stack([x[us, js], y[us, js]]), np.column_stack([x[us, ks], y[us, ks]])],
            axis=1,
        ).reshape(-1, 2, 2)
        gap = self.years[ks] != self.years[js] + 1
        frame = frame if frame is not None else self.at(t)
        moving = (frame.kind == 2) & which
        m = np.flatnonzero(moving)
        a = frame.a[m]
        now = np.stack(
            [
                np.column_stack([x[m, a], y[m, a]]),
                np.column_stack([frame.x[m], frame.y[m]]),
            ],
            axis=1,
        ).reshape(-1, 2, 2)
        return points, np.concatenate([seg[~gap], now]), seg[gap]


def frame(
    panel: Panel,
    units: Sequence[str],
    measures: Roles | Mapping[str, str | None] | Sequence[str | None],
    t: float,
) -> list[BubbleState]:
    """The state of every unit at time ``t`` (see the module's rule)."""
    return Track(panel, units, _as_roles(measures)).states(t)


# -------------------------------------------------------------------- tooltips
WORDS_EN = {
    "x": "x",
    "y": "y",
    "size": "size",
    "colour": "colour",
    "tween": "moving from {0} to {1} (consecutive years)",
    "fading": "no value in {0}",
    "no_value": "no value",
    "derived": "Derived: {0}",
    "partial": "partial",
    "doubt": "doubtful",
    "source": "Source: {0}",
}


def format_value(value: float) -> str:
    """A value as the tooltip writes it: thousands separated, at most two decimals
    (up to four significant digits below 1)."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.4g}"


def measure_label(panel: Panel, measure: str, lang: str = "en") -> str:
    m = panel.measures[panel.index(measure)[0]]
    name = (m.name_zh or m.name_en) if lang == "zh" else (m.name_en or m.name_zh)
    return name or measure


def tooltip(
    state: BubbleState,
    panel: Panel,
    name: str,
    lang: str = "en",
    words: Mapping[str, str] | None = None,
) -> str:
    """What hovering a bubble says: observed values only, each with its year,
    whether it is derived (and how) or doubtful, and its source."""
    w = {**WORDS_EN, **(words or {})}
    if not state.drawn:
        return name
    lines = [name]
    if state.kind == TWEENED:
        lines.append(w["tween"].format(state.year, state.to_year))
    elif state.kind == FADING and state.year is not None:
        lines.append(w["fading"].format(state.year + 1))
    notes: list[str] = []
    sources: list[str] = []
    shown: dict[str, tuple[str, list[str]]] = {}  # role -> (measure, texts)
    for c in state.cells:
        unit = unit_label(panel.measures[panel.index(c.measure)[0]].unit, lang)
        marks = [w[k] for k in ("doubt", "partial") if getattr(c.cell, k)]
        note = c.cell.derived_zh if lang == "zh" and c.cell.derived_zh else c.cell.derived
        if note and note not in notes:
            notes.append(note)
        if c.cell.source and c.cell.source not in sources:
            sources.append(c.cell.source)
        value = math.nan if c.cell.value is None else c.cell.value
        text = f"{format_value(value)} {unit}".rstrip() + f" ({c.year})"
        text += f" [{', '.join(marks)}]" if marks else ""
        shown.setdefault(c.role, (c.measure, []))[1].append(text)
    for role, measure in state.missing:
        shown[role] = (measure, [f"{w['no_value']} ({state.year})"])
    for role in ROLES:
        if role in shown:
            measure, texts = shown[role]
            label = measure_label(panel, measure, lang)
            lines.append(f"{w[role]} · {label}: " + "; ".join(texts))
    lines += [w["derived"].format(n) for n in notes]
    lines += [w["source"].format(s) for s in sources]
    return "\n".join(lines)
