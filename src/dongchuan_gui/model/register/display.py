"""Text for the monitoring views, shared by the table, the card and the boards (no Qt).

Labels come from the schema's code tables in Chinese and English; the UI picks the
language and translates only its own chrome. Money is yuan with thousands separators
and two decimals (ledgers record the fen); flags are ✓ met, ✗ not met, – not recorded.
Chinese labels sort in Unicode order, which for Han characters is radical-stroke order
(the Kangxi dictionary's), not pinyin: the same on every machine, no locale needed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .schema import FLAG_MET, FLAG_NOT_MET, CodeTable

# code -> (zh, en) for villages and towns; place id -> (zh, en) for resettlement sites
PlaceNames = Mapping[int, tuple[str, str]]
SiteNames = Mapping[str, tuple[str, str]]

MISSING = "–"
FLAG_TEXT = {FLAG_MET: "✓", FLAG_NOT_MET: "✗"}
SEPARATOR = {"zh": "、", "en": ", "}
NO_SITE = ("安置点未记录", "site not recorded")


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Chinese or the English of a (zh, en) pair."""
    return pair[0] if lang == "zh" else pair[1]


def yuan(value: float) -> str:
    """``12,345.60``; a missing amount is ``–``."""
    if value != value:  # NaN
        return MISSING
    return f"{value:,.2f}"


def whole(value: int, missing_below: int | None = None) -> str:
    """A count; values below ``missing_below`` (e.g. -1: not recorded) show as ``–``."""
    if missing_below is not None and value < missing_below:
        return MISSING
    return f"{value:,d}"


def year_text(value: int) -> str:
    """A year column where 0 means none."""
    return str(value) if value > 0 else ""


def flag(value: int) -> str:
    return FLAG_TEXT.get(int(value), MISSING)


def day(value: np.datetime64) -> str:
    """ISO date, or "" for NaT."""
    return "" if np.isnat(value) else str(value.astype("datetime64[D]"))


def percent(value: float, digits: int = 1) -> str:
    return MISSING if value != value else f"{value:.{digits}f}%"


def code_label(table: CodeTable, value: int, lang: str) -> str:
    return table.label(int(value), lang)


def code_labels(table: CodeTable, lang: str) -> list[str]:
    """Labels indexed by code value (codes are dense from 0)."""
    out = [""] * (table.max_value + 1)
    for code in table.codes:
        out[code.value] = code.zh if lang == "zh" else code.en
    return out


def label_rank(labels: list[str]) -> np.ndarray:
    """Rank of each label (by index) in sorted label order, equal labels equal (int64):
    sorting by ``rank[code]`` sorts by label, and stably among equal labels."""
    position = {label: i for i, label in enumerate(sorted(set(labels)))}
    return np.array([position[label] for label in labels], dtype=np.int64)


def bits_labels(table: CodeTable, bits: int, lang: str) -> str:
    """Labels of the codes whose bit is set (``cause_other``), joined."""
    names = [c.zh if lang == "zh" else c.en for c in table.codes if bits >> c.value & 1]
    return SEPARATOR[lang].join(names)


def joined(table: CodeTable, values: Iterable[int], lang: str) -> str:
    return SEPARATOR[lang].join(code_label(table, v, lang) for v in values)


def place_name(names: PlaceNames, code: int, lang: str) -> str:
    """A place's name, or its 12-digit code when the names do not have it."""
    pair = names.get(int(code))
    return pick(pair, lang) if pair else f"{int(code):012d}"


def town_of(village: int) -> int:
    return int(village) // 1000 * 1000


def province_of(village: int) -> str:
    return f"{int(village) // 10**10:02d}"


def names_from_places(places: Iterable[Any]) -> tuple[dict[int, tuple[str, str]], SiteNames]:
    """(names by 12-digit code, names by place id) from a dataset's places (records or
    dicts with ``id``, ``code``, ``name_zh``, ``name_en``)."""
    by_code: dict[int, tuple[str, str]] = {}
    by_id: dict[str, tuple[str, str]] = {}
    for place in places:
        get = place.get if isinstance(place, Mapping) else lambda k, p=place: getattr(p, k, None)
        pair = (get("name_zh") or "", get("name_en") or get("name_zh") or "")
        code = get("code") or ""
        if isinstance(code, str) and len(code) == 12 and code.isdigit():
            by_code[int(code)] = pair
        if get("id"):
            by_id[str(get("id"))] = pair
    return by_code, by_id


def bundled_names() -> tuple[dict[int, tuple[str, str]], SiteNames]:
    """Names of the bundled dataset's places (the real Dongchuan villages, towns and the
    Yinmin resettlement community); empty when the seed cannot be read."""
    from .generate import _seed_place_records

    try:
        return names_from_places(_seed_place_records())
    except (OSError, ValueError):
        return {}, {}


def site_name(names: SiteNames, site_id: str, lang: str) -> str:
    if not site_id:
        return pick(NO_SITE, lang)
    pair = names.get(site_id)
    return pick(pair, lang) if pair else site_id


def number_or_none(value: float) -> float | None:
    return None if value != value or math.isinf(value) else float(value)
