"""The register file: round trip, atomic write, refusals, references, indexes."""

from __future__ import annotations

import json
import os
import stat

import msgspec
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dongchuan_gui.model.register import (
    Register,
    RegisterError,
    check_ref,
    make_ref,
)
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.ref import link_id, ref_from_dict, resolve
from dongchuan_gui.model.register.schema import META_KEY
from dongchuan_gui.model.register.store import file_sha256

from .helpers import build, household


@pytest.fixture(scope="module")
def small() -> Register:
    return generate(3000, seed=11)


def same(a: Register, b: Register) -> None:
    assert list(a.columns) == list(b.columns)
    for name in a.columns:
        assert a.columns[name].dtype == b.columns[name].dtype, name
        assert a.columns[name].tobytes() == b.columns[name].tobytes(), name
    assert a.measure_offsets.tobytes() == b.measure_offsets.tobytes()
    assert a.measure_values.tobytes() == b.measure_values.tobytes()
    assert a.meta == b.meta


def test_round_trip_is_byte_for_byte(small, tmp_path):
    path = tmp_path / "r.parquet"
    digest = small.save(path)
    assert digest == file_sha256(path)
    back = Register.load(path)
    same(small, back)
    assert back.sha256() == digest
    assert np.isnan(back.income(2025)).any()  # missing incomes survive as NaN
    assert np.isnat(back.columns["identified"]).any()
    assert back.measures(int(np.flatnonzero(np.diff(back.measure_offsets))[0]))


def test_round_trip_of_hand_built_values(tmp_path):
    reg = build(
        [
            household(measures=[1, 7]),
            household(income={2025: np.nan}),
            household(identified=np.datetime64("2023-05-04"), status="monitoring"),
        ]
    )
    reg.save(tmp_path / "h.parquet")
    back = Register.load(tmp_path / "h.parquet")
    same(reg, back)
    assert back.measures(0) == [1, 7] and back.measures(1) == []
    assert back.columns["household_id"][2] == b"T-00002"
    assert str(back.columns["identified"][2]) == "2023-05-04"


def test_save_replaces_atomically_and_keeps_the_mode(small, tmp_path):
    path = tmp_path / "r.parquet"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    small.save(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert Register.load(path).meta.synthetic
    assert [p.name for p in tmp_path.iterdir()] == ["r.parquet"]  # no temporary file left


def test_new_file_gets_the_umask_mode(small, tmp_path):
    old = os.umask(0o027)
    try:
        small.save(tmp_path / "n.parquet")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "n.parquet").st_mode) == 0o640


def test_read_only_file_is_refused_and_left_alone(small, tmp_path):
    path = tmp_path / "r.parquet"
    path.write_bytes(b"keep")
    os.chmod(path, 0o444)
    with pytest.raises(PermissionError):
        small.save(path)
    assert path.read_bytes() == b"keep"


