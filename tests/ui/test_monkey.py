"""The seeded monkey of tools/monkey.py on the real window: a few hundred random real
input events per seed (clicks, typing, Tab and Return, shortcuts, menus, undo/redo,
dialogs answered by a timer). An escaped exception or a Qt warning fails the test
with the trail of actions that led to it; a native crash kills the run (replay it
with ``tools/monkey.py --seed N --actions K --verbose``)."""

import importlib.util
import sys

import pytest

from tests.conftest import ROOT
from tests.ui.conftest import no_questions

ACTIONS = 400
SEEDS = [1, 2, 3]


def _load_monkey():
    name = "dongchuan_monkey"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "monkey.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", SEEDS)
def test_monkey_on_the_main_window(window, seed, tmp_path, monkeypatch):
    monkey = _load_monkey()
    # snapshots of an untitled document go to the (test-mode) data folder under HOME
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # the questions are part of what the monkey tries: they appear and a timer answers
    for name in [n for n in vars(window.files) if n.startswith("ask_")]:
        delattr(window.files, name)
    driver = monkey.Monkey(window, seed)
    try:
        driver.start()
        driver.run(ACTIONS)
    finally:
        driver.stop()
        no_questions(window)  # closing at the end drops the changes without asking
    print(driver.summary())
    assert driver.index == ACTIONS, driver.report()
    assert not driver.problems, driver.report()


@pytest.mark.parametrize("seed", [4, 5])
def test_monkey_with_a_household_register_open(window, seed, tmp_path, monkeypatch, qtbot):
    """The same, with a register open: the monitoring tabs, the what-if, the card and
    its edits are in reach of the random clicks and keys."""
    from dongchuan_gui.model.register.generate import generate

    monkey = _load_monkey()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "demo.parquet"
    generate(2000, seed=seed).save(path)
    with qtbot.waitSignal(window.monitoring.session.opened, timeout=20000):
        window.monitoring.open_path(path)
    for name in [n for n in vars(window.files) if n.startswith("ask_")]:
        delattr(window.files, name)
    monkeypatch.setattr(window.exchange, "ask_report_monitoring", lambda: (True, None))
    driver = monkey.Monkey(window, seed)
    try:
        driver.start()
        driver.run(ACTIONS)
    finally:
        driver.stop()
        no_questions(window)
    print(driver.summary())
    assert driver.index == ACTIONS, driver.report()
    assert not driver.problems, driver.report()
