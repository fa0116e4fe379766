"""Detail pane of one program: summary, figures, places, people, timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..category_names import category_name
from .detail_browser import (
    PANE_ROWS,
    events_html,
    figures_table,
    h3,
    heading,
    link,
    paragraph,
    row,
    stories_html,
    tr,
)
from .record_pane import TimelineRecordPane


def program_html(dataset: Dataset, program_id: str, limit: int | None = PANE_ROWS) -> str:
    g = dataset.program(program_id)
    if g is None:
        return paragraph(tr("Nothing selected."))
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
            h3(tr("Key figures")),
            figures_table(dataset, figures, show_scope=True, limit=limit),
            h3(tr("People")) + stories_html(dataset, stories) if stories else "",
            h3(tr("Milestones")) + events_html(dataset, events) if events else "",
        ]
    )


class ProgramPane(TimelineRecordPane):
    collection, scope = "programs", "program"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((520, 300), parent)

    def body_html(self, dataset: Dataset, record_id: str) -> str:
        return program_html(dataset, record_id)

    def texts(self) -> tuple[str, str, str]:
        return (
            tr("Select a program."),
            tr("Select a program to see its timeline."),
            tr(
                "No dated figures for this program yet: the sources give its figures "
                "without a year."
            ),
        )
