"""The monitoring overview: risk lights, live what-if, relocation board, driven by hand.

Every figure the widgets show is checked against the model layer's answer for the same
input (``WhatIfModel.step``, ``Lights.ranking``, ``relocation_board``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionSlider

from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.register import default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.whatif import newly_below_mask
from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
from dongchuan_gui.ui.tabs.monitoring_overview import MonitoringOverviewTab
from tests.conftest import SEED
from tests.ui.real_input import LEFT, click, click_item, settle, show_active, type_into

YEAR = 2025


@pytest.fixture(scope="module")
def register():
    return generate(3000, seed=7)


@pytest.fixture
def session(register):
    s = RegisterSession()
    s.set_places(load_path(SEED).data.places)
    rules = default_rules()
    s.open(Opened(register, Path("demo.parquet"), evaluate(register, rules, YEAR), YEAR,
                  rules))
    return s


@pytest.fixture
def tab(qtbot, session):
    t = MonitoringOverviewTab(session, lang="en")
    qtbot.addWidget(t)
    t.resize(1400, 900)
    show_active(qtbot, t)
    qtbot.waitUntil(lambda: t.what_if.step is not None)
    return t


def shown_counts(panel):
    """What the panel shows: the total line and the category rows."""
    cats = [(panel.categories.row(i).cells[1], panel.categories.row(i).cells[2])
            for i in range(panel.categories.rowCount())]
    return panel.total.text(), cats


def expected_counts(session, line, without=False, newly=None):
    step = session.what_if().step(line, without)
    if newly is None and step.newly is not None:
        newly = step.newly.sum(axis=0)
    total = f"{step.total_below:,} households below {line:,.0f} yuan"
    cats = [(f"{int(step.below_category[k]):,}",
             "–" if newly is None else f"{int(newly[k]):,}") for k in range(4)]
    return step, total, cats


def assert_shows(panel, session, line, without=False, newly=None):
    step, total, cats = expected_counts(session, line, without, newly)
    text, shown = shown_counts(panel)
    assert text.startswith(total), (text, total)
    assert shown == cats
    order = np.lexsort((step.villages, -step.below_village))[:15]
    assert [panel.villages.key_at(i) for i in range(panel.villages.rowCount())] == [
        int(step.villages[i]) for i in order]
    assert panel.histogram.line.value() == pytest.approx(line)
    assert panel.slider.value() == panel.spin.value() == line
    return step


def test_typing_a_line_recounts_exactly_as_the_model(qtbot, tab, session):
    panel = tab.what_if
    assert_shows(panel, session, 8700)  # starts at the rule set's line
    assert panel.slider.maximum() == 3 * 8700 and panel.slider.mark == 8700
    type_into(qtbot, panel.spin, "9500", leave="return")
    step = assert_shows(panel, session, 9500)
    assert step.total_newly > 0 and f"({step.total_newly:,} newly below)" in panel.total.text()


def test_keys_and_a_drag_on_the_slider_recount(qtbot, tab, session):
    panel = tab.what_if
    slider = panel.slider
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider)
    click(qtbot, slider, handle.center())  # on the handle: takes the focus, value stays
    assert slider.hasFocus() and slider.value() == 8700
    for _ in range(3):
        QTest.keyClick(slider, Qt.Key.Key_Right)
    QTest.keyClick(slider, Qt.Key.Key_PageUp)
    assert_shows(panel, session, 8700 + 3 * 10 + 100)
    before = slider.value()
    start = handle.center()
    QTest.mousePress(slider, LEFT, pos=start)
    for dx in (20, 60, 120):
        QTest.mouseMove(slider, start + QPoint(dx, 0))
        assert_shows(panel, session, slider.value())  # every move recounts
    QTest.mouseRelease(slider, LEFT, pos=start + QPoint(120, 0))
    assert slider.value() > before + 1000
    assert_shows(panel, session, slider.value())


def test_without_transfer_income_redraws_the_bars_and_counts_newly_below(
    qtbot, tab, session
):
    panel = tab.what_if
    model = session.what_if()
    assert np.array_equal(panel.histogram.bars.opts["height"], model.histogram(False).counts)
    click(qtbot, panel.without)
    assert panel.without.isChecked()
    assert np.array_equal(panel.histogram.bars.opts["height"], model.histogram(True).counts)
    assert_shows(panel, session, 8700, without=True)  # newly below: counted in a moment
    mask = newly_below_mask(session.register, session.evaluation, 8700, True)
    qtbot.waitUntil(lambda: f"({int(mask.sum()):,} newly below)" in panel.total.text())
    from dongchuan_gui.model.register.whatif import monitoring_category

    per_cat = np.bincount(monitoring_category(session.register)[mask], minlength=4)
    assert_shows(panel, session, 8700, without=True, newly=per_cat)
    click(qtbot, panel.without)
    assert_shows(panel, session, 8700)


def test_clicking_a_village_asks_to_open_it(qtbot, tab, session):
    lights = session.lights("village")
    ranked = [int(lights.codes[i]) for i in lights.ranking() if lights.light[i]]
    view = tab.risk.view
    assert [tab.risk.model.key_at(i) for i in range(tab.risk.model.rowCount())] == ranked
    assert "red" in tab.risk.model.row(0).cells[0]  # the light in words, not colour only
    reasons = lights.reasons(int(lights.ranking()[0]), "en")
    assert reasons[0] in tab.risk.model.row(0).tip
    with qtbot.waitSignal(tab.place_activated) as got:
        click_item(qtbot, view, tab.risk.model.index(2, 1))
    assert got.args == [ranked[2]]
    # the what-if's villages too
    first = tab.what_if.villages.key_at(0)
    with qtbot.waitSignal(tab.place_activated) as got:
        click_item(qtbot, tab.what_if.village_view, tab.what_if.villages.index(0, 0))
    assert got.args == [first]


def test_towns_and_the_legend(qtbot, tab, session):
    from tests.ui.real_input import choose

    choose(qtbot, tab.risk.level, "town")
    towns = session.lights("town")
    assert tab.risk.model.rowCount() == int(np.count_nonzero(towns.light))
    assert tab.risk.heading.text() == "Towns most at risk"
    legend = tab.risk.legend
    assert not legend.scroll.isVisible()
    click(qtbot, legend.toggle)
    assert legend.scroll.isVisible()
    text = legend.text.text()
    assert text.count("<b>sourced</b>") == 1 and "source: rule set exit_incidence_max" in text
    assert text.count("<b>local</b>") == len(towns.thresholds) - 1


def test_selecting_a_site_lists_households_without_a_job(qtbot, tab, session):
    board = session.relocation()
    site = board.sites[0]
    relocation = tab.relocation
    click_item(qtbot, relocation.site_view, relocation.sites.index(0, 0))
    model = relocation.households
    assert model.rowCount() == len(site.without_job) + len(site.not_recorded) > 2
    ids = session.register.columns["household_id"]
    assert model.index(1, 0).data() == bytes(ids[site.without_job[1]]).decode()
    with qtbot.waitSignal(tab.household_activated) as got:
        click_item(qtbot, relocation.household_view, model.index(1, 0))
    assert got.args == [int(site.without_job[1])]
    # the total row lists every site's
    click_item(qtbot, relocation.site_view, relocation.sites.index(len(board.sites), 0))
    assert model.rowCount() == len(board.total.without_job) + len(board.total.not_recorded)


def test_show_newly_below_asks_the_table_to_filter(qtbot, tab):
    panel = tab.what_if
    type_into(qtbot, panel.spin, "9100", leave="return")
    click(qtbot, panel.without)
    with qtbot.waitSignal(tab.filter_newly_below) as got:
        click(qtbot, panel.newly_button)
    assert got.args == [9100.0, True]


def test_edits_update_the_boards_in_place_and_closing_shows_the_hint(qtbot, tab, session):
    panel, risk_view = tab.what_if, tab.risk.view
    type_into(qtbot, panel.spin, "9000", leave="return")
    below = panel.step.total_below
    row = int(np.flatnonzero(session.register.income(YEAR) > 9000)[0])
    session.set_value(row, f"income_{YEAR}", 1.0)  # what an undoable HouseholdEdit does
    qtbot.waitUntil(lambda: panel.step.total_below == below + 1)
    assert panel.spin.value() == 9000  # an edit keeps the line where the user put it
    assert_shows(panel, session, 9000)
    assert tab.risk.view is risk_view and tab.stack.currentWidget() is tab.main
    assert tab.banner.isVisible()  # a generated register
    session.close()
    assert tab.stack.currentWidget() is tab.hint and not tab.banner.isVisible()
    assert panel.categories.rowCount() == 0 and not panel.slider.isEnabled()


def test_hidden_tab_waits_until_shown(qtbot, session):
    t = MonitoringOverviewTab(session, lang="en")
    qtbot.addWidget(t)
    settle(qtbot, 20)
    assert t.what_if.step is None  # nothing worked out for a tab nobody looks at
    show_active(qtbot, t)
    qtbot.waitUntil(lambda: t.what_if.step is not None)


def _dialog_button(dialog, which):
    return dialog.buttons.button(which)


def test_save_as_rule_set_is_one_undo_step(qtbot, window, tmp_path):
    path = tmp_path / "demo.parquet"
    generate(2000, seed=5).save(path)
    session = window.monitoring.session
    window.monitoring.open_path(path)
    with qtbot.waitSignal(session.opened, timeout=20000):
        pass
    tab = MonitoringOverviewTab(session, lang="en")
    qtbot.addWidget(tab)
    tab.set_dataset(window.dataset)
    tab.command_requested.connect(window.document.push)
    tab.resize(1400, 900)
    show_active(qtbot, tab)
    qtbot.waitUntil(lambda: tab.what_if.step is not None)
    stack, data = window.document.undo_stack, window.dataset.data
    steps, rule_sets = stack.count(), list(data.rule_sets)
    panel = tab.what_if
    type_into(qtbot, panel.spin, "9800", leave="return")
    click(qtbot, panel.without)
    click(qtbot, panel.without)
    assert stack.count() == steps and list(window.dataset.data.rule_sets) == rule_sets
    click(qtbot, panel.save_button)
    dialog = tab.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.id_edit.text() == "cn-yunnan-monitoring-whatif-9800"
    type_into(qtbot, dialog.id_edit, "Not An Id", leave="none")
    click(qtbot, _dialog_button(dialog, QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible() and dialog.error.isVisible()  # refused, stays open
    new_id = "cn-yunnan-monitoring-whatif-9800"
    type_into(qtbot, dialog.id_edit, new_id, leave="none")
    click(qtbot, _dialog_button(dialog, QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stack.count() == steps + 1
    saved = window.dataset.get("rule_sets", new_id)
    assert saved is not None and saved.version == 1 and "What-if" in saved.title_en
    line = saved.line(YEAR, "53")
    assert line.value == 9800.0 and not line.verified and "what-if" in line.note
    original = window.dataset.get("rule_sets", "cn-yunnan-monitoring")
    assert original.line(YEAR, "53").value == 8700.0
    assert session.rules.id == "cn-yunnan-monitoring"  # the scenario is not applied
    stack.undo()
    assert window.dataset.get("rule_sets", new_id) is None
    assert list(window.dataset.data.rule_sets) == rule_sets
    stack.redo()
    # a second save of the same line offers a free id
    click(qtbot, panel.save_button)
    qtbot.waitUntil(tab.dialog.isVisible)
    assert tab.dialog.id_edit.text() == new_id + "-2"
    click(qtbot, _dialog_button(tab.dialog, QDialogButtonBox.StandardButton.Cancel))
    assert stack.count() == steps + 1


def test_dragging_the_line_on_the_histogram_moves_the_slider(qtbot, tab, session):
    from PySide6.QtCore import QPointF

    panel = tab.what_if
    plot = panel.histogram.plot_widget
    box = plot.getPlotItem().getViewBox()
    top = box.viewRange()[1][1]

    def at(x: float) -> QPoint:
        return plot.mapFromScene(box.mapViewToScene(QPointF(x, top * 0.5)))

    start, end = at(8700), at(12000)
    viewport = plot.viewport()
    QTest.mousePress(viewport, LEFT, pos=start)
    for frac in (0.3, 0.6, 1.0):
        QTest.mouseMove(viewport, start + (end - start) * frac)
        settle(qtbot, 1)
    QTest.mouseRelease(viewport, LEFT, pos=end)
    assert abs(panel.slider.value() - 12000) < 200  # a pixel is worth some yuan
    assert_shows(panel, session, panel.slider.value())
