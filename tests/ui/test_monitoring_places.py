"""Risk lights in the Places tree, the monitoring section of place panes, derived
series in timelines, monitoring in reports and the household table export, with a
generated register open in the window."""

from __future__ import annotations

import csv
import io
import re

import msgspec
import numpy as np
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QIcon, QTextDocument
from PySide6.QtTest import QTest

from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.lights import NONE, lights
from dongchuan_gui.model.register.published import place_table
from dongchuan_gui.model.register.view import TableFilter, TableView
from dongchuan_gui.ui.commands import EditRecord
from dongchuan_gui.ui.monitoring.place_lights import LIGHT_ROLE
from dongchuan_gui.ui.monitoring.report_section import ReportMonitoring, section_html
from dongchuan_gui.ui.reports import build_document
from tests.ui.real_input import click, click_item

CAIYUAN, TANGDAN, DISTRICT = "530113102001", "530113102000", "530113000000"


@pytest.fixture(scope="module")
def register_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "demo.parquet"
    generate(3000, seed=7).save(path)
    return path


def _open(qtbot, window, path):
    """Open the register and show the Places tab, as a person would."""
    if window.places.lights is None:  # until the main window gives the tab its session
        window.places.set_session(window.monitoring.session)
    if window.timelines.lights is None:
        window.timelines.set_session(window.monitoring.session)
    window.monitoring.open_path(path)
    with qtbot.waitSignal(window.monitoring.session.opened, timeout=20000):
        pass
    bar = window.tab_widget.tabBar()
    click(qtbot, bar, bar.tabRect(window.tab_widget.indexOf(window.places)).center())
    return window.monitoring.session


def _settle(qtbot, window):
    lights = window.places.lights
    qtbot.waitUntil(lambda: not lights.busy(), timeout=10000)
    qtbot.wait(20)


def _click_place(qtbot, window, place_id):
    tab = window.places
    index = tab.proxy.mapFromSource(tab.model.find("place", place_id))
    parent = index.parent()
    while parent.isValid():
        tab.tree.expand(parent)
        parent = parent.parent()
    click_item(qtbot, tab.tree, index)
    assert tab.pane.shown_id() == place_id
    return index


def _pane_text(window):
    return window.places.pane.browser.toPlainText()


def _figures(session, code, level="village"):
    table = session.lights(level)
    i = table.index(int(code))
    return table, i, table.aggregate


def test_clicking_a_village_shows_its_monitoring_figures_and_light(
    qtbot, window, register_file
):
    session = _open(qtbot, window, register_file)
    _click_place(qtbot, window, CAIYUAN)
    _settle(qtbot, window)
    text = _pane_text(window)
    table, i, agg = _figures(session, CAIYUAN)
    assert "Monitoring (household register)" in text
    assert "SYNTHETIC households, not real data" in text
    assert f"{agg.households[i]:,} ({agg.persons[i]:,} persons)" in text
    below = f"{agg.below[i]:,} of {agg.known[i]:,} with an income"
    assert below in text
    assert f"Risk light: {('no data', 'green', 'amber', 'red')[table.light[i]]} (2025)" in text
    for reason in table.reasons(i, "en"):
        assert reason in text
    for year in session.register.years:  # one row a year, from that year's aggregate
        other = session.aggregate("village", year)
        k = other.codes.tolist().index(int(CAIYUAN))
        light = ("no data", "green", "amber", "red")[lights(other).light[k]]
        below_of = f"{other.below[k]:,} / {other.known[k]:,}"
        assert f"{year}\n● {light}\n{other.line[k]:,.0f}\n{below_of}\n" in text
    assert "rule set cn-yunnan-monitoring v1" in text and "3,000 households" in text


