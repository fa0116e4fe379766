import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dongchuan_gui.ui.item_models import KEY_ROLE
from tests.conftest import make_doc
from tests.ui.real_input import click_link, settle, shortcut, type_into

WULONG, PINGZI, YANTOU, DISTRICT = "530113105000", "530113105209", "530113104216", "530113000000"


def test_every_tab_builds_from_the_seed(window):
    titles = [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())]
    assert titles == [
        "Overview", "Programs", "Places", "Timelines", "Monitoring", "Households", "Map",
        "Motion chart", "Data Quality", "Sources", "Snapshots",
    ]
    assert window.windowTitle() == "dongchuan.json[*] — Dongchuan Workbench"
    assert not window.isWindowModified()
    assert "176 places, 7 programs, 35 figures, 27 sources" in window.statusBar().currentMessage()


def test_each_program_fills_the_pane_and_plot(window, dataset):
    tab = window.programs
    for program in dataset.data.programs:
        assert tab.show_record("program", program.id)
        text = tab.pane.browser.toPlainText()
        assert program.name_zh in text and program.name_en in text
        dated = {o.indicator for o in dataset.observations_for(program=program.id) if o.period}
        plotted = {s.indicator for s in tab.pane.plot.series}
        assert plotted == dated, program.id
        assert tab.pane.plot.is_empty() == (not dated)
        for obs in dataset.observations_for(program=program.id):
            ind = dataset.indicator(obs.indicator)
            assert ind.name_en in text


def test_relocation_pane_shows_figures_with_sources(window):
    window.programs.show_record("program", "relocation")
    text = window.programs.pane.browser.toPlainText()
    assert "32,227 people" in text and "95.67 %" in text
    assert "How Dongchuan in Yunnan shook off poverty (China Today), para. 4" in text


@pytest.mark.parametrize(
    ("place", "expect", "plotted"),
    [
        (
            DISTRICT,
            ["东川区", "Dongchuan District", "530113000000", "GCJ-02"],
            {"poverty-incidence", "people-lifted", "population-census"},
        ),
        (
            PINGZI,
            [
                "坪子村",
                "Pingzi Village",
                "乌龙镇",
                "No figures recorded yet",
                "A couple who would not give up",
            ],
            set(),
        ),
        (
            YANTOU,
            ["岩头村", "Yantou Village", "25.86665", "Returnee entrepreneurs", "53 ha", "66.7 ha"],
            {"orchard-area"},
        ),
        ("530113002000", ["碧谷街道", "no coordinates in the sources"], set()),
    ],
)
def test_place_pane(window, place, expect, plotted):
    assert window.places.show_record("place", place)
    text = window.places.pane.browser.toPlainText()
    for piece in expect:
        assert piece in text, piece
    got = {s.indicator for s in window.places.pane.plot.series}
    assert plotted <= got
    if not plotted:
        assert window.places.pane.plot.is_empty()
        assert "No figures recorded yet" in window.places.pane.plot.empty_text()


def test_all_165_villages_are_in_the_tree(window):
    model = window.places.model
    found = []
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        found.append(index.data(KEY_ROLE)[1])
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    assert len(found) == 176


@pytest.mark.parametrize("query", ["坪子", "pingzi", "Pingzi Village", "530113105209"])
def test_search_finds_a_village(window, query, qtbot):
    tab = window.places
    type_into(qtbot, tab.search, query, leave="none")
    leaves = []

    def walk(parent):
        for r in range(tab.proxy.rowCount(parent)):
            index = tab.proxy.index(r, 0, parent)
            if tab.proxy.rowCount(index) == 0:
                leaves.append(index.data(KEY_ROLE)[1])
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert PINGZI in leaves
    assert len(leaves) <= 3  # 坪子 also matches 二坪子 and 大坪子 in Chinese
    assert tab.current_location() is not None


