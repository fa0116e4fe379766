"""What the screenshot tools share: an offscreen application in the chosen language,
with the style sheet, settings and recovery files in a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def start() -> tuple[QApplication, Path, Path, str]:
    """(app, output folder, temporary folder, language) from ``argv``: DIR [en|zh_CN]."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["DONGCHUAN_SETTINGS"] = str(tmp / "settings.ini")
    app = QApplication(sys.argv[:1])
    app.setStyleSheet((ROOT / "resources" / "style.qss").read_text(encoding="utf-8"))
    from dongchuan_gui.app import install_translations

    install_translations(app, lang)
    import dongchuan_gui.ui.document as document

    document.recovery_folder = lambda: tmp / "recovery"
    return app, out, tmp, lang


def settle(app: QApplication, window, rounds: int = 6) -> None:
    """Let queued updates run and the timeline plots draw."""
    from dongchuan_gui.ui.widgets.timeline_plot import TimelinePlot

    for _ in range(rounds):
        app.processEvents()
    for plot in window.findChildren(TimelinePlot):
        plot.render_now()
    for _ in range(rounds):
        app.processEvents()
