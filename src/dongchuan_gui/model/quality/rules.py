"""Validation rules between figures: evaluated at every place, program and period
where their figures are, with DHIS2's missing-value strategies. A failed rule never
blocks saving; it is listed (findings) and counted by ``dongchuan check``.

Evaluation is vectorised over a :class:`~.table.FigureTable`: each side becomes an
array over the rule's keys (place, program, period). Where one key holds two figures
of an indicator, the rule must hold for each (those few keys are worked out one by
one)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from ..dataset import Dataset
from ..records import ValidationRule
from . import expressions as ex
from .findings import Finding
from .messages import number
from .table import NONE, FigureTable

Key = tuple[str | None, str | None, str | None]  # place, program, period
MAX_COMBINATIONS = 4096  # more pairings of repeated figures: "cannot evaluate here"
_SLACK = 1e-9

_COMPARE = {
    "<=": lambda a, b, t: a <= b + t,
    "<": lambda a, b, t: a < b + t,
    ">=": lambda a, b, t: a >= b - t,
    ">": lambda a, b, t: a > b - t,
    "==": lambda a, b, t: np.abs(a - b) <= t,
    "!=": lambda a, b, t: np.abs(a - b) > t,
}


@dataclass(frozen=True, slots=True)
class Outcome:
    rule: ValidationRule
    key: Key
    left: float | None
    right: float | None
    holds: bool | None  # None: skipped
    reason: str = ""  # why skipped: "missing", "no_projects", "bad:<why>"


@dataclass
class _Result:
    """One rule over its keys (arrays of equal length)."""

    keys: np.ndarray
    left: np.ndarray
    right: np.ndarray
    holds: np.ndarray  # bool
    skipped: np.ndarray  # bool
    reason: str = ""  # for every key: "no_projects" or "bad:..."
    # keys where the rule cannot be evaluated, and why (a code of messages.WHY)
    invalid: dict[int, str] = field(default_factory=dict)


class _Figures:
    """Per-indicator keys and values, and children sums, from a FigureTable."""

    def __init__(self, t: FigureTable, data) -> None:
        self.t = t
        self.projects = data.cooperation_projects
        order = np.argsort(t.indicator, kind="stable")
        bounds = np.searchsorted(t.indicator[order], np.arange(len(t.indicator_ids) + 1))
        self._rows = {
            name: order[bounds[code] : bounds[code + 1]] for name, code in t.indicator_ids.items()
        }
        self._cache: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._multi: dict[str, dict[int, list[float]]] = {}
        self.place_names = t.names(t.place_ids)
        self.program_names = t.names(t.program_ids)
        self.period_names = t.names(t.period_ids)

    def ref(self, ref: ex.Ref) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sorted unique keys, the (first) value at each, and keys with two or more
        figures (for ``children``: parent keys where a child has two or more)."""
        cached = self._cache.get((ref.indicator, ref.children))
        if cached is not None:
            return cached
        t = self.t
        rows = self._rows.get(ref.indicator, np.empty(0, dtype=np.int64))
        place = t.place[rows]
        keys = t.key(place, t.program[rows], t.period[rows])
        uniq, first, count = np.unique(keys, return_index=True, return_counts=True)
        values = t.value[rows][first]
        dups = uniq[count > 1]
        if ref.children:
            child_place = place[first]
            parent = t.parent[child_place]
            ok = parent >= 0
            pkeys = t.key(parent[ok], t.program[rows][first][ok], t.period[rows][first][ok])
            twice = pkeys[(count > 1)[ok]]
            uniq, inverse = np.unique(pkeys, return_inverse=True)
            values = np.bincount(inverse, weights=values[ok], minlength=len(uniq))
            dups = np.unique(twice)
        result = (uniq, values, dups)
        self._cache[(ref.indicator, ref.children)] = result
        return result

    def all_values(self, ref: ex.Ref, key: int) -> list[float]:
        """Every figure of the indicator at ``key`` (built once per indicator, for the
        keys that hold more than one)."""
        multi = self._multi.get(ref.indicator)
        if multi is None:
            t = self.t
            rows = self._rows.get(ref.indicator, np.empty(0, dtype=np.int64))
            keys = t.key(t.place[rows], t.program[rows], t.period[rows])
            dups = set(self.ref(ex.Ref(ref.indicator))[2].tolist())
            multi = {}
            for k, v in zip(keys.tolist(), t.value[rows].tolist(), strict=True):
                if k in dups:
                    multi.setdefault(k, []).append(v)
            self._multi[ref.indicator] = multi
        return multi.get(key, [])

    def key_names(self, key: int) -> Key:
        place, program, period = (int(x) for x in self.t.split_key(np.int64(key)))
        return (
            self.place_names[place] if place != NONE else None,
            self.program_names[program] if program != NONE else None,
            self.period_names[period] if period != NONE else None,
        )

    def projects_at(self, field: str, keys: np.ndarray) -> np.ndarray:
        out = np.zeros(len(keys))
        for i, key in enumerate(keys):
            out[i] = self.project_value(field, self.key_names(int(key)))
        return out

    def under(self, place: str | None, top: str | None) -> bool:
        if top is None:
            return True
        ids = self.t.place_ids
        code = ids.get(place, -1)
        target = ids.get(top, -2)
        for _ in range(64):
            if code < 0:
                return False
            if code == target:
                return True
            code = int(self.t.parent[code])
        return False

    def project_value(self, field: str, key: Key) -> float:
        place, program, period = key
        year = None
        if period:
            code = self.t.period_ids.get(period, NONE)
            year = int(self.t.period_year[code]) if self.t.period_year[code] >= 0 else None
        total = 0.0
        for p in self.projects:
            if year is not None and p.year != year:
                continue
            if program is not None and p.program is not None and p.program != program:
                continue
            if p.place is not None and not self.under(p.place, place):
                continue
            if field == "count":
                total += 1
            elif field == "funds":
                if p.funds is None:
                    return np.nan  # the sum would look complete while it is not
                total += p.funds
            elif p.beneficiaries_unit == field:  # "people" or "households"
                if p.beneficiaries is None:
                    return np.nan
                total += p.beneficiaries
        return total


