"""The Chinese interface: every string translated, and the translation current."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dongchuan_gui.app import install_translations
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "dongchuan_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "dongchuan_zh_CN.qm"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source")): m.find("translation")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_every_string_in_the_code_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "src").rglob("*.py"))
    done = subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    in_code = set(messages(fresh))
    committed = messages(TS)
    assert in_code - set(committed) == set(), "run `make translations` and translate"
    for key, translation in committed.items():
        assert translation.get("type") not in ("unfinished", "obsolete"), key
        assert (translation.text or "").strip(), key


def test_compiled_translation_matches_the_ts():
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), translation in messages(TS).items():
        assert translator.translate(context, source) == translation.text, (context, source)


@pytest.fixture
def chinese(qapp):
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    assert QLocale().language() == QLocale.Language.Chinese  # the model's labels follow
    yield installed
    QLocale.setDefault(before)
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def test_window_speaks_chinese(chinese, qtbot, data_file):
    from dongchuan_gui.ui.main_window import MainWindow

    assert chinese
    win = MainWindow()
    qtbot.addWidget(win)
    win.files.ask_save_changes = lambda name: "discard"
    assert win.open_path(data_file)
    titles = [win.tab_widget.tabText(i) for i in range(win.tab_widget.count())]
    assert titles == [
        "概览", "项目", "地点", "时间线", "防返贫监测", "农户台账", "地图", "动态气泡图",
        "数据质量", "来源", "快照",
    ]
    assert win.menuBar().actions()[0].text() == "文件(&F)"
    win.navigate("place", "530113105209")
    text = win.places.pane.browser.toPlainText()
    assert "在此实施的项目" in text and "统计用区划代码" in text
