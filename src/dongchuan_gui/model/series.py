"""Series for timelines: one indicator for one place and/or program, ordered in time."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dataset import Dataset
from .periods import PeriodError, parse_period
from .records import Observation


@dataclass
class Series:
    indicator: str
    place: str | None
    program: str | None
    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    points: list[Observation] = field(default_factory=list)
    undated: list[Observation] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.x)


def extract_series(
    dataset: Dataset, indicator: str, *, place: str | None = None, program: str | None = None
) -> Series:
    """Dated values in time order (x = period midpoint in fractional years).
    Undated values are kept apart: a timeline cannot place them, and inventing a
    year for them would be dishonest."""
    out = Series(indicator, place, program)
    dated: list[tuple[float, Observation]] = []
    for obs in dataset.observations_for(place=place, program=program, indicator=indicator):
        if place is None and program is None:
            continue
        try:
            x = parse_period(obs.period).midpoint if obs.period else None
        except PeriodError:
            x = None
        if x is None:
            out.undated.append(obs)
        else:
            dated.append((x, obs))
    dated.sort(key=lambda pair: pair[0])
    out.x = [x for x, _ in dated]
    out.y = [float(o.value) for _, o in dated]
    out.points = [o for _, o in dated]
    return out
