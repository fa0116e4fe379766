"""Build seeds/dongchuan.json from the sourced facts (run by hand; the output is committed).

    python tools/build_seed.py [--divisions ../shared/source/divisions.csv] [-o OUT]

Every figure here is taken from a source named beside it (see ../shared/source/
dongchuan_facts.md for the full citations). Nothing is interpolated. Where a value is
worked out from the text (a year from "his fifth year"), ``derived`` says how. Where
sources disagree, both values are kept and flagged with ``doubt``. Village English
names and pinyin are a machine conversion (pypinyin) unless a source spells them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import msgspec
from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dongchuan_gui.model.fileformat import dumps  # noqa: E402
from dongchuan_gui.model.records import (  # noqa: E402
    SCHEMA_VERSION,
    DatasetFile,
    DatasetMeta,
    Event,
    Indicator,
    Location,
    Observation,
    Place,
    Program,
    ReferenceLine,
    Source,
    Story,
    ValidationRule,
)
from dongchuan_gui.model.register.rules import DEFAULT_RULE_SET, load_rules  # noqa: E402

ART = "article"  # the China Today article, shared/source/article.txt


def para(n: int, section: str = "") -> str:
    """Locator in the article: paragraphs counted from 1, headings not counted."""
    return f"para. {n}" + (f" ({section})" if section else "")


SOURCES = [
    Source(
        id=ART,
        kind="article",
        reliability="secondary",
        title="How Dongchuan in Yunnan shook off poverty (China Today)",
        publisher="China Today; republished by china.org.cn",
        published="2020-04-03",
        url="http://china.org.cn/china/2020-04/03/content_76355802.htm",
        note="The founding text of this dataset. Paragraphs are counted from 1, "
        "section headings not counted.",
    ),
    Source(
        id="nbs-2023-codes",
        kind="dataset",
        reliability="official",
        title="NBS statistical division codes 2023 (统计用区划代码), town level",
        publisher="National Bureau of Statistics, via GitHub modood/"
        "Administrative-divisions-of-China @57a0aa9 (dist/streets.csv)",
        published="2023-09-11",
        url="https://github.com/modood/Administrative-divisions-of-China",
        note="Cut-off date 2023-06-30.",
    ),
    Source(
        id="nbs-2016-codes",
        kind="dataset",
        reliability="official",
        title="NBS statistical division codes 2016, district 530113, with map points",
        publisher="National Bureau of Statistics, via GitHub Vonng/adcode @b755d6e "
        "(data/adcode/530113.csv)",
        published="2016-07-31",
        url="https://github.com/Vonng/adcode",
        note="2016 vintage (cut-off 2016-07-31): before Bigu Subdistrict was created "
        "in 2020, so some units listed under Tongdu may belong to Bigu now. Map "
        "points come from Amap and use the GCJ-02 datum.",
    ),
    Source(
        id="zhwp",
        kind="encyclopedia",
        reliability="secondary",
        title="东川区 (Chinese Wikipedia)",
        url="https://zh.wikipedia.org/wiki/东川区",
    ),
    Source(
        id="enwp",
        kind="encyclopedia",
        reliability="secondary",
        title="Dongchuan District (English Wikipedia)",
        url="https://en.wikipedia.org/wiki/Dongchuan,_Kunming",
    ),
    Source(
        id="xzqh",
        kind="encyclopedia",
        reliability="secondary",
        title="东川区 district page, xzqh.org (行政区划网)",
        url="http://xzqh.org/show/china/53/530113.html",
        note="Cites the third national land survey and end-2023 figures.",
    ),
    Source(
        id="xinhua-relocation-2020",
        kind="news",
        reliability="mirror",
        title="3万人大搬迁——泥石流上的扶贫奇迹 (Xinhua, 庞明广)",
        publisher="Xinhua; read on a mirror",
        published="2020-04-02",
        url="http://m.wjbbs.cn/politics/2020-04/02/c_1125805642.htm",
    ),
    Source(
        id="hu-interview-2019",
        kind="news",
        reliability="unverified",
        title="Interview with Hu Jianghui (胡江辉), district Party secretary",
        publisher="Agronet copy on a mirror site",
        published="2019",
        url="http://diemalco.com/News/1275263.html",
        note="Given early in 2019; read only on a mirror, so its figures are flagged.",
    ),
    Source(
        id="cnr-exit-2019",
        kind="news",
        reliability="mirror",
        title="Yunnan announces 33 counties meet the exit criteria for 2018 (CNR)",
        publisher="China National Radio (央广网); read on a mirror",
        published="2019-04-30",
        url="https://feifmx.com/domesticgd/10000159/20190430/35801408.html",
    ),
    Source(
        id="twwiki",
        kind="encyclopedia",
        reliability="mirror",
        title="东川区 (Baidu-Baike-style mirror)",
        url="https://twwiki.net/wiki/320mxn968xl752y.html",
    ),
    Source(
        id="kunming-daily-2019-05",
        kind="news",
        reliability="mirror",
        title="Putuo District delegation visits Dongchuan (Kunming Daily)",
        publisher="Kunming Daily via 昆明信息港; read on a mirror",
        published="2019-05-31",
        url="http://www.ksrykj.com/news/c/2019-05-31/12655483.shtml",
    ),
    Source(
        id="xinhua-putuo-2020",
        kind="news",
        reliability="mirror",
        title="Shanghai Putuo's east-west cooperation with three Kunming counties (Xinhua)",
        publisher="Xinhua; read on a mirror",
        published="2020-07",
        url="http://tech.jiangsulong.com/a/2020/0707/0FG3150362020_2.html",
    ),
    Source(
        id="yndtjj-2022",
        kind="news",
        reliability="mirror",
        title="Winter peaches of Yantou Village, Awang Town",
        published="2022-09-21",
        url="http://yndtjj.com/caijing/20220921/2126915.html",
    ),
    Source(
        id="fx361-2021",
        kind="news",
        reliability="secondary",
        title="Profile of Zhang Shundong and Li Guoxiu, Pingzi Village",
        publisher="fx361.cc",
        published="2021-04-25",
        url="https://www.fx361.cc/page/2021/0425/8211153.shtml",
    ),
    Source(
        id="awang-baike",
        kind="encyclopedia",
        reliability="mirror",
        title="阿旺镇 (Baike mirror, data as of June 2020)",
        url="http://weilinceramic.com/weilinceramic/阿旺镇/0",
    ),
    Source(
        id="wulong-wiki",
        kind="encyclopedia",
        reliability="mirror",
        title="烏龍鎮 (jendow wiki mirror, data as of early 2008)",
        url="https://jendow.com.tw/wiki/烏龍鎮",
    ),
    Source(
        id="hongtudi-7s",
        kind="encyclopedia",
        reliability="mirror",
        title="红土地镇 town profile (data as of end-2007)",
        url="http://7s.com.cn/gongshangzhuce/show-94.html",
    ),
    Source(
        id="jjckb-2009",
        kind="news",
        reliability="primary",
        title="Second batch of resource-exhausted cities announced (经济参考报)",
        publisher="Xinhua / 经济参考报",
        published="2009-03-06",
        url="http://jjckb.xinhuanet.com/whsh/2009-03/06/content_147266.htm",
    ),
    Source(
        id="smm-mining-2018",
        kind="news",
        reliability="secondary",
        title="Copper smelters and mines in Yunnan little affected by environmental review",
        publisher="SMM via Canadian Mining Report",
        published="2018",
        url="https://news.canadianminingreport.com/news/"
        "copper-smelters-mines-in-yunnan-little-affected-by-environmental-review",
    ),
    Source(
        id="scio-whitepaper-2021",
        kind="policy",
        reliability="official",
        title="Poverty Alleviation: China's Experience and Contribution (white paper)",
        publisher="State Council Information Office",
        published="2021-04-06",
        url="http://english.scio.gov.cn/whitepapers/2021-04/06/content_77380652_9.htm",
    ),
    Source(
        id="nbs-line-2015",
        kind="statistics",
        reliability="mirror",
        title="NBS: the rural poverty line at current prices was 2,800 yuan in 2014",
        publisher="NBS via Xinhua; read on a mirror",
        published="2015-10-16",
        url="http://hanxinmy.cn/news/content/2015-10/17/content_2674687.htm",
    ),
    Source(
        id="video-line-2019",
        kind="news",
        reliability="unverified",
        title="Video description citing NBS: 2019 poverty line 3,218 yuan",
        url="https://myvideo.cc/movies/Q3ZPcThNRFJKaVhBQ2czc2VlL2NTblR6YmtIKzBGdHFSOWNJc2JQYTAwVT0",
        note="A weak source; the figure is kept only as an unverified reference line.",
    ),
    Source(
        id="scmp-2020",
        kind="news",
        reliability="secondary",
        title="China closing in on declaring victory over poverty (SCMP)",
        publisher="South China Morning Post",
        published="2020",
        url="https://www.scmp.com/economy/china-economy/article/3111430/"
        "china-closing-declaring-initial-victory-beating-poverty",
    ),
    Source(
        id="exit-opinion-2016",
        kind="policy",
        reliability="secondary",
        title="Opinion on establishing a poverty-exit mechanism (贫困退出机制), 2016",
        publisher="CPC General Office and State Council General Office; full text "
        "quoted on a Q&A site",
        published="2016",
        url="http://99.wendadaohang.com/zd/WjtWWWvtjttv7WXOzOt.html",
    ),
    Source(
        id="monitoring-2021",
        kind="policy",
        reliability="secondary",
        title="County plans for return-to-poverty monitoring, 2021 (Shaanxi examples)",
        publisher="county governments (lanwact.com, zazf.gov.cn)",
        published="2021",
    ),
    Source(
        id="yunnan-monitoring-2025",
        kind="policy",
        reliability="secondary",
        title="云农办通〔2025〕1号: Yunnan monitoring line for 2025",
        publisher="Yunnan; quoted in a Fengwei Town notice (qrrfcrh.cn)",
        published="2025",
    ),
    Source(
        id="yunnan-monitoring-2024",
        kind="news",
        reliability="secondary",
        title="Yunnan monitoring line for 2024",
        publisher="wxredian.com",
        published="2024",
    ),
]

# (id, zh, en as in English Wikipedia, level, lat, lon) -- points: nbs-2016-codes, GCJ-02
TOWNS = [
    ("530113001000", "铜都街道", "Tongdu Subdistrict", "subdistrict", None, None),
    ("530113002000", "碧谷街道", "Bigu Subdistrict", "subdistrict", None, None),
    ("530113102000", "汤丹镇", "Tangdan Town", "town", 26.177783, 103.066855),
    ("530113103000", "因民镇", "Yinmin Town", "town", 26.327923, 102.924193),
    ("530113104000", "阿旺镇", "Awang Town", "town", 25.916335, 103.253849),
    ("530113105000", "乌龙镇", "Wulong Town", "town", 26.022585, 103.097649),
    ("530113106000", "红土地镇", "Hongtudi Town", "town", 26.024765, 103.017471),
    ("530113107000", "拖布卡镇", "Tuobuka Town", "town", 26.371358, 103.044116),
    ("530113201000", "舍块乡", "Shekuai Township", "township", 26.238982, 102.829830),
]
VILLAGE_POINTS = {  # nbs-2016-codes (Amap, GCJ-02)
    "530113104216": (25.86665, 103.277147),
    "530113104213": (25.943092, 103.250316),
    "530113104001": (25.916645, 103.25315),
    "530113001206": (26.063936, 103.158644),
    "530113001208": (26.036876, 103.12966),
}
ARTICLE_VILLAGE_NAMES = {
    "530113105209": ("Pingzi Village", 7),
    "530113104216": ("Yantou Village", 10),
}
DISTRICT = "530113000000"
PINGZI, YANTOU, DASHITOU = "530113105209", "530113104216", "530113104213"
YINMIN, AWANG, WULONG, HONGTUDI, SHEKUAI = (
    "530113103000",
    "530113104000",
    "530113105000",
    "530113106000",
    "530113201000",
)
YINMIN_SITE = "yinmin-resettlement"


def gcj(lat: float, lon: float, locator: str = "row of the unit") -> Location:
    return Location(lat=lat, lon=lon, datum="GCJ-02", source="nbs-2016-codes", locator=locator)


# Place names whose machine pinyin is wrong, each with the reason. pypinyin reads a
# polyphonic character by its commonest sense; in these names another reading holds.
PINYIN_OVERRIDES: dict[str, tuple[str, str]] = {
    "长岭子": ("Changlingzi", "长 is cháng (long) in a place name, not zhǎng (grow)"),
    "格勒": ("Gele", "勒 is lè in place names (as in 格勒), not lēi (tighten)"),
}


def place_pinyin(base: str) -> str:
    """Toneless pinyin of a place name: an override where one is set, else pypinyin with
    its 'v' written as 'ü' (绿 Lǜ → Lü, not Lv)."""
    if base in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[base][0]
    syllables = [s.replace("v", "ü") for s in lazy_pinyin(base)]
    return "".join(syllables).capitalize()


def village_names(name_zh_official: str) -> tuple[str, str, str]:
    """Short Chinese name, machine pinyin, English name from an NBS committee name."""
    for suffix, short_suffix, english in (
        ("社区居委会", "社区", "Community"),
        ("村委会", "村", "Village"),
    ):
        if name_zh_official.endswith(suffix):
            base = name_zh_official[: -len(suffix)]
            pinyin = place_pinyin(base)
            return base + short_suffix, pinyin, f"{pinyin} {english}"
    raise ValueError(f"unexpected village-level name {name_zh_official}")


def build_places(divisions: Path) -> list[Place]:
    places = [
        Place(
            id=DISTRICT,
            level="district",
            name_zh="东川区",
            name_en="Dongchuan District",
            pinyin="Dōngchuān Qū",
            name_note="Pinyin with tones as given by xzqh.org.",
            code=DISTRICT,
            code_vintage="NBS 2023",
            source="nbs-2023-codes",
            locator="dist/areas.csv, code 530113000000",
            location=gcj(26.082873, 103.187824, "district row (centre)"),
            note="Parent: Kunming City (530100000000), Yunnan Province.",
        )
    ]
    for code, zh, en, level, lat, lon in TOWNS:
        note = ""
        if code == "530113002000":
            note = "First listed by NBS in 2020 (cut-off 2020-06-30); no map point found."
        elif code == "530113001000":
            note = "The district seat; no map point of its own in the sources."
        elif code == SHEKUAI:
            note = (
                "English Wikipedia calls it 'Shekuai Village', but it is a township (乡). "
                "An unconfirmed 2025 list has no Shekuai Township; kept until an official "
                "source confirms a change."
            )
        elif code == HONGTUDI:
            note = "Formed in November 2005 from Fazhe and Xintian townships (hongtudi-7s)."
        places.append(
            Place(
                id=code,
                level=level,
                name_zh=zh,
                name_en=en,
                pinyin=en.split()[0],
                name_note="English name as written by English Wikipedia (toneless).",
                code=code,
                code_vintage="NBS 2023",
                parent=DISTRICT,
                source="nbs-2023-codes",
                locator=f"dist/streets.csv, code {code}",
                location=gcj(lat, lon, "town row") if lat is not None else None,
                note=note,
            )
        )
    with divisions.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] not in ("village", "community"):
                continue
            code = row["code"]
            short, pinyin, english = village_names(row["name_zh"])
            name_note = (
                "English name and pinyin are a machine conversion (pypinyin, "
                "toneless), not taken from a source."
            )
            if code in ARTICLE_VILLAGE_NAMES:
                english, n = ARTICLE_VILLAGE_NAMES[code]
                name_note = f"English name as written in the article, para. {n}."
            point = VILLAGE_POINTS.get(code)
            note = f"Official NBS 2016 name: {row['name_zh']}."
            if row["parent_code"] == "530113001000":
                note += " Listed under Tongdu in 2016; may belong to Bigu Subdistrict now."
            places.append(
                Place(
                    id=code,
                    level=row["level"],
                    name_zh=short,
                    name_en=english,
                    pinyin=pinyin,
                    name_note=name_note,
                    code=code,
                    code_vintage="NBS 2016",
                    parent=row["parent_code"],
                    source="nbs-2016-codes",
                    locator=f"code {code}",
                    location=gcj(*point, "village-committee row") if point else None,
                    note=note,
                )
            )
    places.append(
        Place(
            id=YINMIN_SITE,
            level="resettlement_site",
            name_zh="因民镇易地扶贫搬迁安置社区",
            name_en="Yinmin Town resettlement community",
            parent=YINMIN,
            source=ART,
            locator=para(3, "Tailored Measures"),
            name_note="The sources do not give this community's name; the name here describes it.",
            note="High-rise blocks built in a mountain valley; a school bus serves its pupils.",
        )
    )
    return places


INDICATORS = [
    Indicator(
        id="poverty-incidence",
        name_zh="贫困发生率",
        name_en="Poverty incidence",
        unit="%",
        direction="decrease",
        definition="Registered poor people as a share of the rural population.",
    ),
    Indicator(
        id="people-lifted",
        name_zh="累计脱贫人口",
        name_en="People lifted out of poverty",
        unit="people",
        direction="increase",
        cumulative=True,
    ),
    Indicator(
        id="relocated-people",
        name_zh="易地搬迁人口",
        name_en="People relocated",
        unit="people",
        direction="increase",
        cumulative=True,
    ),
    Indicator(
        id="relocated-households",
        name_zh="易地搬迁户数",
        name_en="Households relocated",
        unit="households",
        direction="increase",
        cumulative=True,
    ),
    Indicator(
        id="resettled-in-towns",
        name_zh="城镇化安置比例",
        name_en="Share of relocated people resettled in towns",
        unit="%",
        direction="increase",
    ),
    Indicator(
        id="eco-comp-beneficiaries",
        name_zh="生态补偿受益贫困人口",
        name_en="Poor people benefiting from ecological compensation",
        unit="people",
        direction="increase",
        cumulative=True,
    ),
    Indicator(
        id="jobs-created",
        name_zh="农村富余劳动力就业岗位",
        name_en="Jobs for rural surplus labour",
        unit="jobs",
        direction="increase",
        cumulative=True,
    ),
    Indicator(
        id="public-service-posts",
        name_zh="乡村公益性岗位",
        name_en="Rural public-service posts",
        unit="posts",
        direction="increase",
        cumulative=True,
        part_of="jobs-created",
        definition="A subset of the jobs created for rural surplus labour.",
    ),
    Indicator(
        id="households-helped",
        name_zh="帮扶贫困户数",
        name_en="Poor households the project helps",
        unit="households",
        direction="increase",
    ),
    Indicator(
        id="coop-funds",
        name_zh="东西部协作资金",
        name_en="East-west cooperation funds",
        unit="million yuan",
        direction="increase",
        definition="Funds spent in the year in Dongchuan.",
    ),
    Indicator(
        id="coop-projects",
        name_zh="东西部协作项目",
        name_en="East-west cooperation projects",
        unit="projects",
        direction="increase",
    ),
    Indicator(
        id="donations",
        name_zh="社会捐赠",
        name_en="Donations",
        unit="million yuan",
        direction="increase",
    ),
    Indicator(
        id="orchard-area",
        name_zh="冬桃种植面积",
        name_en="Winter-peach orchard area",
        unit="ha",
        direction="increase",
    ),
    Indicator(id="elevation", name_zh="海拔", name_en="Elevation", unit="m"),
    Indicator(
        id="population-census", name_zh="普查人口", name_en="Census population", unit="people"
    ),
    Indicator(
        id="population-registered",
        name_zh="户籍人口",
        name_en="Household-registered population",
        unit="people",
    ),
    Indicator(
        id="population-resident", name_zh="常住人口", name_en="Resident population", unit="people"
    ),
    Indicator(
        id="urbanisation-rate",
        name_zh="城镇化率",
        name_en="Urbanisation rate",
        unit="%",
        direction="increase",
    ),
    Indicator(id="area", name_zh="面积", name_en="Area", unit="km²"),
    Indicator(
        id="village-level-units",
        name_zh="村级单位数",
        name_en="Village-level units (villages and communities)",
        unit="units",
    ),
    Indicator(
        id="mountain-share",
        name_zh="山区面积占比",
        name_en="Share of area that is mountain",
        unit="%",
    ),
]

PROGRAMS = [
    Program(
        id="relocation",
        category="relocation",
        name_zh="易地扶贫搬迁",
        name_en="Relocation out of unsafe villages",
        summary_en="People were moved out of villages exposed to landslides and "
        "debris flows, mostly into towns. The district paired new housing "
        "with jobs, skills training, schooling, health care and social "
        "security, so that moving house also meant a livelihood.",
        summary_zh="把受地质灾害威胁的村民搬出大山，多数安置到城镇；搬迁与就业、技能培训、"
        "教育、医疗和社会保障一起推进，做到搬得出、稳得住、能致富。",
        places=[DISTRICT, YINMIN, YINMIN_SITE, SHEKUAI],
        source=ART,
        locator=para(3, "Tailored Measures") + "; " + para(4),
        note="Shekuai: more than 2,000 poor households moved to the city by end-2018 "
        "(xinhua-relocation-2020).",
    ),
    Program(
        id="industry",
        category="industry",
        name_zh="产业扶贫",
        name_en="Industry development for registered poor households",
        summary_en="Registered poor households able to work join local industry "
        "projects to raise their income, with equal weight on local growth "
        "and protecting the environment.",
        summary_zh="有劳动能力的建档立卡贫困户参与产业项目增收，扶贫、发展与生态保护并重。",
        places=[DISTRICT],
        source=ART,
        locator=para(5, "Tailored Measures"),
    ),
    Program(
        id="eco-compensation",
        category="ecological_compensation",
        name_zh="生态补偿脱贫",
        name_en="Ecological compensation",
        summary_en="Compensation funds for protecting the environment paid to poor "
        "people, for example as forest rangers.",
        summary_zh="通过生态补偿资金让贫困人口受益。",
        places=[DISTRICT],
        source=ART,
        locator=para(5, "Tailored Measures"),
    ),
    Program(
        id="employment",
        category="employment",
        name_zh="就业扶贫",
        name_en="Jobs for rural surplus labour",
        summary_en="Work found or created for villagers with spare labour, including "
        "public-service posts in the countryside.",
        summary_zh="为农村富余劳动力提供就业岗位，其中包括乡村公益性岗位。",
        places=[DISTRICT],
        source=ART,
        locator=para(5, "Tailored Measures"),
    ),
    Program(
        id="returnees",
        category="returnee_entrepreneurship",
        name_zh="返乡创业",
        name_en="Returnee entrepreneurs",
        summary_en="Migrant workers are encouraged to come home and start businesses "
        "that lead their villages, such as Yantou's winter-peach orchard run "
        "through a village Party branch, cooperatives, a planting base and "
        "farmers.",
        summary_zh="引导外出务工人员返乡创业，带动乡村发展，如岩头村的冬桃产业。",
        places=[DISTRICT, AWANG, YANTOU],
        source=ART,
        locator=para(9, "Entrepreneurial talents") + "; " + para(10),
    ),
    Program(
        id="yi-tourism",
        category="tourism",
        name_zh="彝族风情旅游项目",
        name_en="Yi-style tourism project",
        summary_en="A large tourism project in Yi style opened by returnees Ma Ka and "
        "Shao Tianwen, meant to lift poor households through tourism income.",
        summary_zh="返乡人员Ma Ka与Shao Tianwen开办的大型彝族风情旅游项目，带动贫困户增收。",
        places=[DISTRICT],
        partners=["Ma Ka", "Shao Tianwen"],
        start="2018-01",
        source=ART,
        locator=para(11, "Entrepreneurial talents"),
        note="The article does not say where in the district the project is.",
    ),
    Program(
        id="putuo-cooperation",
        category="east_west_cooperation",
        name_zh="沪滇协作（普陀—东川）",
        name_en="East-west cooperation with Putuo District, Shanghai",
        summary_en="Shanghai's Putuo District brings money, technical help and new "
        "ideas about farming at scale. Shanghai has paired with Yunnan since "
        "1996; Putuo's Kunming partners are Dongchuan, Xundian and Luquan.",
        summary_zh="上海市普陀区对口帮扶东川，带来资金、技术和产业化、规模化发展理念。",
        places=[DISTRICT, AWANG, DASHITOU, YANTOU],
        partners=["Putuo District, Shanghai"],
        funders=["Putuo District government", "Shanghai businesses and citizens"],
        source=ART,
        locator=para(12, "Cooperation") + "; " + para(13),
        note="Start year of the Putuo-Dongchuan pairing not found (xinhua-putuo-2020).",
    ),
]


def obs(
    oid,
    indicator,
    value,
    source,
    locator,
    *,
    place=DISTRICT,
    program=None,
    period=None,
    status="reported",
    doubt=False,
    derived="",
    comment="",
):
    return Observation(
        id=oid,
        indicator=indicator,
        value=value,
        source=source,
        locator=locator,
        place=place,
        program=program,
        period=period,
        status=status,
        doubt=doubt,
        derived=derived,
        comment=comment,
    )


OBSERVATIONS = [
    obs(
        "incidence-2013",
        "poverty-incidence",
        52.88,
        ART,
        para(1),
        period="2013",
        status="baseline",
        comment="Xinhua (xinhua-relocation-2020) gives the same 52.88 % without a year.",
    ),
    obs(
        "incidence-2018-hu",
        "poverty-incidence",
        1.09,
        "hu-interview-2019",
        "figures for end-2018",
        period="2018",
        doubt=True,
        comment="Read only on a mirror of the interview; not verified.",
    ),
    obs(
        "incidence-2019",
        "poverty-incidence",
        0,
        ART,
        para(1),
        period="2019",
        doubt=True,
        comment="The article says 'zero'. Officially a western county exits below 3 %, "
        "so zero is a journalistic round figure.",
    ),
    obs(
        "lifted-2018-hu",
        "people-lifted",
        102508,
        "hu-interview-2019",
        "figures for end-2018",
        period="2018",
        doubt=True,
        comment="Cumulative; read only on a mirror of the interview; not verified.",
    ),
    obs(
        "relocated-people-article",
        "relocated-people",
        32227,
        ART,
        para(4),
        program="relocation",
        comment="The article gives no year.",
    ),
    obs(
        "relocated-households-article",
        "relocated-households",
        8754,
        ART,
        para(4),
        program="relocation",
        comment="The article gives no year.",
    ),
    obs(
        "relocated-people-2018",
        "relocated-people",
        32227,
        "hu-interview-2019",
        "relocation completed in 2018",
        program="relocation",
        period="2018",
    ),
    obs(
        "relocated-households-2018",
        "relocated-households",
        8754,
        "hu-interview-2019",
        "relocation completed in 2018",
        program="relocation",
        period="2018",
    ),
    obs(
        "resettled-in-towns",
        "resettled-in-towns",
        95.67,
        ART,
        para(4),
        program="relocation",
        comment="The article gives no year.",
    ),
    obs(
        "eco-beneficiaries",
        "eco-comp-beneficiaries",
        88057,
        ART,
        para(5),
        program="eco-compensation",
        comment="The article gives no year.",
    ),
    obs(
        "jobs-created",
        "jobs-created",
        66395,
        ART,
        para(5),
        program="employment",
        comment="The article gives no year.",
    ),
    obs(
        "public-service-posts",
        "public-service-posts",
        5000,
        ART,
        para(5),
        program="employment",
        comment="Included in the 66,395 jobs.",
    ),
    obs(
        "tourism-households",
        "households-helped",
        261,
        ART,
        para(11),
        program="yi-tourism",
        period="2018-01",
        status="target",
        comment="The households the project set out to help when it opened in January "
        "2018; the article does not say how many had been helped by 2020.",
    ),
    obs(
        "coop-funds-2019",
        "coop-funds",
        50.4,
        ART,
        para(12),
        program="putuo-cooperation",
        period="2019",
        comment="RMB 50.4 million used in the district in 2019.",
    ),
    obs(
        "coop-projects-2019",
        "coop-projects",
        13,
        ART,
        para(12),
        program="putuo-cooperation",
        period="2019",
        comment="Infrastructure work had started on all of them.",
    ),
    obs(
        "donations-shanghai",
        "donations",
        10,
        ART,
        para(12),
        program="putuo-cooperation",
        status="estimate",
        comment="'About RMB 10 million' donated from Shanghai in all, up to the "
        "article's time; no year given.",
    ),
    obs(
        "donations-putuo-2019-05",
        "donations",
        1.9,
        "kunming-daily-2019-05",
        "visit of May 2019",
        program="putuo-cooperation",
        place=DISTRICT,
        period="2019-05",
        comment="Donated by the Putuo government, its trade-union federation and others "
        "during the visit; fields: farming, solar power, education, health.",
    ),
    obs(
        "yantou-orchard-article",
        "orchard-area",
        53,
        ART,
        para(10),
        place=YANTOU,
        program="returnees",
        doubt=True,
        comment="53 hectares in the article (no year); a 2022 report says about 1,000 mu.",
    ),
    obs(
        "yantou-orchard-2022",
        "orchard-area",
        66.7,
        "yndtjj-2022",
        "headline and first paragraph",
        place=YANTOU,
        program="returnees",
        period="2022",
        status="estimate",
        doubt=True,
        derived="'千亩' (about 1,000 mu) converted at 15 mu = 1 ha, rounded to 0.1 ha.",
        comment="Conflicts with the article's 53 ha (other year, rounding).",
    ),
    obs(
        "yantou-elevation",
        "elevation",
        2000,
        ART,
        para(10),
        place=YANTOU,
        doubt=True,
        comment="Only the article gives this; not confirmed elsewhere.",
    ),
    obs(
        "census-2000", "population-census", 275564, "enwp", "infobox / demographics", period="2000"
    ),
    obs(
        "census-2010",
        "population-census",
        271917,
        "zhwp",
        "population section",
        period="2010-11-01",
    ),
    obs(
        "census-2020",
        "population-census",
        260744,
        "enwp",
        "infobox",
        period="2020-11-01",
        comment="The twwiki mirror gives the same figure.",
    ),
    obs(
        "registered-2023",
        "population-registered",
        314863,
        "xzqh",
        "end-2023 figures",
        period="2023",
        comment="162,166 men, 152,697 women; 140,444 urban-registered.",
    ),
    obs(
        "resident-2023",
        "population-resident",
        256500,
        "xzqh",
        "end-2023 figures",
        period="2023",
        comment="Given as 25.65万.",
    ),
    obs("urbanisation-2023", "urbanisation-rate", 63.74, "xzqh", "end-2023 figures", period="2023"),
    obs(
        "area-official",
        "area",
        1858.79,
        "zhwp",
        "body text",
        doubt=True,
        comment="The long-standing official figure; the infobox says 1,865.7 km².",
    ),
    obs(
        "area-land-survey",
        "area",
        1866.2,
        "xzqh",
        "third national land survey",
        doubt=True,
        comment="From the third national land survey; preferred for the 2020s.",
    ),
    obs(
        "village-units-2016",
        "village-level-units",
        165,
        "nbs-2016-codes",
        "count of village-level rows",
        period="2016",
        derived="Counted: 35 communities + 130 villages in the 2016 list.",
    ),
    obs(
        "village-units-2023",
        "village-level-units",
        170,
        "xzqh",
        "divisions",
        period="2023",
        comment="40 communities + 130 villages.",
    ),
    obs(
        "mountain-share",
        "mountain-share",
        97.3,
        "xinhua-relocation-2020",
        "opening",
        comment="No year given.",
    ),
    obs(
        "awang-registered-2019",
        "population-registered",
        37522,
        "awang-baike",
        "overview",
        place=AWANG,
        period="2019",
        comment="End of 2019.",
    ),
    obs(
        "wulong-population-2008",
        "population-registered",
        24526,
        "wulong-wiki",
        "overview",
        place=WULONG,
        period="2008",
        comment="Early 2008; includes 1,495 Hui people.",
    ),
    obs(
        "hongtudi-population-2007",
        "population-registered",
        20531,
        "hongtudi-7s",
        "overview",
        place=HONGTUDI,
        period="2007",
        comment="End of 2007; 5,451 households.",
    ),
]

EVENTS = [
    Event(
        id="shanghai-yunnan-pairing",
        date="1996-09",
        title_en="Shanghai and Yunnan pair up for east-west cooperation",
        title_zh="沪滇对口帮扶启动",
        programs=["putuo-cooperation"],
        places=[DISTRICT],
        source="xinhua-putuo-2020",
        locator="background",
    ),
    Event(
        id="becomes-district",
        date="1998-12-06",
        title_en="State Council approves Dongchuan as a district of Kunming",
        title_zh="国务院批准东川撤市设区",
        places=[DISTRICT],
        source="enwp",
        locator="history",
        comment="Another source dates the change 1999, when it took effect.",
    ),
    Event(
        id="hongtudi-formed",
        date="2005-11",
        title_en="Hongtudi Town formed",
        title_zh="红土地镇设立",
        places=[HONGTUDI],
        source="hongtudi-7s",
        locator="overview",
    ),
    Event(
        id="resource-exhausted",
        date="2009-03-05",
        title_en="Listed among resource-exhausted cities (second batch)",
        title_zh="列入第二批资源枯竭城市",
        places=[DISTRICT],
        source="jjckb-2009",
        locator="list of 32 cities",
    ),
    Event(
        id="mines-suspended",
        date="2018-01",
        title_en="Most small and medium mines suspended for rectification",
        title_zh="大部分中小矿山停产整顿",
        places=[DISTRICT],
        source="smm-mining-2018",
        locator="Dongchuan paragraph",
    ),
    Event(
        id="yi-tourism-opens",
        date="2018-01",
        title_en="Yi-style tourism project opens",
        title_zh="彝族风情旅游项目开业",
        programs=["yi-tourism"],
        places=[DISTRICT],
        source=ART,
        locator=para(11),
    ),
    Event(
        id="relocation-complete",
        date="2018",
        title_en="Relocation of 8,754 households completed",
        title_zh="8754户易地扶贫搬迁完成",
        programs=["relocation"],
        places=[DISTRICT],
        source="hu-interview-2019",
        locator="relocation",
        doubt=True,
        comment="Read only on a mirror of the interview.",
    ),
    Event(
        id="county-exit",
        date="2019-04-30",
        title_en="Yunnan announces Dongchuan meets the exit criteria (2018 batch)",
        title_zh="云南宣布东川区达到贫困县退出标准",
        places=[DISTRICT],
        source="cnr-exit-2019",
        locator="list of 33 counties",
        doubt=True,
        comment="Assessed as the 2018 batch and announced in April 2019; the article "
        "says the district left poverty in 2019. Both are kept.",
    ),
    Event(
        id="putuo-visit",
        date="2019-05",
        title_en="Putuo delegation visits Dashitou and Yantou villages",
        title_zh="普陀区代表团考察大石头村和岩头村",
        programs=["putuo-cooperation"],
        places=[AWANG, DASHITOU, YANTOU],
        source="kunming-daily-2019-05",
        locator="report of the visit",
        description="Led by the Putuo district head, Zhou Minhao; 1.9 million yuan donated.",
    ),
    Event(
        id="bigu-listed",
        date="2020-06-30",
        title_en="Bigu Subdistrict appears in the NBS code list",
        title_zh="碧谷街道列入统计用区划代码",
        places=["530113002000"],
        source="nbs-2023-codes",
        locator="history of dist/streets.csv (2020 vintage)",
    ),
    Event(
        id="pingzi-named",
        date="2021-02-25",
        title_en="Pingzi couple's story cited at the national poverty-alleviation "
        "commendation meeting",
        title_zh="全国脱贫攻坚总结表彰大会提及坪子村张顺东夫妇",
        places=[PINGZI],
        source="fx361-2021",
        locator="opening",
    ),
    Event(
        id="key-county",
        date="2021-08",
        title_en="Named a national key county for rural-revitalisation assistance",
        title_zh="列为国家乡村振兴重点帮扶县",
        places=[DISTRICT],
        source="twwiki",
        locator="overview",
    ),
]

STORIES = [
    Story(
        id="zhang-li-pingzi",
        title_en="A couple who would not give up",
        title_zh="不向命运低头的夫妻",
        people=["Zhang Shundong (张顺东)", "Li Guoxiu (李国秀)"],
        text_en="In Pingzi Village, Wulong Town, Li Guoxiu was born without hands yet "
        "keeps house, works the fields and embroiders hard-wearing insoles with "
        "her feet. Her husband Zhang Shundong lost his right hand and both feet "
        "after an electric shock in childhood; with one healthy hand and "
        "artificial limbs he raises pigs, sheep, chickens and ducks. Government "
        "subsidies helped them into a new house. Both children work; their "
        "daughter became a teacher after college.",
        text_zh="乌龙镇坪子村的李国秀天生没有双手，却能操持家务、下地干活，还用脚绣出结实耐用的"
        "鞋垫。丈夫张顺东幼年触电，失去右手和双脚，靠一只左手和假肢养猪养羊、喂鸡喂鸭。"
        "在政府补助下，一家人搬进了新房。两个孩子都已工作，女儿大学毕业当了老师。",
        places=[PINGZI, WULONG],
        source=ART,
        locator=para(7, "Get ourselves out of poverty") + "; " + para(8),
        derived="Later reports (fx361-2021) add: the shock was at age 6, they married in "
        "1993, and the family lives in Bajiaoqing group of Pingzi.",
    ),
    # The article spells these people's names in pinyin only; their Chinese characters
    # were not found in any source, so the Chinese texts keep the pinyin.
    Story(
        id="shao-xingwen-peaches",
        title_en="Winter peaches on the mountain",
        title_zh="高山上的冬桃",
        people=["Shao Xingwen"],
        text_en="Shao Xingwen, 33, used to drive for a living. He came home to Yantou "
        "Village, about 2,000 m up, to grow winter peaches; the village's 53 "
        "hectares of orchard were expected to crop well. The business joins the "
        "village Party branch, cooperatives, a planting base and farmers.",
        text_zh="33岁的Shao Xingwen曾跑运输，返乡后在海拔约2000米的岩头村种植冬桃。"
        "全村53公顷冬桃有望丰收，采取“村党组织+合作社+基地+农户”的模式带动村民增收。",
        places=[YANTOU, AWANG],
        programs=["returnees"],
        source=ART,
        locator=para(10, "Entrepreneurial talents"),
        derived="Return year about 2016: the article (published April 2020) calls this his "
        "fifth year back, so he returned four years before 2020; the article may "
        "have been written in 2019, so the year is uncertain by one.",
    ),
    Story(
        id="ma-ka-tourism",
        title_en="A homestay and a Yi tourism project",
        title_zh="民宿与彝族风情旅游",
        people=["Ma Ka", "Shao Tianwen"],
        text_en="Ma Ka, a Yi woman, sold her flat in Kunming and came home to run a "
        "homestay. It was hard at first and now pays. In January 2018 she and "
        "Shao Tianwen opened a large Yi-style tourism project meant to lift 261 "
        "poor households through tourism income.",
        text_zh="彝族妇女Ma Ka卖掉昆明城里的房子，回乡经营民宿，起步艰难，如今已见成效。2018年1月，"
        "她与Shao Tianwen开办大型彝族风情旅游项目，带动261户贫困户通过旅游增收。",
        places=[DISTRICT],
        programs=["yi-tourism", "returnees"],
        source=ART,
        locator=para(11, "Entrepreneurial talents"),
        derived="Return year about 2017: she sold her house 'three years ago' in an "
        "article published in 2020.",
    ),
    Story(
        id="lei-yun-yinmin",
        title_en="Housing and work together",
        title_zh="安居与乐业并重",
        people=["Lei Yun (Party chief, Yinmin Town)"],
        text_en="In a valley of Yinmin Town, new high-rise blocks house relocated families "
        "and a school bus takes the children to school. The town's Party chief, "
        "Lei Yun, says relocation was planned for living and working alike: moving, "
        "building industries and training skills together, with social security, "
        "health care and schooling for those who moved.",
        text_zh="因民镇山谷里新建的高楼安置了搬迁群众，校车接送孩子上学。镇党委书记Lei Yun介绍，"
        "搬迁坚持安居与乐业并重，搬迁、产业培育和技能培训统筹推进，并保障社保、医疗和教育。",
        places=[YINMIN, YINMIN_SITE],
        programs=["relocation"],
        source=ART,
        locator=para(3, "Tailored Measures"),
    ),
]

REFERENCE_LINES = [
    ReferenceLine(
        id="line-2010",
        kind="poverty_line",
        name_en="National rural poverty line",
        name_zh="国家农村贫困标准",
        scope="national",
        period="2010",
        value=2300,
        unit="yuan per person per year",
        basis="2010 constant prices",
        source="scio-whitepaper-2021",
        locator="appendix",
    ),
    ReferenceLine(
        id="line-2014",
        kind="poverty_line",
        name_en="National rural poverty line",
        name_zh="国家农村贫困标准",
        scope="national",
        period="2014",
        value=2800,
        unit="yuan per person per year",
        basis="current prices",
        source="nbs-line-2015",
        locator="NBS statement",
    ),
    ReferenceLine(
        id="line-2019",
        kind="poverty_line",
        name_en="National rural poverty line",
        name_zh="国家农村贫困标准",
        scope="national",
        period="2019",
        value=3218,
        unit="yuan per person per year",
        basis="current prices",
        source="video-line-2019",
        locator="description",
        verified=False,
        comment="Weak source; other lists give other figures for 2019.",
    ),
    ReferenceLine(
        id="line-2020",
        kind="poverty_line",
        name_en="Income needed to exit poverty",
        name_zh="脱贫收入标准",
        scope="national",
        period="2020",
        value=4000,
        unit="yuan per person per year",
        basis="current prices, approximate",
        source="scmp-2020",
        locator="body",
        verified=False,
        comment="'Around 4,000 yuan'.",
    ),
    ReferenceLine(
        id="exit-threshold-west",
        kind="exit_threshold",
        indicator="poverty-incidence",
        name_en="Exit threshold, western counties and villages",
        name_zh="西部地区贫困县（村）退出标准",
        scope="western regions",
        value=3,
        unit="%",
        basis="poverty incidence below this value",
        source="exit-opinion-2016",
        locator="exit criteria, county and village",
    ),
    ReferenceLine(
        id="monitoring-2021",
        kind="monitoring_line",
        name_en="Return-to-poverty monitoring line",
        name_zh="防止返贫监测标准",
        scope="national",
        period="2021",
        value=6000,
        unit="yuan per person per year",
        basis="1.5 × the poverty-fight-period standard",
        source="monitoring-2021",
        locator="monitoring scope",
    ),
    ReferenceLine(
        id="monitoring-yunnan-2024",
        kind="monitoring_line",
        name_en="Return-to-poverty monitoring line",
        name_zh="防止返贫监测标准",
        scope="Yunnan",
        period="2024",
        value=8700,
        unit="yuan per person per year",
        source="yunnan-monitoring-2024",
        locator="monitoring scope",
    ),
    ReferenceLine(
        id="monitoring-yunnan-2025",
        kind="monitoring_line",
        name_en="Return-to-poverty monitoring line",
        name_zh="防止返贫监测标准",
        scope="Yunnan",
        period="2025",
        value=8700,
        unit="yuan per person per year",
        source="yunnan-monitoring-2025",
        locator="云农办通〔2025〕1号",
    ),
]


def build(divisions: Path) -> DatasetFile:
    return DatasetFile(
        format="dongchuan-workbench",
        schema_version=SCHEMA_VERSION,
        meta=DatasetMeta(
            title="Dongchuan District poverty alleviation: sourced record",
            title_zh="东川区脱贫攻坚资料库（有出处）",
            created="2026-11-29",
            modified="2026-11-29",
            language="zh-CN",
            note="Only sourced facts; every figure names its source and locator. Years the "
            "sources do not give are left empty. Village list: NBS 2016 vintage.",
        ),
        sources=SOURCES,
        places=build_places(divisions),
        programs=PROGRAMS,
        indicators=INDICATORS,
        observations=OBSERVATIONS,
        events=EVENTS,
        stories=STORIES,
        reference_lines=REFERENCE_LINES,
        # the monitoring rules as data (their own JSON file, sources inside)
        rule_sets=[load_rules(ROOT / "seeds" / "rule_sets" / f"{DEFAULT_RULE_SET}.json")],
        validation_rules=load_validation_rules(ROOT / "seeds" / "source" / "validation_rules.json"),
    )


def load_validation_rules(path: Path) -> list[ValidationRule]:
    """The rules file, type-checked; a bad rule stops the build naming its index."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for i, item in enumerate(doc["validation_rules"]):
        try:
            rules.append(msgspec.convert(item, ValidationRule))
        except msgspec.ValidationError as exc:
            sys.exit(f"{path}: validation_rules[{i}]: {exc}")
    return rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--divisions", type=Path, default=ROOT.parent / "shared" / "source" / "divisions.csv"
    )
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "seeds" / "dongchuan.json")
    args = parser.parse_args()
    args.output.write_bytes(dumps(build(args.divisions)))
    print(args.output)


if __name__ == "__main__":
    main()
