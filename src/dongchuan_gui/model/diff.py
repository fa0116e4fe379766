"""Differences between two datasets, record by record (snapshot info ignored)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec

from .records import COLLECTIONS, DatasetFile

IGNORED_META = frozenset({"created", "modified"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RecordDiff:
    kind: str
    id: str
    action: Literal["added", "removed", "changed"]
    fields: tuple[FieldChange, ...] = field(default_factory=tuple)

    def to_builtins(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id, "action": self.action}
        if self.fields:
            out["fields"] = [{"field": f.field, "old": f.old, "new": f.new} for f in self.fields]
        return out


def _fields(record: msgspec.Struct) -> dict[str, Any]:
    return {f: msgspec.to_builtins(getattr(record, f)) for f in record.__struct_fields__}


def _compare(
    a: msgspec.Struct, b: msgspec.Struct, ignore: frozenset[str] = frozenset()
) -> tuple[FieldChange, ...]:
    fa, fb = _fields(a), _fields(b)
    return tuple(
        FieldChange(name, fa.get(name), fb.get(name))
        for name in fa
        if name not in ignore and fa.get(name) != fb.get(name)
    )


def diff(a: DatasetFile, b: DatasetFile) -> list[RecordDiff]:
    """What changed from ``a`` to ``b``: per kind, removed, changed and added records
    (by id), in ``a``'s order then ``b``'s; metadata changes as kind ``meta``."""
    out: list[RecordDiff] = []
    meta = _compare(a.meta, b.meta, IGNORED_META)
    if meta:
        out.append(RecordDiff("meta", "meta", "changed", meta))
    for kind in COLLECTIONS:
        old = {r.id: r for r in getattr(a, kind)}
        new = {r.id: r for r in getattr(b, kind)}
        for rid, rec in old.items():
            if rid not in new:
                out.append(RecordDiff(kind, rid, "removed"))
            elif rec != new[rid]:
                out.append(RecordDiff(kind, rid, "changed", _compare(rec, new[rid])))
        out.extend(RecordDiff(kind, rid, "added") for rid in new if rid not in old)
    return out
