"""Event labels drawn over a pyqtgraph ViewBox in pixels, laid out by ``event_labels``.

The labels are children of the ViewBox itself (not of its data group), so they keep
their size when the view is zoomed. They are laid out again whenever the view range
or the box's size changes: they never overlap, never leave the box, are cut with
"…" when one alone is wider than the box, and a thin line joins a label that had to
move away from its event line back to it. They keep clear of the data points.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from .event_labels import label_rows, layout_labels

TEXT_COLOR = "#555555"
LEADER_COLOR = "#888888"
FILL = QColor(255, 255, 255, 190)
POINT_RADIUS = 10.0  # pixels around a data point (marker and doubt ring) kept free
PAD_X, PAD_Y, ROW_GAP, TOP = 3.0, 1.0, 2.0, 3.0
EDGE = 2.0  # pixels kept free at the box's left and right edges
Z = 20.0  # above the data


class EventLabel(QGraphicsRectItem):
    """A label's white box with its text; the tooltip holds the full text."""

    def __init__(self, x: float, text: str, tip: str, parent) -> None:
        super().__init__(parent)
        self.x = x
        self.full_text = text
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(FILL)
        self.setZValue(Z)
        self.text_item = QGraphicsSimpleTextItem(text, self)
        self.text_item.setBrush(QColor(TEXT_COLOR))
        self.text_item.setPos(PAD_X, PAD_Y)
        self.metrics = QFontMetricsF(self.text_item.font())
        self.natural_width = self.metrics.horizontalAdvance(text) + 2 * PAD_X
        self.setToolTip(tip if text.rstrip("…") in tip else f"{text}\n{tip}".strip())
        self.leader = QGraphicsLineItem(parent)
        pen = QPen(QColor(LEADER_COLOR), 1)
        pen.setCosmetic(True)
        self.leader.setPen(pen)
        self.leader.setZValue(Z - 1)
        self.hide()
        self.leader.hide()

    def row_height(self) -> float:
        return self.metrics.height() + 2 * PAD_Y

    def place(self, left: float, top: float, width: float, elided: bool, x_px: float) -> None:
        text = self.full_text
        if elided:
            text = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 2 * PAD_X)
        self.text_item.setText(text)
        self.setRect(QRectF(0, 0, width, self.row_height()))
        self.setPos(left, top)
        self.show()
        mid = top + self.row_height() / 2
        # a thin line from the event line to a label that had to move away from it
        edge = left if x_px < left else left + width if x_px > left + width else None
        if edge is not None and abs(edge - x_px) > PAD_X + 1:
            self.leader.setLine(x_px, mid, edge, mid)
            self.leader.show()
        else:
            self.leader.hide()

    def take_off(self) -> None:
        self.hide()
        self.leader.hide()


class EventLabels:
    """The event labels of one ViewBox."""

    def __init__(self, view_box) -> None:
        self.view_box = view_box
        self.labels: list[EventLabel] = []
        self.points: list[tuple[float, float]] = []
        view_box.sigRangeChanged.connect(self.relayout)
        view_box.sigResized.connect(self.relayout)

    def set_events(
        self, events: list[tuple[float, str, str]], points: list[tuple[float, float]] = ()
    ) -> None:
        """``events``: (x in years, label, tooltip) each; an empty list clears.
        ``points``: the data points (x, y) that labels must not cover."""
        self.points = list(points)
        scene = self.view_box.scene()
        for label in self.labels:
            for item in (label.leader, label):
                item.setParentItem(None)
                if scene is not None:
                    scene.removeItem(item)
        self.labels = [EventLabel(x, text, tip, self.view_box) for x, text, tip in events]
        self.relayout()

    def _reserved(self, top: float, row_step: float, rows: int) -> list[tuple[int, float, float]]:
        """(row, from, to) for each data point that lies in a label row, in pixels."""
        out = []
        for x, y in self.points:
            at = self.view_box.mapFromView(QPointF(x, y))
            for row in range(rows):
                row_top = top + row * row_step
                if row_top - POINT_RADIUS <= at.y() <= row_top + row_step + POINT_RADIUS:
                    out.append((row, at.x() - POINT_RADIUS, at.x() + POINT_RADIUS))
        return out

    def shown(self) -> list[EventLabel]:
        return [label for label in self.labels if label.isVisible()]

    def relayout(self, *args) -> None:
        if not self.labels:
            return
        box = self.view_box.boundingRect()
        row_step = self.labels[0].row_height() + ROW_GAP
        rows = label_rows(box.height() - TOP, row_step)
        if box.width() < 4 * EDGE or rows == 0:
            for label in self.labels:
                label.take_off()
            return
        anchors = [self.view_box.mapFromView(QPointF(lab.x, 0)).x() for lab in self.labels]
        placed = layout_labels(
            anchors,
            [label.natural_width for label in self.labels],
            left=box.left() + EDGE,
            right=box.right() - EDGE,
            rows=rows,
            reserved=self._reserved(box.top() + TOP, row_step, rows),
        )
        for label, x_px, spot in zip(self.labels, anchors, placed, strict=True):
            if spot is None:
                label.take_off()
            else:
                top = box.top() + TOP + spot.row * row_step
                label.place(spot.left, top, spot.width, spot.elided, x_px)
