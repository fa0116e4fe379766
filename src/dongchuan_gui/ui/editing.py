"""Turns editing intents from the panes into checked undo commands."""

from __future__ import annotations

import datetime as dt

import msgspec
from PySide6.QtCore import QObject, Slot

from ..model.editing import (
    LIST_REFERENCES,
    check_candidate,
    new_id,
    plan_removal,
    resolve_ids,
    with_field,
)
from ..model.records import (
    CooperationProject,
    Event,
    Indicator,
    Observation,
    Place,
    Program,
    Source,
    Story,
    ValidationRule,
)
from .commands import AddRecord, EditRecord, removal_command
from .document import Document
from .field_labels import field_label, kind_name, record_name

# stems of new ids ("figure-3", "project-3"): ids stay ASCII in every language; the
# names people read come from ``field_labels.kind_name``
ID_STEMS = {
    "sources": "source",
    "places": "place",
    "programs": "program",
    "indicators": "indicator",
    "observations": "figure",
    "events": "event",
    "stories": "story",
    "reference_lines": "reference-line",
    "rule_sets": "rule-set",
    "registers": "register",
    "validation_rules": "rule",
    "quality_marks": "quality-mark",
    "cooperation_projects": "project",
}
PUTUO_PARTNER = "上海市普陀区"


def _stem(kind: str) -> str:
    return ID_STEMS[kind]


def project_partner(program: Program | None) -> str:
    """The partner a new project of ``program`` starts with: Shanghai's Putuo District
    when the program's partners name it, else none (the user types it)."""
    names = " ".join(program.partners).lower() if program is not None else ""
    return PUTUO_PARTNER if "putuo" in names or "普陀" in names else ""


