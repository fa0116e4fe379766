"""Opening a register off the GUI thread, with a progress dialog that can cancel.

The work (read the Parquet file, check it, judge every household, build the what-if
keys) runs in a worker thread; it touches no Qt object. A timer on the GUI thread shows
its phase and hands the result over when it is done. Cancel closes the dialog at once
and the result, when it comes, is dropped: pyarrow cannot be stopped mid-read, but the
window never waits for it.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...model.records import RuleSet
from .session import Opened

_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="register")
PHASES = 4


class NotReferencedFileError(Exception):
    """The file is not the one the dataset's reference describes (the problems say how)."""


def load_work(
    path: Path, rules: RuleSet, year: int | None, report: Callable[[int], None],
    expected: Any = None, dataset_path: Path | None = None,
) -> Opened:
    """Everything slow about opening a register (runs in the worker thread): with
    ``expected`` (the dataset's reference), the file is hashed and compared first."""
    from ...model.register import Register, evaluate
    from ...model.register.ref import check_ref

    report(0)
    if expected is not None and dataset_path is not None:
        problems = check_ref(expected, dataset_path)
        if problems:
            raise NotReferencedFileError("; ".join(problems))
    register = Register.load(path)
    report(1)
    year = year if year in register.years else register.latest_year
    evaluation = evaluate(register, rules, year)
    report(2)
    register.prepare((year,), "village")  # the presorted income key of the year
    report(3)
    return Opened(register, path, evaluation, year, rules)


class RegisterLoader(QObject):
    """Loads one register; ``finished(Opened)`` or ``failed(str)``, never both. A
    cancelled load emits neither."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, parent: QWidget, path: Path, rules: RuleSet, year: int | None = None,
        expected: Any = None, dataset_path: Path | None = None,
    ):
        super().__init__(parent)
        self.path = path
        self._phase = 0
        self._lock = threading.Lock()
        self.cancelled = False
        self.dialog = QProgressDialog(
            self.tr("Opening the household register {0}…").format(path.name),
            self.tr("Cancel"), 0, PHASES, parent,
        )
        self.dialog.setWindowTitle(self.tr("Household register"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setValue(0)  # starts the minimum-duration clock (else shown after ~4 s)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._texts = [
            self.tr("Reading {0}…").format(path.name),
            self.tr("Judging every household by the rules…"),
            self.tr("Preparing the what-if line…"),
            self.tr("Showing…"),
        ]
        self.future = _POOL.submit(
            load_work, path, rules, year, self._report, expected, dataset_path
        )
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _report(self, phase: int) -> None:  # worker thread: no Qt here
        with self._lock:
            self._phase = phase

    def cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.deleteLater()

    def _poll(self) -> None:
        with self._lock:
            phase = self._phase
        self.dialog.setValue(phase)
        self.dialog.setLabelText(self._texts[min(phase, PHASES - 1)])
        if not self.future.done():
            return
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)  # closing a progress dialog cancels it
        self.dialog.close()
        if self.cancelled:
            return
        error = self.future.exception()
        if error is None:
            self.finished.emit(self.future.result())
        else:
            self.failed.emit(self._message(error))
        self.deleteLater()

    def _message(self, error: BaseException) -> str:
        from ...model.register import RegisterError

        path = self.path
        if isinstance(error, NotReferencedFileError):
            return self.tr(
                "{0} is not the register the dataset refers to ({1}). Open it with File › "
                "Open Household Register to use it; saving then brings the reference up to "
                "date."
            ).format(path.name, error)
        if isinstance(error, RegisterError):
            return str(error)
        if isinstance(error, MemoryError):
            return self.tr("{0}: not enough memory to open this register").format(path)
        if isinstance(error, OSError):
            return self.tr("{0}: cannot read: {1}").format(path, error.strerror or error)
        return self.tr("{0}: cannot open: {1}").format(path, f"{type(error).__name__}: {error}")

    def wait(self, timeout: float | None = None) -> Any:
        """Block until the work is done (tests and the command line)."""
        return self.future.result(timeout)
