"""Reports: the district report and a dossier per program or place, as PDF or on a
printer. Rendered with Qt's text engine, which embeds the fonts it uses, so Chinese
text shows wherever the PDF is opened.

With ``monitoring`` (a ``monitoring.report_section.ReportMonitoring``: the open
register, anonymised or not), village and town dossiers and the district report get
a monitoring section; a synthetic register is named as such at the top."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ..model.dataset import Dataset
from .language import tr
from .plot_data import marks_for, scope_series
from .widgets.detail_browser import STYLE, h3
from .widgets.place_pane import place_html
from .widgets.program_pane import program_html
from .widgets.timeline_plot import TimelinePlot

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
    "WenQuanYi Micro Hei",
)
# Latin text and digits come from a Latin font: PDF readers map its glyphs back to
# the right characters, so figures copied out of a report stay correct (with Noto
# CJK's digits, text extraction returned wrong digits)
LATIN_FAMILIES = ("DejaVu Sans", "Segoe UI", "Arial", "Helvetica Neue", "Liberation Sans")
RESOLUTION = 200
DISTRICT_TIMELINE = ("poverty-incidence",)  # as on the Overview tab


def report_font() -> QFont:
    """A Latin font first, then one with Chinese glyphs (Noto CJK on Linux,
    Microsoft YaHei on Windows) for the characters the first one lacks."""
    available = set(QFontDatabase.families())
    chosen = [f for f in LATIN_FAMILIES if f in available][:1]
    chosen += [f for f in CJK_FAMILIES if f in available][:1]
    font = QFont()
    font.setPointSize(10)
    if chosen:
        font.setFamilies(chosen)
    return font


def _timeline_image(
    dataset: Dataset, *, place: str | None, program: str | None, indicators: tuple[str, ...] = ()
):
    plot = TimelinePlot()
    series = scope_series(dataset, place=place, program=program)
    if indicators:
        series = [s for s in series if s.indicator in indicators]
    scope = {"place": place} if place else {"program": program}
    plot.set_content(series, marks_for(dataset, dataset.events_for(**scope)))
    if plot.is_empty():
        return None
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    plot.resize(1000, 200 + 170 * len({s.unit for s in series}))
    plot.show()  # lays the plot out, so its axes match the data before the grab
    QApplication.processEvents()
    plot.render_now()
    QApplication.processEvents()
    image = plot.grab_plot().toImage()
    plot.close()
    return image


def report_title(dataset: Dataset, kind: str, record_id: str | None) -> str:
    if kind == "program" and (g := dataset.program(record_id)):
        return f"{g.name_zh} {g.name_en}"
    if kind == "place" and (p := dataset.place(record_id)):
        return f"{p.name_zh} {p.name_en}"
    return tr("District report")


def build_document(
    dataset: Dataset,
    kind: str,
    record_id: str | None = None,
    *,
    image_width: int = 900,
    monitoring: Any = None,
) -> QTextDocument:
    """``kind``: "district", "program" or "place"; ``monitoring``: see the module."""
    doc = QTextDocument()
    doc.setDefaultFont(report_font())
    meta = dataset.data.meta
    only: tuple[str, ...] = ()
    if kind == "district":
        roots = dataset.roots()
        record_id = roots[0].id if roots else None
        kind = "place"
        only = DISTRICT_TIMELINE
    body = (  # a report lists every figure
        program_html(dataset, record_id, limit=None)
        if kind == "program"
        else place_html(dataset, record_id, limit=None)
    )
    if monitoring is not None and kind == "place":
        from .monitoring.report_section import section_html

        section = section_html(doc, monitoring, dataset, record_id, image_width)
        at = body.find("<h3>")
        body = body + section if at < 0 else body[:at] + section + body[at:]
    image = _timeline_image(
        dataset,
        place=record_id if kind == "place" else None,
        program=record_id if kind == "program" else None,
        indicators=only,
    )
    if image is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("timeline.png"), image)
        figure = h3(tr("Timeline")) + f"<p><img src='timeline.png' width='{image_width}'></p>"
        body = body.replace("<h3>", figure + "<h3>", 1)
    head = f"<p class='muted'>{escape(meta.title_zh or meta.title)} · {escape(meta.title)}</p>"
    if monitoring is not None and kind == "place" and monitoring.session.synthetic:
        from .monitoring.place_section import synthetic_html

        head += synthetic_html(monitoring.session)
    doc.setHtml(STYLE + head + body)
    return doc


def render(
    device: QPagedPaintDevice,
    dataset: Dataset,
    kind: str,
    record_id: str | None = None,
    *,
    monitoring: Any = None,
) -> int:
    """Lay the report out on ``device`` (a PDF writer or a printer) page by page,
    with the dataset's name, the date and page numbers in the footer."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(16, 14, 16, 14),
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = rect.width(), rect.height()
    footer_h = int(device.resolution() * 0.35)
    body_h = height - footer_h
    # image widths are in 96-dpi pixels; the text layout scales them to the device
    doc = build_document(
        dataset,
        kind,
        record_id,
        image_width=int(width * 0.98 * 96 / device.resolution()),
        monitoring=monitoring,
    )
    return paint_pages(device, doc, dataset, width, body_h, footer_h)


def paint_pages(device, doc, dataset: Dataset, width: float, body_h: int, footer_h: int) -> int:
    """Paint ``doc`` on ``device`` page by page with the reports' footer (dataset,
    workbench, date; page n of m); the page count. OSError when the device cannot be
    painted on (QPdfWriter says nothing of a file it cannot write)."""
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(width, body_h))
    pages = doc.pageCount()
    footer_font = report_font()
    footer_font.setPointSize(8)
    footer = footer_text(dataset)
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError(tr("The report could not be written."))
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body_h)
            doc.drawContents(painter, QRectF(0, page * body_h, width, body_h))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawLine(0, body_h + 4, width, body_h + 4)
            area = QRectF(0, body_h + 8, width, footer_h - 8)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft, footer)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignRight, tr("page {0} of {1}").format(page + 1, pages)
            )
    finally:
        painter.end()
    return pages


def footer_text(dataset: Dataset) -> str:
    meta = dataset.data.meta
    return (
        f"{meta.title_zh or meta.title} · " + tr("Dongchuan Workbench") + " · "
        f"{dt.date.today().isoformat()}"
    )


def write_pdf(
    dataset: Dataset,
    path: str | Path,
    kind: str,
    record_id: str | None = None,
    *,
    monitoring: Any = None,
) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(report_title(dataset, kind, record_id))
    writer.setCreator("Dongchuan Workbench")
    return render(writer, dataset, kind, record_id, monitoring=monitoring)
