"""The model and the headless command never import Qt."""

import ast
import subprocess
import sys
from pathlib import Path

import dongchuan_gui

PACKAGE = Path(dongchuan_gui.__file__).parent
QT = ("PySide6", "shiboken6", "pyqtgraph")


def test_model_sources_import_no_qt():
    for path in sorted((PACKAGE / "model").glob("*.py")) + [PACKAGE / "cli.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(QT), f"{path.name} imports {name}"


def test_cli_loads_the_qt_layer_only_to_draw():
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        for node in ast.walk(func):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ui"):
                assert func.name == "_export" and node.module == "ui.headless"
    top = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    assert not [n for n in top if (n.module or "").startswith("ui")]


def test_model_and_cli_run_with_qt_unavailable(tmp_path):
    code = (
        "import sys\n"
        "for m in ('PySide6', 'shiboken6', 'pyqtgraph'): sys.modules[m] = None\n"
        "from dongchuan_gui.cli import main\n"
        "rc = main(['validate', sys.argv[1]])\n"
        "rc |= main(['diff', sys.argv[1], sys.argv[1]])\n"
        "rc |= main(['export', sys.argv[1], '--format', 'xlsx', '-o', sys.argv[2]])\n"
        "rc |= main(['export', sys.argv[1], '--format', 'dhis2-csv', '-o', sys.argv[2]])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6.', 'pyqtgraph.'))]\n"
        "sys.exit(rc)\n"
    )
    seed = PACKAGE.parents[1] / "seeds" / "dongchuan.json"
    done = subprocess.run(
        [sys.executable, "-c", code, str(seed), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout
