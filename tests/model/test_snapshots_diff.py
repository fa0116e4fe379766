import datetime as dt
import random

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from dongchuan_gui.model import dumps, load_path, loads
from dongchuan_gui.model.diff import diff
from dongchuan_gui.model.records import Observation
from dongchuan_gui.model.snapshots import (
    content_hash,
    list_snapshots,
    make_snapshot,
    write_snapshot,
)
from tests.conftest import SEED


def seed():
    return loads(SEED.read_bytes()).data


def test_snapshot_has_info_and_hash_chain(tmp_path):
    data = seed()
    first = write_snapshot(
        data, tmp_path / "d.json", note="before", author="me", app_version="0.1.0"
    )
    assert first.parent == tmp_path / "snapshots"
    data.observations[0].comment = "edited"
    second = write_snapshot(data, tmp_path / "d.json", note="after")
    entries, problems = list_snapshots(tmp_path / "snapshots")
    assert problems == [] and [e.path for e in entries] == [first, second]
    a, b = entries[0].info, entries[1].info
    assert a.note == "before" and a.author == "me" and a.app_version == "0.1.0"
    assert a.previous_hash == "" and b.previous_hash == a.content_hash
    assert a.content_hash != b.content_hash
    assert entries[0].counts["places"] == 176
    # a snapshot is an ordinary dataset file: it loads, and its content hashes the same
    loaded = load_path(second).data
    assert content_hash(loaded) == b.content_hash


def test_content_hash_ignores_snapshot_info():
    data = seed()
    taken = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    snap = make_snapshot(data, note="x", taken=taken)
    assert snap.snapshot.taken == "2026-01-01T00:00:00Z"
    assert content_hash(snap) == content_hash(data) == snap.snapshot.content_hash


def test_diff_of_hand_built_pair():
    a = seed()
    b = loads(SEED.read_bytes()).data
    b.observations = [o for o in b.observations if o.id != "census-2000"]
    b.observations.append(
        Observation(id="new-one", indicator="area", place="530113000000", value=1.0)
    )
    b.programs[0] = msgspec.structs.replace(b.programs[0], name_en="Renamed")
    b.meta.modified = "2030-01-01"  # ignored
    b.snapshot = make_snapshot(b).snapshot  # ignored
    changes = {(c.kind, c.id, c.action): c for c in diff(a, b)}
    assert set(changes) == {
        ("observations", "census-2000", "removed"),
        ("observations", "new-one", "added"),
        ("programs", "relocation", "changed"),
    }
    (field,) = changes[("programs", "relocation", "changed")].fields
    assert (field.field, field.old, field.new) == (
        "name_en",
        "Relocation out of unsafe villages",
        "Renamed",
    )


def test_diff_of_identical_data_is_empty():
    assert diff(seed(), seed()) == []


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(1, 8))
def test_every_change_made_is_reported(rnd: random.Random, n_changes: int):
    a = seed()
    b = loads(dumps(a)).data
    expected = set()
    for _ in range(n_changes):
        kind = rnd.choice(["observations", "places", "events", "stories"])
        items = getattr(b, kind)
        action = rnd.choice(["change", "remove", "add"])
        touched = {i for k, i, _ in expected if k == kind}
        candidates = [r for r in items if r.id not in touched]
        if action == "add" or not candidates:
            src = rnd.choice(items)
            new_id = f"added-{len(expected)}"
            items.append(msgspec.structs.replace(src, id=new_id))
            expected.add((kind, new_id, "added"))
        elif action == "remove":
            victim = rnd.choice(candidates)
            items.remove(victim)
            expected.add((kind, victim.id, "removed"))
        else:
            target = rnd.choice(candidates)
            i = items.index(target)
            text = getattr(target, "comment", None)
            field = (
                "comment"
                if text is not None
                else "note"
                if hasattr(target, "note")
                else ("text_en" if hasattr(target, "text_en") else "title_en")
            )
            items[i] = msgspec.structs.replace(target, **{field: f"changed {rnd.random()}"})
            expected.add((kind, target.id, "changed"))
    got = {(c.kind, c.id, c.action) for c in diff(a, b)}
    assert got == expected
