"""Editing in the panes, undo from the Edit menu, files, and the Snapshots tab."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox

from dongchuan_gui.model import load_path
from dongchuan_gui.ui.document import find_recoveries
from tests.ui.conftest import no_questions
from tests.ui.real_input import choose, click, settle, shortcut, type_into

YANTOU = "530113104216"


def test_rename_program_in_place_then_undo_and_redo(window, qtbot):
    window.navigate("program", "relocation")
    pane = window.programs.pane
    pane.show_edit_side()
    name = pane.edit_panel.editor.widget("name_en")
    type_into(qtbot, name, "Moving house")
    assert window.document.dataset.program("relocation").name_en == "Moving house"
    assert "Moving house" in pane.browser.toPlainText()
    assert pane.edit_panel.editor.widget("name_en") is name  # updated in place, not rebuilt
    assert window.isWindowModified()
    assert window.undo_action.text() == "Undo Rename program"
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.document.dataset.program("relocation").name_en == (
        "Relocation out of unsafe villages"
    )
    assert name.text() == "Relocation out of unsafe villages"
    assert not window.isWindowModified()
    shortcut(qtbot, window, "Ctrl+Shift+Z")
    assert window.document.dataset.program("relocation").name_en == "Moving house"


@pytest.mark.parametrize("leave", ["tab", "return", "click"])
def test_leaving_an_edited_field_keeps_the_edit(window, qtbot, leave):
    """Typing into a field and leaving it by Tab, Return or a click used to delete the
    field inside its own focus-out handler and end the process with a segfault."""
    window.navigate("program", "relocation")
    pane = window.programs.pane
    pane.show_edit_side()
    settle(qtbot)
    editor = pane.edit_panel.editor
    if leave == "click":
        leave = window.programs.search  # a click elsewhere
    type_into(qtbot, editor.widget("name_en"), "Moving house", leave=leave)
    # Return in a multi-line field starts a new line; Tab leaves it
    text_leave = "tab" if leave == "return" else leave
    type_into(qtbot, editor.widget("summary_en"), "Typed summary", leave=text_leave)
    type_into(qtbot, editor.widget("start"), "2016", leave=leave)
    program = window.document.dataset.program("relocation")
    assert (program.name_en, program.summary_en, program.start) == (
        "Moving house",
        "Typed summary",
        "2016",
    )
    assert "Moving house" in pane.browser.toPlainText()


def test_every_kind_of_field_can_be_edited_with_real_input(window, qtbot):
    window.navigate("place", YANTOU)
    panel = window.places.pane.edit_panel
    window.places.pane.show_edit_side()
    settle(qtbot)
    assert panel.select_related("observations", "yantou-elevation")
    editor = panel.related_editor
    doubt = editor.widget("doubt")
    assert isinstance(doubt, QCheckBox)
    before = window.document.dataset.get("observations", "yantou-elevation")
    assert doubt.isChecked() == before.doubt
    click(qtbot, doubt)
    settle(qtbot)
    assert window.document.dataset.get("observations", "yantou-elevation").doubt != before.doubt
    choose(qtbot, editor.widget("status"), "estimate")
    assert window.document.dataset.get("observations", "yantou-elevation").status == "estimate"
    type_into(qtbot, editor.widget("comment"), "checked on site")
    type_into(qtbot, editor.widget("value"), "2010", leave="return")
    obs = window.document.dataset.get("observations", "yantou-elevation")
    assert (obs.comment, obs.value) == ("checked on site", 2010)
    assert editor.widget("doubt").isChecked() != before.doubt
    stack = window.document.undo_stack
    assert stack.count() == 4, [stack.text(i) for i in range(stack.count())]
    for _ in range(4):
        shortcut(qtbot, window, "Ctrl+Z")
    assert window.document.dataset.get("observations", "yantou-elevation") == before
    assert editor.widget("doubt").isChecked() == before.doubt
    assert editor.widget("value").text() == "2000"
    assert editor.widget("comment").toPlainText() == before.comment


def test_a_chinese_name_typed_in_goes_into_the_record(window, qtbot):
    window.navigate("place", YANTOU)
    window.places.pane.show_edit_side()
    settle(qtbot)
    type_into(qtbot, window.places.pane.edit_panel.editor.widget("name_zh"), "岩头新村")
    assert window.document.dataset.place(YANTOU).name_zh == "岩头新村"
    index = window.places.tree.currentIndex()
    assert index.data().startswith("岩头新村")  # the tree row was updated in place


def test_invalid_input_is_refused_at_the_field(window, qtbot):
    window.navigate("place", YANTOU)
    panel = window.places.pane.edit_panel
    assert panel.select_related("observations", "yantou-elevation")
    editor = panel.related_editor
    type_into(qtbot, editor.widget("period"), "2019/3")
    assert "is not a period" in editor.error_text("period")
    assert editor.widget("period").text() == ""  # the stored value (undated) is back
    type_into(qtbot, editor.widget("value"), "lots")
    assert "is not a number" in editor.error_text("value")
    assert window.document.undo_stack.count() == 0
    assert window.document.dataset.get("observations", "yantou-elevation").value == 2000


def test_percentage_over_100_is_refused(window, qtbot):
    window.navigate("program", "relocation")
    panel = window.programs.pane.edit_panel
    assert panel.select_related("observations", "resettled-in-towns")
    type_into(qtbot, panel.related_editor.widget("value"), "130")
    assert "above the maximum 100" in panel.related_editor.error_text("value")
    assert window.document.dataset.get("observations", "resettled-in-towns").value == 95.67


def test_add_edit_and_remove_a_figure(window, qtbot):
    window.navigate("place", YANTOU)
    panel = window.places.pane.edit_panel
    before = len(window.document.dataset.data.observations)
    window.places.pane.show_edit_side()
    settle(qtbot)
    choose(qtbot, panel.add_kind, "observations")
    click(qtbot, panel.add_button)
    assert len(window.document.dataset.data.observations) == before + 1
    key = panel.related_key()
    assert key[0] == "observations"
    editor = panel.related_editor
    indicator: QComboBox = editor.widget("indicator")
    choose(qtbot, indicator, "orchard-area")
    type_into(qtbot, editor.widget("value"), "70")
    obs = window.document.dataset.get(*key)
    assert (obs.indicator, obs.value, obs.place) == ("orchard-area", 70, YANTOU)
    click(qtbot, panel.remove_button)
    assert window.document.dataset.get(*key) is None
    for _ in range(4):
        shortcut(qtbot, window, "Ctrl+Z")
    assert len(window.document.dataset.data.observations) == before


def test_remove_place_is_one_undoable_step(window, qtbot):
    window.navigate("place", YANTOU)
    assert window.remove_selected()
    ds = window.document.dataset
    assert ds.place(YANTOU) is None
    assert window.undo_action.text().startswith("Undo Remove place “岩头村”")
    shortcut(qtbot, window, "Ctrl+Z")
    assert ds.place(YANTOU) is not None
    assert ds.get("observations", "yantou-orchard-article") is not None


def test_new_program_opens_its_editor(window):
    record_id = window.new_record("programs")
    assert record_id == "program-1"
    assert window.programs.current_location() == ("program", "program-1")
    assert window.programs.pane.sides.currentWidget() is window.programs.pane.edit_panel


def test_save_revert_and_ask_before_discarding(window, monkeypatch):
    path = window.document.path
    window.navigate("program", "relocation")
    window.edits.edit_field("programs", "relocation", "name_en", "Saved name")
    assert window.files.save()
    saved = {g.id: g for g in load_path(path).data.programs}
    assert saved["relocation"].name_en == "Saved name"
    assert not window.isWindowModified()
    window.edits.edit_field("programs", "relocation", "name_en", "Unsaved name")
    asked = []
    monkeypatch.setattr(
        window.files, "ask_save_changes", lambda name: asked.append(name) or "cancel"
    )
    assert not window.files.open_path(path)  # cancelled: nothing changes
    assert asked == ["dongchuan.json"]
    assert window.document.dataset.program("relocation").name_en == "Unsaved name"
    monkeypatch.setattr(window.files, "ask_revert", lambda name: True)
    window.revert_action.trigger()
    assert window.document.dataset.program("relocation").name_en == "Saved name"


def test_failed_save_offers_save_as(window, monkeypatch, tmp_path):
    window.edits.edit_field("programs", "relocation", "name_en", "X")
    before = window.document.path.read_bytes()
    monkeypatch.setattr(
        "dongchuan_gui.ui.document.write_atomic",
        lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")),
    )
    offered = []
    monkeypatch.setattr(
        window.files, "ask_save_failed", lambda message: offered.append(message) or False
    )
    assert not window.files.save()
    assert "No space left on device" in offered[0]
    assert window.document.path.read_bytes() == before
    assert window.isWindowModified()


def test_snapshots_take_compare_restore(window, monkeypatch, qtbot):
    monkeypatch.setattr(window.files, "ask_snapshot_note", lambda: "before edits")
    monkeypatch.setattr(window.files, "ask_restore", lambda path: True)
    first = window.files.take_snapshot()
    assert first.parent == window.document.path.parent / "snapshots"
    tab = window.snapshots
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "before edits"
    window.edits.edit_field("observations", "census-2010", "value", 272000)
    window.edits.edit_field("programs", "relocation", "name_en", "Moved")
    tab.select_rows([0])
    click(qtbot, tab.compare_current)
    rows = tab.diff_rows()
    assert ("observations", "census-2010", "changed", "value", "271917", "272000") in rows
    assert (
        "programs",
        "relocation",
        "changed",
        "name_en",
        "Relocation out of unsafe villages",
        "Moved",
    ) in rows
    choose(qtbot, tab.kind_filter, "programs")
    assert [r[0] for r in tab.diff_rows()] == ["programs"]
    assert tab.series_choice.currentText().startswith("●")  # changed series first
    assert len(tab.plot.series) == 2  # both versions overlaid
    assert {s.label.split(":")[0] for s in tab.plot.series} == {first.name, "current"}
    # restore is one undoable step
    before_restore = window.document.undo_stack.count()
    click(qtbot, tab.restore_button)
    assert window.document.dataset.program("relocation").name_en != "Moved"
    assert window.document.undo_stack.count() == before_restore + 1
    shortcut(qtbot, window, "Ctrl+Z")
    assert window.document.dataset.program("relocation").name_en == "Moved"


def test_compare_two_snapshots_and_open_read_only(window, monkeypatch, qtbot):
    monkeypatch.setattr(window.files, "ask_snapshot_note", lambda: "one")
    window.files.take_snapshot()
    window.edits.edit_field("observations", "census-2010", "value", 1)
    time.sleep(1.1)  # snapshot names carry the second they were taken
    monkeypatch.setattr(window.files, "ask_snapshot_note", lambda: "two")
    window.files.take_snapshot()
    tab = window.snapshots
    tab.select_rows([0, 1])
    click(qtbot, tab.compare_two)
    assert tab.diff_rows() == [("observations", "census-2010", "changed", "value", "271917", "1")]
    tab.select_rows([1])
    click(qtbot, tab.open_button)
    (viewer,) = window.viewers
    qtbot.addWidget(viewer)
    assert viewer.document.read_only and "[read-only]" in viewer.windowTitle()
    assert not viewer.edits.edit_field("programs", "relocation", "name_en", "x")
    viewer.close()


def test_bundled_dataset_opens_as_a_copy(qtbot):
    from dongchuan_gui.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    no_questions(win)
    win.files.open_bundled()
    assert win.document.path is None
    assert "copy" in win.windowTitle()
    win.edits.edit_field("programs", "relocation", "name_en", "x")
    asked = []
    win.files.ask_save_path = lambda: asked.append(True) or None
    assert not win.files.save()  # no path yet: Save asks where
    assert asked == [True]


def test_crash_and_recover_in_a_real_process(data_file, tmp_path, app_data):
    """A child process edits, autosaves and is killed; the next start restores."""
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
import dongchuan_gui.ui.document as document
from pathlib import Path
document.recovery_folder = lambda: Path({str(app_data / "recovery")!r})
from dongchuan_gui.ui.main_window import MainWindow
w = MainWindow()
w.open_path({str(data_file)!r})
w.edits.edit_field("programs", "relocation", "name_en", "Before the crash")
w.document.write_recovery()
print("READY", flush=True)
import time; time.sleep(60)
"""
    env = {**os.environ, "DONGCHUAN_SETTINGS": str(tmp_path / "child.ini")}
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout.readline().strip() == "READY"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    (recovery,) = find_recoveries()
    assert recovery.original == data_file
    data = json.loads(recovery.file.read_text(encoding="utf-8"))
    names = {g["id"]: g["name_en"] for g in data["programs"]}
    assert names["relocation"] == "Before the crash"
    # the file itself was never touched
    on_disk = {g.id: g.name_en for g in load_path(data_file).data.programs}
    assert on_disk["relocation"] == "Relocation out of unsafe villages"


