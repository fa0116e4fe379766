"""A year change on the Map tab, repainted (offscreen).

    QT_QPA_PLATFORM=offscreen python benchmarks/map.py [--households 200000] [--steps 100]

The map shows the bundled dataset's places with a generated household register open
(seed 3, kept under the temporary folder's ``dongchuan-bench/``), measure "share of
people below the line", every place with coordinates drawn. One step is what picking
another year costs: ``year_box.setCurrentIndex`` (the spots restyled in place: sizes,
fills, outlines, the legend, the labels moved), then ``processEvents`` (Qt paints what
changed; the script checks that the map and the legend were painted every step). A
stricter variant adds a forced ``repaint()`` of the whole map with its legend.

Baseline, in the same run and interleaved step by step: rebuilding the whole scene for
the same year (``MapTab.rebuild``: the items made anew, then styled), with the same
``processEvents`` and forced repaint. Target: median ≤ 16 ms (one frame).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import cached_register  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = 3
MEASURE = "register:incidence"


class PaintCounter(QObject):
    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.widgets = widgets
        self.counts = dict.fromkeys(widgets, 0)
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            for name, widget in self.widgets.items():
                if widget is obj:
                    self.counts[name] += 1
        return False

    def check(self, steps: int) -> None:
        for name, widget in self.widgets.items():
            widget.removeEventFilter(self)
            assert self.counts[name] >= steps, f"{name} painted {self.counts[name]} times"


def describe(label: str, times: list[tuple[float, float]]) -> str:
    ms = sorted(t[0] for t in times)
    cpu = statistics.median(t[1] for t in times)
    return (
        f"  {label:<46} median {statistics.median(ms):7.2f} ms   "
        f"p90 {ms[int(len(ms) * 0.9)]:7.2f} ms   max {ms[-1]:7.2f} ms   "
        f"CPU median {cpu:6.2f} ms"
    )


def timed(func, *args) -> tuple[float, float]:
    """(wall, CPU of this thread) milliseconds of one call."""
    start, cpu = time.perf_counter(), time.thread_time()
    func(*args)
    return (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from dongchuan_gui.model.dataset import Dataset
    from dongchuan_gui.model.fileformat import load_path
    from dongchuan_gui.model.register import default_rules, evaluate
    from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
    from dongchuan_gui.ui.panel_source import PanelSource
    from dongchuan_gui.ui.tabs.map import MapTab
    from dongchuan_gui.ui.view_state import ViewState

    dataset = Dataset(load_path(ROOT / "seeds" / "dongchuan.json").data)
    reg = cached_register(args.households, SEED)
    rules = default_rules()
    year = reg.latest_year
    session = RegisterSession()
    session.set_places(dataset.data.places)
    session.open(Opened(reg, Path("bench.parquet"), evaluate(reg, rules, year), year, rules))
    start = time.perf_counter()
    tab = MapTab(PanelSource(session), ViewState())
    tab.set_dataset(dataset)
    tab.resize(1300, 820)
    tab.show()
    while tab.places is None:
        app.processEvents()
    tab.measure_box.setCurrentIndex(tab.measure_box.findData(MEASURE))
    app.processEvents()
    print(
        f"\nMap tab: {args.households:,} households, {len(tab.places.places)} places drawn, "
        f"shown in {time.perf_counter() - start:.2f} s (panel, places, first paint)"
    )
    print(f"  load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    years = [
        i
        for i in range(tab.year_box.count())
        if tab.year_box.itemData(i) in set(int(y) for y in reg.years)
    ]
    view = tab.view

    def change_year(step: int, force: bool) -> None:
        index = years[step % len(years)]
        if index == tab.year_box.currentIndex():
            index = years[(step + 1) % len(years)]
        tab.year_box.setCurrentIndex(index)
        app.processEvents()
        if force:
            view.repaint()

    def rebuild(step: int, force: bool) -> None:
        tab.rebuild()
        app.processEvents()
        if force:
            view.repaint()

    for step in range(10):  # warm-up
        change_year(step, True)
        rebuild(step, True)
    results: dict[str, list[tuple[float, float]]] = {
        k: [] for k in ("ours", "ours+repaint", "base", "base+repaint")
    }
    counter = PaintCounter({"map": view.plot.viewport(), "legend": view.legend})
    layers = {k: id(v) for k, v in view.layers.items()}
    for step in range(args.steps):
        results["ours"].append(timed(change_year, step, False))
    counter.check(args.steps)
    assert {k: id(v) for k, v in view.layers.items()} == layers, "year change made new items"
    for step in range(args.steps):
        results["ours+repaint"].append(timed(change_year, step, True))
        results["base"].append(timed(rebuild, step, False))
        results["base+repaint"].append(timed(rebuild, step, True))
    print(describe("year change, in place (+ processEvents)", results["ours"]))
    print(describe("  + forced repaint of map and legend", results["ours+repaint"]))
    print(describe("baseline: whole scene rebuilt (+ processEvents)", results["base"]))
    print(describe("  + forced repaint of map and legend", results["base+repaint"]))
    ratio = statistics.median(t[0] for t in results["ours+repaint"]) / statistics.median(
        t[0] for t in results["base+repaint"]
    )
    print(f"  in place / rebuilt (with repaint): {ratio:.2f}x; target ≤ 16 ms median")
    tab.close()


if __name__ == "__main__":
    main()
