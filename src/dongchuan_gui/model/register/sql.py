"""The rule set as one SQL query over a register partitioned by county (no Qt).

``rules_sql(rules, year, "FOLDER/*/*.parquet")`` returns a query that gives, per
household, the same verdict code and reason bits as :func:`rules.evaluate`, with the
rule set's values written into it as literals under a comment header that names the
rule set, its version and sources. It is DuckDB's dialect, ANSI wherever possible so
that Trino or Spark SQL can run it with the FROM changed (``table=``): no
engine-specific functions besides ``read_parquet``, unquoted column names, CTEs,
CASE, COALESCE. Nothing here imports an SQL engine; the tests run the query in
DuckDB against the numpy evaluator, household by household.

Three things keep the two in step:

- Missing incomes. In memory they are NaN; the partitioned layout stores them as
  NULL (``partition._missing_as_null``), and every condition is kept TRUE or FALSE
  with COALESCE, as numpy's are. NaN from other writers is turned into NULL first
  with ``x = NaN OR x <> x``: DuckDB and Spark order NaN above every number (``NaN
  >= 8700`` is true), Trino follows IEEE (every comparison false), and the test is
  true for NaN in both. DuckDB 2.0.1 may fold it away when Parquet min/max statistics
  (which leave NaN out) say the column has no NaN (duckdb#7803, #25521); the query's
  header says how to switch that off for files holding NaN.
- Amounts. Literals carry an exponent (``8700.0E0``): a DOUBLE in DuckDB, Trino and
  Spark, where ``0.7`` would be a DECIMAL rounded differently. Factors the evaluator
  works out in Python (``1 - income_drop_max``) are worked out here the same way.
- The line of a household: the rule set's line for the village's province (first two
  digits of the village code) in that year, else the national line, else none, as
  ``RuleSet.line`` chooses it; the province test is a range of village codes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from .rules import (
    AT_RISK,
    CAN_ELIMINATE,
    ELIMINATED,
    MONITORED,
    NO_DATA,
    NO_RISK,
    REASONS,
    RECHECK,
    VERDICTS,
    MonitoringLine,
    RuleSet,
)
from .schema import NEEDS, RISK_STATUS

_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$")
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_PROVINCE_UNIT = 10**10  # village code // this = the 2-digit province code


def rules_sql(
    rules: RuleSet,
    year: int,
    path_glob: str | None = None,
    *,
    years: Iterable[int] | None = None,
    table: str | None = None,
) -> str:
    """One query giving ``household_id, village, verdict, reasons`` per household for
    ``year``, as :func:`rules.evaluate` does.

    ``path_glob``: the partitioned layout (``FOLDER/*/*.parquet``), read with DuckDB's
    ``read_parquet(..., hive_partitioning = true)``; or ``table``: a table name
    (``catalog.schema.households`` in Trino or Spark). ``years``: the years the
    register covers (the manifest says); without it the query assumes every earlier
    year the rules look at is there (an engine then names a missing column).
    ValueError for a year the register lacks or a value no engine can compare."""
    if (path_glob is None) == (table is None):
        raise ValueError("give either path_glob or table")
    have: Callable[[int], bool]
    if years is None:
        span = ""
        have = lambda _y: True  # noqa: E731
    else:
        covered = tuple(sorted({int(y) for y in years}))
        if year not in covered:
            raise ValueError(f"the register has no {year} data (years {_span(covered)})")
        span = f" (register years {_span(covered)})"
        have = covered.__contains__
    if table is not None:
        if not _TABLE.match(table):
            raise ValueError(f"table {table!r}: expected a name like catalog.schema.table")
        source = table
    else:
        assert path_glob is not None
        if "\x00" in path_glob:
            raise ValueError("the path holds a NUL character")
        source = "read_parquet('" + path_glob.replace("'", "''") + "', hive_partitioning = true)"
    stable_years = int(rules.stable_years.value)
    earlier = [year - back for back in range(1, stable_years)]
    header = _header(rules, year, span, [year, *earlier], table is not None)
    return "\n".join([*header, *_query(rules, year, earlier, have, source)]) + "\n"


def _span(years: tuple[int, ...]) -> str:
    return f"{years[0]}-{years[-1]}" if years else "none"


def num(value: float) -> str:
    """A DOUBLE literal that reads back as exactly ``value`` (ValueError for NaN)."""
    value = float(value)
    if math.isnan(value):
        raise ValueError("a rule value is NaN: no engine compares with it as numpy does")
    if math.isinf(value):
        return "CAST('Infinity' AS DOUBLE)" if value > 0 else "CAST('-Infinity' AS DOUBLE)"
    text = repr(value).upper()
    return text if "E" in text else text + "E0"


def _no_nan(column: str) -> str:
    """``column`` with NaN made NULL, in engines that order NaN and in IEEE ones."""
    return (f"CASE WHEN {column} = CAST('NaN' AS DOUBLE) OR {column} <> {column} "
            f"THEN NULL ELSE {column} END")


def _provinces(rules: RuleSet, year: int) -> list[tuple[int, float]]:
    """(province, line) for each province with a line of its own in ``year``; only
    2-digit codes 10-99 can match a 12-digit village code, as in ``line_per_village``."""
    out: list[tuple[int, float]] = []
    for entry in rules.lines:
        code = entry.province
        if entry.year != year or not (len(code) == 2 and code.isascii() and code.isdigit()):
            continue
        if int(code) >= 10 and int(code) not in {p for p, _ in out}:
            chosen = rules.line(year, code)
            assert chosen is not None
            out.append((int(code), chosen.value))
    return out


def _national(rules: RuleSet, year: int) -> MonitoringLine | None:
    """The line ``RuleSet.line`` gives a province without a line of its own."""
    absent = "#" + "|".join(e.province for e in rules.lines)  # longer than any code
    return rules.line(year, absent)


def line_expr(rules: RuleSet, year: int) -> str:
    """That year's line of a household as a CASE over the village code."""
    national = _national(rules, year)
    fallback = "CAST(NULL AS DOUBLE)" if national is None else num(national.value)
    cases = [
        f"WHEN village >= {p * _PROVINCE_UNIT} AND village < {(p + 1) * _PROVINCE_UNIT} "
        f"THEN {num(value)}"
        for p, value in _provinces(rules, year)
    ]
    if not cases:
        return fallback
    return "CASE " + " ".join(cases) + f" ELSE {fallback} END"


def _comment(text: str) -> str:
    return _BREAKS.sub(" ", str(text)).strip()


def _mark(verified: bool) -> str:
    return "[V]" if verified else "[BK]"


def _header(
    rules: RuleSet, year: int, span: str, line_years: list[int], named: bool
) -> list[str]:
    c = _comment
    out = [
        "-- Dongchuan Workbench: return-to-poverty monitoring verdicts, one row per household",
        f"-- rule set {c(rules.id)} version {rules.version}: {c(rules.title_en)}"
        + (f" / {c(rules.title_zh)}" if rules.title_zh else ""),
        f"-- year judged: {year}{span}",
        "-- sources:",
        *(f"--   {c(s.id)}: {c(s.title)}" + (f" ({c(s.url)})" if s.url else "")
          for s in rules.sources),
        "-- values written into the query ([V] verified against a public source,",
        "-- [BK] background knowledge, editable in the rule set):",
    ]
    for y in sorted(set(line_years), reverse=True):
        for p, value in _provinces(rules, y):
            entry = rules.line(y, f"{p:02d}")
            assert entry is not None
            out.append(f"--   line {y} province {p:02d} ({c(entry.scope)}): {value:,.2f} yuan "
                       f"{_mark(entry.verified)} {c(entry.source)}".rstrip())
        national = _national(rules, y)
        if national is None:
            out.append(f"--   line {y} elsewhere: none (verdict no_data)")
        else:
            out.append(f"--   line {y} elsewhere (national): {national.value:,.2f} yuan "
                       f"{_mark(national.verified)} {c(national.source)}".rstrip())
    for name in ("stable_years", "rigid_share_max", "income_drop_max",
                 "relocation_min_employed", "no_labour_stays_monitored"):
        param = getattr(rules, name)
        out.append(f"--   {name} = {param.value:g} {_mark(param.verified)} {c(param.source)}"
                   .rstrip())
    out += [
        "-- output: household_id, village, verdict, reasons",
        "--   verdict: " + ", ".join(f"{v.code} {v.key}" for v in VERDICTS),
        "--   reasons: bit k set = " + ", ".join(f"{r.code} {r.key}" for r in REASONS),
        "-- written by dongchuan_gui.model.register.sql; agrees with rules.evaluate (tested",
        "-- in DuckDB household by household). DuckDB dialect; for Trino or Spark put the",
        "-- table in place of read_parquet(...)." if not named else "-- reads a table.",
        "-- missing amounts are NULL in the partitioned layout. NaN counts as missing too",
        "-- (x = NaN OR x <> x: true for NaN in engines that order NaN, DuckDB and Spark,",
        "-- and in IEEE ones, Trino), but DuckDB may fold that test away on Parquet min/max",
        "-- statistics, which leave NaN out (duckdb#7803): on files holding NaN run",
        "-- SET disabled_optimizers = 'statistics_propagation' first.",
    ]
    return out


def _query(
    rules: RuleSet, year: int, earlier: list[int], have: Callable[[int], bool], source: str
) -> list[str]:
    def col(base: str, y: int) -> str:
        return f"{base}_{y}"

    values = [
        "household_id", "village", "size", "labour", "no_labour", "reloc_kind", "risk_status",
        f"{_no_nan(col('income', year))} AS inc",
        f"{line_expr(rules, year)} AS line",
        f"{_no_nan(col('rigid', year))} AS rigid",
        f"{col('employed', year)} AS employed",
        *(f"{col(key, year)} AS need_{key}" for key, _, _ in NEEDS),
    ]
    present = [y for y in earlier if have(y)]
    for y in present:
        values.append(f"{_no_nan(col('income', y))} AS inc_{y}")
        values.append(f"{line_expr(rules, y)} AS line_{y}")
    drop_year = year - 1 if have(year - 1) else None
    if drop_year is not None:
        values.append(f"{_no_nan(col('income', drop_year))} AS inc_prev")

    prev_below = " OR ".join(f"COALESCE(inc_{y} < line_{y}, FALSE)" for y in present)
    if len(present) < len(earlier):
        prev_unknown = "TRUE"  # a year the rules look at is not in the register
    else:
        prev_unknown = " OR ".join(f"inc_{y} IS NULL OR line_{y} IS NULL" for y in present)
    factor = 1 - rules.income_drop_max.value  # as the evaluator works it out
    drop = (f"COALESCE(inc_prev > 0 AND inc < inc_prev * {num(factor)}, FALSE)"
            if drop_year is not None else "FALSE")
    household = "CASE WHEN inc * size < 0 THEN 0.0E0 ELSE inc * size END"
    rigid = (f"COALESCE(rigid > 0 AND rigid > {num(rules.rigid_share_max.value)} * "
             f"({household}), FALSE)")
    stays = "TRUE" if bool(rules.no_labour_stays_monitored.value) else "FALSE"
    need = num(rules.relocation_min_employed.value)
    status = {key: RISK_STATUS.value_of(key) for key in ("none", "monitoring", "eliminated",
                                                          "natural")}
    conditions = [
        "household_id", "village",
        "inc IS NULL AS missing",
        "line IS NULL AND inc IS NOT NULL AS no_line",
        "COALESCE(inc < line, FALSE) AS below",
        "COALESCE(inc >= line, FALSE) AS above",
        f"({prev_below or 'FALSE'}) AS prev_below",
        f"({prev_unknown or 'FALSE'}) AS prev_unknown",
        f"{drop} AS dropped",
        f"{rigid} AS rigid_risk",
        *(f"COALESCE(need_{key} = 0, FALSE) AS unmet_{key}" for key, _, _ in NEEDS),
        "(" + " OR ".join(f"COALESCE(need_{key} = -1, FALSE)" for key, _, _ in NEEDS)
        + ") AS needs_unknown",
        f"COALESCE(no_labour, FALSE) AND {stays} AS no_lab",
        "COALESCE(reloc_kind > 0 AND labour > 0 AND NOT no_labour, FALSE) AS relocated",
        "employed",
        f"COALESCE(risk_status = {status['monitoring']}, FALSE) AS monitoring",
        f"COALESCE(risk_status = {status['eliminated']}, FALSE) AS marked",
        f"COALESCE(risk_status IN ({status['eliminated']}, {status['natural']}), FALSE) "
        "AS gone",
        f"COALESCE(risk_status = {status['none']}, FALSE) AS untracked",
    ]
    unmet = " OR ".join(f"unmet_{key}" for key, _, _ in NEEDS)
    derived = [
        "c.*",
        f"({unmet}) AS unmet",
        f"NOT ({unmet}) AND NOT needs_unknown AS needs_ok",
        "above AND NOT prev_below AND NOT prev_unknown AS stable",
        f"below OR {unmet} OR rigid_risk OR dropped AS risk",
        "missing OR no_line AS no_data",
    ]
    reason_when = {
        "no_income": "missing",
        "no_line": "no_line",
        "below_line": "below",
        "above_line": "above",
        "unstable": "above AND prev_below",
        "no_prev_income": "above AND prev_unknown AND NOT prev_below",
        "income_drop": "dropped",
        "rigid": "rigid_risk",
        **{f"unmet_{key}": f"unmet_{key}" for key, _, _ in NEEDS},
        "needs_unknown": "needs_unknown",
        "needs_met": "needs_ok",
        "no_labour": "monitoring AND no_lab AND NOT no_data",
        "eliminated_no_labour": "marked AND no_lab AND NOT risk AND NOT no_data",
        "new_risk": "gone AND risk AND NOT no_data",
        "not_monitored": "untracked AND risk AND NOT no_data",
        "reloc_unemployed": f"relocated AND COALESCE(employed >= 0 AND employed < {need}, "
                            "FALSE)",
        "reloc_unknown": "relocated AND COALESCE(employed < 0, FALSE)",
    }
    unknown = [r.key for r in REASONS if r.key not in reason_when]
    if unknown:  # a reason added to rules.py must be added here too
        raise ValueError(f"no SQL for reason(s) {', '.join(unknown)}")
    verdict = [
        (NO_DATA, "no_data"),
        (MONITORED, "monitoring AND no_lab"),
        (CAN_ELIMINATE, "monitoring AND stable AND needs_ok AND NOT rigid_risk AND NOT dropped"),
        (MONITORED, "monitoring"),
        (AT_RISK, "gone AND risk"),
        (RECHECK, "marked AND no_lab"),
        (ELIMINATED, "gone"),
        (AT_RISK, "risk"),
    ]
    out = ["WITH h AS (", "  SELECT", _items(values), f"  FROM {source}", "),"]
    out += ["c AS (", "  SELECT", _items(conditions), "  FROM h", "),"]
    out += ["d AS (", "  SELECT", _items(derived), "  FROM c", ")"]
    out += ["SELECT", "    household_id,", "    village,", "    CASE"]
    out += [f"      WHEN {cond} THEN {code}" for code, cond in verdict]
    out += [f"      ELSE {NO_RISK}", "    END AS verdict,"]
    terms = [f"CASE WHEN {reason_when[r.key]} THEN {1 << r.code} ELSE 0 END" for r in REASONS]
    out += ["    " + "\n      + ".join(terms) + " AS reasons", "FROM d"]
    return out


def _items(items: list[str]) -> str:
    return ",\n".join(f"    {item}" for item in items)
