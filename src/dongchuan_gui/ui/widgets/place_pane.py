"""Detail pane of one place: names, code, parent, location, population, programs.

With a household register open (``set_lights``), villages, towns and the district
get a monitoring section and their register figures by year in the timeline."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..category_names import level_name
from ..language import ui_lang
from ..plot_data import format_value
from .detail_browser import (
    PANE_ROWS,
    events_html,
    figures_table,
    h3,
    heading,
    link,
    muted,
    paragraph,
    row,
    stories_html,
    tr,
)
from .record_pane import TimelineRecordPane
from .results_table import results_html

if TYPE_CHECKING:
    from ..monitoring.place_lights import PlaceLights

POPULATION = (
    "population-census",
    "population-registered",
    "population-resident",
    "population-unspecified",
)


def _results(dataset: Dataset, place_id: str) -> str:
    """Progress against the targets set for this place (nothing when it has none)."""
    table = results_html(dataset, place=place_id, lang=ui_lang())
    return h3(tr("Results against targets")) + table if table else ""


def place_html(dataset: Dataset, place_id: str, limit: int | None = PANE_ROWS) -> str:
    p = dataset.place(place_id)
    if p is None:
        return paragraph(tr("Nothing selected."))
    facts = [row(tr("Level"), escape(level_name(p.level)))]
    if p.pinyin:
        facts.append(row(tr("Pinyin"), escape(p.pinyin)))
    if p.name_note:
        facts.append(
            row(tr("About the names"), f"<span class='muted'>{escape(p.name_note)}</span>")
        )
    code = (
        escape(p.code) + (f" ({escape(p.code_vintage)})" if p.code_vintage else "")
        if p.code
        else escape(tr("none"))
    )
    facts.append(row(tr("Statistical code"), code))
    chain = dataset.ancestors(place_id)
    if chain:
        facts.append(
            row(tr("Part of"), " › ".join(link("place", a.id, a.name_zh) for a in reversed(chain)))
        )
    if p.location:
        loc = p.location
        where = f"{loc.lat:.5f}, {loc.lon:.5f} ({escape(loc.datum)})"
        if loc.datum == "GCJ-02":
            where += " " + escape(
                tr("— Chinese map datum, offset some hundreds of metres from GPS/WGS-84")
            )
        facts.append(row(tr("Location"), where))
    else:
        facts.append(row(tr("Location"), escape(tr("no coordinates in the sources"))))
    pops = [o for o in dataset.observations_for(place=place_id) if o.indicator in POPULATION]
    if pops:
        latest = max(pops, key=lambda o: o.period or "")
        ind = dataset.indicator(latest.indicator)
        facts.append(
            row(
                tr("Population"),
                escape(
                    f"{format_value(latest.value)} ({ind.name_zh if ind else ''}, "
                    f"{latest.period or tr('undated')})"
                ),
            )
        )
    src = dataset.source(p.source) if p.source else None
    if src:
        facts.append(
            row(tr("Source"), link("source", src.id, src.title) + f", {escape(p.locator)}")
        )
    children = dataset.children(place_id)
    kids = (
        (
            h3(tr("Contains"), len(children))
            + "<p>"
            + ", ".join(link("place", c.id, c.name_zh) for c in children)
            + "</p>"
        )
        if children
        else ""
    )
    programs = dataset.programs_at(place_id)
    prog_html = ", ".join(link("program", g.id, f"{g.name_zh} {g.name_en}") for g in programs)
    stories = dataset.stories_for(place=place_id)
    events = dataset.events_for(place=place_id)
    figures = dataset.observations_for(place=place_id)
    note = f"<p class='muted'>{escape(p.note)}</p>" if p.note else ""
    return "".join(
        [
            heading(p.name_zh, p.name_en),
            "<table>",
            *facts,
            "</table>",
            note,
            h3(tr("Programs active here")),
            f"<p>{prog_html}</p>"
            if prog_html
            else muted(tr("No program in the sources names this place.")),
            h3(tr("Figures")),
            figures_table(dataset, figures, show_scope=False, limit=limit)
            if figures
            else muted(tr("No figures recorded yet: the sources give none for this place.")),
            _results(dataset, place_id),
            h3(tr("People")) + stories_html(dataset, stories) if stories else "",
            h3(tr("Milestones")) + events_html(dataset, events) if events else "",
            kids,
        ]
    )


class PlacePane(TimelineRecordPane):
    collection, scope = "places", "place"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((560, 260), parent)
        self.lights: PlaceLights | None = None
        # a scroll bar that comes and goes lays the text out two or three times: with
        # the monitoring section, 30 ms a village instead of 10 (1M households)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def set_lights(self, lights: PlaceLights) -> None:
        """The open register's lights and figures (the Places tab gives them)."""
        self.lights = lights

    def body_html(self, dataset: Dataset, record_id: str) -> str:
        html = place_html(dataset, record_id)
        if self.lights is None or not self.lights.session.is_open:
            return html
        from ..language import ui_lang
        from ..monitoring.place_section import monitoring_html

        section = monitoring_html(self.lights, record_id, ui_lang())
        at = html.find("<h3>")  # before the programs, figures and the rest
        return html + section if at < 0 else html[:at] + section + html[at:]

    def extra_series(self, dataset: Dataset, record_id: str, taken: set[str]) -> list:
        if self.lights is None or not self.lights.session.is_open:
            return []
        from ..monitoring.derived_series import place_series

        return place_series(self.lights, record_id, taken)

    def texts(self) -> tuple[str, str, str]:
        return (
            tr("Select a place."),
            tr("Select a place to see its timeline."),
            tr("No figures recorded yet for this place."),
        )
