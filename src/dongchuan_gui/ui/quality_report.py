"""The data-quality report (PDF): the dataset, the date, the counts, every finding
grouped by importance with its message and state, then progress against the targets.
Laid out with Qt's text engine as the other reports (``reports``), with their fonts
and footer, so Chinese text shows wherever the PDF is opened."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from ..model.dataset import Dataset
from ..model.quality.findings import Finding
from .language import tr
from .reports import RESOLUTION, paint_pages, report_font
from .widgets.detail_browser import STYLE
from .widgets.quality_labels import Names, counts_text, finding_kind_text, state_text, tally
from .widgets.results_table import all_results_html

MAX_ROWS = 2000  # findings listed; a report of more says how many it leaves out
REPORT_STYLE = """
<style>
table.findings { border-collapse: collapse; margin-top: 4px; }
table.findings th { text-align: left; color: #444; border-bottom: 1px solid #bbb;
  padding: 2px 8px 2px 0; }
table.findings td { padding: 3px 6px 0 0; vertical-align: top; }
td.msg { padding: 0 6px 4px 12px; color: #333; border-bottom: 1px solid #e4e4e4; }
.state-open { color: #C62828; font-weight: bold; } .state-done { color: #2e7d32; }
</style>
"""


def report_title() -> str:
    return tr("Data-quality report")


def _group_title(importance: str, count: int) -> str:
    return {
        "high": tr("High importance ({0})"),
        "medium": tr("Medium importance ({0})"),
        "low": tr("Low importance ({0})"),
    }[importance].format(count)


def _rows(found: Sequence[Finding], names: Names, lang: str) -> str:
    head = [
        tr("Kind"),
        tr("Test"),
        tr("Indicator"),
        tr("Place"),
        tr("Program"),
        tr("Period"),
        tr("Value"),
        tr("State"),
    ]
    html = ["<table class='findings' width='100%'><tr>"]
    html += [f"<th>{escape(h)}</th>" for h in head]
    html.append("</tr>")
    for f in found:
        state = state_text(f)
        css = "state-done" if f.mark is not None else "state-open"
        cells = [
            finding_kind_text(f),
            names.test(f),
            names.indicator(f),
            names.place(f),
            names.program(f),
            f.period or "",
            names.value(f),
        ]
        html.append(
            "<tr>"
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + f"<td class='{css}'>{escape(state)}</td></tr>"
        )
        note = ""
        if f.mark is not None and f.mark.note:
            note = " — " + escape(f.mark.note)
        html.append(
            f"<tr><td colspan='{len(head)}' class='msg'>{escape(f.text(lang))}{note}</td></tr>"
        )
    html.append("</table>")
    return "".join(html)


def build_document(
    dataset: Dataset,
    found: Sequence[Finding],
    *,
    lang: str = "en",
    today: dt.date | None = None,
) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(report_font())
    meta = dataset.data.meta
    names = Names.of(dataset, lang)
    today = today or dt.date.today()
    title = meta.title_zh or meta.title
    parts = [
        f"<h2>{escape(report_title())}</h2>",
        f"<p>{escape(title)}"
        + (f" · {escape(meta.title)}" if meta.title and meta.title != title else "")
        + "</p>",
        "<p class='muted'>" + escape(tr("Date: {0}").format(today.isoformat())) + "</p>",
        f"<p><b>{escape(counts_text(tally(found)))}</b></p>",
        "<p class='muted'>"
        + escape(
            tr(
                "A finding is a reason to look, not an error: a rule between figures "
                "that does not hold, a figure that stands out from its series, a figure "
                "without a source, or one marked doubtful. “Checked, value correct” "
                "holds while the value stays the same."
            )
        )
        + "</p>",
    ]
    listed = 0
    if not found:
        parts.append("<p>" + escape(tr("No findings.")) + "</p>")
    for importance in ("high", "medium", "low"):
        group = [f for f in found if f.importance == importance]
        if not group:
            continue
        room = max(MAX_ROWS - listed, 0)
        parts.append(f"<h3>{escape(_group_title(importance, len(group)))}</h3>")
        if room:
            parts.append(_rows(group[:room], names, lang))
            listed += min(room, len(group))
        if len(group) > room:
            parts.append(
                "<p class='muted'>"
                + escape(
                    tr("{0} more not listed here; the Data Quality tab lists them all.").format(
                        len(group) - room
                    )
                )
                + "</p>"
            )
    parts.append("<h3>" + escape(tr("Progress against targets")) + "</h3>")
    # the links of the screen (place:…, program:…) mean nothing on paper
    parts.append(re.sub(r"<a href=\"[^\"]*\">(.*?)</a>", r"\1", all_results_html(dataset, lang)))
    doc.setHtml(STYLE + REPORT_STYLE + "".join(parts))
    return doc


def render(
    device: QPagedPaintDevice,
    dataset: Dataset,
    found: Sequence[Finding],
    *,
    lang: str = "en",
) -> int:
    """Lay the report out on ``device`` page by page, with the footer of the other
    reports (dataset, workbench, date; page numbers); the page count."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = rect.width(), rect.height()
    footer_h = int(device.resolution() * 0.35)
    body_h = height - footer_h
    doc = build_document(dataset, found, lang=lang)
    return paint_pages(device, doc, dataset, width, body_h, footer_h)


def write_pdf(
    dataset: Dataset, found: Sequence[Finding], path: str | Path, *, lang: str = "en"
) -> int:
    """Write the report to ``path``; the page count. Raises OSError (a folder that
    is not there, no permission) before anything is laid out."""
    with open(path, "ab"):  # the reason in words, where Qt's writer only fails
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(report_title())
    writer.setCreator("Dongchuan Workbench")
    return render(writer, dataset, found, lang=lang)
