"""A seeded monkey: random real input events on the real main window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -X faulthandler tools/monkey.py \\
        --actions 5000 --seed 1 [--verbose]

It opens a copy of the bundled dataset (settings, recovery files and the copy in a
temporary folder) and, chosen by a seeded random generator among the visible, enabled
widgets of the window, clicks tabs, tree/list/table items, buttons, check boxes, combo
boxes, links, figure cards and menus; types garbage and plausible values (ASCII with
``QTest.keyClicks``, Chinese as key events carrying the text) into line edits, text
boxes and spin boxes and leaves them with Tab, Return, Escape or a click elsewhere;
presses shortcuts (tabs, undo/redo, back/forward, find, save); hovers, drags and wheels
over plots and splitters. It never emits a signal or calls a slot of the app by hand.
Modal dialogs are answered by a timer (a random button, a note typed, or rejected);
Quit, Print, Open, Save As and the import/export file dialogs are left alone.

The run fails (exit 1) when a Python exception escapes (``sys.excepthook``, so an
exception inside a Qt slot counts) or Qt logs a warning or worse. A native crash kills
the process: run with ``-X faulthandler`` and ``--verbose`` so the trail of actions and
the stack are on the terminal. The same seed chooses the same actions (as long as the
window behaves the same: snapshot names carry the time), so ``--seed N --actions K
--verbose`` replays a failure at action K.

Between two actions the event loop turns once (posted events and deferred deletions,
as in the application's own loop); every ten actions timers get a few milliseconds.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QKeyEvent, QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGraphicsView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSplitterHandle,
    QTabBar,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QTreeView,
    QWidget,
)
from shiboken6 import isValid

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "seeds" / "dongchuan.json"
# what the offscreen platform plugin says about itself (popups, menus, top-level windows)
IGNORED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support grabbing the mouse",
)
TRAIL_ACTIONS = 20  # actions shown before a problem
WATCHDOG_S = 120  # ten actions that take longer are a hang: dump the stacks and exit
Key = Qt.Key
Mod = Qt.KeyboardModifier
LEFT = Qt.MouseButton.LeftButton

PLAUSIBLE = [
    "0", "1", "-1", "-5", "-32227", "42", "130", "100", "100.5", "99.99", "3.14", "0.5",
    "1,000", "32,227", "12%", "1e3", "1e309", "-1e309", "nan", "inf", "-0", "  42  ",
    "2013", "2019", "2020", "1899", "2101", "2019-13", "2019-03", "2019-02-30", "2019-04-30",
    "2019Q2", "2019-Q2", "2019/3", "19", "0000", "2016-2020", "", " ", "x", "None", "null",
    "true", "-", ".", ",", "26.1, 103.2, WGS-84", "26.1,103.2", "91, 200", "26.1, 103.2, XYZ",
    "a, b", "a,,b", "http://example.org", "people", "ha", "%", "yuan",
]  # fmt: skip
CHINESE = [
    "新名字", "东川区", "汤丹镇", "搬迁", "，", "１２３", "２０１９", "一百", "百分之十二", "、",
]  # fmt: skip
PRINTABLE = "".join(chr(c) for c in range(32, 127))
SHORTCUTS = [
    *[(f"Ctrl+{i}", Key(Key.Key_1.value + i - 1), Mod.ControlModifier) for i in range(1, 7)],
    ("Ctrl+Z", Key.Key_Z, Mod.ControlModifier),
    ("Ctrl+Shift+Z", Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier),
    ("Ctrl+Y", Key.Key_Y, Mod.ControlModifier),
    ("Alt+Left", Key.Key_Left, Mod.AltModifier),
    ("Alt+Right", Key.Key_Right, Mod.AltModifier),
    ("Ctrl+F", Key.Key_F, Mod.ControlModifier),
    ("Ctrl+S", Key.Key_S, Mod.ControlModifier),
]
RARE_SHORTCUTS = [("Ctrl+N", Key.Key_N, Mod.ControlModifier)]  # a new, empty document
VIEW_KEYS = [
    Key.Key_Down, Key.Key_Up, Key.Key_PageDown, Key.Key_PageUp, Key.Key_Home, Key.Key_End,
    Key.Key_Left, Key.Key_Right, Key.Key_Space, Key.Key_Return,
]  # fmt: skip
# menu items that would quit, print, or open a native file dialog, as the main window
# names them (through its own tr(), so that they are found in any language)
EXCLUDED_MENU_TEXTS = ("&Quit", "&Open…", "Save &As…", "&Print Report…", "&Import", "&Export")
FILE_DIALOG_BUTTONS = {"Folder…"}


def _short(text: str, limit: int = 60) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]


class _UrlSink(QObject):
    """Stands in for the web browser: links to the web are noted, not opened."""

    def __init__(self, monkey: Monkey) -> None:
        super().__init__()
        self.monkey = monkey

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.monkey.sub(f"(browser asked to open {url.toString()})")
        self.monkey.counts["url opened"] += 1


class Monkey:
    """Drives ``window`` with random real input events chosen by ``seed``.

    ``start()`` installs the exception hook, the Qt message handler and the dialog
    timer and shows the window; ``run(n)`` does n actions; ``stop()`` puts everything
    back. ``problems`` lists what went wrong, each with the trail that led to it.
    """

    def __init__(
        self,
        window: QWidget,
        seed: int,
        *,
        verbose: bool = False,
        settle_every: int = 10,
        watchdog_s: float | None = None,
    ) -> None:
        self.window = window
        self.seed = seed
        self.rng = random.Random(seed)
        self.dialog_rng = random.Random(f"dialogs-{seed}")
        self.verbose = verbose
        self.settle_every = settle_every
        self.watchdog_s = watchdog_s  # a hang: dump the stacks and exit (the script only)
        self.index = 0
        self.counts: Counter[str] = Counter()
        self.trail: list[list[str]] = []
        self.problems: list[str] = []
        self.elapsed = 0.0
        self._started = False
        self._answer_pending = False
        self._old_hook = None
        self._old_handler = None
        self._patched: list[tuple[object, str, object]] = []
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check_dialogs)
        self._url_sink = _UrlSink(self)
        self.actions: list[tuple[str, int, Callable[[], bool]]] = [
            ("tab", 10, self.click_tab),
            ("item", 16, self.click_item),
            ("view keys", 5, self.view_keys),
            ("type line", 20, self.type_line),
            ("type text", 5, self.type_text),
            ("check box", 4, self.toggle_check),
            ("combo", 7, self.use_combo),
            ("spin", 3, self.use_spin),
            ("button", 7, self.click_button),
            ("link", 5, self.click_link),
            ("card", 2, self.click_card),
            ("shortcut", 8, self.press_shortcut),
            ("undo/redo", 6, self.undo_redo),
            ("focus keys", 3, self.focus_keys),
            ("menu", 6, self.use_menu),
            ("plot", 3, self.use_plot),
            ("wheel", 2, self.wheel),
            ("splitter", 1, self.drag_splitter),
            ("close viewer", 1, self.close_viewer),
        ]

    # ------------------------------------------------------------ set-up
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._old_hook = sys.excepthook
        sys.excepthook = self._excepthook
        self._old_handler = qInstallMessageHandler(self._qt_message)
        for scheme in ("http", "https", "mailto", "file"):
            QDesktopServices.setUrlHandler(scheme, self._url_sink, "handle")  # str, not bytes
        # a safety net: a file dialog is a user who cancels (they are not chosen on purpose)
        for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
            self._patch(QFileDialog, name, self._cancelled_file_dialog(name))
        self._timer.start()
        if not faulthandler.is_enabled():
            faulthandler.enable()
        self.window.show()
        self._activate()

    def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        if self.watchdog_s:
            faulthandler.cancel_dump_traceback_later()
        self._timer.stop()
        for _ in range(10):
            if not self._close_popups_and_dialogs():
                break
        for viewer in list(getattr(self.window, "viewers", [])):
            if isValid(viewer):
                viewer.files.ask_save_changes = lambda name: "discard"
                viewer.close()
        QApplication.processEvents()
        for owner, name, old in reversed(self._patched):
            setattr(owner, name, old)
        self._patched.clear()
        for scheme in ("http", "https", "mailto", "file"):
            QDesktopServices.unsetUrlHandler(scheme)
        qInstallMessageHandler(self._old_handler)
        sys.excepthook = self._old_hook

    def _patch(self, owner, name: str, value) -> None:
        self._patched.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def _cancelled_file_dialog(self, name: str):
        def cancelled(*args, **kwargs):
            self.sub(f"(QFileDialog.{name} cancelled)")
            self.counts["file dialog cancelled"] += 1
            return "" if name == "getExistingDirectory" else ("", "")

        return staticmethod(cancelled)

    # --------------------------------------------------------- problems
    def _excepthook(self, kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        self._problem(f"exception escaped:\n{text}")

    def _qt_message(self, mode, context, message: str) -> None:
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(ignored in message for ignored in IGNORED_QT_MESSAGES):
            return
        where = f" ({context.file}:{context.line})" if context.file else ""
        self._problem(f"Qt {mode.name}: {message}{where}")

    def _problem(self, text: str) -> None:
        self.sub(f"!!! {text.splitlines()[0]}")
        self.problems.append(f"after action {self.index}: {text}\n{self.trail_text()}")

    def trail_text(self, actions: int = TRAIL_ACTIONS) -> str:
        lines = [line for entry in self.trail[-actions:] for line in entry]
        return "last actions:\n" + "\n".join("  " + line for line in lines)

    def report(self) -> str:
        head = f"monkey seed={self.seed}: {len(self.problems)} problems in {self.index} actions"
        return "\n\n".join([head, *self.problems])

    # ------------------------------------------------------------- log
    def say(self, kind: str, target: str = "", detail: str = "") -> None:
        tab = self._tab_name()
        line = f"{self.index:5d} [{tab}] {kind}: {target}" + (f" {detail}" if detail else "")
        self.trail.append([line])
        del self.trail[: -TRAIL_ACTIONS * 3]
        if self.verbose:
            print(line, flush=True)

    def sub(self, detail: str) -> None:
        line = f"{self.index:5d}     {detail}"
        if self.trail:
            self.trail[-1].append(line)
        if self.verbose:
            print(line, flush=True)

    def _tab_name(self) -> str:
        tabs = getattr(self.window, "tab_widget", None)
        if tabs is None or not isValid(tabs):
            return "?"
        return tabs.tabText(tabs.currentIndex())

    @staticmethod
    def describe(w: QWidget | None) -> str:
        if w is None or not isValid(w):
            return "<gone>"
        parts = [type(w).__name__]
        if w.objectName():
            parts.append(f"#{w.objectName()}")
        label = Monkey._form_label(w)
        if label:
            parts.append(f"<{label}>")
        text = ""
        if isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QLineEdit) and not label:
            text = w.placeholderText()
        if text:
            parts.append(_short(text, 40))
        title = Monkey._editor_title(w)
        if title:
            parts.append(f"in “{title}”")
        return " ".join(parts)

    @staticmethod
    def _form_label(w: QWidget) -> str:
        child = w
        for _ in range(3):
            parent = child.parentWidget()
            if parent is None:
                return ""
            for form in parent.findChildren(QFormLayout):
                label = form.labelForField(child)
                if isinstance(label, QLabel):
                    return label.text()
            child = parent
        return ""

    @staticmethod
    def _editor_title(w: QWidget) -> str:
        parent = w.parentWidget()
        for _ in range(4):
            if parent is None:
                return ""
            title = parent.findChild(
                QLabel, "editorTitle", Qt.FindChildOption.FindDirectChildrenOnly
            )
            if title is not None:
                return title.text()
            parent = parent.parentWidget()
        return ""

    # ------------------------------------------------------------ loop
    def run(self, actions: int) -> None:
        self.start()
        names = [name for name, _, _ in self.actions]
        weights = [weight for _, weight, _ in self.actions]
        table = {name: act for name, _, act in self.actions}
        began = time.perf_counter()
        for _ in range(actions):
            if not self.window.isVisible():
                self._problem("the main window is no longer shown (closed?); the run stops")
                break
            self.index += 1
            if self.watchdog_s and self.index % 10 == 1:  # arming it starts a thread
                faulthandler.dump_traceback_later(self.watchdog_s, exit=True)
            self._before_action()
            for _attempt in range(20):
                name = self.rng.choices(names, weights)[0]
                try:
                    done = table[name]()
                except Exception:  # the driver's own error is a problem too
                    self._problem(
                        "exception in the driver (the monkey's own error, or a C++ object "
                        f"deleted under it):\n{traceback.format_exc()}"
                    )
                    done = True
                if done:
                    self.counts[name] += 1
                    break
            self._after_action()
        if self.watchdog_s:
            faulthandler.cancel_dump_traceback_later()
        self.elapsed += time.perf_counter() - began

    def _before_action(self) -> None:
        if QApplication.activeModalWidget() is not None:
            self.answer_dialogs()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            self.sub(f"(close leftover popup {type(popup).__name__})")
            popup.close()
        self._activate()

    def _after_action(self) -> None:
        self.turn()
        if self.index % self.settle_every == 0:
            QTest.qWait(self.rng.choice([0, 1, 5, 20]))  # and let timers run

    @staticmethod
    def turn() -> None:
        """One turn of the event loop, as between two inputs of a person: posted events,
        then the objects whose deletion was deferred (``processEvents`` alone leaves
        those for later when no event loop runs, unlike the application's loop)."""
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _activate(self) -> None:
        if QApplication.activeWindow() is self.window:
            return
        if QApplication.activeModalWidget() or QApplication.activePopupWidget():
            return
        self.window.raise_()
        self.window.activateWindow()
        QApplication.processEvents()

    # --------------------------------------------------------- targets
    def _mine(self, w: QWidget) -> bool:
        """Shown, enabled, in the main window and not hidden behind something."""
        if not (isValid(w) and w.isVisible() and w.isEnabled() and w.window() is self.window):
            return False
        if isinstance(w, QAbstractScrollArea) and w.frameWidth() == 0:
            w = w.viewport()  # frameless: the viewport covers all of it
        return not w.visibleRegion().isEmpty()

    def widgets(self, kind: type, test: Callable[[QWidget], bool] | None = None) -> list:
        return [
            w for w in self.window.findChildren(kind) if self._mine(w) and (test is None or test(w))
        ]

    def pick(self, items: list):
        return self.rng.choice(items) if items else None

    def point_in(self, w: QWidget, rect: QRect | None = None) -> QPoint:
        """A point of ``rect`` (default: the widget) that is not hidden, near its middle."""
        area = w.visibleRegion().boundingRect()
        if rect is not None:
            area = area.intersected(rect)
        if area.isEmpty():
            area = rect if rect is not None else w.rect()
        dx = self.rng.randint(-area.width() // 4, area.width() // 4) if area.width() > 8 else 0
        dy = self.rng.randint(-area.height() // 4, area.height() // 4) if area.height() > 8 else 0
        return area.center() + QPoint(dx, dy)

    def click(
        self,
        w: QWidget,
        pos: QPoint | None = None,
        *,
        modifier=Mod.NoModifier,
        double: bool = False,
        button=LEFT,
    ) -> None:
        pos = pos if pos is not None else self.point_in(w)
        if not isValid(w):
            return
        if double:
            QTest.mouseDClick(w, button, modifier, pos)
        else:
            QTest.mouseClick(w, button, modifier, pos)

    def key(self, w: QWidget | None, key, modifier=Mod.NoModifier) -> None:
        if w is not None and isValid(w):
            QTest.keyClick(w, key, modifier)

    def focus_or(self, w: QWidget) -> QWidget:
        focus = QApplication.focusWidget()
        return focus if focus is not None and focus.window() is self.window else w

    def type(self, w: QWidget, text: str) -> None:
        """Type ``text`` into ``w`` as a person would, key by key."""
        for n, chunk in enumerate(text.split("\n")):
            if n:
                self.key(w, Key.Key_Return)
            if not chunk or not isValid(w):
                continue
            if chunk.isascii():
                QTest.keyClicks(w, chunk)
                continue
            for ch in chunk:  # keyClicks aborts on non-ASCII: a key event with the text
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    if isValid(w):
                        QApplication.sendEvent(w, QKeyEvent(kind, 0, Mod.NoModifier, ch))

    # ------------------------------------------------------ input text
    def some_text(self) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.rng.choice(PLAUSIBLE)
        if roll < 0.6:
            return self._some_id()
        if roll < 0.75:
            return self.rng.choice(CHINESE) + self.rng.choice(["", "x", "1"])
        if roll < 0.97:
            n = self.rng.choice([1, 2, 3, 5, 8, 13, 30])
            return "".join(self.rng.choice(PRINTABLE) for _ in range(n))
        return self.rng.choice(["9", "x", "东"]) * self.rng.choice([200, 600])

    def _some_id(self) -> str:
        dataset = getattr(self.window, "dataset", None)
        if dataset is None:
            return "relocation"
        kind = self.rng.choice(["places", "programs", "indicators", "sources", "observations"])
        records = getattr(dataset.data, kind, [])
        if not records:
            return "nowhere"
        ids = [self.rng.choice(records).id for _ in range(self.rng.choice([1, 1, 2, 3]))]
        return self.rng.choice([", ", ",", "; ", "、"]).join(ids)

    # ---------------------------------------------------------- actions
    def click_tab(self) -> bool:
        bar = self.pick(self.widgets(QTabBar, lambda b: b.count() > 0))
        if bar is None:
            return False
        index = self.rng.randrange(bar.count())
        rect = bar.tabRect(index)
        if not bar.isTabEnabled(index) or not bar.visibleRegion().intersects(rect):
            return False
        self.say("tab", self.describe(bar), _short(bar.tabText(index)))
        self.click(bar, self.point_in(bar, rect))
        return True

    def _visible_indexes(self, view: QAbstractItemView, limit: int = 600) -> list[QModelIndex]:
        model = view.model()
        if model is None:
            return []
        area = view.viewport().rect()
        found: list[QModelIndex] = []
        stack = [QModelIndex()]
        columns_max = 6 if isinstance(view, QTableView) else 1
        while stack and len(found) < limit:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                first = model.index(row, 0, parent)
                columns = model.columnCount(parent) if isinstance(view, QTableView) else 1
                for column in range(min(columns, columns_max)):
                    index = model.index(row, column, parent)
                    rect = view.visualRect(index)
                    if rect.isValid() and rect.intersects(area):
                        found.append(index)
                if isinstance(view, QTreeView) and view.isExpanded(first):
                    stack.append(first)
        return found

    def _views(self) -> list[QAbstractItemView]:
        return [
            v
            for v in self.widgets(QAbstractItemView)
            if self._mine(v.viewport()) and not isinstance(v.parentWidget(), QComboBox)
        ]

    def click_item(self) -> bool:
        view = self.pick(self._views())
        if view is None:
            return False
        viewport = view.viewport()
        indexes = self._visible_indexes(view)
        if not indexes or self.rng.random() < 0.05:
            self.say("item", self.describe(view), "(empty space)")
            self.click(viewport, self.point_in(viewport))
            return True
        index = self.rng.choice(indexes)
        rect = view.visualRect(index)
        text = _short(str(index.data() or ""), 50)
        roll = self.rng.random()
        if isinstance(view, QTreeView) and roll < 0.1 and rect.left() > view.indentation() // 2:
            self.say("item", self.describe(view), f"branch of {text}")
            self.click(viewport, QPoint(rect.left() - view.indentation() // 2, rect.center().y()))
        elif roll < 0.2:
            self.say("item", self.describe(view), f"double-click {text}")
            self.click(viewport, self.point_in(viewport, rect), double=True)
        elif roll < 0.3:
            self.say("item", self.describe(view), f"ctrl-click {text}")
            self.click(viewport, self.point_in(viewport, rect), modifier=Mod.ControlModifier)
        else:
            self.say("item", self.describe(view), text)
            self.click(viewport, self.point_in(viewport, rect))
        return True

    def view_keys(self) -> bool:
        view = QApplication.focusWidget()
        clicked = False
        if not isinstance(view, QAbstractItemView) or not self._mine(view):
            view = self.pick(self._views())
            if view is None:
                return False
            clicked = True
        keys = [self.rng.choice(VIEW_KEYS) for _ in range(self.rng.randint(1, 4))]
        names = " ".join(k.name.removeprefix("Key_") for k in keys)
        self.say("view keys", self.describe(view), ("click, " if clicked else "") + names)
        if clicked:
            self.click(view.viewport(), self.point_in(view.viewport()))
        for k in keys:
            self.key(view, k)
        return True

    def _line_edits(self) -> list[QLineEdit]:
        return self.widgets(
            QLineEdit,
            lambda e: (
                not e.isReadOnly()
                and not isinstance(e.parentWidget(), (QAbstractSpinBox, QComboBox))
            ),
        )

    def type_line(self) -> bool:
        edit = self.pick(self._line_edits())
        if edit is None:
            return False
        text = self.some_text()
        self.say("type line", self.describe(edit), f"old={_short(edit.text(), 30)}")
        self._enter_field(edit)
        self.sub(f"type {_short(text)}")
        self.type(self.focus_or(edit), text)
        self.leave()
        return True

    def type_text(self) -> bool:
        edit = self.pick(
            [e for e in self.widgets(QPlainTextEdit) if not e.isReadOnly()]
            + [e for e in self.widgets(QTextEdit) if not e.isReadOnly()]
        )
        if edit is None:
            return False
        text = self.some_text()
        if self.rng.random() < 0.3:
            text += "\n" + self.some_text()
        self.say("type text", self.describe(edit))
        self._enter_field(edit.viewport())
        self.sub(f"type {_short(text)}")
        self.type(self.focus_or(edit), text)
        self.leave(tab_leaves=False)
        return True

    def _enter_field(self, w: QWidget) -> None:
        self.click(w)
        target = self.focus_or(w)
        roll = self.rng.random()
        if roll < 0.55:
            self.sub("Ctrl+A")
            self.key(target, Key.Key_A, Mod.ControlModifier)
        elif roll < 0.75:
            n = self.rng.randint(1, 6)
            self.sub(f"End, Backspace x{n}")
            self.key(target, Key.Key_End)
            for _ in range(n):
                self.key(target, Key.Key_Backspace)

    def leave(self, *, tab_leaves: bool = True) -> None:
        """Leave the focused field as a person would, or stay in it."""
        focus = QApplication.focusWidget()
        choices = [
            ("Tab", 35 if tab_leaves else 5),
            ("Backtab", 10 if tab_leaves else 0),
            ("Return", 20),
            ("Escape", 5),
            ("click elsewhere", 20 if tab_leaves else 60),
            ("stay", 10),
        ]
        how = self.rng.choices([c for c, _ in choices], [w for _, w in choices])[0]
        if how == "stay" or focus is None or not isValid(focus):
            self.sub("(stay in the field)")
            return
        if how == "click elsewhere":
            self.click_elsewhere(focus)
            return
        self.sub(how)
        key = {
            "Tab": Key.Key_Tab,
            "Backtab": Key.Key_Backtab,
            "Return": Key.Key_Return,
            "Escape": Key.Key_Escape,
        }[how]
        modifier = Mod.ShiftModifier if how == "Backtab" else Mod.NoModifier
        self.key(focus, key, modifier)

    def click_elsewhere(self, focus: QWidget) -> None:
        candidates = [v.viewport() for v in self._views()] + self._line_edits()
        target = self.pick([w for w in candidates if w is not focus])
        if target is None:
            self.sub("(nowhere else to click)")
            return
        owner = target if isinstance(target, QLineEdit) else target.parentWidget()
        self.sub(f"click elsewhere: {self.describe(owner)}")
        self.click(target, self.point_in(target))

    def toggle_check(self) -> bool:
        box = self.pick(self.widgets(QCheckBox))
        if box is None:
            return False
        space = self.rng.random() < 0.4
        detail = "click, Space" if space else "click"
        self.say("check box", self.describe(box), f"{detail} (was {box.isChecked()})")
        # the indicator is at the left; a check box without text may be wide
        self.click(box, QPoint(min(8, box.width() // 2), box.height() // 2))
        if space:
            self.key(self.focus_or(box), Key.Key_Space)
        return True

    def use_combo(self) -> bool:
        combo = self.pick(self.widgets(QComboBox, lambda c: c.count() > 0))
        if combo is None:
            return False
        roll = self.rng.random()
        if roll < 0.25:
            keys = [self.rng.choice([Key.Key_Up, Key.Key_Down]) for _ in range(2)]
            names = " ".join(k.name.removeprefix("Key_") for k in keys)
            self.say("combo", self.describe(combo), f"open, Escape, {names}")
            self.click(combo)  # opens the list; Escape closes it and the focus stays
            if isValid(combo) and combo.view().isVisible():
                self.key(combo.view(), Key.Key_Escape)
            for k in keys:
                self.key(self.focus_or(combo), k)
            return True
        self.say("combo", self.describe(combo), f"open (now {_short(combo.currentText(), 40)})")
        self.click(combo)
        QApplication.processEvents()
        popup = QApplication.activePopupWidget()
        view = combo.view() if isValid(combo) else None
        if popup is None or view is None or not view.isVisible():
            self.sub("(no popup)")
            return True
        if roll < 0.35:
            self.sub("Escape")
            self.key(view, Key.Key_Escape)
            return True
        steps = self.rng.randint(0, min(combo.count(), 8))
        key = self.rng.choice([Key.Key_Down, Key.Key_Up])
        self.sub(f"{key.name.removeprefix('Key_')} x{steps}, Return")
        for _ in range(steps):
            self.key(view, key)
        self.key(view, Key.Key_Return)
        if isValid(combo):
            self.sub(f"now {_short(combo.currentText(), 40)}")
        return True

    def use_spin(self) -> bool:
        spin = self.pick(self.widgets(QAbstractSpinBox))
        if spin is None:
            return False
        roll = self.rng.random()
        if roll < 0.3:
            up = self.rng.random() < 0.5
            y = 4 if up else spin.height() - 4
            self.say("spin", self.describe(spin), f"click {'up' if up else 'down'} arrow")
            self.click(spin, QPoint(spin.width() - 6, y))
            return True
        if roll < 0.5:
            keys = [self.rng.choice([Key.Key_Up, Key.Key_Down, Key.Key_PageUp]) for _ in range(3)]
            self.say("spin", self.describe(spin), f"keys {[k.name for k in keys]}")
            self.click(spin, QPoint(spin.width() // 3, spin.height() // 2))
            for k in keys:
                self.key(self.focus_or(spin), k)
            self.leave()
            return True
        text = self.rng.choice(["2010", "2025", "1900", "2100", "0", "-5", "99999", "abc", ""])
        self.say("spin", self.describe(spin), f"type {_short(text)}")
        self.click(spin, QPoint(spin.width() // 3, spin.height() // 2))
        target = self.focus_or(spin)
        self.key(target, Key.Key_A, Mod.ControlModifier)
        self.type(target, text)
        self.leave()
        return True

    def click_button(self) -> bool:
        button = self.pick(
            self.widgets(
                QAbstractButton,
                lambda b: (
                    not isinstance(b, (QCheckBox, QRadioButton))
                    and b.text() not in FILE_DIALOG_BUTTONS
                ),
            )
        )
        if button is None:
            return False
        self.say("button", self.describe(button))
        self.click(button, self.point_in(button, button.rect().adjusted(2, 2, -2, -2)))
        return True

    def click_link(self) -> bool:
        browsers = self.widgets(QTextBrowser, lambda b: self._mine(b.viewport()))
        self.rng.shuffle(browsers)
        for browser in browsers:
            anchors = self._anchors(browser)
            if anchors:
                href, rect = self.rng.choice(anchors)
                self.say("link", self.describe(browser), _short(href))
                self.click(browser.viewport(), rect.center())
                return True
        return False

    @staticmethod
    def _anchors(browser: QTextBrowser) -> list[tuple[str, QRect]]:
        doc = browser.document()
        area = browser.viewport().rect()
        found = []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isAnchor() and fmt.anchorHref():
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position() + max(fragment.length() // 2, 1))
                    rect = browser.cursorRect(cursor)
                    if area.contains(rect.center()):
                        found.append((fmt.anchorHref(), rect))
                it += 1
            block = block.next()
        return found

    def click_card(self) -> bool:
        card = self.pick(self.widgets(QFrame, lambda f: f.objectName() == "figureCard"))
        if card is None:
            return False
        self.say("card", self.describe(card), _short(card.findChild(QLabel).text(), 30))
        self.click(card)
        return True

    def press_shortcut(self) -> bool:
        pool = SHORTCUTS + (RARE_SHORTCUTS if self.rng.random() < 0.1 else [])
        name, key, modifier = self.rng.choice(pool)
        target = self.focus_or(self.window)
        self.say("shortcut", name, f"to {self.describe(target)}")
        self.key(target, key, modifier)
        return True

    def undo_redo(self) -> bool:
        target = self.focus_or(self.window)
        n = self.rng.choice([1, 1, 1, 2, 3, 5])
        redo = self.rng.random() < 0.4
        name = ("Ctrl+Shift+Z" if redo else "Ctrl+Z") + f" x{n}"
        self.say("undo/redo", name, f"to {self.describe(target)}")
        modifier = Mod.ControlModifier | (Mod.ShiftModifier if redo else Mod.NoModifier)
        for _ in range(n):
            self.key(self.focus_or(self.window), Key.Key_Z, modifier)
        return True

    def focus_keys(self) -> bool:
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self.window:
            return False
        back = self.rng.random() < 0.3
        n = self.rng.randint(1, 4)
        self.say(
            "focus keys", f"{'Shift+Tab' if back else 'Tab'} x{n}", f"from {self.describe(focus)}"
        )
        for _ in range(n):
            focus = QApplication.focusWidget()
            if focus is None or focus.window() is not self.window:
                break
            if back:
                self.key(focus, Key.Key_Backtab, Mod.ShiftModifier)
            else:
                self.key(focus, Key.Key_Tab)
        return True

    # ------------------------------------------------------------ menus
    def _allowed(self, action, file_menu: QMenu | None) -> bool:
        if action.isSeparator() or not action.isVisible() or not action.isEnabled():
            return False
        if action.text() in {self.window.tr(text) for text in EXCLUDED_MENU_TEXTS}:
            return False
        if action.text() == self.window.tr("&New") and self.rng.random() < 0.8:
            return False  # an empty document leaves little to do: rarely
        submenu = action.menu()
        if submenu is not None and file_menu is not None:
            # the File menu's submenus are Import and Export (file dialogs) and Open Recent
            recent = getattr(self.window, "recent_menu", None)
            if action.parent() is file_menu or submenu.parent() is file_menu:
                return submenu is recent
        return True

    def use_menu(self) -> bool:
        bar = self.window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None and a.isVisible()]
        if not menus or not self._mine(bar):
            return False
        top = self.rng.choice(menus)
        menu = top.menu()
        file_menu = menus[0].menu()
        self.say("menu", top.text().replace("&", ""))
        self.click(bar, bar.actionGeometry(top).center())
        QApplication.processEvents()
        for _depth in range(3):
            if not menu.isVisible():
                self.sub("(menu did not open)")
                return True
            allowed = [a for a in menu.actions() if self._allowed(a, file_menu)]
            if not allowed:
                self.sub("Escape (nothing to choose)")
                self.key(menu, Key.Key_Escape)
                return True
            action = self.rng.choice(allowed)
            self.sub(f"→ {action.text().replace('&', '')}")
            rect = menu.actionGeometry(action)
            QTest.mouseMove(menu, rect.center())
            self.click(menu, rect.center())
            if action.menu() is None:
                self.counts["menu item"] += 1
                return True
            QTest.qWait(60)  # a submenu opens after a short delay
            menu = action.menu()
        return True

    # ------------------------------------------------------ plots and co
    def use_plot(self) -> bool:
        view = self.pick(self.widgets(QGraphicsView, lambda v: self._mine(v.viewport())))
        if view is None:
            return False
        viewport = view.viewport()
        area = viewport.rect()

        def somewhere() -> QPoint:
            return QPoint(
                self.rng.randint(area.left() + 2, max(area.right() - 2, area.left() + 2)),
                self.rng.randint(area.top() + 2, max(area.bottom() - 2, area.top() + 2)),
            )

        roll = self.rng.random()
        if roll < 0.5:
            self.say("plot", self.describe(view), "hover")
            for _ in range(self.rng.randint(1, 5)):
                QTest.mouseMove(viewport, somewhere())
        elif roll < 0.8:
            start, end = somewhere(), somewhere()
            self.say("plot", self.describe(view), f"drag {start.toTuple()} → {end.toTuple()}")
            QTest.mousePress(viewport, LEFT, Mod.NoModifier, start)
            for step in (1, 2, 3):
                if isValid(viewport):
                    QTest.mouseMove(viewport, start + (end - start) * step / 3)
            if isValid(viewport):
                QTest.mouseRelease(viewport, LEFT, Mod.NoModifier, end)
        else:
            self.say("plot", self.describe(view), "double-click")
            self.click(viewport, somewhere(), double=True)
        return True

    def wheel(self) -> bool:
        candidates = [
            w.viewport() if isinstance(w, QAbstractScrollArea) else w
            for w in self.widgets(
                QWidget, lambda w: isinstance(w, (QAbstractScrollArea, QComboBox, QAbstractSpinBox))
            )
        ]
        target = self.pick([w for w in candidates if self._mine(w)])
        if target is None:
            return False
        pos = self.point_in(target)
        delta = self.rng.choice([-240, -120, 120, 240])
        owner = target.parentWidget() if target.objectName() == "qt_scrollarea_viewport" else target
        self.say("wheel", self.describe(owner), str(delta))
        event = QWheelEvent(
            QPointF(pos),
            QPointF(target.mapToGlobal(pos)),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Mod.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(target, event)
        return True

    def drag_splitter(self) -> bool:
        handle = self.pick(self.widgets(QSplitterHandle))
        if handle is None:
            return False
        start = handle.rect().center()
        offset = self.rng.choice([-300, -80, -20, 20, 80, 300])
        vertical = handle.orientation() == Qt.Orientation.Vertical
        end = start + (QPoint(0, offset) if vertical else QPoint(offset, 0))
        self.say("splitter", self.describe(handle.splitter()), f"drag by {offset}")
        QTest.mousePress(handle, LEFT, Mod.NoModifier, start)
        if isValid(handle):
            QTest.mouseMove(handle, end)
        if isValid(handle):
            QTest.mouseRelease(handle, LEFT, Mod.NoModifier, end)
        return True

    def close_viewer(self) -> bool:
        """Close a read-only window opened from the Snapshots tab, as its X does."""
        viewers = [v for v in getattr(self.window, "viewers", []) if isValid(v) and v.isVisible()]
        viewer = self.pick(viewers)
        if viewer is None:
            return False
        self.say("close viewer", viewer.windowTitle())
        viewer.close()
        return True

    # ---------------------------------------------------------- dialogs
    def _check_dialogs(self) -> None:
        """Every 50 ms, also inside a dialog's own event loop: answer it soon."""
        if self._answer_pending:
            return
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu) and popup.isVisible():
            # a button's own menu runs an event loop of its own (the motion chart's
            # Export…): close it, as a person who changed their mind would
            self._answer_pending = True
            QTimer.singleShot(0, self.close_menu)
            return
        if QApplication.activeModalWidget() is not None or self._open_dialogs():
            self._answer_pending = True
            # answered from a fresh timer, so that a dialog opened by the answer is
            # answered as well (a timer does not fire again inside its own callback)
            QTimer.singleShot(0, self.answer_dialogs)

    def close_menu(self) -> None:
        self._answer_pending = False
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu) and isValid(popup):
            self.sub("(a button's menu: Escape)")
            QTest.keyClick(popup, Key.Key_Escape)
            if isValid(popup) and popup.isVisible():
                popup.close()

    def _open_dialogs(self) -> list[QDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and isValid(w)
        ]

    def answer_dialogs(self) -> None:
        self._answer_pending = False
        dialog = QApplication.activeModalWidget() or next(iter(self._open_dialogs()), None)
        if dialog is None or not isValid(dialog):
            return
        self.counts["dialog answered"] += 1
        rng = self.dialog_rng
        title = _short(dialog.windowTitle(), 50)
        if isinstance(dialog, QMessageBox):
            buttons = [b for b in dialog.buttons() if b.isVisible() and b.isEnabled()]
            if buttons:
                button = rng.choice(buttons)
                self.sub(f"(dialog {title}: {_short(dialog.text(), 60)} → {button.text()})")
                QTest.mouseClick(button, LEFT)
                return
        elif isinstance(dialog, QInputDialog) and rng.random() < 0.5:
            edit = dialog.findChild(QLineEdit)
            text = rng.choice(["monkey note", "", "快照"])
            self.sub(f"(dialog {title}: type {text!r}, Return)")
            if edit is not None:
                QTest.keyClick(edit, Key.Key_A, Mod.ControlModifier)
                self.type(edit, text)
                QTest.keyClick(edit, Key.Key_Return)  # the default button: OK
            if isValid(dialog) and dialog.isVisible():
                dialog.accept()
            return
        self.sub(f"(dialog {type(dialog).__name__} {title}: Escape)")
        QTest.keyClick(dialog, Key.Key_Escape)
        if isValid(dialog) and dialog.isVisible():
            dialog.reject()

    def _close_popups_and_dialogs(self) -> bool:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
            return True
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.reject()
            return True
        return False

    def summary(self) -> str:
        per_1000 = 1000 * self.elapsed / max(self.index, 1)
        lines = [
            f"monkey seed={self.seed}: {self.index} actions in {self.elapsed:.1f} s "
            f"({per_1000:.1f} s per 1000)",
            "  " + ", ".join(f"{name} {n}" for name, n in self.counts.most_common()),
        ]
        doc = getattr(self.window, "document", None)
        if doc is not None and isValid(doc):
            stack = doc.undo_stack
            lines.append(
                f"  undo stack: {stack.count()} steps, at {stack.index()}; "
                f"document {doc.display_name()}{' (modified)' if not doc.is_clean else ''}"
            )
        lines.append(f"  problems: {len(self.problems)}")
        return "\n".join(lines)


# ------------------------------------------------------------------ script
def open_window(folder: Path):
    """The real main window on a copy of the bundled dataset, everything it writes
    (settings, recovery files, snapshots, the copy and its backup) under ``folder``.
    Call it after the QApplication is made (it points HOME at ``folder``)."""
    from PySide6.QtCore import QStandardPaths

    import dongchuan_gui.ui.document as document
    from dongchuan_gui.ui.main_window import MainWindow

    os.environ["DONGCHUAN_SETTINGS"] = str(folder / "settings.ini")
    QStandardPaths.setTestModeEnabled(True)
    # test-mode data paths are under the home folder: snapshots of untitled documents
    os.environ["HOME"] = str(folder / "home")
    document.recovery_folder = lambda: folder / "appdata" / "recovery"
    data = folder / "data" / "dongchuan.json"
    data.parent.mkdir(parents=True)
    shutil.copyfile(SEED_FILE, data)
    window = MainWindow()
    if not window.open_path(data):
        raise SystemExit(f"could not open {data}")
    window.resize(1280, 800)
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="print each action as it goes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.enable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="dongchuan-monkey-"))
    try:
        window = open_window(folder)
        monkey = Monkey(window, args.seed, verbose=args.verbose, watchdog_s=WATCHDOG_S)
        try:
            monkey.start()
            monkey.run(args.actions)
        finally:
            monkey.stop()
        window.files.ask_save_changes = lambda name: "discard"
        window.close()
        app.processEvents()
    finally:
        if args.keep:
            print(f"files in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(monkey.summary())
    if monkey.problems:
        print(monkey.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
