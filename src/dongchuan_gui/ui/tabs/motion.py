"""Motion tab: a Gapminder-style animated bubble chart of towns, villages or programs
that never invents a value (the rule is ``model.keyframes``).

Pick the measures for x, y, size and colour; play (button or Space) at a chosen
speed, or move the year slider (one position per year; years without values for the
chosen measures are marked). The chart follows the shared year (``ViewState``) and
sets it as it plays; a click on a bubble selects its record everywhere and asks to
go to it (``link_activated``). The values come from the ``PanelSource``: the
dataset's yearly figures and, with a household register open, its per-village and
per-town aggregates for every register year.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.keyframes import Roles, Track
from ..category_names import category_name
from ..language import ui_lang
from ..widgets import bubble_export
from ..widgets.bubble_chart import BubbleChart, ChartSetup
from ..widgets.bubble_choices import MeasureChoices, default_roles, label
from ..widgets.bubble_slider import YearSlider
from .base import Tab

SPEEDS = (0.5, 1.0, 2.0, 4.0)  # years a second
FRAME_MS = 33
KINDS = ("villages", "towns", "programs")  # tried in this order for the first picture


class MotionTab(Tab):
    def __init__(self, panel_source: Any, view_state: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.source, self.view_state = panel_source, view_state
        self.dataset: Dataset | None = None
        self.panel: Any = None
        self.unit_ids: list[str] = []
        self.track: Track | None = None
        self.t = 0.0
        self.playing = False
        self._dirty = True
        self._kind_chosen = False  # the user picked the kind of units: keep it
        self._nothing_at_all = False  # no kind of units has values
        self.choices = MeasureChoices(self)
        self.unit_kind, self.combos = self.choices.unit_kind, self.choices.combos
        self.chart = BubbleChart(self)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.speed = QComboBox(self)
        for value, text in zip(
            SPEEDS,
            (
                self.tr("½ year a second"),
                self.tr("1 year a second"),
                self.tr("2 years a second"),
                self.tr("4 years a second"),
            ),
            strict=True,
        ):
            self.speed.addItem(text, value)
        self.speed.setCurrentIndex(1)
        self.slider = YearSlider(self)
        policy = self.slider.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden without years, the row stays put
        self.slider.setSizePolicy(policy)
        self.year_label = QLabel(self)
        self.year_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("20000"))
        self.trails = QCheckBox(self.tr("Trails"), self)
        self.trails.setToolTip(self.tr("Previous positions (dashed across years without values)"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Frame as PNG…"), lambda: self._ask_export("png"))
        menu.addAction(self.tr("Frame as SVG…"), lambda: self._ask_export("svg"))
        menu.addAction(self.tr("Animation as GIF…"), lambda: self._ask_export("gif"))
        menu.addAction(self.tr("Animation as PNG frames…"), lambda: self._ask_export("frames"))
        self.export_button.setMenu(menu)
        bottom = QHBoxLayout()
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.speed)
        bottom.addWidget(self.slider, 1)
        bottom.addWidget(self.year_label)
        bottom.addWidget(self.trails)
        bottom.addWidget(self.export_button)
        self.status = QLabel(self)
        self.status.setObjectName("motionStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.choices)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        space.activated.connect(self.toggle_play)
        self.play_button.clicked.connect(self.toggle_play)
        self.choices.units_changed.connect(self._units_chosen)
        self.choices.measures_changed.connect(self._apply)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderPressed.connect(self.pause)
        self.trails.toggled.connect(self.chart.set_trails)
        self.chart.bubble_clicked.connect(self._bubble_clicked)
        panel_source.changed.connect(self._source_changed)
        view_state.year_changed.connect(self._follow_year)
        view_state.record_changed.connect(self._follow_record)

    # ------------------------------------------------------------ Tab
    def title(self) -> str:
        return self.tr("Motion chart")

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._source_changed()

    def _source_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self._rebuild_if_dirty)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._rebuild_if_dirty()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.pause()
        super().hideEvent(event)

    def _rebuild_if_dirty(self) -> None:
        if self._dirty:
            self._rebuild()

    # ------------------------------------------------------------ content
    @property
    def record_kind(self) -> str:
        return "programs" if self.choices.kind == "programs" else "places"

    def _units_chosen(self) -> None:
        self._kind_chosen = True
        self._rebuild()

    def _units_of(self, kind: str) -> tuple[Any, list[str]]:
        source = self.source
        panel = source.programs_panel() if kind == "programs" else source.places_panel()
        where = set(panel.places) if panel is not None else set()
        return panel, [u for u in source.units(kind) if u in where]

    def first_kind_with_values(self) -> str | None:
        """The first kind of units (villages, towns, programs) whose default measures
        give at least one bubble; None when no kind has any."""
        for kind in KINDS:
            panel, units = self._units_of(kind)
            roles = default_roles(panel, units)
            if roles is not None and Track(panel, units, roles).span() is not None:
                return kind
        return None

    def _rebuild(self) -> None:
        """Units or the panel changed: list the measures these units have values of.
        Until the user picks a kind of units, the first kind that has values is shown."""
        self._dirty = False
        self._nothing_at_all = False
        if not self._kind_chosen:
            kind = self.first_kind_with_values()
            self._nothing_at_all = kind is None
            index = self.unit_kind.findData(kind or KINDS[0])
            if index != self.unit_kind.currentIndex():
                self.unit_kind.blockSignals(True)
                self.unit_kind.setCurrentIndex(index)
                self.unit_kind.blockSignals(False)
        self.panel, self.unit_ids = self._units_of(self.choices.kind)
        self.choices.fill(self.panel, self.unit_ids, ui_lang())
        self._apply()

    def roles(self) -> Roles | None:
        return self.choices.roles()

    def _apply(self) -> None:
        """Measures changed: a new track, axes, legend, slider."""
        self.pause()
        roles = self.roles()
        panel = self.panel
        if roles is None or panel is None:
            self.track = None
            if self._nothing_at_all:
                message = self.tr("Nothing to animate: no yearly values")
                status = self.tr(
                    "No town, village or program has yearly values for any measure. Add"
                    " yearly figures, or open a household register in the Monitoring tab."
                )
            else:
                message = self.tr("No yearly values for these units")
                status = self.tr("No yearly values for these units.")
            self.chart.set_setup(None, message)
            self._set_controls(None)
            self.status.setText(status)
            return
        lang = ui_lang()
        self.track = Track(panel, self.unit_ids, roles)

        def name(measure: str | None) -> str:
            return label(panel, measure, lang) if measure else ""

        groups, group_names = self._groups() if self.choices.grouped else (None, [])
        colour = name(roles.colour) if roles.colour else self.combos["colour"].currentText()
        self.chart.set_setup(
            ChartSetup(
                self.track,
                [self._name(u) for u in self.unit_ids],
                name(roles.x),
                name(roles.y),
                name(roles.size),
                colour,
                groups,
                group_names,
                lang,
                self._warning(roles),
            )
        )
        self.chart.set_trails(self.trails.isChecked())
        span = self.track.span()
        self._set_controls(span)
        if span is None:
            self.status.setText(
                self.tr("No unit has values for both of these measures in the same year.")
            )
            self.chart.set_time(self.t)
            return
        first, last = span
        missing = sorted(set(range(first, last + 1)) - set(self.track.data_years()))
        text = self.tr("{0} units; values in {1} of the years {2}–{3}.").format(
            len(self.unit_ids), last - first + 1 - len(missing), first, last
        )
        if missing:
            text += " " + self.tr("No values in {0} (marked × on the slider).").format(
                ", ".join(str(y) for y in missing)
            )
        self.status.setText(text)
        year = self.view_state.year
        start = float(year) if year is not None and first <= year <= last else float(first)
        if first <= self.t <= last and math.floor(self.t) == year:
            start = self.t
        self._follow_record(self.view_state.kind, self.view_state.record_id)
        self.show_time(start)

    def _warning(self, roles: Roles) -> str:
        """The legend's warning when the values shown are invented: the register
        is synthetic, or a derived value says it was worked out from invented data
        (the map's wording, and its translation)."""
        measures = {m for _, m in roles.items()}
        session = self.source.session
        invented = session is not None and bool(getattr(session, "synthetic", False))
        invented = invented and any(m.startswith("register:") for m in measures)
        if not invented and self.panel is not None:
            shown = {i for i, m in enumerate(self.panel.measures) if m.id in measures}
            invented = any(
                key[0] in shown and ("invented" in en or "虚构" in zh)
                for key, (en, zh) in self.panel.notes.items()
            )
        if not invented:
            return ""
        return QCoreApplication.translate(
            "MapText", "Invented figures: the household register is synthetic"
        )

    def _set_controls(self, span: tuple[int, int] | None) -> None:
        has = span is not None and span[1] > span[0]
        self.slider.setEnabled(has)
        self.play_button.setEnabled(has)
        # no years, no slider: a 0…99 scale would say there were some
        self.slider.setVisible(span is not None)
        if span is None:
            self.year_label.setText("")
        else:
            first, last = span
            data = set(self.track.data_years())
            self.slider.set_years(first, last, {y for y in range(first, last + 1)} - data)

    def _name(self, unit: str) -> str:
        lang = ui_lang()
        data = self.source.dataset.data if self.source.dataset is not None else None
        if data is None:
            return unit
        records = data.programs if self.record_kind == "programs" else data.places
        record = next((r for r in records if r.id == unit), None)
        if record is None:
            return unit
        zh, en = getattr(record, "name_zh", ""), getattr(record, "name_en", "")
        return (zh or en or unit) if lang == "zh" else (en or zh or unit)

    def _groups(self) -> tuple[np.ndarray, list[str]]:
        """Colour groups: the town of each village, each town itself, a program's
        category."""
        data = self.source.dataset.data
        kind = self.choices.kind
        if kind == "programs":
            by_id = {g.id: g.category for g in data.programs}
            keys = [by_id.get(u, "") for u in self.unit_ids]
            order = sorted(set(keys))
            return np.array([order.index(k) for k in keys]), [category_name(k) for k in order]
        if kind == "towns":
            return np.arange(len(self.unit_ids)), [self._name(u) for u in self.unit_ids]
        parent = {p.id: p.parent for p in data.places}
        keys = [parent.get(u) or "" for u in self.unit_ids]
        order = [p.id for p in data.places if p.id in set(keys)]
        index = {k: i for i, k in enumerate(order)}
        return np.array([index.get(k, -1) for k in keys]), [self._name(k) for k in order]

    # ------------------------------------------------------------ time
    def show_time(self, t: float) -> None:
        """Show the frame at ``t`` and set the shared year when the year changed."""
        self.t = t
        self.chart.set_time(t)
        year = math.floor(t + 1e-9)
        self.slider.blockSignals(True)
        self.slider.setValue(year)
        self.slider.blockSignals(False)
        self.year_label.setText(str(year))
        self.view_state.set_year(year)

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        span = self.track.span() if self.track is not None else None
        if span is None or span[1] <= span[0]:
            return
        if self.t >= span[1]:
            self.show_time(float(span[0]))
        self.playing = True
        self.play_button.setText(self.tr("Pause"))
        self.clock.start()
        self.timer.start()

    def pause(self) -> None:
        """Stop, on the nearest year: a still picture is always a keyframe, never a
        moment between two years labelled as one of them."""
        if self.playing:
            self.playing = False
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
        if self.track is not None and self.t != round(self.t):
            self.show_time(float(round(self.t)))

    def _tick(self) -> None:
        span = self.track.span() if self.track is not None else None
        if span is None:
            self.pause()
            return
        t = self.t + self.clock.restart() / 1000.0 * float(self.speed.currentData())
        if t >= span[1]:
            t = float(span[1])
            self.pause()
        self.show_time(t)

    def _slider_moved(self, year: int) -> None:
        if self.slider.isSliderDown():
            self.pause()
        self.show_time(float(year))

    def _follow_year(self, year: int) -> None:
        span = self.track.span() if self.track is not None else None
        if span and span[0] <= year <= span[1] and year != math.floor(self.t + 1e-9):
            self.show_time(float(year))

    def _follow_record(self, kind: str, record_id: str) -> None:
        unit = None
        kind = {"place": "places", "program": "programs"}.get(kind, kind)  # as panes say it
        if kind == self.record_kind and record_id in self.unit_ids:
            unit = self.unit_ids.index(record_id)
        if unit != self.chart.selected:
            self.chart.set_selected(unit)

    def _bubble_clicked(self, unit: int) -> None:
        kind, record_id = self.record_kind, self.unit_ids[unit]
        self.chart.set_selected(unit)
        self.view_state.set_record(kind, record_id)
        self.link_activated.emit(kind, record_id)

    # ------------------------------------------------------------ export
    def export_frame(self, path: str | Path) -> None:
        """The frame now shown as PNG or SVG (by the file's suffix), on a year."""
        self.pause()
        if Path(path).suffix.lower() == ".svg":
            bubble_export.export_svg(self.chart, path, self.title())
        else:
            bubble_export.export_png(self.chart, path)

    def export_animation(self, path: str | Path, fps: float = 10, progress=None) -> list[Path]:
        """Every frame from the first year with values to the last, at the chosen
        speed: one animated GIF for a ``.gif`` path, else numbered PNG files.
        ``progress(done, total)`` is called before each frame; when it returns False
        the export stops and nothing is left written (returns [])."""
        span = self.track.span() if self.track is not None else None
        if span is None:
            raise ValueError(self.tr("There is nothing to export: no year has values."))
        self.pause()
        times = bubble_export.animation_times(*span, fps, float(self.speed.currentData()))
        return bubble_export.export_animation(self.chart, path, times, fps, progress=progress)

    def _export_with_progress(self, path: str) -> list[Path]:
        """The animation with a progress dialog that can cancel it (the window stays
        responsive between frames)."""
        dialog = QProgressDialog(self.tr("Exporting the animation…"), self.tr("Cancel"), 0, 1, self)
        dialog.setObjectName("motionExportProgress")
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setLabelText(self.tr("Frame {0} of {1}…").format(min(done + 1, total), total))
            dialog.setValue(done)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            return self.export_animation(path, progress=progress)
        finally:
            dialog.close()
            dialog.deleteLater()

    def _ask_export(self, what: str) -> None:
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "gif": self.tr("Animated GIF (*.gif)"),
            "frames": self.tr("PNG frames (*.png)"),
        }
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), "", filters[what])
        if not path:
            return
        try:
            if what in ("png", "svg"):
                suffix = "." + what
                self.export_frame(path if path.lower().endswith(suffix) else path + suffix)
            else:
                suffix = ".gif" if what == "gif" else ".png"
                target = path if path.lower().endswith(suffix) else path + suffix
                self._export_with_progress(target)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Export"), str(error))
