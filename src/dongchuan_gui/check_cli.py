"""``dongchuan check FILE``: validation rules, outlier flags, unsourced and doubtful
figures and target progress of a dataset, in English or Chinese, as text or JSON.
Exit 0 when no rule of high importance fails, 1 when one does, 2 when the file cannot
be read or is not a valid dataset (its problems are printed, as ``validate`` does).
Flags marked "checked, value correct" are listed as such and never fail."""

from __future__ import annotations

import argparse
import json
import locale
import math
import os
import sys

from .model.dataset import Dataset
from .model.fileformat import load_path
from .model.problems import DatasetError
from .model.quality.findings import all_findings, counts
from .model.quality.targets import progress

EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE = 0, 1, 2

_HEAD = {
    "en": (
        "{n} finding(s): {rule} rule failed, {rule_not_checked} rule not checked,"
        " {outlier} outlier, {unsourced} unsourced,"
        " {doubtful} doubtful; {checked} checked, {follow_up} to follow up"
    ),
    "zh": (
        "共 {n} 项：规则未通过 {rule}，规则未能核对 {rule_not_checked}，异常值 {outlier}，"
        "无来源 {unsourced}，存疑 {doubtful}；"
        "已核实 {checked}，待跟进 {follow_up}"
    ),
}
_STATE = {
    "en": {"open": "", "checked": " [checked, value correct]", "follow_up": " [follow up]"},
    "zh": {"open": "", "checked": "［已核实，数值无误］", "follow_up": "［待跟进］"},
}
_IMPORTANCE = {
    "en": {"high": "HIGH", "medium": "medium", "low": "low"},
    "zh": {"high": "高", "medium": "中", "low": "低"},
}
_TARGETS = {"en": "targets:", "zh": "目标："}
_LIGHTS = {
    "en": {
        "on_track": "on track",
        "behind": "behind",
        "ahead": "ahead",
        "no_actual": "no actual",
        "no_rule": "cannot judge",
    },
    "zh": {
        "on_track": "正常",
        "behind": "滞后",
        "ahead": "超前",
        "no_actual": "无实际值",
        "no_rule": "无法判断",
    },
}


def language(choice: str | None) -> str:
    """ "zh" or "en": --lang, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    if choice:
        return "zh" if choice.lower().startswith("zh") else "en"
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def _finite(value: float | None) -> float | None:
    """JSON has no Infinity or NaN: such a value is written as null."""
    return value if value is None or math.isfinite(value) else None


def run(args: argparse.Namespace) -> int:
    try:
        result = load_path(args.file)
    except DatasetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_UNREADABLE  # not checked: 1 means a rule failed, never a bad file
    dataset = Dataset(result.data)
    lang = language(args.lang)
    found = all_findings(dataset)
    targets = progress(dataset)
    failed_high = sum(
        # a high rule that could not be evaluated (a division by zero, an overflow)
        # fails the run too: it must not pass unseen
        f.kind == "rule"
        and f.importance == "high"
        and f.mark is None
        and f.code in ("rule_failed", "rule_not_evaluable")
        for f in found
    )
    if args.json:
        doc = {
            "file": args.file,
            "counts": counts(found),
            "failed_high": failed_high,
            "findings": [
                {
                    "key": f.key,
                    "kind": f.kind,
                    "test": f.test,
                    "importance": f.importance,
                    "record": [f.record_kind, f.record_id],
                    "indicator": f.indicator,
                    "place": f.place,
                    "program": f.program,
                    "period": f.period,
                    "value": _finite(f.value),
                    "other": _finite(f.other),
                    "state": f.state,
                    "stale_mark": f.stale_mark is not None,
                    "code": f.code,
                    "params": f.params,
                    "text": f.text(lang),
                }
                for f in found
            ],
            "targets": [
                {
                    "indicator": p.indicator,
                    "place": p.place,
                    "program": p.program,
                    "period": p.period,
                    "target": p.target.value,
                    "actual": _finite(p.actual),
                    "achieved": _finite(p.achieved),
                    "light": p.light,
                    "text": p.text(lang),
                }
                for p in targets
            ],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False))
    else:
        c = counts(found)
        print(f"{args.file}: " + _HEAD[lang].format(n=len(found), **c))
        for f in found:
            where = f"{f.record_kind}/{f.record_id}"
            state = _STATE[lang][f.state]
            print(f"  [{_IMPORTANCE[lang][f.importance]}] {where}: {f.text(lang)}{state}")
        if targets:
            print(_TARGETS[lang])
            for p in targets:
                print(
                    f"  {p.indicator} {p.place or ''} {p.program or ''} {p.period or ''}:"
                    f" {_LIGHTS[lang][p.light]}: {p.text(lang)}"
                )
    return EXIT_FAILED if failed_high else EXIT_OK


def add_parser(sub) -> None:
    check = sub.add_parser(
        "check",
        help="validation rules, outliers, unsourced and doubtful figures, targets;"
        " exit 1 when a rule of high importance fails",
    )
    check.add_argument("file", nargs="?", default=None, help="default: the bundled dataset")
    check.add_argument("--json", action="store_true")
    check.add_argument("--lang", choices=("en", "zh", "zh_CN"), help="default: the locale")
    check.set_defaults(run=run)