def test_links_navigate_and_back_forward(window, qtbot):
    window.navigate("program", "returnees")
    assert window.tab_widget.currentWidget() is window.programs
    click_link(qtbot, window.programs.pane.browser, "岩头村")
    assert window.tab_widget.currentWidget() is window.places
    assert window.places.current_location() == ("place", YANTOU)
    source = window.document.dataset.source("yndtjj-2022")
    click_link(qtbot, window.places.pane.browser, source.title)
    assert window.sources.current_location() == ("source", "yndtjj-2022")
    shortcut(qtbot, window, "Alt+Left")
    assert window.places.current_location() == ("place", YANTOU)
    assert window.tab_widget.currentWidget() is window.places
    shortcut(qtbot, window, "Alt+Left")
    assert window.tab_widget.currentWidget() is window.programs
    assert window.programs.current_location() == ("program", "returnees")
    shortcut(qtbot, window, "Alt+Right")
    assert window.tab_widget.currentWidget() is window.places
    assert window.forward_action.isEnabled()


def test_overview_cards_show_sources_and_open_them(window, qtbot):
    card = window.overview.cards[0]
    assert card.value.text() == "52.88 % → 0 %"
    assert "How Dongchuan in Yunnan shook off poverty" in card.toolTip()
    assert "para. 1" in card.toolTip()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.tab_widget.currentWidget() is window.sources
    assert window.sources.current_location() == ("source", "article")
    texts = [c.value.text() for c in window.overview.cards]
    assert "66,395 jobs" in texts and "50.4 million yuan" in texts
    plot = window.overview.plot
    assert [s.indicator for s in plot.series] == ["poverty-incidence"]
    assert plot.series[0].x == [2013.0, 2018.0, 2019.0]


def test_timelines_compare_and_toggle(window):
    tab = window.timelines
    assert set(tab.checked_keys()) == {
        f"poverty-incidence|{DISTRICT}|",
        f"people-lifted|{DISTRICT}|",
    }
    tab.plot.render_now()
    assert len(tab.plot.plots) == 2  # % and people, on one shared year axis
    keys = [f"population-registered|{p}|" for p in (DISTRICT, "530113104000")] + [
        f"population-unspecified|{p}|" for p in (WULONG, "530113106000")
    ]
    tab.set_checked(keys)
    tab.plot.render_now()
    assert len(tab.plot.series) == 4 and len(tab.plot.plots) == 1
    assert len({s.color for s in tab.plot.series}) == 4
    tab.set_checked([])
    assert tab.plot.is_empty()


def test_hover_readout_names_value_status_and_source(window):
    series = window.overview.plot.series[0]
    tip = series.tips[1]
    assert "2018: 1.09 %" in tip and "reported" in tip and "doubtful" in tip
    assert "Interview with Hu Jianghui" in tip
    window.overview.plot._on_hover(None, [type("P", (), {"data": lambda self: tip})()], None)
    assert window.overview.plot.readout_text() == tip


def test_invalid_file_shows_problems_and_keeps_data(window, tmp_path):
    doc = make_doc()
    doc["observations"][0]["place"] = "nowhere"
    doc["observations"][1]["period"] = "2019/3"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    before = window.dataset
    assert not window.open_path(bad)
    assert window.dataset is before
    dialog = window.problem_dialog
    assert dialog is not None and dialog.isVisible()
    assert "2 problems" in dialog.text()
    assert "$.observations[0].place: refers to place 'nowhere'" in dialog.detailedText()
    assert "$.observations[1].period" in dialog.detailedText()
    dialog.close()


