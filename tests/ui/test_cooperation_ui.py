"""The cooperation ledger in the Programs tab, driven as a person does: add a project
from the program pane, type into it, find it in the tree, undo, save, export."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dongchuan_gui.model import load_path
from dongchuan_gui.model.cooperation import KIND, header
from dongchuan_gui.ui.item_models import KEY_ROLE
from tests.ui.real_input import click, click_item, click_link, settle, shortcut, type_into

PUTUO = "putuo-cooperation"


def tree_index(tab, kind, record_id):
    return tab.proxy.mapFromSource(tab.model.find(kind, record_id))


def projects(window):
    return window.document.dataset.data.cooperation_projects


def add_project(window, qtbot):
    """Open the Putuo program and click "Add project"; the new project's id."""
    window.navigate("program", PUTUO)
    button = window.programs.program_pane.add_project_button
    assert button.isVisible() and button.isEnabled()
    click(qtbot, button)
    settle(qtbot)
    (project,) = projects(window)
    return project.id


def test_the_program_pane_says_plainly_that_no_projects_are_entered(window):
    window.navigate("program", PUTUO)
    pane = window.programs.pane
    assert pane is window.programs.program_pane
    text = pane.browser.toPlainText()
    assert "East–west cooperation projects (0)" in text
    assert "No projects entered." in text
    # the article's totals stand beside the empty ledger: 0 entered, 13 reported
    assert "2019\n0\n13\n—\n50.4 million yuan (5,040 万元)" in text
    assert pane.add_project_button.isVisible()
    # a program of another kind has no ledger and no button
    window.navigate("program", "relocation")
    assert "cooperation projects" not in window.programs.pane.browser.toPlainText()
    assert not window.programs.program_pane.add_project_button.isVisible()


def test_add_type_find_in_the_tree_undo_save_and_reload(window, qtbot, data_file):
    tab = window.programs
    rid = add_project(window, qtbot)
    # the project's own pane, on its Edit side, the Chinese name ready to type over
    assert tab.pane is tab.project_pane
    editor = tab.project_pane.edit_panel.editor
    assert tab.project_pane.sides.currentWidget() is tab.project_pane.edit_panel
    name = editor.widget("name_zh")
    assert QApplication.focusWidget() is name and name.selectedText() == "新协作项目"
    assert tab.current_location() == ("project", rid)
    project = window.document.dataset.get(KIND, rid)
    assert (project.program, project.partner) == (PUTUO, "上海市普陀区")
    assert window.undo_action.text() == "Undo Add cooperation project"
    # type as a person does: over the selected name, Tab to the next field
    QTest.keyClicks(name, "Shuiyuan water supply")
    QTest.keyClick(name, Qt.Key.Key_Tab)
    settle(qtbot)
    assert QApplication.focusWidget() is editor.widget("name_en")
    assert window.document.dataset.get(KIND, rid).name_zh == "Shuiyuan water supply"
    funds = editor.widget("funds")
    assert "万元" in funds.placeholderText()
    type_into(qtbot, funds, "1,200.5")
    assert window.document.dataset.get(KIND, rid).funds == 1200.5
    type_into(qtbot, editor.widget("year"), "2019")
    assert editor.widget("funds") is funds  # updated in place, never rebuilt
    # in the tree under its program, with its year and name
    index = tree_index(tab, "project", rid)
    assert index.isValid()
    assert index.parent().data(KEY_ROLE) == ("program", PUTUO)
    assert index.data() == "2019 · Shuiyuan water supply"  # no English name typed: none
    # away and back: a click on it shows the project pane with what was typed
    click_item(qtbot, tab.tree, tree_index(tab, "program", PUTUO))
    assert tab.pane is tab.program_pane
    text = tab.program_pane.browser.toPlainText()
    assert "East–west cooperation projects (1)" in text
    assert "2019\n1\n13\n12.005 million yuan (1,200.5 万元)" in text
    click_item(qtbot, tab.tree, tree_index(tab, "project", rid))
    assert tab.pane is tab.project_pane
    details = tab.project_pane.browser.toPlainText()
    assert "Shuiyuan water supply" in details
    assert "12.005 million yuan (1,200.5 万元)" in details
    assert "上海市普陀区" in details
    # undo the year, the funds, the name and the addition: gone from data and tree
    for _ in range(4):
        shortcut(qtbot, window, "Ctrl+Z")
    assert projects(window) == []
    assert not tab.model.find("project", rid).isValid()
    assert "No projects entered." in tab.pane.browser.toPlainText()
    assert not window.isWindowModified()
    for _ in range(4):
        shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert window.document.dataset.get(KIND, rid).funds == 1200.5
    # saved and opened again, it is still there
    shortcut(qtbot, window, "Ctrl+S")
    assert not window.isWindowModified()
    (stored,) = load_path(data_file).data.cooperation_projects
    assert (stored.id, stored.name_zh, stored.funds, stored.year) == (
        rid,
        "Shuiyuan water supply",
        1200.5,
        2019,
    )
    assert window.open_path(data_file)
    assert window.programs.show_record("project", rid)
    assert "Shuiyuan water supply" in window.programs.pane.browser.toPlainText()


