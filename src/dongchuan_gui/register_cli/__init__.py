"""``dongchuan register``: generate, info, check and aggregate household registers.

Wired into ``cli.py`` with ``add_parser(sub)``. numpy and pyarrow are imported only
when a register command runs, so the other commands start as fast as before. Exit
codes as the rest of the command: 0 done, 1 findings or an invalid file, 2 error.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    UsageError,
    households_arg,
    load_register,
    money_arg,
    rules_from,
    say,
    synthetic_note,
    year_arg,
    year_of,
)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``register`` and its commands to the ``dongchuan`` subparsers."""
    reg = subparsers.add_parser(
        "register",
        help="household monitoring register (Parquet): generate, info, check, aggregate",
        description="Household registers for return-to-poverty monitoring.",
    )
    sub = reg.add_subparsers(dest="register_command", required=True, metavar="COMMAND")
    gen = sub.add_parser(
        "generate", help="write a synthetic register of invented households (real village codes)"
    )
    gen.add_argument("--households", type=households_arg, required=True, metavar="N")
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("-o", "--output", required=True, metavar="FILE")
    gen.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never one open in the app)"
    )
    info = sub.add_parser("info", help="households, villages, years, synthetic or not")
    shape = sub.add_parser("schema", help="the register's columns and code tables")
    shape.add_argument("--json", action="store_true", help="print JSON")
    check = sub.add_parser(
        "check",
        help="verdict of each household with reasons; "
        "exit 0 nothing to act on, 1 households at risk or to recheck, 2 error",
    )
    agg = sub.add_parser(
        "aggregate", help="figures per village, town or district (derived, not reported)"
    )
    for cmd in (info, check, agg):
        cmd.add_argument("file", help="a register .parquet file")
        cmd.add_argument("--json", action="store_true", help="print JSON")
    for cmd in (check, agg):
        cmd.add_argument("--year", type=year_arg, help="default: the register's latest year")
        cmd.add_argument(
            "--rules", metavar="FILE",
            help="a rule set (JSON), or a dataset file with one rule set; default built in",
        )
        cmd.add_argument("--lang", choices=("en", "zh"), default="en")
    check.add_argument(
        "--show", type=int, default=0, metavar="N", help="list N households per verdict"
    )
    agg.add_argument("--level", choices=("village", "town", "district"), default="village")
    agg.add_argument(
        "--line", type=money_arg, metavar="YUAN", help="what-if: count below this line"
    )
    agg.add_argument(
        "--without-transfer", action="store_true", help="what-if on income minus transfers"
    )
    exp = sub.add_parser(
        "export",
        help="a table to share: counts per village or town, cells under 5 suppressed "
        "(or households under a keyed hash)",
    )
    exp.add_argument("file", help="a register .parquet file")
    exp.add_argument("--year", type=year_arg, help="default: the register's latest year")
    exp.add_argument("--level", choices=("village", "town"), default="village")
    exp.add_argument(
        "--households", action="store_true",
        help="one row per household, household number replaced by HMAC-SHA256 under --key-file",
    )
    exp.add_argument("--key-file", metavar="K", help="the key for --households (never stored)")
    exp.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.csv or OUT.xlsx")
    exp.add_argument("--force", action="store_true", help="replace OUT if it exists")
    for module in _command_modules():
        module.add_commands(sub)
    reg.set_defaults(run=run)
    return reg


def _command_modules() -> list[Any]:
    """Modules that add further ``register`` commands: each has ``add_commands(sub)``,
    which sets ``register_run`` on its parsers to the function that runs the command."""
    import importlib

    names = ("linking", "importing", "partitioned", "diffing")
    out = []
    for name in names:
        try:
            out.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    return out


def run(args: argparse.Namespace) -> int:
    """Run one ``register`` command; errors are one line on stderr, never a traceback."""
    from ..model.register import RegisterError

    if getattr(args, "register_run", None) is not None:
        command = args.register_run
    else:
        command = {
            "generate": _generate,
            "info": _info,
            "schema": _schema,
            "check": _check,
            "aggregate": _aggregate,
            "export": _export,
        }[args.register_command]
    try:
        return command(args)
    except RegisterError as exc:  # 1 means findings (households at risk): a bad file is 2
        say(str(exc))
        return EXIT_UNREADABLE
    except UsageError as exc:
        say(str(exc))
        return EXIT_UNREADABLE


