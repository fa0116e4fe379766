"""The household register open in a window, and what is worked out from it.

A ``RegisterSession`` holds the register, where it came from (file, the dataset's
reference), the rule set it is judged by (the dataset's, else the bundled one), the year
in view, and the results the views share: the evaluation, aggregates by level, risk
lights, the what-if keys, the relocation board. Results are worked out once and kept
until the register, the rules or the year change. No widgets here: views listen to the
signals and ask.

Household edits go through the document's undo stack (``HouseholdEdit``): the column is
copied on its first edit (arrays read from Parquet are read-only), the value set, the
results dropped, ``households_changed`` emitted. Saving the document writes the register
too (atomically) and brings the dataset's reference up to date; until then a journal of
the changed households (not the whole register) is kept beside the recovery file.

The window makes its session at start; numpy and the register model are imported only
when a register is there to work on, so a window without one starts without them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ...model.records import RegisterLink, RuleSet

LEVELS = ("village", "town", "district")


@dataclass
class Opened:
    """What the loader hands over: the register and what was worked out off the GUI thread."""

    register: Any
    path: Path
    evaluation: Any
    year: int
    rules: RuleSet


class RegisterSession(QObject):
    opened = Signal()  # a register is open (first or another): views show it anew
    closed = Signal()
    evaluated = Signal()  # rules or year changed: verdicts, aggregates and lights too
    households_changed = Signal(object)  # np.ndarray of register rows edited (or undone)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.register: Any = None
        self.path: Path | None = None
        self.link: RegisterLink | None = None
        self.rules: RuleSet | None = None
        self.year = 0
        self._places: Any = None
        self._names: tuple[dict[int, tuple[str, str]], dict[str, tuple[str, str]]] | None = None
        self._evaluation: Any = None
        self._cache: dict[Any, Any] = {}
        self.edited: dict[int, set[str]] = {}  # row -> columns changed since the last save
        self.saved: dict[tuple[int, str], Any] = {}  # their values as saved
        self.copied: set[str] = set()  # columns made writable

    # ------------------------------------------------------------- state
    @property
    def is_open(self) -> bool:
        return self.register is not None

    @property
    def synthetic(self) -> bool:
        return bool(self.register is not None and self.register.meta.synthetic)

    @property
    def dirty(self) -> bool:
        return bool(self.edited)

    @property
    def editable(self) -> bool:
        """A single register file can be edited and saved; a partitioned folder cannot."""
        return self.register is not None and self.path is not None and not self.path.is_dir()

    def set_places(self, places: Any) -> None:
        """Names of villages, towns and sites from the dataset's places (worked out
        when first asked for: the register model is not imported before)."""
        self._places, self._names = places, None

    def _place_and_site_names(self) -> tuple[dict, dict]:
        if self._names is None:
            from ...model.register.display import names_from_places

            self._names = names_from_places(self._places or ())
        return self._names

    @property
    def place_names(self) -> dict[int, tuple[str, str]]:
        """Names of villages and towns by their 12-digit code: (zh, en)."""
        return self._place_and_site_names()[0]

    @place_names.setter
    def place_names(self, names: dict[int, tuple[str, str]]) -> None:
        self._names = (names, self.site_names)

    @property
    def site_names(self) -> dict[str, tuple[str, str]]:
        """Names of resettlement sites by place id: (zh, en)."""
        return self._place_and_site_names()[1]

    @site_names.setter
    def site_names(self, names: dict[str, tuple[str, str]]) -> None:
        self._names = (self.place_names, names)

    def open(self, opened: Opened, link: RegisterLink | None = None) -> None:
        self.register, self.path, self.link = opened.register, opened.path, link
        self.rules, self.year = opened.rules, opened.year
        self._evaluation = opened.evaluation
        self._cache.clear()
        self.edited.clear()
        self.saved.clear()
        self.copied.clear()
        self.opened.emit()

    def close(self) -> None:
        if self.register is None:
            return
        self.register = self.path = self.link = None
        self._evaluation = None
        self._cache.clear()
        self.edited.clear()
        self.saved.clear()
        self.closed.emit()

    def set_year(self, year: int) -> None:
        if self.register is None or year == self.year or year not in self.register.years:
            return
        self.year = year
        self._invalidate()
        self.evaluated.emit()

    def set_rules(self, rules: RuleSet) -> None:
        if rules == self.rules:
            return
        self.rules = rules
        self._invalidate()
        self.evaluated.emit()

    def _invalidate(self) -> None:
        self._evaluation = None
        self._cache.clear()

    # ----------------------------------------------------------- results
    @property
    def evaluation(self) -> Any:
        if self._evaluation is None and self.register is not None:
            from ...model.register import evaluate

            self._evaluation = evaluate(self.register, self.rules, self.year)
        return self._evaluation

    def _cached(self, key: Any, make: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def aggregate(self, level: str = "village", year: int | None = None) -> Any:
        from ...model.register import aggregate

        year = year or self.year
        return self._cached(
            ("aggregate", level, year),
            lambda: aggregate(self.register, self.rules, year, level),
        )

    def lights(self, level: str = "village") -> Any:
        from ...model.register.lights import lights

        return self._cached(("lights", level, self.year), lambda: lights(self.aggregate(level)))

    def what_if(self) -> Any:
        """The what-if model of the year in view, keys built (about 0.15 s at 1M)."""
        from ...model.register.whatif import WhatIfModel

        def make() -> Any:
            model = WhatIfModel(self.register, self.rules, self.year)
            model.prepare()
            return model

        return self._cached(("whatif", self.year), make)

    def relocation(self) -> Any:
        from ...model.register.relocation import relocation_board

        return self._cached(
            ("relocation", self.year),
            lambda: relocation_board(
                self.register, self.rules, self.year, site_names=self.site_names
            ),
        )

    def card(self, row: int) -> Any:
        from ...model.register.card import household_card

        return household_card(
            self.register, row, self.evaluation, self.rules,
            place_names=self.place_names, site_names=self.site_names,
        )

    # ------------------------------------------------------------- edits
    def value(self, row: int, column: str) -> Any:
        if column == "measures":
            return tuple(self.register.measures(row))
        return self.register.columns[column][row].item()

    def set_value(self, row: int, column: str, value: Any) -> None:
        """Put ``value`` in the register (used by ``HouseholdEdit``; not an undo step)."""
        import numpy as np

        reg = self.register
        key = (row, column)
        if key not in self.saved:
            self.saved[key] = self.value(row, column)
        if column == "measures":
            self._set_measures(row, list(value))
        else:
            if column not in self.copied:
                reg.columns[column] = np.array(reg.columns[column], copy=True)
                self.copied.add(column)
            reg.columns[column][row] = value
        reg.drop_keys()
        if _same(self.value(row, column), self.saved[key]):  # back to the saved value
            self.saved.pop(key)
            columns = self.edited.get(row, set())
            columns.discard(column)
            if not columns:
                self.edited.pop(row, None)
        else:
            self.edited.setdefault(row, set()).add(column)
        self._invalidate()
        self.households_changed.emit(np.array([row], dtype=np.int64))

    def _set_measures(self, row: int, codes: list[int]) -> None:
        import numpy as np

        reg = self.register
        offsets, values = reg.measure_offsets, reg.measure_values
        start, end = int(offsets[row]), int(offsets[row + 1])
        new_values = np.concatenate(
            (values[:start], np.asarray(codes, dtype=np.int8), values[end:])
        )
        new_offsets = np.array(offsets, copy=True)
        new_offsets[row + 1 :] += len(codes) - (end - start)
        reg.measure_offsets, reg.measure_values = new_offsets, new_values

    # ------------------------------------------------------- save, journal
    def save(self, dataset_path: Path, dataset: Any) -> RegisterLink | None:
        """Write the edited register over its file (atomic) and return the reference
        to put in the dataset (None when nothing was edited)."""
        from ...model.register import make_ref

        if self.register is None or not self.edited or self.path is None:
            return None
        self.register.save(self.path)
        rule_set = self.link.rule_set if self.link else self.rules.id
        link = make_ref(
            self.path, dataset_path, rule_set, self.register,
            id=self.link.id if self.link else None,
            title=self.link.title if self.link else "",
        )
        self.link = link
        self.edited.clear()
        self.saved.clear()
        return link

    def journal(self) -> list[dict[str, Any]]:
        """The edited households as they are now: household number and changed fields."""
        out = []
        ids = self.register.columns["household_id"] if self.register is not None else None
        for row, columns in sorted(self.edited.items()):
            fields = {}
            for column in sorted(columns):
                value = self.value(row, column)
                if isinstance(value, float) and value != value:
                    value = None
                fields[column] = list(value) if isinstance(value, tuple) else value
            out.append({"household": bytes(ids[row]).decode("ascii"), "fields": fields})
        return out

    def write_journal(self, path: Path) -> None:
        """The journal of edits since the last save, beside the recovery file (0600)."""
        if not self.edited:
            path.unlink(missing_ok=True)
            return
        from ...model.atomic import write_atomic

        doc = {
            "register": str(self.path),
            "sha256": self.link.sha256 if self.link else "",
            "households": self.journal(),
        }
        data = json.dumps(doc, ensure_ascii=False, default=str).encode()
        write_atomic(path, data, mode=0o600)  # the user's own


def _same(a: Any, b: Any) -> bool:
    """Equal values, a missing amount (NaN) or date (NaT) equal to itself."""
    import numpy as np

    if a == b:
        return True
    try:
        return bool(np.isnan(a) and np.isnan(b))
    except TypeError:
        return a is None and b is None


def journal_rows(register: Any, journal: Any) -> tuple[list[tuple[int, str, Any]], list[str]]:
    """The edits a recovery journal holds, as (row, column, value) of ``register``, and
    what cannot be applied (a household or field not in it). ValueError when the journal
    was written for another version of the register file."""
    import numpy as np

    from ...model.register.idhash import id_hash, id_words

    if not isinstance(journal, dict) or not isinstance(journal.get("households"), list):
        raise ValueError("not a household journal")
    ids = register.columns["household_id"]
    width = -(-ids.dtype.itemsize // 8) * 8
    hashes = id_hash(id_words(ids, width))
    order = np.argsort(hashes)
    edits, problems = [], []
    for entry in journal["households"]:
        household = str(entry.get("household", ""))
        wanted = id_hash(id_words(np.array([household.encode("ascii", "replace")],
                                           dtype=ids.dtype), width))[0]
        at = int(np.searchsorted(hashes[order], wanted))
        row = int(order[at]) if at < len(order) else -1
        if row < 0 or bytes(ids[row]).decode("ascii") != household:
            problems.append(household)
            continue
        for column, value in dict(entry.get("fields", {})).items():
            if column != "measures" and column not in register.columns:
                problems.append(f"{household}: {column}")
                continue
            if column == "measures":
                value = tuple(int(v) for v in value)
            elif value is None:
                value = float("nan")
            elif register.columns[column].dtype.kind == "M":
                value = np.datetime64(value, "D")
            edits.append((row, column, value))
    return edits, problems


class HouseholdEdit(QUndoCommand):
    """One field of one household: undo puts the old value back."""

    def __init__(self, session: RegisterSession, row: int, column: str, new: Any, text: str):
        super().__init__(text)
        self.session, self.row, self.column, self.new = session, row, column, new
        self.old = session.value(row, column)
        self.register = session.register

    def redo(self) -> None:
        if self.session.register is self.register:
            self.session.set_value(self.row, self.column, self.new)

    def undo(self) -> None:
        if self.session.register is self.register:
            self.session.set_value(self.row, self.column, self.old)
