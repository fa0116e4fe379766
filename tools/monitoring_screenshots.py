"""Render the monitoring screens for the README, with a synthetic register open.

    QT_QPA_PLATFORM=offscreen python tools/monitoring_screenshots.py docs/screenshots [en|zh_CN]

Generates a register of 200,000 invented households over the real villages (seed 3) in
a temporary folder, opens it beside a copy of the bundled dataset, and renders the
Monitoring tab (lights, what-if, relocation), the household table with a card, and a
village's place pane with its light. Every one of them says SYNTHETIC.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ("14-monitoring", "15-households", "16-village-light")


def settle(app: QApplication, window, rounds: int = 6) -> None:
    from dongchuan_gui.ui.widgets.timeline_plot import TimelinePlot

    for _ in range(rounds):
        app.processEvents()
    for plot in window.findChildren(TimelinePlot):
        plot.render_now()
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["DONGCHUAN_SETTINGS"] = str(tmp / "settings.ini")
    app = QApplication(sys.argv[:1])
    app.setStyleSheet((ROOT / "resources" / "style.qss").read_text(encoding="utf-8"))
    from dongchuan_gui.app import install_translations
    from dongchuan_gui.model.register.generate import generate

    install_translations(app, lang)
    import dongchuan_gui.ui.document as document

    document.recovery_folder = lambda: tmp / "recovery"
    from dongchuan_gui.ui.main_window import MainWindow

    data = tmp / "dongchuan.json"
    shutil.copyfile(ROOT / "seeds" / "dongchuan.json", data)
    register = tmp / "demo-200k.parquet"
    generate(200_000, seed=3).save(register)
    window = MainWindow()
    window.files.ask_save_changes = lambda name: "discard"
    window.open_path(data)
    window.resize(1400, 900)
    window.show()
    loader = window.monitoring.open_path(register)
    loader.wait(120)
    while window.monitoring.session.register is None:
        app.processEvents()
    settle(app, window)

    window.tab_widget.setCurrentWidget(window.monitoring_overview)
    panel = window.monitoring_overview.what_if
    panel.spin.setValue(10400)
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[0]}.png"))

    tab = window.monitoring_tab
    window.tab_widget.setCurrentWidget(tab)
    settle(app, window)
    session = window.monitoring.session
    from dongchuan_gui.model.register.rules import AT_RISK

    at_risk = int((session.evaluation.verdict == AT_RISK).argmax())  # one to look at
    household = bytes(session.register.columns["household_id"][at_risk]).decode()
    tab.show_record("household", household)
    settle(app, window, 12)
    window.grab().save(str(out / f"{SHOTS[1]}.png"))

    lights = session.lights("village")
    code = int(lights.codes[lights.ranking()[0]])
    window.navigate_to_code(code)
    settle(app, window, 20)
    window.grab().save(str(out / f"{SHOTS[2]}.png"))
    for stem in SHOTS:
        print(out / f"{stem}.png")
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
