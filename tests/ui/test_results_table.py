"""Results against targets as HTML (program and place panes, Data Quality tab): each
light with its word, at the edges of the ±15 % band in both directions."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.ui.widgets.results_table import (
    COLORS,
    all_results_html,
    light_word,
    results_html,
)
from tests.conftest import SEED
from tests.model.quality.helpers import dataset, series

EDGES = {"2020": 85.1, "2021": 84.9, "2022": 114.9, "2023": 115.1}
UP = {"2020": "on_track", "2021": "behind", "2022": "on_track", "2023": "ahead"}
DOWN = {"2020": "on_track", "2021": "ahead", "2022": "on_track", "2023": "behind"}


def edges(direction: str, **where) -> list[dict]:
    """Targets of 100 for 2020–2023 with actuals at the band's edges."""
    ind = f"k-{direction}"
    actual = series(ind, EDGES, prefix=f"a-{direction}", **where)
    targets = series(ind, dict.fromkeys(EDGES, 100), prefix=f"t-{direction}", **where)
    for obs in targets:
        obs["status"] = "target"
    return actual + targets


def built() -> Dataset:
    indicators = [
        {"id": f"k-{d}", "name_zh": f"指标{d}", "name_en": f"K {d}", "unit": "jobs", "direction": d}
        for d in ("increase", "decrease")
    ]
    return dataset(
        indicators=indicators,
        observations=[*edges("increase", place="t"), *edges("decrease", place="d", program="g")],
    )


def rows(html: str) -> list[str]:
    """The table's data rows as plain text, one per target."""
    out = []
    for chunk in re.findall(r"<tr>(.*?)</tr>", html):
        if "<th>" in chunk:
            continue
        doc = QTextDocument()
        doc.setHtml("<table><tr>" + chunk + "</tr></table>")
        out.append(" ".join(doc.toPlainText().split()))
    return out


def light_of(html: str, period: str) -> str:
    (row,) = [r for r in rows(html) if f"100 jobs ({period})" in r]
    (light,) = [light for light in COLORS if f"● {light_word(light)}" in row]
    return light


@pytest.mark.parametrize("period", sorted(EDGES))
def test_up_is_good_edges(qapp, period):
    html = results_html(built(), place="t", lang="en")
    assert light_of(html, period) == UP[period]


@pytest.mark.parametrize("period", sorted(EDGES))
def test_down_is_good_edges(qapp, period):
    html = results_html(built(), program="g", lang="en")
    assert light_of(html, period) == DOWN[period]


def test_a_row_has_every_column_and_the_word_beside_the_colour(qapp):
    html = results_html(built(), program="g", lang="en")
    (row,) = [r for r in rows(html) if "(2023)" in r]
    # indicator, baseline (none), target, actual with its period, % achieved, light, why
    assert row.startswith("K decrease")
    assert "100 jobs (2023)" in row and "115.1 jobs (2023)" in row
    assert "● behind" in row
    assert "115.1 jobs is 15.1 % above the target 100" in row
    assert f"color:{COLORS['behind']}" in html and f"color:{COLORS['on_track']}" in html
    assert "东川区" in row  # the program's pane says where each target is
    assert "115 %" in " ".join(rows(results_html(built(), place="t", lang="en")))


def test_chinese_reasons_and_names(qapp):
    html = results_html(built(), place="t", lang="zh")
    assert "指标increase" in html
    assert "±15% 以内为正常" in html


def test_no_targets_no_table(qapp):
    assert results_html(dataset(), place="t", lang="en") == ""
    assert results_html(built(), place="t", program="g", lang="en") == ""
    assert "No targets" in all_results_html(dataset(), "en")


def test_all_results_group_by_place_and_program(qapp):
    html = all_results_html(built(), "en")
    assert html.count("<table") == 2
    assert "on track: 4 · behind: 2 · ahead: 2" in html
    assert '<h3><a href="place:d">东川区</a> · <a href="program:g">Relocation</a></h3>' in html
    assert '<h3><a href="place:t">乌龙镇</a></h3>' in html


def test_bundled_target_without_an_actual_says_so(qapp):
    ds = Dataset(load_path(SEED).data)
    html = all_results_html(ds, "en")
    assert "● no actual" in " ".join(rows(html))
