"""Importing figures from a sheet: choose the columns, see every row checked, apply.

The dialog only returns a plan; the window applies it as one undoable step, and
nothing happens when the user cancels."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.sheet_import import (
    FIELDS,
    REQUIRED,
    ImportPlan,
    Sheet,
    SheetError,
    guess_mapping,
    plan_import,
)
from ..plot_data import format_value

STATUS_COLOURS = {
    "new": "#e6f4ea",
    "updated": "#e8f0fe",
    "unchanged": "#f5f5f5",
    "rejected": "#fce8e6",
}


class ImportDialog(QDialog):
    def __init__(self, dataset: Dataset, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset, self.sheet = dataset, sheet
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import figures from {0}").format(sheet.name))
        self.resize(1000, 640)
        self.columns: dict[str, QComboBox] = {}
        guessed = guess_mapping(sheet.header)
        form = QFormLayout()
        for fld in FIELDS:
            box = QComboBox(self)
            box.addItem(self.tr("— not in the sheet —"), None)
            for i, name in enumerate(sheet.header):
                box.addItem(str(name or f"column {i + 1}"), i)
            box.setCurrentIndex(max(box.findData(guessed.get(fld)), 0))
            box.currentIndexChanged.connect(self.refresh)
            label = fld + (" *" if fld in REQUIRED else "")
            form.addRow(label, box)
            self.columns[fld] = box
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Check"),
                self.tr("Why"),
                self.tr("Indicator"),
                self.tr("Place"),
                self.tr("Period"),
                self.tr("Value"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form)
        note = QLabel(
            self.tr(
                "Choose the column for each field (* required). Each row is "
                "checked as you choose; nothing changes until you apply, and "
                "the whole import can be undone in one step."
            )
            + (f"\n{sheet.note}" if sheet.note else ""),
            self,
        )
        note.setWordWrap(True)
        top.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def mapping(self) -> dict[str, int]:
        return {
            f: box.currentData() for f, box in self.columns.items() if box.currentData() is not None
        }

    def refresh(self) -> None:
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        try:
            self.plan = plan_import(self.dataset, self.sheet, self.mapping())
        except SheetError as exc:
            self.plan = None
            self.summary.setText(str(exc))
            self.table.setRowCount(0)
            apply.setEnabled(False)
            return
        plan = self.plan
        self.summary.setText(self.tr("Dry run: {0}.").format(plan.summary()))
        self.table.setRowCount(len(plan.results))
        for r, result in enumerate(plan.results):
            rec = result.record
            ind = self.dataset.indicator(rec.indicator) if rec else None
            place = self.dataset.place(rec.place) if rec and rec.place else None
            cells = [
                str(result.row),
                result.status,
                result.reason,
                ind.name_zh if ind else "",
                place.name_zh if place else "",
                rec.period or "" if rec else "",
                format_value(rec.value, ind.unit if ind else "") if rec else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(QColor(STATUS_COLOURS[result.status])))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        apply.setEnabled(plan.count("new") + plan.count("updated") > 0)
