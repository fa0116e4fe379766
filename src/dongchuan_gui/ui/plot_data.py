"""Turn dataset queries into what the timeline widget draws (series, events, lines)."""

from __future__ import annotations

from ..model.dataset import Dataset
from ..model.numbers import format_quantity
from ..model.periods import PeriodError, parse_period
from ..model.records import Event, Observation
from ..model.series import extract_series
from .colors import color_for
from .language import tr, ui_lang
from .widgets.timeline_plot import PlotMarks, PlotSeries


def format_value(value: float, unit: str = "") -> str:
    """A value with its unit in the interface's language (``model.numbers``): in
    Chinese, sums of money in 万元/亿元 and units in Chinese."""
    return format_quantity(value, unit, ui_lang())


def status_text(status: str) -> str:
    return {
        "reported": tr("reported"),
        "estimate": tr("estimate"),
        "target": tr("target"),
        "baseline": tr("baseline"),
        "derived": tr("derived"),
    }.get(status, status)


def observation_tip(dataset: Dataset, obs: Observation) -> str:
    ind = dataset.indicator(obs.indicator)
    unit = ind.unit if ind else ""
    src = dataset.source(obs.source) if obs.source else None
    parts = [
        f"{obs.period or tr('undated')}: {format_value(obs.value, unit)}",
        status_text(obs.status),
        (tr("source: {0}").format(src.title) + (f", {obs.locator}" if obs.locator else ""))
        if src
        else tr("no source"),
    ]
    if obs.doubt:
        parts.append(tr("doubtful"))
    if obs.derived:
        parts.append(tr("derived"))
    return " · ".join(parts)


def scope_label(dataset: Dataset, place: str | None, program: str | None) -> str:
    names = []
    if place and (p := dataset.place(place)):
        names.append(p.name_zh)
    if program and (g := dataset.program(program)):
        names.append(g.name_zh)
    return " / ".join(names)


def plot_series(
    dataset: Dataset,
    indicator: str,
    *,
    place: str | None = None,
    program: str | None = None,
    taken: set[str] | None = None,
    with_scope: bool = False,
) -> PlotSeries:
    ind = dataset.indicator(indicator)
    series = extract_series(dataset, indicator, place=place, program=program)
    name = f"{ind.name_zh} {ind.name_en}" if ind else indicator
    if with_scope:
        name = f"{name} — {scope_label(dataset, place, program)}"
    key = f"{indicator}|{place or ''}|{program or ''}"
    return PlotSeries(
        key=key,
        indicator=indicator,
        label=name,
        unit=ind.unit if ind else "",
        x=series.x,
        y=series.y,
        statuses=[o.status for o in series.points],
        doubts=[o.doubt for o in series.points],
        tips=[f"{name}: {observation_tip(dataset, o)}" for o in series.points],
        color=color_for(indicator, taken),
    )


def event_marks(events: list[Event]) -> list[tuple[float, str, str]]:
    out = []
    for e in events:
        try:
            x = parse_period(e.date).midpoint
        except PeriodError:
            continue
        short = e.title_zh or e.title_en
        if len(short) > 14:
            short = short[:13] + "…"
        out.append(
            (x, short, f"{e.date}: {e.title_en}" + (f"\n{e.title_zh}" if e.title_zh else ""))
        )
    return out


def marks_for(dataset: Dataset, events: list[Event], *, with_lines: bool = True) -> PlotMarks:
    marks = PlotMarks(
        events=event_marks(events),
        target_band=dataset.data.meta.quality_settings().on_track_band,
    )
    if with_lines:
        for r in dataset.data.reference_lines:
            label = f"{r.name_zh or r.name_en} {format_value(r.value, r.unit)}"
            if r.period:
                label += f" ({r.period})"
            if not r.verified:
                label += " " + tr("(unverified)")
            scope = f"indicator:{r.indicator}" if r.indicator else f"unit:{r.unit}"
            if r.kind == "exit_threshold":
                marks.bands.append((0.0, float(r.value), label, scope))
            else:
                marks.lines.append((float(r.value), label, scope))
    return marks


def scope_series(
    dataset: Dataset, *, place: str | None = None, program: str | None = None
) -> list[PlotSeries]:
    """One series per indicator with dated figures for a place or a program."""
    taken: set[str] = set()
    out = []
    observations = dataset.observations_for(place=place, program=program)
    for indicator in dict.fromkeys(o.indicator for o in observations):
        s = plot_series(dataset, indicator, place=place, program=program, taken=taken)
        if s.x:
            taken.add(s.color)
            out.append(s)
    return out
