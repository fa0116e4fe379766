"""Render the editing, undo, snapshot and recovery screens for the README.

    QT_QPA_PLATFORM=offscreen python tools/docs_screenshots.py docs/screenshots

Works on a copy of the bundled dataset in a temporary folder; the steps are the
ones a user takes: edit a figure, look at the undo history, take a snapshot,
change more, compare with the snapshot, and see the recovery question.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

ROOT = Path(__file__).resolve().parents[1]


def settle(app: QApplication, window) -> None:
    for _ in range(3):
        app.processEvents()
    from dongchuan_gui.ui.widgets.timeline_plot import TimelinePlot

    for plot in window.findChildren(TimelinePlot):
        plot.render_now()
    for _ in range(3):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["DONGCHUAN_SETTINGS"] = str(tmp / "settings.ini")
    app = QApplication(sys.argv[:1])
    app.setStyleSheet((ROOT / "resources" / "style.qss").read_text(encoding="utf-8"))
    import dongchuan_gui.ui.document as document

    document.recovery_folder = lambda: tmp / "recovery"
    from dongchuan_gui.ui.main_window import MainWindow

    data = tmp / "dongchuan.json"
    shutil.copyfile(ROOT / "seeds" / "dongchuan.json", data)
    window = MainWindow()
    window.files.ask_snapshot_note = lambda: "Before the 2023 update"
    window.files.ask_save_changes = lambda name: "discard"
    window.open_path(data)
    window.resize(1400, 900)
    window.show()

    # 1. edit a figure in place: Yantou's orchard area, then rename the program
    window.navigate("place", "530113104216")
    pane = window.places.pane
    pane.show_edit_side()
    panel = pane.edit_panel
    panel.select_related("observations", "yantou-orchard-2022")
    window.undo_dock.show()
    window.files.take_snapshot()
    window.edits.edit_field(
        "observations", "yantou-orchard-2022", "comment", "Checked against the 2022 town report."
    )
    settle(app, window)
    window.grab().save(str(out / "07-edit-figure.png"))

    # 2. a refused edit: a share of 130 %
    window.navigate("program", "relocation")
    prog_panel = window.programs.pane.edit_panel
    window.programs.pane.show_edit_side()
    prog_panel.select_related("observations", "resettled-in-towns")
    value: QLineEdit = prog_panel.related_editor.widget("value")
    value.setText("130")
    value.editingFinished.emit()
    settle(app, window)
    window.grab().save(str(out / "08-refused-edit.png"))

    # 3. more edits, then compare with the snapshot
    window.edits.remove("observations", "incidence-2018-hu")
    window.edits.edit_field(
        "programs", "relocation", "name_en", "Relocation out of unsafe villages (易地扶贫搬迁)"
    )
    window.undo_dock.hide()
    window.tab_widget.setCurrentWidget(window.snapshots)
    window.snapshots.select_rows([0])
    window.snapshots.compare_current.click()
    choice = window.snapshots.series_choice
    choice.setCurrentIndex(max(choice.findText("● 贫困发生率", Qt.MatchFlag.MatchStartsWith), 0))
    settle(app, window)
    window.grab().save(str(out / "09-snapshot-compare.png"))

    # 4. the recovery question after a crash
    window.document.write_recovery()
    box_holder = {}

    def grab_box() -> None:
        box = app.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.grab().save(str(out / "10-recover.png"))
            box_holder["text"] = box.text()
            box.reject()

    QTimer.singleShot(200, grab_box)
    second = MainWindow()
    from dongchuan_gui.ui.file_controller import FileController

    FileController.offer_recovery(second.files)
    window.close()
    print("\n".join(str(p) for p in sorted(out.glob("0[7-9]-*.png")) + [out / "10-recover.png"]))


if __name__ == "__main__":
    main()