def test_shortcuts_switch_tabs_and_focus_search(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    shortcut(qtbot, window, "Ctrl+3")
    assert window.tab_widget.currentWidget() is window.places
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {"Ctrl+1", "Ctrl+5", "Alt+Left", "Alt+Right", "Ctrl+F"} <= shortcuts
    shortcut(qtbot, window, "Ctrl+F")
    assert window.places.search.hasFocus() or QApplication.focusWidget() is window.places.search


def test_state_is_restored_on_next_start(window, qtbot):
    from dongchuan_gui.ui.main_window import MainWindow

    window.resize(760, 560)  # inside the offscreen screen, so geometry is kept as is
    window.show()
    qtbot.waitExposed(window)
    window.navigate("place", YANTOU)
    window.places.splitter.setSizes([200, 500])
    sizes = window.places.splitter.sizes()
    window.close()  # saves the state and lets go of the file, as on quitting
    again = MainWindow()
    qtbot.addWidget(again)
    again.open_path(window.document.path)
    again.restore_state()
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.tab_widget.currentWidget() is again.places
    assert again.places.current_location() == ("place", YANTOU)
    assert again.places.splitter.sizes() == sizes


def test_item_models_pass_the_model_tester(window, qtmodeltester, qtbot):
    qtmodeltester.check(window.places.model)
    qtmodeltester.check(window.programs.model)
    type_into(qtbot, window.places.search, "pingzi", leave="none")
    qtmodeltester.check(window.places.proxy)


def test_trees_update_rows_in_place(window, qtmodeltester, qtbot):
    """Edits insert, move, update and remove rows; the model tester checks every signal."""
    model = window.programs.model
    qtmodeltester.check(model)
    window.navigate("program", "relocation")
    current = window.programs.tree.currentIndex()
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    window.edits.edit_field("programs", "relocation", "name_zh", "搬迁新名")
    window.edits.edit_field("programs", "returnees", "category", "tourism")  # moves group
    new_id = window.new_record("programs")
    window.navigate("program", "relocation")
    settle(qtbot)
    assert window.programs.tree.currentIndex() == current
    assert current.data().startswith("搬迁新名")
    assert window.edits.remove("programs", new_id)
    for _ in range(4):
        shortcut(qtbot, window, "Ctrl+Z")
    settle(qtbot)
    assert window.document.undo_stack.index() == 0
    assert window.programs.tree.currentIndex().data().startswith("易地扶贫搬迁")
    assert resets == []  # never a reset: selection and expansion stay


def test_main_writes_screenshots_in_a_subprocess(tmp_path):
    env_code = (
        "import sys; from dongchuan_gui.app import main; "
        "sys.exit(main(['--screenshot', sys.argv[1]]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", env_code, str(tmp_path / "shots")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    assert names == [
        "01-overview.png",
        "02-programs.png",
        "03-places.png",
        "04-timelines.png",
        "05-sources.png",
        "06-snapshots.png",
    ]
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "shots" / "03-places.png"))
    assert (image.width(), image.height()) == (1400, 900)


def test_main_with_a_bad_file_falls_back_to_the_bundled_data(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    code = (
        "import sys; from dongchuan_gui.app import main; "
        "sys.exit(main([sys.argv[1], '--screenshot', sys.argv[2]]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(bad), str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_pane_lists_the_first_figures_and_says_how_many_more(dataset):
    """A village with years of monthly figures: the pane stays fast, the report complete."""
    import msgspec

    from dongchuan_gui.ui.widgets.detail_browser import PANE_ROWS
    from dongchuan_gui.ui.widgets.place_pane import place_html

    base = dataset.observations_for(place=YANTOU)[0]
    for n in range(PANE_ROWS + 20):
        dataset.add("observations", msgspec.structs.replace(base, id=f"many-{n}"))
    total = len(dataset.observations_for(place=YANTOU))
    assert f"Showing {PANE_ROWS} of {total} figures" in place_html(dataset, YANTOU)
    full = place_html(dataset, YANTOU, limit=None)
    assert "Showing" not in full and full.count("<tr>") > total


def test_plot_rows_are_reused_and_only_the_needed_ones_shown(window):
    pane = window.programs.pane
    shown = {}
    for program in ("relocation", "yi-tourism", "relocation"):
        window.navigate("program", program)
        pane.plot.render_now()
        plots = pane.plot.plots
        assert all(p.scene() is not None and p.listDataItems() for p in plots)
        hidden = [p for p in pane.plot._pool if p not in plots]
        assert all(p.scene() is None for p in hidden)
        shown.setdefault(program, []).append([id(p) for p in plots])
    assert len(shown["relocation"][0]) == 2 and len(shown["yi-tourism"][0]) == 1
    assert shown["relocation"][0] == shown["relocation"][1]  # the same rows, not new ones
