"""Human labels of every record field, kind and option (``ui/field_labels.py``), and
the record editor and undo texts that use them, in Chinese with real input."""

from __future__ import annotations

import os
import re

import msgspec
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from dongchuan_gui.app import install_translations
from dongchuan_gui.model.records import COLLECTIONS
from dongchuan_gui.ui.field_labels import (
    field_label,
    has_label,
    has_options,
    kind_name,
    option_label,
)
from dongchuan_gui.ui.widgets.record_editor import _literal_values
from tests.ui.conftest import no_questions
from tests.ui.real_input import choose, click, settle, shortcut, show_active, type_into

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
PUTUO = "putuo-cooperation"
YANTOU = "530113104216"
KIND = "cooperation_projects"
SHOTS = os.environ.get("DONGCHUAN_TEST_SHOTS")  # a folder for screenshots of the forms


def fields():
    for kind, record in COLLECTIONS.items():
        for info in msgspec.structs.fields(record):
            yield kind, info.name, info.type


def literal_fields():
    for kind, name, annotation in fields():
        values = _literal_values(annotation)
        if values:
            yield kind, name, values


@pytest.fixture
def chinese(qapp):
    before = QLocale()
    assert install_translations(qapp, "zh_CN")
    yield
    QLocale.setDefault(before)
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def zh_window(chinese, qtbot, data_file):
    from dongchuan_gui.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    no_questions(win)
    assert win.open_path(data_file)
    win.resize(1280, 800)
    show_active(qtbot, win)
    return win


def test_every_field_kind_and_option_is_in_the_table():
    missing = [(k, n) for k, n, _ in fields() if not has_label(k, n)]
    assert missing == [], "add a label to ui/field_labels.py"
    no_options = [(k, n) for k, n, _ in literal_fields() if not has_options(k, n)]
    assert no_options == [], "add the options' names to ui/field_labels.py"
    assert all(kind_name(kind) != kind for kind in COLLECTIONS)
    # in English a label is words, not the field's name
    assert field_label("places", "code_vintage") == "Code edition"
    assert field_label(KIND, "funds", inline=True) == "funds"
    assert field_label("sources", "url", inline=True) == "web address"
    assert field_label("registers", "sha256", inline=True) == "checksum (SHA-256)"
    assert field_label("sources", "id", inline=True) == "ID"  # an acronym keeps its capitals
    assert option_label("validation_rules", "missing", "never_skip").startswith("never skip")


def test_every_label_kind_and_option_reads_chinese(chinese):
    english = [
        (k, n, field_label(k, n)) for k, n, _ in fields() if not CJK.search(field_label(k, n))
    ]
    assert english == []
    assert [k for k in COLLECTIONS if not CJK.search(kind_name(k))] == []
    untranslated = [
        (kind, name, value, option_label(kind, name, value))
        for kind, name, values in literal_fields()
        for value in values
        if name != "operator" and not CJK.search(option_label(kind, name, value))
    ]
    assert untranslated == []
    assert option_label("validation_rules", "operator", "<=") == "<="  # symbols stay


def add_project(qtbot, window) -> str:
    """The Programs tab (Ctrl+2), the 沪滇协作 program, its "add project" button."""
    shortcut(qtbot, window, "Ctrl+2")
    assert window.tab_widget.currentWidget() is window.programs
    window.navigate("program", PUTUO)
    button = window.programs.program_pane.add_project_button
    click(qtbot, button)
    settle(qtbot)
    (project,) = window.document.dataset.data.cooperation_projects
    return project.id


