"""Detail pane of one program: summary, figures, places, people, timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from ...model.dataset import Dataset
from ..category_names import category_name
from ..plot_data import marks_for, plot_series
from .detail_browser import (
    DetailBrowser,
    events_html,
    figures_table,
    heading,
    link,
    row,
    stories_html,
    tr,
)
from .record_pane import RecordPane
from .timeline_plot import TimelinePlot


def program_html(dataset: Dataset, program_id: str) -> str:
    g = dataset.program(program_id)
    if g is None:
        return f"<p>{escape(tr('Nothing selected.'))}</p>"
    src = dataset.source(g.source) if g.source else None
    period = " – ".join(p for p in (g.start, g.end) if p) or tr("not given in the sources")
    places = ", ".join(
        link("place", p.id, f"{p.name_zh} {p.name_en}")
        for pid in g.places
        if (p := dataset.place(pid))
    )
    facts = [
        row(tr("Category"), escape(category_name(g.category))),
        row(tr("Period"), escape(period)),
        row(tr("Places"), places or escape(tr("none recorded"))),
    ]
    if g.partners:
        facts.append(row(tr("Partners"), escape(", ".join(g.partners))))
    if g.funders:
        facts.append(row(tr("Funders"), escape(", ".join(g.funders))))
    if src:
        facts.append(
            row(tr("Source"), link("source", src.id, src.title) + f", {escape(g.locator)}")
        )
    note = f"<p class='muted'>{escape(g.note)}</p>" if g.note else ""
    figures = dataset.observations_for(program=program_id)
    stories = dataset.stories_for(program=program_id)
    events = dataset.events_for(program=program_id)
    return "".join(
        [
            heading(g.name_zh, g.name_en),
            f"<p>{escape(g.summary_zh)}</p><p class='en'>{escape(g.summary_en)}</p>",
            "<table>",
            *facts,
            "</table>",
            note,
            f"<h3>{escape(tr('Key figures'))}</h3>",
            figures_table(dataset, figures, show_scope=True),
            f"<h3>{escape(tr('People'))}</h3>" + stories_html(dataset, stories) if stories else "",
            f"<h3>{escape(tr('Milestones'))}</h3>" + events_html(dataset, events) if events else "",
        ]
    )


class ProgramPane(RecordPane):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.plot = TimelinePlot()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(DetailBrowser())
        self.splitter.addWidget(self.plot)
        self.splitter.setSizes([520, 300])
        super().__init__(self.splitter, parent)
        self.program_id: str | None = None

    def show_program(self, dataset: Dataset, program_id: str | None) -> None:
        self.program_id = program_id
        self.edit_panel.set_target(dataset, "programs", program_id, read_only=self.read_only)
        if program_id is None:
            self.browser.set_body(f"<p class='muted'>{escape(tr('Select a program.'))}</p>")
            self.plot.set_content([], empty_text=tr("Select a program to see its timeline."))
            return
        self.browser.set_body(program_html(dataset, program_id))
        taken: set[str] = set()
        series = []
        indicators = dict.fromkeys(
            o.indicator for o in dataset.observations_for(program=program_id)
        )
        for ind in indicators:
            s = plot_series(dataset, ind, program=program_id, taken=taken)
            if s.x:
                taken.add(s.color)
                series.append(s)
        self.plot.set_content(
            series,
            marks_for(dataset, dataset.events_for(program=program_id)),
            empty_text=tr(
                "No dated figures for this program yet: the sources give "
                "its figures without a year."
            ),
        )
