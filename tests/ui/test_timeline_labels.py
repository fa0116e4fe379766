"""Event labels on the timeline never overlap or leave the plot; targets get their band."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from dongchuan_gui.ui.plot_data import marks_for, plot_series
from dongchuan_gui.ui.widgets.event_labels import Placement, label_rows, layout_labels
from dongchuan_gui.ui.widgets.timeline_plot import PlotMarks, TimelinePlot

DISTRICT = "530113000000"
EXIT = "云南宣布东川区达到贫困县退"  # the 2019 exit announcement, as plot_data shortens it


# ------------------------------------------------------------- the pure layout
def check_layout(anchors, widths, placed, left, right, gap=6.0):
    """No two boxes of a row (with the stretch back to their line) come closer than
    ``gap``; every box lies inside [left, right]; a box is narrower than its label
    only when it says so (elided), and never narrower than 60 px or the span."""
    reach = {}
    for k, spot in enumerate(placed):
        if spot is None:
            continue
        assert left <= spot.left and spot.right <= right + 1e-9, (k, spot)
        assert min(60, widths[k], right - left) <= spot.width <= min(widths[k], right - left)
        assert spot.elided == (spot.width < widths[k])
        lo, hi = min(spot.left, anchors[k]), max(spot.right, anchors[k])
        reach.setdefault(spot.row, []).append((lo, hi, k))
    for boxes in reach.values():
        for (a0, a1, i), (b0, b1, j) in itertools.combinations(boxes, 2):
            assert a1 + gap <= b0 + 1e-9 or b1 + gap <= a0 + 1e-9, (i, j, boxes)


def test_labels_apart_fit_in_one_row_right_of_their_lines():
    anchors, widths = [10.0, 200.0, 400.0], [100.0, 100.0, 100.0]
    placed = layout_labels(anchors, widths, left=0, right=600, rows=3)
    assert [p.row for p in placed] == [0, 0, 0]
    assert [p.left for p in placed] == [13.0, 203.0, 403.0]  # just right of the line
    check_layout(anchors, widths, placed, 0, 600)


def test_a_cluster_of_labels_on_one_date_takes_several_rows_without_overlap():
    anchors, widths = [300.0, 300.0, 301.0, 302.0], [120.0, 150.0, 90.0, 110.0]
    placed = layout_labels(anchors, widths, left=0, right=800, rows=4)
    assert all(p is not None for p in placed)
    check_layout(anchors, widths, placed, 0, 800)
    # each label still touches its own line: none had to move away from it
    for x, p in zip(anchors, placed, strict=True):
        assert p.left - 3 <= x + 1e-9 and x - 3 <= p.right + 1e-9 or abs(p.left - x) <= 4


def test_a_label_at_the_right_edge_moves_left_and_one_at_the_left_edge_right():
    right_end = layout_labels([590.0], [150.0], left=0, right=600, rows=1)[0]
    assert right_end.right <= 600 and right_end.right == pytest.approx(587.0)
    left_end = layout_labels([1.0], [150.0], left=0, right=600, rows=1)[0]
    assert left_end.left >= 0 and left_end.left == pytest.approx(4.0)
    # a line so near the edge that neither side has room: the box is shifted inside
    cramped = layout_labels([50.0], [580.0], left=0, right=600, rows=1)[0]
    assert cramped.left == 20 and cramped.right == 600  # pushed back from the right edge


def test_a_label_wider_than_the_plot_is_cut_to_it():
    (spot,) = layout_labels([100.0], [900.0], left=10, right=410, rows=2)
    assert spot == Placement(left=10, width=400, row=0, elided=True)


def test_a_label_without_room_at_full_width_is_shortened():
    anchors, widths = [100.0, 300.0], [180.0, 300.0]
    first, second = layout_labels(anchors, widths, left=0, right=420, rows=1)
    assert (first.left, first.width, first.elided) == (103, 180, False)
    assert second == Placement(left=303, width=60, row=0, elided=True)
    check_layout(anchors, widths, [first, second], 0, 420)


def test_labels_outside_the_span_or_without_room_are_left_off():
    anchors, widths = [-5.0, 100.0, 100.0, 700.0], [50.0, 300.0, 300.0, 50.0]
    placed = layout_labels(anchors, widths, left=0, right=600, rows=1, max_shift=40, min_width=300)
    assert placed[0] is None and placed[3] is None  # their lines are out of view
    assert placed[1] is not None and placed[2] is None  # one row, no room near the line
    assert layout_labels([100.0], [50.0], left=0, right=600, rows=0) == [None]


def test_reserved_stretches_stay_free():
    (spot,) = layout_labels([100.0], [80.0], left=0, right=600, rows=2, reserved=[(0, 90, 200)])
    assert spot.row == 1 or spot.left >= 206 or spot.right <= 84


@pytest.mark.parametrize("seed", range(20))
def test_many_labels_never_overlap_nor_leave_the_span(seed):
    import random

    rng = random.Random(seed)
    left, right = rng.choice([(0.0, 420.0), (5.0, 900.0), (0.0, 1500.0)])
    anchors = [rng.uniform(left - 50, right + 50) for _ in range(rng.randint(1, 25))]
    widths = [rng.uniform(20, 700) for _ in anchors]
    rows = rng.randint(1, 6)
    placed = layout_labels(anchors, widths, left=left, right=right, rows=rows)
    check_layout(anchors, widths, placed, left, right)
    assert all(p.row < rows for p in placed if p)


def test_rows_fit_in_the_top_of_the_plot():
    assert label_rows(300, 20) == 6  # 0.45 × 300 / 20 = 6.75, at most 6
    assert label_rows(100, 20) == 2
    assert label_rows(30, 20) == 1
    assert label_rows(15, 20) == 0


# ------------------------------------------------------------------ the widget
def district_plot(qtbot, dataset, width: int, events=None) -> TimelinePlot:
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    series = [
        plot_series(dataset, "poverty-incidence", place=DISTRICT, with_scope=True),
        plot_series(dataset, "people-lifted", place=DISTRICT, with_scope=True),
    ]
    marks = marks_for(dataset, dataset.data.events if events is None else events)
    plot.set_content(series, marks, x_range=(1999, 2024))  # the Timelines tab's years
    plot.resize(width, 650)
    plot.show()
    qtbot.waitExposed(plot)
    plot.render_now()
    return plot


def resize_to(qtbot, plot: TimelinePlot, width: int) -> None:
    plot.resize(width, 650)
    view_box = plot.plots[0].getViewBox()
    qtbot.waitUntil(lambda: abs(view_box.width() - (width - 100)) < 60)
    qtbot.wait(20)


def check_labels(plot: TimelinePlot) -> list:
    view_box = plot.plots[0].getViewBox()
    box = view_box.sceneBoundingRect()
    labels = plot.event_labels()
    rects = [label.sceneBoundingRect() for label in labels]
    for label, rect in zip(labels, rects, strict=True):
        assert box.contains(rect), (label.full_text, rect, box)
    for (a, ra), (b, rb) in itertools.combinations(zip(labels, rects, strict=True), 2):
        assert not ra.intersects(rb), (a.full_text, b.full_text)
    return labels


def test_event_labels_stay_apart_and_inside_at_any_width(qtbot, dataset):
    plot = district_plot(qtbot, dataset, 900)
    shown = {}
    for width in (500, 900, 1600, 900):
        resize_to(qtbot, plot, width)
        labels = check_labels(plot)
        shown[width] = {label.full_text for label in labels}
    lo, hi = plot.plots[0].getViewBox().viewRange()[0]
    in_view = [x for x, _label, _tip in plot.marks.events if lo <= x <= hi]
    assert len(shown[1600]) == len(in_view) >= 8  # wide: every event in view has its label
    assert any(text.startswith(EXIT) for text in shown[900])
    assert len(shown[500]) >= 5  # narrow: some shortened, none overlapping
    # the text drawn is the label's text, whole
    for label in plot.event_labels():
        assert label.text_item.text() == label.full_text
        assert label.text_item.sceneBoundingRect().width() <= label.rect().width()


def test_labels_follow_a_new_year_range(qtbot, dataset):
    plot = district_plot(qtbot, dataset, 900)
    before = {label.full_text: label.scenePos().x() for label in plot.event_labels()}
    plot.set_x_range(2017, 2022)
    qtbot.wait(20)
    labels = check_labels(plot)
    after = {label.full_text: label.scenePos().x() for label in labels}
    assert not any(t.startswith("红土地镇") for t in after)  # 2005: out of view now
    moved = [t for t in after if t in before and after[t] != before[t]]
    assert moved and any(t.startswith(EXIT) for t in after)


def test_a_label_too_long_for_the_plot_is_elided_with_the_full_text_as_tooltip(qtbot, dataset):
    long_title = "东川区" * 60
    plot = district_plot(qtbot, dataset, 500, events=[])
    plot.set_content(
        plot.series,
        PlotMarks(events=[(2010.0, long_title, "2010: a long one")]),
        x_range=(1999, 2024),
    )
    plot.render_now()
    qtbot.wait(20)
    (label,) = check_labels(plot)
    assert label.text_item.text().endswith("…") and len(label.text_item.text()) < 60
    assert long_title in label.toolTip() and "2010: a long one" in label.toolTip()
    box = plot.plots[0].getViewBox().sceneBoundingRect()
    assert label.sceneBoundingRect().width() > box.width() * 0.9  # it uses the whole width


def test_labels_keep_clear_of_the_data_points(qtbot, dataset):
    plot = district_plot(qtbot, dataset, 900)
    view_box = plot.plots[0].getViewBox()
    for s in plot.series:
        if s.unit != "%":
            continue
        for x, y in zip(s.x, s.y, strict=True):
            at = view_box.mapViewToScene(QPointF(x, y))
            for label in plot.event_labels():
                assert not label.sceneBoundingRect().contains(at), (label.full_text, x, y)


# --------------------------------------------------------------- target bands
def target_plot(qtbot, dataset, marks=None) -> TimelinePlot:
    (target,) = [o for o in dataset.data.observations if o.status == "target"]
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    series = plot_series(dataset, target.indicator, place=target.place, program=target.program)
    plot.set_content([series], marks or marks_for(dataset, []), x_range=(2015, 2022))
    plot.resize(900, 500)
    plot.show()
    qtbot.waitExposed(plot)
    plot.render_now()
    return plot


def test_a_target_figure_gets_its_band(qtbot, dataset):
    assert dataset.data.meta.quality_settings().on_track_band == 15.0
    plot = target_plot(qtbot, dataset)
    (bar,) = plot.target_band_items()
    lo, height = bar.opts["y0"][0], bar.opts["height"][0]
    assert lo == pytest.approx(261 * 0.85) and lo + height == pytest.approx(261 * 1.15)
    assert bar.opts["x"][0] == pytest.approx(plot.series[0].x[0])  # at the target's period
    assert "±15 %" in bar.toolTip() and "221.85–300.15 households" in bar.toolTip()
    assert "target ±15 %" in plot._legend.text()
    top = plot.plots[0].getViewBox().viewRange()[1][1]
    assert top >= 261 * 1.15  # the band is drawn whole


def test_the_band_follows_the_datasets_setting(qtbot, dataset):
    plot = target_plot(qtbot, dataset, PlotMarks(target_band=10.0))
    (bar,) = plot.target_band_items()
    lo, height = bar.opts["y0"][0], bar.opts["height"][0]
    assert (lo, lo + height) == pytest.approx((234.9, 287.1))
    assert "target ±10 %" in plot._legend.text()


def test_hovering_a_target_tells_the_target_and_its_band(qtbot, dataset):
    plot = target_plot(qtbot, dataset)
    view_box = plot.plots[0].getViewBox()
    s = plot.series[0]
    view = plot._layout_widget
    at = view.mapFromScene(view_box.mapViewToScene(QPointF(s.x[0], s.y[0])))
    QTest.mouseMove(view.viewport(), at)
    qtbot.waitUntil(lambda: "on track within ±15 %" in plot.readout_text())
    assert "target 261 households" in plot.readout_text()
    assert "on track within ±15 %" in view_box.toolTip()  # the marker's tooltip


def test_no_target_no_band(qtbot, dataset):
    plot = district_plot(qtbot, dataset, 900)
    assert all("target" not in s.statuses for s in plot.series)
    assert plot.target_band_items() == []
    assert "target ±" not in plot._legend.text()
