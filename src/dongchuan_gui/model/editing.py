"""Rules for edits, without Qt: checking a proposed record, planning a removal,
and new ids. The Qt layer turns the results into undo commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec

from .checks import bounds, check_dataset
from .dataset import Dataset
from .lookup import NameIndex
from .problems import Problem
from .records import COLLECTIONS, DatasetFile, Observation, Record

# reference fields and the collection they point into
REFERENCES: dict[str, str] = {
    "parent": "places",
    "place": "places",
    "program": "programs",
    "source": "sources",
    "indicator": "indicators",
    "part_of": "indicators",
}
LIST_REFERENCES: dict[str, str] = {"places": "places", "programs": "programs"}


def resolve_ids(dataset: Dataset, kind: str, texts: list[str]) -> list[str]:
    """Ids for what a user typed in a list of links (ids, codes or names); raises
    ValueError naming what matched nothing or more than one record."""
    index = NameIndex(dataset, kind)
    return [index.find(text) for text in texts]


def with_field(record: Record, name: str, value: Any) -> Record:
    """``record`` with one field changed, type-checked like a file would be."""
    values = msgspec.to_builtins(record)
    if value is None or value == "" or value == []:
        values.pop(name, None)
    else:
        values[name] = value
    return msgspec.convert(values, type(record))


# collections that grow with the data; the others (sources, places, programs,
# indicators) are small and checked whole, since their rules reach across records
_NUMEROUS = (
    "observations",
    "events",
    "stories",
    "reference_lines",
    "quality_marks",
    "cooperation_projects",
)


def check_candidate(dataset: Dataset, kind: str, record: Record) -> list[Problem]:
    """Errors the dataset would have with ``record`` added or put in place of the
    record with its id. The dataset was valid, so every error is the edit's: the
    check covers the small collections whole and, of the numerous ones, only the
    candidate and (for an indicator) the figures its range applies to."""
    items = list(getattr(dataset.data, kind)) if kind not in _NUMEROUS else [record]
    if kind not in _NUMEROUS:
        for i, old in enumerate(items):
            if old.id == record.id:
                items[i] = record
                break
        else:
            items.append(record)
    parts: dict[str, list] = {name: [] for name in _NUMEROUS}
    if kind == "indicators":
        parts["observations"] = dataset.observations_for(indicator=record.id)
    parts[kind] = items
    candidate = msgspec.structs.replace(dataset.data, **parts)
    return [p for p in check_dataset(candidate, "edit") if p.severity == "error"]


def value_problem(dataset: Dataset, obs: Observation) -> str:
    """Why a figure's value is out of its indicator's range, or ""."""
    ind = dataset.indicator(obs.indicator)
    if ind is None:
        return f"unknown indicator {obs.indicator!r}"
    lo, hi = bounds(ind.unit, ind.minimum, ind.maximum)
    if lo is not None and obs.value < lo:
        return f"{obs.value:g} {ind.unit} is below the minimum {lo:g} of {ind.id!r}"
    if hi is not None and obs.value > hi:
        return f"{obs.value:g} {ind.unit} is above the maximum {hi:g} of {ind.id!r}"
    return ""


def new_id(dataset: Dataset, kind: str, stem: str, also_taken: set[str] = frozenset()) -> str:
    """``stem-N`` for an N no record of ``kind`` (nor ``also_taken``) has: the lowest
    when the taken numbers run 1, 2, 3 ...; found in O(log N) index look-ups (doubling,
    then halving), so that importing thousands of figures with one stem stays fast."""

    def free(n: int) -> bool:
        rid = f"{stem}-{n}"
        return rid not in also_taken and dataset.get(kind, rid) is None

    if free(1):
        return f"{stem}-1"
    low, high = 1, 2  # low is taken
    while not free(high):
        low, high = high, high * 2
    while high - low > 1:  # low taken, high free
        mid = (low + high) // 2
        if free(mid):
            high = mid
        else:
            low = mid
    return f"{stem}-{high}"


@dataclass
class RemovalPlan:
    """Everything one removal touches, or why it is refused."""

    removes: list[tuple[str, str]] = field(default_factory=list)  # (kind, id), target last
    edits: list[tuple[str, Record]] = field(default_factory=list)  # (kind, new version)
    refused: str = ""


def _without(record: Record, name: str, value: str) -> Record:
    current = getattr(record, name)
    if isinstance(current, list):
        return msgspec.structs.replace(record, **{name: [v for v in current if v != value]})
    return msgspec.structs.replace(record, **{name: None})


def plan_removal(dataset: Dataset, kind: str, record_id: str) -> RemovalPlan:
    """Remove a record and whatever cannot stand without it, in one step:
    a place's or program's figures go with it, and links to it are dropped."""
    plan = RemovalPlan()
    data: DatasetFile = dataset.data
    if dataset.get(kind, record_id) is None:
        plan.refused = f"there is no {kind} {record_id!r}"
        return plan
    if kind == "places":
        children = dataset.children(record_id)
        if children:
            plan.refused = f"it contains {len(children)} places; remove or move them first"
            return plan
    if kind == "sources":
        cited = list(dataset.citing(record_id))
        if cited:
            plan.refused = f"{len(cited)} records cite it; change their source first"
            return plan
    # figures cannot stand without their place or indicator; a program's figures
    # that also name a place stay with the place, without the program link
    for o in data.observations:
        if (
            (kind == "places" and o.place == record_id)
            or (kind == "indicators" and o.indicator == record_id)
            or (kind == "programs" and o.program == record_id and o.place is None)
        ):
            plan.removes.append(("observations", o.id))
        elif kind == "programs" and o.program == record_id:
            plan.edits.append(("observations", _without(o, "program", record_id)))
    handled = {rid for _, rid in plan.removes} | {r.id for k, r in plan.edits}
    for other_kind, cls in COLLECTIONS.items():
        for rec in getattr(data, other_kind):
            if other_kind == kind and rec.id == record_id:
                continue
            if other_kind == "observations" and rec.id in handled:
                continue
            new = rec
            for fname, target in REFERENCES.items():
                fields = cls.__struct_fields__
                if target == kind and fname in fields and getattr(new, fname) == record_id:
                    new = _without(new, fname, record_id)
            for fname, target in LIST_REFERENCES.items():
                fields = cls.__struct_fields__
                if target == kind and fname in fields and record_id in getattr(new, fname):
                    new = _without(new, fname, record_id)
            if new is not rec:
                plan.edits.append((other_kind, new))
    plan.removes.append((kind, record_id))
    return plan
