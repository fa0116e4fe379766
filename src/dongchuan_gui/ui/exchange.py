"""Imports and exports of a main window: sheets, DHIS2, tables, charts, reports.

Questions to the user are ``ask_*`` methods (tests replace them); every import is
one undoable step and nothing is applied when the user cancels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ..model.fileformat import write_atomic
from ..model.records import Observation
from .commands import AddRecord, Composite, EditRecord
from .widgets.timeline_plot import TimelinePlot

# the exchange modules (openpyxl, QtSvg, the DHIS2 and sheet code) load when first
# used, not at start-up


class ExchangeController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def dataset(self):
        return self.window.document.dataset

    # -------------------------------------------------------- questions
    def ask_open(self, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, title, "", filters)
        return Path(name) if name else None

    def ask_save(self, title: str, filters: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, title, suggested, filters)
        return Path(name) if name else None

    def ask_import_plan(self, sheet):
        from .widgets.import_dialog import ImportDialog

        dialog = ImportDialog(self.dataset, sheet, self.window)
        return dialog.plan if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_chart_options(self) -> tuple[int, int, int] | None:
        from .widgets.chart_options import ChartOptionsDialog

        dialog = ChartOptionsDialog(self.window)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_apply_dhis2(self, summary) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("DHIS2 import (dry run)"),
            summary.text().splitlines()[0],
            QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setDetailedText(summary.text())
        return box.exec() == QMessageBox.StandardButton.Apply

    # ---------------------------------------------------------- imports
    def _apply(self, adds: list[Observation], replaces: list[Observation], text: str) -> bool:
        if self.window.document.read_only:
            self.window.report_problem(self.tr("This document is open read-only."))
            return False
        if not adds and not replaces:
            return False
        ds = self.dataset
        parts = [EditRecord(ds, "observations", r, text) for r in replaces]
        parts += [AddRecord(ds, "observations", r, text) for r in adds]
        self.window.document.push(Composite(text, parts))
        return True

    @Slot()
    def import_sheet(self, path: Path | None = None) -> bool:
        from ..model.sheet_import import SheetError, read_sheet

        path = path or self.ask_open(
            self.tr("Import figures"), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path is None:
            return False
        try:
            sheet = read_sheet(path)
        except SheetError as exc:
            self.window.report_problem(str(exc))
            return False
        plan = self.ask_import_plan(sheet)
        if plan is None:
            return False
        return self._apply(
            plan.adds,
            plan.replaces,
            self.tr("Import {0} figures from {1}").format(
                len(plan.adds) + len(plan.replaces), path.name
            ),
        )

    @Slot()
    def import_dhis2(self, path: Path | None = None) -> bool:
        from ..model import dhis2

        path = path or self.ask_open(
            self.tr("Import DHIS2 data values"), self.tr("DHIS2 data value sets (*.json *.csv)")
        )
        if path is None:
            return False
        try:
            values = dhis2.read_values(path)  # size checked before reading
        except OSError as exc:
            self.window.report_problem(f"{path.name}: {exc.strerror or exc}")
            return False
        except ValueError as exc:
            self.window.report_problem(f"{path.name}: {exc}")
            return False
        summary = dhis2.import_values(self.dataset, values)
        if not self.ask_apply_dhis2(summary):
            return False
        return self._apply(
            summary.adds,
            summary.replaces,
            self.tr("Import DHIS2 values from {0}").format(path.name),
        )

    # ---------------------------------------------------------- exports
    def _scope(self) -> tuple[str, str | None]:
        """What the current tab shows: ("program", id), ("place", id) or district."""
        here = self.window.tabs[self.window.tab_widget.currentIndex()].current_location()
        if here and here[0] in ("program", "place"):
            return here[0], here[1]
        return "district", None

    @Slot()
    def export_table(self) -> Path | None:
        from ..model.tables import export_table

        self.window.commit_pending_edit()  # what is typed but not left yet goes out too
        path = self.ask_save(
            self.tr("Export table"),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            "dongchuan-figures.xlsx",
        )
        if path is None:
            return None
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        try:
            export_table(self.dataset, path, fmt=fmt)
        except OSError as exc:
            self.window.report_problem(str(exc))
            return None
        return path

    def export_quality_report(self, path: Path | None = None) -> Path | None:
        """Every failed rule, outlier flag, unsourced and doubtful figure, with the
        answers given, and progress against targets, as a PDF."""
        self.window.commit_pending_edit()
        path = path or self.ask_save(
            self.tr("Save data-quality report"), self.tr("PDF (*.pdf)"), "data-quality.pdf"
        )
        if path is None:
            return None
        try:
            self.window.tab("quality").export_quality_report(path)
        except OSError as exc:
            self.window.report_problem(
                self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc)
            )
            return None
        return path

    @Slot()
    def export_ledger(self, path: Path | None = None) -> Path | None:
        """The east-west cooperation ledger (every project, and totals per program and
        year) as an Excel workbook or CSV, headers in the interface's language."""
        from ..model.cooperation import write_ledger_csv, write_ledger_xlsx
        from .language import ui_lang

        self.window.commit_pending_edit()  # what is typed but not left yet goes out too
        path = path or self.ask_save(
            self.tr("Export cooperation ledger"),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            "cooperation-ledger.xlsx",
        )
        if path is None:
            return None
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        write = write_ledger_csv if path.suffix.lower() == ".csv" else write_ledger_xlsx
        try:
            write(path, self.dataset, ui_lang())
        except OSError as exc:  # name the file chosen, not the temporary one beside it
            self.window.report_problem(
                self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc)
            )
            return None
        count = len(self.dataset.data.cooperation_projects)
        if count:
            text = self.tr("Ledger written to {0}: {1} projects.").format(path.name, count)
        else:
            text = self.tr("Ledger written to {0}: no projects entered, headers only.")
            text = text.format(path.name)
        self.window.statusBar().showMessage(text, 8000)
        return path

    @Slot()
    def export_dhis2(self) -> Path | None:
        from ..model import dhis2

        self.window.commit_pending_edit()  # what is typed but not left yet goes out too
        path = self.ask_save(
            self.tr("Export DHIS2 data values"),
            self.tr("DHIS2 JSON (*.json);;DHIS2 CSV (*.csv)"),
            "dataValueSets.json",
        )
        if path is None:
            return None
        result = dhis2.export_values(self.dataset)
        payload = dhis2.to_csv(result) if path.suffix.lower() == ".csv" else dhis2.to_json(result)
        try:
            write_atomic(path, payload)
        except OSError as exc:
            self.window.report_problem(str(exc))
            return None
        if result.skipped:
            self.window.statusBar().showMessage(
                self.tr("{0} values written; {1} figures left out (no period or no place)").format(
                    len(result.values), len(result.skipped)
                ),
                8000,
            )
        return path

    def current_plot(self) -> TimelinePlot | None:
        tab = self.window.tabs[self.window.tab_widget.currentIndex()]
        plots = [p for p in tab.findChildren(TimelinePlot) if not p.is_empty()]
        plots.sort(key=lambda p: not p.isVisible())  # the one in view first
        return plots[0] if plots else None

    @Slot()
    def export_chart(
        self,
        path: Path | None = None,
        plot: TimelinePlot | None = None,
        size: tuple[int, int, int] | None = None,
    ) -> Path | None:
        """The current tab's timeline (or ``plot``, from its context menu) as PNG or SVG,
        at a size and DPI the user chooses."""
        from .chart_export import export_png, export_svg

        plot = plot or self.current_plot()
        if plot is None or plot.is_empty():
            self.window.report_problem(self.tr("This tab shows no timeline to export."))
            return None
        path = path or self.ask_save(
            self.tr("Export chart"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
            "timeline.png",
        )
        if path is None:
            return None
        size = size or self.ask_chart_options()
        if size is None:
            return None
        width, height, dpi = size
        try:
            if path.suffix.lower() == ".svg":
                export_svg(plot, path, width=width, height=height)
            else:
                export_png(plot, path, width=width, height=height, dpi=dpi)
        except (OSError, ValueError) as exc:
            self.window.report_problem(str(exc))
            return None
        return path

    @Slot()
    def export_report(self, path: Path | None = None) -> Path | None:
        from .reports import write_pdf

        self.window.commit_pending_edit()  # what is typed but not left yet goes out too
        kind, record_id = self._scope()
        path = path or self.ask_save(
            self.tr("Save report as PDF"),
            self.tr("PDF (*.pdf)"),
            f"{record_id or 'dongchuan'}-report.pdf",
        )
        if path is None:
            return None
        go_on, monitoring = self.ask_report_monitoring()
        if not go_on:
            return None
        try:
            write_pdf(self.dataset, path, kind, record_id, monitoring=monitoring)
        except OSError as exc:
            self.window.report_problem(str(exc))
            return None
        return path

    def ask_printer(self):
        """The printer the user chose in the print dialog, or None."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def print_report(self) -> int:
        """Print the report of what the tab shows; returns the number of pages."""
        from .reports import render

        self.window.commit_pending_edit()  # what is typed but not left yet goes out too
        go_on, monitoring = self.ask_report_monitoring()
        if not go_on:
            return 0
        printer = self.ask_printer()
        if printer is None:
            return 0
        kind, record_id = self._scope()
        return render(printer, self.dataset, kind, record_id, monitoring=monitoring)

    def ask_report_monitoring(self):
        """With a register open: print its figures in full or anonymised? (go on, section)"""
        from .monitoring.report_section import ask_report_monitoring

        return ask_report_monitoring(self.window, self.window.monitoring.session)
