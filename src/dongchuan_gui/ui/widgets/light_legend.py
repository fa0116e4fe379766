""""How the lights are set": the colours and the thresholds behind them, folded away.

Read from ``lights.describe()`` of the thresholds in use (the exit check at the rule
set's value), so the note never disagrees with the lights. It says which threshold has
a public source and which are local working settings of the workbench.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from ...model.register.lights import AMBER, GREEN, LIGHT_LABELS, RED, describe
from ..monitoring.place_lights import LIGHT_COLORS as PLACE_COLORS
from ..monitoring.place_lights import NO_LIGHT_COLOR

# none, green, amber, red: the colours of the Places tree's lights
LIGHT_COLORS = (NO_LIGHT_COLOR, *(PLACE_COLORS[k] for k in (GREEN, AMBER, RED)))
_ICONS: dict[int, QIcon] = {}
MAX_HEIGHT = 240  # pixels: the note scrolls rather than squeeze the list


def light_icon(light: int) -> QIcon:
    """A filled dot in the light's colour (cached)."""
    icon = _ICONS.get(light)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#00000060"))
        painter.setBrush(QColor(LIGHT_COLORS[light]))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        icon = _ICONS[light] = QIcon(pixmap)
    return icon


def light_text(light: int, lang: str) -> str:
    """The light as words, so that it is never told by colour alone."""
    zh, en = LIGHT_LABELS[light]
    return zh if lang == "zh" else en


class LightLegend(QWidget):
    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("lightLegendToggle")
        self.toggle.setText(self.tr("How the lights are set"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.text = QLabel(self)
        self.text.setObjectName("lightLegendText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.text)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setMaximumHeight(MAX_HEIGHT)
        self.scroll.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.scroll)
        self.toggle.toggled.connect(self._on_toggled)

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.scroll.setVisible(shown)

    def _measure(self, key: str) -> str:
        return {
            "incidence": self.tr("incidence (persons below the line over persons with an "
                                 "income in the register)"),
            "share_below": self.tr("share of households below the line"),
            "monitored": self.tr("share of households in monitoring"),
            "reloc_employed": self.tr("share of relocated households with labour that have "
                                      "someone employed"),
            "no_income": self.tr("share of households without an income that year"),
        }.get(key, key)

    def set_thresholds(self, thresholds: Sequence) -> None:
        """Show the thresholds in use (``Lights.thresholds``)."""
        lang = self.lang
        colour = {"amber": 2, "red": 3}
        rows = []
        for row in describe(tuple(thresholds)):
            light = colour[str(row["light"])]
            test = "≥" if row["test"] == ">=" else "<"
            # the model's text of a local setting says so itself
            where = (self.tr("source: {0}").format(row["source"]) if row["sourced"]
                     else str(row["source"]))
            mark = self.tr("sourced") if row["sourced"] else self.tr("local")
            rows.append(
                f"<tr><td style='color:{LIGHT_COLORS[light]}'>● {light_text(light, lang)}</td>"
                f"<td>{html.escape(self._measure(str(row['measure'])))} {test} "
                f"{float(row['value_pct']):g}%</td><td><b>{mark}</b></td></tr>"
                f"<tr><td></td><td colspan='2' style='color:#6b6b6b'>"
                f"{html.escape(where)}</td></tr>"
            )
        intro = self.tr(
            "Each village and town gets the worst colour of the thresholds it crosses; "
            "green when it crosses none, amber too when the rule set has no line for the "
            "year, grey when the register has no households there. Only the exit check "
            "comes from a public source; the other values are working settings of this "
            "workbench, to be changed locally. Incidence here counts the register's "
            "persons, not the whole rural population: a light is a reason to look, not "
            "the official exit decision.")
        self.text.setText(f"<p>{html.escape(intro)}</p><table cellspacing='3'>"
                          + "".join(rows) + "</table>")
