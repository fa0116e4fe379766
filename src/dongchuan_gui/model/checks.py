"""Checks beyond types: identity, references, periods, ranges, and domain warnings.

Errors make a file invalid. Warnings are doubts a person should look at (a part
larger than its whole, a figure without a source); the file still loads.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from .periods import PeriodError, parse_period
from .problems import MAX_PROBLEMS, Problem, ProblemList
from .quality.expressions import rule_problem
from .records import COLLECTIONS, DatasetFile
from .units import bounds

__all__ = ["bounds", "check_dataset", "check_problems"]


class _Collector:
    """Problems of one file, at most ``limit`` of each severity kept (the rest counted)."""

    def __init__(self, file: str, limit: int = MAX_PROBLEMS) -> None:
        self.file = file
        self.found = ProblemList(file, limit)

    def error(self, path: str, message: str) -> None:
        self.found.add(Problem(self.file, path, message))

    def warn(self, path: str, message: str) -> None:
        self.found.add(Problem(self.file, path, message, "warning"))


def check_dataset(
    data: DatasetFile, file: str, *, invalid_ids: dict[str, set[str]] | None = None
) -> list[Problem]:
    """Every error and warning in ``data`` (the first MAX_PROBLEMS of each, then a
    count); ``invalid_ids`` are ids of records that failed type checks, so references
    to them are not reported a second time."""
    return check_problems(data, file, invalid_ids=invalid_ids).listed()


def check_problems(
    data: DatasetFile, file: str, *, invalid_ids: dict[str, set[str]] | None = None
) -> ProblemList:
    out = _Collector(file)
    ids = _check_ids(data, out)
    for kind, extra in (invalid_ids or {}).items():
        ids[kind] |= extra
    _check_refs(data, ids, out)
    _check_places(data, out)
    _check_periods(data, out)
    _check_values(data, out)
    _check_domain(data, out)
    _check_registers(data, ids, out)
    _check_quality(data, ids, out)
    return out.found


def _check_ids(data: DatasetFile, out: _Collector) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for kind in COLLECTIONS:
        seen: dict[str, int] = {}
        for i, rec in enumerate(getattr(data, kind)):
            if rec.id in seen:
                out.error(
                    f"$.{kind}[{i}].id",
                    f"duplicate id {rec.id!r} (first at $.{kind}[{seen[rec.id]}])",
                )
            else:
                seen[rec.id] = i
        ids[kind] = set(seen)
    return ids


def _ref(out: _Collector, path: str, value: str | None, known: set[str], what: str) -> None:
    if value is not None and value not in known:
        out.error(path, f"refers to {what} {value!r}, which does not exist")


def _refs(out: _Collector, path: str, values: Iterable[str], known: set[str], what: str) -> None:
    for j, value in enumerate(values):
        _ref(out, f"{path}[{j}]", value, known, what)


def _check_refs(data: DatasetFile, ids: dict[str, set[str]], out: _Collector) -> None:
    src, places, progs = ids["sources"], ids["places"], ids["programs"]
    inds = ids["indicators"]
    for i, p in enumerate(data.places):
        _ref(out, f"$.places[{i}].parent", p.parent, places, "place")
        _ref(out, f"$.places[{i}].source", p.source, src, "source")
        if p.location is not None:
            _ref(out, f"$.places[{i}].location.source", p.location.source, src, "source")
    for i, g in enumerate(data.programs):
        _refs(out, f"$.programs[{i}].places", g.places, places, "place")
        _ref(out, f"$.programs[{i}].source", g.source, src, "source")
    for i, d in enumerate(data.indicators):
        _ref(out, f"$.indicators[{i}].part_of", d.part_of, inds, "indicator")
    for i, o in enumerate(data.observations):
        base = f"$.observations[{i}]"
        _ref(out, f"{base}.indicator", o.indicator, inds, "indicator")
        _ref(out, f"{base}.place", o.place, places, "place")
        _ref(out, f"{base}.program", o.program, progs, "program")
        _ref(out, f"{base}.source", o.source, src, "source")
        if o.place is None and o.program is None:
            out.error(base, "an observation needs a place, a program, or both")
    for kind in ("events", "stories"):
        for i, r in enumerate(getattr(data, kind)):
            _refs(out, f"$.{kind}[{i}].places", r.places, places, "place")
            _refs(out, f"$.{kind}[{i}].programs", r.programs, progs, "program")
            _ref(out, f"$.{kind}[{i}].source", r.source, src, "source")
    for i, r in enumerate(data.reference_lines):
        _ref(out, f"$.reference_lines[{i}].source", r.source, src, "source")
        _ref(out, f"$.reference_lines[{i}].indicator", r.indicator, inds, "indicator")


def _check_places(data: DatasetFile, out: _Collector) -> None:
    by_id = {p.id: p for p in data.places}
    codes: dict[str, int] = {}
    for i, p in enumerate(data.places):
        if p.code is not None:
            if p.code in codes:
                out.error(
                    f"$.places[{i}].code",
                    f"code {p.code} is used by $.places[{codes[p.code]}] too",
                )
            codes.setdefault(p.code, i)
        if p.level == "district" and p.parent is not None:
            out.warn(f"$.places[{i}].parent", "a district normally has no parent here")
        if p.level != "district" and p.parent is None:
            out.error(f"$.places[{i}].parent", f"a {p.level} needs a parent place")
        # walk up the tree; a cycle would make the tree view loop forever
        seen = {p.id}
        node = p
        while node.parent is not None and node.parent in by_id:
            if node.parent in seen:
                out.error(f"$.places[{i}].parent", "the parent chain loops back to itself")
                break
            seen.add(node.parent)
            node = by_id[node.parent]


def _period(out: _Collector, path: str, value: str | None) -> None:
    if value is None:
        return
    try:
        parse_period(value)
    except PeriodError as exc:
        out.error(path, str(exc))


def _check_periods(data: DatasetFile, out: _Collector) -> None:
    for i, s in enumerate(data.sources):
        _period(out, f"$.sources[{i}].published", s.published)
    for i, g in enumerate(data.programs):
        _period(out, f"$.programs[{i}].start", g.start)
        _period(out, f"$.programs[{i}].end", g.end)
        try:
            if g.start and g.end and parse_period(g.end).start < parse_period(g.start).start:
                out.error(f"$.programs[{i}].end", f"ends ({g.end}) before it starts ({g.start})")
        except PeriodError:
            pass
    for i, o in enumerate(data.observations):
        _period(out, f"$.observations[{i}].period", o.period)
    for i, e in enumerate(data.events):
        _period(out, f"$.events[{i}].date", e.date)
    for i, r in enumerate(data.reference_lines):
        _period(out, f"$.reference_lines[{i}].period", r.period)


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond the range of a float
        return False


def _not_finite(value: float) -> str:
    return "number too large" if isinstance(value, int) else "expected a finite number"


def _check_values(data: DatasetFile, out: _Collector) -> None:
    ranges: dict[str, tuple[str, float | None, float | None]] = {}
    for i, d in enumerate(data.indicators):
        lo, hi = bounds(d.unit, d.minimum, d.maximum)
        if lo is not None and hi is not None and lo > hi:
            out.error(f"$.indicators[{i}]", f"minimum {lo:g} is above maximum {hi:g}")
        ranges[d.id] = (d.unit, lo, hi)
    for i, o in enumerate(data.observations):
        value = o.value
        if not _finite(value):
            out.error(f"$.observations[{i}].value", _not_finite(value))
            continue
        found = ranges.get(o.indicator)
        if found is None:
            continue
        unit, lo, hi = found
        if lo is not None and value < lo:
            out.error(
                f"$.observations[{i}].value",
                f"{value:g} {unit} is below the minimum {lo:g} of {o.indicator!r}",
            )
        elif hi is not None and value > hi:
            out.error(
                f"$.observations[{i}].value",
                f"{value:g} {unit} is above the maximum {hi:g} of {o.indicator!r}",
            )
    for i, r in enumerate(data.reference_lines):
        path = f"$.reference_lines[{i}].value"
        if not _finite(r.value):
            out.error(path, _not_finite(r.value))
            continue
        lo, hi = bounds(r.unit, None, None)
        if (lo is not None and r.value < lo) or (hi is not None and r.value > hi):
            out.error(path, f"{r.value:g} {r.unit} is outside the range of its unit")


def _check_domain(data: DatasetFile, out: _Collector) -> None:
    inds = {d.id: d for d in data.indicators}
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, o in enumerate(data.observations):
        if o.source is None:
            out.warn(f"$.observations[{i}].source", "this figure has no source")
        by_key[(o.indicator, o.place, o.program, o.period, o.status)].append(i)
    for key, rows in by_key.items():
        values = {data.observations[i].value for i in rows}
        flagged = all(data.observations[i].doubt for i in rows)
        if len(values) > 1 and not flagged:
            out.warn(
                f"$.observations[{rows[-1]}]",
                f"conflicts with $.observations[{rows[0]}] ({key[0]}, {key[3] or 'undated'});"
                " keep both only with the doubt flag set",
            )
    # a part (e.g. public-service posts) cannot exceed its whole (all jobs created);
    # each part is compared with the smallest whole, so a key repeated n times costs n
    for key, rows in by_key.items():
        ind = inds.get(key[0])
        if ind is None or ind.part_of is None:
            continue
        whole_rows = by_key.get((ind.part_of, *key[1:]), [])
        if not whole_rows:
            continue
        j = min(whole_rows, key=lambda r: data.observations[r].value)
        whole = data.observations[j]
        for i in rows:
            part = data.observations[i]
            if part.value > whole.value:
                out.warn(
                    f"$.observations[{i}].value",
                    f"{part.value:g} ({ind.id}) exceeds the whole it is part of:"
                    f" {whole.value:g} ({whole.indicator}) at $.observations[{j}]",
                )


def _check_registers(data: DatasetFile, ids: dict[str, set[str]], out: _Collector) -> None:
    """Rule sets usable; registers named by a relative path, evaluated with a rule set
    of this file. Whether the register file itself still matches is checked when it is
    opened (``register.ref.check_ref``): loading a dataset reads no register."""
    for i, rules in enumerate(data.rule_sets):
        for problem in rules.problems():
            out.error(f"$.rule_sets[{i}]", problem)
    paths: dict[str, int] = {}
    for i, reg in enumerate(data.registers):
        base = f"$.registers[{i}]"
        _ref(out, f"{base}.rule_set", reg.rule_set, ids["rule_sets"], "rule set")
        problem = reg.path_problem()
        if problem:
            out.error(f"{base}.path", problem)
        elif reg.path in paths:
            out.error(f"{base}.path", f"the same file as $.registers[{paths[reg.path]}]")
        paths.setdefault(reg.path, i)
        if reg.synthetic and not data.meta.synthetic:
            out.warn(base, "a register of invented (synthetic) households in a real dataset")


def _check_quality(data: DatasetFile, ids: dict[str, set[str]], out: _Collector) -> None:
    """Rules that can be evaluated, ledger references, sensible expected ranges."""
    for i, rule in enumerate(data.validation_rules):
        side, why = rule_problem(rule.left, rule.right, ids["indicators"])
        if why:
            out.error(f"$.validation_rules[{i}].{side}", why)
        _ref(out, f"$.validation_rules[{i}].source", rule.source, ids["sources"], "source")
    for i, p in enumerate(data.cooperation_projects):
        base = f"$.cooperation_projects[{i}]"
        _ref(out, f"{base}.place", p.place, ids["places"], "place")
        _ref(out, f"{base}.program", p.program, ids["programs"], "program")
        _ref(out, f"{base}.source", p.source, ids["sources"], "source")
    for i, d in enumerate(data.indicators):
        if d.expected_min is not None and d.expected_max is not None:
            if d.expected_min > d.expected_max:
                out.error(
                    f"$.indicators[{i}].expected_max",
                    f"{d.expected_max:g} is below expected_min {d.expected_min:g}",
                )
