"""Typed records of a dataset file (msgspec Structs; no Qt).

Every record has a stable string id. Cross references are ids; ``checks`` verifies
each one. Text fields come in Chinese (``*_zh``) and English (``*_en``) pairs where
users read them. ``derived`` says how a value was worked out when the source does not
state it directly; it is empty for values taken from the source as they are.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

FORMAT_NAME = "dongchuan-workbench"
SCHEMA_VERSION = 2

Id = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9][a-z0-9._-]{0,79}\Z",
        description="lower-case letters, digits, '.', '_' or '-', at most 80",
    ),
]
StatCode = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{12}\Z", description="12 digits")]
Latitude = Annotated[float, msgspec.Meta(ge=-90.0, le=90.0)]
Longitude = Annotated[float, msgspec.Meta(ge=-180.0, le=180.0)]
Number = int | float

SourceKind = Literal[
    "article", "statistics", "policy", "dataset", "encyclopedia", "news", "survey", "user"
]
Reliability = Literal["official", "primary", "secondary", "mirror", "unverified"]
PlaceLevel = Literal[
    "district",
    "subdistrict",
    "town",
    "township",
    "community",
    "village",
    "resettlement_site",
]
Datum = Literal["GCJ-02", "WGS-84", "unknown"]
ProgramCategory = Literal[
    # the "five batches" (五个一批)
    "industry",
    "relocation",
    "ecological_compensation",
    "education",
    "social_security",
    # further lines of work named by the district
    "employment",
    "east_west_cooperation",
    "returnee_entrepreneurship",
    "tourism",
]
Direction = Literal["increase", "decrease", "none"]
ObservationStatus = Literal["reported", "estimate", "target", "baseline"]
ReferenceKind = Literal["poverty_line", "monitoring_line", "exit_threshold"]

PROGRAM_CATEGORIES: tuple[str, ...] = ProgramCategory.__args__
OBSERVATION_STATUSES: tuple[str, ...] = ObservationStatus.__args__


class Record(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Base of every record: unknown fields are refused, defaults are not written."""


class Source(Record, kw_only=True):
    id: Id
    kind: SourceKind
    title: str
    publisher: str = ""
    published: str | None = None
    url: str = ""
    reliability: Reliability = "primary"
    note: str = ""


class Location(Record, kw_only=True):
    lat: Latitude
    lon: Longitude
    datum: Datum
    source: Id | None = None
    locator: str = ""
    derived: str = ""


class Place(Record, kw_only=True):
    id: Id
    level: PlaceLevel
    name_zh: str
    name_en: str = ""
    pinyin: str = ""
    name_note: str = ""
    code: StatCode | None = None
    code_vintage: str = ""
    parent: Id | None = None
    location: Location | None = None
    source: Id | None = None
    locator: str = ""
    note: str = ""


class Program(Record, kw_only=True):
    id: Id
    category: ProgramCategory
    name_zh: str
    name_en: str
    summary_en: str = ""
    summary_zh: str = ""
    places: list[Id] = []
    partners: list[str] = []
    funders: list[str] = []
    start: str | None = None
    end: str | None = None
    source: Id | None = None
    locator: str = ""
    note: str = ""


class Indicator(Record, kw_only=True):
    id: Id
    name_zh: str
    name_en: str
    unit: str
    direction: Direction = "none"
    cumulative: bool = False
    definition: str = ""
    minimum: Number | None = None
    maximum: Number | None = None
    part_of: Id | None = None


class Observation(Record, kw_only=True):
    id: Id
    indicator: Id
    place: Id | None = None
    program: Id | None = None
    period: str | None = None
    value: Number
    status: ObservationStatus = "reported"
    source: Id | None = None
    locator: str = ""
    doubt: bool = False
    derived: str = ""
    comment: str = ""


class Event(Record, kw_only=True):
    id: Id
    date: str
    title_en: str
    title_zh: str = ""
    description: str = ""
    places: list[Id] = []
    programs: list[Id] = []
    source: Id | None = None
    locator: str = ""
    doubt: bool = False
    derived: str = ""
    comment: str = ""


class Story(Record, kw_only=True):
    id: Id
    title_en: str
    title_zh: str = ""
    people: list[str] = []
    text_en: str = ""
    text_zh: str = ""
    places: list[Id] = []
    programs: list[Id] = []
    source: Id | None = None
    locator: str = ""
    derived: str = ""


class ReferenceLine(Record, kw_only=True):
    id: Id
    kind: ReferenceKind
    indicator: Id | None = None
    name_en: str
    name_zh: str = ""
    scope: str
    period: str | None = None
    value: Number
    unit: str
    basis: str = ""
    source: Id | None = None
    locator: str = ""
    verified: bool = True
    comment: str = ""


class DatasetMeta(Record, kw_only=True):
    title: str
    title_zh: str = ""
    created: str = ""
    modified: str = ""
    language: str = "zh-CN"
    note: str = ""
    synthetic: bool = False


class SnapshotInfo(Record, kw_only=True):
    taken: str
    note: str = ""
    author: str = ""
    app_version: str = ""
    content_hash: str = ""
    previous_hash: str = ""


class DatasetFile(Record, kw_only=True):
    """The whole file: datasets and snapshots share this one format."""

    format: Literal["dongchuan-workbench"]
    schema_version: int
    meta: DatasetMeta
    snapshot: SnapshotInfo | None = None
    sources: list[Source] = []
    places: list[Place] = []
    programs: list[Program] = []
    indicators: list[Indicator] = []
    observations: list[Observation] = []
    events: list[Event] = []
    stories: list[Story] = []
    reference_lines: list[ReferenceLine] = []


# the record lists of a file, in file order, with their record type
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "places": Place,
    "programs": Program,
    "indicators": Indicator,
    "observations": Observation,
    "events": Event,
    "stories": Story,
    "reference_lines": ReferenceLine,
}
