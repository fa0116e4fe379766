import msgspec
import pytest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.editing import check_candidate, new_id, plan_removal, with_field

PINGZI, YANTOU, WULONG = "530113105209", "530113104216", "530113105000"


@pytest.fixture
def ds(seed_data):
    return Dataset(seed_data)


def test_with_field_type_checks(ds):
    obs = ds.get("observations", "census-2010")
    assert with_field(obs, "value", 1).value == 1
    assert with_field(obs, "comment", "").comment == ""
    with pytest.raises(msgspec.ValidationError):
        with_field(obs, "value", "many")
    with pytest.raises(msgspec.ValidationError):
        with_field(obs, "status", "rumour")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", 130, "above the maximum 100"),
        ("period", "2019/3", "is not a period"),
        ("place", "nowhere", "refers to place 'nowhere'"),
    ],
)
def test_check_candidate_refuses_invalid_edits(ds, field, value, message):
    obs = ds.get("observations", "incidence-2013")
    problems = check_candidate(ds, "observations", with_field(obs, field, value))
    assert any(message in p.message for p in problems), problems


def test_check_candidate_accepts_valid_edit_and_new_record(ds):
    obs = ds.get("observations", "incidence-2013")
    assert check_candidate(ds, "observations", with_field(obs, "value", 40)) == []
    fresh = msgspec.structs.replace(obs, id=new_id(ds, "observations", "figure"))
    assert check_candidate(ds, "observations", fresh) == []
    assert new_id(ds, "observations", "figure") == "figure-1"


def test_removing_a_place_removes_its_figures_and_links(ds):
    plan = plan_removal(ds, "places", YANTOU)
    assert plan.refused == ""
    removed = set(plan.removes)
    assert ("observations", "yantou-orchard-article") in removed
    assert ("observations", "yantou-elevation") in removed
    assert plan.removes[-1] == ("places", YANTOU)
    edited = {(k, r.id) for k, r in plan.edits}
    assert ("programs", "returnees") in edited and ("stories", "shao-xingwen-peaches") in edited
    assert ("events", "putuo-visit") in edited
    for _kind, rec in plan.edits:
        assert YANTOU not in getattr(rec, "places", [])


def test_removing_a_town_with_villages_is_refused(ds):
    assert "contains 14 places" in plan_removal(ds, "places", WULONG).refused


def test_removing_a_cited_source_is_refused(ds):
    assert "records cite it" in plan_removal(ds, "sources", "article").refused


def test_removing_a_program_keeps_place_figures(ds):
    plan = plan_removal(ds, "programs", "returnees")
    edited = {r.id: r for k, r in plan.edits if k == "observations"}
    assert edited["yantou-orchard-article"].program is None
    assert edited["yantou-orchard-article"].place == YANTOU


def test_removing_an_indicator_removes_its_figures_and_part_of(ds):
    plan = plan_removal(ds, "indicators", "jobs-created")
    assert ("observations", "jobs-created") in plan.removes
    edited = {r.id: r for k, r in plan.edits}
    assert edited["public-service-posts"].part_of is None
