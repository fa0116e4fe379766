"""Results against targets as rich text: for the program and place panes
(``results_html``) and for the Data Quality tab's review of every target
(``all_results_html``).

Each row: the indicator, its baseline and target with their periods, the actual with
the period(s) it is made of, the share of the way from baseline to target, a light
(● in colour and its word: never colour alone) and the reason the model gives
(``Progress.text``). Lights: on track green, behind red, ahead amber (past the target
by more than the band: worth a look, the target may be stale), grey when there is no
actual or no rule applies.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ...model.dataset import Dataset
from ...model.quality.targets import Progress, progress
from ...model.records import Observation
from ..language import tr
from ..monitoring.place_lights import AMBER, GREEN, LIGHT_COLORS, NO_LIGHT_COLOR, RED
from ..plot_data import format_value
from .detail_browser import link

LIGHTS = ("on_track", "behind", "ahead", "no_actual", "no_rule")
COLORS = {
    "on_track": LIGHT_COLORS[GREEN],
    "behind": LIGHT_COLORS[RED],
    "ahead": LIGHT_COLORS[AMBER],
    "no_actual": NO_LIGHT_COLOR,
    "no_rule": NO_LIGHT_COLOR,
}


def light_word(light: str) -> str:
    return {
        "on_track": tr("on track"),
        "behind": tr("behind"),
        "ahead": tr("ahead"),
        "no_actual": tr("no actual"),
        "no_rule": tr("cannot judge"),
    }.get(light, light)


def light_html(light: str) -> str:
    """The coloured dot and the word."""
    color = COLORS.get(light, NO_LIGHT_COLOR)
    return (
        f"<span style='color:{color}; font-size:large'>●</span>&nbsp;"
        f"<b>{escape(light_word(light))}</b>"
    )


def _name(rec, lang: str) -> str:
    if rec is None:
        return ""
    first, second = (rec.name_zh, rec.name_en) if lang == "zh" else (rec.name_en, rec.name_zh)
    return first or second or rec.id


def _figure(obs: Observation | None, unit: str) -> str:
    if obs is None:
        return "—"
    period = f" <span class='muted'>({escape(obs.period)})</span>" if obs.period else ""
    return escape(format_value(obs.value, unit)) + period


def _actual(p: Progress, unit: str) -> str:
    if p.actual is None:
        return "—"
    periods = [o.period for o in p.actuals if o.period]
    if len(periods) > 2:
        when = tr("{0} figures, {1}–{2}").format(len(periods), periods[0], periods[-1])
    else:
        when = ", ".join(periods)
    text = escape(format_value(p.actual, unit))
    return text + (f" <span class='muted'>({escape(when)})</span>" if when else "")


def _achieved(p: Progress) -> str:
    if p.achieved is None:
        return "—"
    return f"{p.achieved:,.0f}&nbsp;%"


def _rows_html(
    dataset: Dataset, items: list[Progress], lang: str, *, places: bool, programs: bool
) -> str:
    head = [
        tr("Indicator"),
        tr("Baseline"),
        tr("Target"),
        tr("Actual"),
        tr("Achieved"),
        tr("Progress"),
        tr("Why"),
    ]
    html = ["<table class='figs results'><tr>"]
    html += [f"<th>{escape(h)}</th>" for h in head]
    html.append("</tr>")
    for p in items:
        ind = dataset.indicator(p.indicator)
        unit = ind.unit if ind else ""
        name = link("indicator", p.indicator, _name(ind, lang) or p.indicator)
        where = []
        if places and p.place and (place := dataset.place(p.place)):
            where.append(link("place", place.id, _name(place, lang)))
        if programs and p.program and (program := dataset.program(p.program)):
            where.append(link("program", program.id, _name(program, lang)))
        if where:
            name += "<br><span class='muted'>" + " / ".join(where) + "</span>"
        cells = [
            name,
            _figure(p.baseline, unit),
            _figure(p.target, unit),
            _actual(p, unit),
            _achieved(p),
            light_html(p.light),
            escape(p.text(lang)),
        ]
        align = ["", "", "", "", " class='num'", "", ""]
        html.append(
            "<tr>"
            + "".join(f"<td{a}>{c}</td>" for a, c in zip(align, cells, strict=True))
            + "</tr>"
        )
    html.append("</table>")
    return "".join(html)


def results_html(
    dataset: Dataset,
    place: str | None = None,
    program: str | None = None,
    lang: str = "en",
) -> str:
    """Progress of the targets of a place and/or program as an HTML table; "" when
    there are none. Without ``place`` (``program``), each row names its place
    (program)."""
    items = progress(dataset, place=place, program=program)
    if not items:
        return ""
    return _rows_html(dataset, items, lang, places=place is None, programs=program is None)


def light_counts_text(items: list[Progress]) -> str:
    counts = dict.fromkeys(LIGHTS, 0)
    for p in items:
        counts[p.light] += 1
    return " · ".join(f"{light_word(k)}: {n}" for k, n in counts.items() if n)


def all_results_html(dataset: Dataset, lang: str = "en") -> str:
    """Every target of the dataset, grouped by place and program."""
    items = progress(dataset)
    if not items:
        return (
            "<p class='muted'>"
            + escape(
                tr(
                    "No targets in this dataset. A figure with the status “target” is "
                    "compared here with the actual figures of its period; one with the "
                    "status “baseline” is where the way to it starts."
                )
            )
            + "</p>"
        )
    band = dataset.data.meta.quality_settings().on_track_band
    groups: dict[tuple[str | None, str | None], list[Progress]] = defaultdict(list)
    for p in items:
        groups[(p.place, p.program)].append(p)
    html = [
        "<p><b>"
        + escape(tr("Targets: {0}").format(len(items)))
        + "</b> — "
        + escape(light_counts_text(items))
        + "</p>",
        "<p class='muted'>"
        + escape(
            tr(
                "Within ±{0} % of the target is on track; short of it behind, past it "
                "ahead (following the indicator's direction). Achieved: the share of "
                "the way from the baseline to the target."
            ).format(f"{band:g}")
        )
        + "</p>",
    ]

    def order(key: tuple[str | None, str | None]) -> tuple[str, str]:
        place, program = key
        return (
            _name(dataset.place(place), lang) if place else "",
            _name(dataset.program(program), lang) if program else "",
        )

    for key in sorted(groups, key=order):
        place, program = key
        title = []
        if place and (rec := dataset.place(place)):
            title.append(link("place", rec.id, _name(rec, lang)))
        if program and (rec := dataset.program(program)):
            title.append(link("program", rec.id, _name(rec, lang)))
        html.append("<h3>" + (" · ".join(title) or escape(tr("Whole dataset"))) + "</h3>")
        html.append(_rows_html(dataset, groups[key], lang, places=False, programs=False))
    return "".join(html)
