"""The headless ``dongchuan`` command. It never imports Qt."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .model.dataset import Dataset
from .model.diff import diff
from .model.fileformat import load_path
from .model.problems import DatasetError
from .model.snapshots import write_snapshot
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "file", "") is None:
        args.file = str(seed_path())
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
