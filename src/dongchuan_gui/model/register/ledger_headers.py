"""Column names of the ledgers the national monitoring system exports, and labels of
their category cells (no Qt).

Header cells are compared after :func:`normalize`: NFKC (full-width letters and
brackets become ASCII), no spaces or line breaks, lower case, a year such as
"2024年" taken out (and kept as the column's year), bracketed notes such as "（元）"
or "(必填)" dropped. The English name of each field is the register's own column
name, so a file the workbench wrote can be read back.

Columns whose header names a person (姓名, 户主), an ID number, a phone or a bank
account are personal data: they are dropped before anything else is read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .schema import CODE_TABLES

# field -> header synonyms (normalised); the first group holds one value per household
FIELDS: dict[str, tuple[str, ...]] = {
    "household_id": ("户编号", "户编码", "户码", "户号", "家庭编号", "农户编号", "户代码"),
    "village": ("行政区划代码", "区划代码", "村代码", "村级代码", "所属村代码", "村编码",
                "行政村代码", "统计用区划代码", "村级区划代码"),
    "village_name": ("所属村", "村", "村名", "行政村", "村名称", "所在村", "村委会",
                     "村民委员会", "所属行政村"),
    "town_name": ("乡镇", "所属乡镇", "乡", "镇", "乡镇名称", "所在乡镇", "乡镇街道",
                  "所属乡镇街道"),
    "size": ("家庭人口数", "家庭人口", "人口数", "户人口数", "家庭成员数", "家庭人数",
             "家庭人口总数"),
    "labour": ("劳动力人数", "劳动力数", "劳动力", "家庭劳动力人数", "劳动力数量"),
    "no_labour": ("无劳动能力", "是否无劳动能力", "无劳动能力户", "是否无劳动能力户",
                  "无劳动力", "无劳动力户", "是否无劳动力户"),
    "attribute": ("贫困户属性", "户属性", "脱贫户属性", "农户属性", "贫困户类型"),
    "cause_main": ("主要致贫原因", "致贫原因", "主要致贫返贫原因"),
    "risk_type": ("风险类型", "主要风险类型", "返贫致贫风险", "致贫返贫风险", "风险类别",
                  "主要风险", "返贫致贫风险类型"),
    "cause_other": ("其他致贫原因", "次要致贫原因"),
    "registered_year": ("建档立卡年度", "建档立卡年份", "建档立卡时间", "纳入建档立卡年度"),
    "exit_year": ("脱贫年度", "脱贫年份", "脱贫时间", "标注脱贫年度"),
    "reloc_kind": ("搬迁安置方式", "安置方式", "搬迁方式", "易地搬迁安置方式", "搬迁安置类型"),
    "reloc_year": ("搬迁年度", "搬迁年份", "搬迁时间", "搬迁入住年度", "入住年度"),
    "mon_type": ("监测对象类别", "监测对象类型", "监测类型", "监测户类型", "监测对象"),
    "discovery": ("发现方式", "识别方式", "发现途径", "识别途径", "监测对象发现方式",
                  "纳入方式"),
    "identified": ("识别时间", "识别日期", "纳入监测时间", "纳入时间", "识别纳入时间",
                   "监测识别时间", "纳入监测日期"),
    "risk_status": ("风险是否消除", "风险状态", "风险消除情况", "是否风险消除",
                    "风险消除状态", "是否消除风险"),
    "status_date": ("消除时间", "风险消除时间", "风险消除日期", "消除日期"),
    "measures": ("帮扶措施", "落实帮扶措施", "帮扶措施类型", "已落实帮扶措施", "帮扶举措"),
    # one year's figures
    "income": ("人均纯收入", "家庭人均纯收入", "年人均纯收入", "人均年纯收入", "人均收入"),
    "income_household": ("家庭纯收入", "家庭年纯收入", "家庭总纯收入", "年纯收入"),
    "wage": ("工资性收入", "人均工资性收入", "家庭工资性收入", "工资性净收入"),
    "production": ("生产经营性收入", "经营性收入", "生产经营性净收入", "经营净收入",
                   "人均生产经营性收入", "家庭生产经营性收入"),
    "property": ("财产性收入", "人均财产性收入", "家庭财产性收入", "财产净收入"),
    "transfer": ("转移性收入", "人均转移性收入", "家庭转移性收入", "转移净收入"),
    "rigid": ("刚性支出", "大额刚性支出", "家庭刚性支出", "刚性支出金额", "年度刚性支出"),
    "food_clothing": ("不愁吃穿", "吃穿不愁", "两不愁", "不愁吃不愁穿"),
    "food": ("不愁吃",),
    "clothing": ("不愁穿",),
    "education": ("义务教育有保障", "义务教育保障", "义务教育", "教育保障"),
    "medical": ("基本医疗有保障", "基本医疗保障", "基本医疗", "医疗保障"),
    "housing": ("住房安全有保障", "住房安全保障", "住房安全", "住房保障"),
    "water": ("饮水安全有保障", "饮水安全保障", "饮水安全", "安全饮水"),
    "employed": ("务工人数", "务工就业人数", "就业人数", "外出务工人数", "务工就业"),
}
YEAR_FIELDS = ("income", "income_household", "wage", "production", "property", "transfer",
               "rigid", "food_clothing", "food", "clothing", "education", "medical",
               "housing", "water", "employed")
# a field the register has no column for: read only when the main field is absent
FALLBACK = {"risk_type": "cause_main", "income_household": "income"}
# fields that hold a place: a merged cell over several households is filled down
FILL_DOWN = ("village", "village_name", "town_name")

PERSONAL_KINDS = {
    "name": "a person's name",
    "id_number": "resident ID numbers",
    "phone": "phone numbers",
    "bank": "bank account numbers",
}
# header words that mark a personal column (found anywhere in the normalised header)
_PERSONAL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("id_number", ("身份证", "证件号", "公民身份号码", "身份号码", "idnumber", "idcard")),
    ("bank", ("银行", "账号", "帐号", "卡号", "开户", "bank", "account")),
    ("phone", ("电话", "手机", "联系方式", "phone", "mobile", "telephone")),
    ("name", ("姓名", "名字", "责任人", "联系人", "帮扶人", "帮扶干部", "签名", "签字",
              "householder", "name")),
)
_PERSONAL_EXACT = {"户主": "name", "户主名": "name", "id": "id_number", "tel": "phone"}

_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年度?|^((?:19|20)[0-9]{2})(?=[^0-9])")
_BRACKETS = re.compile(r"[(\[【<〈《][^)\]】>〉》]*[)\]】>〉》]")
_SPACE = re.compile(r"\s+")


def normalize(text: object) -> tuple[str, int | None]:
    """A header cell as compared, and the year it names (None if none)."""
    raw = unicodedata.normalize("NFKC", "" if text is None else str(text))
    raw = _SPACE.sub("", raw)
    year = None
    match = _YEAR.search(raw)
    if match is not None:
        year = int(match.group(1) or match.group(2))
        raw = raw[: match.start()] + raw[match.end():]
    raw = _BRACKETS.sub("", raw).strip("*:：#").lower()
    return raw, year


def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for fld, words in FIELDS.items():
        out[fld] = fld
        for word in words:
            out.setdefault(normalize(word)[0], fld)
    for fld in ("household_id", "village", "size", "labour", "no_labour", "attribute",
                "cause_main", "cause_other", "registered_year", "exit_year", "reloc_kind",
                "reloc_year", "mon_type", "discovery", "identified", "risk_status",
                "status_date"):
        out[fld] = fld
    return out


_FIELD_OF = _index()


def field_of(name: str) -> str | None:
    """The field a normalised header names, or None."""
    return _FIELD_OF.get(name)


def personal_kind(name: str) -> str | None:
    """'name', 'id_number', 'phone' or 'bank' when a normalised header names personal
    data; None otherwise. A field's own name is never personal (``village_name``)."""
    if name in _FIELD_OF:
        return None
    if name in _PERSONAL_EXACT:
        return _PERSONAL_EXACT[name]
    for kind, words in _PERSONAL_WORDS:
        if any(word in name for word in words):
            return kind
    return None


