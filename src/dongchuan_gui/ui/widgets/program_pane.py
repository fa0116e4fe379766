"""Detail pane of one program: summary, figures, places, people, timeline; for an
east-west cooperation program its ledger of projects, with totals per year beside the
figures reported for the program."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QPushButton, QWidget

from ...model.cooperation import (
    KIND,
    can_have_projects,
    format_beneficiaries,
    format_funds,
    number_text,
    projects_of,
    totals_by_year,
)
from ...model.dataset import Dataset
from ..category_names import category_name
from ..language import ui_lang
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
from .project_pane import not_entered, status_name
from .record_pane import TimelineRecordPane
from .results_table import results_html


def _cells(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def _nowrap(html: str) -> str:
    return f"<span style='white-space: nowrap'>{html}</span>" if html else ""


def ledger_html(dataset: Dataset, program_id: str, lang: str) -> str:
    """The program's cooperation projects: totals per year against the program's
    reported figures, then the projects; says so plainly when none are entered."""
    projects = projects_of(dataset, program_id)
    parts = ["<a name='ledger'></a>", h3(tr("East–west cooperation projects"), len(projects))]
    if not projects:
        parts.append(paragraph(tr("No projects entered.")))
        parts.append(muted(tr("“Add project” (top right) enters one into the ledger.")))
    totals = totals_by_year(dataset, program_id)
    if totals:
        head = [
            tr("Year"),
            tr("Projects entered"),
            tr("Projects reported"),
            tr("Funds entered"),
            tr("Funds reported"),
        ]
        html = [
            muted(tr("Totals per year, beside the figures reported for the program:")),
            "<table class='figs'>",
            _cells([escape(h) for h in head], "th"),
        ]
        for t in totals:
            entered = escape(format_funds(t.funds_wan, lang)) if t.count else "—"
            if t.without_funds:
                entered += " " + escape(tr("({0} without funds)").format(t.without_funds))
            reported = (
                escape(format_funds(round(t.reported_million * 100, 6), lang))
                if t.reported_million is not None
                else escape(tr("none"))
            )
            count = escape(str(t.count))
            if t.count and t.count_differs():
                count = f"<span class='doubt'>{count}</span>"
            if t.count and t.funds_differ():
                entered = f"<span class='doubt'>{entered}</span>"
            reported_count = (
                escape(number_text(t.reported_count))
                if t.reported_count is not None
                else escape(tr("none"))
            )
            html.append(
                _cells([str(t.year), count, reported_count, _nowrap(entered), _nowrap(reported)])
            )
        html.append("</table>")
        parts.append("".join(html))
    if projects:
        parts.append(_projects_table(dataset, projects, lang))
    return "".join(parts)


def _projects_table(dataset: Dataset, projects, lang: str) -> str:
    head = [
        tr("Year"),
        tr("Project"),
        tr("Partner"),
        tr("Place"),
        tr("Funds"),
        tr("Beneficiaries"),
        tr("Status"),
        tr("Source"),
    ]
    html = [muted(tr("Projects:")), "<table class='figs'>", _cells([escape(h) for h in head], "th")]
    for p in projects:
        place = dataset.place(p.place) if p.place else None
        src = dataset.source(p.source) if p.source else None
        name = link("project", p.id, p.name_zh)
        if p.doubt:
            name += f" <span class='doubt' title='{escape(tr('doubtful'))}'>?</span>"
        if src is not None:
            source = link("source", src.id, src.title)
            source += f", {escape(p.locator)}" if p.locator else ""
        else:
            source = f"<span class='doubt'>{escape(tr('no source'))}</span>"
        html.append(
            _cells(
                [
                    str(p.year),
                    name,
                    escape(p.partner),
                    link("place", place.id, place.name_zh) if place else "",
                    _nowrap(escape(format_funds(p.funds, lang))) or not_entered(),
                    escape(format_beneficiaries(p.beneficiaries, p.beneficiaries_unit, lang)),
                    escape(status_name(p.status)),
                    source,
                ]
            )
        )
    html.append("</table>")
    return "".join(html)


def _results(dataset: Dataset, **scope: str) -> str:
    """Progress against the targets of this program (nothing when it has none)."""
    table = results_html(dataset, lang=ui_lang(), **scope)
    return h3(tr("Results against targets")) + table if table else ""


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
            _results(dataset, program=program_id),
            ledger_html(dataset, program_id, ui_lang()) if can_have_projects(dataset, g) else "",
            h3(tr("People")) + stories_html(dataset, stories) if stories else "",
            h3(tr("Milestones")) + events_html(dataset, events) if events else "",
        ]
    )


class ProgramPane(TimelineRecordPane):
    collection, scope = "programs", "program"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((520, 300), parent)
        self.add_project_button = QPushButton(self.tr("Add project"), self)
        self.add_project_button.setObjectName("addProject")
        self.add_project_button.setToolTip(
            self.tr("Enter an east–west cooperation project of this program into the ledger")
        )
        self.sides.setCornerWidget(self.add_project_button, Qt.Corner.TopRightCorner)
        self.add_project_button.hide()
        self.add_project_button.clicked.connect(self._add_project)
        # the ledger's project links; the browser itself follows places, programs, sources
        self.browser.anchorClicked.connect(self._on_anchor)

    def show_item(self, dataset: Dataset, record_id: str | None) -> None:
        super().show_item(dataset, record_id)
        program = dataset.program(record_id) if record_id else None
        self.add_project_button.setVisible(
            program is not None and can_have_projects(dataset, program)
        )
        self.add_project_button.setEnabled(not self.read_only)

    def _add_project(self) -> None:
        if self.record_id is not None:
            self.add_requested.emit(KIND, "programs", self.record_id)

    def _on_anchor(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        if kind == "project" and record_id:
            self.link_activated.emit(kind, record_id)

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
