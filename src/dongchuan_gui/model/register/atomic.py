"""Atomic, hashed writing of a register file (no Qt).

A register file is written by pyarrow straight into a temporary file beside the
target, hashed on the way, then fsynced and renamed over the target (the folder is
fsynced too), as a dataset's bytes are: the functions live in ``model.atomic``.
"""

from __future__ import annotations

from ..atomic import file_sha256, write_atomic_hashed

write_atomic_stream = write_atomic_hashed  # the name the register package uses

__all__ = ["file_sha256", "write_atomic_stream"]
