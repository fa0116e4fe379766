"""Programs tab: programs grouped by category, each with its cooperation projects;
the program pane, or the project pane when a project is selected."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from ...model.dataset import Dataset
from ..item_models import Node, program_nodes
from ..widgets.program_pane import ProgramPane
from ..widgets.project_pane import ProjectPane
from ..widgets.record_pane import RecordPane
from .base import BrowseTab


class ProgramsTab(BrowseTab):
    kinds = ("program", "project")
    tree_kinds = frozenset({"programs", "cooperation_projects"})

    def __init__(self, parent: QWidget | None = None) -> None:
        self.program_pane = ProgramPane()
        self.project_pane = ProjectPane()
        self._stack: QStackedWidget | None = None
        super().__init__(self.program_pane, parent)
        # the two panes share the right side; ``pane`` is the one in view
        self._stack = QStackedWidget(self)
        self.splitter.replaceWidget(1, self._stack)
        self._stack.addWidget(self.program_pane)
        self._stack.addWidget(self.project_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1000])
        self.project_pane.link_activated.connect(self.link_activated)
        for name in ("field_edited", "add_requested", "remove_requested"):
            getattr(self.project_pane, name).connect(getattr(self, name))
        self.search.setPlaceholderText(self.tr("Search programs (Chinese or English)"))

    @property
    def pane(self) -> RecordPane:
        """The pane in view: the window commits typed text, shows refused edits and
        opens the Edit side in it."""
        if self._stack is not None and self._stack.currentWidget() is self.project_pane:
            return self.project_pane
        return self.program_pane

    @pane.setter
    def pane(self, pane: RecordPane) -> None:
        # BrowseTab sets its one pane; here both are attributes, and only the pane
        # out of view misses changes (it is shown afresh when it comes into view)
        assert pane is self.program_pane

    def title(self) -> str:
        return self.tr("Programs")

    def nodes(self, dataset: Dataset) -> list[Node]:
        return program_nodes(dataset)

    def expand_default(self) -> None:
        self.tree.expandAll()

    def set_read_only(self, read_only: bool) -> None:
        self.program_pane.read_only = self.project_pane.read_only = read_only

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        if kind == "project":
            self.project_pane.show_item(self.dataset, record_id)
            self._stack.setCurrentWidget(self.project_pane)
            return
        self.program_pane.show_item(self.dataset, record_id if kind == "program" else None)
        if self._stack is not None:
            self._stack.setCurrentWidget(self.program_pane)
