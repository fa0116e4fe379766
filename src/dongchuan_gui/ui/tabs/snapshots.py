"""Snapshots tab: the snapshots of the open file, and comparisons between them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.diff import RecordDiff, diff
from ...model.fileformat import load_path
from ...model.problems import DatasetError
from ...model.records import COLLECTIONS, DatasetFile
from ...model.snapshots import SnapshotEntry, list_snapshots
from ..colors import PALETTE
from ..plot_data import plot_series, scope_label
from ..widgets.timeline_plot import TimelinePlot
from .base import Tab

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


class SnapshotsTab(Tab):
    snapshot_requested = Signal()
    open_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.folder: Path | None = None
        self.entries: list[SnapshotEntry] = []
        self.changes: list[RecordDiff] = []
        self._pair: tuple[DatasetFile, DatasetFile] | None = None
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Folder…"), self)
        refresh = QPushButton(self.tr("Refresh"), self)
        take = QPushButton(self.tr("Save Snapshot…"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Snapshots in:"), self))
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)
        top.addWidget(refresh)
        top.addWidget(take)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Taken (UTC)"),
                self.tr("Note"),
                self.tr("Author"),
                self.tr("Places"),
                self.tr("Programs"),
                self.tr("Figures"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.open_button = QPushButton(self.tr("Open read-only"), self)
        self.compare_current = QPushButton(self.tr("Compare with current"), self)
        self.compare_two = QPushButton(self.tr("Compare the two selected"), self)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.compare_current,
            self.compare_two,
            self.restore_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in ("meta", *COLLECTIONS):
            self.kind_filter.addItem(kind, kind)
        self.diff_table = QTableWidget(0, 6, self)
        self.diff_table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Record"),
                self.tr("Change"),
                self.tr("Field"),
                self.tr("Old"),
                self.tr("New"),
            ]
        )
        self.diff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_table.verticalHeader().hide()
        header = self.diff_table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.series_choice = QComboBox(self)
        self.plot = TimelinePlot(self)
        filters = QHBoxLayout()
        filters.addWidget(self.status, 1)
        filters.addWidget(QLabel(self.tr("Show:"), self))
        filters.addWidget(self.kind_filter)
        filters.addWidget(QLabel(self.tr("Timeline:"), self))
        filters.addWidget(self.series_choice)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(actions)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.diff_table)
        lower.addWidget(self.plot)
        lower.setSizes([700, 500])
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(filters)
        middle_layout.addWidget(lower, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(middle)
        self.splitter.setSizes([300, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        choose.clicked.connect(self._choose_folder)
        refresh.clicked.connect(self.reload)
        take.clicked.connect(self.snapshot_requested)
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.restore_button.clicked.connect(lambda: self._emit_selected(self.restore_requested))
        self.compare_current.clicked.connect(self._compare_with_current)
        self.compare_two.clicked.connect(self._compare_selected)
        self.kind_filter.currentIndexChanged.connect(self._fill_diff)
        self.series_choice.currentIndexChanged.connect(self._draw_overlay)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.plot.set_content(
            [],
            empty_text=self.tr(
                "Select a snapshot and compare it with the current data, or select two."
            ),
        )
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Snapshots")

    def splitters(self):
        return {"main": self.splitter}

    # ------------------------------------------------------------- list
    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.reload()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Snapshot folder"), str(self.folder or "")
        )
        if chosen:
            self.set_folder(Path(chosen))

    def reload(self) -> None:
        self.folder_label.setText(str(self.folder) if self.folder else "—")
        self.entries, problems = list_snapshots(self.folder) if self.folder else ([], [])
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(reversed(self.entries)):
            cells = [
                entry.info.taken.replace("T", " ").replace("Z", ""),
                entry.info.note,
                entry.info.author,
                entry.counts["places"],
                entry.counts["programs"],
                entry.counts["observations"],
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                item.setData(PATH_ROLE, str(entry.path))
                item.setToolTip(f"{entry.path}\n{entry.info.content_hash}")
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        if not self.entries:
            self.status.setText(
                self.tr(
                    "No snapshots here yet: Save Snapshot… keeps the data as it is now, "
                    "with a note, so you can compare with it or go back to it later."
                )
            )
        if problems:
            self.status.setText(
                self.tr("{0} files in the folder could not be read: {1}").format(
                    len(problems), problems[0]
                )
            )
        self._update_buttons()

    def selected_paths(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(PATH_ROLE) for r in rows]

    def select_rows(self, rows: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in rows:
            self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        n = len(self.selected_paths())
        self.open_button.setEnabled(n == 1)
        self.restore_button.setEnabled(n == 1)
        self.compare_current.setEnabled(n == 1)
        self.compare_two.setEnabled(n == 2)

    def _emit_selected(self, signal) -> None:
        paths = self.selected_paths()
        if len(paths) == 1:
            signal.emit(paths[0])

    # ---------------------------------------------------------- compare
    def _load(self, path: str) -> DatasetFile | None:
        try:
            return load_path(path).data
        except DatasetError as exc:
            self.status.setText(str(exc))
            return None

    def _compare_with_current(self) -> None:
        paths = self.selected_paths()
        if len(paths) == 1 and self.dataset is not None:
            old = self._load(paths[0])
            if old is not None:
                self.compare(old, self.dataset.data, Path(paths[0]).name, self.tr("current"))

    def _compare_selected(self) -> None:
        paths = self.selected_paths()
        if len(paths) == 2:
            a, b = self._load(paths[0]), self._load(paths[1])
            if a is not None and b is not None:
                # older first, whichever row was picked first
                if (a.snapshot and b.snapshot) and a.snapshot.taken > b.snapshot.taken:
                    a, b, paths = b, a, paths[::-1]
                self.compare(a, b, Path(paths[0]).name, Path(paths[1]).name)

    def compare(self, a: DatasetFile, b: DatasetFile, label_a: str, label_b: str) -> None:
        self._pair = (a, b)
        self._labels = (label_a, label_b)
        self.changes = diff(a, b)
        counts = {
            act: sum(c.action == act for c in self.changes)
            for act in ("added", "removed", "changed")
        }
        self.status.setText(
            self.tr("{0} → {1}: {2} added, {3} removed, {4} changed").format(
                label_a, label_b, counts["added"], counts["removed"], counts["changed"]
            )
        )
        self._fill_diff()
        self._fill_series_choice()

    def _fill_diff(self) -> None:
        kind = self.kind_filter.currentData()
        rows = []
        for c in self.changes:
            if kind and c.kind != kind:
                continue
            if c.fields:
                rows += [
                    (c.kind, c.id, c.action, f.field, _short(f.old), _short(f.new))
                    for f in c.fields
                ]
            else:
                rows.append((c.kind, c.id, c.action, "", "", ""))
        self.diff_table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for col, value in enumerate(values):
                self.diff_table.setItem(r, col, QTableWidgetItem(value))
        self.diff_table.resizeColumnsToContents()

    def diff_rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.diff_table.item(r, c).text() for c in range(6))
            for r in range(self.diff_table.rowCount())
        ]

    def _fill_series_choice(self) -> None:
        a, b = self._pair
        changed_obs = {c.id for c in self.changes if c.kind == "observations"}
        labels: dict[str, str] = {}
        changed: set[str] = set()
        for data in (b, a):
            ds = Dataset(data)
            for o in data.observations:
                key = f"{o.indicator}|{o.place or ''}|{o.program or ''}"
                if o.id in changed_obs:
                    changed.add(key)
                if key not in labels:
                    ind = ds.indicator(o.indicator)
                    labels[key] = (
                        f"{ind.name_zh if ind else o.indicator} · "
                        f"{scope_label(ds, o.place, o.program)}"
                    )
        # the series that changed come first, marked
        ordered = sorted(labels, key=lambda k: (k not in changed, labels[k]))
        self.series_choice.blockSignals(True)
        self.series_choice.clear()
        for key in ordered:
            self.series_choice.addItem(("● " if key in changed else "") + labels[key], key)
        self.series_choice.blockSignals(False)
        self._draw_overlay()

    def _draw_overlay(self) -> None:
        if self._pair is None or self.series_choice.count() == 0:
            self.plot.set_content([], empty_text=self.tr("Nothing to compare yet."))
            return
        indicator, place, program = self.series_choice.currentData().split("|")
        series = []
        for n, (data, label) in enumerate(zip(self._pair, self._labels, strict=True)):
            s = plot_series(Dataset(data), indicator, place=place or None, program=program or None)
            s.key, s.label, s.color = f"{s.key}|{n}", f"{label}: {s.label}", PALETTE[n]
            series.append(s)
        self.plot.set_content(
            series, empty_text=self.tr("This series has no dated figures in either version.")
        )
