"""Small datasets built to trip (or not trip) one data-quality test at a time."""

from __future__ import annotations

import msgspec

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.records import DatasetFile

from ...conftest import make_doc


def dataset(**extra) -> Dataset:
    """make_doc() with extra collections/fields merged in (lists appended)."""
    doc = make_doc()
    for key, value in extra.items():
        if isinstance(value, list):
            doc.setdefault(key, [])
            doc[key] = [*doc[key], *value]
        elif isinstance(value, dict) and isinstance(doc.get(key), dict):
            doc[key] = {**doc[key], **value}
        else:
            doc[key] = value
    return Dataset(msgspec.convert(doc, DatasetFile))


def series(indicator: str, values: dict[str, float], place="d", program=None, prefix="x"):
    return [
        {
            "id": f"{prefix}-{period}",
            "indicator": indicator,
            "place": place,
            **({"program": program} if program else {}),
            "period": period,
            "value": value,
            "source": "s1",
        }
        for period, value in values.items()
    ]


def rule(rule_id="r1", left="#{posts}", op="<=", right="#{jobs}", **more) -> dict:
    return {"id": rule_id, "name_en": rule_id, "left": left, "operator": op, "right": right, **more}
