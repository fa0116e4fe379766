"""The monitoring section of a village, town or district pane (rich text).

Every figure comes from the register's aggregates (``session.aggregate``, cached per
level and year) and is marked derived, with the register and rule set it came from.
Rendering reads what ``PlaceLights`` has worked out and never works anything out
itself: years not ready yet show a line saying so, and the pane is shown again when
they are.
"""

from __future__ import annotations

from html import escape
from typing import Any

import numpy as np

from ...model.register.aggregate import Aggregate
from ...model.register.lights import NONE, Lights
from ...model.register.schema import MONITORING_TYPE
from ..widgets.detail_browser import h3, muted, tr
from .place_lights import LIGHT_COLORS, PlaceLights, light_label

SYNTHETIC_STYLE = "background-color:#fff3cd; color:#7a4b00; font-weight:bold"


def dot(light: int) -> str:
    color = LIGHT_COLORS.get(light)
    return f"<span style='color:{color}'>●</span>" if color else "○"


def pct(value: float) -> str:
    return "–" if value != value else f"{value:.1f} %"


def count(value: Any) -> str:
    return f"{int(value):,}"


def yuan(value: float) -> str:
    return "–" if value != value else f"{value:,.0f}"


def sha_text(session: Any, agg: Aggregate, *, full: bool = False) -> str:
    """The register file's sha256 as far as it is known without reading the file."""
    sha = (agg.provenance.register_sha256 or session.register.known_sha256
           or (session.link.sha256 if session.link else ""))
    if not sha:
        return tr("sha256 not worked out")
    text = f"sha256 {sha if full else sha[:12] + '…'}"
    if session.dirty:
        text += " " + tr("(edited in this window since, not saved yet)")
    return text


def provenance_text(session: Any, agg: Aggregate, *, full_sha: bool = False) -> str:
    p = agg.provenance
    return tr(
        "Derived from register {0} ({1}, {2} households) with rule set {3} v{4}; "
        "not reported figures."
    ).format(p.register_title or p.register_file, sha_text(session, agg, full=full_sha),
             count(p.households), p.rule_set, p.rule_version)


def synthetic_html(session: Any) -> str:
    if not session.synthetic:
        return ""
    text = tr("SYNTHETIC households, not real data: every household in this register is "
              "invented.")
    return f"<p style='{SYNTHETIC_STYLE}'>&nbsp;{escape(text)}&nbsp;</p>"


def type_names(lang: str) -> list[str]:
    return [c.zh if lang == "zh" else c.en for c in MONITORING_TYPE.codes[1:]]


def line(label: str, value_html: str) -> str:
    return f"<span class='muted'>{escape(label)}:</span> {value_html}<br>"


def figures_rows(agg: Aggregate, i: int, lang: str) -> list[str]:
    """The place's figures of one year as labelled lines."""
    by_type = " · ".join(
        f"{escape(name)} {count(n)}" for name, n in zip(type_names(lang), agg.monitored[i],
                                                          strict=True)
    )
    monitored = int(agg.monitored[i].sum())
    incidence = float(agg.incidence[i])
    if incidence != incidence:
        exit_text = tr("cannot be made (no income or no line)")
    elif incidence < agg.exit_max:
        exit_text = tr("met: incidence {0} below {1}").format(pct(incidence), pct(agg.exit_max))
    else:
        exit_text = tr("not met: incidence {0}, not below {1}").format(
            pct(incidence), pct(agg.exit_max))
    base = int(agg.reloc_with_labour[i])
    if base:
        share = agg.reloc_employed[i] / base * 100
        reloc = tr("{0} of {1} relocated households with labour have someone employed "
                   "({2})").format(count(agg.reloc_employed[i]), count(base), pct(share))
    else:
        reloc = tr("no relocated households with labour")
    value = float(agg.line[i])
    line_text = tr("no line for {0} in the rule set").format(agg.year) if value != value else (
        tr("{0} yuan per person").format(yuan(value)))
    return [
        line(tr("Households"), escape(tr("{0} ({1} persons)").format(
            count(agg.households[i]), count(agg.persons[i])))),
        line(tr("In monitoring (status now)"),
             f"{count(monitored)} — {by_type}" if monitored else count(0)),
        line(tr("Monitoring line {0}").format(agg.year), escape(line_text)),
        line(tr("Below the line"), escape(tr("{0} of {1} with an income ({2})").format(
            count(agg.below[i]), count(agg.known[i]), pct(float(agg.share_below[i]))))),
        line(tr("Exit check (incidence < {0})").format(pct(agg.exit_max)), escape(exit_text)),
        line(tr("Relocation follow-up"), escape(reloc)),
    ]


