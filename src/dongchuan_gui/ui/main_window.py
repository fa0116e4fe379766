"""The main window: assembles the tabs, menus, navigation and the controllers.

The tabs are listed once, in ``tab_list.TABS``, each under a key that names it in the
settings, the Back/Forward history and the Go menu. Some are built when first needed
(a placeholder holds their slot until then; see ``tabs/placeholder.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QUndoView,
    QWidget,
)

from .. import __version__
from ..model.dataset import Change
from ..model.problems import Problem
from ..model.snapshots import default_folder
from . import menus, settings
from .document import Document
from .editing import EditController
from .exchange import ExchangeController
from .file_controller import FileController
from .monitoring.controller import MonitoringController
from .navigation import History, Location
from .panel_source import PanelSource
from .tab_list import TABS
from .tabs.base import Tab
from .tabs.placeholder import PlaceholderTab
from .view_state import ViewState
from .widgets.timeline_plot import TimelinePlot
from .window_navigation import WindowNavigation

MAX_LISTED_PROBLEMS = 200
MAX_PENDING = 500  # more changes than this are shown by showing the dataset again


class MainWindow(WindowNavigation, QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.problem_dialog: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self.viewers: list[MainWindow] = []
        self.persist_state = True  # read-only viewer windows leave the settings alone
        self.history = History()
        self._restoring = False
        self._pending: dict[str, list[Change]] = {}  # changes each tab has yet to show
        self._state_restored = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush_changes)
        self.files = FileController(self)
        self.edits = EditController(self)
        self.exchange = ExchangeController(self)
        self.monitoring = MonitoringController(self)
        self._monitoring_pending: list[Change] = []
        # the selection, year and measure the map and the animated chart share, and
        # the panel of values they read (figures, and the register's aggregates)
        self.view_state = ViewState(self)
        self.panel_source = PanelSource(self.monitoring.session, self)
        self.undo_group = QUndoGroup(self)
        # open findings of the Data Quality tab, always in view
        self.quality_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.quality_status)
        # a dataset of invented figures (a demonstration, a benchmark) says so always
        self.synthetic_label = QLabel(self.tr("Invented figures, not real data"), self)
        self.synthetic_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.synthetic_label.hide()
        self.statusBar().addPermanentWidget(self.synthetic_label)
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        self.tab_keys: list[str] = [slot.key for slot in TABS]
        self.tabs: list[Tab] = []  # in tab order; a placeholder until built
        for slot in TABS:
            if slot.title is not None:
                tab: Tab = PlaceholderTab(slot.title(), slot.kinds)
            else:
                tab = slot.make(self)
                self._connect_tab(tab)
                setattr(self, slot.key, tab)
            self.tabs.append(tab)
            self.tab_widget.addTab(tab, tab.title())
        # with a register open, its tabs are there (the session's own views)
        self.monitoring.session.opened.connect(self._build_all)
        self.tab_widget.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tab_widget)
        self.undo_view = QUndoView(self.undo_group)
        self.undo_view.setEmptyLabel(self.tr("<opened>"))
        self.undo_view.setMinimumWidth(260)
        self.undo_dock = QDockWidget(self.tr("Undo history"), self)
        self.undo_dock.setObjectName("undoHistory")
        self.undo_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        self._build_actions()
        self.resize(1280, 800)

    # --------------------------------------------------------------- tabs
    def _connect_tab(self, tab: Tab) -> None:
        tab.selection_changed.connect(self._record_location)
        tab.link_activated.connect(self.navigate)
        tab.field_edited.connect(self.edits.edit_field)
        tab.add_requested.connect(self._add_related)
        tab.remove_requested.connect(self.edits.remove)
        for plot in tab.findChildren(TimelinePlot):
            plot.export_requested.connect(lambda p: self.exchange.export_chart(plot=p))

    def tab(self, key: str) -> Tab:
        """The tab named ``key``, built now if it was not yet."""
        index = self.tab_keys.index(key)
        if isinstance(self.tabs[index], PlaceholderTab):
            self._build(index)
        return self.tabs[index]

    def show_tab(self, key: str) -> Tab:
        tab = self.tab(key)
        self.tab_widget.setCurrentWidget(tab)
        return tab

    @property
    def monitoring_overview(self) -> Tab:
        return self.tab("monitoring_overview")

    @property
    def monitoring_tab(self) -> Tab:
        return self.tab("households")

    def _build(self, index: int) -> None:
        """Put the real tab in the placeholder's slot, given what the placeholder was
        given. Safe inside the tab widget's own ``currentChanged``: the placeholder is
        only taken out (and deleted later), and the tab in view stays in view."""
        slot, placeholder = TABS[index], self.tabs[index]
        tab = slot.make(self)
        self._connect_tab(tab)
        tab.set_read_only(placeholder.read_only)
        if placeholder.dataset is not None:
            tab.set_dataset(placeholder.dataset)
        if self._state_restored:
            self._restore_splitters(slot.key, tab)
        self.tabs[index] = tab
        if slot.key in self._pending:
            self._pending[slot.key] = []  # the tab starts from the dataset as it is
        widget = self.tab_widget
        text = widget.tabText(index)
        in_view = widget.currentIndex() == index
        blocked = widget.blockSignals(True)  # the same tab stays current: no news
        try:
            widget.insertTab(index + 1, tab, text)
            if in_view:
                widget.setCurrentIndex(index + 1)
            widget.removeTab(index)
        finally:
            widget.blockSignals(blocked)
        placeholder.deleteLater()

    def _build_all(self) -> None:
        for index, tab in enumerate(self.tabs):
            if isinstance(tab, PlaceholderTab):
                self._build(index)

    def _current_tab(self) -> Tab:
        return self.tabs[self.tab_widget.currentIndex()]

    # ------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcuts=()) -> QAction:
        return menus.make_action(self, text, slot, shortcuts)

    def _build_actions(self) -> None:
        menus.build(self)

    # ---------------------------------------------------------- documents
    def set_document(self, doc: Document, warnings: list[Problem]) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_data_changed)
            self.document.state_changed.disconnect(self._update_title)
            self.undo_group.removeStack(self.document.undo_stack)
        self.document = doc
        doc.changed.connect(self._on_data_changed)
        doc.state_changed.connect(self._update_title)
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        self.panel_source.set_dataset(doc.dataset)
        for tab in self.tabs:
            tab.set_read_only(doc.read_only)
            tab.set_dataset(doc.dataset)
        self._pending = {key: [] for key in self.tab_keys}
        self.snapshots.set_folder(self.snapshot_folder())
        self._update_title()
        self.monitoring.set_document(doc)
        counts = doc.dataset.counts()
        message = self.tr("{0} places, {1} programs, {2} figures, {3} sources").format(
            counts["places"], counts["programs"], counts["observations"], counts["sources"]
        )
        if warnings:
            message += self.tr(" · {0} warnings").format(len(warnings))
        self.statusBar().showMessage(message)
        self._record_location()

    @property
    def dataset(self):
        return self.document.dataset if self.document else None

    def open_path(self, path: str | Path) -> bool:
        return self.files.open_path(path)

    def snapshot_folder(self) -> Path:
        """snapshots/ beside the file; for a document not saved yet, in the user's data."""
        if self.document is not None and self.document.path is not None:
            return default_folder(self.document.path)
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
        return Path(base) / "snapshots"

    def refresh_snapshot_folder(self) -> None:
        if self.document is not None:
            self.snapshots.set_folder(self.snapshot_folder())

    def _update_title(self) -> None:
        doc = self.document
        if doc is None:
            return
        name = doc.display_name()
        if doc.read_only:
            name += " " + self.tr("[read-only]")
        synthetic = doc.dataset.data.meta.synthetic
        if synthetic:
            name += " " + self.tr("[invented figures]")
        self.synthetic_label.setVisible(synthetic)
        self.setWindowTitle(self.tr("{0}[*] — Dongchuan Workbench").format(name))
        self.setWindowModified(not doc.is_clean)
        self.setWindowFilePath(str(doc.path) if doc.path else "")
        self.revert_action.setEnabled(doc.path is not None and not doc.is_clean)

    def _on_data_changed(self, change: Change) -> None:
        # views update once per event-loop turn, after the handler that made the
        # edit has returned: a field is never changed or deleted under its own feet
        for key, pending in self._pending.items():
            if len(pending) < MAX_PENDING:
                pending.append(change)
            elif pending[-1].action != "reset":  # many at once (an import): show all again
                self._pending[key] = [Change("reset")]
        if change.kind in ("rule_sets", "places") or change.action == "reset":
            self._monitoring_pending.append(change)
        if change.kind in ("observations", "places", "indicators", "programs") or (
            change.action == "reset"
        ):
            self.panel_source.invalidate()  # cheap: built again when a view asks
        self.quality.apply_changes([change])  # restarts its timer: counts stay current
        self._flush_timer.start()

    def flush_changes(self) -> None:
        """Show pending changes now in the tab in view; the others when next opened."""
        self._flush_timer.stop()
        if self._monitoring_pending:
            changes, self._monitoring_pending = self._monitoring_pending, []
            self.monitoring.apply_changes(changes)
        current = self.tab_widget.currentIndex()
        key = self.tab_keys[current] if current >= 0 else ""
        if self._pending.get(key):  # nothing before a document is set
            changes, self._pending[key] = self._pending[key], []
            self.tabs[current].apply_changes(changes)

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0 and isinstance(self.tabs[index], PlaceholderTab):
            self._build(index)  # opened by a click on its tab or Ctrl+Tab
        self.flush_changes()
        self._record_location()

    def _revert(self) -> None:
        if self.document is not None and not self.document.is_clean:
            if self.files.ask_revert(self.document.display_name()):
                self.files.revert()

    # ------------------------------------------------------------ editing
    def new_record(self, kind: str) -> str | None:
        near = None
        here = self._current_tab().current_location()
        if here and here[0] == "place":
            near = here[1]
        record_id = self.edits.new_record(kind, near)
        if record_id:
            nav = {
                "programs": "program",
                "places": "place",
                "indicators": "indicator",
                "sources": "source",
            }[kind]
            self.navigate(nav, record_id)
            self.tab_for(nav).pane.show_edit_side()
        return record_id

    def remove_selected(self) -> bool:
        here = self._current_tab().current_location()
        if not here:
            return False
        kind = {
            "program": "programs",
            "place": "places",
            "indicator": "indicators",
            "source": "sources",
            "project": "cooperation_projects",
            "validation_rules": "validation_rules",
        }.get(here[0])
        return bool(kind) and self.edits.remove(kind, here[1])

    def _add_related(self, kind: str, owner_kind: str, owner_id: str) -> None:
        record_id = self.edits.add_related(kind, owner_kind, owner_id)
        self.flush_changes()
        if record_id:
            tab = self._current_tab()
            if hasattr(tab, "pane"):
                tab.pane.edit_panel.select_related(kind, record_id)

    def commit_pending_edit(self) -> None:
        """Commit text typed into a field of the tab in view that was not left yet."""
        tab = self._current_tab()
        if hasattr(tab, "pane"):
            tab.pane.edit_panel.commit_pending()

    def field_problem(self, kind: str, record_id: str, field: str, text: str) -> None:
        """Show a refused edit at its field and put the stored value back."""
        tab = self._current_tab()
        editor = tab.pane.edit_panel.editor_for(kind, record_id) if hasattr(tab, "pane") else None
        if editor is None:
            self.report_problem(text)
            return
        editor.show_error(field, text)
        editor.reset_field(field)

    def report_problem(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Dongchuan Workbench"),
            text,
            QMessageBox.StandardButton.Close,
            self,
        )
        self.message_box = box
        box.open()

    def show_problems(
        self, path: Path, problems: list[Problem], *, warnings_only: bool = False
    ) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information if warnings_only else QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Problems in {0}").format(path.name))
        if warnings_only:
            box.setText(self.tr("{0} opened with {1} warnings.").format(path.name, len(problems)))
        else:
            box.setText(
                self.tr(
                    "{0} could not be opened: {1} problems. "
                    "Nothing was changed; the open dataset stays as it was."
                ).format(path.name, len(problems))
            )
        shown = [str(p) for p in problems[:MAX_LISTED_PROBLEMS]]
        if len(problems) > MAX_LISTED_PROBLEMS:
            shown.append(self.tr("… and {0} more").format(len(problems) - MAX_LISTED_PROBLEMS))
        box.setInformativeText("\n".join(shown[:8]))
        box.setDetailedText("\n".join(shown))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.problem_dialog = box
        box.open()

    def push_command(self, command) -> None:
        """A tab's edit (a QUndoCommand) onto the document's undo stack."""
        if self.document is not None and not self.document.read_only:
            self.document.push(command)

    @Slot()
    def focus_search(self) -> None:
        self._current_tab().focus_search()

    def set_language(self, code: str) -> None:
        settings.write("ui/language", code)
        self.statusBar().showMessage(
            self.tr("The language changes at the next start.") + " 重新启动后生效。", 8000
        )

    @Slot()
    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Dongchuan Workbench"),
            self.tr(
                "Dongchuan Workbench {0}\nA sourced record of Dongchuan District's "
                "poverty-alleviation programs."
            ).format(__version__),
        )

    # ------------------------------------------------------------ settings
    def restore_state(self) -> None:
        geometry = settings.read("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._state_restored = True  # tabs built from now on restore their own
        for key, tab in zip(self.tab_keys, self.tabs, strict=True):
            self._restore_splitters(key, tab)
        # a location or tab saved by an older version (a tab number) or naming a tab
        # this version has not: the first tab
        location = Location.decode(settings.read("nav/location"))
        if location is not None and location.tab in self.tab_keys:
            self._apply(location)
            self.history.visit(self.current_location())
        else:
            key = settings.read("window/tab")
            self.show_tab(key if key in self.tab_keys else self.tab_keys[0])

    @staticmethod
    def _restore_splitters(key: str, tab: Tab) -> None:
        for name, splitter in tab.splitters().items():
            state = settings.read(f"splitter/{key}/{name}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save_state(self) -> None:
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/tab", self.current_location().tab)
        settings.write("nav/location", self.current_location().encode())
        for key, tab in zip(self.tab_keys, self.tabs, strict=True):
            for name, splitter in tab.splitters().items():  # a placeholder has none
                settings.write(f"splitter/{key}/{name}", splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.persist_state:
            self.save_state()
        if self.document is not None:
            self.document.close()
        super().closeEvent(event)
