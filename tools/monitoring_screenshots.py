"""Render the monitoring screens for the README, with a synthetic register open.

    QT_QPA_PLATFORM=offscreen python tools/monitoring_screenshots.py docs/screenshots [en|zh_CN]

Generates a register of 200,000 invented households over the real villages (seed 3) in
a temporary folder, opens it beside a copy of the bundled dataset, and renders the
Monitoring tab (lights, what-if, relocation), the household table with a card, and a
village's place pane with its light. Every one of them says SYNTHETIC.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_setup import settle, start  # noqa: E402

SHOTS = ("14-monitoring", "15-households", "16-village-light")


def main() -> None:
    app, out, tmp, lang = start()
    from dongchuan_gui.model.register.generate import generate
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
