"""Recording register figures and editing a rule set are each one undo step."""

from __future__ import annotations

import msgspec
from PySide6.QtGui import QUndoStack

from dongchuan_gui.model import dumps
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.register import aggregate, default_rules, make_ref
from dongchuan_gui.model.register.derived import plan_recording
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.resources import seed_path
from dongchuan_gui.ui.commands import EditRecord, plan_command

RULES = default_rules()


def _dataset(synthetic: bool) -> Dataset:
    data = load_path(seed_path()).data
    meta = msgspec.structs.replace(data.meta, synthetic=synthetic)
    return Dataset(msgspec.structs.replace(data, meta=meta))


def test_one_undo_step_takes_every_recorded_record_back(tmp_path, qtbot):
    register = generate(2000, seed=5)
    path = tmp_path / "demo.parquet"
    register.save(path)
    link = make_ref(path, tmp_path / "d.json", RULES.id, register)
    dataset = _dataset(True)
    before = dumps(dataset.data)
    plan = plan_recording(dataset, link, RULES, [aggregate(register, RULES, 2025, "town")])
    stack = QUndoStack()
    stack.push(plan_command(dataset, plan.adds, plan.replaces, "Record register figures"))
    assert stack.count() == 1 and dumps(dataset.data) != before
    stack.undo()
    assert dumps(dataset.data) == before
    stack.redo()
    recorded = [o for o in dataset.data.observations if o.indicator.startswith("register-")]
    assert len(recorded) == plan.figures > 0


def test_a_rule_set_edit_is_one_undoable_step(qtbot):
    dataset = _dataset(False)
    rules = dataset.get("rule_sets", RULES.id)
    assert rules == RULES  # the bundled dataset carries the bundled rule set
    lines = [
        msgspec.structs.replace(line, value=9000.0)
        if (line.year, line.province) == (2025, "53") else line
        for line in rules.lines
    ]
    edited = msgspec.structs.replace(rules, lines=lines, version=rules.version + 1)
    stack = QUndoStack()
    stack.push(EditRecord(dataset, "rule_sets", edited, "Edit rule set"))
    assert dataset.get("rule_sets", RULES.id).line(2025, "53").value == 9000.0
    stack.undo()
    assert dataset.get("rule_sets", RULES.id) == RULES
