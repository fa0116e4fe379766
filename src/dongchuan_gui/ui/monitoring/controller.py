"""The window's household register: opening, closing, saving with the dataset, rules.

Owned by the main window. It keeps one ``RegisterSession`` and ties it to the document:
the register the dataset refers to opens with it (off the GUI thread); its rule set is
the dataset's (edits and undo of the rule set re-judge the households); saving the
document writes an edited register first and brings the reference up to date; the
recovery file gets a journal of edited households beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel

from ...model.dataset import Change
from .loader import RegisterLoader
from .session import RegisterSession


class MonitoringController(QObject):
    failed = Signal(str)  # a register could not be opened (the message says why)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.session = RegisterSession(self)
        self.loader: RegisterLoader | None = None
        self.document: Any = None
        self.banner = QLabel(window)
        self.banner.setObjectName("syntheticBanner")
        self.banner.hide()
        window.statusBar().addPermanentWidget(self.banner)
        self.session.opened.connect(self._update_banner)
        self.session.closed.connect(self._update_banner)
        self.failed.connect(window.report_problem)

    # ------------------------------------------------------------ document
    def set_document(self, doc: Any) -> None:
        """A document is shown: close the register of the last one, open this one's
        (a load still running for the last one is dropped)."""
        if self.loader is not None:
            self.loader.cancel()
        self.session.close()
        self.document = doc
        self.session.set_places(doc.dataset.data.places)
        doc.before_save.append(self._before_save)
        doc.recovery_extras.append(self._write_journal)
        link = self.referenced()
        if link is not None:
            self.open_link(link)
        if doc.recovered_journal is not None and link is None:
            self._journal_not_applied(self.tr("the dataset refers to no household register"))

    def referenced(self) -> Any:
        """The dataset's first register reference, if any."""
        if self.document is None or not self.document.dataset.data.registers:
            return None
        return self.document.dataset.data.registers[0]

    def rules_for(self, link: Any = None) -> Any:
        """The rule set the register is judged by: the reference's, else the dataset's
        only one, else the bundled one."""
        from ...model.register.rules import default_rules

        data = self.document.dataset.data if self.document is not None else None
        if data is not None:
            wanted = link.rule_set if link is not None else None
            for rules in data.rule_sets:
                if wanted is None or rules.id == wanted:
                    return rules
        return default_rules()

    def apply_changes(self, changes: list[Change]) -> None:
        """Dataset edits the register cares about: rule sets and place names."""
        if not self.session.is_open or self.document is None:
            return
        kinds = {c.kind for c in changes} | ({"rule_sets", "places"} if any(
            c.action == "reset" for c in changes) else set())
        if "places" in kinds:
            self.session.set_places(self.document.dataset.data.places)
        if "rule_sets" in kinds:
            self.session.set_rules(self.rules_for(self.session.link))

    # ------------------------------------------------------------- opening
    def open_dialog(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Household Register"), start,
            self.tr("Household registers (*.parquet);;All files (*)"),
        )
        if path:
            self.open_path(Path(path))

    def open_link(self, link: Any) -> RegisterLoader | None:
        from ...model.register.ref import resolve

        if self.document.path is None:
            return None
        return self.open_path(resolve(link, self.document.path), link, check=True)

    def open_path(self, path: Path, link: Any = None, *, check: bool = False) -> Any:
        """Open the register at ``path`` (off the GUI thread). With ``check``, the file
        must still be the one ``link`` describes (hashed in the worker too)."""
        if not self.ask_keep_edits():
            return None
        if link is None and self.document is not None and self.document.path is not None:
            from ...model.register.ref import resolve

            for candidate in self.document.dataset.data.registers:
                if resolve(candidate, self.document.path).resolve() == path.resolve():
                    link = candidate
        if self.loader is not None:
            self.loader.cancel()
        doc = self.document
        expected = link if check else None
        loader = RegisterLoader(
            self.window, path, self.rules_for(link), self.session.year, expected,
            doc.path if doc is not None else None,
        )
        loader.finished.connect(lambda opened: self._opened(opened, link, doc))
        loader.failed.connect(lambda text: self._failed(text, doc, check))
        loader.destroyed.connect(lambda: setattr(self, "loader", None))
        self.loader = loader
        return loader

    def _failed(self, text: str, doc: Any, quiet: bool) -> None:
        if doc is not self.document:
            return
        if quiet:  # the dataset's own register: said in the status bar, not a dialog
            self.window.statusBar().showMessage(
                self.tr("The dataset's household register was not opened: {0}").format(text),
                15000,
            )
            if doc.recovered_journal is not None:
                self._journal_not_applied(text)
        else:
            self.failed.emit(text)

    def _opened(self, opened: Any, link: Any, doc: Any) -> None:
        if doc is not self.document:
            return  # loaded for a document no longer shown
        self.session.open(opened, link)
        reg = opened.register
        self.window.statusBar().showMessage(
            self.tr("Household register {0}: {1} households, {2} villages, year {3}").format(
                opened.path.name, f"{len(reg):,}", len(reg.villages), opened.year
            ), 10000,
        )
        if doc.recovered_journal is not None:
            self._apply_journal(doc)

    # ------------------------------------------------------------ recovery
    def _apply_journal(self, doc: Any) -> None:
        """Household edits of a recovered document, applied again as one undo step."""
        import json

        from ..commands import Composite
        from .session import HouseholdEdit, journal_rows

        path, doc.recovered_journal = doc.recovered_journal, None
        try:
            journal = json.loads(path.read_text(encoding="utf-8"))
            link = self.session.link
            if link is not None and journal.get("sha256") not in ("", link.sha256):
                raise ValueError(self.tr("the register file changed since"))
            edits, problems = journal_rows(self.session.register, journal)
        except (OSError, ValueError) as exc:
            self._journal_not_applied(str(exc))
            return
        if edits:
            text = self.tr("Recovered edits of {0} households").format(
                len({row for row, _, _ in edits})
            )
            parts = [HouseholdEdit(self.session, r, c, v, text) for r, c, v in edits]
            doc.push(Composite(text, parts))
        if problems:
            self._journal_not_applied(
                self.tr("{0} households not in the register").format(len(problems))
            )

    def _journal_not_applied(self, why: str) -> None:
        self.window.report_problem(
            self.tr("Unsaved household edits were found but not applied: {0}.").format(why)
        )

    def ask_keep_edits(self) -> bool:
        """Before the open register goes (closed or replaced) with unsaved household
        edits: save them, drop them, or stay. False to stay."""
        if not self.session.dirty or self.document is None:
            return True
        name = self.session.path.name if self.session.path else ""
        answer = self.window.files.ask_save_changes(name)
        if answer == "cancel":
            return False
        if answer == "save":
            return bool(self.window.files.save())
        self.document.undo_stack.clear()  # their undo steps would do nothing now
        return True

    def close_register(self) -> None:
        if self.ask_keep_edits():
            if self.loader is not None:
                self.loader.cancel()
            self.session.close()

    def show_newly_below(self, line: float, without_transfer: bool) -> None:
        """The household table, filtered to those a what-if line newly puts below."""
        from ...model.register.view import TableFilter

        tab = self.window.monitoring_tab
        spec = TableFilter(newly_below=True, what_if_line=line, without_transfer=without_transfer)
        self.window.tab_widget.setCurrentWidget(tab)
        tab.panel.set_filter(spec)
        tab.apply_filter(spec)

    def export_households(self) -> Any:
        """File › Export › Households: the table as filtered, sorted and shown."""
        from .export import export_households_ui

        if not self.session.is_open:  # nothing to export: the tab need not even be built
            self.window.report_problem(self.tr("Open a household register first."))
            return None
        tab = self.window.monitoring_tab
        job = export_households_ui(
            self.window, tab.view, tab.shown_columns(), lang=tab.lang, edited=self.session.dirty
        )
        if job is not None:
            job.finished.connect(
                lambda path, rows: self.window.statusBar().showMessage(
                    self.tr("{0} households written to {1}").format(f"{rows:,}", path), 10000
                )
            )
            job.failed.connect(self.window.report_problem)
        return job

    def _update_banner(self) -> None:
        if self.session.synthetic:
            self.banner.setText(self.tr("SYNTHETIC households, not real data"))
            self.banner.setToolTip(
                self.tr("This register was generated: every household in it is invented.")
            )
            self.banner.show()
        else:
            self.banner.hide()

    # ------------------------------------------------------------ saving
    def _before_save(self, target: Path) -> None:
        doc = self.document
        if doc is None or not self.session.dirty:
            return
        if not self.session.editable:
            raise OSError(
                0, self.tr("{0} is a partitioned register: its households cannot be saved "
                           "from here").format(self.session.path)
            )
        try:
            link = self.session.save(target, doc.dataset)
        except OSError:
            raise
        except Exception as exc:  # pyarrow's own errors: the register file is unchanged
            raise OSError(0, f"{self.session.path}: {type(exc).__name__}: {exc}") from None
        if link is None:
            return
        if doc.dataset.get("registers", link.id) is None:
            doc.dataset.add("registers", link)
        else:
            doc.dataset.replace("registers", link)

    def _write_journal(self, base: Path) -> None:
        from ..document import JOURNAL_SUFFIX

        if self.session.is_open:
            self.session.write_journal(base.with_suffix(JOURNAL_SUFFIX))
