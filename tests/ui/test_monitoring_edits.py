"""Household edits are never lost: asked before the register goes, autosaved to a journal
and offered back after a crash, not taken for changes once undone, not carried into
another document."""

from __future__ import annotations

import threading

import pytest

from dongchuan_gui.model.register import Register, make_ref
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.schema import RISK_STATUS
from dongchuan_gui.ui.document import RECOVERY_DELAY_MS, find_recoveries
from dongchuan_gui.ui.main_window import MainWindow
from dongchuan_gui.ui.monitoring.session import HouseholdEdit
from tests.ui.conftest import no_questions

ELIMINATED = RISK_STATUS.value_of("eliminated")


@pytest.fixture
def referenced(qtbot, window, data_file):
    """The window's dataset refers to a register beside it, which is open."""
    path = data_file.parent / "r.parquet"
    generate(600, seed=8).save(path)
    window.dataset.add("registers", make_ref(path, data_file, "cn-yunnan-monitoring"))
    window.files.save()
    with qtbot.waitSignal(window.monitoring.session.opened, timeout=20000):
        window.monitoring.open_path(path)
    return path


def _edit(window, row=5):
    session = window.monitoring.session
    window.document.push(HouseholdEdit(session, row, "risk_status", ELIMINATED, "status"))
    return session


def test_undone_back_to_the_saved_value_is_not_a_change(qtbot, window, referenced):
    session = _edit(window)
    assert session.dirty and not window.document.is_clean
    window.document.undo_stack.undo()
    assert not session.dirty and window.document.is_clean


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_closing_the_register_with_edits_asks(qtbot, window, referenced, answer):
    session = _edit(window)
    asked = []
    window.files.ask_save_changes = lambda name: asked.append(name) or answer
    window.monitoring.close_register()
    assert asked == ["r.parquet"]
    saved = Register.load(referenced).columns["risk_status"][5]
    if answer == "cancel":
        assert session.is_open and session.dirty and saved != ELIMINATED
    elif answer == "discard":
        assert not session.is_open and saved != ELIMINATED
        assert window.document.undo_stack.count() == 0  # no step that would do nothing
    else:
        assert not session.is_open and saved == ELIMINATED


def test_a_load_for_the_last_document_is_dropped(qtbot, window, referenced, monkeypatch):
    from dongchuan_gui.ui.monitoring import loader as loader_module

    go_on = threading.Event()
    slow = loader_module.load_work
    monkeypatch.setattr(loader_module, "load_work", lambda *a: (go_on.wait(20), slow(*a))[1])
    session = window.monitoring.session
    session.close()
    loader = window.monitoring.open_path(referenced)
    window.files.new_file()  # another document while the register loads
    go_on.set()
    loader.future.result(20)
    qtbot.wait(300)
    assert not session.is_open and window.document.dataset.data.registers == []


def test_household_edits_are_journalled_and_offered_back_after_a_crash(
    qtbot, window, referenced, data_file
):
    _edit(window, row=7)
    # no dataset record changed: the journal is written by the autosave all the same
    qtbot.waitUntil(lambda: len(find_recoveries()) == 1, timeout=RECOVERY_DELAY_MS + 5000)
    (recovery,) = find_recoveries()
    journal = recovery.file.with_name(recovery.file.name.replace(".json", ".register.json"))
    assert journal.is_file() and oct(journal.stat().st_mode & 0o777) == "0o600"
    # a crash: the window is never closed; the next start offers the changes back
    window.document._release_lock()
    other = MainWindow()
    qtbot.addWidget(other)
    no_questions(other)
    other.files.ask_recover = lambda recovery: True
    session = other.monitoring.session
    with qtbot.waitSignal(session.opened, timeout=20000):
        assert other.files.offer_recovery()
    qtbot.waitUntil(lambda: session.dirty, timeout=5000)
    assert session.value(7, "risk_status") == ELIMINATED
    assert Register.load(referenced).columns["risk_status"][7] != ELIMINATED  # not saved yet
    other.document.undo_stack.undo()  # the recovered edits are one step
    assert session.value(7, "risk_status") != ELIMINATED
