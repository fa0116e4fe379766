from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "dongchuan.json"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared" / "source"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_data(seed_bytes):
    from dongchuan_gui.model import loads

    return loads(seed_bytes, str(SEED)).data


def make_doc() -> dict:
    """A small valid current-version document to break in targeted ways."""
    return {
        "format": "dongchuan-workbench",
        "schema_version": 4,
        "meta": {"title": "test"},
        "sources": [{"id": "s1", "kind": "article", "title": "An article"}],
        "places": [
            {"id": "d", "level": "district", "name_zh": "东川区", "code": "530113000000"},
            {
                "id": "t",
                "level": "town",
                "name_zh": "乌龙镇",
                "parent": "d",
                "code": "530113105000",
            },
        ],
        "programs": [
            {
                "id": "g",
                "category": "relocation",
                "name_zh": "搬迁",
                "name_en": "Relocation",
                "places": ["t"],
            }
        ],
        "indicators": [
            {"id": "share", "name_zh": "比例", "name_en": "Share", "unit": "%"},
            {"id": "jobs", "name_zh": "岗位", "name_en": "Jobs", "unit": "jobs"},
            {
                "id": "posts",
                "name_zh": "公益岗位",
                "name_en": "Posts",
                "unit": "posts",
                "part_of": "jobs",
            },
        ],
        "observations": [
            {
                "id": "o1",
                "indicator": "share",
                "place": "d",
                "period": "2013",
                "value": 52.88,
                "source": "s1",
                "locator": "para. 1",
            },
            {"id": "o2", "indicator": "jobs", "program": "g", "value": 100, "source": "s1"},
            {"id": "o3", "indicator": "posts", "program": "g", "value": 10, "source": "s1"},
        ],
        "events": [{"id": "e1", "date": "2019-04-30", "title_en": "Exit", "places": ["d"]}],
        "stories": [{"id": "st", "title_en": "A story", "places": ["t"], "programs": ["g"]}],
        "reference_lines": [
            {
                "id": "r",
                "kind": "exit_threshold",
                "name_en": "3 %",
                "scope": "west",
                "value": 3,
                "unit": "%",
            }
        ],
    }
