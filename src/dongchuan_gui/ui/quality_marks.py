"""Answers to data-quality flags as undo commands: "checked, value correct" or "follow
up" on one or many findings is one ``QualityMark`` per finding, all in one undo step.

The Data Quality tab builds the command and emits it (``command_requested``); the
window pushes it on the document's undo stack, as for any other edit.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand

from ..model.dataset import Dataset
from ..model.editing import new_id
from ..model.quality.findings import Finding
from ..model.records import QualityMark
from .language import tr

KIND = "quality_marks"
STATES = ("checked", "follow_up")


def login_name() -> str:
    """Who answers: the login name, as snapshots record it ("" when there is none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the passwd file
        return ""


def now_iso() -> str:
    """The local time with its zone, to the second (2025-03-04T10:20:30+08:00)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def marks_for(
    dataset: Dataset,
    found: Iterable[Finding],
    state: str,
    *,
    note: str = "",
    by: str | None = None,
    at: str | None = None,
) -> list[QualityMark]:
    """One new mark per finding; findings already holding this answer are skipped."""
    if state not in STATES:
        raise ValueError(f"no mark state {state!r}")
    by = login_name() if by is None else by
    at = now_iso() if at is None else at
    out = []
    number = 0
    for item in found:
        if item.mark is not None and item.mark.state == state and not note:
            continue  # the same answer again says nothing new
        if number == 0:  # the lowest free number, then counting up past taken ones
            number = int(new_id(dataset, KIND, "mark").rsplit("-", 1)[1])
        while dataset.get(KIND, f"mark-{number}") is not None:
            number += 1
        mark_id = f"mark-{number}"
        number += 1
        out.append(
            QualityMark(
                id=mark_id,
                flag=item.key,
                state=state,  # type: ignore[arg-type]
                record_kind=item.record_kind,
                record_id=item.record_id or None,
                value=item.value,
                other_value=item.other,
                by=by,
                at=at,
                note=note,
            )
        )
    return out


def mark_command(
    dataset: Dataset,
    found: Iterable[Finding],
    state: str,
    *,
    note: str = "",
    by: str | None = None,
    at: str | None = None,
) -> QUndoCommand | None:
    """The marks as one undo step (None when there is nothing to mark)."""
    marks = marks_for(dataset, found, state, note=note, by=by, at=at)
    if not marks:
        return None
    if state == "checked":
        text = tr("Mark {0} findings checked, value correct").format(len(marks))
        if len(marks) == 1:
            text = tr("Mark a finding checked, value correct")
    else:
        text = tr("Mark {0} findings for follow-up").format(len(marks))
        if len(marks) == 1:
            text = tr("Mark a finding for follow-up")
    return AddMarks(dataset, marks, text)


class AddMarks(QUndoCommand):
    """Marks added as one step. One command for all of them: a QUndoCommand per
    mark costs more than the mark (1 s for 100k)."""

    def __init__(self, dataset: Dataset, marks: list[QualityMark], text: str) -> None:
        super().__init__(text)
        self.dataset, self.marks = dataset, marks

    def redo(self) -> None:
        for mark in self.marks:
            self.dataset.add(KIND, mark)

    def undo(self) -> None:
        for mark in reversed(self.marks):
            self.dataset.remove(KIND, mark.id)
