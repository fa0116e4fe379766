"""Browser-like history of where the user has been (tab and selected record).

A tab is named by its key ("places", "households"...), never by its position, so a
saved location still means the same tab when tabs are added or moved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    tab: str  # the tab's key
    kind: str = ""
    id: str = ""

    def encode(self) -> str:
        return f"{self.tab}|{self.kind}|{self.id}"

    @classmethod
    def decode(cls, text: str) -> Location | None:
        """The location ``encode`` wrote; None for anything else, such as the tab
        numbers of older versions ("4|place|…"). Whether the key names a tab of this
        window is for the window to check."""
        parts = text.split("|") if isinstance(text, str) else []
        if len(parts) != 3 or not parts[0].isidentifier():
            return None
        return cls(parts[0], parts[1], parts[2])


class History:
    """Back/Forward over visited locations; visiting drops the forward branch."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(location)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
