"""The faint bar around a target figure: target × (1 ± band/100), the dataset's
"on track" band (``QualitySettings.on_track_band``), drawn only where a target is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

WIDTH = 0.3  # years: the width of the bar, centred on the target's period


def band_range(target: float, band: float) -> tuple[float, float]:
    """(low, high) of the band around ``target``; ``band`` in percent."""
    lo, hi = target * (1 - band / 100), target * (1 + band / 100)
    return min(lo, hi), max(lo, hi)


def band_legend(band: float) -> str:
    return QCoreApplication.translate("TimelinePlot", "target ±{0} %").format(f"{band:g}")


def band_text(target: float, band: float, unit: str) -> str:
    from ..plot_data import format_value

    lo, hi = band_range(target, band)
    text = QCoreApplication.translate("TimelinePlot", "target {0}, on track within ±{1} %: {2}–{3}")
    return text.format(
        format_value(target, unit),
        f"{band:g}",
        format_value(round(lo, 2)),
        format_value(round(hi, 2), unit),
    )


def target_band(label: str, unit: str, color: str, x: float, target: float, band: float):
    """The bar item (pyqtgraph, in data coordinates) and the text that tells the band."""
    import pyqtgraph as pg

    lo, hi = band_range(target, band)
    fill, edge = pg.mkColor(color), pg.mkColor(color)
    fill.setAlpha(45)
    edge.setAlpha(110)
    bar = pg.BarGraphItem(x=[x], y0=[lo], height=[hi - lo], width=WIDTH, brush=fill, pen=edge)
    text = band_text(target, band, unit)
    bar.setToolTip(f"{label}\n{text}")
    bar.setZValue(-5)  # under the lines and markers
    return bar, text
