"""Typed records of a dataset file (msgspec Structs; no Qt).

Every record has a stable string id. Cross references are ids; ``checks`` verifies
each one. Text fields come in Chinese (``*_zh``) and English (``*_en``) pairs where
users read them. ``derived`` says how a value was worked out when the source does not
state it directly; it is empty for values taken from the source as they are.
"""

from __future__ import annotations

import posixpath
from typing import Annotated, Any, Literal

import msgspec

FORMAT_NAME = "dongchuan-workbench"
SCHEMA_VERSION = 4  # 3: rule sets and household registers; 4: data quality and the ledger

Id = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9][a-z0-9._-]{0,79}\Z",
        description="lower-case letters, digits, '.', '_' or '-', at most 80",
    ),
]
StatCode = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{12}\Z", description="12 digits")]
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}\Z", description="64 hex digits")]
Count = Annotated[int, msgspec.Meta(ge=0)]
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
Importance = Literal["high", "medium", "low"]
RuleOperator = Literal["<=", "<", "==", "!=", ">=", ">"]
# DHIS2's missing value strategies
MissingStrategy = Literal["skip_if_any_missing", "skip_if_all_missing", "never_skip"]
MarkState = Literal["checked", "follow_up"]
ProjectStatus = Literal["planned", "underway", "completed", "suspended"]
Year = Annotated[int, msgspec.Meta(ge=1000, le=2999)]
Share = Annotated[float, msgspec.Meta(gt=0, le=1000)]

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
    # soft bounds: a value outside them is flagged for checking, never refused
    expected_min: Number | None = None
    expected_max: Number | None = None
    # a value more than this many times (or less than 1/this of) the previous one is
    # flagged; None: the dataset's setting
    max_change: Annotated[float, msgspec.Meta(gt=1)] | None = None
    # whether values of places (or periods) add up to their parent's (or the whole
    # period's): None = only for counts (people, households, jobs…); money and areas
    # add up only when set to "sum" (a per-person income in yuan must not)
    aggregation: Literal["sum", "none"] | None = None

    def adds_up(self) -> bool:
        if self.aggregation is not None:
            return self.aggregation == "sum"
        from .units import is_count

        return is_count(self.unit)


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


class RuleSource(Record, kw_only=True):
    id: str
    title: str
    url: str = ""
    note: str = ""


class MonitoringLine(Record, kw_only=True):
    """The monitoring income line of one year: national (province "") or provincial."""

    year: int
    value: float  # yuan per person per year
    province: str = ""  # 2-digit code of the statistical division, "" for national
    scope: str = ""  # the same in words
    verified: bool = False
    source: str = ""  # id of one of the rule set's sources
    locator: str = ""
    note: str = ""


class RuleParam(Record, kw_only=True):
    value: float
    verified: bool = False
    source: str = ""
    note: str = ""


class RuleSet(Record, kw_only=True):
    """Monitoring rules as data (policy_reference.md §4.4-4.5): the lines per year and
    province, and the parameters of the evaluator, each verified or not, with sources."""

    id: Id
    version: int
    title_en: str
    title_zh: str = ""
    sources: list[RuleSource] = []
    lines: list[MonitoringLine] = []
    stable_years: RuleParam  # years in a row above that year's line
    rigid_share_max: RuleParam  # rigid spending above this share of household income: a risk
    income_drop_max: RuleParam  # income down more than this share on last year: a risk
    exit_incidence_max: RuleParam  # percent, village and district exit check (west)
    relocation_min_employed: RuleParam  # per relocated household with labour
    no_labour_stays_monitored: RuleParam  # 1: never "eliminated" without labour capacity

    def line(self, year: int, province: str = "") -> MonitoringLine | None:
        """That year's line for the province, else the national one, else None."""
        national = None
        for entry in self.lines:
            if entry.year == year:
                if entry.province == province:
                    return entry
                if entry.province == "":
                    national = entry
        return national

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    @classmethod
    def from_dict(cls, doc: Any) -> RuleSet:
        """A checked rule set; ValueError naming what is wrong."""
        try:
            rules = msgspec.convert(doc, cls)
        except msgspec.ValidationError as exc:
            raise ValueError(f"rule set: {exc}") from None
        problems = rules.problems()
        if problems:
            raise ValueError("rule set: " + "; ".join(problems))
        return rules

    def problems(self) -> list[str]:
        """What makes this rule set unusable (empty when none)."""
        out = []
        seen = set()
        sources = {s.id for s in self.sources}
        for entry in self.lines:
            where = f"line {entry.year} {entry.province or 'national'}"
            if (entry.year, entry.province) in seen:
                out.append(f"two lines for {entry.year} {entry.province or 'national'}")
            seen.add((entry.year, entry.province))
            if not entry.value > 0:
                out.append(f"{where}: value must be above 0")
            if entry.source and entry.source not in sources:
                out.append(f"{where}: source {entry.source!r} is not among the rule set's")
        if not 1 <= self.stable_years.value <= 5 or self.stable_years.value % 1:
            out.append("stable_years must be a whole number from 1 to 5")
        for name in ("rigid_share_max", "income_drop_max"):
            if not 0 < getattr(self, name).value <= 10:
                out.append(f"{name} must be above 0")
        if not 0 < self.exit_incidence_max.value <= 100:
            out.append("exit_incidence_max must be a percentage")
        if not 0 <= self.relocation_min_employed.value <= 20:
            out.append("relocation_min_employed must be 0 to 20 persons")
        if self.no_labour_stays_monitored.value not in (0, 1):
            out.append("no_labour_stays_monitored must be 0 or 1")
        return out


