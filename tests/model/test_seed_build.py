"""The bundled dataset is built from the data files in seeds/source/ by tools/build_seed.py:
a rebuild equals the committed file byte for byte, from the repository alone, and a broken
source is refused with every problem as file:row."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import re
import shutil
import sys

import pytest

from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.fileformat import dumps, loads
from dongchuan_gui.model.tables import csv_bytes, rows
from tests.conftest import ROOT, SEED

SOURCE = ROOT / "seeds" / "source"


def builder():
    spec = importlib.util.spec_from_file_location("build_seed", ROOT / "tools" / "build_seed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_seed", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return builder()


def test_rebuild_equals_the_committed_seed_byte_for_byte(build):
    data, problems = build.build()
    assert problems == []
    assert dumps(data) == SEED.read_bytes(), "run: python tools/build_seed.py"
    assert build.main(["--check"]) == 0


def test_the_builder_reads_nothing_outside_the_repository(build):
    assert build.SOURCE == SOURCE and build.RULE_SET.is_relative_to(ROOT)
    assert "shared" not in build.__doc__ and "../" not in (ROOT / "tools/build_seed.py").read_text()


def _cells(payload: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def test_figures_file_is_what_the_table_export_writes():
    """One schema: the figures file has the export's columns and values, so exporting the
    built dataset gives the file back (line ends and byte-order mark aside)."""
    data = loads(SEED.read_bytes(), str(SEED)).data
    exported = csv_bytes(*rows(Dataset(data), "observations"))
    assert _cells(exported) == _cells((SOURCE / "figures.csv").read_bytes())


def test_the_vendored_division_list_is_the_one_its_origin_names():
    origin = (SOURCE / "ORIGIN.md").read_text(encoding="utf-8")
    recorded = re.search(r"divisions\.csv sha256: ([0-9a-f]{64})", origin).group(1)
    vendored = (SOURCE / "divisions.csv").read_bytes()
    assert hashlib.sha256(vendored).hexdigest() == recorded
    shared = ROOT.parent / "shared" / "source" / "divisions.csv"
    if shared.exists():  # beside a developer's checkout: still the same list
        assert shared.read_bytes() == vendored


def _edit(path, old, new):
    text = path.read_bytes().decode("utf-8")
    assert old in text, old
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))


@pytest.fixture
def broken(tmp_path):
    src = tmp_path / "source"
    shutil.copytree(SOURCE, src)
    return src


def test_every_problem_is_reported_at_its_file_and_row_at_once(build, broken, tmp_path, capsys):
    _edit(broken / "figures.csv", "2000,reported", "about 2000,reported")  # line 21
    _edit(broken / "figures.csv", ",贫困发生率,Poverty incidence,%,530113000000,东川区,,2018,",
          ",贫困人口,Poverty incidence,%,530113000000,东川区,,2018,")  # fmt: skip
    _edit(
        broken / "figures.csv",
        "530113104216,岩头村,returnees,2022",
        "530113104299,岩头村,returnees,2022",
    )
    _edit(
        broken / "programs.toml", 'category = "industry"', 'category = "industry"\ncolour = "red"'
    )
    _edit(broken / "events.toml", 'programs = ["yi-tourism"]', 'programs = ["yi-tourisme"]')
    _edit(broken / "stories.toml", 'people = ["Shao Xingwen"]', 'people = ["Shao Xingwen"')
    _edit(broken / "sources.csv", "\r\nzhwp,", "\r\nenwp,")
    _edit(broken / "pinyin_overrides.csv", "格勒,Gele,", "格列,Gelie,")
    out = tmp_path / "out.json"
    assert build.main(["--source", str(broken), "-o", str(out)]) == 1
    assert not out.exists()
    lines = capsys.readouterr().err.splitlines()
    rel = str(broken)
    expected = [
        f"{rel}/events.toml:64: programs[0]: refers to program 'yi-tourisme', which does not exist",
        f"{rel}/figures.csv:3: indicator_zh '贫困人口': poverty-incidence says '贫困发生率'",
        f"{rel}/figures.csv:21: value: Expected `int | float`, got `str`",
        f"{rel}/figures.csv:20: 0 places have the code or name '530113104299'",
        f"{rel}/pinyin_overrides.csv:3: no village is called 格列",
        f"{rel}/programs.toml:29: Object contains unknown field `colour`",
        f"{rel}/sources.csv:6: id: duplicate id 'enwp' (first at sources.csv:5)",
    ]
    for line in expected:
        assert line in lines
    assert any(
        line.startswith(f"{rel}/stories.toml:") and "Unclosed array" in line for line in lines
    )
    assert lines[-1] == f"{len(lines) - 1} problem(s); nothing written"


def test_a_changed_division_list_is_refused(build, broken):
    _edit(broken / "divisions.csv", "阿旺镇", "阿王镇")
    data, problems = build.build(broken)
    assert data is None
    assert len(problems) == 1 and problems[0].startswith(f"{broken}/divisions.csv:1: sha256 ")
    assert "is not the one ORIGIN.md gives: the vendored list was changed" in problems[0]


def test_unknown_columns_and_unquoted_dates(build, broken):
    _edit(broken / "places.csv", "location_locator,note", "location_locatr,note")
    _edit(broken / "events.toml", 'date = "1998-12-06"', "date = 1998-12-06")  # a TOML date
    data, problems = build.build(broken)
    assert [p.split(": ")[0] for p in problems] == [f"{broken}/places.csv:1"]
    assert "unknown column 'location_locatr'" in problems[0]
    broken.joinpath("places.csv").write_bytes(SOURCE.joinpath("places.csv").read_bytes())
    data, problems = build.build(broken)
    assert problems == [] and dumps(data) == SEED.read_bytes()
