"""``dongchuan register import``: a ledger of the national monitoring system (XLSX or
CSV) into a register file, row by row, without personal data (no Qt)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, UsageError, say, year_arg

SHOW = 20


def add_commands(sub: Any) -> None:
    """Add ``import`` to the ``register`` subcommands."""
    cmd = sub.add_parser(
        "import",
        help="read a ledger (XLSX or CSV, Chinese headers) into a register; personal "
        "columns are dropped unread",
        description=(
            "Read a ledger exported from the national monitoring system into a register "
            "file. Title rows above the header and merged village cells are handled; "
            "columns of names, ID numbers, phones and bank accounts are dropped unread, "
            "and a row with an ID number in any other column is refused. Exit 0: every "
            "row taken; 1: some rows refused (the others are still written, unless "
            "--dry-run); 2: the ledger or the options cannot be used (nothing written)."
        ),
    )
    cmd.add_argument("ledger", help="the ledger, .xlsx or .csv (UTF-8 or GB18030)")
    cmd.add_argument("-o", "--output", metavar="OUT", help="the register to write (.parquet); "
                     "not needed with --dry-run")
    cmd.add_argument("--year", type=year_arg, help="the year of the incomes; default: the "
                     "year the headers name (2024年人均纯收入)")
    cmd.add_argument("--sheet", metavar="NAME", help="the sheet; default the first visible one")
    cmd.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                     help="read FIELD from COLUMN (a letter such as C, or a header text); "
                     "FIELD= leaves the field out; may be repeated")
    cmd.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    cmd.add_argument("--show", type=int, default=SHOW, metavar="N",
                     help=f"list the first N refused rows (default {SHOW}; --json lists all)")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--force", action="store_true", help="replace OUT if it exists")
    cmd.set_defaults(register_run=run_import)


def _mapping(items: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for item in items:
        fld, sep, column = item.partition("=")
        if not sep or not fld.strip():
            raise UsageError(f"--map {item}: expected FIELD=COLUMN, such as village=C")
        out[fld.strip()] = column.strip() or None
    return out


def run_import(args: argparse.Namespace) -> int:
    from ..model.locks import FileLockedError, holder
    from ..model.register.ledger import LedgerError, import_ledger

    target = Path(args.output) if args.output else None
    if target is None and not args.dry_run:
        raise UsageError("-o OUT is needed (or --dry-run to check the ledger only)")
    if target is not None and not args.dry_run:
        if target.suffix.lower() != ".parquet":
            raise UsageError(f"{target}: the register must end in .parquet")
        if target.exists() and not args.force:
            raise UsageError(f"{target}: exists; choose another name, or --force to replace it")
        try:
            if holder(target) is not None:
                raise FileLockedError(target, holder(target))
        except FileLockedError as exc:
            raise UsageError(f"{target}: {exc}") from None
    try:
        plan = import_ledger(args.ledger, year=args.year, mapping=_mapping(args.map),
                             sheet=args.sheet)
    except LedgerError as exc:
        say(str(exc))
        return EXIT_UNREADABLE
    counts = plan.counts()
    written = None
    if not args.dry_run and counts["taken"]:
        register = plan.register()
        try:
            register.save(target)
        except OSError as exc:
            raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
        written = str(target)
    if args.json:
        doc = plan.to_dict()
        doc.update(dry_run=args.dry_run, written=written, synthetic=False)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print(plan, args, written)
    return EXIT_INVALID if counts["refused"] or not counts["taken"] else EXIT_OK


def _print(plan: Any, args: argparse.Namespace, written: str | None) -> None:
    counts = plan.counts()
    print(f"{plan.where}: header in row {plan.header_row}; {plan.year} figures "
          f"({plan.year_from})")
    line = "columns read:"
    for fld, col in plan.mapped().items():
        item = f" {fld} ← {col},"
        if len(line) + len(item) > 96:
            print(line)
            line = " "
        line += item
    print(line.rstrip(","))
    if plan.dropped:
        print("personal data, dropped unread:")
        for column in plan.dropped:
            print(f"  {column.describe()}")
    for note in plan.notes:
        print(f"note: {note}")
    print(f"rows: {counts['taken']:,} households taken, {counts['refused']:,} refused, "
          f"{counts['skipped']:,} skipped")
    shown = list(plan.refused.items())[: max(args.show, 0)]
    if shown:
        print("refused:")
        for row, why in shown:
            print(f"  row {row}: {why}")
        if len(plan.refused) > len(shown):
            print(f"  … and {len(plan.refused) - len(shown):,} more (--show N, or --json)")
    for row, why in list(plan.skipped.items())[: max(args.show, 0)]:
        print(f"skipped row {row}: {why}")
    if args.dry_run:
        print("dry run: nothing written")
    elif written:
        print(f"wrote {written}: {counts['taken']:,} households, {plan.year} (real data, "
              "not synthetic)")
    else:
        print("nothing written: no row was taken")
