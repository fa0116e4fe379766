import shutil

import pytest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from tests.conftest import SEED
from tests.ui.real_input import show_active


@pytest.fixture(autouse=True)
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("DONGCHUAN_SETTINGS", str(path))
    return path


@pytest.fixture
def dataset():
    return Dataset(load_path(SEED).data)


@pytest.fixture
def data_file(tmp_path):
    """A copy of the bundled dataset to open, lock, edit and save."""
    path = tmp_path / "data" / "dongchuan.json"
    path.parent.mkdir()
    shutil.copyfile(SEED, path)
    return path


@pytest.fixture(autouse=True)
def app_data(tmp_path, monkeypatch):
    """Recovery files and logs go to a folder of the test's own."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path / "appdata"
    monkeypatch.setattr("dongchuan_gui.ui.document.recovery_folder", lambda: folder / "recovery")
    return folder


@pytest.fixture
def window(qtbot, data_file):
    from dongchuan_gui.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    no_questions(win)
    assert win.open_path(data_file)
    win.resize(1280, 800)
    show_active(qtbot, win)  # focus and key events need a shown, active window
    return win


def no_questions(win):
    """A modal question would hang a headless test: any the test did not expect fails."""

    def unexpected(*args):
        raise AssertionError(f"unexpected question to the user: {args}")

    for name in dir(win.files):
        if name.startswith("ask_"):
            setattr(win.files, name, unexpected)
    # closing at the end of a test drops unsaved changes
    win.files.ask_save_changes = lambda name: "discard"