def test_the_trees_lights_equal_the_registers_and_follow_the_rule_set(
    qtbot, window, register_file
):
    session = _open(qtbot, window, register_file)
    tab = window.places
    _click_place(qtbot, window, CAIYUAN)
    _settle(qtbot, window)

    def check():
        shown = {}
        for place in window.dataset.data.places:
            level = tab.lights.place(place.id)
            index = tab.model.find("place", place.id)
            light = index.data(LIGHT_ROLE)
            if level is None:
                assert light == NONE, place.id  # no code: never a light
                continue
            code, level = level
            assert light == lights(session.aggregate(level)).light_of(code), place.id
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            assert isinstance(icon, QIcon) if light != NONE else icon is None
            shown[place.id] = light
        return shown

    before = check()
    assert set(before.values()) >= {1, 3} and before[DISTRICT] != NONE
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    table, i, _ = _figures(session, CAIYUAN)
    tip = tab.model.find("place", CAIYUAN).data(Qt.ItemDataRole.ToolTipRole)
    assert all(reason in tip for reason in table.reasons(i, "en"))
    rules = session.rules
    lines = [msgspec.structs.replace(ln, value=30000.0) if ln.year == 2025 else ln
             for ln in rules.lines]
    window.document.push(
        EditRecord(window.dataset, "rule_sets", msgspec.structs.replace(rules, lines=lines),
                   "Edit rule set")
    )
    with qtbot.waitSignal(tab.lights.changed, timeout=10000):
        pass
    assert session.rules.line(2025, "53").value == 30000.0
    after = check()
    assert after != before and after[CAIYUAN] == 3  # most households fall below 30,000
    assert not resets and tab.current_location() == ("place", CAIYUAN)  # in place
    _, i, agg = _figures(session, CAIYUAN)
    assert f"{agg.below[i]:,} of {agg.known[i]:,} with an income" in _pane_text(window)
    assert "30,000 yuan per person" in _pane_text(window)
    window.document.undo_stack.undo()
    with qtbot.waitSignal(tab.lights.changed, timeout=10000):
        pass
    assert check() == before
    window.monitoring.close_register()
    qtbot.waitUntil(lambda: "Monitoring (household register)" not in _pane_text(window))
    assert tab.model.find("place", CAIYUAN).data(LIGHT_ROLE) is None
    assert tab.model.find("place", CAIYUAN).data(Qt.ItemDataRole.DecorationRole) is None


def test_another_year_in_view_changes_the_lights_in_place(qtbot, window, register_file):
    session = _open(qtbot, window, register_file)
    tab = window.places
    _click_place(qtbot, window, CAIYUAN)
    _settle(qtbot, window)
    with qtbot.waitSignal(tab.lights.changed, timeout=10000):
        session.set_year(2023)
    for place in (CAIYUAN, TANGDAN, DISTRICT):
        code, level = tab.lights.place(place)
        expected = lights(session.aggregate(level, 2023)).light_of(code)
        assert tab.model.find("place", place).data(LIGHT_ROLE) == expected
    table, i, agg = _figures(session, CAIYUAN)
    assert table.year == 2023 and "(2023)" in _pane_text(window)
    assert f"{agg.below[i]:,} of {agg.known[i]:,} with an income" in _pane_text(window)


def test_village_timeline_and_timelines_tab_get_derived_series(qtbot, window, register_file):
    session = _open(qtbot, window, register_file)
    _click_place(qtbot, window, CAIYUAN)
    _settle(qtbot, window)
    series = {s.indicator: s for s in window.places.pane.plot.series}
    below, share = series["register-below"], series["register-share-below"]
    years = session.register.years
    assert below.x == [float(y) for y in years]
    for k, year in enumerate(years):
        agg = session.aggregate("village", year)
        i = agg.codes.tolist().index(int(CAIYUAN))
        assert below.y[k] == agg.below[i] and share.y[k] == pytest.approx(agg.share_below[i])
    assert set(below.statuses) == {"derived"} and "derived from a SYNTHETIC" in below.label
    assert "Derived from register" in below.tips[0]
    # the Timelines tab offers the towns' derived series: tick one with the keyboard
    tabs = window.tab_widget
    click(qtbot, tabs.tabBar(), tabs.tabBar().tabRect(tabs.indexOf(window.timelines)).center())
    choices = window.timelines.choices
    item = next(it for it in window.timelines._items()
                if it.data(0, Qt.ItemDataRole.UserRole + 1) == f"register-below|{TANGDAN}|")
    click_item(qtbot, choices, choices.indexFromItem(item))
    QTest.keyClick(choices.viewport(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: item.checkState(0) == Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: any(s.indicator == "register-below"
                                for s in window.timelines.plot.series), timeout=10000)
    (drawn,) = [s for s in window.timelines.plot.series if s.indicator == "register-below"]
    town = session.aggregate("town", 2025)
    assert drawn.y[-1] == town.below[town.codes.tolist().index(int(TANGDAN))]


def _numbers(html):
    return re.findall(r"<td class='num'>(?:<b>)?([^<]*)", html)


def test_reports_gain_a_monitoring_section_and_anonymised_ones_suppress(
    qtbot, window, register_file
):
    session = _open(qtbot, window, register_file)
    ds = window.dataset
    doc = build_document(ds, "place", CAIYUAN, monitoring=ReportMonitoring(session))
    text = doc.toPlainText()
    table, i, agg = _figures(session, CAIYUAN)
    assert "Monitoring (household register)" in text and "SYNTHETIC households" in text
    assert f"{agg.households[i]:,} ({agg.persons[i]:,} persons)" in text
    assert table.reasons(i, "en")[0] in text
    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl("histogram.png"))
    assert not image.isNull()
    district = build_document(ds, "district", monitoring=ReportMonitoring(session)).toPlainText()
    assert "Villages most at risk" in district and "Towns" in district
    # anonymised: the printed cells are the register-wide plan's, x where hidden
    anonymised = ReportMonitoring(session, anonymised=True)
    plan = anonymised.suppressed()
    assert (plan.level, plan.year, plan.min_cell) == ("village", 2025, 5)
    assert anonymised.suppressed() is plan  # worked out once for a batch of reports
    for place, level in ((CAIYUAN, "village"), (TANGDAN, "town")):
        html = section_html(QTextDocument(), anonymised, ds, place, 900)
        mine = place_table(plan, int(place), level)
        expected = [v for _, cells in mine.rows for v in cells]
        if level == "town":
            expected += mine.total
        assert _numbers(html) == ["x" if v is None else f"{v:,}" for v in expected]
        assert "x" in _numbers(html)  # there are small cells, and they do not show
        assert "only the year 2025 is shown" in html
        found = session.lights(level)
        for reason in found.reasons(found.index(int(place)), "en"):
            assert reason not in html  # reasons carry numbers: not printed
    # a village of fewer than 5 households gets no light: it would say too much
    villages = session.lights("village")
    tiny = next(int(c) for k, c in enumerate(villages.codes)
                if 0 < villages.aggregate.households[k] < 5)
    place = next(p.id for p in ds.data.places if p.code == f"{tiny:012d}")
    html = section_html(QTextDocument(), anonymised, ds, place, 900)
    assert "No risk light in an anonymised report" in html and "Risk light" not in html
    assert "Monitoring" not in build_document(ds, "place", CAIYUAN).toPlainText()


