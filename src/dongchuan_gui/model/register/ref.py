"""How a dataset file points at its register: path, hash, rows, flags (no Qt)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from .atomic import file_sha256
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from .store import Register

# ----- the reference a dataset file keeps


class RegisterRef(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """How a dataset file points at its register: path relative to the dataset file's
    folder (with '/'), the file's sha256, its row count, whether it is synthetic, and
    the id of the rule set it is evaluated with."""

    path: str
    sha256: str
    rows: int
    synthetic: bool
    rule_set: str
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    @classmethod
    def from_dict(cls, doc: Any) -> RegisterRef:
        try:
            ref = msgspec.convert(doc, cls)
        except msgspec.ValidationError as exc:
            raise ValueError(f"register reference: {exc}") from None
        if Path(ref.path).is_absolute() or ref.path.startswith(("/", "\\")) or not ref.path:
            raise ValueError("register reference: path must be relative to the dataset")
        if len(ref.sha256) != 64 or any(c not in "0123456789abcdef" for c in ref.sha256):
            raise ValueError("register reference: sha256 must be 64 hex digits")
        if ref.rows < 0:
            raise ValueError("register reference: rows must not be negative")
        return ref

    def resolve(self, dataset_path: str | os.PathLike[str]) -> Path:
        return Path(dataset_path).parent / Path(*self.path.split("/"))


def make_ref(
    register_path: str | os.PathLike[str],
    dataset_path: str | os.PathLike[str],
    rule_set: str,
    register: Register | None = None,
) -> RegisterRef:
    """The reference to store in ``dataset_path`` for the register file at ``register_path``."""
    register_path = Path(register_path)
    if register is None:
        from .store import Register  # the store imports this module

        register = Register.load(register_path)
    reg = register
    folder = Path(dataset_path).resolve().parent
    rel = os.path.relpath(register_path.resolve(), folder)
    digest = reg.sha256() if reg.path == register_path else None
    return RegisterRef(
        path=Path(rel).as_posix(),
        sha256=digest or file_sha256(register_path),
        rows=len(reg),
        synthetic=reg.meta.synthetic,
        rule_set=rule_set,
    )


def check_ref(ref: RegisterRef, dataset_path: str | os.PathLike[str]) -> list[str]:
    """What is wrong with the file a reference points at (empty when it matches)."""
    target = ref.resolve(dataset_path)
    if not target.is_file():
        return [f"{ref.path}: register file not found"]
    problems = []
    if file_sha256(target) != ref.sha256:
        problems.append(f"{ref.path}: the file changed since it was referenced (sha256)")
    try:
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(target).metadata.num_rows
    except Exception as exc:  # any read failure is reported the same way
        return [*problems, f"{ref.path}: cannot read ({type(exc).__name__})"]
    if rows != ref.rows:
        problems.append(f"{ref.path}: {rows} households, the reference says {ref.rows}")
    return problems
