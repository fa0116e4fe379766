"""Build seeds/dongchuan.json from the data files in seeds/source/ (run by hand; the
output is committed, and a test checks that a rebuild gives the same bytes).

    python tools/build_seed.py [--check] [-o OUT] [--source DIR]

What each file holds and how to edit it: seeds/source/README.md. Every problem found is
reported as ``file:row: message``, all of them at once, and nothing is written then.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import msgspec
from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dongchuan_gui.model import records  # noqa: E402
from dongchuan_gui.model.checks import check_problems  # noqa: E402
from dongchuan_gui.model.dataset import Dataset  # noqa: E402
from dongchuan_gui.model.fileformat import dumps  # noqa: E402
from dongchuan_gui.model.register.rules import DEFAULT_RULE_SET, load_rules  # noqa: E402
from dongchuan_gui.model.tables import rows as table_rows  # noqa: E402

SOURCE = ROOT / "seeds" / "source"
OUTPUT = ROOT / "seeds" / "dongchuan.json"
RULE_SET = ROOT / "seeds" / "rule_sets" / f"{DEFAULT_RULE_SET}.json"
# an NBS committee name, its short form and the English word (京铜社区居委会 → 京铜社区)
SUFFIXES = (("社区居委会", "社区", "Community"), ("村委会", "村", "Village"))
VILLAGE_LEVELS = ("village", "community")
# places.csv: a map point in these columns (its source and locator are the point's own)
LOCATION = ("lat", "lon", "datum", "location_source", "location_locator", "location_derived")
# figures.csv has the columns of the table export; these repeat what the indicator says
FIGURE_COLUMNS = ("indicator_zh", "indicator_en", "unit")
PROSE = ("programs", "events", "stories", "reference_lines")  # one TOML file each


class Build:
    """The records read so far, where each came from, and every problem found."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.label = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
        self.found: list[tuple[str, int, str]] = []
        self.origins: dict[str, list[tuple[str, int]]] = {}
        self.invalid: dict[str, set[str]] = {}

    def problem(self, name: str, row: int, message: str) -> None:
        self.found.append((f"{self.label}/{name}", row, message))

    @property
    def problems(self) -> list[str]:
        return [f"{name}:{row}: {message}" for name, row, message in sorted(self.found)]

    def record(self, kind: str, cls: type, fields: dict[str, Any], name: str, row: int) -> Any:
        """``fields`` as a record of ``cls`` (text converted to numbers and true/false),
        or None with the problem reported."""
        try:
            rec = msgspec.convert(fields, cls, strict=False)
        except msgspec.ValidationError as exc:
            where = re.sub(r"^(.*) - at `\$\.?(.*)`$", r"\2: \1", str(exc)).lstrip(": ")
            hint = " (write text in double quotes)" if "Expected `str" in where else ""
            self.problem(name, row, where + hint)
            self.invalid.setdefault(kind, set()).add(str(fields.get("id", "")))
            return None
        self.origins.setdefault(kind, []).append((name, row))
        return rec

    def text(self, name: str) -> str:
        try:
            return (self.source / name).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, 1, f"cannot read the file: {exc}")
            return ""

    def csv(self, name: str, allowed: list[str] | tuple[str, ...]) -> list[tuple[int, dict]]:
        """(line, {column: text}) of every row; empty cells are left out (not given)."""
        reader, out, line = csv.reader(io.StringIO(self.text(name), newline="")), [], 2
        header = next(reader, [])
        for column in set(header) - set(allowed):
            self.problem(name, 1, f"unknown column {column!r}; expected " + ", ".join(allowed))
        for cells in reader:
            pairs = zip(header, cells, strict=False)
            row = {k: v.strip() for k, v in pairs if v.strip() and k in allowed}
            if len(cells) > len(header):
                self.problem(name, line, f"{len(cells)} cells but {len(header)} columns")
            if row:
                out.append((line, row))
            line = reader.line_num + 1
        return out

    def toml(self, name: str, text: str | None = None) -> dict[str, Any]:
        try:
            return tomllib.loads(self.text(name) if text is None else text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            self.problem(name, int(found.group(1)) if found else 1, str(exc))
            return {}

    def table(self, name: str, kind: str) -> list[tuple[int, dict]]:
        """(line of its [[kind]] header, fields) of every record of a TOML file."""
        text, head = self.text(name), re.compile(rf"\s*\[\[\s*{kind}\s*\]\]")
        doc = self.toml(name, text)
        lines = [n for n, s in enumerate(text.splitlines(), 1) if head.match(s)]
        for key in set(doc) - {kind}:
            self.problem(name, 1, f"unknown table {key!r}; expected [[{kind}]]")
        items = enumerate(doc.get(kind, []))
        return [(lines[i] if i < len(lines) else 1, _plain(item)) for i, item in items]

    def records(self, kind: str, name: str, rows: list[tuple[int, dict]]) -> list:
        cls = records.COLLECTIONS[kind]
        return [rec for n, fields in rows if (rec := self.record(kind, cls, fields, name, n))]


def _plain(item: dict) -> dict:
    """TOML dates (a year-month-day written without quotes) as text, like quoted ones."""
    return {k: v.isoformat() if isinstance(v, dt.date | dt.time) else v for k, v in item.items()}


def village_names(official: str, overrides: dict[str, str]) -> tuple[str, str, str] | None:
    """Short Chinese name, toneless pinyin and English name from an NBS committee name
    (None for a name of another form): the override of its base name if there is one,
    else pypinyin's, with 'v' written 'ü' (绿 Lü, not Lv)."""
    for suffix, short, english in SUFFIXES:
        if official.endswith(suffix):
            base = official[: -len(suffix)]
            pinyin = overrides.get(base) or "".join(lazy_pinyin(base)).replace("v", "ü")
            pinyin = pinyin[:1].upper() + pinyin[1:]
            return base + short, pinyin, f"{pinyin} {english}"
    return None


def read_overrides(b: Build) -> dict[str, dict[str, Any]]:
    """Pinyin of place names whose machine pinyin is wrong, each with why (and its line)."""
    overrides: dict[str, dict[str, Any]] = {}
    for n, row in b.csv("pinyin_overrides.csv", ("name", "pinyin", "reason")):
        if not {"name", "pinyin", "reason"} <= set(row):
            b.problem("pinyin_overrides.csv", n, "give the name, its pinyin and the reason")
        elif row["name"] in overrides:
            b.problem("pinyin_overrides.csv", n, f"{row['name']} is already overridden")
        else:
            overrides[row["name"]] = {**row, "line": n}
    return overrides


def read_places(b: Build, villages: dict[str, Any]) -> list[records.Place]:
    overrides = read_overrides(b)
    pinyin = {name: row["pinyin"] for name, row in overrides.items()}
    columns = [f for f in records.Place.__struct_fields__ if f not in ("code", "location")]
    facts = {r["id"]: (n, r) for n, r in b.csv("places.csv", columns + list(LOCATION)) if "id" in r}
    listed = b.csv("divisions.csv", ("code", "name_zh", "level", "parent_code", "source"))
    codes = {row.get("code") for _, row in listed}
    upper, lower = [], []
    for n, row in listed:
        code, official = row.get("code", ""), row.get("name_zh", "")
        parent = row.get("parent_code") if row.get("parent_code") in codes else None
        fields: dict[str, Any] = dict(id=code, code=code, level=row.get("level"), parent=parent)
        origin = ("divisions.csv", n)
        if row.get("level") in VILLAGE_LEVELS:
            names = village_names(official, pinyin)
            if names is None:
                b.problem("divisions.csv", n, f"{official}: not a 村委会 or 社区居委会 name")
                continue
            fields.update(name_zh=names[0], pinyin=names[1], name_en=names[2])
            for key in ("code_vintage", "source", "locator", "name_note", "note"):
                fields[key] = villages.get(key, "").format(code=code, official=official)
            fix = overrides.get(names[0].removesuffix("村").removesuffix("社区"))
            if fix and "override_note" in villages:
                fields["name_note"] = villages["override_note"].format(**fix)
            extra = villages.get("note_by_parent", {}).get(parent or "")
            fields["note"] = " ".join(s for s in (fields["note"], extra) if s)
        elif code not in facts:
            b.problem("divisions.csv", n, f"{official}: no row in places.csv for its code")
        fields.setdefault("name_zh", official)
        if code in facts:
            origin = ("places.csv", facts[code][0])
            fields.update(facts.pop(code)[1])
        place = _place(b, fields, *origin)
        if place is not None:
            (lower if place.level in VILLAGE_LEVELS else upper).append((origin, place))
    for n, fields in facts.values():  # places the division list does not have
        place = _place(b, dict(fields), "places.csv", n)
        if place is not None:
            lower.append((("places.csv", n), place))
    b.origins["places"] = [origin for origin, _ in upper + lower]
    places = [place for _, place in upper + lower]
    named = {p.name_zh for p in places}
    for name in overrides:
        if not {name + "村", name + "社区"} & named:
            b.problem(
                "pinyin_overrides.csv", overrides[name]["line"], f"no village is called {name}"
            )
    return places


def _place(b: Build, fields: dict[str, Any], name: str, row: int) -> records.Place | None:
    loc = {k.removeprefix("location_"): fields.pop(k) for k in LOCATION if k in fields}
    if loc:
        fields["location"] = b.record("location", records.Location, loc, name, row)
        if fields["location"] is None:
            return None
    return b.record("places", records.Place, fields, name, row)


def read_figures(b: Build, data: records.DatasetFile) -> list[records.Observation]:
    """figures.csv: the columns of the table export (model.tables), resolved like the
    sheet import: the place by code, id or Chinese name, the source by id or title."""
    header = table_rows(Dataset(msgspec.structs.replace(data, observations=[])), "observations")[0]
    indicators = {i.id: i for i in data.indicators}
    places: dict[str, list[records.Place]] = {}
    for p in data.places:
        for key in {p.id, p.code or p.id, p.name_zh}:
            places.setdefault(key, []).append(p)
    sources = {key: s.id for s in data.sources for key in (s.id, s.title)}
    out = []
    for n, row in b.csv("figures.csv", header):
        known = len(b.found)
        if ind := indicators.get(row.get("indicator", "")):
            wanted = dict(indicator_zh=ind.name_zh, indicator_en=ind.name_en, unit=ind.unit)
            for col, text in wanted.items():
                if row.get(col, text) != text:
                    b.problem("figures.csv", n, f"{col} {row[col]!r}: {ind.id} says {text!r}")
        key = row.get("place_code") or row.get("place", "")
        found = places.get(key, [])
        if len(found) != 1:
            b.problem("figures.csv", n, f"{len(found)} places have the code or name {key!r}")
        elif row.get("place", found[0].name_zh) not in (found[0].name_zh, found[0].id):
            b.problem("figures.csv", n, f"place {row['place']!r}: {key} is {found[0].name_zh}")
        fields = {k: v for k, v in row.items() if k not in FIGURE_COLUMNS + ("place_code",)}
        fields["place"] = found[0].id if found else None
        if "source" in row:
            fields["source"] = sources.get(row["source"], row["source"])
        if len(b.found) > known:  # reported: not checked again as a record
            b.invalid.setdefault("observations", set()).add(row.get("id", ""))
        elif rec := b.record("observations", records.Observation, fields, "figures.csv", n):
            out.append(rec)
    return out


def read_json_rules(b: Build) -> list[records.ValidationRule]:
    name = "validation_rules.json"
    text = b.text(name)
    try:
        items = json.loads(text)["validation_rules"]
    except (ValueError, KeyError) as exc:
        b.problem(name, 1, f"not a list of validation rules: {exc}")
        return []
    rows = [(text.count("\n", 0, text.find(f'"id": "{i.get("id")}"')) + 1, i) for i in items]
    return b.records("validation_rules", name, rows)


def check_divisions(b: Build) -> bool:
    """The vendored division list must be the one ORIGIN.md names."""
    found = re.search(r"divisions\.csv sha256: ([0-9a-f]{64})", b.text("ORIGIN.md"))
    actual = hashlib.sha256((b.source / "divisions.csv").read_bytes()).hexdigest()
    if not found or found.group(1) != actual:
        message = f"sha256 {actual} is not the one ORIGIN.md gives: the vendored list was changed"
        b.problem("divisions.csv", 1, message + " (restore it, or give its origin and sha256)")
    return not b.found


def build(source: Path = SOURCE) -> tuple[records.DatasetFile | None, list[str]]:
    """The dataset, or None and every problem as ``file:row: message``."""
    b = Build(source)
    if not check_divisions(b):  # nothing is built from an unknown list
        return None, b.problems
    settings = b.toml("dataset.toml")
    meta = b.record("meta", records.DatasetMeta, settings.get("meta", {}), "dataset.toml", 1)
    version = records.SCHEMA_VERSION
    data = records.DatasetFile(format=records.FORMAT_NAME, schema_version=version, meta=meta)
    for kind in ("sources", "indicators"):
        fields = records.COLLECTIONS[kind].__struct_fields__
        setattr(data, kind, b.records(kind, f"{kind}.csv", b.csv(f"{kind}.csv", fields)))
    data.places = read_places(b, settings.get("villages", {}))
    data.observations = read_figures(b, data)
    for kind in PROSE:
        setattr(data, kind, b.records(kind, f"{kind}.toml", b.table(f"{kind}.toml", kind)))
    try:
        data.rule_sets = [load_rules(RULE_SET)]
    except (OSError, ValueError) as exc:
        b.found.append((str(RULE_SET.relative_to(ROOT)), 1, str(exc)))
    data.validation_rules = read_json_rules(b)

    def origin(kind: str, i: str) -> tuple[str, int]:
        found = b.origins.get(kind, [])
        return found[int(i)] if int(i) < len(found) else ("dataset.toml", 1)

    for problem in check_problems(data, "", invalid_ids=b.invalid).listed() if meta else []:
        at = re.match(r"\$\.(\w+)\[(\d+)\]\.?(.*)", problem.path) or re.match("()()()", "")
        name, row = origin(*at.group(1, 2)) if at.group(1) else ("dataset.toml", 1)
        text = re.sub(
            r"\$\.(\w+)\[(\d+)\]", lambda m: "{}:{}".format(*origin(*m.groups())), problem.message
        )
        tag = "warning: " if problem.severity == "warning" else ""
        b.problem(name, row, f"{at.group(3) + ': ' if at.group(3) else ''}{tag}{text}")
    return (None if b.found else data), b.problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--source", type=Path, default=SOURCE, help="the data files' folder")
    parser.add_argument("--check", action="store_true", help="only say whether OUT is current")
    args = parser.parse_args(argv)
    data, problems = build(args.source)
    if data is None:
        sys.stderr.write("\n".join([*problems, f"{len(problems)} problem(s); nothing written\n"]))
        return 1
    payload = dumps(data)
    if args.check:
        current = args.output.exists() and args.output.read_bytes() == payload
        print(f"{args.output}: " + ("up to date" if current else "differs from the sources"))
        return 0 if current else 1
    args.output.write_bytes(payload)
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
