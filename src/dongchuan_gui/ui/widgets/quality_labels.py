"""Words for data-quality findings (kinds, importance, states, tests, counts) and the
names of what they refer to, in the interface's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...model.dataset import Dataset
from ...model.quality.findings import Finding
from ..category_names import importance_name
from ..language import tr
from ..plot_data import format_value

STATES = ("open", "changed", "follow_up", "checked")  # "changed": a stale mark, open again


def kind_text(kind: str) -> str:
    """A kind of finding, as the kind filter lists them."""
    return {
        "rule": tr("rule failed or not checked"),
        "outlier": tr("outlier"),
        "unsourced": tr("no source"),
        "doubtful": tr("doubtful"),
    }.get(kind, kind)


def finding_kind(item: Finding) -> str:
    """The kind of a finding; a rule that could not be evaluated (no ledger, a bad
    expression) is "rule_unchecked", not a failure."""
    if item.kind == "rule" and item.code != "rule_failed":
        return "rule_unchecked"
    return item.kind


def finding_kind_text(item: Finding) -> str:
    kind = finding_kind(item)
    if kind == "rule":
        return tr("rule failed")
    if kind == "rule_unchecked":
        return tr("rule not checked")
    return kind_text(kind)


importance_text = importance_name  # one vocabulary: category_names


def state_key(item: Finding) -> str:
    """ "open", "changed" (answered for another value: open again), "checked" or
    "follow_up"."""
    if item.mark is not None:
        return item.mark.state
    return "changed" if item.stale_mark is not None else "open"


def state_text(item: Finding) -> str:
    key = state_key(item)
    if key == "changed":
        if item.stale_mark is not None and item.stale_mark.state == "follow_up":
            return tr("open: value changed since marked for follow-up")
        return tr("open: value changed since checked")
    return {
        "open": tr("open"),
        "checked": tr("checked, value correct"),
        "follow_up": tr("follow up"),
    }[key]


def state_filter_text(key: str) -> str:
    return {
        "open": tr("open (all)"),
        "changed": tr("value changed since marked"),
        "checked": tr("checked, value correct"),
        "follow_up": tr("follow up"),
    }[key]


def test_text(test: str) -> str:
    return {
        "z": tr("z-score"),
        "mad": tr("median deviation (MAD)"),
        "range": tr("expected range"),
        "change": tr("change from the previous value"),
        "source": tr("source named"),
        "doubt": tr("doubt flag"),
    }.get(test, test)


@dataclass
class Names:
    """Display names of what findings refer to, in one language."""

    lang: str = "en"
    indicators: dict[str, tuple[str, str]] = field(default_factory=dict)  # name, unit
    places: dict[str, str] = field(default_factory=dict)
    programs: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, dataset: Dataset, lang: str) -> Names:
        zh = lang == "zh"

        def name(rec: Any) -> str:
            first, second = (rec.name_zh, rec.name_en) if zh else (rec.name_en, rec.name_zh)
            return first or second or rec.id

        data = dataset.data
        return cls(
            lang,
            {d.id: (name(d), d.unit) for d in data.indicators},
            {p.id: name(p) for p in data.places},
            {g.id: name(g) for g in data.programs},
            {r.id: name(r) for r in data.validation_rules},
        )

    def test(self, item: Finding) -> str:
        if item.kind == "rule":
            return self.rules.get(item.test, item.test)
        return test_text(item.test)

    def indicator(self, item: Finding) -> str:
        if item.indicator is None:
            return ""
        return self.indicators.get(item.indicator, (item.indicator, ""))[0]

    def place(self, item: Finding) -> str:
        return self.places.get(item.place, item.place) if item.place else ""

    def program(self, item: Finding) -> str:
        return self.programs.get(item.program, item.program) if item.program else ""

    def value(self, item: Finding) -> str:
        if item.kind == "rule" and "left" in item.params:
            # a rule's value is left − right; the two sides say more
            p = item.params
            return f"{p['left']} {p.get('op', '')} {p.get('right', '')}"
        if item.value is None:
            return ""
        return self.number(item.value, item.indicator)

    def number(self, value: float, indicator: str | None) -> str:
        """``value`` with the unit of ``indicator``."""
        unit = self.indicators.get(indicator, ("", ""))[1] if indicator else ""
        return format_value(value, unit)


def tally(found: Iterable[Finding]) -> dict[str, int]:
    """Findings still to deal with by kind (failed and unchecked rules apart) — those
    marked "follow up" among them, since they still need work — and how many are
    checked and how many are to follow up."""
    out = dict.fromkeys(
        ("rule", "rule_unchecked", "outlier", "unsourced", "doubtful", "checked", "follow_up"),
        0,
    )
    for item in found:
        if item.mark is not None and item.mark.state == "checked":
            out["checked"] += 1
            continue
        out[finding_kind(item)] += 1
        if item.mark is not None:
            out["follow_up"] += 1
    return out


def counts_text(c: dict[str, int]) -> str:
    """A ``tally`` in words: "3 rules failed · 2 outliers · 1 unsourced · 4 marked"."""
    parts = []
    for key, one, many in (
        ("rule", tr("1 rule failed"), tr("{0} rules failed")),
        ("rule_unchecked", tr("1 rule not checked"), tr("{0} rules not checked")),
        ("outlier", tr("1 outlier"), tr("{0} outliers")),
        ("unsourced", tr("1 unsourced"), tr("{0} unsourced")),
        ("doubtful", tr("1 doubtful"), tr("{0} doubtful")),
    ):
        if c.get(key):
            parts.append(one if c[key] == 1 else many.format(c[key]))
    if c.get("follow_up"):
        parts.append(tr("{0} to follow up").format(c["follow_up"]))
    if c.get("checked"):
        parts.append(tr("{0} checked").format(c["checked"]))
    return " · ".join(parts) if parts else tr("No data-quality findings")


def column_title(name: str) -> str:
    return {
        "importance": tr("Importance"),
        "kind": tr("Kind"),
        "test": tr("Test"),
        "indicator": tr("Indicator"),
        "place": tr("Place"),
        "program": tr("Program"),
        "period": tr("Period"),
        "value": tr("Value"),
        "state": tr("State"),
        "message": tr("Message"),
    }[name]
