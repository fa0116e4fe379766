"""What the program, place and source panes share: a Details side and an Edit side."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...model.dataset import Change, Dataset, mentions
from ..plot_data import marks_for, scope_series
from .detail_browser import DetailBrowser
from .edit_panel import EditPanel
from .timeline_plot import TimelinePlot

# kinds with many records: a change to one of them concerns only the panes it links to
_NUMEROUS = frozenset({"observations", "events", "stories", "reference_lines"})


def concerns(change: Change, record_id: str) -> bool:
    """Whether a pane showing ``record_id`` must show ``change``. Changes to the few
    descriptive records (sources, indicators, places, programs) always do: their
    names and links appear in many panes."""
    if change.action == "reset" or change.kind not in _NUMEROUS:
        return True
    return any(
        r is not None and (r.id == record_id or mentions(r, record_id))
        for r in (change.record, change.previous)
    )


class RecordPane(QWidget):
    link_activated = Signal(str, str)
    field_edited = Signal(str, str, str, object)
    add_requested = Signal(str, str, str)
    remove_requested = Signal(str, str)

    def __init__(self, details: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.browser = (
            details if isinstance(details, DetailBrowser) else details.findChild(DetailBrowser)
        )
        self.edit_panel = EditPanel(self)
        self.sides = QTabWidget(self)
        self.sides.setDocumentMode(True)
        self.sides.addTab(details, self.tr("Details"))
        self.sides.addTab(self.edit_panel, self.tr("Edit"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sides)
        self.browser.link_activated.connect(self.link_activated)
        self.edit_panel.field_edited.connect(self.field_edited)
        self.edit_panel.add_requested.connect(self.add_requested)
        self.edit_panel.remove_requested.connect(self.remove_requested)

    def show_edit_side(self) -> None:
        self.sides.setCurrentWidget(self.edit_panel)

    def shown_id(self) -> str | None:
        """The record on show, if any."""
        raise NotImplementedError

    def show_again(self, dataset: Dataset) -> None:
        raise NotImplementedError

    def apply_changes(self, dataset: Dataset, changes: list[Change]) -> None:
        """Show the record again when a change concerns it (once for all changes)."""
        record_id = self.shown_id()
        if record_id is not None and any(concerns(c, record_id) for c in changes):
            self.show_again(dataset)


class TimelineRecordPane(RecordPane):
    """Details over a timeline of the record's figures (programs and places)."""

    collection = ""  # the records it shows: "programs" or "places"
    scope = ""  # how figures name them: "program" or "place"

    def __init__(self, sizes: tuple[int, int], parent: QWidget | None = None) -> None:
        self.plot = TimelinePlot()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(DetailBrowser())
        self.splitter.addWidget(self.plot)
        self.splitter.setSizes(list(sizes))
        super().__init__(self.splitter, parent)
        self.record_id: str | None = None

    def body_html(self, dataset: Dataset, record_id: str) -> str:
        raise NotImplementedError

    def texts(self) -> tuple[str, str, str]:
        """Nothing selected; no plot while nothing is selected; no dated figures."""
        raise NotImplementedError

    def extra_series(self, dataset: Dataset, record_id: str, taken: set[str]) -> list:
        """Series drawn besides the record's figures (e.g. derived from a register)."""
        return []

    def shown_id(self) -> str | None:
        return self.record_id

    def show_again(self, dataset: Dataset) -> None:
        record_id = self.record_id
        self.show_item(dataset, record_id if dataset.get(self.collection, record_id) else None)

    def show_item(self, dataset: Dataset, record_id: str | None) -> None:
        self.record_id = record_id
        self.edit_panel.set_target(dataset, self.collection, record_id, read_only=self.read_only)
        select, select_plot, no_data = self.texts()
        if record_id is None:
            self.browser.set_body(f"<p class='muted'>{escape(select)}</p>")
            self.plot.set_content([], empty_text=select_plot)
            return
        self.browser.set_body(self.body_html(dataset, record_id))
        scope = {self.scope: record_id}
        series = scope_series(dataset, **scope)
        series += self.extra_series(dataset, record_id, {s.color for s in series})
        self.plot.set_content(
            series,
            marks_for(dataset, dataset.events_for(**scope)),
            empty_text=no_data,
        )
