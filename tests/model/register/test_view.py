"""The household table without Qt: filters, sorts, counts and cell text."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dongchuan_gui.model.register import Register, RegisterMeta, default_rules, evaluate
from dongchuan_gui.model.register.columns import _float_key, id_order
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.register.rules import AT_RISK, NO_DATA, NO_RISK, VERDICTS
from dongchuan_gui.model.register.schema import MEASURE
from dongchuan_gui.model.register.view import TableFilter, TableView, filter_mask

from .helpers import household

RULES = default_rules()
CAIYUAN, DAPINGDI, JINGTONG = 530113102001, 530113102002, 530113001001  # Tangdan x2, Tongdu
TANGDAN = 530113102000


def build(rows, ids, years=(2024, 2025), sites=("", "yinmin-resettlement")):
    columns = {name: [r[name] for r in rows] for name in rows[0] if name != "measures"}
    columns["household_id"] = ids
    meta = RegisterMeta(years=years, title="test", sites=sites)
    return Register.from_columns(columns, meta, [r.get("measures", []) for r in rows])


@pytest.fixture(scope="module")
def small():
    """Seven households, each built to pass or fail one filter."""
    rows = [
        # 0: below the line, monitored (unstable), dibao, illness, relocated to Yinmin
        household(village=CAIYUAN, status="monitoring", attribute=2, cause_main=1,
                  reloc_kind=1, reloc_site=1, reloc_year=2017,
                  income={2024: 8000.0, 2025: 8000.0}, measures=[2, 10]),
        # 1: well above, never identified, ordinary, other causes illness + skills
        household(village=JINGTONG, cause_main=8, cause_other=(1 << 1) | (1 << 8),
                  income={2025: 12000.0}),
        # 2: no 2025 income recorded
        household(village=CAIYUAN, income={2025: math.nan}),
        # 3: above the line only thanks to 3,000 yuan of transfers
        household(village=DAPINGDI, income={2025: 9000.0}, transfer_2025=3000.0,
                  wage_2025=6000.0, status="eliminated", mon_type=2),
        # 4: exactly on the line, destitute, water not recorded
        household(village=DAPINGDI, attribute=3, cause_main=3, income={2025: 8700.0},
                  water_2025=-1, food_2025=0, employed_2025=-1),
        # 5: 1,234,567.89 yuan: thousands separators
        household(village=JINGTONG, income={2025: 1234567.89}, reloc_kind=2),
        # 6: sudden hardship in monitoring, just below
        household(village=JINGTONG, status="monitoring", mon_type=3, income={2025: 8699.99},
                  identified=np.datetime64("2025-03-04")),
    ]
    ids = ["H-30", "H-10", "H-7", "H-200", "H-11", "H-2", "H-01"]
    reg = build(rows, ids)
    return reg, evaluate(reg, RULES, 2025)


def shown(view):
    return view.order.tolist()


def test_each_filter_keeps_exactly_its_households(small):
    reg, ev = small
    cases = {
        TableFilter(): [0, 1, 2, 3, 4, 5, 6],
        TableFilter(towns=(TANGDAN,)): [0, 2, 3, 4],
        TableFilter(villages=(JINGTONG,)): [1, 5, 6],
        TableFilter(villages=(DAPINGDI,), towns=(530113001000,)): [1, 3, 4, 5, 6],
        TableFilter(mon_types=(1,)): [0],
        TableFilter(mon_types=(0,)): [1, 2, 4, 5],
        TableFilter(mon_types=(1, 2, 3, 0, 9)): [0, 1, 2, 3, 4, 5, 6],  # the lookup table
        TableFilter(risk_statuses=(2,)): [3],
        TableFilter(attributes=(2, 3)): [0, 4],
        TableFilter(causes=(1,)): [0, 2, 3, 5, 6],
        TableFilter(causes=(8,)): [1],
        TableFilter(causes=(3,)): [4],
        TableFilter(causes=(8,), any_cause=True): [1],
        TableFilter(causes=(1,), any_cause=True): [0, 1, 2, 3, 5, 6],
        TableFilter(relocated=True): [0, 5],
        TableFilter(relocated=False): [1, 2, 3, 4, 6],
        TableFilter(income_min=8700.0): [1, 3, 4, 5],
        TableFilter(income_max=8700.0): [0, 4, 6],
        TableFilter(income_min=8699.99, income_max=9000.0): [3, 4, 6],
        TableFilter(below_line=True): [0, 6],
        TableFilter(below_line=False): [1, 3, 4, 5],
        TableFilter(verdicts=(NO_DATA,)): [2],
        TableFilter(newly_below=True, what_if_line=9000.01): [3, 4],
        TableFilter(newly_below=True, what_if_line=8700.0, without_transfer=True): [1, 3, 4],
        TableFilter(what_if_line=9000.0): [0, 1, 2, 3, 4, 5, 6],  # a line alone filters nothing
        TableFilter(towns=(TANGDAN,), below_line=True, attributes=(2,)): [0],
    }
    view = TableView(reg, ev)
    for spec, expected in cases.items():
        view.set_filter(spec)
        assert shown(view) == expected, spec


def test_filters_needing_the_evaluation_say_so(small):
    reg, ev = small
    with pytest.raises(ValueError, match="evaluation"):
        filter_mask(reg, None, TableFilter(below_line=True))
    with pytest.raises(ValueError, match="what-if line"):
        filter_mask(reg, ev, TableFilter(newly_below=True))
    with pytest.raises(ValueError, match="evaluation is of 2025"):
        TableView(reg, ev, 2024)
    assert filter_mask(reg, ev, TableFilter()) is None


def test_verdict_filter_and_sort_by_verdict_label(small):
    reg, ev = small
    view = TableView(reg, ev, lang="en")
    view.set_filter(TableFilter(verdicts=(AT_RISK, NO_RISK)))
    assert set(shown(view)) == {i for i in range(7) if ev.verdict[i] in (AT_RISK, NO_RISK)}
    view.sort("verdict")
    labels = [view.value(i, "verdict") for i in range(len(view))]
    assert labels == sorted(labels)


def test_sort_numbers_missing_last_both_ways_and_stable(small):
    reg, ev = small
    view = TableView(reg, ev)
    view.sort("income")
    assert shown(view) == [0, 6, 4, 3, 1, 5, 2]
    view.sort("income", descending=True)
    assert shown(view) == [5, 1, 3, 4, 6, 0, 2]
    view.sort("size")  # all equal: register order, either way
    assert shown(view) == list(range(7))
    view.sort("size", descending=True)
    assert shown(view) == list(range(7))
    view.sort("employed")  # -1 (not recorded) last
    assert shown(view)[-1] == 4
    view.sort("employed", descending=True)
    assert shown(view)[-1] == 4
    view.sort("identified", descending=True)  # NaT last
    assert shown(view)[0] == 6


def test_sort_then_filter_masks_the_permutation(small):
    reg, ev = small
    view = TableView(reg, ev)
    view.sort("income", descending=True)
    view.set_filter(TableFilter(towns=(TANGDAN,)))
    assert shown(view) == [3, 4, 0, 2]
    view.sort(None)
    assert shown(view) == [0, 2, 3, 4]
    view.set_filter(TableFilter())
    view.sort("household_id")
    assert [view.value(i, "household_id") for i in range(7)] == sorted(
        ["H-30", "H-10", "H-7", "H-200", "H-11", "H-2", "H-01"]
    )


def test_cell_text_in_both_languages(small):
    reg, ev = small
    view = TableView(reg, ev, lang="zh")
    assert view.value(0, "household_id") == "H-30"
    assert view.value(0, "income") == "8,000.00"
    assert view.value(5, "income") == "1,234,567.89"
    assert view.value(2, "income") == "–"
    assert view.value(0, "gap") == "-700.00"
    assert view.value(0, "line") == "8,700.00"
    assert view.value(0, "town") == "汤丹镇"
    assert view.value(0, "village_name") == "菜园社区"
    assert view.value(0, "village") == "530113102001"
    assert view.value(0, "attribute") == "低保户"
    assert view.value(0, "reloc_site") == "因民镇搬迁安置社区（名称不详）"
    assert view.value(1, "reloc_site") == ""
    assert view.value(0, "measures") == "就业帮扶、搬迁后续扶持"
    assert view.value(1, "cause_other") == "因病、缺技术"
    assert view.value(4, "water") == "–" and view.value(4, "food") == "✗"
    assert view.value(4, "clothing") == "✓"
    assert view.value(4, "employed") == "–" and view.value(0, "employed") == "1"
    assert view.value(0, "registered_year") == "2014" and view.value(0, "reloc_year") == "2017"
    assert view.value(1, "reloc_year") == ""
    assert view.value(6, "identified") == "2025-03-04" and view.value(0, "identified") == ""
    assert view.value(0, "no_labour") == ""
    assert view.value(0, "verdict") == "继续监测"  # monitored, below the line
    assert "低于监测线" in view.value(0, "reasons")
    assert view.header("income") == "人均纯收入（2025）"
    view.set_language("en")
    assert view.value(0, "attribute") == "dibao (minimum living allowance)"
    assert view.value(0, "town") == "Tangdan Town"
    assert view.value(0, "measures") == "employment, relocation follow-up"
    assert view.value(0, "reasons").split(", ")[0] == "below the line"
    assert view.value(0, "income_2024") == "8,000.00"
    assert view.header("income") == "net income per person (2025)"


def test_language_switch_resorts_label_columns(small):
    reg, ev = small
    view = TableView(reg, ev, lang="en")
    view.sort("attribute")
    en = [view.value(i, "attribute") for i in range(7)]
    assert en == sorted(en)
    assert view.set_language("zh")  # 一般户 < 低保户 < 特困供养户 in code-point order
    zh = [view.value(i, "attribute") for i in range(7)]
    assert zh == sorted(zh)
    view.sort("income")
    assert not view.set_language("en")


def test_counts_of_what_is_shown(small):
    reg, ev = small
    view = TableView(reg, ev)
    counts = view.counts()
    assert (counts.shown, counts.total, counts.persons) == (7, 7, 21)
    assert counts.in_monitoring == (5, 1, 0, 1)  # row 3 is eliminated: not in monitoring
    assert counts.below_line == 2 and counts.no_income == 1
    view.set_filter(TableFilter(towns=(TANGDAN,)))
    counts = view.counts()
    assert (counts.shown, counts.persons, counts.in_monitoring) == (4, 12, (3, 1, 0, 0))
    assert counts.below_line == 1 and counts.no_income == 1
    assert TableView(reg).counts().below_line is None


def test_rows_ids_and_display_rows(small):
    reg, ev = small
    view = TableView(reg, ev)
    view.sort("income")
    assert view.row(0) == 0 and view.display_row_of(2) == 6
    assert view.find("H-200") == 3 and view.find("H-999") is None and view.find("户") is None
    view.set_filter(TableFilter(towns=(TANGDAN,)))
    assert view.display_row_of(1) is None
    assert len(view) == 4


def test_catalogue_lists_every_column_once(small):
    reg, ev = small
    keys = [c.key for c in TableView(reg, ev).columns]
    assert len(keys) == len(set(keys))
    assert {"line", "gap", "verdict", "reasons", "income_2024"} <= set(keys)
    assert "income_2025" not in keys  # the table's year is "income"
    plain = [c.key for c in TableView(reg).columns]
    assert "verdict" not in plain and "line" not in plain
    view = TableView(reg, ev)
    assert view.default_columns()[0] == "household_id"
    with pytest.raises(ValueError, match="cannot be sorted"):
        view.sort("measures")


# ----- sorting against a plain Python sort, every sortable column

@pytest.fixture(scope="module")
def generated():
    reg = generate(3000, seed=2)
    return reg, evaluate(reg, RULES)


def plain_key(view, key: str, lang: str):
    """(missing, value) per row, the value as a person would compare it."""
    reg = view.register
    spec = view.source.specs[key]
    if spec.kind in ("code", "verdict", "place") and key != "village":
        text = view.source.formatter(key, lang)
        texts = [text(r) for r in range(len(reg))]
        pos = {t: i for i, t in enumerate(sorted(set(texts)))}
        return [(key == "reloc_site" and t == "", pos[t]) for t in texts]
    if key == "household_id":
        return [(False, bytes(x)) for x in reg.columns[key]]
    col = view.source.array(key)
    if spec.kind == "money":
        return [(math.isnan(v), 0.0 if math.isnan(v) else v) for v in col.tolist()]
    if spec.kind == "date":
        return [(bool(np.isnat(v)), int(v.astype(np.int64)) if not np.isnat(v) else 0)
                for v in col]
    missing_at = {"year": 0, "flag": -1}.get(spec.kind, -1 if key == "employed" else None)
    return [(v == missing_at if missing_at is not None else False,
             v if v != missing_at else 0) for v in col.astype(np.int64).tolist()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sortable_column_matches_a_python_sort(generated, lang):
    reg, ev = generated
    view = TableView(reg, ev, lang=lang)
    for spec in view.columns:
        if not spec.sortable:
            continue
        keys = plain_key(view, spec.key, lang)
        rows = range(len(reg))
        up = sorted(rows, key=lambda r, k=keys: (k[r][0], k[r][1]))
        down = sorted(rows, key=lambda r, k=keys: k[r][1], reverse=True)  # stable
        down = [r for r in down if not keys[r][0]] + [r for r in down if keys[r][0]]
        view.sort(spec.key)
        assert shown(view) == up, spec.key
        view.sort(spec.key, descending=True)
        assert shown(view) == down, spec.key


def test_id_order_paths():
    rng = np.random.default_rng(3)
    listed = np.array([f"530113{i:08d}".encode() for i in range(500)], dtype="S24")
    assert id_order(listed).tolist() == list(range(500))  # already in order
    shuffled = listed[rng.permutation(500)]
    assert np.array_equal(shuffled[id_order(shuffled)], listed)  # one packed key
    letters = np.frombuffer(b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789",
                            dtype=np.uint8)
    wild = letters[rng.integers(0, len(letters), (800, 24))].view("S24").ravel()
    wild[::7] = np.char.ljust(wild[::7].astype("S3"), 3)  # shorter ids sort first
    wild = np.unique(wild)[rng.permutation(len(np.unique(wild)))]
    assert np.array_equal(wild[id_order(wild)], np.sort(wild))  # several keys, lexsort


def test_float_key_of_values_that_are_not_whole_fen():
    col = np.array([0.001, 0.0005, np.nan, -1.5, 0.001, 2e300])
    assert _float_key(col, False).tolist() == [3, 1, 0, 4, 5, 2]
    assert _float_key(col, True).tolist() == [5, 0, 4, 1, 3, 2]


def test_measure_labels_come_from_the_code_table(small):
    reg, ev = small
    view = TableView(reg, ev, lang="en")
    assert view.value(0, "measures") == ", ".join(MEASURE.label(v, "en") for v in [2, 10])
    assert VERDICTS[int(ev.verdict[0])].en == view.value(0, "verdict")


def test_place_filter_on_few_and_many_villages_sorted_or_not(generated):
    reg, _ = generated
    villages = reg.columns["village"]
    towns = villages // 1000 * 1000
    all_towns = tuple(int(t) for t in np.unique(towns))
    few = TableFilter(towns=(TANGDAN,), villages=(JINGTONG,))  # rows lists
    many = TableFilter(towns=all_towns[:-1])  # one lookup per household
    for spec in (few, many):
        chosen = set(spec.villages)
        expected = [i for i in range(len(reg))
                    if int(villages[i]) in chosen or int(towns[i]) in spec.towns]
        assert np.flatnonzero(filter_mask(reg, None, spec)).tolist() == expected
    # a ledger not listed village by village
    order = (JINGTONG, CAIYUAN, 530113102202, JINGTONG, DAPINGDI, CAIYUAN, 530113102201)
    shuffled = build([household(village=v) for v in order], list("abcdefg"))
    for spec, expected in ((TableFilter(villages=(CAIYUAN,)), [1, 5]),  # rows lists
                           (TableFilter(towns=(TANGDAN,)), [1, 2, 4, 5, 6])):  # lookup
        assert np.flatnonzero(filter_mask(shuffled, None, spec)).tolist() == expected


def test_refresh_after_an_edit_sorts_and_filters_the_new_values():
    rows = [household(village=CAIYUAN, income={2025: v}) for v in (9000.0, 8000.0, 10000.0)]
    reg = build(rows, ["a", "b", "c"])
    view = TableView(reg, evaluate(reg, RULES, 2025))
    view.sort("income")
    view.set_filter(TableFilter(below_line=True))
    assert shown(view) == [1]
    reg.columns["income_2025"][2] = 7000.0  # an edit (the undo command does this)
    view.refresh(evaluate(reg, RULES, 2025))
    assert shown(view) == [2, 1] and view.value(0, "income") == "7,000.00"
    view.set_filter(TableFilter())
    assert shown(view) == [2, 1, 0]
    with pytest.raises(ValueError, match="evaluation is of 2024"):
        view.refresh(evaluate(reg, RULES, 2024))


def test_rebind_after_an_edit_keeps_the_rows_and_reads_the_copied_column():
    rows = [household(village=CAIYUAN, income={2025: v}) for v in (9000.0, 8000.0, 10000.0)]
    reg = build(rows, ["a", "b", "c"])
    view = TableView(reg, evaluate(reg, RULES, 2025))
    view.sort("income")
    view.set_filter(TableFilter(below_line=True))
    assert view.value(0, "verdict") != VERDICTS[NO_RISK].zh
    # the session copies a read-only column on its first edit: the view must follow
    reg.columns["income_2025"] = np.array(reg.columns["income_2025"], copy=True)
    reg.columns["income_2025"][1] = 20000.0
    view.rebind(evaluate(reg, RULES, 2025))
    assert shown(view) == [1]  # still shown where it was, until filtered again
    assert view.value(0, "income") == "20,000.00"
    assert view.value(0, "verdict") == VERDICTS[NO_RISK].zh
    assert view.counts().below_line == 0
    view.sort("income", descending=True)  # cached orders were dropped
    view.set_filter(TableFilter())
    assert shown(view) == [1, 2, 0]
    with pytest.raises(ValueError, match="evaluation is of 2024"):
        view.rebind(evaluate(reg, RULES, 2024))


def test_counts_are_the_same_over_the_rows_shown_and_over_the_mask():
    reg = generate(3000, seed=5)
    ev = evaluate(reg, RULES, 2025)
    view = TableView(reg, ev)
    income = reg.income(2025)
    category = np.where(reg.columns["risk_status"] == 1, reg.columns["mon_type"], 0)
    sizes = []
    for spec in (TableFilter(), TableFilter(villages=(CAIYUAN,)),  # narrow: by the rows
                 TableFilter(attributes=(2, 3)),  # between: over the mask
                 TableFilter(mon_types=(0,)), TableFilter(below_line=False)):  # wide: hidden
        view.set_filter(spec)
        sizes.append(len(view) / 3000)
        view.sort("income", descending=True)
        rows = view.order
        counts = view.counts()
        assert counts.shown == len(rows) and counts.total == 3000
        assert counts.persons == reg.columns["size"][rows].sum()
        assert counts.in_monitoring == tuple(np.bincount(category[rows], minlength=4))
        assert counts.below_line == np.count_nonzero(income[rows] < ev.line[rows])
        assert counts.no_income == np.count_nonzero(np.isnan(income[rows]))
    assert sizes[1] < 1 / 8 < sizes[2] <= 1 / 2 < sizes[3]  # each way of counting
