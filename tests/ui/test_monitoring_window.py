"""The monitoring views in the window: a village's light leads to its place, a household
of the relocation board to its card, "newly below" to the filtered table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dongchuan_gui.model.register.generate import generate
from tests.ui.real_input import click


@pytest.fixture
def opened(qtbot, window, tmp_path):
    path = tmp_path / "demo.parquet"
    generate(4000, seed=11).save(path)
    session = window.monitoring.session
    with qtbot.waitSignal(session.opened, timeout=20000):
        window.monitoring.open_path(path)
    return window


def test_clicking_a_village_of_the_risk_list_opens_its_place(qtbot, opened):
    window = opened
    window.tab_widget.setCurrentWidget(window.monitoring_overview)
    risk = window.monitoring_overview.risk
    qtbot.waitUntil(lambda: risk.view.model().rowCount() > 0, timeout=10000)
    table = risk.view
    rect = table.visualRect(table.model().index(0, 2))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.tab_widget.currentWidget() is window.places, timeout=5000)
    kind, place_id = window.places.current_location()
    place = window.dataset.place(place_id)
    lights = window.monitoring.session.lights("village")
    first = lights.codes[lights.ranking()[0]]
    assert kind == "place" and place.code == f"{int(first):012d}"


def test_newly_below_shows_the_filtered_household_table(qtbot, opened):
    window = opened
    window.tab_widget.setCurrentWidget(window.monitoring_overview)
    panel = window.monitoring_overview.what_if
    qtbot.waitUntil(lambda: panel.isVisible() and panel.spin.isEnabled(), timeout=10000)
    panel.spin.selectAll()
    QTest.keyClicks(panel.spin, "11000")
    QTest.keyClick(panel.spin, Qt.Key.Key_Return)
    click(qtbot, panel.newly_button)
    tab = window.monitoring_tab
    qtbot.waitUntil(lambda: window.tab_widget.currentWidget() is tab, timeout=5000)
    step = window.monitoring.session.what_if().step(11000.0)
    assert len(tab.view) == int(step.newly.sum())


def test_a_household_without_a_job_opens_its_card(qtbot, opened):
    window = opened
    window.tab_widget.setCurrentWidget(window.monitoring_overview)
    board = window.monitoring_overview.relocation
    qtbot.waitUntil(lambda: board.sites.rowCount() > 0, timeout=10000)
    sites = board.site_view
    QTest.mouseClick(sites.viewport(), Qt.MouseButton.LeftButton,
                     pos=sites.visualRect(sites.model().index(0, 0)).center())
    qtbot.waitUntil(lambda: board.households.rowCount() > 0, timeout=5000)
    row = int(board.households.rows[0])
    view = board.household_view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(0, 0)).center())
    tab = window.monitoring_tab
    qtbot.waitUntil(lambda: window.tab_widget.currentWidget() is tab, timeout=5000)
    household = bytes(window.monitoring.session.register.columns["household_id"][row]).decode()
    assert tab.current_location() == ("household", household)
