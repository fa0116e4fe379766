import pytest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from tests.conftest import SEED


@pytest.fixture(autouse=True)
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("DONGCHUAN_SETTINGS", str(path))
    return path


@pytest.fixture
def dataset():
    return Dataset(load_path(SEED).data)


@pytest.fixture
def window(qtbot):
    from dongchuan_gui.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(SEED)
    win.resize(1280, 800)
    return win
