"""The filter row of the Data Quality tab: kind, importance, state, place, program and
a search box. ``changed`` fires with every choice; ``criteria()`` says what to show.
The place and program lists hold those the findings name (places with the places
above them, indented, so a town takes in its villages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...model.dataset import Dataset
from ...model.quality.findings import KINDS, Finding
from .quality_labels import STATES, Names, importance_text, kind_text, state_filter_text
from .quality_model import Criteria

INDENT = "\u3000"  # an ideographic space per level
SEARCH_DELAY_MS = 150


class QualityFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self._combo("qualityKind", self.tr("All kinds"))
        for kind in KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.importance = self._combo("qualityImportance", self.tr("Any importance"))
        for level in ("high", "medium", "low"):
            self.importance.addItem(importance_text(level), level)
        self.state = self._combo("qualityState", self.tr("Any state"))
        for state in STATES:
            self.state.addItem(state_filter_text(state), state)
        self.place = self._combo("qualityPlace", self.tr("All places"), names=True)
        self.program = self._combo("qualityProgram", self.tr("All programs"), names=True)
        self.search = QLineEdit(self)
        self.search.setObjectName("qualitySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search messages and names"))
        self._under: dict[str, frozenset[str]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Show:"), self)
        layout.addWidget(label)
        for widget in (self.kind, self.importance, self.state, self.place, self.program):
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        # typing filters once the typing pauses (a filter pass is ~0.2 s at 100k)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.returnPressed.connect(self._search_now)

    def _combo(self, name: str, everything: str, names: bool = False) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        if names:  # long place and program names widen the open list, not the row
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        else:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaxVisibleItems(25)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def set_choices(self, dataset: Dataset, found: Sequence[Finding], names: Names) -> None:
        """The places and programs the findings name; the current choice stays when
        it is still there."""
        parent = {p.id: p.parent for p in dataset.data.places}
        named = {f.place for f in found if f.place}
        shown: set[str] = set()
        for place in named:
            seen = 0
            while place is not None and place not in shown and seen < 64:
                shown.add(place)
                place = parent.get(place)
                seen += 1
        under: dict[str, set[str]] = {p: {p} for p in shown}
        for place in named:
            up, seen = parent.get(place), 0
            while up is not None and seen < 64:
                if up in under:
                    under[up].add(place)
                up, seen = parent.get(up), seen + 1
        self._under = {k: frozenset(v) for k, v in under.items()}
        places = []
        for p in dataset.data.places:  # file order: the tree's order
            if p.id in shown:
                depth, up = 0, p.parent
                while up is not None and depth < 64:
                    depth, up = depth + 1, parent.get(up)
                places.append((INDENT * depth + names.places.get(p.id, p.id), p.id))
        for missing in sorted(named - {p.id for p in dataset.data.places}):
            places.append((missing, missing))
            self._under[missing] = frozenset({missing})
        programs = sorted(
            ((names.programs.get(g, g), g) for g in {f.program for f in found if f.program}),
            key=lambda pair: pair[0].casefold(),
        )
        self._refill(self.place, places)
        self._refill(self.program, programs)

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        wanted = [(combo.itemText(0), None), *items]
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == wanted:
            return
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            widest = max((combo.fontMetrics().horizontalAdvance(t) for t, _ in wanted), default=0)
            combo.view().setMinimumWidth(widest + 40)
            at = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(at, 0))
        finally:
            combo.blockSignals(False)
        if current is not None and combo.currentData() != current:
            self.changed.emit()  # the chosen place is gone: everything shows again

    def _search_now(self) -> None:
        if self._typing.isActive():
            self._typing.stop()
            self.changed.emit()

    def criteria(self) -> Criteria:
        place = self.place.currentData()
        return Criteria(
            kind=self.kind.currentData(),
            importance=self.importance.currentData(),
            state=self.state.currentData(),
            places=self._under.get(place, frozenset({place})) if place else None,
            program=self.program.currentData(),
            text=self.search.text().strip(),
        )

    def is_default(self) -> bool:
        return self.criteria() == Criteria()

    def clear(self) -> None:
        """Show everything again."""
        for combo in (self.kind, self.importance, self.state, self.place, self.program):
            combo.setCurrentIndex(0)
        self.search.clear()
        self._search_now()
