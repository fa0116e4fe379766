"""One list of everything a reviewer should look at: failed validation rules, outlier
flags, figures without a source and doubtful figures, each with the answer someone
gave it (a :class:`~..records.QualityMark`). No Qt."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..dataset import Dataset
from ..records import Importance, QualityMark
from . import messages

FindingKind = Literal["rule", "outlier", "unsourced", "doubtful"]
KINDS: tuple[FindingKind, ...] = ("rule", "outlier", "unsourced", "doubtful")
IMPORTANCE_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One flag. ``key`` is stable across runs (marks refer to it); ``code`` and
    ``params`` give the message in either language (:meth:`text`)."""

    key: str
    kind: FindingKind
    test: str  # rule id, or "z", "mad", "range", "change", "source", "doubt"
    importance: Importance
    record_kind: str  # the collection to open: "observations", "validation_rules", ...
    record_id: str
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    indicator: str | None = None
    place: str | None = None
    program: str | None = None
    period: str | None = None
    value: float | None = None  # the figure's value; for a rule, its left side
    other: float | None = None  # for a rule, its right side
    mark: QualityMark | None = None  # the answer that still holds
    stale_mark: QualityMark | None = None  # an answer given for another value

    def text(self, lang: str = "en") -> str:
        return messages.render(self.code, self.params, lang)

    @property
    def state(self) -> str:
        """ "open", "checked" or "follow_up"."""
        return self.mark.state if self.mark is not None else "open"


def apply_marks(found: Iterable[Finding], marks: Iterable[QualityMark]) -> list[Finding]:
    """``found`` with each flag's latest mark: a mark holds while the flag's value is
    the one it had when marked — a figure's value, or for a rule the gap between its
    two sides (either side changing reopens it)."""
    latest: dict[str, tuple[float, QualityMark]] = {}
    for mark in marks:
        when = mark_time(mark.at)
        old = latest.get(mark.flag)
        if old is None or when >= old[0]:
            latest[mark.flag] = (when, mark)
    out = []
    for item in found:
        mark = latest[item.key][1] if item.key in latest else None
        if mark is None:
            out.append(item)
        elif _holds(mark.value, item.value) and _holds(mark.other_value, item.other):
            out.append(_replace(item, mark=mark))
        else:
            out.append(_replace(item, stale_mark=mark))
    return out


def mark_time(text: str) -> float:
    """Seconds since the epoch of an ISO 8601 time (a time without a zone is taken as
    UTC); -inf for a text that is not a time, so any real mark is later."""
    try:
        when = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return float("-inf")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.timestamp()


def _holds(marked: float | None, now: float | None) -> bool:
    return marked is None or now is None or _same(marked, now)


def _same(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def _replace(item: Finding, **changes: Any) -> Finding:
    return dataclasses.replace(item, **changes)


def figure_names(dataset: Dataset, obs) -> tuple[str, str]:
    """A figure as a reader names it: indicator, place or program, period (en, zh)."""
    ind = dataset.indicator(obs.indicator)
    place = dataset.place(obs.place) if obs.place else None
    prog = dataset.program(obs.program) if obs.program else None
    en = [ind.name_en if ind else obs.indicator]
    zh = [ind.name_zh if ind else obs.indicator]
    if place is not None:
        en.append(place.name_en or place.pinyin or place.name_zh)
        zh.append(place.name_zh)
    if prog is not None:
        en.append(prog.name_en)
        zh.append(prog.name_zh)
    en.append(obs.period or "undated")
    zh.append(obs.period or "无年份")
    return ", ".join(en), "，".join(zh)


def source_findings(dataset: Dataset) -> list[Finding]:
    """Figures without a source, and figures marked doubtful."""
    out = []
    for obs in dataset.data.observations:
        if obs.status == "target" or (obs.source and not obs.doubt):
            continue
        what, what_zh = figure_names(dataset, obs)
        common = dict(
            record_kind="observations",
            record_id=obs.id,
            indicator=obs.indicator,
            place=obs.place,
            program=obs.program,
            period=obs.period,
            value=float(obs.value),
        )
        if not obs.source:
            out.append(
                Finding(
                    key=f"source:{obs.id}",
                    kind="unsourced",
                    test="source",
                    importance="high",
                    code="unsourced",
                    params={"id": obs.id, "what": what, "what_zh": what_zh},
                    **common,
                )
            )
        if obs.doubt:
            out.append(
                Finding(
                    key=f"doubt:{obs.id}",
                    kind="doubtful",
                    test="doubt",
                    importance="medium",
                    code="doubtful",
                    params={
                        "id": obs.id,
                        "what": what,
                        "what_zh": what_zh,
                        "comment": obs.comment,
                    },
                    **common,
                )
            )
    return out


def all_findings(dataset: Dataset) -> list[Finding]:
    """Every flag of the dataset with its marks, most important first."""
    from .outliers import outlier_findings
    from .rules import rule_findings
    from .table import FigureTable

    table = FigureTable(dataset.data)
    found = [
        *rule_findings(dataset, table),
        *outlier_findings(dataset, table),
        *source_findings(dataset),
    ]
    found = apply_marks(found, dataset.data.quality_marks)
    found.sort(key=lambda f: (IMPORTANCE_ORDER[f.importance], KINDS.index(f.kind), f.key))
    return found


def counts(found: Iterable[Finding]) -> dict[str, int]:
    """Open flags by kind (a rule that could not be checked — no projects entered, or
    a rule that cannot be evaluated — is counted apart from failed rules), and how
    many are marked."""
    out = dict.fromkeys((*KINDS, "rule_not_checked", "checked", "follow_up"), 0)
    for item in found:
        if item.mark is not None and item.mark.state == "checked":
            out["checked"] += 1
            continue
        if item.mark is not None:  # to follow up: still to deal with, and counted so
            out["follow_up"] += 1
        if item.kind == "rule" and item.code != "rule_failed":
            out["rule_not_checked"] += 1
        else:
            out[item.kind] += 1
    return out
