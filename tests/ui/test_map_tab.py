"""The Map tab driven by hand: bubbles where the places are, "no data" where a figure is
missing, a click opens the place, the year combo resizes bubbles in place, the hover
read-out says where a figure came from, and exports carry the legend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsPolygonItem

from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.geo import haversine_m, wgs84_to_gcj02
from dongchuan_gui.model.map_layout import bubble_diameters, project, scale_for
from dongchuan_gui.model.register import default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
from dongchuan_gui.ui.panel_source import PanelSource
from dongchuan_gui.ui.tabs.map import MapTab
from dongchuan_gui.ui.view_state import ViewState
from dongchuan_gui.ui.widgets.map_style import MAX_PX, MIN_PX, hatched_circle
from tests.conftest import SEED
from tests.ui.real_input import choose, click, settle, show_active

DISTRICT = "530113000000"
TANGDAN = "530113102000"  # a town seat on its own
AWANG = "530113104000"  # the only town with a registered population for 2019
TUOBUKA = "530113107000"  # the northernmost town
SHEKUAI = "530113201000"  # the westernmost
DASHITOU = "530113104213"  # a village with coordinates
POPULATION = "figure:population-registered"
YEAR = 2025


@pytest.fixture(scope="module")
def register():
    return generate(3000, seed=7)


@pytest.fixture
def session(register):
    s = RegisterSession()
    s.set_places(load_path(SEED).data.places)
    rules = default_rules()
    s.open(Opened(register, Path("demo.parquet"), evaluate(register, rules, YEAR), YEAR, rules))
    return s


def make_tab(qtbot, dataset, session=None) -> MapTab:
    tab = MapTab(PanelSource(session), ViewState())
    qtbot.addWidget(tab)
    tab.set_dataset(dataset)
    tab.resize(1200, 800)
    show_active(qtbot, tab)
    qtbot.waitUntil(lambda: tab.places is not None and bool(tab.view.legend.content.title))
    settle(qtbot)
    return tab


@pytest.fixture
def tab(qtbot, dataset):
    return make_tab(qtbot, dataset)


def year_item(tab, year) -> int:
    return tab.year_box.findData(year)


def pixels(tab, place_id, offsets) -> list[QColor]:
    """The colours on screen at these pixel offsets from where a place is drawn."""
    image = tab.view.plot.viewport().grab().toImage()
    at = tab.view.viewport_pos(place_id)
    return [image.pixelColor(at + QPoint(dx, dy)) for dx, dy in offsets]


def test_places_are_drawn_at_their_converted_projected_positions(tab, dataset):
    spot = tab.view.spot(TANGDAN)
    drawn = {p.id: p for p in tab.places.places}
    town, seat = drawn[TANGDAN], drawn[DISTRICT]
    # the dataset gives GCJ-02; the map draws the WGS-84 point that maps back onto it
    loc = dataset.place(TANGDAN).location
    assert loc.datum == "GCJ-02"
    assert wgs84_to_gcj02(town.lat, town.lon) == pytest.approx((loc.lat, loc.lon), abs=1e-8)
    assert 300 < haversine_m(town.lat, town.lon, loc.lat, loc.lon) < 600
    # projected around the district seat, and drawn exactly there
    expected = project(town.lat, town.lon, seat.lat, seat.lon)
    assert (spot.pos().x(), spot.pos().y()) == pytest.approx(expected)
    assert np.hypot(*expected) == pytest.approx(
        haversine_m(town.lat, town.lon, seat.lat, seat.lon), rel=1e-9
    )
    assert (tab.view.spot(DISTRICT).pos().x(), tab.view.spot(DISTRICT).pos().y()) == (0, 0)
    # north up, east right, one scale for both directions
    north, south = tab.view.viewport_pos(TUOBUKA), tab.view.viewport_pos(AWANG)
    west = tab.view.viewport_pos(SHEKUAI)
    assert north.y() < south.y() and west.x() < south.x()
    a, b = drawn[TUOBUKA], drawn[AWANG]
    px_per_m_x = (south.x() - north.x()) / (b.x - a.x)
    px_per_m_y = (south.y() - north.y()) / (a.y - b.y)
    assert px_per_m_x == pytest.approx(px_per_m_y, rel=0.01)


def test_the_map_says_its_datum_and_that_it_draws_no_outline(tab):
    notes = tab.view.notes_text()
    assert "Datum: WGS-84 (converted from GCJ-02)" in notes
    assert "No district outline: no openly licensed boundary is available offline" in notes
    drawn = tab.view.box.addedItems
    assert not [
        i for i in drawn if isinstance(i, (pg.PlotCurveItem, pg.PlotDataItem, QGraphicsPolygonItem))
    ]
    assert tab.view.scale_bar.text.toPlainText() in ("10 km", "20 km", "5 km")


def test_a_place_without_a_value_gets_the_hatched_no_data_marker(qtbot, tab):
    choose(qtbot, tab.measure_box, POPULATION)
    choose(qtbot, tab.year_box, 2019)
    empty, full = tab.view.spot(TANGDAN), tab.view.spot(AWANG)
    assert empty.symbol() is hatched_circle()
    assert empty.brush().style() == Qt.BrushStyle.NoBrush
    assert full.symbol() == "o" and full.brush().style() == Qt.BrushStyle.SolidPattern
    assert full.size() == pytest.approx(MAX_PX)  # Awang's 2019 figure is the largest one
    # on screen: the town without a value is hollow (white inside), never a colour
    inside_empty = pixels(tab, TANGDAN, [(dx, dy) for dx in range(-4, 5) for dy in range(-4, 5)])
    assert max(c.saturation() for c in inside_empty) < 30  # grey hatching, no colour
    assert sum(c.lightness() > 230 for c in inside_empty) > 20  # white between the lines
    assert pixels(tab, AWANG, [(-18, 0)])[0].saturation() > 100
    texts = tab.view.legend.texts()
    assert "No value for this year: hatched, hollow" in texts
    assert "1 of 12 places drawn have a value for 2019" in texts


def test_years_without_a_value_are_marked_in_the_year_list(qtbot, tab):
    choose(qtbot, tab.measure_box, POPULATION)
    assert tab.year_box.itemText(year_item(tab, 2019)) == "2019"
    assert tab.year_box.itemText(year_item(tab, 2013)) == "2013 (no value)"
    # only years of the panel are offered
    assert [tab.year_box.itemData(i) for i in range(tab.year_box.count())] == [
        int(y) for y in tab.panel.years
    ]


def test_clicking_a_bubble_opens_the_place(qtbot, tab):
    got = []

    def on_link(kind, record_id):
        got.append((kind, record_id))

    tab.link_activated.connect(on_link)
    click(qtbot, tab.view.plot.viewport(), tab.view.viewport_pos(TANGDAN))
    settle(qtbot)
    assert got == [("places", TANGDAN)]
    assert (tab.state.kind, tab.state.record_id) == ("places", TANGDAN)
    # the current place is ringed on the map
    assert tab.view.highlight.points()[0].pos().x() == tab.view.spot(TANGDAN).pos().x()
    # a click on empty ground opens nothing
    click(qtbot, tab.view.plot.viewport(), QPoint(5, tab.view.plot.height() - 5))
    assert got == [("places", TANGDAN)]


def hover(qtbot, tab, pos: QPoint, name: str) -> None:
    """Move the mouse onto ``pos`` until the read-out names ``name``: a move that the
    scene takes for no move (the same position as the last one it saw, after other
    tests) is made again from one pixel away."""

    def moved() -> bool:
        viewport = tab.view.plot.viewport()
        QTest.mouseMove(viewport, pos + QPoint(1, 1))
        QTest.mouseMove(viewport, pos)
        return name in tab.readout.text()

    qtbot.waitUntil(moved, timeout=5000)


def test_hovering_a_bubble_reads_out_its_figure_and_source(qtbot, tab, dataset):
    choose(qtbot, tab.measure_box, POPULATION)
    choose(qtbot, tab.year_box, 2019)
    hover(qtbot, tab, tab.view.viewport_pos(AWANG) + QPoint(-18, 0), "Awang Town")
    title = dataset.source("awang-baike").title
    # Xiangyang Community is drawn 1 px from the town's centre: said on a line of its own
    also = "Also at this spot: Xiangyang Community: no value"
    assert tab.readout.text() == (
        f"Awang Town · 2019 · Household-registered population: 37,522 people"
        f" · source: {title}, overview\n{also}"
    )
    # the next year with the keys, the mouse still there: the read-out follows
    tab.year_box.setFocus()
    QTest.keyClick(tab.year_box, Qt.Key.Key_Down)
    assert tab.year() == 2023
    assert tab.readout.text() == (
        f"Awang Town · 2023 · Household-registered population: no value\n{also}"
    )
    QTest.keyClick(tab.year_box, Qt.Key.Key_Up)
    hover(qtbot, tab, tab.view.viewport_pos(TANGDAN), "Tangdan Town")
    assert tab.readout.text() == "Tangdan Town · 2019 · Household-registered population: no value"


def test_a_year_change_resizes_the_bubbles_in_place(qtbot, dataset, session):
    tab = make_tab(qtbot, dataset, session)
    choose(qtbot, tab.measure_box, "register:median_income")
    choose(qtbot, tab.year_box, 2021)
    layer = tab.view.layers["town"]
    before = tab.view.spot(TANGDAN).size()
    choose(qtbot, tab.year_box, 2025)
    assert tab.view.layers["town"] is layer  # the same item, restyled
    after = tab.view.spot(TANGDAN).size()
    panel = tab.panel
    scale = scale_for(panel, "register:median_income", tab.bubble_ids())
    values = [panel.cell("register:median_income", TANGDAN, y).value for y in (2021, 2025)]
    expected = bubble_diameters(values, scale.size_max, MAX_PX, MIN_PX)
    assert (before, after) == pytest.approx(tuple(np.round(expected * 2) / 2))
    assert after > before  # incomes rose in the register
    assert tab.state.year == 2025 and tab.state.measure == "register:median_income"
    # derived figures: dashed outline, the register named in the read-out
    assert tab.view.spot(TANGDAN).pen().style() == Qt.PenStyle.DashLine
    assert "derived from the register" in tab.describe(TANGDAN)
    assert "Invented figures: the household register is synthetic" in tab.view.legend.texts()


def test_the_map_follows_and_sets_the_shared_year_and_measure(qtbot, dataset, session):
    tab = make_tab(qtbot, dataset, session)
    assert tab.measure() == "register:incidence" and tab.year() == YEAR
    tab.state.set_year(2022)
    assert tab.year() == 2022
    tab.state.set_measure(POPULATION)
    assert tab.measure() == POPULATION
    choose(qtbot, tab.year_box, 2019)
    assert tab.state.year == 2019
    QTest.keyClick(tab.year_box, Qt.Key.Key_Down)
    assert tab.state.year == tab.year() == int(tab.panel.years[year_item(tab, 2019) + 1])
    click(qtbot, tab.earlier)
    assert tab.state.year == 2019


def test_showing_only_villages_hides_the_towns(qtbot, dataset, session):
    tab = make_tab(qtbot, dataset, session)
    choose(qtbot, tab.layer_box, "villages")
    assert not tab.view.layers["town"].isVisible() and tab.view.layers["village"].isVisible()
    assert "5 of 5 places drawn have a value for 2025" in tab.view.legend.texts()
    assert tab.view.spot(DASHITOU).brush().style() == Qt.BrushStyle.SolidPattern


def test_export_writes_png_and_svg_with_the_legend(qtbot, tab, tmp_path):
    choose(qtbot, tab.measure_box, POPULATION)
    choose(qtbot, tab.year_box, 2019)
    tab.export_image(str(tmp_path / "map.png"))
    tab.export_image(str(tmp_path / "map.svg"))
    image = QImage(str(tmp_path / "map.png"))
    assert image.width() == 2 * tab.view.width() and image.height() == 2 * tab.view.height()
    legend = tab.view.legend.geometry()
    dark = sum(
        image.pixelColor(2 * x, 2 * y).lightness() < 100
        for x in range(legend.left(), legend.right(), 3)
        for y in range(legend.top(), legend.bottom(), 3)
    )
    assert dark > 50  # the legend's text and symbols are in the picture
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    for text in (
        "Household-registered population",
        "No value for this year: hatched, hollow",
        "Size: area ∝ value, in people",
        "No district outline",
        "Awang Town",
    ):
        assert text in svg


def test_chinese_interface_shows_chinese_names(qtbot, dataset, session):
    old = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        tab = make_tab(qtbot, dataset, session)
        names = [tab.measure_box.itemText(i) for i in range(tab.measure_box.count())]
        assert "低于监测标准人口占比" in names and "户籍人口" in names
        assert tab.describe(TANGDAN).startswith("汤丹镇 · 2025 · 低于监测标准人口占比")
        assert "由监测台账" in tab.describe(TANGDAN)
        assert tab.view.labels and "汤丹镇" in [
            label.textItem.toPlainText() for label in tab.view.labels.values()
        ]
    finally:
        QLocale.setDefault(old)


def test_an_export_to_a_folder_that_does_not_exist_says_so(tab, tmp_path):
    for name in ("map.png", "map.svg"):
        with pytest.raises(OSError):
            tab.export_image(str(tmp_path / "missing" / name))
        assert not (tmp_path / "missing").exists()


def test_a_dataset_without_coordinates_draws_nothing_and_says_why(qtbot, dataset):
    from msgspec import structs

    from dongchuan_gui.model.dataset import Dataset

    places = [structs.replace(p, location=None) for p in dataset.data.places]
    bare = Dataset(structs.replace(dataset.data, places=places))
    tab = make_tab(qtbot, bare)
    assert tab.places.places == [] and tab.measure_box.count() == 0
    assert "No figure has a value at a place with coordinates." in tab.view.legend.texts()
    assert "No district outline" in tab.view.notes_text()
    click(qtbot, tab.view.plot.viewport())  # nothing there to open, nothing breaks


def test_in_the_window_a_click_on_the_map_opens_the_place(qtbot, window):
    if "map" not in window.tab_keys:
        pytest.skip("the window has no Map tab yet (tab_list.TABS)")
    tab = window.show_tab("map")
    qtbot.waitUntil(lambda: tab.places is not None and bool(tab.view.legend.content.title))
    settle(qtbot, 20)
    click(qtbot, tab.view.plot.viewport(), tab.view.viewport_pos(TANGDAN))
    settle(qtbot, 20)
    assert window.tab_widget.currentWidget() is window.tab("places")
    assert window.tab("places").current_location()[1] == TANGDAN


XIANGYANG = "530113104001"  # a community drawn 78 m (about 1 px) from Awang's centre


def test_the_centre_of_a_town_opens_the_town_and_says_the_community_there(qtbot, tab):
    choose(qtbot, tab.measure_box, POPULATION)
    choose(qtbot, tab.year_box, 2019)
    town, community = tab.view.viewport_pos(AWANG), tab.view.viewport_pos(XIANGYANG)
    assert (town - community).manhattanLength() <= 3
    # towns are drawn over the villages inside them
    assert tab.view.layers["town"].zValue() > tab.view.layers["village"].zValue()
    QTest.mouseMove(tab.view.plot.viewport(), town)
    qtbot.waitUntil(lambda: tab.view.hovered == AWANG)
    first, also = tab.readout.text().split("\n")
    assert first.startswith("Awang Town · 2019 · Household-registered population: 37,522")
    assert also == "Also at this spot: Xiangyang Community: no value"
    got = []
    tab.link_activated.connect(lambda kind, record_id: got.append(record_id))
    click(qtbot, tab.view.plot.viewport(), town)
    settle(qtbot)
    assert got == [AWANG] and tab.state.record_id == AWANG
    # villages alone: the community can be had
    choose(qtbot, tab.layer_box, "villages")
    click(qtbot, tab.view.plot.viewport(), tab.view.viewport_pos(XIANGYANG))
    settle(qtbot)
    assert got == [AWANG, XIANGYANG]


def test_village_names_show_where_they_have_room(qtbot, tab):
    names = {
        tab.places.places[i].id: label
        for i, label in tab.view.labels.items()
        if tab.places.places[i].layer == "village"
    }
    assert names[DASHITOU].isVisible()  # room beside it
    assert not names[XIANGYANG].isVisible()  # under Awang's bubble: no room
    choose(qtbot, tab.layer_box, "towns")
    assert not any(label.isVisible() for label in names.values())
    choose(qtbot, tab.layer_box, "villages")
    assert all(label.isVisible() for label in names.values())


def test_it_opens_on_a_year_with_values_and_a_measure_change_moves_to_one(qtbot, dataset, session):
    def open_on(year):
        state = ViewState()
        state.set_year(year)
        tab = MapTab(PanelSource(session), state)
        qtbot.addWidget(tab)
        tab.set_dataset(dataset)
        show_active(qtbot, tab)
        qtbot.waitUntil(lambda: tab.places is not None and bool(tab.view.legend.content.title))
        return tab

    # the shared year 2018 has no register figures: the latest year with values instead
    tab = open_on(2018)
    assert tab.measure() == "register:incidence"
    assert tab.year() == YEAR == tab.state.year
    assert tab.year_box.currentText() == str(YEAR)  # not "(no value)"
    # a year that has values is kept
    assert open_on(2022).year() == 2022
    # the population measure has values in 2019 only (at Awang): the year moves there
    choose(qtbot, tab.measure_box, POPULATION)
    assert tab.year() == 2019 and tab.state.year == 2019
    assert "1 of 12 places drawn have a value for 2019" in tab.view.legend.texts()
    # back to a register measure: the register begins later, so its latest year
    choose(qtbot, tab.measure_box, "register:incidence")
    assert tab.year() == YEAR
    # a year with values stays through a measure change
    choose(qtbot, tab.year_box, 2022)
    choose(qtbot, tab.measure_box, "register:median_income")
    assert tab.year() == 2022 == tab.state.year


def test_the_legend_says_how_many_places_have_no_coordinates(qtbot, tab):
    # 130 villages, 35 communities and a resettlement site; 5 of them have coordinates
    villages = (
        "161 of 166 villages, communities and resettlement sites have no coordinates"
        " in the sources and are not drawn"
    )
    towns = (
        "2 of 9 towns, townships and subdistricts have no coordinates in the sources"
        " and are not drawn"
    )
    texts = tab.view.legend.texts()
    assert villages in texts and towns in texts
    choose(qtbot, tab.layer_box, "towns")
    texts = tab.view.legend.texts()
    assert towns in texts and villages not in texts
    assert tab.view.legend.not_drawn.isVisible()


def test_a_place_chosen_in_another_tab_is_ringed_on_the_map(qtbot, window):
    """The shared selection: the Places tab sets it, the map follows."""
    tab = window.show_tab("map")
    qtbot.waitUntil(lambda: tab.places is not None and bool(tab.view.legend.content.title))
    window.show_tab("places")
    places = window.tab("places")
    places.search.setFocus()
    QTest.keyClicks(places.search, "tangdan")  # pinyin finds it (keyClicks types ASCII)
    settle(qtbot, 20)
    index = places.tree.model().index(0, 0)
    while places.tree.model().rowCount(index):  # down to the match under its district
        index = places.tree.model().index(0, 0, index)
    click(qtbot, places.tree.viewport(), places.tree.visualRect(index).center())
    settle(qtbot, 20)
    assert places.current_location() == ("place", TANGDAN)
    assert (window.view_state.kind, window.view_state.record_id) == ("place", TANGDAN)
    assert tab.view._highlighted == TANGDAN  # the ring drawn round it
