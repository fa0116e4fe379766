"""The headless ``dongchuan`` command. It never imports Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .model.dataset import Dataset
from .model.fileformat import load_path
from .model.problems import DatasetError
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "file", "") is None:
        args.file = str(seed_path())
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
