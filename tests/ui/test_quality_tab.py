"""The Data Quality tab driven by hand: findings of each kind, filters, marks with undo,
a mark that goes stale, opening the record, the PDF report.

The tab runs alone with a Document (no main window): its ``command_requested`` is
pushed on the document's undo stack and the document's changes reach
``apply_changes``, as the window wires them."""

from __future__ import annotations

import datetime as dt

import msgspec
import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.quality.findings import all_findings, counts
from dongchuan_gui.ui.commands import EditRecord
from dongchuan_gui.ui.document import Document
from dongchuan_gui.ui.quality_marks import login_name
from dongchuan_gui.ui.tabs.quality import QualityTab
from dongchuan_gui.ui.widgets.quality_model import COLUMNS
from tests.conftest import SEED
from tests.model.quality.helpers import dataset as small_dataset
from tests.model.quality.helpers import rule, series
from tests.ui.real_input import (
    LEFT,
    choose,
    choose_in_menu,
    click,
    click_item,
    context_menu,
    settle,
    shortcut,
    show_active,
    type_into,
)

CALM = {str(y): 100 + (y % 3) for y in range(2008, 2020)}  # 12 calm values, 100..102
RULE = "posts-within-jobs"


def built() -> Dataset:
    """Made-up figures with one finding of each kind: an unsourced figure, a doubtful
    one, an outlier (2020's 160 jobs against ~101: z-score and MAD) and a failed rule
    (200 public-welfare posts among 160 jobs)."""
    return small_dataset(
        observations=[
            *series("jobs", {**CALM, "2020": 160}, place="t", prefix="jobs"),
            {"id": "no-src", "indicator": "share", "place": "t", "period": "2021", "value": 12.5},
            {
                "id": "dbt",
                "indicator": "share",
                "place": "d",
                "period": "2018",
                "value": 9.9,
                "source": "s1",
                "doubt": True,
                "comment": "Two sources disagree.",
            },
            {
                "id": "posts-2020",
                "indicator": "posts",
                "place": "t",
                "period": "2020",
                "value": 200,
                "source": "s1",
            },
        ],
        validation_rules=[rule(RULE, name_zh="公益岗位不超过岗位总数", importance="high")],
    )


