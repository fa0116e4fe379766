"""One QUndoCommand class per kind of edit; each calls Dataset methods only."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..model.dataset import Dataset
from ..model.editing import RemovalPlan
from ..model.records import DatasetFile, Record

MERGE_EDIT = 1001


class EditRecord(QUndoCommand):
    """Put a new version of a record in place. Successive edits of the same field
    of the same record merge into one step (typing in one field)."""

    def __init__(
        self,
        dataset: Dataset,
        kind: str,
        new: Record,
        text: str,
        field: str | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.dataset, self.kind, self.new, self.field = dataset, kind, new, field
        self.old = dataset.get(kind, new.id)
        if self.old is None:
            raise KeyError(f"{kind}: no record {new.id!r}")

    def redo(self) -> None:
        self.dataset.replace(self.kind, self.new)

    def undo(self) -> None:
        self.dataset.replace(self.kind, self.old)

    def id(self) -> int:
        return MERGE_EDIT if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditRecord)
            and other.kind == self.kind
            and other.new.id == self.new.id
            and other.field == self.field
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed back to where it started: no step at all
        return True


class AddRecord(QUndoCommand):
    def __init__(
        self,
        dataset: Dataset,
        kind: str,
        record: Record,
        text: str,
        index: int | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.dataset, self.kind, self.record, self.index = dataset, kind, record, index

    def redo(self) -> None:
        self.dataset.add(self.kind, self.record, self.index)

    def undo(self) -> None:
        self.dataset.remove(self.kind, self.record.id)


class RemoveRecord(QUndoCommand):
    def __init__(
        self,
        dataset: Dataset,
        kind: str,
        record_id: str,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.dataset, self.kind, self.record_id = dataset, kind, record_id
        self.index: int | None = None
        self.record: Record | None = None

    def redo(self) -> None:
        self.index, self.record = self.dataset.remove(self.kind, self.record_id)

    def undo(self) -> None:
        self.dataset.add(self.kind, self.record, self.index)


class Composite(QUndoCommand):
    """Several edits as one step. It holds its parts itself (Python objects that
    Qt would not keep alive) and undoes them in reverse order, so every index
    comes back exactly."""

    def __init__(self, text: str, parts: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.parts = parts

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


def removal_command(dataset: Dataset, plan: RemovalPlan, text: str) -> QUndoCommand:
    """A removal with the link edits it needs: edits first, then removals (the
    target last)."""
    parts: list[QUndoCommand] = [EditRecord(dataset, kind, new, text) for kind, new in plan.edits]
    parts += [RemoveRecord(dataset, kind, rid, text) for kind, rid in plan.removes]
    return Composite(text, parts)


class ReplaceAll(QUndoCommand):
    """Replace the whole dataset (restoring a snapshot) as one step."""

    def __init__(self, dataset: Dataset, data: DatasetFile, text: str) -> None:
        super().__init__(text)
        self.dataset, self.new, self.old = dataset, data, dataset.data

    def redo(self) -> None:
        self.dataset.reset(self.new)

    def undo(self) -> None:
        self.dataset.reset(self.old)


def plan_command(
    dataset: Dataset,
    adds: list[tuple[str, Record]],
    replaces: list[tuple[str, Record]],
    text: str,
) -> QUndoCommand:
    """Records to replace and to add (a model plan) as one step: replacements first,
    then additions in order, so undo takes the additions back before the old values."""
    parts: list[QUndoCommand] = [EditRecord(dataset, kind, rec, text) for kind, rec in replaces]
    parts += [AddRecord(dataset, kind, rec, text) for kind, rec in adds]
    return Composite(text, parts)
