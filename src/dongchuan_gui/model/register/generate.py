"""A synthetic register for demos, tests and benchmarks (no Qt).

Every household and every figure is invented; only the 165 village and community codes
(and their 9 towns) are real, read from the bundled dataset. The file says so
(``synthetic``), and household numbers start with ``SYN-``. The same ``n`` and ``seed``
give the same register, and the same file bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...resources import seed_path
from .rules import default_rules
from .schema import (
    ATTRIBUTE,
    DISCOVERY,
    FLAG_MET,
    FLAG_NOT_MET,
    FLAG_UNKNOWN,
    ID_WIDTH,
    MEASURE,
    MONITORING_TYPE,
    NEEDS,
    POVERTY_CAUSE,
    RELOCATION,
    RISK_STATUS,
    columns_for,
    year_column,
)
from .store import Register, RegisterMeta

YEARS = (2021, 2022, 2023, 2024, 2025)
GENERATOR_VERSION = 1
VILLAGE_LEVELS = ("village", "community")
TOWN_LEVELS = ("subdistrict", "town", "township")


@dataclass(frozen=True)
class Place:
    code: int
    level: str
    name_zh: str
    name_en: str
    parent: int


@lru_cache(maxsize=1)
def _seed_place_records() -> tuple[dict, ...]:
    with open(seed_path(), "rb") as handle:
        return tuple(json.load(handle).get("places", []))


def seed_places() -> tuple[Place, ...]:
    """Places of the bundled dataset that have a 12-digit code."""
    out = []
    for place in _seed_place_records():
        code = place.get("code") or ""
        if len(code) == 12 and code.isdigit():
            parent = place.get("parent") or "0"
            out.append(Place(int(code), place.get("level", ""), place.get("name_zh", ""),
                             place.get("name_en", ""), int(parent) if parent.isdigit() else 0))
    return tuple(out)


def seed_sites() -> tuple[str, ...]:
    """Ids of the bundled dataset's resettlement sites."""
    return tuple(
        p["id"] for p in _seed_place_records() if p.get("level") == "resettlement_site"
    )


def village_codes() -> np.ndarray:
    """The real village and community codes, sorted."""
    return np.array(sorted(p.code for p in seed_places() if p.level in VILLAGE_LEVELS))