def years_table(by_year: dict[int, Lights], code: int, lang: str) -> str:
    """One row a year; the exit check is the incidence against the line beside it
    (a QTextDocument table costs about 0.1 ms a cell to lay out: kept small)."""
    head = [tr("Year"), tr("Light"), tr("Line"), tr("Below the line"), tr("Share below"),
            tr("Incidence"), tr("Relocated employed")]
    html = ["<table class='figs'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head)
            + "</tr>"]
    for year, table in sorted(by_year.items()):
        i = table.index(code)
        if i is None:
            continue
        agg = table.aggregate
        light = int(table.light[i])
        incidence = float(agg.incidence[i])
        mark = "" if incidence != incidence else (" ✓" if incidence < agg.exit_max else " ✗")
        base = int(agg.reloc_with_labour[i])
        reloc = pct(agg.reloc_employed[i] / base * 100) if base else "–"
        cells = [str(year), f"{dot(light)} {escape(light_label(light, lang))}",
                 yuan(float(agg.line[i])), f"{count(agg.below[i])} / {count(agg.known[i])}",
                 pct(float(agg.share_below[i])), pct(incidence) + mark, reloc]
        html.append("<tr>" + "".join(
            f"<td class='num'>{c}</td>" if k >= 2 else f"<td>{c}</td>"
            for k, c in enumerate(cells)) + "</tr>")
    html.append("</table>")
    return "".join(html)


def light_html(table: Lights, i: int, lang: str) -> str:
    light = int(table.light[i])
    reasons = "".join(f"<li>{escape(r)}</li>" for r in table.reasons(i, lang))
    title = tr("Risk light: {0} ({1})").format(light_label(light, lang), table.year)
    return f"<p>{dot(light)} <b>{escape(title)}</b></p><ul>{reasons}</ul>"


def monitoring_html(lights: PlaceLights, place_id: str, lang: str) -> str:
    """The pane's monitoring section for a place ("" when no register is open or the
    place is not a village, town or district with a statistical code)."""
    session = lights.session
    found = lights.place(place_id)
    if not session.is_open or found is None:
        return ""
    code, level = found
    parts = [h3(tr("Monitoring (household register)")), synthetic_html(session)]
    table = lights.get(level)
    by_year = lights.years(level)
    if table is None:
        return "".join(parts) + muted(tr("Working out the figures…"))
    i = table.index(code)
    if i is None or table.light[i] == NONE:
        return "".join(parts) + muted(tr("The register has no households here."))
    agg = table.aggregate
    parts += [light_html(table, i, lang), "<p>", *figures_rows(agg, i, lang), "</p>"]
    parts.append("<h4>" + escape(tr("By year")) + "</h4>")
    if by_year is None:
        parts.append(muted(tr("Working out the other years…")))
    else:
        parts.append(years_table(by_year, code, lang))
    parts.append(muted(provenance_text(session, agg)))
    parts.append(muted(tr(
        "The lights' thresholds other than the exit check are local working settings, "
        "not policy; incidence here is over the register's persons, not the official "
        "rural population.")))
    return "".join(parts)


def place_index(agg: Aggregate, code: int) -> int | None:
    i = int(np.searchsorted(agg.codes, code))
    return i if i < len(agg.codes) and agg.codes[i] == code else None
