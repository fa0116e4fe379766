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
from .check_cli import add_parser as add_check_parser
from .model import dhis2
from .model.dataset import Dataset
from .model.diff import diff
from .model.fileformat import backup, is_read_only, load_path, save_path, write_atomic
from .model.locks import FileLockedError, hold, holder
from .model.problems import DatasetError
from .model.sheet_import import SheetError, guess_mapping, plan_import, read_sheet
from .model.snapshots import SnapshotError, write_snapshot
from .model.tables import export_table
from .register_cli import add_parser as add_register_parser
from .resources import seed_path

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _os_error(exc: OSError) -> str:
    """An OSError in words, without the errno and the path Python adds."""
    return exc.strerror or str(exc)


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
        print(f"{name}: valid{note}, {result.warnings_found} warning(s)")
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
    print(f"warnings: {result.warnings_found}")
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
        where = exc.filename or args.output or args.file
        _say(f"{where}: cannot write the snapshot: {_os_error(exc)}")
        return EXIT_UNREADABLE
    except SnapshotError as exc:
        _say(f"{args.file}: {exc}")
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
    households = []
    if a.registers and b.registers:  # each changed register, household by household
        from .register_cli.diffing import dataset_register_diffs

        households = dataset_register_diffs(a, args.a, b, args.b)
    if args.json:
        doc = [c.to_builtins() for c in changes]
        for item in households:
            doc.append({"kind": "register", "id": item["id"], "action": "households",
                        **({"register_diff": item["json"]} if "json" in item else
                           {"note": item["note"]})})
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for change in changes:
            sign = {"added": "+", "removed": "-", "changed": "~"}[change.action]
            print(f"{sign} {change.kind} {change.id}")
            for f in change.fields:
                print(f"    {f.field}: {_format_value(f.old)} -> {_format_value(f.new)}")
        for item in households:
            print(f"register {item['id']}, household by household:")
            for line in item.get("lines", [item.get("note", "")]):
                print(f"    {line}")
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
    if is_read_only(args.output):
        _say(f"{args.output}: the file is read-only; nothing was written")
        return EXIT_UNREADABLE
    try:
        if holder(args.output) is not None:  # a dataset open in the window
            raise FileLockedError(Path(args.output), holder(args.output))
        if args.format in ("csv", "xlsx"):
            export_table(
                dataset, args.output, fmt=args.format, place=args.place, program=args.program
            )
        elif args.format.startswith("dhis2"):
            result = dhis2.export_values(dataset, place=args.place, program=args.program)
            payload = dhis2.to_json(result) if args.format == "dhis2-json" else dhis2.to_csv(result)
            write_atomic(args.output, payload)
            for oid, reason in result.skipped:
                _say(f"{args.file}: left out {oid}: {reason}")
        else:
            # the only path that needs Qt: drawing, offscreen, loaded on demand
            from .ui.headless import render_file

            render_file(args.format, dataset, args.output, args.place, args.program)
    except FileLockedError as exc:
        _say(str(exc))
        return EXIT_UNREADABLE
    except OSError as exc:
        _say(f"{args.output}: cannot write: {_os_error(exc)}")
        return EXIT_UNREADABLE
    except ValueError as exc:
        _say(f"{args.output}: cannot write: {exc}")
        return EXIT_UNREADABLE
    print(args.output)
    return EXIT_OK


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _import(args: argparse.Namespace) -> int:
    out = args.output or args.file
    if args.dry_run:
        return _import_into(args, None)
    if is_read_only(out):
        _say(f"{out}: the file is read-only; nothing was imported (use -o to write elsewhere)")
        return EXIT_UNREADABLE
    try:
        with hold(out):  # the window cannot open the file meanwhile, nor we its file
            return _import_into(args, out)
    except FileLockedError as exc:
        _say(str(exc))
        return EXIT_UNREADABLE


def _import_into(args: argparse.Namespace, out: str | None) -> int:
    """Plan the import; apply and write it to ``out`` (None: a dry run)."""
    data = _load_or_report(args.file)
    if data is None:
        return EXIT_UNREADABLE
    dataset = Dataset(data)
    source = Path(args.data)
    try:
        if dhis2.is_dhis2_file(source):
            summary = dhis2.import_values(dataset, dhis2.read_values(source))
            adds, replaces = summary.adds, summary.replaces
            print(summary.text())
            rejected = len(summary.ignored)
        else:
            sheet = read_sheet(source)
            plan = plan_import(dataset, sheet, guess_mapping(sheet.header))
            for r in plan.results:
                if r.status == "rejected":
                    _say(f"{source}: row {r.row}: {r.reason}")
            print(plan.summary())
            adds, replaces, rejected = plan.adds, plan.replaces, plan.count("rejected")
    except SheetError as exc:
        _say(str(exc))  # names the file already
        return EXIT_UNREADABLE
    except OSError as exc:
        _say(f"{source}: cannot read the file: {_os_error(exc)}")
        return EXIT_UNREADABLE
    except ValueError as exc:
        _say(f"{source}: {exc}")
        return EXIT_UNREADABLE
    status = EXIT_INVALID if rejected else EXIT_OK
    if out is None:
        return status
    if not adds and not replaces:
        print(f"{out}: nothing to change; the file was not written")
        return status
    for record in replaces:
        dataset.replace("observations", record)
    for record in adds:
        dataset.add("observations", record)
    try:
        if _same_file(out, args.file):
            backup(out)
        save_path(out, dataset.data)
    except OSError as exc:
        _say(f"{exc.filename or out}: cannot write: {_os_error(exc)}")
        return EXIT_UNREADABLE
    print(out)
    return status


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
    add_check_parser(sub)
    add_register_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "file", "") is None:
        args.file = str(seed_path())
    try:
        return args.run(args)
    except KeyboardInterrupt:
        _say("dongchuan: interrupted; files being written were left as they were")
        return 130
    except MemoryError:
        _say("dongchuan: not enough memory for this file")
        return EXIT_UNREADABLE
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: one line, not a traceback (DONGCHUAN_DEBUG=1 shows it)
        if os.environ.get("DONGCHUAN_DEBUG"):
            raise
        _say(f"dongchuan: unexpected error ({type(exc).__name__}: {exc}); please report it")
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
