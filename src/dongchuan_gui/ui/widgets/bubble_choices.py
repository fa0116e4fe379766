"""The motion chart's choices: which units (towns, villages, programs) and which
measure on x, y, size and colour. Only measures with at least one value at the chosen
units are listed, with their unit; the register's measures are preferred when open,
else the pair of measures with the most unit-years in common."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...model.keyframes import Roles, measure_label, unit_label

GROUP = "group"  # the colour choice "by town" / "by category"
ROLES = ("x", "y", "size", "colour")
PREFERRED = {
    "x": ("register:median_income",),
    "y": ("register:incidence", "register:below"),
    "size": ("register:persons", "register:households", "figure:population-registered"),
}


class MeasureChoices(QWidget):
    units_changed = Signal()
    measures_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_kind = QComboBox(self)
        self.unit_kind.setObjectName("motionUnits")
        for text, kind in (
            (self.tr("Towns"), "towns"),
            (self.tr("Villages"), "villages"),
            (self.tr("Programs"), "programs"),
        ):
            self.unit_kind.addItem(text, kind)
        self.unit_kind.setCurrentIndex(1)
        self.combos = {role: QComboBox(self) for role in ROLES}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Units"), self))
        layout.addWidget(self.unit_kind)
        labels = (self.tr("X axis"), self.tr("Y axis"), self.tr("Size"), self.tr("Colour"))
        for role, text in zip(ROLES, labels, strict=True):
            combo = self.combos[role]
            combo.setObjectName(f"{role}Measure")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            layout.addSpacing(8)
            layout.addWidget(QLabel(text, self))
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.measures_changed)
        self.unit_kind.currentIndexChanged.connect(self.units_changed)

    @property
    def kind(self) -> str:
        return self.unit_kind.currentData()

    def fill(self, panel: Any, unit_ids: list[str], lang: str) -> None:
        """List the measures these units have values of, keeping the choices made
        where they are still there (no ``measures_changed``: the caller goes on)."""
        available: list[int] = []
        have = None
        if panel is not None and unit_ids:
            rows = [panel.places.index(u) for u in unit_ids]
            have = ~np.isnan(panel.values[:, rows, :])
            available = [m for m in range(len(panel.measures)) if have[m].any()]
        picks = _defaults(panel, available, have)
        for role, combo in self.combos.items():
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if role == "size":
                combo.addItem(self.tr("(none)"), "")
            if role == "colour":
                combo.addItem(self.tr("(one colour)"), "")
                by = self.tr("By category") if self.kind == "programs" else self.tr("By town")
                combo.addItem(by, GROUP)
            for m in available:
                measure = panel.measures[m]
                combo.addItem(label(panel, measure.id, lang), measure.id)
            index = combo.findData(keep) if keep is not None else -1
            if index < 0:
                index = combo.findData(picks.get(role, GROUP if role == "colour" else ""))
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def roles(self) -> Roles | None:
        x, y = self.combos["x"].currentData(), self.combos["y"].currentData()
        if not x or not y:
            return None
        size = self.combos["size"].currentData() or None
        colour = self.combos["colour"].currentData()
        return Roles(x, y, size, None if colour in ("", GROUP, None) else colour)

    @property
    def grouped(self) -> bool:
        return self.combos["colour"].currentData() == GROUP


def default_roles(panel: Any, unit_ids: list[str]) -> Roles | None:
    """The measures ``fill`` picks for these units when nothing was chosen yet."""
    if panel is None or not unit_ids:
        return None
    rows = [panel.places.index(u) for u in unit_ids]
    have = ~np.isnan(panel.values[:, rows, :])
    available = [m for m in range(len(panel.measures)) if have[m].any()]
    picks = _defaults(panel, available, have)
    if not picks.get("x") or not picks.get("y"):
        return None
    return Roles(picks["x"], picks["y"], picks.get("size") or None)


def label(panel: Any, measure: str, lang: str) -> str:
    """A measure's name with its unit: "Median income per person (yuan)"."""
    m = panel.measures[panel.index(measure)[0]]
    name, unit = measure_label(panel, measure, lang), unit_label(m.unit, lang)
    if not unit:
        return name
    return f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"


def _defaults(panel: Any, available: list[int], have: Any) -> dict[str, str]:
    if not available:
        return {}
    ids = [panel.measures[m].id for m in available]
    picks = {r: next((m for m in p if m in ids), "") for r, p in PREFERRED.items()}
    if not picks["x"] or not picks["y"]:
        flat = have[available].reshape(len(available), -1).astype(np.int64)
        common = flat @ flat.T
        np.fill_diagonal(common, -1)
        i, j = np.unravel_index(int(np.argmax(common)), common.shape)
        picks["x"], picks["y"] = ids[i], ids[j if len(ids) > 1 else i]
    return picks
