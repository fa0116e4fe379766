"""Translated display names of the model's fixed vocabularies."""

from __future__ import annotations

from .language import tr


def category_name(category: str) -> str:
    return {
        "industry": tr("Industry (发展生产)"),
        "relocation": tr("Relocation (易地搬迁)"),
        "ecological_compensation": tr("Ecological compensation (生态补偿)"),
        "education": tr("Education (发展教育)"),
        "social_security": tr("Social-security safety net (社会保障兜底)"),
        "employment": tr("Employment (就业扶贫)"),
        "east_west_cooperation": tr("East–west cooperation (东西部协作)"),
        "returnee_entrepreneurship": tr("Returnee entrepreneurs (返乡创业)"),
        "tourism": tr("Tourism (旅游扶贫)"),
    }.get(category, category)


def level_name(level: str) -> str:
    return {
        "district": tr("district (区)"),
        "subdistrict": tr("subdistrict (街道)"),
        "town": tr("town (镇)"),
        "township": tr("township (乡)"),
        "community": tr("community (社区)"),
        "village": tr("village (村)"),
        "resettlement_site": tr("resettlement site (安置点)"),
    }.get(level, level)


def figure_status_name(status: str) -> str:
    return {
        "reported": tr("reported"),
        "estimate": tr("estimate"),
        "target": tr("target"),
        "baseline": tr("baseline"),
    }.get(status, status)


def project_status_name(status: str) -> str:
    return {
        "planned": tr("planned"),
        "underway": tr("underway"),
        "completed": tr("completed"),
        "suspended": tr("suspended"),
    }.get(status, status)


def reliability_name(value: str) -> str:
    return {
        "official": tr("official"),
        "primary": tr("primary"),
        "secondary": tr("secondary"),
        "mirror": tr("read on a mirror copy"),
        "unverified": tr("unverified"),
    }.get(value, value)


def source_kind_name(kind: str) -> str:
    return {
        "article": tr("article"),
        "statistics": tr("statistics"),
        "policy": tr("policy document"),
        "dataset": tr("data set"),
        "encyclopedia": tr("encyclopedia"),
        "news": tr("news report"),
        "survey": tr("survey"),
        "user": tr("entered by a user"),
    }.get(kind, kind)


def importance_name(importance: str) -> str:
    return {"high": tr("high"), "medium": tr("medium"), "low": tr("low")}.get(
        importance, importance
    )


def direction_name(direction: str) -> str:
    return {
        "increase": tr("higher is better"),
        "decrease": tr("lower is better"),
        "none": tr("neither"),
    }.get(direction, direction)


def aggregation_name(aggregation: str) -> str:
    return {
        "sum": tr("adds up (sum)"),
        "none": tr("does not add up"),
    }.get(aggregation, aggregation)


def reference_kind_name(kind: str) -> str:
    return {
        "poverty_line": tr("poverty line"),
        "monitoring_line": tr("monitoring line"),
        "exit_threshold": tr("exit threshold"),
    }.get(kind, kind)


def missing_strategy_name(strategy: str) -> str:
    return {
        "skip_if_any_missing": tr("skip when any figure is missing"),
        "skip_if_all_missing": tr("skip only when all figures are missing"),
        "never_skip": tr("never skip (missing counts as 0)"),
    }.get(strategy, strategy)


def mark_state_name(state: str) -> str:
    return {
        "checked": tr("checked, value correct"),
        "follow_up": tr("follow up"),
    }.get(state, state)


def beneficiaries_unit_name(unit: str) -> str:
    return {"people": tr("people"), "households": tr("households")}.get(unit, unit)


def datum_name(datum: str) -> str:
    return {
        "GCJ-02": "GCJ-02",
        "WGS-84": "WGS-84",
        "unknown": tr("unknown datum"),
    }.get(datum, datum)
