"""Finding places by what people type: 12-digit codes, 9-digit town codes, names."""

from __future__ import annotations

import pytest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.lookup import NameIndex
from dongchuan_gui.resources import seed_path


@pytest.fixture(scope="module")
def places():
    return NameIndex(Dataset(load_path(seed_path()).data), "places")


def test_a_nine_digit_town_code_finds_the_town_only(places):
    # 530113104 is Wulong Town's code in 9 digits; its 18 villages share those digits
    assert places.find("530113104") == "530113104000"
    assert places.find("530113104000") == "530113104000"


def test_a_villages_twelve_digit_code_and_its_name(places):
    assert places.find("530113104216") == "530113104216"
    assert places.find("岩头村") == "530113104216"
    with pytest.raises(ValueError, match="unknown place '530113104216000'"):
        places.find("530113104216000")
