from __future__ import annotations

import pytest

from dongchuan_gui.model.quality import expressions as ex
from dongchuan_gui.model.quality.findings import all_findings
from dongchuan_gui.model.quality.rules import evaluate_rules, rule_findings

from .helpers import dataset, rule, series


@pytest.mark.parametrize(
    ("op", "left", "right", "holds"),
    [
        ("<=", 10, 10, True),
        ("<=", 11, 10, False),
        ("<", 9, 10, True),
        ("<", 10, 10, False),
        (">=", 10, 10, True),
        (">=", 9, 10, False),
        (">", 11, 10, True),
        (">", 10, 10, False),
        ("==", 10, 10, True),
        ("==", 10.5, 10, False),
        ("!=", 10.5, 10, True),
        ("!=", 10, 10, False),
    ],
)
def test_each_operator_holds_and_fails(op, left, right, holds):
    ds = dataset(validation_rules=[rule(left=str(left), op=op, right="#{jobs}")])
    ds.data.observations[1].value = right  # o2: jobs at program g
    outcomes = evaluate_rules(ds)
    assert [o.holds for o in outcomes] == [holds]
    found = rule_findings(ds)
    assert len(found) == (0 if holds else 1)


def test_tolerance_loosens_equality():
    ds = dataset(validation_rules=[rule(left="100.04", op="==", right="#{jobs}", tolerance=0.05)])
    assert [o.holds for o in evaluate_rules(ds)] == [True]
    ds = dataset(validation_rules=[rule(left="100.06", op="==", right="#{jobs}", tolerance=0.05)])
    assert [o.holds for o in evaluate_rules(ds)] == [False]


def test_failed_rule_message_names_values_place_and_period_in_both_languages():
    ds = dataset(
        validation_rules=[
            rule(
                name_zh="岗位规则",
                message_en="Posts are jobs.",
                message_zh="岗位是就业。",
                importance="high",
            )
        ]
    )
    ds.data.observations[2].value = 150  # posts 150 > jobs 100
    (f,) = rule_findings(ds)
    assert f.importance == "high" and f.record_kind == "validation_rules"
    assert f.text("en") == "r1: 150 <= 100 does not hold (Relocation, —). Posts are jobs."
    assert f.text("zh") == "岗位规则：150 <= 100 不成立（搬迁，—）。岗位是就业。"
    assert (f.value, f.other) == (150, 100)


def test_missing_value_strategies():
    base = dict(left="#{posts} + #{share}", op=">=", right="0")
    for missing, expected in (
        ("skip_if_any_missing", [None]),  # share has no figure at program g
        ("skip_if_all_missing", [True]),  # posts is there: share counts as 0
        ("never_skip", [True]),
    ):
        ds = dataset(validation_rules=[rule(missing=missing, **base)])
        got = [o.holds for o in evaluate_rules(ds) if o.key == (None, "g", None)]
        assert got == expected, missing


def test_children_sum_against_parent_total_at_one_level():
    places = [
        {"id": "v1", "level": "village", "name_zh": "一村", "parent": "t"},
        {"id": "v2", "level": "village", "name_zh": "二村", "parent": "t"},
    ]
    figures = (
        series("jobs", {"2020": 60}, place="v1", prefix="a")
        + series("jobs", {"2020": 50}, place="v2", prefix="b")
        + series("jobs", {"2020": 100}, place="t", prefix="c")
    )
    ds = dataset(
        places=places,
        observations=figures,
        validation_rules=[rule(left="children(#{jobs})", right="#{jobs}", level="town")],
    )
    (f,) = rule_findings(ds)
    assert f.place == "t" and f.period == "2020" and "110 <= 100" in f.text()
    # at village level: villages have no children with figures, so it is skipped there
    ds = dataset(
        places=places,
        observations=figures,
        validation_rules=[rule(left="children(#{jobs})", right="#{jobs}", level="village")],
    )
    outcomes = evaluate_rules(ds)
    assert {o.key[0] for o in outcomes} == {"v1", "v2"}
    assert all(o.holds is None and o.reason == "missing" for o in outcomes)
    assert rule_findings(ds) == []


