"""Where bundled files live, in a wheel and in a source checkout alike (no Qt)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def _bundled(folder: str, name: str) -> Path:
    # a wheel carries seeds/ and resources/ inside the package (see pyproject.toml)
    packaged = Path(str(resources.files("dongchuan_gui"))) / folder / name
    if packaged.exists():
        return packaged
    return _CHECKOUT / folder / name


def seed_path() -> Path:
    """The bundled Dongchuan dataset."""
    return _bundled("seeds", "dongchuan.json")


def rule_set_path(rule_set: str) -> Path:
    """A bundled rule set of the household register (JSON)."""
    return _bundled("seeds", f"rule_sets/{rule_set}.json")


def resource_path(name: str) -> Path:
    return _bundled("resources", name)
