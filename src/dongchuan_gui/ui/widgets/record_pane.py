"""What the program, place and source panes share: a Details side and an Edit side."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .detail_browser import DetailBrowser
from .edit_panel import EditPanel


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
