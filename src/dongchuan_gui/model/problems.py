"""Problems found in a dataset file, and the one error type the loader raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or doubtful) in a file, at a JSON path."""

    file: str
    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        return f"{self.file}: {self.path}: {tag}{self.message}"


class DatasetError(Exception):
    """A file that cannot be loaded; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem], *, unreadable: bool = False) -> None:
        self.problems = problems
        self.unreadable = unreadable
        first = str(problems[0]) if problems else "invalid dataset"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