def _generate(args: argparse.Namespace) -> int:
    from ..model.locks import FileLockedError, holder
    from ..model.register.generate import generate

    target = Path(args.output)
    try:
        if holder(target) is not None:
            raise FileLockedError(target, holder(target))
    except FileLockedError as exc:
        say(f"{target}: {exc}")
        return EXIT_UNREADABLE
    if target.exists() and not args.force:
        say(f"{target}: exists; choose another name, or --force to replace it")
        return EXIT_UNREADABLE
    register = generate(args.households, args.seed)
    try:
        register.save(args.output)
    except OSError as exc:
        say(f"{args.output}: cannot write: {exc.strerror or exc}")
        return EXIT_UNREADABLE
    print(f"{args.output}: {len(register):,} invented households (seed {args.seed}), "
          f"{len(register.villages)} real villages, years "
          f"{register.years[0]}-{register.years[-1]}")
    return EXIT_OK










def _names() -> dict[int, tuple[str, str]]:
    from ..model.register.generate import seed_places

    try:
        return {p.code: (p.name_zh, p.name_en) for p in seed_places()}
    except (OSError, ValueError):
        return {}




def _schema(args: argparse.Namespace) -> int:
    from ..model.register import schema

    tables = {
        name: {
            "zh": t.zh, "en": t.en, "verified": t.verified, "source": t.source, "note": t.note,
            "codes": [{"code": c.value, "key": c.key, "zh": c.zh, "en": c.en} for c in t.codes],
        }
        for name, t in schema.CODE_TABLES.items()
    }
    if args.json:
        doc = {"format": schema.FORMAT_NAME, "schema_version": schema.SCHEMA_VERSION,
               "columns": schema.describe(), "code_tables": tables}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{schema.FORMAT_NAME} schema {schema.SCHEMA_VERSION}: one Parquet file, one row "
          "per household")
    for col in schema.describe():
        extra = f" [{col['unit']}]" if col["unit"] else ""
        extra += f" codes: {col['codes']}" if col["codes"] else ""
        print(f"  {col['column']:<22} {col['dtype']:<14} {col['zh']} / {col['en']}{extra}")
    for name, table in tables.items():
        mark = "verified" if table["verified"] else "working list, editable"
        print(f"{name} ({table['zh']}; {mark}):")
        print("  " + ", ".join(f"{c['code']} {c['zh']} {c['en']}" for c in table["codes"]))
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    import numpy as np

    from ..model.register.schema import MONITORING_TYPE, RISK_STATUS

    register = load_register(args.file)
    cols = register.columns
    status = np.bincount(cols["risk_status"], minlength=4)
    in_monitoring = cols["risk_status"] == RISK_STATUS.value_of("monitoring")
    by_type = np.bincount(cols["mon_type"][in_monitoring], minlength=4)
    towns, _ = register.groups("town")
    info = {
        "file": args.file,
        "synthetic": register.meta.synthetic,
        "title": register.meta.title,
        "note": register.meta.note,
        "schema_version": register.meta.schema_version,
        "households": len(register),
        "persons": int(cols["size"].sum(dtype=np.int64)),
        "villages": len(register.villages),
        "towns": len(towns),
        "years": list(register.years),
        "monitoring": {
            MONITORING_TYPE.codes[t].key: int(by_type[t]) for t in range(1, 4)
        },
        "risk_status": {RISK_STATUS.codes[s].key: int(status[s]) for s in range(4)},
        "relocated": int(np.count_nonzero(cols["reloc_kind"])),
        "no_labour": int(np.count_nonzero(cols["no_labour"])),
        "bytes_in_memory": register.nbytes(),
        "file_bytes": _file_bytes(args.file),
        "sha256": register.sha256(),
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"file: {args.file}  [{synthetic_note(register)}]")
    if info["title"]:
        print(f"title: {info['title']}")
    print(f"schema version: {info['schema_version']}")
    print(f"households: {info['households']:,}  persons: {info['persons']:,}")
    print(f"villages: {info['villages']}  towns: {info['towns']}  "
          f"years: {register.years[0]}-{register.years[-1]}")
    kinds = ", ".join(f"{k} {v:,}" for k, v in info["monitoring"].items())
    print(f"in monitoring: {sum(info['monitoring'].values()):,} ({kinds})")
    print(f"risk eliminated: {info['risk_status']['eliminated']:,}, naturally: "
          f"{info['risk_status']['natural']:,}")
    print(f"relocated: {info['relocated']:,}  no labour capacity: {info['no_labour']:,}")
    print(f"file: {info['file_bytes'] / 1e6:.1f} MB  in memory: "
          f"{info['bytes_in_memory'] / 1e6:.1f} MB  sha256: {info['sha256']}")
    return EXIT_OK


