"""The monitoring tab driven as a person does: header clicks sort, filter choices and
tree clicks filter, the header's menu hides columns, a row click opens the household
card, edits in the card go through the undo stack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtTest import QTest

from dongchuan_gui.model.register import default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.schema import MEASURE, RISK_STATUS
from dongchuan_gui.ui import settings
from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
from dongchuan_gui.ui.tabs.monitoring import MonitoringTab
from tests.ui.real_input import (
    choose,
    choose_in_menu,
    click,
    click_item,
    context_menu,
    settle,
    shortcut,
    show_active,
    type_into,
)

N = 5000
TANGDAN = 530113102000


def opened(n: int = N, seed: int = 11) -> Opened:
    reg = generate(n, seed=seed)
    rules = default_rules()
    return Opened(reg, Path(f"synthetic-{n}.parquet"), evaluate(reg, rules, 2025), 2025, rules)


@pytest.fixture
def session(dataset):
    session = RegisterSession()
    session.set_places(dataset.data.places)
    session.open(opened())
    return session


def make_tab(qtbot, session, stack=None):
    tab = MonitoringTab(session, push=stack.push if stack is not None else None, lang="en")
    qtbot.addWidget(tab)
    if stack is not None:
        undo = stack.createUndoAction(tab)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tab.addAction(undo)
    tab.resize(1500, 900)
    show_active(qtbot, tab)
    return tab


@pytest.fixture
def tab(qtbot, session):
    stack = QUndoStack()
    tab = make_tab(qtbot, session, stack)
    tab.stack_for_test = stack
    return tab


def shown_rows(tab) -> np.ndarray:
    return np.array([tab.model.register_row(r) for r in range(tab.model.rowCount())])


def column_texts(tab, key: str) -> list[str]:
    col = tab.model.keys.index(key)
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


def click_header(qtbot, tab, key: str) -> None:
    header = tab.table.horizontalHeader()
    logical = tab.model.keys.index(key)
    tab.table.scrollTo(tab.model.index(0, logical))
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    click(qtbot, header.viewport(), QPoint(x, header.height() // 2))
    settle(qtbot)


def undo(qtbot, tab) -> None:
    """Ctrl+Z in the tab's window (activation comes back after a closed popup, as on
    a desktop; offscreen it must be asked for)."""
    if not tab.isActiveWindow():
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
    shortcut(qtbot, tab, QKeySequence.StandardKey.Undo)


def test_the_table_shows_the_register_under_a_synthetic_banner(tab, session):
    assert tab.stack.currentIndex() == 1 and tab.banner.isVisible()
    assert "SYNTHETIC" in tab.banner.text()
    assert tab.model.rowCount() == N
    assert tab.model.keys[:3] == ["household_id", "village_name", "town"]
    first = tab.model.index(0, 0).data()
    assert first == session.register.columns["household_id"][0].decode()
    assert f"{N:,} of {N:,} households shown" in tab.panel.counts.text()


def test_header_clicks_sort_and_keep_the_household_selected(qtbot, tab, session):
    click_item(qtbot, tab.table, tab.model.index(7, 0))
    chosen = tab.row
    assert chosen == 7
    click_header(qtbot, tab, "income")
    income = session.register.income(2025)
    rows = shown_rows(tab)
    known = income[rows][~np.isnan(income[rows])]
    assert np.all(np.diff(known) >= 0) and np.isnan(income[rows][-1])  # missing last
    assert tab.model.register_row(tab.table.currentIndex().row()) == chosen
    assert tab.card.card.row == chosen
    click_header(qtbot, tab, "income")  # again: descending
    rows = shown_rows(tab)
    known = income[rows][~np.isnan(income[rows])]
    assert np.all(np.diff(known) <= 0)
    assert tab.model.register_row(tab.table.currentIndex().row()) == chosen
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == tab.model.keys.index("income")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_an_unsortable_column_keeps_the_sort(qtbot, tab):
    click_header(qtbot, tab, "verdict")
    before = shown_rows(tab)
    menu = context_menu(qtbot, tab.table.horizontalHeader().viewport(), QPoint(20, 8))
    choose_in_menu(qtbot, menu, "reasons")
    assert "reasons" in tab.model.keys
    click_header(qtbot, tab, "reasons")
    assert np.array_equal(shown_rows(tab), before)
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == tab.model.keys.index("verdict")


def test_filters_chosen_with_clicks_show_the_households_passing_them(qtbot, tab, session):
    reg, ev = session.register, session.evaluation
    panel = tab.panel
    choose(qtbot, panel.mon_type, "1,2,3")
    monitored = np.isin(reg.columns["mon_type"], (1, 2, 3))
    assert tab.model.rowCount() == monitored.sum()
    assert f"{monitored.sum():,} of {N:,} households shown" in panel.counts.text()
    # a town in the tree
    town = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                if panel.tree.topLevelItem(i).text(0) == "Tangdan Town")
    click_item(qtbot, panel.tree, panel.tree.indexFromItem(town))
    in_town = reg.villages[reg.village_idx] // 1000 * 1000 == TANGDAN
    assert sorted(shown_rows(tab)) == np.flatnonzero(monitored & in_town).tolist()
    # below the line and an income floor typed in
    choose(qtbot, panel.below, "1")
    type_into(qtbot, panel.income_min, "3000", leave="return")
    income = reg.income(2025)
    expected = monitored & in_town & (income < ev.line) & (income >= 3000)
    assert sorted(shown_rows(tab)) == np.flatnonzero(expected).tolist()
    assert f"{expected.sum():,} of {N:,}" in panel.counts.text()
    assert set(column_texts(tab, "town")) == {"Tangdan Town"}
    click(qtbot, panel.clear)
    assert tab.model.rowCount() == N
    assert panel.mon_type.currentIndex() == 0 and not panel.tree.selectedItems()[1:]


def test_a_village_filter_keeps_the_selected_household_if_it_passes(qtbot, tab, session):
    click_item(qtbot, tab.table, tab.model.index(40, 0))
    row = tab.row
    village = int(session.register.columns["village"][row])
    panel = tab.panel
    item = next(panel.tree.topLevelItem(i).child(j)
                for i in range(panel.tree.topLevelItemCount())
                for j in range(panel.tree.topLevelItem(i).childCount())
                if panel.tree.topLevelItem(i).child(j).toolTip(0) == f"{village:012d}")
    item.parent().setExpanded(True)
    click_item(qtbot, panel.tree, panel.tree.indexFromItem(item))
    assert tab.model.rowCount() == (session.register.columns["village"] == village).sum()
    assert tab.model.register_row(tab.table.currentIndex().row()) == row


def test_the_header_menu_hides_a_column_and_the_choice_is_remembered(qtbot, tab, session):
    header = tab.table.horizontalHeader()
    menu = context_menu(qtbot, header.viewport(), QPoint(30, header.height() // 2))
    choose_in_menu(qtbot, menu, "persons")
    assert "size" not in tab.model.keys
    assert all(tab.model.headerData(i, Qt.Orientation.Horizontal) != "persons"
               for i in range(tab.model.columnCount()))
    # dragged: the village column goes after the income
    start = header.sectionViewportPosition(1) + 10
    end = header.sectionViewportPosition(3) + header.sectionSize(3) - 5
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(start, y))
    for x in range(start, end, 15):
        QTest.mouseMove(header.viewport(), QPoint(x, y))
    QTest.mouseMove(header.viewport(), QPoint(end, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(end, y))
    settle(qtbot)
    order = tab._chosen()
    assert order.index("village_name") > order.index("income")
    assert settings.read("monitoring/columns") == order
    other = make_tab(qtbot, session)
    assert other.model.keys == order


def test_a_row_click_opens_the_card_with_its_verdict_and_reasons(qtbot, tab, session):
    click_item(qtbot, tab.table, tab.model.index(12, 3))
    row = tab.model.register_row(12)
    card = tab.card
    household = session.register.columns["household_id"][row].decode()
    assert card.title.text() == household
    assert tab.current_location() == ("household", household)
    for reason in session.evaluation.explain(row, "en"):
        assert reason in card.reasons.toPlainText()
    assert card.plot.plot is not None and card.plot.plot.isVisible()
    grid = card.years_grid
    assert grid.text(0, len(grid.years) - 1) == f"{session.register.income(2025)[row]:,.0f}"
    income = card.plot.series["income"]
    assert np.allclose(income, [session.register.income(y)[row] for y in (2021, 2022, 2023,
                                                                         2024, 2025)],
                       equal_nan=True)


def test_risk_status_edited_in_the_card_is_undone_with_ctrl_z(qtbot, tab, session):
    row = int(np.flatnonzero(session.register.columns["risk_status"] == 1)[0])
    tab.show_record("household", session.register.columns["household_id"][row].decode())
    settle(qtbot)
    card = tab.card
    card.widget(1).ensureWidgetVisible(card.status)
    eliminated = RISK_STATUS.value_of("eliminated")
    before = session.value(row, "status_date")
    choose(qtbot, card.status, eliminated)
    qtbot.waitUntil(lambda: session.value(row, "risk_status") == eliminated)
    assert session.value(row, "status_date") == dt.date.today()  # dated in the same step
    display_row = tab.model.display_rows([row])[row]
    status_col = tab.model.keys.index("risk_status")
    qtbot.waitUntil(lambda: tab.model.index(display_row, status_col).data() == "eliminated")
    undo(qtbot, tab)
    qtbot.waitUntil(lambda: session.value(row, "risk_status") == 1)
    qtbot.waitUntil(lambda: card.status.currentData() == 1)
    assert tab.model.index(display_row, status_col).data() == "monitoring"
    assert session.value(row, "status_date") == before


def test_income_typed_in_the_card_judges_the_household_again(qtbot, tab, session):
    ev = session.evaluation
    row = int(np.flatnonzero(session.register.income(2025) < ev.line)[0])
    tab.show_record("household", session.register.columns["household_id"][row].decode())
    settle(qtbot)
    card = tab.card
    assert "below the 2025 line" in card.reasons.toPlainText()
    assert card.parts_note.isHidden()  # the generated income is the sum of its parts
    card.widget(1).ensureWidgetVisible(card.income_edit)
    type_into(qtbot, card.income_edit, "25000", leave="tab")
    qtbot.waitUntil(lambda: session.value(row, "income_2025") == 25000.0)
    qtbot.waitUntil(lambda: "above the 2025 line by 16,300 yuan" in card.reasons.toPlainText())
    qtbot.waitUntil(lambda: not card.parts_note.isHidden())
    assert "The 2025 income (25,000.00 yuan) is not the sum" in card.parts_note.text()
    current = tab.table.currentIndex().row()
    assert tab.model.register_row(current) == row
    assert tab.model.index(current, tab.model.keys.index("income")).data() == "25,000.00"
    verdict = tab.model.index(current, tab.model.keys.index("verdict")).data()
    assert card.verdict.text().startswith(verdict)
    assert tab.stack_for_test.count() == 1  # one edit, though Tab followed the typing
    undo(qtbot, tab)
    qtbot.waitUntil(lambda: "below the 2025 line" in card.reasons.toPlainText())
    assert np.isclose(card.income_edit.value(), session.register.income(2025)[row])
    assert card.parts_note.isHidden()


def test_measures_ticked_in_the_card(qtbot, tab, session):
    tab.show_record("household", session.register.columns["household_id"][0].decode())
    settle(qtbot)
    before = tuple(session.register.measures(0))
    code = next(c.value for c in MEASURE.codes if c.value and c.value not in before)
    box = tab.card.measures[code]
    tab.card.widget(1).ensureWidgetVisible(box)
    click(qtbot, box)
    qtbot.waitUntil(lambda: tuple(session.register.measures(0)) == (*before, code))
    undo(qtbot, tab)
    qtbot.waitUntil(lambda: tuple(session.register.measures(0)) == before)
    qtbot.waitUntil(lambda: not box.isChecked())


def test_going_to_a_household_clears_a_filter_that_hides_it(qtbot, tab, session):
    choose(qtbot, tab.panel.mon_type, "0")
    row = int(np.flatnonzero(session.register.columns["mon_type"] == 2)[0])
    household = session.register.columns["household_id"][row].decode()
    type_into(qtbot, tab.find, household, leave="return")
    assert tab.model.rowCount() == N and tab.panel.mon_type.currentIndex() == 0
    assert tab.model.register_row(tab.table.currentIndex().row()) == row
    assert tab.current_location() == ("household", household)
    type_into(qtbot, tab.find, "SYN-nobody", leave="return")
    assert "No household" in tab.find.toolTip()


def test_year_register_and_close_update_the_same_widgets(qtbot, tab, session):
    table, card = tab.table, tab.card
    choose(qtbot, tab.year, 2024)
    assert session.year == 2024
    assert "(2024)" in tab.model.headerData(tab.model.keys.index("income"),
                                            Qt.Orientation.Horizontal)
    session.open(opened(800, seed=3))
    assert tab.model.rowCount() == 800 and tab.table is table and tab.card is card
    session.close()
    assert tab.stack.currentIndex() == 0 and tab.model.rowCount() == 0
    assert tab.findChild(type(tab.find).__mro__[0], "findHousehold") is tab.find


def test_the_plots_value_axis_takes_nice_steps():
    from dongchuan_gui.ui.widgets.income_plot import nice_ceiling

    assert [nice_ceiling(v) for v in (0.0, 9.0, 10.0, 10.5, 21_000.0, 50_169.0, 81_000.0)] == \
        [1.0, 10.0, 10.0, 12.0, 25_000.0, 60_000.0, 100_000.0]


def test_without_a_register_the_tab_offers_to_open_one(qtbot):
    from PySide6.QtWidgets import QPushButton

    session = RegisterSession()
    tab = make_tab(qtbot, session)
    assert tab.stack.currentIndex() == 0 and tab.current_location() is None
    with qtbot.waitSignal(tab.open_requested, timeout=1000):
        click(qtbot, tab.findChild(QPushButton, "openRegister"))
    session.open(opened(500))
    assert tab.stack.currentIndex() == 1 and tab.model.rowCount() == 500
