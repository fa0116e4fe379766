"""The relocation follow-up board, per resettlement site."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dongchuan_gui.model.register import Register, RegisterMeta, RuleSet, aggregate, default_rules
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.relocation import relocation_board

from .helpers import household

RULES = default_rules()
SITES = ("", "yinmin-resettlement", "site-b")


def build(rows):
    columns = {name: [r[name] for r in rows] for name in rows[0]}
    columns["household_id"] = [f"R-{i:03d}" for i in range(len(rows))]
    return Register.from_columns(columns, RegisterMeta(years=(2024, 2025), sites=SITES))


def moved(site: int, labour: int = 2, employed: int = 1, **kw):
    return household(reloc_kind=1 if site else 2, reloc_site=site, reloc_year=2018,
                     labour=labour, employed_2025=employed, **kw)


ROWS = [
    moved(1, employed=2),  # 0: Yinmin, employed
    moved(1, employed=0),  # 1: Yinmin, nobody employed
    moved(1, employed=-1),  # 2: Yinmin, not recorded
    moved(1, labour=0, employed=0),  # 3: Yinmin, no labour: not counted with labour
    moved(1, no_labour=True, employed=0),  # 4: no labour capacity: not with labour
    moved(2, employed=1),  # 5: site B, employed
    moved(2, employed=0),  # 6: site B, nobody
    moved(0, employed=0),  # 7: rural, site not recorded, nobody
    household(labour=2, employed_2025=0),  # 8: not relocated
]


def test_counts_and_rows_per_site():
    board = relocation_board(build(ROWS), RULES, 2025,
                             site_names={"yinmin-resettlement": ("因民安置社区", "Yinmin site")})
    assert [s.place_id for s in board.sites] == ["yinmin-resettlement", "site-b", ""]
    yinmin, site_b, unrecorded = board.sites
    assert (yinmin.relocated, yinmin.with_labour, yinmin.employed, yinmin.unknown) == (5, 3, 1, 1)
    assert yinmin.without_job.tolist() == [1] and yinmin.not_recorded.tolist() == [2]
    assert yinmin.share == pytest.approx(100 / 3)
    assert (yinmin.name("zh"), yinmin.name("en")) == ("因民安置社区", "Yinmin site")
    assert (site_b.relocated, site_b.with_labour, site_b.employed) == (2, 2, 1)
    assert site_b.without_job.tolist() == [6] and site_b.share == 50.0
    assert site_b.name("en") == "site-b"  # no name known: the place id
    assert unrecorded.index == 0 and unrecorded.name("zh") == "安置点未记录"
    assert unrecorded.without_job.tolist() == [7]
    total = board.total
    assert (total.relocated, total.with_labour, total.employed, total.unknown) == (8, 6, 2, 1)
    assert total.without_job.tolist() == [1, 6, 7] and total.not_recorded.tolist() == [2]
    assert board.min_employed == 1 and board.year == 2025
    assert board.site("site-b") is site_b and board.site("nowhere") is None


def test_the_minimum_comes_from_the_rule_set():
    doc = RULES.to_dict()
    doc["relocation_min_employed"] = {"value": 2}
    board = relocation_board(build(ROWS), RuleSet.from_dict(doc), 2025)
    yinmin = board.sites[0]
    assert yinmin.employed == 1 and yinmin.without_job.tolist() == [1]
    assert board.sites[1].without_job.tolist() == [5, 6]  # one employed is not enough now


def test_a_site_with_nobody_and_no_unrecorded_row():
    rows = [moved(1, employed=1), household()]
    board = relocation_board(build(rows), RULES, 2025)
    assert [s.place_id for s in board.sites] == ["yinmin-resettlement", "site-b"]
    empty = board.sites[1]
    assert empty.relocated == 0 and math.isnan(empty.share) and len(empty.without_job) == 0
    assert board.sites[0].name("en") == "A resettlement community in Yinmin Town (name not known)"


def test_the_board_agrees_with_the_aggregate():
    reg = generate(5000, seed=2)
    board = relocation_board(reg, RULES)
    agg = aggregate(reg, RULES, level="district")
    assert board.total.with_labour == int(agg.reloc_with_labour.sum())
    assert board.total.employed == int(agg.reloc_employed.sum())
    assert board.synthetic
    rows = np.concatenate([s.without_job for s in board.sites])
    assert sorted(rows.tolist()) == board.total.without_job.tolist()
    employed = reg.year_col("employed", reg.latest_year)[rows]
    assert (employed == 0).all() and (reg.columns["reloc_kind"][rows] > 0).all()
