"""``dongchuan register diff OLD NEW``: households added, removed and changed by field,
and status changes (no Qt). Exit codes as ``dongchuan diff``: 0 the same, 1 different,
2 error (an unreadable or invalid register file included)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, EXIT_UNREADABLE, load_register, say, synthetic_note

EXIT_DIFFERENT = 1
DEFAULT_SHOW = 10


def add_commands(sub: Any) -> None:
    cmd = sub.add_parser(
        "diff",
        help="households added, removed and changed by field, and status changes; "
        "exit 0 same, 1 different, 2 error",
        description="Compare two registers household by household (matched by household "
        "number).",
    )
    cmd.add_argument("old", help="the earlier register .parquet")
    cmd.add_argument("new", help="the later register .parquet")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument(
        "--show", type=_count, default=DEFAULT_SHOW, metavar="N",
        help=f"list N households of each kind (default {DEFAULT_SHOW}; 0: counts only)",
    )
    cmd.add_argument("--lang", choices=("en", "zh"), default="en", help="labels and values")
    cmd.set_defaults(register_run=run_diff)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def run_diff(args: argparse.Namespace) -> int:
    from ..model.register import RegisterError
    from ..model.register.diff import diff_registers

    try:
        old = load_register(args.old)
        new = load_register(args.new)
    except RegisterError as exc:  # 1 means "different" here, so any bad file is 2
        say(str(exc))
        return EXIT_UNREADABLE
    result = diff_registers(old, new, examples=args.show)
    if args.json:
        doc = {"old": _side(args.old, old), "new": _side(args.new, new)}
        doc.update(result.to_dict(args.lang, args.show))
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for line in text_lines(result, args.old, args.new, old, new, lang=args.lang,
                               show=args.show):
            print(line)
    return EXIT_OK if result.is_empty else EXIT_DIFFERENT


def _side(path: str, register: Any) -> dict[str, Any]:
    return {
        "file": path,
        "households": len(register),
        "years": list(register.years),
        "synthetic": register.meta.synthetic,
    }


def text_lines(
    result: Any, old_name: str, new_name: str, old: Any = None, new: Any = None, *,
    lang: str = "en", show: int = DEFAULT_SHOW,
) -> list[str]:
    """The diff as text (also for ``dongchuan diff`` when two datasets' registers differ)."""
    from ..model.register.diff import field_label

    out = [f"{old_name} → {new_name}"]
    for which, reg in (("old", old), ("new", new)):
        if reg is not None:
            out.append(f"  {which}: {len(reg):,} households, years "
                       f"{reg.years[0]}-{reg.years[-1]}  [{synthetic_note(reg)}]")
    unchanged = result.matched - result.changed
    out.append(f"households: {len(result.added):,} added, {len(result.removed):,} removed, "
               f"{result.changed:,} changed, {unchanged:,} unchanged")
    if result.years_added:
        out.append("years added: " + ", ".join(str(y) for y in result.years_added))
    if result.years_removed:
        out.append("years removed: " + ", ".join(str(y) for y in result.years_removed))
    for change in result.meta_changes:
        out.append(f"metadata {change.field}: {json.dumps(change.old, ensure_ascii=False)} → "
                   f"{json.dumps(change.new, ensure_ascii=False)}")
    if result.field_counts:
        out.append("fields changed (households):")
        for name, n in result.field_counts.items():
            out.append(f"  {name:<22} {n:>10,}  {field_label(name, lang)}")
    if result.status_changes:
        out.append("status changes (households):")
        out.extend(f"  {s.words(lang)}: {s.households:,}" for s in result.status_changes)
    out += _listed("added", "+", result.added_ids(show), len(result.added))
    out += _listed("removed", "-", result.removed_ids(show), len(result.removed))
    if show and result.examples:
        out.append(_heading("changed", result.changed, len(result.examples[:show])))
        for household in result.examples[:show]:
            out.append(f"  ~ {household.household_id}")
            out.extend(f"      {f.words(lang)}" for f in household.fields)
    out.append(_summary(result))
    return out


def _heading(what: str, total: int, listed: int) -> str:
    return f"{what} ({total:,}" + (f"; first {listed:,}):" if listed < total else "):")


def _listed(what: str, sign: str, ids: list[str], total: int) -> list[str]:
    if not ids:
        return []
    return [_heading(what, total, len(ids)), *(f"  {sign} {i}" for i in ids)]


def _summary(result: Any) -> str:
    if result.is_empty:
        return "no differences"
    parts = []
    households = len(result.added) + len(result.removed) + result.changed
    if households:
        parts.append(f"{households:,} household(s) differ")
    if result.years_added or result.years_removed:
        parts.append("years differ")
    if result.meta_changes:
        parts.append("metadata differs")
    return "; ".join(parts)


def dataset_register_diffs(
    a: Any, a_path: str, b: Any, b_path: str, *, show: int = DEFAULT_SHOW
) -> list[dict[str, Any]]:
    """For ``dongchuan diff`` of two datasets or snapshots: each register reference
    (same id) whose file differs, compared household by household. A snapshot's register
    is its stored copy (``snapshots/registers/<sha256>.parquet``). Each item has the id,
    and either ``lines`` and ``json`` of the comparison or a ``note`` saying why there
    is none (a file not found or unreadable)."""
    from ..model.atomic import file_sha256
    from ..model.register import RegisterError
    from ..model.register.diff import diff_registers
    from ..model.snapshots import register_file

    old_links = {link.id: link for link in a.registers}
    out: list[dict[str, Any]] = []
    for link in b.registers:
        before = old_links.get(link.id)
        if before is None or before.sha256 == link.sha256:
            continue
        old_file = register_file(before, a_path, snapshot=a.snapshot is not None)
        new_file = register_file(link, b_path, snapshot=b.snapshot is not None)
        item: dict[str, Any] = {"id": link.id}
        damaged = [f for f, ref in ((old_file, before), (new_file, link))
                   if f.is_file() and file_sha256(f) != ref.sha256]
        if damaged:
            item["note"] = (f"households not compared: {damaged[0]} is not the register the "
                            "reference names (changed or damaged since; sha256 differs)")
            out.append(item)
            continue
        try:
            old, new = load_register(str(old_file)), load_register(str(new_file))
        except RegisterError as exc:
            item["note"] = f"households not compared: {exc}"
            out.append(item)
            continue
        result = diff_registers(old, new, examples=show)
        item["lines"] = text_lines(result, str(old_file), str(new_file), old, new, show=show)
        item["json"] = result.to_dict("en", show)
        out.append(item)
    return out