def test_links_can_be_typed_as_names_or_codes(window, qtbot):
    window.navigate("program", "yi-tourism")
    pane = window.programs.pane
    type_into(qtbot, pane.edit_panel.editor.widget("places"), "东川区, 岩头村, Pingzi Village")
    program = window.document.dataset.program("yi-tourism")
    assert program.places == ["530113000000", YANTOU, "530113105209"]
    type_into(qtbot, pane.edit_panel.editor.widget("places"), "东川区, 梨坪村")  # two of them
    editor = pane.edit_panel.editor
    assert "2 places are called '梨坪村'; use the code or id" in editor.error_text("places")
    type_into(qtbot, editor.widget("places"), "东川区, Atlantis")
    assert "unknown place 'Atlantis'" in editor.error_text("places")
    assert window.document.dataset.program("yi-tourism").places == program.places


def test_a_read_only_file_opens_read_only(window, data_file, qtbot):
    other = data_file.with_name("other.json")
    other.write_bytes(data_file.read_bytes())
    os.chmod(other, 0o444)
    assert window.open_path(other)
    assert window.document.read_only
    assert "[read-only]" in window.windowTitle()
    assert "cannot be written" in window.statusBar().currentMessage()
    window.navigate("program", "relocation")
    assert not window.edits.edit_field("programs", "relocation", "name_en", "x")
    assert window.message_box.text() == "This document is open read-only."
    assert window.document.dataset.program("relocation").name_en != "x"


