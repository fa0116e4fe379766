"""The Rules page of the Data Quality tab, driven by hand in the main window on a copy
of the bundled dataset: a rule's sides typed in change the findings, Ctrl+Z brings
the rule back, a side that is not an expression is refused at its field, rules are
added and removed with undo, and a rule finding opens its rule."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dongchuan_gui.model import load_path
from tests.ui.real_input import LEFT, click, settle, shortcut, type_into

RULE = "posts-within-jobs"
KIND = "validation_rules"


def quality_tab(qtbot, window):
    """Ctrl+9 (the Data Quality tab), then a click on its Rules page."""
    shortcut(qtbot, window, "Ctrl+9")
    tab = window.tab("quality")
    assert window.tab_widget.currentWidget() is tab
    bar = tab.pages.tabBar()
    index = tab.pages.indexOf(tab.rules)
    click(qtbot, bar, bar.tabRect(index).center())
    assert tab.pages.currentWidget() is tab.rules
    return tab


def click_rule(qtbot, tab, rule_id: str) -> None:
    page = tab.rules
    item = page.item_of(rule_id)
    assert item is not None, f"{rule_id} is not listed"
    page.list.scrollToItem(item)
    click(qtbot, page.list.viewport(), page.list.visualItemRect(item).center())
    settle(qtbot)
    assert page.current_rule() == rule_id


def failed(tab, rule_id: str) -> list:
    return [f for f in tab.found if f.test == rule_id and f.code == "rule_failed"]


def count_text(tab, rule_id: str) -> str:
    return tab.rules.item_of(rule_id).text(3)


def test_rules_page_lists_every_rule_in_the_interface_language(qtbot, window):
    tab = quality_tab(qtbot, window)
    rules = window.document.dataset.data.validation_rules
    page = tab.rules
    assert page.rule_ids() == [r.id for r in rules]
    item = page.item_of(RULE)
    assert item.text(0) == "Public-service posts within jobs created"  # en interface
    assert item.text(1) == "high"
    assert item.text(2) == "#{public-service-posts} <= #{jobs-created}"
    assert item.text(3) == "0"
    # the ledger rules cannot be checked before projects are entered
    qtbot.waitUntil(lambda: count_text(tab, "ledger-count-complete") == "1 not checked")


def test_typed_right_side_fails_the_rule_and_ctrl_z_restores_it(qtbot, window):
    tab = quality_tab(qtbot, window)
    click_rule(qtbot, tab, RULE)
    editor = tab.rules.editor
    right = editor.widget("right")
    assert right.text() == "#{jobs-created}"
    qtbot.waitUntil(lambda: bool(tab.found))
    assert not failed(tab, RULE)

    type_into(qtbot, right, "100")  # 5,000 public-service posts are more than 100
    rule = window.document.dataset.get(KIND, RULE)
    assert rule.right == "100"
    assert tab.rules.item_of(RULE).text(2) == "#{public-service-posts} <= 100"
    qtbot.waitUntil(lambda: len(failed(tab, RULE)) == 1)
    (finding,) = failed(tab, RULE)
    assert finding.importance == "high"
    qtbot.waitUntil(lambda: count_text(tab, RULE) == "1 failed")
    assert "1 rule failed" in window.quality_status.text()
    assert window.undo_action.text().startswith("Undo Change right side of validation rule")
    assert editor.widget("right") is right  # the form is updated in place

    shortcut(qtbot, window, "Ctrl+Z")
    assert window.document.dataset.get(KIND, RULE).right == "#{jobs-created}"
    assert right.text() == "#{jobs-created}"
    qtbot.waitUntil(lambda: not failed(tab, RULE))
    qtbot.waitUntil(lambda: count_text(tab, RULE) == "0")
    assert window.document.is_clean


@pytest.mark.parametrize(
    ("side", "text", "message"),
    [
        ("right", "#{nowhere}", "unknown indicator 'nowhere' in #{nowhere}"),
        ("left", "(#{jobs-created} +", "the expression ends too early"),
        ("right", "", "right"),  # a rule needs both sides
    ],
)
def test_a_side_that_is_not_an_expression_is_refused_at_its_field(
    qtbot, window, side, text, message
):
    tab = quality_tab(qtbot, window)
    click_rule(qtbot, tab, RULE)
    before = window.document.dataset.get(KIND, RULE)
    field = tab.rules.editor.widget(side)
    type_into(qtbot, field, text)
    assert message in tab.rules.editor.error_text(side)
    assert window.document.dataset.get(KIND, RULE) == before  # the stored rule stays
    assert field.text() == getattr(before, side)  # and the field shows it again
    assert window.document.undo_stack.count() == 0
    assert window.message_box is None  # said at the field, not in a box
    # a valid side afterwards goes through and the message goes away
    type_into(qtbot, field, "#{jobs-created}" if side == "right" else "#{public-service-posts}")
    assert tab.rules.editor.error_text(side) == ""


def test_add_a_rule_type_its_name_remove_it_and_undo(qtbot, window):
    tab = quality_tab(qtbot, window)
    page = tab.rules
    dataset = window.document.dataset
    before = [r.id for r in dataset.data.validation_rules]
    qtbot.waitUntil(lambda: bool(tab.found))
    findings_before = [f.key for f in tab.found]

    click(qtbot, page.add_button)
    settle(qtbot)
    (added,) = [r for r in dataset.data.validation_rules if r.id not in before]
    assert added.id == "rule-1"
    assert (added.name_en, added.name_zh) == ("New rule", "新规则")
    assert (added.left, added.operator, added.right) == ("#{poverty-incidence}", ">=", "0")
    assert added.importance == "medium"
    assert page.current_rule() == "rule-1"  # selected, in the form, ready to type
    assert page.editor.widget("name_en").text() == "New rule"
    assert page.item_of("rule-1").text(0) == "New rule"
    assert window.undo_action.text() == "Undo Add validation rule"
    settle(qtbot, 300)
    assert [f.key for f in tab.found] == findings_before  # the template holds

    type_into(qtbot, page.editor.widget("name_en"), "Incidence not negative")
    assert dataset.get(KIND, "rule-1").name_en == "Incidence not negative"
    assert page.item_of("rule-1").text(0) == "Incidence not negative"

    click(qtbot, page.remove_button)
    settle(qtbot)
    assert dataset.get(KIND, "rule-1") is None
    assert page.rule_ids() == before
    assert page.current_rule() == before[-1]  # the one now in its place

    shortcut(qtbot, window, "Ctrl+Z")  # the removal
    assert dataset.get(KIND, "rule-1").name_en == "Incidence not negative"
    assert "rule-1" in page.rule_ids()
    shortcut(qtbot, window, "Ctrl+Z")  # the name
    shortcut(qtbot, window, "Ctrl+Z")  # the addition
    assert dataset.get(KIND, "rule-1") is None
    assert page.rule_ids() == before
    assert window.document.is_clean


def test_remove_a_rule_that_fails_takes_its_findings(qtbot, window):
    tab = quality_tab(qtbot, window)
    click_rule(qtbot, tab, "ledger-count-complete")
    qtbot.waitUntil(lambda: any(f.test == "ledger-count-complete" for f in tab.found))
    click(qtbot, tab.rules.remove_button)
    qtbot.waitUntil(lambda: not any(f.test == "ledger-count-complete" for f in tab.found))
    assert "ledger-count-complete" not in tab.rules.rule_ids()
    shortcut(qtbot, window, "Ctrl+Z")
    assert "ledger-count-complete" in tab.rules.rule_ids()
    qtbot.waitUntil(lambda: any(f.test == "ledger-count-complete" for f in tab.found))


def test_double_click_on_a_rule_finding_opens_the_rule(qtbot, window):
    shortcut(qtbot, window, "Ctrl+9")
    tab = window.tab("quality")
    tab.pages.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    row = next(
        r
        for r in range(tab.model.rowCount())
        if tab.model.finding(r).record_kind == KIND
        and tab.model.finding(r).record_id == "ledger-funds-within-total"
    )
    index = tab.model.index(row, 3)
    tab.table.scrollTo(index)
    pos: QPoint = tab.table.visualRect(index).center()
    viewport = tab.table.viewport()
    qtbot.mouseClick(viewport, LEFT, pos=pos)
    qtbot.mouseDClick(viewport, LEFT, pos=pos)
    qtbot.mouseRelease(viewport, LEFT, pos=pos)
    settle(qtbot)
    assert window.tab_widget.currentWidget() is tab
    assert tab.pages.currentWidget() is tab.rules
    assert tab.rules.current_rule() == "ledger-funds-within-total"
    assert tab.rules.editor.widget("left").text() == "projects.funds / 100"
    assert window.current_location().kind == KIND
    # and back: its findings, selected, on the Findings page
    click(qtbot, tab.rules.findings_button)
    assert tab.pages.currentIndex() == 0
    selected = tab.selected_findings()
    assert selected and {f.test for f in selected} == {"ledger-funds-within-total"}


def test_navigate_to_a_rule_and_save_what_is_still_being_typed(qtbot, window, data_file):
    assert window.navigate(KIND, "incidence-is-share")
    tab = window.tab("quality")
    assert tab.pages.currentWidget() is tab.rules
    assert tab.rules.current_rule() == "incidence-is-share"
    right = tab.rules.editor.widget("right")
    click(qtbot, right)
    QTest.keyClick(right, Qt.Key.Key_End)
    QTest.keyClicks(right, " + 0")
    shortcut(qtbot, window, "Ctrl+S")  # without leaving the field
    saved = {r.id: r.right for r in load_path(data_file).data.validation_rules}
    assert saved["incidence-is-share"] == "100 + 0"
    assert not window.navigate(KIND, "no-such-rule")


def test_clicking_another_rule_keeps_what_was_typed_in_the_first(qtbot, window):
    tab = quality_tab(qtbot, window)
    click_rule(qtbot, tab, RULE)
    right = tab.rules.editor.widget("right")
    click(qtbot, right)
    QTest.keyClick(right, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(right, "#{jobs-created} * 2")
    click_rule(qtbot, tab, "incidence-is-share")  # leaves the field by a click
    dataset = window.document.dataset
    assert dataset.get(KIND, RULE).right == "#{jobs-created} * 2"
    assert dataset.get(KIND, "incidence-is-share").right == "100"
    assert tab.rules.editor.widget("right").text() == "100"
    assert tab.rules.item_of(RULE).text(2) == "#{public-service-posts} <= #{jobs-created} * 2"