def _line_words(rules: Any, used: list[Any], year: int) -> list[str]:
    if not used:
        return [f"no {year} monitoring line in rule set {rules.id}"]
    out = []
    for entry in used:
        mark = "verified" if entry.verified else "background knowledge, editable"
        out.append(f"{year} line: {entry.value:,.0f} yuan ({entry.scope or 'national'}) [{mark}]")
    return out


def _file_bytes(path: str) -> int:
    """A register file's size, or the sum of a partitioned register's parts."""
    if os.path.isdir(path):
        from ..model.register.partition import read_manifest

        return sum(part.bytes for part in read_manifest(path).parts)
    return os.path.getsize(path)


def _check(args: argparse.Namespace) -> int:
    import numpy as np

    from ..model.register.rules import REASONS, VERDICTS, evaluate

    rules = rules_from(args)
    register = load_register(args.file)
    year = year_of(register, args)
    result = evaluate(register, rules, year)
    if len(register) and not result.lines_used:
        raise UsageError(
            f"{args.rules or 'the built-in rule set'}: no monitoring line for {year} that "
            "applies to this register's villages; no household can be judged"
        )
    counts = result.counts()
    ids = register.columns["household_id"]
    verdicts = []
    for v in VERDICTS:
        reasons = {k: n for k, n in result.reason_counts(v.code).items() if n}
        rows = np.flatnonzero(result.verdict == v.code)[: max(args.show, 0)]
        verdicts.append({
            "verdict": v.key,
            "label": v.zh if args.lang == "zh" else v.en,
            "households": counts[v.key],
            "reasons": reasons,
            "examples": [
                {"household": ids[r].decode("ascii", "replace"),
                 "reasons": result.explain(int(r), args.lang)}
                for r in rows
            ],
        })
    findings = counts["at_risk"] + counts["recheck"]
    if args.json:
        print(json.dumps({
            "file": args.file,
            "synthetic": register.meta.synthetic,
            "year": year,
            "rule_set": {"id": rules.id, "version": rules.version},
            "lines": [_builtins(e) for e in result.lines_used],
            "households": len(register),
            "verdicts": verdicts,
        }, ensure_ascii=False, indent=2))
    else:
        short = {r.key: r.short(args.lang) for r in REASONS}
        print(f"{args.file}  [{synthetic_note(register)}]")
        print(f"rules: {rules.id} v{rules.version}; " + "; ".join(
            _line_words(rules, result.lines_used, year)))
        print(f"{year}: {len(register):,} households")
        for item in verdicts:
            if not item["households"]:
                continue
            print(f"  {item['label']:<44} {item['households']:>10,}")
            for key, n in sorted(item["reasons"].items(), key=lambda kv: -kv[1]):
                if key not in ("above_line", "needs_met"):  # listed in --json
                    print(f"      {short[key]:<40} {n:>10,}")
            for example in item["examples"]:
                print(f"      - {example['household']}: " + "; ".join(example["reasons"]))
    return EXIT_INVALID if findings else EXIT_OK


def _builtins(entry: Any) -> dict[str, Any]:
    import msgspec

    return msgspec.to_builtins(entry)


