"""Detail pane of one source: what it is, and every figure and record that cites it."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..category_names import reliability_name
from .detail_browser import (
    PANE_ROWS,
    DetailBrowser,
    figures_table,
    h3,
    heading,
    link,
    muted,
    paragraph,
    row,
    tr,
)
from .record_pane import RecordPane

_KIND_LINK = {"places": "place", "programs": "program"}


def source_html(dataset: Dataset, source_id: str) -> str:
    s = dataset.source(source_id)
    if s is None:
        return paragraph(tr("Nothing selected."))
    facts = [
        row(tr("Kind"), escape(s.kind)),
        row(tr("Reliability"), escape(reliability_name(s.reliability))),
    ]
    if s.publisher:
        facts.append(row(tr("Publisher"), escape(s.publisher)))
    if s.published:
        facts.append(row(tr("Published"), escape(s.published)))
    if s.url:
        facts.append(row(tr("Address"), f'<a href="{escape(s.url)}">{escape(s.url)}</a>'))
    note = f"<p class='muted'>{escape(s.note)}</p>" if s.note else ""
    cited = list(dataset.citing(source_id))
    figures = [rec for kind, rec in cited if kind == "observations"]
    others = []
    for kind, rec in cited:
        if kind in _KIND_LINK:
            name = getattr(rec, "name_zh", rec.id)
            others.append(link(_KIND_LINK[kind], rec.id, name))
        elif kind in ("events", "stories", "reference_lines"):
            others.append(
                escape(
                    getattr(rec, "title_zh", "")
                    or getattr(rec, "title_en", "")
                    or getattr(rec, "name_en", rec.id)
                )
            )
    other_html = ""
    if others:
        shown = others[:60]
        more = len(others) - len(shown)
        other_html = (
            h3(tr("Other records citing it"), len(others))
            + "<p>"
            + ", ".join(shown)
            + (escape(tr(", and {0} more").format(more)) if more else "")
            + "</p>"
        )
    return "".join(
        [
            heading(s.title, ""),
            "<table>",
            *facts,
            "</table>",
            note,
            h3(tr("Figures citing this source"), len(figures)),
            figures_table(dataset, figures, show_scope=True, show_source=False, limit=PANE_ROWS),
            other_html,
        ]
    )


def indicator_html(dataset: Dataset, indicator_id: str) -> str:
    d = dataset.indicator(indicator_id)
    if d is None:
        return paragraph(tr("Nothing selected."))
    direction = {
        "increase": tr("higher is better"),
        "decrease": tr("lower is better"),
        "none": tr("no direction"),
    }.get(d.direction, d.direction)
    facts = [
        row(tr("Unit"), escape(d.unit)),
        row(tr("Direction"), escape(direction)),
        row(tr("Counting"), escape(tr("cumulative") if d.cumulative else tr("per period"))),
    ]
    if d.part_of and (whole := dataset.indicator(d.part_of)):
        facts.append(row(tr("Part of"), escape(f"{whole.name_zh} {whole.name_en}")))
    definition = f"<p>{escape(d.definition)}</p>" if d.definition else ""
    figures = dataset.observations_for(indicator=indicator_id)
    return "".join(
        [
            heading(d.name_zh, d.name_en),
            definition,
            "<table>",
            *facts,
            "</table>",
            h3(tr("Figures"), len(figures)),
            figures_table(dataset, figures, show_scope=True, limit=PANE_ROWS),
        ]
    )


class SourcePane(RecordPane):
    """Sources and indicator definitions: what a figure rests on and what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DetailBrowser(), parent)
        self.shown: tuple[str, str] | None = None

    def shown_id(self) -> str | None:
        return self.shown[1] if self.shown else None

    def show_again(self, dataset: Dataset) -> None:
        kind, record_id = self.shown
        exists = dataset.get(f"{kind}s", record_id) is not None
        self.show_record(dataset, kind if exists else None, record_id if exists else None)

    def show_record(self, dataset: Dataset, kind: str | None, record_id: str | None) -> None:
        self.shown = (kind, record_id) if kind and record_id else None
        collection = {"source": "sources", "indicator": "indicators"}.get(kind or "", "sources")
        self.edit_panel.set_target(dataset, collection, record_id, read_only=self.read_only)
        if record_id is None:
            self.browser.set_body(muted(tr("Select a source or an indicator.")))
        elif kind == "indicator":
            self.browser.set_body(indicator_html(dataset, record_id))
        else:
            self.browser.set_body(source_html(dataset, record_id))
