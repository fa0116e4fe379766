"""Drawing for the headless command (PDF reports, PNG charts), offscreen."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from ..model.dataset import Dataset
from .chart_export import export_png
from .plot_data import marks_for, scope_series
from .reports import write_pdf
from .widgets.timeline_plot import TimelinePlot


def render_file(
    fmt: str, dataset: Dataset, out: str, place: str | None, program: str | None
) -> None:
    """PDF and PNG need Qt's drawing; they run offscreen, with no window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    if fmt == "pdf":
        kind = "program" if program else "place" if place else "district"
        write_pdf(dataset, out, kind, program or place)
        return
    scope = {"program": program} if program else {"place": place or dataset.roots()[0].id}
    plot = TimelinePlot()
    plot.set_content(
        scope_series(dataset, **scope), marks_for(dataset, dataset.events_for(**scope))
    )
    export_png(plot, out)