class EditController(QObject):
    """Owned by the main window. ``document`` is read at call time, so opening
    another file needs no rewiring. Problems go to ``report(kind, id, field, text)``."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def document(self) -> Document:
        return self.window.document

    def _name(self, kind: str, record_id: str) -> str:
        dataset = self.document.dataset
        rec = dataset.get(kind, record_id)
        return record_name(dataset, kind, rec) if rec is not None else record_id

    def _refuse_read_only(self) -> bool:
        if self.document.read_only:
            self.window.report_problem(self.tr("This document is open read-only."))
            return True
        return False

    @Slot(str, str, str, object)
    def edit_field(self, kind: str, record_id: str, field: str, value) -> bool:
        dataset = self.document.dataset
        old = dataset.get(kind, record_id)
        if old is None or self._refuse_read_only():
            return False
        if field in LIST_REFERENCES and isinstance(value, list):
            try:
                value = resolve_ids(dataset, LIST_REFERENCES[field], value)
            except ValueError as exc:
                self.window.field_problem(kind, record_id, field, str(exc))
                return False
        try:
            new = with_field(old, field, value)
        except msgspec.ValidationError as exc:
            self.window.field_problem(kind, record_id, field, str(exc).split(" - at ")[0])
            return False
        problems = check_candidate(dataset, kind, new)
        if problems:
            text = "; ".join(p.message for p in problems[:3])
            self.window.field_problem(kind, record_id, field, text)
            return False
        if field in ("name_zh", "name_en", "title", "title_en", "title_zh"):
            text = self.tr("Rename {0}").format(kind_name(kind))
        else:
            text = self.tr("Change {0} of {1} “{2}”").format(
                field_label(kind, field, inline=True), kind_name(kind), self._name(kind, record_id)
            )
        self.document.push(EditRecord(dataset, kind, new, text, field))
        return True

    @Slot(str, str, str)
    def add_related(self, kind: str, owner_kind: str, owner_id: str) -> str | None:
        """Add a figure, event or story belonging to a place or program, or a
        cooperation project of a program (shown on its own, ready to be typed in);
        a validation rule belongs to no record (``owner_kind`` is "")."""
        if kind == "validation_rules":
            return self.add_rule()
        if self._refuse_read_only():
            return None
        dataset = self.document.dataset
        owner = {"places": "place", "programs": "program"}.get(owner_kind)
        if owner is None:
            return None
        rid = new_id(dataset, kind, _stem(kind))
        year = str(dt.date.today().year)
        if kind == "cooperation_projects":
            if owner != "program":
                return None
            return self._add_project(rid, owner_id, int(year))
        if kind == "observations":
            if not dataset.data.indicators:
                self.window.report_problem(self.tr("Add an indicator first."))
                return None
            record = Observation(
                id=rid,
                indicator=dataset.data.indicators[0].id,
                value=0,
                period=year,
                **{owner: owner_id},
            )
        elif kind == "events":
            record = Event(
                id=rid,
                date=year,
                title_en="New event",
                title_zh="新事件",
                **{f"{owner}s": [owner_id]},
            )
        else:
            record = Story(
                id=rid, title_en="New story", title_zh="新故事", **{f"{owner}s": [owner_id]}
            )
        return self._add(kind, record)

    def add_rule(self) -> str | None:
        """A new validation rule that holds as long as the first indicator's figures
        are not negative: valid, no finding until the user writes the real check."""
        if self._refuse_read_only():
            return None
        dataset = self.document.dataset
        if not dataset.data.indicators:
            self.window.report_problem(self.tr("Add an indicator first."))
            return None
        record = ValidationRule(
            id=new_id(dataset, "validation_rules", _stem("validation_rules")),
            name_en="New rule",
            name_zh="新规则",
            left=f"#{{{dataset.data.indicators[0].id}}}",
            operator=">=",
            right="0",
            importance="medium",
        )
        return self._add("validation_rules", record)

    def _add_project(self, rid: str, program_id: str, year: int) -> str | None:
        record = CooperationProject(
            id=rid,
            name_zh="新协作项目",
            name_en="",  # a placeholder here would be saved as the project's name
            partner=project_partner(self.document.dataset.program(program_id)),
            program=program_id,
            year=year,
        )
        if self._add("cooperation_projects", record) is None:
            return None
        # the project has a pane of its own: show it there, its name ready to type
        if self.window.navigate("project", rid):
            self.window.tab_for("project").pane.show_edit_side()
        return rid

    def _add(self, kind: str, record) -> str | None:
        problems = check_candidate(self.document.dataset, kind, record)
        if problems:
            self.window.report_problem("; ".join(p.message for p in problems[:3]))
            return None
        self.document.push(
            AddRecord(
                self.document.dataset, kind, record, self.tr("Add {0}").format(kind_name(kind))
            )
        )
        return record.id

    def new_record(self, kind: str, near: str | None = None) -> str | None:
        """A new program, place, indicator or source with placeholder names."""
        if self._refuse_read_only():
            return None
        dataset = self.document.dataset
        rid = new_id(dataset, kind, _stem(kind))
        if kind == "programs":
            record = Program(id=rid, category="industry", name_zh="新项目", name_en="New program")
        elif kind == "places":
            parent = near if near and dataset.place(near) else None
            if parent is None and dataset.roots():
                parent = dataset.roots()[0].id
            level = "village" if parent else "district"
            record = Place(
                id=rid, level=level, name_zh="新地点", name_en="New place", parent=parent
            )
        elif kind == "indicators":
            record = Indicator(id=rid, name_zh="新指标", name_en="New indicator", unit="")
        elif kind == "sources":
            record = Source(id=rid, kind="user", title="New source")
        else:
            raise ValueError(f"no new-record form for {kind!r}")
        return self._add(kind, record)

    @Slot(str, str)
    def remove(self, kind: str, record_id: str) -> bool:
        if self._refuse_read_only():
            return False
        dataset = self.document.dataset
        plan = plan_removal(dataset, kind, record_id)
        name = self._name(kind, record_id)
        if plan.refused:
            self.window.report_problem(
                self.tr("“{0}” cannot be removed: {1}.").format(name, plan.refused)
            )
            return False
        text = self.tr("Remove {0} “{1}”").format(kind_name(kind), name)
        if len(plan.removes) + len(plan.edits) > 1:
            text += self.tr(" (and {0} linked records)").format(
                len(plan.removes) + len(plan.edits) - 1
            )
        self.document.push(removal_command(dataset, plan, text))
        return True