def test_ledger_rule_reports_no_projects_honestly_then_checks_the_sum():
    total = series("funds", {"2019": 50.4}, program="g", prefix="t")
    r = rule(left="projects.funds / 100", op="==", right="#{funds}", tolerance=0.05)
    funds = [{"id": "funds", "name_zh": "资金", "name_en": "Funds", "unit": "million yuan"}]
    ds = dataset(indicators=funds, observations=total, validation_rules=[r])
    (f,) = rule_findings(ds)
    assert f.code == "rule_no_projects" and "no cooperation projects" in f.text()
    projects = [
        {"id": "p1", "name_zh": "甲", "year": 2019, "funds": 3000, "program": "g"},
        {"id": "p2", "name_zh": "乙", "year": 2019, "funds": 2000},
        {"id": "p3", "name_zh": "丙", "year": 2018, "funds": 999},  # another year
    ]
    ds = dataset(
        indicators=funds, observations=total, validation_rules=[r], cooperation_projects=projects
    )
    (f,) = rule_findings(ds)
    assert f.code == "rule_failed" and "50 == 50.4" in f.text()
    projects[1]["funds"] = 2040
    ds = dataset(
        indicators=funds, observations=total, validation_rules=[r], cooperation_projects=projects
    )
    assert rule_findings(ds) == []


def test_two_figures_for_one_key_must_both_satisfy_the_rule():
    extra = [
        {
            "id": "o2b",
            "indicator": "jobs",
            "program": "g",
            "value": 5,
            "source": "s1",
            "doubt": True,
        }
    ]
    ds = dataset(observations=extra, validation_rules=[rule()])  # posts 10 <= jobs 100 / 5
    (f,) = rule_findings(ds)
    assert "10 <= 5" in f.text()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", "empty"),
        ("#{jobs} +", "ends too early"),
        ("#{Jobs}", "character 1"),
        ("children(3)", "children( takes one"),
        ("projects.money", "projects has funds"),
        ("#{jobs} #{posts}", "unexpected '#{posts}'"[:12]),
        ("2 ^ 3", "unexpected '^"),
        ("(1 + 2", "ends too early"),
    ],
)
def test_bad_expressions_say_where(text, where):
    with pytest.raises(ex.ExpressionError, match=None) as info:
        ex.parse(text)
    assert where in str(info.value)


def test_expression_arithmetic_and_division_by_zero():
    assert ex.evaluate(ex.parse("-(1 + 2) * 3 / 2 - 0.5"), None) == -5.0
    assert ex.evaluate(ex.parse("1 / 0"), None) is None


def test_bad_rule_is_a_load_error_naming_the_side(tmp_path):
    from dongchuan_gui.model.checks import check_dataset

    ds = dataset(validation_rules=[rule(right="#{nowhere}")])
    problems = check_dataset(ds.data, "f.json")
    assert any(p.path == "$.validation_rules[0].right" and "nowhere" in p.message for p in problems)


def test_bundled_rules_pass_and_report_the_empty_ledger(seed_data):
    from dongchuan_gui.model.dataset import Dataset

    ds = Dataset(seed_data)
    found = [f for f in all_findings(ds) if f.kind == "rule"]
    assert {f.code for f in found} == {"rule_no_projects"}
    assert {f.record_id for f in found} == {
        "ledger-funds-within-total",
        "ledger-funds-complete",
        "ledger-count-complete",
    }
    held = [o for o in evaluate_rules(ds) if o.holds]
    assert {o.rule.id for o in held} >= {"posts-within-jobs", "incidence-is-share"}


@pytest.mark.parametrize(
    "text",
    ["-" * 1000 + "1", "(" * 900 + "1" + ")" * 900, "+".join(["1"] * 900), "1" * 2001],
)
def test_deep_or_long_expressions_are_refused_not_recursed(text):
    with pytest.raises(ex.ExpressionError):
        ex.parse(text)


def test_a_hostile_rule_in_a_file_is_a_load_error_not_a_crash():
    import msgspec

    from dongchuan_gui.model import loads
    from dongchuan_gui.model.problems import DatasetError

    from ...conftest import make_doc

    doc = make_doc()
    doc["validation_rules"] = [rule(left="-" * 1500 + "1")]
    with pytest.raises(DatasetError) as info:
        loads(msgspec.json.encode(doc))
    assert "validation_rules[0].left" in str(info.value.problems[0])


