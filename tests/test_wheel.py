"""A built wheel carries the bundled dataset and resources, and finds them."""

import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_wheel_ships_seed_and_resources(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("dongchuan_gui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "dongchuan_gui/seeds/dongchuan.json" in names
    assert "dongchuan_gui/resources/style.qss" in names
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from dongchuan_gui.resources import seed_path;"
        "from dongchuan_gui.cli import main;"
        "print(seed_path()); sys.exit(main(['info']))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == str(
        tmp_path / "site" / "dongchuan_gui" / "seeds" / "dongchuan.json"
    )
    assert "places: 176" in run.stdout