def test_a_chinese_name_typed_through_an_input_method(window, qtbot):
    rid = add_project(window, qtbot)
    editor = window.programs.project_pane.edit_panel.editor
    type_into(qtbot, editor.widget("name_zh"), "水源村饮水工程")
    assert window.document.dataset.get(KIND, rid).name_zh == "水源村饮水工程"
    assert "水源村饮水工程" in tree_index(window.programs, "project", rid).data()


def test_a_project_link_in_the_program_pane_opens_it(window, qtbot):
    rid = add_project(window, qtbot)
    type_into(qtbot, window.programs.project_pane.edit_panel.editor.widget("name_zh"), "Dam")
    window.navigate("program", PUTUO)
    click_link(qtbot, window.programs.program_pane.browser, "Dam")
    assert window.programs.current_location() == ("project", rid)
    assert window.programs.pane is window.programs.project_pane


def test_removing_a_project_is_one_undoable_step(window, qtbot):
    rid = add_project(window, qtbot)
    pane = window.programs.project_pane
    click(qtbot, pane.edit_panel.remove_record_button)
    settle(qtbot)
    assert projects(window) == []
    assert window.undo_action.text() == "Undo Remove cooperation project “新协作项目”"
    assert not window.programs.model.find("project", rid).isValid()
    shortcut(qtbot, window, "Ctrl+Z")
    assert [p.id for p in projects(window)] == [rid]
    assert window.programs.model.find("project", rid).isValid()


def test_a_bad_number_is_refused_at_its_field(window, qtbot):
    rid = add_project(window, qtbot)
    editor = window.programs.project_pane.edit_panel.editor
    type_into(qtbot, editor.widget("funds"), "lots")
    assert "'lots' is not a number" in editor.error_text("funds")
    type_into(qtbot, editor.widget("funds"), "-5")
    assert editor.error_text("funds")  # funds are never negative
    assert window.document.dataset.get(KIND, rid).funds is None


def test_export_writes_a_workbook_that_reads_back(window, qtbot, tmp_path):
    empty = tmp_path / "empty.xlsx"
    window.exchange.ask_save = lambda *args: empty
    assert window.exchange.export_ledger() == empty
    assert [list(r) for r in load_workbook(empty)["Ledger"].iter_rows(values_only=True)] == [
        header("en")
    ]
    assert "no projects entered" in window.statusBar().currentMessage()
    rid = add_project(window, qtbot)
    editor = window.programs.project_pane.edit_panel.editor
    type_into(qtbot, editor.widget("name_en"), "=HYPERLINK(1)")
    type_into(qtbot, editor.widget("funds"), "300")
    full = tmp_path / "ledger"  # no suffix typed: a workbook all the same
    window.exchange.ask_save = lambda *args: full
    assert window.exchange.export_ledger() == tmp_path / "ledger.xlsx"
    book = load_workbook(tmp_path / "ledger.xlsx")
    head, row = [list(r) for r in book["Ledger"].iter_rows(values_only=True)]
    got = dict(zip(head, row, strict=True))
    assert got["ID"] == rid and got["Funds (10,000 yuan)"] == 300
    assert got["Funds (million yuan)"] == 3
    assert got["Project (English)"] == "'=HYPERLINK(1)"  # shown, never run
    assert book["Totals by year"].max_row == 2


def test_a_read_only_document_offers_no_adding(window, qtbot, data_file):
    other = data_file.with_name("other.json")
    other.write_bytes(data_file.read_bytes())
    other.chmod(0o444)
    assert window.open_path(other)
    window.navigate("program", PUTUO)
    button = window.programs.program_pane.add_project_button
    assert button.isVisible() and not button.isEnabled()


def test_a_removed_program_leaves_its_projects_in_a_group_of_their_own(window, qtbot):
    rid = add_project(window, qtbot)
    window.navigate("program", PUTUO)
    click(qtbot, window.programs.program_pane.edit_panel.remove_record_button)
    settle(qtbot)
    assert window.document.dataset.get(KIND, rid).program is None
    index = window.programs.model.find("project", rid)
    assert index.isValid()
    assert index.parent().data(KEY_ROLE) == ("group", "projects-without-program")
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.programs.model.find("project", rid).parent().data(KEY_ROLE) == (
        "program",
        PUTUO,
    )