def test_a_native_crash_leaves_a_trace_in_the_log_folder(tmp_path):
    """faulthandler writes the stack of a segfault to logs/crash.log."""
    code = """
import faulthandler
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.setOrganizationName("Dongchuan")
app.setApplicationName("Dongchuan Workbench")
from dongchuan_gui import app as entry
print(entry._install_faulthandler(), flush=True)
faulthandler._sigsegv()
"""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert child.returncode != 0
    log = tmp_path / "Dongchuan" / "Dongchuan Workbench" / "logs" / "crash.log"
    assert child.stdout.strip() == str(log)
    text = log.read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "<string>" in text


def test_tabbing_through_unchanged_fields_changes_nothing(window, qtbot, data_file):
    """Coordinates and large decimals used to be shown rounded (``:g``), so merely
    leaving the field stored the rounded value."""
    import msgspec

    ds = window.document.dataset
    obs = ds.get("observations", "census-2010")
    ds.replace("observations", msgspec.structs.replace(obs, value=1234567.0))
    window.document.undo_stack.setClean()
    window.navigate("place", YANTOU)
    window.places.pane.show_edit_side()
    settle(qtbot)
    place = ds.place(YANTOU)
    assert place.location is not None
    editor = window.places.pane.edit_panel.editor
    for name in ("name_zh", "name_en", "code", "location"):
        type_into(qtbot, editor.widget(name), editor.widget(name).text())
    assert ds.place(YANTOU) == place
    window.navigate("place", ds.get("observations", "census-2010").place)
    panel = window.places.pane.edit_panel
    assert panel.select_related("observations", "census-2010")
    value = panel.related_editor.widget("value")
    assert value.text() == "1234567"
    type_into(qtbot, value, value.text())
    assert ds.get("observations", "census-2010").value == 1234567
    assert window.document.undo_stack.count() == 0 and window.document.is_clean


