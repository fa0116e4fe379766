"""Tabs named by key, and the monitoring tabs built only when first needed.

A window on a dataset without a household register starts without numpy, pyarrow or
the register model; the Monitoring and Households tabs are placeholders until the user
opens one of them, goes to a household, or a register opens. Where the user was
(settings, Back/Forward, Ctrl+N) names tabs by key, so it survives tabs being added."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray

from dongchuan_gui.model.register import make_ref
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.ui import settings
from dongchuan_gui.ui.main_window import MainWindow
from dongchuan_gui.ui.navigation import Location
from dongchuan_gui.ui.tab_list import TABS
from dongchuan_gui.ui.tabs.monitoring import MonitoringTab
from dongchuan_gui.ui.tabs.monitoring_overview import MonitoringOverviewTab
from dongchuan_gui.ui.tabs.placeholder import PlaceholderTab
from tests.conftest import ROOT, SEED
from tests.ui.conftest import no_questions
from tests.ui.real_input import click, shortcut

YANTOU = "530113104216"
KEYS = [
    "overview",
    "programs",
    "places",
    "timelines",
    "monitoring_overview",
    "households",
    "map",
    "motion",
    "quality",
    "sources",
    "snapshots",
]
LAZY = ("monitoring_overview", "households", "map", "motion")


def _placeholders(window) -> list[str]:
    return [
        k
        for k, t in zip(window.tab_keys, window.tabs, strict=True)
        if isinstance(t, PlaceholderTab)
    ]


def _click_tab(qtbot, window, key: str) -> None:
    bar = window.tab_widget.tabBar()
    click(qtbot, bar, bar.tabRect(window.tab_keys.index(key)).center())


# ------------------------------------------------------------------ tab keys
def test_every_tab_has_a_key_in_the_tab_order(window):
    assert window.tab_keys == KEYS == [slot.key for slot in TABS]
    for key, tab in zip(window.tab_keys, window.tabs, strict=True):
        assert window.tab_widget.widget(window.tab_keys.index(key)) is tab
        if key not in LAZY:
            assert getattr(window, key) is tab


def test_a_location_is_written_with_the_tabs_key():
    here = Location("places", "place", YANTOU)
    assert here.encode() == f"places|place|{YANTOU}"
    assert Location.decode(here.encode()) == here
    assert Location.decode("households||") == Location("households")
    # as older versions wrote it (the tab's number), or not a location at all
    for old in (f"2|place|{YANTOU}", "4||", "", "places|place", "a b|c|d", None, 3):
        assert Location.decode(old) is None


# --------------------------------------------------------- built when needed
def test_the_window_starts_without_numpy_or_the_register_model():
    """In a process of its own: what the window imported when it is up on the seed."""
    code = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from dongchuan_gui.ui.main_window import MainWindow\n"
        "w = MainWindow()\n"
        f"assert w.open_path({str(SEED)!r})\n"
        "w.restore_state()\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print(json.dumps({'registers': len(w.dataset.data.registers), 'modules': [m for m in"
        " ('numpy', 'pyarrow', 'dongchuan_gui.model.register',"
        " 'dongchuan_gui.ui.tabs.monitoring', 'dongchuan_gui.ui.tabs.monitoring_overview')"
        " if m in sys.modules], 'tab': w.tab_widget.currentIndex()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"registers": 0, "modules": [], "tab": 0}


def test_a_monitoring_tab_is_built_in_its_slot_when_clicked(qtbot, window):
    assert _placeholders(window) == list(LAZY)
    titles = [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())]
    _click_tab(qtbot, window, "monitoring_overview")
    tab = window.tab_widget.currentWidget()
    assert isinstance(tab, MonitoringOverviewTab)
    assert window.tab_widget.currentIndex() == KEYS.index("monitoring_overview")
    assert window.tabs[KEYS.index("monitoring_overview")] is tab is window.monitoring_overview
    assert tab.isVisible() and tab.hint.isVisible()  # no register: how to open one
    assert _placeholders(window) == ["households", "map", "motion"]
    assert [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())] == titles
    assert window.current_location() == Location("monitoring_overview")
    # Back goes to the tab before, Forward to the built tab again
    shortcut(qtbot, window, "Alt+Left")
    assert window.tab_widget.currentWidget() is window.overview
    shortcut(qtbot, window, "Alt+Right")
    assert window.tab_widget.currentWidget() is tab


def test_ctrl_6_opens_the_households_tab(qtbot, window):
    shortcut(qtbot, window, "Ctrl+6")
    tab = window.tab_widget.currentWidget()
    assert isinstance(tab, MonitoringTab) and tab is window.monitoring_tab
    assert tab.stack.currentIndex() == 0  # the empty page, with its Open button
    assert tab.dataset is window.dataset
    shortcut(qtbot, window, "Ctrl+3")
    assert window.tab_widget.currentWidget() is window.places
    shortcut(qtbot, window, "Ctrl+6")
    assert window.tab_widget.currentWidget() is tab  # built once


def test_building_a_tab_out_of_view_keeps_the_tab_in_view(qtbot, window):
    window.navigate("place", YANTOU)
    before = window.tab_widget.currentIndex()
    tab = window.monitoring_tab  # asked for by a controller: built, not shown
    assert isinstance(tab, MonitoringTab)
    assert window.tab_widget.currentIndex() == before
    assert window.tab_widget.currentWidget() is window.places
    assert window.places.current_location() == ("place", YANTOU)
    assert window.tab_widget.indexOf(tab) == KEYS.index("households")


def test_an_opened_register_builds_both_tabs_and_they_show_it(qtbot, window, tmp_path):
    path = tmp_path / "demo.parquet"
    generate(500, seed=3).save(path)
    with qtbot.waitSignal(window.monitoring.session.opened, timeout=20000):
        window.monitoring.open_path(path)
    assert _placeholders(window) == []
    assert window.tab_widget.currentWidget() is window.overview
    assert window.monitoring_tab.view is not None and len(window.monitoring_tab.view) == 500
    _click_tab(qtbot, window, "monitoring_overview")
    overview = window.monitoring_overview
    qtbot.waitUntil(lambda: overview.stack.currentWidget() is overview.main, timeout=10000)
    assert overview.risk.view.model().rowCount() > 0
    # a household's card is reached by navigating to it
    household = bytes(window.monitoring.session.register.columns["household_id"][7]).decode()
    assert window.navigate("household", household)
    assert window.tab_widget.currentWidget() is window.monitoring_tab
    assert window.monitoring_tab.current_location() == ("household", household)


def test_the_datasets_register_builds_the_tabs_of_a_new_window(qtbot, window, data_file):
    reg_path = data_file.parent / "r.parquet"
    generate(200, seed=4).save(reg_path)
    window.dataset.add("registers", make_ref(reg_path, data_file, "cn-yunnan-monitoring"))
    window.files.save()
    window.close()
    other = MainWindow()
    qtbot.addWidget(other)
    no_questions(other)
    assert _placeholders(other) == list(LAZY)
    with qtbot.waitSignal(other.monitoring.session.opened, timeout=20000):
        assert other.open_path(data_file)
    assert _placeholders(other) == []
    assert len(other.monitoring_tab.view) == 200


# ------------------------------------------------------------------ settings
def test_a_monitoring_tab_in_view_at_quit_is_there_at_the_next_start(qtbot, window):
    shortcut(qtbot, window, "Ctrl+6")
    window.monitoring_tab.splitter.setSizes([300, 600, 380])
    sizes = window.monitoring_tab.splitter.sizes()
    window.close()
    assert settings.read("window/tab") == "households"
    assert settings.read("nav/location") == "households||"
    again = MainWindow()
    qtbot.addWidget(again)
    no_questions(again)
    again.open_path(window.document.path)
    again.resize(window.size())
    again.restore_state()
    again.show()
    qtbot.waitExposed(again)
    assert again.tab_widget.currentWidget() is again.monitoring_tab
    assert again.monitoring_tab.splitter.sizes() == sizes
    assert _placeholders(again) == ["monitoring_overview", "map", "motion"]


@pytest.mark.parametrize(
    ("tab", "location"),
    [(4, f"2|place|{YANTOU}"), ("retired", f"retired|place|{YANTOU}"), ("", "nonsense")],
)
def test_settings_of_older_versions_or_unknown_tabs_open_the_first_tab(
    qtbot, data_file, tab, location
):
    settings.write("window/tab", tab)
    settings.write("nav/location", location)
    settings.write("splitter/2/main", QByteArray(b"not a splitter state"))  # by number
    win = MainWindow()
    qtbot.addWidget(win)
    no_questions(win)
    assert win.open_path(data_file)
    win.restore_state()
    assert win.tab_widget.currentWidget() is win.overview
    assert _placeholders(win) == list(LAZY)
    assert win.current_location() == Location("overview")


def test_a_saved_tab_key_without_a_location_still_opens_its_tab(qtbot, data_file):
    settings.write("window/tab", "sources")
    win = MainWindow()
    qtbot.addWidget(win)
    no_questions(win)
    assert win.open_path(data_file)
    win.restore_state()
    assert win.tab_widget.currentWidget() is win.sources
