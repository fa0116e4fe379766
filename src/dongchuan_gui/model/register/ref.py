"""How a dataset file points at its register: a ``registers`` record (no Qt).

The record type is ``records.RegisterLink``; this module makes one for a register
file and checks that the file it names is still the one it describes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ..records import RegisterLink
from .atomic import file_sha256

if TYPE_CHECKING:
    from .store import Register

RegisterRef = RegisterLink  # the name the register package has used


def ref_from_dict(doc: object) -> RegisterLink:
    """A checked reference; ValueError naming what is wrong."""
    try:
        ref = msgspec.convert(doc, RegisterLink)
    except msgspec.ValidationError as exc:
        raise ValueError(f"register reference: {exc}") from None
    problem = ref.path_problem()
    if problem:
        raise ValueError(f"register reference {ref.path!r}: {problem}")
    return ref


def resolve(ref: RegisterLink, dataset_path: str | os.PathLike[str]) -> Path:
    """The register's place on disk, from the dataset file's folder."""
    return Path(dataset_path).parent / Path(*ref.path.split("/"))


def link_id(register_path: str | os.PathLike[str]) -> str:
    """A record id from a register file's name ('2025 台账.parquet' → 'register-2025')."""
    stem = re.sub(r"[^a-z0-9._-]+", "-", Path(register_path).stem.lower()).strip("-._")
    return ("register-" + stem)[:80].rstrip("-._") if stem else "register"


def make_ref(
    register_path: str | os.PathLike[str],
    dataset_path: str | os.PathLike[str],
    rule_set: str,
    register: Register | None = None,
    *,
    id: str | None = None,  # noqa: A002 (the record's field)
    title: str = "",
) -> RegisterLink:
    """The reference to store in ``dataset_path`` for the register file at ``register_path``."""
    register_path = Path(register_path)
    if register is None:
        from .store import Register  # the store imports this module

        register = Register.load(register_path)
    folder = Path(dataset_path).resolve().parent
    rel = Path(os.path.relpath(register_path.resolve(), folder)).as_posix()
    same_file = register.path is not None and register.path.resolve() == register_path.resolve()
    digest = register.sha256() if same_file else None
    return RegisterLink(
        id=id or link_id(register_path),
        title=title or register.meta.title,
        path=rel,
        sha256=digest or file_sha256(register_path),
        rows=len(register),
        synthetic=register.meta.synthetic,
        rule_set=rule_set,
        schema_version=register.meta.schema_version,
    )


def check_ref(ref: RegisterLink, dataset_path: str | os.PathLike[str]) -> list[str]:
    """What is wrong with the file a reference points at (empty when it matches)."""
    problem = ref.path_problem()
    if problem:
        return [f"{ref.path}: {problem}"]
    target = resolve(ref, dataset_path)
    if target.is_dir():
        return _check_folder(ref, target)
    if not target.is_file():
        return [f"{ref.path}: register file not found (looked in {target.parent})"]
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


def _check_folder(ref: RegisterLink, target: Path) -> list[str]:
    """The same for a register written partitioned: its manifest stands for the parts."""
    from .partition import read_manifest
    from .store import RegisterError

    try:
        manifest = read_manifest(target)
    except RegisterError as exc:
        return [str(exc)]
    problems = []
    if manifest.raw_sha256 != ref.sha256:
        problems.append(f"{ref.path}: the register changed since it was referenced (sha256)")
    if manifest.households != ref.rows:
        problems.append(
            f"{ref.path}: {manifest.households} households, the reference says {ref.rows}"
        )
    return problems
