"""Charts to files: PNG at a chosen size and DPI, and SVG.

pyqtgraph 0.14.0's SVGExporter fails with current Qt (it cannot parse the ``Z``
path token Qt writes), so SVG goes through Qt's own QSvgGenerator instead: the
plot is drawn with a QPainter onto the SVG device, which keeps it vector.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsView

from .widgets.timeline_plot import TimelinePlot

INCH_PER_METRE = 39.37007874


def _offscreen_copy(plot: TimelinePlot, width: int, height: int) -> TimelinePlot:
    """The same content drawn at exactly ``width`` × ``height``, off screen."""
    copy = TimelinePlot()
    copy.set_content(plot.series, plot.marks, x_range=plot._x_range)
    copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    copy.resize(width, height)
    copy.show()
    QApplication.processEvents()
    copy.render_now()
    QApplication.processEvents()
    return copy


def export_png(
    plot: TimelinePlot, path: str | Path, *, width: int = 1600, height: int = 900, dpi: int = 150
) -> QImage:
    if plot.is_empty():
        raise ValueError("there is nothing to export: the timeline has no dated figures")
    copy = _offscreen_copy(plot, width, height)
    image = copy.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    copy.close()
    dots_per_metre = round(dpi * INCH_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return image


def export_svg(
    plot: TimelinePlot, path: str | Path, *, width: int = 1200, height: int = 700, title: str = ""
) -> None:
    if plot.is_empty():
        raise ValueError("there is nothing to export: the timeline has no dated figures")
    copy = _offscreen_copy(plot, width, height)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle(title or "Dongchuan Workbench timeline")
    generator.setDescription("; ".join(s.label for s in plot.series))
    # as pyqtgraph's own exporters do: items draw vector shapes, not cached pixmaps
    items = (
        [
            i
            for i in copy.findChildren(QGraphicsView)[0].scene().items()
            if hasattr(i, "setExportMode")
        ]
        if copy.findChildren(QGraphicsView)
        else []
    )
    for item in items:
        item.setExportMode(True, {"antialias": True})
    painter = QPainter(generator)
    try:
        copy.render(painter, QPoint(0, 0))
    finally:
        painter.end()
        for item in items:
            item.setExportMode(False)
        copy.close()
