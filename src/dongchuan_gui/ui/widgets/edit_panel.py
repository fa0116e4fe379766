"""The Edit side of a detail pane: the record's own fields, and the figures, events
and stories that belong to it, each editable, addable and removable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ..plot_data import format_value
from .record_editor import RecordEditor

KEY = Qt.ItemDataRole.UserRole + 1
RELATED_OWNER = {"places": "place", "programs": "program"}


def _scroll(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    # the form follows the pane's width; it never scrolls sideways out of view
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class EditPanel(QWidget):
    field_edited = Signal(str, str, str, object)
    add_requested = Signal(str, str, str)  # kind to add, owner kind, owner id
    remove_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.kind, self.record_id, self.read_only = "", "", False
        self.editor = RecordEditor(self)
        self.related = QListWidget(self)
        self.related.setAlternatingRowColors(True)
        self.related_editor = RecordEditor(self)
        self.add_kind = QComboBox(self)
        self.add_kind.addItem(self.tr("figure"), "observations")
        self.add_kind.addItem(self.tr("event"), "events")
        self.add_kind.addItem(self.tr("story"), "stories")
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_record_button = QPushButton(self.tr("Remove this record"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Belonging to it:"), self))
        buttons.addStretch(1)
        buttons.addWidget(self.add_kind)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.related, 1)
        right_layout.addWidget(_scroll(self.related_editor, self), 2)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_scroll(self.editor, self), 1)
        left_layout.addWidget(self.remove_record_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([440, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.editor.field_edited.connect(self.field_edited)
        self.related_editor.field_edited.connect(self.field_edited)
        self.related.currentItemChanged.connect(self._show_related)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove_related)
        self.remove_record_button.clicked.connect(
            lambda: self.remove_requested.emit(self.kind, self.record_id)
        )

    def set_target(
        self, dataset: Dataset, kind: str, record_id: str | None, *, read_only: bool = False
    ) -> None:
        self.dataset, self.kind, self.record_id = dataset, kind, record_id or ""
        self.read_only = read_only
        record = dataset.get(kind, record_id) if record_id else None
        self.editor.set_record(dataset, kind, record, read_only=read_only)
        keep = self.related_key()
        self.related.blockSignals(True)
        self.related.clear()
        owner = RELATED_OWNER.get(kind)
        if record is not None and owner:
            # lupdate does not read tr() inside f-strings: the words are said first
            figure, undated = self.tr("figure"), self.tr("undated")
            event, story = self.tr("event"), self.tr("story")
            for o in dataset.observations_for(**{owner: record.id}):
                ind = dataset.indicator(o.indicator)
                label = ind.name_zh if ind else o.indicator
                text = (
                    f"{figure}: {label} {o.period or undated} = "
                    f"{format_value(o.value, ind.unit if ind else '')}"
                )
                self._add_item(text, "observations", o.id)
            for e in dataset.events_for(**{owner: record.id}):
                self._add_item(
                    f"{event}: {e.date} {e.title_zh or e.title_en}", "events", e.id
                )
            for s in dataset.stories_for(**{owner: record.id}):
                self._add_item(f"{story}: {s.title_zh or s.title_en}", "stories", s.id)
        self.related.blockSignals(False)
        has_related = owner is not None and record is not None
        for w in (self.add_button, self.add_kind, self.remove_button):
            w.setEnabled(has_related and not read_only)
        self.remove_record_button.setEnabled(record is not None and not read_only)
        if keep and self.select_related(*keep):
            return
        self.related_editor.set_record(dataset, "observations", None)

    def _add_item(self, text: str, kind: str, record_id: str) -> None:
        item = QListWidgetItem(text, self.related)
        item.setData(KEY, (kind, record_id))

    def related_key(self) -> tuple[str, str] | None:
        item = self.related.currentItem()
        return tuple(item.data(KEY)) if item is not None else None

    def select_related(self, kind: str, record_id: str) -> bool:
        for row in range(self.related.count()):
            item = self.related.item(row)
            if tuple(item.data(KEY)) == (kind, record_id):
                self.related.setCurrentItem(item)
                self._show_related(item)
                return True
        return False

    def _show_related(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or self.dataset is None:
            self.related_editor.set_record(self.dataset, "observations", None)
            return
        kind, record_id = item.data(KEY)
        self.related_editor.set_record(
            self.dataset, kind, self.dataset.get(kind, record_id), read_only=self.read_only
        )

    def commit_pending(self) -> None:
        for editor in (self.editor, self.related_editor):
            editor.commit_pending()

    def editor_for(self, kind: str, record_id: str) -> RecordEditor | None:
        for editor in (self.editor, self.related_editor):
            if editor.kind == kind and editor.record is not None and editor.record.id == record_id:
                return editor
        return None

    def _add(self) -> None:
        self.add_requested.emit(self.add_kind.currentData(), self.kind, self.record_id)

    def _remove_related(self) -> None:
        key = self.related_key()
        if key:
            self.remove_requested.emit(*key)
