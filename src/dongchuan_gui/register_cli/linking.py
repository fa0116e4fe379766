"""``dongchuan register attach`` and ``register record``: a register and its figures in a
dataset file.

``attach`` puts (or brings up to date) the dataset's reference to a register: path
relative to the dataset, sha256, households, synthetic or not, rule set. ``record``
does the same and records the register's aggregates (village, town, district) as
derived figures. Either writes the dataset once, atomically, under its lock, with a
backup of the file it replaces; ``--dry-run`` writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, UsageError, say, year_arg


def add_commands(sub: Any) -> None:
    attach = sub.add_parser(
        "attach", help="refer to a register from a dataset file (path, sha256, households)"
    )
    record = sub.add_parser(
        "record",
        help="record a register's figures per village, town and district into a dataset "
        "(derived figures, with their provenance)",
    )
    for cmd in (attach, record):
        cmd.add_argument("file", help="a register .parquet file")
        cmd.add_argument("--dataset", required=True, metavar="DATASET", help="a dataset .json")
        cmd.add_argument(
            "--rule-set", metavar="ID",
            help="the dataset's rule set to evaluate with (default: its only one, or the "
            "bundled one, which is then added)",
        )
        cmd.add_argument("--id", metavar="ID", help="the reference's id (default from the name)")
        cmd.add_argument("--dry-run", action="store_true", help="say what would change")
    record.add_argument("--year", type=year_arg, help="default: the register's latest year")
    attach.set_defaults(register_run=_attach)
    record.set_defaults(register_run=_record)


def _attach(args: argparse.Namespace) -> int:
    return _with_dataset(args, record=False)


def _record(args: argparse.Namespace) -> int:
    return _with_dataset(args, record=True)


def _with_dataset(args: argparse.Namespace, *, record: bool) -> int:
    from ..model.fileformat import is_read_only
    from ..model.locks import FileLockedError, hold

    if args.dry_run:
        return _change(args, record, write=False)
    if is_read_only(args.dataset):
        raise UsageError(f"{args.dataset}: the file is read-only; nothing was changed")
    try:
        with hold(args.dataset):
            return _change(args, record, write=True)
    except FileLockedError as exc:
        raise UsageError(str(exc)) from None


def _load_dataset(path: str) -> Any:
    from ..model.dataset import Dataset
    from ..model.fileformat import load_path
    from ..model.problems import DatasetError

    try:
        return Dataset(load_path(path).data)
    except DatasetError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _rule_set(dataset: Any, wanted: str | None) -> tuple[Any, bool]:
    """The rule set to use, and whether it must be added to the dataset."""
    from ..model.register.rules import default_rules

    have = dataset.data.rule_sets
    if wanted:
        found = dataset.get("rule_sets", wanted)
        if found is not None:
            return found, False
        bundled = default_rules()
        if bundled.id == wanted:
            return bundled, True
        ids = ", ".join(r.id for r in have) or "none"
        raise UsageError(f"the dataset has no rule set {wanted!r} (it has: {ids})")
    if len(have) == 1:
        return have[0], False
    if len(have) > 1:
        ids = ", ".join(r.id for r in have)
        raise UsageError(f"the dataset has several rule sets ({ids}): choose one with --rule-set")
    return default_rules(), True


def _change(args: argparse.Namespace, record: bool, *, write: bool) -> int:
    from ..model.fileformat import backup, save_path
    from ..model.register import Register, aggregate, make_ref
    from ..model.register.derived import RecordingRefusedError, plan_recording

    dataset = _load_dataset(args.dataset)
    register = Register.load(args.file)
    rules, add_rules = _rule_set(dataset, args.rule_set)
    link = make_ref(args.file, args.dataset, rules.id, register, id=args.id)
    same_file = [r.id for r in dataset.data.registers if r.path == link.path and r.id != link.id]
    if same_file:
        if args.id:
            raise UsageError(
                f"{args.dataset}: refers to {link.path} already, as {same_file[0]}; one "
                f"reference per register (use --id {same_file[0]} to bring it up to date)"
            )
        import msgspec

        link = msgspec.structs.replace(link, id=same_file[0])
    changes: list[str] = []
    if add_rules:
        changes.append(f"add rule set {rules.id} v{rules.version}")
    old = dataset.get("registers", link.id)
    if old is None:
        changes.append(f"add register {link.id} ({link.path}, {link.rows:,} households)")
    elif old != link:
        changes.append(f"update register {link.id} ({link.path}, {link.rows:,} households)")
    plan = None
    if record:
        year = args.year or register.latest_year
        if year not in register.years:
            raise UsageError(f"{args.file}: no {year} data in this register")
        aggs = [aggregate(register, rules, year, lv) for lv in ("village", "town", "district")]
        try:
            plan = plan_recording(dataset, link, rules, aggs)
        except RecordingRefusedError as exc:
            say(f"{args.dataset}: {exc}")
            return EXIT_INVALID
        print(f"year {year}: {plan.summary()}")
        if plan.no_place:
            shown = ", ".join(plan.no_place[:5]) + (" …" if len(plan.no_place) > 5 else "")
            print(f"codes without a place in the dataset (not recorded): {shown}")
    for line in changes:
        print(line)
    if not write:
        print("dry run: nothing was written")
        return EXIT_OK
    if not changes and (plan is None or not (plan.adds or plan.replaces)):
        print(f"{args.dataset}: nothing to change; the file was not written")
        return EXIT_OK
    if add_rules:
        dataset.add("rule_sets", rules)
    if old is None:
        dataset.add("registers", link)
    elif old != link:
        dataset.replace("registers", link)
    if plan is not None:
        plan.apply(dataset)
    try:
        backup(args.dataset)
        save_path(args.dataset, dataset.data)
    except OSError as exc:
        say(f"{exc.filename or args.dataset}: cannot write: {exc.strerror or exc}")
        return EXIT_UNREADABLE
    print(Path(args.dataset))
    return EXIT_OK
