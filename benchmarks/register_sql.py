"""The rule set as SQL in DuckDB against the numpy evaluator, on one machine.

    python benchmarks/register_sql.py [--households 1000000] [--seed 2] [--repeat 5]

A synthetic register is generated, saved as one file and as a folder partitioned by
county; then, back to back with one warm-up each and interleaved repeats (medians):

- numpy: ``evaluate`` on the register in memory, and load + evaluate from the file
  and from the folder (what the desktop does on opening a register), and how much of
  the load is reading the Parquet columns (the rest is the register's checks);
- DuckDB: the query of ``rules_sql`` over the folder, from the Parquet parts to one
  row per household in Arrow, and the same query reduced to counts per verdict.

The ratios compare DuckDB with numpy from disk (both read the Parquet). Both must give
the same counts; the script stops if they do not. DuckDB is a test dependency, never
one of the app's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np

from dongchuan_gui.model.register import Register, default_rules, evaluate
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.partition import write_partitioned
from dongchuan_gui.model.register.reading import read_columns
from dongchuan_gui.model.register.sql import rules_sql


def medians(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of each function, one warm-up each, repeats interleaved."""
    for func in funcs.values():
        func()
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=1_000_000)
    # seeds 0 and 1 at 1M households make an id the ID-number check refuses (reported)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    rules = default_rules()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        start = time.perf_counter()
        reg = generate(args.households, args.seed)
        print(f"{len(reg):,} synthetic households, years {reg.years[0]}-{reg.years[-1]}, "
              f"generated in {time.perf_counter() - start:.1f} s; python {sys.version.split()[0]}, "
              f"duckdb {duckdb.__version__}, {os.cpu_count()} cores")
        year = reg.latest_year
        single, folder = base / "r.parquet", base / "by-county"
        writes = medians({
            "save": lambda: reg.save(single),
            "partition": lambda: write_partitioned(reg, folder, force=True),
        }, max(1, args.repeat // 2))
        size = sum(p.stat().st_size for p in folder.rglob("*.parquet"))
        one = single.stat().st_size
        print(f"write one file {writes['save'] * 1000:8.0f} ms ({one / 1e6:.1f} MB)"
              f"   partitioned {writes['partition'] * 1000:8.0f} ms ({size / 1e6:.1f} MB)   "
              f"ratio {writes['partition'] / writes['save']:.2f}x")

        sql = rules_sql(rules, year, f"{folder.as_posix()}/*/*.parquet", years=reg.years)
        counted = f"SELECT verdict, count(*) AS n FROM ({sql}) AS v GROUP BY verdict"
        con = duckdb.connect()
        threads = con.sql("SELECT current_setting('threads')").fetchall()[0][0]

        want = np.bincount(evaluate(reg, rules, year).verdict, minlength=7)
        got = np.zeros(7, dtype=np.int64)
        for verdict, n in con.sql(counted).fetchall():
            got[verdict] = n
        if not np.array_equal(want, got):
            print(f"DuckDB and numpy disagree: {got.tolist()} vs {want.tolist()}")
            return 1

        t = medians({
            "numpy evaluate (in memory)": lambda: evaluate(reg, rules, year),
            "numpy load file + evaluate": lambda: evaluate(Register.load(single), rules, year),
            "numpy load folder + evaluate": lambda: evaluate(Register.load(folder), rules, year),
            "  of which reading the columns": lambda: read_columns(single, str(single)),
            "duckdb sql -> arrow per household": lambda: con.sql(sql).to_arrow_table(),
            "duckdb sql -> counts": lambda: con.sql(counted).fetchall(),
        }, args.repeat)
        print(f"verdicts of {year} (same counts: {want.tolist()}), duckdb threads {threads}:")
        for name, seconds in t.items():
            print(f"  {name:<36} {seconds * 1000:9.1f} ms")
        disk = t["numpy load file + evaluate"]
        print(f"  ratio duckdb per household / numpy load file + evaluate: "
              f"{t['duckdb sql -> arrow per household'] / disk:.2f}x")
        print(f"  ratio duckdb counts / numpy load file + evaluate:        "
              f"{t['duckdb sql -> counts'] / disk:.2f}x")
        print(f"  ratio duckdb per household / numpy evaluate in memory:   "
              f"{t['duckdb sql -> arrow per household'] / t['numpy evaluate (in memory)']:.2f}x")
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
