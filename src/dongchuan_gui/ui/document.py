"""The open file: Dataset + path + undo stack + clean state + autosave + lock.

Saving keeps the previous version beside the file (``name.json.bak``) and writes
atomically; a failure leaves the file on disk and the open document as they were.
Unsaved changes are written to a recovery file in the user's data folder a while
after the last edit; the next start offers them back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..model.dataset import Change, Dataset
from ..model.fileformat import backup, dumps, is_read_only, load_path, loads, write_atomic
from ..model.records import SCHEMA_VERSION, DatasetFile, DatasetMeta

# unsaved changes reach the recovery file this long after the last change (a crash
# loses at most that), and no later than RECOVERY_MAX_WAIT_MS after the first one
RECOVERY_DELAY_MS = 2_000
RECOVERY_MAX_WAIT_MS = 10_000
BACKUP_SUFFIX = ".bak"


class SaveError(Exception):
    """A save that did not happen; the file on disk is unchanged."""


def writable(path: Path) -> bool:
    """Whether a save may replace ``path``: the file (if there) is not marked
    read-only (no write bit, as Windows' read-only attribute shows; honoured for
    the administrator too) and may be written, and so may its folder."""
    if is_read_only(path):
        return False
    # a folder that is gone is reported by the save itself
    return not path.parent.is_dir() or os.access(path.parent, os.W_OK)


def _app_name(app: str) -> str:
    """Who holds a lock: our own app also when Qt recorded the interpreter's name."""
    if not app or app.lower().startswith("python") or app in ("dongchuan", "dongchuan-gui"):
        return QCoreApplication.translate("Document", "Dongchuan Workbench")
    return app


class FileLockedError(Exception):
    def __init__(self, path: Path, pid: int, host: str, app: str) -> None:
        self.path, self.pid, self.host, self.app = path, pid, host, _app_name(app)
        super().__init__(
            QCoreApplication.translate(
                "Document", "{0} is open in {1}, process {2} on {3}."
            ).format(
                path.name,
                self.app,
                pid,
                host or QCoreApplication.translate("Document", "this computer"),
            )
        )


@dataclass
class Recovery:
    file: Path  # the recovery data
    original: Path | None  # the document it belongs to
    written: str


def recovery_folder() -> Path:
    base = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    )
    return base / "recovery"


def find_recoveries() -> list[Recovery]:
    out = []
    folder = recovery_folder()
    for meta in sorted(folder.glob("*.meta.json")) if folder.is_dir() else []:
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data = meta.with_name(meta.name.replace(".meta.json", ".json"))
        if data.exists():
            original = Path(info["original"]) if info.get("original") else None
            out.append(Recovery(data, original, info.get("written", "")))
    return out


def new_dataset_file() -> DatasetFile:
    today = dt.date.today().isoformat()
    return DatasetFile(
        format="dongchuan-workbench",
        schema_version=SCHEMA_VERSION,
        meta=DatasetMeta(title="New dataset", created=today, modified=today),
    )


JOURNAL_SUFFIX = ".register.json"  # edited households, beside a recovery file


def journal_path(recovery_file: Path) -> Path:
    """The household journal beside a recovery file (``x.json`` → ``x.register.json``)."""
    return recovery_file.with_name(recovery_file.name.replace(".json", JOURNAL_SUFFIX))


