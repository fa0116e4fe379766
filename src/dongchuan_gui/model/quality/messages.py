"""The texts of data-quality findings in English and Chinese, by code. Findings carry a
code and parameters; the interface and the CLI render them in their language."""

from __future__ import annotations

from typing import Any

from ..numbers import format_number

TEMPLATES: dict[str, tuple[str, str]] = {
    "unsourced": (
        "{what}: the figure names no source.",
        "{what_zh}：该数据没有注明来源。",
    ),
    "doubtful": (
        "{what}: marked doubtful. {comment}",
        "{what_zh}：标记为存疑。{comment}",
    ),
    "rule_failed": (
        "{name}: {left} {op} {right} does not hold ({where}). {message}",
        "{name}：{left} {op} {right} 不成立（{where_zh}）。{message}",
    ),
    "rule_no_projects": (
        "{name}: no cooperation projects entered, so the ledger cannot be checked.",
        "{name}：尚未录入协作项目，无法核对台账。",
    ),
    "rule_not_evaluable": (
        "{name}: cannot be evaluated ({where}): {why_en}.",
        "{name}：无法计算（{where_zh}）：{why_zh}。",
    ),
    "rule_bad": (
        "{name}: the rule cannot be evaluated: {error}",
        "{name}：规则无法计算：{error}",
    ),
    "z": (
        "{period} value {value} is {score} standard deviations {side} the mean {centre}"
        " of {first}–{last} (threshold {threshold}).",
        "{period} 数值 {value} {side_zh}{first}—{last} 年均值 {centre} {score} 个标准差"
        "（阈值 {threshold}）。",
    ),
    "mad": (
        "{period} value {value} is {score} MADs {side} the median {centre} of"
        " {first}–{last} (modified z-score; threshold {threshold}).",
        "{period} 数值 {value} {side_zh}{first}—{last} 年中位数 {centre} {score} 个"
        "绝对中位差（修正 z 分数，阈值 {threshold}）。",
    ),
    "range_low": (
        "{period} value {value} is below the expected minimum {bound} of {indicator}.",
        "{period} 数值 {value} 低于指标「{indicator_zh}」的预期下限 {bound}。",
    ),
    "range_high": (
        "{period} value {value} is above the expected maximum {bound} of {indicator}.",
        "{period} 数值 {value} 高于指标「{indicator_zh}」的预期上限 {bound}。",
    ),
    "change": (
        "{period} value {value} is {ratio} times the {previous_period} value {previous}"
        " (more than {threshold} times {direction}).",
        "{period} 数值 {value} 是 {previous_period} 数值 {previous} 的 {ratio} 倍"
        "（{direction_zh}超过 {threshold} 倍）。",
    ),
}

_SIDES = {"above": "高于", "below": "低于"}
WHY = {
    "not_finite": ("a division by zero or a number too large", "除数为零或数值过大"),
    "project_missing": (
        "a project of that year has no funds or beneficiaries entered",
        "该年有协作项目未录入资金或受益人数",
    ),
    "child_twice": (
        "a place below has two figures for the same period",
        "下属某地同一时期有两个数值",
    ),
    "too_many": (
        "too many repeated figures to pair for one place and period",
        "同一地点同一时期重复数值过多，无法逐一配对",
    ),
}
_DIRECTIONS = {"up": "增幅", "down": "降幅"}


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """The finding's text; unknown codes are shown as the code and parameters."""
    pair = TEMPLATES.get(code)
    if pair is None:
        return f"{code} {params}"
    zh = lang.lower().startswith("zh")
    values = {k: ("" if v is None else v) for k, v in params.items()}
    if "why" in params:
        values["why_en"], values["why_zh"] = WHY.get(params["why"], (params["why"],) * 2)
    if zh:
        values.setdefault("side_zh", _SIDES.get(params.get("side", ""), ""))
        values.setdefault("direction_zh", _DIRECTIONS.get(params.get("direction", ""), ""))
        values["name"] = params.get("name_zh") or params.get("name", "")
        values["message"] = params.get("message_zh") or params.get("message", "")
    try:
        return pair[1 if zh else 0].format(**values).strip()
    except (KeyError, IndexError, ValueError):
        return f"{code} {params}"


def number(value: float) -> str:
    """A value as people write it (``model.numbers``): never an exponent."""
    return format_number(value)
