"""Finding records by what people type: an id, a code, or a name in either language."""

from __future__ import annotations

from .dataset import Dataset

TOWN_LEVELS = ("town", "township", "subdistrict")


def _keys(kind: str, record) -> set[str]:
    keys = {record.id}
    if kind == "places":
        keys |= {record.code or "", record.name_zh, record.name_en, record.pinyin}
        if record.code and record.level in TOWN_LEVELS and record.code.endswith("000"):
            # town codes are often written with 9 digits; a village's first 9 digits are
            # its town's, so only towns answer to them
            keys.add(record.code[:9])
    elif kind == "sources":
        keys.add(record.title)
    else:
        keys |= {record.name_zh, record.name_en}
    return keys


class NameIndex:
    """Case-blind index of one kind of record. ``find`` answers with the one
    matching id, or a ValueError saying that nothing or several records match."""

    def __init__(self, dataset: Dataset, kind: str) -> None:
        self.what = {
            "places": "place",
            "programs": "program",
            "sources": "source",
            "indicators": "indicator",
        }.get(kind, kind)
        self._table: dict[str, list[str]] = {}
        for record in getattr(dataset.data, kind):
            for key in _keys(kind, record):
                if key:
                    ids = self._table.setdefault(key.strip().lower(), [])
                    if record.id not in ids:
                        ids.append(record.id)

    def find(self, text: str) -> str:
        ids = self._table.get(text.strip().lower(), [])
        if not ids:
            raise ValueError(f"unknown {self.what} {text!r}")
        if len(ids) > 1:
            raise ValueError(f"{len(ids)} {self.what}s are called {text!r}; use the code or id")
        return ids[0]