def score(row: Iterable[object]) -> int:
    """How much a row looks like a ledger's header: the fields and personal columns
    it names."""
    found: set[str] = set()
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            name, _ = normalize(cell)
            fld = field_of(name) or personal_kind(name)
            if fld:
                found.add(fld)
    return len(found)


def guess_mapping(
    header: list[str], year: int | None = None, skip: Iterable[int] = (),
    years: list[int | None] | None = None,
) -> dict[str, int]:
    """Field -> column index, from the header cells. A per-year field is taken only from
    a column naming ``year`` or no year (in its header or in ``years``, the year of the
    group above it); a fallback field only when its main field has no column. Columns
    in ``skip`` (personal data) are never taken."""
    skipped = set(skip)
    mapping: dict[str, int] = {}
    for i, cell in enumerate(header):
        if i in skipped:
            continue
        name, tagged = normalize(cell)
        if tagged is None and years is not None and i < len(years):
            tagged = years[i]
        fld = field_of(name)
        if fld is None or fld in mapping:
            continue
        if fld in YEAR_FIELDS and year is not None and tagged not in (None, year):
            continue
        mapping[fld] = i
    for fallback, main in FALLBACK.items():
        if main in mapping:
            mapping.pop(fallback, None)
    return mapping


# ----- category labels