def test_project_form_in_chinese_stores_codes_and_says_its_steps_in_chinese(zh_window, qtbot):
    window = zh_window
    rid = add_project(qtbot, window)
    pane = window.programs.project_pane
    editor = pane.edit_panel.editor
    assert editor.title_text() == "正在编辑协作项目“新协作项目”"
    labels = {name: editor.label_text(name) for name in ("funds", "status", "program")}
    assert labels == {"funds": "资金", "status": "状态", "program": "所属项目"}
    assert editor.label_text("beneficiaries_unit") == "受益对象单位"
    assert editor.label_text("name_zh") == "中文名称"
    for name in ("name_zh", "partner", "year", "funds", "beneficiaries", "source", "doubt"):
        assert CJK.search(editor.label_text(name)), name
    status = editor.widget("status")
    assert isinstance(status, QComboBox)
    texts = [status.itemText(i) for i in range(status.count())]
    assert texts == ["计划中", "实施中", "已完成", "暂停"]
    assert status.currentText() == "实施中"
    unit = editor.widget("beneficiaries_unit")
    assert [unit.itemText(i) for i in range(unit.count())] == ["人", "户"]
    if SHOTS:
        pane.grab().save(f"{SHOTS}/editor-project-zh.png")
    # a choice made with clicks stores the code, not the shown name
    choose(qtbot, status, "completed")
    assert window.document.dataset.get(KIND, rid).status == "completed"
    assert status.currentText() == "已完成"
    choose(qtbot, unit, "households")
    assert window.document.dataset.get(KIND, rid).beneficiaries_unit == "households"
    type_into(qtbot, editor.widget("funds"), "120")
    assert window.document.dataset.get(KIND, rid).funds == 120
    undo = window.document.undo_stack.undoText()
    assert undo == "修改协作项目“新协作项目”的资金"
    steps = [window.document.undo_stack.text(i) for i in range(window.document.undo_stack.count())]
    assert steps[0] == "添加协作项目"
    assert "修改协作项目“新协作项目”的状态" in steps
    assert [s for s in steps if LATIN.search(s)] == []
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.document.dataset.get(KIND, rid).funds is None


def test_figure_form_in_chinese(zh_window, qtbot):
    window = zh_window
    window.navigate("place", YANTOU)
    pane = window.places.pane
    pane.show_edit_side()
    settle(qtbot)
    assert pane.edit_panel.select_related("observations", "yantou-elevation")
    editor = pane.edit_panel.related_editor
    assert editor.title_text().startswith("正在编辑数据“")
    assert editor.label_text("status") == "数值性质"
    assert editor.label_text("value") == "数值"
    assert editor.label_text("locator") == "出处位置"
    status = editor.widget("status")
    assert [status.itemText(i) for i in range(status.count())] == [
        "报告值", "估计", "目标", "基线",
    ]  # fmt: skip
    if SHOTS:
        settle(qtbot, 50)
        pane.grab().save(f"{SHOTS}/editor-figure-zh.png")
    choose(qtbot, status, "target")
    assert window.document.dataset.get("observations", "yantou-elevation").status == "target"
    assert not LATIN.search(window.document.undo_stack.undoText())


def test_an_optional_choice_can_be_left_empty(window, qtbot):
    """A rule's place level is optional: "—" first, a level chosen stores its code,
    and "—" takes it away again."""
    shortcut(qtbot, window, "Ctrl+9")
    tab = window.tab("quality")
    bar = tab.pages.tabBar()
    click(qtbot, bar, bar.tabRect(tab.pages.indexOf(tab.rules)).center())
    rule = window.document.dataset.data.validation_rules[0]
    page = tab.rules
    item = page.item_of(rule.id)
    click(qtbot, page.list.viewport(), page.list.visualItemRect(item).center())
    settle(qtbot)
    level = page.editor.widget("level")
    assert level.itemText(0) == "—" and level.currentIndex() == 0
    assert level.itemText(level.findData("village")) == "village (村)"
    assert page.editor.label_text("level") == "Only places of level"
    choose(qtbot, level, "town")
    assert window.document.dataset.get("validation_rules", rule.id).level == "town"
    assert window.document.undo_stack.undoText() == (
        f"Change only places of level of validation rule “{rule.name_zh}”"
    )
    click(qtbot, level)
    qtbot.waitUntil(level.view().isVisible)
    QTest.keyClick(level.view(), Qt.Key.Key_Home)
    QTest.keyClick(level.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not level.view().isVisible())
    settle(qtbot)
    assert window.document.dataset.get("validation_rules", rule.id).level is None
