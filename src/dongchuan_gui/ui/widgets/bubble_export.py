"""The motion chart to files: the current frame as PNG (pyqtgraph's ImageExporter) or
SVG, and the animation as an animated GIF (Pillow) or numbered PNG frames.

Frames are written or reduced as they are made: a PNG frame goes to its file at once,
a GIF frame becomes a small palette image at once (about a quarter of the QImage;
Pillow needs them all to write the GIF, which is then written atomically). A
``progress`` callback is asked before each frame and can stop the export, which then
leaves no file behind.

pyqtgraph 0.14.0's SVGExporter fails with current Qt (it cannot parse the ``Z`` path
token Qt writes: ValueError), so SVG is drawn through Qt's QSvgGenerator with the
items in pyqtgraph's export mode (vector symbols, no cached pixmaps), as
``ui/chart_export.py`` does for timelines.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ...model.atomic import write_atomic

if TYPE_CHECKING:
    from .bubble_chart import BubbleChart

HOLD_LAST_MS = 1500  # the last frame stays a while before the GIF starts again


def _cannot_write(path) -> str:
    return QCoreApplication.translate("BubbleExport", "Could not write {0}.").format(path)


def frame_image(chart: BubbleChart, width: int | None = None) -> QImage:
    """The frame now shown (legend included), ``width`` pixels wide: never narrower
    than on screen (pyqtgraph's exporter shrinks the layout but not the legend's
    text, which then gets cut)."""
    from pyqtgraph.exporters import ImageExporter

    native = round(chart.plot.sceneBoundingRect().width())
    exporter = ImageExporter(chart.plot)
    exporter.parameters()["width"] = max(native, width or 0)
    exporter.parameters()["antialias"] = True
    with chart.uncached():
        image = exporter.export(toBytes=True)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def export_png(chart: BubbleChart, path: str | Path, width: int = 1600) -> None:
    if not frame_image(chart, width).save(str(path), "PNG"):
        raise OSError(_cannot_write(path))


def export_svg(chart: BubbleChart, path: str | Path, title: str = "") -> None:
    view = chart.view
    size = chart.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(size.width(), size.height()))
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title or "Dongchuan Workbench motion chart")
    items = [i for i in view.scene().items() if hasattr(i, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True})
    painter = QPainter(generator)
    try:
        with chart.uncached():
            chart.render(painter, QPoint(0, 0))
    finally:
        painter.end()
        for item in items:
            item.setExportMode(False)
    if not Path(path).exists():
        raise OSError(_cannot_write(path))


def animation_times(first: int, last: int, fps: float, speed: float) -> list[float]:
    """Frame times from ``first`` to ``last`` at ``speed`` years a second; every
    whole year is a frame of its own (keyframes are never skipped)."""
    if last <= first:
        return [float(first)]
    per_year = max(1, round(fps / speed))
    times = [first + k / per_year for k in range((last - first) * per_year)]
    return [*times, float(last)]


def export_animation(
    chart: BubbleChart,
    path: str | Path,
    times: list[float],
    fps: float,
    width: int | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[Path]:
    """Render the frames at ``times``; a ``.gif`` path gets one animated GIF, any
    other (``.png``) numbered PNGs beside it (``name_0001.png`` …). The chart shows
    the frame it showed before. Returns the files written; [] when ``progress``
    (called with frames done and total before each frame) said stop."""
    from PIL import Image

    path = Path(path)
    gif = path.suffix.lower() == ".gif"
    keep = chart.t
    written: list[Path] = []
    frames: list = []  # GIF frames, as palette images
    total = len(times)
    try:
        for k, t in enumerate(times):
            if progress is not None and not progress(k, total):
                for done in written:
                    done.unlink(missing_ok=True)
                return []
            chart.set_time(t)
            image = frame_image(chart, width)
            if gif:
                frames.append(_to_pil(image, Image))
                continue
            target = path.with_name(f"{path.stem}_{k + 1:04d}.png")
            if not image.save(str(target), "PNG"):
                raise OSError(_cannot_write(target))
            written.append(target)
    finally:
        chart.set_time(keep)
    if progress is not None:
        progress(total, total)
    if not gif:
        return written
    duration = max(20, round(1000 / fps))
    durations = [duration] * (len(frames) - 1) + [HOLD_LAST_MS]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=0,
        disposal=1,
    )
    write_atomic(path, buffer.getvalue())
    return [path]


def _to_pil(image: QImage, pil):
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    frame = pil.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )
    return frame.convert("P", palette=pil.Palette.ADAPTIVE, colors=255)
