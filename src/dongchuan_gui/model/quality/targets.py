"""Targets and progress against them (the TolaData rule): a figure with status
``target`` is compared with the actual for its period; within ±band % of the target
is on track, short of it behind, past it ahead ("short" and "past" follow the
indicator's direction). ``baseline`` figures are the starting point.

The actual for a target period: for a cumulative indicator (running totals) the
latest actual dated up to the end of the target's period; for any other indicator the
actual of the same period, or the sum of the actuals dated within it after the
baseline when the indicator adds up (counts, or ``aggregation: "sum"``). Nothing is
interpolated: a target without an actual says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from ..dataset import Dataset
from ..numbers import format_number, format_quantity
from ..periods import Period, PeriodError, parse_period
from ..records import Indicator, Observation

Light = Literal["on_track", "behind", "ahead", "no_actual", "no_rule"]
ACTUAL_STATUSES = ("reported", "estimate")
_SPAN = {"year": 1.0, "quarter": 0.25, "month": 1 / 12, "day": 1 / 365}
_ORDER = {"year": 0, "quarter": 1, "month": 2, "day": 3}


@dataclass(frozen=True, slots=True)
class Progress:
    indicator: str
    place: str | None
    program: str | None
    period: str | None
    target: Observation
    baseline: Observation | None
    actuals: tuple[Observation, ...]  # the figures the actual is made of
    actual: float | None
    achieved: float | None  # percent of the way to the target
    light: Light
    code: str  # the rule applied, for messages.render-like texts (see TEXTS)
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def text(self, lang: str = "en") -> str:
        pair = TEXTS[self.code]
        return pair[1 if lang.lower().startswith("zh") else 0].format(**self.params)


TEXTS: dict[str, tuple[str, str]] = {
    "no_actual": (
        "No actual reported for {period}; nothing to compare with the target.",
        "{period} 没有实际数值，无法与目标比较。",
    ),
    "undated": (
        "The target has no period, so no actual can be matched to it.",
        "目标没有注明时期，无法对应实际数值。",
    ),
    "zero_target": (
        "The target is 0 and no baseline differs from it: a ±{band} % band around 0 is"
        " empty, so only an actual of exactly 0 can be judged (met).",
        "目标为 0 且没有不同于目标的基线：±{band}% 的范围为空，"
        "只有实际值恰为 0 时才能判断（达标）。",
    ),
    "met": (
        "{actual_text}: the target {target} is met exactly.",
        "实际 {actual_text_zh}，恰好达到目标 {target}。",
    ),
    "band": (
        "{actual_text} is {deviation} % {side} the target {target} ({rule}; within ±{band} %"
        " is on track).",
        "实际 {actual_text_zh}，比目标 {target} {side_zh} {deviation}%（{rule_zh}；"
        "±{band}% 以内为正常）。",
    ),
}


def _end(p: Period) -> float:
    return p.start + _SPAN[p.precision]


def _parse(text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except PeriodError:
        return None


def _fmt(value: float) -> str:
    return format_number(value)


def _actual(
    ind: Indicator, target: Observation, baseline: Observation | None, pool: list[Observation]
) -> tuple[float | None, tuple[Observation, ...], str]:
    tp = _parse(target.period)
    if tp is None:
        return None, (), "undated"
    dated = [(p, o) for o in pool if (p := _parse(o.period)) is not None]
    after = _parse(baseline.period).start if baseline and _parse(baseline.period) else None
    if ind.cumulative:
        upto = [(p, o) for p, o in dated if _end(p) <= _end(tp) + 1e-9]
        if not upto:
            return None, (), "no_actual"
        p, o = max(upto, key=lambda pair: (_end(pair[0]), pair[0].start))
        return float(o.value), (o,), "cumulative"
    same = [o for p, o in dated if o.period == target.period]
    if same:
        return float(same[-1].value), (same[-1],), "same_period"
    inside = [
        (p, o)
        for p, o in dated
        if p.start >= tp.start - 1e-9
        and _end(p) <= _end(tp) + 1e-9
        and (after is None or p.start > after)
    ]
    # a quarter and its own months overlap: only the coarsest precision is added up
    coarsest = min((_ORDER[p.precision] for p, _ in inside), default=0)
    within = [o for p, o in inside if _ORDER[p.precision] == coarsest]
    if not within or (len(within) > 1 and not ind.adds_up()):
        return None, (), "no_actual"  # shares or rates of parts do not add up to a whole
    return sum(float(o.value) for o in within), tuple(within), "sum"


_RULES = {
    "cumulative": ("latest value by the end of the period", "累计指标取期末最新值"),
    "same_period": ("actual of the same period", "同期实际值"),
    "sum": ("sum of the actuals within the period", "期内实际值之和"),
}


def judge(
    ind: Indicator,
    target: Observation,
    baseline: Observation | None,
    pool: list[Observation],
    band: float,
) -> Progress:
    """Progress of one target; ``pool`` holds the same series' actual figures."""
    actual, used, how = _actual(ind, target, baseline, pool)
    key = dict(
        indicator=target.indicator,
        place=target.place,
        program=target.program,
        period=target.period,
        target=target,
        baseline=baseline,
        actuals=used,
        actual=actual,
    )
    if actual is None:
        code = "undated" if how == "undated" else "no_actual"
        return Progress(
            **key, achieved=None, light="no_actual", code=code, params={"period": target.period}
        )
    goal = float(target.value)
    base = float(baseline.value) if baseline is not None else None
    if goal != 0:
        scale = abs(goal)
    elif base is not None and base != goal:
        scale = abs(base - goal)
    elif actual == goal:
        params = {
            "actual_text": format_quantity(actual, ind.unit, "en"),
            "actual_text_zh": format_quantity(actual, ind.unit, "zh"),
            "target": _fmt(goal),
        }
        return Progress(**key, achieved=100.0, light="on_track", code="met", params=params)
    else:
        return Progress(
            **key, achieved=None, light="no_rule", code="zero_target", params={"band": _fmt(band)}
        )
    deviation = (actual - goal) / scale * 100
    down = ind.direction == "decrease"
    if abs(deviation) <= band + 1e-9:
        light: Light = "on_track"
    elif (deviation < 0) != down:
        light = "behind"
    else:
        light = "ahead"
    if base is not None and base != goal:
        achieved = (actual - base) / (goal - base) * 100
    elif goal != 0 and not down:
        achieved = actual / goal * 100
    else:
        achieved = None
    rule, rule_zh = _RULES[how]
    params = {
        "actual_text": format_quantity(actual, ind.unit, "en"),
        "actual_text_zh": format_quantity(actual, ind.unit, "zh"),
        "deviation": _fmt(round(abs(deviation), 1)),
        "side": "below" if deviation < 0 else "above",
        "side_zh": "低" if deviation < 0 else "高",
        "target": _fmt(goal),
        "rule": rule,
        "rule_zh": rule_zh,
        "band": _fmt(band),
    }
    return Progress(**key, achieved=achieved, light=light, code="band", params=params)


