"""The main window's menus and actions (built here so the window only assembles).

Texts are translated in the main window's context, as ``MainWindow.tr`` would: written
out as ``translate("MainWindow", …)`` so that lupdate files them there too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from . import settings

translate = QCoreApplication.translate


def make_action(window, text: str, slot, shortcuts=()) -> QAction:
    action = QAction(text, window)
    keys: list[QKeySequence] = []
    for s in shortcuts:  # a standard key may repeat an explicit one (Alt+Left is Back)
        for key in (
            QKeySequence.keyBindings(s)
            if isinstance(s, QKeySequence.StandardKey)
            else [QKeySequence(s)]
        ):
            if key not in keys:
                keys.append(key)
    action.setShortcuts(keys)  # the same key twice would make it ambiguous and dead
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build(window) -> None:
    """The menus and their actions, shortcuts included."""
    self = window
    key = QKeySequence.StandardKey
    files = self.files
    menu = self.menuBar()
    file_menu = menu.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(self._action(translate("MainWindow", "&New"), files.new_file, [key.New]))
    file_menu.addAction(
        self._action(translate("MainWindow", "&Open…"), files.open_dialog, [key.Open])
    )
    self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
    self.recent_menu.aboutToShow.connect(lambda: fill_recent(window))
    file_menu.addSeparator()
    self.save_action = self._action(translate("MainWindow", "&Save"), files.save, [key.Save])
    file_menu.addAction(self.save_action)
    file_menu.addAction(
        self._action(translate("MainWindow", "Save &As…"), files.save_as, [key.SaveAs])
    )
    self.revert_action = self._action(translate("MainWindow", "Re&vert"), self._revert)
    file_menu.addAction(self.revert_action)
    file_menu.addSeparator()
    file_menu.addAction(
        self._action(translate("MainWindow", "Save Snaps&hot…"), files.take_snapshot)
    )
    file_menu.addSeparator()
    monitoring = self.monitoring
    file_menu.addAction(
        self._action(translate("MainWindow", "Open Household &Register…"), monitoring.open_dialog)
    )
    self.close_register_action = self._action(
        translate("MainWindow", "Close Household Register"), monitoring.close_register
    )
    file_menu.addAction(self.close_register_action)
    file_menu.addSeparator()
    ex = self.exchange
    import_menu = file_menu.addMenu(translate("MainWindow", "&Import"))
    import_menu.addAction(
        self._action(
            translate("MainWindow", "Figures from a Spreadsheet (XLSX, CSV)…"),
            lambda: ex.import_sheet(),
        )
    )
    import_menu.addAction(
        self._action(
            translate("MainWindow", "DHIS2 Data Values (JSON, CSV)…"), lambda: ex.import_dhis2()
        )
    )
    export_menu = file_menu.addMenu(translate("MainWindow", "&Export"))
    export_menu.addAction(
        self._action(
            translate("MainWindow", "Households as Shown (XLSX, CSV)…"),
            self.monitoring.export_households,
        )
    )
    export_menu.addAction(
        self._action(translate("MainWindow", "Tables (XLSX, CSV)…"), ex.export_table)
    )
    export_menu.addAction(
        self._action(
            translate("MainWindow", "Cooperation Ledger (XLSX, CSV)…"),
            lambda: ex.export_ledger(),  # a QAction's "checked" must not become the path
        )
    )
    export_menu.addAction(
        self._action(translate("MainWindow", "DHIS2 Data Values (JSON, CSV)…"), ex.export_dhis2)
    )
    export_menu.addAction(
        self._action(translate("MainWindow", "Chart (PNG, SVG)…"), lambda: ex.export_chart())
    )
    export_menu.addAction(
        self._action(translate("MainWindow", "Report as PDF…"), lambda: ex.export_report())
    )
    export_menu.addAction(
        self._action(
            translate("MainWindow", "Data-Quality Report (PDF)…"),
            lambda: ex.export_quality_report(),
        )
    )
    file_menu.addAction(
        self._action(translate("MainWindow", "&Print Report…"), ex.print_report, [key.Print])
    )
    file_menu.addSeparator()
    file_menu.addAction(self._action(translate("MainWindow", "&Quit"), self.close, [key.Quit]))

    edit_menu = menu.addMenu(translate("MainWindow", "&Edit"))
    self.undo_action = self.undo_group.createUndoAction(self, translate("MainWindow", "Undo"))
    self.undo_action.setShortcuts(QKeySequence.keyBindings(key.Undo))
    self.redo_action = self.undo_group.createRedoAction(self, translate("MainWindow", "Redo"))
    self.redo_action.setShortcuts(QKeySequence.keyBindings(key.Redo))
    edit_menu.addAction(self.undo_action)
    edit_menu.addAction(self.redo_action)
    edit_menu.addAction(self.undo_dock.toggleViewAction())
    edit_menu.addSeparator()
    for kind, text in (
        ("programs", translate("MainWindow", "New Program")),
        ("places", translate("MainWindow", "New Place")),
        ("indicators", translate("MainWindow", "New Indicator")),
        ("sources", translate("MainWindow", "New Source")),
    ):
        edit_menu.addAction(self._action(text, lambda _=False, k=kind: self.new_record(k)))
    self.remove_action = self._action(
        translate("MainWindow", "Remove Selected Record…"), self.remove_selected
    )
    edit_menu.addAction(self.remove_action)

    go_menu = menu.addMenu(translate("MainWindow", "&Go"))
    self.back_action = self._action(
        translate("MainWindow", "&Back"), self.go_back, ["Alt+Left", key.Back]
    )
    self.forward_action = self._action(
        translate("MainWindow", "&Forward"), self.go_forward, ["Alt+Right", key.Forward]
    )
    go_menu.addAction(self.back_action)
    go_menu.addAction(self.forward_action)
    go_menu.addAction(self._action(translate("MainWindow", "&Find"), self.focus_search, [key.Find]))
    go_menu.addSeparator()
    for i, (tab_key, tab) in enumerate(zip(self.tab_keys, self.tabs, strict=True)):
        go_menu.addAction(
            self._action(
                tab.title(),
                lambda _=False, k=tab_key: self.show_tab(k),
                [f"Ctrl+{i + 1}"] if i < 9 else [],  # Ctrl+1 … Ctrl+9
            )
        )
    help_menu = menu.addMenu(translate("MainWindow", "&Help"))
    language_menu = help_menu.addMenu("语言 / Language")
    current = settings.read("ui/language")
    for code, label in (
        ("system", translate("MainWindow", "As the computer")),
        ("zh_CN", "中文"),
        ("en", "English"),
    ):
        action = language_menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: self.set_language(c))
    help_menu.addAction(self._action(translate("MainWindow", "&About"), self.about))
    self._update_nav_actions()


def fill_recent(window) -> None:
    self = window
    self.recent_menu.clear()
    for path in settings.read("recent/files"):
        action = self.recent_menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
    self.recent_menu.setEnabled(bool(self.recent_menu.actions()))
