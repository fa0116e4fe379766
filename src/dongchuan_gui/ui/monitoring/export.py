"""Export the household table as shown (File › Export › Household Table…).

``export_households_ui(parent, view, columns)`` asks where to write (XLSX or CSV),
then writes in a worker thread with a window-modal progress dialog that can cancel
(the file is then left as it was). The table is written as the view shows it: its
filter and order, the chosen columns; see ``model.register.table_export``.
"""

from __future__ import annotations

import concurrent.futures
import copy
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")


class HouseholdExport(QObject):
    """One export; ``finished(Path, int)`` or ``failed(str)``; a cancelled export emits
    ``cancelled``."""

    finished = Signal(object, int)  # the file, rows written
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, view: Any, path: Path, columns: Sequence[str],
                 *, lang: str | None = None, edited: bool = False) -> None:
        super().__init__(parent)
        from ...model.register.table_export import export_households

        self.path = path
        self._done = (0, len(view))
        self._lock = threading.Lock()
        self._stop = False
        snapshot = copy.copy(view)  # the window may refilter; the export keeps its rows
        snapshot.order = view.order.copy()
        self.dialog = QProgressDialog(
            self.tr("Writing {0} households to {1}…").format(f"{len(view):,}", path.name),
            self.tr("Cancel"), 0, 1000, parent,
        )
        self.dialog.setWindowTitle(self.tr("Export household table"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)  # starts the 0.3 s clock (else shown only after 4 s)
        self.dialog.canceled.connect(self.cancel)
        self.future = _POOL.submit(
            export_households, snapshot, path, list(columns), lang=lang, edited=edited,
            progress=self._progress,
        )
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _progress(self, done: int, total: int) -> bool:  # worker thread: no Qt here
        with self._lock:
            self._done = (done, total)
            return not self._stop

    def cancel(self) -> None:
        with self._lock:
            self._stop = True

    def _poll(self) -> None:
        with self._lock:
            done, total = self._done
        self.dialog.setValue(int(done * 1000 / total) if total else 0)
        if not self.future.done():
            return
        from ...model.register.table_export import ExportCancelledError

        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)  # closing a progress dialog cancels it
        self.dialog.close()
        error = self.future.exception()
        if error is None:
            self.finished.emit(self.path, self.future.result())
        elif isinstance(error, ExportCancelledError):
            self.cancelled.emit()
        elif isinstance(error, OSError):
            self.failed.emit(f"{self.path}: {error.strerror or error}")
        else:
            self.failed.emit(f"{self.path}: {type(error).__name__}: {error}")
        self.deleteLater()

    def wait(self, timeout: float | None = None) -> Any:
        """Block until the work is done (tests)."""
        return self.future.exception(timeout)


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    def tr(text: str) -> str:
        return QCoreApplication.translate("HouseholdExport", text)

    name, _ = QFileDialog.getSaveFileName(
        parent, tr("Export household table"), suggested,
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix(".xlsx")


def export_households_ui(parent: QWidget, view: Any, columns: Sequence[str], *,
                         lang: str | None = None, edited: bool = False,
                         path: Path | None = None) -> HouseholdExport | None:
    """Ask for a file (unless ``path`` is given) and start writing ``view``'s rows with
    ``columns``; None when the user cancelled the question. Connect ``finished`` and
    ``failed`` (e.g. to the status bar and ``report_problem``)."""
    if path is None:
        path = ask_export_path(parent, f"households-{view.year}.xlsx")
        if path is None:
            return None
    return HouseholdExport(parent, view, path, columns, lang=lang, edited=edited)
