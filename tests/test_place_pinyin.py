"""Village pinyin: overrides for polyphonic characters, 'ü' written as such and found
whether typed as u or v."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT


def _build_seed():
    spec = importlib.util.spec_from_file_location("build_seed", ROOT / "tools" / "build_seed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_seed", module)
    spec.loader.exec_module(module)
    return module


def test_polyphonic_characters_in_place_names():
    build = _build_seed()
    assert build.village_names("长岭子村委会") == ("长岭子村", "Changlingzi", "Changlingzi Village")
    assert build.village_names("格勒村委会") == ("格勒村", "Gele", "Gele Village")
    assert build.village_names("绿茂村委会") == ("绿茂村", "Lümao", "Lümao Village")
    assert build.village_names("岩头村委会")[1] == "Yantou"  # no override: machine pinyin
    for name, (pinyin, why) in build.PINYIN_OVERRIDES.items():
        assert pinyin and why, name  # every override says why


def test_the_seed_has_the_corrected_names_and_search_finds_them():
    from dongchuan_gui.model.dataset import Dataset
    from dongchuan_gui.model.fileformat import load_path
    from dongchuan_gui.resources import seed_path
    from dongchuan_gui.ui.item_models import place_nodes

    data = load_path(seed_path()).data
    names = {p.name_zh: p.pinyin for p in data.places}
    assert names["绿茂村"] == "Lümao" and names["长岭子村"] == "Changlingzi"
    assert names["格勒村"] == "Gele"

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.children)

    texts = {n.text.split()[0]: n.search for n in walk(place_nodes(Dataset(data)))}
    assert "lumao" in texts["绿茂村"] and "lvmao" in texts["绿茂村"]
