"""Village pinyin: overrides for polyphonic characters (seeds/source/pinyin_overrides.csv),
each with its reason; 'ü' written as such and found whether typed as u or v."""

from __future__ import annotations

import csv
import importlib.util
import sys

from tests.conftest import ROOT

OVERRIDES = ROOT / "seeds" / "source" / "pinyin_overrides.csv"


def _build_seed():
    spec = importlib.util.spec_from_file_location("build_seed", ROOT / "tools" / "build_seed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_seed", module)
    spec.loader.exec_module(module)
    return module


def _overrides() -> list[dict[str, str]]:
    with open(OVERRIDES, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_override_says_why_and_corrects_the_machine():
    build = _build_seed()
    rows = _overrides()
    assert {r["name"]: r["pinyin"] for r in rows} == {"长岭子": "Changlingzi", "格勒": "Gele"}
    for row in rows:
        assert row["reason"].strip(), row["name"]  # every override says why
        machine = build.village_names(row["name"] + "村委会", {})[1]
        assert machine != row["pinyin"], f"{row['name']}: the machine already gets it right"


def test_polyphonic_characters_in_place_names():
    build = _build_seed()
    table = {r["name"]: r["pinyin"] for r in _overrides()}
    assert build.village_names("长岭子村委会", table) == (
        "长岭子村",
        "Changlingzi",
        "Changlingzi Village",
    )
    assert build.village_names("长岭子村委会", {})[1] == "Zhanglingzi"  # what pypinyin says
    assert build.village_names("格勒村委会", table) == ("格勒村", "Gele", "Gele Village")
    assert build.village_names("绿茂村委会", table) == ("绿茂村", "Lümao", "Lümao Village")
    assert build.village_names("岩头村委会", table)[1] == "Yantou"  # no override: machine pinyin
    assert build.village_names("京铜社区居委会", table) == (
        "京铜社区",
        "Jingtong",
        "Jingtong Community",
    )
    assert build.village_names("京铜办事处", table) is None  # not a village-level name


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