def make_tab(qtbot, doc: Document, lang: str = "en") -> QualityTab:
    tab = QualityTab(lang=lang)
    qtbot.addWidget(tab)
    tab.command_requested.connect(doc.push)
    doc.changed.connect(lambda change: tab.apply_changes([change]))
    for action in (doc.undo_stack.createUndoAction(tab), doc.undo_stack.createRedoAction(tab)):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tab.addAction(action)
    tab.actions()[0].setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    tab.actions()[1].setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    tab.set_dataset(doc.dataset)
    tab.resize(1400, 800)
    show_active(qtbot, tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    return tab


@pytest.fixture
def doc():
    d = Document(built().data)
    yield d
    d.close()


@pytest.fixture
def tab(qtbot, doc):
    return make_tab(qtbot, doc)


def shown_keys(tab) -> list[str]:
    return [tab.model.finding(r).key for r in range(tab.model.rowCount())]


def cell(tab, key: str, column: str) -> str:
    row = tab.model.row_of(key)
    assert row >= 0, f"{key} is not shown"
    return tab.model.index(row, COLUMNS.index(column)).data()


def click_row(qtbot, tab, key: str) -> None:
    click_item(qtbot, tab.table, tab.model.index(tab.model.row_of(key), 1))


def undo_key(qtbot, tab, redo: bool = False) -> None:
    if not tab.isActiveWindow():
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
    shortcut(qtbot, tab, QKeySequence.StandardKey.Redo if redo else QKeySequence.StandardKey.Undo)


def double_click(qtbot, widget, pos: QPoint) -> None:
    """Press, release, the second press (a double click), release: what a mouse sends
    (``mouseDClick`` alone sends only the second press)."""
    qtbot.mouseClick(widget, LEFT, pos=pos)
    qtbot.mouseDClick(widget, LEFT, pos=pos)
    qtbot.mouseRelease(widget, LEFT, pos=pos)
    settle(qtbot)


def wait_state(qtbot, tab, key: str, text: str) -> None:
    qtbot.waitUntil(lambda: tab.model.row_of(key) >= 0 and cell(tab, key, "state") == text)


def test_every_finding_is_a_row_with_its_words(tab, doc):
    expected = all_findings(doc.dataset)
    assert {f.kind for f in expected} == {"rule", "outlier", "unsourced", "doubtful"}
    assert shown_keys(tab) == [f.key for f in expected]  # most important first
    assert cell(tab, "source:no-src", "kind") == "no source"
    assert cell(tab, "source:no-src", "importance") == "high"
    assert cell(tab, "source:no-src", "indicator") == "Share"
    assert cell(tab, "source:no-src", "place") == "乌龙镇"  # no English name: the Chinese
    assert cell(tab, "source:no-src", "value") == "12.5 %"
    assert cell(tab, "source:no-src", "state") == "open"
    assert (
        cell(tab, "source:no-src", "message") == "Share, 乌龙镇, 2021: the figure names no source."
    )
    assert cell(tab, "doubt:dbt", "kind") == "doubtful"
    assert cell(tab, "z:jobs-2020", "kind") == "outlier"
    assert cell(tab, "z:jobs-2020", "test") == "z-score"
    rule_key = next(f.key for f in expected if f.kind == "rule")
    assert cell(tab, rule_key, "kind") == "rule failed"
    assert cell(tab, rule_key, "test") == RULE  # the rule's English name is its id here
    assert cell(tab, rule_key, "value") == "200 <= 160"
    assert tab.counts_text() == "1 rule failed · 2 outliers · 1 unsourced · 1 doubtful"
    assert tab.counts_text() in tab.summary.text()
    assert tab.shown.text() == f"{len(expected)} findings"


def test_the_kind_filter_is_chosen_from_its_list(qtbot, tab, doc):
    choose(qtbot, tab.filters.kind, "outlier")
    assert sorted(shown_keys(tab)) == ["mad:jobs-2020", "z:jobs-2020"]
    assert {cell(tab, k, "kind") for k in shown_keys(tab)} == {"outlier"}
    choose(qtbot, tab.filters.kind, "unsourced")
    assert shown_keys(tab) == ["source:no-src"]
    assert tab.shown.text() == f"1 of {len(all_findings(doc.dataset))} findings shown"
    choose(qtbot, tab.filters.kind, None)
    assert len(shown_keys(tab)) == len(all_findings(doc.dataset))


def test_place_filter_takes_in_the_places_below(qtbot, tab, doc):
    choose(qtbot, tab.filters.place, "t")
    found = all_findings(doc.dataset)
    assert sorted(shown_keys(tab)) == sorted(f.key for f in found if f.place == "t")
    choose(qtbot, tab.filters.place, "d")  # the district: its own and the town's
    assert len(shown_keys(tab)) == len(found)


def test_search_box_filters_by_message_and_names(qtbot, tab):
    type_into(qtbot, tab.filters.search, "no-src", leave="none")
    qtbot.waitUntil(lambda: shown_keys(tab) == ["source:no-src"])
    type_into(qtbot, tab.filters.search, "TWO SOURCES", leave="return")  # the comment
    assert shown_keys(tab) == ["doubt:dbt"]
    type_into(qtbot, tab.filters.search, "", leave="none")
    qtbot.waitUntil(lambda: len(shown_keys(tab)) == tab.model.rowCount() > 1)
    assert len(shown_keys(tab)) == len(tab.found)


def click_header(qtbot, tab, column: str) -> None:
    header = tab.table.horizontalHeader()
    logical = COLUMNS.index(column)
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    click(qtbot, header.viewport(), QPoint(x, header.height() // 2))
    settle(qtbot)


def test_header_clicks_sort_in_the_model_and_keep_the_selection(qtbot, tab):
    click_row(qtbot, tab, "doubt:dbt")
    order = ["rule", "outlier", "unsourced", "doubtful"]
    click_header(qtbot, tab, "kind")
    kinds = [tab.model.finding(r).kind for r in range(tab.model.rowCount())]
    assert kinds == sorted(kinds, key=order.index)
    click_header(qtbot, tab, "kind")
    kinds = [tab.model.finding(r).kind for r in range(tab.model.rowCount())]
    assert kinds == sorted(kinds, key=order.index, reverse=True)
    assert tab.selected_keys() == ["doubt:dbt"]
    click_header(qtbot, tab, "value")
    values = [tab.model.finding(r).value for r in range(tab.model.rowCount())]
    assert values == sorted(values)


def test_checked_is_a_mark_undo_takes_it_back_a_new_value_reopens(qtbot, tab, doc):
    told = []
    tab.counts_changed.connect(told.append)
    click_row(qtbot, tab, "source:no-src")
    assert tab.checked_button.isEnabled()
    type_into(qtbot, tab.note, "Town office confirmed by phone", leave="none")
    click(qtbot, tab.checked_button)
    (mark,) = doc.dataset.data.quality_marks
    assert (mark.flag, mark.state, mark.value) == ("source:no-src", "checked", 12.5)
    assert (mark.record_kind, mark.record_id) == ("observations", "no-src")
    assert mark.by == login_name() and mark.note == "Town office confirmed by phone"
    assert dt.datetime.fromisoformat(mark.at).tzinfo is not None
    wait_state(qtbot, tab, "source:no-src", "checked, value correct")
    assert "1 checked" in tab.counts_text() and "unsourced" not in tab.counts_text()
    assert tab.note.text() == ""
    assert "Town office confirmed by phone" in tab.details.toPlainText()

    undo_key(qtbot, tab)
    assert doc.dataset.data.quality_marks == []
    wait_state(qtbot, tab, "source:no-src", "open")
    undo_key(qtbot, tab, redo=True)
    wait_state(qtbot, tab, "source:no-src", "checked, value correct")

    obs = doc.dataset.get("observations", "no-src")
    doc.push(
        EditRecord(
            doc.dataset, "observations", msgspec.structs.replace(obs, value=13), "Change value"
        )
    )
    wait_state(qtbot, tab, "source:no-src", "open: value changed since checked")
    assert "1 unsourced" in tab.counts_text()
    assert told[-1] == tab.counts_text()  # what the status bar shows
    assert "1 checked" in told[0] and "1 checked" not in told[1]


def test_marks_on_many_rows_are_one_undo_step(qtbot, tab, doc):
    click_row(qtbot, tab, shown_keys(tab)[0])
    QTest.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    rows = tab.model.rowCount()
    assert len(tab.selected_rows()) == rows
    click(qtbot, tab.follow_button)
    assert len(doc.dataset.data.quality_marks) == rows
    assert {m.state for m in doc.dataset.data.quality_marks} == {"follow_up"}
    assert len({m.id for m in doc.dataset.data.quality_marks}) == rows
    assert doc.undo_stack.count() == 1
    qtbot.waitUntil(lambda: counts(tab.found)["follow_up"] == rows)
    # to follow up: still to deal with, so still counted by kind, and said apart
    assert tab.counts_text().endswith(f" · {rows} to follow up")
    undo_key(qtbot, tab)
    assert doc.dataset.data.quality_marks == []


def test_context_menu_marks_for_follow_up(qtbot, tab, doc):
    index = tab.model.index(tab.model.row_of("doubt:dbt"), 2)
    tab.table.scrollTo(index)
    menu = context_menu(qtbot, tab.table.viewport(), tab.table.visualRect(index).center())
    choose_in_menu(qtbot, menu, "Follow up")
    (mark,) = doc.dataset.data.quality_marks
    assert (mark.flag, mark.state) == ("doubt:dbt", "follow_up")
    wait_state(qtbot, tab, "doubt:dbt", "follow up")
    click(qtbot, tab.follow_button)  # the same answer again adds nothing
    assert len(doc.dataset.data.quality_marks) == 1 and doc.undo_stack.count() == 1


def test_double_click_and_enter_open_the_record(qtbot, tab):
    opened = []

    def receiver(kind: str, record_id: str) -> None:
        opened.append((kind, record_id))

    tab.link_activated.connect(receiver)
    index = tab.model.index(tab.model.row_of("source:no-src"), 3)
    tab.table.scrollTo(index)
    double_click(qtbot, tab.table.viewport(), tab.table.visualRect(index).center())
    assert opened == [("observations", "no-src")]
    rule_key = next(k for k in shown_keys(tab) if k.startswith("rule:"))
    click_row(qtbot, tab, rule_key)
    QTest.keyClick(tab.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert opened[-1] == ("validation_rules", RULE)


def test_a_rule_is_shown_on_the_rules_page_and_read_only_refuses_edits(qtbot, tab):
    assert tab.current_location() is None  # findings are not records
    assert tab.show_record("validation_rules", RULE)
    assert tab.pages.currentWidget() is tab.rules
    assert tab.current_location() == ("validation_rules", RULE)
    assert tab.rules.editor.widget("left").text() == "#{posts}"
    assert tab.rules.item_of(RULE).text(2) == "#{posts} <= #{jobs}"
    assert tab.rules.item_of(RULE).text(3) == "1 failed"
    assert not tab.show_record("validation_rules", "no-such-rule")
    # its findings, with a filter that hid them given way
    tab.pages.setCurrentIndex(0)
    choose(qtbot, tab.filters.kind, "unsourced")
    assert tab.show_record("validation_rules", RULE)
    click(qtbot, tab.rules.findings_button)
    assert tab.pages.currentIndex() == 0
    assert [f.test for f in tab.selected_findings()] == [RULE]
    assert "200" in tab.details.toPlainText() and "#{posts} <= #{jobs}" in (
        tab.details.toPlainText()
    )
    tab.set_read_only(True)
    assert not tab.checked_button.isEnabled() and not tab.follow_button.isEnabled()
    assert not tab.rules.add_button.isEnabled() and not tab.rules.remove_button.isEnabled()
    assert not tab.rules.editor.widget("right").isEnabled()


def test_rules_page_edits_are_intents_for_the_window(qtbot, tab):
    """Alone, the tab only asks: the form's edits, a new rule and a removal come out
    of the tab's own signals (the window turns them into undo commands)."""
    asked = []
    tab.field_edited.connect(lambda *a: asked.append(("edit", *a)))
    tab.add_requested.connect(lambda *a: asked.append(("add", *a)))
    tab.remove_requested.connect(lambda *a: asked.append(("remove", *a)))
    click(qtbot, tab.pages.tabBar(), tab.pages.tabBar().tabRect(2).center())
    assert tab.pages.currentWidget() is tab.rules
    assert tab.rules.current_rule() == RULE  # the first rule is in the form
    type_into(qtbot, tab.rules.editor.widget("right"), "#{jobs} * 2")
    click(qtbot, tab.rules.add_button)
    click(qtbot, tab.rules.remove_button)
    assert asked == [
        ("edit", "validation_rules", RULE, "right", "#{jobs} * 2"),
        ("add", "validation_rules", "", ""),
        ("remove", "validation_rules", RULE),
    ]


def test_rules_page_in_chinese_names_rules_in_chinese(qtbot, doc):
    tab = make_tab(qtbot, doc, lang="zh")
    assert tab.show_record("validation_rules", RULE)
    item = tab.rules.item_of(RULE)
    assert item.text(0) == "公益岗位不超过岗位总数"
    assert item.text(2) == "#{posts} <= #{jobs}"
    # a rule for every level shows "—", not the first level
    assert tab.rules.editor.widget("level").currentText() == "—"


def test_pdf_report_holds_the_counts_and_messages(tab, tmp_path):
    path = tmp_path / "quality.pdf"
    pages = tab.export_quality_report(path)
    assert pages >= 1
    assert path.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    flat = " ".join(text.split())
    for part in ("1 rule failed", "2 outliers", "1 unsourced", "1 doubtful"):
        assert part in flat, part
    assert "Data-quality report" in flat
    assert "High importance" in flat and "Share, " in flat and "names no source." in flat


def test_pdf_report_to_a_folder_that_is_not_there_says_so(tab, tmp_path):
    with pytest.raises(FileNotFoundError):
        tab.export_quality_report(tmp_path / "gone" / "quality.pdf")
    assert not (tmp_path / "gone").exists()


def test_bundled_dataset_findings_all_show(qtbot):
    doc = Document(load_path(SEED).data)
    tab = make_tab(qtbot, doc)
    found = all_findings(doc.dataset)
    assert shown_keys(tab) == [f.key for f in found]
    assert tab.counts_text() == tab.summary.text().removeprefix("<b>").removesuffix("</b>")
    # a rule that cannot be evaluated (no ledger entered yet) is not called failed
    unchecked = [f for f in found if f.kind == "rule" and f.code != "rule_failed"]
    for item in unchecked:
        assert cell(tab, item.key, "kind") == "rule not checked"
    if unchecked:
        assert f"{len(unchecked)} rules not checked" in tab.counts_text() or (
            len(unchecked) == 1 and "1 rule not checked" in tab.counts_text()
        )
    doc.close()