_EXTRA_LABELS: dict[str, dict[str, str]] = {
    "attribute": {
        "一般贫困户": "ordinary", "一般脱贫户": "ordinary", "一般农户": "ordinary",
        "一般": "ordinary", "低保贫困户": "dibao", "低保脱贫户": "dibao",
        "农村低保户": "dibao", "低保": "dibao", "特困供养贫困户": "destitute",
        "特困供养": "destitute", "特困户": "destitute", "五保户": "destitute",
        "五保贫困户": "destitute", "分散供养特困户": "destitute",
        "特困供养脱贫户": "destitute",
    },
    "poverty_cause": {
        "缺劳动力": "labour", "交通落后": "transport", "发展动力不足": "motivation",
        "因病致贫": "illness", "因残致贫": "disability", "因学致贫": "education",
        "因灾致贫": "disaster", "因其他": "other",
        # risk types of the monitoring system (风险类型) without a cause of their own
        "因意外事故": "other", "因产业项目失败": "other", "因务工就业不稳": "other",
        "因缺劳动力": "labour", "因住房出现安全问题": "other", "因饮水安全问题": "other",
        "因义务教育阶段适龄儿童少年失学辍学": "education", "因病返贫": "illness",
        "因残返贫": "disability",
    },
    "monitoring_type": {
        "脱贫不稳定": "unstable", "不稳定户": "unstable", "边缘易致贫": "marginal",
        "边缘户": "marginal", "突发严重困难": "sudden", "严重困难户": "sudden",
        "否": "none", "非监测户": "none",
    },
    "discovery": {
        "自主申报": "self", "农户申报": "self", "个人申报": "self",
        "干部排查": "cadre", "入户排查": "cadre", "日常排查": "cadre",
        "集中排查": "cadre", "部门预警": "department", "部门筛查": "department",
        "部门推送": "department", "行业部门预警": "department",
        "部门信息比对": "department",
    },
    "risk_status": {
        "是": "eliminated", "已消除": "eliminated", "否": "monitoring",
        "未消除": "monitoring", "自然消除": "natural",
    },
    "relocation": {
        "否": "none", "城镇集中安置": "urban", "县城安置": "urban", "集镇安置": "urban",
        "城镇": "urban", "农村集中安置": "rural", "中心村安置": "rural",
        "分散安置": "rural", "插花安置": "rural", "农村": "rural",
    },
    "measure": {
        "产业扶持": "industry", "产业": "industry", "就业": "employment",
        "务工就业": "employment", "公益性岗位": "welfare_post", "教育帮扶": "education",
        "雨露计划": "education", "医疗保障": "medical", "医疗救助": "medical",
        "综合保障": "social_security", "低保": "social_security",
        "特困供养": "social_security", "兜底保障": "social_security",
        "危房改造": "housing", "易地搬迁后续扶持": "relocation",
    },
}
# tables where an empty cell means the first code (not recorded, none)
LABEL_SPLIT = re.compile(r"[、,;；/|\n]+")


def label_index(table_name: str) -> dict[str, int]:
    """Normalised label (Chinese, English, key) -> code of one code table."""
    table = CODE_TABLES[table_name]
    out: dict[str, int] = {}
    for code in table.codes:
        for text in (code.zh, code.en, code.key):
            out.setdefault(label_key(text), code.value)
    for text, key in _EXTRA_LABELS.get(table_name, {}).items():
        out.setdefault(label_key(text), table.value_of(key))
    return out


def drop_brackets(text: str) -> str:
    """``text`` without bracketed notes: 综合保障（低保、特困） -> 综合保障."""
    return _BRACKETS.sub("", unicodedata.normalize("NFKC", text))


def label_key(text: object) -> str:
    """A category cell as compared: NFKC, no spaces or brackets, lower case."""
    raw = unicodedata.normalize("NFKC", str(text))
    return _BRACKETS.sub("", _SPACE.sub("", raw)).lower()


def examples(table_name: str) -> str:
    """The labels a code table expects, for messages."""
    table = CODE_TABLES[table_name]
    return ", ".join(c.zh for c in table.codes[1:]) if table_name != "measure" else ", ".join(
        c.zh for c in table.codes[1:4]) + " …"
