"""Series colours: the same indicator gets the same colour in every tab."""

from __future__ import annotations

import zlib

# Okabe-Ito and Tableau hues: distinguishable, also for colour-blind readers
PALETTE = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C564B",
    "#7F7F7F",
    "#BCBD22",
    "#17BECF",
]


def color_for(key: str, taken: set[str] | None = None) -> str:
    """A stable colour for ``key``; skips colours already ``taken`` in one plot."""
    start = zlib.crc32(key.encode("utf-8")) % len(PALETTE)
    for step in range(len(PALETTE)):
        color = PALETTE[(start + step) % len(PALETTE)]
        if not taken or color not in taken:
            return color
    return PALETTE[start]
