"""Render every tab, with a representative selection, to PNG files (no window shown)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow
from .widgets.timeline_plot import TimelinePlot

SIZE = (1400, 900)
# (tab attribute, file stem, record to select)
SHOTS = [
    ("overview", "overview", None),
    ("programs", "programs", ("program", "relocation")),
    ("places", "places", ("place", "530113105209")),
    ("timelines", "timelines", None),
    ("sources", "sources", ("source", "article")),
    ("snapshots", "snapshots", None),
]


def render_all(window: MainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*SIZE)
    window.show()
    written = []
    for number, (attr, stem, record) in enumerate(SHOTS, start=1):
        tab = getattr(window, attr)
        window.tab_widget.setCurrentWidget(tab)
        if record is not None:
            tab.show_record(*record)
        QApplication.processEvents()
        for plot in tab.findChildren(TimelinePlot):
            plot.render_now()
        for _ in range(3):
            QApplication.processEvents()
        path = folder / f"{number:02d}-{stem}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    window.hide()
    return written
