"""The motion tab driven as a person does: play and pause with clicks and Space, the
year slider with keys and a drag, a click on a bubble, the measures chosen from the
lists. The chart never shows a value between two years that are not consecutive."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from dongchuan_gui.model.keyframes import format_value
from dongchuan_gui.model.register import default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
from dongchuan_gui.ui.panel_source import PanelSource
from dongchuan_gui.ui.tabs.motion import MotionTab
from dongchuan_gui.ui.view_state import ViewState
from tests.ui.real_input import LEFT, choose, click, settle, show_active

# a register with a gap: 2019 -> 2020 are consecutive, 2020 -> 2022 are not
YEARS = (2019, 2020, 2022)
INCOME, INCIDENCE = "register:median_income", "register:incidence"


@pytest.fixture
def source(dataset):
    register = generate(2000, seed=5, years=YEARS)
    rules = default_rules()
    session = RegisterSession()
    session.set_places(dataset.data.places)
    session.open(
        Opened(register, Path("gap.parquet"), evaluate(register, rules, 2022), 2022, rules)
    )
    source = PanelSource(session)
    source.set_dataset(dataset)
    source.session_for_test = session  # keep it alive
    return source


@pytest.fixture
def view_state():
    return ViewState()


@pytest.fixture
def tab(qtbot, source, view_state, dataset):
    tab = MotionTab(source, view_state)
    qtbot.addWidget(tab)
    tab.set_dataset(dataset)
    tab.resize(1300, 800)
    show_active(qtbot, tab)
    settle(qtbot, 20)
    return tab


def keyframe(tab, unit: str, year: int) -> tuple[float, float]:
    panel = tab.panel
    return (
        panel.cell(INCOME, unit, year).value,
        panel.cell(INCIDENCE, unit, year).value,
    )


def shown(tab) -> list[tuple[str, float, float]]:
    """What the scatter item holds: (unit, x, y) for each bubble drawn."""
    data = tab.chart.scatter.data
    return [
        (tab.unit_ids[int(d)], float(x), float(y))
        for d, x, y in zip(data["data"], data["x"], data["y"], strict=True)
    ]


def test_it_opens_on_the_register_with_the_gap_marked(tab, view_state):
    assert tab.unit_kind.currentData() == "villages"
    assert tab.combos["x"].currentData() == INCOME
    assert tab.combos["y"].currentData() == INCIDENCE
    assert (tab.slider.minimum(), tab.slider.maximum()) == (2019, 2022)
    assert tab.slider.no_data == {2021}
    assert "2021" in tab.status.text()
    assert tab.slider.value() == 2019 and view_state.year == 2019
    drawn = shown(tab)
    assert len(drawn) > 150
    for unit, x, y in drawn:
        assert (x, y) == keyframe(tab, unit, 2019)


def test_play_advances_the_year_and_pause_stops_it(qtbot, tab, view_state):
    years = []
    view_state.year_changed.connect(years.append)
    click(qtbot, tab.play_button)
    assert tab.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: tab.slider.value() >= 2020, timeout=5000)
    click(qtbot, tab.play_button)
    assert tab.play_button.text() == "Play" and not tab.timer.isActive()
    stopped = tab.t
    qtbot.wait(150)
    assert tab.t == stopped
    assert years[0] == 2020 and view_state.year == tab.slider.value()


def test_space_plays_and_pauses(qtbot, tab):
    click(qtbot, tab.slider)
    QTest.keyClick(tab.slider, Qt.Key.Key_Space)
    assert tab.playing
    qtbot.waitUntil(lambda: tab.t > 2019, timeout=5000)
    QTest.keyClick(tab.slider, Qt.Key.Key_Space)
    assert not tab.playing


def test_slider_keys_and_drag_set_the_year(qtbot, tab, view_state):
    click(qtbot, tab.slider, QPoint(tab.slider.year_x(2019), tab.slider.height() // 3))
    QTest.keyClick(tab.slider, Qt.Key.Key_End)
    assert tab.slider.value() == 2022 and view_state.year == 2022 and tab.t == 2022
    QTest.keyClick(tab.slider, Qt.Key.Key_Left)
    assert view_state.year == 2021
    assert shown(tab) == []  # 2021 has no values: no bubble at all
    assert "no values in this year" in tab.chart.note.text()
    QTest.keyClick(tab.slider, Qt.Key.Key_Home)
    assert view_state.year == 2019
    # drag the handle from 2019 to 2020
    y = tab.slider.height() // 3
    start = QPoint(tab.slider.year_x(2019), y)
    QTest.mousePress(tab.slider, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for x in range(start.x(), tab.slider.year_x(2020) + 1, 8):
        QTest.mouseMove(tab.slider, QPoint(x, y))
    QTest.mouseMove(tab.slider, QPoint(tab.slider.year_x(2020), y))
    QTest.mouseRelease(
        tab.slider, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(tab.slider.year_x(2020), y)
    )
    settle(qtbot)
    assert tab.slider.value() == 2020 and view_state.year == 2020
    for unit, x, y in shown(tab):
        assert (x, y) == keyframe(tab, unit, 2020)


def test_no_value_between_years_that_are_not_consecutive(qtbot, tab):
    """Played from 2020 and paused before 2022: each bubble is at its 2020 value
    (fading out) or not drawn, never between 2020 and 2022."""
    click(qtbot, tab.slider, QPoint(tab.slider.year_x(2019), tab.slider.height() // 3))
    QTest.keyClick(tab.slider, Qt.Key.Key_Right)
    assert tab.t == 2020
    click(qtbot, tab.speed)  # the fastest speed, chosen from the list
    choose(qtbot, tab.speed, 4.0)
    click(qtbot, tab.play_button)
    qtbot.waitUntil(lambda: tab.t > 2020.05, timeout=5000)
    click(qtbot, tab.play_button)
    assert tab.t in (2020.0, 2021.0)  # pausing lands on a year, never between two
    for unit, x, y in shown(tab):
        assert (x, y) == keyframe(tab, unit, 2020)
    if tab.t >= 2021:
        assert shown(tab) == []
    # and at fixed times through the same widget
    for t in (2020.25, 2020.5, 2020.99, 2021.0, 2021.5, 2021.99):
        tab.show_time(t)
        drawn = shown(tab)
        assert all((x, y) == keyframe(tab, u, 2020) for u, x, y in drawn)
        assert (drawn == []) == (t >= 2021)
    # between consecutive years: on the straight segment at the time's fraction
    tab.show_time(2019.25)
    for unit, x, y in shown(tab):
        (x0, y0), (x1, y1) = keyframe(tab, unit, 2019), keyframe(tab, unit, 2020)
        assert x == pytest.approx(x0 + 0.25 * (x1 - x0))
        assert y == pytest.approx(y0 + 0.25 * (y1 - y0))


def test_frames_update_the_same_items(tab):
    items = list(tab.chart.plot.items)
    scatter = tab.chart.scatter
    for t in np.linspace(2019, 2022, 13):
        tab.show_time(float(t))
    assert tab.chart.scatter is scatter and list(tab.chart.plot.items) == items


def test_click_on_a_bubble_goes_to_its_place(qtbot, tab, view_state):
    got = []

    def on_link(kind, record_id):  # a plain slot
        got.append((kind, record_id))

    tab.link_activated.connect(on_link)
    chart = tab.chart
    # a bubble whose centre no other bubble covers
    unit, x, y = next(b for b in shown(tab) if len(chart.scatter.pointsAt(QPointF(*b[1:]))) == 1)
    u = tab.unit_ids.index(unit)
    pos = chart.bubble_pos(u).toPoint()
    qtbot.mouseClick(chart.view.viewport(), LEFT, pos=pos)
    settle(qtbot)
    assert got == [("places", unit)]
    assert (view_state.kind, view_state.record_id) == ("places", unit)
    assert chart.selected == u and chart.label.textItem.toPlainText()
    assert chart.ring.data["x"].tolist() == [x]


def test_tooltip_says_observed_values_and_their_years(tab):
    unit, x, _ = shown(tab)[0]
    text = tab.chart.tooltip_for(tab.unit_ids.index(unit))
    assert f"{format_value(x)} yuan (2019)" in text
    assert "Derived:" in text  # register values are worked out, and say so
    tab.show_time(2019.5)
    text = tab.chart.tooltip_for(tab.unit_ids.index(unit))
    assert "moving from 2019 to 2020" in text and "(2020)" in text


def test_choices_change_units_and_colours(qtbot, tab, dataset):
    choose(qtbot, tab.unit_kind, "towns")
    towns = [p.id for p in dataset.data.places if p.level in ("town", "township", "subdistrict")]
    assert set(tab.unit_ids) == set(towns)
    assert {u for u, _, _ in shown(tab)} <= set(towns) and shown(tab)
    choose(qtbot, tab.combos["colour"], "register:below")
    assert any("Colour:" in t for t in tab.chart.legend.texts())
    choose(qtbot, tab.unit_kind, "programs")
    assert tab.record_kind == "programs"


def test_trails_show_previous_positions(qtbot, tab):
    tab.show_time(2022)
    click(qtbot, tab.trails)
    assert tab.trails.isChecked()
    solid, gap = tab.chart.trail_solid, tab.chart.trail_gap
    assert len(solid.getData()[0]) > 0  # 2019 -> 2020
    assert len(gap.getData()[0]) > 0  # 2020 -> 2022 across the gap: dashed
    assert gap.opts["pen"].style() == Qt.PenStyle.DashLine


def test_follows_the_shared_year_and_record(tab, view_state):
    view_state.set_year(2022)
    assert tab.slider.value() == 2022
    unit = tab.unit_ids[5]
    view_state.set_record("places", unit)
    assert tab.chart.selected == 5
    view_state.set_year(1990)  # outside the years with values: stays
    assert tab.slider.value() == 2022


def test_exports(tab, tmp_path):
    gif = tmp_path / "motion.gif"
    assert tab.export_animation(gif, fps=4) == [gif]
    with Image.open(gif) as image:
        assert image.is_animated and image.n_frames > 1
        # 2019 .. 2022 at 1 year a second, 4 frames a second, the last held 1.5 s
        # (Pillow merges the same-looking frames of the empty year 2021)
        total = 0
        for k in range(image.n_frames):
            image.seek(k)
            total += image.info["duration"]
        assert total == 3 * 1000 + 1500
    frames = tab.export_animation(tmp_path / "frame.png", fps=2)
    assert [f.name for f in frames[:2]] == ["frame_0001.png", "frame_0002.png"]
    assert len(frames) == 7 and all(f.stat().st_size > 1000 for f in frames)
    assert tab.t == 2019  # the chart shows what it showed before
    tab.export_frame(tmp_path / "frame.svg")
    text = (tmp_path / "frame.svg").read_text(encoding="utf-8")
    assert "<svg" in text and "2019" in text
    tab.export_frame(tmp_path / "now.png")
    with Image.open(tmp_path / "now.png") as image:
        assert image.width == 1600


# ---------------------------------------------------------------- review fixes
INVENTED = "Invented figures: the household register is synthetic"
RED = (0xB0, 0x00, 0x20)


def bare_tab(qtbot, dataset, view_state=None) -> MotionTab:
    """The bundled dataset alone, no register."""
    source = PanelSource(None)
    source.set_dataset(dataset)
    tab = MotionTab(source, view_state or ViewState())
    qtbot.addWidget(tab)
    tab.set_dataset(dataset)
    tab.resize(1300, 800)
    show_active(qtbot, tab)
    settle(qtbot, 20)
    return tab


def reddish(image, box) -> int:
    """Pixels of the legend's warning red inside ``box`` (x0, y0, x1, y1) of a PIL image."""
    rgb = image.convert("RGB")
    x0, y0, x1, y1 = box
    return sum(
        1
        for x in range(x0, x1)
        for y in range(y0, y1)
        if (p := rgb.getpixel((x, y)))[0] > 140 and p[1] < 70 and p[2] < 90
    )


