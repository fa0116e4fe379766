"""The headless ``dongchuan`` command. It never imports Qt."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .model import dhis2
from .model.dataset import Dataset
from .model.diff import diff
from .model.fileformat import load_path, save_path, write_atomic
from .model.problems import DatasetError
from .model.sheet_import import SheetError, guess_mapping, plan_import, read_sheet
from .model.snapshots import write_snapshot
from .model.tables import export_table
from .resources import seed_path

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def _validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for name in args.files:
        try:
            result = load_path(name)
        except DatasetError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            worst = max(worst, EXIT_UNREADABLE if exc.unreadable else EXIT_INVALID)
            continue
        for problem in result.warnings:
            print(problem, file=sys.stderr)
        note = f" (upgraded from version {result.migrated_from})" if result.migrated_from else ""
        print(f"{name}: valid{note}, {len(result.warnings)} warning(s)")
    return worst


def _info(args: argparse.Namespace) -> int:
    try:
        result = load_path(args.file)
    except DatasetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_UNREADABLE if exc.unreadable else EXIT_INVALID
    dataset = Dataset(result.data)
    meta = result.data.meta
    print(f"file: {args.file}")
    print(f"title: {meta.title}" + (f" / {meta.title_zh}" if meta.title_zh else ""))
    print(f"schema version: {result.data.schema_version}")
    for kind, count in dataset.counts().items():
        print(f"{kind}: {count}")
    years = dataset.years_covered()
    print("years covered: " + (f"{years[0]}-{years[1]}" if years else "none"))
    undated = sum(1 for o in result.data.observations if not o.period)
    print(f"observations without a period: {undated}")
    print(f"observations without a source: {len(dataset.unsourced_observations())}")
    print(f"warnings: {len(result.warnings)}")
    return EXIT_OK


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the passwd file
        return ""


def _load_or_report(name: str):
    """The file's data, or None after printing its problems."""
    try:
        return load_path(name).data
    except DatasetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def _snapshot(args: argparse.Namespace) -> int:
    data = _load_or_report(args.file)
    if data is None:
        return EXIT_UNREADABLE
    try:
        out = args.output
        as_folder = out is not None and (out.endswith(("/", os.sep)) or os.path.isdir(out))
        path = write_snapshot(
            data,
            args.file,
            note=args.note,
            author=args.author,
            app_version=__version__,
            folder=out if as_folder else None,
            file=None if as_folder else out,
        )
    except OSError as exc:
        print(f"{args.output or args.file}: cannot write the snapshot: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(path)
    return EXIT_OK


def _format_value(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _diff(args: argparse.Namespace) -> int:
    a, b = _load_or_report(args.a), _load_or_report(args.b)
    if a is None or b is None:
        return EXIT_UNREADABLE
    changes = diff(a, b)
    if args.json:
        print(json.dumps([c.to_builtins() for c in changes], ensure_ascii=False, indent=2))
    else:
        for change in changes:
            sign = {"added": "+", "removed": "-", "changed": "~"}[change.action]
            print(f"{sign} {change.kind} {change.id}")
            for f in change.fields:
                print(f"    {f.field}: {_format_value(f.old)} -> {_format_value(f.new)}")
        print(f"{len(changes)} record(s) differ" if changes else "no differences")
    return 1 if changes else EXIT_OK


EXPORT_FORMATS = ("csv", "xlsx", "pdf", "png", "dhis2-json", "dhis2-csv")


def _export(args: argparse.Namespace) -> int:
    data = _load_or_report(args.file)
    if data is None:
        return EXIT_UNREADABLE
    dataset = Dataset(data)
    for kind, rid in (("place", args.place), ("program", args.program)):
        if rid and dataset.get(kind + "s", rid) is None:
            print(f"{args.file}: there is no {kind} {rid!r}", file=sys.stderr)
            return EXIT_INVALID
    try:
        if args.format in ("csv", "xlsx"):
            export_table(
                dataset, args.output, fmt=args.format, place=args.place, program=args.program
            )
        elif args.format.startswith("dhis2"):
            result = dhis2.export_values(dataset, place=args.place, program=args.program)
            payload = dhis2.to_json(result) if args.format == "dhis2-json" else dhis2.to_csv(result)
            write_atomic(args.output, payload)
            for oid, reason in result.skipped:
                print(f"{args.file}: left out {oid}: {reason}", file=sys.stderr)
        else:
            # the only path that needs Qt: drawing, offscreen, loaded on demand
            from .ui.headless import render_file

            render_file(args.format, dataset, args.output, args.place, args.program)
    except (OSError, ValueError) as exc:
        print(f"{args.output}: cannot write: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(args.output)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    data = _load_or_report(args.file)
    if data is None:
        return EXIT_UNREADABLE
    dataset = Dataset(data)
    source = Path(args.data)
    try:
        head = source.read_bytes()[:200].decode("utf-8-sig", errors="replace").lower()
        if source.suffix.lower() == ".json" or head.startswith("dataelement,"):
            raw = source.read_bytes()
            values = (
                dhis2.parse_json(raw) if source.suffix.lower() == ".json" else dhis2.parse_csv(raw)
            )
            summary = dhis2.import_values(dataset, values)
            adds, replaces = summary.adds, summary.replaces
            print(summary.text())
            rejected = len(summary.ignored)
        else:
            sheet = read_sheet(source)
            plan = plan_import(dataset, sheet, guess_mapping(sheet.header))
            for r in plan.results:
                if r.status == "rejected":
                    print(f"{source}: row {r.row}: {r.reason}", file=sys.stderr)
            print(plan.summary())
            adds, replaces, rejected = plan.adds, plan.replaces, plan.count("rejected")
    except (OSError, ValueError, SheetError) as exc:
        print(f"{source}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if not args.dry_run:
        for record in replaces:
            dataset.replace("observations", record)
        for record in adds:
            dataset.add("observations", record)
        out = args.output or args.file
        try:
            if out == args.file and Path(out).exists():
                write_atomic(out + ".bak", Path(out).read_bytes())
            save_path(out, dataset.data)
        except OSError as exc:
            print(f"{out}: cannot write: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        print(out)
    return EXIT_INVALID if rejected else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dongchuan", description="Dongchuan Workbench, headless commands."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check files; exit 0 valid, 1 invalid, 2 unreadable")
    validate.add_argument("files", nargs="+")
    validate.set_defaults(run=_validate)
    info = sub.add_parser("info", help="counts, years covered and unsourced figures")
    info.add_argument("file", nargs="?", default=None, help="default: the bundled dataset")
    info.set_defaults(run=_info)
    snap = sub.add_parser("snapshot", help="write a snapshot of FILE and print its path")
    snap.add_argument("file")
    snap.add_argument("-o", "--output", help="file or folder (default: snapshots/ beside FILE)")
    snap.add_argument("--note", default="")
    snap.add_argument("--author", default=_user())
    snap.set_defaults(run=_snapshot)
    compare = sub.add_parser(
        "diff", help="differences by record; exit 0 same, 1 different, 2 error"
    )
    compare.add_argument("a")
    compare.add_argument("b")
    compare.add_argument("--json", action="store_true", help="print the changes as JSON")
    compare.set_defaults(run=_diff)
    export = sub.add_parser("export", help="tables, DHIS2 values, a PDF report or a chart")
    export.add_argument("file")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", required=True)
    scope = export.add_mutually_exclusive_group()
    scope.add_argument("--program")
    scope.add_argument("--place")
    export.set_defaults(run=_export)
    imp = sub.add_parser(
        "import",
        help="figures from a sheet (CSV/XLSX) or DHIS2 values; "
        "exit 0 all taken, 1 some rejected, 2 error",
    )
    imp.add_argument("file")
    imp.add_argument("data")
    imp.add_argument("--dry-run", action="store_true", help="check and count; change nothing")
    imp.add_argument("-o", "--output", help="write here (default: FILE, keeping FILE.bak)")
    imp.set_defaults(run=_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "file", "") is None:
        args.file = str(seed_path())
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