def _evaluate(node: ex.Node, leaves: dict, n: int) -> np.ndarray:
    if isinstance(node, ex.Num):
        return np.full(n, node.value)
    if isinstance(node, (ex.Ref, ex.Projects)):
        return leaves[node]
    if isinstance(node, ex.Neg):
        return -_evaluate(node.operand, leaves, n)
    a = _evaluate(node.left, leaves, n)
    b = _evaluate(node.right, leaves, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        return np.where(b == 0, np.nan, a / np.where(b == 0, 1, b))


def _compare(rule: ValidationRule, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    slack = np.full(len(a), rule.tolerance)
    if rule.operator not in ("<", ">"):  # float noise forgiven, never in a strict test
        slack = slack + _SLACK * np.maximum(np.maximum(np.abs(a), np.abs(b)), 1.0)
    return _COMPARE[rule.operator](a, b, slack)


def _run(rule: ValidationRule, figures: _Figures) -> _Result:
    empty = np.empty(0, dtype=np.int64)
    none = _Result(empty, np.empty(0), np.empty(0), np.empty(0, bool), np.empty(0, bool))
    try:
        left, right = ex.parse(rule.left), ex.parse(rule.right)
    except ex.ExpressionError as exc:
        none.reason = f"bad:{exc}"
        return none
    refs = list(dict.fromkeys(ex.refs(left) + ex.refs(right)))
    t = figures.t
    per_ref = {ref: figures.ref(ref) for ref in refs}
    if refs:
        keys = np.unique(np.concatenate([per_ref[r][0] for r in refs]))
    else:
        keys = np.array([t.key(np.int64(NONE), np.int64(NONE), np.int64(NONE))])
    if rule.level is not None:
        wanted = [c for c, level in t.place_level.items() if level == rule.level]
        keys = keys[np.isin(t.split_key(keys)[0], wanted)]
    n = len(keys)
    if ex.uses_projects(left) or ex.uses_projects(right):
        if not figures.projects:
            return _Result(
                keys,
                np.full(n, np.nan),
                np.full(n, np.nan),
                np.zeros(n, bool),
                np.ones(n, bool),
                "no_projects",
            )
    leaves: dict = {}
    missing = np.zeros((len(refs), n), dtype=bool)
    dup = np.zeros(n, dtype=bool)
    for j, ref in enumerate(refs):
        uniq, values, dups = per_ref[ref]
        at = np.clip(np.searchsorted(uniq, keys), 0, max(len(uniq) - 1, 0))
        found = (uniq[at] == keys) if len(uniq) else np.zeros(n, bool)
        leaves[ref] = np.where(found, values[at] if len(uniq) else 0.0, np.nan)
        missing[j] = ~found
        if len(dups):
            dup |= np.isin(keys, dups)
    for name in ex.PROJECT_FIELDS:
        leaf = ex.Projects(name)
        if leaf in _leaves(left) | _leaves(right):
            leaves[leaf] = figures.projects_at(name, keys)
    if rule.missing == "skip_if_any_missing":
        skipped = missing.any(axis=0) if refs else np.zeros(n, bool)
    elif rule.missing == "skip_if_all_missing":
        skipped = missing.all(axis=0) if refs else np.zeros(n, bool)
    else:
        skipped = np.zeros(n, bool)
    for ref in refs:
        leaves[ref] = np.nan_to_num(leaves[ref], nan=0.0)
    invalid: dict[int, str] = {}
    for leaf, values in leaves.items():
        if isinstance(leaf, ex.Projects):
            for i in np.flatnonzero(np.isnan(values) & ~skipped):
                invalid[int(i)] = "project_missing"
    for ref in refs:
        if ref.children:
            for i in np.flatnonzero(np.isin(keys, per_ref[ref][2]) & ~skipped):
                invalid.setdefault(int(i), "child_twice")
        leaves[ref] = np.nan_to_num(leaves[ref], nan=0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        a = _evaluate(left, leaves, n)
        b = _evaluate(right, leaves, n)
    for i in np.flatnonzero(~(np.isfinite(a) & np.isfinite(b)) & ~skipped):
        invalid.setdefault(int(i), "not_finite")  # a division by zero, an overflow
    bad = np.zeros(n, bool)
    bad[list(invalid)] = True
    with np.errstate(over="ignore", invalid="ignore"):
        holds = _compare(rule, a, b) & ~skipped & ~bad
    # keys where an indicator has two figures: every pairing must hold
    plain = [ref for ref in refs if not ref.children]
    for i in np.flatnonzero(dup & ~skipped & ~bad):
        # an indicator with one figure here keeps it (or 0 where missing is allowed)
        choices = [figures.all_values(ref, int(keys[i])) or [leaves[ref][i]] for ref in plain]
        if np.prod([len(c) for c in choices], dtype=float) > MAX_COMBINATIONS:
            invalid[int(i)] = "too_many"
            holds[i] = False
            continue
        for combo in itertools.product(*choices):
            one = {leaf: values[i : i + 1] for leaf, values in leaves.items()}
            one.update({ref: np.array([v]) for ref, v in zip(plain, combo, strict=True)})
            with np.errstate(over="ignore", invalid="ignore"):
                ai, bi = _evaluate(left, one, 1), _evaluate(right, one, 1)
                ok = bool(np.isfinite(ai[0]) and np.isfinite(bi[0]) and _compare(rule, ai, bi)[0])
            if not ok:
                a[i], b[i], holds[i] = ai[0], bi[0], False
                if not (np.isfinite(ai[0]) and np.isfinite(bi[0])):
                    invalid[int(i)] = "not_finite"
                break
    return _Result(keys, a, b, holds, skipped, invalid=invalid)


def _leaves(node: ex.Node) -> set:
    if isinstance(node, (ex.Ref, ex.Projects)):
        return {node}
    if isinstance(node, ex.Neg):
        return _leaves(node.operand)
    if isinstance(node, ex.BinOp):
        return _leaves(node.left) | _leaves(node.right)
    return set()


def _results(dataset: Dataset, table: FigureTable | None):
    figures = _Figures(table or FigureTable(dataset.data), dataset.data)
    for rule in dataset.data.validation_rules:
        yield rule, _run(rule, figures), figures


def evaluate_rules(dataset: Dataset, table: FigureTable | None = None) -> list[Outcome]:
    """Every rule at every key, held, failed or skipped (with the reason)."""
    out = []
    for rule, r, figures in _results(dataset, table):
        if r.reason.startswith("bad:"):
            out.append(Outcome(rule, (None, None, None), None, None, None, r.reason))
            continue
        for i, key in enumerate(r.keys):
            if i in r.invalid:
                out.append(
                    Outcome(rule, figures.key_names(int(key)), None, None, None, r.invalid[i])
                )
                continue
            skipped = bool(r.skipped[i])
            out.append(
                Outcome(
                    rule,
                    figures.key_names(int(key)),
                    None if skipped else float(r.left[i]),
                    None if skipped else float(r.right[i]),
                    None if skipped else bool(r.holds[i]),
                    (r.reason or "missing") if skipped else "",
                )
            )
    out.sort(key=lambda o: (o.rule.id, tuple(x or "" for x in o.key)))
    return out


def _where(dataset: Dataset, key: Key, zh: bool) -> str:
    place, program, period = key
    parts = []
    if place:
        rec = dataset.place(place)
        name = (rec.name_zh if zh else (rec.name_en or rec.pinyin or rec.name_zh)) if rec else ""
        parts.append(name or place)
    if program:
        prog = dataset.program(program)
        parts.append((prog.name_zh if zh else prog.name_en) if prog else program)
    parts.append(period or "—")
    return ("，" if zh else ", ").join(parts)


def rule_findings(dataset: Dataset, table: FigureTable | None = None) -> list[Finding]:
    """Failed rules, rules that cannot be evaluated, and ledger rules with no projects."""
    out = []
    for rule, r, figures in _results(dataset, table):
        names = {"name": rule.name_en, "name_zh": rule.name_zh or rule.name_en}
        base = dict(kind="rule", test=rule.id, record_kind="validation_rules", record_id=rule.id)
        if r.reason.startswith("bad:"):
            out.append(
                Finding(
                    key=f"rule:{rule.id}",
                    importance=rule.importance,
                    code="rule_bad",
                    params={**names, "error": r.reason[4:]},
                    **base,
                )
            )
            continue
        if r.reason == "no_projects":
            if len(r.keys):
                out.append(
                    Finding(
                        key=f"rule:{rule.id}:no-projects",
                        importance="low",
                        code="rule_no_projects",
                        params=names,
                        **base,
                    )
                )
            continue
        for i, why in sorted(r.invalid.items()):
            place, program, period = key = figures.key_names(int(r.keys[i]))
            out.append(
                Finding(
                    key=f"rule:{rule.id}:{place or ''}:{program or ''}:{period or ''}",
                    importance=rule.importance,
                    code="rule_not_evaluable",
                    params={
                        **names,
                        "why": why,
                        "where": _where(dataset, key, zh=False),
                        "where_zh": _where(dataset, key, zh=True),
                    },
                    place=place,
                    program=program,
                    period=period,
                    **base,
                )
            )
        invalid = np.zeros(len(r.keys), bool)
        invalid[list(r.invalid)] = True
        for i in np.flatnonzero(~r.holds & ~r.skipped & ~invalid):
            place, program, period = key = figures.key_names(int(r.keys[i]))
            left, right = float(r.left[i]), float(r.right[i])
            out.append(
                Finding(
                    key=f"rule:{rule.id}:{place or ''}:{program or ''}:{period or ''}",
                    importance=rule.importance,
                    code="rule_failed",
                    params={
                        **names,
                        "left": number(left),
                        "op": rule.operator,
                        "right": number(right),
                        "where": _where(dataset, key, zh=False),
                        "where_zh": _where(dataset, key, zh=True),
                        "message": rule.message_en,
                        "message_zh": rule.message_zh or rule.message_en,
                    },
                    value=left,
                    other=right,
                    place=place,
                    program=program,
                    period=period,
                    **base,
                )
            )
    return out
