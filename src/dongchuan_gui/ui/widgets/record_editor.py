"""A form for any record, built from its msgspec fields. It only emits intents:
``field_edited(kind, id, field, value)`` with a plain value; whoever listens checks
the edit and either pushes an undo command or calls :meth:`show_error`."""

from __future__ import annotations

import re
import typing
from typing import Any

import msgspec
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.editing import LIST_REFERENCES, REFERENCES
from ...model.records import COLLECTIONS, Location, Record
from ..field_labels import field_label, kind_name, option_label, record_name

LONG_TEXT = {
    "summary_en",
    "summary_zh",
    "text_en",
    "text_zh",
    "note",
    "comment",
    "description",
    "definition",
    "derived",
    "name_note",
}
LIST_SPLIT = re.compile(r"\s*[,;，、；]\s*")


def _literal_values(annotation) -> tuple[str, ...] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        origin = typing.get_origin(arg)
        if origin is typing.Literal:
            return typing.get_args(arg)
        if typing.get_origin(arg) is typing.Annotated:
            found = _literal_values(typing.get_args(arg)[0])
            if found:
                return found
    return None


def _is_optional(annotation) -> bool:
    return type(None) in typing.get_args(annotation)


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list


def _is_bool(annotation) -> bool:
    return annotation is bool


