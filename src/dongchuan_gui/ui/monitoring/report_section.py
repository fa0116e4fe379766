"""The monitoring section of a village or town dossier and of the district report.

Worked out when the report is made (not cached in the views): the place's figures,
its light, every year of the register and an income histogram with the line. When
``anonymised`` is chosen, only what ``model.register.published`` allows is printed:
the cells of the register-wide village table of the year in view with small cells
suppressed (and more, so that none follows from the totals), sums that follow from
printed cells, the light without its numbers (none for a place of fewer than
``min_cell`` households), and the whole register's histogram with bins merged so that
no bar is small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument

from ...model.register import published
from ...model.register.display import province_of
from ...model.register.lights import lights
from ..language import ui_lang
from ..widgets.detail_browser import h3, muted, tr
from .place_lights import LEVEL_OF, NONE, light_label
from .place_section import (
    count,
    dot,
    figures_rows,
    light_html,
    pct,
    provenance_text,
    synthetic_html,
    years_table,
    yuan,
)

BAR, LINE, AXIS = "#0072B2", "#D55E00", "#555555"
# the lights' findings without their numbers (anonymised reports)
FINDINGS = {
    "exit_check": ("贫困发生率未低于退出标准", "incidence not below the exit line"),
    "exit_margin": ("贫困发生率接近退出标准", "incidence near the exit line"),
    "below_share": ("低于监测线的户占比偏高", "many households below the line"),
    "monitored_share": ("监测户占比偏高", "many households in monitoring"),
    "relocation_low": ("搬迁户就业不足", "relocated households short of employment"),
    "relocation_short": ("搬迁户就业未达每户", "not every relocated household employed"),
    "income_gaps": ("收入记录缺失较多", "many households without an income record"),
}
NO_LINE = ("规则集中无该年监测线", "no line of that year in the rule set")


@dataclass
class ReportMonitoring:
    """What a report needs of the open register, and how to print it. Keep one for a
    batch of reports: the suppressed table is worked out once (seconds when a small
    register has many small cells)."""

    session: Any  # RegisterSession
    anonymised: bool = False
    min_cell: int = 5
    _table: list = field(default_factory=list, repr=False)  # [(key, table)]

    def suppressed(self) -> Any:
        """The register-wide village table of the year in view, small cells hidden
        (kept while register, year and rules stay; make a new one after an edit)."""
        from ...model.register.export import suppressed_table

        session = self.session
        key = (session.register, session.year, self.min_cell, session.rules)
        if not self._table or any(a is not b and a != b
                                  for a, b in zip(self._table[0][0], key, strict=True)):
            table = suppressed_table(session.register, session.year, "village",
                                     self.min_cell, session.rules)
            self._table[:] = [(key, table)]
        return self._table[0][1]


def place_of(dataset: Any, place_id: str | None) -> tuple[int, str] | None:
    p = dataset.place(place_id) if place_id else None
    level = LEVEL_OF.get(p.level) if p is not None else None
    if level is None or not p.code or len(p.code) != 12 or not p.code.isdigit():
        return None
    return int(p.code), level


def section_html(doc: QTextDocument, options: ReportMonitoring, dataset: Any,
                 place_id: str | None, image_width: int) -> str:
    """The section ("" when no register is open or the place has no code); the
    histogram is added to ``doc`` as a resource."""
    session = options.session
    found = place_of(dataset, place_id)
    if session is None or not session.is_open or found is None:
        return ""
    code, level = found
    lang = ui_lang()
    head = [h3(tr("Monitoring (household register)")), synthetic_html(session)]
    if options.anonymised:
        return "".join(head) + _anonymised(doc, options, dataset, code, level, lang,
                                           image_width)
    by_year = {y: lights(session.aggregate(level, y)) for y in session.register.years}
    table = by_year[session.year]
    i = table.index(code)
    if i is None or table.light[i] == NONE:
        return "".join(head) + muted(tr("The register has no households here."))
    agg = table.aggregate
    reg = session.register
    _work_out_sha(session)
    if level == "district" and len(session.register.groups("district")[0]) == 1:
        counts = session.what_if().histogram(False).counts  # the session's own bins
    else:
        rows = np.flatnonzero(reg.group_idx(level) == i)
        counts = published.bin_counts(reg.income(session.year)[rows], session.what_if().edges())
    image = histogram_image(session.what_if().edges(), counts, _line(session, code),
                            tr("Households by income per person, {0} (yuan)").format(
                                session.year))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("histogram.png"), image)
    extra = _towns_and_villages(session, code, lang) if level == "district" else ""
    return "".join([
        *head, light_html(table, i, lang), "<p>", *figures_rows(agg, i, lang), "</p>",
        "<h4>" + escape(tr("By year")) + "</h4>", years_table(by_year, code, lang), extra,
        f"<p><img src='histogram.png' width='{image_width}'></p>",
        muted(provenance_text(session, agg, full_sha=True)),
    ])


def _name(session: Any, code: int, lang: str) -> str:
    pair = session.place_names.get(int(code))
    return (pair[0] if lang == "zh" else pair[1]) if pair else f"{int(code):012d}"


def _towns_and_villages(session: Any, district: int, lang: str) -> str:
    """The district report's towns with their lights, and the villages most at risk."""
    towns = session.lights("town")
    agg = towns.aggregate
    head = [tr("Town"), tr("Light"), tr("Households"), tr("In monitoring"),
            tr("Below the line"), tr("Share below"), tr("Incidence")]
    html = ["<h4>" + escape(tr("Towns")) + "</h4><table class='figs'><tr>"
            + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for i, code in enumerate(towns.codes):
        if int(code) // 1_000_000 * 1_000_000 != district or towns.light[i] == NONE:
            continue
        light = int(towns.light[i])
        cells = [count(agg.households[i]), count(agg.monitored[i].sum()),
                 count(agg.below[i]), pct(float(agg.share_below[i])),
                 pct(float(agg.incidence[i]))]
        html.append(f"<tr><td>{escape(_name(session, code, lang))}</td>"
                    f"<td>{dot(light)} {escape(light_label(light, lang))}</td>"
                    + "".join(f"<td class='num'>{c}</td>" for c in cells) + "</tr>")
    html.append("</table>")
    villages = session.lights("village")
    worst = [k for k in villages.most_at_risk(None)
             if int(villages.codes[k]) // 1_000_000 * 1_000_000 == district][:10]
    if worst:
        html.append("<h4>" + escape(tr("Villages most at risk")) + "</h4><ol>")
        for k in worst:
            light = int(villages.light[k])
            html.append(f"<li>{dot(light)} {escape(_name(session, villages.codes[k], lang))}"
                        f" ({escape(light_label(light, lang))}): "
                        f"{escape(villages.reasons(k, lang)[0])}</li>")
        html.append("</ol>")
    return "".join(html)


def _work_out_sha(session: Any) -> None:
    """The register file's sha256 for the provenance line (a report may read the file;
    an edited register claims none)."""
    from ...model.register import RegisterError

    if not session.dirty:
        try:
            session.register.sha256()
        except (RegisterError, OSError):
            pass


def _line(session: Any, code: int) -> float | None:
    line = session.rules.line(session.year, province_of(code)) if session.rules else None
    return float(line.value) if line is not None else None


def _anonymised(doc: QTextDocument, options: ReportMonitoring, dataset: Any, code: int,
                level: str, lang: str, image_width: int) -> str:
    session = options.session
    table = options.suppressed()
    mine = published.place_table(table, code, level)
    parts = [_light_findings(session, code, level, lang, options.min_cell)]
    head = [tr("Village"), tr("Households"), *_type_heads(lang), tr("Below the line"),
            tr("Relocated")]
    rows: list[tuple[str, list[int | None]]] = list(mine.rows)
    if level == "district":
        towns = sorted({int(c) // 1000 * 1000 for c in table.codes
                        if int(c) // 1_000_000 * 1_000_000 == code})
        rows = published.town_rows(table, towns)
        head[0] = tr("Town")
    body = [([escape(_name(session, int(c), lang))], cells, False) for c, cells in rows]
    if level != "village":
        body.append(([escape(tr("Total"))], mine.total, True))
    if level == "district":  # each town's light, without its numbers
        town_lights = session.lights("town")
        head.insert(1, tr("Light"))
        marks = [_light_cell(town_lights, int(c), lang, options.min_cell)
                 for c, _ in rows] + [""]
        body = [(lead + [mark], cells, bold)
                for (lead, cells, bold), mark in zip(body, marks, strict=True)]
    parts.append(_cells_table(head, body, table.mark))
    edges, bars = published.merged_bins(session.what_if().edges(),
                                        session.what_if().histogram(False).counts,
                                        options.min_cell)
    if bars:
        image = histogram_image(np.asarray(edges), np.asarray(bars), _line(session, code),
                                tr("Households of the whole register by income per person, "
                                   "{0} (yuan)").format(session.year))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("histogram.png"),
                        image)
        parts.append(f"<p><img src='histogram.png' width='{image_width}'></p>")
    parts.append(muted(tr(
        "Anonymised: counts from 1 to {0} are suppressed (x), and more cells so that none "
        "can be worked out from the totals; only the year {1} is shown; the histogram "
        "is the whole register's with bins joined so that none holds fewer than {2} "
        "households.").format(options.min_cell - 1, session.year, options.min_cell)))
    parts.append(muted(table.note.lstrip("# ")))
    return "".join(parts)


def _type_heads(lang: str) -> list[str]:
    from ...model.register.schema import MONITORING_TYPE

    return [c.zh if lang == "zh" else c.en for c in MONITORING_TYPE.codes[1:]]


def _light_findings(session: Any, code: int, level: str, lang: str, min_cell: int) -> str:
    """The light and what triggered it, without numbers; not shown for a place of
    fewer than ``min_cell`` households (a red light there says too much about them)."""
    table = session.lights(level)
    i = table.index(code)
    if i is None or table.light[i] == NONE:
        return muted(tr("The register has no households here."))
    if table.aggregate.households[i] < min_cell:
        return muted(tr("No risk light in an anonymised report: fewer than {0} households "
                        "here.").format(min_cell))
    light = int(table.light[i])
    found = [FINDINGS[t.key] for j, t in enumerate(table.thresholds) if table.triggered[i, j]]
    if table.no_line[i]:
        found.insert(0, NO_LINE)
    items = "".join(f"<li>{escape(z if lang == 'zh' else e)}</li>" for z, e in found)
    title = tr("Risk light: {0} ({1})").format(light_label(light, lang), table.year)
    return f"<p>{dot(light)} <b>{escape(title)}</b></p>" + (f"<ul>{items}</ul>" if items
                                                            else "")


def _light_cell(table: Any, code: int, lang: str, min_cell: int) -> str:
    i = table.index(code)
    if i is None or table.light[i] == NONE or table.aggregate.households[i] < min_cell:
        return ""
    light = int(table.light[i])
    return f"{dot(light)} {escape(light_label(light, lang))}"


def _cells_table(head: list[str], body: list[tuple[list[str], list[int | None], bool]],
                 mark: str) -> str:
    """Rows of (leading cells as HTML, printed counts, bold)."""
    html = ["<table class='figs'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head)
            + "</tr>"]
    for lead, cells, bold in body:
        shown = [mark if v is None else count(v) for v in cells]
        tds = "".join(f"<td class='num'>{'<b>' + c + '</b>' if bold else c}</td>"
                      for c in shown)
        html.append("<tr>" + "".join(f"<td>{c}</td>" for c in lead) + f"{tds}</tr>")
    html.append("</table>")
    return "".join(html)


def histogram_image(edges: np.ndarray, counts: np.ndarray, line: float | None,
                    title: str, size: tuple[int, int] = (900, 260)) -> QImage:
    """Bars of households per income bin and the monitoring line, drawn with QPainter."""
    from ..reports import report_font

    width, height = size
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = report_font()
    font.setPointSize(8)
    painter.setFont(font)
    left, right, top, bottom = 60, 44, 24, 36
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    lo, hi = float(edges[0]), float(edges[-1])
    top_count = max(int(np.max(counts)) if len(counts) else 0, 1)

    def x_at(value: float) -> float:
        return plot.left() + (value - lo) / (hi - lo) * plot.width()

    painter.setPen(QColor(AXIS))
    painter.drawText(QRectF(0, 2, width, top - 4), Qt.AlignmentFlag.AlignCenter, title)
    painter.setBrush(QColor(BAR))
    painter.setPen(QPen(QColor("white"), 0.5))
    for k, n in enumerate(counts):
        h = plot.height() * int(n) / top_count
        painter.drawRect(QRectF(x_at(edges[k]), plot.bottom() - h,
                                x_at(edges[k + 1]) - x_at(edges[k]), h))
    painter.setPen(QColor(AXIS))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    painter.drawText(QRectF(0, plot.top() - 6, left - 6, 14),
                     Qt.AlignmentFlag.AlignRight, f"{top_count:,}")
    painter.drawText(QRectF(0, plot.bottom() - 8, left - 6, 14), Qt.AlignmentFlag.AlignRight, "0")
    for value in np.linspace(lo, hi, 6):
        painter.drawText(QRectF(x_at(value) - 40, plot.bottom() + 4, 80, 14),
                         Qt.AlignmentFlag.AlignCenter, yuan(float(value)))
    if line is not None and lo <= line <= hi:
        painter.setPen(QPen(QColor(LINE), 2))
        painter.drawLine(int(x_at(line)), int(plot.top()), int(x_at(line)), int(plot.bottom()))
        label = tr("monitoring line {0}").format(yuan(line))
        box = painter.boundingRect(QRectF(x_at(line) + 4, plot.top(), 300, 14),
                                   Qt.AlignmentFlag.AlignLeft, label)
        painter.fillRect(box.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 220))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, label)
    painter.setPen(QColor(AXIS))
    painter.drawText(QRectF(0, height - 16, width, 14), Qt.AlignmentFlag.AlignCenter,
                     tr("households per bin; income per person in yuan"))
    painter.end()
    return image


def ask_report_monitoring(parent: Any, session: Any) -> tuple[bool, ReportMonitoring | None]:
    """Before a report: (go on?, what to print of the register). Without an open
    register the report has no monitoring section and nothing is asked."""
    from PySide6.QtWidgets import QMessageBox

    if session is None or not session.is_open:
        return True, None
    box = QMessageBox(QMessageBox.Icon.Question, tr("Monitoring in the report"),
                      tr("The report gets a monitoring section from the open household "
                         "register. Print its full figures, or anonymise it (counts under 5 "
                         "suppressed) for a report that leaves the office?"),
                      QMessageBox.StandardButton.Cancel, parent)
    full = box.addButton(tr("Full figures"), QMessageBox.ButtonRole.AcceptRole)
    anonymised = box.addButton(tr("Anonymised"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(anonymised)
    box.exec()
    if box.clickedButton() is full:
        return True, ReportMonitoring(session)
    if box.clickedButton() is anonymised:
        return True, ReportMonitoring(session, anonymised=True)
    return False, None
