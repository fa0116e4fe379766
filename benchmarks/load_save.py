"""Load+validate and save times, against a plain JSON parse/dump of the same bytes.

    python benchmarks/load_save.py [--scale 1000] [--repeat 7]

Two datasets: the bundled one, and one with its observations repeated SCALE times
(new ids, same references), which is what a district accumulates over years of
monthly reporting. Baselines run in the same process, interleaved with ours.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import median_seconds, row  # noqa: E402
from dongchuan_gui.model import dumps, loads  # noqa: E402
from dongchuan_gui.resources import seed_path  # noqa: E402


def scaled(seed: bytes, scale: int) -> bytes:
    data = loads(seed).data
    base = list(data.observations)
    data.observations = [
        msgspec.structs.replace(o, id=f"{o.id}-{n}", doubt=True) for n in range(scale) for o in base
    ]
    return dumps(data)


def measure(label: str, raw: bytes, repeat: int) -> None:
    size = len(raw) / 1e6
    parsed = loads(raw).data
    plain = json.loads(raw)
    n_obs = len(parsed.observations)
    print(f"\n{label}: {size:.2f} MB, {n_obs:,} observations")
    print(
        row(
            "load + validate",
            median_seconds(lambda: loads(raw), repeat),
            median_seconds(lambda: json.loads(raw), repeat),
            "json.loads",
        )
    )
    print(
        row(
            "save (canonical bytes)",
            median_seconds(lambda: dumps(parsed), repeat),
            median_seconds(
                lambda: json.dumps(plain, ensure_ascii=False, indent=2).encode(), repeat
            ),
            "json.dumps",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    seed = seed_path().read_bytes()
    print(f"python {sys.version.split()[0]}, msgspec {msgspec.__version__}")
    measure("bundled dataset", seed, args.repeat)
    measure(f"observations x{args.scale}", scaled(seed, args.scale), max(3, args.repeat // 2))


if __name__ == "__main__":
    main()
