"""The Dataset: records of one file with indexes, queries and notifying mutations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

import msgspec

from .periods import PeriodError, parse_period
from .records import (
    COLLECTIONS,
    DatasetFile,
    Event,
    Indicator,
    Observation,
    Place,
    Program,
    Record,
    Source,
    Story,
)

Action = Literal["added", "changed", "removed", "reset"]


@dataclass(frozen=True, slots=True)
class Change:
    """A past-tense notification: ``kind`` record ``id`` was added/changed/removed."""

    action: Action
    kind: str = ""
    id: str = ""


class Dataset:
    """Records of a file with id indexes. Views query it; edits go through
    :meth:`add`, :meth:`replace` and :meth:`remove`, which notify subscribers."""

    def __init__(self, data: DatasetFile) -> None:
        self.data = data
        self._listeners: list[Callable[[Change], None]] = []
        self._reindex()

    # ------------------------------------------------------------ indexes
    def _reindex(self) -> None:
        self._by_id: dict[str, dict[str, Record]] = {
            kind: {r.id: r for r in getattr(self.data, kind)} for kind in COLLECTIONS
        }
        self._children: dict[str | None, list[Place]] = defaultdict(list)
        for place in self.data.places:
            self._children[place.parent].append(place)

    def get(self, kind: str, record_id: str) -> Record | None:
        return self._by_id[kind].get(record_id)

    def place(self, record_id: str) -> Place | None:
        return self._by_id["places"].get(record_id)

    def program(self, record_id: str) -> Program | None:
        return self._by_id["programs"].get(record_id)

    def indicator(self, record_id: str) -> Indicator | None:
        return self._by_id["indicators"].get(record_id)

    def source(self, record_id: str) -> Source | None:
        return self._by_id["sources"].get(record_id)

    def roots(self) -> list[Place]:
        return list(self._children.get(None, []))

    def children(self, place_id: str) -> list[Place]:
        return list(self._children.get(place_id, []))

    def ancestors(self, place_id: str) -> list[Place]:
        """Parents of a place, nearest first."""
        out: list[Place] = []
        node = self.place(place_id)
        while node is not None and node.parent is not None and len(out) < 32:
            node = self.place(node.parent)
            if node is not None:
                out.append(node)
        return out

    # ------------------------------------------------------------ queries
    def observations_for(
        self,
        *,
        place: str | None = None,
        program: str | None = None,
        indicator: str | None = None,
    ) -> list[Observation]:
        return [
            o
            for o in self.data.observations
            if (place is None or o.place == place)
            and (program is None or o.program == program)
            and (indicator is None or o.indicator == indicator)
        ]

    def programs_at(self, place_id: str) -> list[Program]:
        return [g for g in self.data.programs if place_id in g.places]

    def events_for(self, *, place: str | None = None, program: str | None = None) -> list[Event]:
        return [
            e
            for e in self.data.events
            if (place is None or place in e.places) and (program is None or program in e.programs)
        ]

    def stories_for(self, *, place: str | None = None, program: str | None = None) -> list[Story]:
        return [
            s
            for s in self.data.stories
            if (place is None or place in s.places) and (program is None or program in s.programs)
        ]

    def citing(self, source_id: str) -> Iterator[tuple[str, Record]]:
        """Every record that names ``source_id`` (its own or its location's)."""
        for kind in COLLECTIONS:
            for rec in getattr(self.data, kind):
                loc = getattr(rec, "location", None)
                if getattr(rec, "source", None) == source_id or (
                    loc is not None and loc.source == source_id
                ):
                    yield kind, rec

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self.data, kind)) for kind in COLLECTIONS}

    def years_covered(self) -> tuple[int, int] | None:
        years = []
        for text in [o.period for o in self.data.observations] + [e.date for e in self.data.events]:
            if text:
                try:
                    years.append(parse_period(text).year)
                except PeriodError:
                    continue
        return (min(years), max(years)) if years else None

    def unsourced_observations(self) -> list[Observation]:
        return [o for o in self.data.observations if o.source is None]

    # ---------------------------------------------------------- mutations
    def subscribe(self, callback: Callable[[Change], None]) -> None:
        self._listeners.append(callback)

    def _notify(self, change: Change) -> None:
        for callback in list(self._listeners):
            callback(change)

    def add(self, kind: str, record: Record, index: int | None = None) -> None:
        if record.id in self._by_id[kind]:
            raise KeyError(f"{kind}: id {record.id!r} exists already")
        items = getattr(self.data, kind)
        items.insert(len(items) if index is None else index, record)
        self._reindex()
        self._notify(Change("added", kind, record.id))

    def replace(self, kind: str, record: Record) -> Record:
        """Put ``record`` in place of the one with the same id; return the old one."""
        items = getattr(self.data, kind)
        for i, old in enumerate(items):
            if old.id == record.id:
                items[i] = record
                self._reindex()
                self._notify(Change("changed", kind, record.id))
                return old
        raise KeyError(f"{kind}: no record {record.id!r}")

    def remove(self, kind: str, record_id: str) -> tuple[int, Record]:
        """Remove a record; return its index and the record so an undo can put it back."""
        items = getattr(self.data, kind)
        for i, old in enumerate(items):
            if old.id == record_id:
                del items[i]
                self._reindex()
                self._notify(Change("removed", kind, record_id))
                return i, old
        raise KeyError(f"{kind}: no record {record_id!r}")

    def reset(self, data: DatasetFile) -> DatasetFile:
        """Replace all records at once (restoring a snapshot); return the old data."""
        old, self.data = self.data, data
        self._reindex()
        self._notify(Change("reset"))
        return old

    def copy(self) -> Dataset:
        return Dataset(msgspec.convert(msgspec.to_builtins(self.data), DatasetFile))
