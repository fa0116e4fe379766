"""Import a town office's sheet, apply and undo it; export tables, charts, reports."""

import re
import unicodedata
import xml.etree.ElementTree as ET

import pypdf
from openpyxl import Workbook
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from dongchuan_gui.model import dumps
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.sheet_import import read_sheet
from dongchuan_gui.ui.reports import write_pdf
from dongchuan_gui.ui.widgets.import_dialog import ImportDialog
from tests.conftest import SEED
from tests.ui.real_input import choose_in_menu, context_menu, settle, shortcut

YANTOU, PINGZI = "530113104216", "530113105209"


def town_sheet(path):
    book = Workbook()
    sheet = book.active
    for row in [
        ["指标", "区划代码", "年份", "数值", "状态", "备注"],
        ["冬桃种植面积", YANTOU, 2023, 70, "估计", "town estimate"],
        ["海拔", "坪子村", 2023, 1600, "", ""],
        ["海拔", "Atlantis", 2023, 1, "", ""],
    ]:
        sheet.append(row)
    book.save(path)
    return path


def pdf_text(path) -> str:
    """The PDF's text, with runs of spaces and tabs made one space. NFKC turns the
    Kangxi radicals some CJK fonts map their glyphs to back into the usual characters."""
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text))


def test_import_dialog_checks_rows_and_mapping(qtbot, tmp_path):
    ds = Dataset(load_path(SEED).data)
    dialog = ImportDialog(ds, read_sheet(town_sheet(tmp_path / "t.xlsx")))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "Dry run: 2 new, 0 updated, 0 unchanged, 1 rejected."
    assert dialog.table.item(2, 1).text() == "rejected"
    assert "unknown place 'Atlantis'" in dialog.table.item(2, 2).text()
    dialog.columns["value"].setCurrentIndex(0)  # unmap a required column
    assert "no column chosen for value" in dialog.summary.text()
    assert dialog.table.rowCount() == 0


def test_import_apply_undo(window, tmp_path, monkeypatch, qtbot):
    path = town_sheet(tmp_path / "town.xlsx")
    before = dumps(window.document.dataset.data)
    seen = []

    def accept(sheet):
        dialog = ImportDialog(window.document.dataset, sheet)
        seen.append(dialog.summary.text())
        return dialog.plan

    monkeypatch.setattr(window.exchange, "ask_import_plan", accept)
    assert window.exchange.import_sheet(path)
    ds = window.document.dataset
    added = [o for o in ds.data.observations if o.period == "2023" and o.place == YANTOU]
    assert [(o.indicator, o.value, o.status) for o in added] == [("orchard-area", 70, "estimate")]
    assert window.undo_action.text() == "Undo Import 2 figures from town.xlsx"
    shortcut(qtbot, window, "Ctrl+Z")
    assert dumps(ds.data) == before
    # cancelling applies nothing
    monkeypatch.setattr(window.exchange, "ask_import_plan", lambda sheet: None)
    assert not window.exchange.import_sheet(path)
    assert dumps(ds.data) == before


def test_bad_sheet_is_reported_and_changes_nothing(window, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    before = dumps(window.document.dataset.data)
    assert not window.exchange.import_sheet(path)
    assert "the sheet is empty" in window.message_box.text()
    assert dumps(window.document.dataset.data) == before


def test_dhis2_export_then_import_into_an_emptied_copy(window, tmp_path, monkeypatch):
    out = tmp_path / "values.json"
    monkeypatch.setattr(window.exchange, "ask_save", lambda *a: out)
    assert window.exchange.export_dhis2() == out
    # remove every dated figure, then bring them back from DHIS2
    ds = window.document.dataset
    dated = [o.id for o in ds.data.observations if o.period]
    for oid in dated:
        window.edits.remove("observations", oid)
    monkeypatch.setattr(window.exchange, "ask_apply_dhis2", lambda summary: True)
    assert window.exchange.import_dhis2(out)
    assert len(ds.data.observations) == 35


def test_chart_exports(window, tmp_path):
    window.navigate("place", "530113000000")
    plot = window.places.pane.plot
    plot.render_now()
    png = window.exchange.export_chart(tmp_path / "c.png", size=(1600, 900, 150))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 900)
    assert round(image.dotsPerMeterX() / 39.37) == 150
    svg = window.exchange.export_chart(tmp_path / "c.svg", size=(1200, 700, 96))
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 50


def test_village_dossier_pdf_in_chinese_and_english(window, tmp_path):
    window.navigate("place", PINGZI)
    path = window.exchange.export_report(tmp_path / "pingzi.pdf")
    text = pdf_text(path)
    for piece in [
        "坪子村",
        "Pingzi Village",
        "530113105209 (NBS 2016)",
        "不向命运低头的夫妻",
        "A couple who would not give up",
        "page 1 of 1",
        "东川区脱贫攻坚资料库",
    ]:
        assert piece in text, piece


def test_district_report_has_pages_figures_and_timeline(tmp_path):
    ds = Dataset(load_path(SEED).data)
    pages = write_pdf(ds, tmp_path / "district.pdf", "district")
    reader = pypdf.PdfReader(str(tmp_path / "district.pdf"))
    assert len(reader.pages) == pages >= 2
    text = pdf_text(tmp_path / "district.pdf")
    assert "52.88 %" in text and "Timeline" in text and f"page {pages} of {pages}" in text
    assert any(page.images for page in reader.pages)  # the timeline image is embedded


def test_chart_from_the_plot_context_menu_at_a_chosen_size(
    window, tmp_path, monkeypatch, qtbot
):
    window.navigate("program", "putuo-cooperation")
    plot = window.programs.pane.plot
    plot.render_now()
    monkeypatch.setattr(window.exchange, "ask_save", lambda *a: tmp_path / "chart.png")
    monkeypatch.setattr(window.exchange, "ask_chart_options", lambda: (800, 500, 300))
    settle(qtbot)
    area = plot.findChild(QWidget, "plotArea")
    choose_in_menu(qtbot, context_menu(qtbot, area.viewport()), "Export Chart")
    image = QImage(str(tmp_path / "chart.png"))
    assert (image.width(), image.height()) == (800, 500)
    assert round(image.dotsPerMeterX() / 39.37) == 300


def test_print_goes_through_the_same_renderer(window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(window.exchange, "ask_printer", lambda: printer)
    window.navigate("program", "relocation")
    pages = window.exchange.print_report()
    text = pdf_text(tmp_path / "printed.pdf")
    assert pages == len(pypdf.PdfReader(str(tmp_path / "printed.pdf")).pages) >= 1
    assert "易地扶贫搬迁" in text and "32,227 people" in text and f"page 1 of {pages}" in text