def progress(
    dataset: Dataset, *, place: str | None = None, program: str | None = None
) -> list[Progress]:
    """Progress of every target (of a place and/or program when given), by indicator
    and period."""
    band = dataset.data.meta.quality_settings().on_track_band
    series: dict[tuple, list[Observation]] = defaultdict(list)
    for obs in dataset.data.observations:
        if place is not None and obs.place != place:
            continue
        if program is not None and obs.program != program:
            continue
        series[(obs.indicator, obs.place, obs.program)].append(obs)
    out = []
    for (indicator, _, _), items in series.items():
        targets = [o for o in items if o.status == "target"]
        ind = dataset.indicator(indicator)
        if not targets or ind is None:
            continue
        baselines = sorted(
            (o for o in items if o.status == "baseline"),
            key=lambda o: _parse(o.period).start if _parse(o.period) else -1e9,
        )
        pool = [o for o in items if o.status in ACTUAL_STATUSES]
        for target in targets:
            tp = _parse(target.period)
            before = [
                b for b in baselines if tp is None or (_parse(b.period) or tp).start <= tp.start
            ]
            baseline = before[-1] if before else None
            out.append(judge(ind, target, baseline, pool, band))
    out.sort(key=lambda p: (p.indicator, p.place or "", p.program or "", p.period or ""))
    return out
