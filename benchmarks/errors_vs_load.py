"""Errors as fast as success: reporting the problems of an invalid dataset against
loading a valid one of the same size, in the same run.

    python benchmarks/errors_vs_load.py [--scale 6000] [--bad-every 10] [--repeat 3]

The valid dataset is the bundled one with its observations repeated SCALE times
(as in load_save.py). The invalid one is the same file with every BAD_EVERY-th
observation broken, in turn: a value that is text (a type error), an indicator that
does not exist (a reference error), a negative count (a range error). The goal is a
ratio of at most 3 (issue 8); before the fix it was about 40.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import median_seconds  # noqa: E402
from dongchuan_gui.model import DatasetError, loads  # noqa: E402
from dongchuan_gui.resources import seed_path  # noqa: E402
from load_save import scaled  # noqa: E402

GOAL = 3.0


def broken(valid: bytes, every: int) -> tuple[bytes, int]:
    """``valid`` with every ``every``-th observation broken; and how many are."""
    doc = msgspec.json.decode(valid)
    counts = {i["id"] for i in doc["indicators"] if i["unit"] in ("people", "households")}
    bad = 0
    for n, obs in enumerate(doc["observations"]):
        if n % every:
            continue
        kind = (n // every) % 3
        if kind == 0:
            obs["value"] = str(obs["value"])
        elif kind == 1:
            obs["indicator"] = "no-such-indicator"
        else:
            obs["value"] = -abs(obs["value"]) - 1
            if obs["indicator"] not in counts:
                obs["indicator"] = sorted(counts)[0]
        bad += 1
    raw = msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n"
    return raw, bad


def report(raw: bytes) -> int:
    try:
        loads(raw, "invalid.json")
    except DatasetError as exc:
        return len(exc.problems)
    raise SystemExit("the invalid dataset loaded without errors")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=6000)
    parser.add_argument("--bad-every", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    valid = scaled(seed_path().read_bytes(), args.scale)
    invalid, bad = broken(valid, args.bad_every)
    n_obs = len(loads(valid).data.observations)
    print(f"python {sys.version.split()[0]}, msgspec {msgspec.__version__}")
    print(f"valid:   {len(valid) / 1e6:8.2f} MB, {n_obs:,} observations")
    print(f"invalid: {len(invalid) / 1e6:8.2f} MB, {bad:,} broken observations")
    print(f"problems listed: {report(invalid):,} (the first 1,000 errors and a count)")
    load = median_seconds(lambda: loads(valid), args.repeat)
    errors = median_seconds(lambda: report(invalid), args.repeat)
    ratio = errors / load
    print(f"load valid file         {load * 1000:10.1f} ms")
    print(f"report invalid file     {errors * 1000:10.1f} ms")
    verdict = "ok" if ratio <= GOAL else f"over the goal of {GOAL:g}x"
    print(f"ratio                   {ratio:10.2f}x   ({verdict})")


if __name__ == "__main__":
    main()