@pytest.mark.parametrize(
    ("left", "right", "why"),
    [
        ("1e308 * 10", "5", "not_finite"),
        ("#{jobs} * 1e307", "1", "not_finite"),
        ("#{jobs} / (#{posts} - 10)", "1", "not_finite"),  # posts is 10: division by zero
    ],
)
def test_an_overflow_or_a_division_by_zero_is_never_a_pass(left, right, why):
    ds = dataset(validation_rules=[rule(left=left, op="<=", right=right, importance="high")])
    (f,) = [f for f in rule_findings(ds) if f.program == "g" or f.place is None]
    assert f.code == "rule_not_evaluable" and f.params["why"] == why
    assert "cannot be evaluated" in f.text() and "无法计算" in f.text("zh")


def test_every_pairing_of_repeated_figures_is_checked():
    a = [
        {
            "id": f"a{i}",
            "indicator": "posts",
            "program": "g",
            "value": v,
            "source": "s1",
            "doubt": True,
        }
        for i, v in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])
    ]
    b = [
        {
            "id": f"b{i}",
            "indicator": "jobs",
            "program": "g",
            "value": 50 + i,
            "source": "s1",
            "doubt": True,
        }
        for i in range(10)
    ]
    ds = dataset(observations=a + b, validation_rules=[rule()])
    (f,) = rule_findings(ds)
    assert f.code == "rule_failed" and f.value == 100


def test_repeated_figures_against_a_children_sum_use_the_sum():
    places = [
        {"id": "v1", "level": "village", "name_zh": "一村", "parent": "t"},
        {"id": "v2", "level": "village", "name_zh": "二村", "parent": "t"},
    ]
    obs = (
        series("jobs", {"2020": 100}, place="v1", prefix="a")
        + series("jobs", {"2020": 100}, place="v2", prefix="b")
        + series("posts", {"2020": 10}, place="t", prefix="c")
        + [{**series("posts", {"2020": 11}, place="t", prefix="d")[0], "doubt": True}]
    )
    ds = dataset(
        places=places,
        observations=obs,
        validation_rules=[rule(left="#{posts}", right="children(#{jobs})")],
    )
    assert rule_findings(ds) == []  # 10 and 11 are both within 200


def test_a_child_with_two_figures_makes_the_children_sum_not_evaluable():
    places = [{"id": "v1", "level": "village", "name_zh": "一村", "parent": "t"}]
    obs = (
        series("jobs", {"2020": 100}, place="v1", prefix="a")
        + [{**series("jobs", {"2020": 100000}, place="v1", prefix="b")[0], "doubt": True}]
        + series("jobs", {"2020": 1701}, place="t", prefix="c")
    )
    ds = dataset(
        places=places,
        observations=obs,
        validation_rules=[rule(left="children(#{jobs})", right="#{jobs}")],
    )
    (f,) = [f for f in rule_findings(ds) if f.place == "t"]
    assert f.code == "rule_not_evaluable" and f.params["why"] == "child_twice"


def test_ledger_sums_keep_people_and_households_apart_and_need_every_amount():
    people = [{"id": "ppl", "name_zh": "人数", "name_en": "People", "unit": "people"}]
    total = series("ppl", {"2019": 600}, program="g", prefix="t")
    projects = [
        {"id": "p1", "name_zh": "甲", "year": 2019, "funds": 1, "beneficiaries": 600},
        {
            "id": "p2",
            "name_zh": "乙",
            "year": 2019,
            "funds": 1,
            "beneficiaries": 300,
            "beneficiaries_unit": "households",
        },
    ]
    r = rule(left="projects.people", op="==", right="#{ppl}")
    ds = dataset(
        indicators=people, observations=total, validation_rules=[r], cooperation_projects=projects
    )
    assert rule_findings(ds) == []  # 600 people; the 300 households are not added in
    projects[1].pop("funds")
    r = rule(left="projects.funds", op="<=", right="#{ppl}")
    ds = dataset(
        indicators=people, observations=total, validation_rules=[r], cooperation_projects=projects
    )
    (f,) = rule_findings(ds)
    assert f.params["why"] == "project_missing"
