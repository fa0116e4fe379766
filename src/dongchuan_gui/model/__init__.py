"""The data model: pure Python, no Qt (a test enforces this)."""

from .fileformat import LoadResult, dumps, load_path, loads, save_path, write_atomic
from .problems import DatasetError, Problem
from .records import SCHEMA_VERSION, DatasetFile

__all__ = [
    "SCHEMA_VERSION",
    "DatasetError",
    "DatasetFile",
    "LoadResult",
    "Problem",
    "dumps",
    "load_path",
    "loads",
    "save_path",
    "write_atomic",
]
