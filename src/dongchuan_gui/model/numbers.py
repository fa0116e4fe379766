"""Numbers and quantities as people write them, in English or Chinese (no Qt).

Never an exponent, never a small value rounded to 0, thousands separated. In Chinese
units are written in Chinese and sums of money in 万元 (亿元 from 10,000 万元):
50.4 million yuan is "5,040 万元"; counts keep every digit ("102,508 人").
"""

from __future__ import annotations

import math

from .units import canonical

UNIT_ZH = {
    "people": "人",
    "households": "户",
    "jobs": "个",
    "posts": "个",
    "projects": "个",
    "units": "个",
    "ha": "公顷",
    "mu": "亩",
    "km²": "平方公里",
    "m²": "平方米",
    "m": "米",
    "yuan": "元",
    "万元": "万元",
    "亿元": "亿元",
    "million yuan": "百万元",
    "yuan per person per year": "元/人·年",
}
# money, in 万元 per unit
_MONEY_IN_WAN = {"yuan": 1e-4, "万元": 1.0, "million yuan": 100.0, "亿元": 1e4}


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def format_number(value: float, lang: str = "en") -> str:
    """12345.6 → "12,345.6"; 0.004 → "0.004"; 1e20 → "100,000,000,000,000,000,000"."""
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer():
        return f"{int(value):,}"
    magnitude = abs(value)
    if magnitude >= 1:
        decimals = 2
    else:  # keep three significant digits of a small value
        decimals = min(12, 2 - int(math.floor(math.log10(magnitude))))
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{value:.3g}"


def unit_label(unit: str, lang: str = "en") -> str:
    if not is_zh(lang):
        return unit
    return UNIT_ZH.get(canonical(unit), UNIT_ZH.get(unit, unit))


def format_quantity(value: float, unit: str = "", lang: str = "en") -> str:
    """A value with its unit: "50.4 million yuan" / "5,040 万元", "95.67 %"."""
    if not unit:
        return format_number(value, lang)
    if unit == "%":
        return f"{format_number(value, lang)} %" if not is_zh(lang) else f"{format_number(value)}%"
    if not is_zh(lang):
        return f"{format_number(value)} {unit}"
    per_wan = _MONEY_IN_WAN.get(canonical(unit))
    if per_wan is not None and unit != "yuan per person per year":
        wan = float(value) * per_wan
        if abs(wan) >= 1e4:
            return f"{format_number(round(wan / 1e4, 4))} 亿元"
        if abs(wan) >= 1:
            return f"{format_number(round(wan, 2))} 万元"
        return f"{format_number(round(wan * 1e4, 2))} 元"
    return f"{format_number(value)} {unit_label(unit, lang)}"
