"""The monitoring tab at scale (offscreen), against a bare table in the same run.

    QT_QPA_PLATFORM=offscreen python benchmarks/monitoring_ui.py [--sizes 1000000,2000000]

Each size runs in a process of its own (so the peak memory is that size's). The
synthetic registers (seed 2) are kept as Parquet under the temporary folder
(``dongchuan-bench/``, shared with ``monitoring_model.py``). The baseline is a
``QTableView`` set up the same way (same size, font, row height, hidden row header) over
a constant model: every cell of a column shows the same text as our first row, so
both paint the same glyphs and differ only in the model. One warm-up, then medians.

Measured, as the window does them: open the register (read, judge, presort the line's
key, as the loader's worker does; then the tab shows it: view, tree, counts, first
paint); scroll 100 pages (each page a full viewport repaint); sort by a header click's
``model.sort`` with the view's order cache emptied (cold) and a household selected;
apply a filter (table reset, counts, the household selected again, repaint); select a
household (card data, texts, plot items, card repaint).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView  # noqa: E402

from dongchuan_gui.model.register.view import TableFilter  # noqa: E402
from monitoring_model import SEED, cached_register, peak_mb  # noqa: E402

TANGDAN, TONGDU = 530113102000, 530113001000
SIZE = (1500, 950)
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole


class ConstantModel(QAbstractTableModel):
    """``rows`` rows whose cells show one text per column."""

    def __init__(self, rows: int, texts: list[str], align: list[Any]) -> None:
        super().__init__()
        self.rows, self.texts, self.align = rows, texts, align

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.texts)

    def data(self, index: Any, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            return self.texts[index.column()]
        if role == ALIGN:
            return self.align[index.column()]
        return None

    def headerData(self, section: int, orientation: Any, role: int = DISPLAY) -> Any:  # noqa: N802
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return f"column {section}"
        return None


class PaintCount(QObject):
    """Counts the paint events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls after one warm-up."""
    return paired(func, None, repeat)[0]


def paired(
    ours: Callable[[], object], base: Callable[[], object] | None, repeat: int
) -> tuple[float, float]:
    """Medians of ``ours`` and ``base`` run in turns (a busy machine slows both
    alike), after one warm-up each."""
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(repeat + 1):
        for func, out in ((ours, times[0]), (base, times[1])):
            if func is None:
                continue
            start = time.perf_counter()
            func()
            if i:
                out.append(time.perf_counter() - start)
    return statistics.median(times[0]), (statistics.median(times[1]) if times[1] else 0.0)


def line(label: str, ours: float, base: float | None, target: str) -> None:
    text = f"  {label:<44} {ours * 1000:9.1f} ms"
    if base is not None:
        text += f"   bare table {base * 1000:8.1f} ms   ratio {ours / base:5.2f}x"
    else:
        text += " " * 44
    print(f"{text}   target {target}", flush=True)


def scroll(table: QTableView, pages: int = 100) -> Callable[[], None]:
    bar = table.verticalScrollBar()

    def go() -> None:
        step = max(1, bar.pageStep())
        for page in range(pages):
            bar.setValue(page * step)
            table.viewport().repaint()
        bar.setValue(0)

    return go


def run(n: int, repeat: int) -> None:
    from dongchuan_gui.model.register.display import bundled_names
    from dongchuan_gui.ui.monitoring.loader import load_work
    from dongchuan_gui.ui.monitoring.session import RegisterSession
    from dongchuan_gui.ui.tabs.monitoring import SELECT, MonitoringTab

    app = QApplication.instance() or QApplication([])
    cached_register(n)  # generated and saved once
    path = Path(tempfile.gettempdir()) / "dongchuan-bench" / f"monitoring-{n}-seed{SEED}.parquet"
    from dongchuan_gui.model.register.rules import default_rules

    rules = default_rules()
    session = RegisterSession()
    session.place_names, session.site_names = bundled_names()
    stack = QUndoStack()
    tab = MonitoringTab(session, push=stack.push, lang="zh")
    tab.resize(*SIZE)
    tab.show()
    app.processEvents()
    print(f"\n{n:,} households (synthetic, seed {SEED}), tab {SIZE[0]}x{SIZE[1]}:", flush=True)

    # ----- open: the loader's work, then the tab shows the register and paints
    phases: dict[str, list[float]] = {"read, judge, presort": [], "tab shows it": []}

    def open_register() -> None:
        session.close()
        gc.collect()
        start = time.perf_counter()
        opened = load_work(path, rules, None, lambda phase: None)
        middle = time.perf_counter()
        session.open(opened)
        tab.table.viewport().repaint()
        phases["read, judge, presort"].append(middle - start)
        phases["tab shows it"].append(time.perf_counter() - middle)

    opened_in = timed(open_register, 1 if n > 1_000_000 else 2)
    model = tab.model
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    align = [model.index(0, c).data(ALIGN) for c in range(model.columnCount())]
    bare = QTableView()
    bare.setFont(tab.table.font())
    bare.setWordWrap(False)  # as ours: no text layout per cell
    bare.verticalHeader().hide()
    bare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    bare.verticalHeader().setDefaultSectionSize(tab.table.verticalHeader().defaultSectionSize())
    bare.resize(tab.table.size())
    bare.show()

    def bare_open() -> None:
        bare.setModel(None)
        bare.setModel(ConstantModel(n, texts, align))
        header = bare.horizontalHeader()
        for c in range(len(texts)):
            header.resizeSection(c, tab.table.horizontalHeader().sectionSize(c))
        bare.viewport().repaint()

    app.processEvents()  # both shown and exposed: a repaint paints
    line("open register → table painted", opened_in, None, "<=3 s at 1M")
    for name, values in phases.items():
        print(f"      {name:<40} {statistics.median(values[1:] or values) * 1000:9.1f} ms")
    line("  (bare table: set the constant model, paint)", timed(bare_open, 3), None, "-")

    # ----- scroll: 100 full viewport refreshes each, in turns with the bare table
    counts = PaintCount(), PaintCount()
    tab.table.viewport().installEventFilter(counts[0])
    bare.viewport().installEventFilter(counts[1])
    ours, base = paired(scroll(tab.table), scroll(bare), repeat)
    assert counts[0].count == counts[1].count >= 100 * repeat, [c.count for c in counts]
    line("scroll 100 viewport refreshes", ours, base, "<=1.3x bare")

    # ----- sort, cold, with a household selected in the middle of the table
    tab.show_record("household", session.register.columns["household_id"][n // 2].decode())
    app.processEvents()
    keys = iter(["income", "verdict"] * (repeat + 2))

    def sort() -> None:
        view = tab.view
        view._orders.clear()  # measure the sort, not the view's cache
        model.sort(model.keys.index(next(keys)), Qt.SortOrder.AscendingOrder)
        tab.table.viewport().repaint()

    line("sort (income / verdict, cold) → painted", timed(sort, repeat), None,
         "<=400 ms at 2M")
    model.sort(-1)

    # ----- filter: a town, two monitoring types, below the line; and back to all
    spec = TableFilter(towns=(TANGDAN, TONGDU), mon_types=(1, 2), below_line=True)
    specs = iter([spec, TableFilter()] * (repeat + 2))

    def apply_filter() -> None:
        tab.apply_filter(next(specs))
        tab.table.viewport().repaint()

    line("filter (and back) → counts, painted", timed(apply_filter, repeat * 2), None,
         "<=50 ms")
    tab.apply_filter(TableFilter())

    # ----- select a household: card and plot repainted
    rows = iter(range(10, 10 + 40 * (repeat + 2), 1))

    def select() -> None:
        index = model.index(next(rows), 0)
        tab.table.selectionModel().setCurrentIndex(index, SELECT)
        app.processEvents()  # paints what changed: the two rows, the card, the plot

    painted = PaintCount()
    tab.card.plot.plot.viewport().installEventFilter(painted)
    line("select a household → card + plot painted", timed(select, 40), None,
         "<=16 ms median")
    assert painted.count >= 40, f"the plot was painted {painted.count} times"
    print(f"  peak memory (VmHWM) {peak_mb():,.0f} MB   target <=1.5 GB at 2M", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,2000000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in this process
    args = parser.parse_args()
    if args.one:
        run(args.one, args.repeat)
        return
    for n in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(n), "--repeat",
                        str(args.repeat)], check=True)


if __name__ == "__main__":
    main()
