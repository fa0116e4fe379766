"""The register package and its command never import Qt."""

import ast
from pathlib import Path

import dongchuan_gui

PACKAGE = Path(dongchuan_gui.__file__).parent
QT = ("PySide6", "shiboken6", "pyqtgraph")


def test_register_sources_import_no_qt():
    files = sorted((PACKAGE / "model" / "register").glob("*.py"))
    files += sorted((PACKAGE / "register_cli").glob("*.py"))
    assert len(files) >= 6
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not [n for n in names if n.startswith(QT)], path.name
