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
    """A past-tense notification: ``kind`` record ``id`` was added/changed/removed.
    ``record`` is the version now stored (the removed one for "removed");
    ``previous`` the version it replaced (for "changed")."""

    action: Action
    kind: str = ""
    id: str = ""
    record: Record | None = None
    previous: Record | None = None


# fields through which one record names another
_LINK_FIELDS = ("place", "program", "indicator", "source", "parent", "part_of")
_LIST_LINK_FIELDS = ("places", "programs")


_OBS_KEYS = ("place", "program", "indicator")


def mentions(record: Record, record_id: str) -> bool:
    """True when ``record`` links to a record with id ``record_id``."""
    for name in _LINK_FIELDS:
        if getattr(record, name, None) == record_id:
            return True
    for name in _LIST_LINK_FIELDS:
        if record_id in getattr(record, name, ()):
            return True
    location = getattr(record, "location", None)
    return location is not None and location.source == record_id


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
        # list positions by id, built when first needed after an insert or removal
        self._positions: dict[str, dict[str, int] | None] = dict.fromkeys(COLLECTIONS)
        self._reindex_places()
        self._obs_index: dict[str, dict[str, list[Observation]]] | None = None

    def _reindex_places(self) -> None:
        self._children: dict[str | None, list[Place]] = defaultdict(list)
        for place in self.data.places:
            self._children[place.parent].append(place)

    def _reindex_links(self, kind: str) -> None:
        """After a record of ``kind`` came or went: the place tree, or the figure index."""
        if kind == "places":
            self._reindex_places()
        elif kind == "observations":
            self._obs_index = None  # built again when next asked

    def _position(self, kind: str, record_id: str) -> int:
        positions = self._positions[kind]
        if positions is None:
            positions = {r.id: i for i, r in enumerate(getattr(self.data, kind))}
            self._positions[kind] = positions
        if record_id not in positions:
            raise KeyError(f"{kind}: no record {record_id!r}")
        return positions[record_id]

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
        """Figures of a place, program and/or indicator, in file order."""
        keyed = [
            (f, v)
            for f, v in (("place", place), ("program", program), ("indicator", indicator))
            if v is not None
        ]
        if not keyed:
            return list(self.data.observations)
        field, value = keyed[0]
        found = list(self._observation_index()[field].get(value, ()))
        return [o for o in found if all(getattr(o, f) == v for f, v in keyed[1:])]

    def _observation_index(self) -> dict[str, dict[str, list[Observation]]]:
        if self._obs_index is None:
            index: dict[str, dict[str, list[Observation]]] = {
                f: defaultdict(list) for f in _OBS_KEYS
            }
            for o in self.data.observations:
                for f in _OBS_KEYS:
                    value = getattr(o, f)
                    if value is not None:
                        index[f][value].append(o)
            self._obs_index = index
        return self._obs_index

    def _update_observation_index(self, old: Observation, new: Observation) -> None:
        """Keep the figure index after a figure was put in place of another."""
        if self._obs_index is None:
            return
        if any(getattr(old, f) != getattr(new, f) for f in _OBS_KEYS):
            self._obs_index = None  # it moved between groups: build again when asked
            return
        for f in _OBS_KEYS:
            value = getattr(new, f)
            if value is not None:
                group = self._obs_index[f][value]
                group[next(i for i, o in enumerate(group) if o is old)] = new

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
        at = len(items) if index is None else index
        items.insert(at, record)
        self._by_id[kind][record.id] = record
        positions = self._positions[kind]
        if positions is not None and at == len(items) - 1:
            positions[record.id] = at
        else:
            self._positions[kind] = None
        self._reindex_links(kind)
        self._notify(Change("added", kind, record.id, record))

    def replace(self, kind: str, record: Record) -> Record:
        """Put ``record`` in place of the one with the same id; return the old one."""
        items = getattr(self.data, kind)
        i = self._position(kind, record.id)
        old = items[i]
        items[i] = record
        self._by_id[kind][record.id] = record
        if kind == "places":
            self._reindex_places()
        elif kind == "observations":
            self._update_observation_index(old, record)
        self._notify(Change("changed", kind, record.id, record, old))
        return old

    def remove(self, kind: str, record_id: str) -> tuple[int, Record]:
        """Remove a record; return its index and the record so an undo can put it back."""
        items = getattr(self.data, kind)
        i = self._position(kind, record_id)
        old = items.pop(i)
        del self._by_id[kind][record_id]
        if i == len(items) and self._positions[kind] is not None:
            del self._positions[kind][record_id]  # the last one: the others keep their place
        else:
            self._positions[kind] = None
        self._reindex_links(kind)
        self._notify(Change("removed", kind, record_id, old))
        return i, old

    def reset(self, data: DatasetFile) -> DatasetFile:
        """Replace all records at once (restoring a snapshot); return the old data."""
        old, self.data = self.data, data
        self._reindex()
        self._notify(Change("reset"))
        return old

    def copy(self) -> Dataset:
        return Dataset(msgspec.convert(msgspec.to_builtins(self.data), DatasetFile))