def test_export_writes_the_shown_rows_in_order(qtbot, window, register_file, tmp_path):
    from dongchuan_gui.ui.monitoring.export import export_households_ui

    session = _open(qtbot, window, register_file)
    view = TableView(session.register, session.evaluation, place_names=session.place_names,
                     site_names=session.site_names, lang="en")
    view.set_filter(TableFilter(villages=(int(CAIYUAN),), towns=(int(TANGDAN),)))
    view.sort("income")
    columns = ["household_id", "village_name", "income", "verdict"]
    export = export_households_ui(window, view, columns, path=tmp_path / "t.csv")
    with qtbot.waitSignal(export.finished, timeout=20000) as done:
        pass
    assert done.args == [tmp_path / "t.csv", len(view)]
    view.sort(None)  # the window's view moves on; the file has what was shown
    data = (tmp_path / "t.csv").read_bytes()[3:].decode("utf-8")
    note, header, *rows = list(csv.reader(io.StringIO(data, newline="")))
    ids = session.register.columns["household_id"]
    income = session.register.income(2025)
    order = np.argsort(np.where(np.isnan(income), np.inf, income), kind="stable")
    mask = (session.register.villages[session.register.village_idx] // 1000 * 1000
            == int(TANGDAN))
    expected = [bytes(ids[r]).decode() for r in order if mask[r]]
    assert [r[0] for r in rows] == expected
    assert "SYNTHETIC" in note[0] and "places: Tangdan" in note[0]


@pytest.mark.parametrize("answer", ["Anonymised", "Full figures", "Cancel"])
def test_asking_how_to_print_the_register_in_a_report(qtbot, window, register_file, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from dongchuan_gui.ui.monitoring.report_section import ask_report_monitoring

    assert ask_report_monitoring(window, window.monitoring.session) == (True, None)
    session = _open(qtbot, window, register_file)

    def press():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == answer]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, press)
    go_on, options = ask_report_monitoring(window, session)
    assert go_on == (answer != "Cancel")
    if answer == "Cancel":
        assert options is None
    else:
        assert options.session is session and options.anonymised == (answer == "Anonymised")


def test_cancelling_an_export_with_the_dialogs_button(qtbot, window, monkeypatch, tmp_path):
    import time

    from PySide6.QtWidgets import QPushButton

    from dongchuan_gui.model.register import table_export
    from dongchuan_gui.ui.monitoring.export import export_households_ui

    def slow(view, path, columns, *, lang, edited, progress):  # until Cancel is pressed
        while progress(1, 2):
            time.sleep(0.01)
        raise table_export.ExportCancelledError

    monkeypatch.setattr(table_export, "export_households", slow)
    reg = generate(50, seed=1)
    view = TableView(reg, lang="en")
    export = export_households_ui(window, view, ["household_id"], path=tmp_path / "t.csv")
    qtbot.waitUntil(export.dialog.isVisible, timeout=1500)  # shown after 0.3 s
    with qtbot.waitSignal(export.cancelled, timeout=5000):
        click(qtbot, export.dialog.findChild(QPushButton))
    assert not (tmp_path / "t.csv").exists()
