"""The household register's schema: columns, their types and the code tables (no Qt).

One row per household. Ids are the ledger's own household number (户编号) as fixed-width
ASCII bytes, never a person's ID number. Categories are small integers with Chinese and
English labels. Money is yuan per person per year (``rigid_*``: yuan per household),
float64, missing as NaN. Flags are int8: 1 met, 0 not met, -1 not recorded. Per-year
columns are named ``<base>_<year>`` for each year the register covers.

Marks follow ``policy_reference.md``: a table marked ``verified`` was checked against a
public source; the others are working lists to keep editable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FORMAT_NAME = "dongchuan-register"
SCHEMA_VERSION = 1
META_KEY = b"dongchuan.register"  # key of the JSON metadata in the Parquet schema
ID_WIDTH = 24  # bytes of a household number
FLAG_MET, FLAG_NOT_MET, FLAG_UNKNOWN = 1, 0, -1


@dataclass(frozen=True)
class Code:
    value: int
    key: str
    zh: str
    en: str


@dataclass(frozen=True)
class CodeTable:
    """A category: small-int codes with bilingual labels."""

    name: str
    zh: str
    en: str
    codes: tuple[Code, ...]
    verified: bool
    source: str = ""
    note: str = ""

    def label(self, value: int, lang: str = "en") -> str:
        for code in self.codes:
            if code.value == value:
                return code.zh if lang == "zh" else code.en
        return str(value)

    def value_of(self, key: str) -> int:
        for code in self.codes:
            if code.key == key:
                return code.value
        raise KeyError(f"{self.name}: no code {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(code.key for code in self.codes)

    @property
    def max_value(self) -> int:
        return max(code.value for code in self.codes)


def _table(
    name: str, zh: str, en: str, rows: list[tuple[str, str, str]], *, verified: bool, **kw: str
) -> CodeTable:
    codes = tuple(Code(i, key, czh, cen) for i, (key, czh, cen) in enumerate(rows))
    return CodeTable(name, zh, en, codes, verified, **kw)


ATTRIBUTE = _table(
    "attribute",
    "贫困户属性",
    "household attribute",
    [
        ("unknown", "未记录", "not recorded"),
        ("ordinary", "一般户", "ordinary"),
        ("dibao", "低保户", "dibao (minimum living allowance)"),
        ("destitute", "特困供养户", "destitute support"),
    ],
    verified=True,
    source="policy_reference.md §4.2 (pharmst.cn Q&A)",
)

POVERTY_CAUSE = _table(
    "poverty_cause",
    "致贫原因",
    "poverty cause",
    [
        ("none", "未记录", "not recorded"),
        ("illness", "因病", "illness"),
        ("disability", "因残", "disability"),
        ("education", "因学", "education costs"),
        ("disaster", "因灾", "disaster"),
        ("marriage", "因婚", "marriage"),
        ("land", "缺土地", "lack of land"),
        ("water", "缺水", "lack of water"),
        ("skills", "缺技术", "lack of skills"),
        ("capital", "缺资金", "lack of capital"),
        ("labour", "缺劳力", "lack of labour"),
        ("transport", "交通条件落后", "poor transport"),
        ("motivation", "自身发展动力不足", "lack of motivation"),
        ("other", "其他", "other"),
    ],
    verified=True,
    source="policy_reference.md §4.2 (fx361.cc/page/2018/0112/4692781.shtml)",
    note="12 causes of the national information system plus other",
)

MONITORING_TYPE = _table(
    "monitoring_type",
    "监测对象类别",
    "monitoring type",
    [
        ("none", "非监测对象", "not monitored"),
        ("unstable", "脱贫不稳定户", "unstable out-of-poverty"),
        ("marginal", "边缘易致贫户", "marginal, prone to poverty"),
        ("sudden", "突发严重困难户", "sudden severe hardship"),
    ],
    verified=True,
    source="policy_reference.md §4.4 (kxting.com 2023-01-10)",
)

DISCOVERY = _table(
    "discovery",
    "发现方式",
    "discovery route",
    [
        ("unknown", "未记录", "not recorded"),
        ("self", "农户自主申报", "self-declaration"),
        ("cadre", "基层干部排查", "cadre screening"),
        ("department", "部门筛查预警", "department early warning"),
        ("other", "其他", "other"),
    ],
    verified=True,
    source="policy_reference.md §4.4 (中农组发〔2021〕7号 as quoted by wxredian)",
    note="some counties list five routes; 'other' holds the rest",
)

RISK_STATUS = _table(
    "risk_status",
    "风险状态",
    "risk status",
    [
        ("none", "未识别", "not identified"),
        ("monitoring", "风险未消除", "monitoring"),
        ("eliminated", "风险已消除", "eliminated"),
        ("natural", "风险自然消除", "naturally eliminated"),
    ],
    verified=True,
    source="policy_reference.md §4.4 (Hainan Q&A at fygsj.cn)",
)

RELOCATION = _table(
    "relocation",
    "搬迁安置",
    "relocation",
    [
        ("none", "未搬迁", "not relocated"),
        ("urban", "城镇安置", "urban site"),
        ("rural", "农村安置", "rural site"),
    ],
    verified=False,
    source="policy_reference.md §4.6 (data-model concept, no public source named)",
)

MEASURE = _table(
    "measure",
    "帮扶措施",
    "assistance measure",
    [
        ("other", "其他", "other"),
        ("industry", "产业帮扶", "industry"),
        ("employment", "就业帮扶", "employment"),
        ("welfare_post", "公益岗位", "public-welfare post"),
        ("microcredit", "小额信贷", "microcredit"),
        ("education", "教育帮扶（雨露计划）", "education aid (Yulu plan)"),
        ("medical", "健康帮扶", "medical aid"),
        ("social_security", "综合保障（低保、特困）", "social-security safety net"),
        ("housing", "住房安全保障", "housing safety"),
        ("water", "饮水安全保障", "drinking water"),
        ("relocation", "搬迁后续扶持", "relocation follow-up"),
    ],
    verified=False,
    source="policy_reference.md §4.2, §4.4 (names only)",
    note="working list, not the national system's own code table: keep editable",
)

CODE_TABLES: dict[str, CodeTable] = {
    t.name: t
    for t in (ATTRIBUTE, POVERTY_CAUSE, MONITORING_TYPE, DISCOVERY, RISK_STATUS, RELOCATION)
}
CODE_TABLES["measure"] = MEASURE

# the six needs checked each year: 两不愁 (food, clothing), 三保障, drinking water
NEEDS: tuple[tuple[str, str, str], ...] = (
    ("food", "不愁吃", "food"),
    ("clothing", "不愁穿", "clothing"),
    ("education", "义务教育有保障", "compulsory education"),
    ("medical", "基本医疗有保障", "basic medical care"),
    ("housing", "住房安全有保障", "safe housing"),
    ("water", "饮水安全有保障", "safe drinking water"),
)
INCOME_PARTS: tuple[tuple[str, str, str], ...] = (
    ("wage", "工资性收入", "wage income"),
    ("production", "生产经营性收入", "production income (net)"),
    ("property", "财产性收入", "property income"),
    ("transfer", "转移性收入", "transfer income"),
)


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # numpy dtype in memory
    zh: str
    en: str
    unit: str = ""
    codes: str = ""  # name of a code table
    per_year: bool = False


STATIC_COLUMNS: tuple[Column, ...] = (
    Column("household_id", f"S{ID_WIDTH}", "户编号", "household number (ledger)"),
    Column("village", "int64", "所属村代码", "village code (12 digits)"),
    Column("size", "int8", "家庭人口数", "household size", "persons"),
    Column("labour", "int8", "劳动力人数", "labour count", "persons"),
    Column("no_labour", "bool", "无劳动能力", "no labour capacity"),
    Column("attribute", "int8", "贫困户属性", "attribute", codes="attribute"),
    Column("cause_main", "int8", "主要致贫原因", "main poverty cause", codes="poverty_cause"),
    # bit k set: cause code k is among the other causes
    Column("cause_other", "uint16", "其他致贫原因", "other poverty causes (bits)"),
    Column("registered_year", "int16", "建档立卡年度", "registered year (0: never)"),
    Column("exit_year", "int16", "脱贫年度", "exit year (0: none)"),
    Column("reloc_kind", "int8", "搬迁安置方式", "relocation", codes="relocation"),
    Column("reloc_site", "int16", "安置点", "relocation site (index into meta sites)"),
    Column("reloc_year", "int16", "搬迁年度", "relocation year (0: none)"),
    Column("mon_type", "int8", "监测对象类别", "monitoring type", codes="monitoring_type"),
    Column("discovery", "int8", "发现方式", "discovery route", codes="discovery"),
    Column("identified", "datetime64[D]", "识别日期", "identified on"),
    Column("risk_status", "int8", "风险状态", "risk status", codes="risk_status"),
    Column("status_date", "datetime64[D]", "状态日期", "risk status since"),
)

YEAR_COLUMNS: tuple[Column, ...] = (
    Column("income", "float64", "人均纯收入", "net income per person", "yuan", per_year=True),
    *(Column(k, "float64", zh, en, "yuan", per_year=True) for k, zh, en in INCOME_PARTS),
    Column("rigid", "float64", "刚性支出", "large rigid expenditure", "yuan", per_year=True),
    *(Column(k, "int8", zh, en, per_year=True) for k, zh, en in NEEDS),
    Column("employed", "int8", "务工就业人数", "persons employed (-1: unknown)", per_year=True),
)

# measures: per household a list of measure codes, kept as offsets + values
MEASURE_OFFSETS, MEASURE_VALUES = "measure_offsets", "measure_values"
MONEY = ("income", *(k for k, _, _ in INCOME_PARTS), "rigid")


_ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_ID_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)


ID_LENGTH = 18


def id_number_rows(ids: np.ndarray) -> np.ndarray:
    """Rows whose household number holds a person's resident ID number (GB 11643): a
    run of 17 digits and a check character ('0'-'9' or 'X') with no digit on either
    side, a birth date of 1900-2099 in it and a valid check digit; as the whole value
    or inside it (behind a prefix, before a trailing space). Such a value never enters
    a register. Vectorised over the fixed-width bytes: about 0.1 s at 1M households.

    Not counted as ID numbers: a wrong check digit and the old 15-digit form, since a
    ledger's own numbers are often a 12-digit village code and a sequence number,
    which can look like either; the check digit is what tells them apart."""
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    width = ids.dtype.itemsize
    if width < ID_LENGTH:
        return np.zeros(0, dtype=np.int64)
    raw = np.ascontiguousarray(ids).view(np.uint8).reshape(n, width)
    # longest run of digits per row, column by column: rows without a run of 17
    # (most household numbers) are done with after this
    by_column = np.ascontiguousarray(((raw - np.uint8(48)) <= 9).T).view(np.int8)
    run = np.zeros(n, dtype=np.int8)
    longest = np.zeros(n, dtype=np.int8)
    for j in range(width):
        run += 1
        run *= by_column[j]
        np.maximum(longest, run, out=longest)
    candidates = np.flatnonzero(longest >= ID_LENGTH - 1)
    if len(candidates) == 0:
        return np.zeros(0, dtype=np.int64)
    raw = raw[candidates]
    digit = (raw >= 48) & (raw <= 57)
    last_ok = digit | (raw == ord("X")) | (raw == ord("x"))
    values = raw.astype(np.int64) - 48
    found = np.zeros(len(candidates), dtype=bool)
    for start in range(width - ID_LENGTH + 1):
        end = start + ID_LENGTH
        ok = digit[:, start : end - 1].all(axis=1) & last_ok[:, end - 1]
        if start > 0:
            ok &= ~digit[:, start - 1]
        if end < width:
            ok &= ~digit[:, end]
        if not ok.any():
            continue
        d = values[:, start:end]
        year = d[:, 6] * 1000 + d[:, 7] * 100 + d[:, 8] * 10 + d[:, 9]
        month = d[:, 10] * 10 + d[:, 11]
        day = d[:, 12] * 10 + d[:, 13]
        ok &= (year >= 1900) & (year <= 2099) & (month >= 1) & (month <= 12)
        ok &= (day >= 1) & (day <= 31)
        check = raw[:, end - 1]
        check = np.where(check == ord("x"), ord("X"), check)
        ok &= check == _ID_CHECK[(d[:, :17] @ _ID_WEIGHTS) % 11]
        found |= ok
    return candidates[found].astype(np.int64)


def year_column(base: str, year: int) -> str:
    return f"{base}_{year}"


def columns_for(years: tuple[int, ...]) -> list[Column]:
    """Every household column of a register covering ``years``, in file order."""
    out = list(STATIC_COLUMNS)
    for year in years:
        for col in YEAR_COLUMNS:
            out.append(
                Column(year_column(col.name, year), col.dtype, col.zh, col.en, col.unit)
            )
    return out


def column_dtypes(years: tuple[int, ...]) -> dict[str, np.dtype]:
    return {c.name: np.dtype(c.dtype) for c in columns_for(years)}


def describe() -> list[dict[str, str]]:
    """The schema as rows (for documentation and ``--json``)."""
    rows = []
    for col in (*STATIC_COLUMNS, *YEAR_COLUMNS):
        name = f"{col.name}_<year>" if col.per_year else col.name
        rows.append({"column": name, "dtype": col.dtype, "zh": col.zh, "en": col.en,
                     "unit": col.unit, "codes": col.codes})
    rows.append({"column": "measures", "dtype": "list<int8>", "zh": "帮扶措施",
                 "en": "measures (offsets + values)", "unit": "", "codes": "measure"})
    return rows
