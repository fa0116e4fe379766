import json

import pytest

from dongchuan_gui.model import DatasetError, loads
from tests.conftest import make_doc


def load(doc):
    return loads(json.dumps(doc, ensure_ascii=False).encode(), "f.json")


def errors(doc) -> list[str]:
    with pytest.raises(DatasetError) as info:
        load(doc)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


def test_minimal_document_is_valid_without_warnings():
    result = load(make_doc())
    assert result.warnings == []


def test_part_larger_than_whole_is_a_warning():
    doc = make_doc()
    doc["observations"][2]["value"] = 5000
    doc["observations"][1]["value"] = 4000
    result = load(doc)
    assert [w.path for w in result.warnings] == ["$.observations[2].value"]
    assert "exceeds the whole" in result.warnings[0].message


def test_figure_without_source_is_a_warning():
    doc = make_doc()
    del doc["observations"][0]["source"]
    assert [str(w) for w in load(doc).warnings] == [
        "f.json: $.observations[0].source: warning: this figure has no source"
    ]


def test_conflicting_values_need_the_doubt_flag():
    doc = make_doc()
    doc["observations"].append({**doc["observations"][0], "id": "o4", "value": 50.0})
    assert "conflicts with $.observations[0]" in load(doc).warnings[0].message
    for obs in (doc["observations"][0], doc["observations"][3]):
        obs["doubt"] = True
    assert load(doc).warnings == []


def test_parent_cycle_is_an_error():
    doc = make_doc()
    doc["places"].append({"id": "a", "level": "village", "name_zh": "甲", "parent": "b"})
    doc["places"].append({"id": "b", "level": "village", "name_zh": "乙", "parent": "a"})
    assert "$.places[2].parent: the parent chain loops back to itself" in errors(doc)


def test_duplicate_code_and_missing_parent():
    doc = make_doc()
    doc["places"].append({"id": "x", "level": "village", "name_zh": "甲", "code": "530113105000"})
    found = errors(doc)
    assert "$.places[2].code: code 530113105000 is used by $.places[1] too" in found
    assert "$.places[2].parent: a village needs a parent place" in found


def test_program_ending_before_start():
    doc = make_doc()
    doc["programs"][0].update(start="2019", end="2018-06")
    assert "$.programs[0].end: ends (2018-06) before it starts (2019)" in errors(doc)


def test_observation_needs_place_or_program():
    doc = make_doc()
    del doc["observations"][0]["place"]
    assert "$.observations[0]: an observation needs a place, a program, or both" in errors(doc)


def test_indicator_bounds_apply():
    doc = make_doc()
    doc["indicators"][1]["minimum"] = 0
    doc["observations"][1]["value"] = -3
    assert "$.observations[1].value: -3 jobs is below the minimum 0 of 'jobs'" in errors(doc)


def test_bad_id_and_code_syntax():
    doc = make_doc()
    doc["sources"][0]["id"] = "Has Space"
    doc["places"][1]["code"] = "5301"
    found = errors(doc)
    assert any(f.startswith("$.sources[0].id: Expected `str` matching regex") for f in found)
    assert any(f.startswith("$.places[1].code: Expected `str` matching regex") for f in found)
