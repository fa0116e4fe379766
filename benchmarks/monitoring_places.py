"""Lights, place panes, reports and the household export at scale (offscreen).

    QT_QPA_PLATFORM=offscreen python benchmarks/monitoring_places.py [--size 1000000]

Uses the register that benchmarks/monitoring_model.py keeps under the temporary folder
(``dongchuan-bench/``; generated here when missing). Prints: the work-out steps of the
Places tab's lights (one level-year per event-loop turn), a place pane shown with and
without the monitoring section (interleaved medians), the district report with and
without the anonymised section, and the export of the table as CSV and XLSX.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "dongchuan.json"


def _register(size: int):
    from dongchuan_gui.model.register import Register
    from dongchuan_gui.model.register.generate import generate

    path = Path(tempfile.gettempdir()) / "dongchuan-bench" / f"monitoring-{size}-seed2.parquet"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        generate(size, seed=2).save(path)
    return Register.load(path), path


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=20_000)
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from dongchuan_gui.model.dataset import Dataset
    from dongchuan_gui.model.fileformat import load_path
    from dongchuan_gui.model.register import evaluate
    from dongchuan_gui.model.register.table_export import export_households
    from dongchuan_gui.model.register.view import TableFilter, TableView
    from dongchuan_gui.ui.monitoring.report_section import ReportMonitoring
    from dongchuan_gui.ui.monitoring.session import Opened, RegisterSession
    from dongchuan_gui.ui.reports import build_document
    from dongchuan_gui.ui.tabs.places import PlacesTab

    ds = Dataset(load_path(SEED).data)
    reg, path = _register(args.size)
    rules = ds.data.rule_sets[0]
    session = RegisterSession()
    session.set_places(ds.data.places)
    session.open(Opened(reg, path, evaluate(reg, rules, 2025), 2025, rules))
    tab = PlacesTab()
    tab.resize(1400, 900)
    tab.set_dataset(ds)
    tab.set_session(session)
    tab.show()
    lights = tab.lights
    lights.get("village")
    lights.get("town")
    lights.years("village")
    steps = []
    while lights.busy():
        start = time.perf_counter()
        lights._work()
        steps.append(_ms(start))
    print(f"{len(reg):,} households")
    print(f"lights and years worked out: {len(steps)} steps, longest {max(steps):.0f} ms, "
          f"{sum(steps):.0f} ms in all")
    villages = [p.id for p in ds.data.places if p.level in ("village", "community")]
    pane, without, with_section = tab.pane, [], []
    for k in range(300):
        for given, out in ((None, without), (lights, with_section)):
            pane.lights = given
            start = time.perf_counter()
            pane.show_item(ds, villages[k % len(villages)])
            out.append(_ms(start))
            app.processEvents()
    print(f"village pane shown: median {statistics.median(without):.1f} ms without the "
          f"register, {statistics.median(with_section):.1f} ms with its section")
    for anonymised in (False, True):
        start = time.perf_counter()
        build_document(ds, "district", monitoring=ReportMonitoring(session, anonymised))
        print(f"district report, {'anonymised' if anonymised else 'full'} monitoring "
              f"section: {_ms(start):.0f} ms")
    start = time.perf_counter()
    build_document(ds, "district")
    print(f"district report without monitoring: {_ms(start):.0f} ms")
    view = TableView(reg, session.evaluation, lang="zh")
    view.sort("income")
    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    export_households(view, folder / "all.csv")
    print(f"export {len(view):,} rows × {len(view.default_columns())} columns to CSV: "
          f"{_ms(start) / 1000:.1f} s")
    view.set_filter(TableFilter(villages=tuple(int(c) for c in reg.villages[:40])))
    view.order = view.order[: args.xlsx_rows]
    start = time.perf_counter()
    export_households(view, folder / "some.xlsx")
    seconds = _ms(start) / 1000
    print(f"export {len(view):,} rows to XLSX: {seconds:.1f} s "
          f"({len(view) / seconds:,.0f} rows/s)")


if __name__ == "__main__":
    main(sys.argv[1:])
