"""What the register commands share: exit codes, argument types, loading (no Qt)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
MAX_HOUSEHOLDS = 50_000_000


class UsageError(Exception):
    """A usage error to report in one line (exit 2)."""


def say(text: str) -> None:
    print(text, file=sys.stderr)


def households_arg(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= MAX_HOUSEHOLDS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_HOUSEHOLDS:,}, got {value:,}")
    return value


def year_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a year, got {text!r}") from None
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"expected a year, got {value}")
    return value


def money_arg(text: str) -> float:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected yuan, got {text!r}") from None
    if not 0 <= value < 1e9:
        raise argparse.ArgumentTypeError(f"expected yuan from 0, got {text}")
    return value


def load_register(path: str) -> Any:
    from ..model.register import Register

    return Register.load(path)


def rules_from(args: argparse.Namespace) -> Any:
    """The rule set named by ``--rules``: a rule set's JSON file, or a dataset file whose
    one rule set is taken; else the built-in one."""
    from ..model.register.rules import default_rules, load_rules

    if not getattr(args, "rules", None):
        return default_rules()
    if os.path.exists(args.rules) and not os.path.isfile(args.rules):
        raise UsageError(f"{args.rules}: not a regular file; expected a rule set (.json)")
    try:
        with open(args.rules, "rb") as handle:
            head = handle.read(4096)
        if b'"dongchuan-workbench"' in head:
            return _dataset_rules(args.rules)
        return load_rules(args.rules)
    except OSError as exc:
        raise UsageError(f"{args.rules}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"{args.rules}: {exc}") from None


def _dataset_rules(path: str) -> Any:
    from ..model.fileformat import load_path
    from ..model.problems import DatasetError

    try:
        data = load_path(path).data
    except DatasetError as exc:
        raise UsageError(str(exc)) from None
    if len(data.rule_sets) != 1:
        ids = ", ".join(r.id for r in data.rule_sets) or "none"
        raise UsageError(f"{path}: expected a dataset with one rule set (it has: {ids})")
    return data.rule_sets[0]


def year_of(register: Any, args: argparse.Namespace) -> int:
    """``--year`` if given, else the register's latest; UsageError if it has no such year."""
    year = args.year or register.latest_year
    if year not in register.years:
        span = f"{register.years[0]}-{register.years[-1]}"
        raise UsageError(f"{args.file}: no {year} data in this register (years {span})")
    return year


def synthetic_note(register: Any) -> str:
    return "SYNTHETIC: invented households (合成数据)" if register.meta.synthetic else "real data"
