from __future__ import annotations

import msgspec

from dongchuan_gui.model import dumps, load_path, loads
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.diff import diff
from dongchuan_gui.model.quality.findings import all_findings, counts
from dongchuan_gui.model.records import QualityMark
from dongchuan_gui.model.snapshots import write_snapshot

from .helpers import dataset, series

FLAT = {str(y): 100 + (y % 3) for y in range(2008, 2020)}


def flagged() -> Dataset:
    return dataset(observations=series("jobs", {**FLAT, "2020": 160}))


def mark(flag: str, state: str, value, at="2026-12-02T08:00:00+08:00") -> QualityMark:
    return QualityMark(
        id=f"m-{state}-{at[11:13]}",
        flag=flag,
        state=state,
        value=value,
        record_kind="observations",
        record_id="x-2020",
        by="tester",
        at=at,
    )


def test_mark_holds_while_the_value_is_unchanged_and_reopens_after():
    ds = flagged()
    z = next(f for f in all_findings(ds) if f.key == "z:x-2020")
    assert z.state == "open"
    ds.add("quality_marks", mark("z:x-2020", "checked", 160.0))
    z = next(f for f in all_findings(ds) if f.key == "z:x-2020")
    assert z.state == "checked" and z.mark.by == "tester"
    assert counts(all_findings(ds))["checked"] == 1
    obs = next(o for o in ds.data.observations if o.id == "x-2020")
    ds.replace("observations", msgspec.structs.replace(obs, value=170))
    z = next(f for f in all_findings(ds) if f.key == "z:x-2020")
    assert z.state == "open" and z.stale_mark is not None and z.stale_mark.value == 160


def test_latest_mark_wins():
    ds = flagged()
    ds.add("quality_marks", mark("z:x-2020", "follow_up", 160.0, at="2026-12-01T08:00:00+08:00"))
    ds.add("quality_marks", mark("z:x-2020", "checked", 160.0, at="2026-12-02T09:00:00+08:00"))
    z = next(f for f in all_findings(ds) if f.key == "z:x-2020")
    assert z.state == "checked"


def test_marks_survive_save_load_snapshot_and_show_in_diff(tmp_path):
    ds = flagged()
    ds.add("quality_marks", mark("z:x-2020", "follow_up", 160.0))
    path = tmp_path / "d.json"
    path.write_bytes(dumps(ds.data))
    loaded = Dataset(load_path(path).data)
    z = next(f for f in all_findings(loaded) if f.key == "z:x-2020")
    assert z.state == "follow_up" and z.mark.at == "2026-12-02T08:00:00+08:00"
    snap = write_snapshot(loaded.data, path, note="marks")
    from_snap = Dataset(loads(snap.read_bytes()).data)
    assert [m.flag for m in from_snap.data.quality_marks] == ["z:x-2020"]
    changed = from_snap.copy()
    changed.add(
        "quality_marks", mark("mad:x-2020", "checked", 160.0, at="2026-12-02T10:00:00+08:00")
    )
    changes = diff(from_snap.data, changed.data)
    assert [(c.kind, c.id, c.action) for c in changes] == [
        ("quality_marks", "m-checked-10", "added")
    ]


def test_schema_3_files_load_and_get_no_marks():
    from ...conftest import make_doc

    doc = make_doc()
    doc["schema_version"] = 3
    result = loads(msgspec.json.encode(doc))
    assert result.migrated_from == 3 and result.data.quality_marks == []


def test_a_rule_mark_reopens_when_either_side_changes_even_with_the_same_gap():
    from .helpers import rule

    ds = dataset(validation_rules=[rule()])
    posts = next(o for o in ds.data.observations if o.id == "o3")
    ds.replace("observations", msgspec.structs.replace(posts, value=150))  # 150 <= 100 fails
    (f,) = [f for f in all_findings(ds) if f.kind == "rule"]
    ds.add(
        "quality_marks",
        QualityMark(
            id="m1",
            flag=f.key,
            state="checked",
            value=f.value,
            other_value=f.other,
            at="2026-12-02T08:00:00+08:00",
        ),
    )
    assert [f.state for f in all_findings(ds) if f.kind == "rule"] == ["checked"]
    jobs = next(o for o in ds.data.observations if o.id == "o2")
    ds.replace("observations", msgspec.structs.replace(jobs, value=150))
    posts = next(o for o in ds.data.observations if o.id == "o3")
    ds.replace("observations", msgspec.structs.replace(posts, value=200))  # same gap of 50
    (f,) = [f for f in all_findings(ds) if f.kind == "rule"]
    assert f.state == "open" and f.stale_mark is not None


def test_the_latest_mark_is_by_time_not_by_text():
    ds = flagged()
    ds.add("quality_marks", mark("z:x-2020", "checked", 160.0, at="2026-12-02T08:30:00+08:00"))
    # 01:00 UTC is 09:00 in Beijing: later, though its text sorts first
    ds.add("quality_marks", mark("z:x-2020", "follow_up", 160.0, at="2026-12-02T01:00:00+00:00"))
    ds.add("quality_marks", mark("z:x-2020", "checked", 160.0, at="yesterday"))
    z = next(f for f in all_findings(ds) if f.key == "z:x-2020")
    assert z.state == "follow_up"