def test_failed_write_leaves_the_old_file_and_no_temp(small, tmp_path, monkeypatch):
    path = tmp_path / "r.parquet"
    path.write_bytes(b"old")

    def broken(*args, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", broken)
    with pytest.raises(OSError):
        small.save(path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.parquet"]


def test_refusals_name_the_file_and_what_was_expected(small, tmp_path):
    with pytest.raises(RegisterError, match="no such file") as err:
        Register.load(tmp_path / "none.parquet")
    assert err.value.unreadable
    text = tmp_path / "t.parquet"
    text.write_text("a,b\n1,2\n")
    with pytest.raises(RegisterError, match="t.parquet: not a Parquet file"):
        Register.load(text)
    plain = tmp_path / "plain.parquet"
    pq.write_table(pa.table({"a": [1, 2]}), plain)
    with pytest.raises(RegisterError, match="not a Dongchuan register"):
        Register.load(plain)
    cut = tmp_path / "cut.parquet"
    small.save(cut)
    cut.write_bytes(cut.read_bytes()[:5000])
    with pytest.raises(RegisterError, match="cut.parquet"):
        Register.load(cut)


def _rewrite(reg: Register, path, change) -> None:
    table = change(reg.to_arrow())
    pq.write_table(table, path)


def test_newer_schema_missing_column_and_bad_codes_are_refused(small, tmp_path):
    def newer(table):
        doc = json.loads(table.schema.metadata[META_KEY])
        doc["schema_version"] = 99
        return table.replace_schema_metadata({META_KEY: json.dumps(doc).encode()})

    _rewrite(small, tmp_path / "new.parquet", newer)
    with pytest.raises(RegisterError, match="newer version"):
        Register.load(tmp_path / "new.parquet")
    _rewrite(small, tmp_path / "less.parquet", lambda t: t.drop_columns(["income_2023"]))
    with pytest.raises(RegisterError, match="missing column.*income_2023"):
        Register.load(tmp_path / "less.parquet")

    def bad_code(table):
        i = table.schema.get_field_index("attribute")
        values = table.column(i).to_numpy().copy()
        values[7] = 9
        return table.set_column(i, "attribute", pa.array(values))

    _rewrite(small, tmp_path / "code.parquet", bad_code)
    with pytest.raises(RegisterError, match="column attribute, row 8: 9 is not in 0..3"):
        Register.load(tmp_path / "code.parquet")

    def wrong_type(table):
        i = table.schema.get_field_index("size")
        return table.set_column(i, "size", table.column(i).cast(pa.int32()))

    _rewrite(small, tmp_path / "type.parquet", wrong_type)
    with pytest.raises(RegisterError, match="column size: expected int8, found int32"):
        Register.load(tmp_path / "type.parquet")


def test_reference_record(small, tmp_path):
    folder = tmp_path / "data"
    (folder / "registers").mkdir(parents=True)
    reg_path = folder / "registers" / "r.parquet"
    small.save(reg_path)
    dataset = folder / "dongchuan.json"
    ref = make_ref(reg_path, dataset, "cn-yunnan-monitoring", small)
    assert ref.id == "register-r"
    assert ref.path == "registers/r.parquet"
    assert ref.rows == len(small) and ref.synthetic and ref.sha256 == file_sha256(reg_path)
    doc = msgspec.to_builtins(ref)
    assert doc == {
        "id": "register-r",
        "title": small.meta.title,
        "path": "registers/r.parquet",
        "sha256": ref.sha256,
        "rows": 3000,
        "synthetic": True,
        "rule_set": "cn-yunnan-monitoring",
    }
    assert ref_from_dict(json.loads(json.dumps(doc))) == ref
    assert resolve(ref, dataset) == reg_path
    assert check_ref(ref, dataset) == []
    generate(10, seed=1).save(reg_path)
    problems = check_ref(ref, dataset)
    assert any("changed" in p for p in problems) and any("10 households" in p for p in problems)
    for path in ("/etc/r.parquet", "C:/r.parquet", "c:r.parquet"):
        with pytest.raises(ValueError, match="relative"):
            ref_from_dict({**doc, "path": path})
    with pytest.raises(ValueError, match="'/' between folders"):
        ref_from_dict({**doc, "path": "registers\\r.parquet"})
    with pytest.raises(ValueError, match="sha256"):
        ref_from_dict({**doc, "sha256": "abc"})
    with pytest.raises(ValueError, match="extra"):
        ref_from_dict({**doc, "extra": 1})
    assert link_id(folder / "2025 台账 V2.parquet") == "register-2025-v2"
    assert link_id(folder / "台账.parquet") == "register"


def test_village_index_sorted_and_unsorted(small):
    rng = np.random.default_rng(0)
    order = rng.permutation(len(small))
    shuffled = Register({k: v[order] for k, v in small.columns.items()}, small.meta)
    for reg in (small, shuffled):
        assert np.array_equal(reg.villages, np.unique(reg.columns["village"]))
        assert np.array_equal(reg.villages[reg.village_idx], reg.columns["village"])
        for code in reg.villages[::17]:
            rows = reg.rows_of(int(code))
            assert np.array_equal(np.sort(rows), np.flatnonzero(reg.columns["village"] == code))
    assert len(small.rows_of(530113999999)) == 0


def test_what_if_equals_a_plain_mask_for_many_lines(small):
    rng = np.random.default_rng(1)
    rows = rng.permutation(len(small))
    shuffled = Register({k: v[rows] for k, v in small.columns.items()}, small.meta)
    for reg in (small, shuffled):
        for year in (2021, 2025):
            inc = reg.income(year)
            known = inc[~np.isnan(inc)]
            lines = np.concatenate(
                [
                    rng.uniform(0, known.max() * 1.1, 150),
                    rng.choice(known, 100),
                    rng.choice(known, 50) + 0.01,
                    rng.choice(known, 50) - 0.01,
                    rng.choice(known, 50) + 0.005,
                    [0.0, 1e8, known.min(), known.max()],
                ]
            )
            key = reg.income_key(year)
            for level in ("village", "town", "district"):
                lkey = reg.income_key(year, level)
                g = reg.group_idx(level)
                groups = len(reg.groups(level)[0])
                for x in lines[:: 1 if level == "village" else 7]:
                    expect = np.bincount(g[inc < x], minlength=groups)
                    assert np.array_equal(lkey.count_below(x), expect), (level, x)
            net = np.round(inc - reg.year_col("transfer", year), 2)
            nkey = reg.income_key(year, without_transfer=True)
            for x in lines[::5]:
                expect = np.bincount(reg.village_idx[net < x], minlength=len(reg.villages))
                assert np.array_equal(nkey.count_below(x), expect)
            assert np.array_equal(
                key.known, np.bincount(reg.village_idx[~np.isnan(inc)], minlength=len(key.known))
            )


def test_sort_order_matches_argsort_with_missing_last():
    values = np.array([3.5, np.nan, -2.0, 0.0, -0.0, 1e9, -1e9, 3.5, np.nan, 0.01])
    rows = [household(income={2025: v}) for v in values]
    reg = build(rows)
    up = reg.sort_order("income_2025")
    down = reg.sort_order("income_2025", descending=True)
    got_up = reg.income(2025)[up]
    assert np.array_equal(got_up[:8], np.sort(values)[:8]) and np.isnan(got_up[8:]).all()
    got_down = reg.income(2025)[down]
    assert np.array_equal(got_down[:8], np.sort(values)[:8][::-1]) and np.isnan(got_down[8:]).all()
    sizes = reg.columns["size"][reg.sort_order("size", descending=True)]
    assert np.all(np.diff(sizes.astype(int)) <= 0)
    ids = reg.columns["household_id"][reg.sort_order("household_id", descending=True)]
    assert list(ids) == sorted(ids, reverse=True)


def test_sort_order_on_a_generated_register(small):
    for name in ("income_2025", "rigid_2024", "village", "identified"):
        col = small.columns[name]
        got = col[small.sort_order(name)]
        expect = np.sort(col)  # numpy also puts NaN and NaT last
        assert got.tobytes() == expect.tobytes() or np.array_equal(got, expect, equal_nan=True)


def test_from_columns_rounds_money_to_the_fen_and_fills_gaps():
    reg = build([household(income={2025: 9000.123})])
    assert reg.income(2025)[0] == 9000.12
    from dongchuan_gui.model.register import RegisterMeta

    bare = Register.from_columns(
        {"household_id": ["a"], "village": [530113102001], "size": [2]}, RegisterMeta(years=(2025,))
    )
    assert np.isnan(bare.income(2025)[0]) and bare.columns["water_2025"][0] == -1


def test_what_if_edges_and_per_group_lines(small):
    key = small.income_key(2025)
    inc = small.income(2025)
    known = np.bincount(small.village_idx[~np.isnan(inc)], minlength=len(small.villages))
    assert not key.count_below(float("nan")).any()
    assert not key.count_below(float("-inf")).any()
    assert np.array_equal(key.count_below(float("inf")), known)
    per_group = np.random.default_rng(3).uniform(6000, 12000, len(small.villages))
    per_group[::9] = np.nan
    expect = np.bincount(
        small.village_idx[inc < per_group[small.village_idx]], minlength=len(small.villages)
    )
    assert np.array_equal(key.count_below(per_group), expect)
    for x in (8700.0, 8700.004, 8699.995):
        assert np.array_equal(key.count_below(x), key.count_below(np.full(len(expect), x)))


def test_files_of_many_row_groups_load_the_same(small, tmp_path):
    path = tmp_path / "groups.parquet"
    pq.write_table(small.to_arrow(), path, row_group_size=700)
    assert pq.ParquetFile(path).metadata.num_row_groups > 1
    same(small, Register.load(path))


def test_a_persons_id_number_never_enters_a_register(small, tmp_path):
    from dongchuan_gui.model.register.schema import id_number_rows

    # 11010519491231002X: the specimen number printed in GB 11643, check digit X
    ids = np.array(
        [
            b"11010519491231002X",
            b"110105194912310021",
            b"SYN-530113102001-000001",
            b"11010519491231002x",
            b"1101051949123100",
        ],
        dtype="S24",
    )
    # a wrong check digit: not taken for a person's number (see the next test)
    assert list(id_number_rows(ids)) == [0, 3]
    with pytest.raises(RegisterError, match="row 1: a person's ID number"):
        build([household()]).__class__.from_columns(
            {"household_id": ["11010519491231002X"], "village": [530113102001], "size": [1]},
            small.meta,
        )

    def personal(table):
        i = table.schema.get_field_index("household_id")
        values = np.array(table.column(i).to_pylist(), dtype="S24")
        values[5] = b"11010519491231002X"
        buf = pa.py_buffer(values)
        arr = pa.FixedSizeBinaryArray.from_buffers(pa.binary(24), len(values), [None, buf])
        return table.set_column(i, "household_id", arr)

    _rewrite(small, tmp_path / "id.parquet", personal)
    with pytest.raises(RegisterError, match="household_id, row 6"):
        Register.load(tmp_path / "id.parquet")


def test_id_numbers_are_found_inside_values_but_ledger_numbers_are_kept():
    from dongchuan_gui.model.register.schema import id_number_rows

    ids = np.array(
        [
            b"11010519491231002X ",  # trailing space
            b"H11010519491231002X",  # a prefix
            b"No.11010519491231002X.",  # inside text
            b"511010519491231002X",  # 19 digits: a longer number, not an ID
            b"110105491231002",  # the old 15-digit form: no check digit to tell
            b"110105-19491231-002X",  # split by dashes: not a run of 18
            b"5301131020010001",  # a 16-digit ledger number
            b"530113102001000123",  # 18 digits without a birth date in it
            # a township village code and a sequence number: a date can be read in it
            # (2012-04-01) but the check digit does not hold: a ledger number, kept
            # (…010000 would pass it by chance, as 1 in 11 such numbers do)
            b"530113201204010001",
            b"SYN-530113201204-010000",
        ],
        dtype="S24",
    )
    assert list(id_number_rows(ids)) == [0, 1, 2]


def test_id_number_check_takes_little_time_per_household():
    from dongchuan_gui.model.register.schema import id_number_rows

    # 200k ledger-like numbers of 18 digits: each is looked at, none is an ID
    rng = np.random.default_rng(1)
    seq = rng.permutation(200_000)
    ids = np.array([b"530113201204%06d" % s for s in seq], dtype="S24")
    found = id_number_rows(ids)
    # about 1 in 11 of those with a plausible date pass the check digit by chance:
    # the rule cannot tell them from ID numbers; it must not take all of them
    assert 0 < len(found) < len(ids) // 8


def test_non_finite_incomes_and_bad_ids_are_refused_on_read(tmp_path):
    import pyarrow.parquet as pq

    from dongchuan_gui.model.register import Register
    from dongchuan_gui.model.register.generate import generate
    from dongchuan_gui.model.register.store import RegisterError

    reg = generate(50, seed=3)
    path = tmp_path / "r.parquet"
    reg.save(path)
    table = pq.read_table(path)
    year = reg.latest_year
    name = f"income_{year}"
    values = table.column(name).to_numpy().copy()
    values[4] = np.inf
    bad = table.set_column(table.schema.get_field_index(name), name, [values])
    pq.write_table(bad, tmp_path / "inf.parquet")
    with pytest.raises(RegisterError, match="infinite"):
        Register.load(tmp_path / "inf.parquet")
    ids = table.column("household_id").to_pylist()
    ids[1] = ids[0]
    import pyarrow as pa

    field = table.schema.field("household_id")
    dup = table.set_column(
        table.schema.get_field_index("household_id"), field, pa.array(ids, type=field.type)
    )
    pq.write_table(dup, tmp_path / "dup.parquet")
    with pytest.raises(RegisterError, match="repeat"):
        Register.load(tmp_path / "dup.parquet")


@pytest.mark.parametrize(
    ("ids", "message"),
    [(["a", "a"], "repeat"), (["x" * 25], "1 to 24"), (["", "b"], "1 to 24"), (["户1"], "ASCII")],
)
def test_household_numbers_are_checked(ids, message, small):
    with pytest.raises(ValueError, match=message):
        Register.from_columns(
            {"household_id": ids, "village": [530113102001] * len(ids), "size": [1] * len(ids)},
            small.meta,
        )


def test_sha256_is_of_the_file_as_loaded(small, tmp_path):
    path = tmp_path / "r.parquet"
    small.save(path)
    reg = Register.load(path)
    generate(10, seed=3).save(path)
    with pytest.raises(RegisterError, match="changed since it was loaded"):
        reg.sha256()


def test_repeated_household_numbers_are_found_even_when_hashes_collide(monkeypatch):
    from dongchuan_gui.model.register import idhash

    ids = np.array([b"A1", b"B2", b"C3", b"B2", b"A1"], dtype="S24")
    assert idhash.first_repeat(ids) == 3
    assert idhash.first_repeat(ids[:3]) is None
    # every hash equal: the full numbers decide
    monkeypatch.setattr(idhash, "id_hash", lambda words: np.zeros(len(words), dtype=np.uint64))
    assert idhash.first_repeat(ids[:3]) is None
    assert idhash.first_repeat(ids) == 3


def test_a_reference_to_a_partitioned_register_is_checked_by_its_manifest(small, tmp_path):
    from dongchuan_gui.model.register.partition import write_partitioned

    folder = tmp_path / "reg"
    write_partitioned(small, folder)
    dataset = tmp_path / "d.json"
    ref = make_ref(folder, dataset, "cn-yunnan-monitoring")
    assert ref.path == "reg" and ref.rows == len(small)
    assert check_ref(ref, dataset) == []
    write_partitioned(generate(10, seed=1), folder, force=True)
    problems = check_ref(ref, dataset)
    assert any("changed" in p for p in problems) and any("10 households" in p for p in problems)
