"""Every command kind: do → undo to the exact original → redo to the exact edit."""

import msgspec
import pytest
from PySide6.QtGui import QUndoStack

from dongchuan_gui.model import dumps
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.editing import plan_removal, with_field
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.records import Observation
from dongchuan_gui.ui.commands import (
    AddRecord,
    EditRecord,
    RemoveRecord,
    ReplaceAll,
    removal_command,
)
from tests.conftest import SEED


@pytest.fixture
def ds():
    return Dataset(load_path(SEED).data)


def check_round_trip(ds, stack, command):
    before = dumps(ds.data)
    stack.push(command)
    after = dumps(ds.data)
    assert after != before
    stack.undo()
    assert dumps(ds.data) == before
    stack.redo()
    assert dumps(ds.data) == after


def _replace_all(ds):
    other = load_path(SEED).data
    other.observations = other.observations[:3]
    return ReplaceAll(ds, other, "restore")


COMMANDS = {
    "edit": lambda ds: EditRecord(
        ds,
        "observations",
        with_field(ds.get("observations", "census-2010"), "value", 1),
        "edit",
        "value",
    ),
    "add": lambda ds: AddRecord(
        ds,
        "observations",
        Observation(id="new", indicator="area", place="530113000000", value=3.0),
        "add",
    ),
    "remove": lambda ds: RemoveRecord(ds, "observations", "census-2000", "remove"),
    "composite": lambda ds: removal_command(
        ds, plan_removal(ds, "places", "530113104216"), "remove Yantou"
    ),
    "replace-all": _replace_all,
}


@pytest.mark.parametrize("name", COMMANDS)
def test_do_undo_redo_is_exact(qtbot, ds, name):
    stack = QUndoStack()
    check_round_trip(ds, stack, COMMANDS[name](ds))


def test_edits_of_one_field_merge_into_one_step(ds):
    stack = QUndoStack()
    original = dumps(ds.data)
    prog = ds.program("relocation")
    for text in ("R", "Re", "Relocation 2"):
        current = ds.program("relocation")
        stack.push(
            EditRecord(
                ds, "programs", with_field(current, "name_en", text), "Rename program", "name_en"
            )
        )
    assert stack.count() == 1 and stack.undoText() == "Rename program"
    assert ds.program("relocation").name_en == "Relocation 2"
    stack.push(
        EditRecord(
            ds, "programs", with_field(ds.program("relocation"), "note", "x"), "Change note", "note"
        )
    )
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert dumps(ds.data) == original and ds.program("relocation") == prog


def test_typing_back_to_the_start_leaves_no_step(ds):
    stack = QUndoStack()
    prog = ds.program("relocation")
    stack.push(EditRecord(ds, "programs", with_field(prog, "name_en", "X"), "r", "name_en"))
    stack.push(
        EditRecord(
            ds,
            "programs",
            with_field(ds.program("relocation"), "name_en", prog.name_en),
            "r",
            "name_en",
        )
    )
    assert stack.count() == 0 and ds.program("relocation") == prog


def test_composite_removal_undoes_as_one_step(ds):
    stack = QUndoStack()
    before = dumps(ds.data)
    stack.push(removal_command(ds, plan_removal(ds, "places", "530113104216"), "Remove"))
    assert ds.place("530113104216") is None
    assert ds.get("observations", "yantou-orchard-article") is None
    assert "530113104216" not in ds.program("returnees").places
    assert stack.count() == 1
    stack.undo()
    assert dumps(ds.data) == before


def test_clean_state_follows_the_stack(ds):
    stack = QUndoStack()
    stack.setClean()
    obs = ds.get("observations", "census-2010")
    stack.push(EditRecord(ds, "observations", msgspec.structs.replace(obs, value=2), "e"))
    assert not stack.isClean()
    stack.undo()
    assert stack.isClean()
