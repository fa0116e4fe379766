"""The motion chart: one frame of the 165 villages with a register open (offscreen).

    QT_QPA_PLATFORM=offscreen python benchmarks/motion.py [--size 100000] [--repeat 60]

Opens a generated register (seed 2, kept under the temporary folder by
``_util.cached_register``), builds the places panel through ``PanelSource`` and shows
the motion tab (villages, median income × share below the line, size = people,
colour = town; then again with the trails of every village). Measured, interleaved in one run, as
medians over frames at times that move through the tweens of 2021 → 2025:

- ours: ``show_time`` (keyframe arrays, ``setData`` on the same items) + a synchronous
  repaint of the plot's viewport;
- baseline: the same frame, but the plot's items are removed and made anew first.

Also: the keyframe rule alone (``Track.at``) and the list of per-unit states
(``keyframes.frame``, which the tooltips and tests use) for the 165 villages.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import cached_register, paired, report  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "seeds" / "dongchuan.json"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from dongchuan_gui.model.dataset import Dataset
    from dongchuan_gui.model.fileformat import load_path
    from dongchuan_gui.model.keyframes import frame
    from dongchuan_gui.model.register import evaluate
    from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
    from dongchuan_gui.ui.panel_source import PanelSource
    from dongchuan_gui.ui.tabs.motion import MotionTab
    from dongchuan_gui.ui.view_state import ViewState

    ds = Dataset(load_path(SEED).data)
    reg = cached_register(args.size, 2)
    rules = ds.data.rule_sets[0]
    year = reg.meta.years[-1]
    session = RegisterSession()
    session.set_places(ds.data.places)
    session.open(Opened(reg, Path("bench.parquet"), evaluate(reg, rules, year), year, rules))
    source = PanelSource(session)
    source.set_dataset(ds)
    start = time.perf_counter()
    source.places_panel()
    panel_ms = (time.perf_counter() - start) * 1000
    # ours and the baseline each in a tab of its own, so the baseline's new items
    # never leave ours with a cold symbol cache
    tab, other = MotionTab(source, ViewState()), MotionTab(source, ViewState())
    for t in (tab, other):
        t.set_dataset(ds)
        t.resize(1400, 860)
        t.show()
    app.processEvents()
    chart, base_chart = tab.chart, other.chart
    first, last = tab.track.span()
    times = [first + k * 0.37 % (last - first) for k in range(200)]
    step = iter(range(10**9))

    def ours() -> None:
        tab.show_time(times[next(step) % len(times)])
        chart.view.viewport().repaint()

    def rebuilt() -> None:
        for item in base_chart.items():
            base_chart.plot.removeItem(item)
        base_chart._make_items()
        other.show_time(times[next(step) % len(times)])
        base_chart.view.viewport().repaint()

    drawn = len(chart.scatter.data)
    print(
        f"{len(reg):,} households, {len(tab.unit_ids)} villages ({drawn} drawn), "
        f"years {first}–{last}; places panel built in {panel_ms:.0f} ms"
    )
    for trails in (False, True):
        tab.trails.setChecked(trails)
        other.trails.setChecked(trails)
        ours_s, base_s = paired(ours, rebuilt, args.repeat)
        label = "frame, trails of all" if trails else "frame: set + repaint"
        report(label, ours_s, base_s, "items made anew", "<= 16 ms")
    track = tab.track
    at_s, states_s = paired(
        lambda: track.at(times[next(step) % len(times)]),
        lambda: frame(track.panel, track.units, track.roles, times[next(step) % len(times)]),
        args.repeat,
    )
    report("keyframes: Track.at", at_s, states_s, "frame() states", "-")


if __name__ == "__main__":
    main(sys.argv[1:])
