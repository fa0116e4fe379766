"""A household register in the window: opened off the GUI thread, judged by the
dataset's rule set, saved with the dataset, journalled for recovery."""

from __future__ import annotations

import json
import threading

import msgspec
import numpy as np
import pytest
from PySide6.QtWidgets import QPushButton

from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.register import Register, make_ref
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.schema import RISK_STATUS
from dongchuan_gui.ui.commands import EditRecord
from dongchuan_gui.ui.main_window import MainWindow
from dongchuan_gui.ui.monitoring.session import HouseholdEdit
from tests.ui.conftest import no_questions
from tests.ui.real_input import click


@pytest.fixture(scope="module")
def small_register(tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "demo.parquet"
    generate(3000, seed=7).save(path)
    return path


def _open(qtbot, window, path):
    loader = window.monitoring.open_path(path)
    with qtbot.waitSignal(window.monitoring.session.opened, timeout=20000):
        pass
    return loader


def test_open_judges_with_the_datasets_rule_set_and_shows_the_banner(
    qtbot, window, small_register
):
    session = window.monitoring.session
    _open(qtbot, window, small_register)
    assert session.is_open and len(session.register) == 3000 and session.year == 2025
    assert session.rules == window.dataset.get("rule_sets", "cn-yunnan-monitoring")
    assert window.monitoring.banner.isVisible()
    assert "SYNTHETIC" in window.monitoring.banner.text()
    below = session.evaluation.counts()
    # the dataset's rule set is edited (one undo step): the households are judged again
    rules = session.rules
    lines = [msgspec.structs.replace(ln, value=20000.0) if ln.year == 2025 else ln
             for ln in rules.lines]
    window.document.push(
        EditRecord(window.dataset, "rule_sets", msgspec.structs.replace(rules, lines=lines),
                   "Edit rule set")
    )
    with qtbot.waitSignal(session.evaluated, timeout=5000):
        pass
    assert session.rules.line(2025, "53").value == 20000.0
    assert session.evaluation.counts() != below
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: session.rules == rules, timeout=5000)
    assert session.evaluation.counts() == below


def test_a_cancelled_open_leaves_the_window_as_it_was(
    qtbot, window, small_register, monkeypatch
):
    from dongchuan_gui.ui.monitoring import loader as loader_module

    go_on = threading.Event()
    slow = loader_module.load_work

    def held(*args):  # the work waits until the test has pressed Cancel
        go_on.wait(20)
        return slow(*args)

    monkeypatch.setattr(loader_module, "load_work", held)
    session = window.monitoring.session
    loader = window.monitoring.open_path(small_register)
    qtbot.waitUntil(loader.dialog.isVisible, timeout=5000)  # shown after 0.3 s
    assert window.isEnabled()
    cancel = loader.dialog.findChild(QPushButton)
    click(qtbot, cancel)
    assert not loader.dialog.isVisible()
    go_on.set()
    loader.future.result(20)
    qtbot.wait(300)  # the result arrives and is dropped
    assert not session.is_open


def test_household_edit_is_undoable_saved_with_the_dataset_and_journalled(
    qtbot, window, data_file, tmp_path
):
    reg_path = data_file.parent / "registers" / "r.parquet"
    reg_path.parent.mkdir()
    generate(500, seed=3).save(reg_path)
    session = window.monitoring.session
    _open(qtbot, window, reg_path)
    row = 10
    before = session.value(row, "risk_status")
    eliminated = RISK_STATUS.value_of("eliminated")
    with qtbot.waitSignal(session.households_changed):
        window.document.push(HouseholdEdit(session, row, "risk_status", eliminated, "status"))
    assert session.value(row, "risk_status") == eliminated and session.dirty
    window.document.write_recovery()
    journals = list((tmp_path / "appdata" / "recovery").glob("*.register.json"))
    assert len(journals) == 1
    doc = json.loads(journals[0].read_text(encoding="utf-8"))
    household = bytes(session.register.columns["household_id"][row]).decode()
    assert doc["households"] == [{"household": household, "fields": {"risk_status": 2}}]
    window.document.undo_stack.undo()
    assert session.value(row, "risk_status") == before
    window.document.undo_stack.redo()
    window.files.save()
    saved = Register.load(reg_path)
    assert saved.columns["risk_status"][row] == eliminated
    (link,) = load_path(data_file).data.registers
    assert link == make_ref(reg_path, data_file, link.rule_set, saved)
    assert not session.dirty and not journals[0].exists()
    assert np.array_equal(saved.columns["household_id"], session.register.columns["household_id"])


def test_the_datasets_register_opens_with_it(qtbot, window, data_file):
    reg_path = data_file.parent / "r.parquet"
    generate(200, seed=4).save(reg_path)
    link = make_ref(reg_path, data_file, "cn-yunnan-monitoring")
    window.dataset.add("registers", link)
    window.files.save()
    window.close()
    other = MainWindow()
    qtbot.addWidget(other)
    no_questions(other)
    session = other.monitoring.session
    with qtbot.waitSignal(session.opened, timeout=20000):
        assert other.open_path(data_file)
    assert session.link == link and len(session.register) == 200
