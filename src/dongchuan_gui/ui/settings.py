"""The one settings module: every key with its default and type, over QSettings.

Only user-interface state lives here (geometry, splitters, last tab and selection,
recent files); data never does. Tests point ``DONGCHUAN_SETTINGS`` at a file.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

_DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/tab": "",  # the key of the tab in view (older versions kept its number)
    "nav/location": "",
    "recent/files": [],
    "ui/language": "system",
    "monitoring/columns": [],  # household table: column keys in order (empty: default)
}


def _store() -> QSettings:
    path = os.environ.get("DONGCHUAN_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings()


def read(key: str) -> Any:
    """The stored value of ``key`` as the type of its default."""
    default = _DEFAULTS.get(key)
    if default is None and not key.startswith("splitter/"):
        raise KeyError(f"unknown settings key {key!r}")
    if key.startswith("splitter/"):
        default = QByteArray()
    value = _store().value(key, default)
    if isinstance(default, list):
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, str):
        return value if isinstance(value, str) else default
    return value


def write(key: str, value: Any) -> None:
    if key not in _DEFAULTS and not key.startswith("splitter/"):
        raise KeyError(f"unknown settings key {key!r}")
    _store().setValue(key, value)
