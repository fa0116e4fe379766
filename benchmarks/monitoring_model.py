"""The monitoring window's model layer at scale (no Qt), against plain numpy baselines.

    python benchmarks/monitoring_model.py [--sizes 1000000,2000000] [--repeat 7]

For each size a synthetic register (seed 2) is generated once and kept as Parquet under
the temporary folder (``dongchuan-bench/``), so reruns load it in about a second. Each
operation runs back to back with its baseline (one warm-up each, interleaved repeats,
medians). Sorts are measured cold (the view's order cache emptied before each run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import cached_register as _cached_register  # noqa: E402
from _util import paired  # noqa: E402
from _util import report as _report  # noqa: E402
from dongchuan_gui.model.register import (
    Register,
    aggregate,
    default_rules,
    evaluate,
    what_if,
)
from dongchuan_gui.model.register.card import household_card
from dongchuan_gui.model.register.columns import id_order
from dongchuan_gui.model.register.lights import lights
from dongchuan_gui.model.register.relocation import relocation_board
from dongchuan_gui.model.register.view import TableFilter, TableView
from dongchuan_gui.model.register.whatif import WhatIfModel, monitoring_category

SEED = 2  # seed 1 at 1M makes ids the generator's own checks refuse (see the report)
TANGDAN, TONGDU = 530113102000, 530113001000
VIEWPORT = ("household_id", "town", "village_name", "size", "labour", "attribute",
            "mon_type", "risk_status", "income", "line", "verdict")



def report(label, ours, base, base_label, target):  # wider labels here
    _report(label, ours, base, base_label, target, width=34)


def cached_register(n: int) -> Register:
    return _cached_register(n, SEED)


def peak_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(x.split()[1]) for x in status if x.startswith("VmHWM")) / 1024


def run(n: int, repeat: int) -> None:
    rules = default_rules()
    start = time.perf_counter()
    reg = cached_register(n)
    year = reg.latest_year
    ev = evaluate(reg, rules, year)
    print(f"\n{n:,} households (synthetic, seed {SEED}): ready in "
          f"{time.perf_counter() - start:.1f} s; columns {reg.nbytes() / 1e6:.0f} MB")
    inc = reg.income(year)
    idx, villages = reg.village_idx, len(reg.villages)
    view = TableView(reg, ev, lang="zh")

    # ----- filter: a town, two monitoring types, below the line (a typical click)
    spec = TableFilter(towns=(TANGDAN, TONGDU), mon_types=(1, 2), below_line=True)
    heavy = TableFilter(towns=(TANGDAN,), mon_types=(1, 2, 3), risk_statuses=(1,),
                        attributes=(1, 2, 3), causes=(1, 2, 8), relocated=False,
                        income_min=1000.0, income_max=20000.0, below_line=True,
                        verdicts=(1, 2, 3))
    town_of = reg.villages // 1000 * 1000

    def plain_filter() -> np.ndarray:
        town = np.isin(town_of, [TANGDAN, TONGDU])[idx]
        mask = town & np.isin(reg.columns["mon_type"], [1, 2]) & (inc < ev.line)
        return np.flatnonzero(mask)

    ours, base = paired(lambda: view.set_filter(spec), plain_filter, repeat)
    report("filter (town, types, below)", ours, base, "np.isin masks + flatnonzero",
           "<=50 ms at 2M")
    ours, _ = paired(lambda: view.set_filter(heavy), None, repeat)
    report("filter (11 conditions)", ours, None, "", "<=50 ms at 2M")
    newly = TableFilter(what_if_line=9500.0, newly_below=True)
    ours, _ = paired(lambda: view.set_filter(newly), None, repeat)
    report("filter newly below (what-if 9,500)", ours, None, "", "<=50 ms at 2M")
    view.set_filter(TableFilter())

    # ----- sort, cold: the view's order cache is emptied before each run
    def cold(key: str, descending: bool = False) -> Callable[[], None]:
        def go() -> None:
            view._orders.clear()  # measure the sort, not the cache
            view.sort(key, descending)
        return go

    name = f"income_{year}"
    ours, base = paired(cold("income"), lambda: np.argsort(inc), repeat)
    report("sort by income (stable, NaN last)", ours, base, "np.argsort(income)",
           "<=400 ms at 2M")
    ours, base = paired(cold("income", True), lambda: reg.sort_order(name, descending=True),
                        repeat)
    report("sort by income, descending", ours, base, "Register.sort_order (unstable)",
           "<=400 ms at 2M")
    ids = reg.columns["household_id"]
    ours, base = paired(cold("household_id"), lambda: np.argsort(ids), max(3, repeat // 2))
    report("sort by household id", ours, base, "np.argsort(ids)", "<=400 ms at 2M")
    shuffled = ids[np.random.default_rng(0).permutation(n)]
    ours, base = paired(lambda: id_order(shuffled), lambda: np.argsort(shuffled), 3)
    report("sort by household id, shuffled ids", ours, base, "np.argsort(ids)",
           "<=400 ms at 2M")
    ours, base = paired(cold("town"), lambda: np.argsort(idx, kind="stable"), repeat)
    report("sort by town name (zh)", ours, base, "np.argsort(village idx)", "<=400 ms at 2M")
    ours, base = paired(cold("verdict"), lambda: np.argsort(ev.verdict, kind="stable"), repeat)
    report("sort by verdict label", ours, base, "np.argsort(verdict code)", "<=400 ms at 2M")

    # ----- sort, then filter: the permutation is masked, never sorted again
    view.sort("income", descending=True)

    def plain_sorted_filter() -> np.ndarray:
        rows = plain_filter()
        return rows[np.argsort(-inc[rows], kind="stable")]

    ours, base = paired(lambda: view.set_filter(spec), plain_sorted_filter, repeat)
    report("filter while sorted by income", ours, base, "filter, argsort the rows",
           "<=50 ms at 2M")
    view.set_filter(TableFilter())
    ours, base = paired(lambda: view.set_filter(heavy), None, repeat)
    report("filter (11 conditions) while sorted", ours, None, "", "<=50 ms at 2M")
    view.set_filter(spec)
    ours, _ = paired(view.counts, None, repeat)
    report("counts of what is shown", ours, None, "", "-")

    # ----- cell text: one viewport (40 rows x 11 columns)
    rows = range(0, 40)

    def viewport() -> None:
        for r in rows:
            for key in VIEWPORT:
                view.value(r, key)

    def plain_cells() -> None:
        for r in rows:
            row = int(view.order[r])
            for key in VIEWPORT:
                col = view.source.array(key) if key not in ("town", "village_name") else idx
                str(col[row])

    ours, base = paired(viewport, plain_cells, repeat)
    report("viewport text, 440 cells", ours, base, "str() of the raw values", "-")

    # ----- live what-if
    model = WhatIfModel(reg, rules, year)
    built, _ = paired(lambda: WhatIfModel(reg, rules, year).prepare(), None, 2)
    report("what-if keys + histograms (once)", built, None, "", "off the GUI thread")
    model.prepare()
    category = monitoring_category(reg)
    groups = idx.astype(np.int64) * 4 + category
    lines = iter(np.random.default_rng(0).uniform(5000, 12000, 40 * repeat + 40))
    ours, base = paired(
        lambda: model.step(next(lines)),
        lambda: np.bincount(groups[inc < next(lines)], minlength=villages * 4),
        repeat * 4,
    )
    report("what-if step (village x type, newly)", ours, base, "mask + bincount (v x type)",
           "<=16 ms at 1M")
    ours, base = paired(lambda: model.step(next(lines), True),
                        lambda: what_if(reg, next(lines), year), repeat * 4)
    report("what-if step without transfer", ours, base, "aggregate.what_if (village)", "-")
    ours, _ = paired(lambda: model.newly_below(ev, next(lines)), None, repeat)
    report("newly-below mask (on demand)", ours, None, "", "-")

    # ----- household card
    picks = iter(np.random.default_rng(1).integers(0, n, 10 * repeat + 10).tolist())
    ours, base = paired(lambda: household_card(reg, next(picks), ev),
                        lambda: (ev.explain(r := next(picks), "zh"), ev.explain(r, "en")),
                        repeat * 2)
    report("household card", ours, base, "Evaluation.explain zh + en", "<=16 ms with plot")

    # ----- lights and the relocation board
    def cold_lights() -> None:
        reg.drop_keys()
        lights(aggregate(reg, rules, year, "village"))

    ours, base = paired(cold_lights, lambda: (reg.drop_keys(), aggregate(reg, rules, year)),
                        repeat)
    report("lights, all villages (aggregate)", ours, base, "aggregate alone", "-")
    agg = aggregate(reg, rules, year)
    ours, _ = paired(lambda: lights(agg).most_at_risk(10), None, repeat)
    report("lights from an aggregate + ranking", ours, None, "", "-")
    town = aggregate(reg, rules, year, "town")
    ours, _ = paired(lambda: lights(town), None, repeat)
    report("lights, all towns", ours, None, "", "-")
    ours, _ = paired(lambda: relocation_board(reg, rules, year), None, repeat)
    report("relocation board", ours, None, "", "-")
    print(f"  {'process peak memory (VmHWM)':<34} {peak_mb():9.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,2000000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} cores")
    for n in (int(s) for s in args.sizes.split(",") if s):
        run(n, args.repeat)


if __name__ == "__main__":
    main()
