"""Register aggregates recorded into the dataset as derived figures (no Qt).

``plan_recording`` turns aggregates (per village, town, district; one year) into the
records to add or replace: one source for the register, the indicators the figures
are of, and one observation per place and indicator. Each figure says in ``derived``
from which register (file hash, households) and rule set it was counted, and its
source is the register, marked unverified when the households are invented. Applying
the plan is one step: the window wraps it in one undo command, the CLI saves it once.

Nothing is recorded for a group whose code is not a place of the dataset, nor a value
the register cannot give (a median of no incomes); the plan counts both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dataset import Dataset
from ..records import Indicator, Observation, RegisterLink, RuleSet, Source
from .aggregate import Aggregate

# (indicator id, row key of Aggregate.rows(), name zh, name en, unit, definition)
FIGURES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("register-households", "households", "监测台账户数", "households in the register",
     "households", "Households of the monitoring register in the place."),
    ("register-monitored-unstable", "monitored_unstable", "脱贫不稳定户（风险未消除）",
     "unstable households in monitoring", "households",
     "Monitored households of type 'unstable', risk not eliminated."),
    ("register-monitored-marginal", "monitored_marginal", "边缘易致贫户（风险未消除）",
     "marginal households in monitoring", "households",
     "Monitored households of type 'marginal', risk not eliminated."),
    ("register-monitored-sudden", "monitored_sudden", "突发严重困难户（风险未消除）",
     "sudden-hardship households in monitoring", "households",
     "Monitored households of type 'sudden severe hardship', risk not eliminated."),
    ("register-share-below-line", "share_below_pct", "收入低于监测线的户占比",
     "households below the monitoring line", "%",
     "Share of the households with that year's income whose net income per person is "
     "below the rule set's monitoring line."),
    ("register-median-income", "median_income", "人均纯收入中位数",
     "median net income per person", "yuan per person per year",
     "Median of the households' net income per person (households with an income)."),
    ("register-relocated-with-labour", "relocated_with_labour", "有劳动力的搬迁户",
     "relocated households with labour", "households",
     "Relocated households with at least one labourer and labour capacity."),
    ("register-relocated-employed", "relocated_employed", "有劳动力且有人就业的搬迁户",
     "relocated households with labour and someone employed", "households",
     "Relocated households with labour where at least the rule set's minimum of "
     "members is employed that year."),
)


class RecordingRefusedError(ValueError):
    """The figures may not be recorded into this dataset (the message says why)."""


@dataclass
class RecordingPlan:
    """What recording would change: records to add and to replace, in apply order."""

    adds: list[tuple[str, Any]] = field(default_factory=list)  # (kind, record)
    replaces: list[tuple[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    no_place: list[str] = field(default_factory=list)  # codes without a place
    no_value: int = 0  # figures the register cannot give (no income known)

    @property
    def figures(self) -> int:
        return sum(kind == "observations" for kind, _ in self.adds + self.replaces)

    def apply(self, dataset: Dataset) -> None:
        """Apply to ``dataset`` directly (the CLI; the window uses one undo command)."""
        for kind, record in self.replaces:
            dataset.replace(kind, record)
        for kind, record in self.adds:
            dataset.add(kind, record)

    def summary(self) -> str:
        return (
            f"{len(self.adds)} records to add ({self.figures} figures added or replaced), "
            f"{len(self.replaces)} to replace, {self.unchanged} unchanged; "
            f"{len(self.no_place)} codes without a place in the dataset, "
            f"{self.no_value} values the register cannot give"
        )


def source_id(link: RegisterLink) -> str:
    return f"source-{link.id}"[:80]


def register_source(link: RegisterLink, rules: RuleSet) -> Source:
    what = "invented (synthetic) households" if link.synthetic else "households"
    return Source(
        id=source_id(link),
        kind="dataset",
        title=f"Household monitoring register {link.title or link.path}",
        reliability="unverified" if link.synthetic else "primary",
        note=(
            f"{link.rows:,} {what}; file {link.path}, sha256 {link.sha256}; evaluated "
            f"with rule set {rules.id} v{rules.version}"
        ),
    )


def _derived_text(link: RegisterLink, rules: RuleSet, agg: Aggregate, key: str) -> str:
    text = (
        f"Counted from register {link.id} (sha256 {link.sha256[:12]}…, {link.rows:,} "
        f"households{', SYNTHETIC' if link.synthetic else ''}), year {agg.year}, "
        f"{agg.level} level"
    )
    if key in ("share_below_pct",):
        text += f", with rule set {rules.id} v{rules.version}"
    if key.startswith("relocated_employed"):
        text += f", minimum employed {rules.relocation_min_employed.value:g} (rule set {rules.id})"
    return text


def _observation_id(indicator: str, place: str, year: int) -> str:
    rid = f"{indicator}.{place}.{year}"
    if len(rid) <= 80:
        return rid
    import hashlib

    digest = hashlib.sha256(rid.encode()).hexdigest()[:16]
    return f"{indicator[:50]}.{digest}.{year}"


def plan_recording(
    dataset: Dataset, link: RegisterLink, rules: RuleSet, aggregates: list[Aggregate]
) -> RecordingPlan:
    """The records that put ``aggregates`` of the register ``link`` into ``dataset``.
    RecordingRefusedError when invented households would enter a dataset of real figures."""
    if link.synthetic and not dataset.data.meta.synthetic:
        raise RecordingRefusedError(
            f"register {link.id} holds invented (synthetic) households and this dataset "
            "is not marked synthetic: its figures are not recorded here"
        )
    plan = RecordingPlan()
    places = {p.code: p.id for p in dataset.data.places if p.code is not None}
    source = register_source(link, rules)
    _add_or_replace(dataset, plan, "sources", source)
    for ind_id, _key, zh, en, unit, definition in FIGURES:
        if dataset.get("indicators", ind_id) is None:
            plan.adds.append(("indicators", Indicator(
                id=ind_id, name_zh=zh, name_en=en, unit=unit,
                definition=definition + " Derived from a household register.",
                minimum=0, maximum=100 if unit == "%" else None,
            )))
    missing: set[str] = set()
    for agg in aggregates:
        for row in agg.rows():
            place = places.get(row["code"])
            if place is None:
                missing.add(row["code"])
                continue
            for ind_id, key, *_ in FIGURES:
                value = row[key]
                if value is None:
                    plan.no_value += 1
                    continue
                obs = Observation(
                    id=_observation_id(ind_id, place, agg.year),
                    indicator=ind_id,
                    place=place,
                    period=str(agg.year),
                    value=value,
                    source=source.id,
                    locator=f"{agg.level} {row['code']}, {agg.year}",
                    derived=_derived_text(link, rules, agg, key),
                )
                _add_or_replace(dataset, plan, "observations", obs)
    plan.no_place = sorted(missing)
    return plan


def _add_or_replace(dataset: Dataset, plan: RecordingPlan, kind: str, record: Any) -> None:
    old = dataset.get(kind, record.id)
    if old is None:
        plan.adds.append((kind, record))
    elif old == record:
        plan.unchanged += 1
    else:
        plan.replaces.append((kind, record))
