"""Problems found in a dataset file, and the one error type the loader raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# a file with a million bad records is reported by its first problems and a count
MAX_PROBLEMS = 1000


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


class ProblemList:
    """Problems of one file, keeping at most ``limit`` of each severity; the rest are
    counted and summed up by :meth:`listed` in one last line."""

    def __init__(self, file: str, limit: int = MAX_PROBLEMS) -> None:
        self.file = file
        self.limit = limit
        self.kept: list[Problem] = []
        self.counts = {"error": 0, "warning": 0}

    def add(self, problem: Problem) -> None:
        self.counts[problem.severity] += 1
        if self.counts[problem.severity] <= self.limit:
            self.kept.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def merge(self, other: ProblemList) -> None:
        """Add the problems of ``other``, and count those it did not keep."""
        for problem in other.kept:
            self.add(problem)
        for severity, count in other.counts.items():
            kept = sum(p.severity == severity for p in other.kept)
            self.counts[severity] += count - kept

    @property
    def errors(self) -> int:
        return self.counts["error"]

    def listed(self) -> list[Problem]:
        out = list(self.kept)
        for severity, word in (("error", "errors"), ("warning", "warnings")):
            more = self.counts[severity] - self.limit
            if more > 0:
                out.append(Problem(self.file, "$", f"{more:,} more {word} not listed", severity))
        return out


class DatasetError(Exception):
    """A file that cannot be loaded; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem], *, unreadable: bool = False) -> None:
        self.problems = problems
        self.unreadable = unreadable
        first = str(problems[0]) if problems else "invalid dataset"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
