"""Time from process start to the first painted main window, against a bare window.

    python benchmarks/startup.py [--runs 7]

Ours: `dongchuan_gui.app.main()` on the bundled dataset. Baseline: a bare PySide6
QMainWindow holding one pyqtgraph PlotWidget with one line, started the same way.
Runs are interleaved (ours, bare, ours, ...); the figures are medians. Both run
offscreen, so the time is Qt's work, not a display server's. Besides the wall-clock
time, the CPU time the process used until that paint: on a machine busy with other
work the wall-clock figures swing by seconds, the CPU times much less. Both read their
modules' bytecode from a cache of the benchmark's own, filled by a first run of each (as
an installed app has it; with PYTHONDONTWRITEBYTECODE set, as on the dev machines, ours
would compile every module of the app at each start and the bare window none).

A second part measures, in one process, the time from selecting a program or a
place to the repainted detail pane and plot; a third, the first opening of each tab
that is built only when first needed (the monitoring tabs: numpy and the register
model are imported then, not at start).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROBE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

class FirstPaint(QObject):
    # the time of the first paint inside a main window: Qt paints the whole
    # window in that one pass, before it returns to the event loop
    done = False
    def eventFilter(self, obj, event):
        if (not self.done and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow)):
            self.done = True
            print(f"PAINTED {time.time():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

app = QApplication(sys.argv[:1])
probe = FirstPaint()
app.installEventFilter(probe)
"""

OURS = (
    PROBE
    + r"""
from dongchuan_gui.app import main
main([])
"""
)

BARE = (
    PROBE
    + r"""
import pyqtgraph as pg
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([2013, 2018, 2019], [52.88, 1.09, 0.0])
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
app.exec()
"""
)


def one_run(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds from process start to the first painted window."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            _, wall, cpu = line.split()
            return float(wall) - start, float(cpu)
    raise RuntimeError(f"no paint seen:\n{done.stdout}\n{done.stderr}")


def selection_latency(repeat: int) -> None:
    from PySide6.QtWidgets import QApplication

    from dongchuan_gui.model.dataset import Dataset
    from dongchuan_gui.resources import seed_path
    from dongchuan_gui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.open_path(seed_path())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    dataset: Dataset = window.dataset
    targets = [(window.programs, "program", g.id) for g in dataset.data.programs]
    places = [p.id for p in dataset.data.places]
    targets += [(window.places, "place", pid) for pid in places[:: max(1, len(places) // 25)]]
    times = []
    for _ in range(repeat):
        for tab, kind, record_id in targets:
            window.tab_widget.setCurrentWidget(tab)
            app.processEvents()
            start = time.perf_counter()
            tab.show_record(kind, record_id)
            app.processEvents()
            tab.pane.plot.render_now()  # the plot's deferred drawing, if not done yet
            tab.pane.repaint()  # synchronous paint of text and plot
            times.append(time.perf_counter() - start)
    times.sort()
    print(
        f"\nselect → repainted pane and plot, {len(times)} selections "
        f"({len(targets)} items × {repeat}):"
    )
    print(
        f"  median {statistics.median(times) * 1000:.1f} ms, "
        f"90th percentile {times[int(len(times) * 0.9)] * 1000:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms (aim: median under 16 ms)"
    )
    first_open(app, window)
    window.close()


def first_open(app, window) -> None:
    """The cost moved out of start-up: opening each not yet built tab, to its paint."""
    try:
        from dongchuan_gui.ui.tabs.placeholder import PlaceholderTab
    except ImportError:  # a version that builds every tab at start
        return

    tabs = zip(window.tab_keys, window.tabs, strict=True)
    lazy = [key for key, tab in tabs if isinstance(tab, PlaceholderTab)]
    print("\nfirst opening of a tab built when needed (no register open):")
    for key in lazy:
        start = time.perf_counter()
        window.tab_widget.setCurrentIndex(window.tab_keys.index(key))
        app.processEvents()
        window.tab_widget.currentWidget().repaint()
        print(f"  {key}: {(time.perf_counter() - start) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    settings = tempfile.NamedTemporaryFile(suffix=".ini", delete=False)
    pycache = tempfile.TemporaryDirectory(prefix="startup-pycache-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DONGCHUAN_SETTINGS": settings.name}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache.name
    ours, bare = [], []
    one_run(OURS, env)  # warm the file cache and the bytecode cache for both
    one_run(BARE, env)
    for _ in range(args.runs):
        ours.append(one_run(OURS, env))
        bare.append(one_run(BARE, env))
    print(f"python {sys.version.split()[0]}, {args.runs} interleaved runs each, offscreen")
    for i, what in enumerate(("wall-clock", "CPU")):
        o = statistics.median(t[i] for t in ours)
        b = statistics.median(t[i] for t in bare)
        print(
            f"process start → first painted window, {what}: ours {o * 1000:.0f} ms, "
            f"bare PySide6+pyqtgraph window {b * 1000:.0f} ms, ratio {o / b:.2f}x"
        )
        print(f"  ours: {', '.join(f'{t[i] * 1000:.0f}' for t in ours)} ms")
        print(f"  bare: {', '.join(f'{t[i] * 1000:.0f}' for t in bare)} ms")
    os.environ.update(env)
    selection_latency(repeat=3)
    os.unlink(settings.name)
    pycache.cleanup()


if __name__ == "__main__":
    main()
