"""One live what-if slider step in the monitoring overview, at scale (offscreen).

    QT_QPA_PLATFORM=offscreen python benchmarks/monitoring_whatif_ui.py [--sizes 1000000]
        [--steps 200]

A step is what one mouse move on the slider costs: ``slider.setValue`` (the recount
through ``WhatIfModel.step``, the histogram line moved, the category and village counts
rewritten), then ``processEvents``, in which Qt paints what changed (the script checks
that the total line, the village table and the plot were painted in every step).
Target: median ≤ 16 ms at 1M households (one frame). A stricter variant adds a forced
``repaint()`` of the whole what-if panel after the event loop has run (so the changed
parts are painted twice).

Baselines in the same run, the same number of steps: the same panel repainted whole
with nothing changed (``update`` + ``processEvents``: what a frame of that panel costs
anyway), and a plain recount with no Qt at all (a mask over the households and a
``bincount`` by village). The register is generated
once (seed 2) and kept under the temporary folder's ``dongchuan-bench/``; one warm-up
pass of each before the measured ones.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import cached_register as _cached_register  # noqa: E402
from dongchuan_gui.model.register import Register, default_rules, evaluate
from dongchuan_gui.model.register.display import bundled_names

SEED = 2


def cached_register(n: int) -> Register:
    return _cached_register(n, SEED)


class PaintCounter(QObject):
    """Counts the paint events of the parts a step must repaint."""

    def __init__(self, panel) -> None:
        super().__init__()
        self.watched = {
            "total line": panel.total,
            "village table": panel.village_view.viewport(),
            "histogram": panel.histogram.plot_widget.viewport(),
        }
        self.counts = dict.fromkeys(self.watched, 0)
        for widget in self.watched.values():
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            for name, widget in self.watched.items():
                if widget is obj:
                    self.counts[name] += 1
        return False

    def check(self, steps: int) -> None:
        for name, widget in self.watched.items():
            widget.removeEventFilter(self)
            assert self.counts[name] >= steps, f"{name} painted {self.counts[name]} times"


def timed(func: Callable[[int], object], values: list[int]) -> list[tuple[float, float]]:
    """(wall, CPU of this thread) seconds per call."""
    out = []
    for value in values:
        start, cpu = time.perf_counter(), time.thread_time()
        func(value)
        out.append((time.perf_counter() - start, time.thread_time() - cpu))
    return out


def median_ms(times: list[tuple[float, float]], which: int = 0) -> float:
    return statistics.median(t[which] for t in times) * 1000


def describe(label: str, times: list[tuple[float, float]]) -> str:
    ms = sorted(t[0] * 1000 for t in times)
    return (f"  {label:<44} median {statistics.median(ms):7.2f} ms   "
            f"p90 {ms[int(len(ms) * 0.9)]:7.2f} ms   max {ms[-1]:7.2f} ms   "
            f"CPU median {median_ms(times, 1):6.2f} ms")


def run(app: QApplication, n: int, steps: int) -> None:
    from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
    from dongchuan_gui.ui.tabs.monitoring_overview import MonitoringOverviewTab

    start = time.perf_counter()
    reg = cached_register(n)
    rules = default_rules()
    year = reg.latest_year
    session = RegisterSession()
    session.place_names, session.site_names = bundled_names()
    session.open(Opened(reg, Path("bench.parquet"), evaluate(reg, rules, year), year, rules))
    tab = MonitoringOverviewTab(session, lang="zh")
    tab.resize(1400, 900)
    tab.show()
    while tab.what_if.step is None:
        app.processEvents()
    panel = tab.what_if
    print(f"\n{n:,} households: overview shown in {time.perf_counter() - start:.1f} s "
          f"(load, evaluate, lights, what-if keys, relocation board)")
    print(f"  load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    # a drag back and forth over the busy part of the range, as a hand would
    line = panel.rule_line or 8700.0
    lo, hi = int(line * 0.6), int(line * 1.6)
    sweep = np.linspace(lo, hi, steps // 2).astype(int).tolist()
    values = sweep + [v + 5 for v in sweep[::-1]]  # no two steps in a row alike

    def slider_step(value: int) -> None:
        panel.slider.setValue(value)
        app.processEvents()

    def forced_step(value: int) -> None:
        panel.slider.setValue(value)
        app.processEvents()
        panel.repaint()

    def constant_frame(value: int) -> None:
        panel.update()
        app.processEvents()

    income = reg.income(year)
    village_idx = reg.village_idx
    villages = len(reg.villages)

    def plain_recount(value: int) -> None:
        np.bincount(village_idx[income < value], minlength=villages)

    model = session.what_if()

    def model_step(value: int) -> None:
        model.step(float(value))

    for func in (slider_step, forced_step, constant_frame, plain_recount, model_step):
        timed(func, values[:10])  # warm-up
    painted = PaintCounter(panel)
    ours = timed(slider_step, values)
    assert panel.slider.value() == values[-1] and panel.step.line == values[-1]
    painted.check(len(values))
    forced = timed(forced_step, values)
    base = timed(constant_frame, values)
    plain = timed(plain_recount, values)
    alone = timed(model_step, values)
    print(describe("slider step (recount + line + counts + paint)", ours))
    print(describe("  the same + forced repaint of the panel", forced))
    print(describe("baseline: same panel repainted, no change", base))
    print(describe("baseline: mask + bincount recount (no Qt)", plain))
    print(describe("of which WhatIfModel.step alone", alone))
    med = median_ms(ours)
    print(f"  ratio to the constant repaint {med / median_ms(base):5.2f}x; "
          f"to the plain recount {med / median_ms(plain):5.2f}x; "
          f"target median ≤ 16 ms: {'met' if med <= 16 else 'NOT met'} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times "
          f"include waiting for the CPU, CPU times do not)")
    tab.close()
    session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for n in (int(s) for s in args.sizes.split(",")):
        run(app, n, args.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
