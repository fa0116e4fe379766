"""The Data Quality tab's detail pane: one finding with what it refers to (linked) and
every answer given to it, newest first."""

from __future__ import annotations

from html import escape

from ...model.dataset import Dataset
from ...model.quality.findings import Finding
from ...model.records import Observation, QualityMark, ValidationRule
from ..plot_data import status_text
from .detail_browser import link, muted, row, tr
from .quality_labels import Names, finding_kind_text, importance_text, state_text


def _mark_state(mark: QualityMark) -> str:
    return tr("checked, value correct") if mark.state == "checked" else tr("follow up")


def marks_html(dataset: Dataset, flag: str, names: Names, item: Finding) -> str:
    marks = sorted(
        (m for m in dataset.data.quality_marks if m.flag == flag),
        key=lambda m: m.at,
        reverse=True,
    )
    if not marks:
        return muted(tr("No answer yet."))
    rows = []
    for m in marks:
        value = ""
        if m.value is not None:
            indicator = item.indicator if item.kind != "rule" else None
            value = tr("value then: {0}").format(names.number(m.value, indicator))
        by = m.by or tr("unknown user")
        parts = [f"<b>{escape(_mark_state(m))}</b>", escape(by), escape(m.at), escape(value)]
        note = f"<br><span class='muted'>{escape(m.note)}</span>" if m.note else ""
        rows.append("<li>" + " · ".join(p for p in parts if p) + note + "</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def _figure_rows(dataset: Dataset, obs: Observation) -> list[str]:
    out = [row(tr("Figure"), escape(f"{obs.id} ({status_text(obs.status)})"))]
    if obs.source and (src := dataset.source(obs.source)):
        where = f", {escape(obs.locator)}" if obs.locator else ""
        out.append(row(tr("Source"), link("source", src.id, src.title) + where))
    else:
        out.append(row(tr("Source"), escape(tr("none named"))))
    if obs.comment:
        out.append(row(tr("Comment"), escape(obs.comment)))
    return out


def _rule_rows(dataset: Dataset, rule: ValidationRule, lang: str) -> list[str]:
    name = (rule.name_zh or rule.name_en) if lang == "zh" else rule.name_en
    message = (rule.message_zh or rule.message_en) if lang == "zh" else rule.message_en
    out = [
        row(tr("Rule"), escape(name)),
        row(tr("Check"), escape(f"{rule.left} {rule.operator} {rule.right}")),
    ]
    if rule.tolerance:
        out.append(row(tr("Tolerance"), escape(f"{rule.tolerance:g}")))
    if message:
        out.append(row(tr("Rule's message"), escape(message)))
    if rule.source and (src := dataset.source(rule.source)):
        where = f", {escape(rule.locator)}" if rule.locator else ""
        out.append(row(tr("Source"), link("source", src.id, src.title) + where))
    if rule.note:
        out.append(row(tr("Note"), escape(rule.note)))
    return out


def finding_html(dataset: Dataset, item: Finding, names: Names, lang: str) -> str:
    head = f"{finding_kind_text(item)} · {names.test(item)} · {importance_text(item.importance)}"
    rows = []
    if item.indicator:
        rows.append(row(tr("Indicator"), link("indicator", item.indicator, names.indicator(item))))
    if item.place:
        rows.append(row(tr("Place"), link("place", item.place, names.place(item))))
    if item.program:
        rows.append(row(tr("Program"), link("program", item.program, names.program(item))))
    if item.period:
        rows.append(row(tr("Period"), escape(item.period)))
    if value := names.value(item):
        rows.append(row(tr("Value"), escape(value)))
    record = dataset.get(item.record_kind, item.record_id) if item.record_id else None
    if isinstance(record, Observation):
        rows += _figure_rows(dataset, record)
    elif isinstance(record, ValidationRule):
        rows += _rule_rows(dataset, record, lang)
    rows.append(row(tr("State"), f"<b>{escape(state_text(item))}</b>"))
    return "".join(
        [
            f"<h3>{escape(head)}</h3>",
            f"<p>{escape(item.text(lang))}</p>",
            "<table>",
            *rows,
            "</table>",
            "<h3>" + escape(tr("Answers")) + "</h3>",
            marks_html(dataset, item.key, names, item),
        ]
    )


def many_html(count: int) -> str:
    return muted(
        tr(
            "{0} findings selected. “Checked, value correct” or “Follow up” answers "
            "them all in one step."
        ).format(count)
    )


def none_html(total: int) -> str:
    if total == 0:
        return muted(
            tr("No findings: every rule holds, no figure stands out, every figure names a source.")
        )
    return muted(
        tr(
            "Select a finding to see what it refers to and the answers given to it. "
            "Double-click or Enter opens the figure or rule."
        )
    )
