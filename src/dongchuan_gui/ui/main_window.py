"""The main window: assembles the tabs, menus and navigation. Nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget, QWidget

from .. import __version__
from ..model.dataset import Dataset
from ..model.fileformat import load_path
from ..model.problems import DatasetError, Problem
from . import settings
from .navigation import History, Location
from .tabs.base import Tab
from .tabs.overview import OverviewTab
from .tabs.places import PlacesTab
from .tabs.programs import ProgramsTab
from .tabs.sources import SourcesTab
from .tabs.timelines import TimelinesTab

MAX_LISTED_PROBLEMS = 200


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.path: Path | None = None
        self.problem_dialog: QMessageBox | None = None
        self.history = History()
        self._restoring = False
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        self.overview = OverviewTab()
        self.programs = ProgramsTab()
        self.places = PlacesTab()
        self.timelines = TimelinesTab()
        self.sources = SourcesTab()
        self.tabs: list[Tab] = [
            self.overview,
            self.programs,
            self.places,
            self.timelines,
            self.sources,
        ]
        for tab in self.tabs:
            self.tab_widget.addTab(tab, tab.title())
            tab.selection_changed.connect(self._record_location)
            tab.link_activated.connect(self.navigate)
        self.tab_widget.currentChanged.connect(self._record_location)
        self.setCentralWidget(self.tab_widget)
        self._build_actions()
        self.resize(1280, 800)

    # ------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcuts=()) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open…"), self.choose_file, [QKeySequence.StandardKey.Open]
        )
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, [QKeySequence.StandardKey.Quit])
        )
        go_menu = menu.addMenu(self.tr("&Go"))
        self.back_action = self._action(
            self.tr("&Back"), self.go_back, ["Alt+Left", QKeySequence.StandardKey.Back]
        )
        self.forward_action = self._action(
            self.tr("&Forward"), self.go_forward, ["Alt+Right", QKeySequence.StandardKey.Forward]
        )
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        go_menu.addAction(
            self._action(self.tr("&Find"), self.focus_search, [QKeySequence.StandardKey.Find])
        )
        go_menu.addSeparator()
        for i, tab in enumerate(self.tabs):
            go_menu.addAction(
                self._action(
                    tab.title(),
                    lambda _=False, i=i: self.tab_widget.setCurrentIndex(i),
                    [f"Ctrl+{i + 1}"],
                )
            )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), self.about))
        self._update_nav_actions()

    # ---------------------------------------------------------- documents
    def set_dataset(self, dataset: Dataset, path: Path | None, warnings: list[Problem]) -> None:
        self.dataset = dataset
        self.path = path
        for tab in self.tabs:
            tab.set_dataset(dataset)
        name = path.name if path else self.tr("untitled")
        self.setWindowTitle(self.tr("{0} — Dongchuan Workbench").format(name))
        self.setWindowFilePath(str(path) if path else "")
        counts = dataset.counts()
        message = self.tr("{0} places, {1} programs, {2} figures, {3} sources").format(
            counts["places"], counts["programs"], counts["observations"], counts["sources"]
        )
        if warnings:
            message += self.tr(" · {0} warnings").format(len(warnings))
        self.statusBar().showMessage(message)
        self._record_location()

    def open_path(self, path: str | Path) -> bool:
        """Open ``path``; on any problem show them all and keep what was open."""
        path = Path(path)
        try:
            result = load_path(path)
        except DatasetError as exc:
            self.show_problems(path, exc.problems)
            return False
        self.set_dataset(Dataset(result.data), path, result.warnings)
        if result.warnings:
            self.show_problems(path, result.warnings, warnings_only=True)
        return True

    @Slot()
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open dataset"), start, self.tr("Workbench files (*.json);;All files (*)")
        )
        if name:
            self.open_path(name)

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

    # --------------------------------------------------------- navigation
    def tab_for(self, kind: str) -> Tab | None:
        return next((t for t in self.tabs if kind in t.kinds), None)

    @Slot(str, str)
    def navigate(self, kind: str, record_id: str) -> bool:
        tab = self.tab_for(kind)
        if tab is None:
            return False
        self._restoring = True  # one history entry for the whole move
        try:
            self.tab_widget.setCurrentWidget(tab)
            found = tab.show_record(kind, record_id)
        finally:
            self._restoring = False
        self._record_location()
        return found

    def current_location(self) -> Location:
        index = self.tab_widget.currentIndex()
        here = self.tabs[index].current_location() if index >= 0 else None
        return Location(index, *(here or ("", "")))

    def _record_location(self, *args) -> None:
        if not self._restoring and self.dataset is not None:
            self.history.visit(self.current_location())
        self._update_nav_actions()

    def _apply(self, location: Location | None) -> None:
        if location is None:
            return
        self._restoring = True
        try:
            self.tab_widget.setCurrentIndex(location.tab)
            if location.kind:
                self.tabs[location.tab].show_record(location.kind, location.id)
        finally:
            self._restoring = False
        self._update_nav_actions()

    @Slot()
    def go_back(self) -> None:
        self._apply(self.history.back())

    @Slot()
    def go_forward(self) -> None:
        self._apply(self.history.forward())

    def _update_nav_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    @Slot()
    def focus_search(self) -> None:
        self.tabs[self.tab_widget.currentIndex()].focus_search()

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
        for i, tab in enumerate(self.tabs):
            for name, splitter in tab.splitters().items():
                state = settings.read(f"splitter/{i}/{name}")
                if isinstance(state, QByteArray) and not state.isEmpty():
                    splitter.restoreState(state)
        location = Location.decode(settings.read("nav/location") or "")
        if location is not None and 0 <= location.tab < len(self.tabs):
            self._apply(location)
            self.history.visit(self.current_location())
        else:
            self.tab_widget.setCurrentIndex(
                min(max(settings.read("window/tab"), 0), len(self.tabs) - 1)
            )

    def save_state(self) -> None:
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/tab", self.tab_widget.currentIndex())
        settings.write("nav/location", self.current_location().encode())
        for i, tab in enumerate(self.tabs):
            for name, splitter in tab.splitters().items():
                settings.write(f"splitter/{i}/{name}", splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
