"""A place's register figures by year as timeline series, marked derived.

Two series: households below the monitoring line, and their share of the households
with an income. Both truly vary by year (the register records each year's income).
Households in monitoring are not drawn by year: the register holds each household's
status as it is now, not as it was in earlier years, so a line through the years would
invent a history. Points carry their provenance (register, sha256, rule set) in the
read-out; the series have the status "derived", which the plot draws dashed with
square markers.
"""

from __future__ import annotations

from ...model.register.lights import Lights
from ..colors import color_for
from ..widgets.detail_browser import tr
from ..widgets.timeline_plot import PlotSeries
from .place_lights import PlaceLights
from .place_section import provenance_text

DERIVED = "derived"
MEASURES = ("register-below", "register-share-below")


def measure_label(measure: str, synthetic: bool = False) -> str:
    if synthetic:  # the plots that use an invented register say so in their legend
        if measure == "register-below":
            return tr("Households below the line (derived from a SYNTHETIC register)")
        return tr("Share of households below the line (derived from a SYNTHETIC register)")
    if measure == "register-below":
        return tr("Households below the line (derived from the register)")
    return tr("Share of households below the line (derived from the register)")


def series_from(by_year: dict[int, Lights], code: int, key_suffix: str, session,
                taken: set[str] | None = None, *, scope: str = "") -> list[PlotSeries]:
    """The derived series of the place ``code`` from lights of every year."""
    xs: list[float] = []
    below: list[float] = []
    share: list[float] = []
    provenance = ""
    for year, table in sorted(by_year.items()):
        i = table.index(code)
        if i is None:
            continue
        agg = table.aggregate
        value = float(agg.share_below[i])
        if value != value:  # no household with an income that year
            continue
        xs.append(float(year))
        below.append(float(agg.below[i]))
        share.append(value)
        provenance = provenance_text(session, agg)
    if not xs:
        return []
    out = []
    for measure, ys, unit in ((MEASURES[0], below, tr("households")), (MEASURES[1], share, "%")):
        label = measure_label(measure, session.synthetic) + (f" — {scope}" if scope else "")
        color = color_for(measure, taken)
        if taken is not None:
            taken.add(color)
        number = (lambda v: f"{v:,.0f}") if measure == MEASURES[0] else (lambda v: f"{v:.1f} %")
        out.append(PlotSeries(
            key=f"{measure}|{key_suffix}|",
            indicator=measure,
            label=label,
            unit=unit,
            x=list(xs),
            y=list(ys),
            statuses=[DERIVED] * len(xs),
            doubts=[False] * len(xs),
            tips=[f"{label}: {int(x)}: {number(y)} · {provenance}" for x, y in zip(xs, ys,
                                                                                  strict=True)],
            color=color,
        ))
    return out


def place_series(lights: PlaceLights, place_id: str, taken: set[str] | None = None,
                 *, scope: str = "") -> list[PlotSeries]:
    """The derived series of a place, or [] (no register, not worked out yet, no
    households there)."""
    found = lights.place(place_id)
    if found is None or not lights.session.is_open:
        return []
    code, level = found
    by_year = lights.years(level)
    if by_year is None:
        return []
    return series_from(by_year, code, place_id, lights.session, taken, scope=scope)
