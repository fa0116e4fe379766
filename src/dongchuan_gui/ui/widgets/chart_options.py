"""Size and resolution for a chart export; the dialog only returns the values."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget


class ChartOptionsDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, *, width: int = 1600, height: int = 900, dpi: int = 150
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chart size"))
        self.width_box, self.height_box, self.dpi_box = (
            QSpinBox(self),
            QSpinBox(self),
            QSpinBox(self),
        )
        for box, value, low, high in (
            (self.width_box, width, 200, 8000),
            (self.height_box, height, 150, 6000),
            (self.dpi_box, dpi, 72, 1200),
        ):
            box.setRange(low, high)
            box.setValue(value)
        form = QFormLayout(self)
        form.addRow(self.tr("Width (pixels)"), self.width_box)
        form.addRow(self.tr("Height (pixels)"), self.height_box)
        form.addRow(self.tr("Resolution (DPI, for PNG)"), self.dpi_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, int, int]:
        return self.width_box.value(), self.height_box.value(), self.dpi_box.value()
