"""File operations of a main window: new, open, save, revert, snapshots, recovery.

Every question to the user is one ``ask_*`` method, so tests replace them.
"""

from __future__ import annotations

import getpass
from pathlib import Path

import msgspec
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from .. import __version__
from ..model.fileformat import load_path
from ..model.problems import DatasetError
from ..model.snapshots import SnapshotError, write_snapshot
from ..resources import seed_path
from . import settings
from .commands import ReplaceAll
from .document import (
    Document,
    FileLockedError,
    Recovery,
    SaveError,
    find_recoveries,
    journal_path,
    writable,
)

MAX_RECENT = 10
FILE_FILTER = "Workbench files (*.json);;All files (*)"


class FileController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def document(self) -> Document | None:
        return self.window.document

    # ------------------------------------------------------- questions
    def ask_save_changes(self, name: str) -> str:
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("{0} has unsaved changes. Save them?").format(name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(answer, "cancel")

    def ask_revert(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Revert"),
            self.tr("Go back to the saved {0}? Your unsaved changes will be lost.").format(name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_read_only(self, locked: FileLockedError) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("File in use"),
            self.tr("{0}\n\nOpen it read-only?").format(locked),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def ask_save_path(self) -> Path | None:
        start = str(self.document.path) if self.document and self.document.path else ""
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save As"), start, self.tr(FILE_FILTER)
        )
        if not name:
            return None
        return Path(name if name.endswith(".json") else name + ".json")

    def ask_open_path(self) -> Path | None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open dataset"), start, self.tr(FILE_FILTER)
        )
        return Path(name) if name else None

    def ask_snapshot_note(self) -> str | None:
        note, ok = QInputDialog.getText(
            self.window, self.tr("Save Snapshot"), self.tr("A note for this snapshot:")
        )
        return note if ok else None

    def ask_restore(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore snapshot"),
            self.tr("Replace the current data with the snapshot {0}? You can undo this.").format(
                path.name
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_recover(self, recovery: Recovery) -> bool:
        name = recovery.original.name if recovery.original else self.tr("an untitled document")
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover unsaved changes"),
            self.tr(
                "Unsaved changes to {0} from {1} were found (the program did not close "
                "normally). Restore them?"
            ).format(name, recovery.written),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_save_failed(self, message: str) -> bool:
        """Tell why saving failed; True when the user wants to Save As instead."""
        answer = QMessageBox.warning(
            self.window,
            self.tr("Not saved"),
            message,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    # --------------------------------------------------------- opening
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document."""
        self.window.commit_pending_edit()
        doc = self.document
        if doc is None or doc.is_clean:
            return True
        answer = self.ask_save_changes(doc.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _replace_document(self, doc: Document, warnings=()) -> None:
        old = self.document
        self.window.set_document(doc, list(warnings))
        if old is not None:
            old.close()
            old.deleteLater()

    @Slot()
    def new_file(self) -> None:
        if self.maybe_save():
            self._replace_document(Document(parent=self.window))

    def open_bundled(self) -> None:
        """The bundled dataset as an untitled copy: edits never touch the shipped file."""
        path = seed_path()
        try:
            result = load_path(path)
        except DatasetError as exc:
            self.window.show_problems(path, exc.problems)
            return
        self._replace_document(
            Document(result.data, None, origin=path.name, parent=self.window), result.warnings
        )

    @Slot()
    def open_dialog(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: str | Path, *, read_only: bool = False) -> bool:
        """Open ``path``; any problem is shown and the open document stays as it was."""
        path = Path(path)
        doc = self.document
        if doc is not None and doc.path is not None and doc.path == path.absolute():
            # already open here (our own lock is not another program's): with unsaved
            # changes, Save / Discard (read the file again) / Cancel as for another file
            if not self.maybe_save():
                return False
            if not doc.is_clean:
                self.revert()
            self.window.statusBar().showMessage(
                self.tr("{0} is already open.").format(path.name), 5000
            )
            return True
        if not self.maybe_save():
            return False
        unwritable = not read_only and not writable(path)
        try:
            doc, warnings = Document.open(
                path, read_only=read_only or unwritable, parent=self.window
            )
        except DatasetError as exc:
            self.window.show_problems(path, exc.problems)
            return False
        except FileLockedError as locked:
            if not self.ask_open_read_only(locked):
                return False
            return self.open_path(path, read_only=True)
        self._replace_document(doc, warnings)
        self.remember_recent(doc.path)
        if unwritable:
            self.window.statusBar().showMessage(
                self.tr(
                    "{0} cannot be written here (no permission), so it is open read-only; "
                    "Save As keeps your changes in another file."
                ).format(path.name)
            )
        if warnings:
            self.window.show_problems(path, warnings, warnings_only=True)
        return True

    def remember_recent(self, path: Path | None) -> None:
        if path is None:
            return
        recent = [p for p in settings.read("recent/files") if p != str(path)]
        settings.write("recent/files", [str(path), *recent][:MAX_RECENT])

    # ---------------------------------------------------------- saving
    @Slot()
    def save(self) -> bool:
        self.window.commit_pending_edit()
        doc = self.document
        if doc is None:
            return False
        if doc.path is None or doc.read_only:
            return self.save_as()
        return self._save_to(None)

    @Slot()
    def save_as(self) -> bool:
        self.window.commit_pending_edit()
        path = self.ask_save_path()
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path | None) -> bool:
        try:
            saved = self.document.save(path)
        except SaveError as exc:
            if self.ask_save_failed(str(exc)):
                return self.save_as()
            return False
        self.remember_recent(saved)
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(saved), 5000)
        self.window.refresh_snapshot_folder()
        return True

    @Slot()
    def revert(self) -> None:
        doc = self.document
        if doc is None or doc.path is None:
            return
        try:
            doc.revert()
        except DatasetError as exc:
            self.window.show_problems(doc.path, exc.problems)

    # -------------------------------------------------------- snapshots
    @Slot()
    def take_snapshot(self) -> Path | None:
        self.window.commit_pending_edit()
        doc = self.document
        note = self.ask_snapshot_note()
        if doc is None or note is None:
            return None
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        folder = self.window.snapshots.folder or self.window.snapshot_folder()
        try:
            path = write_snapshot(
                doc.dataset.data,
                doc.path,
                note=note,
                author=user,
                app_version=__version__,
                folder=folder,
            )
        except (OSError, SnapshotError) as exc:
            self.window.report_problem(
                self.tr("The snapshot could not be written: {0}").format(exc)
            )
            return None
        self.window.refresh_snapshot_folder()
        self.window.statusBar().showMessage(self.tr("Snapshot saved: {0}").format(path), 5000)
        return path

    def restore_snapshot(self, path: str | Path) -> bool:
        path = Path(path)
        doc = self.document
        if doc is None or doc.read_only or not self.ask_restore(path):
            return False
        try:
            data = load_path(path).data
        except DatasetError as exc:
            self.window.show_problems(path, exc.problems)
            return False
        data = msgspec.structs.replace(data, snapshot=None)
        doc.push(ReplaceAll(doc.dataset, data, self.tr("Restore snapshot {0}").format(path.name)))
        return True

    def open_read_only_window(self, path: str | Path):
        """A second window showing ``path`` read-only (a snapshot, say)."""
        try:
            doc, _ = Document.open(path, read_only=True)
        except DatasetError as exc:
            self.window.show_problems(Path(path), exc.problems)
            return None
        viewer = type(self.window)()
        viewer.persist_state = False
        viewer.set_document(doc, [])
        viewer.show()
        self.window.viewers.append(viewer)
        return viewer

    # --------------------------------------------------------- recovery
    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery file; True when restored."""
        found = find_recoveries()
        if not found:
            return False
        recovery = max(found, key=lambda r: r.written)
        if not self.ask_recover(recovery):
            for r in found:
                meta = r.file.with_name(r.file.name.replace(".json", ".meta.json"))
                for path in (r.file, meta, journal_path(r.file)):
                    path.unlink(missing_ok=True)
            return False
        try:
            doc = Document.from_recovery(recovery, parent=self.window)
        except DatasetError as exc:
            self.window.show_problems(recovery.file, exc.problems)
            return False
        self._replace_document(doc)
        return True
