"""Drive widgets as a person does: mouse clicks, typed keys, Tab and Return, shortcuts.

Never emit a widget's signal by hand here: that skips the focus and event handling
in which the worst bugs live (a field deleted inside its own focus-out handler).
``QTest.keyClicks`` maps only ASCII to keys; other text goes in as key events that
carry it, as an input method would send it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyleOptionButton,
    QTextBrowser,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton
SELECT_ALL = Qt.KeyboardModifier.ControlModifier


def settle(qtbot, ms: int = 5) -> None:
    """Let the event loop run, so changes queued for the views are shown."""
    qtbot.wait(ms)


def show_active(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(widget: QWidget, text: str) -> None:
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            )


def click(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:
    """Click ``widget`` (a check box on its box) where a person would."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    if pos is None and isinstance(widget, QCheckBox):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        box = widget.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator, option, widget
        )
        pos = box.center()
    qtbot.mouseClick(widget, LEFT, pos=pos if pos is not None else widget.rect().center())


def type_into(
    qtbot, edit: QLineEdit | QPlainTextEdit, text: str, leave: str | QWidget = "tab"
) -> None:
    """Click into a field, select what is there, type ``text`` and leave the field
    with "tab", "return", by clicking the widget given as ``leave``, or stay ("none")."""
    click(qtbot, edit)
    assert edit.hasFocus(), f"{edit.objectName()} did not take the focus"
    QTest.keyClick(edit, Qt.Key.Key_A, SELECT_ALL)
    if text:
        type_text(edit, text)
    else:
        QTest.keyClick(edit, Qt.Key.Key_Delete)
    if leave == "tab":
        QTest.keyClick(edit, Qt.Key.Key_Tab)
    elif leave == "return":
        QTest.keyClick(edit, Qt.Key.Key_Return)
    elif leave != "none":
        click(qtbot, leave)
        assert not edit.hasFocus()
    settle(qtbot)


def choose(qtbot, combo: QComboBox, data) -> None:
    """Open the list with a click and click the item carrying ``data``."""
    target = combo.findData(data)
    assert target >= 0, f"{data!r} is not among the choices"
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    # move in the open list with the keys and take the item with Return (a click
    # right after the list opens is ignored by Qt, against click-through)
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(target):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == target
    settle(qtbot)


def click_item(qtbot, view: QAbstractItemView, index) -> None:
    view.scrollTo(index)
    click(qtbot, view.viewport(), view.visualRect(index).center())
    settle(qtbot)


def click_link(qtbot, browser: QTextBrowser, text: str) -> None:
    """Click the first link in a detail pane whose text contains ``text``."""
    document = browser.document()
    cursor = document.find(text)
    while not cursor.isNull():
        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart() + 1)
        if probe.charFormat().isAnchor():
            break
        cursor = document.find(text, cursor)
    assert not cursor.isNull(), f"no link {text!r} in the pane"
    browser.setTextCursor(probe)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(probe)
    click(qtbot, browser.viewport(), rect.center())
    settle(qtbot)


def shortcut(qtbot, window: QWidget, sequence: str | QKeySequence.StandardKey) -> None:
    """Press a shortcut in the window, e.g. "Ctrl+Z" or a standard key."""
    keys = QKeySequence(sequence)
    combo = keys[0]
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    settle(qtbot)


def context_menu(qtbot, widget: QWidget, pos: QPoint | None = None) -> QMenu:
    """Ask for ``widget``'s context menu as the platform does after a right click
    (a right click from QTest does not raise one offscreen), and return the menu."""
    pos = pos if pos is not None else widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(lambda: any(isinstance(w, QMenu) and w.isVisible() for w in _tops()))
    return next(w for w in _tops() if isinstance(w, QMenu) and w.isVisible())


def choose_in_menu(qtbot, menu: QMenu, text: str) -> None:
    """Click the menu item whose text starts with ``text``."""
    (action,) = [a for a in menu.actions() if a.text().startswith(text)]
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
    settle(qtbot)


def _tops() -> list[QWidget]:
    return QApplication.topLevelWidgets()
