"""Risk lights of places, worked out from the open register for the views that show
places (the Places tree, village and town panes, timelines).

``PlaceLights`` watches a ``RegisterSession``. Views ask ``get(level)`` (the year in
view) or ``years(level)`` (every year of the register); what is not worked out yet is
queued and worked out one level-year per event-loop turn (an aggregate is ~0.1 s at
1M households), then ``changed`` tells the views to pull again. After the rules, the
year or a household change, the lights shown so far stay on screen until their new
values are ready; after the register closes they go at once. Paint paths only read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..language import ui_lang
from .session import RegisterSession

if TYPE_CHECKING:
    from ...model.register.lights import Lights

# the model's lights are imported when first needed (not at start-up)
NONE, GREEN, AMBER, RED = 0, 1, 2, 3  # as model.register.lights
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3  # int: NONE, GREEN, AMBER, RED
# green and amber of the Okabe-Ito palette; red a plain red (vermilion read as orange
# beside amber); the word 红/黄/绿 is always shown too, so no light is colour only
LIGHT_COLORS = {GREEN: "#009E73", AMBER: "#E69F00", RED: "#C62828"}
NO_LIGHT_COLOR = "#9e9e9e"
# place levels of the dataset -> the register's levels
LEVEL_OF = {
    "village": "village", "community": "village",
    "town": "town", "subdistrict": "town", "township": "town",
    "district": "district",
}
_ICONS: dict[int, QIcon] = {}



def light_icon(light: int) -> QIcon | None:
    """A coloured dot for a light (None for NONE: no households, no dot)."""
    if light not in LIGHT_COLORS:
        return None
    icon = _ICONS.get(light)
    if icon is None:
        icon = QIcon()
        for size in (12, 16, 24):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor("#444444"))
            painter.setBrush(QColor(LIGHT_COLORS[light]))
            margin = max(1, size // 6)
            painter.drawEllipse(margin, margin, size - 2 * margin - 1, size - 2 * margin - 1)
            painter.end()
            icon.addPixmap(pixmap)
        _ICONS[light] = icon
    return icon


def light_label(light: int, lang: str) -> str:
    from ...model.register.lights import LIGHT_LABELS

    zh, en = LIGHT_LABELS[light]
    return zh if lang == "zh" else en


class PlaceLights(QObject):
    changed = Signal()  # lights were worked out anew (or went): views pull again

    def __init__(self, session: RegisterSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.places: dict[str, tuple[int, str]] = {}  # place id -> (code, register level)
        self._ready: dict[tuple[str, int], Lights] = {}
        self._todo: list[tuple[str, int]] = []
        self._used: set[tuple[str, int]] = set()  # asked for since the last change
        self._year = session.year
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        session.opened.connect(self._dropped)
        session.closed.connect(self._dropped)
        session.evaluated.connect(self._stale)
        session.households_changed.connect(self._stale)

    # ------------------------------------------------------------ places
    def set_places(self, places: Any) -> None:
        """Codes and levels of the dataset's places (records with id, code, level)."""
        self.places = {}
        for p in places:
            level = LEVEL_OF.get(p.level)
            if level and p.code and len(p.code) == 12 and p.code.isdigit():
                self.places[p.id] = (int(p.code), level)

    def place(self, place_id: str | None) -> tuple[int, str] | None:
        return self.places.get(place_id) if place_id else None

    # ----------------------------------------------------------- lights
    def get(self, level: str, year: int | None = None) -> Lights | None:
        """The lights of ``level`` for ``year`` (the year in view), or None while they
        are being worked out (queued here) or no register is open."""
        if not self.session.is_open:
            return None
        key = (level, year or self.session.year)
        self._used.add(key)
        found = self._ready.get(key)
        if found is None:
            self._want(key)
        return found

    def years(self, level: str) -> dict[int, Lights] | None:
        """Lights (with their aggregates) of every year of the register at ``level``,
        or None until all are worked out."""
        if not self.session.is_open:
            return None
        out = {}
        for year in self.session.register.years:
            found = self.get(level, year)
            if found is not None:
                out[year] = found
        return out if len(out) == len(self.session.register.years) else None

    def light_of(self, place_id: str | None, year: int | None = None
                 ) -> tuple[Lights, int] | None:
        """(lights, index of the place in them) for a place the register has households
        of; None otherwise or while being worked out."""
        found = self.place(place_id)
        if found is None:
            return None
        code, level = found
        table = self.get(level, year)
        if table is None:
            return None
        i = table.index(code)
        if i is None or table.light[i] == NONE:
            return None
        return table, i

    def busy(self) -> bool:
        return bool(self._todo)

    def _want(self, key: tuple[str, int]) -> None:
        if key not in self._todo:
            self._todo.append(key)
        self._timer.start()

    def _work(self) -> None:
        session = self.session
        if not self._todo or not session.is_open:
            self._todo.clear()
            return
        from ...model.register.lights import lights

        level, year = self._todo.pop(0)
        if year in session.register.years:
            if year == session.year:
                self._ready[(level, year)] = session.lights(level)
            else:
                self._ready[(level, year)] = lights(session.aggregate(level, year))
        if self._todo:
            self._timer.start()
        else:
            self.changed.emit()

    def _dropped(self) -> None:
        self._ready.clear()
        self._todo.clear()
        self._used.clear()
        self._year = self.session.year
        self._timer.stop()
        self.changed.emit()

    def _stale(self, *args: Any) -> None:
        """Rules, year or households changed: work out again what was asked for since
        the last change (it stays on screen until then); the rest is dropped."""
        old, new = self._year, self.session.year
        keys = [k for k in self._ready if k in self._used]
        todo = [(level, new if year == old else year) for level, year in keys]
        self._ready = {k: v for k, v in self._ready.items() if k in self._used}
        self._todo = list(dict.fromkeys(todo + self._todo))
        self._used.clear()
        self._year = new
        if self._todo:
            self._timer.start()

    # -------------------------------------------------- the tree's roles
    def role(self, node: Any, role: int) -> Any:
        """Roles the Places tree asks of a place node (None: the node's own)."""
        if role not in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole, LIGHT_ROLE):
            return None
        if node.kind != "place" or not self.session.is_open:
            return None
        found = self.light_of(node.id)
        if found is None:
            return NONE if role == LIGHT_ROLE else None
        table, i = found
        light = int(table.light[i])
        if role == LIGHT_ROLE:
            return light
        if role == Qt.ItemDataRole.DecorationRole:
            return light_icon(light)
        lang = ui_lang()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0}, risk light {1}").format(node.text, light_label(light, lang))
        reasons = "\n".join(f"• {r}" for r in table.reasons(i, lang))
        head = self.tr("Risk light {0} ({1}), from the household register:").format(
            light_label(light, lang), table.year
        )
        return f"{node.tip or node.text}\n{head}\n{reasons}"
