"""Invented figures for benchmarks and tests of the data-quality checks: yearly series
of made-up indicators over the bundled dataset's real places, with a few planted
outliers and rule failures. The dataset is marked synthetic everywhere."""

from __future__ import annotations

import msgspec
import numpy as np

from ..records import DatasetFile, Indicator, Observation, Source, ValidationRule


def generate(base: DatasetFile, figures: int = 100_000, seed: int = 1) -> DatasetFile:
    """``base`` (its places and rules) plus about ``figures`` invented figures: pairs of
    indicators (a part and its whole) per place and year, with 0.5 % planted jumps and
    0.5 % of parts above their whole."""
    rng = np.random.default_rng(seed)
    places = [p.id for p in base.places]
    years = list(range(2001, 2021))
    pairs = max(1, figures // (2 * len(places) * len(years)))
    source = Source(
        id="generated",
        kind="dataset",
        title="Invented figures (benchmark)",
        reliability="unverified",
    )
    indicators, observations, rules = [], [], []
    for k in range(pairs):
        whole, part = f"gen-whole-{k}", f"gen-part-{k}"
        indicators += [
            Indicator(
                id=whole,
                name_zh=f"生成总数{k}",
                name_en=f"Generated whole {k}",
                unit="people",
                expected_min=0,
                expected_max=1e6,
            ),
            Indicator(
                id=part, name_zh=f"生成部分{k}", name_en=f"Generated part {k}", unit="people"
            ),
        ]
        rules.append(
            ValidationRule(
                id=f"gen-rule-{k}",
                name_en=f"Part {k} within whole",
                name_zh=f"部分{k}不超过总数",
                left=f"#{{{part}}}",
                operator="<=",
                right=f"#{{{whole}}}",
                importance="high",
            )
        )
        level = rng.uniform(500, 5000, len(places))
        for y, year in enumerate(years):
            wholes = level * (1 + 0.02 * y) * rng.normal(1, 0.03, len(places))
            jumps = rng.random(len(places)) < 0.005
            wholes = np.where(jumps, wholes * 5, wholes)
            parts = wholes * rng.uniform(0.2, 0.6, len(places))
            over = rng.random(len(places)) < 0.005
            parts = np.where(over, wholes * 1.2, parts)
            for i, place in enumerate(places):
                for ind, value in ((whole, wholes[i]), (part, parts[i])):
                    observations.append(
                        Observation(
                            id=f"{ind}-{i}-{year}",
                            indicator=ind,
                            place=place,
                            period=str(year),
                            value=round(float(value), 1),
                            source="generated",
                            locator="generated",
                        )
                    )
    return msgspec.structs.replace(
        base,
        meta=msgspec.structs.replace(
            base.meta, title="Generated figures (invented)", synthetic=True
        ),
        sources=[*base.sources, source],
        indicators=[*base.indicators, *indicators],
        observations=[*base.observations, *observations],
        validation_rules=[*base.validation_rules, *rules],
    )
