"""Register aggregates recorded into the dataset as derived figures, as one step."""

from __future__ import annotations

import msgspec
import pytest

from dongchuan_gui.model import dumps
from dongchuan_gui.model.checks import check_dataset
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.register import aggregate, default_rules, make_ref
from dongchuan_gui.model.register.derived import (
    FIGURES,
    RecordingRefusedError,
    plan_recording,
)
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.resources import seed_path

RULES = default_rules()


@pytest.fixture(scope="module")
def register():
    return generate(4000, seed=5)


def _dataset(synthetic: bool) -> Dataset:
    data = load_path(seed_path()).data
    meta = msgspec.structs.replace(data.meta, synthetic=synthetic)
    return Dataset(msgspec.structs.replace(data, meta=meta))


def _link(register, tmp_path):
    path = tmp_path / "registers" / "demo.parquet"
    path.parent.mkdir()
    register.save(path)
    return make_ref(path, tmp_path / "d.json", RULES.id, register)


def test_invented_households_never_enter_a_real_dataset(register, tmp_path):
    link = _link(register, tmp_path)
    with pytest.raises(RecordingRefusedError, match="synthetic"):
        plan_recording(_dataset(False), link, RULES, [aggregate(register, RULES, 2025)])


def test_recorded_figures_equal_the_aggregates_and_say_where_they_came_from(register, tmp_path):
    link = _link(register, tmp_path)
    dataset = _dataset(True)
    aggs = [aggregate(register, RULES, 2025, level) for level in ("village", "town", "district")]
    plan = plan_recording(dataset, link, RULES, aggs)
    assert plan.no_place == []  # every village, town and the district is a place of the seed
    before = dumps(dataset.data)
    plan.apply(dataset)
    district = aggs[2].rows()[0]
    assert district["households"] == 4000
    place = next(p.id for p in dataset.data.places if p.code == district["code"])
    got = {
        o.indicator: o
        for o in dataset.observations_for(place=place)
        if o.indicator.startswith("register-") and o.period == "2025"
    }
    assert set(got) == {f[0] for f in FIGURES}
    for ind_id, key, *_ in FIGURES:
        assert got[ind_id].value == district[key]
        assert got[ind_id].source == f"source-{link.id}"
        assert link.sha256[:12] in got[ind_id].derived and "SYNTHETIC" in got[ind_id].derived
    assert "rule set cn-yunnan-monitoring" in got["register-share-below-line"].derived
    source = dataset.source(f"source-{link.id}")
    assert source.reliability == "unverified" and link.sha256 in source.note
    problems = check_dataset(dataset.data, "d.json")
    assert [p for p in problems if p.severity == "error"] == []
    given = sum(1 for a in aggs for r in a.rows() for k in FIGURES if r[k[1]] is not None)
    assert plan.figures == given and plan.no_value == len(FIGURES) * sum(
        len(a.rows()) for a in aggs
    ) - given
    # recording the same again changes nothing; a changed register replaces figures
    again = plan_recording(dataset, link, RULES, aggs)
    assert again.adds == [] and again.replaces == [] and again.unchanged > 0
    assert dumps(dataset.data) != before
