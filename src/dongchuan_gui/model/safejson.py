"""JSON from files we did not write: nesting depth checked before decoding, positions
as line and column, and Python's own limits turned into plain words.

A decoder recurses once per level of nesting, so a file nested 200,000 deep would
exhaust the stack. :func:`too_deep` answers without recursing and at C speed: it
drops escape sequences and strings, keeps only the brackets, and peels innermost
pairs off one level per pass (valid files are a few levels deep, so a few passes).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from typing import Any

import msgspec

MAX_DEPTH = 64

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_OTHER_BYTES = bytes(range(256)).translate(None, b'[]{}"')
_AS_SQUARE = bytes.maketrans(b"{}", b"[]")
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]', re.DOTALL)
_BYTE_AT = re.compile(r"\(byte (\d+)\)")


class JsonInputError(ValueError):
    """Bytes that are not JSON we can take; the message says where and why."""


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(data)))
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def at(data: bytes, offset: int) -> str:
    line, column = line_col(data, offset)
    return f"line {line}, column {column}"


def too_deep(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``."""
    if b"\\" in data:
        data = _ESCAPE.sub(b"", data)  # escapes live inside strings only
    # only brackets (both kinds as [ ]) and quotes are left; adjacent quotes never
    # enclose a bracket, so they go first, then the strings that hold brackets
    brackets = data.translate(_AS_SQUARE, _OTHER_BYTES).replace(b'""', b"")
    if b'"' in brackets:
        brackets = _STRING.sub(b"", brackets)
    too_many = b"[" * (limit + 1)
    for _ in range(limit):
        if not brackets:
            return False
        if too_many in brackets:
            return True
        peeled = brackets.replace(b"[]", b"")  # one level: the innermost pairs
        if peeled == brackets:
            return False  # unbalanced: the decoder will say where
        brackets = peeled
    return bool(brackets)


def deep_offset(data: bytes, limit: int = MAX_DEPTH) -> int | None:
    """Offset of the first bracket one level deeper than ``limit`` (a slower scan,
    run only once :func:`too_deep` said so; it stops there)."""
    depth = 0
    for match in _TOKEN.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return match.start()
        elif token in (b"]", b"}"):
            depth -= 1
    return None


def depth_error(data: bytes, limit: int = MAX_DEPTH) -> str:
    """The message for data nested too deep: where, and the limit."""
    offset = deep_offset(data, limit)
    where = f"{at(data, offset)}: " if offset is not None else ""
    return f"{where}nested deeper than {limit} levels (the limit)"


def syntax_error(data: bytes, exc: msgspec.DecodeError) -> str:
    text = str(exc)
    found = _BYTE_AT.search(text)
    offset = int(found.group(1)) if found else len(data)
    reason = _BYTE_AT.sub("", text).replace("JSON is malformed: ", "").strip()
    if "truncated" in reason:
        reason = "the JSON ends too early (truncated file?)"
    return f"{at(data, offset)}: malformed JSON: {reason}"


def utf8_problem(data: bytes, chunk: int = 1 << 20) -> str | None:
    """Where ``data`` stops being UTF-8, or None; checked a chunk at a time, so a big
    file does not need a second copy of itself as text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), chunk):
        try:
            decoder.decode(data[start : start + chunk], final=start + chunk >= len(data))
        except UnicodeDecodeError:
            return not_utf8(data)
    return None


def not_utf8(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"{at(data, exc.start)}: not UTF-8 text ({exc.reason})"
    return "not UTF-8 text"


def number_too_long(data: bytes) -> str:
    limit = sys.get_int_max_str_digits()
    found = re.search(rb"[0-9]{%d,}" % (limit + 1), data) if limit else None
    where = f"{at(data, found.start())}: " if found else ""
    return f"{where}number too long (more than {limit} digits)"


def decode(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Untyped JSON values of ``data``; raises JsonInputError with line and column.
    Numbers too large for a float become infinity, so record checks can say where."""
    if too_deep(data, max_depth):
        raise JsonInputError(depth_error(data, max_depth))
    try:
        return msgspec.json.decode(data)
    except UnicodeDecodeError:
        raise JsonInputError(not_utf8(data)) from None
    except msgspec.DecodeError as exc:
        if "out of range" not in str(exc):
            raise JsonInputError(syntax_error(data, exc)) from None
    return loads_big_numbers(data)


def loads_big_numbers(data: bytes) -> Any:
    """The stdlib reads numbers out of msgspec's range (as int, or inf for floats)."""

    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(data, parse_constant=refuse)
    except RecursionError:
        raise JsonInputError(depth_error(data)) from None
    except ValueError as exc:
        if "digits" in str(exc):  # int() refuses very long digit strings
            raise JsonInputError(number_too_long(data)) from None
        raise JsonInputError(f"malformed JSON: {exc}") from None
