"""A tab's stand-in until the tab is first needed.

Some tabs are slow to build (the monitoring tabs import numpy and the register model,
about 0.3 s). The window starts with this empty widget in their place, holding what
the real tab will be given (title, record kinds, dataset, read-only state), and puts
the real tab in its slot when the user opens the tab, navigates to a record it shows,
or a household register is opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.dataset import Change, Dataset
from .base import Tab


class PlaceholderTab(Tab):
    def __init__(
        self, title: str, kinds: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.kinds = kinds
        self.dataset: Dataset | None = None
        self.read_only = False

    def title(self) -> str:
        return self._title

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    def apply_changes(self, changes: list[Change]) -> None:
        pass  # the real tab starts from the dataset as it is then
