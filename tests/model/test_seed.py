"""The bundled dataset: valid, complete, and every figure sourced."""

import csv
import hashlib
import re

import pytest

from dongchuan_gui.model import loads
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.resources import seed_path
from tests.conftest import ROOT, SEED

# the dataset's own sources (vendored; seeds/source/ORIGIN.md says where they come from)
SOURCE = ROOT / "seeds" / "source"
# the founding article itself is not in the repository (its figures are the dataset's, its
# sentences are not); it is beside a developer's checkout and in CI
ARTICLE = ROOT.parent / "shared" / "source" / "article.txt"

TOWN_CODES = {
    "530113001000",
    "530113002000",
    "530113102000",
    "530113103000",
    "530113104000",
    "530113105000",
    "530113106000",
    "530113107000",
    "530113201000",
}
# every figure the article states, with the indicator that must hold it
ARTICLE_FIGURES = [
    ("poverty-incidence", 52.88, "2013"),
    ("poverty-incidence", 0, "2019"),
    ("relocated-people", 32227, None),
    ("relocated-households", 8754, None),
    ("resettled-in-towns", 95.67, None),
    ("eco-comp-beneficiaries", 88057, None),
    ("jobs-created", 66395, None),
    ("public-service-posts", 5000, None),
    ("orchard-area", 53, None),
    ("elevation", 2000, None),
    ("households-helped", 261, "2018-01"),
    ("coop-funds", 50.4, "2019"),
    ("coop-projects", 13, "2019"),
    ("donations", 10, None),
]


@pytest.fixture(scope="module")
def result(seed_bytes):
    return loads(seed_bytes, str(SEED))


def test_seed_is_valid_without_warnings(result):
    assert result.warnings == []
    assert seed_path().resolve() == SEED.resolve() or seed_path().exists()


@pytest.mark.parametrize(("indicator", "value", "period"), ARTICLE_FIGURES)
def test_every_article_figure_is_present_and_sourced(result, indicator, value, period):
    found = [
        o
        for o in result.data.observations
        if o.indicator == indicator and o.value == value and o.period == period
    ]
    assert found, (indicator, value, period)
    assert any(o.source == "article" and o.locator.startswith("para. ") for o in found)


def _article_numbers() -> list[dict[str, str]]:
    with open(SOURCE / "article_numbers.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.mark.parametrize(
    "row", _article_numbers(), ids=lambda r: f"para{r['paragraph']}-{r['number']}"
)
def test_every_article_number_is_held_by_the_record_named(result, row):
    record = next(
        r
        for r in getattr(result.data, row["record"].split("/")[0])
        if r.id == row["record"].split("/")[1]
    )
    number, field = _number(row["number"]), row["field"]
    if field == "value":
        assert float(record.value) == number
    elif field in ("period", "date"):
        assert float(getattr(record, field)[:4]) == number
    else:
        found = re.findall(r"\d[\d,]*(?:\.\d+)?", getattr(record, field))
        assert number in {_number(n) for n in found}


def test_the_article_numbers_list_is_complete():
    """The list was made from the article whose sha256 ORIGIN.md gives: every number in its
    paragraphs (headings and the page footer not counted), paragraph by paragraph."""
    if not ARTICLE.exists():
        pytest.skip(f"{ARTICLE} is not beside this checkout; the list is checked where it is")
    text = ARTICLE.read_bytes()
    origin = (SOURCE / "ORIGIN.md").read_text(encoding="utf-8")
    assert f"article.txt sha256: {hashlib.sha256(text).hexdigest()}" in origin
    found, paragraph = [], 0
    for line in text.decode("utf-8").splitlines():
        if len(line.split()) < 8 and not line.rstrip().endswith("."):
            continue  # a heading, or the page footer
        paragraph += 1
        found += [(paragraph, _number(n)) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", line)]
    listed = [(int(r["paragraph"]), _number(r["number"])) for r in _article_numbers()]
    assert sorted(listed) == sorted(found)


def test_every_observation_has_source_and_locator(result):
    for obs in result.data.observations:
        assert obs.source and obs.locator, obs.id


def test_places_tree(result):
    ds = Dataset(result.data)
    district = ds.place("530113000000")
    assert district is not None and district.parent is None
    towns = {p.id for p in ds.children("530113000000") if p.level != "resettlement_site"}
    assert towns == TOWN_CODES
    villages = [p for p in result.data.places if p.level in ("village", "community")]
    assert len(villages) == 165
    assert sum(p.level == "community" for p in villages) == 35
    assert ds.place("530113105209").parent == "530113105000"  # Pingzi in Wulong
    assert ds.place("530113104216").parent == "530113104000"  # Yantou in Awang
    for place in result.data.places:
        if place.location is not None:
            assert place.location.datum == "GCJ-02" and place.location.source


def test_village_codes_match_official_list(result):
    with open(SOURCE / "divisions.csv", encoding="utf-8") as handle:
        official = {row["code"]: row["parent_code"] for row in csv.DictReader(handle)}
    ours = {p.code: p.parent for p in result.data.places if p.code}
    assert set(ours) == set(official)
    for code, parent in ours.items():
        if parent is not None:
            assert parent == official[code]


def test_conflicts_are_kept_with_doubt(result):
    obs = {o.id: o for o in result.data.observations}
    assert obs["yantou-orchard-article"].doubt and obs["yantou-orchard-2022"].doubt
    assert obs["yantou-orchard-2022"].derived  # converted from mu, says how
    exit_event = next(e for e in result.data.events if e.id == "county-exit")
    assert exit_event.doubt and "2019" in exit_event.comment


def test_unverified_reference_lines_are_flagged(result):
    lines = {r.id: r for r in result.data.reference_lines}
    assert lines["exit-threshold-west"].value == 3 and lines["exit-threshold-west"].verified
    assert not lines["line-2019"].verified
