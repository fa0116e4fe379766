"""The household monitoring register (防止返贫动态监测): schema, columnar store, rules as
data, aggregates and a synthetic generator. Pure Python and numpy; pyarrow for files;
no Qt."""

from .aggregate import Aggregate, Provenance, WhatIf, aggregate, what_if
from .rules import (
    VERDICTS,
    Evaluation,
    MonitoringLine,
    RuleSet,
    default_rules,
    evaluate,
    load_rules,
)
from .schema import SCHEMA_VERSION
from .store import Register, RegisterError, RegisterMeta, RegisterRef, check_ref, make_ref

__all__ = [
    "SCHEMA_VERSION",
    "VERDICTS",
    "Aggregate",
    "Evaluation",
    "MonitoringLine",
    "Provenance",
    "Register",
    "RegisterError",
    "RegisterMeta",
    "RegisterRef",
    "RuleSet",
    "WhatIf",
    "aggregate",
    "check_ref",
    "default_rules",
    "evaluate",
    "load_rules",
    "make_ref",
    "what_if",
]
