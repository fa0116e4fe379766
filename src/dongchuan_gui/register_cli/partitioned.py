"""``dongchuan register partition`` and ``dongchuan register rules`` (no Qt).

``partition FILE -o FOLDER`` writes a register as a folder partitioned by county, hive
style, for DuckDB, Spark or Trino; ``rules`` prints the rule set in words with its
verified and unverified values, or (``--sql --path FOLDER``) as one SQL query over
that folder giving each household's verdict.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import EXIT_OK, UsageError, load_register, rules_from, say, synthetic_note, year_arg

_SHOWN_PARTS = 12


def add_commands(sub: Any) -> None:
    part = sub.add_parser(
        "partition",
        help="write a register as a folder partitioned by county "
        "(county=530113/part-0.parquet) that DuckDB, Spark or Trino read as it is",
    )
    part.add_argument("file", help="a register .parquet file (or partitioned folder)")
    part.add_argument("-o", "--output", required=True, metavar="FOLDER")
    part.add_argument(
        "--force", action="store_true",
        help="replace FOLDER if it is an earlier partitioned register (never another folder)",
    )
    part.set_defaults(register_run=_partition)
    rules = sub.add_parser(
        "rules",
        help="the rule set in words (verified or not), or with --sql as one SQL query "
        "giving each household's verdict over a partitioned register",
    )
    rules.add_argument("--rules", metavar="FILE", help="a rule set (JSON); default built in")
    rules.add_argument("--year", type=year_arg, help="only this year (--sql: default the "
                       "register's latest)")
    rules.add_argument("--sql", action="store_true", help="print the rule set as SQL")
    rules.add_argument("--path", metavar="FOLDER", help="with --sql: the partitioned register")
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.set_defaults(register_run=_rules)


def _partition(args: argparse.Namespace) -> int:
    from ..model.register.partition import MANIFEST, write_partitioned

    source, target = Path(args.file), Path(args.output)
    if target.exists() and source.resolve() == target.resolve():
        raise UsageError(f"{target}: the output would replace the register it is read from")
    if target.exists() and not args.force:
        raise UsageError(f"{target}: exists; choose another name, or --force to replace it")
    register = load_register(args.file)
    try:
        manifest = write_partitioned(register, target, force=args.force)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
    counties = len({p.county for p in manifest.parts})
    print(f"{target}: {len(register):,} households in {len(manifest.parts)} part(s) of "
          f"{counties} count{'y' if counties == 1 else 'ies'}, {MANIFEST} written last  "
          f"[{synthetic_note(register)}]")
    for p in manifest.parts[:_SHOWN_PARTS]:
        print(f"  {p.path:<32} {p.rows:>10,} households {p.bytes / 1e6:8.1f} MB")
    if len(manifest.parts) > _SHOWN_PARTS:
        print(f"  ... {len(manifest.parts) - _SHOWN_PARTS} more (listed in {MANIFEST})")
    glob = target.as_posix() + "/*/*.parquet"
    print(f"read with: SELECT * FROM read_parquet('{glob}', hive_partitioning = true)")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    if args.path and not args.sql:
        raise UsageError("--path is for --sql (the folder the query reads)")
    rules = rules_from(args)
    if args.sql:
        return _print_sql(args, rules)
    lines = [e for e in rules.lines if args.year is None or e.year == args.year]
    if args.json:
        doc = rules.to_dict()
        doc["lines"] = [_builtins(e) for e in lines]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    for text in describe_rules(rules, lines):
        print(text)
    return EXIT_OK


def _mark(item: Any) -> str:
    return "[verified]" if item.verified else "[unverified: background knowledge, editable]"


def _from(item: Any) -> str:
    out = f" source {item.source}" if item.source else ""
    locator = getattr(item, "locator", "")
    out += f" ({locator})" if locator else ""
    return out + (f"; {item.note}" if item.note else "")


def describe_rules(rules: Any, lines: list[Any]) -> list[str]:
    """The rule set in words, each value with its mark and source."""
    title = rules.title_en + (f" / {rules.title_zh}" if rules.title_zh else "")
    out = [f"rule set {rules.id} v{rules.version}: {title}", "monitoring lines "
           "(yuan per person per year; a province's own line, else the national one):"]
    if not lines:
        out.append("  none")
    for e in sorted(lines, key=lambda e: (e.year, e.province)):
        where = f"province {e.province} ({e.scope})" if e.province else "national"
        out.append(f"  {e.year} {where:<24} {e.value:>9,.0f} {_mark(e)}{_from(e)}")
    p = rules
    pct = "{:g}%".format
    out += [
        "risk and its elimination:",
        f"  income below that year's line: at risk; stably above = above the line "
        f"{p.stable_years.value:g} year(s) in a row {_mark(p.stable_years)}"
        f"{_from(p.stable_years)}",
        f"  rigid spending above {pct(p.rigid_share_max.value * 100)} of household income: "
        f"at risk {_mark(p.rigid_share_max)}{_from(p.rigid_share_max)}",
        f"  income down more than {pct(p.income_drop_max.value * 100)} on the year before: "
        f"at risk {_mark(p.income_drop_max)}{_from(p.income_drop_max)}",
        "  两不愁三保障 and drinking water: all six met, none unrecorded, to eliminate a risk",
        "  no labour capacity: "
        + ("stays monitored after social-security measures"
           if p.no_labour_stays_monitored.value else "judged as any household")
        + f" {_mark(p.no_labour_stays_monitored)}{_from(p.no_labour_stays_monitored)}",
        f"  relocated households with labour: at least {p.relocation_min_employed.value:g} "
        f"person(s) employed {_mark(p.relocation_min_employed)}"
        f"{_from(p.relocation_min_employed)}",
        f"  village and district exit: incidence below {pct(p.exit_incidence_max.value)} "
        f"{_mark(p.exit_incidence_max)}{_from(p.exit_incidence_max)}",
        "sources:",
        *(f"  {s.id}: {s.title}" + (f" ({s.url})" if s.url else "") for s in rules.sources),
    ]
    return out


def _print_sql(args: argparse.Namespace, rules: Any) -> int:
    from ..model.register.partition import MANIFEST, is_partitioned, read_manifest
    from ..model.register.sql import rules_sql

    if not args.path:
        raise UsageError("--sql needs --path FOLDER (a register written by "
                         "'dongchuan register partition')")
    folder = Path(args.path)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder; expected a register partitioned by "
                         "county ('dongchuan register partition FILE -o FOLDER')")
    years = None
    if is_partitioned(folder):
        years = read_manifest(folder).meta.years
        year = args.year or years[-1]
        if year not in years:
            raise UsageError(f"{folder}: no {year} data in this register "
                             f"(years {years[0]}-{years[-1]})")
    elif args.year is None:
        raise UsageError(f"{folder}: no {MANIFEST} to say which years it holds; give --year")
    else:
        year = args.year
        say(f"{folder}: no {MANIFEST}; the query assumes every year the rules look at")
    glob = folder.as_posix() + "/*/*.parquet"
    try:
        text = rules_sql(rules, year, glob, years=years)
    except ValueError as exc:
        raise UsageError(f"{args.rules or 'rule set'}: {exc}") from None
    if args.json:
        print(json.dumps({
            "rule_set": {"id": rules.id, "version": rules.version},
            "year": year,
            "path": glob,
            "columns": ["household_id", "village", "verdict", "reasons"],
            "sql": text,
        }, ensure_ascii=False, indent=2))
    else:
        print(text, end="")
    return EXIT_OK


def _builtins(entry: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(entry)
