"""The sides of a validation rule: a small expression language (DHIS2's idea, with
names a reviewer can read).

    #{indicator-id}             the figure of that indicator at the place, program and
                                period the rule is evaluated for
    children(#{indicator-id})   the sum of that indicator over the place's direct
                                children (the villages of a town)
    projects.funds              sum of the cooperation ledger's funds (万元) in the year
    projects.count              how many projects the ledger has in the year
    projects.people             sum of their beneficiaries counted in people
    projects.households         ... counted in households (the two never mixed)
    12.5, + - * / and brackets

:func:`parse` returns a tree or raises :class:`ExpressionError` naming the position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROJECT_FIELDS = ("funds", "count", "people", "households")
MAX_DEPTH = 64  # brackets and signs nested deeper than this are refused, not recursed
MAX_LENGTH = 2000
MAX_TOKENS = 400  # numbers, names and signs: keeps every walk of the tree shallow

_TOKEN = re.compile(
    r"\s*(?:(?P<ref>#\{(?P<id>[^}]*)\})|(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z_]*(?:\.[A-Za-z_]+)?)|(?P<op>[-+*/()]))"
)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}\Z")


class ExpressionError(ValueError):
    """A side that is not an expression; the message says where and what was expected."""


@dataclass(frozen=True, slots=True)
class Num:
    value: float


@dataclass(frozen=True, slots=True)
class Ref:
    indicator: str
    children: bool = False


@dataclass(frozen=True, slots=True)
class Projects:
    field: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


Node = Num | Ref | Projects | Neg | BinOp


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None:
            raise ExpressionError(f"unexpected {text[pos:].strip()[:12]!r} at character {pos + 1}")
        start = m.start(m.lastgroup if m.lastgroup != "id" else "ref")
        if m.group("ref") is not None:
            ident = m.group("id").strip()
            if not _ID.match(ident):
                raise ExpressionError(
                    f"#{{{ident}}} at character {start + 1}: an indicator id is lower-case"
                    " letters, digits, '.', '_' or '-'"
                )
            out.append(("ref", ident, start))
        elif m.group("num") is not None:
            out.append(("num", m.group("num"), start))
        elif m.group("name") is not None:
            out.append(("name", m.group("name"), start))
        else:
            out.append(("op", m.group("op"), start))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        if len(self.toks) > MAX_TOKENS:
            raise ExpressionError(f"more than {MAX_TOKENS} numbers, names and signs")
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        if tok is None:
            raise ExpressionError("the expression ends too early")
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        tok = self.take()
        if tok[1] != value:
            raise ExpressionError(f"expected {value!r} at character {tok[2] + 1}, found {tok[1]!r}")

    def expr(self) -> Node:
        node = self.term()
        while (tok := self.peek()) is not None and tok[1] in "+-" and tok[0] == "op":
            self.i += 1
            node = BinOp(tok[1], node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while (tok := self.peek()) is not None and tok[1] in "*/" and tok[0] == "op":
            self.i += 1
            node = BinOp(tok[1], node, self.factor())
        return node

    def factor(self) -> Node:
        self.depth += 1
        try:
            return self._factor()
        finally:
            self.depth -= 1

    def _factor(self) -> Node:
        kind, value, at = self.take()
        if self.depth > MAX_DEPTH:
            raise ExpressionError(
                f"nested more than {MAX_DEPTH} deep at character {at + 1}; write it flatter"
            )
        if kind == "num":
            return Num(float(value))
        if kind == "ref":
            return Ref(value)
        if kind == "op" and value == "-":
            return Neg(self.factor())
        if kind == "op" and value == "(":
            node = self.expr()
            self.expect(")")
            return node
        if kind == "name" and value == "children":
            self.expect("(")
            ref = self.take()
            if ref[0] != "ref":
                raise ExpressionError(
                    f"children( takes one #{{indicator}} (character {ref[2] + 1})"
                )
            self.expect(")")
            return Ref(ref[1], children=True)
        if kind == "name" and value.startswith("projects."):
            field = value.split(".", 1)[1]
            if field not in PROJECT_FIELDS:
                raise ExpressionError(
                    f"{value!r} at character {at + 1}: projects has " + ", ".join(PROJECT_FIELDS)
                )
            return Projects(field)
        raise ExpressionError(
            f"unexpected {value!r} at character {at + 1}; expected a number, #{{indicator}},"
            " children(#{indicator}), projects.funds/count/people/households or '('"
        )


def parse(text: str) -> Node:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters")
    parser = _Parser(text)
    if not parser.toks:
        raise ExpressionError("the expression is empty")
    node = parser.expr()
    if (tok := parser.peek()) is not None:
        raise ExpressionError(f"unexpected {tok[1]!r} at character {tok[2] + 1}")
    return node


def refs(node: Node) -> list[Ref]:
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Neg):
        return refs(node.operand)
    if isinstance(node, BinOp):
        return refs(node.left) + refs(node.right)
    return []


def uses_projects(node: Node) -> bool:
    if isinstance(node, Projects):
        return True
    if isinstance(node, Neg):
        return uses_projects(node.operand)
    if isinstance(node, BinOp):
        return uses_projects(node.left) or uses_projects(node.right)
    return False


def evaluate(node: Node, lookup) -> float | None:
    """The value with ``lookup(leaf) -> float | None`` for refs and projects; None when
    a leaf is missing or a division is by zero."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, (Ref, Projects)):
        return lookup(node)
    if isinstance(node, Neg):
        value = evaluate(node.operand, lookup)
        return None if value is None else -value
    left = evaluate(node.left, lookup)
    right = evaluate(node.right, lookup)
    if left is None or right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return None if right == 0 else left / right


def rule_problem(left: str, right: str, indicators: set[str]) -> tuple[str, str]:
    """(side, why) a rule cannot be evaluated, or ("", "") when it can."""
    for side, text in (("left", left), ("right", right)):
        try:
            node = parse(text)
        except ExpressionError as exc:
            return side, str(exc)
        for ref in refs(node):
            if ref.indicator not in indicators:
                return side, f"unknown indicator {ref.indicator!r} in #{{{ref.indicator}}}"
    return "", ""
