"""The map with its legend to a file: PNG (at twice the size on screen) or SVG.

As pyqtgraph's own exporters do, the scatter items draw vector symbols instead of their
cached pixmaps while exporting, and the names and the legend are painted afresh (not
from their pixmap caches), so an SVG keeps every text as text. pyqtgraph 0.14.0's
SVGExporter fails with current Qt, so SVG goes through Qt's QSvgGenerator, as the
timeline charts do (``chart_export``). The file is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from ...model.atomic import write_atomic

if TYPE_CHECKING:
    from .map_view import MapView


def render_map(view: MapView, painter: QPainter) -> None:
    """Paint ``view`` (map and legend) with ``painter``, in vector form where it can."""
    scene_items = view.plot.scene().items()
    exporting = [i for i in scene_items if hasattr(i, "setExportMode")]
    cached = [i for i in scene_items if i.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    modes = [i.cacheMode() for i in cached]
    for item in exporting:
        item.setExportMode(True, {"antialias": True})
    for item in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    view.legend.body.exporting = True
    try:
        view.render(painter, QPoint(0, 0))
    finally:
        view.legend.body.exporting = False
        for item in exporting:
            item.setExportMode(False)
        for item, mode in zip(cached, modes, strict=True):
            item.setCacheMode(mode)


def export_map(view: MapView, path: str | Path, *, scale: float = 2.0, title: str = "") -> None:
    """Write ``view`` to ``path``: SVG when it ends in .svg, else PNG at ``scale``.
    Drawn in memory first, then written atomically (an OSError says why not)."""
    path = Path(path)
    size = view.size()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if path.suffix.lower() == ".svg":
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(QPoint(0, 0), size))
        generator.setTitle(title or "Dongchuan Workbench map")
        generator.setDescription(" · ".join(view.legend.texts()))
        painter = QPainter(generator)
        try:
            render_map(view, painter)
        finally:
            painter.end()
    else:
        image = QImage(
            QSize(round(size.width() * scale), round(size.height() * scale)),
            QImage.Format.Format_ARGB32,
        )
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            render_map(view, painter)
        finally:
            painter.end()
        image.save(buffer, "PNG")
    buffer.close()
    write_atomic(path, bytes(buffer.data()))
