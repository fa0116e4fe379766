"""Data-quality checks at scale: every validation rule, outlier test and source flag.

    python benchmarks/quality.py [--figures 100000] [--repeat 5]

The bundled dataset plus invented yearly series over its real places (about FIGURES
figures, pairs of a part and its whole with a rule between them; 0.5 % planted
jumps and parts above their whole; ``model.quality.generate``). Ours: all findings
(rules, outliers, unsourced and doubtful, marks applied). Baselines measured in the
same run on the same data: the structural check every load already does
(``check_dataset``) and decoding the file. Aim: all rules and flags over 100k figures
in at most 1 s. Last, ``dongchuan check`` on the written file, end to end.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import paired, report  # noqa: E402
from dongchuan_gui.model import dumps, loads  # noqa: E402
from dongchuan_gui.model.checks import check_dataset  # noqa: E402
from dongchuan_gui.model.dataset import Dataset  # noqa: E402
from dongchuan_gui.model.quality.findings import all_findings, counts  # noqa: E402
from dongchuan_gui.model.quality.generate import generate  # noqa: E402
from dongchuan_gui.model.quality.outliers import outlier_findings  # noqa: E402
from dongchuan_gui.model.quality.rules import rule_findings  # noqa: E402
from dongchuan_gui.resources import seed_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = generate(loads(seed_path().read_bytes()).data, args.figures)
    raw = dumps(data)
    dataset = Dataset(data)
    n = len(data.observations)
    found = all_findings(dataset)
    print(f"{n:,} figures, {len(data.validation_rules)} rules: {counts(found)}")
    ours, base = paired(
        lambda: all_findings(dataset), lambda: check_dataset(data, "x"), args.repeat
    )
    report("all findings", ours, base, "check_dataset", "<= 1000 ms")
    ours, base = paired(lambda: rule_findings(dataset), lambda: loads(raw), args.repeat)
    report("  rules only", ours, base, "decode + check (load)", "-")
    ours, _ = paired(lambda: outlier_findings(dataset), None, args.repeat)
    report("  outliers only", ours, None, "", "-")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.json"
        path.write_bytes(raw)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "dongchuan_gui.cli", "check", str(path), "--json"],
            capture_output=True,
            check=False,
        )
        took = time.perf_counter() - start
        print(
            f"  dongchuan check --json (process, load included): {took:.2f} s,"
            f" exit {done.returncode}, {len(done.stdout) / 1e6:.1f} MB of JSON"
        )


if __name__ == "__main__":
    main()
