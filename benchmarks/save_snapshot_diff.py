"""Save, snapshot and diff times against plain JSON in the same run.

    python benchmarks/save_snapshot_diff.py [--scale 1000] [--repeat 5]

- save: our atomic save (temp file, fsync, rename, fsync folder) vs json.dumps + write.
- snapshot: hash + canonical bytes + atomic write vs the same plain dump + write.
- diff: record-by-record diff of two loaded versions (one value changed) vs a plain
  json.loads of both files' bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import median_seconds, row  # noqa: E402
from dongchuan_gui.model import dumps, loads, save_path  # noqa: E402
from dongchuan_gui.model.diff import diff  # noqa: E402
from dongchuan_gui.model.snapshots import write_snapshot  # noqa: E402
from dongchuan_gui.resources import seed_path  # noqa: E402
from load_save import scaled  # noqa: E402


def plain_write(path: Path, doc) -> None:
    path.write_bytes(json.dumps(doc, ensure_ascii=False, indent=2).encode())


def measure(label: str, raw: bytes, repeat: int, folder: Path) -> None:
    data = loads(raw).data
    plain = json.loads(raw)
    other = loads(raw).data
    other.observations[len(other.observations) // 2].comment = "changed"
    other_raw = dumps(other)
    target, plain_target = folder / "d.json", folder / "plain.json"
    snaps = folder / "snaps"
    print(f"\n{label}: {len(raw) / 1e6:.2f} MB, {len(data.observations):,} observations")
    write_plain = median_seconds(lambda: plain_write(plain_target, plain), repeat)
    print(
        row(
            "save (atomic, fsync)",
            median_seconds(lambda: save_path(target, data), repeat),
            write_plain,
            "json dump+write",
        )
    )
    print(
        row(
            "snapshot (hash, atomic write)",
            median_seconds(lambda: write_snapshot(data, target, folder=snaps), repeat),
            write_plain,
            "json dump+write",
        )
    )
    changes = diff(data, other)
    assert len(changes) == 1, changes
    print(
        row(
            "diff (1 change)",
            median_seconds(lambda: diff(data, other), repeat),
            median_seconds(lambda: (json.loads(raw), json.loads(other_raw)), repeat),
            "json.loads ×2  ",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seed = seed_path().read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure("bundled dataset", seed, args.repeat, folder)
        measure(f"observations x{args.scale}", scaled(seed, args.scale), args.repeat, folder)


if __name__ == "__main__":
    main()
