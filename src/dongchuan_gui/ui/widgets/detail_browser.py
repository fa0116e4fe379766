"""A read-only rich-text pane whose internal links are intents: ``kind:id``."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...model.dataset import Dataset
from ...model.records import Observation
from ..language import tr
from ..plot_data import format_value, status_text

STYLE = """
<style>
h2 { margin: 0 0 2px 0; } .en { color: #555; } .muted { color: #777; }
table.figs { border-collapse: collapse; margin-top: 4px; }
table.figs td, table.figs th { padding: 2px 8px 2px 0; vertical-align: top; }
table.figs th { text-align: left; color: #444; border-bottom: 1px solid #bbb; }
.doubt { color: #b35900; font-weight: bold; } .num { text-align: right; }
.card { margin: 6px 0; }
</style>
"""


def link(kind: str, record_id: str, text: str) -> str:
    return f'<a href="{kind}:{escape(record_id)}">{escape(text)}</a>'


def heading(zh: str, en: str) -> str:
    en_html = f'<div class="en">{escape(en)}</div>' if en and en != zh else ""
    return f"<h2>{escape(zh)}</h2>{en_html}"


def muted(text: str) -> str:
    return f"<p class='muted'>{escape(text)}</p>"


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def h3(text: str, count: int | None = None) -> str:
    suffix = f" ({count})" if count is not None else ""
    return f"<h3>{escape(text)}{suffix}</h3>"


def row(label: str, value_html: str) -> str:
    return f"<tr><td class='muted'>{escape(label)}</td><td>{value_html}</td></tr>"


PANE_ROWS = 150  # figures listed in a detail pane; reports list them all


def figures_table(
    dataset: Dataset,
    observations: list[Observation],
    *,
    show_scope: bool,
    show_source: bool = True,
    limit: int | None = None,
) -> str:
    """A table of figures, each with status, source and locator (linked); with
    ``limit``, the first that many and a line saying how many more there are (a
    rich-text table of many hundred rows takes seconds to lay out)."""
    if not observations:
        return muted(tr("No figures recorded yet."))
    hidden = 0
    if limit is not None and len(observations) > limit:
        hidden = len(observations) - limit
        observations = observations[:limit]
    head = [
        tr("Indicator"),
        tr("Period"),
        tr("Value"),
        tr("Status"),
        tr("Source") if show_source else tr("Where in it"),
    ]
    if show_scope:
        head.insert(1, tr("Where / program"))
    html = ["<table class='figs'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for o in observations:
        ind = dataset.indicator(o.indicator)
        unit = ind.unit if ind else ""
        name = f"{ind.name_zh} {ind.name_en}" if ind else o.indicator
        value = escape(format_value(o.value, unit))
        if o.doubt:
            doubtful = escape(tr("doubtful"))
            value += f" <span class='doubt' title='{doubtful}'>?</span>"
        notes = [n for n in (o.comment, (tr("Derived: ") + o.derived) if o.derived else "") if n]
        cells = [escape(name)]
        if show_scope:
            scope = []
            if o.place and (p := dataset.place(o.place)):
                scope.append(link("place", p.id, p.name_zh))
            if o.program and (g := dataset.program(o.program)):
                scope.append(link("program", g.id, g.name_zh))
            cells.append(" / ".join(scope))
        source_html = _source_cell(dataset, o) if show_source else escape(o.locator)
        cells += [
            escape(o.period or tr("undated")),
            value,
            escape(status_text(o.status)),
            source_html,
        ]
        html.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        if notes:
            span = len(cells)
            html.append(
                f"<tr><td></td><td colspan='{span - 1}' class='muted'>"
                f"{'<br>'.join(escape(n) for n in notes)}</td></tr>"
            )
    html.append("</table>")
    if hidden:
        html.append(
            muted(
                tr(
                    "Showing {0} of {1} figures. The timeline above plots them all; "
                    "File › Export › Tables lists them all."
                ).format(len(observations), len(observations) + hidden)
            )
        )
    return "".join(html)


def _source_cell(dataset: Dataset, o: Observation) -> str:
    src = dataset.source(o.source) if o.source else None
    if src is None:
        no_source = escape(tr("no source"))
        return f"<span class='doubt'>{no_source}</span>"
    locator = f", {escape(o.locator)}" if o.locator else ""
    return link("source", src.id, src.title) + locator


def stories_html(dataset: Dataset, stories) -> str:
    parts = []
    for s in stories:
        src = dataset.source(s.source) if s.source else None
        cite = (
            f"<div class='muted'>{link('source', src.id, src.title)}, {escape(s.locator)}</div>"
            if src
            else ""
        )
        derived = (
            "<div class='muted'>" + escape(tr("Derived: ") + s.derived) + "</div>"
            if s.derived
            else ""
        )
        people = f"<div class='muted'>{escape(', '.join(s.people))}</div>" if s.people else ""
        parts.append(
            f"<div class='card'><b>{escape(s.title_zh or s.title_en)}</b> "
            f"<span class='en'>{escape(s.title_en if s.title_zh else '')}</span>{people}"
            f"<p>{escape(s.text_zh)}</p><p class='en'>{escape(s.text_en)}</p>{derived}{cite}</div>"
        )
    return "".join(parts)


def events_html(dataset: Dataset, events) -> str:
    if not events:
        return ""
    items = []
    for e in sorted(events, key=lambda e: e.date):
        src = dataset.source(e.source) if e.source else None
        mark = " <span class='doubt'>?</span>" if e.doubt else ""
        cite = f" — {link('source', src.id, src.title)}" if src else ""
        note = f"<br><span class='muted'>{escape(e.comment)}</span>" if e.comment else ""
        items.append(
            f"<li>{escape(e.date)}: {escape(e.title_zh or e.title_en)}{mark}"
            f" <span class='en'>{escape(e.title_en)}</span>{cite}{note}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


class DetailBrowser(QTextBrowser):
    link_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)

    def set_body(self, html: str) -> None:
        self.setHtml(STYLE + html)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        kind, _, record_id = text.partition(":")
        if kind in ("place", "program", "source", "indicator") and record_id:
            self.link_activated.emit(kind, record_id)
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
