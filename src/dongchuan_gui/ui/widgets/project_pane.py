"""Detail pane of one east-west cooperation project: what it is, where, how much,
for whom, and where the entry comes from; the Edit side is the generic record form."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from ...model.cooperation import KIND, format_beneficiaries, format_funds, totals_by_year
from ...model.dataset import Dataset
from ..category_names import project_status_name
from ..language import ui_lang
from .detail_browser import DetailBrowser, heading, link, muted, paragraph, row, tr
from .record_pane import RecordPane

status_name = project_status_name  # one vocabulary: category_names


def not_entered() -> str:
    return f"<span class='muted'>{escape(tr('not entered'))}</span>"


def project_html(dataset: Dataset, project_id: str, lang: str) -> str:
    p = dataset.get(KIND, project_id)
    if p is None:
        return paragraph(tr("Nothing selected."))
    program = dataset.program(p.program) if p.program else None
    place = dataset.place(p.place) if p.place else None
    src = dataset.source(p.source) if p.source else None
    facts = [
        row(
            tr("Program"),
            link("program", program.id, program.name_zh) if program else not_entered(),
        ),
        row(tr("Partner"), escape(p.partner) if p.partner else not_entered()),
        row(
            tr("Place"),
            link("place", place.id, f"{place.name_zh} {place.name_en}".strip())
            if place
            else not_entered(),
        ),
        row(tr("Year"), escape(str(p.year))),
        row(tr("Funds"), escape(format_funds(p.funds, lang)) or not_entered()),
        row(
            tr("Beneficiaries"),
            escape(format_beneficiaries(p.beneficiaries, p.beneficiaries_unit, lang))
            or not_entered(),
        ),
        row(tr("Status"), escape(status_name(p.status))),
    ]
    if src is not None:
        locator = f", {escape(p.locator)}" if p.locator else ""
        facts.append(row(tr("Source"), link("source", src.id, src.title) + locator))
    else:
        facts.append(row(tr("Source"), f"<span class='doubt'>{escape(tr('no source'))}</span>"))
    if p.doubt:
        doubtful = escape(tr("doubtful"))
        facts.append(row(tr("Doubt"), f"<span class='doubt'>? {doubtful}</span>"))
    note = muted(p.note) if p.note else ""
    return "".join(
        [
            heading(p.name_zh, p.name_en),
            "<table>",
            *facts,
            "</table>",
            note,
            _context(dataset, p, lang),
        ]
    )


def _context(dataset: Dataset, project, lang: str) -> str:
    """The project among its program's projects of the year."""
    if not project.program or dataset.program(project.program) is None:
        return ""
    year = next(t for t in totals_by_year(dataset, project.program) if t.year == project.year)
    if year.count == 1:
        text = tr("The only project entered for this program in {0}.").format(year.year)
    else:
        text = tr("One of {0} projects entered for this program in {1}; their funds: {2}.")
        text = text.format(year.count, year.year, format_funds(year.funds_wan, lang))
    if year.without_funds:
        text += " " + tr("{0} of them have no funds entered.").format(year.without_funds)
    return muted(text)


class ProjectPane(RecordPane):
    """One cooperation project: details, and its fields on the Edit side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DetailBrowser(), parent)
        self.record_id: str | None = None

    def shown_id(self) -> str | None:
        return self.record_id

    def show_again(self, dataset: Dataset) -> None:
        record_id = self.record_id
        self.show_item(dataset, record_id if dataset.get(KIND, record_id) else None)

    def show_item(self, dataset: Dataset, record_id: str | None) -> None:
        self.record_id = record_id
        self.edit_panel.set_target(dataset, KIND, record_id, read_only=self.read_only)
        if record_id is None:
            self.browser.set_body(muted(tr("Select a cooperation project.")))
            return
        self.browser.set_body(project_html(dataset, record_id, ui_lang()))

    def show_edit_side(self) -> None:
        """The Edit side with the Chinese name selected, ready to be typed over."""
        super().show_edit_side()
        editor = self.edit_panel.editor
        if editor.record is None or self.read_only:
            return
        name = editor.widget("name_zh")
        if isinstance(name, QLineEdit):
            name.setFocus(Qt.FocusReason.OtherFocusReason)
            name.selectAll()