def test_a_synthetic_register_is_said_in_the_legend_and_every_export(tab, tmp_path):
    assert INVENTED in " ".join(tab.chart.legend.texts())
    tab.export_frame(tmp_path / "frame.png")
    tab.export_frame(tmp_path / "frame.svg")
    assert INVENTED in (tmp_path / "frame.svg").read_text(encoding="utf-8")
    with Image.open(tmp_path / "frame.png") as png:
        right = (png.width * 2 // 3, 0, png.width, png.height // 4)
        assert reddish(png, right) > 30  # the red warning, beside the plot
    gif = tmp_path / "motion.gif"
    tab.export_animation(gif, fps=1)
    with Image.open(gif) as frames:
        frames.seek(0)
        assert reddish(frames, (frames.width * 2 // 3, 0, frames.width, frames.height // 4)) > 30


def test_figures_from_the_dataset_are_not_called_invented(qtbot, dataset):
    tab = bare_tab(qtbot, dataset)
    assert tab.chart.setup is not None
    assert not any("Invented" in t for t in tab.chart.legend.texts())


def test_the_png_export_keeps_the_legend_whole(qtbot, tab, tmp_path):
    # wider than the export's 1600 px: the frame is drawn at its own size, legend last
    tab.resize(1900, 800)
    settle(qtbot, 20)
    legend, plot = tab.chart.legend.sceneBoundingRect(), tab.chart.plot.sceneBoundingRect()
    for _, label in tab.chart.legend.items:
        assert label.sceneBoundingRect().right() <= legend.right()
    assert legend.right() <= plot.right()
    tab.export_frame(tmp_path / "wide.png")
    with Image.open(tmp_path / "wide.png") as png:
        rgb = png.convert("L")
        edge = [
            rgb.getpixel((x, y))
            for x in range(png.width - 8, png.width)
            for y in range(png.height // 2)
        ]
        assert min(edge) > 200  # nothing written into the last pixels: no line cut there


def test_with_the_bundled_dataset_alone_it_opens_on_units_that_have_values(qtbot, dataset):
    tab = bare_tab(qtbot, dataset)
    # villages and towns have nothing to draw together; programs do (relocation, 2018)
    assert tab.unit_kind.currentData() == "programs"
    assert tab.combos["x"].count() > 0 and tab.combos["x"].currentData()
    assert (tab.slider.minimum(), tab.slider.maximum()) == (2018, 2018)
    assert tab.slider.isVisible() and shown(tab)
    # the user's choice of units is kept, and an empty one says so without a slider
    choose(qtbot, tab.unit_kind, "villages")
    assert tab.unit_kind.currentData() == "villages"
    assert tab.status.text() == "No yearly values for these units."
    assert not tab.slider.isVisible() and not tab.play_button.isEnabled()
    assert tab.chart.note.text() == "No yearly values for these units"


def test_with_no_yearly_values_at_all_it_says_so_instead_of_a_slider(qtbot, dataset):
    from msgspec import structs

    from dongchuan_gui.model.dataset import Dataset

    tab = bare_tab(qtbot, Dataset(structs.replace(dataset.data, observations=[])))
    assert "No town, village or program has yearly values" in tab.status.text()
    assert tab.chart.note.text() == "Nothing to animate: no yearly values"
    assert not tab.slider.isVisible() and tab.year_label.text() == ""
    assert not tab.play_button.isEnabled()


def test_the_tooltip_names_the_source_by_its_title(qtbot, dataset):
    tab = bare_tab(qtbot, dataset)
    unit = tab.unit_ids.index("relocation")
    text = tab.chart.tooltip_for(unit)
    title = dataset.source("hu-interview-2019").title
    assert f"Source: {title}, relocation completed in 2018" in text
    assert "hu-interview-2019" not in text


def test_the_gif_export_shows_progress_and_can_be_cancelled(qtbot, tab, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressDialog, QPushButton

    from tests.ui.real_input import choose_in_menu

    target = tmp_path / "motion.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = []

    def pick_gif():
        menu = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()
        )
        QTimer.singleShot(300, cancel)
        choose_in_menu(qtbot, menu, "Animation as GIF")

    def cancel():
        dialog = tab.findChild(QProgressDialog, "motionExportProgress")
        seen.append((dialog.isVisible(), dialog.value(), dialog.maximum()))
        button = dialog.findChild(QPushButton)
        QTest.mouseClick(button, LEFT)

    QTimer.singleShot(100, pick_gif)
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    settle(qtbot, 20)
    visible, value, maximum = seen[0]
    assert visible and maximum == 31 and 0 < value < maximum  # 2019..2022 at 10 frames a year
    assert not target.exists() and list(tmp_path.iterdir()) == []  # cancelled: nothing written
    assert tab.t == 2019  # the chart shows what it showed before
    # to the end: told before each frame and at the end, the file written
    calls = []
    assert tab.export_animation(
        target, fps=2, progress=lambda d, n: calls.append((d, n)) or True
    ) == [target]
    assert calls == [(k, 7) for k in range(8)]
    with Image.open(target) as image:
        assert image.n_frames > 1
    # PNG frames cancelled half-way: the frames already written are taken away again
    stop = tmp_path / "frames" / "f.png"
    stop.parent.mkdir()
    assert tab.export_animation(stop, fps=2, progress=lambda d, n: d < 3) == []
    assert list(stop.parent.iterdir()) == []
