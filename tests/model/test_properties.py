"""Property-based tests: generated valid datasets round-trip; random bytes only ever
raise the project's own error."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dongchuan_gui.model import DatasetError, dumps, loads
from dongchuan_gui.model.records import (
    SCHEMA_VERSION,
    DatasetFile,
    DatasetMeta,
    Indicator,
    Observation,
    Place,
    Source,
)
from tests.conftest import make_doc

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)
text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
periods = st.one_of(
    st.integers(1990, 2030).map(str),
    st.tuples(st.integers(1990, 2030), st.integers(1, 4)).map(lambda t: f"{t[0]}Q{t[1]}"),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
)
numbers = st.one_of(st.integers(0, 10**9), st.floats(0, 100, allow_nan=False))


@st.composite
def datasets(draw) -> DatasetFile:
    place_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    places = [Place(id=place_ids[0], level="district", name_zh=draw(text))]
    for pid in place_ids[1:]:
        parent = draw(st.sampled_from([p.id for p in places]))
        places.append(
            Place(id=pid, level="village", name_zh=draw(text), parent=parent, name_en=draw(text))
        )
    indicators = [
        Indicator(
            id=i,
            name_zh=draw(text),
            name_en=draw(text),
            unit=draw(st.sampled_from(["%", "people", "ha"])),
        )
        for i in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    ]
    sources = [Source(id="src", kind="article", title=draw(text))]
    observations = []
    for n in range(draw(st.integers(0, 8))):
        indicator = draw(st.sampled_from(indicators))
        value = draw(st.floats(0, 100) if indicator.unit == "%" else numbers)
        observations.append(
            Observation(
                id=f"o{n}",
                indicator=indicator.id,
                place=draw(st.sampled_from(places)).id,
                period=draw(st.none() | periods),
                value=value,
                status=draw(st.sampled_from(["reported", "estimate"])),
                source="src",
                locator=draw(text),
                doubt=True,
                comment=draw(text),
            )
        )
    return DatasetFile(
        format="dongchuan-workbench",
        schema_version=SCHEMA_VERSION,
        meta=DatasetMeta(title=draw(text)),
        sources=sources,
        places=places,
        indicators=indicators,
        observations=observations,
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_datasets_round_trip(data):
    first = dumps(data)
    loaded = loads(first).data
    assert loaded == data
    assert dumps(loaded) == first


VALID = json.dumps(make_doc(), ensure_ascii=False).encode()


@settings(max_examples=400)
@given(st.data())
def test_mutated_bytes_raise_only_dataset_error(data):
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            raw[pos] = data.draw(st.integers(0, 255))
        elif action == "delete":
            del raw[pos]
        else:
            raw.insert(pos, data.draw(st.integers(0, 255)))
    try:
        loads(bytes(raw))
    except DatasetError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_dataset_error(raw):
    try:
        loads(raw)
    except DatasetError as exc:
        assert exc.problems


@settings(max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_random_json_values_in_records_raise_only_dataset_error(value):
    for kind in ("places", "observations", "meta"):
        doc = make_doc()
        if kind == "meta":
            doc["meta"] = value
        else:
            doc[kind][0] = value
        try:
            loads(json.dumps(doc).encode())
        except DatasetError as exc:
            assert exc.problems
