"""Render the Data Quality, targets, cooperation ledger, map and motion-chart screens
for the README.

    QT_QPA_PLATFORM=offscreen python tools/feature_screenshots.py docs/screenshots [en|zh_CN]

Works on copies in a temporary folder; nothing under seeds/ is touched.

- 17-data-quality: a dataset of invented figures (``model.quality.generate``, marked
  synthetic, the file named so) over the bundled places and rules; one of its invented
  figures is left without a source so that every kind of finding shows. The findings
  of one village are listed, one is marked "checked, value correct" with the tab's
  button, and the detail pane shows a failed rule.
- 18-targets: the Targets page on the bundled dataset.
- 19-ledger: program putuo-cooperation, its pane scrolled to the ledger.
- 20-map, 21-motion: a synthetic register of invented households (seed 3) opened
  beside the bundled dataset: the map of the register's poverty incidence in the
  latest year with the read-out of one bubble, and the motion chart between two
  years with the trail of one village.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import msgspec
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_setup import settle, start  # noqa: E402

SHOTS = ("17-data-quality", "18-targets", "19-ledger", "20-map", "21-motion")
SIZE = (1400, 900)
QUALITY_SEED = 23  # gives Yantou a failed rule and outliers of each test
YANTOU = "530113104216"  # 岩头村: its real figures include three marked doubtful
REGISTER_SEED = 3
HOUSEHOLDS = 200_000
# what a reviewer types beside the mark, in the language shown
NOTES = {
    "en": "Compared with the sheet the town sent: right.",
    "zh": "已与乡镇报表核对，数值无误。",
}


def wait_for(app: QApplication, done, seconds: float = 5.0) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not done() and timer.elapsed() < seconds * 1000:
        app.processEvents()
    if not done():
        print("warning: waited in vain", file=sys.stderr)


def activate(app: QApplication, window) -> None:
    """Mouse moves and clicks go to the active window (a progress dialog took it)."""
    window.activateWindow()
    wait_for(app, window.isActiveWindow)


def dismiss_warnings(app: QApplication, window) -> None:
    """Close the "opened with 1 warnings" box (the figure left without a source)."""
    app.processEvents()
    box = window.problem_dialog
    if box is not None and box.isVisible():
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)
        app.processEvents()


def invented_dataset(path: Path) -> None:
    """The bundled dataset plus ~5,000 invented figures (synthetic), one of Yantou's
    invented figures without a source, written to ``path``."""
    from dongchuan_gui.model.fileformat import loads, save_path
    from dongchuan_gui.model.quality.generate import generate

    base = loads((ROOT / "seeds" / "dongchuan.json").read_bytes()).data
    data = generate(base, figures=5000, seed=QUALITY_SEED)
    wanted = next(
        o.id
        for o in data.observations
        if o.place == YANTOU and o.indicator == "gen-whole-0" and o.period == "2010"
    )
    observations = [
        msgspec.structs.replace(o, source=None, locator="") if o.id == wanted else o
        for o in data.observations
    ]
    save_path(path, msgspec.structs.replace(data, observations=observations))


def row_of(tab, test) -> int:
    return next(r for r in range(tab.model.rowCount()) if test(tab.model.finding(r)))


def click_row(tab, row: int) -> None:
    table = tab.table
    table.scrollTo(tab.model.index(row, 0))
    rect = table.visualRect(tab.model.index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def quality_shot(app: QApplication, window, out: Path) -> None:
    from dongchuan_gui.ui.language import ui_lang

    tab = window.show_tab("quality")
    tab.pages.setCurrentIndex(0)
    tab.recompute()
    settle(app, window)
    place = tab.filters.place
    place.setCurrentIndex(place.findData(YANTOU))  # the findings of one village
    settle(app, window)
    # the z-score outlier: looked at, and right (the tab's own button, clicked)
    click_row(tab, row_of(tab, lambda f: f.test == "z"))
    tab.note.setText(NOTES[ui_lang()])
    QTest.mouseClick(tab.checked_button, Qt.MouseButton.LeftButton)
    settle(app, window)
    tab.recompute()  # the mark is in the list now rather than after the debounce
    if not any(f.state == "checked" for f in tab.found):
        print("warning: the mark was not made", file=sys.stderr)
    click_row(tab, row_of(tab, lambda f: f.kind == "rule"))
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[0]}.png"))


def targets_shot(app: QApplication, window, out: Path) -> None:
    tab = window.show_tab("quality")
    tab.pages.setCurrentWidget(tab.results)
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[1]}.png"))


def ledger_shot(app: QApplication, window, out: Path) -> None:
    window.navigate("program", "putuo-cooperation")
    settle(app, window)
    window.programs.pane.browser.scrollToAnchor("ledger")
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[2]}.png"))


def map_shot(app: QApplication, window, out: Path) -> None:
    """The map of the register's incidence, the latest year, Yantou's read-out."""
    tab = window.show_tab("map")
    settle(app, window, 12)
    box = tab.measure_box
    box.setCurrentIndex(max(box.findData("register:incidence"), 0))
    tab.year_box.setCurrentIndex(tab.year_box.count() - 1)
    tab.layer_box.setCurrentIndex(tab.layer_box.findData("both"))
    settle(app, window, 12)
    # Yantou, the current place everywhere (ringed), with the mouse on it: its read-out
    window.view_state.set_record("places", YANTOU)
    activate(app, window)
    viewport = tab.view.plot.viewport()
    at = tab.view.viewport_pos(YANTOU)
    QTest.mouseMove(viewport, at + QPoint(12, 12))  # into the map, then onto the bubble
    QTest.mouseMove(viewport, at)
    wait_for(app, lambda: tab.view.hovered == YANTOU)
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[3]}.png"))


def richest_village(tab, last: int) -> str:
    """The village with the highest median income over the last two years: at the
    edge of the cloud, where its ring, name and trail are clear of the others."""
    import numpy as np

    panel = tab.panel
    m, _ = panel.index("register:median_income")
    years = [y for y in (panel.year_index(last - 1), panel.year_index(last)) if y is not None]
    rows = [panel.places.index(u) for u in tab.unit_ids]
    income = np.nanmean(panel.values[m][np.ix_(rows, years)], axis=1)
    return tab.unit_ids[int(np.nanargmax(income))]


def motion_shot(app: QApplication, window, out: Path) -> None:
    """Villages between the last two years, one selected with its trail."""
    tab = window.show_tab("motion")
    settle(app, window, 12)
    tab.unit_kind.setCurrentIndex(tab.unit_kind.findData("villages"))
    settle(app, window)
    QTest.mouseClick(tab.trails, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.trails.height() // 2))
    _first, last = tab.track.span()
    window.view_state.set_record("places", richest_village(tab, last))
    tab.show_time(last - 0.5)  # half-way between the last two years
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[4]}.png"))


def main() -> None:
    app, out, tmp, lang = start()
    from dongchuan_gui.model.register.generate import generate
    from dongchuan_gui.ui.main_window import MainWindow

    invented = tmp / "invented-figures-synthetic.json"
    invented_dataset(invented)
    data = tmp / "dongchuan.json"
    shutil.copyfile(ROOT / "seeds" / "dongchuan.json", data)
    register = tmp / "demo-200k.parquet"
    generate(HOUSEHOLDS, seed=REGISTER_SEED).save(register)

    window = MainWindow()
    window.files.ask_save_changes = lambda name: "discard"
    window.open_path(invented)
    dismiss_warnings(app, window)
    window.resize(*SIZE)
    window.show()
    activate(app, window)
    settle(app, window)
    quality_shot(app, window, out)

    window.open_path(data)
    settle(app, window)
    targets_shot(app, window, out)
    ledger_shot(app, window, out)

    loader = window.monitoring.open_path(register)
    loader.wait(120)
    while window.monitoring.session.register is None:
        app.processEvents()
    settle(app, window)
    map_shot(app, window, out)
    motion_shot(app, window, out)

    for stem in SHOTS:
        print(out / f"{stem}.png")
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