def _aggregate(args: argparse.Namespace) -> int:
    from ..model.register.aggregate import aggregate, what_if
    from ..model.register.aggregate import provenance as make_provenance

    rules = rules_from(args)
    register = load_register(args.file)
    year = year_of(register, args)
    result = aggregate(register, rules, year, args.level)
    result.provenance = make_provenance(register, rules, year, hash_file=True)
    extra = None
    if args.line is not None:
        extra = what_if(
            register, args.line, year, without_transfer=args.without_transfer, level=args.level
        )
    names = _names()
    rows = result.rows()
    for i, row in enumerate(rows):
        zh, en = names.get(int(row["code"]), ("", ""))
        row["name_zh"], row["name_en"] = zh, en
        if extra is not None:
            row["what_if_below"] = int(extra.below[i])
    if args.json:
        doc = result.to_dict()
        doc["rows"] = rows
        if extra is not None:
            doc["what_if"] = {"line": extra.line, "without_transfer": extra.without_transfer}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    prov = result.provenance
    print(f"{args.file}  [{synthetic_note(register)}]")
    print(f"derived figures, not reported: register sha256 {prov.register_sha256[:12]}..., "
          f"rules {prov.rule_set} v{prov.rule_version}, year {year}, level {args.level}")
    what = ""
    if extra is not None:
        what = f"  <{extra.line:,.0f}" + ("-tr" if extra.without_transfer else "")
    header = (f"{'code':<12} {'name':<22} {'hh':>8} {'monitored u/m/s':>17} {'below%':>7} "
              f"{'incid%':>7} {'exit':>4} {'median':>9} {'reloc emp/lab':>14}{what}")
    print(header)
    for row in rows:
        name = row["name_zh"] if args.lang == "zh" or not row["name_en"] else row["name_en"]
        mon = (f"{row['monitored_unstable']}/{row['monitored_marginal']}/"
               f"{row['monitored_sudden']}")
        ok = {True: "ok", False: "no", None: "-"}[row["exit_check_ok"]]
        name = name[:11] if args.lang == "zh" else name[:22]  # CJK is two columns wide
        pad = 22 - (2 * len(name) if args.lang == "zh" else len(name))
        line = (f"{row['code']:<12} {name}{' ' * max(pad, 0)} {row['households']:>8,} {mon:>17} "
                f"{_pct(row['share_below_pct']):>7} {_pct(row['incidence_pct']):>7} {ok:>4} "
                f"{_pct(row['median_income'], 0):>9} "
                f"{row['relocated_employed']:>6,}/{row['relocated_with_labour']:<7,}")
        if extra is not None:
            line += f" {row['what_if_below']:>8,}"
        print(line)
    return EXIT_OK


def _pct(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _export(args: argparse.Namespace) -> int:
    from ..model.register.export import household_rows, read_key, suppressed_table, write_table

    target = Path(args.output)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"{target}: the output must end in .csv or .xlsx")
    if args.households and not args.key_file:
        raise UsageError("--households needs --key-file (the key is never stored)")
    if args.key_file and not args.households:
        raise UsageError("--key-file is only for --households")
    if target.exists() and not args.force:
        raise UsageError(f"{target}: exists; choose another name, or --force to replace it")
    key = b""
    if args.households:
        try:
            key = read_key(args.key_file)
        except OSError as exc:
            raise UsageError(f"{args.key_file}: cannot read: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise UsageError(f"{args.key_file}: {exc}") from None
    register = load_register(args.file)
    year = year_of(register, args)
    if args.households:
        header, body, note = household_rows(register, key, year)
        what = f"{len(body):,} households (keyed ids)"
    else:
        table = suppressed_table(register, year, args.level)
        header, body, note = table.header(), table.body(), table.note
        hidden = sum(v is None for row in table.cells for v in row)
        what = (f"{len(table.codes)} {args.level} rows, {hidden} cells suppressed "
                f"({len(table.primary)} under {table.min_cell})")
    try:
        write_table(target, header, body, note)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
    print(f"{target}: {what}, year {year}  [{synthetic_note(register)}]")
    return EXIT_OK