class RegisterLink(Record, kw_only=True):
    """A household register kept beside the dataset (a Parquet file or a folder of
    parts): the path relative to the dataset file's folder ('/' between parts), the
    file's sha256, its households, whether they are invented, and the rule set it is
    evaluated with. Household rows never enter the dataset file."""

    id: Id
    title: str = ""
    path: str
    sha256: Sha256
    rows: Count
    synthetic: bool = False
    rule_set: Id
    schema_version: int = 1
    note: str = ""

    def path_problem(self) -> str:
        """Why ``path`` cannot be used ("" when it can)."""
        path = self.path
        if not path or path.strip() != path:
            return "the path is empty or starts or ends with spaces"
        if "\\" in path:
            return "use '/' between folders, not '\\'"
        if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
            return "the path must be relative to the dataset file's folder"
        if posixpath.normpath(path) in (".", ".."):
            return "the path names a folder, not a register"
        return ""


class ValidationRule(Record, kw_only=True):
    """A check between figures, DHIS2 style: left side, operator, right side. The
    sides are expressions (``model.quality.expressions``): ``#{indicator}``,
    ``children(#{indicator})``, ``projects.funds``, numbers, ``+ - * /`` and brackets.
    A rule is evaluated at every place, program and period where its figures are;
    ``level`` limits it to places of one level."""

    id: Id
    version: Annotated[int, msgspec.Meta(ge=1)] = 1
    name_en: str
    name_zh: str = ""
    left: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    operator: RuleOperator
    right: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    importance: Importance = "medium"
    missing: MissingStrategy = "skip_if_any_missing"
    tolerance: Annotated[float, msgspec.Meta(ge=0)] = 0.0  # absolute slack
    level: PlaceLevel | None = None
    message_en: str = ""
    message_zh: str = ""
    source: Id | None = None
    locator: str = ""
    note: str = ""


class QualityMark(Record, kw_only=True):
    """Someone's answer to a data-quality flag (DHIS2's follow-up): "checked, value
    correct" or "follow up". ``value`` is the figure's value when marked (for a rule,
    its left side, and ``other_value`` its right): a later change reopens the flag.
    ``at`` is an ISO 8601 time with its zone; the latest answer counts."""

    id: Id
    flag: Annotated[str, msgspec.Meta(min_length=1, max_length=400)]
    state: MarkState
    record_kind: str = ""
    record_id: Id | None = None
    value: Number | None = None
    other_value: Number | None = None  # a rule's right side when marked
    by: str = ""
    at: str
    note: str = ""


class CooperationProject(Record, kw_only=True):
    """One east-west cooperation project (Shanghai Putuo - Dongchuan). Funds are in
    万元 (10,000 yuan), as the ledgers keep them."""

    id: Id
    name_zh: str
    name_en: str = ""
    partner: str = ""
    program: Id | None = None
    place: Id | None = None
    year: Year
    funds: Annotated[float, msgspec.Meta(ge=0)] | None = None
    beneficiaries: Count | None = None
    beneficiaries_unit: Literal["people", "households"] = "people"
    status: ProjectStatus = "underway"
    source: Id | None = None
    locator: str = ""
    doubt: bool = False
    note: str = ""


class QualitySettings(Record, kw_only=True):
    """The dataset's thresholds for target lights and outlier flags."""

    on_track_band: Annotated[float, msgspec.Meta(gt=0, le=100)] = 15.0  # percent
    z_max: Annotated[float, msgspec.Meta(gt=0)] = 3.0
    mad_max: Annotated[float, msgspec.Meta(gt=0)] = 3.5
    change_max: Annotated[float, msgspec.Meta(gt=1)] = 3.0
    min_points: Annotated[int, msgspec.Meta(ge=3, le=100)] = 5


DEFAULT_QUALITY = QualitySettings()


class DatasetMeta(Record, kw_only=True):
    title: str
    title_zh: str = ""
    created: str = ""
    modified: str = ""
    language: str = "zh-CN"
    note: str = ""
    synthetic: bool = False
    quality: QualitySettings | None = None  # None: DEFAULT_QUALITY

    def quality_settings(self) -> QualitySettings:
        return self.quality or DEFAULT_QUALITY


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
    rule_sets: list[RuleSet] = []
    registers: list[RegisterLink] = []
    validation_rules: list[ValidationRule] = []
    quality_marks: list[QualityMark] = []
    cooperation_projects: list[CooperationProject] = []


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
    "rule_sets": RuleSet,
    "registers": RegisterLink,
    "validation_rules": ValidationRule,
    "quality_marks": QualityMark,
    "cooperation_projects": CooperationProject,
}
