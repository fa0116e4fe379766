from dongchuan_gui.model.dataset import Change, Dataset
from dongchuan_gui.model.records import Observation
from dongchuan_gui.model.series import extract_series


def test_queries_on_the_seed(seed_data):
    ds = Dataset(seed_data)
    assert [p.id for p in ds.ancestors("530113105209")] == ["530113105000", "530113000000"]
    assert {g.id for g in ds.programs_at("530113104216")} == {"returnees", "putuo-cooperation"}
    assert [s.id for s in ds.stories_for(place="530113105209")] == ["zhang-li-pingzi"]
    assert {e.id for e in ds.events_for(program="putuo-cooperation")} == {
        "shanghai-yunnan-pairing",
        "putuo-visit",
    }
    citing = {rec.id for kind, rec in ds.citing("hu-interview-2019")}
    assert {"incidence-2018-hu", "relocation-complete"} <= citing
    assert ds.years_covered() == (1996, 2023)
    assert ds.unsourced_observations() == []


def test_series_orders_dated_values_and_keeps_undated_apart(seed_data):
    ds = Dataset(seed_data)
    series = extract_series(ds, "poverty-incidence", place="530113000000")
    assert series.x == [2013.0, 2018.0, 2019.0]
    assert series.y == [52.88, 1.09, 0.0]
    assert [o.id for o in series.points] == [
        "incidence-2013",
        "incidence-2018-hu",
        "incidence-2019",
    ]
    area = extract_series(ds, "area", place="530113000000")
    assert len(area) == 0 and len(area.undated) == 3


def test_mutations_notify_and_can_be_reverted(seed_data):
    ds = Dataset(seed_data)
    seen: list[Change] = []
    ds.subscribe(seen.append)
    new = Observation(id="new", indicator="area", place="530113000000", value=1.0)
    ds.add("observations", new)
    assert ds.get("observations", "new") is new
    old = ds.replace(
        "observations", Observation(id="new", indicator="area", place="530113000000", value=2.0)
    )
    assert old is new and ds.get("observations", "new").value == 2.0
    index, removed = ds.remove("observations", "new")
    assert index == len(ds.data.observations) and removed.value == 2.0
    assert [c.action for c in seen] == ["added", "changed", "removed"]
    assert ds.get("observations", "new") is None


def test_copy_is_independent(seed_data):
    ds = Dataset(seed_data)
    twin = ds.copy()
    twin.data.observations[0].value = 1
    assert ds.data.observations[0].value == 52.88