class Document(QObject):
    changed = Signal(object)  # a model Change
    state_changed = Signal()  # path, clean state or read-only flag

    def __init__(
        self,
        data: DatasetFile | None = None,
        path: Path | None = None,
        *,
        read_only: bool = False,
        origin: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.origin = origin  # what an untitled document was copied from
        self.dataset = Dataset(data or new_dataset_file())
        self.dataset.subscribe(self._on_change)
        self.path = path
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.state_changed)
        self.lock: QLockFile | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(RECOVERY_DELAY_MS)
        self._autosave.timeout.connect(self.write_recovery)
        self._waiting_since: float | None = None  # first change not yet in recovery
        self._recovery_folder = recovery_folder()
        self._session = f"untitled-{os.getpid()}-{id(self)}"
        # run before the dataset is written (the target path): a register open in the
        # window is written first, so the dataset refers to what is on disk (OSError)
        self.before_save: list[Callable[[Path], None]] = []
        # run with each recovery write (the recovery file's base path, no suffix)
        self.recovery_extras: list[Callable[[Path], None]] = []
        self.recovered_journal: Path | None = None  # household edits to apply again
        # edits that change no dataset record (a household's) are autosaved too
        self.undo_stack.indexChanged.connect(lambda _index: self._schedule_recovery())

    # ---------------------------------------------------------- opening
    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, read_only: bool = False, parent: QObject | None = None
    ) -> tuple[Document, list]:
        """Load and lock ``path``. Raises DatasetError, or FileLockedError when another
        instance holds it (then open again with ``read_only=True``)."""
        path = Path(path).absolute()
        result = load_path(path)
        doc = cls(result.data, path, read_only=read_only, parent=parent)
        if not read_only:
            doc._take_lock(path)
        return doc, result.warnings

    @classmethod
    def from_recovery(cls, recovery: Recovery, parent: QObject | None = None) -> Document:
        data = loads(recovery.file.read_bytes(), str(recovery.file)).data
        doc = cls(data, recovery.original, parent=parent)
        if recovery.original is not None:
            try:
                doc._take_lock(recovery.original)
            except FileLockedError:
                doc.read_only = True
        doc.undo_stack.resetClean()  # restored changes are unsaved until saved
        journal = journal_path(recovery.file)
        doc._recovery_paths = (
            recovery.file,
            recovery.file.with_name(recovery.file.name.replace(".json", ".meta.json")),
            journal,
        )
        doc.recovered_journal = journal if journal.is_file() else None
        return doc

    def _lock_path(self, path: Path) -> str:
        return str(path) + ".lock"

    def _take_lock(self, path: Path) -> None:
        lock = QLockFile(self._lock_path(path))
        lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                info = lock.getLockInfo()  # (pid, host, app), or empty when unreadable
                pid, host, app = info if info and len(info) == 3 else (0, "", "")
                raise FileLockedError(path, pid, host, app)
            return  # no permission to lock (read-only media): go on without one
        self._release_lock()
        self.lock = lock

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    # ------------------------------------------------------------ state
    @property
    def is_clean(self) -> bool:
        return self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        if self.origin:
            return self.tr("{0} (copy; Save As to keep it)").format(self.origin)
        return self.tr("untitled")

    def _on_change(self, change: Change) -> None:
        self._schedule_recovery()
        self.changed.emit(change)

    def _schedule_recovery(self) -> None:
        now = time.monotonic()
        if self._waiting_since is None:
            self._waiting_since = now
        if (now - self._waiting_since) * 1000 < RECOVERY_MAX_WAIT_MS:
            self._autosave.start()  # (re)start: written once the edits pause
        elif not self._autosave.isActive():
            self._autosave.start()

    def push(self, command) -> None:
        self.undo_stack.push(command)

    # ----------------------------------------------------------- saving
    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write the document (to ``path`` for Save As). Raises SaveError."""
        target = Path(path).absolute() if path else self.path
        if target is None:
            raise SaveError(self.tr("The document has no file yet; use Save As."))
        if self.read_only and target == self.path:
            raise SaveError(
                self.tr(
                    "{0} is open read-only; use Save As to keep your changes in another file."
                ).format(target.name)
            )
        if not writable(target):
            raise SaveError(
                self.tr(
                    "{0} is read-only (no permission to write it or its folder); "
                    "use Save As to keep your changes in another file."
                ).format(target.name)
            )
        if target != self.path:
            try:
                self._take_lock(target)
            except FileLockedError as exc:
                raise SaveError(str(exc)) from None
        try:
            for hook in self.before_save:
                hook(target)
        except OSError as exc:
            raise SaveError(
                self.tr("Could not save the household register: {0}. Nothing was saved.").format(
                    exc.strerror or exc
                )
            ) from None
        data = self.dataset.data
        data.meta.modified = dt.date.today().isoformat()
        payload = dumps(data)
        try:
            if target.exists():
                backup(target, BACKUP_SUFFIX)  # with the file's permissions
            write_atomic(target, payload)
        except OSError as exc:
            raise SaveError(
                self.tr("Could not save {0}: {1}. The file on disk is unchanged.").format(
                    target, exc.strerror or exc
                )
            ) from None
        self.path = target
        self.read_only = False
        self.undo_stack.setClean()
        self.discard_recovery()
        self.state_changed.emit()
        return target

    def revert(self) -> None:
        """Reload the file from disk, dropping unsaved changes (undoable history too)."""
        if self.path is None:
            return
        data = load_path(self.path).data
        self.undo_stack.clear()
        self.dataset.reset(data)
        self.undo_stack.setClean()
        self.discard_recovery()
        self.state_changed.emit()

    # ----------------------------------------------------------- recovery
    def _recovery_base(self) -> Path:
        key = str(self.path) if self.path else self._session
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return self._recovery_folder / digest

    def write_recovery(self) -> Path | None:
        self._waiting_since = None
        if self.is_clean:
            self.discard_recovery()  # undone back to the file: nothing to recover
            return None
        base = self._recovery_base()
        base.parent.mkdir(parents=True, exist_ok=True)
        data_file = base.with_suffix(".json")
        meta_file = base.with_suffix(".meta.json")
        try:
            write_atomic(data_file, dumps(self.dataset.data), mode=0o600)  # the user's own
            info = {
                "original": str(self.path) if self.path else "",
                "written": dt.datetime.now().isoformat(timespec="seconds"),
            }
            write_atomic(
                meta_file, json.dumps(info, ensure_ascii=False).encode("utf-8"), mode=0o600
            )
            for extra in self.recovery_extras:
                extra(base)
        except OSError:
            return None  # autosave is best effort; the next change tries again
        journal = base.with_suffix(JOURNAL_SUFFIX)
        self._recovery_paths = (data_file, meta_file, journal)
        return data_file

    def discard_recovery(self) -> None:
        self._autosave.stop()
        for path in getattr(self, "_recovery_paths", ()):
            try:
                path.unlink()
            except OSError:
                pass
        self._recovery_paths = ()

    def close(self) -> None:
        """The user is done with this document (saved or discarded)."""
        self.discard_recovery()
        self._release_lock()
