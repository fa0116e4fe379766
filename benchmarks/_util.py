"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(func: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``repeat`` calls (after one warm-up call)."""
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(label: str, ours: float, baseline: float, base_label: str) -> str:
    return (
        f"{label:<34} {ours * 1000:10.2f} ms   {base_label} {baseline * 1000:9.2f} ms"
        f"   ratio {ours / baseline:5.2f}x"
    )