def test_save_and_close_keep_text_still_being_typed(window, qtbot, data_file):
    window.navigate("program", "relocation")
    window.programs.pane.show_edit_side()
    settle(qtbot)
    name = window.programs.pane.edit_panel.editor.widget("name_en")
    click(qtbot, name)
    QTest.keyClick(name, Qt.Key.Key_End)
    QTest.keyClicks(name, " PENDING")
    shortcut(qtbot, window, "Ctrl+S")  # without leaving the field
    saved = {g.id: g.name_en for g in load_path(data_file).data.programs}
    assert saved["relocation"] == "Relocation out of unsafe villages PENDING"
    QTest.keyClicks(name, " MORE")
    asked = []
    window.files.ask_save_changes = lambda doc_name: asked.append(doc_name) or "cancel"
    assert not window.close()  # the typed text counts as a change: the user is asked
    assert asked == ["dongchuan.json"]


def test_text_refused_as_a_number_gives_the_stored_value_back(window, qtbot):
    window.navigate("place", YANTOU)
    window.places.pane.show_edit_side()
    settle(qtbot)
    panel = window.places.pane.edit_panel
    assert panel.select_related("observations", "yantou-elevation")
    value = panel.related_editor.widget("value")
    type_into(qtbot, value, "abc")
    assert "is not a number" in panel.related_editor.error_text("value")
    assert value.text() == "2000"


def test_a_field_of_a_form_taken_down_commits_nothing(qtbot, dataset):
    """A form of another kind replaces the fields with deleteLater; until then an old
    field that still gets keys must not commit onto the new record."""
    from dongchuan_gui.ui.widgets.record_editor import RecordEditor

    editor = RecordEditor()
    qtbot.addWidget(editor)
    editor.show()
    edits = []
    editor.field_edited.connect(lambda *args: edits.append(args))
    editor.set_record(dataset, "sources", dataset.source("yndtjj-2022"))
    old = editor.widget("title")
    editor.set_record(dataset, "indicators", dataset.data.indicators[0])
    QTest.keyClicks(old, "x")
    QTest.keyClick(old, Qt.Key.Key_Return)
    assert edits == []


def test_opening_the_open_file_again_keeps_it_writable(window, data_file):
    assert window.open_path(data_file)
    assert not window.document.read_only
    assert "already open" in window.statusBar().currentMessage()