def _plain(annotation):
    """The type under ``Annotated[...]`` (a bounded number, a checked id)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _is_number(annotation) -> bool:
    # ``Annotated[float, Meta(ge=0)] | None`` (funds) is a number too
    args = {_plain(a) for a in typing.get_args(_plain(annotation))} or {_plain(annotation)}
    return bool(args & {int, float}) and str not in args


def _number_text(value: float) -> str:
    """A number as text that reads back as the same number: whole numbers without
    ".0", others in Python's shortest round-trip form (never rounded like ``:g``,
    which turned 25.86665 into 25.8666 and 1234567.0 into 1.23457e+06)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class _TextEdit(QPlainTextEdit):
    """Long text that commits when the user leaves the field."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class RecordEditor(QWidget):
    field_edited = Signal(str, str, str, object)  # kind, id, field, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.record: Record | None = None
        self.read_only = False
        self.dataset: Dataset | None = None
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._annotations: dict[str, Any] = {}
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._title = QLabel(self)
        self._title.setObjectName("editorTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addLayout(self._form)
        layout.addStretch(1)

    # ----------------------------------------------------------- building
    def set_record(
        self, dataset: Dataset, kind: str, record: Record | None, *, read_only: bool = False
    ) -> None:
        """Show ``record``. The form is built once per kind of record; showing
        another record of the same kind, or a new version of this one, only puts
        the values in the fields, so no field is deleted while it is in use."""
        self.dataset = dataset
        if record is None or kind != self.kind or not self._widgets:
            self._clear_form()
        elif self.record is None or record.id != self.record.id:
            for label in self._errors.values():
                label.hide()
        self.kind, self.record, self.read_only = kind, record, read_only
        if record is None:
            self._title.setText(self.tr("Nothing to edit."))
            return
        self._title.setText(
            self.tr("Editing {0} “{1}”").format(kind_name(kind), record_name(dataset, kind, record))
        )
        if not self._widgets:
            self._build_form(kind)
        for name, widget in self._widgets.items():
            widget.setEnabled(not read_only and name != "id")
            self._show_value(name, widget)

    def _clear_form(self) -> None:
        """Take the rows out and delete their widgets later, never now: this may run
        while one of them is still inside its own signal handler."""
        while self._form.rowCount():
            row = self._form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self._widgets.clear()
        self._errors.clear()
        self._annotations.clear()

    def _build_form(self, kind: str) -> None:
        for info in msgspec.structs.fields(COLLECTIONS[kind]):
            name = info.name
            widget = self._make_widget(kind, name, info.type)
            if kind == "cooperation_projects" and name == "funds":
                # ledgers keep project funds in 万元; say so where they are typed
                widget.setPlaceholderText(self.tr("万元 (10,000 yuan): 50.4 million yuan is 5040"))
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            box.addWidget(widget)
            box.addWidget(error)
            self._form.addRow(field_label(kind, name), holder)
            self._widgets[name] = widget
            self._errors[name] = error
            self._annotations[name] = info.type

    def _make_widget(self, kind: str, name: str, annotation) -> QWidget:
        literal = _literal_values(annotation)
        if (name in REFERENCES and not _is_list(annotation)) or literal:
            box = QComboBox(self)
            box.setObjectName(name)
            # long names must not widen the form past its pane
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            if literal:
                if _is_optional(annotation):
                    box.addItem("—", None)  # not set
                for option in literal:
                    # the option's name is shown, its code is stored
                    box.addItem(option_label(kind, name, option), option)
            box.activated.connect(lambda _i, n=name, b=box: self._emit(n, b.currentData()))
            return box
        if _is_bool(annotation):
            check = QCheckBox(self)
            check.setObjectName(name)
            check.toggled.connect(lambda on, n=name: self._emit(n, on))
            return check
        if name in LONG_TEXT:
            edit = _TextEdit(self)
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)  # Tab leaves the field, as in every other field
            edit.setMaximumHeight(72)
            edit.committed.connect(lambda n=name, e=edit: self._text_committed(n, e))
            return edit
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if name in LIST_REFERENCES or _is_list(annotation):
            edit.setPlaceholderText(self.tr("comma-separated"))
        if name == "location":
            edit.setPlaceholderText(self.tr("latitude, longitude, datum (GCJ-02 or WGS-84)"))
        edit.editingFinished.connect(
            lambda n=name, e=edit, a=annotation: self._line_committed(n, e, a)
        )
        return edit

    def _reference_choices(self, name: str) -> list[tuple[str, str | None]]:
        choices: list[tuple[str, str | None]] = [("—", None)]
        for rec in getattr(self.dataset.data, REFERENCES[name]):
            label = getattr(rec, "name_zh", "") or getattr(rec, "title", "") or rec.id
            choices.append((f"{label}  ({rec.id})", rec.id))
        return choices

    def _show_value(self, name: str, widget: QWidget) -> None:
        """Put the record's stored value in its field, without emitting an edit."""
        value = getattr(self.record, name)
        if isinstance(widget, QLineEdit):
            text = self._to_text(name, self._annotations[name], value)
            if widget.text() != text:
                widget.setText(text)
            widget.setModified(False)
        elif isinstance(widget, QComboBox):
            if name in REFERENCES:
                choices = self._reference_choices(name)
                current = [(widget.itemText(i), widget.itemData(i)) for i in range(widget.count())]
                if current != choices:
                    widget.clear()
                    for label, data in choices:
                        widget.addItem(label, data)
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QCheckBox):
            widget.blockSignals(True)
            widget.setChecked(bool(value))
            widget.blockSignals(False)
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")

    # ---------------------------------------------------------- values
    @staticmethod
    def _to_text(name: str, annotation, value) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, Location):
            return f"{_number_text(value.lat)}, {_number_text(value.lon)}, {value.datum}"
        if isinstance(value, float):
            return _number_text(value)
        return str(value)

    def _parse(self, name: str, annotation, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        if name == "location":
            parts = [p.strip() for p in text.split(",")]
            if len(parts) not in (2, 3):
                raise ValueError(self.tr("expected 'latitude, longitude, datum'"))
            old = self.record.location if self.record is not None else None
            values: dict[str, Any] = msgspec.to_builtins(old) if old else {}
            values.update(
                lat=parts[0],
                lon=parts[1],
                datum=parts[2] if len(parts) == 3 else values.get("datum", "unknown"),
            )
            try:
                values["lat"], values["lon"] = float(values["lat"]), float(values["lon"])
            except ValueError:
                raise ValueError(self.tr("latitude and longitude must be numbers")) from None
            return values
        if _is_list(annotation):
            return [p for p in LIST_SPLIT.split(text) if p]
        if _is_number(annotation):
            cleaned = text.replace(",", "").replace("，", "").replace(" ", "")
            try:
                number = float(cleaned)
            except ValueError:
                raise ValueError(self.tr("{0!r} is not a number").format(text)) from None
            return int(number) if number.is_integer() and "." not in cleaned else number
        return text

    def _line_committed(self, name: str, edit: QLineEdit, annotation) -> None:
        if self.record is None or self._widgets.get(name) is not edit:
            return  # a field of a form taken down, on its way out
        try:
            value = self._parse(name, annotation, edit.text())
        except ValueError as exc:
            self.show_error(name, str(exc))
            self.reset_field(name)  # the stored value comes back, as for every refusal
            return
        current = msgspec.to_builtins(getattr(self.record, name))
        if value == current or (value is None and current in (None, "", [])):
            self.clear_error(name)
            return
        self._emit(name, value)

    def _text_committed(self, name: str, edit: QPlainTextEdit) -> None:
        if self._widgets.get(name) is not edit:
            return  # a field of a form taken down, on its way out
        if self.record is not None and edit.toPlainText() != (getattr(self.record, name) or ""):
            self._emit(name, edit.toPlainText())

    def _emit(self, name: str, value: Any) -> None:
        if self.record is None or self.read_only or name not in self._widgets:
            return
        self.clear_error(name)
        self.field_edited.emit(self.kind, self.record.id, name, value)

    def commit_pending(self) -> None:
        """Commit what is being typed in a field that has not been left yet (before
        a save, a snapshot or closing, so typed text is never dropped)."""
        for name, widget in self._widgets.items():
            if not widget.hasFocus():
                continue
            if isinstance(widget, QLineEdit) and widget.isModified():
                self._line_committed(name, widget, self._annotations[name])
            elif isinstance(widget, _TextEdit):
                self._text_committed(name, widget)

    # ---------------------------------------------------------- feedback
    def show_error(self, name: str, message: str) -> None:
        label = self._errors.get(name)
        if label is not None:
            label.setText(message)
            label.show()

    def clear_error(self, name: str) -> None:
        label = self._errors.get(name)
        if label is not None:
            label.hide()

    def error_text(self, name: str) -> str:
        label = self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def label_text(self, name: str) -> str:
        """The label shown beside a field."""
        label = self._form.labelForField(self._widgets[name].parentWidget())
        return label.text() if isinstance(label, QLabel) else ""

    def title_text(self) -> str:
        return self._title.text()

    def reset_field(self, name: str) -> None:
        """Show the record's stored value again (after a refused edit)."""
        widget = self._widgets.get(name)
        if self.record is not None and widget is not None:
            self._show_value(name, widget)
