"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


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


def paired(
    ours: Callable[[], object], base: Callable[[], object] | None, repeat: int
) -> tuple[float, float | None]:
    """Medians of ``ours`` and ``base`` run back to back, after one warm-up each."""
    ours()
    if base is not None:
        base()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        ours()
        a.append(time.perf_counter() - start)
        if base is not None:
            start = time.perf_counter()
            base()
            b.append(time.perf_counter() - start)
    return statistics.median(a), (statistics.median(b) if b else None)


def report(
    label: str, ours: float, base: float | None, base_label: str, target: str, width: int = 30
) -> None:
    """One line: our time, the baseline's and the ratio, and the aim."""
    text = f"  {label:<{width}} {ours * 1000:9.2f} ms"
    if base is not None:
        text += f"   {base_label:<{width - 2}} {base * 1000:9.2f} ms   ratio {ours / base:5.2f}x"
    else:
        text += " " * (width + 28)
    print(f"{text}   target {target}")


def cached_register(n: int, seed: int, stem: str = "monitoring") -> Any:
    """A generated register of ``n`` households, kept under the temporary folder so a
    rerun starts at once (a file that no longer loads is generated again)."""
    import tempfile
    from pathlib import Path

    from dongchuan_gui.model.register import Register, RegisterError
    from dongchuan_gui.model.register.generate import generate

    folder = Path(tempfile.gettempdir()) / "dongchuan-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"{stem}-{n}-seed{seed}.parquet"
    if path.exists():
        try:
            return Register.load(path)
        except RegisterError:
            path.unlink()
    start = time.perf_counter()
    reg = generate(n, seed=seed)
    reg.save(path)
    print(f"  (generated in {time.perf_counter() - start:.1f} s, kept at {path})")
    return reg
