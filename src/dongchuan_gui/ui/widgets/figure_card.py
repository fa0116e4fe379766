"""A headline figure: big value, its name, period and status; its source on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class FigureCard(QFrame):
    clicked = Signal(str)  # the source id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = QLabel(self)
        self.value.setObjectName("cardValue")
        self.name = QLabel(self)
        self.name.setWordWrap(True)
        self.name.setObjectName("cardName")
        self.detail = QLabel(self)
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.value)
        layout.addWidget(self.name)
        layout.addWidget(self.detail)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.source_id = ""

    def set_figure(self, value: str, name: str, detail: str, source_id: str, tip: str) -> None:
        self.value.setText(value)
        self.name.setText(name)
        self.detail.setText(detail)
        self.source_id = source_id
        self.setToolTip(tip)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.source_id:
            self.clicked.emit(self.source_id)
        super().mousePressEvent(event)