def _ids(codes: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """``SYN-<12-digit village code>-<6-digit number>`` as fixed-width bytes."""
    n = len(codes)
    out = np.zeros((n, ID_WIDTH), dtype=np.uint8)
    out[:, :4] = np.frombuffer(b"SYN-", dtype=np.uint8)
    for pos in range(12):
        out[:, 4 + pos] = 48 + codes // 10 ** (11 - pos) % 10
    out[:, 16] = ord("-")
    for pos in range(6):
        out[:, 17 + pos] = 48 + seq // 10 ** (5 - pos) % 10
    return out.view(f"S{ID_WIDTH}").ravel()


def _days(year: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    start = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    return start + rng.integers(0, 365, len(year)).astype("timedelta64[D]")


def generate(n: int, seed: int = 0, years: tuple[int, ...] = YEARS) -> Register:
    """``n`` invented households over the real villages, reproducible from ``seed``."""
    if n < 0:
        raise ValueError("the number of households must not be negative")
    rng = np.random.default_rng(seed)
    places = sorted((p for p in seed_places() if p.level in VILLAGE_LEVELS), key=lambda p: p.code)
    codes = np.array([p.code for p in places], dtype=np.int64)
    is_community = np.array([p.level == "community" for p in places])
    weight = rng.lognormal(0.0, 0.6, len(codes)) * np.where(is_community, 0.4, 1.0)
    counts = rng.multinomial(n, weight / weight.sum())
    if counts.max(initial=0) >= 10**6:
        raise ValueError("too many households for one village (at most 999,999)")
    village = np.repeat(codes, counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    seq = np.arange(n) - starts + 1

    size = rng.choice(np.arange(1, 9), n, p=[0.1, 0.17, 0.22, 0.23, 0.15, 0.08, 0.03, 0.02])
    labour = rng.binomial(size, np.where(size >= 3, 0.6, 0.35))
    no_labour = labour == 0
    attribute = np.full(n, ATTRIBUTE.value_of("ordinary"))
    draw = rng.random(n)
    attribute[draw < np.where(no_labour, 0.45, 0.15)] = ATTRIBUTE.value_of("dibao")
    attribute[no_labour & (draw < 0.3)] = ATTRIBUTE.value_of("destitute")

    registered = rng.random(n) < 0.85
    reg_year = np.where(
        registered, rng.choice(np.arange(2014, 2020), n, p=[.55, .1, .12, .1, .08, .05]), 0
    )
    exit_year = np.where(registered, np.clip(reg_year + rng.integers(1, 6, n), 2016, 2020), 0)
    causes = np.arange(1, POVERTY_CAUSE.max_value + 1)
    cause_p = np.array([20, 9, 6, 3, 1, 4, 3, 18, 15, 10, 5, 4, 2], dtype=float)
    cause_main = np.where(registered, rng.choice(causes, n, p=cause_p / cause_p.sum()), 0)
    cause_other = np.zeros(n, dtype=np.int64)
    for cause in causes:
        cause_other |= np.where(registered & (rng.random(n) < 0.06), 1 << cause, 0)
    cause_other &= ~(1 << cause_main)

    relocated = registered & (rng.random(n) < 0.14)
    urban = rng.random(n) < 0.85
    reloc_kind = np.where(
        relocated, np.where(urban, RELOCATION.value_of("urban"), RELOCATION.value_of("rural")), 0
    )
    sites = ("", *seed_sites())
    reloc_site = np.where(relocated & urban & (len(sites) > 1), 1, 0)
    reloc_year = np.where(relocated, np.maximum(rng.integers(2016, 2021, n), reg_year), 0)

    columns: dict[str, np.ndarray] = {
        "household_id": _ids(village, seq),
        "village": village,
        "size": size,
        "labour": labour,
        "no_labour": no_labour,
        "attribute": attribute,
        "cause_main": cause_main,
        "cause_other": cause_other,
        "registered_year": reg_year,
        "exit_year": exit_year,
        "reloc_kind": reloc_kind,
        "reloc_site": reloc_site,
        "reloc_year": reloc_year,
    }

    # per-capita income: a household level that grows with noise, and rare shocks
    level = rng.lognormal(np.log(14000), 0.25, n)
    level *= np.where(attribute == ATTRIBUTE.value_of("dibao"), 0.8, 1.0)
    level *= np.where(attribute == ATTRIBUTE.value_of("destitute"), 0.7, 1.0)
    level *= np.where(no_labour, 0.75, 1.0) * np.where(relocated, 1.1, 1.0)
    transfer_share = np.select(
        [attribute == ATTRIBUTE.value_of("destitute"), attribute == ATTRIBUTE.value_of("dibao")],
        [0.6, 0.35], 0.12,
    ) + np.where(no_labour, 0.2, 0.0)
    transfer_share = np.minimum(transfer_share, 0.85)
    wage_share = np.where(no_labour, 0.3, np.where(relocated, 0.85, 0.72))
    lines = default_rules()
    risk_any = np.zeros(n, dtype=bool)
    first_risk = np.zeros(n, dtype=np.int64)
    sudden = np.zeros(n, dtype=bool)
    risk_by_year = []
    for i, year in enumerate(years):
        if i:
            level *= 1 + rng.normal(0.07, 0.05, n)
        shock = rng.random(n) < 0.02
        income = np.maximum(level * np.where(shock, 0.55, 1.0), 300)
        transfer = np.rint(income * transfer_share * 100)
        rest = income * 100 - transfer
        wage = np.rint(rest * wage_share)
        prop = np.rint(rest * 0.02)
        production = np.rint(rest) - wage - prop
        total = wage + production + prop + transfer
        absent = rng.random(n) < 0.004
        for name, fen in (("income", total), ("wage", wage), ("production", production),
                          ("property", prop), ("transfer", transfer)):
            columns[year_column(name, year)] = np.where(absent, np.nan, fen / 100)
        rigid_on = rng.random(n) < 0.06
        rigid = np.where(rigid_on, np.rint(rng.lognormal(np.log(12000), 0.8, n)), 0.0)
        columns[year_column("rigid", year)] = rigid
        unmet = np.zeros(n, dtype=bool)
        for key, _, _ in NEEDS:
            u = rng.random(n)
            flag = np.where(u < 0.002, FLAG_NOT_MET, np.where(u < 0.005, FLAG_UNKNOWN, FLAG_MET))
            columns[year_column(key, year)] = flag
            unmet |= flag == FLAG_NOT_MET
        employed = rng.binomial(labour, 0.8)
        columns[year_column("employed", year)] = np.where(
            rng.random(n) < 0.01, -1, employed
        )
        entry = lines.line(year, "53")
        line = entry.value if entry is not None else np.inf
        hard = rigid > 0.5 * total / 100 * size
        risk = (~absent & (total / 100 < line)) | unmet | hard
        first_risk = np.where(risk & ~risk_any, year, first_risk)
        risk_any |= risk
        sudden |= hard & ~(total / 100 < line)
        risk_by_year.append(risk)

    # "stably" without risk: the last two years
    last_ok = ~np.logical_or.reduce(risk_by_year[-2:])

    identified = (risk_any & (rng.random(n) < 0.9)) | (rng.random(n) < 0.01)
    first_risk = np.where(first_risk == 0, rng.choice(years, n), first_risk)
    mon_type = np.where(registered, MONITORING_TYPE.value_of("unstable"),
                        MONITORING_TYPE.value_of("marginal"))
    mon_type = np.where(sudden & (rng.random(n) < 0.7), MONITORING_TYPE.value_of("sudden"),
                        mon_type)
    columns["mon_type"] = np.where(identified, mon_type, 0)
    route = rng.choice(np.arange(1, DISCOVERY.max_value + 1), n, p=[0.25, 0.5, 0.2, 0.05])
    columns["discovery"] = np.where(identified, route, 0)
    found = _days(first_risk, rng)
    columns["identified"] = np.where(identified, found, np.datetime64("NaT"))
    status = np.where(identified, RISK_STATUS.value_of("monitoring"), 0)
    draw = rng.random(n)
    clear = identified & last_ok & (draw < 0.75) & (~no_labour | (draw < 0.02))
    status = np.where(clear, RISK_STATUS.value_of("eliminated"), status)
    status = np.where(identified & (draw > 0.98), RISK_STATUS.value_of("natural"), status)
    columns["risk_status"] = status
    last = np.full(n, years[-1])
    columns["status_date"] = np.where(
        status >= RISK_STATUS.value_of("eliminated"),
        np.maximum(_days(last, rng), found),
        np.datetime64("NaT"),
    )

    # measures: 1-3 distinct codes per identified household, the first chosen by need
    k = np.where(identified, rng.integers(1, 4, n), 0)
    kinds = MEASURE.max_value  # codes 1..10
    primary = rng.integers(1, kinds + 1, n)
    primary = np.where(no_labour, MEASURE.value_of("social_security"), primary)
    primary = np.where(relocated, MEASURE.value_of("relocation"), primary)
    step = rng.choice([1, 2, 3, 4, 6, 7, 8, 9], n)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(k, out=offsets[1:])
    owner = np.repeat(np.arange(n), k)
    j = np.arange(offsets[-1]) - offsets[:-1][owner]
    values = ((primary[owner] - 1 + j * step[owner]) % kinds + 1).astype(np.int8)

    meta = RegisterMeta(
        years=tuple(years),
        title="Synthetic register: invented households (合成数据，户与数字均为虚构)",
        synthetic=True,
        note=f"Invented by dongchuan register generate (seed {seed}); "
        "only the village codes are real.",
        sites=sites,
        generator={"tool": "dongchuan register generate", "version": GENERATOR_VERSION,
                   "households": n, "seed": seed},
    )
    typed = {c.name: np.ascontiguousarray(columns[c.name], dtype=c.dtype)
             for c in columns_for(tuple(years))}
    return Register(typed, meta, offsets, values)
