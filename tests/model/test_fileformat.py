import errno
import json
import os

import msgspec
import pytest

from dongchuan_gui.model import DatasetError, dumps, load_path, loads, save_path, write_atomic
from dongchuan_gui.model.records import SCHEMA_VERSION
from tests.conftest import DATA, make_doc


def encode(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(DatasetError) as info:
        loads(data, "f.json")
    return [str(p) for p in info.value.problems]


def test_seed_round_trip_is_byte_identical(seed_bytes):
    assert dumps(loads(seed_bytes).data) == seed_bytes


def test_load_save_load_gives_equal_data(tmp_path):
    data = loads(encode(make_doc())).data
    target = tmp_path / "d.json"
    save_path(target, data)
    assert load_path(target).data == data
    assert target.read_bytes() == dumps(data)


def test_output_is_canonical_utf8_and_indented(seed_data):
    text = dumps(seed_data).decode("utf-8")
    assert "东川区" in text and "\\u" not in text
    assert text.endswith("}\n") and text.startswith('{\n  "format": "dongchuan-workbench",')


def test_edit_changes_only_its_lines(seed_data):
    before = dumps(seed_data).decode().splitlines()
    seed_data.observations[0].comment = "edited"
    after = dumps(seed_data).decode().splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert len(changed) == 1 and "edited" in after[changed[0]]
    assert len(after) == len(before)


def test_utf8_bom_is_accepted():
    assert loads(b"\xef\xbb\xbf" + encode(make_doc())).data.meta.title == "test"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "f.json: $: the file is empty"),
        (b"   \n", "the file is empty"),
        (b"[]", "expected a JSON object, got an array"),
        (b'"text"', "expected a JSON object, got a string"),
        (
            b'{\n  "format": "dongchuan-workbench",\n  "x": [1,,2]\n}',
            "line 3, column 11: malformed JSON",
        ),
        (b'{"format": "dongchuan-workbench"', "truncated"),
        (b'{"a": NaN}', "line 1, column 7: malformed JSON"),
        (b'{"a": Infinity}', "malformed JSON"),
        (b'{"a": "\xff\xfe"}', "line 1, column 8: not UTF-8"),
        (b'{"format": "other"}', "$.format: expected 'dongchuan-workbench'"),
        (b'{"format": "dongchuan-workbench", "schema_version": "2"}', "$.schema_version"),
    ],
)
def test_bad_bytes_give_one_clear_error(data, expected):
    found = problems_of(data)
    assert any(expected in p for p in found), found


def test_file_from_a_newer_version_is_refused_untouched(tmp_path):
    doc = make_doc()
    doc["schema_version"] = SCHEMA_VERSION + 1
    target = tmp_path / "new.json"
    target.write_bytes(encode(doc))
    before = target.read_bytes()
    with pytest.raises(DatasetError, match="newer than this program reads"):
        load_path(target)
    assert target.read_bytes() == before


def test_every_problem_is_reported_at_once():
    doc = make_doc()
    doc["observations"][0]["place"] = "nowhere"  # dangling reference
    doc["observations"][1]["value"] = "many"  # wrong type
    doc["observations"][2]["extra"] = 1  # unknown field
    del doc["places"][1]["name_zh"]  # missing field
    doc["programs"].append(dict(doc["programs"][0]))  # duplicate id
    doc["events"][0]["date"] = "2019-13"  # malformed period
    doc["observations"].append(
        {"id": "o9", "indicator": "share", "place": "d", "value": 130, "source": "s1"}
    )  # out of range
    found = problems_of(encode(doc))
    expected = [
        "f.json: $.observations[0].place: refers to place 'nowhere', which does not exist",
        "f.json: $.observations[1].value: Expected `int | float`, got `str`",
        "f.json: $.observations[2]: unknown field 'extra'",
        "f.json: $.places[1]: missing required field 'name_zh'",
        "f.json: $.programs[1].id: duplicate id 'g' (first at $.programs[0])",
        "f.json: $.events[0].date: '2019-13': month 13 is not 01-12",
        "f.json: $.observations[3].value: 130 % is above the maximum 100 of 'share'",
    ]
    for line in expected:
        assert line in found, (line, found)
    # the place that failed its type check is not reported again as dangling
    assert not any("refers to place 't'" in p for p in found)


def test_nested_type_errors_carry_the_full_path():
    doc = make_doc()
    doc["places"][0]["location"] = {"lat": 126.0, "lon": 103.1, "datum": "GCJ-02"}
    found = problems_of(encode(doc))
    assert any(
        p.startswith("f.json: $.places[0].location.lat: Expected `float` <= 90") for p in found
    ), found


def test_huge_float_is_refused():
    doc = encode(make_doc()).replace(b"52.88", b"1e999")
    assert any("$.observations[0].value" in p for p in problems_of(doc))


def test_size_limit(tmp_path):
    target = tmp_path / "big.json"
    target.write_bytes(encode(make_doc()))
    with pytest.raises(DatasetError, match="the limit is 100"):
        load_path(target, max_bytes=100)


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_path(tmp_path / "absent.json")
    assert info.value.unreadable
    assert "cannot read the file" in str(info.value)


def test_old_version_sample_is_upgraded():
    result = load_path(DATA / "v1_sample.json")
    assert result.migrated_from == 1
    assert result.data.schema_version == SCHEMA_VERSION
    assert result.data.places[0].name_zh == "东川区"
    assert result.data.observations[0].period == "2013"


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    write_atomic(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert os.listdir(tmp_path) == ["a.json"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    real_fsync = os.fsync

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError) as info:
        write_atomic(target, b"new")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.json"]


def test_typed_decode_and_generic_paths_agree(seed_bytes):
    """The fast path (typed decode) and the collecting path produce the same records."""
    doc = msgspec.json.decode(seed_bytes)
    doc["schema_version"] = 1  # forces the migrate-and-collect path
    slow = loads(msgspec.json.encode(doc)).data
    assert slow == loads(seed_bytes).data
