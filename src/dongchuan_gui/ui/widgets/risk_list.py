""""Villages most at risk": the register's villages (or towns) ranked by their light.

From ``session.lights(level)``: the worst light first, then more red and amber findings,
higher incidence, more households below the line (``Lights.ranking``). Each row shows
the light as a coloured dot and as a word (红/黄/绿), the place's name and its key
figures; the reasons, with their numbers, are in the row's tooltip. A click (or Return)
on a row asks to open the place (``place_activated``).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...model.register import display
from ...model.register.lights import NONE, RED
from .light_legend import LightLegend, light_icon, light_text
from .rows_model import Row, RowsModel, on_activate, small_table

LEVELS = ("village", "town")


class RiskList(QWidget):
    place_activated = Signal(object)  # 12-digit code of a village or town (int)

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: Any = None
        self.lights: Any = None
        self._headers_for = ""
        self.heading = QLabel(self.tr("Villages most at risk"), self)
        self.heading.setObjectName("editorTitle")
        self.level = QComboBox(self)
        self.level.setObjectName("riskLevel")
        self.level.addItem(self.tr("Villages"), "village")
        self.level.addItem(self.tr("Towns"), "town")
        self.counts = QLabel(self)
        self.counts.setObjectName("styleLegend")
        self.model = RowsModel([], set(), self)
        self.view = small_table(self.model, self, stretch=None)
        self.view.setObjectName("riskList")
        self.view.setMouseTracking(True)  # tooltips follow the pointer row by row
        self.legend = LightLegend(lang, self)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.level)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.level.currentIndexChanged.connect(lambda _: self._fill())
        on_activate(self.view, self.model.key_at, self.place_activated.emit)
        self._set_headers()

    @property
    def level_name(self) -> str:
        return str(self.level.currentData())

    def _set_headers(self) -> None:
        if self.level_name == self._headers_for:
            return
        self._headers_for = self.level_name
        village = self.level_name == "village"
        headers = [self.tr("Light"), self.tr("Village") if village else self.tr("Town")]
        first = len(headers)
        headers += [self.tr("Households"), self.tr("Incidence"), self.tr("Below line"),
                    self.tr("Monitored"), self.tr("Reloc. employed")]
        self.model.set_headers(headers, set(range(first, len(headers))))
        self.heading.setText(self.tr("Villages most at risk") if village
                             else self.tr("Towns most at risk"))

    def clear(self) -> None:
        self.session = self.lights = None
        self.model.set_rows([])
        self.counts.setText("")

    def show_session(self, session: Any) -> None:
        """Show the session's lights (worked out anew after any change)."""
        self.session = session
        self._fill()

    def _fill(self) -> None:
        self._set_headers()
        if self.session is None or not self.session.is_open:
            self.clear()
            return
        lights = self.lights = self.session.lights(self.level_name)
        self.legend.set_thresholds(lights.thresholds)
        found = lights.counts()
        self.counts.setText(self.tr("{0} red · {1} amber · {2} green · year {3}").format(
            found["red"], found["amber"], found["green"], lights.year))
        self.model.set_rows([self._row(int(i)) for i in lights.ranking()
                             if lights.light[i] != NONE])

    def _row(self, i: int) -> Row:
        lights, lang = self.lights, self.lang
        agg = lights.aggregate
        names = self.session.place_names
        code = int(lights.codes[i])
        light = int(lights.light[i])
        name = display.place_name(names, code, lang)
        cells = [light_text(light, lang), name]
        where = name
        if lights.level == "village":
            where += " · " + display.place_name(names, display.town_of(code), lang)
        below = int(agg.below[i])
        share = float(lights.measures["share_below"][i])
        base = int(agg.reloc_with_labour[i])
        cells += [
            f"{int(agg.households[i]):,}",
            display.percent(float(lights.measures["incidence"][i])),
            f"{below:,} ({display.percent(share)})",
            f"{int(agg.monitored[i].sum()):,}",
            (f"{int(agg.reloc_employed[i]):,}/{base:,}" if base else display.MISSING),
        ]
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in lights.reasons(i, lang))
        tip = (f"<b>{html.escape(where)}</b> · {html.escape(light_text(light, lang))}"
               f"<ul style='margin-left:12px'>{reasons}</ul>"
               f"<span style='color:#6b6b6b'>{html.escape(self._provenance())}</span>")
        return Row(tuple(cells), key=code, tip=tip, icon=light_icon(light),
                   bold=light == RED)

    def _provenance(self) -> str:
        p = self.lights.provenance
        text = self.tr("Derived from the register {0} with rule set {1} v{2}, year {3}").format(
            p.register_title or p.register_file, p.rule_set, p.rule_version, p.year)
        if p.synthetic:
            text += self.tr(" (synthetic households)")
        return text
